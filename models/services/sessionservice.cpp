// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/services/sessionservice.h"

#include "models/db/query.h"
#include "models/db/transaction.h"
#include "models/domain/storedvalues.h"
#include "models/services/randomtoken.h"
#include "models/services/records.h"
#include "models/services/servicesteps.h"

#include <QCoreApplication>
#include <QCryptographicHash>

namespace rentdesk::models::services {

using namespace Qt::StringLiterals;
using namespace rentdesk::models::domain;
using Code = DomainError::Code;

namespace {

DomainError invalidToken()
{
    return DomainError(Code::InvalidToken, u"session"_s, u"token"_s,
                       QCoreApplication::translate("SessionService", "The session has ended; sign in again."));
}

// The later of two stored timestamps. Both have the same fixed form, so text order is time
// order. A clock set back must not move a session's times backwards, which the schema's
// order checks would refuse.
QString later(const QString &a, const QString &b)
{
    return a < b ? b : a;
}

} // namespace

SessionService::SessionService(ServiceContext context)
    : m_context(std::move(context))
{
}

Result<void> SessionService::requireServer() const
{
    if (m_context.mode() != Mode::Server) {
        return std::unexpected(
            DomainError(Code::NotInThisMode, u"session"_s, QString(),
                        QCoreApplication::translate("SessionService", "Sessions are kept by the server only.")));
    }
    return {};
}

QString SessionService::tokenHash(const QString &token)
{
    return QString::fromLatin1(QCryptographicHash::hash(token.toUtf8(), QCryptographicHash::Sha256).toHex());
}

Result<SessionService::NewSession> SessionService::create(const QUuid &user, std::chrono::seconds lifetime) const
{
    if (auto allowed = requireServer(); !allowed)
        return std::unexpected(allowed.error());
    if (lifetime.count() < 1 || lifetime > LongestLifetime) {
        return std::unexpected(DomainError(
            Code::InvalidValue, u"session"_s, u"lifetime"_s,
            QCoreApplication::translate("SessionService", "A session lasts from one second to ten years.")));
    }
    // 32 random bytes in base64url without padding.
    const auto token = randomToken(u"session"_s);
    if (!token)
        return std::unexpected(token.error());

    NewSession session;
    session.id = newId();
    session.token = *token;
    const QDateTime now = m_context.clock().now().toUTC();
    const QString created = toStoredTimestamp(now);
    const QString expires = toStoredTimestamp(now.addSecs(lifetime.count()));
    session.expiresAt = timestampFromStored(expires).value_or(QDateTime());

    const auto connection = connectionOf(m_context);
    if (!connection)
        return std::unexpected(connection.error());
    const QSqlDatabase &db = *connection;
    auto made = db::transact(db, [&]() -> Result<void> {
        if (auto found = userById(db, user); !found)
            return std::unexpected(found.error());
        auto inserted =
            db::exec(db,
                     u"INSERT INTO sessions (id, user_id, token_hash, created_at, expires_at, last_seen_at) "
                     "VALUES (:id, :user, :hash, :now, :expires, :now)"_s,
                     { { u":id"_s, toStoredId(session.id) },
                       { u":user"_s, toStoredId(user) },
                       { u":hash"_s, tokenHash(session.token) },
                       { u":now"_s, created },
                       { u":expires"_s, expires } });
        if (!inserted)
            return std::unexpected(DomainError(inserted.error()));
        return {};
    });
    if (!made)
        return std::unexpected(made.error());
    return session;
}

Result<SessionService::SessionUser> SessionService::resume(const QString &token) const
{
    if (auto allowed = requireServer(); !allowed)
        return std::unexpected(allowed.error());
    // Anything that cannot be a token is answered without a look at the database.
    if (!looksLikeRandomToken(token))
        return std::unexpected(invalidToken());

    const auto connection = connectionOf(m_context);
    if (!connection)
        return std::unexpected(connection.error());
    const QSqlDatabase &db = *connection;
    const QString now = m_context.nowStored();
    return db::transact(db, [&]() -> Result<SessionUser> {
        // Found by the hash through its unique index, so no comparison of secrets happens in
        // this process, and timing one would tell an attacker about the hash of what they
        // sent, not about any stored token: a constant-time comparison has nothing to protect.
        auto query = db::exec(db,
                              u"SELECT s.id, s.expires_at, s.revoked_at, s.last_seen_at, "_s + userColumns(u"u"_s)
                                  + u" FROM sessions AS s JOIN users AS u ON u.id = s.user_id "
                                    "WHERE s.token_hash = :hash"_s,
                              { { u":hash"_s, tokenHash(token) } });
        if (!query)
            return std::unexpected(DomainError(query.error()));
        if (!query->next())
            return std::unexpected(invalidToken());
        const QString expires = query->value(1).toString();
        if (!query->value(2).isNull() || expires <= now)
            return std::unexpected(invalidToken());
        auto id = idFromStored(query->value(0));
        auto expiresAt = timestampFromStored(query->value(1));
        if (!id)
            return std::unexpected(unreadable(u"session"_s, id.error()));
        if (!expiresAt)
            return std::unexpected(unreadable(u"session"_s, expiresAt.error()));
        const QString lastSeen = query->value(3).toString();
        auto user = readUser(*query, 4);
        if (!user)
            return std::unexpected(user.error());
        query->finish();

        auto seen = db::exec(db, u"UPDATE sessions SET last_seen_at = :seen WHERE id = :id"_s,
                             { { u":seen"_s, later(lastSeen, now) }, { u":id"_s, toStoredId(*id) } });
        if (!seen)
            return std::unexpected(DomainError(seen.error()));
        return SessionUser { *id, *user, *expiresAt };
    });
}

Result<void> SessionService::revoke(const QString &token) const
{
    if (auto allowed = requireServer(); !allowed)
        return std::unexpected(allowed.error());
    const auto connection = connectionOf(m_context);
    if (!connection)
        return std::unexpected(connection.error());
    const QSqlDatabase &db = *connection;
    const QString now = m_context.nowStored();
    return db::transact(db, [&]() -> Result<void> {
        auto query = db::exec(db, u"SELECT id, created_at, revoked_at FROM sessions WHERE token_hash = :hash"_s,
                              { { u":hash"_s, tokenHash(token) } });
        if (!query)
            return std::unexpected(DomainError(query.error()));
        if (!query->next())
            return std::unexpected(invalidToken());
        if (!query->value(2).isNull())
            return {}; // logged out already: the first time is kept
        const QString id = query->value(0).toString();
        const QString created = query->value(1).toString();
        query->finish();
        auto revoked = db::exec(db, u"UPDATE sessions SET revoked_at = :now WHERE id = :id"_s,
                                { { u":now"_s, later(created, now) }, { u":id"_s, id } });
        if (!revoked)
            return std::unexpected(DomainError(revoked.error()));
        return {};
    });
}

Result<int> SessionService::removeExpired() const
{
    if (auto allowed = requireServer(); !allowed)
        return std::unexpected(allowed.error());
    const auto connection = connectionOf(m_context);
    if (!connection)
        return std::unexpected(connection.error());
    const QSqlDatabase &db = *connection;
    return db::transact(db, [&]() -> Result<int> {
        auto removed =
            db::exec(db, u"DELETE FROM sessions WHERE expires_at <= :now"_s, { { u":now"_s, m_context.nowStored() } });
        if (!removed)
            return std::unexpected(DomainError(removed.error()));
        return removed->numRowsAffected();
    });
}

} // namespace rentdesk::models::services
