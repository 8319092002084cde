// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/db/database.h"
#include "models/db/dberror.h"

#include <QByteArray>
#include <QSqlDatabase>
#include <QStringList>
#include <QTemporaryDir>
#include <QVariantMap>

#include <expected>
#include <memory>

namespace rentdesk::test {

// Every row of every table, the schema, and the header values that a migration may touch,
// as sorted text: two dumps are equal exactly when the databases hold the same things.
[[nodiscard]] QStringList dumpDatabase(const QSqlDatabase &db);

// The calling thread's connection to database. A test cannot go on without one, so a failure
// ends the test program with the reason (qFatal) rather than handing back a closed connection.
[[nodiscard]] QSqlDatabase connectionOf(const models::db::Database &database);

// The bytes of a file, or an empty array when it does not exist; with -wal and -shm
// checked too, this tells whether anything at all was written next to a database file.
[[nodiscard]] QByteArray fileBytes(const QString &path);
// What a server's database keeps on disk: an SQLite file with its WAL, or a PostgreSQL
// database (a postgresql:// URL of the tests' cluster) as pg_dump writes it.
[[nodiscard]] QByteArray storedBytes(const QString &database);

// A fresh database in its own temporary folder, migrated to the latest version.
class TempDatabase final
{
public:
    TempDatabase();
    Q_DISABLE_COPY_MOVE(TempDatabase)

    [[nodiscard]] bool isValid() const { return m_database != nullptr; }
    [[nodiscard]] QString errorMessage() const { return m_error; }
    [[nodiscard]] QString path() const { return m_dir.filePath(QStringLiteral("rentdesk.sqlite")); }
    [[nodiscard]] QString dirPath() const { return m_dir.path(); }
    [[nodiscard]] models::db::Database &database() const { return *m_database; }
    [[nodiscard]] std::shared_ptr<models::db::Database> shared() const { return m_database; }
    [[nodiscard]] QSqlDatabase connection() const { return connectionOf(*m_database); }

private:
    QTemporaryDir m_dir;
    std::shared_ptr<models::db::Database> m_database;
    QString m_error;
};

// Names why the database refused a statement, in one comparable string: "" when it was
// accepted, the constraint, index or trigger name when named, "fk" for a foreign key,
// "type:table.column" for a STRICT type mismatch, "notnull:table.column".
[[nodiscard]] QString refusal(const std::expected<void, models::db::DbError> &result);

// Runs sql on a database file another part of the test (a server process, a replica) uses,
// on a connection of its own, closed before returning: every row it gives, each as "a|b|c"
// (NULL as "∅"); an empty list when the file or the statement fails, with a warning saying why.
[[nodiscard]] QStringList rowsIn(const QString &path, const QString &sql);
// The first column of the first row as a number, -1 when there is none.
[[nodiscard]] qint64 valueIn(const QString &path, const QString &sql);

// Inserts rows made of defaults overridden by values; each returns refusal() of the
// insert. The defaults form a valid row, so a test changes only what it tests.
struct Rows
{
    explicit Rows(QSqlDatabase db)
        : db(std::move(db))
    {
    }

    QString insert(const QString &table, const QVariantMap &values);

    // Valid rows, chained: a landlord owns a building with an apartment; a renter exists.
    QString landlord(const QString &id, const QVariantMap &overrides = {});
    QString renter(const QString &id, const QVariantMap &overrides = {});
    QString building(const QString &id, const QString &ownerId, const QVariantMap &overrides = {});
    QString apartment(const QString &id, const QString &buildingId, const QString &ownerId,
                      const QVariantMap &overrides = {});
    QString booking(const QString &id, const QString &apartmentId, const QString &renterId, const QString &start,
                    const QString &end, const QString &status, const QVariantMap &overrides = {});

    QSqlDatabase db;
};

// A lowercase UUID made from a small number, readable in test failures.
[[nodiscard]] QString uuid(int n);

// The timestamp used in test rows.
[[nodiscard]] QString timestamp();

// Runs statements on the database file through a connection of its own, as another program
// would, each with those of bindings whose names it contains: for tests of what RentDesk does
// when the database changes or breaks under it (a table renamed away, a value no CHECK would
// let in with PRAGMA ignore_check_constraints). The program's connections see it at their
// next statement.
[[nodiscard]] std::expected<void, QString> executeBehind(const QString &databasePath, const QStringList &statements,
                                                         const QVariantMap &bindings = {});

} // namespace rentdesk::test
