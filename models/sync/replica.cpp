// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/sync/replica.h"

#include "models/db/bulkload.h"
#include "models/db/changerecorder.h"
#include "models/db/database.h"
#include "models/db/query.h"
#include "models/db/transaction.h"
#include "models/db/walcheckpointer.h"
#include "models/domain/storedvalues.h"
#include "models/query/searchindex.h"
#include "models/services/journalsink.h"
#include "models/services/mode.h"
#include "models/services/servicesteps.h"
#include "models/sync/pagewriter.h"
#include "models/sync/rowformat.h"
#include "models/sync/snapshot.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QJsonDocument>
#include <QLoggingCategory>
#include <QScopeGuard>
#include <QSqlError>

namespace rentdesk::models::sync {

using namespace Qt::StringLiterals;
using namespace rentdesk::models::domain;
using services::DomainError;
using services::Result;

Q_LOGGING_CATEGORY(lcReplica, "rentdesk.sync.replica", QtInfoMsg)

namespace {

// The tables a pull writes and a mutation's changeset covers.
const QStringList SyncedTables = { u"users"_s,    u"buildings"_s, u"apartments"_s,
                                   u"bookings"_s, u"reviews"_s,   u"apartment_photos"_s };
// Kept through a first pull: the overlap triggers look every booking's stays up in it.
const QStringList IndexesTriggersNeed = { u"bookings_stays_idx"_s };

DomainError storage(const db::DbError &error)
{
    return DomainError(error);
}

QString compact(const QJsonObject &object)
{
    return QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact));
}

// The indexes a first pull set aside, if one is under way.
Result<QList<QString>> deferredIndexes(const QSqlDatabase &db)
{
    auto stored = db::exec(db, u"SELECT definition FROM replica_deferred_indexes ORDER BY definition"_s);
    if (!stored)
        return std::unexpected(storage(stored.error()));
    QList<QString> definitions;
    while (stored->next())
        definitions.append(stored->value(0).toString());
    return definitions;
}

// A replica whose connection could not be taken up again after a snapshot took the file's
// place records nothing: every write is refused until it is opened again.
DomainError notRecording()
{
    return DomainError(DomainError::Code::Storage, u"database"_s, QString(),
                       QCoreApplication::translate("Replica", "This replica must be opened again."));
}

QueuedMutation::State stateOf(const QString &code)
{
    if (code == u"applied")
        return QueuedMutation::State::Applied;
    if (code == u"refused")
        return QueuedMutation::State::Refused;
    return QueuedMutation::State::Pending;
}

} // namespace

// Journals the replica's mutations with the changeset each made, and while the rebase runs one
// again, files its new changeset under its old row instead of adding a row.
class Replica::Sink final : public services::JournalSink
{
public:
    explicit Sink(std::unique_ptr<db::ChangeRecorder> recorder)
        : recorder(std::move(recorder))
    {
    }

    Result<void> record(const QSqlDatabase &db, const QUuid &actor, const QString &name, const QJsonObject &args,
                        const QString &now) override
    {
        if (!recorder)
            return std::unexpected(notRecording());
        auto changes = recorder->take();
        if (!changes)
            return std::unexpected(storage(changes.error()));
        if (replaying) {
            auto filed = db::exec(db, u"UPDATE pending_mutations SET changes = :changes WHERE id = :id"_s,
                                  { { u":changes"_s, *changes }, { u":id"_s, *replaying } });
            if (!filed)
                return std::unexpected(storage(filed.error()));
            return {};
        }
        auto added = db::exec(db,
                              u"INSERT INTO pending_mutations (name, args, actor_id, created_at, changes) "
                              "VALUES (:name, :args, :actor, :now, :changes)"_s,
                              { { u":name"_s, name },
                                { u":args"_s, compact(args) },
                                { u":actor"_s, toStoredId(actor) },
                                { u":now"_s, now },
                                { u":changes"_s, *changes } });
        if (!added)
            return std::unexpected(storage(added.error()));
        return {};
    }

    std::unique_ptr<db::ChangeRecorder> recorder;
    std::optional<qint64> replaying;
};

namespace {

Result<QList<QueuedMutation>> readQueue(const QSqlDatabase &db, const QString &where,
                                        const QList<db::Binding> &bindings, int limit = -1)
{
    auto statement = db::exec(db,
                              u"SELECT id, name, args, actor_id, state, created_at, error_code, error_entity, "
                              "error_field, error_message, depends_on FROM pending_mutations WHERE "_s
                                  + where + u" ORDER BY id LIMIT %1"_s.arg(limit),
                              bindings);
    if (!statement)
        return std::unexpected(storage(statement.error()));
    QSqlQuery *const query = &*statement;
    QList<QueuedMutation> queue;
    while (query->next()) {
        QueuedMutation entry;
        entry.mutation.id = query->value(0).toLongLong();
        entry.mutation.name = query->value(1).toString();
        entry.mutation.args = QJsonDocument::fromJson(query->value(2).toString().toUtf8()).object();
        entry.actor = idFromStored(query->value(3)).value_or(QUuid());
        entry.state = stateOf(query->value(4).toString());
        entry.createdAt = query->value(5).toString();
        if (entry.state == QueuedMutation::State::Refused) {
            entry.error = DomainError(DomainError::codeFromName(query->value(6).toString()), query->value(7).toString(),
                                      query->value(8).toString(), query->value(9).toString());
            if (!query->value(10).isNull())
                entry.dependsOn = query->value(10).toLongLong();
        }
        queue.append(entry);
    }
    query->finish();
    return queue;
}

} // namespace

Result<void> Replica::initialize(const db::Database &database, const QString &serverUrl, const User &account)
{
    const auto connection = services::connectionOf(database);
    if (!connection)
        return std::unexpected(connection.error());
    const QSqlDatabase &db = *connection;
    return db::transact(db, [&]() -> Result<void> {
        const auto mode = services::storedMode(database);
        if (!mode)
            return std::unexpected(mode.error());
        auto rows = db::scalar(db, u"SELECT (SELECT count(*) FROM users) + (SELECT count(*) FROM replica_state)"_s);
        if (!rows)
            return std::unexpected(storage(rows.error()));
        if (*mode != services::Mode::Standalone || rows->toLongLong() > 0) {
            return std::unexpected(
                DomainError(DomainError::Code::NotInThisMode, u"database"_s, QString(),
                            QCoreApplication::translate(
                                "Replica", "A replica of a server account is made in a new, empty database.")));
        }
        const QString now = toStoredTimestamp(QDateTime::currentDateTimeUtc());
        for (const auto &[sql, bindings] : QList<std::pair<QString, QList<db::Binding>>> {
                 { u"UPDATE database_meta SET value = 'connected' WHERE key = 'mode'"_s, {} },
                 { u"INSERT INTO replica_state (server_url, account_id, client_id) VALUES (:url, :account, :client)"_s,
                   { { u":url"_s, serverUrl },
                     { u":account"_s, toStoredId(account.id) },
                     { u":client"_s, toStoredId(newId()) } } },
                 // The first pull brings the server's row over it.
                 { u"INSERT INTO users (id, email, display_name, role, language, created_at, updated_at) "
                   "VALUES (:id, :email, :name, :role, :language, :now, :now)"_s,
                   { { u":id"_s, toStoredId(account.id) },
                     { u":email"_s, account.email },
                     { u":name"_s, account.displayName },
                     { u":role"_s, toCode(account.role) },
                     { u":language"_s, toCode(account.language) },
                     { u":now"_s, now } } } }) {
            if (auto done = db::exec(db, sql, bindings); !done)
                return std::unexpected(storage(done.error()));
        }
        return {};
    });
}

Result<std::unique_ptr<Replica>> Replica::open(std::shared_ptr<db::Database> database, const services::Clock &clock)
{
    const auto mode = services::storedMode(*database);
    if (!mode)
        return std::unexpected(mode.error());
    if (*mode != services::Mode::Connected) {
        return std::unexpected(
            DomainError(DomainError::Code::NotInThisMode, u"database"_s, QString(),
                        QCoreApplication::translate("Replica", "This database is not a replica of a server account.")));
    }
    const auto connection = services::connectionOf(*database);
    if (!connection)
        return std::unexpected(connection.error());
    auto state = db::exec(*connection, u"SELECT account_id, client_id, server_url FROM replica_state"_s);
    if (!state)
        return std::unexpected(storage(state.error()));
    if (!state->next()) {
        return std::unexpected(
            DomainError(DomainError::Code::NotFound, u"database"_s, QString(),
                        QCoreApplication::translate("Replica", "This replica does not say which account it is of.")));
    }
    const auto account = idFromStored(state->value(0));
    const auto client = idFromStored(state->value(1));
    if (!account || !client)
        return std::unexpected(
            DomainError(DomainError::Code::InvalidValue, u"database"_s, QString(),
                        QCoreApplication::translate("Replica", "This replica's account or client id is unreadable.")));
    const QString url = state->value(2).toString();
    state->finish();
    auto replica = std::unique_ptr<Replica>(
        new Replica(std::move(database), clock, *account, *client, url, std::make_shared<Sink>(nullptr)));
    if (auto attached = replica->attachToConnection(); !attached)
        return std::unexpected(attached.error());
    return replica;
}

Replica::Replica(std::shared_ptr<db::Database> database, const services::Clock &clock, QUuid account, QUuid client,
                 QString serverUrl, std::shared_ptr<Sink> sink)
    : m_database(database)
    , m_context(std::move(database), clock, services::Mode::Connected)
    , m_account(account)
    , m_client(client)
    , m_serverUrl(std::move(serverUrl))
    , m_sink(std::move(sink))
{
    m_context.setJournalSink(m_sink);
}

Replica::~Replica() = default;

Result<User> Replica::account() const
{
    const auto connection = services::connectionOf(m_context);
    if (!connection)
        return std::unexpected(connection.error());
    return services::userById(*connection, m_account);
}

Result<QString> Replica::cursor() const
{
    const auto connection = services::connectionOf(m_context);
    if (!connection)
        return std::unexpected(connection.error());
    auto cursor = db::scalar(*connection, u"SELECT cursor FROM replica_state"_s, {});
    if (!cursor)
        return std::unexpected(storage(cursor.error()));
    return cursor->toString();
}

Result<QDateTime> Replica::syncedAt() const
{
    const auto connection = services::connectionOf(m_context);
    if (!connection)
        return std::unexpected(connection.error());
    auto at = db::scalar(*connection, u"SELECT synced_at FROM replica_state"_s);
    if (!at)
        return std::unexpected(storage(at.error()));
    if (at->isNull())
        return QDateTime();
    return timestampFromStored(*at).value_or(QDateTime());
}

Result<QList<Mutation>> Replica::pending(qint64 after, int limit) const
{
    const auto connection = services::connectionOf(m_context);
    if (!connection)
        return std::unexpected(connection.error());
    auto queue = readQueue(*connection, u"state = 'pending' AND id > :after"_s, { { u":after"_s, after } }, limit);
    if (!queue)
        return std::unexpected(queue.error());
    QList<Mutation> mutations;
    for (const QueuedMutation &entry : std::as_const(*queue))
        mutations.append(entry.mutation);
    return mutations;
}

namespace {

Result<int> countInState(const services::ServiceContext &context, const QString &state, qint64 after = 0)
{
    const auto connection = services::connectionOf(context);
    if (!connection)
        return std::unexpected(connection.error());
    auto count =
        db::scalar(*connection, u"SELECT count(*) FROM pending_mutations WHERE state = :state AND id > :after"_s,
                   { { u":state"_s, state }, { u":after"_s, after } });
    if (!count)
        return std::unexpected(storage(count.error()));
    return count->toInt();
}

} // namespace

Result<int> Replica::pendingCount(qint64 after) const
{
    return countInState(m_context, u"pending"_s, after);
}

Result<int> Replica::refusedCount() const
{
    return countInState(m_context, u"refused"_s);
}

Result<qint64> Replica::rowCount() const
{
    const auto connection = services::connectionOf(m_context);
    if (!connection)
        return std::unexpected(connection.error());
    QStringList counts;
    for (const QString &table : SyncedTables)
        counts.append(u"(SELECT count(*) FROM "_s + table + u')');
    auto count = db::scalar(*connection, u"SELECT "_s + counts.join(u" + "_s));
    if (!count)
        return std::unexpected(storage(count.error()));
    return count->toLongLong();
}

Result<QSet<QUuid>> Replica::waitingIds() const
{
    const auto connection = services::connectionOf(m_context);
    if (!connection)
        return std::unexpected(connection.error());
    auto ids = db::exec(*connection,
                        u"SELECT DISTINCT json_extract(args, '$.id') FROM pending_mutations WHERE state = 'pending'"_s);
    if (!ids)
        return std::unexpected(storage(ids.error()));
    QSet<QUuid> waiting;
    while (ids->next()) {
        if (const auto id = idFromStored(ids->value(0)))
            waiting.insert(*id);
    }
    return waiting;
}

Result<QList<QueuedMutation>> Replica::refused() const
{
    const auto connection = services::connectionOf(m_context);
    if (!connection)
        return std::unexpected(connection.error());
    return readQueue(*connection, u"state = 'refused'"_s, {});
}

Result<QList<QueuedMutation>> Replica::queue() const
{
    const auto connection = services::connectionOf(m_context);
    if (!connection)
        return std::unexpected(connection.error());
    return readQueue(*connection, u"1 = 1"_s, {});
}

// The rebase (docs/architecture.md, "Sync"), inside the caller's transaction: every mutation
// whose effect is here is undone, newest first, down to the server's state of the last pull;
// `apply` writes what the server sent; the applied mutations leave (their effect is in the
// server's rows); the pending ones run again through their services, oldest first, each
// recording its new changeset. One the services now refuse here stays pending without an
// effect: the server has the last word on it.
namespace {

Result<void> rebase(const QSqlDatabase &db, Replica::Sink &sink, const services::ServiceContext &context,
                    const std::function<Result<void>()> &apply)
{
    if (!sink.recorder)
        return std::unexpected(notRecording());
    db::ChangeRecorder &recorder = *sink.recorder;
    recorder.setEnabled(false);
    const auto resume = qScopeGuard([&] {
        sink.replaying.reset();
        recorder.setEnabled(true);
        (void)recorder.restart();
    });

    auto done =
        db::exec(db, u"SELECT id, changes FROM pending_mutations WHERE changes IS NOT NULL ORDER BY id DESC"_s, {});
    if (!done)
        return std::unexpected(storage(done.error()));
    QList<std::pair<qint64, QByteArray>> undo;
    while (done->next())
        undo.append({ done->value(0).toLongLong(), done->value(1).toByteArray() });
    done->finish();
    for (const auto &[id, changes] : std::as_const(undo)) {
        auto inverse = db::invertChangeset(changes);
        if (!inverse)
            return std::unexpected(storage(inverse.error()));
        if (auto undone = db::applyChangeset(db, *inverse); !undone) {
            qCWarning(lcReplica) << "undoing mutation" << id << "failed:" << undone.error().detail;
            return std::unexpected(storage(undone.error()));
        }
    }
    if (auto cleared = db::exec(db, u"UPDATE pending_mutations SET changes = NULL WHERE changes IS NOT NULL"_s, {});
        !cleared)
        return std::unexpected(storage(cleared.error()));

    if (auto applied = apply(); !applied)
        return applied;

    if (auto gone = db::exec(db, u"DELETE FROM pending_mutations WHERE state = 'applied'"_s, {}); !gone)
        return std::unexpected(storage(gone.error()));

    auto redo = readQueue(db, u"state = 'pending'"_s, {});
    if (!redo)
        return std::unexpected(redo.error());
    const MutationApplier applier(context);
    for (const QueuedMutation &entry : std::as_const(*redo)) {
        if (auto restarted = recorder.restart(); !restarted)
            return std::unexpected(storage(restarted.error()));
        recorder.setEnabled(true);
        sink.replaying = entry.mutation.id;
        auto again = applier.apply(entry.actor, entry.mutation.name, entry.mutation.args);
        sink.replaying.reset();
        recorder.setEnabled(false);
        if (!again) {
            if (again.error().code == DomainError::Code::Storage)
                return std::unexpected(again.error());
            qCInfo(lcReplica) << "mutation" << entry.mutation.id << entry.mutation.name
                              << "has no effect here now:" << again.error().message;
        }
    }
    return {};
}

} // namespace

Result<void> Replica::recordOutcomes(const QList<PushOutcome> &outcomes)
{
    const auto connection = services::connectionOf(m_context);
    if (!connection)
        return std::unexpected(connection.error());
    const QSqlDatabase &db = *connection;
    return db::transact(db, [&]() -> Result<void> {
        bool anyRefused = false;
        for (const PushOutcome &outcome : outcomes) {
            auto filed = outcome.applied
                ? db::exec(db, u"UPDATE pending_mutations SET state = 'applied' WHERE id = :id AND state = 'pending'"_s,
                           { { u":id"_s, outcome.id } })
                : db::exec(
                    db,
                    u"UPDATE pending_mutations SET state = 'refused', error_code = :code, "
                    "error_entity = :entity, error_field = :field, error_message = :message, "
                    "depends_on = :depends WHERE id = :id AND state = 'pending'"_s,
                    { { u":code"_s, outcome.error.codeName() },
                      { u":entity"_s, outcome.error.entity },
                      { u":field"_s, outcome.error.field },
                      { u":message"_s, outcome.error.message },
                      { u":depends"_s,
                        outcome.dependsOn ? QVariant(*outcome.dependsOn) : QVariant(QMetaType::fromType<qlonglong>()) },
                      { u":id"_s, outcome.id } });
            if (!filed)
                return std::unexpected(storage(filed.error()));
            anyRefused = anyRefused || !outcome.applied;
        }
        // A refusal's effect goes at once, under the pending mutations made after it.
        if (anyRefused)
            return rebase(db, *m_sink, m_context, [] { return Result<void>(); });
        return {};
    });
}

namespace {

// The photos' bytes that neither a photo here nor a queued addPhoto names (pending: to upload
// and make again; refused: for a retry; applied: its row may be on a page still to come).
// The services leave blobs on a replica (forgetUnreferencedBlobs): a refused removal brings its
// photo back.
Result<void> forgetUnnamedBlobs(const QSqlDatabase &db)
{
    auto forgotten = db::exec(db,
                              u"DELETE FROM photo_blobs WHERE NOT EXISTS (SELECT 1 FROM apartment_photos AS p "
                              "WHERE p.image_sha256 = photo_blobs.sha256 OR p.thumbnail_sha256 = photo_blobs.sha256) "
                              "AND NOT EXISTS (SELECT 1 FROM pending_mutations AS m WHERE m.name = 'addPhoto' "
                              "AND (json_extract(m.args, '$.imageSha256') = photo_blobs.sha256 "
                              "OR json_extract(m.args, '$.thumbnailSha256') = photo_blobs.sha256))"_s);
    if (!forgotten)
        return std::unexpected(storage(forgotten.error()));
    return {};
}

// After a pull that removed photos (a photo's tombstone, or its apartment's, or a resync).
Result<void> forgetPulledAwayBlobs(const QSqlDatabase &db, const QJsonArray &rows, bool resync)
{
    const bool removes =
        resync || std::any_of(rows.cbegin(), rows.cend(), [](const QJsonValue &value) {
            const QJsonObject change = value.toObject();
            const QString entity = change.value(u"entity"_s).toString();
            return change.value(u"deleted"_s).toBool() && (entity == u"photo" || entity == u"apartment");
        });
    return removes ? forgetUnnamedBlobs(db) : Result<void>();
}

// Returns the definitions of the indexes it dropped.
Result<QList<QString>> deferIndexes(const QSqlDatabase &db)
{
    const auto dropped = db::DeferredIndexes::drop(db, SyncedTables, IndexesTriggersNeed);
    if (!dropped)
        return std::unexpected(storage(dropped.error()));
    for (const QString &definition : dropped->definitions()) {
        auto kept = db::exec(db, u"INSERT INTO replica_deferred_indexes (definition) VALUES (:definition)"_s,
                             { { u":definition"_s, definition } });
        if (!kept)
            return std::unexpected(storage(kept.error()));
    }
    return dropped->definitions();
}

Result<void> rebuildIndexes(const QSqlDatabase &db, const QList<QString> &definitions)
{
    if (auto built = db::DeferredIndexes::fromDefinitions(definitions).rebuild(db); !built)
        return std::unexpected(storage(built.error()));
    if (auto emptied = db::exec(db, u"DELETE FROM replica_deferred_indexes"_s); !emptied)
        return std::unexpected(storage(emptied.error()));
    // The text of every apartment that came, so that the first search does not index it.
    if (auto indexed = query::refreshSearchIndex(db); !indexed)
        return std::unexpected(storage(indexed.error()));
    return {};
}

} // namespace

Result<void> Replica::applyPull(const QJsonArray &rows, const QString &cursor, bool resync, bool end, qint64 remaining)
{
    const auto connection = services::connectionOf(m_context);
    if (!connection)
        return std::unexpected(connection.error());
    const QSqlDatabase &db = *connection;
    if (m_checkpoint && m_checkpoint->isDone()) {
        m_checkpoint.reset();
        if (auto set = db::exec(db, u"PRAGMA wal_autocheckpoint = 1000"_s); !set)
            return std::unexpected(storage(set.error()));
    }
    // A large first pull (or resync) that goes on past this batch is a bulk load; one already
    // under way has set its indexes aside. A pull from an up-to-date replica (a poke's) reads
    // nothing for this.
    bool starting = false;
    if (m_deferredIndexes.isEmpty() && !end && remaining >= m_bulkLoadChanges) {
        auto pulledBefore = resync ? Result<QString>() : this->cursor();
        if (!pulledBefore)
            return std::unexpected(pulledBefore.error());
        starting = pulledBefore->isEmpty();
    }
    const bool bulk = starting || !m_deferredIndexes.isEmpty();
    QList<QString> dropped;
    // Made outside the transaction (see BulkLoadSettings), kept until the last page.
    if (bulk && !m_bulk)
        m_bulk = std::make_unique<db::BulkLoadSettings>(db);
    auto applied = db::transact(db, [&]() -> Result<void> {
        if (starting) {
            auto set = deferIndexes(db);
            if (!set)
                return std::unexpected(set.error());
            dropped = std::move(*set);
        }
        auto rebased = rebase(db, *m_sink, m_context, [&]() -> Result<void> {
            if (resync) {
                // Everything the server sends from the start; profiles stay (chat and the queue
                // name people), the rest is replaced.
                for (const char *table : { "apartment_photos", "reviews", "bookings", "apartments", "buildings" }) {
                    if (auto emptied = db::exec(db, u"DELETE FROM "_s + QLatin1StringView(table)); !emptied)
                        return std::unexpected(storage(emptied.error()));
                }
            }
            if (auto written = applyRows(db, rows, bulk); !written)
                return written;
            if (auto forgotten = forgetPulledAwayBlobs(db, rows, resync); !forgotten)
                return forgotten;
            auto moved = db::exec(
                db,
                u"UPDATE replica_state SET cursor = :cursor, "
                "synced_at = CASE WHEN :end THEN :now ELSE synced_at END"_s,
                { { u":cursor"_s, cursor }, { u":end"_s, end ? 1 : 0 }, { u":now"_s, m_context.nowStored() } });
            if (!moved)
                return std::unexpected(storage(moved.error()));
            return {};
        });
        if (!rebased)
            return rebased;
        if (end && bulk) { // a last page never starts a bulk load: these are the stored ones
            QElapsedTimer timer;
            timer.start();
            m_bulk->prepareForIndexing();
            auto rebuilt = rebuildIndexes(db, m_deferredIndexes);
            qCDebug(lcReplica) << "indexes and search index built in" << timer.elapsed() << "ms";
            return rebuilt;
        }
        return {};
    });
    if (applied && starting)
        m_deferredIndexes = std::move(dropped);
    if (applied && end && bulk)
        m_deferredIndexes.clear();
    if (end || !applied)
        m_bulk.reset();
    if (applied && end && bulk)
        copyWalBack(db);
    return applied;
}

void Replica::copyWalBack(const QSqlDatabase &db)
{
    // The load and the index build went through the WAL: copied back on a thread of its own
    // while this connection goes on (its next commit would otherwise do it), and the WAL kept
    // small once it starts over.
    for (const QString &pragma : { u"PRAGMA wal_autocheckpoint = 0"_s, u"PRAGMA journal_size_limit = 67108864"_s }) {
        if (auto set = db::exec(db, pragma); !set) {
            qCWarning(lcReplica) << "the WAL is copied back by the next commits:" << set.error().detail;
            return;
        }
    }
    m_checkpoint = std::make_unique<db::BackgroundCheckpoint>(m_database->path());
}

QString Replica::snapshotPath() const
{
    return m_database->path() + u".snapshot"_s;
}

Result<qint64> Replica::applySnapshot(const QString &cursor)
{
    // Only a replica without a cursor takes one, so no bulk load of pages is under way.
    auto rows = sync::prepareSnapshot(m_database->path(), snapshotPath(), cursor);
    if (!rows)
        return rows;
    // The file takes the database's place whole, under this thread's connection, which closes
    // meanwhile (its kept statements with it): what holds its handle lets go first and comes
    // back after. Nothing is copied twice and there is no WAL to copy back.
    m_checkpoint.reset();
    m_sink->recorder.reset();
    auto replaced = m_database->replaceFile(snapshotPath());
    if (auto attached = attachToConnection(); !attached)
        return std::unexpected(attached.error());
    if (!replaced)
        return std::unexpected(storage(replaced.error()));
    return rows;
}

Result<void> Replica::attachToConnection()
{
    const auto connection = services::connectionOf(m_context);
    if (!connection)
        return std::unexpected(connection.error());
    auto recorder = db::ChangeRecorder::attach(*connection, SyncedTables);
    if (!recorder)
        return std::unexpected(storage(recorder.error()));
    auto deferred = deferredIndexes(*connection);
    if (!deferred)
        return std::unexpected(deferred.error());
    m_sink->recorder = std::move(*recorder);
    m_deferredIndexes = std::move(*deferred);
    return {};
}

Result<void> Replica::discard(qint64 id)
{
    const auto connection = services::connectionOf(m_context);
    if (!connection)
        return std::unexpected(connection.error());
    const QSqlDatabase &db = *connection;
    return db::transact(db, [&]() -> Result<void> {
        auto gone =
            db::exec(db, u"DELETE FROM pending_mutations WHERE id = :id AND state = 'refused'"_s, { { u":id"_s, id } });
        if (!gone)
            return std::unexpected(storage(gone.error()));
        if (gone->numRowsAffected() != 1) {
            return std::unexpected(
                DomainError(DomainError::Code::NotFound, u"mutation"_s, QString(),
                            QCoreApplication::translate("Replica", "This change is not among the refused ones.")));
        }
        // A discarded addPhoto's bytes go with it.
        return forgetUnnamedBlobs(db);
    });
}

Result<void> Replica::retry(qint64 id)
{
    const auto connection = services::connectionOf(m_context);
    if (!connection)
        return std::unexpected(connection.error());
    const QSqlDatabase &db = *connection;
    return db::transact(db, [&]() -> Result<void> {
        auto found = readQueue(db, u"id = :id AND state = 'refused'"_s, { { u":id"_s, id } });
        if (!found)
            return std::unexpected(found.error());
        if (found->isEmpty()) {
            return std::unexpected(
                DomainError(DomainError::Code::NotFound, u"mutation"_s, QString(),
                            QCoreApplication::translate("Replica", "This change is not among the refused ones.")));
        }
        const QueuedMutation old = found->constFirst();
        if (auto gone = db::exec(db, u"DELETE FROM pending_mutations WHERE id = :id"_s, { { u":id"_s, id } }); !gone)
            return std::unexpected(storage(gone.error()));
        // Journaled anew by the service, with a new id: the server has judged the old one.
        if (auto restarted = m_sink->recorder->restart(); !restarted)
            return std::unexpected(storage(restarted.error()));
        return MutationApplier(m_context).apply(old.actor, old.mutation.name, old.mutation.args);
    });
}

} // namespace rentdesk::models::sync
