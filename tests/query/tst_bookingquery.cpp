// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/query/bookingquery.h"
#include "models/query/bookingsql.h"
#include "tests/query/querytests.h"
#include "tests/support/servicefixture.h"

#include <QTest>

using namespace Qt::StringLiterals;
using rentdesk::models::domain::BookingStatus;
using rentdesk::models::domain::Role;
using rentdesk::models::query::BookingColumn;
using rentdesk::models::query::BookingFilter;
using rentdesk::models::query::BookingQuery;
using rentdesk::models::query::BookingRow;
using rentdesk::models::query::BookingSort;
using rentdesk::models::services::DomainError;
using rentdesk::test::compare;

Q_DECLARE_METATYPE(BookingFilter)
Q_DECLARE_METATYPE(BookingSort)

namespace {

// People, places and stays, all made through the services. The clock starts on 1 June
// 2026; after the bookings it moves to 26 June and time completes the stays that ended.
enum Landlord { Lena, Oleg, Nina }; // Nina owns nothing
enum Renter { Roman, Anna, Petr, Zoe }; // Zoe books nothing
const QStringList landlordNames = { u"Lena Landlord"_s, u"Oleg Owner"_s, u"Nina Nobody"_s };
const QStringList renterNames = { u"Roman Renter"_s, u"Anna Renter"_s, u"Пётр Иванов"_s, u"Zoe Nobody"_s };

struct BuildingSpec
{
    Landlord owner;
    QString name, address, city;
};
const QList<BuildingSpec> buildingSpecs = {
    { Lena, u"Riverside House"_s, u"1 River Street"_s, u"Казань"_s },
    { Lena, u"Harbour View"_s, u"3 Quay Street"_s, u"London"_s },
    { Oleg, u"Тихий дом"_s, u"ул. Ленина, 1"_s, u"Казань"_s },
};

struct ApartmentSpec
{
    int building;
    QString number;
    qint64 price;
    QString currency;
};
// "2" twice, "10" after "2", "1A" first.
const QList<ApartmentSpec> apartmentSpecs = {
    { 0, u"2"_s, 3000000, u"RUB"_s },
    { 0, u"10"_s, 4500000, u"RUB"_s },
    { 1, u"1A"_s, 250000, u"GBP"_s },
    { 2, u"2"_s, 3000000, u"RUB"_s },
};

enum class Step { Leave, Confirm, Decline, Cancel };
struct StaySpec
{
    Renter renter;
    int apartment;
    QDate start, end;
    Step step;
    BookingStatus status; // after time has moved to 26 June
    bool sameTimeAsPrevious = false;
};
const QList<StaySpec> staySpecs = {
    { Roman, 0, QDate(2026, 6, 10), QDate(2026, 6, 15), Step::Confirm, BookingStatus::Completed },
    { Anna, 0, QDate(2026, 6, 20), QDate(2026, 6, 25), Step::Confirm, BookingStatus::Completed },
    { Roman, 1, QDate(2026, 7, 1), QDate(2026, 7, 10), Step::Leave, BookingStatus::Requested },
    { Petr, 1, QDate(2026, 7, 5), QDate(2026, 7, 8), Step::Decline, BookingStatus::Declined, true },
    { Anna, 2, QDate(2026, 6, 5), QDate(2026, 6, 30), Step::Cancel, BookingStatus::Cancelled },
    { Petr, 2, QDate(2026, 8, 1), QDate(2026, 8, 5), Step::Confirm, BookingStatus::Confirmed },
    { Petr, 3, QDate(2026, 6, 10), QDate(2026, 6, 12), Step::Confirm, BookingStatus::Completed },
    { Roman, 3, QDate(2026, 6, 15), QDate(2026, 6, 20), Step::Confirm, BookingStatus::Completed },
    { Anna, 3, QDate(2026, 9, 1), QDate(2026, 9, 30), Step::Leave, BookingStatus::Requested },
    { Roman, 0, QDate(2026, 7, 15), QDate(2026, 7, 20), Step::Leave, BookingStatus::Requested, true },
    { Petr, 0, QDate(2026, 6, 27), QDate(2026, 6, 28), Step::Confirm, BookingStatus::Confirmed },
};

QUuid idOfRow(const BookingRow &row)
{
    return row.booking.id;
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

} // namespace

class TestBookingQuery : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<rentdesk::test::ServiceFixture> f;
    std::unique_ptr<BookingQuery> m_query;
    QList<QUuid> m_landlords, m_renters, m_buildings, m_apartments, m_stays;

    // The oracle: which stays (indexes into staySpecs) a filter should give, from the
    // specs alone.
    QStringList expectedIds(const BookingFilter &filter) const
    {
        QStringList ids;
        for (int i = 0; i < staySpecs.size(); ++i) {
            const StaySpec &s = staySpecs.at(i);
            const Landlord owner = buildingSpecs.at(apartmentSpecs.at(s.apartment).building).owner;
            const bool visible = filter.viewer == m_renters.at(s.renter) || filter.viewer == m_landlords.at(owner);
            if (!visible || (filter.status && *filter.status != s.status)
                || (filter.apartmentId && *filter.apartmentId != m_apartments.at(s.apartment))
                || (filter.from && !(s.end > *filter.from)) || (filter.to && !(s.start < *filter.to)))
                continue;
            ids.append(rentdesk::models::domain::toStoredId(m_stays.at(i)));
        }
        ids.sort();
        return ids;
    }

    QList<BookingRow> fetchAll(const BookingFilter &filter, const BookingSort &sort = {}) const
    {
        auto rows = m_query->fetch(filter, sort, 0, BookingQuery::MaxLimit);
        if (!rows) {
            qWarning() << "fetch failed:" << rows.error().field << rows.error().message;
            return {};
        }
        return *rows;
    }

    QStringList foundIds(const BookingFilter &filter) const
    {
        QStringList ids = rentdesk::test::idsOf<BookingRow>(fetchAll(filter), idOfRow);
        ids.sort();
        return ids;
    }

    BookingFilter viewedBy(const QUuid &viewer) const
    {
        BookingFilter filter;
        filter.viewer = viewer;
        return filter;
    }

    QUuid addApartment(const ApartmentSpec &spec)
    {
        rentdesk::models::services::ListingService::ApartmentDraft draft;
        draft.buildingId = m_buildings.at(spec.building);
        draft.number = spec.number;
        draft.floor = 1;
        draft.rooms = 2;
        draft.areaSqm = 50;
        draft.monthlyPrice = { spec.price, spec.currency };
        auto apartment = f->listings.createApartment(m_landlords.at(buildingSpecs.at(spec.building).owner), draft);
        return apartment ? apartment->id : QUuid();
    }

private Q_SLOTS:
    void initTestCase()
    {
        qRegisterMetaType<BookingFilter>();
        qRegisterMetaType<BookingSort>();
    }

    void init()
    {
        f = std::make_unique<rentdesk::test::ServiceFixture>();
        QVERIFY2(f->isValid(), qPrintable(f->errorMessage()));
        m_query = std::make_unique<BookingQuery>(f->database().shared());
        m_landlords.clear();
        m_renters.clear();
        m_buildings.clear();
        m_apartments.clear();
        m_stays.clear();
        for (const QString &name : landlordNames)
            m_landlords.append(f->addLandlord(name));
        for (const QString &name : renterNames)
            m_renters.append(f->addRenter(name));
        for (const BuildingSpec &spec : buildingSpecs) {
            auto building =
                f->listings.createBuilding(m_landlords.at(spec.owner), { spec.name, spec.address, spec.city, 9, 2000 });
            QVERIFY(building);
            m_buildings.append(building->id);
        }
        for (const ApartmentSpec &spec : apartmentSpecs) {
            m_apartments.append(addApartment(spec));
            QVERIFY(!m_apartments.last().isNull());
        }
        for (const StaySpec &spec : staySpecs) {
            if (!spec.sameTimeAsPrevious)
                f->clock.advanceSecs(60);
            const QUuid renter = m_renters.at(spec.renter);
            const QUuid owner = m_landlords.at(buildingSpecs.at(apartmentSpecs.at(spec.apartment).building).owner);
            auto requested = f->bookings.request(renter, m_apartments.at(spec.apartment), spec.start, spec.end);
            QVERIFY2(requested, qPrintable(requested ? QString() : requested.error().message));
            m_stays.append(requested->id);
            bool done = true;
            switch (spec.step) {
            case Step::Leave:
                break;
            case Step::Confirm:
                done = f->bookings.confirm(owner, requested->id).has_value();
                break;
            case Step::Decline:
                done = f->bookings.decline(owner, requested->id).has_value();
                break;
            case Step::Cancel:
                done = f->bookings.cancel(renter, requested->id).has_value();
                break;
            }
            QVERIFY(done);
        }
        f->clock.set(QDateTime(QDate(2026, 6, 26), QTime(10, 0), Qt::UTC));
        QVERIFY(f->bookings.applyTime());
        for (int i = 0; i < staySpecs.size(); ++i)
            QCOMPARE(f->bookings.booking(m_stays.at(i))->status, staySpecs.at(i).status);
    }

    void cleanup()
    {
        m_query.reset();
        f.reset();
    }

    void rowCarriesEveryField()
    {
        BookingFilter filter = viewedBy(m_renters.at(Petr));
        filter.apartmentId = m_apartments.at(2);
        auto rows = m_query->fetch(filter, {}, 0, 10);
        QVERIFY(rows);
        QCOMPARE(rows->size(), 1);
        const BookingRow &row = rows->constFirst();
        QCOMPARE(row.booking.id, m_stays.at(5));
        QCOMPARE(row.booking.apartmentId, m_apartments.at(2));
        QCOMPARE(row.booking.renterId, m_renters.at(Petr));
        QCOMPARE(row.booking.startDate, QDate(2026, 8, 1));
        QCOMPARE(row.booking.endDate, QDate(2026, 8, 5));
        QCOMPARE(row.booking.status, BookingStatus::Confirmed);
        QCOMPARE(row.booking.totalPrice, (rentdesk::models::domain::Money { (250000 * 4 + 15) / 30, u"GBP"_s }));
        QCOMPARE(row.booking.decidedBy, std::optional<QUuid>(m_landlords.at(Lena)));
        QCOMPARE(row.apartmentNumber, u"1A"_s);
        QCOMPARE(row.buildingName, u"Harbour View"_s);
        QCOMPARE(row.address, u"3 Quay Street"_s);
        QCOMPARE(row.city, u"London"_s);
        QCOMPARE(row.renterName, u"Пётр Иванов"_s);
        QCOMPARE(row.ownerId, m_landlords.at(Lena));
        QCOMPARE(row.ownerName, u"Lena Landlord"_s);
    }

    void eachPersonSeesWhatTheyMay()
    {
        // Checked against the specs, so that "everything" cannot pass for "their own".
        for (int r = Roman; r <= Zoe; ++r) {
            const BookingFilter filter = viewedBy(m_renters.at(r));
            const QList<BookingRow> rows = fetchAll(filter);
            for (const BookingRow &row : rows)
                QCOMPARE(row.booking.renterId, m_renters.at(r));
            QCOMPARE(foundIds(filter), expectedIds(filter));
            QCOMPARE(m_query->count(filter).value_or(-1), qint64(rows.size()));
        }
        for (int l = Lena; l <= Nina; ++l) {
            const BookingFilter filter = viewedBy(m_landlords.at(l));
            const QList<BookingRow> rows = fetchAll(filter);
            for (const BookingRow &row : rows)
                QCOMPARE(row.ownerId, m_landlords.at(l));
            QCOMPARE(foundIds(filter), expectedIds(filter));
            QCOMPARE(m_query->count(filter).value_or(-1), qint64(rows.size()));
        }
        QCOMPARE(m_query->count(viewedBy(m_renters.at(Roman))).value_or(-1), 4);
        QCOMPARE(m_query->count(viewedBy(m_renters.at(Zoe))).value_or(-1), 0);
        QCOMPARE(m_query->count(viewedBy(m_landlords.at(Lena))).value_or(-1), 8);
        QCOMPARE(m_query->count(viewedBy(m_landlords.at(Oleg))).value_or(-1), 3);
        QCOMPARE(m_query->count(viewedBy(m_landlords.at(Nina))).value_or(-1), 0);
    }

    // Asking for another person's apartment or bookings does not widen what one sees.
    void filtersNeverWidenTheView()
    {
        BookingFilter renter = viewedBy(m_renters.at(Roman));
        renter.apartmentId = m_apartments.at(1); // Petr's declined request is there too
        QCOMPARE(foundIds(renter), QStringList { rentdesk::models::domain::toStoredId(m_stays.at(2)) });
        BookingFilter landlord = viewedBy(m_landlords.at(Lena));
        landlord.apartmentId = m_apartments.at(3); // Oleg's
        QCOMPARE(m_query->count(landlord).value_or(-1), 0);
        QVERIFY(fetchAll(landlord).isEmpty());
        // One booking by its id (the occupancy calendar's bar): its renter and its apartment's
        // owner see it, another renter and another landlord do not.
        BookingFilter one = viewedBy(m_renters.at(Roman));
        one.bookingId = m_stays.at(2);
        QCOMPARE(foundIds(one), QStringList { rentdesk::models::domain::toStoredId(m_stays.at(2)) });
        one.viewer = m_landlords.at(Lena);
        QCOMPARE(foundIds(one), QStringList { rentdesk::models::domain::toStoredId(m_stays.at(2)) });
        one.viewer = m_renters.at(Zoe);
        QVERIFY(foundIds(one).isEmpty());
        one.viewer = m_landlords.at(Oleg);
        QVERIFY(foundIds(one).isEmpty());
    }

    void aMissingViewerIsRefused_data()
    {
        QTest::addColumn<QUuid>("viewer");
        QTest::newRow("none") << QUuid();
        QTest::newRow("unknown") << QUuid::createUuid();
    }

    void aMissingViewerIsRefused()
    {
        QFETCH(QUuid, viewer);
        for (const DomainError &error : { rentdesk::test::errorOf(m_query->fetch(viewedBy(viewer), {}, 0, 10)),
                                          rentdesk::test::errorOf(m_query->count(viewedBy(viewer))) }) {
            QCOMPARE(error.code, DomainError::Code::NotAllowed);
            QCOMPARE(error.field, u"viewer"_s);
            QVERIFY(!rentdesk::test::looksLikeSql(error.message));
        }
    }

    void filtersMatchTheOracleAndCountAgrees_data()
    {
        QTest::addColumn<int>("viewer"); // < 0: a landlord, -1 - index
        QTest::addColumn<BookingFilter>("filter");
        QTest::addColumn<int>("expectedCount"); // written out, so that the oracle is checked too
        const auto landlord = [](Landlord l) {
            return -1 - int(l);
        };
        const auto with = [](auto change) {
            BookingFilter filter;
            change(filter);
            return filter;
        };
        const auto status = [&](BookingStatus s) {
            return with([=](auto &x) { x.status = s; });
        };
        QTest::newRow("lena, confirmed") << landlord(Lena) << status(BookingStatus::Confirmed) << 2;
        QTest::newRow("lena, completed") << landlord(Lena) << status(BookingStatus::Completed) << 2;
        QTest::newRow("lena, requested") << landlord(Lena) << status(BookingStatus::Requested) << 2;
        QTest::newRow("lena, declined") << landlord(Lena) << status(BookingStatus::Declined) << 1;
        QTest::newRow("lena, cancelled") << landlord(Lena) << status(BookingStatus::Cancelled) << 1;
        QTest::newRow("oleg, completed") << landlord(Oleg) << status(BookingStatus::Completed) << 2;
        QTest::newRow("roman, requested") << int(Roman) << status(BookingStatus::Requested) << 2;
        QTest::newRow("from alone: ends after it")
            << landlord(Lena) << with([](auto &x) { x.from = QDate(2026, 6, 20); }) << 7;
        QTest::newRow("from on the departure day")
            << landlord(Lena) << with([](auto &x) { x.from = QDate(2026, 6, 15); }) << 7;
        QTest::newRow("to alone: starts before it")
            << landlord(Lena) << with([](auto &x) { x.to = QDate(2026, 6, 10); }) << 1;
        QTest::newRow("to on the first night")
            << landlord(Lena) << with([](auto &x) { x.to = QDate(2026, 6, 11); }) << 2;
        QTest::newRow("between two stays, half-open") << landlord(Lena) << with([](auto &x) {
            x.from = QDate(2026, 6, 15);
            x.to = QDate(2026, 6, 20);
        }) << 1;
        QTest::newRow("early July") << landlord(Lena) << with([](auto &x) {
            x.from = QDate(2026, 7, 1);
            x.to = QDate(2026, 7, 6);
        }) << 2;
        QTest::newRow("renter, dates") << int(Roman) << with([](auto &x) {
            x.from = QDate(2026, 6, 14);
            x.to = QDate(2026, 6, 16);
        }) << 2;
        QTest::newRow("no filter") << landlord(Lena) << BookingFilter() << 8;
        QTest::newRow("status and dates") << landlord(Lena) << with([](auto &x) {
            x.status = BookingStatus::Requested;
            x.from = QDate(2026, 7, 12);
        }) << 1;
        QTest::newRow("nobody's dates") << landlord(Oleg) << with([](auto &x) {
            x.from = QDate(2027, 1, 1);
            x.to = QDate(2027, 2, 1);
        }) << 0;
    }

    void filtersMatchTheOracleAndCountAgrees()
    {
        QFETCH(int, viewer);
        QFETCH(BookingFilter, filter);
        QFETCH(int, expectedCount);
        filter.viewer = viewer < 0 ? m_landlords.at(-1 - viewer) : m_renters.at(viewer);
        const QStringList expected = expectedIds(filter);
        QCOMPARE(expected.size(), expectedCount);
        QCOMPARE(foundIds(filter), expected);
        QCOMPARE(m_query->count(filter).value_or(-1), qint64(expectedCount));
    }

    void apartmentFilter()
    {
        for (int a = 0; a < m_apartments.size(); ++a) {
            for (const QUuid &viewer : { m_landlords.at(Lena), m_landlords.at(Oleg), m_renters.at(Roman) }) {
                BookingFilter filter = viewedBy(viewer);
                filter.apartmentId = m_apartments.at(a);
                const QStringList expected = expectedIds(filter);
                QCOMPARE(foundIds(filter), expected);
                QCOMPARE(m_query->count(filter).value_or(-1), qint64(expected.size()));
            }
        }
        BookingFilter first = viewedBy(m_landlords.at(Lena));
        first.apartmentId = m_apartments.at(0);
        QCOMPARE(m_query->count(first).value_or(-1), 4);
    }

    void everyColumnSortsBothWaysAndPagesStably_data()
    {
        QTest::addColumn<BookingSort>("sort");
        QTest::addColumn<bool>("asLandlord");
        for (int c = int(BookingColumn::Apartment); c <= int(BookingColumn::Created); ++c) {
            for (Qt::SortOrder order : { Qt::AscendingOrder, Qt::DescendingOrder }) {
                for (bool landlord : { true, false }) {
                    QTest::addRow("column %d %s, %s", c, order == Qt::AscendingOrder ? "ascending" : "descending",
                                  landlord ? "landlord" : "renter")
                        << BookingSort { BookingColumn(c), order } << landlord;
                }
            }
        }
    }

    void everyColumnSortsBothWaysAndPagesStably()
    {
        QFETCH(BookingSort, sort);
        QFETCH(bool, asLandlord);
        using Row = BookingRow;
        std::function<int(const Row &, const Row &)> column;
        switch (sort.column) {
        case BookingColumn::Apartment:
            column = [](const Row &a, const Row &b) {
                if (int c = compare(leadingNumber(a.apartmentNumber), leadingNumber(b.apartmentNumber)))
                    return c;
                return compare(a.apartmentNumber, b.apartmentNumber);
            };
            break;
        case BookingColumn::Building:
            column = [](const Row &a, const Row &b) {
                return compare(a.buildingName, b.buildingName);
            };
            break;
        case BookingColumn::City:
            column = [](const Row &a, const Row &b) {
                return compare(a.city, b.city);
            };
            break;
        case BookingColumn::Renter:
            column = [](const Row &a, const Row &b) {
                return compare(a.renterName, b.renterName);
            };
            break;
        case BookingColumn::Start:
            column = [](const Row &a, const Row &b) {
                return compare(a.booking.startDate, b.booking.startDate);
            };
            break;
        case BookingColumn::End:
            column = [](const Row &a, const Row &b) {
                return compare(a.booking.endDate, b.booking.endDate);
            };
            break;
        case BookingColumn::Nights:
            column = [](const Row &a, const Row &b) {
                return compare(a.booking.nights(), b.booking.nights());
            };
            break;
        case BookingColumn::Status:
            column = [](const Row &a, const Row &b) {
                return compare(int(a.booking.status), int(b.booking.status));
            };
            break;
        case BookingColumn::Total:
            column = [](const Row &a, const Row &b) {
                if (int c = compare(a.booking.totalPrice.currency, b.booking.totalPrice.currency))
                    return c;
                return compare(a.booking.totalPrice.minor, b.booking.totalPrice.minor);
            };
            break;
        case BookingColumn::Created:
            column = [](const Row &a, const Row &b) {
                return compare(a.booking.createdAt, b.booking.createdAt);
            };
            break;
        }
        const BookingFilter filter = viewedBy(asLandlord ? m_landlords.at(Lena) : m_renters.at(Roman));
        const QList<Row> rows = fetchAll(filter, sort);
        QCOMPARE(rows.size(), asLandlord ? 8 : 4);
        const QStringList all = rentdesk::test::idsOf<Row>(rows, idOfRow);
        QCOMPARE(all, rentdesk::test::expectedOrder<Row>(rows, sort.order, column, idOfRow));
        for (int pageSize : { 1, 3 }) {
            const QStringList paged = rentdesk::test::pagedIds<Row>(
                [&](int offset, int limit) { return m_query->fetch(filter, sort, offset, limit); }, pageSize, idOfRow);
            QCOMPARE(paged, all);
        }
    }

    void theDefaultSortIsLatestStartFirst()
    {
        const QList<BookingRow> rows = fetchAll(viewedBy(m_landlords.at(Oleg)));
        QCOMPARE(rentdesk::test::idsOf<BookingRow>(rows, idOfRow),
                 QStringList({ rentdesk::models::domain::toStoredId(m_stays.at(8)),
                               rentdesk::models::domain::toStoredId(m_stays.at(7)),
                               rentdesk::models::domain::toStoredId(m_stays.at(6)) }));
    }

    void takenDatesAreTheOccupyingStays()
    {
        using Stays = QList<std::pair<QDate, QDate>>;
        const QUuid first = m_apartments.at(0);
        // Completed and confirmed stays, by start; the requested one (15 July) is not taken.
        QCOMPARE(m_query->takenDates(first, QDate(2026, 6, 1), QDate(2026, 8, 1)).value_or(Stays()),
                 Stays({ { QDate(2026, 6, 10), QDate(2026, 6, 15) },
                         { QDate(2026, 6, 20), QDate(2026, 6, 25) },
                         { QDate(2026, 6, 27), QDate(2026, 6, 28) } }));
        // Half-open: the days between two stays are free.
        auto between = m_query->takenDates(first, QDate(2026, 6, 15), QDate(2026, 6, 20));
        QVERIFY(between);
        QVERIFY(between->isEmpty());
        QCOMPARE(m_query->takenDates(first, QDate(2026, 6, 14), QDate(2026, 6, 21)).value_or(Stays()),
                 Stays({ { QDate(2026, 6, 10), QDate(2026, 6, 15) }, { QDate(2026, 6, 20), QDate(2026, 6, 25) } }));
        // Declined and cancelled stays take nothing.
        QVERIFY(m_query->takenDates(m_apartments.at(1), QDate(2026, 1, 1), QDate(2027, 1, 1))
                    .value_or(Stays { {} })
                    .isEmpty());
        QCOMPARE(m_query->takenDates(m_apartments.at(2), QDate(2026, 1, 1), QDate(2027, 1, 1)).value_or(Stays()),
                 Stays({ { QDate(2026, 8, 1), QDate(2026, 8, 5) } }));

        auto unknown = m_query->takenDates(QUuid::createUuid(), QDate(2026, 6, 1), QDate(2026, 7, 1));
        QVERIFY(!unknown);
        QCOMPARE(unknown.error().code, DomainError::Code::NotFound);
        for (const auto &[from, to] :
             { std::pair { QDate(2026, 6, 1), QDate(2026, 6, 1) }, std::pair { QDate(2026, 6, 2), QDate(2026, 6, 1) },
               std::pair { QDate(), QDate(2026, 6, 1) } }) {
            const DomainError error = rentdesk::test::errorOf(m_query->takenDates(first, from, to));
            QCOMPARE(error.code, DomainError::Code::InvalidValue);
            QCOMPARE(error.field, u"dates"_s);
        }
    }

    void invalidFiltersAreRefusedWithTheirField_data()
    {
        QTest::addColumn<BookingFilter>("filter");
        QTest::addColumn<int>("offset");
        QTest::addColumn<int>("limit");
        QTest::addColumn<QString>("field");
        const auto with = [](auto change) {
            BookingFilter filter;
            change(filter);
            return filter;
        };
        QTest::newRow("invalid from") << with([](auto &x) { x.from = QDate(); }) << 0 << 10 << u"dates"_s;
        QTest::newRow("invalid to") << with([](auto &x) { x.to = QDate(2026, 2, 30); }) << 0 << 10 << u"dates"_s;
        QTest::newRow("no nights") << with([](auto &x) {
            x.from = QDate(2026, 6, 1);
            x.to = QDate(2026, 6, 1);
        }) << 0 << 10 << u"dates"_s;
        QTest::newRow("dates reversed") << with([](auto &x) {
            x.from = QDate(2026, 6, 2);
            x.to = QDate(2026, 6, 1);
        }) << 0 << 10 << u"dates"_s;
        QTest::newRow("null apartment") << with([](auto &x) { x.apartmentId = QUuid(); }) << 0 << 10 << u"apartment"_s;
        QTest::newRow("null booking") << with([](auto &x) { x.bookingId = QUuid(); }) << 0 << 10 << u"booking"_s;
        QTest::newRow("limit 0") << BookingFilter() << 0 << 0 << u"limit"_s;
        QTest::newRow("limit above 1000") << BookingFilter() << 0 << 1001 << u"limit"_s;
        QTest::newRow("negative offset") << BookingFilter() << -1 << 10 << u"offset"_s;
    }

    void invalidFiltersAreRefusedWithTheirField()
    {
        QFETCH(BookingFilter, filter);
        QFETCH(int, offset);
        QFETCH(int, limit);
        QFETCH(QString, field);
        filter.viewer = m_landlords.at(Lena);
        QList<DomainError> errors { rentdesk::test::errorOf(m_query->fetch(filter, {}, offset, limit)) };
        if (field != u"limit"_s && field != u"offset"_s)
            errors.append(rentdesk::test::errorOf(m_query->count(filter)));
        for (const DomainError &error : errors) {
            QCOMPARE(error.code, DomainError::Code::InvalidValue);
            QCOMPARE(error.entity, u"filter"_s);
            QCOMPARE(error.field, field);
            QVERIFY(!rentdesk::test::looksLikeSql(error.message));
        }
    }

    // A renter's bookings come from bookings_renter_idx, a landlord's from their apartments
    // and each apartment's bookings; never from bookings_status_idx, which holds every
    // booking of a status in the database. A sort's joins keep the bookings outermost.
    void theViewerDrivesThePlan_data()
    {
        QTest::addColumn<Role>("role");
        QTest::addColumn<BookingFilter>("filter");
        QTest::addColumn<BookingSort>("sort");
        QTest::addColumn<QStringList>("expected");
        const QStringList renter { u"bookings_renter_idx (renter_id=?"_s };
        const QStringList landlord { u"SEARCH o USING INDEX apartments_owner_idx (owner_id=?)"_s,
                                     u"bookings_apartment_dates_idx (apartment_id=?"_s };
        BookingFilter status;
        status.status = BookingStatus::Confirmed;
        BookingFilter dates;
        dates.from = QDate(2026, 6, 1);
        dates.to = QDate(2026, 7, 1);
        QTest::newRow("renter") << Role::Renter << BookingFilter() << BookingSort() << renter;
        QTest::newRow("renter, status") << Role::Renter << status << BookingSort() << renter;
        QTest::newRow("renter, by renter")
            << Role::Renter << status << BookingSort { BookingColumn::Renter, Qt::AscendingOrder } << renter;
        QTest::newRow("landlord") << Role::Landlord << BookingFilter() << BookingSort() << landlord;
        QTest::newRow("landlord, status") << Role::Landlord << status << BookingSort() << landlord;
        QTest::newRow("landlord, dates") << Role::Landlord << dates << BookingSort() << landlord;
        QTest::newRow("landlord, by building")
            << Role::Landlord << status << BookingSort { BookingColumn::Building, Qt::DescendingOrder } << landlord;
        QTest::newRow("landlord, by renter") << Role::Landlord << BookingFilter()
                                             << BookingSort { BookingColumn::Renter, Qt::AscendingOrder } << landlord;
    }

    void theViewerDrivesThePlan()
    {
        using namespace rentdesk::models::query::detail;
        QFETCH(Role, role);
        QFETCH(BookingFilter, filter);
        QFETCH(BookingSort, sort);
        QFETCH(QStringList, expected);
        filter.viewer = role == Role::Renter ? m_renters.at(Roman) : m_landlords.at(Lena);
        const QStringList page = rentdesk::test::planOf(f->connection(), bookingPage(filter, role, sort, 0, 100));
        const QString choosing = rentdesk::test::choosingPartOf(page);
        const QString count = rentdesk::test::planOf(f->connection(), bookingCount(filter, role)).join(u'\n');
        for (const QString &plan : { choosing, count }) {
            for (const QString &step : expected)
                QVERIFY2(plan.contains(step), qPrintable(step + u"\nnot in\n"_s + plan));
            QVERIFY2(!plan.contains(u"bookings_status_idx"_s), qPrintable(plan));
            QVERIFY2(!plan.contains(u"SCAN b"_s), qPrintable(plan));
        }
        // The bookings come first; the joined tables are looked up by key.
        const qsizetype bookings = choosing.indexOf(u" b USING"_s);
        for (const QString &joined : { u"SEARCH a "_s, u"SEARCH bl "_s, u"SEARCH r "_s }) {
            const qsizetype at = choosing.indexOf(joined);
            QVERIFY2(at < 0 || at > bookings, qPrintable(choosing));
        }
    }
};

QTEST_GUILESS_MAIN(TestBookingQuery)
#include "tst_bookingquery.moc"
