// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/db/query.h"
#include "models/domain/storedvalues.h"
#include "tests/support/servicefixture.h"

#include <QRandomGenerator>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace rentdesk::models::services;
using rentdesk::models::domain::ReviewKind;
using Code = DomainError::Code;

namespace {

// Stored rating totals that differ from a recount of the reviews, as "table id: stored vs
// counted" lines; empty when all agree.
QStringList ratingMismatches(const QSqlDatabase &db)
{
    QStringList mismatches;
    for (const auto &[table, column] :
         { std::pair { u"users"_s, u"target_user_id"_s }, std::pair { u"apartments"_s, u"target_apartment_id"_s } }) {
        // Table and column names are this test's constants.
        auto query = rentdesk::models::db::exec(
            db,
            u"SELECT t.id, t.rating_sum, t.rating_count, coalesce(sum(r.rating), 0), count(r.id) FROM %1 AS t "
            "LEFT JOIN reviews AS r ON r.%2 = t.id GROUP BY t.id "
            "HAVING t.rating_sum <> coalesce(sum(r.rating), 0) OR t.rating_count <> count(r.id)"_s.arg(table, column));
        while (query && query->next()) {
            mismatches << u"%1 %2: stored %3/%4, counted %5/%6"_s.arg(
                table, query->value(0).toString(), query->value(1).toString(), query->value(2).toString(),
                query->value(3).toString(), query->value(4).toString());
        }
    }
    return mismatches;
}

} // namespace

// Rule 3: who may review whom, only after a stay, once per target, and rating totals
// that always equal a recount.
class TestReviewService : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<rentdesk::test::ServiceFixture> f;
    QUuid landlord, otherLandlord, renter, stranger, building, apartment, otherApartment;

    ReviewService::Target ofApartment(const QUuid &id) const { return { ReviewKind::Apartment, id }; }
    ReviewService::Target ofLandlord(const QUuid &id) const { return { ReviewKind::Landlord, id }; }
    ReviewService::Target ofRenter(const QUuid &id) const { return { ReviewKind::Renter, id }; }

private Q_SLOTS:
    void init()
    {
        f = std::make_unique<rentdesk::test::ServiceFixture>();
        QVERIFY2(f->isValid(), qPrintable(f->errorMessage()));
        landlord = f->addLandlord(u"Irina Landlord"_s);
        otherLandlord = f->addLandlord(u"Oleg Landlord"_s);
        renter = f->addRenter(u"Roman Renter"_s);
        stranger = f->addRenter(u"Stas Stranger"_s);
        building = f->addBuilding(landlord);
        apartment = f->addApartment(landlord, building, u"1"_s);
        otherApartment = f->addApartment(otherLandlord, f->addBuilding(otherLandlord, u"Other House"_s), u"2"_s);
        QVERIFY(!f->addStay(renter, landlord, apartment, QDate(2026, 6, 10), QDate(2026, 6, 20)).isNull());
    }

    void cleanup() { f.reset(); }

    void theThreeKindsAfterAStay()
    {
        auto ofFlat = f->reviews.create(renter, ofApartment(apartment), 5, u"  Wonderful view. "_s);
        QVERIFY2(ofFlat, qPrintable(ofFlat ? QString() : ofFlat.error().message));
        QCOMPARE(ofFlat->body, u"Wonderful view."_s);
        QCOMPARE(ofFlat->targetApartmentId, std::optional<QUuid>(apartment));
        auto ofOwner = f->reviews.create(renter, ofLandlord(landlord), 4, u"Helpful."_s);
        QVERIFY2(ofOwner, qPrintable(ofOwner ? QString() : ofOwner.error().message));
        auto ofGuest = f->reviews.create(landlord, ofRenter(renter), 3, u"Left it tidy."_s);
        QVERIFY2(ofGuest, qPrintable(ofGuest ? QString() : ofGuest.error().message));

        QCOMPARE(f->listings.apartment(apartment)->rating, (rentdesk::models::domain::Rating { 5, 1 }));
        QVERIFY(ratingMismatches(f->connection()).isEmpty());
        QCOMPARE(
            rentdesk::models::db::scalar(f->connection(),
                                         u"SELECT group_concat(name, ',') FROM (SELECT name FROM pending_mutations "
                                         "WHERE name LIKE '%Review' ORDER BY id)"_s)
                ->toString(),
            u"createReview,createReview,createReview"_s);
    }

    void refusals_data()
    {
        QTest::addColumn<int>("author"); // 0 renter, 1 stranger, 2 landlord, 3 other landlord
        QTest::addColumn<int>("kind");
        QTest::addColumn<int>(
            "target"); // 0 apartment, 1 other apartment, 2 landlord, 3 other landlord, 4 renter, 5 stranger
        QTest::addColumn<int>("code");
        QTest::addColumn<QString>("field");
        const int apt = int(ReviewKind::Apartment), lord = int(ReviewKind::Landlord), guest = int(ReviewKind::Renter);
        QTest::newRow("renter never stayed there") << 0 << apt << 1 << int(Code::NoStay) << u"target"_s;
        QTest::newRow("renter never booked with that landlord") << 0 << lord << 3 << int(Code::NoStay) << u"target"_s;
        QTest::newRow("stranger reviews the apartment") << 1 << apt << 0 << int(Code::NoStay) << u"target"_s;
        QTest::newRow("stranger reviews the landlord") << 1 << lord << 2 << int(Code::NoStay) << u"target"_s;
        QTest::newRow("landlord reviews a renter who never stayed")
            << 2 << guest << 5 << int(Code::NoStay) << u"target"_s;
        QTest::newRow("other landlord reviews the renter") << 3 << guest << 4 << int(Code::NoStay) << u"target"_s;
        QTest::newRow("renter reviews a renter") << 0 << guest << 5 << int(Code::NotAllowed) << u"kind"_s;
        QTest::newRow("landlord reviews an apartment") << 2 << apt << 0 << int(Code::NotAllowed) << u"kind"_s;
        QTest::newRow("landlord reviews a landlord") << 2 << lord << 3 << int(Code::NotAllowed) << u"kind"_s;
        QTest::newRow("landlord kind about a renter") << 0 << lord << 5 << int(Code::InvalidValue) << u"target"_s;
    }

    void refusals()
    {
        QFETCH(int, author);
        QFETCH(int, kind);
        QFETCH(int, target);
        QFETCH(int, code);
        QFETCH(QString, field);
        const QUuid authors[] = { renter, stranger, landlord, otherLandlord };
        const QUuid targets[] = { apartment, otherApartment, landlord, otherLandlord, renter, stranger };
        const QStringList before = f->dump();
        auto refused = f->reviews.create(authors[author], { ReviewKind(kind), targets[target] }, 4, u"Text"_s);
        QVERIFY(!refused);
        QCOMPARE(int(refused.error().code), code);
        QCOMPARE(refused.error().field, field);
        QVERIFY2(!rentdesk::test::looksLikeSql(refused.error().message), qPrintable(refused.error().message));
        QCOMPARE(f->reviews.canReview(authors[author], { ReviewKind(kind), targets[target] }).error().code,
                 DomainError::Code(code));
        QCOMPARE(f->dump(), before);
    }

    void aRequestIsNotAStay()
    {
        QVERIFY(f->bookings.request(stranger, apartment, QDate(2026, 7, 1), QDate(2026, 7, 3)));
        QCOMPARE(f->reviews.create(stranger, ofApartment(apartment), 2, QString()).error().code, Code::NoStay);
    }

    void oncePerTargetForEveryKind_data()
    {
        QTest::addColumn<int>("kind");
        QTest::newRow("apartment") << int(ReviewKind::Apartment);
        QTest::newRow("landlord") << int(ReviewKind::Landlord);
        QTest::newRow("renter") << int(ReviewKind::Renter);
    }

    void oncePerTargetForEveryKind()
    {
        QFETCH(int, kind);
        const ReviewKind k = ReviewKind(kind);
        const QUuid author = k == ReviewKind::Renter ? landlord : renter;
        const ReviewService::Target target { k,
                                             k == ReviewKind::Apartment      ? apartment
                                                 : k == ReviewKind::Landlord ? landlord
                                                                             : renter };
        QVERIFY(f->reviews.create(author, target, 5, u"First"_s));
        const QStringList before = f->dump();
        auto second = f->reviews.create(author, target, 1, u"Second"_s);
        QVERIFY(!second);
        QCOMPARE(second.error().code, Code::AlreadyReviewed);
        QCOMPARE(second.error().field, u"target"_s);
        QCOMPARE(f->dump(), before);
    }

    void editAndDeleteKeepTotalsAndBelongToTheAuthor()
    {
        auto review = f->reviews.create(renter, ofApartment(apartment), 5, u"Great"_s);
        QVERIFY(review);
        QCOMPARE(f->reviews.edit(stranger, review->id, 1, u"Mine now"_s).error().code, Code::NotAllowed);
        QCOMPARE(f->reviews.remove(landlord, review->id).error().code, Code::NotAllowed);
        QCOMPARE(f->reviews.edit(renter, review->id, 0, u"Zero"_s).error().field, u"rating"_s);

        auto edited = f->reviews.edit(renter, review->id, 2, u"Changed my mind"_s);
        QVERIFY(edited);
        QCOMPARE(edited->rating, 2);
        QCOMPARE(f->listings.apartment(apartment)->rating, (rentdesk::models::domain::Rating { 2, 1 }));
        QVERIFY(f->reviews.remove(renter, review->id));
        QCOMPARE(f->listings.apartment(apartment)->rating, (rentdesk::models::domain::Rating { 0, 0 }));
        QVERIFY(ratingMismatches(f->connection()).isEmpty());
        // Deleted, the target may be reviewed again.
        auto again = f->reviews.create(renter, ofApartment(apartment), 4, QString());
        QVERIFY2(again, qPrintable(again ? QString() : again.error().message));
    }

    void deleteIsAtomic()
    {
        auto review = f->reviews.create(renter, ofLandlord(landlord), 5, u"Great"_s);
        QVERIFY(review);
        // The review row is gone by the time the landlord's totals are updated: fail there.
        QVERIFY(f->run(u"CREATE TEMP TRIGGER fail BEFORE UPDATE OF rating_sum ON users "
                       "BEGIN SELECT RAISE(ABORT, 'injected'); END"_s));
        const QStringList before = f->dump();
        auto refused = f->reviews.remove(renter, review->id);
        QVERIFY(!refused);
        QVERIFY2(!rentdesk::test::looksLikeSql(refused.error().message), qPrintable(refused.error().message));
        QCOMPARE(f->dump(), before);
    }

    // Thousands of creates, edits and deletes in random order across many targets; the
    // stored totals must equal a recount at the end (and at checkpoints on the way).
    void randomisedTotalsEqualARecount()
    {
        constexpr int Renters = 24;
        constexpr int Apartments = 12;
        constexpr int Operations = 4000;
        QList<QUuid> renters;
        QList<QUuid> flats;
        QList<QUuid> owners;
        for (int i = 0; i < Renters; ++i)
            renters << f->addRenter(u"Renter %1"_s.arg(i));
        for (int i = 0; i < 4; ++i)
            owners << f->addLandlord(u"Owner %1"_s.arg(i));
        for (int i = 0; i < Apartments; ++i) {
            const QUuid owner = owners[i % owners.size()];
            flats << f->addApartment(owner, f->addBuilding(owner, u"House %1"_s.arg(i)), QString::number(i));
        }
        // Every renter stayed in every apartment: stays one after another, written directly.
        rentdesk::test::Rows rows(f->connection());
        QVERIFY(f->run(u"BEGIN"_s));
        for (int a = 0; a < Apartments; ++a) {
            for (int r = 0; r < Renters; ++r) {
                const QDate start = QDate(2025, 1, 1).addDays(r * 3);
                QCOMPARE(rows.booking(rentdesk::models::domain::toStoredId(rentdesk::models::domain::newId()),
                                      rentdesk::models::domain::toStoredId(flats[a]),
                                      rentdesk::models::domain::toStoredId(renters[r]),
                                      rentdesk::models::domain::toStoredDate(start),
                                      rentdesk::models::domain::toStoredDate(start.addDays(2)), u"completed"_s),
                         QString());
            }
        }
        QVERIFY(f->run(u"COMMIT"_s));

        QRandomGenerator random(20261125);
        QHash<QString, QUuid> written; // "author|target" -> review id
        int creates = 0, edits = 0, deletes = 0;
        for (int op = 0; op < Operations; ++op) {
            const int r = int(random.bounded(Renters));
            const int a = int(random.bounded(Apartments));
            const int kind = int(random.bounded(3));
            QUuid author;
            ReviewService::Target target;
            if (kind == 0) {
                author = renters[r];
                target = ofApartment(flats[a]);
            } else if (kind == 1) {
                author = renters[r];
                target = ofLandlord(owners[a % owners.size()]);
            } else {
                author = owners[a % owners.size()];
                target = ofRenter(renters[r]);
            }
            const QString key = author.toString() + u'|' + target.id.toString();
            const int rating = 1 + int(random.bounded(5));
            if (!written.contains(key)) {
                auto created = f->reviews.create(author, target, rating, u"Review %1"_s.arg(op));
                QVERIFY2(created, qPrintable(created ? QString() : created.error().message));
                written.insert(key, created->id);
                ++creates;
            } else if (random.bounded(3) == 0) {
                QVERIFY(f->reviews.remove(author, written.take(key)));
                ++deletes;
            } else {
                QVERIFY(f->reviews.edit(author, written.value(key), rating, u"Edited %1"_s.arg(op)));
                ++edits;
            }
            if (op % 1000 == 999)
                QVERIFY2(ratingMismatches(f->connection()).isEmpty(),
                         qPrintable(ratingMismatches(f->connection()).join(u'\n')));
        }
        QVERIFY(creates > 500 && edits > 500 && deletes > 200);
        QCOMPARE(f->count(u"reviews"_s), written.size());
        const QStringList mismatches = ratingMismatches(f->connection());
        QVERIFY2(mismatches.isEmpty(), qPrintable(mismatches.join(u'\n')));
    }
};

QTEST_GUILESS_MAIN(TestReviewService)
#include "tst_reviewservice.moc"
