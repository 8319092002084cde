// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/domain/entities.h"
#include "models/services/servicecontext.h"
#include "models/sync/mutations.h"

#include <QDateTime>
#include <QJsonArray>
#include <QSet>
#include <QUuid>

#include <memory>
#include <optional>

class QSqlDatabase;

namespace rentdesk::models::db {
class BackgroundCheckpoint;
class BulkLoadSettings;
class Database;
} // namespace rentdesk::models::db

namespace rentdesk::models::sync {

// A mutation of this replica as its queue keeps it.
struct QueuedMutation
{
    enum class State {
        Pending, // not yet known to be applied by the server
        Applied, // the server applied it; it leaves with the next pull, which carries its effect
        Refused, // the server refused it: its effect is undone, it waits for retry or discard
    };
    Mutation mutation;
    QUuid actor;
    State state = State::Pending;
    QString createdAt;
    services::DomainError error; // Refused: the server's reason
    std::optional<qint64> dependsOn; // Refused because this earlier refused mutation made what it needs
};

// What the server said of one pushed mutation (docs/protocol.md, sync.push).
struct PushOutcome
{
    qint64 id = 0;
    bool applied = false;
    services::DomainError error;
    std::optional<qint64> dependsOn;
};

// A connected desktop database: the local replica of what one server account may see, with
// the account's own changes on top (docs/architecture.md, "Sync"). Every service writes here at
// once through context() and journals the mutation with the changeset it made; a pull brings
// the tables to the server's rows and runs the still-pending mutations again on top (the
// rebase). No sockets: net/sync moves the mutations and the pages.
//
// One replica per database file, used on the thread that opened it (the changesets are
// recorded on that thread's connection).
class Replica final
{
public:
    // Makes an empty database a connected replica of `account` on `serverUrl`, with a client id
    // of its own, and the account's profile as the log-in gave it (id, e-mail, name, role,
    // language), so that work can start offline before the first pull. Refused when the
    // database holds data or is a replica already.
    [[nodiscard]] static services::Result<void> initialize(const db::Database &database, const QString &serverUrl,
                                                           const domain::User &account);
    // The replica of a connected database.
    [[nodiscard]] static services::Result<std::unique_ptr<Replica>> open(std::shared_ptr<db::Database> database,
                                                                         const services::Clock &clock);
    ~Replica();
    Q_DISABLE_COPY_MOVE(Replica)

    // The services' context on this replica: connected mode, journaling with changesets.
    [[nodiscard]] const services::ServiceContext &context() const { return m_context; }
    [[nodiscard]] QUuid accountId() const { return m_account; }
    [[nodiscard]] QUuid clientId() const { return m_client; }
    [[nodiscard]] QString serverUrl() const { return m_serverUrl; }
    // The account's profile as the replica holds it (the server's row after a pull, the
    // log-in's before): who the desktop's session is while offline.
    [[nodiscard]] services::Result<domain::User> account() const;
    // The server's cursor after the last page applied (empty before the first), and when a
    // pull last reached the end of the feed (null before).
    [[nodiscard]] services::Result<QString> cursor() const;
    [[nodiscard]] services::Result<QDateTime> syncedAt() const;

    // The rows of the synced tables here (how far a first sync that resumes has come).
    [[nodiscard]] services::Result<qint64> rowCount() const;

    // The mutations to push, oldest first: Pending ones with an id above `after`.
    [[nodiscard]] services::Result<QList<Mutation>> pending(qint64 after, int limit) const;
    // Pending ones with an id above `after` (all of them by default).
    [[nodiscard]] services::Result<int> pendingCount(qint64 after = 0) const;
    [[nodiscard]] services::Result<int> refusedCount() const;
    // The rows the pending mutations create or change (the "waiting to sync" mark), by id.
    [[nodiscard]] services::Result<QSet<QUuid>> waitingIds() const;
    // Files what the server said: applied ones wait for the pull; refused ones keep the reason
    // and have their effect undone by the next pull's rebase.
    [[nodiscard]] services::Result<void> recordOutcomes(const QList<PushOutcome> &outcomes);

    // Applies one page of sync.pull in one transaction: undoes every mutation whose effect is
    // here, applies the server's rows (all the synced tables emptied first on `resync`), drops
    // the applied mutations and runs the pending ones again through their services. `end`: the
    // page reached the end of the feed.
    // A large first pull (or resync) of more than one batch writes its rows with the browsing
    // indexes set aside and a large page cache, and builds the indexes (and the search index)
    // in the transaction of its last page; between its pages, and after a restart in the
    // middle of one, the replica is complete as far as it goes, only slower to browse.
    // `remaining`: the server's bound on the changes after these rows; a first pull is a bulk
    // load only when at least bulkLoadChanges() remain (a small one is faster without: the
    // settings' large page cache costs more than it saves).
    [[nodiscard]] services::Result<void> applyPull(const QJsonArray &rows, const QString &cursor, bool resync, bool end,
                                                   qint64 remaining = 0);
    // A first pull as one file (models/sync/snapshot.h): where the client keeps the file while
    // it arrives, and its application: the file, with this replica's own tables copied in,
    // takes the database file's place (db::Database::replaceFile), so that the queries
    // prepared on this thread's connection end. The rows now in the replica.
    [[nodiscard]] QString snapshotPath() const;
    [[nodiscard]] services::Result<qint64> applySnapshot(const QString &cursor);
    static constexpr qint64 DefaultBulkLoadChanges = 20000;
    [[nodiscard]] qint64 bulkLoadChanges() const { return m_bulkLoadChanges; }
    void setBulkLoadChanges(qint64 changes) { m_bulkLoadChanges = changes; }

    // The refused mutations, oldest first, with the server's reasons. They stay until the person
    // retries or discards them.
    [[nodiscard]] services::Result<QList<QueuedMutation>> refused() const;
    [[nodiscard]] services::Result<void> discard(qint64 id);
    // Runs a refused mutation again as a new one (locally at once, to the server with the next
    // push): for a refusal whose cause has gone (the dates freed, say).
    [[nodiscard]] services::Result<void> retry(qint64 id);
    // Every mutation of the queue, oldest first (for tests and the details view).
    [[nodiscard]] services::Result<QList<QueuedMutation>> queue() const;

    class Sink;

private:
    Replica(std::shared_ptr<db::Database> database, const services::Clock &clock, QUuid account, QUuid client,
            QString serverUrl, std::shared_ptr<Sink> sink);
    // Records the changes of this thread's connection, and reads what it holds of the replica's
    // own state: when the replica opens, and again after a snapshot took the file's place.
    [[nodiscard]] services::Result<void> attachToConnection();
    void copyWalBack(const QSqlDatabase &db);

    std::shared_ptr<db::Database> m_database;
    services::ServiceContext m_context;
    QUuid m_account;
    QUuid m_client;
    QString m_serverUrl;
    std::shared_ptr<Sink> m_sink;
    // The connection's settings for a first pull, while one runs.
    std::unique_ptr<db::BulkLoadSettings> m_bulk;
    qint64 m_bulkLoadChanges = DefaultBulkLoadChanges;
    // What replica_deferred_indexes holds, read at open and kept with each commit that
    // changes it: the only writer is this object.
    QList<QString> m_deferredIndexes;
    // The copy back of a bulk load's WAL, while it runs; this connection does not checkpoint
    // meanwhile.
    std::unique_ptr<db::BackgroundCheckpoint> m_checkpoint;
};

} // namespace rentdesk::models::sync
