// SPDX-License-Identifier: GPL-3.0-or-later
#include "server/ratelimiter.h"

#include "models/services/attemptstore.h"
#include "models/services/clock.h"

#include <QLoggingCategory>

#include <algorithm>

namespace rentdesk::server {

Q_LOGGING_CATEGORY(lcLimits, "rentdesk.server.limits", QtInfoMsg)

RateLimiter::RateLimiter(const models::services::Clock &clock, int limit, std::chrono::seconds window)
    : m_clock(clock)
    , m_limit(std::max(1, limit))
    , m_window(window)
{
}

void RateLimiter::expire(Attempts &attempts) const
{
    const QDateTime oldest = m_clock.now().addSecs(-m_window.count());
    attempts.counted.removeIf([&](const QDateTime &at) { return at <= oldest; });
}

void RateLimiter::share(std::shared_ptr<const models::services::AttemptStore> store, QString kind)
{
    m_store = std::move(store);
    m_kind = std::move(kind);
}

std::expected<void, std::chrono::seconds> RateLimiter::begin(const QString &key)
{
    if (m_store) {
        const auto admitted = m_store->begin(m_kind, key, m_limit, m_window);
        if (!admitted) {
            qCWarning(lcLimits) << m_kind
                                << "attempt refused, the database cannot count it:" << admitted.error().message;
            return std::unexpected(std::chrono::seconds(1));
        }
        if (const auto *wait = std::get_if<std::chrono::seconds>(&*admitted))
            return std::unexpected(*wait);
        m_running[key].append(std::get<QString>(*admitted));
        return {};
    }
    Attempts &attempts = m_keys[key];
    expire(attempts);
    const qsizetype taken = attempts.counted.size() + attempts.inProgress;
    if (taken < m_limit) {
        ++attempts.inProgress;
        return {};
    }
    // The place that frees first: the (taken - limit + 1)th oldest counted attempt leaving the
    // window. When attempts in progress hold the places, one ends in moments (a hash), or
    // stays counted for the window: say a second, the shortest wait there is.
    const qsizetype leaving = taken - m_limit; // index among the counted, oldest first
    if (leaving >= attempts.counted.size())
        return std::unexpected(std::chrono::seconds(1));
    const QDateTime freeAt = attempts.counted.at(leaving).addSecs(m_window.count());
    return std::unexpected(std::chrono::seconds(std::max<qint64>(1, (m_clock.now().msecsTo(freeAt) + 999) / 1000)));
}

void RateLimiter::end(const QString &key, Outcome outcome)
{
    if (m_store) {
        const auto found = m_running.find(key);
        if (found == m_running.end())
            return; // not begun: nothing to end
        const QString attempt = found->takeLast();
        if (found->isEmpty())
            m_running.erase(found);
        if (auto ended = m_store->end(attempt, outcome == Outcome::Counted); !ended)
            qCWarning(lcLimits) << m_kind << "attempt not ended (it leaves with the window):" << ended.error().message;
        return;
    }
    const auto found = m_keys.find(key);
    if (found == m_keys.end() || found->inProgress == 0)
        return; // not begun: nothing to end
    --found->inProgress;
    if (outcome == Outcome::Counted) {
        found->counted.append(m_clock.now());
        // Only the last m_limit matter for the answer; older ones need no memory.
        while (found->counted.size() > m_limit)
            found->counted.removeFirst();
    }
}

void RateLimiter::reset(const QString &key)
{
    if (m_store) {
        if (auto done = m_store->reset(m_kind, key); !done)
            qCWarning(lcLimits) << m_kind << "counted attempts not forgotten:" << done.error().message;
        return;
    }
    const auto found = m_keys.find(key);
    if (found == m_keys.end())
        return;
    found->counted.clear();
    if (found->inProgress == 0)
        m_keys.erase(found);
}

void RateLimiter::sweep()
{
    if (m_store) {
        if (auto done = m_store->sweep(m_kind, m_window); !done)
            qCWarning(lcLimits) << m_kind << "sweep failed:" << done.error().message;
        return;
    }
    for (auto it = m_keys.begin(); it != m_keys.end();) {
        expire(*it);
        it = it->counted.isEmpty() && it->inProgress == 0 ? m_keys.erase(it) : std::next(it);
    }
}

} // namespace rentdesk::server
