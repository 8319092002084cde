// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/services/clock.h"
#include "models/services/domainerror.h"
#include "net/protocol/chatjson.h"

#include <memory>

namespace rentdesk::models::db {
class Database;
}
namespace rentdesk::models::sync {
class Replica;
class ReplicaDirectory;
} // namespace rentdesk::models::sync
namespace rentdesk::net::connection {
class ServerConnection;
}

namespace rentdesk::net::sync {

class SyncClient;

// A connected replica as the desktop uses it (docs/architecture.md, "The connected desktop"):
// the database file, the models::sync::Replica on it and, once start() is called, the
// SyncClient that keeps it in step with the server over the app's one connection. The first
// sign-in to an account makes its file (forAccount()); later starts open it again (open()).
class ReplicaSession final
{
public:
    // The replica of `account` on `serverUrl` in `directory`, made and initialized with the
    // log-in's profile on the first sign-in, opened again on later ones. A file at that place
    // that is a replica of another account, or holds a standalone database with data, is
    // refused, never overwritten.
    [[nodiscard]] static models::services::Result<std::unique_ptr<ReplicaSession>>
    forAccount(const models::sync::ReplicaDirectory &directory, const QString &serverUrl,
               const protocol::UserJson &account, const models::services::Clock &clock);
    // The replica of a database already open (its mode is Connected).
    [[nodiscard]] static models::services::Result<std::unique_ptr<ReplicaSession>>
    open(std::shared_ptr<models::db::Database> database, const models::services::Clock &clock);
    ~ReplicaSession();
    Q_DISABLE_COPY_MOVE(ReplicaSession)

    [[nodiscard]] const std::shared_ptr<models::db::Database> &database() const { return m_database; }
    [[nodiscard]] models::sync::Replica &replica() const { return *m_replica; }
    // The account as a protocol user, to resume its session with.
    [[nodiscard]] protocol::UserJson account() const;
    // Whether a pull has ever reached the end of the server's feed: until then the replica is
    // being filled (the first sync, perhaps resumed after a restart).
    [[nodiscard]] bool hasSynced() const;

    // Syncs from now on over connection, which must outlive this session; null before.
    void start(connection::ServerConnection &connection);
    [[nodiscard]] SyncClient *sync() const { return m_sync.get(); }

private:
    ReplicaSession(std::shared_ptr<models::db::Database> database, std::unique_ptr<models::sync::Replica> replica);

    std::shared_ptr<models::db::Database> m_database;
    std::unique_ptr<models::sync::Replica> m_replica;
    std::unique_ptr<SyncClient> m_sync; // declared last: goes before the replica it syncs
};

} // namespace rentdesk::net::sync
