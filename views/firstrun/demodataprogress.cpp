// SPDX-License-Identifier: GPL-3.0-or-later
#include "views/firstrun/demodataprogress.h"

#include <QCoreApplication>
#include <QEventLoop>
#include <QProgressDialog>
#include <QThread>
#include <QTimer>

#include <atomic>
#include <memory>
#include <optional>

namespace rentdesk::views {

using models::demo::DemoSummary;
using models::services::Result;

Result<DemoSummary> generateDemoDataWithProgress(const std::shared_ptr<models::db::Database> &database,
                                                 models::demo::DemoOptions options, QWidget *parent)
{
    QProgressDialog dialog(parent);
    dialog.setObjectName(QStringLiteral("demoDataProgress"));
    dialog.setWindowTitle(QCoreApplication::translate("DemoDataProgress", "Demo data"));
    dialog.setLabelText(QCoreApplication::translate("DemoDataProgress", "Writing the demo data…"));
    dialog.setCancelButtonText(QCoreApplication::translate("DemoDataProgress", "Cancel"));
    dialog.setWindowModality(parent ? Qt::WindowModal : Qt::ApplicationModal);
    dialog.setRange(0, options.apartments);
    // Small demos are over before the dialog would be worth seeing.
    dialog.setMinimumDuration(500);
    dialog.setAutoClose(false);
    dialog.setAutoReset(false);

    // The worker reports through atomics the dialog reads on the GUI thread, so that nothing
    // the worker does touches a widget, and the dialog's Cancel reaches it at the next building.
    std::atomic<int> written = 0;
    std::atomic<bool> cancelled = false;
    options.progress = [&written, &cancelled](int done, int) {
        written = done;
        return !cancelled.load();
    };

    // A thread of its own rather than a pool's: the database connection it opens is closed when
    // it ends.
    std::optional<Result<DemoSummary>> result;
    std::unique_ptr<QThread> worker(
        QThread::create([database, options, &result] { result = models::demo::generateDemoData(*database, options); }));
    QEventLoop loop;
    QObject::connect(worker.get(), &QThread::finished, &loop, &QEventLoop::quit);
    QObject::connect(&dialog, &QProgressDialog::canceled, &dialog, [&cancelled, &dialog] {
        cancelled = true;
        // Shown until the worker has rolled back: nothing is half-written meanwhile.
        dialog.setLabelText(QCoreApplication::translate("DemoDataProgress", "Cancelling…"));
        dialog.show();
    });
    QTimer poll;
    QObject::connect(&poll, &QTimer::timeout, &dialog, [&dialog, &written, &cancelled, total = options.apartments] {
        if (cancelled)
            return;
        const int done = written.load();
        dialog.setValue(std::min(done, total - 1));
        // The last step, building the indexes, cannot report.
        if (done >= total)
            dialog.setLabelText(QCoreApplication::translate("DemoDataProgress", "Building the indexes…"));
    });
    poll.start(100);
    worker->start();
    loop.exec();
    worker->wait();
    poll.stop();
    dialog.setValue(dialog.maximum());
    return *result;
}

} // namespace rentdesk::views
