// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QProcess>
#include <QSqlDatabase>
#include <QString>
#include <QTemporaryDir>

#include <memory>

namespace rentdesk::test {

// A throw-away PostgreSQL 15 cluster of one test binary (docs/architecture.md, "Tests"): initdb
// into a temporary folder, and the postmaster as a child of the test that dies with it, on a
// free loopback port and a socket in that folder, with a superuser "rentdesk" that needs its
// password (SCRAM), as a real server's roles do. PostgreSQL will not run as root: when the tests
// do (CI), initdb and the postmaster run as the "postgres" system user that Debian's package
// makes, and the folder is theirs. Stopped (immediate shutdown) and removed when destroyed.
class PostgresCluster final
{
public:
    PostgresCluster();
    ~PostgresCluster();
    Q_DISABLE_COPY_MOVE(PostgresCluster)

    // initdb and the postmaster, up to "ready to accept connections" (bounded waits); false with
    // errorString() when PostgreSQL 15 is missing or does not start.
    [[nodiscard]] bool start();
    [[nodiscard]] QString errorString() const { return m_error; }

    [[nodiscard]] static QString host() { return QStringLiteral("127.0.0.1"); }
    [[nodiscard]] int port() const { return m_port; }
    [[nodiscard]] static QString user() { return QStringLiteral("rentdesk"); }
    // The postmaster's process id (its backends are its children), for a benchmark's CPU figures.
    [[nodiscard]] qint64 processId() const { return m_postmaster ? m_postmaster->processId() : 0; }
    [[nodiscard]] QString password() const { return m_password; }
    // postgresql://rentdesk@127.0.0.1:PORT/NAME (the password is not in it: PGPASSWORD is).
    [[nodiscard]] QString url(const QString &database) const;

    // Everything `database` holds, as pg_dump writes it (empty when it fails): for a test that
    // checks what is, and is not, on the server's disk.
    [[nodiscard]] QByteArray dump(const QString &database) const;

    // pg_amcheck over `database` (tables and their B-tree indexes, the amcheck extension added
    // when missing): empty when it found nothing wrong, otherwise what it reported.
    [[nodiscard]] QString check(const QString &database) const;

    // A new empty database, or a copy of the database copyOf (which no one may be connected to);
    // false with errorString() when refused (the name is taken, say).
    [[nodiscard]] bool createDatabase(const QString &name, const QString &copyOf = QString());
    // A connection of Qt's PostgreSQL driver to `database` as the superuser, open, under
    // `connectionName` (QSqlDatabase::removeDatabase() it when done); not open on failure.
    [[nodiscard]] QSqlDatabase connect(const QString &database, const QString &connectionName) const;

private:
    QTemporaryDir m_dir;
    std::unique_ptr<QProcess> m_postmaster;
    int m_port = 0;
    QString m_password;
    QString m_error;
};

// Whether the server tests run on PostgreSQL: ctest runs each of them a second time with
// RENTDESK_TEST_ENGINE=postgresql (tests/server/CMakeLists.txt).
[[nodiscard]] bool serverTestsOnPostgres();

// The test binary's one cluster, started on first use and stopped with the application. A
// cluster that cannot start ends the test (qFatal): in CI nothing is skipped.
[[nodiscard]] PostgresCluster &sharedPostgres();

// Where a server in a test keeps its data: sqliteFile, or, when the tests run on PostgreSQL, a
// new database of the shared cluster (its URL; PGPASSWORD is sharedPostgres().password()).
[[nodiscard]] QString serverDatabase(const QString &sqliteFile);

} // namespace rentdesk::test
