// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/exportcommand.h"

#include "app/commandline.h"
#include "models/itemmodels/csvexport.h"
#include "models/itemmodels/pagemodels.h"

#include <QCoreApplication>
#include <QFile>
#include <QSaveFile>
#include <QTextStream>

#include <climits>

namespace rentdesk::app {

using namespace Qt::StringLiterals;

namespace {

int failed(const QString &message)
{
    QTextStream(stderr) << QCoreApplication::applicationName().toLower() << u": "_s << message << u'\n';
    return ExitExportFailed;
}

} // namespace

int exportCsv(std::shared_ptr<models::db::Database> database, const QString &table, const QString &viewerEmail,
              const QString &path)
{
    const auto made = models::itemmodels::makeTableModel(table, std::move(database), viewerEmail);
    if (!made)
        return failed(made.error().message);
    const auto &model = *made;
    if (path == u"-") {
        QFile out;
        if (!out.open(stdout, QIODevice::WriteOnly))
            return failed(out.errorString());
        const auto written = models::itemmodels::writeCsv(*model, out);
        out.flush();
        return written ? ExitSuccess : failed(written.error());
    }
    QSaveFile out(path);
    if (!out.open(QIODevice::WriteOnly)) {
        return failed(
            QCoreApplication::translate("ExportCommand", "%1 could not be written: %2.").arg(path, out.errorString()));
    }
    const auto written = models::itemmodels::writeCsv(*model, out);
    if (!written) {
        out.cancelWriting();
        return failed(
            QCoreApplication::translate("ExportCommand", "%1 was not written: %2").arg(path, written.error()));
    }
    if (!out.commit()) {
        return failed(
            QCoreApplication::translate("ExportCommand", "%1 could not be written: %2.").arg(path, out.errorString()));
    }
    // (Computed before the call: lupdate hangs on a template argument inside translate()'s.)
    const int rows = int(std::min<qint64>(written->rows, INT_MAX));
    QTextStream(stdout)
        << QCoreApplication::translate("ExportCommand", "Wrote %n row(s) to %1.", nullptr, rows).arg(path) << u'\n';
    return ExitSuccess;
}

} // namespace rentdesk::app
