// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/services/timekeeper.h"

#include <QLoggingCategory>

namespace rentdesk::models::services {

Q_LOGGING_CATEGORY(lcTime, "rentdesk.services.time", QtWarningMsg)

TimeKeeper::TimeKeeper(ServiceContext context, QObject *parent)
    : QObject(parent)
    , m_bookings(context)
    , m_clock(context.clock())
{
    m_timer.setSingleShot(true);
    // A coarse timer may fire (and report) up to 5% late: an hour past midnight at worst.
    m_timer.setTimerType(Qt::PreciseTimer);
    connect(&m_timer, &QTimer::timeout, this, &TimeKeeper::wakeUp);
}

Result<BookingService::TimeStep> TimeKeeper::start()
{
    auto result = step();
    arm();
    return result;
}

qint64 TimeKeeper::msecsToNextStep(const QDateTime &now)
{
    const QDateTime local = now.toLocalTime();
    // In a zone whose clocks skip midnight, QDateTime moves the invalid time forward.
    const QDateTime midnight(local.date().addDays(1), QTime(0, 0), local.timeSpec());
    return std::max<qint64>(0, local.msecsTo(midnight)) + AfterMidnightMs;
}

void TimeKeeper::wakeUp()
{
    if (m_clock.today() != m_lastStep)
        (void)step();
    arm();
}

Result<BookingService::TimeStep> TimeKeeper::step()
{
    const QDate today = m_clock.today();
    auto result = m_bookings.applyTime();
    if (result) {
        qCInfo(lcTime) << "time step for" << today << ":" << result->completed << "stays completed," << result->expired
                       << "requests expired," << result->apartmentsChanged << "apartments changed";
        m_lastStep = today;
        Q_EMIT stepped(*result);
    } else {
        qCWarning(lcTime) << "time step failed:" << result.error().message;
        Q_EMIT failed(result.error());
    }
    return result;
}

void TimeKeeper::arm()
{
    m_timer.start(static_cast<int>(std::min(msecsToNextStep(m_clock.now()), CheckEveryMs)));
}

} // namespace rentdesk::models::services
