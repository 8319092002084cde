// SPDX-License-Identifier: GPL-3.0-or-later
#include "views/pages/pageexport.h"

#include "models/itemmodels/csvexport.h"
#include "views/common/messages.h"
#include "views/pages/tablepage.h"

#include <QCoreApplication>
#include <QDate>
#include <QDir>
#include <QFileInfo>
#include <QProgressDialog>
#include <QSaveFile>
#include <QSettings>

#include <algorithm>
#include <climits>

namespace rentdesk::views {

using namespace Qt::StringLiterals;

namespace {

} // namespace

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
    QProgressDialog progress(QCoreApplication::translate("PageExport", "Exporting %1…").arg(pageTitle),
                             QCoreApplication::translate("PageExport", "Stop"), 0, 1000, parent);
    progress.setWindowModality(Qt::WindowModal);
    progress.setMinimumDuration(500);
    const auto written = models::itemmodels::writeCsv(*page.model(), out, [&](qint64 done, qint64 of) {
        progress.setValue(int(1000 * done / std::max<qint64>(1, of)));
        return !progress.wasCanceled();
    });
    progress.reset();
    if (!written) {
        out.cancelWriting();
        return failed(written.error());
    }
    if (!out.commit())
        return failed(out.errorString());
    // (Computed before the call: lupdate hangs on a template argument inside translate()'s.)
    const int rows = int(std::min<qint64>(written->rows, INT_MAX));
    return QCoreApplication::translate("PageExport", "%n row(s) exported to %1.", nullptr, rows)
        .arg(QDir::toNativeSeparators(path));
}

} // namespace rentdesk::views
