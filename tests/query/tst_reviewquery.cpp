// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/query/reviewquery.h"
#include "models/query/reviewsql.h"
#include "tests/query/querytests.h"
#include "tests/support/servicefixture.h"

#include <QTest>

using namespace Qt::StringLiterals;
using rentdesk::models::domain::ReviewKind;
using rentdesk::models::query::ReviewColumn;
using rentdesk::models::query::ReviewFilter;
using rentdesk::models::query::ReviewQuery;
using rentdesk::models::query::ReviewRow;
using rentdesk::models::query::ReviewSort;
using rentdesk::models::services::DomainError;
using rentdesk::models::services::ReviewService;
using rentdesk::test::compare;

Q_DECLARE_METATYPE(ReviewFilter)
Q_DECLARE_METATYPE(ReviewSort)

namespace {

// People, places, stays and reviews of all three kinds, all made through the services.
enum Person { Lena, Oleg, Roman, Anna, Petr, Zoe }; // landlords first; Zoe reviews nobody
const QStringList names = { u"Lena Landlord"_s, u"Oleg Owner"_s,  u"Roman Renter"_s,
                            u"Anna Renter"_s,   u"Пётр Иванов"_s, u"Zoe Nobody"_s };

struct ApartmentSpec
{
    Person owner;
    int building;
    QString number;
};
const QStringList buildingNames = { u"Riverside House"_s, u"Тихий дом"_s };
const QList<ApartmentSpec> apartmentSpecs = {
    { Lena, 0, u"2"_s },
    { Lena, 0, u"10"_s },
    { Oleg, 1, u"1"_s },
};

struct StaySpec
{
    Person renter;
    int apartment;
    QDate start;
};
const QList<StaySpec> staySpecs = {
    { Roman, 0, QDate(2026, 6, 10) }, { Anna, 0, QDate(2026, 6, 20) }, { Petr, 1, QDate(2026, 6, 10) },
    { Roman, 2, QDate(2026, 6, 10) }, { Petr, 2, QDate(2026, 6, 20) },
};

struct ReviewSpec
{
    Person author;
    ReviewKind kind;
    int target; // a Person, or for Apartment an index into apartmentSpecs
    int rating; // after the edits below
    QString body;
    bool sameTimeAsPrevious = false;
};
const QList<ReviewSpec> reviewSpecs = {
    { Roman, ReviewKind::Apartment, 0, 5, u"Wonderful view."_s },
    { Roman, ReviewKind::Landlord, Lena, 4, u"Helpful."_s },
    { Lena, ReviewKind::Renter, Roman, 3, u"Left it tidy."_s },
    { Anna, ReviewKind::Apartment, 0, 2, u"Noisy street."_s, true },
    { Anna, ReviewKind::Landlord, Lena, 5, u"Quick answers."_s },
    { Lena, ReviewKind::Renter, Anna, 4, u"Пунктуальна."_s },
    { Petr, ReviewKind::Apartment, 1, 1, u"Холодно зимой."_s },
    { Petr, ReviewKind::Landlord, Lena, 3, u"Нормально."_s },
    { Roman, ReviewKind::Apartment, 2, 4, u"Тихо и уютно."_s },
    { Roman, ReviewKind::Landlord, Oleg, 2, u"Slow to reply."_s },
    { Oleg, ReviewKind::Renter, Roman, 5, u"Perfect guest."_s, true },
    { Oleg, ReviewKind::Renter, Petr, 4, QString() },
    { Petr, ReviewKind::Apartment, 2, 3, u"Ok."_s },
};

QUuid idOfRow(const ReviewRow &row)
{
    return row.review.id;
}

} // namespace

class TestReviewQuery : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<rentdesk::test::ServiceFixture> f;
    std::unique_ptr<ReviewQuery> m_query;
    QList<QUuid> m_people, m_apartments, m_reviews;

    QUuid targetOf(const ReviewSpec &spec) const
    {
        return spec.kind == ReviewKind::Apartment ? m_apartments.at(spec.target) : m_people.at(spec.target);
    }

    // The oracle: which reviews a filter should give, from the specs alone.
    QStringList expectedIds(const ReviewFilter &filter) const
    {
        QStringList ids;
        for (int i = 0; i < reviewSpecs.size(); ++i) {
            const ReviewSpec &r = reviewSpecs.at(i);
            const bool aboutApartment = r.kind == ReviewKind::Apartment;
            const QUuid author = m_people.at(r.author);
            const std::optional<QUuid> user = aboutApartment ? std::nullopt : std::optional(m_people.at(r.target));
            const std::optional<QUuid> apartment =
                aboutApartment ? std::optional(m_apartments.at(r.target)) : std::nullopt;
            const std::optional<QUuid> owner =
                aboutApartment ? std::optional(m_people.at(apartmentSpecs.at(r.target).owner)) : std::nullopt;
            if ((filter.kind && *filter.kind != r.kind) || (filter.minRating && r.rating < *filter.minRating)
                || (filter.authorId && *filter.authorId != author)
                || (filter.targetUserId && filter.targetUserId != user)
                || (filter.targetApartmentId && filter.targetApartmentId != apartment))
                continue;
            if (filter.involving && *filter.involving != author && filter.involving != user
                && filter.involving != owner)
                continue;
            ids.append(rentdesk::models::domain::toStoredId(m_reviews.at(i)));
        }
        ids.sort();
        return ids;
    }

    QList<ReviewRow> fetchAll(const ReviewFilter &filter, const ReviewSort &sort = {}) const
    {
        auto rows = m_query->fetch(filter, sort, 0, ReviewQuery::MaxLimit);
        if (!rows) {
            qWarning() << "fetch failed:" << rows.error().field << rows.error().message;
            return {};
        }
        return *rows;
    }

    QStringList foundIds(const ReviewFilter &filter) const
    {
        QStringList ids = rentdesk::test::idsOf<ReviewRow>(fetchAll(filter), idOfRow);
        ids.sort();
        return ids;
    }

private Q_SLOTS:
    void initTestCase()
    {
        qRegisterMetaType<ReviewFilter>();
        qRegisterMetaType<ReviewSort>();
    }

    void init()
    {
        f = std::make_unique<rentdesk::test::ServiceFixture>();
        QVERIFY2(f->isValid(), qPrintable(f->errorMessage()));
        m_query = std::make_unique<ReviewQuery>(f->database().shared());
        m_people.clear();
        m_apartments.clear();
        m_reviews.clear();
        for (int p = Lena; p <= Zoe; ++p)
            m_people.append(p <= Oleg ? f->addLandlord(names.at(p)) : f->addRenter(names.at(p)));
        QList<QUuid> buildings;
        for (int b = 0; b < buildingNames.size(); ++b)
            buildings.append(f->addBuilding(m_people.at(b == 0 ? Lena : Oleg), buildingNames.at(b)));
        for (const ApartmentSpec &spec : apartmentSpecs) {
            m_apartments.append(f->addApartment(m_people.at(spec.owner), buildings.at(spec.building), spec.number));
            QVERIFY(!m_apartments.last().isNull());
        }
        for (const StaySpec &stay : staySpecs) {
            const QUuid owner = m_people.at(apartmentSpecs.at(stay.apartment).owner);
            QVERIFY(!f->addStay(m_people.at(stay.renter), owner, m_apartments.at(stay.apartment), stay.start,
                                stay.start.addDays(5))
                         .isNull());
        }
        for (const ReviewSpec &spec : reviewSpecs) {
            if (!spec.sameTimeAsPrevious)
                f->clock.advanceSecs(60);
            // The first ratings differ from the final ones where an edit follows.
            auto review = f->reviews.create(m_people.at(spec.author), { spec.kind, targetOf(spec) },
                                            spec.rating == 1 ? 2 : spec.rating, spec.body);
            QVERIFY2(review, qPrintable(review ? QString() : review.error().message));
            m_reviews.append(review->id);
        }
        // Edits move updated_at (and a rating) away from created_at.
        f->clock.advanceSecs(3600);
        QVERIFY(f->reviews.edit(m_people.at(Petr), m_reviews.at(6), 1, reviewSpecs.at(6).body));
        f->clock.advanceSecs(60);
        QVERIFY(f->reviews.edit(m_people.at(Roman), m_reviews.at(0), 5, u"Wonderful view, again."_s));
    }

    void cleanup()
    {
        m_query.reset();
        f.reset();
    }

    void rowCarriesEveryField()
    {
        ReviewFilter filter;
        filter.authorId = m_people.at(Petr);
        filter.kind = ReviewKind::Apartment;
        filter.targetApartmentId = m_apartments.at(1);
        auto rows = m_query->fetch(filter, {}, 0, 10);
        QVERIFY(rows);
        QCOMPARE(rows->size(), 1);
        const ReviewRow &row = rows->constFirst();
        QCOMPARE(row.review.id, m_reviews.at(6));
        QCOMPARE(row.review.authorId, m_people.at(Petr));
        QCOMPARE(row.review.kind, ReviewKind::Apartment);
        QCOMPARE(row.review.targetApartmentId, std::optional<QUuid>(m_apartments.at(1)));
        QCOMPARE(row.review.targetUserId, std::optional<QUuid>());
        QCOMPARE(row.review.rating, 1);
        QCOMPARE(row.review.body, u"Холодно зимой."_s);
        QCOMPARE(row.review.createdAt, QDateTime(QDate(2026, 6, 1), QTime(10, 6), Qt::UTC));
        QCOMPARE(row.review.updatedAt, QDateTime(QDate(2026, 6, 1), QTime(11, 11), Qt::UTC));
        QCOMPARE(row.authorName, u"Пётр Иванов"_s);
        QCOMPARE(row.targetName, u"10, Riverside House"_s);
    }

    void targetNamesOfEveryKind()
    {
        QHash<QString, QString> targets; // review id -> target name
        for (const ReviewRow &row : fetchAll({}))
            targets.insert(rentdesk::models::domain::toStoredId(row.review.id), row.targetName);
        QCOMPARE(targets.size(), reviewSpecs.size());
        for (int i = 0; i < reviewSpecs.size(); ++i) {
            const ReviewSpec &spec = reviewSpecs.at(i);
            const QString expected = spec.kind == ReviewKind::Apartment ? apartmentSpecs.at(spec.target).number
                    + u", "_s + buildingNames.at(apartmentSpecs.at(spec.target).building)
                                                                        : names.at(spec.target);
            QCOMPARE(targets.value(rentdesk::models::domain::toStoredId(m_reviews.at(i))), expected);
        }
    }

    void filtersMatchTheOracleAndCountAgrees_data()
    {
        QTest::addColumn<ReviewFilter>("filter");
        QTest::addColumn<int>("expectedCount"); // written out, so that the oracle is checked too
        // Persons and apartments are indexes here, turned into ids by the test.
        const auto with = [](auto change) {
            ReviewFilter filter;
            change(filter);
            return filter;
        };
        const auto person = [](Person p) {
            return QUuid(uint(p + 1), 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);
        };
        const auto apartment = [](int a) {
            return QUuid(uint(a + 1), 1, 0, 0, 0, 0, 0, 0, 0, 0, 0);
        };
        QTest::newRow("everything") << ReviewFilter() << 13;
        QTest::newRow("kind apartment") << with([](auto &x) { x.kind = ReviewKind::Apartment; }) << 5;
        QTest::newRow("kind landlord") << with([](auto &x) { x.kind = ReviewKind::Landlord; }) << 4;
        QTest::newRow("kind renter") << with([](auto &x) { x.kind = ReviewKind::Renter; }) << 4;
        QTest::newRow("min rating 1") << with([](auto &x) { x.minRating = 1; }) << 13;
        QTest::newRow("min rating 4") << with([](auto &x) { x.minRating = 4; }) << 7;
        QTest::newRow("min rating 5") << with([](auto &x) { x.minRating = 5; }) << 3;
        QTest::newRow("author roman") << with([&](auto &x) { x.authorId = person(Roman); }) << 4;
        QTest::newRow("author lena") << with([&](auto &x) { x.authorId = person(Lena); }) << 2;
        QTest::newRow("author zoe") << with([&](auto &x) { x.authorId = person(Zoe); }) << 0;
        QTest::newRow("about lena") << with([&](auto &x) { x.targetUserId = person(Lena); }) << 3;
        QTest::newRow("about roman") << with([&](auto &x) { x.targetUserId = person(Roman); }) << 2;
        QTest::newRow("about the first apartment") << with([&](auto &x) { x.targetApartmentId = apartment(0); }) << 2;
        QTest::newRow("about oleg's apartment") << with([&](auto &x) { x.targetApartmentId = apartment(2); }) << 2;
        QTest::newRow("involving lena") << with([&](auto &x) { x.involving = person(Lena); }) << 8;
        QTest::newRow("involving oleg") << with([&](auto &x) { x.involving = person(Oleg); }) << 5;
        QTest::newRow("involving roman") << with([&](auto &x) { x.involving = person(Roman); }) << 6;
        QTest::newRow("involving zoe") << with([&](auto &x) { x.involving = person(Zoe); }) << 0;
        QTest::newRow("apartment reviews of 3 stars and more") << with([](auto &x) {
            x.kind = ReviewKind::Apartment;
            x.minRating = 3;
        }) << 3;
        QTest::newRow("involving lena, by lena") << with([&](auto &x) {
            x.involving = person(Lena);
            x.kind = ReviewKind::Renter;
        }) << 2;
        QTest::newRow("roman about landlords, 4 and more") << with([&](auto &x) {
            x.authorId = person(Roman);
            x.kind = ReviewKind::Landlord;
            x.minRating = 4;
        }) << 1;
        QTest::newRow("kind and target that cannot meet") << with([&](auto &x) {
            x.kind = ReviewKind::Renter;
            x.targetApartmentId = apartment(0);
        }) << 0;
    }

    void filtersMatchTheOracleAndCountAgrees()
    {
        QFETCH(ReviewFilter, filter);
        QFETCH(int, expectedCount);
        // The placeholders of the data rows stand for this test's people and apartments.
        const auto real = [&](std::optional<QUuid> &id) {
            if (!id)
                return;
            const int index = int(id->data1) - 1;
            id = id->data2 == 1 ? m_apartments.at(index) : m_people.at(index);
        };
        real(filter.authorId);
        real(filter.targetUserId);
        real(filter.targetApartmentId);
        real(filter.involving);
        const QStringList expected = expectedIds(filter);
        QCOMPARE(expected.size(), expectedCount);
        QCOMPARE(foundIds(filter), expected);
        QCOMPARE(m_query->count(filter).value_or(-1), qint64(expectedCount));
    }

    void everyColumnSortsBothWaysAndPagesStably_data()
    {
        QTest::addColumn<ReviewSort>("sort");
        QTest::addColumn<bool>("narrowed");
        for (int c = int(ReviewColumn::Kind); c <= int(ReviewColumn::Updated); ++c) {
            for (Qt::SortOrder order : { Qt::AscendingOrder, Qt::DescendingOrder }) {
                for (bool narrowed : { false, true }) {
                    QTest::addRow("column %d %s%s", c, order == Qt::AscendingOrder ? "ascending" : "descending",
                                  narrowed ? ", involving lena" : "")
                        << ReviewSort { ReviewColumn(c), order } << narrowed;
                }
            }
        }
    }

    void everyColumnSortsBothWaysAndPagesStably()
    {
        QFETCH(ReviewSort, sort);
        QFETCH(bool, narrowed);
        using Row = ReviewRow;
        std::function<int(const Row &, const Row &)> column;
        switch (sort.column) {
        case ReviewColumn::Kind:
            column = [](const Row &a, const Row &b) {
                return compare(int(a.review.kind), int(b.review.kind));
            };
            break;
        case ReviewColumn::Rating:
            column = [](const Row &a, const Row &b) {
                return compare(a.review.rating, b.review.rating);
            };
            break;
        case ReviewColumn::Author:
            column = [](const Row &a, const Row &b) {
                return compare(a.authorName, b.authorName);
            };
            break;
        case ReviewColumn::Target:
            column = [](const Row &a, const Row &b) {
                return compare(a.targetName, b.targetName);
            };
            break;
        case ReviewColumn::Text:
            column = [](const Row &a, const Row &b) {
                return compare(a.review.body, b.review.body);
            };
            break;
        case ReviewColumn::Created:
            column = [](const Row &a, const Row &b) {
                return compare(a.review.createdAt, b.review.createdAt);
            };
            break;
        case ReviewColumn::Updated:
            column = [](const Row &a, const Row &b) {
                return compare(a.review.updatedAt, b.review.updatedAt);
            };
            break;
        }
        ReviewFilter filter;
        if (narrowed)
            filter.involving = m_people.at(Lena);
        const QList<Row> rows = fetchAll(filter, sort);
        QCOMPARE(rows.size(), narrowed ? 8 : reviewSpecs.size());
        const QStringList all = rentdesk::test::idsOf<Row>(rows, idOfRow);
        QCOMPARE(all, rentdesk::test::expectedOrder<Row>(rows, sort.order, column, idOfRow));
        for (int pageSize : { 1, 4 }) {
            const QStringList paged = rentdesk::test::pagedIds<Row>(
                [&](int offset, int limit) { return m_query->fetch(filter, sort, offset, limit); }, pageSize, idOfRow);
            QCOMPARE(paged, all);
        }
        // A filter that the index of the default order tests keeps its place in any order.
        ReviewFilter kind;
        kind.kind = ReviewKind::Renter;
        kind.minRating = 4;
        const QList<Row> some = fetchAll(kind, sort);
        QCOMPARE(some.size(), 3);
        QCOMPARE(rentdesk::test::idsOf<Row>(some, idOfRow),
                 rentdesk::test::expectedOrder<Row>(some, sort.order, column, idOfRow));
    }

    void theDefaultSortIsLatestFirst()
    {
        const QList<ReviewRow> rows = fetchAll({});
        for (qsizetype i = 1; i < rows.size(); ++i)
            QVERIFY(rows.at(i - 1).review.createdAt >= rows.at(i).review.createdAt);
        QCOMPARE(rows.constFirst().review.id, m_reviews.last());
    }

    void invalidFiltersAreRefusedWithTheirField_data()
    {
        QTest::addColumn<ReviewFilter>("filter");
        QTest::addColumn<int>("offset");
        QTest::addColumn<int>("limit");
        QTest::addColumn<QString>("field");
        const auto with = [](auto change) {
            ReviewFilter filter;
            change(filter);
            return filter;
        };
        QTest::newRow("rating 0") << with([](auto &x) { x.minRating = 0; }) << 0 << 10 << u"rating"_s;
        QTest::newRow("rating 6") << with([](auto &x) { x.minRating = 6; }) << 0 << 10 << u"rating"_s;
        QTest::newRow("null author") << with([](auto &x) { x.authorId = QUuid(); }) << 0 << 10 << u"author"_s;
        QTest::newRow("null user") << with([](auto &x) { x.targetUserId = QUuid(); }) << 0 << 10 << u"targetUser"_s;
        QTest::newRow("null apartment") << with([](auto &x) { x.targetApartmentId = QUuid(); }) << 0 << 10
                                        << u"targetApartment"_s;
        QTest::newRow("null involving") << with([](auto &x) { x.involving = QUuid(); }) << 0 << 10 << u"involving"_s;
        QTest::newRow("limit 0") << ReviewFilter() << 0 << 0 << u"limit"_s;
        QTest::newRow("limit above 1000") << ReviewFilter() << 0 << 1001 << u"limit"_s;
        QTest::newRow("negative offset") << ReviewFilter() << -1 << 10 << u"offset"_s;
    }

    void invalidFiltersAreRefusedWithTheirField()
    {
        QFETCH(ReviewFilter, filter);
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

    // Every review, latest first, walks reviews_created_idx backwards and tests the kind and
    // the rating in it: no sort of all reviews, no review read to choose a page.
    void theDefaultListingWalksTheCreatedIndex_data()
    {
        QTest::addColumn<ReviewFilter>("filter");
        ReviewFilter kind;
        kind.kind = ReviewKind::Landlord;
        ReviewFilter rating;
        rating.minRating = 4;
        ReviewFilter both = kind;
        both.minRating = 5;
        QTest::newRow("everything") << ReviewFilter();
        QTest::newRow("kind") << kind;
        QTest::newRow("rating") << rating;
        QTest::newRow("kind and rating") << both;
    }

    void theDefaultListingWalksTheCreatedIndex()
    {
        using namespace rentdesk::models::query::detail;
        QFETCH(ReviewFilter, filter);
        const QString page =
            rentdesk::test::choosingPartOf(rentdesk::test::planOf(f->connection(), reviewPage(filter, {}, 0, 100)));
        QVERIFY2(page.contains(u"SCAN r USING COVERING INDEX reviews_created_idx"_s), qPrintable(page));
        QVERIFY2(!page.contains(u"TEMP B-TREE"_s), qPrintable(page));
        const QString count = rentdesk::test::planOf(f->connection(), reviewCount(filter)).join(u'\n');
        QVERIFY2(count.contains(u"USING COVERING INDEX"_s), qPrintable(count));
    }

    // Sorted by author, a page walks the authors by name and each one's reviews; filtered by
    // a person, that person's few reviews come first.
    void authorsByNameDriveTheAuthorSort()
    {
        using namespace rentdesk::models::query::detail;
        const ReviewSort byAuthor { ReviewColumn::Author, Qt::DescendingOrder };
        const QString all =
            rentdesk::test::choosingPartOf(rentdesk::test::planOf(f->connection(), reviewPage({}, byAuthor, 0, 100)));
        QVERIFY2(all.contains(u"SCAN au USING INDEX users_display_name_idx"_s), qPrintable(all));
        QVERIFY2(all.contains(u"SEARCH r USING INDEX reviews_one_per_author_"_s), qPrintable(all));
        QVERIFY2(all.contains(u"TEMP B-TREE FOR RIGHT PART OF ORDER BY"_s), qPrintable(all));

        ReviewFilter involving;
        involving.involving = m_people.at(Lena);
        for (const ReviewSort &sort : { ReviewSort(), byAuthor }) {
            const QString narrowed = rentdesk::test::choosingPartOf(
                rentdesk::test::planOf(f->connection(), reviewPage(involving, sort, 0, 100)));
            QVERIFY2(narrowed.contains(u"SEARCH r USING INTEGER PRIMARY KEY (rowid=?)"_s), qPrintable(narrowed));
            QVERIFY2(!narrowed.contains(u"SCAN r"_s) && !narrowed.contains(u"SCAN au"_s), qPrintable(narrowed));
        }
    }
};

QTEST_GUILESS_MAIN(TestReviewQuery)
#include "tst_reviewquery.moc"
