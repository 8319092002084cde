// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QPointer>
#include <QProgressDialog>
#include <QString>
#include <QtGlobal>

#include <functional>

class QWidget;

namespace rentdesk::views {

// The progress window of one long task (an export, an import, sending many mails): modal to
// its window, shown only when the task lasts longer than half a second, with a Stop button
// when stopping is safe (none otherwise). The task reports through step(done, total), the
// seam the models' long work takes (a std::function<bool(qint64, qint64)> that returns false
// to stop): a task that runs in a loop calls it and stops when it says so, an event-driven
// one (the mail sender) reads wasStopped() or listens to stopped(). A total of 0 or less is
// not known: the bar is busy.
class TaskProgress final
{
public:
    // stopText: the button's text ("Stop"), empty for a task that cannot be stopped safely.
    TaskProgress(QWidget *parent, const QString &label, const QString &stopText);
    ~TaskProgress();
    Q_DISABLE_COPY_MOVE(TaskProgress)

    // Shows how far the task is; false once the person pressed Stop (or a test said so).
    [[nodiscard]] bool step(qint64 done, qint64 total);
    // step() as the models take it.
    [[nodiscard]] std::function<bool(qint64, qint64)> callback();
    void setLabel(const QString &label);
    [[nodiscard]] bool wasStopped() const;
    // Runs onStop once, when the person presses Stop (an event-driven task). onStop must not
    // destroy this object: it runs inside step() or the window's own signal.
    void onStopped(std::function<void()> onStop);
    // Closes the window; step() says nothing more.
    void finish();

    [[nodiscard]] QProgressDialog *dialog() const { return m_dialog; }

    // For tests: the next task is stopped, as if the person pressed Stop, at its first step()
    // that reports at least `done` (a negative number: no task is stopped).
    static void stopNextAt(qint64 done);

private:
    void stop();

    // The parent's child: gone with it should the parent go first.
    QPointer<QProgressDialog> m_dialog;
    bool m_stopped = false;
    qint64 m_stopAt = -1;
    std::function<void()> m_onStop;
};

// The wait cursor over a task too short for a progress window that cannot be stopped safely
// either: one that runs inside a database transaction (a calendar's import), where the event
// loop must not run, since anything it runs on the same connection (the mail sender marking a
// mail sent) would join the transaction and go if it rolled back. For as long as it lives.
class BusyCursor final
{
public:
    BusyCursor();
    ~BusyCursor();
    Q_DISABLE_COPY_MOVE(BusyCursor)
};

} // namespace rentdesk::views
