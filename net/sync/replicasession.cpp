// SPDX-License-Identifier: GPL-3.0-or-later
#include "net/sync/replicasession.h"

#include "models/db/database.h"
#include "models/services/mode.h"
#include "models/sync/replica.h"
#include "models/sync/replicadirectory.h"
#include "net/sync/syncclient.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>

namespace rentdesk::net::sync {

using namespace Qt::StringLiterals;
using models::services::DomainError;
using models::services::Result;

Result<std::unique_ptr<ReplicaSession>> ReplicaSession::forAccount(const models::sync::ReplicaDirectory &directory,
                                                                   const QString &serverUrl,
                                                                   const protocol::UserJson &account,
                                                                   const models::services::Clock &clock)
{
    const QString path = directory.pathFor(serverUrl, account.id);
    if (!QDir().mkpath(QFileInfo(path).absolutePath())) {
        return std::unexpected(DomainError(
            DomainError::Code::Storage, u"database"_s, QString(),
            QCoreApplication::translate("ReplicaSession", "Cannot make the folder %1.").arg(directory.folder())));
    }
    auto database = models::db::Database::open(path);
    if (!database)
        return std::unexpected(DomainError(database.error()));
    const auto mode = models::services::storedMode(**database);
    if (!mode)
        return std::unexpected(mode.error());
    if (*mode != models::services::Mode::Connected) {
        // New (or made and left before it was initialized): it becomes this account's replica.
        if (auto made = models::sync::Replica::initialize(**database, serverUrl, accountProfile(account)); !made)
            return std::unexpected(made.error());
    }
    auto session = open(std::move(*database), clock);
    if (session && (*session)->replica().accountId() != account.id) {
        return std::unexpected(DomainError(
            DomainError::Code::WrongState, u"database"_s, QString(),
            QCoreApplication::translate("ReplicaSession", "%1 is the replica of another account.").arg(path)));
    }
    return session;
}

Result<std::unique_ptr<ReplicaSession>> ReplicaSession::open(std::shared_ptr<models::db::Database> database,
                                                             const models::services::Clock &clock)
{
    auto replica = models::sync::Replica::open(database, clock);
    if (!replica)
        return std::unexpected(replica.error());
    return std::unique_ptr<ReplicaSession>(new ReplicaSession(std::move(database), std::move(*replica)));
}

ReplicaSession::ReplicaSession(std::shared_ptr<models::db::Database> database,
                               std::unique_ptr<models::sync::Replica> replica)
    : m_database(std::move(database))
    , m_replica(std::move(replica))
{
}

ReplicaSession::~ReplicaSession() = default;

protocol::UserJson ReplicaSession::account() const
{
    protocol::UserJson user;
    user.id = m_replica->accountId();
    if (const auto profile = m_replica->account()) {
        user.email = profile->email;
        user.displayName = profile->displayName;
        user.role = profile->role;
        user.language = profile->language;
    }
    return user;
}

bool ReplicaSession::hasSynced() const
{
    const auto at = m_replica->syncedAt();
    return at && at->isValid();
}

void ReplicaSession::start(connection::ServerConnection &connection)
{
    if (!m_sync)
        m_sync = std::make_unique<SyncClient>(connection, *m_replica);
}

} // namespace rentdesk::net::sync
