// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/db/dberror.h"

#include <QSqlDatabase>
#include <QString>
#include <QStringList>
#include <QVariant>

#include <expected>

namespace rentdesk::models::db {

// Where a PostgreSQL database is, read from a URL as libpq users write it:
// postgresql://user@host:port/dbname?sslmode=verify-full&sslrootcert=/etc/ssl/ca.pem
// The password is never in the URL (it would show in the process list and in logs): libpq
// reads it from PGPASSWORD or ~/.pgpass (PGPASSFILE), as psql does. Query parameters are
// libpq's connection keywords (TLS, timeouts, a socket folder as host=/run/postgresql), passed
// through to it; an unknown one is refused, so a typo in sslmode does not silently connect
// without TLS.
struct PostgresTarget
{
    QString host; // a name, an address, or a socket folder (starting with /)
    int port = 5432;
    QString user;
    QString database;
    QStringList options; // "keyword=value" for libpq

    // postgresql://user@host:port/database, with the options: what logs and messages show.
    [[nodiscard]] QString display() const;

    [[nodiscard]] static std::expected<PostgresTarget, QString> parse(const QString &url);
};

// Opens a connection of Qt's PostgreSQL driver (libqt6sql6-psql) named `name` to `target`.
// On failure the connection is removed again and the error names the database.
[[nodiscard]] std::expected<QSqlDatabase, DbError> openPostgres(const PostgresTarget &target, const QString &name);

// Classifies an error of Qt's PostgreSQL driver by its SQLSTATE; `result` is the failed
// statement's PGresult (QSqlResult::handle()), from which the constraint's name is read, as
// PostgreSQL reports it apart from the (translated) message. Serialization failures and
// deadlocks are Busy, and mark the connection's transaction to be run again (see transact()).
[[nodiscard]] DbError classifyPostgres(const QSqlError &error, const QVariant &result);

// True when db (a PostgreSQL connection) was lost (the server restarted, or ended it): libpq's
// status, read without a round trip.
[[nodiscard]] bool postgresConnectionLost(const QSqlDatabase &db);

// True while db (a PostgreSQL connection) is inside a transaction block, failed or not.
[[nodiscard]] bool postgresInTransaction(const QSqlDatabase &db);

// True while db (a PostgreSQL connection) is in a transaction block that a statement failed
// in: PostgreSQL refuses every later statement of it until it is rolled back.
[[nodiscard]] bool postgresTransactionFailed(const QSqlDatabase &db);

// Whether a statement failed, since the last call of clearRetryableFailure() on this thread,
// because PostgreSQL could not serialize it with another transaction (40001) or broke a
// deadlock with it (40P01): the transaction, run again from its start, may well succeed.
[[nodiscard]] bool hadRetryableFailure();
void clearRetryableFailure();

} // namespace rentdesk::models::db
