// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

// Views include this (through database.h) and see no QtSql.
class QSqlDatabase;

namespace rentdesk::models::db {

// The two database engines RentDesk runs on: SQLite, embedded (the desktop, and a server on
// one machine), and PostgreSQL (a server that outgrew one machine; docs/architecture.md,
// "PostgreSQL for the server"). The services write one SQL for both where the engines agree;
// where they do not, the engine-specific statement is chosen by engineOf() next to the other.
enum class Engine {
    Sqlite,
    Postgres,
};

[[nodiscard]] Engine engineOf(const QSqlDatabase &db);

// Whether `location` names a PostgreSQL database (postgresql://… or postgres://…) rather than
// an SQLite file.
[[nodiscard]] inline bool isPostgresUrl(const QString &location)
{
    return location.startsWith(QLatin1StringView("postgresql://"))
        || location.startsWith(QLatin1StringView("postgres://"));
}

} // namespace rentdesk::models::db
