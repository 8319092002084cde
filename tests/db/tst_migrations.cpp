// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/db/database.h"
#include "models/db/migrationset.h"
#include "models/db/migrator.h"
#include "models/db/query.h"
#include "tests/support/testsupport.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using rentdesk::models::db::Database;
using rentdesk::models::db::DbError;
using rentdesk::models::db::MigrationSet;
using rentdesk::models::db::Migrator;

// Versioned, forward-only migrations: from nothing to the latest, idempotent reopening,
// atomic failure, refusal of newer databases, and older databases keeping their data.
class TestMigrations : public QObject
{
    Q_OBJECT

private:
    static QStringList appliedVersions(const QSqlDatabase &db)
    {
        QStringList versions;
        QSqlQuery query(db);
        query.exec(u"SELECT version || ':' || name FROM schema_migrations ORDER BY version"_s);
        while (query.next())
            versions << query.value(0).toString();
        return versions;
    }

    // Runs a fixture's SQL (a database as an older release left it) into a new file.
    static bool loadFixture(const QString &sqlFile, const QString &dbPath)
    {
        QFile file(sqlFile);
        if (!file.open(QIODevice::ReadOnly))
            return false;
        const QString name = u"fixture-loader"_s;
        bool ok = true;
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, name);
            db.setDatabaseName(dbPath);
            ok = db.open();
            for (const QString &statement :
                 rentdesk::models::db::splitSqlStatements(QString::fromUtf8(file.readAll()))) {
                QSqlQuery query(db);
                if (ok && !query.exec(statement)) {
                    qWarning() << "fixture statement failed:" << statement.left(80) << query.lastError().text();
                    ok = false;
                }
            }
            db.close();
        }
        QSqlDatabase::removeDatabase(name);
        return ok;
    }

private Q_SLOTS:
    void builtInSetIsContiguousAndLoads()
    {
        auto loaded = MigrationSet::fromDirectory(u":/migrations/sqlite"_s);
        QVERIFY2(loaded, qPrintable(loaded ? QString() : loaded.error()));
        QVERIFY(loaded->latestVersion() >= 1);
        for (int i = 0; i < loaded->migrations().size(); ++i) {
            QCOMPARE(loaded->migrations().at(i).version, i + 1);
            QVERIFY(!loaded->migrations().at(i).statements.isEmpty());
        }
        QCOMPARE(MigrationSet::builtIn().latestVersion(), loaded->latestVersion());
    }

    void splitKeepsTriggersWhole()
    {
        const QString script = uR"(-- a comment; with a semicolon
CREATE TABLE t (x TEXT DEFAULT 'a;b');
CREATE TRIGGER tr BEFORE INSERT ON t BEGIN
    SELECT 1;
    SELECT RAISE(ABORT, 'no; really');
END;
/* trailing; comment */ INSERT INTO t VALUES ('x');
-- only a comment at the end
)"_s;
        const QStringList statements = rentdesk::models::db::splitSqlStatements(script);
        QCOMPARE(statements.size(), 3);
        QVERIFY(statements.at(0).endsWith(u"DEFAULT 'a;b');"_s));
        QVERIFY(statements.at(1).startsWith(u"CREATE TRIGGER"_s));
        QVERIFY(statements.at(1).endsWith(u"END;"_s));
        QVERIFY(statements.at(2).endsWith(u"INSERT INTO t VALUES ('x');"_s));
    }

    void refusesMisnamedOrGappedDirectories()
    {
        QTemporaryDir dir;
        // Whether the file was written: a QVERIFY in here would end only the lambda.
        auto write = [&](const QString &name) {
            QFile file(dir.filePath(name));
            return file.open(QIODevice::WriteOnly) && file.write("CREATE TABLE x (a INTEGER);\n") > 0;
        };
        QVERIFY(write(u"0001_first.sql"_s));
        QVERIFY(write(u"0003_third.sql"_s));
        auto gapped = MigrationSet::fromDirectory(dir.path());
        QVERIFY(!gapped);
        QVERIFY(gapped.error().contains(u"migration 2 is missing"_s));
        QFile::remove(dir.filePath(u"0003_third.sql"_s));
        QVERIFY(write(u"2_bad-name.sql"_s));
        auto misnamed = MigrationSet::fromDirectory(dir.path());
        QVERIFY(!misnamed);
        QVERIFY(misnamed.error().contains(u"2_bad-name.sql"_s));
    }

    void emptyFileToLatest()
    {
        QTemporaryDir dir;
        auto opened = Database::open(dir.filePath(u"new.sqlite"_s));
        QVERIFY2(opened, qPrintable(opened ? QString() : opened.error().message));
        const int latest = MigrationSet::builtIn().latestVersion();
        QCOMPARE((*opened)->schemaVersion(), latest);
        const QSqlDatabase db = rentdesk::test::connectionOf(**opened);
        QCOMPARE(appliedVersions(db).size(), latest);
        QCOMPARE(rentdesk::models::db::scalar(db, u"PRAGMA application_id"_s)->toInt(), Migrator::ApplicationId);
        for (const char *table : { "users", "buildings", "apartments", "bookings", "reviews", "mail_outbox",
                                   "pending_mutations", "sessions", "conversations", "chat_messages", "chat_marks" }) {
            auto exists = rentdesk::models::db::scalar(
                db, u"SELECT count(*) FROM sqlite_schema WHERE type = 'table' AND name = :n"_s,
                { { u":n"_s, QString::fromLatin1(table) } });
            QVERIFY(exists);
            QCOMPARE(exists->toInt(), 1);
        }
        auto fkProblems = rentdesk::models::db::exec(db, u"PRAGMA foreign_key_check"_s);
        QVERIFY(fkProblems);
        QVERIFY(!fkProblems->next());
    }

    void reopeningIsANoOp()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(u"db.sqlite"_s);
        QStringList dumpBefore;
        {
            auto first = Database::open(path);
            QVERIFY(first);
            QVERIFY(rentdesk::test::Rows(rentdesk::test::connectionOf(**first))
                        .landlord(rentdesk::test::uuid(1))
                        .isEmpty());
            dumpBefore = rentdesk::test::dumpDatabase(rentdesk::test::connectionOf(**first));
        }
        auto second = Database::open(path);
        QVERIFY(second);
        QCOMPARE(Migrator(MigrationSet::builtIn()).migrate(rentdesk::test::connectionOf(**second)).value_or(-1), 0);
        QCOMPARE(rentdesk::test::dumpDatabase(rentdesk::test::connectionOf(**second)), dumpBefore);
    }

    // A server's photos added before version 17 were in no feed: the migration enters them,
    // after every change the server has, with their apartment's owner, so that replicas which
    // pulled through the old feed still get them.
    void aServersPhotosEnterTheFeed()
    {
        QTemporaryDir dir;
        QVERIFY(QDir(dir.path()).mkdir(u"v16"_s));
        QDirIterator files(u":/migrations/sqlite"_s);
        while (files.hasNext()) {
            const QString file = files.next();
            if (QFileInfo(file).fileName().left(4).toInt() <= 16)
                QVERIFY(QFile::copy(file, dir.filePath(u"v16/"_s + QFileInfo(file).fileName())));
        }
        const auto v16 = MigrationSet::fromDirectory(dir.filePath(u"v16"_s));
        QVERIFY2(v16, qPrintable(v16 ? QString() : v16.error()));
        QCOMPARE(v16->latestVersion(), 16);
        const QString path = dir.filePath(u"server.sqlite"_s);
        const QString owner = rentdesk::test::uuid(1);
        const QString photo = rentdesk::test::uuid(4);
        {
            auto opened = Database::open(path, Database::Options { .busyTimeoutMs = 5000, .migrations = &*v16 });
            QVERIFY(opened);
            const QSqlDatabase db = rentdesk::test::connectionOf(**opened);
            QSqlQuery query(db);
            QVERIFY(query.exec(u"UPDATE database_meta SET value = 'server' WHERE key = 'mode'"_s));
            rentdesk::test::Rows rows(db);
            QCOMPARE(rows.landlord(owner), QString());
            QCOMPARE(rows.building(rentdesk::test::uuid(2), owner), QString());
            QCOMPARE(rows.apartment(rentdesk::test::uuid(3), rentdesk::test::uuid(2), owner), QString());
            QVERIFY2(query.exec(u"INSERT INTO apartment_photos (id, apartment_id, position, image_sha256, "
                                "thumbnail_sha256, width, height, created_at, updated_at) VALUES ('%1', '%2', 0, "
                                "'%3', '%4', 640, 480, '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z')"_s.arg(
                                    photo, rentdesk::test::uuid(3), QString(64, u'a'), QString(64, u'b'))),
                     qPrintable(query.lastError().text()));
        }
        auto migrated = Database::open(path);
        QVERIFY2(migrated, qPrintable(migrated ? QString() : migrated.error().message));
        QCOMPARE((*migrated)->schemaVersion(), MigrationSet::builtIn().latestVersion());
        const QSqlDatabase db = rentdesk::test::connectionOf(**migrated);
        QSqlQuery feed(db);
        QVERIFY(feed.exec(u"SELECT entity, landlord_id, deleted, seq = (SELECT max(seq) FROM sync_changes) "
                          "FROM sync_changes WHERE row_id = '%1'"_s.arg(photo)));
        QVERIFY(feed.next());
        QCOMPARE(feed.value(0).toString(), u"photo"_s);
        QCOMPARE(feed.value(1).toString(), owner);
        QCOMPARE(feed.value(2).toInt(), 0);
        QVERIFY(feed.value(3).toBool());
        QCOMPARE(rentdesk::test::valueIn(path, u"SELECT count(*) FROM sync_changes"_s), 4);
        // And from now on the triggers record them.
        QVERIFY(feed.exec(u"DELETE FROM apartment_photos"_s));
        QCOMPARE(rentdesk::test::valueIn(path, u"SELECT deleted FROM sync_changes WHERE row_id = '%1'"_s.arg(photo)),
                 1);
    }

    void failedMigrationLeavesDatabaseExactlyAsItWas()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(u"db.sqlite"_s);
        QStringList dumpBefore;
        {
            auto opened = Database::open(path);
            QVERIFY(opened);
            rentdesk::test::Rows rows(rentdesk::test::connectionOf(**opened));
            QCOMPARE(rows.landlord(rentdesk::test::uuid(1)), QString());
            QCOMPARE(rows.building(rentdesk::test::uuid(2), rentdesk::test::uuid(1)), QString());
            dumpBefore = rentdesk::test::dumpDatabase(rentdesk::test::connectionOf(**opened));
        }

        // A next migration that changes schema and data, then fails on its last statement.
        MigrationSet broken = MigrationSet::builtIn();
        broken.append(u"broken"_s,
                      { u"CREATE TABLE extra (id INTEGER PRIMARY KEY, note TEXT)"_s,
                        u"INSERT INTO extra (note) VALUES ('half-done')"_s,
                        u"ALTER TABLE buildings ADD COLUMN parking INTEGER NOT NULL DEFAULT 0"_s,
                        u"UPDATE buildings SET name = 'Renamed'"_s, u"DROP INDEX buildings_city_idx"_s,
                        u"INSERT INTO users (id) VALUES ('not-a-valid-row')"_s });
        auto reopened = Database::open(path, Database::Options { .busyTimeoutMs = 5000, .migrations = &broken });
        QVERIFY(!reopened);
        QCOMPARE(reopened.error().kind, DbError::Kind::Migration);
        QVERIFY2(reopened.error().message.contains(u"broken"_s), qPrintable(reopened.error().message));

        auto plain = Database::open(path);
        QVERIFY(plain);
        QCOMPARE(rentdesk::test::dumpDatabase(rentdesk::test::connectionOf(**plain)), dumpBefore);
        QCOMPARE((*plain)->schemaVersion(), MigrationSet::builtIn().latestVersion());
    }

    void newerDatabaseIsRefusedUntouched()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(u"db.sqlite"_s);
        const int future = MigrationSet::builtIn().latestVersion() + 5;
        {
            auto opened = Database::open(path);
            QVERIFY(opened);
            QVERIFY(rentdesk::models::db::exec(rentdesk::test::connectionOf(**opened),
                                               u"INSERT INTO schema_migrations (version, name, applied_at) "
                                               "VALUES (:v, 'from_the_future', '2030-01-01T00:00:00.000Z')"_s,
                                               { { u":v"_s, future } }));
        }
        // The last connection closed, so WAL was checkpointed into the main file.
        QVERIFY(!QFile::exists(path + u"-wal"_s));
        const QByteArray before = rentdesk::test::fileBytes(path);

        auto refused = Database::open(path);
        QVERIFY(!refused);
        QCOMPARE(refused.error().kind, DbError::Kind::NewerSchema);
        QVERIFY2(refused.error().message.contains(QString::number(future)), qPrintable(refused.error().message));
        QVERIFY(refused.error().message.contains(u"newer RentDesk"_s));
        QCOMPARE(rentdesk::test::fileBytes(path), before);
        QVERIFY(!QFile::exists(path + u"-wal"_s));
    }

    void olderFixturesMigrateKeepingTheirData_data()
    {
        QTest::addColumn<QString>("fixture");
        const QDir fixtures(QStringLiteral(RENTDESK_TEST_DATA_DIR) + u"/fixtures"_s);
        const QStringList files = fixtures.entryList({ u"schema-v*.sql"_s }, QDir::Files, QDir::Name);
        QVERIFY2(!files.isEmpty(), "tests/data/fixtures has no schema-vN.sql");
        for (const QString &file : files)
            QTest::newRow(qPrintable(file)) << fixtures.filePath(file);
    }

    void olderFixturesMigrateKeepingTheirData()
    {
        QFETCH(QString, fixture);
        QTemporaryDir dir;
        const QString path = dir.filePath(u"old.sqlite"_s);
        QVERIFY(loadFixture(fixture, path));

        // What the old release stored, table by table, before the upgrade.
        QHash<QString, QStringList> before;
        {
            QSqlDatabase raw = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"raw"_s);
            raw.setDatabaseName(path);
            QVERIFY(raw.open());
            for (const QString &line : rentdesk::test::dumpDatabase(raw)) {
                if (!line.startsWith(u"schema "_s) && !line.startsWith(u"pragma "_s)
                    && !line.startsWith(u"schema_migrations:"_s))
                    before[line.section(u':', 0, 0)] << line;
            }
            raw.close();
        }
        QSqlDatabase::removeDatabase(u"raw"_s);
        QVERIFY(!before.isEmpty());

        auto opened = Database::open(path);
        QVERIFY2(opened, qPrintable(opened ? QString() : opened.error().message + u" / "_s + opened.error().detail));
        QCOMPARE((*opened)->schemaVersion(), MigrationSet::builtIn().latestVersion());
        const QStringList after = rentdesk::test::dumpDatabase(rentdesk::test::connectionOf(**opened));
        // Every row survives; a later migration may add columns, so compare each old
        // row's fields as a subset of the new row's.
        for (auto it = before.cbegin(); it != before.cend(); ++it) {
            for (const QString &row : it.value()) {
                const QStringList fields = row.section(u": "_s, 1).split(u", "_s);
                const auto hasAll = [&](const QString &line) {
                    return line.startsWith(it.key() + u": "_s)
                        && std::all_of(fields.cbegin(), fields.cend(),
                                       [&](const QString &field) { return line.contains(field); });
                };
                if (std::any_of(after.cbegin(), after.cend(), hasAll))
                    continue;
                // Not found whole: say whether the row is gone or which field changed. The
                // first field is the id, except in a full-text table, which shows none; there
                // the first row of the table that has it is as good a guess as any.
                const QString id = fields.constFirst();
                const auto match = std::find_if(after.cbegin(), after.cend(), [&](const QString &line) {
                    return line.startsWith(it.key() + u": "_s) && line.contains(id);
                });
                QVERIFY2(match != after.cend(), qPrintable(u"row lost: "_s + row));
                for (const QString &field : fields)
                    QVERIFY2(match->contains(field), qPrintable(u"field changed: "_s + field + u" in "_s + *match));
            }
        }
        auto fkProblems =
            rentdesk::models::db::exec(rentdesk::test::connectionOf(**opened), u"PRAGMA foreign_key_check"_s);
        QVERIFY(fkProblems && !fkProblems->next());
    }
};

QTEST_GUILESS_MAIN(TestMigrations)
#include "tst_migrations.moc"
