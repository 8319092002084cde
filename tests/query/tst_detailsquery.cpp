// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/query/detailsquery.h"
#include "tests/query/querytests.h"
#include "tests/support/servicefixture.h"

#include <QTest>

using namespace Qt::StringLiterals;
using rentdesk::models::domain::ApartmentStatus;
using rentdesk::models::domain::BookingStatus;
using rentdesk::models::domain::Rating;
using rentdesk::models::domain::ReviewKind;
using rentdesk::models::domain::Role;
using rentdesk::models::query::BookingRow;
using rentdesk::models::query::DetailsQuery;
using rentdesk::models::query::ReviewRow;
using rentdesk::models::services::DomainError;

namespace {

QList<QUuid> bookingIds(const QList<BookingRow> &rows)
{
    QList<QUuid> ids;
    for (const BookingRow &row : rows)
        ids.append(row.booking.id);
    return ids;
}

QList<QUuid> reviewIds(const QList<ReviewRow> &rows)
{
    QList<QUuid> ids;
    for (const ReviewRow &row : rows)
        ids.append(row.review.id);
    return ids;
}

} // namespace

// The detail panes and the status bar's counts, on data made through the services.
class TestDetailsQuery : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<rentdesk::test::ServiceFixture> f;
    std::unique_ptr<DetailsQuery> m_query;
    QUuid lena, oleg, roman, anna, petr;
    QUuid riverside, empty, first, second, third, olegs;
    QUuid romanFirst, annaFirst, romanLater, petrSecond; // bookings
    QUuid romanOfFirst, annaOfFirst, romanOfLena, annaOfLena, lenaOfRoman, petrOfSecond; // reviews

    QUuid review(const QUuid &author, ReviewKind kind, const QUuid &target, int rating)
    {
        f->clock.advanceSecs(60);
        auto done = f->reviews.create(author, { kind, target }, rating, u"Review by %1"_s.arg(author.toString()));
        return done ? done->id : QUuid();
    }

private Q_SLOTS:
    void init()
    {
        f = std::make_unique<rentdesk::test::ServiceFixture>();
        QVERIFY2(f->isValid(), qPrintable(f->errorMessage()));
        m_query = std::make_unique<DetailsQuery>(f->database().shared());
        lena = f->addLandlord(u"Lena Landlord"_s);
        oleg = f->addLandlord(u"Oleg Owner"_s);
        roman = f->addRenter(u"Roman Renter"_s);
        anna = f->addRenter(u"Anna Renter"_s);
        petr = f->addRenter(u"Пётр Иванов"_s);
        riverside = f->addBuilding(lena, u"Riverside House"_s);
        empty = f->addBuilding(lena, u"Empty House"_s);
        first = f->addApartment(lena, riverside, u"1"_s);
        second = f->addApartment(lena, riverside, u"2"_s);
        third = f->addApartment(lena, riverside, u"3"_s);
        olegs = f->addApartment(oleg, f->addBuilding(oleg, u"Тихий дом"_s), u"7"_s);

        romanFirst = f->addStay(roman, lena, first, QDate(2026, 6, 10), QDate(2026, 6, 15));
        annaFirst = f->addStay(anna, lena, first, QDate(2026, 6, 20), QDate(2026, 6, 25));
        auto later = f->bookings.request(roman, first, QDate(2026, 7, 1), QDate(2026, 7, 5));
        QVERIFY(later);
        romanLater = later->id;
        petrSecond = f->addStay(petr, lena, second, QDate(2026, 6, 3), QDate(2026, 6, 4));
        QVERIFY(!f->addStay(roman, oleg, olegs, QDate(2026, 6, 3), QDate(2026, 6, 4)).isNull());

        romanOfFirst = review(roman, ReviewKind::Apartment, first, 5);
        annaOfFirst = review(anna, ReviewKind::Apartment, first, 3);
        romanOfLena = review(roman, ReviewKind::Landlord, lena, 4);
        annaOfLena = review(anna, ReviewKind::Landlord, lena, 5);
        lenaOfRoman = review(lena, ReviewKind::Renter, roman, 2);
        petrOfSecond = review(petr, ReviewKind::Apartment, second, 4);
        for (const QUuid &id : { romanOfFirst, annaOfFirst, romanOfLena, annaOfLena, lenaOfRoman, petrOfSecond })
            QVERIFY(!id.isNull());
    }

    void cleanup()
    {
        m_query.reset();
        f.reset();
    }

    void apartmentForItsOwner()
    {
        auto details = m_query->apartment(lena, first);
        QVERIFY2(details, qPrintable(details ? QString() : details.error().message));
        QCOMPARE(details->apartment.id, first);
        QCOMPARE(details->apartment.number, u"1"_s);
        QCOMPARE(details->apartment.status, ApartmentStatus::Booked);
        QCOMPARE(details->apartment.rating, (Rating { 8, 2 }));
        QCOMPARE(details->building.id, riverside);
        QCOMPARE(details->building.name, u"Riverside House"_s);
        QCOMPARE(details->ownerName, u"Lena Landlord"_s);
        QCOMPARE(details->ownerRating, (Rating { 9, 2 }));
        // Only this apartment's reviews, latest first.
        QCOMPARE(reviewIds(details->reviews), (QList<QUuid> { annaOfFirst, romanOfFirst }));
        QCOMPARE(details->reviews.constFirst().authorName, u"Anna Renter"_s);
        QCOMPARE(details->reviews.constFirst().targetName, u"1, Riverside House"_s);
        // Every booking of the apartment, latest start first.
        QCOMPARE(bookingIds(details->bookings), (QList<QUuid> { romanLater, annaFirst, romanFirst }));
        QCOMPARE(details->bookings.constFirst().booking.status, BookingStatus::Requested);
        QCOMPARE(details->bookings.constFirst().renterName, u"Roman Renter"_s);
    }

    void apartmentForOthers()
    {
        // A renter sees their own bookings of it, and the same apartment and reviews.
        auto asRoman = m_query->apartment(roman, first);
        QVERIFY(asRoman);
        QCOMPARE(bookingIds(asRoman->bookings), (QList<QUuid> { romanLater, romanFirst }));
        QCOMPARE(reviewIds(asRoman->reviews), (QList<QUuid> { annaOfFirst, romanOfFirst }));
        QCOMPARE(asRoman->ownerName, u"Lena Landlord"_s);
        auto asAnna = m_query->apartment(anna, first);
        QVERIFY(asAnna);
        QCOMPARE(bookingIds(asAnna->bookings), QList<QUuid> { annaFirst });
        // Someone who never booked it, and a landlord who does not own it, see no bookings.
        for (const QUuid &viewer : { petr, oleg }) {
            auto other = m_query->apartment(viewer, first);
            QVERIFY(other);
            QVERIFY(other->bookings.isEmpty());
            QCOMPARE(other->reviews.size(), 2);
        }
        // Oleg's own apartment, to him.
        auto asOleg = m_query->apartment(oleg, olegs);
        QVERIFY(asOleg);
        QCOMPARE(asOleg->bookings.size(), 1);
        QCOMPARE(asOleg->building.name, u"Тихий дом"_s);
        QCOMPARE(asOleg->ownerRating, Rating());
        QVERIFY(asOleg->reviews.isEmpty());
    }

    void apartmentRefusals()
    {
        for (const QUuid &id : { QUuid::createUuid(), QUuid() }) {
            auto missing = m_query->apartment(lena, id);
            QVERIFY(!missing);
            QCOMPARE(missing.error().code, DomainError::Code::NotFound);
            QCOMPARE(missing.error().entity, u"apartment"_s);
        }
        for (const QUuid &viewer : { QUuid(), QUuid::createUuid() }) {
            auto refused = m_query->apartment(viewer, first);
            QVERIFY(!refused);
            QCOMPARE(refused.error().code, DomainError::Code::NotAllowed);
        }
    }

    void userShowsWhatAnyoneMayKnow()
    {
        auto landlord = m_query->user(lena);
        QVERIFY(landlord);
        QCOMPARE(landlord->id, lena);
        QCOMPARE(landlord->displayName, u"Lena Landlord"_s);
        QCOMPARE(landlord->role, Role::Landlord);
        QCOMPARE(landlord->rating, (Rating { 9, 2 }));
        // About her, not by her, not about her apartments; latest first.
        QCOMPARE(reviewIds(landlord->reviewsAbout), (QList<QUuid> { annaOfLena, romanOfLena }));
        QCOMPARE(landlord->reviewsAbout.constFirst().targetName, u"Lena Landlord"_s);

        auto renter = m_query->user(roman);
        QVERIFY(renter);
        QCOMPARE(renter->role, Role::Renter);
        QCOMPARE(renter->rating, (Rating { 2, 1 }));
        QCOMPARE(reviewIds(renter->reviewsAbout), QList<QUuid> { lenaOfRoman });

        auto nobody = m_query->user(petr);
        QVERIFY(nobody);
        QCOMPARE(nobody->displayName, u"Пётр Иванов"_s);
        QCOMPARE(nobody->rating, Rating());
        QVERIFY(nobody->reviewsAbout.isEmpty());

        auto missing = m_query->user(QUuid::createUuid());
        QVERIFY(!missing);
        QCOMPARE(missing.error().code, DomainError::Code::NotFound);
    }

    void buildingCountsItsApartments()
    {
        auto details = m_query->building(riverside);
        QVERIFY(details);
        QCOMPARE(details->building.id, riverside);
        QCOMPARE(details->building.name, u"Riverside House"_s);
        QCOMPARE(details->ownerName, u"Lena Landlord"_s);
        QCOMPARE(details->apartments, 3);
        // The first and second have stays ahead (booked); the third is free.
        QCOMPARE(details->freeApartments, 1);
        QVERIFY(f->listings.setApartmentStatus(lena, second, ApartmentStatus::Free));
        QCOMPARE(m_query->building(riverside)->freeApartments, 2);
        QVERIFY(f->listings.setApartmentStatus(lena, third, ApartmentStatus::Rented));
        QCOMPARE(m_query->building(riverside)->freeApartments, 1);

        auto none = m_query->building(empty);
        QVERIFY(none);
        QCOMPARE(none->apartments, 0);
        QCOMPARE(none->freeApartments, 0);

        auto missing = m_query->building(QUuid::createUuid());
        QVERIFY(!missing);
        QCOMPARE(missing.error().code, DomainError::Code::NotFound);
        QCOMPARE(missing.error().entity, u"building"_s);
    }

    // Each pane lists at most twenty: the latest reviews, the bookings that start last.
    void listsAreCappedAtTwenty()
    {
        QList<QUuid> stays, reviews, aboutLena;
        for (int i = 0; i < DetailsQuery::ListLimit + 1; ++i) {
            const QUuid renter = f->addRenter(u"Guest %1"_s.arg(i, 2, 10, QLatin1Char('0')));
            stays.append(f->addStay(renter, lena, third, QDate(2026, 7, 1).addDays(i), QDate(2026, 7, 2).addDays(i)));
            reviews.append(review(renter, ReviewKind::Apartment, third, 1 + i % 5));
            aboutLena.append(review(renter, ReviewKind::Landlord, lena, 1 + i % 5));
        }
        auto details = m_query->apartment(lena, third);
        QVERIFY(details);
        QCOMPARE(details->bookings.size(), DetailsQuery::ListLimit);
        QCOMPARE(details->reviews.size(), DetailsQuery::ListLimit);
        QList<QUuid> latestStays = stays.mid(1);
        std::reverse(latestStays.begin(), latestStays.end());
        QCOMPARE(bookingIds(details->bookings), latestStays);
        QList<QUuid> latestReviews = reviews.mid(1);
        std::reverse(latestReviews.begin(), latestReviews.end());
        QCOMPARE(reviewIds(details->reviews), latestReviews);

        auto landlord = m_query->user(lena);
        QVERIFY(landlord);
        QList<QUuid> latestAboutLena = aboutLena.mid(1);
        std::reverse(latestAboutLena.begin(), latestAboutLena.end());
        QCOMPARE(reviewIds(landlord->reviewsAbout), latestAboutLena);
        QCOMPARE(landlord->rating.count, DetailsQuery::ListLimit + 1 + 2);
    }

    // Whom a chat about an apartment or a booking goes to: the only answer with an e-mail in
    // it, and only for who has a reason to write.
    void chatContactIsTheOtherPerson()
    {
        using rentdesk::models::domain::AboutKind;
        auto landlord = m_query->chatContact(roman, AboutKind::Apartment, first);
        QVERIFY2(landlord, qPrintable(landlord ? QString() : landlord.error().message));
        QCOMPARE(landlord->email, f->emailOf(lena));
        QCOMPARE(landlord->displayName, u"Lena Landlord"_s);
        QCOMPARE(landlord->title, u"Apartment 1, Riverside House"_s);

        // A booking: the renter writes to the owner, the owner to the renter.
        auto toOwner = m_query->chatContact(roman, AboutKind::Booking, romanFirst);
        QVERIFY(toOwner);
        QCOMPARE(toOwner->email, f->emailOf(lena));
        QCOMPARE(toOwner->title, u"Apartment 1, Riverside House, 2026-06-10 – 2026-06-15"_s);
        auto toRenter = m_query->chatContact(lena, AboutKind::Booking, romanFirst);
        QVERIFY(toRenter);
        QCOMPARE(toRenter->email, f->emailOf(roman));
        QCOMPARE(toRenter->displayName, u"Roman Renter"_s);

        // Nobody else, not one's own apartment, nothing that is not there.
        auto stranger = m_query->chatContact(anna, AboutKind::Booking, romanFirst);
        QVERIFY(!stranger);
        QCOMPARE(stranger.error().code, DomainError::Code::NotAllowed);
        auto own = m_query->chatContact(lena, AboutKind::Apartment, first);
        QVERIFY(!own);
        QCOMPARE(own.error().code, DomainError::Code::NotAllowed);
        auto anonymous = m_query->chatContact(QUuid(), AboutKind::Apartment, first);
        QVERIFY(!anonymous);
        QCOMPARE(anonymous.error().code, DomainError::Code::NotAllowed);
        auto missing = m_query->chatContact(roman, AboutKind::Booking, QUuid::createUuid());
        QVERIFY(!missing);
        QCOMPARE(missing.error().code, DomainError::Code::NotFound);
    }

    void pendingCountsJournalAndMail()
    {
        rentdesk::test::ServiceFixture fresh;
        QVERIFY(fresh.isValid());
        DetailsQuery query(fresh.database().shared());
        const QUuid landlord = fresh.addLandlord();
        const QUuid renter = fresh.addRenter();
        auto nothing = query.pending();
        QVERIFY(nothing);
        QCOMPARE(nothing->mutations, 0);
        QCOMPARE(nothing->queuedMails, 0);
        QCOMPARE(nothing->failedMails, 0);

        // Two listing changes and two booking steps are journaled; the request and the
        // confirmation each mail someone.
        const QUuid apartment = fresh.addApartment(landlord, fresh.addBuilding(landlord));
        QVERIFY(!fresh.addStay(renter, landlord, apartment, QDate(2026, 6, 10), QDate(2026, 6, 12)).isNull());
        auto pending = query.pending();
        QVERIFY(pending);
        QCOMPARE(pending->mutations, 4);
        QCOMPARE(pending->mutations, fresh.count(u"pending_mutations"_s));
        QCOMPARE(pending->queuedMails, 2);
        QCOMPARE(pending->queuedMails, fresh.count(u"mail_outbox"_s));
        QCOMPARE(pending->failedMails, 0);

        // Sent and discarded mail is neither queued nor failed.
        QVERIFY(fresh.run(u"UPDATE mail_outbox SET status = 'failed', last_error = '550 No such user' "
                          "WHERE rowid = (SELECT min(rowid) FROM mail_outbox)"_s));
        pending = query.pending();
        QCOMPARE(pending->queuedMails, 1);
        QCOMPARE(pending->failedMails, 1);
        QVERIFY(fresh.run(u"UPDATE mail_outbox SET status = 'sent', sent_at = '2026-06-01T10:00:00.000Z' "
                          "WHERE status = 'queued'"_s));
        pending = query.pending();
        QCOMPARE(pending->queuedMails, 0);
        QCOMPARE(pending->failedMails, 1);
        QVERIFY(fresh.run(u"UPDATE mail_outbox SET status = 'discarded' WHERE status = 'failed'"_s));
        pending = query.pending();
        QCOMPARE(pending->failedMails, 0);
        QCOMPARE(pending->mutations, 4);
    }
};

QTEST_GUILESS_MAIN(TestDetailsQuery)
#include "tst_detailsquery.moc"
