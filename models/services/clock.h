// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDate>
#include <QDateTime>

namespace rentdesk::models::services {

// Where the services get the time from. Passed in, never read from a global, so that
// tests and benchmarks can set the date ("a request may not start before today").
class Clock
{
public:
    Clock() = default;
    virtual ~Clock() = default;
    Q_DISABLE_COPY_MOVE(Clock)

    [[nodiscard]] virtual QDateTime now() const = 0;

    // The calendar date of now() in the clock's local time: the date a person means by
    // "today".
    [[nodiscard]] QDate today() const { return now().toLocalTime().date(); }
};

// The machine's clock.
class SystemClock final : public Clock
{
public:
    SystemClock() = default;
    [[nodiscard]] QDateTime now() const override { return QDateTime::currentDateTimeUtc(); }
};

// A clock that stands still until it is set or advanced.
class ManualClock final : public Clock
{
public:
    explicit ManualClock(QDateTime now)
        : m_now(std::move(now))
    {
    }
    [[nodiscard]] QDateTime now() const override { return m_now; }
    void set(const QDateTime &now) { m_now = now; }
    void advanceSecs(qint64 seconds) { m_now = m_now.addSecs(seconds); }
    void advanceDays(qint64 days) { m_now = m_now.addDays(days); }

private:
    QDateTime m_now;
};

} // namespace rentdesk::models::services
