// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/sync/snapshot.h"

#include "models/db/database.h"
#include "models/db/engine.h"
#include "models/db/query.h"
#include "models/db/transaction.h"
#include "models/domain/storedvalues.h"
#include "models/query/searchindex.h"
#include "models/services/records.h"
#include "models/services/servicesteps.h"
#include "models/sync/rowformat.h"
#include "models/sync/visibility.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QLoggingCategory>
#include <QScopeGuard>
#include <QSqlError>
#include <QSqlQuery>
#include <QSqlResult>

namespace rentdesk::models::sync {

using namespace Qt::StringLiterals;
using namespace rentdesk::models::domain;
using services::DomainError;
using services::Result;

Q_LOGGING_CATEGORY(lcSnapshot, "rentdesk.sync.snapshot", QtInfoMsg)

namespace {

DomainError storage(const db::DbError &error)
{
    return DomainError(error);
}

// The search index's own tables (FTS5 keeps an index in these): copied as they are, with the
// marks of apartments changed since it was last brought up to date.
const QStringList SearchTables = { u"apartments_search_data"_s, u"apartments_search_idx"_s,
                                   u"apartments_search_content"_s, u"apartments_search_docsize"_s };
constexpr auto SearchMarks = "apartments_search_stale"_L1;

DomainError notSnapshot(const QString &why)
{
    qCWarning(lcSnapshot) << "not a snapshot of this release:" << why;
    return DomainError(
        DomainError::Code::InvalidValue, u"snapshot"_s, QString(),
        QCoreApplication::translate("Snapshot", "The server sent a first copy this RentDesk cannot read (%1).")
            .arg(why));
}

Result<void> run(const QSqlDatabase &db, const QString &sql, const QList<db::Binding> &bindings = {})
{
    if (auto done = db::exec(db, sql, bindings); !done)
        return std::unexpected(storage(done.error()));
    return {};
}

// The tables' names as an SQL list ('a', 'b'): names of this schema, never the user's.
QString nameList(const QStringList &tables)
{
    QStringList quoted;
    for (const QString &table : tables)
        quoted << u"'%1'"_s.arg(table);
    return quoted.join(u", "_s);
}

// The triggers of the tables in `schema`, set aside while their rows are copied (SQLite copies a
// table page by page only into one without triggers, and the rows copied passed the rules
// where they were made) and made again, exactly as they were, inside the same transaction.
class SetAsideTriggers final
{
public:
    [[nodiscard]] static Result<SetAsideTriggers> drop(const QSqlDatabase &db, const QString &schema,
                                                       const QStringList &tables)
    {
        auto found = db::exec(db,
                              u"SELECT name, sql FROM %1.sqlite_schema WHERE type = 'trigger' AND tbl_name IN "
                              "(%2) ORDER BY name"_s.arg(schema, nameList(tables)));
        if (!found)
            return std::unexpected(storage(found.error()));
        SetAsideTriggers triggers;
        QStringList names;
        while (found->next()) {
            names << found->value(0).toString();
            triggers.m_definitions << found->value(1).toString();
        }
        found->finish();
        for (const QString &name : std::as_const(names)) {
            if (auto dropped = run(db, u"DROP TRIGGER %1.\"%2\""_s.arg(schema, name)); !dropped)
                return std::unexpected(dropped.error());
        }
        triggers.m_schema = schema;
        return triggers;
    }

    [[nodiscard]] Result<void> restore(const QSqlDatabase &db) const
    {
        for (const QString &definition : m_definitions) {
            // "CREATE TRIGGER name ..." as stored; made again in its own schema.
            QString qualified = definition;
            if (m_schema != u"main") {
                const qsizetype at = qualified.indexOf(u"TRIGGER "_s, 0, Qt::CaseInsensitive);
                if (at < 0)
                    return std::unexpected(notSnapshot(u"a trigger reads oddly: "_s + definition));
                qualified.insert(at + 8, m_schema + u'.');
            }
            if (auto made = run(db, qualified); !made)
                return made;
        }
        return {};
    }

private:
    QString m_schema;
    QStringList m_definitions;
};

// What the viewer may see of a column of entity's table (visibleColumn), or NULL for a column
// sync does not carry (a password's hash).
QString visibleOrNull(const SyncEntity &entity, const QByteArray &name)
{
    const bool synced = std::any_of(entity.columns.cbegin(), entity.columns.cend(),
                                    [&](const SyncColumn &column) { return name == QByteArrayView(column.column); });
    return synced ? visibleColumn(entity, name.constData()) : u"NULL"_s;
}

// A landlord's rows of entity's table (the feed's for them), as a FROM clause with its WHERE,
// the table as t; `schema` prefixes the server's tables ("main." when a snapshot file is
// attached to the server's SQLite database, nothing on PostgreSQL).
QString landlordRows(const SyncEntity &entity, const QString &schema)
{
    return u"%1sync_changes AS c JOIN %1%2 AS t ON t.id = c.row_id WHERE c.entity = '%3' AND c.deleted = 0 AND %4"_s
        .arg(schema, QLatin1StringView(entity.table), QLatin1StringView(entity.name), landlordSeesChange());
}

// The UPDATE that hides in a copied table what the viewer may not see (visibleColumn), and
// empties the columns sync does not carry (a password's hash); empty when there is nothing to
// hide.
Result<QString> maskSql(const QSqlDatabase &db, const SyncEntity &entity)
{
    auto columns = db::exec(db, u"SELECT name FROM pragma_table_info(:table, 'snapshot')"_s,
                            { { u":table"_s, QString::fromLatin1(entity.table) } });
    if (!columns)
        return std::unexpected(storage(columns.error()));
    QStringList sets;
    QStringList differs;
    while (columns->next()) {
        const QByteArray name = columns->value(0).toString().toLatin1();
        const QString visible = visibleOrNull(entity, name);
        if (visible == u"t."_s + QLatin1StringView(name))
            continue;
        sets << u"%1 = %2"_s.arg(QLatin1StringView(name), visible);
        differs << u"t.%1 IS NOT %2"_s.arg(QLatin1StringView(name), visible);
    }
    columns->finish();
    if (sets.isEmpty())
        return QString();
    return u"UPDATE snapshot.%1 AS t SET %2 WHERE %3"_s.arg(QLatin1StringView(entity.table), sets.join(u", "_s),
                                                            differs.join(u" OR "_s));
}

// Copies what the viewer may see of each synced table into the attached "snapshot". A renter
// sees whole tables but for bookings (their own): those are copied whole, page by page, and
// then masked. A landlord's rows are the feed's for them, row by row (a landlord's account is
// small), and their search index is left to be built on the desktop.
Result<void> copyVisibleRows(const QSqlDatabase &db, const User &viewer)
{
    const bool renter = viewer.role == Role::Renter;
    const QList<db::Binding> me { { u":me"_s, toStoredId(viewer.id) } };
    for (const SyncEntity &entity : syncEntities()) {
        const QLatin1StringView table(entity.table);
        QString copy;
        if (renter && QLatin1StringView(entity.name) == "booking"_L1)
            copy = u"INSERT INTO snapshot.bookings SELECT * FROM main.bookings WHERE renter_id = :me"_s;
        else if (renter)
            copy = u"INSERT INTO snapshot.%1 SELECT * FROM main.%1"_s.arg(table);
        else // in the table's order; apartment_photos is WITHOUT ROWID, ordered by its id
            copy = u"INSERT INTO snapshot.%1 SELECT t.* FROM %2 ORDER BY %3"_s.arg(
                table, landlordRows(entity, u"main."_s), table == "apartment_photos"_L1 ? u"t.id"_s : u"t.rowid"_s);
        if (auto copied = run(db, copy, copy.contains(u":me"_s) ? me : QList<db::Binding>()); !copied)
            return copied;
        auto mask = maskSql(db, entity);
        if (!mask)
            return std::unexpected(mask.error());
        if (!mask->isEmpty()) {
            if (auto masked = run(db, *mask, me); !masked)
                return masked;
        }
    }
    if (renter) {
        // The server's search index as it stands, and the marks of what changed since, in
        // place of the new file's empty index.
        for (const QString &table : SearchTables) {
            if (auto emptied = run(db, u"DELETE FROM snapshot.%1"_s.arg(table)); !emptied)
                return emptied;
        }
        for (const QString &table : SearchTables + QStringList { SearchMarks }) {
            if (auto copied = run(db, u"INSERT INTO snapshot.%1 SELECT * FROM main.%1"_s.arg(table)); !copied)
                return copied;
        }
    } else if (auto marked = run(db,
                                 u"INSERT INTO snapshot.%1 (apartment_rowid) SELECT rowid FROM "
                                 "snapshot.apartments"_s.arg(SearchMarks));
               !marked) {
        return marked;
    }
    return {};
}

Result<qint64> countRows(const QSqlDatabase &db, const QString &schema)
{
    QStringList counts;
    for (const SyncEntity &entity : syncEntities())
        counts << u"(SELECT count(*) FROM %1.%2)"_s.arg(schema, QLatin1StringView(entity.table));
    auto rows = db::scalar(db, u"SELECT "_s + counts.join(u" + "_s));
    if (!rows)
        return std::unexpected(storage(rows.error()));
    return rows->toLongLong();
}

// Where a snapshot read in the current transaction stands: the feed's last change and the
// client's last mutation the server applied.
Result<SnapshotInfo> positionOf(const QSqlDatabase &db, const QUuid &user, const QUuid &client)
{
    auto last = lastSeqOf(db);
    if (!last)
        return std::unexpected(last.error());
    auto mutation = lastMutationOf(db, user, client);
    if (!mutation)
        return std::unexpected(mutation.error());
    SnapshotInfo info;
    info.cursor = *last;
    info.lastMutationId = *mutation;
    return info;
}

// The snapshot of a server on PostgreSQL: the same file as writeSnapshot() makes on SQLite,
// filled from PostgreSQL's rows, which cannot be attached. The visible columns are read in one
// REPEATABLE READ snapshot (the feed's position with them) and written into the new file's
// tables with their triggers set aside, as on SQLite. The search index is not copied (its
// documents are PostgreSQL's tsvectors): every apartment is marked to be indexed on the desktop,
// as for a landlord's snapshot.
Result<SnapshotInfo> writePostgresSnapshot(const QSqlDatabase &db, const db::Database &file, const QUuid &user,
                                           const QUuid &client)
{
    const auto target = services::connectionOf(file);
    if (!target)
        return std::unexpected(target.error());
    const QSqlDatabase &out = *target;
    // A file nothing else has open, thrown away if the server stops: no WAL, no syncs.
    for (const QString &pragma :
         { u"PRAGMA journal_mode = DELETE"_s, u"PRAGMA synchronous = OFF"_s, u"PRAGMA foreign_keys = OFF"_s }) {
        if (auto set = run(out, pragma); !set)
            return std::unexpected(set.error());
    }

    db::ReadTransaction snapshot(db);
    if (auto begun = snapshot.begin(); !begun)
        return std::unexpected(storage(begun.error()));
    auto viewer = services::userById(db, user);
    if (!viewer)
        return std::unexpected(viewer.error());
    auto position = positionOf(db, user, client);
    if (!position)
        return std::unexpected(position.error());
    SnapshotInfo info = *position;

    auto written = db::transact(out, [&]() -> Result<void> {
        auto triggers = SetAsideTriggers::drop(out, u"main"_s, snapshotTables());
        if (!triggers)
            return std::unexpected(triggers.error());
        const bool renter = viewer->role == Role::Renter;
        for (const SyncEntity &entity : syncEntities()) {
            const QLatin1StringView table(entity.table);
            auto columns = db::exec(out, u"SELECT name FROM pragma_table_info(:table, 'main') ORDER BY cid"_s,
                                    { { u":table"_s, QString(table) } });
            if (!columns)
                return std::unexpected(storage(columns.error()));
            QStringList names;
            QStringList values;
            QStringList places;
            while (columns->next()) {
                const QByteArray name = columns->value(0).toString().toLatin1();
                names << QString::fromLatin1(name);
                values << visibleOrNull(entity, name);
                places << u"?"_s;
            }
            columns->finish();
            QString from;
            if (renter && QLatin1StringView(entity.name) == "booking"_L1)
                from = u"bookings AS t WHERE t.renter_id = :me"_s;
            else if (renter)
                from = u"%1 AS t"_s.arg(table);
            else
                from = landlordRows(entity, QString());
            auto insert = db::prepare(
                out, u"INSERT INTO %1 (%2) VALUES (%3)"_s.arg(table, names.join(u", "_s), places.join(u", "_s)));
            if (!insert)
                return std::unexpected(storage(insert.error()));
            // Read as it comes (a whole table of a large server would not fit in memory at once):
            // nothing else runs on this connection until the last row.
            QSqlQuery read(db);
            read.setForwardOnly(true);
            const QString select = u"SELECT %1 FROM %2"_s.arg(values.join(u", "_s), from);
            if (!read.prepare(select))
                return std::unexpected(storage(db::classify(read.lastError(), db, read.result()->handle())));
            if (select.contains(u":me"_s))
                read.bindValue(u":me"_s, toStoredId(viewer->id));
            if (!read.exec())
                return std::unexpected(storage(db::classify(read.lastError(), db, read.result()->handle())));
            while (read.next()) {
                for (int i = 0; i < names.size(); ++i) {
                    const QVariant value = read.value(i);
                    insert->bindValue(
                        i, value.typeId() == QMetaType::QDate ? QVariant(toStoredDate(value.toDate())) : value);
                }
                if (!insert->exec())
                    return std::unexpected(storage(db::classify(insert->lastError(), out)));
            }
            if (read.lastError().isValid())
                return std::unexpected(storage(db::classify(read.lastError(), db, read.result()->handle())));
        }
        if (auto marked = run(out, u"INSERT INTO %1 (apartment_rowid) SELECT rowid FROM apartments"_s.arg(SearchMarks));
            !marked) {
            return marked;
        }
        return triggers->restore(out);
    });
    if (!written)
        return std::unexpected(written.error());
    if (auto keys = run(out, u"PRAGMA foreign_keys = ON"_s); !keys)
        return std::unexpected(keys.error());
    auto rows = countRows(out, u"main"_s);
    if (!rows)
        return std::unexpected(rows.error());
    info.rows = *rows;
    if (auto committed = snapshot.commit(); !committed)
        return std::unexpected(storage(committed.error()));
    return info;
}

} // namespace

const QStringList &snapshotTables()
{
    static const QStringList tables = [] {
        QStringList made;
        for (const SyncEntity &entity : syncEntities())
            made << QString::fromLatin1(entity.table);
        return made + SearchTables + QStringList { SearchMarks };
    }();
    return tables;
}

Result<int> prepareSnapshots(const db::Database &server)
{
    const auto connection = services::connectionOf(server);
    if (!connection)
        return std::unexpected(connection.error());
    // PostgreSQL keeps its search documents up to date in the transaction of each change.
    if (server.engine() == db::Engine::Postgres)
        return 0;
    auto indexed = query::refreshSearchIndex(*connection);
    if (!indexed)
        return std::unexpected(storage(indexed.error()));
    return *indexed;
}

Result<SnapshotInfo> writeSnapshot(const db::Database &server, const QUuid &user, const QUuid &client,
                                   const QString &path)
{
    if (QFileInfo::exists(path)) {
        return std::unexpected(DomainError(DomainError::Code::InvalidValue, u"snapshot"_s, QString(),
                                           u"A snapshot is written to a new file: %1 exists."_s.arg(path)));
    }
    if (server.engine() == db::Engine::Postgres) {
        auto made = db::Database::open(path);
        if (!made)
            return std::unexpected(storage(made.error()));
        const auto connection = services::connectionOf(server);
        if (!connection)
            return std::unexpected(connection.error());
        QElapsedTimer timer;
        timer.start();
        auto info = writePostgresSnapshot(*connection, **made, user, client);
        if (info) {
            qCInfo(lcSnapshot) << "snapshot of" << info->rows << "rows through change" << info->cursor << "for" << user
                               << "in" << timer.elapsed() << "ms";
        }
        return info;
    }
    {
        // This release's schema, made as for any database; closed again before it is attached.
        auto made = db::Database::open(path);
        if (!made)
            return std::unexpected(storage(made.error()));
    }
    // Brought up to date first (its own short write), so that the copy carries little to mark.
    if (auto indexed = prepareSnapshots(server); !indexed)
        return std::unexpected(indexed.error());
    const auto connection = services::connectionOf(server);
    if (!connection)
        return std::unexpected(connection.error());
    const QSqlDatabase &db = *connection;

    if (auto attached = run(db, u"ATTACH DATABASE :path AS snapshot"_s, { { u":path"_s, path } }); !attached)
        return std::unexpected(attached.error());
    const auto detach = qScopeGuard([&] { (void)db::exec(db, u"DETACH DATABASE snapshot"_s); });
    // A file nothing else has open, thrown away if the server stops: no WAL, no syncs.
    for (const QString &pragma : { u"PRAGMA snapshot.journal_mode = DELETE"_s, u"PRAGMA snapshot.synchronous = OFF"_s,
                                   u"PRAGMA foreign_keys = OFF"_s }) {
        if (auto set = run(db, pragma); !set)
            return std::unexpected(set.error());
    }
    const auto keys = qScopeGuard([&] { (void)db::exec(db, u"PRAGMA foreign_keys = ON"_s); });

    QElapsedTimer timer;
    timer.start();
    db::ReadTransaction snapshot(db);
    if (auto begun = snapshot.begin(); !begun)
        return std::unexpected(storage(begun.error()));
    auto viewer = services::userById(db, user);
    if (!viewer)
        return std::unexpected(viewer.error());
    auto position = positionOf(db, user, client);
    if (!position)
        return std::unexpected(position.error());
    SnapshotInfo info = *position;

    auto triggers = SetAsideTriggers::drop(db, u"snapshot"_s, snapshotTables());
    if (!triggers)
        return std::unexpected(triggers.error());
    if (auto copied = copyVisibleRows(db, *viewer); !copied)
        return std::unexpected(copied.error());
    if (auto restored = triggers->restore(db); !restored)
        return std::unexpected(restored.error());
    auto rows = countRows(db, u"snapshot"_s);
    if (!rows)
        return std::unexpected(rows.error());
    info.rows = *rows;
    if (auto committed = snapshot.commit(); !committed)
        return std::unexpected(storage(committed.error()));
    qCInfo(lcSnapshot) << "snapshot of" << info.rows << "rows through change" << info.cursor << "for" << user << "in"
                       << timer.elapsed() << "ms";
    return info;
}

namespace {

// The first column of every row sql yields.
Result<QStringList> firstColumn(const QSqlDatabase &db, const QString &sql)
{
    auto found = db::exec(db, sql);
    if (!found)
        return std::unexpected(storage(found.error()));
    QStringList values;
    while (found->next())
        values << found->value(0).toString();
    return values;
}

// Everything `schema` defines (tables, indexes, triggers, views) as its definitions; SQLite's
// own tables aside (sqlite_stat1 comes and goes with ANALYZE).
Result<QStringList> definitionsOf(const QSqlDatabase &db, const QString &schema)
{
    return firstColumn(db,
                       u"SELECT type || ' ' || name || ' on ' || tbl_name || ': ' || coalesce(sql, '') "
                       "FROM %1.sqlite_schema WHERE name NOT LIKE 'sqlite\\_%' ESCAPE '\\' "
                       "ORDER BY type, name"_s.arg(schema));
}

// The replica's tables of its own, which no snapshot carries: its state and queue, chat, mail.
// Plain tables only (a virtual table's rows are in its shadow tables).
Result<QStringList> localTablesOf(const QSqlDatabase &db, const QString &schema)
{
    return firstColumn(db,
                       u"SELECT name FROM %1.sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite\\_%' "
                       "ESCAPE '\\' AND sql NOT LIKE 'CREATE VIRTUAL TABLE%' AND name NOT IN (%2) "
                       "ORDER BY name"_s.arg(schema, nameList(snapshotTables())));
}

// A connection of its own to a file, closed and removed when this goes.
class OwnConnection final
{
public:
    explicit OwnConnection(const QString &path)
        : m_name(u"rentdesk-snapshot-%1"_s.arg(QUuid::createUuid().toString(QUuid::Id128)))
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, m_name);
        db.setDatabaseName(path);
        db.setConnectOptions(u"QSQLITE_BUSY_TIMEOUT=5000"_s);
    }
    ~OwnConnection()
    {
        {
            QSqlDatabase db = QSqlDatabase::database(m_name, false);
            db.close();
        }
        QSqlDatabase::removeDatabase(m_name);
    }
    Q_DISABLE_COPY_MOVE(OwnConnection)

    [[nodiscard]] QSqlDatabase database() const { return QSqlDatabase::database(m_name, false); }

private:
    QString m_name;
};

} // namespace

Result<qint64> prepareSnapshot(const QString &replicaPath, const QString &snapshotPath, const QString &cursor)
{
    if (!QFileInfo(snapshotPath).isFile())
        return std::unexpected(notSnapshot(u"no file"_s));
    OwnConnection own(snapshotPath);
    QSqlDatabase db = own.database();
    if (!db.open())
        return std::unexpected(storage(db::classify(db.lastError(), db)));
    // The file is still one nothing else reads (no WAL; the replica's connection makes it one
    // when it opens it). Its last commit syncs it whole: the rename that follows must not put a
    // file in place whose pages are not on the disk yet.
    for (const QString &pragma : { u"PRAGMA journal_mode = DELETE"_s, u"PRAGMA synchronous = FULL"_s,
                                   u"PRAGMA trusted_schema = OFF"_s, u"PRAGMA foreign_keys = OFF"_s }) {
        if (auto set = run(db, pragma); !set)
            return std::unexpected(set.error());
    }
    if (auto attached = run(db, u"ATTACH DATABASE :path AS replica"_s, { { u":path"_s, replicaPath } }); !attached)
        return std::unexpected(attached.error());
    const auto detach = qScopeGuard([&] { (void)db::exec(db, u"DETACH DATABASE replica"_s); });

    // The file becomes the replica whole, so everything it defines must be exactly the
    // replica's (same release, same schema): nothing else in it is then ever run or read.
    auto ours = definitionsOf(db, u"replica"_s);
    auto theirs = ours ? definitionsOf(db, u"main"_s) : ours;
    if (!theirs)
        return std::unexpected(theirs.error());
    if (*ours != *theirs)
        return std::unexpected(notSnapshot(u"its schema differs from this release's"_s));
    auto local = localTablesOf(db, u"replica"_s);
    if (!local)
        return std::unexpected(local.error());

    qint64 rows = 0;
    QElapsedTimer timer;
    timer.start();
    qint64 checkedMs = 0;
    auto prepared = db::transact(db, [&]() -> Result<void> {
        // Only a replica without changes of its own: their undo and redo belong to the
        // replica's own connection, on rows the snapshot replaces.
        auto mine = db::scalar(db, u"SELECT count(*) FROM replica.pending_mutations WHERE state <> 'refused'"_s);
        if (!mine)
            return std::unexpected(storage(mine.error()));
        if (mine->toLongLong() > 0) {
            return std::unexpected(DomainError(
                DomainError::Code::NotInThisMode, u"snapshot"_s, QString(),
                QCoreApplication::translate("Snapshot", "This replica has changes of its own to send first.")));
        }
        // The replica's own rows in place of the new file's (a new database's defaults).
        auto triggers = SetAsideTriggers::drop(db, u"main"_s, *local);
        if (!triggers)
            return std::unexpected(triggers.error());
        for (const QString &table : std::as_const(*local)) {
            if (auto gone = run(db, u"DELETE FROM main.%1"_s.arg(table)); !gone)
                return gone;
            if (auto copied = run(db, u"INSERT INTO main.%1 SELECT * FROM replica.%1"_s.arg(table)); !copied)
                return copied;
        }
        const QString sequences = u"name IN (%1)"_s.arg(nameList(*local));
        for (const QString &sql :
             { QString(u"DELETE FROM main.sqlite_sequence WHERE "_s + sequences),
               QString(u"INSERT INTO main.sqlite_sequence SELECT * FROM replica.sqlite_sequence WHERE "_s
                       + sequences) }) {
            if (auto kept = run(db, sql); !kept)
                return kept;
        }
        if (auto restored = triggers->restore(db); !restored)
            return restored;
        if (auto moved = run(db, u"UPDATE main.replica_state SET cursor = :cursor"_s, { { u":cursor"_s, cursor } });
            !moved) {
            return moved;
        }
        // Foreign keys were off for the copies: a row naming one the file lacks refuses it.
        auto dangling = db::exec(db, u"PRAGMA main.foreign_key_check"_s);
        if (!dangling)
            return std::unexpected(storage(dangling.error()));
        if (dangling->next()) {
            const QString table = dangling->value(0).toString();
            dangling->finish();
            return std::unexpected(notSnapshot(u"a row of %1 names a row it lacks"_s.arg(table)));
        }
        dangling->finish();
        checkedMs = timer.elapsed();
        auto counted = countRows(db, u"main"_s);
        if (!counted)
            return std::unexpected(counted.error());
        rows = *counted;
        return {};
    });
    if (!prepared)
        return std::unexpected(prepared.error());
    qCInfo(lcSnapshot) << "prepared a snapshot of" << rows << "rows: keys checked in" << checkedMs
                       << "ms, synced to disk in" << timer.elapsed() - checkedMs << "ms";
    return rows;
}

} // namespace rentdesk::models::sync
