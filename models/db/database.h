// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/db/dberror.h"
#include "models/db/engine.h"

#include <QString>

#include <expected>
#include <memory>

// Only models/ and those that open the database (the server, the composition root, tests)
// use a connection; the rest of the program holds a Database without seeing QtSql.
class QSqlDatabase;

namespace rentdesk::models::db {

class MigrationSet;

// Opens RentDesk's SQLite database file and hands out one configured connection per
// thread (SQLite connections must not be shared between threads). Every connection has
// foreign keys on, WAL, synchronous=NORMAL and a busy timeout, and each is verified
// when it is made: a setting that silently did not take is an error, not a surprise.
// A server may instead open a PostgreSQL database, named by a postgresql:// URL
// (PostgresTarget): one connection per thread as well, migrated with PostgreSQL's dialect.
class Database final : public std::enable_shared_from_this<Database>
{
    struct Private;

public:
    struct Options
    {
        int busyTimeoutMs = 5000;
        // SQLite's page cache of each connection in MiB; 0 keeps SQLite's own (2 MiB).
        int cacheMib = 0;
        // The schema to migrate to; nullptr means MigrationSet::builtIn().
        const MigrationSet *migrations = nullptr;
    };

    // Opens path, creating it and its folder if needed, and migrates it to the latest
    // version. Refused, and left untouched: a path under a regular file, a file that is
    // not an SQLite database, another program's database, one from a newer release.
    // A postgresql:// URL opens that database instead (it must exist; its tables are made),
    // with the same refusals, and one that does not sort text in byte order.
    [[nodiscard]] static std::expected<std::shared_ptr<Database>, DbError> open(const QString &path,
                                                                                const Options &options);
    [[nodiscard]] static std::expected<std::shared_ptr<Database>, DbError> open(const QString &path);

    ~Database();
    Q_DISABLE_COPY_MOVE(Database)

    // The calling thread's connection, opened and configured on first use and closed
    // when the thread finishes; or why it cannot be had, for the caller to pass up (there is
    // no variant that hands back a closed connection: its queries would fail one by one and
    // a page would look empty instead of failed).
    [[nodiscard]] std::expected<QSqlDatabase, DbError> tryConnection() const;

    // A connection of the caller's own, named `name` (prefixed with this database's own), opened
    // and configured as the threads' ones: for one that must stay open and apart from the
    // services' statements (PostgreSQL's LISTEN). The caller closes it and removes it
    // (QSqlDatabase::removeDatabase(connection.connectionName())) on the same thread.
    [[nodiscard]] std::expected<QSqlDatabase, DbError> openOwnConnection(const QString &name) const;

    // Puts `file`, a database of this schema made elsewhere (a first pull's snapshot), in place
    // of this one's file with one rename: closes the calling thread's connection (the queries
    // prepared on it end with it, and what holds the connection's handle must let go first),
    // moves the file in and opens the connection again, configured as any. `file` must be on
    // the same file system and synced to disk already: the rename is what makes the change.
    // Refused, with both files as they were: a file that is not a RentDesk database of this
    // schema version, and a database another thread or program has open (its -wal file stays
    // when this connection closes).
    [[nodiscard]] std::expected<void, DbError> replaceFile(const QString &file);

    // The file, or for PostgreSQL the URL (without a password, which is never in it).
    [[nodiscard]] QString path() const;
    [[nodiscard]] int schemaVersion() const;
    [[nodiscard]] Engine engine() const;

private:
    explicit Database(std::unique_ptr<Private> d);
    [[nodiscard]] static std::expected<std::shared_ptr<Database>, DbError> openPostgres(std::unique_ptr<Private> d,
                                                                                        const QString &url);
    [[nodiscard]] std::expected<std::shared_ptr<Database>, DbError> migrate(const QSqlDatabase &db);
    std::unique_ptr<Private> d;
};

} // namespace rentdesk::models::db
