// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDateTime>
#include <QHash>
#include <QList>
#include <QString>

#include <chrono>
#include <optional>

namespace rentdesk::models::services {
class Clock;
}

namespace rentdesk::server {

// Failed logins counted per key (an account's normalised e-mail, a client's address) in a
// sliding window: past the limit, every login for that key is refused until the oldest
// failure in the window has aged out, even with the right password, so that guessing
// cannot go faster than the limit. Kept in memory: a restart forgets, which costs an
// attacker a restart of the server they do not control.
class RateLimiter final
{
public:
    RateLimiter(const models::services::Clock &clock, int limit, std::chrono::seconds window);

    // How long until the key may try again; nullopt when it may now.
    [[nodiscard]] std::optional<std::chrono::seconds> blockedFor(const QString &key);
    void recordFailure(const QString &key);
    // A success forgets the key's failures.
    void reset(const QString &key);
    // Forgets keys whose failures all left the window, so that many different keys (an
    // attacker's made-up addresses) do not grow the memory; the server calls it now and then.
    void sweep();
    [[nodiscard]] qsizetype keys() const { return m_failures.size(); }

private:
    void expire(QList<QDateTime> &failures) const;

    const models::services::Clock &m_clock;
    int m_limit;
    std::chrono::seconds m_window;
    QHash<QString, QList<QDateTime>> m_failures;
};

} // namespace rentdesk::server
