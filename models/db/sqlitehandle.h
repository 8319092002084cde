// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/db/dberror.h"

#include <QSqlDatabase>

struct sqlite3;

namespace rentdesk::models::db {

// The sqlite3 connection under a Qt connection, or nullptr when it is not an open SQLite
// connection. For the few places that need SQLite itself (transaction state, bulk loading);
// everything else goes through QSqlQuery.
[[nodiscard]] sqlite3 *sqliteHandle(const QSqlDatabase &db);

// The last error of handle, classified like a Qt driver error (see classify()).
[[nodiscard]] DbError lastSqliteError(sqlite3 *handle, const QSqlDatabase &db);

} // namespace rentdesk::models::db
