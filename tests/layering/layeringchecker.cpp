// SPDX-License-Identifier: GPL-3.0-or-later
#include "tests/layering/layeringchecker.h"

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
    QStringList layerNames;
    for (const Layer &layer : layers)
        layerNames << layer.directory;

    // The repository's root is the include root: a project header is named by its path from
    // there, and the first folder of that path is the layer it belongs to.
    const auto layerOfHeader = [&](const QString &header) -> QString {
        const QString top = header.section(u'/', 0, 0);
        return layerNames.contains(top) ? top : QString();
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
                // Generated files (moc output) are in no source folder; a header next to the
                // including file is, and must be named from the root like any other.
                if (!QFileInfo::exists(root.filePath(header))
                    && QFileInfo::exists(QDir(QFileInfo(path).absolutePath()).filePath(header))) {
                    violations << where
                            + u"\"%1\" is named from its folder; name it by its path from the repository's root"_s.arg(
                                header);
                    continue;
                }
                for (const QString &forbidden : layer.forbiddenHeaders) {
                    if (header.startsWith(forbidden))
                        violations << where
                                + u"\"%1\" may not be included in the %2 layer"_s.arg(header, layer.directory);
                }
                const QString owner = layerOfHeader(header);
                if (!owner.isEmpty() && !layer.layers.contains(owner))
                    violations << where
                            + u"\"%1\" belongs to %2, above the %3 layer"_s.arg(header, owner, layer.directory);
            }
        }
    }
    return violations;
}

QStringList LayeringChecker::checkUnreachable(const QString &sourceRoot, const QString &layer,
                                              const QString &qtModule) const
{
    static const QRegularExpression include(uR"(^\s*#\s*include\s*([<"])([^>"]+)[>"])"_s);
    const QDir root(sourceRoot);
    // Breadth first over the project headers, from every file of the layer; each header is
    // read once and remembered with the first file through which the layer reaches it.
    QStringList queue;
    QHash<QString, QString> reachedThrough;
    QDirIterator files(root.filePath(layer), { u"*.h"_s, u"*.cpp"_s }, QDir::Files, QDirIterator::Subdirectories);
    while (files.hasNext()) {
        const QString relative = root.relativeFilePath(files.next());
        queue << relative;
        reachedThrough.insert(relative, relative);
    }
    QStringList violations;
    while (!queue.isEmpty()) {
        const QString current = queue.takeFirst();
        QFile file(root.filePath(current));
        if (!file.open(QIODevice::ReadOnly | QIODevice::Text))
            continue;
        int lineNumber = 0;
        while (!file.atEnd()) {
            const QString line = QString::fromUtf8(file.readLine());
            ++lineNumber;
            const auto match = include.match(line);
            if (!match.hasMatch())
                continue;
            const QString header = match.captured(2);
            if (match.captured(1) == u"<"_s) {
                if (moduleOf(header) == qtModule && !current.startsWith(layer + u'/'))
                    violations << u"%1:%2: <%3> is from %4, which reaches the %5 layer through %6"_s.arg(current)
                                      .arg(lineNumber)
                                      .arg(header, qtModule, layer, reachedThrough.value(current));
                continue;
            }
            if (!reachedThrough.contains(header) && QFileInfo::exists(root.filePath(header))) {
                reachedThrough.insert(header, reachedThrough.value(current));
                queue << header;
            }
        }
    }
    return violations;
}

} // namespace rentdesk::test
