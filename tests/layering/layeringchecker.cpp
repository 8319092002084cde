// SPDX-License-Identifier: GPL-3.0-or-later
#include "layeringchecker.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QRegularExpression>

namespace rentdesk::test {

using namespace Qt::StringLiterals;

LayeringChecker::LayeringChecker(const QString &qtIncludeRoot)
{
    const QDir root(qtIncludeRoot);
    for (const QString &module : root.entryList({ u"Qt*"_s }, QDir::Dirs | QDir::NoDotAndDotDot)) {
        m_moduleOfHeader.insert(module, module); // <QtWidgets>
        const QDir moduleDir(root.filePath(module));
        for (const QString &header : moduleDir.entryList(QDir::Files))
            m_moduleOfHeader.insert(header, module); // <QWidget>, <qwidget.h>
    }
}

QString LayeringChecker::moduleOf(const QString &header) const
{
    // <QtWidgets/QWidget> names its module; <QWidget> is looked up.
    const qsizetype slash = header.indexOf(u'/');
    if (slash > 0 && header.startsWith(u"Qt"_s))
        return header.left(slash);
    return m_moduleOfHeader.value(header);
}

QStringList LayeringChecker::check(const QString &sourceRoot, const QList<Layer> &layers) const
{
    static const QRegularExpression include(uR"(^\s*#\s*include\s*([<"])([^>"]+)[>"])"_s);
    // SQL keywords are written in capitals in this project; prose starting with "Create"
    // is not SQL.
    static const QRegularExpression sqlText(
        uR"re("\s*(SELECT|INSERT|UPDATE|DELETE|CREATE|DROP|ALTER|PRAGMA|BEGIN)\s)re"_s);
    const QDir root(sourceRoot);

    // Which layer a project header belongs to: the first layer folder that has it.
    const auto layerOfHeader = [&](const QString &header, const QString &includingDir) -> QString {
        if (QFileInfo::exists(QDir(includingDir).filePath(header)))
            return QString(); // next to the including file: same layer
        for (const Layer &layer : layers) {
            if (QFileInfo::exists(root.filePath(layer.directory + u'/' + header)))
                return layer.directory;
        }
        return QString();
    };

    QStringList violations;
    for (const Layer &layer : layers) {
        QDirIterator files(root.filePath(layer.directory), { u"*.h"_s, u"*.cpp"_s }, QDir::Files,
                           QDirIterator::Subdirectories);
        while (files.hasNext()) {
            const QString path = files.next();
            QFile file(path);
            if (!file.open(QIODevice::ReadOnly | QIODevice::Text)) {
                violations << root.relativeFilePath(path) + u": cannot be read"_s;
                continue;
            }
            const QString relative = root.relativeFilePath(path);
            int lineNumber = 0;
            while (!file.atEnd()) {
                const QString line = QString::fromUtf8(file.readLine());
                ++lineNumber;
                const QString where = u"%1:%2: "_s.arg(relative).arg(lineNumber);
                if (layer.forbidSqlText && sqlText.match(line).hasMatch())
                    violations << where + u"SQL text in the %1 layer"_s.arg(layer.directory);
                const auto match = include.match(line);
                if (!match.hasMatch())
                    continue;
                const QString header = match.captured(2);
                if (match.captured(1) == u"<"_s) {
                    const QString module = moduleOf(header);
                    if (!module.isEmpty() && !layer.qtModules.contains(module))
                        violations << where
                                + u"<%1> is from %2, which the %3 layer may not use"_s.arg(header, module,
                                                                                           layer.directory);
                    continue;
                }
                for (const QString &forbidden : layer.forbiddenHeaders) {
                    if (header.startsWith(forbidden))
                        violations << where
                                + u"\"%1\" may not be included in the %2 layer"_s.arg(header, layer.directory);
                }
                const QString owner = layerOfHeader(header, QFileInfo(path).absolutePath());
                if (!owner.isEmpty() && !layer.layers.contains(owner))
                    violations << where
                            + u"\"%1\" belongs to %2, above the %3 layer"_s.arg(header, owner, layer.directory);
            }
        }
    }
    return violations;
}

} // namespace rentdesk::test
