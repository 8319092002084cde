// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/db/bulkload.h"
#include "models/db/query.h"
#include "models/demo/demogenerator.h"
#include "models/demo/demorandom.h"
#include "models/domain/enums.h"
#include "models/domain/storedvalues.h"
#include "models/query/searchindex.h"
#include "tests/support/testsupport.h"

#include <QRegularExpression>
#include <QSet>
#include <QSqlQuery>
#include <QTest>

#include <algorithm>
#include <memory>
#include <sodium.h>

using namespace Qt::StringLiterals;
using rentdesk::models::db::Binding;
using rentdesk::models::demo::DemoOptions;
using rentdesk::models::demo::DemoSummary;
using rentdesk::models::services::DomainError;
using rentdesk::test::TempDatabase;

namespace {

const QDate today(2026, 3, 15);
const QString todayText = u"2026-03-15"_s;
const QString startOfToday = u"2026-03-15T00:00:00.000Z"_s;

DemoOptions options(int apartments, quint64 seed = 2026)
{
    DemoOptions result;
    result.apartments = apartments;
    result.seed = seed;
    result.today = today;
    return result;
}

qint64 number(const QSqlDatabase &db, const QString &sql, std::initializer_list<Binding> bindings = {})
{
    auto value = rentdesk::models::db::scalar(db, sql, bindings);
    if (!value) {
        qWarning() << sql << value.error().detail;
        return -1;
    }
    return value->toLongLong();
}

QStringList column(const QSqlDatabase &db, const QString &sql, std::initializer_list<Binding> bindings = {})
{
    QStringList values;
    auto query = rentdesk::models::db::exec(db, sql, bindings);
    if (!query)
        return { u"error: "_s + query.error().detail };
    while (query->next())
        values << query->value(0).toString();
    return values;
}

bool isCyrillic(const QString &text)
{
    for (const QChar c : text) {
        if (c.isLetter())
            return c.script() == QChar::Script_Cyrillic;
    }
    return false;
}

// The dump of a database's schema and header, without its rows.
QStringList schemaOf(const QSqlDatabase &db)
{
    QStringList lines = rentdesk::test::dumpDatabase(db);
    lines.removeIf(
        [](const QString &line) { return !line.startsWith(u"schema "_s) && !line.startsWith(u"pragma "_s); });
    return lines;
}

// The dump of a database without the times its migrations ran: what two databases
// generated a moment apart may differ in besides the data.
QStringList dataOf(const QSqlDatabase &db)
{
    QStringList lines = rentdesk::test::dumpDatabase(db);
    lines.removeIf([](const QString &line) { return line.startsWith(u"schema_migrations: "_s); });
    return lines;
}

// What every generated database must satisfy, each as a count of rows that break it.
struct Violations
{
    static qint64 ratingsOfUsers(const QSqlDatabase &db)
    {
        return number(
            db,
            u"SELECT count(*) FROM users AS u WHERE "
            "u.rating_sum <> (SELECT coalesce(sum(r.rating), 0) FROM reviews AS r WHERE r.target_user_id = u.id) "
            "OR u.rating_count <> (SELECT count(*) FROM reviews AS r WHERE r.target_user_id = u.id)"_s);
    }

    static qint64 ratingsOfApartments(const QSqlDatabase &db)
    {
        return number(db,
                      u"SELECT count(*) FROM apartments AS a WHERE "
                      "a.rating_sum <> (SELECT coalesce(sum(r.rating), 0) FROM reviews AS r "
                      "                 WHERE r.target_apartment_id = a.id) "
                      "OR a.rating_count <> (SELECT count(*) FROM reviews AS r WHERE r.target_apartment_id = a.id)"_s);
    }

    static qint64 overlaps(const QSqlDatabase &db)
    {
        return number(db,
                      u"SELECT count(*) FROM bookings AS x JOIN bookings AS y "
                      "ON x.apartment_id = y.apartment_id AND x.id < y.id "
                      "WHERE x.status IN ('confirmed', 'completed') AND y.status IN ('confirmed', 'completed') "
                      "AND x.start_date < y.end_date AND y.start_date < x.end_date"_s);
    }

    // DESIGN.md rule 4, for the apartments whose status time moves.
    static qint64 statuses(const QSqlDatabase &db)
    {
        return number(
            db,
            u"WITH expected AS (SELECT a.status, a.booked_by, "
            "  (SELECT b.renter_id FROM bookings AS b WHERE b.apartment_id = a.id AND b.status = 'confirmed' "
            "   AND b.start_date <= :today AND :today < b.end_date) AS current_renter, "
            "  (SELECT b.renter_id FROM bookings AS b WHERE b.apartment_id = a.id AND b.status = 'confirmed' "
            "   AND b.start_date > :today ORDER BY b.start_date LIMIT 1) AS next_renter "
            "  FROM apartments AS a WHERE a.status_manual = 0) "
            "SELECT count(*) FROM expected WHERE "
            "(current_renter IS NOT NULL AND (status <> 'rented' OR booked_by IS NOT current_renter)) "
            "OR (current_renter IS NULL AND next_renter IS NOT NULL "
            "    AND (status <> 'booked' OR booked_by IS NOT next_renter)) "
            "OR (current_renter IS NULL AND next_renter IS NULL AND (status <> 'free' OR booked_by IS NOT NULL))"_s,
            { { u":today"_s, todayText } });
    }

    // Price, currency, who decided, and where the dates lie for each status.
    static qint64 bookings(const QSqlDatabase &db)
    {
        return number(
            db,
            u"SELECT count(*) FROM bookings AS b JOIN apartments AS a ON a.id = b.apartment_id WHERE "
            "b.total_price <> (a.monthly_price * CAST(julianday(b.end_date) - julianday(b.start_date) AS INTEGER) "
            "                  + 15) / 30 "
            "OR b.currency <> a.currency "
            "OR (b.status = 'cancelled' AND b.decided_by IS NOT b.renter_id) "
            "OR (b.status IN ('confirmed', 'declined', 'completed') AND b.decided_by IS NOT a.owner_id) "
            "OR (b.status = 'completed' AND b.end_date > :today) "
            "OR (b.status = 'confirmed' AND b.end_date <= :today) "
            "OR (b.status = 'requested' AND b.start_date <= :today) "
            "OR b.decided_at < b.created_at OR b.updated_at < coalesce(b.decided_at, b.created_at) "
            "OR b.created_at < (SELECT u.created_at FROM users AS u WHERE u.id = b.renter_id)"_s,
            { { u":today"_s, todayText } });
    }

    // A review needs a stay (confirmed or completed, begun before the review) between its
    // author and its subject.
    static qint64 reviews(const QSqlDatabase &db)
    {
        return number(db,
                      u"SELECT count(*) FROM reviews AS r WHERE NOT EXISTS ("
                      "  SELECT 1 FROM bookings AS b JOIN apartments AS a ON a.id = b.apartment_id "
                      "  WHERE b.status IN ('confirmed', 'completed') AND b.start_date <= substr(r.created_at, 1, 10) "
                      "  AND CASE r.kind "
                      "    WHEN 'apartment' THEN b.renter_id = r.author_id AND a.id = r.target_apartment_id "
                      "    WHEN 'landlord' THEN b.renter_id = r.author_id AND a.owner_id = r.target_user_id "
                      "    ELSE a.owner_id = r.author_id AND b.renter_id = r.target_user_id END)"_s);
    }

    static qint64 landlordsWithoutBuildings(const QSqlDatabase &db)
    {
        return number(db,
                      u"SELECT count(*) FROM users AS u WHERE u.role = 'landlord' "
                      "AND NOT EXISTS (SELECT 1 FROM buildings AS b WHERE b.owner_id = u.id)"_s);
    }

    static qint64 apartmentsOutOfTheirBuilding(const QSqlDatabase &db)
    {
        return number(db,
                      u"SELECT count(*) FROM apartments AS a JOIN buildings AS b ON b.id = a.building_id "
                      "WHERE a.floor < 1 OR a.floor > b.floors OR a.rooms NOT BETWEEN 1 AND 6 OR a.area <= 0 "
                      "OR a.monthly_price <= 0 OR a.created_at < b.created_at"_s);
    }

    // Nothing happens after the morning of the day before today (UTC), in any time zone.
    static qint64 futureTimestamps(const QSqlDatabase &db)
    {
        return number(db,
                      u"SELECT (SELECT count(*) FROM users WHERE updated_at >= :now) "
                      "+ (SELECT count(*) FROM buildings WHERE updated_at >= :now) "
                      "+ (SELECT count(*) FROM apartments WHERE updated_at >= :now) "
                      "+ (SELECT count(*) FROM bookings WHERE updated_at >= :now) "
                      "+ (SELECT count(*) FROM reviews WHERE updated_at >= :now)"_s,
                      { { u":now"_s, startOfToday } });
    }
};

} // namespace

// The demo data generator: deterministic for a seed and a date, consistent with every
// constraint, trigger and rule, in the proportions the benchmarks use, and never touching
// a database that already has data.
class TestDemoGenerator : public QObject
{
    Q_OBJECT

private:
    // 400 apartments with the default seed, generated once and only read by most tests.
    std::unique_ptr<TempDatabase> m_db;
    DemoSummary m_summary;

    QSqlDatabase db() const { return m_db->connection(); }
    qint64 count(const QString &sql, std::initializer_list<Binding> bindings = {}) const
    {
        return number(db(), sql, bindings);
    }

    static void verifyConsistent(const QSqlDatabase &db)
    {
        QCOMPARE(column(db, u"PRAGMA foreign_key_check"_s), QStringList());
        QCOMPARE(column(db, u"PRAGMA integrity_check"_s), QStringList { u"ok"_s });
        QCOMPARE(Violations::ratingsOfUsers(db), 0);
        QCOMPARE(Violations::ratingsOfApartments(db), 0);
        QCOMPARE(Violations::overlaps(db), 0);
        QCOMPARE(Violations::statuses(db), 0);
        QCOMPARE(Violations::bookings(db), 0);
        QCOMPARE(Violations::reviews(db), 0);
        QCOMPARE(Violations::landlordsWithoutBuildings(db), 0);
        QCOMPARE(Violations::apartmentsOutOfTheirBuilding(db), 0);
        QCOMPARE(Violations::futureTimestamps(db), 0);
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(sodium_init() >= 0);
        m_db = std::make_unique<TempDatabase>();
        QVERIFY2(m_db->isValid(), qPrintable(m_db->errorMessage()));
        const auto generated = rentdesk::models::demo::generateDemoData(db(), options(400));
        QVERIFY2(generated, qPrintable(generated ? QString() : generated.error().message));
        m_summary = *generated;
    }

    void summaryCountsWhatWasWritten()
    {
        QCOMPARE(m_summary.users, count(u"SELECT count(*) FROM users"_s));
        QCOMPARE(m_summary.buildings, count(u"SELECT count(*) FROM buildings"_s));
        QCOMPARE(m_summary.apartments, count(u"SELECT count(*) FROM apartments"_s));
        QCOMPARE(m_summary.bookings, count(u"SELECT count(*) FROM bookings"_s));
        QCOMPARE(m_summary.reviews, count(u"SELECT count(*) FROM reviews"_s));
    }

    // N apartments: N/20 buildings, N/4 users (one landlord to about four and a half
    // renters), about 5N bookings and 1.5N reviews.
    void proportions()
    {
        QCOMPARE(m_summary.apartments, 400);
        QCOMPARE(m_summary.buildings, 20);
        QCOMPARE(m_summary.users, 100);
        QCOMPARE(count(u"SELECT count(*) FROM users WHERE role = 'landlord'"_s), 18);
        QVERIFY2(m_summary.bookings >= 1900 && m_summary.bookings <= 2100,
                 qPrintable(QString::number(m_summary.bookings)));
        QVERIFY2(m_summary.reviews >= 540 && m_summary.reviews <= 660, qPrintable(QString::number(m_summary.reviews)));
        for (const QString &kind : { u"apartment"_s, u"landlord"_s, u"renter"_s })
            QVERIFY2(count(u"SELECT count(*) FROM reviews WHERE kind = :kind"_s, { { u":kind"_s, kind } }) > 0,
                     qPrintable(kind));
    }

    void deterministicForSeedAndDate()
    {
        TempDatabase again;
        QVERIFY(again.isValid());
        QVERIFY(rentdesk::models::demo::generateDemoData(again.connection(), options(400)));
        QCOMPARE(dataOf(again.connection()), dataOf(db()));
    }

    void anotherSeedGivesOtherData()
    {
        TempDatabase other;
        QVERIFY(other.isValid());
        QVERIFY(rentdesk::models::demo::generateDemoData(other.connection(), options(400, 7)));
        QVERIFY(dataOf(other.connection()) != dataOf(db()));
        // Only the data differs: the same two accounts, the same schema.
        QCOMPARE(schemaOf(other.connection()), schemaOf(db()));
        QCOMPARE(
            column(other.connection(), u"SELECT email FROM users WHERE email LIKE '%@rentdesk.example' ORDER BY 1"_s),
            column(db(), u"SELECT email FROM users WHERE email LIKE '%@rentdesk.example' ORDER BY 1"_s));
    }

    // The schema (indexes included) is exactly what the migrations made.
    void schemaIsUnchanged()
    {
        TempDatabase fresh;
        QVERIFY(fresh.isValid());
        QCOMPARE(schemaOf(db()), schemaOf(fresh.connection()));
        QCOMPARE(column(db(), u"SELECT key || '=' || value FROM database_meta"_s),
                 QStringList { u"mode=standalone"_s });
        QCOMPARE(count(u"SELECT count(*) FROM mail_outbox"_s), 0);
        QCOMPARE(count(u"SELECT count(*) FROM pending_mutations"_s), 0);
    }

    // The generated apartments are already in the full-text index: the first search does
    // not have to index them all while holding the write lock.
    void searchIndexIsCurrent()
    {
        QCOMPARE(rentdesk::models::query::searchIndexIsStale(db()).value_or(true), false);
        QCOMPARE(count(u"SELECT count(*) FROM apartments_search"_s), count(u"SELECT count(*) FROM apartments"_s));
    }

    void everyRuleHolds() { verifyConsistent(db()); }

    // While rows go in, only non-unique indexes are missing, and not the ones named to
    // stay: triggers probe unique keys and the stays index row by row, and without them
    // each probe would read a whole table.
    void deferredIndexesKeepWhatTriggersRead()
    {
        TempDatabase fresh;
        QVERIFY(fresh.isValid());
        const QSqlDatabase target = fresh.connection();
        const QString indexesOf =
            u"SELECT s.name FROM sqlite_schema AS s JOIN pragma_index_list(s.tbl_name) AS i ON i.name = s.name "
            "WHERE s.type = 'index' AND s.tbl_name IN ('apartments', 'bookings', 'reviews') AND i.\"unique\" = %1 "
            "ORDER BY 1"_s;
        const QStringList unique = column(target, indexesOf.arg(1));
        const QStringList others = column(target, indexesOf.arg(0));
        QVERIFY(unique.contains(u"apartments_number_unique"_s));
        QVERIFY(others.contains(u"bookings_stays_idx"_s));
        QVERIFY(others.size() > 3);

        QVERIFY(rentdesk::models::db::exec(target, u"BEGIN IMMEDIATE"_s));
        const auto deferred = rentdesk::models::db::DeferredIndexes::drop(
            target, { u"apartments"_s, u"bookings"_s, u"reviews"_s }, { u"bookings_stays_idx"_s });
        QVERIFY(deferred);
        QCOMPARE(column(target, indexesOf.arg(1)), unique);
        QCOMPARE(column(target, indexesOf.arg(0)), QStringList { u"bookings_stays_idx"_s });
        QVERIFY(deferred->rebuild(target));
        QVERIFY(rentdesk::models::db::exec(target, u"COMMIT"_s));
        QCOMPARE(column(target, indexesOf.arg(0)), others);
        TempDatabase untouched;
        QVERIFY(untouched.isValid());
        QCOMPARE(schemaOf(target), schemaOf(untouched.connection()));
    }

    // The counts checked by everyRuleHolds() are not vacuous: there are ratings to recount,
    // statuses to derive and stays that could overlap.
    void rulesHaveSomethingToCheck()
    {
        QVERIFY(count(u"SELECT sum(rating_count) FROM users WHERE role = 'landlord'"_s) > 0);
        QVERIFY(count(u"SELECT sum(rating_count) FROM users WHERE role = 'renter'"_s) > 0);
        QVERIFY(count(u"SELECT sum(rating_count) FROM apartments"_s) > 0);
        QCOMPARE(count(u"SELECT (SELECT sum(rating_count) FROM users) + (SELECT sum(rating_count) FROM apartments)"_s),
                 m_summary.reviews);
        for (const QString &status : { u"free"_s, u"booked"_s, u"rented"_s }) {
            QVERIFY2(count(u"SELECT count(*) FROM apartments WHERE status_manual = 0 AND status = :status"_s,
                           { { u":status"_s, status } })
                         > 0,
                     qPrintable(status));
        }
        // A few statuses were set by hand, with no renter.
        QVERIFY(count(u"SELECT count(*) FROM apartments WHERE status_manual = 1"_s) > 0);
        QCOMPARE(count(u"SELECT count(*) FROM apartments WHERE status_manual = 1 AND booked_by IS NOT NULL"_s), 0);
        QVERIFY(count(u"SELECT count(*) FROM apartments AS a WHERE "
                      "(SELECT count(*) FROM bookings AS b WHERE b.apartment_id = a.id "
                      " AND b.status IN ('confirmed', 'completed')) > 1"_s)
                > 100);
    }

    void bookingsInEveryStatusPastPresentAndFuture()
    {
        for (const auto status : rentdesk::models::domain::allValues<rentdesk::models::domain::BookingStatus>()) {
            if (status == rentdesk::models::domain::BookingStatus::Blocked)
                continue; // blocks come from other sites' calendars, which the demo has none of
            const QString code = rentdesk::models::domain::toCode(status);
            QVERIFY2(count(u"SELECT count(*) FROM bookings WHERE status = :status"_s, { { u":status"_s, code } }) > 0,
                     qPrintable(code));
        }
        const auto bookings = [this](const QString &where) {
            return count(u"SELECT count(*) FROM bookings WHERE "_s + where, { { u":today"_s, todayText } });
        };
        QVERIFY(bookings(u"status = 'completed' AND end_date <= :today"_s) > 0);
        QVERIFY(bookings(u"status IN ('declined', 'cancelled') AND end_date <= :today"_s) > 0);
        QVERIFY(bookings(u"status = 'confirmed' AND start_date <= :today AND :today < end_date"_s) > 0);
        QVERIFY(bookings(u"status = 'confirmed' AND start_date > :today"_s) > 0);
        QVERIFY(bookings(u"status = 'requested' AND start_date > :today"_s) > 0);
        QVERIFY(bookings(u"status IN ('declined', 'cancelled') AND start_date > :today"_s) > 0);
        QCOMPARE(bookings(u"status = 'requested' AND (decided_by IS NOT NULL OR decided_at IS NOT NULL)"_s), 0);
    }

    // Russian and English people, cities and text, each in its own language.
    void languages()
    {
        auto users = rentdesk::models::db::exec(db(), u"SELECT display_name, language, email FROM users"_s);
        QVERIFY(users);
        int russian = 0;
        int english = 0;
        static const QRegularExpression email(u"^[a-z0-9.]+@[a-z0-9.]+\\.[a-z]+$"_s);
        while (users->next()) {
            const QString name = users->value(0).toString();
            const bool cyrillic = isCyrillic(name);
            (cyrillic ? russian : english)++;
            QCOMPARE(users->value(1).toString(), cyrillic ? u"ru"_s : u"en"_s);
            QVERIFY2(email.match(users->value(2).toString()).hasMatch(), qPrintable(users->value(2).toString()));
        }
        QVERIFY2(russian >= 30 && english >= 30, qPrintable(u"%1 Russian, %2 English"_s.arg(russian).arg(english)));

        const QStringList cities = column(db(), u"SELECT DISTINCT city FROM buildings ORDER BY city"_s);
        QVERIFY2(cities.size() >= 5, qPrintable(cities.join(u", "_s)));
        QVERIFY(std::any_of(cities.cbegin(), cities.cend(), isCyrillic));
        QVERIFY(std::any_of(cities.cbegin(), cities.cend(), [](const QString &city) { return !isCyrillic(city); }));

        auto apartments =
            rentdesk::models::db::exec(db(),
                                       u"SELECT b.city, b.address, a.currency, a.description FROM apartments AS a "
                                       "JOIN buildings AS b ON b.id = a.building_id"_s);
        QVERIFY(apartments);
        while (apartments->next()) {
            const bool russianCity = isCyrillic(apartments->value(0).toString());
            QCOMPARE(isCyrillic(apartments->value(1).toString()), russianCity);
            QCOMPARE(apartments->value(2).toString(), russianCity ? u"RUB"_s : u"GBP"_s);
            QCOMPARE(isCyrillic(apartments->value(3).toString()), russianCity);
        }
        auto reviews = rentdesk::models::db::exec(
            db(), u"SELECT r.body, u.language FROM reviews AS r JOIN users AS u ON u.id = r.author_id"_s);
        QVERIFY(reviews);
        int withText = 0;
        while (reviews->next()) {
            const QString body = reviews->value(0).toString();
            if (body.isEmpty())
                continue;
            ++withText;
            QCOMPARE(isCyrillic(body) ? u"ru"_s : u"en"_s, reviews->value(1).toString());
        }
        QVERIFY(withText > m_summary.reviews / 2);
        // Varied enough for text search: many different descriptions.
        QVERIFY(count(u"SELECT count(DISTINCT description) FROM apartments"_s) > 300);
    }

    void demoLandlord()
    {
        const auto account = rentdesk::models::demo::demoLandlord();
        QCOMPARE(account.role, rentdesk::models::domain::Role::Landlord);
        const std::initializer_list<Binding> email { { u":email"_s, account.email } };
        QCOMPARE(column(db(),
                        u"SELECT display_name || '|' || role || '|' || language FROM users WHERE email = :email"_s,
                        email),
                 QStringList { account.displayName + u"|landlord|ru"_s });
        QCOMPARE(count(u"SELECT count(*) FROM buildings AS b JOIN users AS u ON u.id = b.owner_id "
                       "WHERE u.email = :email"_s,
                       email),
                 3);
        const QString stays = u"SELECT count(*) FROM bookings AS b JOIN apartments AS a ON a.id = b.apartment_id "
                              "JOIN users AS u ON u.id = a.owner_id WHERE u.email = :email AND b.status = '%1'"_s;
        QVERIFY(count(stays.arg(u"completed"_s), email) > 20);
        QVERIFY(count(stays.arg(u"requested"_s), email) > 0); // requests waiting for a decision
        QVERIFY(count(u"SELECT rating_count FROM users WHERE email = :email"_s, email) > 0);
        QVERIFY(count(u"SELECT count(*) FROM reviews AS r JOIN users AS u ON u.id = r.author_id "
                      "WHERE u.email = :email AND r.kind = 'renter'"_s,
                      email)
                > 0);
    }

    void demoRenter()
    {
        const auto account = rentdesk::models::demo::demoRenter();
        QCOMPARE(account.role, rentdesk::models::domain::Role::Renter);
        const std::initializer_list<Binding> bindings { { u":email"_s, account.email }, { u":today"_s, todayText } };
        QCOMPARE(count(u"SELECT count(*) FROM users WHERE email = :email AND role = 'renter' AND language = 'en'"_s,
                       bindings),
                 1);
        const auto stays = [&](const QString &where) {
            return count(u"SELECT count(*) FROM bookings AS b JOIN users AS u ON u.id = b.renter_id "
                         "WHERE u.email = :email AND "_s
                             + where,
                         bindings);
        };
        QCOMPARE(stays(u"b.status = 'completed'"_s), 2);
        QCOMPARE(stays(u"b.status = 'confirmed' AND b.start_date <= :today AND :today < b.end_date"_s), 1);
        QCOMPARE(stays(u"b.status = 'confirmed' AND b.start_date > :today"_s), 1);
        QCOMPARE(stays(u"b.status = 'requested'"_s), 1);
        QCOMPARE(stays(u"b.status = 'declined'"_s), 1);
        QCOMPARE(stays(u"b.status = 'cancelled'"_s), 1);
        // The request waits for the demo landlord.
        QCOMPARE(stays(u"b.status = 'requested' AND (SELECT o.email FROM apartments AS a JOIN users AS o "
                       "ON o.id = a.owner_id WHERE a.id = b.apartment_id) = 'landlord@rentdesk.example'"_s),
                 1);
        QCOMPARE(count(u"SELECT count(*) FROM apartments AS a JOIN users AS u ON u.id = a.booked_by "
                       "WHERE u.email = :email AND a.status = 'rented'"_s,
                       bindings),
                 1);
        // Reviews written (of two apartments and their landlords, at least) and received.
        QVERIFY(count(u"SELECT count(*) FROM reviews AS r JOIN users AS u ON u.id = r.author_id "
                      "WHERE u.email = :email"_s,
                      bindings)
                >= 4);
        QVERIFY(count(u"SELECT rating_count FROM users WHERE email = :email"_s, bindings) >= 2);
    }

    void demoPasswordVerifiesAgainstTheSharedHash()
    {
        const QByteArray hash = rentdesk::models::demo::demoPasswordHash().toLatin1();
        const QByteArray password = rentdesk::models::demo::demoPassword().toUtf8();
        QVERIFY(hash.startsWith("$argon2id$v=19$m=19456,t=2,p=1$"));
        QCOMPARE(crypto_pwhash_str_verify(hash.constData(), password.constData(), quint64(password.size())), 0);
        const QByteArray wrong = password + "!";
        QVERIFY(crypto_pwhash_str_verify(hash.constData(), wrong.constData(), quint64(wrong.size())) != 0);
        QCOMPARE(column(db(), u"SELECT DISTINCT password_hash FROM users"_s),
                 QStringList { QString::fromLatin1(hash) });
    }

    // Ids are version 7 UUIDs from the seeded generator, ascending in the order rows were
    // written (so indexes grow at their end); timestamps and dates are exactly the stored
    // forms the domain reads back.
    void storedForms()
    {
        static const QRegularExpression v7(u"^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$"_s);
        QStringList ids;
        for (const QString &table : { u"users"_s, u"buildings"_s, u"apartments"_s, u"bookings"_s, u"reviews"_s }) {
            const QStringList written = column(db(), u"SELECT id FROM "_s + table + u" ORDER BY rowid"_s);
            QVERIFY2(std::is_sorted(written.cbegin(), written.cend()), qPrintable(table));
            ids << written;
        }
        QCOMPARE(ids.size(),
                 qsizetype(m_summary.users + m_summary.buildings + m_summary.apartments + m_summary.bookings
                           + m_summary.reviews));
        for (const QString &id : std::as_const(ids))
            QVERIFY2(v7.match(id).hasMatch(), qPrintable(id));
        QCOMPARE(QSet<QString>(ids.cbegin(), ids.cend()).size(), ids.size());

        QStringList times = column(db(),
                                   u"SELECT created_at FROM users UNION ALL SELECT updated_at FROM apartments "
                                   "UNION ALL SELECT decided_at FROM bookings WHERE decided_at IS NOT NULL "
                                   "UNION ALL SELECT updated_at FROM reviews"_s);
        QVERIFY(times.size() > 1000);
        for (const QString &time : std::as_const(times)) {
            const auto parsed = rentdesk::models::domain::timestampFromStored(time);
            QVERIFY2(parsed && rentdesk::models::domain::toStoredTimestamp(*parsed) == time, qPrintable(time));
        }
    }

    void formatsMatchTheDomain_data()
    {
        QTest::addColumn<QDateTime>("time");
        QTest::newRow("epoch") << QDateTime(QDate(1970, 1, 1), QTime(0, 0), Qt::UTC);
        QTest::newRow("leap day") << QDateTime(QDate(2024, 2, 29), QTime(23, 59, 59, 999), Qt::UTC);
        QTest::newRow("new year") << QDateTime(QDate(2026, 12, 31), QTime(12, 5, 7, 40), Qt::UTC);
        QTest::newRow("far") << QDateTime(QDate(2199, 7, 1), QTime(1, 2, 3, 4), Qt::UTC);
    }

    void formatsMatchTheDomain()
    {
        QFETCH(QDateTime, time);
        const rentdesk::models::demo::Instant instant = time.toMSecsSinceEpoch();
        QCOMPARE(rentdesk::models::demo::formatTimestamp(instant), rentdesk::models::domain::toStoredTimestamp(time));
        QCOMPARE(rentdesk::models::demo::formatDate(time.date()), rentdesk::models::domain::toStoredDate(time.date()));
        QCOMPARE(rentdesk::models::demo::startOfDay(time.date()), time.date().startOfDay(Qt::UTC).toMSecsSinceEpoch());
    }

    // Progress climbs building by building to the total; a stop asked for half-way rolls
    // everything back, and the same file then takes the whole generation.
    void progressClimbsAndACancelWritesNothing()
    {
        TempDatabase other;
        QVERIFY(other.isValid());
        const QStringList empty = rentdesk::test::dumpDatabase(other.connection());
        auto demo = options(400);
        QList<int> seen;
        demo.progress = [&seen](int done, int total) {
            if (total != 400)
                return false;
            seen.append(done);
            return done < 200;
        };
        const auto cancelled = rentdesk::models::demo::generateDemoData(other.connection(), demo);
        QVERIFY(!cancelled);
        QVERIFY2(rentdesk::models::demo::isCancelled(cancelled.error()), qPrintable(cancelled.error().message));
        QVERIFY(!cancelled.error().message.isEmpty());
        QVERIFY2(seen.size() > 5 && seen.last() >= 200 && seen.last() < 400, qPrintable(QString::number(seen.last())));
        QCOMPARE(rentdesk::test::dumpDatabase(other.connection()), empty);

        seen.clear();
        demo.progress = [&seen](int done, int) {
            seen.append(done);
            return true;
        };
        const auto generated = rentdesk::models::demo::generateDemoData(other.connection(), demo);
        QVERIFY2(generated, qPrintable(generated ? QString() : generated.error().message));
        QVERIFY(std::is_sorted(seen.cbegin(), seen.cend()));
        QCOMPARE(seen.last(), 400);
        QCOMPARE(seen.count(400), 2); // after the last building, and before the indexes
        QCOMPARE(dataOf(other.connection()), dataOf(db()));
    }

    // A stop asked for once the last building is written still writes nothing.
    void aCancelAtTheEndWritesNothing()
    {
        TempDatabase other;
        QVERIFY(other.isValid());
        auto demo = options(40);
        demo.progress = [](int done, int total) {
            return done < total;
        };
        const auto cancelled = rentdesk::models::demo::generateDemoData(other.connection(), demo);
        QVERIFY(!cancelled && rentdesk::models::demo::isCancelled(cancelled.error()));
        const auto filled = rentdesk::models::demo::hasData(other.connection());
        QVERIFY(filled && !*filled);
    }

    void refusesADatabaseWithData_data()
    {
        QTest::addColumn<bool>("oneUser");
        QTest::newRow("demo data") << false;
        QTest::newRow("a single account") << true;
    }

    void refusesADatabaseWithData()
    {
        QFETCH(bool, oneUser);
        TempDatabase other;
        QVERIFY(other.isValid());
        QSqlDatabase target = db();
        if (oneUser) {
            target = other.connection();
            QCOMPARE(rentdesk::test::Rows(target).renter(rentdesk::test::uuid(1)), QString());
        }
        const auto filled = rentdesk::models::demo::hasData(target);
        QVERIFY(filled && *filled);
        const QStringList before = rentdesk::test::dumpDatabase(target);
        const auto refused = rentdesk::models::demo::generateDemoData(target, options(50));
        QVERIFY(!refused);
        QCOMPARE(refused.error().code, DomainError::Code::WrongState);
        QCOMPARE(refused.error().entity, u"database"_s);
        QVERIFY(!refused.error().message.isEmpty());
        QCOMPARE(rentdesk::test::dumpDatabase(target), before);
    }

    void refusesOptionsOutOfRange_data()
    {
        QTest::addColumn<int>("apartments");
        QTest::addColumn<QDate>("date");
        QTest::addColumn<QString>("field");
        QTest::newRow("no apartments") << 0 << today << u"apartments"_s;
        QTest::newRow("negative") << -5 << today << u"apartments"_s;
        QTest::newRow("too many") << rentdesk::models::demo::maxDemoApartments + 1 << today << u"apartments"_s;
        QTest::newRow("no date") << 10 << QDate() << u"today"_s;
        QTest::newRow("year 10000 ahead") << 10 << QDate(9999, 12, 1) << u"today"_s;
    }

    void refusesOptionsOutOfRange()
    {
        QFETCH(int, apartments);
        QFETCH(QDate, date);
        QFETCH(QString, field);
        TempDatabase fresh;
        QVERIFY(fresh.isValid());
        const QStringList before = rentdesk::test::dumpDatabase(fresh.connection());
        DemoOptions wrong = options(apartments);
        wrong.today = date;
        const auto refused = rentdesk::models::demo::generateDemoData(fresh.connection(), wrong);
        QVERIFY(!refused);
        QCOMPARE(refused.error().code, DomainError::Code::InvalidValue);
        QCOMPARE(refused.error().field, field);
        QCOMPARE(rentdesk::test::dumpDatabase(fresh.connection()), before);
    }

    void emptyDatabaseHasNoData()
    {
        TempDatabase fresh;
        QVERIFY(fresh.isValid());
        const auto filled = rentdesk::models::demo::hasData(fresh.connection());
        QVERIFY(filled);
        QVERIFY(!*filled);
    }

    // Tiny and odd sizes keep every rule too: one building, landlords without spare
    // buildings, fewer apartments than the demo renter's stays.
    void anyScale_data()
    {
        QTest::addColumn<int>("apartments");
        for (const int n : { 1, 2, 5, 9, 21, 33, 150 })
            QTest::addRow("%d", n) << n;
    }

    void anyScale()
    {
        QFETCH(int, apartments);
        TempDatabase fresh;
        QVERIFY(fresh.isValid());
        const auto generated = rentdesk::models::demo::generateDemoData(fresh.connection(), options(apartments, 11));
        QVERIFY2(generated, qPrintable(generated ? QString() : generated.error().message));
        QCOMPARE(generated->apartments, apartments);
        QCOMPARE(generated->apartments, number(fresh.connection(), u"SELECT count(*) FROM apartments"_s));
        QCOMPARE(generated->bookings, number(fresh.connection(), u"SELECT count(*) FROM bookings"_s));
        QCOMPARE(generated->reviews, number(fresh.connection(), u"SELECT count(*) FROM reviews"_s));
        QVERIFY(generated->users >= 3);
        verifyConsistent(fresh.connection());
        QCOMPARE(schemaOf(fresh.connection()), schemaOf(db()));
    }
};

QTEST_GUILESS_MAIN(TestDemoGenerator)
#include "tst_demogenerator.moc"
