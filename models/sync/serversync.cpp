// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/sync/serversync.h"

#include "models/db/engine.h"
#include "models/db/query.h"
#include "models/db/transaction.h"
#include "models/domain/storedvalues.h"
#include "models/services/records.h"
#include "models/services/servicesteps.h"
#include "models/sync/rowformat.h"
#include "models/sync/visibility.h"

#include <QCoreApplication>
#include <QHash>
#include <QJsonDocument>
#include <QLoggingCategory>

Q_LOGGING_CATEGORY(lcServerSync, "rentdesk.sync.server", QtInfoMsg)

namespace rentdesk::models::sync {

using namespace Qt::StringLiterals;
using namespace rentdesk::models::domain;
using services::DomainError;
using services::Result;

namespace {

DomainError storage(const db::DbError &error)
{
    return DomainError(error);
}

// Whether the renter ever asked to book one of the landlord's apartments (sync_acquaintances):
// what makes the renter's profile visible to the landlord, for good.
Result<bool> rentsFrom(const QSqlDatabase &db, const QString &renter, const QString &landlord)
{
    auto found = db::scalar(db,
                            u"SELECT EXISTS (SELECT 1 FROM sync_acquaintances WHERE renter_id = :renter "
                            "AND landlord_id = :landlord)"_s,
                            { { u":renter"_s, renter }, { u":landlord"_s, landlord } });
    if (!found)
        return std::unexpected(storage(found.error()));
    return found->toBool();
}

// Whether any synced table has a row of this id.
Result<bool> rowExists(const QSqlDatabase &db, const QUuid &id)
{
    auto found =
        db::scalar(db,
                   u"SELECT EXISTS (SELECT 1 FROM users WHERE id = :id UNION ALL SELECT 1 FROM buildings "
                   "WHERE id = :id UNION ALL SELECT 1 FROM apartments WHERE id = :id UNION ALL SELECT 1 "
                   "FROM bookings WHERE id = :id UNION ALL SELECT 1 FROM reviews WHERE id = :id UNION ALL SELECT 1 "
                   "FROM apartment_photos WHERE id = :id)"_s,
                   { { u":id"_s, toStoredId(id) } });
    if (!found)
        return std::unexpected(storage(found.error()));
    return found->toBool();
}

DomainError dependsOnRefused()
{
    return DomainError(
        DomainError::Code::DependsOnRefused, u"mutation"_s, QString(),
        QCoreApplication::translate("ServerSync", "This change needs an earlier change of yours that was refused."));
}

// The row as the JSON object of docs/protocol.md ("Rows"), made by the database: a page of
// 3 000 rows read through QtSql and turned into JSON by Qt took most of a pull's time. SQLite's
// json_object() and PostgreSQL's json_build_object() write the same values (PostgreSQL
// writes a double in its shortest exact form, and a date as "YYYY-MM-DD").
QString rowJsonExpression(const SyncEntity &entity, db::Engine engine)
{
    const bool postgres = engine == db::Engine::Postgres;
    QStringList members;
    for (const SyncColumn &column : entity.columns) {
        const QString value = visibleColumn(entity, column.column);
        QString json;
        switch (column.kind) {
        case SyncColumn::Kind::Text:
        case SyncColumn::Kind::Integer:
            json = value;
            break;
        case SyncColumn::Kind::Real:
            // SQLite writes 15 digits; 17 where 15 would not read back as the same double.
            json = postgres ? value
                            : u"CASE WHEN %1 IS NULL THEN NULL WHEN CAST(printf('%!.15g', %1) AS REAL) = %1 "
                              "THEN json(printf('%!.15g', %1)) ELSE json(printf('%!.17g', %1)) END"_s.arg(value);
            break;
        case SyncColumn::Kind::Boolean:
            json = postgres
                ? u"CASE WHEN %1 IS NULL THEN NULL ELSE %1 <> 0 END"_s.arg(value)
                : u"CASE WHEN %1 IS NULL THEN NULL WHEN %1 THEN json('true') ELSE json('false') END"_s.arg(value);
            break;
        case SyncColumn::Kind::Minor: // a string of digits: JSON's numbers are doubles
            json = u"CAST(%1 AS TEXT)"_s.arg(value);
            break;
        }
        members << u"'%1', %2"_s.arg(QLatin1StringView(column.key), json);
    }
    return (postgres ? u"CAST(json_build_object(%1) AS TEXT)"_s : u"json_object(%1)"_s).arg(members.join(u", "_s));
}

// What a row names (its parents), by key in its JSON and by column.
struct ParentColumn
{
    const char *entity;
    const char *key;
    const char *column;
};

QList<ParentColumn> parentColumnsOf(QLatin1StringView entity)
{
    if (entity == "building"_L1)
        return { { "user", "ownerId", "owner_id" } };
    if (entity == "apartment"_L1)
        return { { "user", "ownerId", "owner_id" },
                 { "building", "buildingId", "building_id" },
                 { "user", "bookedBy", "booked_by" } };
    if (entity == "booking"_L1)
        return { { "apartment", "apartmentId", "apartment_id" },
                 { "user", "renterId", "renter_id" },
                 { "user", "decidedBy", "decided_by" } };
    if (entity == "review"_L1)
        return { { "user", "authorId", "author_id" },
                 { "user", "targetUserId", "target_user_id" },
                 { "apartment", "targetApartmentId", "target_apartment_id" } };
    if (entity == "photo"_L1)
        return { { "apartment", "apartmentId", "apartment_id" } };
    return {};
}

// One row by id, as the viewer may see it.
QString rowJsonSql(const SyncEntity &entity, db::Engine engine)
{
    return u"SELECT %1 FROM %2 AS t WHERE t.id = :id"_s.arg(rowJsonExpression(entity, engine),
                                                            QLatin1StringView(entity.table));
}

// A renter's page in one statement: each change of the feed with its row's JSON; an empty
// text for a row that names a row the feed reaches after it (or never: a parent the replica
// may lack), which the reader sends first; NULL for a tombstone or a row gone.
QString renterPageSql(db::Engine engine)
{
    QStringList cases;
    for (const SyncEntity &entity : syncEntities()) {
        QStringList later;
        for (const ParentColumn &parent : parentColumnsOf(QLatin1StringView(entity.name))) {
            const QString id = visibleColumn(entity, parent.column);
            later << u"(%1 IS NOT NULL AND coalesce((SELECT p.seq FROM sync_changes AS p WHERE p.entity = '%2' "
                     "AND p.row_id = %1), 9223372036854775807) > c.seq)"_s.arg(id, QLatin1StringView(parent.entity));
        }
        cases << u"WHEN '%1' THEN (SELECT CASE WHEN %2 THEN '' ELSE %3 END FROM %4 AS t WHERE t.id = c.row_id)"_s.arg(
            QLatin1StringView(entity.name), later.isEmpty() ? u"1 = 0"_s : later.join(u" OR "_s),
            rowJsonExpression(entity, engine), QLatin1StringView(entity.table));
    }
    return u"SELECT c.seq, c.entity, c.row_id, c.deleted, CASE WHEN c.deleted = 1 THEN NULL ELSE CASE c.entity %1 "
           "END END FROM sync_changes AS c WHERE c.seq > :after AND %2 ORDER BY c.seq LIMIT :limit"_s.arg(
               cases.join(u' '), renterSeesChange());
}

// What one page of the feed is read with, and the rows it has sent so far.
struct PageReader
{
    const QSqlDatabase &db;
    User viewer;
    QSet<QString> sent; // "entity/id"
    QByteArray rows; // the rows as compact JSON, comma-separated
    qsizetype count = 0;

    [[nodiscard]] bool isLandlord() const { return viewer.role == Role::Landlord; }

    // The row's current values as the viewer may see them (visibleColumn).
    Result<std::optional<QJsonObject>> read(const SyncEntity &entity, const QString &id) const
    {
        const auto statements = [](db::Engine engine) {
            QList<QString> made;
            for (const SyncEntity &each : syncEntities())
                made.append(rowJsonSql(each, engine));
            return made;
        };
        static const QList<QString> sqlite = statements(db::Engine::Sqlite);
        static const QList<QString> postgres = statements(db::Engine::Postgres);
        const QList<QString> &sql = db::engineOf(db) == db::Engine::Postgres ? postgres : sqlite;
        auto query =
            db::exec(db, sql.at(syncEntityIndex(entity)), { { u":id"_s, id }, { u":me"_s, toStoredId(viewer.id) } });
        if (!query)
            return std::unexpected(storage(query.error()));
        if (!query->next())
            return std::optional<QJsonObject>();
        return std::optional<QJsonObject>(QJsonDocument::fromJson(query->value(0).toString().toUtf8()).object());
    }

    // Whether a landlord may see a row a row of theirs names (a parent): their own property,
    // themselves, the renters of their bookings. A renter may see every parent a visible row
    // names (listings and profiles are public).
    Result<bool> mayParent(const QString &entity, const QString &id) const
    {
        if (!isLandlord())
            return true;
        const QString me = toStoredId(viewer.id);
        if (entity == u"user") {
            if (id == me)
                return true;
            return rentsFrom(db, id, me);
        }
        auto own = db::scalar(db, u"SELECT landlord_id = :me FROM sync_changes WHERE entity = :e AND row_id = :id"_s,
                              { { u":me"_s, me }, { u":e"_s, entity }, { u":id"_s, id } });
        if (!own)
            return std::unexpected(storage(own.error()));
        return own->toBool();
    }

    // The rows a row names, which must be in the replica before it (foreign keys).
    static QList<std::pair<QString, QString>> parentsOf(const QString &entity, const QJsonObject &row)
    {
        QList<std::pair<QString, QString>> parents;
        for (const ParentColumn &parent : parentColumnsOf(QLatin1StringView(entity.toLatin1()))) {
            const QString id = row.value(QLatin1StringView(parent.key)).toString();
            if (!id.isEmpty())
                parents.append({ QString::fromLatin1(parent.entity), id });
        }
        return parents;
    }

    // Sends the row's parents first when the replica may lack them: when they changed after
    // the row (the feed reaches them later), and for a landlord always the people (a renter
    // becomes visible with their first request, long after their profile last changed).
    Result<void> addParents(const QString &entity, const QJsonObject &row, qint64 childSeq)
    {
        for (const auto &[parentEntity, parentId] : parentsOf(entity, row)) {
            if (sent.contains(parentEntity + u'/' + parentId))
                continue;
            auto seq = db::scalar(db, u"SELECT seq FROM sync_changes WHERE entity = :e AND row_id = :id"_s,
                                  { { u":e"_s, parentEntity }, { u":id"_s, parentId } });
            if (!seq)
                return std::unexpected(storage(seq.error()));
            const bool later = seq->isNull() || seq->toLongLong() > childSeq;
            if (!later && !(isLandlord() && parentEntity == u"user"))
                continue;
            auto allowed = mayParent(parentEntity, parentId);
            if (!allowed)
                return std::unexpected(allowed.error());
            if (!*allowed)
                continue;
            if (auto added = add(parentEntity, parentId, seq->toLongLong(), false); !added)
                return added;
        }
        return {};
    }

    Result<void> add(const QString &entityName, const QString &id, qint64 seq, bool deleted)
    {
        const QString key = entityName + u'/' + id;
        if (sent.contains(key))
            return {};
        sent.insert(key);
        const SyncEntity *entity = syncEntity(entityName);
        if (!entity)
            return {};
        QJsonObject out { { u"entity"_s, entityName }, { u"id"_s, id }, { u"seq"_s, seq } };
        if (deleted) {
            out.insert(u"deleted"_s, true);
            append(out);
            return {};
        }
        auto row = read(*entity, id);
        if (!row)
            return std::unexpected(row.error());
        if (!*row) {
            // Deleted since the feed was read: the tombstone follows in a later page.
            return {};
        }
        if (auto parents = addParents(entityName, **row, seq); !parents)
            return parents;
        out.insert(u"row"_s, **row);
        append(out);
        return {};
    }

    void append(const QJsonObject &row) { appendJson(QJsonDocument(row).toJson(QJsonDocument::Compact)); }

    void appendJson(const QByteArray &json)
    {
        if (count++ > 0)
            rows += ',';
        rows += json;
    }

    // A row the page query made as JSON (see rowJsonSql), when the replica has every row it
    // names: wrapped as add() would, without reading it again.
    void addJson(const QString &entityName, const QString &id, qint64 seq, const QByteArray &row)
    {
        sent.insert(entityName + u'/' + id);
        appendJson("{\"entity\":\"" + entityName.toLatin1() + "\",\"id\":\"" + id.toLatin1()
                   + "\",\"seq\":" + QByteArray::number(seq) + ",\"row\":" + row + '}');
    }
};

} // namespace

ServerSync::ServerSync(services::ServiceContext context)
    : m_context(std::move(context))
    , m_applier(m_context)
{
}

ServerSync::~ServerSync() = default;

Result<qint64> ServerSync::lastSeq() const
{
    const auto connection = services::connectionOf(m_context);
    if (!connection)
        return std::unexpected(connection.error());
    return lastSeqOf(*connection);
}

Result<ServerSync::PushResult> ServerSync::push(const QUuid &user, const QUuid &clientId,
                                                const QList<Mutation> &mutations) const
{
    const auto connection = services::connectionOf(m_context);
    if (!connection)
        return std::unexpected(connection.error());
    const QSqlDatabase &db = *connection;
    PushResult result;
    auto before = lastSeqOf(db);
    if (!before)
        return std::unexpected(before.error());
    result.seqBefore = *before;
    const QString userId = toStoredId(user);
    const QString client = toStoredId(clientId);

    // One commit for the whole push, each mutation in a savepoint of its own (a nested
    // transact): a commit writes every database page the push touched once, rather than once
    // per mutation. A mutation the database fails on ends the push; those before it are
    // committed all the same, and answered as duplicates when the client sends them again.
    //
    // On PostgreSQL another server's transactions may run beside the push, and a push of
    // hundreds of mutations reads so many rows that PostgreSQL watches whole tables for it:
    // two such pushes at once, a renter's and a landlord's, failed to serialize at every one of
    // transact()'s attempts (rentdesk-bench --sync --engine all). So the whole push is tried
    // twice, and then each mutation runs as a transaction of its own, retried on its own.
    std::optional<DomainError> failure;
    const auto applyEach = [&]() -> Result<void> {
        // Run again from the start after a serialization failure (transact()).
        failure.reset();
        result.outcomes.clear();
        for (const Mutation &mutation : mutations) {
            Outcome outcome;
            outcome.mutationId = mutation.id;
            auto step = db::transact(db, [&]() -> Result<void> {
                auto known =
                    db::exec(db,
                             u"INSERT INTO sync_clients (user_id, client_id, seen_at) VALUES (:u, :c, :now) "
                             "ON CONFLICT (user_id, client_id) DO UPDATE SET seen_at = excluded.seen_at"_s,
                             { { u":u"_s, userId }, { u":c"_s, client }, { u":now"_s, m_context.nowStored() } });
                if (!known)
                    return std::unexpected(storage(known.error()));
                auto last = lastMutationOf(db, user, clientId);
                if (!last)
                    return std::unexpected(last.error());
                if (mutation.id <= *last) {
                    // Seen before: answered as it was then.
                    outcome.duplicate = true;
                    auto refusal = db::exec(db,
                                            u"SELECT code, entity, field, message, depends_on FROM sync_refusals "
                                            "WHERE user_id = :u AND client_id = :c AND mutation_id = :m"_s,
                                            { { u":u"_s, userId }, { u":c"_s, client }, { u":m"_s, mutation.id } });
                    if (!refusal)
                        return std::unexpected(storage(refusal.error()));
                    QSqlQuery &stored = *refusal;
                    outcome.applied = !stored.next();
                    if (!outcome.applied) {
                        outcome.error.code = DomainError::codeFromName(stored.value(0).toString());
                        outcome.error.entity = stored.value(1).toString();
                        outcome.error.field = stored.value(2).toString();
                        outcome.error.message = stored.value(3).toString();
                        if (!stored.value(4).isNull())
                            outcome.dependsOn = stored.value(4).toLongLong();
                    }
                    stored.finish();
                    return {};
                }
                // A mutation that needs what an earlier refused one of this replica would have made
                // (and that no one made since) is refused without asking the service, which could
                // only say "not found".
                for (const QUuid &needed : MutationApplier::neededIds(mutation.name, mutation.args)) {
                    auto present = rowExists(db, needed);
                    if (!present)
                        return std::unexpected(present.error());
                    if (*present)
                        continue;
                    auto refused =
                        db::scalar(db,
                                   u"SELECT min(mutation_id) FROM sync_refusals WHERE user_id = :u "
                                   "AND client_id = :c AND created_id = :id"_s,
                                   { { u":u"_s, userId }, { u":c"_s, client }, { u":id"_s, toStoredId(needed) } });
                    if (!refused)
                        return std::unexpected(storage(refused.error()));
                    if (!refused->isNull()) {
                        outcome.dependsOn = refused->toLongLong();
                        outcome.error = dependsOnRefused();
                        break;
                    }
                }
                if (!outcome.dependsOn) {
                    auto applied = m_applier.apply(user, mutation.name, mutation.args);
                    if (!applied && applied.error().code == DomainError::Code::Storage)
                        return std::unexpected(applied.error()); // not judged: the client sends it again
                    outcome.applied = applied.has_value();
                    if (!applied)
                        outcome.error = applied.error();
                }
                if (!outcome.applied) {
                    const auto created = MutationApplier::createdId(mutation.name, mutation.args);
                    auto recorded = db::exec(
                        db,
                        u"INSERT INTO sync_refusals (user_id, client_id, mutation_id, code, entity, field, message, "
                        "depends_on, created_id, refused_at) VALUES (:u, :c, :m, :code, :entity, :field, :message, "
                        ":depends, :created, :now)"_s,
                        { { u":u"_s, userId },
                          { u":c"_s, client },
                          { u":m"_s, mutation.id },
                          { u":code"_s, outcome.error.codeName() },
                          { u":entity"_s, services::notNull(outcome.error.entity) },
                          { u":field"_s, services::notNull(outcome.error.field) },
                          { u":message"_s, services::notNull(outcome.error.message) },
                          { u":depends"_s,
                            outcome.dependsOn ? QVariant(*outcome.dependsOn)
                                              : QVariant(QMetaType::fromType<qlonglong>()) },
                          { u":created"_s,
                            created ? QVariant(toStoredId(*created)) : QVariant(QMetaType::fromType<QString>()) },
                          { u":now"_s, m_context.nowStored() } });
                    if (!recorded)
                        return std::unexpected(storage(recorded.error()));
                }
                auto advanced = db::exec(db,
                                         u"UPDATE sync_clients SET last_mutation_id = :m "
                                         "WHERE user_id = :u AND client_id = :c"_s,
                                         { { u":m"_s, mutation.id }, { u":u"_s, userId }, { u":c"_s, client } });
                if (!advanced)
                    return std::unexpected(storage(advanced.error()));
                return {};
            });
            if (!step) {
                // A collision with another transaction spoils the whole push's transaction:
                // transact() rolls it back and runs it again. Any other failure ends the push
                // here, the mutations before it kept.
                if (db::lastTransactionCollided())
                    return std::unexpected(step.error());
                failure = step.error();
                break;
            }
            result.outcomes.append(outcome);
        }
        return {};
    };
    constexpr int WholePushAttempts = 2;
    auto committed = db::transact(db, db::TransactionScope::Isolation::Serializable, applyEach, WholePushAttempts);
    if (!committed && db::lastTransactionCollided() && mutations.size() > 1) {
        qCInfo(lcServerSync) << "a push of" << mutations.size()
                             << "mutations could not be serialized with other transactions;"
                             << "applying it one mutation per transaction";
        committed = applyEach();
    }
    if (!committed)
        return std::unexpected(committed.error());
    if (failure)
        return std::unexpected(*failure);
    auto last = lastMutationOf(db, user, clientId);
    if (!last)
        return std::unexpected(last.error());
    result.lastMutationId = *last;
    auto after = lastSeqOf(db);
    if (!after)
        return std::unexpected(after.error());
    result.seqAfter = *after;
    return result;
}

Result<ServerSync::Page> ServerSync::pull(const QUuid &user, const QUuid &clientId, qint64 after, int limit,
                                          qint64 maxBytes) const
{
    const auto connection = services::connectionOf(m_context);
    if (!connection)
        return std::unexpected(connection.error());
    const QSqlDatabase &db = *connection;
    Page page;
    {
        // Rolled back at the end of the scope: it only reads.
        db::ReadTransaction snapshot(db);
        if (auto begun = snapshot.begin(); !begun)
            return std::unexpected(storage(begun.error()));
        auto viewer = services::userById(db, user);
        if (!viewer)
            return std::unexpected(viewer.error());
        auto pruned = db::scalar(db, u"SELECT value FROM database_meta WHERE key = 'feed_pruned_through'"_s, {});
        if (!pruned)
            return std::unexpected(storage(pruned.error()));
        if (after > 0 && !pruned->isNull() && after < pruned->toLongLong()) {
            page.resync = true;
            after = 0;
        }
        auto last = lastSeqOf(db);
        if (!last)
            return std::unexpected(last.error());
        if (after > *last) {
            // A cursor from the future (another server's, or a restored backup's): start over.
            page.resync = true;
            after = 0;
        }

        const QString me = toStoredId(user);
        // A landlord's page reads each row on its own (their people are always sent along, and
        // each parent is checked for being theirs); a renter's has its rows made in the query.
        static const QString sqliteRenterPage = renterPageSql(db::Engine::Sqlite);
        static const QString postgresRenterPage = renterPageSql(db::Engine::Postgres);
        const QString &renterPage = db::engineOf(db) == db::Engine::Postgres ? postgresRenterPage : sqliteRenterPage;
        static const QString landlordPage =
            u"SELECT c.seq, c.entity, c.row_id, c.deleted, NULL FROM sync_changes AS c "
            "WHERE c.seq > :after AND %1 ORDER BY c.seq LIMIT :limit"_s.arg(landlordSeesChange());
        const bool landlord = viewer->role == Role::Landlord;
        auto feed = db::exec(db, landlord ? landlordPage : renterPage,
                             { { u":after"_s, after }, { u":me"_s, me }, { u":limit"_s, limit } });
        if (!feed)
            return std::unexpected(storage(feed.error()));
        struct Change
        {
            qint64 seq;
            QString entity;
            QString id;
            bool deleted;
            QByteArray row; // made by the query, or empty: read by PageReader::add
        };
        QList<Change> changes;
        QSqlQuery &read = *feed;
        while (read.next()) {
            changes.append({ read.value(0).toLongLong(), read.value(1).toString(), read.value(2).toString(),
                             read.value(3).toInt() != 0, read.value(4).toString().toUtf8() });
        }
        read.finish();
        page.more = changes.size() >= limit;
        // The end of the page: its last change, or the end of the feed when the page reached it,
        // so that the next pull does not walk again what this user may not see.
        page.cursor = page.more ? changes.last().seq : *last;
        PageReader reader { db, *viewer, {}, {}, 0 };
        for (const Change &change : std::as_const(changes)) {
            if (!change.row.isEmpty()) {
                if (!reader.sent.contains(change.entity + u'/' + change.id))
                    reader.addJson(change.entity, change.id, change.seq, change.row);
            } else if (auto added = reader.add(change.entity, change.id, change.seq, change.deleted); !added) {
                return std::unexpected(added.error());
            }
            if (reader.rows.size() >= maxBytes && &change != &changes.last()) {
                page.more = true;
                page.cursor = change.seq;
                break;
            }
        }
        page.rows = '[' + reader.rows + ']';
        page.remaining = *last - page.cursor;
        auto lastMutation = lastMutationOf(db, user, clientId);
        if (!lastMutation)
            return std::unexpected(lastMutation.error());
        page.lastMutationId = *lastMutation;
    }
    // Where the replica stands, for keeping tombstones long enough (not part of the snapshot).
    auto noted = db::exec(db,
                          u"INSERT INTO sync_clients (user_id, client_id, pulled_through, seen_at) "
                          "VALUES (:u, :c, :through, :now) ON CONFLICT (user_id, client_id) DO UPDATE SET "
                          "pulled_through = excluded.pulled_through, seen_at = excluded.seen_at"_s,
                          { { u":u"_s, toStoredId(user) },
                            { u":c"_s, toStoredId(clientId) },
                            { u":through"_s, page.cursor },
                            { u":now"_s, m_context.nowStored() } });
    if (!noted)
        return std::unexpected(storage(noted.error()));
    return page;
}

Result<QSet<QUuid>> ServerSync::audience(qint64 after, qint64 through, const QSet<QUuid> &online) const
{
    QSet<QUuid> poked;
    if (through <= after || online.isEmpty())
        return poked;
    const auto connection = services::connectionOf(m_context);
    if (!connection)
        return std::unexpected(connection.error());
    const QSqlDatabase &db = *connection;
    auto feed = db::exec(db,
                         u"SELECT entity, row_id, landlord_id, renter_id FROM sync_changes "
                         "WHERE seq > :after AND seq <= :through"_s,
                         { { u":after"_s, after }, { u":through"_s, through } });
    if (!feed)
        return std::unexpected(storage(feed.error()));
    QSqlQuery &changes = *feed;
    bool everyRenter = false;
    QSet<QString> parties;
    QSet<QString> profiles;
    while (changes.next()) {
        const QString entity = changes.value(0).toString();
        everyRenter = everyRenter || entity != u"booking";
        for (int column : { 2, 3 }) {
            if (!changes.value(column).isNull())
                parties.insert(changes.value(column).toString());
        }
        if (entity == u"user")
            profiles.insert(changes.value(1).toString());
    }
    changes.finish();
    for (const QUuid &user : online) {
        const QString id = toStoredId(user);
        if (parties.contains(id) || profiles.contains(id)) {
            poked.insert(user);
            continue;
        }
        auto role = db::scalar(db, u"SELECT role FROM users WHERE id = :id"_s, { { u":id"_s, id } });
        if (!role)
            return std::unexpected(storage(role.error()));
        if (role->toString() == u"renter") {
            if (everyRenter)
                poked.insert(user);
            continue;
        }
        // A landlord sees the profiles of the renters of their bookings.
        for (const QString &profile : std::as_const(profiles)) {
            auto theirs = rentsFrom(db, profile, id);
            if (!theirs)
                return std::unexpected(theirs.error());
            if (*theirs) {
                poked.insert(user);
                break;
            }
        }
    }
    return poked;
}

Result<int> ServerSync::pruneTombstones(const QDateTime &activeSince) const
{
    const auto connection = services::connectionOf(m_context);
    if (!connection)
        return std::unexpected(connection.error());
    const QSqlDatabase &db = *connection;
    int pruned = 0;
    auto done = db::transact(db, [&]() -> Result<void> {
        // Every replica seen lately has pulled through `mark`; those not seen lately resync.
        auto mark = db::scalar(db,
                               u"SELECT coalesce(min(pulled_through), (SELECT coalesce(max(seq), 0) FROM "
                               "sync_changes)) FROM sync_clients WHERE seen_at >= :since"_s,
                               { { u":since"_s, toStoredTimestamp(activeSince) } });
        if (!mark)
            return std::unexpected(storage(mark.error()));
        auto gone = db::exec(db, u"DELETE FROM sync_changes WHERE deleted = 1 AND seq <= :mark"_s,
                             { { u":mark"_s, mark->toLongLong() } });
        if (!gone)
            return std::unexpected(storage(gone.error()));
        pruned = gone->numRowsAffected();
        if (pruned == 0)
            return {};
        auto noted = db::exec(db,
                              u"INSERT INTO database_meta (key, value) VALUES ('feed_pruned_through', :mark) "
                              "ON CONFLICT (key) DO UPDATE SET value = max(CAST(database_meta.value AS INTEGER), "
                              "CAST(excluded.value AS INTEGER))"_s,
                              { { u":mark"_s, QString::number(mark->toLongLong()) } });
        if (!noted)
            return std::unexpected(storage(noted.error()));
        return {};
    });
    if (!done)
        return std::unexpected(done.error());
    return pruned;
}

} // namespace rentdesk::models::sync
