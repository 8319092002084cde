// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDate>
#include <QRandomGenerator>
#include <QString>
#include <QStringView>

#include <span>

namespace rentdesk::models::demo {

// The one source of randomness of the demo generator: a QRandomGenerator seeded with the
// full 64-bit seed, so that a seed gives the same data on every run and every machine.
// Ids come from it too (never QUuid::createUuid()), for the same reason.
class DemoRandom final
{
public:
    explicit DemoRandom(quint64 seed);

    // A whole number in [lowest, highest], both included.
    [[nodiscard]] int between(int lowest, int highest);
    // True with the given chance in percent.
    [[nodiscard]] bool percent(int chance);
    // A factor in [lowest, highest).
    [[nodiscard]] double real(double lowest, double highest);

    // A lowercase UUID without braces (the stored form of an id), laid out as version 7
    // (RFC 9562): the 48-bit time field holds a counter, so that ids ascend in the order
    // rows are written and every index on an id or a reference grows at its end rather
    // than at a random place (a third of a large generation's time), while the other 74
    // bits stay random.
    [[nodiscard]] QString uuid();

    template<typename T> [[nodiscard]] const T &pick(std::span<const T> items)
    {
        Q_ASSERT(!items.empty());
        return items[size_t(between(0, int(items.size()) - 1))];
    }

    // An index chosen with the given weights (all >= 0, at least one > 0).
    [[nodiscard]] int weighted(std::span<const int> weights);

private:
    QRandomGenerator m_generator;
    // The time field of the next id: 2020-01-01T00:00:00Z in milliseconds, counting up.
    quint64 m_nextIdTime = 1577836800000;
};

// Milliseconds since 1970-01-01T00:00:00Z: the generator's timestamps, kept as numbers
// because formatting a million QDateTimes would dominate the run time.
using Instant = qint64;

constexpr Instant msPerSecond = 1000;
constexpr Instant msPerMinute = 60 * msPerSecond;
constexpr Instant msPerHour = 60 * msPerMinute;
constexpr Instant msPerDay = 24 * msPerHour;

// Midnight UTC at the start of date, and the UTC date of an instant.
[[nodiscard]] Instant startOfDay(QDate date);
[[nodiscard]] QDate dateOf(Instant instant);

// The stored forms of DESIGN.md ("2026-03-15T09:30:00.250Z", "2026-03-15"), the same
// text as domain::toStoredTimestamp()/toStoredDate() give, written directly.
[[nodiscard]] QString formatTimestamp(Instant instant);
[[nodiscard]] QString formatDate(QDate date);

} // namespace rentdesk::models::demo
