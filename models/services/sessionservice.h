// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/domain/entities.h"
#include "models/services/servicecontext.h"

#include <QDateTime>
#include <QString>
#include <QUuid>

#include <chrono>

namespace rentdesk::models::services {

// The server's log-in sessions (docs/protocol.md, "login", "resume", "logout"): a random
// token handed to the client once, of which only the SHA-256 is stored, so that a copy of
// the database resumes nobody. A token is unknown, revoked or expired alike to the caller
// (InvalidToken). Server mode only: the desktop keeps no sessions.
class SessionService final
{
public:
    explicit SessionService(ServiceContext context);

    // The longest session create() makes: the expiry must stay a four-digit year, and a
    // token that outlives this should have been replaced by a new login long before.
    static constexpr std::chrono::seconds LongestLifetime { std::chrono::hours(24 * 3650) };

    struct NewSession
    {
        QUuid id;
        QString token; // shown to the client once; never stored
        QDateTime expiresAt;
    };

    struct SessionUser
    {
        QUuid sessionId;
        domain::User user;
        QDateTime expiresAt;
    };

    // A session for an existing user (NotFound otherwise) that ends after lifetime
    // (1 s to LongestLifetime, else InvalidValue on "lifetime").
    [[nodiscard]] Result<NewSession> create(const QUuid &user, std::chrono::seconds lifetime) const;
    // The session's user and expiry; moves last_seen_at to now.
    [[nodiscard]] Result<SessionUser> resume(const QString &token) const;
    // Ends the session (logout). Revoking a revoked or expired session changes nothing and
    // is not an error; an unknown token is InvalidToken.
    [[nodiscard]] Result<void> revoke(const QString &token) const;
    // Deletes the sessions whose expiry has passed, revoked ones included; how many.
    [[nodiscard]] Result<int> removeExpired() const;

    // Lowercase hex SHA-256 of the token's text: what sessions.token_hash holds.
    [[nodiscard]] static QString tokenHash(const QString &token);

private:
    [[nodiscard]] Result<void> requireServer() const;

    ServiceContext m_context;
};

} // namespace rentdesk::models::services
