// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QHash>
#include <QSet>
#include <QString>
#include <QStringList>

namespace rentdesk::test {

// Reads the sources of each layer and reports every #include the layer may not have:
// a header of a Qt module the layer does not use (Debian puts all Qt headers under one
// include root, so linking alone does not stop it), a header of a layer above it, a project
// header not named by its path from the repository's root, and in views anything that runs
// SQL. Linking guards the libraries; this guards the includes.
class LayeringChecker final
{
public:
    struct Layer
    {
        QString directory; // relative to the source root
        QSet<QString> qtModules; // e.g. "QtCore", "QtSql"
        QStringList layers; // project layers whose headers it may include, itself first
        QStringList forbiddenHeaders; // project headers it may not include, as prefixes ("models/db/")
        bool forbidSqlText = false; // string literals that start with an SQL statement
    };

    // qtIncludeRoot holds one folder per Qt module (QtCore/, QtWidgets/, ...).
    explicit LayeringChecker(const QString &qtIncludeRoot);

    // Returns one "file:line: reason" per violation, with paths relative to sourceRoot.
    [[nodiscard]] QStringList check(const QString &sourceRoot, const QList<Layer> &layers) const;

    // One "file:line: reason" per project header outside the layer that the layer's files
    // include, directly or through other headers, and that includes a header of qtModule:
    // the layer would see that module's types (QSqlDatabase in a widget) without naming it.
    [[nodiscard]] QStringList checkUnreachable(const QString &sourceRoot, const QString &layer,
                                               const QString &qtModule) const;

    // The Qt module that provides a header ("QWidget" -> "QtWidgets"); empty if none.
    [[nodiscard]] QString moduleOf(const QString &header) const;

    [[nodiscard]] qsizetype knownHeaderCount() const { return m_moduleOfHeader.size(); }

private:
    QHash<QString, QString> m_moduleOfHeader;
};

} // namespace rentdesk::test
