// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/query/buildingquery.h"
#include "models/query/buildingsql.h"
#include "models/query/wordsearch.h"
#include "tests/query/querytests.h"
#include "tests/support/servicefixture.h"

#include <QTest>

using namespace Qt::StringLiterals;
using rentdesk::models::query::BuildingColumn;
using rentdesk::models::query::BuildingFilter;
using rentdesk::models::query::BuildingQuery;
using rentdesk::models::query::BuildingRow;
using rentdesk::models::query::BuildingSort;
using rentdesk::models::services::DomainError;
using rentdesk::test::compare;

Q_DECLARE_METATYPE(BuildingFilter)
Q_DECLARE_METATYPE(BuildingSort)

namespace {

// Buildings made through ListingService, with ties on purpose: two named "Harbour View",
// floors 9 and 5 twice, the year 2005 twice and unknown twice, 0, 1 and 2 apartments twice
// each, two created at the same instant.
struct BuildingSpec
{
    int owner; // index into the landlords
    QString name, address, city;
    int floors;
    std::optional<int> year;
    int apartments;
    bool sameTimeAsPrevious = false;
};

const QList<BuildingSpec> specs = {
    { 0, u"Дом на Баумана"_s, u"ул. Баумана, 12"_s, u"Казань"_s, 9, 1998, 2 },
    { 0, u"Зелёный двор"_s, u"ул. Зелёная, 5"_s, u"Казань"_s, 5, std::nullopt, 0 },
    { 1, u"Harbour View"_s, u"3 Quay Street"_s, u"London"_s, 12, 2005, 3 },
    { 1, u"Café Corner"_s, u"10 Market Square"_s, u"Manchester"_s, 5, 1890, 1 },
    { 0, u"Harbour View"_s, u"Невский проспект, 1"_s, u"Санкт-Петербург"_s, 9, 2005, 2 },
    { 2, u"Riverside House"_s, u"1 River Street"_s, u"London"_s, 3, std::nullopt, 0, true },
    { 1, u"Тихий дом"_s, u"ул. Ленина, 1"_s, u"Казань"_s, 16, 1975, 1 },
};

const QStringList landlordNames = { u"Ирина Соколова"_s, u"Tom Baker"_s, u"Anna Berg"_s };

QUuid idOfRow(const BuildingRow &row)
{
    return row.building.id;
}

} // namespace

class TestBuildingQuery : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<rentdesk::test::ServiceFixture> f;
    std::unique_ptr<BuildingQuery> m_query;
    QList<QUuid> m_landlords;
    QList<QUuid> m_buildings; // in the order of specs
    QUuid m_renter;

    QStringList ids(std::initializer_list<int> indexes) const
    {
        QStringList list;
        for (int i : indexes)
            list.append(rentdesk::models::domain::toStoredId(m_buildings.at(i)));
        list.sort();
        return list;
    }

    QList<BuildingRow> fetchAll(const BuildingFilter &filter, const BuildingSort &sort = {}) const
    {
        auto rows = m_query->fetch(filter, sort, 0, BuildingQuery::MaxLimit);
        if (!rows) {
            qWarning() << "fetch failed:" << rows.error().field << rows.error().message;
            return {};
        }
        return *rows;
    }

    QStringList foundIds(const BuildingFilter &filter) const
    {
        QStringList list = rentdesk::test::idsOf<BuildingRow>(fetchAll(filter), idOfRow);
        list.sort();
        return list;
    }

private Q_SLOTS:
    void initTestCase()
    {
        qRegisterMetaType<BuildingFilter>();
        qRegisterMetaType<BuildingSort>();
    }

    void init()
    {
        f = std::make_unique<rentdesk::test::ServiceFixture>();
        QVERIFY2(f->isValid(), qPrintable(f->errorMessage()));
        m_query = std::make_unique<BuildingQuery>(f->database().shared());
        m_landlords.clear();
        m_buildings.clear();
        for (const QString &name : landlordNames)
            m_landlords.append(f->addLandlord(name));
        m_renter = f->addRenter();
        for (const BuildingSpec &spec : specs) {
            if (!spec.sameTimeAsPrevious)
                f->clock.advanceSecs(60);
            auto building = f->listings.createBuilding(m_landlords.at(spec.owner),
                                                       { spec.name, spec.address, spec.city, spec.floors, spec.year });
            QVERIFY2(building, qPrintable(building ? QString() : building.error().message));
            m_buildings.append(building->id);
            for (int n = 1; n <= spec.apartments; ++n)
                QVERIFY(!f->addApartment(m_landlords.at(spec.owner), building->id, QString::number(n)).isNull());
        }
    }

    void cleanup()
    {
        m_query.reset();
        f.reset();
    }

    void rowCarriesEveryField()
    {
        BuildingFilter filter;
        filter.text = u"баумана"_s;
        auto rows = m_query->fetch(filter, {}, 0, 10);
        QVERIFY(rows);
        QCOMPARE(rows->size(), 1);
        const BuildingRow &row = rows->constFirst();
        QCOMPARE(row.building.id, m_buildings.at(0));
        QCOMPARE(row.building.ownerId, m_landlords.at(0));
        QCOMPARE(row.building.name, u"Дом на Баумана"_s);
        QCOMPARE(row.building.address, u"ул. Баумана, 12"_s);
        QCOMPARE(row.building.city, u"Казань"_s);
        QCOMPARE(row.building.floors, 9);
        QCOMPARE(row.building.yearBuilt, std::optional<int>(1998));
        QCOMPARE(row.building.createdAt, QDateTime(QDate(2026, 6, 1), QTime(10, 1), Qt::UTC));
        QCOMPARE(row.ownerName, u"Ирина Соколова"_s);
        QCOMPARE(row.apartments, 2);
    }

    void everyBuildingHasItsOwnerAndApartments()
    {
        const QList<BuildingRow> rows = fetchAll({});
        QCOMPARE(rows.size(), specs.size());
        for (const BuildingRow &row : rows) {
            const qsizetype i = m_buildings.indexOf(row.building.id);
            QVERIFY(i >= 0);
            QCOMPARE(row.apartments, specs.at(i).apartments);
            QCOMPARE(row.ownerName, landlordNames.at(specs.at(i).owner));
            QCOMPARE(row.building.yearBuilt, specs.at(i).year);
        }
    }

    void filtersAndCountAgree_data()
    {
        QTest::addColumn<BuildingFilter>("filter");
        QTest::addColumn<QList<int>>("expected");
        const auto text = [](const QString &words) {
            BuildingFilter filter;
            filter.text = words;
            return filter;
        };
        QTest::newRow("everything") << BuildingFilter() << QList<int> { 0, 1, 2, 3, 4, 5, 6 };
        QTest::newRow("prefix of a street") << text(u"баум"_s) << QList<int> { 0 };
        QTest::newRow("any case, name of two") << text(u"ДОМ"_s) << QList<int> { 0, 6 };
        QTest::newRow("yo typed as ye") << text(u"зеленая"_s) << QList<int> { 1 };
        QTest::newRow("yo typed as yo") << text(u"ЗЕЛЁНЫЙ"_s) << QList<int> { 1 };
        QTest::newRow("latin, two buildings") << text(u"harbour"_s) << QList<int> { 2, 4 };
        QTest::newRow("accents ignored") << text(u"cafe"_s) << QList<int> { 3 };
        QTest::newRow("address words") << text(u"street"_s) << QList<int> { 2, 5 };
        QTest::newRow("every word, name or address") << text(u"harbour невский"_s) << QList<int> { 4 };
        QTest::newRow("punctuation is not a word") << text(u"ул., 1"_s) << QList<int> { 0, 6 };
        QTest::newRow("nothing matches") << text(u"atlantis"_s) << QList<int> {};
        QTest::newRow("punctuation only: no text filter") << text(u" -- ; "_s) << QList<int> { 0, 1, 2, 3, 4, 5, 6 };
        QTest::newRow("sql is text") << text(u"'; DROP TABLE buildings; --"_s) << QList<int> {};
        BuildingFilter kazan;
        kazan.city = u"Казань"_s;
        QTest::newRow("city") << kazan << QList<int> { 0, 1, 6 };
        BuildingFilter london;
        london.city = u"London"_s;
        QTest::newRow("city, latin") << london << QList<int> { 2, 5 };
        BuildingFilter lowerCase;
        lowerCase.city = u"казань"_s;
        QTest::newRow("city is exact") << lowerCase << QList<int> {};
        BuildingFilter blank;
        blank.city = u"  "_s;
        QTest::newRow("blank city: any") << blank << QList<int> { 0, 1, 2, 3, 4, 5, 6 };
        london.text = u"river"_s;
        QTest::newRow("city and text") << london << QList<int> { 5 };
    }

    void filtersAndCountAgree()
    {
        QFETCH(BuildingFilter, filter);
        QFETCH(QList<int>, expected);
        QStringList wanted;
        for (int i : expected)
            wanted.append(rentdesk::models::domain::toStoredId(m_buildings.at(i)));
        wanted.sort();
        QCOMPARE(foundIds(filter), wanted);
        QCOMPARE(m_query->count(filter).value_or(-1), qint64(expected.size()));
    }

    void ownerFilter()
    {
        for (int owner = 0; owner < landlordNames.size(); ++owner) {
            BuildingFilter filter;
            filter.ownerId = m_landlords.at(owner);
            QStringList wanted;
            for (int i = 0; i < specs.size(); ++i) {
                if (specs.at(i).owner == owner)
                    wanted.append(rentdesk::models::domain::toStoredId(m_buildings.at(i)));
            }
            wanted.sort();
            QCOMPARE(foundIds(filter), wanted);
            QCOMPARE(m_query->count(filter).value_or(-1), qint64(wanted.size()));
        }
        BuildingFilter ownsNothing;
        ownsNothing.ownerId = m_renter;
        QCOMPARE(m_query->count(ownsNothing).value_or(-1), 0);
        ownsNothing.city = u"Казань"_s;
        ownsNothing.ownerId = m_landlords.at(1);
        QCOMPARE(foundIds(ownsNothing), ids({ 6 }));
    }

    void everyColumnSortsBothWaysAndPagesStably_data()
    {
        QTest::addColumn<BuildingSort>("sort");
        for (int c = int(BuildingColumn::Name); c <= int(BuildingColumn::Created); ++c) {
            for (Qt::SortOrder order : { Qt::AscendingOrder, Qt::DescendingOrder }) {
                QTest::addRow("column %d %s", c, order == Qt::AscendingOrder ? "ascending" : "descending")
                    << BuildingSort { BuildingColumn(c), order };
            }
        }
    }

    void everyColumnSortsBothWaysAndPagesStably()
    {
        QFETCH(BuildingSort, sort);
        using Row = BuildingRow;
        std::function<int(const Row &, const Row &)> column;
        std::function<bool(const Row &)> last;
        switch (sort.column) {
        case BuildingColumn::Name:
            column = [](const Row &a, const Row &b) {
                return compare(a.building.name, b.building.name);
            };
            break;
        case BuildingColumn::Address:
            column = [](const Row &a, const Row &b) {
                return compare(a.building.address, b.building.address);
            };
            break;
        case BuildingColumn::City:
            column = [](const Row &a, const Row &b) {
                return compare(a.building.city, b.building.city);
            };
            break;
        case BuildingColumn::Floors:
            column = [](const Row &a, const Row &b) {
                return compare(a.building.floors, b.building.floors);
            };
            break;
        case BuildingColumn::YearBuilt:
            column = [](const Row &a, const Row &b) {
                return compare(*a.building.yearBuilt, *b.building.yearBuilt);
            };
            last = [](const Row &row) {
                return !row.building.yearBuilt.has_value();
            };
            break;
        case BuildingColumn::Apartments:
            column = [](const Row &a, const Row &b) {
                return compare(a.apartments, b.apartments);
            };
            break;
        case BuildingColumn::Owner:
            column = [](const Row &a, const Row &b) {
                return compare(a.ownerName, b.ownerName);
            };
            break;
        case BuildingColumn::Created:
            column = [](const Row &a, const Row &b) {
                return compare(a.building.createdAt, b.building.createdAt);
            };
            break;
        }
        const QList<Row> rows = fetchAll({}, sort);
        QCOMPARE(rows.size(), specs.size());
        const QStringList all = rentdesk::test::idsOf<Row>(rows, idOfRow);
        QCOMPARE(all, rentdesk::test::expectedOrder<Row>(rows, sort.order, column, idOfRow, last));
        for (int pageSize : { 1, 2, 3 }) {
            const QStringList paged = rentdesk::test::pagedIds<Row>(
                [&](int offset, int limit) { return m_query->fetch({}, sort, offset, limit); }, pageSize, idOfRow);
            QCOMPARE(paged, all);
        }
        // A filtered list keeps its filter in every order.
        BuildingFilter kazan;
        kazan.city = u"Казань"_s;
        const QList<Row> filtered = fetchAll(kazan, sort);
        QCOMPARE(rentdesk::test::idsOf<Row>(filtered, idOfRow),
                 rentdesk::test::expectedOrder<Row>(filtered, sort.order, column, idOfRow, last));
        QCOMPARE(filtered.size(), 3);
    }

    void citiesAreThoseWithBuildings()
    {
        auto cities = m_query->cities();
        QVERIFY(cities);
        QCOMPARE(*cities, QStringList({ u"London"_s, u"Manchester"_s, u"Казань"_s, u"Санкт-Петербург"_s }));
    }

    void invalidFiltersAreRefusedWithTheirField_data()
    {
        QTest::addColumn<BuildingFilter>("filter");
        QTest::addColumn<int>("offset");
        QTest::addColumn<int>("limit");
        QTest::addColumn<QString>("field");
        BuildingFilter longText;
        longText.text = QString(201, u'a');
        QTest::newRow("text too long") << longText << 0 << 10 << u"text"_s;
        BuildingFilter nullOwner;
        nullOwner.ownerId = QUuid();
        QTest::newRow("null owner") << nullOwner << 0 << 10 << u"owner"_s;
        QTest::newRow("limit 0") << BuildingFilter() << 0 << 0 << u"limit"_s;
        QTest::newRow("limit above 1000") << BuildingFilter() << 0 << 1001 << u"limit"_s;
        QTest::newRow("negative offset") << BuildingFilter() << -1 << 10 << u"offset"_s;
    }

    void invalidFiltersAreRefusedWithTheirField()
    {
        QFETCH(BuildingFilter, filter);
        QFETCH(int, offset);
        QFETCH(int, limit);
        QFETCH(QString, field);
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

    void largestPageAndPastTheEnd()
    {
        QCOMPARE(m_query->fetch({}, {}, 0, BuildingQuery::MaxLimit).value_or(QList<BuildingRow>()).size(),
                 specs.size());
        auto past = m_query->fetch({}, {}, 100, 10);
        QVERIFY(past);
        QVERIFY(past->isEmpty());
    }

    // An unreadable stored value fails the page, naming the building.
    void unreadableRowFailsThePage()
    {
        QVERIFY(f->run(u"PRAGMA ignore_check_constraints = ON"_s));
        QVERIFY(f->run(u"UPDATE buildings SET created_at = 'yesterday' WHERE name = 'Café Corner'"_s));
        QVERIFY(f->run(u"PRAGMA ignore_check_constraints = OFF"_s));
        auto rows = m_query->fetch({}, {}, 0, 100);
        QVERIFY(!rows);
        QCOMPARE(rows.error().code, DomainError::Code::Storage);
        QVERIFY2(rows.error().message.contains(rentdesk::models::domain::toStoredId(m_buildings.at(3))),
                 qPrintable(rows.error().message));
        QCOMPARE(m_query->count({}).value_or(-1), qint64(specs.size()));
    }

    // The default listing walks buildings_name_idx in order: no sort of all buildings.
    void defaultSortWalksTheNameIndex()
    {
        using namespace rentdesk::models::query::detail;
        const QString plan =
            rentdesk::test::choosingPartOf(rentdesk::test::planOf(f->connection(), buildingPage({}, {}, {}, 0, 100)));
        QVERIFY2(plan.contains(u"SCAN b USING COVERING INDEX buildings_name_idx"_s), qPrintable(plan));
        QVERIFY2(!plan.contains(u"TEMP B-TREE"_s), qPrintable(plan));

        BuildingFilter owner;
        owner.ownerId = m_landlords.at(0);
        const QString owned = rentdesk::test::choosingPartOf(
            rentdesk::test::planOf(f->connection(), buildingPage(owner, {}, {}, 0, 100)));
        QVERIFY2(owned.contains(u"buildings_owner_idx (owner_id=?)"_s), qPrintable(owned));
    }
};

QTEST_GUILESS_MAIN(TestBuildingQuery)
#include "tst_buildingquery.moc"
