// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/db/database.h"
#include "models/db/query.h"
#include "models/db/sqlitehandle.h"
#include "models/db/transaction.h"
#include "tests/support/testsupport.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSemaphore>
#include <QSqlQuery>
#include <QTest>
#include <QThread>

#include <sqlite3.h>
#include <stdexcept>

using namespace Qt::StringLiterals;
using rentdesk::models::db::checkSameSqlite;
using rentdesk::models::db::Database;
using rentdesk::models::db::DbError;
using rentdesk::models::db::readSqliteLinkage;
using rentdesk::models::db::SqliteLinkage;
using rentdesk::test::TempDatabase;

// Opening a database: its settings, its connections per thread, and the transaction helper.
class TestDatabase : public QObject
{
    Q_OBJECT

private:
    static qint64 count(const QSqlDatabase &db, const QString &table)
    {
        auto value = rentdesk::models::db::scalar(db, u"SELECT count(*) FROM "_s + table);
        return value ? value->toLongLong() : -1;
    }

    static std::expected<void, DbError> insertProbe(const QSqlDatabase &db, int value)
    {
        auto done =
            rentdesk::models::db::exec(db, u"INSERT INTO probe (value) VALUES (:value)"_s, { { u":value"_s, value } });
        if (!done)
            return std::unexpected(done.error());
        return {};
    }

private Q_SLOTS:
    void init()
    {
        m_db = std::make_unique<TempDatabase>();
        QVERIFY2(m_db->isValid(), qPrintable(m_db->errorMessage()));
        QVERIFY(rentdesk::models::db::exec(m_db->connection(),
                                           u"CREATE TABLE probe (value INTEGER NOT NULL CHECK (value > 0))"_s));
    }

    void cleanup() { m_db.reset(); }

    void pragmasAreSetAndVerified_data()
    {
        QTest::addColumn<QString>("pragma");
        QTest::addColumn<QString>("expected");
        QTest::newRow("foreign keys") << u"foreign_keys"_s << u"1"_s;
        QTest::newRow("WAL") << u"journal_mode"_s << u"wal"_s;
        QTest::newRow("synchronous NORMAL") << u"synchronous"_s << u"1"_s;
        QTest::newRow("busy timeout") << u"busy_timeout"_s << u"5000"_s;
    }

    void pragmasAreSetAndVerified()
    {
        QFETCH(QString, pragma);
        QFETCH(QString, expected);
        auto value = rentdesk::models::db::scalar(m_db->connection(), u"PRAGMA "_s + pragma);
        QVERIFY(value);
        QCOMPARE(value->toString(), expected);
    }

    // A page cache of the size asked for, on every connection of the database (the server's
    // --cache-mib); SQLite's own otherwise.
    void cacheSizeIsSetWhenAsked()
    {
        QCOMPARE(rentdesk::models::db::scalar(m_db->connection(), u"PRAGMA cache_size"_s).value_or(0).toInt(), -2000);
        auto sized = Database::open(m_db->path(), Database::Options { .cacheMib = 48 });
        QVERIFY(sized);
        QString onThread;
        QThread *thread = QThread::create([&] {
            if (auto db = (*sized)->tryConnection())
                onThread = rentdesk::models::db::scalar(*db, u"PRAGMA cache_size"_s).value_or(QVariant()).toString();
        });
        thread->start();
        QVERIFY(thread->wait(10000));
        delete thread;
        QCOMPARE(onThread, QString::number(-48 * 1024));
    }

    void secondThreadGetsItsOwnConfiguredConnection()
    {
        const QString mainName = m_db->connection().connectionName();
        QString threadName;
        QString foreignKeys;
        QString fkError;
        QString busyTimeout;
        QThread *thread = QThread::create([&] {
            auto db = m_db->database().tryConnection();
            if (!db) {
                fkError = u"no connection: "_s + db.error().message;
                return;
            }
            threadName = db->connectionName();
            foreignKeys = rentdesk::models::db::scalar(*db, u"PRAGMA foreign_keys"_s).value_or(QVariant()).toString();
            busyTimeout = rentdesk::models::db::scalar(*db, u"PRAGMA busy_timeout"_s).value_or(QVariant()).toString();
            // A building whose owner does not exist: the foreign key must refuse it here too.
            rentdesk::test::Rows rows(*db);
            fkError = rows.building(rentdesk::test::uuid(1), rentdesk::test::uuid(999));
        });
        thread->start();
        QVERIFY(thread->wait(10000));
        delete thread;
        QVERIFY(!threadName.isEmpty());
        QVERIFY(threadName != mainName);
        QCOMPARE(foreignKeys, u"1"_s);
        QCOMPARE(busyTimeout, u"5000"_s);
        QCOMPARE(fkError, u"fk"_s);
        // The worker's connection was closed when its thread finished.
        QVERIFY(!QSqlDatabase::contains(threadName));
    }

    void sameThreadReusesItsConnection()
    {
        QCOMPARE(m_db->connection().connectionName(), m_db->connection().connectionName());
    }

    void transactCommits()
    {
        const QSqlDatabase db = m_db->connection();
        auto result = rentdesk::models::db::transact(db, [&]() -> std::expected<int, DbError> {
            if (auto done = insertProbe(db, 1); !done)
                return std::unexpected(done.error());
            if (auto done = insertProbe(db, 2); !done)
                return std::unexpected(done.error());
            return 42;
        });
        QVERIFY(result);
        QCOMPARE(*result, 42);
        QCOMPARE(count(db, u"probe"_s), 2);
        QVERIFY(!rentdesk::models::db::inTransaction(db));
    }

    void transactRollsBackOnError()
    {
        const QSqlDatabase db = m_db->connection();
        auto result = rentdesk::models::db::transact(db, [&]() -> std::expected<void, DbError> {
            if (auto done = insertProbe(db, 1); !done)
                return done;
            return insertProbe(db, -1); // refused by the CHECK
        });
        QVERIFY(!result);
        QCOMPARE(result.error().kind, DbError::Kind::Constraint);
        QCOMPARE(result.error().constraintKind, DbError::ConstraintKind::Check);
        QCOMPARE(count(db, u"probe"_s), 0);
        QVERIFY(!rentdesk::models::db::inTransaction(db));
    }

    void transactRollsBackOnException()
    {
        const QSqlDatabase db = m_db->connection();
        bool thrown = false;
        try {
            auto ignored = rentdesk::models::db::transact(db, [&]() -> std::expected<void, DbError> {
                if (auto done = insertProbe(db, 1); !done)
                    return done;
                throw std::runtime_error("boom");
            });
            Q_UNUSED(ignored);
        } catch (const std::runtime_error &) {
            thrown = true;
        }
        QVERIFY(thrown);
        QCOMPARE(count(db, u"probe"_s), 0);
        QVERIFY(!rentdesk::models::db::inTransaction(db));
    }

    void nestedTransactionRollsBackOnlyItself()
    {
        const QSqlDatabase db = m_db->connection();
        auto outer = rentdesk::models::db::transact(db, [&]() -> std::expected<void, DbError> {
            if (auto done = insertProbe(db, 1); !done)
                return done;
            auto inner = rentdesk::models::db::transact(db, [&]() -> std::expected<void, DbError> {
                if (auto done = insertProbe(db, 2); !done)
                    return done;
                return insertProbe(db, -2);
            });
            if (inner)
                return std::unexpected(DbError { DbError::Kind::Query, u"inner should have failed"_s, {}, {}, {} });
            return insertProbe(db, 3);
        });
        QVERIFY(outer);
        auto values = rentdesk::models::db::exec(
            db, u"SELECT group_concat(value) FROM (SELECT value FROM probe ORDER BY value)"_s);
        QVERIFY(values && values->next());
        QCOMPARE(values->value(0).toString(), u"1,3"_s);
    }

    // exec() keeps what it prepares on the thread's connection: the same statement serves the
    // next call with the same SQL, given back reset (holding no read snapshot), and one still
    // being read is not handed out again.
    void statementsAreKeptAndGivenBackReset()
    {
        const QSqlDatabase db = m_db->connection();
        for (int value : { 1, 2, 3 })
            QVERIFY(insertProbe(db, value));
        const QString sql = u"SELECT value FROM probe ORDER BY value"_s;
        const QSqlResult *kept = nullptr;
        {
            auto first = rentdesk::models::db::exec(db, sql);
            QVERIFY(first && first->next());
            QCOMPARE(first->value(0).toInt(), 1);
            kept = first->result();
        }
        // Given back in the middle of its rows: no statement of the connection is running.
        sqlite3 *handle = rentdesk::models::db::sqliteHandle(db);
        QVERIFY(handle);
        for (sqlite3_stmt *statement = sqlite3_next_stmt(handle, nullptr); statement;
             statement = sqlite3_next_stmt(handle, statement))
            QVERIFY2(!sqlite3_stmt_busy(statement), sqlite3_sql(statement));

        auto again = rentdesk::models::db::exec(db, sql);
        QVERIFY(again && again->next());
        QCOMPARE(again->result(), kept);
        QCOMPARE(again->value(0).toInt(), 1);
        // The same SQL while that one is being read: a statement of its own, which leaves the
        // first one's place alone.
        auto nested = rentdesk::models::db::exec(db, sql);
        QVERIFY(nested);
        QVERIFY(nested->result() != kept);
        QList<int> read;
        while (nested->next())
            read.append(nested->value(0).toInt());
        QCOMPARE(read, (QList<int> { 1, 2, 3 }));
        QVERIFY(again->next());
        QCOMPARE(again->value(0).toInt(), 2);
    }

    // Nested transactions name their savepoints by depth: a thousand of them leave the kept
    // statements in place (named by a counter, each was new SQL and pushed one out).
    void savepointsDoNotCrowdOutKeptStatements()
    {
        const QSqlDatabase db = m_db->connection();
        const QString sql = u"SELECT count(*) FROM probe WHERE value = :value"_s;
        const QSqlResult *kept = nullptr;
        {
            auto first = rentdesk::models::db::exec(db, sql, { { u":value"_s, 1 } });
            QVERIFY(first);
            kept = first->result();
        }
        auto done = rentdesk::models::db::transact(db, [&]() -> std::expected<void, DbError> {
            for (int i = 1; i <= 1000; ++i) {
                auto step = rentdesk::models::db::transact(db, [&]() -> std::expected<void, DbError> {
                    auto inner = rentdesk::models::db::transact(db, [&] { return insertProbe(db, i); });
                    if (!inner)
                        return inner;
                    auto counted = rentdesk::models::db::exec(db, sql, { { u":value"_s, i } });
                    if (!counted)
                        return std::unexpected(counted.error());
                    if (counted->result() != kept || !counted->next() || counted->value(0).toInt() != 1)
                        return std::unexpected(
                            DbError { DbError::Kind::Query, u"statement %1 not kept"_s.arg(i), {}, {}, {} });
                    return {};
                });
                if (!step)
                    return step;
            }
            return {};
        });
        QVERIFY2(done, qPrintable(done ? QString() : done.error().message));
        QCOMPARE(count(db, u"probe"_s), 1000);
    }

    void beginImmediateTakesTheWriteLock()
    {
        // While one connection holds a transaction begun by transact(), a second writer
        // cannot begin: BEGIN IMMEDIATE waits for the lock, then reports Busy.
        auto second = Database::open(m_db->path(), Database::Options { .busyTimeoutMs = 50, .migrations = nullptr });
        QVERIFY(second);
        const QSqlDatabase db = m_db->connection();
        DbError::Kind secondKind = DbError::Kind::Query;
        auto held = rentdesk::models::db::transact(db, [&]() -> std::expected<void, DbError> {
            if (auto done = insertProbe(db, 1); !done)
                return done;
            const QSqlDatabase other = rentdesk::test::connectionOf(**second);
            auto blocked = rentdesk::models::db::transact(
                other, [&]() -> std::expected<void, DbError> { return insertProbe(other, 2); });
            if (!blocked)
                secondKind = blocked.error().kind;
            return {};
        });
        QVERIFY(held);
        QCOMPARE(secondKind, DbError::Kind::Busy);
        QCOMPARE(count(db, u"probe"_s), 1);
    }

    void createsMissingFolders()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(u"a/b/c/rentdesk.sqlite"_s);
        auto opened = Database::open(path);
        QVERIFY2(opened, qPrintable(opened ? QString() : opened.error().message));
        QVERIFY(QFile::exists(path));
        QCOMPARE((*opened)->path(), QFileInfo(path).absoluteFilePath());
    }

    void refusesPathUnderRegularFile()
    {
        QTemporaryDir dir;
        const QString blocker = dir.filePath(u"blocker"_s);
        QFile file(blocker);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("I am a file");
        file.close();
        auto opened = Database::open(blocker + u"/sub/rentdesk.sqlite"_s);
        QVERIFY(!opened);
        QCOMPARE(opened.error().kind, DbError::Kind::CannotCreate);
        QVERIFY2(opened.error().message.contains(u"is a file, not a folder"_s), qPrintable(opened.error().message));
        QCOMPARE(rentdesk::test::fileBytes(blocker), QByteArray("I am a file"));
    }

    void refusesFolderAsDatabase()
    {
        QTemporaryDir dir;
        auto opened = Database::open(dir.path());
        QVERIFY(!opened);
        QCOMPARE(opened.error().kind, DbError::Kind::CannotOpen);
        QVERIFY(opened.error().message.contains(u"folder"_s));
    }

    void refusesCorruptFileWithoutTouchingIt()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(u"corrupt.sqlite"_s);
        QByteArray garbage;
        for (int i = 0; i < 8192; ++i)
            garbage.append(char((i * 7919 + 13) % 251));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(garbage);
        file.close();

        auto opened = Database::open(path);
        QVERIFY(!opened);
        QCOMPARE(opened.error().kind, DbError::Kind::NotADatabase);
        QVERIFY(opened.error().message.contains(path));
        QCOMPARE(rentdesk::test::fileBytes(path), garbage);
        QVERIFY(!QFile::exists(path + u"-wal"_s));
        QVERIFY(!QFile::exists(path + u"-shm"_s));
    }

    void refusesAnotherProgramsDatabase()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(u"other.sqlite"_s);
        (void)rentdesk::test::rowsIn(path, u"CREATE TABLE bookmarks (url TEXT)"_s);
        QCOMPARE(rentdesk::test::valueIn(path, u"SELECT count(*) FROM sqlite_schema"_s), 1);
        const QByteArray before = rentdesk::test::fileBytes(path);

        auto opened = Database::open(path);
        QVERIFY(!opened);
        QCOMPARE(opened.error().kind, DbError::Kind::ForeignDatabase);
        QCOMPARE(rentdesk::test::fileBytes(path), before);
    }

    // A file made elsewhere takes the database's place under the same connection, which
    // then reads the new file, configured as before.
    void replaceFileSwapsTheFileUnderTheConnection()
    {
        const QString other = m_db->dirPath() + u"/other.sqlite"_s;
        {
            auto made = Database::open(other);
            QVERIFY(made);
            auto db = (*made)->tryConnection();
            QVERIFY(db);
            QVERIFY(rentdesk::models::db::exec(*db, u"CREATE TABLE probe (value INTEGER NOT NULL)"_s));
            QVERIFY(insertProbe(*db, 7));
            QVERIFY(insertProbe(*db, 8));
        }
        QVERIFY(insertProbe(m_db->connection(), 1));
        // Kept on the old file's connection, which closes: the count below must not reuse it.
        QCOMPARE(count(m_db->connection(), u"probe"_s), 1);
        const QSqlDatabase before = m_db->connection();

        auto replaced = m_db->database().replaceFile(other);
        QVERIFY2(replaced, qPrintable(replaced ? QString() : replaced.error().message));
        QCOMPARE(m_db->connection().connectionName(), before.connectionName());
        QCOMPARE(count(m_db->connection(), u"probe"_s), 2);
        QCOMPARE(rentdesk::models::db::scalar(m_db->connection(), u"PRAGMA journal_mode"_s)->toString(), u"wal"_s);
        QCOMPARE(rentdesk::models::db::scalar(m_db->connection(), u"PRAGMA foreign_keys"_s)->toInt(), 1);
        QVERIFY(!QFileInfo::exists(other));
        QCOMPARE(rentdesk::test::valueIn(m_db->path(), u"SELECT sum(value) FROM probe"_s), 15);
    }

    // Refused, with both files as they were: a file that is not a database of this schema,
    // and a database another thread or another program has open.
    void replaceFileRefusesWhatItCannotSwap()
    {
        QVERIFY(insertProbe(m_db->connection(), 1));
        const QString other = m_db->dirPath() + u"/other.sqlite"_s;
        (void)rentdesk::test::rowsIn(other, u"CREATE TABLE probe (value INTEGER)"_s);
        QCOMPARE(rentdesk::test::valueIn(other, u"SELECT count(*) FROM sqlite_schema"_s), 1);
        auto foreign = m_db->database().replaceFile(other);
        QVERIFY(!foreign);
        QCOMPARE(foreign.error().kind, DbError::Kind::ForeignDatabase);
        QVERIFY(QFile::remove(other));
        QVERIFY(Database::open(other));

        // Another thread's connection, still open while its thread waits.
        QSemaphore opened;
        QSemaphore release;
        QThread *thread = QThread::create([&] {
            (void)m_db->database().tryConnection();
            opened.release();
            release.acquire();
        });
        thread->start();
        opened.acquire();
        auto threaded = m_db->database().replaceFile(other);
        release.release();
        QVERIFY(thread->wait(10000));
        delete thread;
        QVERIFY(!threaded);
        QCOMPARE(threaded.error().kind, DbError::Kind::Busy);

        // Another program's connection (here one that is not the Database's): its WAL stays.
        {
            QSqlDatabase program = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"program"_s);
            program.setDatabaseName(m_db->path());
            QVERIFY(program.open());
            QVERIFY(QSqlQuery(program).exec(u"SELECT count(*) FROM probe"_s));
            auto held = m_db->database().replaceFile(other);
            QVERIFY(!held);
            QCOMPARE(held.error().kind, DbError::Kind::Busy);
            program.close();
        }
        QSqlDatabase::removeDatabase(u"program"_s);
        QVERIFY(QFileInfo::exists(other));
        QCOMPARE(count(m_db->connection(), u"probe"_s), 1);
        QVERIFY(insertProbe(m_db->connection(), 2));
    }

    void emptyFileBecomesADatabase()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(u"empty.sqlite"_s);
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.close();
        auto opened = Database::open(path);
        QVERIFY2(opened, qPrintable(opened ? QString() : opened.error().message));
        QVERIFY((*opened)->schemaVersion() >= 1);
    }

    void constraintErrorsNameTheirConstraint()
    {
        // A named CHECK is reported by name, a UNIQUE (reported by SQLite as columns) by
        // the name of its index, a trigger by its RAISE message.
        const QSqlDatabase db = m_db->connection();
        rentdesk::test::Rows rows(db);
        QCOMPARE(rows.landlord(rentdesk::test::uuid(1)), QString());
        auto duplicate = rentdesk::models::db::exec(
            db,
            u"INSERT INTO users (id, email, display_name, role, created_at, updated_at) "
            "SELECT :id, email, 'Twin', role, created_at, updated_at FROM users WHERE id = :original"_s,
            { { u":id"_s, rentdesk::test::uuid(2) }, { u":original"_s, rentdesk::test::uuid(1) } });
        QVERIFY(!duplicate);
        QCOMPARE(duplicate.error().constraintKind, DbError::ConstraintKind::Unique);
        QCOMPARE(duplicate.error().constraint, u"users_email_unique"_s);
        QVERIFY(!duplicate.error().message.contains(u"UNIQUE constraint failed"_s));

        auto badRole = rentdesk::models::db::exec(db, u"UPDATE users SET role = 'owner'"_s);
        QVERIFY(!badRole);
        QCOMPARE(badRole.error().constraintKind, DbError::ConstraintKind::Check);
        QCOMPARE(badRole.error().constraint, u"users_role_code"_s);
    }

    // On Debian, Qt's SQLite driver is linked against the system's libsqlite3, which RentDesk
    // calls too: the check reads that and accepts it.
    void driverUsesRentDesksSqlite()
    {
        const SqliteLinkage linkage = readSqliteLinkage(m_db->connection());
        QVERIFY2(QFileInfo(linkage.ours).fileName().startsWith(u"libsqlite3.so"_s), qPrintable(linkage.ours));
        QCOMPARE(linkage.sqliteLibraries, QStringList { linkage.ours });
        QVERIFY2(linkage.driverFile.contains(u"sqldrivers"_s), qPrintable(linkage.driverFile));
        QVERIFY2(linkage.driverNeeds.contains(u"libsqlite3.so.0"_s), qPrintable(linkage.driverNeeds.join(u", "_s)));
        QCOMPARE(linkage.driverVersion, linkage.oursVersion);
        QVERIFY(!linkage.oursSourceId.isEmpty());
        QVERIFY(checkSameSqlite(linkage));
    }

    // A Qt that bundles its own SQLite (as Qt's own installers do) is refused with a sentence
    // naming both sides, whichever way it shows.
    void anotherSqliteIsRefused_data()
    {
        QTest::addColumn<QString>("change");
        QTest::addColumn<QString>("named");
        QTest::newRow("bundled in the plugin") << u"bundled"_s << u"carries its own"_s;
        QTest::newRow("another version") << u"version"_s << u"3.99.0"_s;
        QTest::newRow("another build of the same version") << u"source"_s << u"against the driver's"_s;
        QTest::newRow("two libraries loaded") << u"two"_s << u"/opt/qt/lib/libsqlite3.so.0"_s;
        QTest::newRow("ours built in") << u"static"_s << u"built in"_s;
    }

    void anotherSqliteIsRefused()
    {
        QFETCH(QString, change);
        QFETCH(QString, named);
        SqliteLinkage linkage = readSqliteLinkage(m_db->connection());
        QVERIFY(checkSameSqlite(linkage));
        if (change == u"bundled"_s)
            linkage.driverNeeds.removeIf([](const QString &n) { return n.startsWith(u"libsqlite3"_s); });
        else if (change == u"version"_s)
            linkage.driverVersion = u"3.99.0"_s;
        else if (change == u"source"_s)
            linkage.driverSourceId += u"x"_s;
        else if (change == u"two"_s)
            linkage.sqliteLibraries << u"/opt/qt/lib/libsqlite3.so.0"_s;
        else if (change == u"static"_s)
            linkage.ours.clear();
        const auto checked = checkSameSqlite(linkage);
        QVERIFY(!checked);
        QCOMPARE(checked.error().kind, DbError::Kind::Configuration);
        QVERIFY2(checked.error().message.contains(named), qPrintable(checked.error().message));
        QVERIFY2(checked.error().message.contains(u"libqt6sql6-sqlite"_s), qPrintable(checked.error().message));
    }

private:
    std::unique_ptr<TempDatabase> m_db;
};

QTEST_GUILESS_MAIN(TestDatabase)
#include "tst_database.moc"
