// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDateTime>
#include <QHash>
#include <QList>
#include <QString>

#include <chrono>
#include <expected>
#include <memory>

namespace rentdesk::models::services {
class AttemptStore;
class Clock;
} // namespace rentdesk::models::services

namespace rentdesk::server {

// Attempts counted per key (an account's e-mail, a client's address, a mail domain, a user)
// in a sliding window, from the moment each one starts: an attempt in progress holds a place,
// so that however many arrive at once — forty log-ins on forty connections — at most `limit`
// are ever judged in a window. When an attempt ends it either stays counted (a failed log-in,
// an accepted sign-up) or gives its place back (a log-in that succeeded, a sign-up refused
// before it cost anything). Kept in memory: a restart forgets, which costs an attacker a
// restart of a server they do not control. Servers that share a PostgreSQL database keep the
// attempts there instead (share()), so that together they allow what one would.
class RateLimiter final
{
public:
    RateLimiter(const models::services::Clock &clock, int limit, std::chrono::seconds window);

    // From now on the attempts are counted in the database's rate_attempts under `kind` (one of
    // the schema's), with every server on it. An attempt the database cannot count is refused
    // (a second's wait): a limit that fails does not open.
    void share(std::shared_ptr<const models::services::AttemptStore> store, QString kind);

    // What an attempt left behind when it ended.
    enum class Outcome {
        Counted, // stays in the window
        Released, // no longer counts
    };

    // Takes a place for an attempt now; or, when the key's places are taken (by attempts in
    // the window and in progress), how long until one may come free (at least a second).
    [[nodiscard]] std::expected<void, std::chrono::seconds> begin(const QString &key);
    // Ends an attempt that begin() let through.
    void end(const QString &key, Outcome outcome);
    // Forgets the key's counted attempts (a log-in that succeeded forgets the account's
    // failures); attempts in progress keep their places.
    void reset(const QString &key);
    // Forgets keys with nothing in the window and nothing in progress, so that many made-up
    // keys do not grow the memory; the server calls it now and then.
    void sweep();

    [[nodiscard]] qsizetype keys() const { return m_keys.size() + m_running.size(); }
    [[nodiscard]] int inProgress(const QString &key) const { return m_keys.value(key).inProgress; }
    [[nodiscard]] qsizetype counted(const QString &key) const { return m_keys.value(key).counted.size(); }
    [[nodiscard]] int limit() const { return m_limit; }

private:
    struct Attempts
    {
        QList<QDateTime> counted; // oldest first
        int inProgress = 0;
    };
    void expire(Attempts &attempts) const;

    const models::services::Clock &m_clock;
    int m_limit;
    std::chrono::seconds m_window;
    QHash<QString, Attempts> m_keys;
    std::shared_ptr<const models::services::AttemptStore> m_store;
    QString m_kind;
    // Shared: the ids of this server's attempts in progress, by key, to end them by.
    QHash<QString, QStringList> m_running;
};

} // namespace rentdesk::server
