// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/services/bookingservice.h"

#include <QObject>
#include <QTimer>

namespace rentdesk::models::services {

// Moves bookings on with time for the authority (DESIGN.md rule 4): runs
// BookingService::applyTime() when started and again once the clock's local date has
// turned, for as long as it lives. The timer never waits longer than CheckEveryMs, because
// a monotonic timer stands still while the machine sleeps and knows nothing of clock
// changes; each wake-up runs the step only if the date changed. The step is idempotent, so
// a second instance on the same file only repeats work already done.
class TimeKeeper final : public QObject
{
    Q_OBJECT

public:
    explicit TimeKeeper(ServiceContext context, QObject *parent = nullptr);

    // How long after midnight the step runs: a little, so that the clock's date has
    // certainly turned.
    static constexpr qint64 AfterMidnightMs = 1000;
    // The longest the timer waits before looking at the clock again.
    static constexpr qint64 CheckEveryMs = 15 * 60 * 1000;

    // Runs the step now, reports it, and arms the timer for the next midnight (also when
    // the step failed: the next day tries again).
    Result<BookingService::TimeStep> start();

    // Milliseconds from now to the next local midnight plus AfterMidnightMs.
    [[nodiscard]] static qint64 msecsToNextStep(const QDateTime &now);
    // The date the last step ran for (null before start()).
    [[nodiscard]] QDate lastStepDate() const { return m_lastStep; }

    [[nodiscard]] bool isArmed() const { return m_timer.isActive(); }
    [[nodiscard]] int remainingMs() const { return m_timer.remainingTime(); }

Q_SIGNALS:
    void stepped(const rentdesk::models::services::BookingService::TimeStep &step);
    void failed(const rentdesk::models::services::DomainError &error);

private:
    Result<BookingService::TimeStep> step();
    void arm();
    void wakeUp();

    BookingService m_bookings;
    const Clock &m_clock;
    QTimer m_timer;
    QDate m_lastStep;
};

} // namespace rentdesk::models::services
