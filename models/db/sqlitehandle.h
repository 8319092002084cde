// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/db/dberror.h"

#include <QSqlDatabase>
#include <QStringList>

#include <expected>

struct sqlite3;

namespace rentdesk::models::db {

// The sqlite3 connection under a Qt connection, or nullptr when it is not an open SQLite
// connection. For the few places that need SQLite itself (transaction state, bulk loading);
// everything else goes through QSqlQuery.
[[nodiscard]] sqlite3 *sqliteHandle(const QSqlDatabase &db);

// The last error of handle, classified like a Qt driver error (see classify()).
[[nodiscard]] DbError lastSqliteError(sqlite3 *handle, const QSqlDatabase &db);

// RentDesk calls libsqlite3 itself on the handles of Qt's SQLite driver (the WAL
// checkpointer, word search, the bulk loader, transaction state). That is only right when
// the driver uses the same library: a Qt that bundles its own SQLite would hand over handles
// of another library, whose structures and global state ours would then misread. This is
// what the check compares, read from the running process.
struct SqliteLinkage
{
    QString ours; // the file of the libsqlite3 that RentDesk calls
    QString oursVersion; // sqlite3_libversion() and sqlite3_sourceid() of that library
    QString oursSourceId;
    QString driverVersion; // sqlite_version() and sqlite_source_id() asked through Qt's driver
    QString driverSourceId;
    QString driverFile; // Qt's SQLite plugin as loaded in this process
    QStringList driverNeeds; // the libraries the plugin is linked against (its DT_NEEDED)
    QStringList sqliteLibraries; // every libsqlite3 loaded in this process
};

// Reads the linkage on an open connection of Qt's SQLite driver.
[[nodiscard]] SqliteLinkage readSqliteLinkage(const QSqlDatabase &db);

// Whether the driver's SQLite is RentDesk's: one libsqlite3 in the process, RentDesk's, which
// the plugin is linked against, of the same version and build. The error names both.
[[nodiscard]] std::expected<void, DbError> checkSameSqlite(const SqliteLinkage &linkage);

} // namespace rentdesk::models::db
