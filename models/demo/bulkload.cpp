// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/demo/bulkload.h"

#include "models/db/query.h"

#include <QLoggingCategory>

Q_LOGGING_CATEGORY(lcDemo, "rentdesk.demo", QtWarningMsg)

namespace rentdesk::models::demo {

using namespace Qt::StringLiterals;

namespace {

// The page cache while rows go in. The bookings' primary key and stays index take random
// places, and with SQLite's default 2 MB most of their pages would go out to the WAL and
// back for every few rows.
constexpr int loadingCacheKib = 128 * 1024;
// While indexes are built; SQLite's sorter uses up to as much again.
constexpr int sortingCacheKib = 32 * 1024;
constexpr int tempStoreMemory = 2;
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
    auto cacheSize = db::scalar(db, u"PRAGMA cache_size"_s);
    auto tempStore = db::scalar(db, u"PRAGMA temp_store"_s);
    auto threads = db::scalar(db, u"PRAGMA threads"_s);
    if (!cacheSize || !tempStore || !threads)
        return;
    m_previousCacheSize = cacheSize->toInt();
    m_previousTempStore = tempStore->toInt();
    m_previousThreads = threads->toInt();
    m_changed = true;
    setCacheKib(loadingCacheKib);
    // Statement journals in memory: a journal that once outgrows SQLite's in-memory limit
    // (64 KiB) becomes a temporary file for the rest of the transaction, and then every
    // later statement writes its pages there.
    if (!db::exec(db, u"PRAGMA temp_store = %1"_s.arg(tempStoreMemory)))
        qCWarning(lcDemo) << "could not keep temporary data in memory";
}

BulkLoadSettings::~BulkLoadSettings()
{
    if (!m_changed)
        return;
    // PRAGMAs take no bound values; these are numbers read back from the connection.
    if (!db::exec(m_db, u"PRAGMA cache_size = %1"_s.arg(m_previousCacheSize))
        || !db::exec(m_db, u"PRAGMA temp_store = %1"_s.arg(m_previousTempStore))
        || !db::exec(m_db, u"PRAGMA threads = %1"_s.arg(m_previousThreads)))
        qCWarning(lcDemo) << "could not restore the connection's cache, temp_store and threads settings";
}

void BulkLoadSettings::prepareForIndexing()
{
    if (!m_changed)
        return;
    setCacheKib(sortingCacheKib);
    if (!db::exec(m_db, u"PRAGMA threads = %1"_s.arg(sortingThreads)))
        qCWarning(lcDemo) << "could not give the sorter helper threads";
}

void BulkLoadSettings::setCacheKib(int kib)
{
    // A negative cache_size is a size in KiB rather than in pages.
    if (!db::exec(m_db, u"PRAGMA cache_size = %1"_s.arg(-kib)))
        qCWarning(lcDemo) << "could not set the page cache size";
}

std::expected<DeferredIndexes, db::DbError> DeferredIndexes::drop(const QSqlDatabase &db, const QStringList &tables,
                                                                  const QStringList &keep)
{
    QList<QString> names;
    DeferredIndexes deferred;
    {
        // Unique indexes stay: they are the identity keys that conflict handling and
        // triggers probe row by row (a trigger guarding REPLACE looks an apartment up by
        // building and number), and without them each such probe would read the table.
        auto indexes = db::exec(db,
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
        if (auto dropped = db::exec(db, u"DROP INDEX "_s + quotedIdentifier(name)); !dropped)
            return std::unexpected(dropped.error());
    }
    return deferred;
}

std::expected<void, db::DbError> DeferredIndexes::rebuild(const QSqlDatabase &db) const
{
    for (const QString &definition : m_definitions) {
        // The schema's own CREATE INDEX statements, read from sqlite_schema.
        if (auto built = db::exec(db, definition); !built)
            return std::unexpected(built.error());
    }
    return {};
}

} // namespace rentdesk::models::demo
