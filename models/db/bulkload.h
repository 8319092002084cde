// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/db/dberror.h"

#include <QList>
#include <QSqlDatabase>
#include <QString>
#include <QStringList>

#include <expected>

namespace rentdesk::models::db {

// What makes writing a million rows into an empty database in one transaction fast, kept
// out of the generator: the connection's settings for the run, and indexes built once at
// the end instead of row by row. Measured on 200 000 apartments (five million index
// entries): the secondary indexes, written at random places row by row, took two thirds
// of the time; SQLite builds each in one sorted pass.

// Sets the connection up for a bulk load and puts its settings back when destroyed. Must
// be made before the transaction begins: SQLite decides where statement journals live
// when a transaction starts.
class BulkLoadSettings final
{
public:
    explicit BulkLoadSettings(const QSqlDatabase &db);
    ~BulkLoadSettings();
    Q_DISABLE_COPY_MOVE(BulkLoadSettings)

    // For building indexes: a smaller page cache, since SQLite's sorter may use as much
    // memory as the cache and both together would double the peak; and sorter threads.
    void prepareForIndexing();

private:
    void setCacheKib(int kib);

    QSqlDatabase m_db;
    int m_previousCacheSize = 0;
    int m_previousTempStore = 0;
    int m_previousThreads = 0;
    int m_previousCheckpointPages = 0;
    bool m_changed = false;
};

// The non-unique secondary indexes of some tables, dropped for a bulk load and built again
// from their own stored definitions, inside the caller's transaction: a failure rolls the
// drop back too.
class DeferredIndexes final
{
public:
    // Drops every non-unique index made by CREATE INDEX on tables, except those named in
    // keep: an index a trigger reads while rows go in must stay, or every row would make
    // the trigger read a whole table. Unique indexes always stay (see bulkload.cpp).
    [[nodiscard]] static std::expected<DeferredIndexes, DbError> drop(const QSqlDatabase &db, const QStringList &tables,
                                                                      const QStringList &keep);
    // Builds them again, exactly as they were.
    [[nodiscard]] std::expected<void, DbError> rebuild(const QSqlDatabase &db) const;

    // Their CREATE INDEX statements, to be kept when the load spans several transactions
    // (a replica's first pull), and the set made again from them.
    [[nodiscard]] const QList<QString> &definitions() const { return m_definitions; }
    [[nodiscard]] static DeferredIndexes fromDefinitions(QList<QString> definitions);

private:
    QList<QString> m_definitions; // their CREATE INDEX statements, as stored by SQLite
};

} // namespace rentdesk::models::db
