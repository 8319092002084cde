// SPDX-License-Identifier: GPL-3.0-or-later
#include "server/ratelimiter.h"

#include "models/services/clock.h"

#include <algorithm>

namespace rentdesk::server {

RateLimiter::RateLimiter(const models::services::Clock &clock, int limit, std::chrono::seconds window)
    : m_clock(clock)
    , m_limit(limit)
    , m_window(window)
{
}

void RateLimiter::expire(QList<QDateTime> &failures) const
{
    const QDateTime oldest = m_clock.now().addSecs(-m_window.count());
    failures.removeIf([&](const QDateTime &at) { return at <= oldest; });
}

std::optional<std::chrono::seconds> RateLimiter::blockedFor(const QString &key)
{
    const auto found = m_failures.find(key);
    if (found == m_failures.end())
        return std::nullopt;
    expire(*found);
    if (found->isEmpty()) {
        m_failures.erase(found);
        return std::nullopt;
    }
    if (found->size() < m_limit)
        return std::nullopt;
    // Free again when the failure that put the key over the limit leaves the window.
    const QDateTime freeAt = found->at(found->size() - m_limit).addSecs(m_window.count());
    return std::chrono::seconds(std::max<qint64>(1, (m_clock.now().msecsTo(freeAt) + 999) / 1000));
}

void RateLimiter::recordFailure(const QString &key)
{
    QList<QDateTime> &failures = m_failures[key];
    expire(failures);
    failures.append(m_clock.now());
    // Only the last m_limit matter for the answer; the rest need no memory.
    while (failures.size() > m_limit)
        failures.removeFirst();
}

void RateLimiter::sweep()
{
    for (auto it = m_failures.begin(); it != m_failures.end();) {
        expire(*it);
        it = it->isEmpty() ? m_failures.erase(it) : std::next(it);
    }
}

void RateLimiter::reset(const QString &key)
{
    m_failures.remove(key);
}

} // namespace rentdesk::server
