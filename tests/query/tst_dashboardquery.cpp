// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/db/database.h"
#include "models/db/query.h"
#include "models/demo/demogenerator.h"
#include "models/domain/storedvalues.h"
#include "models/query/dashboardquery.h"
#include "models/query/dashboardsql.h"
#include "tests/support/testsupport.h"

#include <QSqlQuery>
#include <QSqlRecord>
#include <QTest>

using namespace Qt::StringLiterals;
using rentdesk::models::query::DashboardQuery;
using rentdesk::models::query::MonthIncome;
using rentdesk::models::query::MonthOccupancy;
using rentdesk::models::query::StayMovement;
using rentdesk::models::services::DomainError;
using rentdesk::test::Rows;
using rentdesk::test::uuid;

namespace {

const QString landlord = uuid(1);
const QString otherLandlord = uuid(2);
const QString anna = uuid(3);
const QString boris = uuid(4);

QUuid idOf(const QString &stored)
{
    return rentdesk::models::domain::idFromStored(stored).value_or(QUuid());
}

// The figures recounted in SQL of the test's own, which walks every day (or every night of
// every stay) instead of clipping intervals, and reads ratings from the reviews themselves.
class Recount
{
public:
    explicit Recount(QSqlDatabase db)
        : m_db(std::move(db))
    {
    }

    QStringList run(const QString &sql, const QList<rentdesk::models::db::Binding> &bindings) const
    {
        QStringList rows;
        auto query = rentdesk::models::db::exec(m_db, sql, bindings);
        if (!query)
            return { u"error: "_s + query.error().detail };
        while (query->next()) {
            QStringList row;
            for (int i = 0; i < query->record().count(); ++i)
                row << query->value(i).toString();
            rows << row.join(u'|');
        }
        return rows;
    }

    // "YYYY-MM-01|occupied|available" for each month of [first, first + months).
    QStringList occupancy(const QString &owner, QDate first, int months) const
    {
        return run(u"WITH RECURSIVE days(d) AS (SELECT :from UNION ALL SELECT date(d, '+1 day') FROM days "
                   "WHERE date(d, '+1 day') < :to), "
                   "mine AS (SELECT id FROM apartments WHERE owner_id = :owner), "
                   "taken AS (SELECT d, (SELECT count(*) FROM bookings WHERE status IN ('confirmed', 'completed') "
                   "AND apartment_id IN (SELECT id FROM mine) AND start_date <= d AND d < end_date) AS n FROM days) "
                   "SELECT substr(d, 1, 7) || '-01', sum(n), count(*) * (SELECT count(*) FROM mine) FROM taken "
                   "GROUP BY substr(d, 1, 7) ORDER BY 1"_s,
                   { { u":from"_s, rentdesk::models::domain::toStoredDate(first) },
                     { u":to"_s, rentdesk::models::domain::toStoredDate(first.addMonths(months)) },
                     { u":owner"_s, owner } });
    }

    // "YYYY-MM-01|currency|amount": every night of every stay earns the rise of
    // round-half-up(total * nights so far / nights), computed with quotient and remainder.
    QStringList income(const QString &owner, QDate first, int months) const
    {
        return run(u"WITH RECURSIVE stays AS (SELECT b.total_price AS t, b.currency AS c, b.start_date AS s, "
                   "CAST(julianday(b.end_date) - julianday(b.start_date) AS INTEGER) AS n FROM bookings AS b "
                   "WHERE b.status IN ('confirmed', 'completed') "
                   "AND b.apartment_id IN (SELECT id FROM apartments WHERE owner_id = :owner)), "
                   "nights(t, c, n, j, d) AS (SELECT t, c, n, 0, s FROM stays "
                   "UNION ALL SELECT t, c, n, j + 1, date(d, '+1 day') FROM nights WHERE j + 1 < n), "
                   "earned AS (SELECT c, d, "
                   "(t * (j + 1) / n + (2 * (t * (j + 1) % n) >= n)) - (t * j / n + (2 * (t * j % n) >= n)) AS e "
                   "FROM nights) "
                   "SELECT substr(d, 1, 7) || '-01', c, sum(e) FROM earned WHERE d >= :from AND d < :to "
                   "GROUP BY 1, 2 ORDER BY 1, 2"_s,
                   { { u":from"_s, rentdesk::models::domain::toStoredDate(first) },
                     { u":to"_s, rentdesk::models::domain::toStoredDate(first.addMonths(months)) },
                     { u":owner"_s, owner } });
    }

    // "date|kind|booking" of one day, departures (0) then arrivals (1).
    QStringList movementsOn(const QString &owner, QDate day) const
    {
        const QString stays = u"FROM bookings WHERE status IN ('confirmed', 'completed') "
                              "AND apartment_id IN (SELECT id FROM apartments WHERE owner_id = :owner)"_s;
        return run(u"SELECT :day, 0, id "_s + stays + u" AND end_date = :day UNION ALL SELECT :day, 1, id "_s + stays
                       + u" AND start_date = :day ORDER BY 2, 3"_s,
                   { { u":day"_s, rentdesk::models::domain::toStoredDate(day) }, { u":owner"_s, owner } });
    }

    qint64 openRequests(const QString &owner, QDate today) const
    {
        return run(u"SELECT count(*) FROM bookings WHERE status = 'requested' AND start_date >= :today "
                   "AND apartment_id IN (SELECT id FROM apartments WHERE owner_id = :owner)"_s,
                   { { u":today"_s, rentdesk::models::domain::toStoredDate(today) }, { u":owner"_s, owner } })
            .value(0)
            .toLongLong();
    }

    // "landlord sum|count|apartments sum|count|apartments" from the reviews.
    QString ratings(const QString &owner) const
    {
        return run(u"SELECT (SELECT total(rating) FROM reviews WHERE kind = 'landlord' AND target_user_id = :owner), "
                   "(SELECT count(*) FROM reviews WHERE kind = 'landlord' AND target_user_id = :owner), "
                   "(SELECT total(rating) FROM reviews WHERE kind = 'apartment' AND target_apartment_id IN "
                   "(SELECT id FROM apartments WHERE owner_id = :owner)), "
                   "(SELECT count(*) FROM reviews WHERE kind = 'apartment' AND target_apartment_id IN "
                   "(SELECT id FROM apartments WHERE owner_id = :owner)), "
                   "(SELECT count(*) FROM apartments WHERE owner_id = :owner)"_s,
                   { { u":owner"_s, owner } })
            .value(0)
            .replace(u".0"_s, QString());
    }

private:
    QSqlDatabase m_db;
};

QStringList asRows(const QList<MonthOccupancy> &months)
{
    QStringList rows;
    for (const MonthOccupancy &m : months) {
        rows << u"%1|%2|%3"_s.arg(rentdesk::models::domain::toStoredDate(m.month))
                    .arg(m.occupiedNights)
                    .arg(m.availableNights);
    }
    return rows;
}

QStringList asRows(const QList<MonthIncome> &income)
{
    QStringList rows;
    for (const MonthIncome &m : income)
        rows << u"%1|%2|%3"_s.arg(rentdesk::models::domain::toStoredDate(m.month), m.currency).arg(m.amount);
    return rows;
}

QStringList asRows(const QList<StayMovement> &movements)
{
    QStringList rows;
    for (const StayMovement &m : movements) {
        rows << u"%1|%2|%3"_s.arg(rentdesk::models::domain::toStoredDate(m.date))
                    .arg(m.kind == StayMovement::Kind::Departure ? 0 : 1)
                    .arg(rentdesk::models::domain::toStoredId(m.bookingId));
    }
    return rows;
}

} // namespace

// The landlord's dashboard figures: exact on a small case worked out by hand, and equal to a
// recount in SQL written separately on the demo data for several landlords.
class TestDashboardQuery : public QObject
{
    Q_OBJECT

private slots:
    // Today is 10 March 2026; the landlord has three apartments (two in roubles, one in euros),
    // another landlord one. Every kind of stay that must not count is there too.
    void figuresOfAWorkedExample()
    {
        rentdesk::test::TempDatabase db;
        QVERIFY2(db.isValid(), qPrintable(db.errorMessage()));
        Rows rows(db.connection());
        QCOMPARE(rows.landlord(landlord, { { u"rating_sum"_s, 9 }, { u"rating_count"_s, 2 } }), QString());
        QCOMPARE(rows.landlord(otherLandlord), QString());
        QCOMPARE(rows.renter(anna, { { u"display_name"_s, u"Anna"_s } }), QString());
        QCOMPARE(rows.renter(boris, { { u"display_name"_s, u"Boris"_s } }), QString());
        QCOMPARE(rows.building(uuid(10), landlord), QString());
        QCOMPARE(rows.building(uuid(11), landlord, { { u"name"_s, u"Nevsky Court"_s } }), QString());
        QCOMPARE(rows.building(uuid(12), otherLandlord), QString());
        const QString a1 = uuid(20), a2 = uuid(21), a3 = uuid(22), a4 = uuid(23);
        QCOMPARE(rows.apartment(a1, uuid(10), landlord,
                                { { u"number"_s, u"1"_s }, { u"rating_sum"_s, 5 }, { u"rating_count"_s, 1 } }),
                 QString());
        QCOMPARE(rows.apartment(a2, uuid(10), landlord,
                                { { u"number"_s, u"2"_s },
                                  { u"currency"_s, u"EUR"_s },
                                  { u"rating_sum"_s, 8 },
                                  { u"rating_count"_s, 2 } }),
                 QString());
        QCOMPARE(rows.apartment(a3, uuid(11), landlord, { { u"number"_s, u"7"_s } }), QString());
        QCOMPARE(rows.apartment(a4, uuid(12), otherLandlord, { { u"rating_sum"_s, 4 }, { u"rating_count"_s, 1 } }),
                 QString());
        const auto stay = [&](int id, const QString &apartment, const QString &renter, const char *start,
                              const char *end, const char *status, qint64 total, const char *currency = "RUB") {
            return rows.booking(uuid(id), apartment, renter, QString::fromLatin1(start), QString::fromLatin1(end),
                                QString::fromLatin1(status),
                                { { u"total_price"_s, total }, { u"currency"_s, QString::fromLatin1(currency) } });
        };
        QCOMPARE(stay(30, a1, anna, "2026-01-28", "2026-02-03", "completed", 600), QString()); // 4 + 2 nights
        QCOMPARE(stay(31, a2, boris, "2026-02-20", "2026-05-05", "confirmed", 1000, "EUR"), QString()); // 74 nights
        QCOMPARE(stay(32, a3, anna, "2026-03-10", "2026-03-15", "confirmed", 500), QString()); // arrives today
        QCOMPARE(stay(33, a1, boris, "2026-03-20", "2026-03-24", "confirmed", 400), QString()); // leaves on day 14
        QCOMPARE(stay(34, a1, anna, "2026-03-24", "2026-03-26", "requested", 200), QString()); // open
        QCOMPARE(stay(35, a3, boris, "2026-03-05", "2026-03-08", "requested", 300), QString()); // too late to decide
        QCOMPARE(stay(36, a3, boris, "2026-04-01", "2026-04-03", "declined", 200), QString());
        QCOMPARE(stay(37, a2, anna, "2026-03-12", "2026-03-14", "cancelled", 200, "EUR"), QString());
        QCOMPARE(stay(38, a4, anna, "2026-03-01", "2026-03-11", "confirmed", 900), QString()); // not theirs

        const DashboardQuery query(db.shared());
        const QDate today(2026, 3, 10);
        auto dashboard = query.dashboard(idOf(landlord), today, 5, 2); // January to May
        QVERIFY2(dashboard, qPrintable(dashboard ? QString() : dashboard.error().message));
        QCOMPARE(asRows(dashboard->occupancy),
                 QStringList({ u"2026-01-01|4|93"_s, u"2026-02-01|11|84"_s, u"2026-03-01|40|93"_s,
                               u"2026-04-01|30|90"_s, u"2026-05-01|4|93"_s }));
        QCOMPARE(dashboard->occupancy[2].ratio(), 40.0 / 93.0);
        // The euro stay earned round(1000 * 9 / 74) = 122 by 1 March, 541 by 1 April and
        // 946 by 1 May: 122, 419, 405 and 54, which add up to 1000.
        QCOMPARE(asRows(dashboard->income),
                 QStringList({ u"2026-01-01|RUB|400"_s, u"2026-02-01|EUR|122"_s, u"2026-02-01|RUB|200"_s,
                               u"2026-03-01|EUR|419"_s, u"2026-03-01|RUB|900"_s, u"2026-04-01|EUR|405"_s,
                               u"2026-05-01|EUR|54"_s }));
        QCOMPARE(asRows(dashboard->movements),
                 QStringList(
                     { u"2026-03-10|1|"_s + uuid(32), u"2026-03-15|0|"_s + uuid(32), u"2026-03-20|1|"_s + uuid(33) }));
        const StayMovement &arrival = dashboard->movements.first();
        QCOMPARE(arrival.apartmentNumber, u"7"_s);
        QCOMPARE(arrival.buildingName, u"Nevsky Court"_s);
        QCOMPARE(arrival.renterName, u"Anna"_s);
        QCOMPARE(dashboard->openRequests, 1);
        QCOMPARE(dashboard->ratings.landlord, (rentdesk::models::domain::Rating { 9, 2 }));
        QCOMPARE(dashboard->ratings.apartments, (rentdesk::models::domain::Rating { 13, 3 }));
        QCOMPARE(dashboard->ratings.apartmentCount, 3);

        // The recount agrees on the worked example too (it is the oracle of the next test).
        const Recount recount(db.connection());
        QCOMPARE(recount.occupancy(landlord, QDate(2026, 1, 1), 5), asRows(dashboard->occupancy));
        QCOMPARE(recount.income(landlord, QDate(2026, 1, 1), 5), asRows(dashboard->income));

        // Only a landlord has a dashboard; months are bounded.
        auto renters = query.dashboard(idOf(anna), today, 5, 2);
        QVERIFY(!renters);
        QCOMPARE(renters.error().code, DomainError::Code::NotAllowed);
        QCOMPARE(query.dashboard(QUuid::createUuid(), today, 5, 2).error().code, DomainError::Code::NotAllowed);
        for (const auto &[months, ahead] : { std::pair { 0, 0 }, std::pair { 37, 2 }, std::pair { 5, 5 } }) {
            auto refused = query.dashboard(idOf(landlord), today, months, ahead);
            QVERIFY(!refused);
            QCOMPARE(refused.error().code, DomainError::Code::InvalidValue);
            QCOMPARE(refused.error().field, u"months"_s);
        }
    }

    // On the demo data (300 apartments, a few thousand stays around today), for the five
    // landlords with the most stays and for one with none: every figure equals its recount.
    void figuresEqualTheirRecountOnDemoData()
    {
        rentdesk::test::TempDatabase db;
        QVERIFY2(db.isValid(), qPrintable(db.errorMessage()));
        const QDate today(2026, 6, 15);
        rentdesk::models::demo::DemoOptions options;
        options.apartments = 300;
        options.today = today;
        QVERIFY(rentdesk::models::demo::generateDemoData(db.connection(), options));
        Recount recount(db.connection());
        QStringList landlords =
            recount.run(u"SELECT a.owner_id FROM apartments AS a JOIN bookings AS b ON b.apartment_id = a.id "
                        "GROUP BY a.owner_id ORDER BY count(*) DESC, a.owner_id LIMIT 5"_s,
                        {});
        QCOMPARE(landlords.size(), 5);
        Rows rows(db.connection());
        QCOMPARE(rows.landlord(uuid(99)), QString()); // no apartments at all
        landlords << uuid(99);

        const DashboardQuery query(db.shared());
        const QDate first(2025, 6, 1);
        qint64 nightsSeen = 0;
        qint64 movementsSeen = 0;
        for (const QString &owner : std::as_const(landlords)) {
            auto dashboard = query.dashboard(idOf(owner), today, 24, 11); // June 2025 to May 2027
            QVERIFY2(dashboard, qPrintable(dashboard ? QString() : dashboard.error().message));
            QCOMPARE(dashboard->occupancy.size(), 24);
            QCOMPARE(dashboard->occupancy.first().month, first);
            QCOMPARE(asRows(dashboard->occupancy), recount.occupancy(owner, first, 24));
            QCOMPARE(asRows(dashboard->income), recount.income(owner, first, 24));
            QStringList movements;
            for (int day = 0; day < DashboardQuery::MovementDays; ++day)
                movements << recount.movementsOn(owner, today.addDays(day));
            QCOMPARE(asRows(dashboard->movements), movements);
            QCOMPARE(dashboard->openRequests, recount.openRequests(owner, today));
            const auto &r = dashboard->ratings;
            QCOMPARE(u"%1|%2|%3|%4|%5"_s.arg(r.landlord.sum)
                         .arg(r.landlord.count)
                         .arg(r.apartments.sum)
                         .arg(r.apartments.count)
                         .arg(r.apartmentCount),
                     recount.ratings(owner));
            for (const MonthOccupancy &m : std::as_const(dashboard->occupancy))
                nightsSeen += m.occupiedNights;
            movementsSeen += dashboard->movements.size();
        }
        // Requests are counted per apartment: never through the index of every request in the
        // database by date (bookings_status_idx), which for a landlord of 100 apartments among
        // 200 000 took seconds (rentdesk-bench's dashboard_ms).
        const auto statement = rentdesk::models::query::detail::openRequestsStatement(idOf(landlords.first()), today);
        auto plan =
            rentdesk::models::db::exec(db.connection(), u"EXPLAIN QUERY PLAN "_s + statement.sql, statement.bindings);
        QVERIFY(plan);
        QString steps;
        while (plan->next())
            steps += plan->value(3).toString() + u'\n';
        QVERIFY2(steps.contains(u"bookings_apartment_dates_idx (apartment_id=? AND start_date>?)"_s),
                 qPrintable(steps));
        QVERIFY2(!steps.contains(u"bookings_status_idx"_s), qPrintable(steps));

        // The comparison was of something: the demo's stays fill these months.
        QVERIFY2(nightsSeen > 1000, qPrintable(QString::number(nightsSeen)));
        QVERIFY2(movementsSeen > 0, qPrintable(QString::number(movementsSeen)));
    }
};

QTEST_GUILESS_MAIN(TestDashboardQuery)
#include "tst_dashboardquery.moc"
