// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/services/domainerror.h"
#include "models/services/servicecontext.h"

#include <QString>

#include <chrono>
#include <variant>

namespace rentdesk::models::services {

// The attempts a server's limits count, in the database (schema version 9, rate_attempts), for
// several servers on one PostgreSQL database that must judge them together
// (docs/architecture.md, "Several servers on one database"): forty log-ins spread over two
// servers meet one limit, as they would on one. The same rules as the in-memory limiter
// (server/ratelimiter.h): an attempt holds a place from when it begins, and when it ends it
// stays counted from then for the window, or gives the place back. Each call is one
// transaction, SERIALIZABLE on PostgreSQL, so two servers that read the same free place do not
// both take it: one of them runs again and finds it taken.
class AttemptStore final
{
public:
    explicit AttemptStore(ServiceContext context);

    // What begin() answers: the attempt's id, to end it with; or how long until a place may
    // come free (at least a second).
    using Admission = std::variant<QString, std::chrono::seconds>;

    // `kind` is one of the schema's (login_account, login_address, signup_address,
    // welcome_domain, conversation_user); `key` is hashed before it is stored.
    [[nodiscard]] Result<Admission> begin(const QString &kind, const QString &key, int limit,
                                          std::chrono::seconds window) const;
    [[nodiscard]] Result<void> end(const QString &attempt, bool counted) const;
    // Forgets the key's counted attempts; attempts in progress keep their places.
    [[nodiscard]] Result<void> reset(const QString &kind, const QString &key) const;
    // Deletes the kind's attempts that left the window (a server that stopped in the middle of
    // one leaves it running; it goes with the window too). The number deleted.
    [[nodiscard]] Result<int> sweep(const QString &kind, std::chrono::seconds window) const;

private:
    ServiceContext m_context;
};

} // namespace rentdesk::models::services
