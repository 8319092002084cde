// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

#include <expected>

namespace rentdesk::bench {

// What copying a generated database into PostgreSQL did.
struct PostgresLoad
{
    qint64 rows = 0;
    double seconds = 0;
};

// Copies the rows of a standalone SQLite database the demo generator filled (users, buildings,
// apartments, bookings, reviews) into `url`, an empty PostgreSQL database, which Database::open
// migrates first: the same standalone database on the other engine, for a server to claim as
// it claims the file. The demo generator writes through SQLite's C API (models/demo/bulkinsert),
// so the PostgreSQL benchmarks load its output instead of generating again. Each batch of rows
// is one statement (json_populate_recordset over one bound JSON array), in one transaction;
// the rows pass every constraint and trigger of the PostgreSQL schema on the way in. A table
// of the file that holds rows and is not copied is an error, not a silent loss.
[[nodiscard]] std::expected<PostgresLoad, QString> copyIntoPostgres(const QString &sqlitePath, const QString &url);

} // namespace rentdesk::bench
