// SPDX-License-Identifier: GPL-3.0-or-later
#include "views/pages/pageexport.h"

#include "models/itemmodels/csvexport.h"
#include "views/common/messages.h"
#include "views/pages/tablepage.h"
#include "views/widgets/taskprogress.h"

#include <QCoreApplication>
#include <QDate>
#include <QDir>
#include <QFileInfo>
#include <QSaveFile>
#include <QSettings>

#include <algorithm>
#include <climits>

namespace rentdesk::views {

using namespace Qt::StringLiterals;

QString exportPageToCsv(const TablePage &page, const QString &pageTitle, QWidget *parent)
{
    const QString path =
        messages::saveFileName(parent, QCoreApplication::translate("PageExport", "Export %1 to CSV").arg(pageTitle),
                               u"%1-%2.csv"_s.arg(page.name(), QDate::currentDate().toString(Qt::ISODate)),
                               QCoreApplication::translate("PageExport", "CSV files (*.csv)"));
    if (path.isEmpty())
        return {};

    const auto failed = [&](const QString &why) {
        messages::tell(parent, QCoreApplication::translate("PageExport", "Export to CSV"),
                       QCoreApplication::translate("PageExport", "%1 was not written. %2")
                           .arg(QDir::toNativeSeparators(path), why));
        return QString();
    };
    QSaveFile out(path);
    if (!out.open(QIODevice::WriteOnly))
        return failed(out.errorString());
    TaskProgress progress(parent, QCoreApplication::translate("PageExport", "Exporting %1…").arg(pageTitle),
                          QCoreApplication::translate("PageExport", "Stop"));
    const auto written = models::itemmodels::writeCsv(*page.model(), out, progress.callback());
    progress.finish();
    if (!written) {
        // Not committed: the file named is as it was, and no part of the export is left.
        out.cancelWriting();
        return progress.wasStopped() ? QString() : failed(written.error());
    }
    if (!out.commit())
        return failed(out.errorString());
    // (Computed before the call: lupdate hangs on a template argument inside translate()'s.)
    const int rows = int(std::min<qint64>(written->rows, INT_MAX));
    return QCoreApplication::translate("PageExport", "%n row(s) exported to %1.", nullptr, rows)
        .arg(QDir::toNativeSeparators(path));
}

} // namespace rentdesk::views
