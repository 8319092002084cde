// SPDX-License-Identifier: GPL-3.0-or-later
#include "views/firstrun/demodataprogress.h"

#include "views/widgets/taskprogress.h"

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
    // The shared progress window of long tasks; Cancel, since a stop leaves nothing behind.
    TaskProgress progress(parent, QCoreApplication::translate("DemoDataProgress", "Writing the demo data…"),
                          QCoreApplication::translate("DemoDataProgress", "Cancel"));
    if (QProgressDialog *dialog = progress.dialog())
        dialog->setWindowTitle(QCoreApplication::translate("DemoDataProgress", "Demo data"));

    // The worker reports through atomics the window reads on the GUI thread, so that nothing the
    // worker does touches a widget, and Cancel reaches it at the next building.
    std::atomic<int> written = 0;
    std::atomic<bool> cancelled = false;
    options.progress = [&written, &cancelled](int done, int) {
        written = done;
        return !cancelled.load();
    };
    progress.onStopped([&cancelled] { cancelled = true; });

    // A thread of its own rather than a pool's: the database connection it opens is closed when
    // it ends.
    std::optional<Result<DemoSummary>> result;
    std::unique_ptr<QThread> worker(
        QThread::create([database, options, &result] { result = models::demo::generateDemoData(*database, options); }));
    QEventLoop loop;
    QObject::connect(worker.get(), &QThread::finished, &loop, &QEventLoop::quit);
    QTimer poll;
    QObject::connect(&poll, &QTimer::timeout, &loop, [&progress, &written, &cancelled, total = options.apartments] {
        if (cancelled)
            return;
        const int done = written.load();
        // The last step, building the indexes, cannot report: the bar waits short of its end.
        if (done >= total)
            progress.setLabel(QCoreApplication::translate("DemoDataProgress", "Building the indexes…"));
        if (!progress.step(std::min(done, total - 1), total))
            cancelled = true;
    });
    poll.start(100);
    worker->start();
    loop.exec();
    worker->wait();
    poll.stop();
    progress.finish();
    return *result;
}

} // namespace rentdesk::views
