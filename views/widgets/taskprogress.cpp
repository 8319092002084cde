// SPDX-License-Identifier: GPL-3.0-or-later
#include "views/widgets/taskprogress.h"

#include <QApplication>
#include <QProgressDialog>

#include <algorithm>
#include <utility>

namespace rentdesk::views {

namespace {

// The bar's steps: QProgressDialog counts in int, a task in qint64.
constexpr qint64 MaximumSteps = 1000000;

qint64 stopNextAtForTests = -1;

} // namespace

TaskProgress::TaskProgress(QWidget *parent, const QString &label, const QString &stopText)
    : m_dialog(new QProgressDialog(label, stopText, 0, 0, parent))
    , m_stopAt(std::exchange(stopNextAtForTests, -1))
{
    m_dialog->setObjectName(QStringLiteral("taskProgress"));
    m_dialog->setWindowModality(Qt::WindowModal);
    // A short task shows no window that flashes by.
    m_dialog->setMinimumDuration(500);
    // The task closes it (finish()): the bar at its end is not the task's end (a file to commit).
    m_dialog->setAutoReset(false);
    m_dialog->setAutoClose(false);
    if (stopText.isEmpty())
        m_dialog->setCancelButton(nullptr);
    QObject::connect(m_dialog, &QProgressDialog::canceled, m_dialog, [this] { stop(); });
}

TaskProgress::~TaskProgress()
{
    delete m_dialog.data();
}

bool TaskProgress::step(qint64 done, qint64 total)
{
    if (m_stopAt >= 0 && done >= m_stopAt) {
        if (m_dialog)
            m_dialog->cancel(); // as the Stop button does
        stop();
    }
    if (m_stopped)
        return false;
    if (!m_dialog)
        return true; // its window went with its parent; the task goes on unseen
    if (total <= 0) {
        if (m_dialog->maximum() != 0)
            m_dialog->setRange(0, 0);
        m_dialog->setValue(0);
        return !m_stopped; // the event loop may have run a press of Stop
    }
    const qint64 steps = std::min(total, MaximumSteps);
    if (m_dialog->maximum() != int(steps))
        m_dialog->setRange(0, int(steps));
    // setValue() shows the window once the task has taken the minimum duration, and runs the
    // event loop while it is shown (its Stop button, repaints).
    m_dialog->setValue(int(std::clamp<qint64>(done, 0, total) * steps / total));
    return !m_stopped;
}

void TaskProgress::stop()
{
    if (m_stopped)
        return;
    m_stopped = true;
    if (m_onStop)
        m_onStop();
}

std::function<bool(qint64, qint64)> TaskProgress::callback()
{
    return [this](qint64 done, qint64 total) {
        return step(done, total);
    };
}

void TaskProgress::setLabel(const QString &label)
{
    if (m_dialog)
        m_dialog->setLabelText(label);
}

bool TaskProgress::wasStopped() const
{
    return m_stopped;
}

void TaskProgress::onStopped(std::function<void()> onStop)
{
    m_onStop = std::move(onStop);
}

void TaskProgress::finish()
{
    if (m_dialog)
        m_dialog->hide();
}

void TaskProgress::stopNextAt(qint64 done)
{
    stopNextAtForTests = done;
}

BusyCursor::BusyCursor()
{
    QApplication::setOverrideCursor(Qt::WaitCursor);
}

BusyCursor::~BusyCursor()
{
    QApplication::restoreOverrideCursor();
}

} // namespace rentdesk::views
