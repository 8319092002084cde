// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/db/database.h"
#include "models/db/migrationset.h"
#include "models/db/postgres.h"
#include "models/db/query.h"
#include "models/db/transaction.h"
#include "models/services/mode.h"
#include "tests/support/postgrescluster.h"
#include "tests/support/testsupport.h"

#include <QCryptographicHash>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTest>
#include <QThread>

using namespace Qt::StringLiterals;
using namespace rentdesk::models::db;
using rentdesk::test::PostgresCluster;

// The database layer on PostgreSQL (docs/architecture.md, "PostgreSQL for the server"): how an
// address is read, what is refused before anything is written, the migrations of the same
// versions as SQLite's, refusals named as on SQLite, and transactions run again when
// PostgreSQL could not serialize them.
class TestPostgresDatabase final : public QObject
{
    Q_OBJECT

    // The binary's one cluster, as the URLs test::valueIn() reads are of it.
    PostgresCluster &m_cluster = rentdesk::test::sharedPostgres();
    int m_databases = 0;

    // A new empty database of the cluster; its URL.
    QString fresh(const QString &options = {})
    {
        const QString name = u"d%1"_s.arg(++m_databases);
        if (!m_cluster.createDatabase(name))
            return {};
        return m_cluster.url(name) + options;
    }

    // Runs sql as the cluster's superuser on its own connection (what another program does).
    bool runBehind(const QString &url, const QString &sql)
    {
        bool done = false;
        {
            QSqlDatabase db = m_cluster.connect(QUrl(url).path().mid(1), u"behind"_s);
            QSqlQuery query(db);
            done = db.isOpen() && query.exec(sql);
            if (!done)
                qWarning() << sql << query.lastError().text();
        }
        QSqlDatabase::removeDatabase(u"behind"_s);
        return done;
    }

private Q_SLOTS:
    void initTestCase()
    {
        // As an operator gives it to rentdesk-server: libpq reads it, the URL never holds it.
        qputenv("PGPASSWORD", m_cluster.password().toUtf8());
    }

    void addressesAreRead()
    {
        auto plain = PostgresTarget::parse(u"postgresql://app@db.example.org/rentdesk"_s);
        QVERIFY2(plain, qPrintable(plain ? QString() : plain.error()));
        QCOMPARE(plain->user, u"app"_s);
        QCOMPARE(plain->host, u"db.example.org"_s);
        QCOMPARE(plain->port, 5432);
        QCOMPARE(plain->database, u"rentdesk"_s);
        QVERIFY(plain->options.isEmpty());

        auto tls = PostgresTarget::parse(
            u"postgres://app@10.0.0.5:6432/rd?sslmode=verify-full&sslrootcert=/etc/rentdesk/ca.pem&connect_timeout=5"_s);
        QVERIFY2(tls, qPrintable(tls ? QString() : tls.error()));
        QCOMPARE(tls->port, 6432);
        QCOMPARE(
            tls->options,
            QStringList({ u"sslmode=verify-full"_s, u"sslrootcert=/etc/rentdesk/ca.pem"_s, u"connect_timeout=5"_s }));
        QCOMPARE(
            tls->display(),
            u"postgresql://app@10.0.0.5:6432/rd?sslmode=verify-full&sslrootcert=/etc/rentdesk/ca.pem&connect_timeout=5"_s);

        auto socket = PostgresTarget::parse(u"postgresql://app@/rd?host=/run/postgresql"_s);
        QVERIFY2(socket, qPrintable(socket ? QString() : socket.error()));
        QCOMPARE(socket->host, u"/run/postgresql"_s);

        const struct
        {
            QString url;
            QString says;
        } refused[] = {
            { u"postgresql://app:s3cret@db/rd"_s, u"PGPASSWORD"_s },
            { u"postgresql://app@db/rd?sslmod=require"_s, u"sslmod"_s },
            { u"postgresql://app@db/rd?options=-c%20fsync=off"_s, u"options"_s },
            { u"postgresql://app@db/"_s, u"names no database"_s },
            { u"postgresql://app@db/rd?application_name=a%20b"_s, u"space"_s },
            { u"mysql://app@db/rd"_s, u"postgresql://user@host:port/database"_s },
        };
        for (const auto &[url, says] : refused) {
            auto target = PostgresTarget::parse(url);
            QVERIFY2(!target, qPrintable(url));
            QVERIFY2(target.error().contains(says), qPrintable(target.error()));
            QVERIFY2(!target.error().contains(u"s3cret"_s), qPrintable(target.error()));
        }
    }

    // A new database gets the schema of the same versions, named as SQLite's migrations are;
    // opening it again runs nothing; its path names no password.
    void aNewDatabaseIsMigrated()
    {
        const QString url = fresh();
        QVERIFY(!url.isEmpty());
        const MigrationSet &postgres = MigrationSet::builtIn(Engine::Postgres);
        const MigrationSet &sqlite = MigrationSet::builtIn(Engine::Sqlite);
        QCOMPARE(postgres.latestVersion(), sqlite.latestVersion());
        for (int i = 0; i < sqlite.migrations().size(); ++i)
            QCOMPARE(postgres.migrations().at(i).name, sqlite.migrations().at(i).name);
        {
            auto opened = Database::open(url);
            QVERIFY2(opened,
                     qPrintable(opened ? QString() : opened.error().message + u" / "_s + opened.error().detail));
            QCOMPARE((*opened)->engine(), Engine::Postgres);
            QCOMPARE((*opened)->schemaVersion(), sqlite.latestVersion());
            QCOMPARE((*opened)->path(), url);
        }
        QCOMPARE(rentdesk::test::valueIn(url, u"SELECT count(*) FROM schema_migrations"_s), sqlite.latestVersion());
        auto again = Database::open(url);
        QVERIFY(again);
        QCOMPARE(rentdesk::test::valueIn(url, u"SELECT count(*) FROM schema_migrations"_s), sqlite.latestVersion());
        // The one rule SQLite needs two triggers for is one constraint here.
        QCOMPARE(rentdesk::test::valueIn(url,
                                         u"SELECT count(*) FROM pg_constraint WHERE conname = "
                                         "'bookings_no_overlap' AND contype = 'x'"_s),
                 1);
    }

    // Servers that start together on a new database: one migrates it, the other finds it current.
    void serversStartingTogetherMigrateItOnce()
    {
        const QString url = fresh();
        const auto open = [url] {
            auto opened = Database::open(url);
            return opened ? (*opened)->schemaVersion() : -1;
        };
        // Threads of our own, ended before the test ends: libpq's OpenSSL keeps a random
        // generator per thread and frees it when the thread exits, which a thread pool's idle
        // thread does not do before the leak checker looks.
        int first = 0;
        int second = 0;
        std::unique_ptr<QThread> a(QThread::create([&] { first = open(); }));
        std::unique_ptr<QThread> b(QThread::create([&] { second = open(); }));
        a->start();
        b->start();
        QVERIFY(a->wait(QDeadlineTimer(60'000)));
        QVERIFY(b->wait(QDeadlineTimer(60'000)));
        const int latest = MigrationSet::builtIn(Engine::Postgres).latestVersion();
        QCOMPARE(first, latest);
        QCOMPARE(second, latest);
        QCOMPARE(rentdesk::test::valueIn(url, u"SELECT count(*) FROM schema_migrations"_s), latest);
    }

    // Refused, and left as they were: another program's tables, a newer release's schema, a
    // database that does not sort text in byte order, a wrong password, no server.
    void databasesRentDeskDoesNotOpen()
    {
        const QString foreign = fresh();
        QVERIFY(runBehind(foreign, u"CREATE TABLE invoices (id integer PRIMARY KEY)"_s));
        auto refused = Database::open(foreign);
        QVERIFY(!refused);
        QCOMPARE(refused.error().kind, DbError::Kind::ForeignDatabase);
        QCOMPARE(rentdesk::test::valueIn(foreign, u"SELECT count(*) FROM pg_tables WHERE schemaname = 'public'"_s), 1);

        const QString newer = fresh();
        QVERIFY(Database::open(newer));
        QVERIFY(runBehind(newer, u"INSERT INTO schema_migrations VALUES (99, 'future', '2030-01-01T00:00:00.000Z')"_s));
        refused = Database::open(newer);
        QVERIFY(!refused);
        QCOMPARE(refused.error().kind, DbError::Kind::NewerSchema);
        QVERIFY2(refused.error().message.contains(u"99"_s), qPrintable(refused.error().message));

        const QString name = u"linguistic"_s;
        QVERIFY(runBehind(m_cluster.url(u"postgres"_s),
                          u"CREATE DATABASE linguistic TEMPLATE template0 "
                          "LOCALE_PROVIDER icu ICU_LOCALE 'en-US'"_s));
        refused = Database::open(m_cluster.url(name));
        QVERIFY(!refused);
        QCOMPARE(refused.error().kind, DbError::Kind::Configuration);
        QVERIFY2(refused.error().message.contains(u"--lc-collate=C"_s), qPrintable(refused.error().message));
        QCOMPARE(rentdesk::test::valueIn(m_cluster.url(name),
                                         u"SELECT count(*) FROM pg_tables WHERE schemaname = "
                                         "'public'"_s),
                 0);

        const QByteArray password = qgetenv("PGPASSWORD");
        qputenv("PGPASSWORD", "wrong");
        refused = Database::open(fresh());
        qputenv("PGPASSWORD", password);
        QVERIFY(!refused);
        QCOMPARE(refused.error().kind, DbError::Kind::CannotOpen);
        QVERIFY2(refused.error().message.contains(u"password authentication failed"_s),
                 qPrintable(refused.error().message));

        refused = Database::open(u"postgresql://rentdesk@127.0.0.1:1/nothing?connect_timeout=5"_s);
        QVERIFY(!refused);
        QCOMPARE(refused.error().kind, DbError::Kind::CannotOpen);
    }

    // The rules refuse with the names the SQLite schema gives them, so that a service maps a
    // refusal to the same field and message on both engines.
    void rulesAreRefusedByTheirNames()
    {
        auto opened = Database::open(fresh());
        QVERIFY(opened);
        rentdesk::test::TempDatabase sqliteFile;
        QVERIFY2(sqliteFile.isValid(), qPrintable(sqliteFile.errorMessage()));
        using rentdesk::test::uuid;
        for (const QSqlDatabase &db : { rentdesk::test::connectionOf(**opened), sqliteFile.connection() }) {
            rentdesk::test::Rows rows(db);
            QCOMPARE(rows.landlord(uuid(1)), QString());
            QCOMPARE(rows.renter(uuid(2)), QString());
            QCOMPARE(rows.building(uuid(10), uuid(1)), QString());
            QCOMPARE(rows.apartment(uuid(20), uuid(10), uuid(1)), QString());
            QCOMPARE(rows.renter(uuid(3), { { u"email"_s, u"renter.%1@example.org"_s.arg(uuid(2).right(4)) } }),
                     u"users_email_unique"_s);
            QCOMPARE(rows.building(uuid(11), uuid(2)), u"buildings_owner_is_landlord"_s);
            QCOMPARE(rows.building(uuid(12), uuid(1), { { u"floors"_s, 0 } }), u"buildings_floors_range"_s);
            QCOMPARE(rows.building(uuid(13), uuid(9)), u"fk"_s);
            QCOMPARE(rows.booking(uuid(30), uuid(20), uuid(2), u"2027-03-01"_s, u"2027-03-10"_s, u"confirmed"_s),
                     QString());
            QCOMPARE(rows.booking(uuid(31), uuid(20), uuid(2), u"2027-03-09"_s, u"2027-03-12"_s, u"confirmed"_s),
                     u"bookings_no_overlap"_s);
            // Back to back is no overlap; a request occupies nothing.
            QCOMPARE(rows.booking(uuid(32), uuid(20), uuid(2), u"2027-03-10"_s, u"2027-03-12"_s, u"confirmed"_s),
                     QString());
            QCOMPARE(rows.booking(uuid(33), uuid(20), uuid(2), u"2027-03-01"_s, u"2027-03-12"_s, u"requested"_s),
                     QString());
            QCOMPARE(rows.booking(uuid(34), uuid(20), uuid(2), u"2027-04-10"_s, u"2027-04-01"_s, u"requested"_s),
                     u"bookings_dates_order"_s);
            // Blocked dates (version 11) are taken like a stay, and only a block names a calendar.
            const QVariantMap fromCalendar { { u"renter_id"_s, uuid(1) },
                                             { u"decided_by"_s, uuid(1) },
                                             { u"total_price"_s, 0 },
                                             { u"block_source"_s, u"airbnb.ics"_s },
                                             { u"block_uid"_s, u"e1"_s } };
            QCOMPARE(
                rows.booking(uuid(35), uuid(20), uuid(1), u"2027-03-11"_s, u"2027-03-13"_s, u"blocked"_s, fromCalendar),
                u"bookings_no_overlap"_s);
            QCOMPARE(
                rows.booking(uuid(36), uuid(20), uuid(1), u"2027-05-01"_s, u"2027-05-05"_s, u"blocked"_s, fromCalendar),
                QString());
            QCOMPARE(rows.booking(uuid(37), uuid(20), uuid(2), u"2027-05-04"_s, u"2027-05-06"_s, u"confirmed"_s),
                     u"bookings_no_overlap"_s);
            QCOMPARE(
                rows.booking(uuid(38), uuid(20), uuid(1), u"2027-06-01"_s, u"2027-06-05"_s, u"blocked"_s, fromCalendar),
                u"bookings_block_unique"_s);
            QCOMPARE(rows.booking(uuid(39), uuid(20), uuid(2), u"2027-07-01"_s, u"2027-07-05"_s, u"requested"_s,
                                  { { u"block_source"_s, u"airbnb.ics"_s }, { u"block_uid"_s, u"e2"_s } }),
                     u"bookings_block_source"_s);
            QCOMPARE(rows.insert(u"reviews"_s,
                                 { { u"id"_s, uuid(40) },
                                   { u"author_id"_s, uuid(1) },
                                   { u"kind"_s, u"landlord"_s },
                                   { u"target_user_id"_s, uuid(2) },
                                   { u"rating"_s, 4 },
                                   { u"created_at"_s, rentdesk::test::timestamp() },
                                   { u"updated_at"_s, rentdesk::test::timestamp() } }),
                     u"reviews_roles_match_kind"_s);
            // Calendar subscriptions (version 14): one per address and apartment, web addresses only.
            const QVariantMap subscription { { u"apartment_id"_s, uuid(20) },
                                             { u"url"_s, u"https://example.org/a.ics"_s },
                                             { u"created_at"_s, rentdesk::test::timestamp() } };
            QVariantMap again = subscription;
            again.insert(u"id"_s, uuid(50));
            QCOMPARE(rows.insert(u"calendar_subscriptions"_s, again), QString());
            again.insert(u"id"_s, uuid(51));
            QCOMPARE(rows.insert(u"calendar_subscriptions"_s, again), u"calendar_subscriptions_url_unique"_s);
            again.insert(u"url"_s, u"file:///etc/passwd"_s);
            QCOMPARE(rows.insert(u"calendar_subscriptions"_s, again), u"calendar_subscriptions_url_scheme"_s);
            // Photos (version 15): bytes named by their lowercase SHA-256 and as long as said; a
            // photo's place is not negative. A photo may name bytes that are not here yet.
            const QByteArray bytes("\xFF\xD8\xFF\xD9", 4);
            const QString hash =
                QString::fromLatin1(QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex());
            QVariantMap blob { { u"sha256"_s, hash },
                               { u"bytes"_s, bytes },
                               { u"size"_s, 4 },
                               { u"created_at"_s, rentdesk::test::timestamp() } };
            QCOMPARE(rows.insert(u"photo_blobs"_s, blob), QString());
            blob.insert(u"sha256"_s, hash.toUpper());
            QCOMPARE(rows.insert(u"photo_blobs"_s, blob), u"photo_blobs_sha256_format"_s);
            blob.insert(u"sha256"_s, QString(64, u'a'));
            blob.insert(u"size"_s, 5);
            QCOMPARE(rows.insert(u"photo_blobs"_s, blob), u"photo_blobs_size_matches"_s);
            QVariantMap photo { { u"id"_s, uuid(60) },
                                { u"apartment_id"_s, uuid(20) },
                                { u"position"_s, 0 },
                                { u"image_sha256"_s, QString(64, u'b') },
                                { u"thumbnail_sha256"_s, hash },
                                { u"width"_s, 2048 },
                                { u"height"_s, 1536 },
                                { u"created_at"_s, rentdesk::test::timestamp() },
                                { u"updated_at"_s, rentdesk::test::timestamp() } };
            QCOMPARE(rows.insert(u"apartment_photos"_s, photo), QString());
            photo.insert(u"id"_s, uuid(61));
            photo.insert(u"position"_s, -1);
            QCOMPARE(rows.insert(u"apartment_photos"_s, photo), u"apartment_photos_position_range"_s);
            photo.insert(u"position"_s, 1);
            photo.insert(u"width"_s, 4096);
            QCOMPARE(rows.insert(u"apartment_photos"_s, photo), u"apartment_photos_width_range"_s);
        }
    }

    // A database that held rows before a server claimed it: the claim numbers them in the feed,
    // and the next change takes the number after them (PostgreSQL's feed counts with a sequence).
    void aClaimedDatabaseFeedsOnAfterItsRows()
    {
        const QString url = fresh();
        auto opened = Database::open(url);
        QVERIFY(opened);
        const QSqlDatabase db = rentdesk::test::connectionOf(**opened);
        rentdesk::test::Rows rows(db);
        using rentdesk::test::uuid;
        QCOMPARE(rows.landlord(uuid(1)), QString());
        QCOMPARE(rows.building(uuid(10), uuid(1)), QString());
        QCOMPARE(rentdesk::test::valueIn(url, u"SELECT count(*) FROM sync_changes"_s), 0);
        QVERIFY(rentdesk::models::services::claimForServer(**opened));
        QCOMPARE(rentdesk::test::valueIn(url, u"SELECT max(seq) FROM sync_changes"_s), 2);
        QCOMPARE(rows.building(uuid(11), uuid(1), { { u"name"_s, u"Second"_s } }), QString());
        QCOMPARE(rentdesk::test::rowsIn(url, u"SELECT seq, entity, row_id FROM sync_changes ORDER BY seq"_s),
                 QStringList({ u"1|user|"_s + uuid(1), u"2|building|"_s + uuid(10), u"3|building|"_s + uuid(11) }));
    }

    // A connection PostgreSQL ended (a restart, an administrator) fails the statement that finds
    // out, and the next one on that thread connects again.
    void aLostConnectionIsMadeAgain()
    {
        const QString url = fresh();
        auto opened = Database::open(url);
        QVERIFY(opened);
        auto pid = scalar(rentdesk::test::connectionOf(**opened), u"SELECT pg_backend_pid()"_s);
        QVERIFY(pid);
        QVERIFY(runBehind(url, u"SELECT pg_terminate_backend(%1)"_s.arg(pid->toLongLong())));
        auto lost = scalar(rentdesk::test::connectionOf(**opened), u"SELECT 1"_s);
        QVERIFY(!lost);
        auto again = scalar(rentdesk::test::connectionOf(**opened), u"SELECT pg_backend_pid()"_s);
        QVERIFY2(again, qPrintable(again ? QString() : again.error().detail));
        QVERIFY(again->toLongLong() != pid->toLongLong());
    }

    // An apartment's search document is kept by triggers: its building's address and city and
    // its description, found by English and Russian word forms and without accents; a building's
    // new address and a new description are found at once, and a deleted apartment is gone.
    void apartmentsAreFoundByTheirWords()
    {
        auto opened = Database::open(fresh());
        QVERIFY(opened);
        const QSqlDatabase db = rentdesk::test::connectionOf(**opened);
        rentdesk::test::Rows rows(db);
        using rentdesk::test::uuid;
        QCOMPARE(rows.landlord(uuid(1)), QString());
        QCOMPARE(
            rows.building(uuid(10), uuid(1), { { u"address"_s, u"Тверская улица, 5"_s }, { u"city"_s, u"Москва"_s } }),
            QString());
        QCOMPARE(
            rows.apartment(uuid(20), uuid(10), uuid(1),
                           { { u"description"_s, u"Светлые квартиры у парка, near the café, bright apartments"_s } }),
            QString());
        QCOMPARE(rows.apartment(uuid(21), uuid(10), uuid(1),
                                { { u"number"_s, u"2"_s }, { u"description"_s, u"Тихий двор"_s } }),
                 QString());
        const auto found = [&](const QString &words) {
            auto query = exec(db,
                              u"SELECT string_agg(apartment_id, ',' ORDER BY apartment_id) FROM apartments_search "
                              "WHERE document @@ (plainto_tsquery('english', unaccent(:words)) || "
                              "plainto_tsquery('russian', unaccent(:words)))"_s,
                              { { u":words"_s, words } });
            return query && query->next() ? query->value(0).toString() : u"<failed>"_s;
        };
        QCOMPARE(found(u"квартира"_s), uuid(20)); // квартиры
        QCOMPARE(found(u"apartment"_s), uuid(20)); // apartments
        QCOMPARE(found(u"cafe"_s), uuid(20)); // café
        QCOMPARE(found(u"тверской"_s), uuid(20) + u',' + uuid(21)); // the building's address
        QCOMPARE(found(u"москве"_s), uuid(20) + u',' + uuid(21));
        QCOMPARE(found(u"дворы"_s), uuid(21));
        QVERIFY(exec(db, u"UPDATE buildings SET city = 'Казань' WHERE id = :id"_s, { { u":id"_s, uuid(10) } }));
        QCOMPARE(found(u"Москва"_s), QString());
        QCOMPARE(found(u"Казани"_s), uuid(20) + u',' + uuid(21));
        QVERIFY(exec(db, u"UPDATE apartments SET description = 'Вид на реку' WHERE id = :id"_s,
                     { { u":id"_s, uuid(21) } }));
        QCOMPARE(found(u"река"_s), uuid(21));
        QCOMPARE(found(u"двор"_s), QString());
        QVERIFY(exec(db, u"DELETE FROM apartments WHERE id = :id"_s, { { u":id"_s, uuid(20) } }));
        QCOMPARE(found(u"квартира"_s), QString());
    }

    // A transaction PostgreSQL fails for being in a cycle with another one that committed is
    // run again by transact(), and succeeds; one that keeps failing gives up after MaxAttempts.
    void aTransactionThatCannotBeSerializedRunsAgain()
    {
        const QString url = fresh();
        auto opened = Database::open(url);
        QVERIFY(opened);
        const QSqlDatabase db = rentdesk::test::connectionOf(**opened);
        QSqlDatabase other = m_cluster.connect(QUrl(url).path().mid(1), u"other"_s);
        QVERIFY(other.isOpen());

        int conflictsLeft = 0;
        int attempts = 0;
        // The other transaction reads the row this one writes, and writes rows this one has read:
        // after it commits, this one cannot have run before it nor after it.
        const auto work = [&]() -> std::expected<qint64, DbError> {
            ++attempts;
            QSqlQuery theirs(other);
            if (conflictsLeft > 0
                && !(theirs.exec(u"BEGIN ISOLATION LEVEL SERIALIZABLE"_s)
                     && theirs.exec(u"SELECT value FROM database_meta WHERE key = 'mode'"_s)))
                return std::unexpected(DbError());
            auto users = scalar(db, u"SELECT count(*) FROM users"_s);
            if (!users)
                return std::unexpected(users.error());
            if (conflictsLeft > 0) {
                --conflictsLeft;
                const bool committed = theirs.exec(u"INSERT INTO users (id, email, display_name, role, created_at, "
                                                   "updated_at) VALUES (gen_random_uuid()::text, "
                                                   "gen_random_uuid()::text || '@example.org', 'Other', 'renter', "
                                                   "'2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z')"_s)
                    && theirs.exec(u"COMMIT"_s);
                if (!committed)
                    return std::unexpected(DbError());
            }
            auto written = exec(db, u"UPDATE database_meta SET value = value WHERE key = 'mode'"_s);
            if (!written)
                return std::unexpected(written.error());
            return users->toLongLong();
        };

        conflictsLeft = 1;
        auto once = transact(db, work);
        QVERIFY2(once, qPrintable(once ? QString() : once.error().detail));
        QCOMPARE(attempts, 2);
        QCOMPARE(*once, 1); // the second run saw the other's user

        attempts = 0;
        conflictsLeft = TransactionScope::MaxAttempts;
        auto never = transact(db, work);
        QVERIFY(!never);
        QCOMPARE(never.error().kind, DbError::Kind::Busy);
        QCOMPARE(attempts, TransactionScope::MaxAttempts);
        QVERIFY(!inTransaction(db));
        QVERIFY(lastTransactionCollided());
        QCOMPARE(rentdesk::test::valueIn(url, u"SELECT count(*) FROM users"_s), 1 + TransactionScope::MaxAttempts);

        // A caller with a cheaper way out (a sync push, one mutation at a time) allows fewer
        // runs, and learns that a collision, not the work, ended the last one.
        attempts = 0;
        conflictsLeft = TransactionScope::MaxAttempts;
        auto twice = transact(db, TransactionScope::Isolation::Serializable, work, 2);
        QVERIFY(!twice);
        QCOMPARE(attempts, 2);
        QVERIFY(lastTransactionCollided());
        conflictsLeft = 0;
        auto clean = transact(db, work);
        QVERIFY(clean);
        QCOMPARE(*clean, 3 + TransactionScope::MaxAttempts);
        QVERIFY(!lastTransactionCollided());
        other = QSqlDatabase();
        QSqlDatabase::removeDatabase(u"other"_s);
    }
};

QTEST_GUILESS_MAIN(TestPostgresDatabase)
#include "tst_postgresdatabase.moc"
