// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/db/query.h"
#include "models/domain/storedvalues.h"
#include "models/query/apartmentquery.h"
#include "models/query/apartmentsql.h"
#include "models/query/searchindex.h"
#include "models/query/searchtext.h"
#include "tests/support/testsupport.h"

#include <QTest>

#include <algorithm>
#include <cmath>
#include <limits>

using namespace Qt::StringLiterals;
using rentdesk::models::domain::ApartmentStatus;
using rentdesk::models::query::ApartmentColumn;
using rentdesk::models::query::ApartmentFilter;
using rentdesk::models::query::ApartmentQuery;
using rentdesk::models::query::ApartmentSort;
using rentdesk::models::services::DomainError;
using rentdesk::test::Rows;
using rentdesk::test::uuid;

Q_DECLARE_METATYPE(ApartmentFilter)
Q_DECLARE_METATYPE(ApartmentSort)

namespace {

// A small city of listings with known answers. Ties on purpose: three apartments at
// 45 000 RUB, two of 55 m², several with two rooms, equal averages (9/2 and 9/2).
struct BuildingSpec
{
    int n;
    int owner;
    QString name, address, city;
};

struct ApartmentSpec
{
    int n;
    int building;
    QString number;
    int floor;
    int rooms;
    double area;
    qint64 price;
    QString currency;
    QString status;
    int bookedBy; // 0: nobody
    bool furnished;
    bool pets;
    QString description;
    int ratingSum, ratingCount;
    int createdDay; // January 2026

    QString id() const { return uuid(100 + n); }
    int owner() const;
    const BuildingSpec &home() const;
};

struct StaySpec
{
    int apartment;
    QString start, end, status;
};

const int irina = 1, tom = 2, petr = 3, ann = 4;

const QList<BuildingSpec> buildings = {
    { 10, irina, u"Дом на Баумана"_s, u"ул. Баумана, 12"_s, u"Казань"_s },
    { 11, irina, u"Зелёный двор"_s, u"ул. Зелёная, 5"_s, u"Казань"_s },
    { 12, tom, u"Harbour View"_s, u"3 Quay Street"_s, u"London"_s },
    { 13, tom, u"Café Corner"_s, u"10 Market Square"_s, u"Manchester"_s },
    { 14, irina, u"Невский дом"_s, u"Невский проспект, 1"_s, u"Санкт-Петербург"_s },
    { 15, irina, u"Пустой дом"_s, u"ул. Ленина, 1"_s, u"Екатеринбург"_s }, // no apartments
};

const QList<ApartmentSpec> apartments = {
    { 1, 10, u"1"_s, 1, 1, 30.5, 2500000, u"RUB"_s, u"free"_s, 0, false, false, u"Уютная студия у метро."_s, 0, 0, 1 },
    { 2, 10, u"2"_s, 2, 2, 45.0, 4500000, u"RUB"_s, u"free"_s, 0, true, false, u"Светлая квартира с видом на парк."_s,
      9, 2, 2 },
    { 3, 10, u"10"_s, 3, 2, 52.0, 4500000, u"RUB"_s, u"booked"_s, petr, true, true, u"Кухня-гостиная, ёлка во дворе."_s,
      13, 3, 3 },
    { 4, 10, u"12B"_s, 5, 3, 78.5, 6500000, u"RUB"_s, u"rented"_s, ann, false, true, u"Панорамные окна, вид на реку."_s,
      5, 1, 4 },
    { 5, 11, u"1"_s, 1, 1, 28.0, 2200000, u"RUB"_s, u"free"_s, 0, false, false, u""_s, 4, 1, 5 },
    { 6, 11, u"2"_s, 2, 3, 70.0, 5500000, u"RUB"_s, u"free"_s, 0, true, true, u"Тихий двор, рядом парк."_s, 0, 0, 6 },
    { 7, 11, u"3"_s, 4, 4, 95.0, 9000000, u"RUB"_s, u"free"_s, 0, true, false, u"Большая квартира для семьи."_s, 8, 2,
      7 },
    { 8, 12, u"12B"_s, 12, 2, 64.25, 250000, u"GBP"_s, u"free"_s, 0, true, true, u"Top floor, river view."_s, 5, 1, 8 },
    { 9, 12, u"1"_s, 1, 1, 35.0, 150000, u"GBP"_s, u"free"_s, 0, false, false,
      u"Compact studio near the River Thames."_s, 0, 0, 9 },
    { 10, 12, u"2"_s, 3, 3, 90.0, 400000, u"GBP"_s, u"booked"_s, petr, true, true, u"Family flat with a garden."_s, 14,
      3, 10 },
    { 11, 13, u"A"_s, 1, 2, 55.0, 180000, u"GBP"_s, u"free"_s, 0, false, true,
      u"Café downstairs; résumé of the area: lively."_s, 3, 1, 11 },
    { 12, 13, u"B"_s, 2, 2, 55.0, 180000, u"GBP"_s, u"free"_s, 0, true, false, u"Quiet, bright, newly renovated."_s, 6,
      2, 12 },
    { 13, 14, u"1"_s, 6, 2, 60.0, 7000000, u"RUB"_s, u"free"_s, 0, true, false, u"Вид на Неву."_s, 10, 2, 13 },
    { 14, 14, u"2"_s, 6, 5, 150.0, 15000000, u"RUB"_s, u"free"_s, 0, true, true,
      u"Историческая квартира, высокие потолки."_s, 0, 0, 14 },
    { 15, 14, u"3"_s, 7, 2, 45.0, 4500000, u"RUB"_s, u"free"_s, 0, false, false,
      u"Светлая, NOT OR AND \"quoted\" words."_s, 9, 2, 15 },
};

// Only confirmed and completed stays occupy an apartment; stays are half-open.
const QList<StaySpec> stays = {
    { 2, u"2026-03-01"_s, u"2026-03-10"_s, u"confirmed"_s },  { 3, u"2026-02-20"_s, u"2026-03-02"_s, u"completed"_s },
    { 5, u"2026-03-01"_s, u"2026-03-10"_s, u"requested"_s },  { 5, u"2026-03-02"_s, u"2026-03-09"_s, u"declined"_s },
    { 5, u"2026-03-03"_s, u"2026-03-08"_s, u"cancelled"_s },  { 6, u"2026-03-10"_s, u"2026-03-20"_s, u"confirmed"_s },
    { 7, u"2026-02-01"_s, u"2026-03-01"_s, u"confirmed"_s },  { 13, u"2026-03-05"_s, u"2026-03-06"_s, u"confirmed"_s },
    { 14, u"2026-02-01"_s, u"2026-04-01"_s, u"confirmed"_s },
};

const BuildingSpec &ApartmentSpec::home() const
{
    return *std::find_if(buildings.cbegin(), buildings.cend(), [&](const BuildingSpec &b) { return b.n == building; });
}

int ApartmentSpec::owner() const
{
    return home().owner;
}

QString ownerName(int owner)
{
    return owner == irina ? u"Ирина Соколова"_s : u"Tom Baker"_s;
}

QString created(int day)
{
    return u"2026-01-%1T10:00:00.000Z"_s.arg(day, 2, 10, QLatin1Char('0'));
}

// --- The oracle: what each filter and sort means, written plainly in C++. ---

bool occupied(const ApartmentSpec &a, QDate from, QDate to)
{
    return std::any_of(stays.cbegin(), stays.cend(), [&](const StaySpec &s) {
        return s.apartment == a.n && (s.status == u"confirmed"_s || s.status == u"completed"_s)
            && QDate::fromString(s.start, Qt::ISODate) < to && from < QDate::fromString(s.end, Qt::ISODate);
    });
}

bool matches(const ApartmentSpec &a, const ApartmentFilter &f)
{
    const auto outside = [](auto value, const auto &min, const auto &max) {
        return (min && value < *min) || (max && value > *max);
    };
    if (!f.city.trimmed().isEmpty() && a.home().city != f.city)
        return false;
    if (!f.currency.isEmpty() && a.currency != f.currency)
        return false;
    if (outside(a.price, f.minPrice, f.maxPrice) || outside(a.rooms, f.minRooms, f.maxRooms)
        || outside(a.area, f.minArea, f.maxArea))
        return false;
    if (f.status && rentdesk::models::domain::toCode(*f.status) != a.status)
        return false;
    if (f.freeFrom && occupied(a, *f.freeFrom, *f.freeTo))
        return false;
    if (f.minRating && (a.ratingCount == 0 || double(a.ratingSum) / a.ratingCount < *f.minRating - 1e-9))
        return false;
    if ((f.furnished && *f.furnished != a.furnished) || (f.petsAllowed && *f.petsAllowed != a.pets))
        return false;
    if (f.ownerId && *f.ownerId != QUuid::fromString(uuid(a.owner())))
        return false;
    return true;
}

int leadingNumber(const QString &number)
{
    int value = 0;
    for (const QChar c : number) {
        if (!c.isDigit())
            break;
        value = value * 10 + c.digitValue();
    }
    return value;
}

// < 0, 0, > 0 as a sorts before, with, after b on the column alone (ascending).
int compareColumn(const ApartmentSpec &a, const ApartmentSpec &b, ApartmentColumn column)
{
    const auto cmp = [](const auto &x, const auto &y) {
        return x < y ? -1 : (y < x ? 1 : 0);
    };
    const auto statusRank = [](const QString &s) {
        return s == u"free"_s ? 0 : (s == u"booked"_s ? 1 : 2);
    };
    switch (column) {
    case ApartmentColumn::Number:
        if (int c = cmp(leadingNumber(a.number), leadingNumber(b.number)))
            return c;
        return cmp(a.number, b.number);
    case ApartmentColumn::Building:
        return cmp(a.home().name, b.home().name);
    case ApartmentColumn::Address:
        return cmp(a.home().address, b.home().address);
    case ApartmentColumn::City:
        return cmp(a.home().city, b.home().city);
    case ApartmentColumn::Floor:
        return cmp(a.floor, b.floor);
    case ApartmentColumn::Rooms:
        return cmp(a.rooms, b.rooms);
    case ApartmentColumn::Area:
        return cmp(a.area, b.area);
    case ApartmentColumn::Price:
        if (int c = cmp(a.currency, b.currency))
            return c;
        return cmp(a.price, b.price);
    case ApartmentColumn::Status:
        return cmp(statusRank(a.status), statusRank(b.status));
    case ApartmentColumn::Rating:
        return cmp(qint64(a.ratingSum) * b.ratingCount, qint64(b.ratingSum) * a.ratingCount);
    case ApartmentColumn::Furnished:
        return cmp(a.furnished, b.furnished);
    case ApartmentColumn::PetsAllowed:
        return cmp(a.pets, b.pets);
    case ApartmentColumn::Created:
        return cmp(a.createdDay, b.createdDay);
    }
    return 0;
}

QStringList expectedOrder(const ApartmentFilter &filter, const ApartmentSort &sort)
{
    QList<ApartmentSpec> list;
    for (const ApartmentSpec &a : apartments) {
        if (matches(a, filter))
            list.append(a);
    }
    const bool ascending = sort.order == Qt::AscendingOrder;
    std::sort(list.begin(), list.end(), [&](const ApartmentSpec &a, const ApartmentSpec &b) {
        if (sort.column == ApartmentColumn::Rating && (a.ratingCount == 0) != (b.ratingCount == 0))
            return b.ratingCount == 0; // unrated last, in both orders
        int c = (sort.column == ApartmentColumn::Rating && a.ratingCount == 0) ? 0 : compareColumn(a, b, sort.column);
        if (c == 0)
            c = a.id() < b.id() ? -1 : (a.id() > b.id() ? 1 : 0);
        return ascending ? c < 0 : c > 0;
    });
    QStringList ids;
    for (const ApartmentSpec &a : std::as_const(list))
        ids.append(a.id());
    return ids;
}

QStringList idsOf(const QList<rentdesk::models::query::ApartmentRow> &rows)
{
    QStringList ids;
    for (const auto &row : rows)
        ids.append(rentdesk::models::domain::toStoredId(row.apartment.id));
    return ids;
}

QStringList apartmentIds(std::initializer_list<int> numbers)
{
    QStringList ids;
    for (int n : numbers)
        ids.append(uuid(100 + n));
    ids.sort();
    return ids;
}

ApartmentFilter priceRange(const QString &currency, std::optional<qint64> min, std::optional<qint64> max)
{
    ApartmentFilter f;
    f.currency = currency;
    f.minPrice = min;
    f.maxPrice = max;
    return f;
}

ApartmentFilter freeBetween(QDate from, QDate to)
{
    ApartmentFilter f;
    f.freeFrom = from;
    f.freeTo = to;
    return f;
}

const double notANumber = std::numeric_limits<double>::quiet_NaN();
const double infinity = std::numeric_limits<double>::infinity();

template<typename T> DomainError errorOf(const rentdesk::models::services::Result<T> &result)
{
    return result ? DomainError() : result.error();
}

// The filter of the benchmark: a city, a price range, at least two rooms, free dates.
ApartmentFilter benchmarkFilter()
{
    ApartmentFilter f = priceRange(u"RUB"_s, 3000000, 6000000);
    f.city = u"Казань"_s;
    f.minRooms = 2;
    f.freeFrom = QDate(2026, 3, 1);
    f.freeTo = QDate(2026, 3, 10);
    return f;
}

} // namespace

class TestApartmentQuery : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<rentdesk::test::TempDatabase> m_db;
    std::unique_ptr<ApartmentQuery> m_query;

    QStringList fetchAll(const ApartmentFilter &filter, const ApartmentSort &sort = {}) const
    {
        auto rows = m_query->fetch(filter, sort, 0, ApartmentQuery::MaxLimit);
        if (!rows) {
            qWarning() << "fetch failed:" << rows.error().field << rows.error().message;
            return { u"<error>"_s };
        }
        return idsOf(*rows);
    }

    QStringList found(const QString &text, ApartmentFilter filter = {}) const
    {
        filter.text = text;
        QStringList ids = fetchAll(filter);
        ids.sort();
        return ids;
    }

    // The plan of a statement, one line per step.
    QStringList planOf(const rentdesk::models::query::detail::Statement &statement) const
    {
        auto plan = rentdesk::models::db::exec(m_db->connection(), u"EXPLAIN QUERY PLAN "_s + statement.sql,
                                               statement.bindings);
        if (!plan)
            return { u"error: "_s + plan.error().detail };
        QStringList lines;
        while (plan->next())
            lines.append(plan->value(3).toString());
        return lines;
    }

    QStringList runStatement(const rentdesk::models::query::detail::Statement &statement) const
    {
        auto query = rentdesk::models::db::exec(m_db->connection(), statement.sql, statement.bindings);
        if (!query)
            return { u"error: "_s + query.error().detail };
        QStringList values;
        while (query->next())
            values.append(query->value(0).toString());
        return values;
    }

private Q_SLOTS:
    void initTestCase()
    {
        qRegisterMetaType<ApartmentFilter>();
        qRegisterMetaType<ApartmentSort>();
    }

    void init()
    {
        m_db = std::make_unique<rentdesk::test::TempDatabase>();
        QVERIFY2(m_db->isValid(), qPrintable(m_db->errorMessage()));
        m_query = std::make_unique<ApartmentQuery>(m_db->shared());
        Rows r(m_db->connection());
        QCOMPARE(r.landlord(uuid(irina), { { u"display_name"_s, ownerName(irina) } }), QString());
        QCOMPARE(r.landlord(uuid(tom), { { u"display_name"_s, ownerName(tom) } }), QString());
        QCOMPARE(r.renter(uuid(petr)), QString());
        QCOMPARE(r.renter(uuid(ann)), QString());
        for (const BuildingSpec &b : buildings) {
            QCOMPARE(r.building(uuid(b.n), uuid(b.owner),
                                { { u"name"_s, b.name }, { u"address"_s, b.address }, { u"city"_s, b.city } }),
                     QString());
        }
        // Inserted out of id order, so that rowid order cannot stand in for the id as the
        // tie-breaker of a sort.
        for (int i = 0; i < apartments.size(); ++i) {
            const ApartmentSpec &a = apartments.at((i * 7) % apartments.size());
            QCOMPARE(r.apartment(a.id(), uuid(a.building), uuid(a.owner()),
                                 { { u"number"_s, a.number },
                                   { u"floor"_s, a.floor },
                                   { u"rooms"_s, a.rooms },
                                   { u"area"_s, a.area },
                                   { u"monthly_price"_s, a.price },
                                   { u"currency"_s, a.currency },
                                   { u"status"_s, a.status },
                                   { u"booked_by"_s, a.bookedBy ? QVariant(uuid(a.bookedBy)) : QVariant() },
                                   { u"furnished"_s, int(a.furnished) },
                                   { u"pets_allowed"_s, int(a.pets) },
                                   { u"description"_s, a.description },
                                   { u"rating_sum"_s, a.ratingSum },
                                   { u"rating_count"_s, a.ratingCount },
                                   { u"created_at"_s, created(a.createdDay) },
                                   { u"updated_at"_s, created(a.createdDay) } }),
                     QString());
        }
        int n = 200;
        for (const StaySpec &s : stays)
            QCOMPARE(r.booking(uuid(n++), uuid(100 + s.apartment), uuid(petr), s.start, s.end, s.status), QString());
    }

    void cleanup()
    {
        m_query.reset();
        m_db.reset();
    }

    void rowCarriesEveryField()
    {
        ApartmentFilter filter;
        filter.status = ApartmentStatus::Booked;
        filter.city = u"Казань"_s;
        auto rows = m_query->fetch(filter, {}, 0, 10);
        QVERIFY(rows);
        QCOMPARE(rows->size(), 1);
        const auto &row = rows->constFirst();
        const auto &a = row.apartment;
        QCOMPARE(a.id, QUuid::fromString(uuid(103)));
        QCOMPARE(a.buildingId, QUuid::fromString(uuid(10)));
        QCOMPARE(a.ownerId, QUuid::fromString(uuid(irina)));
        QCOMPARE(a.number, u"10"_s);
        QCOMPARE(a.floor, 3);
        QCOMPARE(a.rooms, 2);
        QCOMPARE(a.areaSqm, 52.0);
        QCOMPARE(a.monthlyPrice, (rentdesk::models::domain::Money { 4500000, u"RUB"_s }));
        QCOMPARE(a.status, ApartmentStatus::Booked);
        QCOMPARE(a.statusManual, false);
        QCOMPARE(a.bookedBy, std::optional<QUuid>(QUuid::fromString(uuid(petr))));
        QCOMPARE(a.furnished, true);
        QCOMPARE(a.petsAllowed, true);
        QCOMPARE(a.description, u"Кухня-гостиная, ёлка во дворе."_s);
        QCOMPARE(a.rating, (rentdesk::models::domain::Rating { 13, 3 }));
        QCOMPARE(a.createdAt, QDateTime(QDate(2026, 1, 3), QTime(10, 0), Qt::UTC));
        QCOMPARE(a.updatedAt, a.createdAt);
        QCOMPARE(row.buildingName, u"Дом на Баумана"_s);
        QCOMPARE(row.address, u"ул. Баумана, 12"_s);
        QCOMPARE(row.city, u"Казань"_s);
        QCOMPARE(row.ownerName, u"Ирина Соколова"_s);
    }

    void filtersMatchTheOracleAndCountAgrees_data()
    {
        QTest::addColumn<ApartmentFilter>("filter");
        QTest::addColumn<int>("expectedCount"); // written out, so that the oracle is checked too
        const auto with = [](auto change) {
            ApartmentFilter f;
            change(f);
            return f;
        };
        QTest::newRow("everything") << ApartmentFilter() << 15;
        QTest::newRow("city") << with([](auto &f) { f.city = u"Казань"_s; }) << 7;
        QTest::newRow("city, latin") << with([](auto &f) { f.city = u"London"_s; }) << 3;
        QTest::newRow("city is exact") << with([](auto &f) { f.city = u"казань"_s; }) << 0;
        QTest::newRow("city with no apartments") << with([](auto &f) { f.city = u"Екатеринбург"_s; }) << 0;
        QTest::newRow("blank city: any") << with([](auto &f) { f.city = u"  "_s; }) << 15;
        QTest::newRow("currency alone") << with([](auto &f) { f.currency = u"GBP"_s; }) << 5;
        QTest::newRow("min price") << priceRange(u"RUB"_s, 4500000, {}) << 8;
        QTest::newRow("max price") << priceRange(u"RUB"_s, {}, 4500000) << 5;
        QTest::newRow("price equal bounds") << priceRange(u"RUB"_s, 4500000, 4500000) << 3;
        QTest::newRow("price in pounds") << priceRange(u"GBP"_s, 150000, 250000) << 4;
        QTest::newRow("price range without matches") << priceRange(u"EUR"_s, 0, 99999999) << 0;
        QTest::newRow("min rooms") << with([](auto &f) { f.minRooms = 3; }) << 5;
        QTest::newRow("max rooms") << with([](auto &f) { f.maxRooms = 1; }) << 3;
        QTest::newRow("rooms range") << with([](auto &f) {
            f.minRooms = 2;
            f.maxRooms = 2;
        }) << 7;
        QTest::newRow("min area") << with([](auto &f) { f.minArea = 55.0; }) << 9;
        QTest::newRow("max area") << with([](auto &f) { f.maxArea = 45.0; }) << 5;
        QTest::newRow("area range") << with([](auto &f) {
            f.minArea = 45.0;
            f.maxArea = 64.25;
        }) << 7;
        QTest::newRow("status free") << with([](auto &f) { f.status = ApartmentStatus::Free; }) << 12;
        QTest::newRow("status booked") << with([](auto &f) { f.status = ApartmentStatus::Booked; }) << 2;
        QTest::newRow("status rented") << with([](auto &f) { f.status = ApartmentStatus::Rented; }) << 1;
        QTest::newRow("free in early March") << freeBetween(QDate(2026, 3, 1), QDate(2026, 3, 10)) << 11;
        QTest::newRow("free from 10 March") << freeBetween(QDate(2026, 3, 10), QDate(2026, 3, 20)) << 13;
        QTest::newRow("free in late February") << freeBetween(QDate(2026, 2, 20), QDate(2026, 3, 1)) << 12;
        QTest::newRow("free on one night") << freeBetween(QDate(2026, 3, 5), QDate(2026, 3, 6)) << 12;
        QTest::newRow("free far ahead") << freeBetween(QDate(2027, 1, 1), QDate(2027, 2, 1)) << 15;
        QTest::newRow("min rating 4.5") << with([](auto &f) { f.minRating = 4.5; }) << 6;
        QTest::newRow("min rating 1: rated only") << with([](auto &f) { f.minRating = 1; }) << 11;
        QTest::newRow("min rating 5") << with([](auto &f) { f.minRating = 5; }) << 3;
        QTest::newRow("furnished") << with([](auto &f) { f.furnished = true; }) << 9;
        QTest::newRow("not furnished") << with([](auto &f) { f.furnished = false; }) << 6;
        QTest::newRow("pets") << with([](auto &f) { f.petsAllowed = true; }) << 7;
        QTest::newRow("no pets") << with([](auto &f) { f.petsAllowed = false; }) << 8;
        QTest::newRow("owner irina") << with([](auto &f) { f.ownerId = QUuid::fromString(uuid(irina)); }) << 10;
        QTest::newRow("owner tom") << with([](auto &f) { f.ownerId = QUuid::fromString(uuid(tom)); }) << 5;
        QTest::newRow("owner without listings")
            << with([](auto &f) { f.ownerId = QUuid::fromString(uuid(petr)); }) << 0;
        QTest::newRow("benchmark filter") << benchmarkFilter() << 1;
        QTest::newRow("owner, furnished, rooms") << with([](auto &f) {
            f.ownerId = QUuid::fromString(uuid(irina));
            f.furnished = true;
            f.minRooms = 2;
        }) << 6;
        QTest::newRow("london, pets, free") << with([](auto &f) {
            f = freeBetween(QDate(2026, 3, 1), QDate(2026, 3, 10));
            f.city = u"London"_s;
            f.petsAllowed = true;
        }) << 2;
        QTest::newRow("all at once") << with([](auto &f) {
            f = priceRange(u"RUB"_s, 4000000, 8000000);
            f.city = u"Казань"_s;
            f.minRooms = 2;
            f.maxRooms = 3;
            f.minArea = 40;
            f.maxArea = 80;
            f.status = ApartmentStatus::Free;
            f.freeFrom = QDate(2026, 3, 10);
            f.freeTo = QDate(2026, 3, 12);
            f.minRating = 4;
            f.furnished = true;
            f.petsAllowed = false;
            f.ownerId = QUuid::fromString(uuid(irina));
        }) << 1;
    }

    void filtersMatchTheOracleAndCountAgrees()
    {
        QFETCH(ApartmentFilter, filter);
        QFETCH(int, expectedCount);
        const QStringList expected = expectedOrder(filter, {});
        QCOMPARE(expected.size(), expectedCount);
        QCOMPARE(fetchAll(filter), expected);
        auto counted = m_query->count(filter);
        QVERIFY2(counted, qPrintable(counted ? QString() : counted.error().message));
        QCOMPARE(*counted, qint64(expectedCount));
    }

    void freeBetweenHonoursOnlyOccupyingStays()
    {
        const ApartmentFilter march = freeBetween(QDate(2026, 3, 1), QDate(2026, 3, 10));
        const QStringList free = fetchAll(march);
        // Confirmed (2, 13, 14) and completed (3) stays that overlap block.
        for (int blocked : { 2, 3, 13, 14 })
            QVERIFY2(!free.contains(uuid(100 + blocked)), qPrintable(u"apartment %1"_s.arg(blocked)));
        // Requested, declined and cancelled ones (5) do not; nor stays that end on the
        // first day (7) or start on the day after the last night (6).
        for (int open : { 5, 6, 7 })
            QVERIFY2(free.contains(uuid(100 + open)), qPrintable(u"apartment %1"_s.arg(open)));
    }

    void minimumRatingIsExactAtItsBoundary_data()
    {
        QTest::addColumn<double>("minRating");
        QTest::addColumn<QStringList>("expected");
        QTest::newRow("4.5 admits 9/2") << 4.5 << apartmentIds({ 2, 4, 8, 10, 13, 15 });
        QTest::newRow("4.34 refuses 13/3") << 4.34 << apartmentIds({ 2, 4, 8, 10, 13, 15 });
        QTest::newRow("4.33 admits 13/3") << 4.33 << apartmentIds({ 2, 3, 4, 8, 10, 13, 15 });
        QTest::newRow("4.67 refuses 14/3") << 4.67 << apartmentIds({ 4, 8, 13 });
        QTest::newRow("4.66 admits 14/3") << 4.66 << apartmentIds({ 4, 8, 10, 13 });
        QTest::newRow("3 admits 6/2") << 3.0 << apartmentIds({ 2, 3, 4, 5, 7, 8, 10, 11, 12, 13, 15 });
        QTest::newRow("3.01 refuses 6/2 and 3/1") << 3.01 << apartmentIds({ 2, 3, 4, 5, 7, 8, 10, 13, 15 });
    }

    void minimumRatingIsExactAtItsBoundary()
    {
        QFETCH(double, minRating);
        QFETCH(QStringList, expected);
        ApartmentFilter filter;
        filter.minRating = minRating;
        QStringList ids = fetchAll(filter);
        ids.sort();
        QCOMPARE(ids, expected);
        QCOMPARE(m_query->count(filter).value_or(-1), qint64(expected.size()));
    }

    void textSearchFindsAddressCityAndDescription_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QStringList>("expected");
        QTest::newRow("street") << u"Баумана"_s << apartmentIds({ 1, 2, 3, 4 });
        QTest::newRow("street, any case") << u"БАУМАНА "_s << apartmentIds({ 1, 2, 3, 4 });
        QTest::newRow("street, prefix while typing") << u"баум"_s << apartmentIds({ 1, 2, 3, 4 });
        QTest::newRow("finished word is not a prefix") << u"баум "_s << apartmentIds({});
        QTest::newRow("city") << u"казань"_s << apartmentIds({ 1, 2, 3, 4, 5, 6, 7 });
        QTest::newRow("hyphenated city") << u"Санкт-Петербург"_s << apartmentIds({ 13, 14, 15 });
        QTest::newRow("part of a hyphenated city") << u"петербург"_s << apartmentIds({ 13, 14, 15 });
        QTest::newRow("english street") << u"street"_s << apartmentIds({ 8, 9, 10 });
        QTest::newRow("english city") << u"manchester"_s << apartmentIds({ 11, 12 });
        QTest::newRow("russian description") << u"парк"_s << apartmentIds({ 2, 6 });
        QTest::newRow("english description") << u"River"_s << apartmentIds({ 8, 9 });
        QTest::newRow("all words must match") << u"светлая квартира "_s << apartmentIds({ 2 });
        QTest::newRow("words from address and description") << u"Баумана вид"_s << apartmentIds({ 2, 4 });
        QTest::newRow("no document has both") << u"Казань river"_s << apartmentIds({});
        QTest::newRow("yo typed as ye") << u"елка"_s << apartmentIds({ 3 });
        QTest::newRow("yo typed as yo") << u"ёлка"_s << apartmentIds({ 3 });
        QTest::newRow("yo in an address") << u"Зеленая"_s << apartmentIds({ 5, 6, 7 });
        QTest::newRow("accents ignored") << u"cafe resume"_s << apartmentIds({ 11 });
        QTest::newRow("operators are words") << u"NOT OR AND"_s << apartmentIds({ 15 });
        QTest::newRow("quotes are text") << u"\"quoted\""_s << apartmentIds({ 15 });
        QTest::newRow("column syntax is text") << u"description:river"_s << apartmentIds({});
        QTest::newRow("unbalanced syntax is text") << u"(NEAR \"river"_s << apartmentIds({ 9 });
        QTest::newRow("punctuation only: no text filter")
            << u" -- , ; "_s << apartmentIds({ 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15 });
    }

    void textSearchFindsAddressCityAndDescription()
    {
        QFETCH(QString, text);
        QFETCH(QStringList, expected);
        QCOMPARE(found(text), expected);
        ApartmentFilter filter;
        filter.text = text;
        QCOMPARE(m_query->count(filter).value_or(-1), qint64(expected.size()));
    }

    void textCombinesWithOtherFilters()
    {
        ApartmentFilter inPetersburg;
        inPetersburg.city = u"Санкт-Петербург"_s;
        QCOMPARE(found(u"квартира"_s, inPetersburg), apartmentIds({ 14 }));
        ApartmentFilter withPets;
        withPets.petsAllowed = true;
        QCOMPARE(found(u"river"_s, withPets), apartmentIds({ 8 }));
        ApartmentFilter free = freeBetween(QDate(2026, 3, 1), QDate(2026, 3, 10));
        QCOMPARE(found(u"Баумана"_s, free), apartmentIds({ 1, 4 }));
        free.text = u"Баумана"_s;
        QCOMPARE(m_query->count(free).value_or(-1), 2);
    }

    // Few matches drive the query, many are tested while walking an index; both forms
    // must give the same answer (the unit data has too few rows to reach the switch).
    void bothUsesOfTheTextGiveTheSameRows_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<ApartmentFilter>("filter");
        QTest::addColumn<ApartmentSort>("sort");
        QTest::newRow("city word, by price") << u"казань"_s << ApartmentFilter() << ApartmentSort();
        QTest::newRow("with a price range") << u"квартира"_s << priceRange(u"RUB"_s, 4000000, 20000000)
                                            << ApartmentSort { ApartmentColumn::Area, Qt::DescendingOrder };
        QTest::newRow("with the benchmark filter")
            << u"баум"_s << benchmarkFilter() << ApartmentSort { ApartmentColumn::City, Qt::AscendingOrder };
        QTest::newRow("nothing matches") << u"atlantis"_s << ApartmentFilter() << ApartmentSort();
    }

    void bothUsesOfTheTextGiveTheSameRows()
    {
        using namespace rentdesk::models::query::detail;
        QFETCH(QString, text);
        QFETCH(ApartmentFilter, filter);
        QFETCH(ApartmentSort, sort);
        QVERIFY(rentdesk::models::query::refreshSearchIndex(m_db->connection()));
        const QString fts = rentdesk::models::query::toFtsQuery(text);
        filter.text = text;
        const QStringList driven = runStatement(pageStatement(filter, { fts, TextUse::Drive }, sort, 0, 100));
        const QStringList tested = runStatement(pageStatement(filter, { fts, TextUse::Test }, sort, 0, 100));
        QCOMPARE(tested, driven);
        QCOMPARE(fetchAll(filter, sort), driven);
        QCOMPARE(runStatement(countStatement(filter, { fts, TextUse::Drive })),
                 QStringList { QString::number(driven.size()) });
        QCOMPARE(runStatement(countStatement(filter, { fts, TextUse::Test })),
                 QStringList { QString::number(driven.size()) });
    }

    void everyColumnSortsBothWaysAndPagesStably_data()
    {
        QTest::addColumn<ApartmentSort>("sort");
        for (int c = int(ApartmentColumn::Number); c <= int(ApartmentColumn::Created); ++c) {
            for (Qt::SortOrder order : { Qt::AscendingOrder, Qt::DescendingOrder }) {
                QTest::addRow("column %d %s", c, order == Qt::AscendingOrder ? "ascending" : "descending")
                    << ApartmentSort { ApartmentColumn(c), order };
            }
        }
    }

    void everyColumnSortsBothWaysAndPagesStably()
    {
        QFETCH(ApartmentSort, sort);
        const QStringList all = fetchAll({}, sort);
        QCOMPARE(all, expectedOrder({}, sort));
        QStringList paged;
        for (int offset = 0; offset < all.size() + 4; offset += 4) {
            auto page = m_query->fetch({}, sort, offset, 4);
            QVERIFY(page);
            QVERIFY(page->size() <= 4);
            paged += idsOf(*page);
        }
        QCOMPARE(paged, all);
    }

    void sortingAFilteredListKeepsTheFilter()
    {
        ApartmentFilter filter;
        filter.city = u"Казань"_s;
        filter.minRooms = 2;
        for (ApartmentColumn column : { ApartmentColumn::Rating, ApartmentColumn::Building, ApartmentColumn::Price }) {
            const ApartmentSort sort { column, Qt::DescendingOrder };
            QCOMPARE(fetchAll(filter, sort), expectedOrder(filter, sort));
        }
    }

    void ownerSeesOnlyTheirListings()
    {
        ApartmentFilter own;
        own.ownerId = QUuid::fromString(uuid(tom));
        auto rows = m_query->fetch(own, {}, 0, 100);
        QVERIFY(rows);
        QCOMPARE(rows->size(), 5);
        for (const auto &row : *rows) {
            QCOMPARE(row.apartment.ownerId, QUuid::fromString(uuid(tom)));
            QCOMPARE(row.ownerName, u"Tom Baker"_s);
        }
        own.text = u"казань"_s; // Tom has nothing in Kazan
        QCOMPARE(m_query->count(own).value_or(-1), 0);
    }

    void citiesAreThoseWithApartments()
    {
        auto cities = m_query->cities();
        QVERIFY(cities);
        QCOMPARE(*cities, QStringList({ u"London"_s, u"Manchester"_s, u"Казань"_s, u"Санкт-Петербург"_s }));
    }

    void invalidFiltersAreRefusedWithTheirField_data()
    {
        QTest::addColumn<ApartmentFilter>("filter");
        QTest::addColumn<QString>("field");
        const auto with = [](auto change) {
            ApartmentFilter f;
            change(f);
            return f;
        };
        QTest::newRow("negative price") << priceRange(u"RUB"_s, -1, {}) << u"price"_s;
        QTest::newRow("negative max price") << priceRange(u"RUB"_s, {}, -5) << u"price"_s;
        QTest::newRow("min price above max") << priceRange(u"RUB"_s, 10, 5) << u"price"_s;
        QTest::newRow("price without currency") << priceRange(QString(), 10, {}) << u"currency"_s;
        QTest::newRow("lower-case currency") << with([](auto &f) { f.currency = u"rub"_s; }) << u"currency"_s;
        QTest::newRow("four-letter currency") << with([](auto &f) { f.currency = u"RUBL"_s; }) << u"currency"_s;
        QTest::newRow("negative rooms") << with([](auto &f) { f.minRooms = -1; }) << u"rooms"_s;
        QTest::newRow("min rooms above max") << with([](auto &f) {
            f.minRooms = 3;
            f.maxRooms = 2;
        }) << u"rooms"_s;
        QTest::newRow("negative area") << with([](auto &f) { f.maxArea = -0.5; }) << u"area"_s;
        QTest::newRow("area not a number") << with([](auto &f) { f.minArea = notANumber; }) << u"area"_s;
        QTest::newRow("infinite area") << with([](auto &f) { f.maxArea = infinity; }) << u"area"_s;
        QTest::newRow("min area above max") << with([](auto &f) {
            f.minArea = 60;
            f.maxArea = 50;
        }) << u"area"_s;
        QTest::newRow("only the first date") << with([](auto &f) { f.freeFrom = QDate(2026, 3, 1); }) << u"dates"_s;
        QTest::newRow("only the last date") << with([](auto &f) { f.freeTo = QDate(2026, 3, 1); }) << u"dates"_s;
        QTest::newRow("no nights") << freeBetween(QDate(2026, 3, 1), QDate(2026, 3, 1)) << u"dates"_s;
        QTest::newRow("dates reversed") << freeBetween(QDate(2026, 3, 2), QDate(2026, 3, 1)) << u"dates"_s;
        QTest::newRow("invalid dates") << freeBetween(QDate(), QDate(2026, 3, 1)) << u"dates"_s;
        QTest::newRow("rating below 1") << with([](auto &f) { f.minRating = 0.5; }) << u"rating"_s;
        QTest::newRow("rating above 5") << with([](auto &f) { f.minRating = 5.01; }) << u"rating"_s;
        QTest::newRow("rating not a number") << with([](auto &f) { f.minRating = notANumber; }) << u"rating"_s;
        QTest::newRow("text too long") << with([](auto &f) { f.text = QString(201, u'a'); }) << u"text"_s;
        QTest::newRow("null owner") << with([](auto &f) { f.ownerId = QUuid(); }) << u"owner"_s;
    }

    void invalidFiltersAreRefusedWithTheirField()
    {
        QFETCH(ApartmentFilter, filter);
        QFETCH(QString, field);
        for (const DomainError &error :
             { errorOf(m_query->fetch(filter, {}, 0, 10)), errorOf(m_query->count(filter)) }) {
            QCOMPARE(error.code, DomainError::Code::InvalidValue);
            QCOMPARE(error.entity, u"filter"_s);
            QCOMPARE(error.field, field);
            QVERIFY(!error.message.isEmpty());
        }
    }

    void pageBoundsAreChecked_data()
    {
        QTest::addColumn<int>("offset");
        QTest::addColumn<int>("limit");
        QTest::addColumn<QString>("field");
        QTest::newRow("limit 0") << 0 << 0 << u"limit"_s;
        QTest::newRow("limit above 1000") << 0 << 1001 << u"limit"_s;
        QTest::newRow("negative offset") << -1 << 10 << u"offset"_s;
        QTest::newRow("largest page") << 0 << 1000 << QString();
        QTest::newRow("offset past the end") << 100 << 1 << QString();
    }

    void pageBoundsAreChecked()
    {
        QFETCH(int, offset);
        QFETCH(int, limit);
        QFETCH(QString, field);
        auto rows = m_query->fetch({}, {}, offset, limit);
        if (field.isEmpty()) {
            QVERIFY(rows);
            QCOMPARE(rows->size(), qMin(limit, qMax(0, 15 - offset)));
        } else {
            QVERIFY(!rows);
            QCOMPARE(rows.error().code, DomainError::Code::InvalidValue);
            QCOMPARE(rows.error().field, field);
        }
    }

    // A stored value outside the schema's vocabulary (the file was edited around its
    // constraints) fails the page with a message naming the apartment; it is not skipped.
    void unreadableRowFailsThePage()
    {
        const QSqlDatabase db = m_db->connection();
        QVERIFY(rentdesk::models::db::exec(db, u"PRAGMA ignore_check_constraints = ON"_s));
        QVERIFY(rentdesk::models::db::exec(db, u"UPDATE apartments SET status = 'sold' WHERE id = :id"_s,
                                           { { u":id"_s, uuid(105) } }));
        QVERIFY(rentdesk::models::db::exec(db, u"PRAGMA ignore_check_constraints = OFF"_s));
        auto rows = m_query->fetch({}, {}, 0, 100);
        QVERIFY(!rows);
        QCOMPARE(rows.error().code, DomainError::Code::Storage);
        QVERIFY2(rows.error().message.contains(uuid(105)), qPrintable(rows.error().message));
        QVERIFY2(rows.error().message.contains(u"sold"_s), qPrintable(rows.error().message));
        ApartmentFilter elsewhere;
        elsewhere.city = u"London"_s;
        QVERIFY(m_query->fetch(elsewhere, {}, 0, 100)); // other pages still read
        QCOMPARE(m_query->count({}).value_or(-1), 15);
    }

    // The benchmark's filter: a page walks the price index in order (no sort of the
    // matches) and tests rooms and the city in the index; the count starts from the city's
    // buildings; both probe the stays through the covering index of stays. A schema or
    // SQL change that loses this fails here.
    void benchmarkFilterUsesItsIndexes()
    {
        using namespace rentdesk::models::query::detail;
        const QStringList page = planOf(pageStatement(benchmarkFilter(), {}, {}, 0, 100));
        const qsizetype pageEnd = page.indexOf(u"SCAN page"_s);
        QVERIFY2(pageEnd > 0, qPrintable(page.join(u'\n')));
        const QStringList choosing = page.mid(0, pageEnd);
        const QString plan = choosing.join(u'\n');
        QVERIFY2(plan.contains(u"SEARCH a USING COVERING INDEX apartments_browse_price_idx (currency=? AND "
                               "monthly_price>? AND monthly_price<?)"_s),
                 qPrintable(plan));
        QVERIFY2(plan.contains(u"USING COVERING INDEX bookings_stays_idx (apartment_id=? AND end_date>?)"_s),
                 qPrintable(plan));
        QVERIFY2(!plan.contains(u"TEMP B-TREE"_s), qPrintable(plan));

        const QString count = planOf(countStatement(benchmarkFilter(), {})).join(u'\n');
        QVERIFY2(count.contains(u"SEARCH a USING COVERING INDEX apartments_browse_building_idx (building_id=? AND "
                                "currency=? AND monthly_price>? AND monthly_price<?)"_s),
                 qPrintable(count));
        QVERIFY2(count.contains(u"SEARCH b USING COVERING INDEX buildings_city_idx (city=?)"_s), qPrintable(count));
        QVERIFY2(count.contains(u"USING COVERING INDEX bookings_stays_idx (apartment_id=? AND end_date>?)"_s),
                 qPrintable(count));
    }

    // Rooms, area and status are shared by large parts of the table: with no statistics
    // SQLite would start from their indexes and sort everything they match. They are
    // tested on the way instead: a page still walks the price index in order, and a count
    // of a city still starts from its buildings.
    void broadFiltersDoNotDrive()
    {
        using namespace rentdesk::models::query::detail;
        ApartmentFilter broad;
        broad.status = ApartmentStatus::Free;
        broad.minRooms = 2;
        broad.minArea = 30;
        broad.maxArea = 90;
        const QStringList page = planOf(pageStatement(broad, {}, {}, 0, 100));
        const QString choosing = page.mid(0, page.indexOf(u"SCAN page"_s)).join(u'\n');
        QVERIFY2(choosing.contains(u"SCAN a USING INDEX apartments_browse_price_idx"_s), qPrintable(choosing));
        QVERIFY2(!choosing.contains(u"TEMP B-TREE"_s), qPrintable(choosing));

        ApartmentFilter rented, fiveRooms, someArea;
        rented.status = ApartmentStatus::Rented;
        fiveRooms.minRooms = fiveRooms.maxRooms = 5;
        someArea.minArea = 50;
        someArea.maxArea = 60;
        for (const ApartmentFilter &one : { rented, fiveRooms, someArea }) {
            const QStringList plan = planOf(pageStatement(one, {}, {}, 0, 100));
            const QString walk = plan.mid(0, plan.indexOf(u"SCAN page"_s)).join(u'\n');
            QVERIFY2(walk.contains(u"apartments_browse_price_idx"_s) && !walk.contains(u"TEMP B-TREE"_s),
                     qPrintable(walk));
        }

        broad.city = u"Казань"_s;
        const QString count = planOf(countStatement(broad, {})).join(u'\n');
        // Either index that starts with the building: neither holds the status and the area.
        static const QRegularExpression byBuilding(u"SEARCH a USING INDEX apartments_\\w+ \\(building_id=\\?\\)"_s);
        QVERIFY2(count.contains(byBuilding), qPrintable(count));
    }

    // Text search: few matches drive from the full-text index; many are a membership test
    // while the page walks the price index in order.
    void textSearchUsesTheFullTextIndex()
    {
        using namespace rentdesk::models::query::detail;
        ApartmentFilter filter;
        filter.text = u"river"_s;
        const QString fts = rentdesk::models::query::toFtsQuery(filter.text);
        const QStringList driven = planOf(pageStatement(filter, { fts, TextUse::Drive }, {}, 0, 100));
        QVERIFY2(driven.value(1).startsWith(u"SCAN apartments_search VIRTUAL TABLE"_s), qPrintable(driven.join(u'\n')));
        QVERIFY2(driven.value(2) == u"SEARCH a USING INTEGER PRIMARY KEY (rowid=?)"_s, qPrintable(driven.join(u'\n')));

        const QStringList tested = planOf(pageStatement(filter, { fts, TextUse::Test }, {}, 0, 100));
        const QString choosing = tested.mid(0, tested.indexOf(u"SCAN page"_s)).join(u'\n');
        QVERIFY2(choosing.contains(u"SCAN a USING COVERING INDEX apartments_browse_price_idx"_s), qPrintable(choosing));
        QVERIFY2(choosing.contains(u"SCAN apartments_search VIRTUAL TABLE"_s), qPrintable(choosing));
        QVERIFY2(!choosing.contains(u"TEMP B-TREE"_s), qPrintable(choosing));
    }

    // Every column, in both orders, over the whole table: the page walks an index that
    // holds the order and stops after its rows, never sorting every apartment first (the
    // 100 ms of README's "The Apartments page" at 200 000). Schema version 10's expression
    // indexes are used only while orderBy() writes the very same expressions.
    void everySortWalksAnIndex()
    {
        using namespace rentdesk::models::query::detail;
        for (int c = int(ApartmentColumn::Number); c <= int(ApartmentColumn::Created); ++c) {
            for (const Qt::SortOrder order : { Qt::AscendingOrder, Qt::DescendingOrder }) {
                const ApartmentSort sort { ApartmentColumn(c), order };
                const QStringList plan = planOf(pageStatement({}, {}, sort, 0, 100));
                const qsizetype pageEnd = plan.indexOf(u"SCAN page"_s);
                QVERIFY2(pageEnd > 0, qPrintable(plan.join(u'\n')));
                const QString choosing = plan.mid(0, pageEnd).join(u'\n');
                const QString context = u"column %1, %2:\n%3"_s.arg(c)
                                            .arg(order == Qt::AscendingOrder ? u"ascending"_s : u"descending"_s)
                                            .arg(choosing);
                QVERIFY2(choosing.contains(u" INDEX "_s), qPrintable(context));
                QVERIFY2(!choosing.contains(u"TEMP B-TREE"_s), qPrintable(context));
            }
        }
    }
};

QTEST_GUILESS_MAIN(TestApartmentQuery)
#include "tst_apartmentquery.moc"
