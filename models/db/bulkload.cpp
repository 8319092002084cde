// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/db/bulkload.h"

#include "models/db/query.h"

#include <QLoggingCategory>

Q_LOGGING_CATEGORY(lcBulkLoad, "rentdesk.db.bulkload", QtWarningMsg)

namespace rentdesk::models::db {

using namespace Qt::StringLiterals;

namespace {

// The page cache while rows go in. The bookings' primary key and stays index take random
// places, and with SQLite's default 2 MB most of their pages would go out to the WAL and
// back for every few rows.
constexpr int loadingCacheKib = 128 * 1024;
// While indexes are built; SQLite's sorter uses up to as much again.
constexpr int sortingCacheKib = 32 * 1024;
constexpr int tempStoreMemory = 2;
// WAL pages between checkpoints while rows go in (SQLite's default is 1000): 64 MiB.
constexpr int loadingCheckpointPages = 16384;
// Helper threads for SQLite's sorter while indexes are built: the machine has a second
// core, and sorting is where SQLite can use it (a quarter off the index build).
constexpr int sortingThreads = 2;

QString quotedIdentifier(const QString &name)
{
    return u'"' + QString(name).replace(u'"', u"\"\""_s) + u'"';
}

} // namespace

BulkLoadSettings::BulkLoadSettings(const QSqlDatabase &db)
    : m_db(db)
{
    auto cacheSize = scalar(db, u"PRAGMA cache_size"_s);
    auto tempStore = scalar(db, u"PRAGMA temp_store"_s);
    auto threads = scalar(db, u"PRAGMA threads"_s);
    auto checkpointPages = scalar(db, u"PRAGMA wal_autocheckpoint"_s);
    if (!cacheSize || !tempStore || !threads || !checkpointPages)
        return;
    m_previousCheckpointPages = checkpointPages->toInt();
    m_previousCacheSize = cacheSize->toInt();
    m_previousTempStore = tempStore->toInt();
    m_previousThreads = threads->toInt();
    m_changed = true;
    setCacheKib(loadingCacheKib);
    // A load in many transactions (a replica's first pull) would otherwise checkpoint in
    // nearly every COMMIT, each time syncing the WAL and the database file.
    if (!exec(db, u"PRAGMA wal_autocheckpoint = %1"_s.arg(loadingCheckpointPages)))
        qCWarning(lcBulkLoad) << "could not make the WAL checkpoints less frequent";
    // Statement journals in memory: a journal that once outgrows SQLite's in-memory limit
    // (64 KiB) becomes a temporary file for the rest of the transaction, and then every
    // later statement writes its pages there.
    if (!exec(db, u"PRAGMA temp_store = %1"_s.arg(tempStoreMemory)))
        qCWarning(lcBulkLoad) << "could not keep temporary data in memory";
}

BulkLoadSettings::~BulkLoadSettings()
{
    if (!m_changed)
        return;
    // PRAGMAs take no bound values; these are numbers read back from the connection.
    if (!exec(m_db, u"PRAGMA cache_size = %1"_s.arg(m_previousCacheSize))
        || !exec(m_db, u"PRAGMA temp_store = %1"_s.arg(m_previousTempStore))
        || !exec(m_db, u"PRAGMA threads = %1"_s.arg(m_previousThreads))
        || !exec(m_db, u"PRAGMA wal_autocheckpoint = %1"_s.arg(m_previousCheckpointPages)))
        qCWarning(lcBulkLoad) << "could not restore the connection's cache, temp_store and threads settings";
}

void BulkLoadSettings::prepareForIndexing()
{
    if (!m_changed)
        return;
    setCacheKib(sortingCacheKib);
    if (!exec(m_db, u"PRAGMA threads = %1"_s.arg(sortingThreads)))
        qCWarning(lcBulkLoad) << "could not give the sorter helper threads";
}

void BulkLoadSettings::setCacheKib(int kib)
{
    // A negative cache_size is a size in KiB rather than in pages.
    if (!exec(m_db, u"PRAGMA cache_size = %1"_s.arg(-kib)))
        qCWarning(lcBulkLoad) << "could not set the page cache size";
}

std::expected<DeferredIndexes, DbError> DeferredIndexes::drop(const QSqlDatabase &db, const QStringList &tables,
                                                              const QStringList &keep)
{
    QList<QString> names;
    DeferredIndexes deferred;
    {
        // Unique indexes stay: they are the identity keys that conflict handling and
        // triggers probe row by row (a trigger guarding REPLACE looks an apartment up by
        // building and number), and without them each such probe would read the table.
        auto indexes = exec(db,
                            u"SELECT s.name, s.tbl_name, s.sql FROM sqlite_schema AS s "
                            "JOIN pragma_index_list(s.tbl_name) AS i ON i.name = s.name "
                            "WHERE s.type = 'index' AND s.sql IS NOT NULL AND i.\"unique\" = 0 "
                            "ORDER BY s.name"_s);
        if (!indexes)
            return std::unexpected(indexes.error());
        while (indexes->next()) {
            const QString name = indexes->value(0).toString();
            if (!tables.contains(indexes->value(1).toString()) || keep.contains(name))
                continue;
            names.append(name);
            deferred.m_definitions.append(indexes->value(2).toString());
        }
    } // the schema may change only once nothing reads it
    for (const QString &name : std::as_const(names)) {
        // An identifier cannot be bound; the name comes from the schema, quoted.
        if (auto dropped = exec(db, u"DROP INDEX "_s + quotedIdentifier(name)); !dropped)
            return std::unexpected(dropped.error());
    }
    return deferred;
}

DeferredIndexes DeferredIndexes::fromDefinitions(QList<QString> definitions)
{
    DeferredIndexes deferred;
    deferred.m_definitions = std::move(definitions);
    return deferred;
}

std::expected<void, DbError> DeferredIndexes::rebuild(const QSqlDatabase &db) const
{
    for (const QString &definition : m_definitions) {
        // The schema's own CREATE INDEX statements, read from sqlite_schema.
        if (auto built = exec(db, definition); !built)
            return std::unexpected(built.error());
    }
    return {};
}

} // namespace rentdesk::models::db
