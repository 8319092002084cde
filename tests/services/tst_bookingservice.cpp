// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/db/query.h"
#include "models/domain/money.h"
#include "models/domain/storedvalues.h"
#include "models/services/calendarimport.h"
#include "tests/support/servicefixture.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace rentdesk::models::services;
using rentdesk::models::domain::ApartmentStatus;
using rentdesk::models::domain::BookingStatus;
using Code = DomainError::Code;

namespace {

const QDate today(2026, 6, 1); // the fixture's clock

} // namespace

// Rule 2 and 4: requests, confirmations that never overlap and decline what they overlap,
// declines, cancellations, mails to the right people, and time moving stays on.
class TestBookingService : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<rentdesk::test::ServiceFixture> f;
    QUuid landlord, otherLandlord, renter, renter2, building, apartment;

    // (event, recipient e-mail, params) of every queued mail, oldest first.
    QList<std::tuple<QString, QString, QJsonObject>> mails() const
    {
        QList<std::tuple<QString, QString, QJsonObject>> list;
        auto query = rentdesk::models::db::exec(
            f->connection(), u"SELECT event, recipient_email, params FROM mail_outbox ORDER BY rowid"_s);
        while (query && query->next()) {
            list.append({ query->value(0).toString(), query->value(1).toString(),
                          QJsonDocument::fromJson(query->value(2).toString().toUtf8()).object() });
        }
        return list;
    }

    QString emailOf(const QUuid &user) const
    {
        return rentdesk::models::db::scalar(f->connection(), u"SELECT email FROM users WHERE id = :id"_s,
                                            { { u":id"_s, rentdesk::models::domain::toStoredId(user) } })
            ->toString();
    }

    BookingStatus statusOf(const QUuid &booking) const { return f->bookings.booking(booking)->status; }

private Q_SLOTS:
    void init()
    {
        f = std::make_unique<rentdesk::test::ServiceFixture>();
        QVERIFY2(f->isValid(), qPrintable(f->errorMessage()));
        landlord = f->addLandlord(u"Irina Landlord"_s);
        otherLandlord = f->addLandlord(u"Oleg Landlord"_s);
        renter = f->addRenter(u"Roman Renter"_s);
        renter2 = f->addRenter(u"Rita Renter"_s);
        building = f->addBuilding(landlord);
        apartment = f->addApartment(landlord, building, u"7"_s, 4500000);
        QVERIFY(!apartment.isNull());
    }

    void cleanup() { f.reset(); }

    void renterRequestsWithThePriceOfTheStay()
    {
        auto booking = f->bookings.request(renter, apartment, QDate(2026, 6, 10), QDate(2026, 6, 17));
        QVERIFY2(booking, qPrintable(booking ? QString() : booking.error().message));
        QCOMPARE(booking->status, BookingStatus::Requested);
        QCOMPARE(booking->nights(), 7);
        // 45000.00 a month for 7 nights: 4500000 * 7 / 30 = 1050000 exactly.
        QCOMPARE(booking->totalPrice, (rentdesk::models::domain::Money { 1050000, u"RUB"_s }));
        QVERIFY(!booking->decidedBy);

        const auto sent = mails();
        QCOMPARE(sent.size(), 1);
        QCOMPARE(std::get<0>(sent[0]), u"booking_requested"_s);
        QCOMPARE(std::get<1>(sent[0]), emailOf(landlord));
        QCOMPARE(std::get<2>(sent[0]).value(u"startDate"_s).toString(), u"2026-06-10"_s);
        QCOMPARE(std::get<2>(sent[0]).value(u"totalPrice"_s).toString(), u"1050000"_s);
        QCOMPARE(std::get<2>(sent[0]).value(u"renterName"_s).toString(), u"Roman Renter"_s);
    }

    void requestsThatAreRefused_data()
    {
        QTest::addColumn<int>("who"); // 0 renter, 1 landlord
        QTest::addColumn<QDate>("start");
        QTest::addColumn<QDate>("end");
        QTest::addColumn<int>("code");
        QTest::addColumn<QString>("field");
        QTest::newRow("a landlord books")
            << 1 << QDate(2026, 6, 10) << QDate(2026, 6, 12) << int(Code::NotAllowed) << QString();
        QTest::newRow("ends when it starts")
            << 0 << QDate(2026, 6, 10) << QDate(2026, 6, 10) << int(Code::InvalidValue) << u"endDate"_s;
        QTest::newRow("ends before it starts")
            << 0 << QDate(2026, 6, 10) << QDate(2026, 6, 9) << int(Code::InvalidValue) << u"endDate"_s;
        QTest::newRow("starts yesterday")
            << 0 << QDate(2026, 5, 31) << QDate(2026, 6, 3) << int(Code::DatesInPast) << u"startDate"_s;
        QTest::newRow("longer than two years")
            << 0 << QDate(2026, 6, 10) << QDate(2028, 6, 11) << int(Code::InvalidValue) << u"endDate"_s;
        QTest::newRow("no start date") << 0 << QDate() << QDate(2026, 6, 3) << int(Code::InvalidValue)
                                       << u"startDate"_s;
    }

    void requestsThatAreRefused()
    {
        QFETCH(int, who);
        QFETCH(QDate, start);
        QFETCH(QDate, end);
        QFETCH(int, code);
        QFETCH(QString, field);
        const QStringList before = f->dump();
        auto refused = f->bookings.request(who == 0 ? renter : otherLandlord, apartment, start, end);
        QVERIFY(!refused);
        QCOMPARE(int(refused.error().code), code);
        QCOMPARE(refused.error().field, field);
        QVERIFY2(!rentdesk::test::looksLikeSql(refused.error().message), qPrintable(refused.error().message));
        QCOMPARE(f->dump(), before); // no booking, no mutation, no mail
    }

    void requestStartingTodayIsFine() { QVERIFY(f->bookings.request(renter, apartment, today, today.addDays(2))); }

    void requestOverTakenDatesIsRefused()
    {
        f->addStay(renter, landlord, apartment, QDate(2026, 6, 10), QDate(2026, 6, 20));
        auto refused = f->bookings.request(renter2, apartment, QDate(2026, 6, 19), QDate(2026, 6, 25));
        QVERIFY(!refused);
        QCOMPARE(refused.error().code, Code::DatesTaken);
        QCOMPARE(refused.error().field, u"dates"_s);
        // Arriving on the day the other leaves is fine.
        QVERIFY(f->bookings.request(renter2, apartment, QDate(2026, 6, 20), QDate(2026, 6, 25)));
    }

    void askingTwiceForTheSameDatesIsRefused()
    {
        QVERIFY(f->bookings.request(renter, apartment, QDate(2026, 6, 10), QDate(2026, 6, 20)));
        auto twice = f->bookings.request(renter, apartment, QDate(2026, 6, 15), QDate(2026, 6, 18));
        QVERIFY(!twice);
        QCOMPARE(twice.error().code, Code::DuplicateRequest);
        // Another renter may ask for the same dates.
        QVERIFY(f->bookings.request(renter2, apartment, QDate(2026, 6, 15), QDate(2026, 6, 18)));
    }

    void confirmingDeclinesOverlappingRequestsAndSetsTheApartment()
    {
        auto first = f->bookings.request(renter, apartment, QDate(2026, 6, 10), QDate(2026, 6, 20));
        auto overlapping = f->bookings.request(renter2, apartment, QDate(2026, 6, 15), QDate(2026, 6, 25));
        auto later = f->bookings.request(renter, apartment, QDate(2026, 6, 20), QDate(2026, 6, 22));
        QVERIFY(first && overlapping && later);

        // Meanwhile the landlord raised the price: confirming prices the stay now.
        QVERIFY(f->run(u"UPDATE apartments SET monthly_price = 6000000"_s));
        auto confirmed = f->bookings.confirm(landlord, first->id);
        QVERIFY2(confirmed, qPrintable(confirmed ? QString() : confirmed.error().message));
        QCOMPARE(confirmed->booking.status, BookingStatus::Confirmed);
        QCOMPARE(confirmed->booking.decidedBy, std::optional<QUuid>(landlord));
        QCOMPARE(confirmed->booking.totalPrice.minor, 2000000); // 60000.00 * 10 / 30
        QCOMPARE(confirmed->declined, QList<QUuid> { overlapping->id });
        QCOMPARE(statusOf(overlapping->id), BookingStatus::Declined);
        QCOMPARE(statusOf(later->id), BookingStatus::Requested); // back-to-back, untouched

        auto flat = f->listings.apartment(apartment);
        QCOMPARE(flat->status, ApartmentStatus::Booked);
        QCOMPARE(flat->bookedBy, std::optional<QUuid>(renter));

        const auto sent = mails();
        QCOMPARE(sent.size(), 5); // three requests, a confirmation, a decline
        QCOMPARE(std::get<0>(sent[3]), u"booking_confirmed"_s);
        QCOMPARE(std::get<1>(sent[3]), emailOf(renter));
        QCOMPARE(std::get<0>(sent[4]), u"booking_declined"_s);
        QCOMPARE(std::get<1>(sent[4]), emailOf(renter2));
        QCOMPARE(std::get<2>(sent[4]).value(u"reason"_s).toString(), u"dates_taken"_s);
    }

    void confirmingAStayThatCoversTodayRentsTheApartment()
    {
        f->addStay(renter, landlord, apartment, today, today.addDays(5));
        auto flat = f->listings.apartment(apartment);
        QCOMPARE(flat->status, ApartmentStatus::Rented);
        QCOMPARE(flat->bookedBy, std::optional<QUuid>(renter));
    }

    void overlappingConfirmationsAreRefused()
    {
        // A stay confirmed on another desktop and synced in, while our request waited.
        auto request = f->bookings.request(renter2, apartment, QDate(2026, 6, 12), QDate(2026, 6, 14));
        QVERIFY(request);
        rentdesk::test::Rows rows(f->connection());
        QCOMPARE(rows.booking(rentdesk::models::domain::toStoredId(rentdesk::models::domain::newId()),
                              rentdesk::models::domain::toStoredId(apartment),
                              rentdesk::models::domain::toStoredId(renter), u"2026-06-10"_s, u"2026-06-13"_s,
                              u"confirmed"_s),
                 QString());
        const QStringList before = f->dump();
        auto refused = f->bookings.confirm(landlord, request->id);
        QVERIFY(!refused);
        QCOMPARE(refused.error().code, Code::DatesTaken);
        QVERIFY(refused.error().message.contains(QLocale().toString(QDate(2026, 6, 12), QLocale::ShortFormat)));
        QCOMPARE(f->dump(), before);
    }

    void onlyTheOwnerDecides()
    {
        auto request = f->bookings.request(renter, apartment, QDate(2026, 6, 10), QDate(2026, 6, 20));
        QVERIFY(request);
        const QStringList before = f->dump();
        QCOMPARE(f->bookings.confirm(otherLandlord, request->id).error().code, Code::NotAllowed);
        QCOMPARE(f->bookings.decline(otherLandlord, request->id).error().code, Code::NotAllowed);
        QCOMPARE(f->bookings.confirm(renter, request->id).error().code, Code::NotAllowed);
        QCOMPARE(f->bookings.cancel(renter2, request->id).error().code, Code::NotAllowed);
        QCOMPARE(f->dump(), before);
    }

    // A confirmed stay's confirmation is the renter's and the landlord's, in the renter's
    // language, with the facts of the stay; a request has none, and no one else gets one.
    void aConfirmedStayHasAConfirmationInTheRentersLanguage()
    {
        auto request = f->bookings.request(renter, apartment, QDate(2026, 6, 10), QDate(2026, 6, 20));
        QVERIFY(request);
        QCOMPARE(f->bookings.confirmationDocument(renter, request->id).error().code, Code::WrongState);
        QVERIFY(f->bookings.confirm(landlord, request->id));
        const QStringList before = f->dump();
        for (const QUuid &reader : { renter, landlord }) {
            const auto document = f->bookings.confirmationDocument(reader, request->id);
            QVERIFY2(document, qPrintable(document ? QString() : document.error().message));
            QVERIFY2(document->subject.startsWith(u"Booking confirmation: "_s), qPrintable(document->subject));
            for (const QString &fact :
                 { u"Roman Renter"_s, u"Irina Landlord"_s, u"10 June 2026"_s, u"20 June 2026"_s, u"Nights:      10"_s,
                   u"Apartment 7 of"_s, request->id.toString(QUuid::WithoutBraces) })
                QVERIFY2(document->text.contains(fact), qPrintable(fact + u" not in:\n"_s + document->text));
            QVERIFY(document->html.contains(u"Roman Renter"_s));
        }
        QCOMPARE(f->bookings.confirmationDocument(otherLandlord, request->id).error().code, Code::NotAllowed);
        QCOMPARE(f->bookings.confirmationDocument(renter2, request->id).error().code, Code::NotAllowed);
        QCOMPARE(f->dump(), before); // only read

        // A renter who reads Russian gets it in Russian, whoever asks.
        QVERIFY(rentdesk::models::db::exec(f->connection(), u"UPDATE users SET language = 'ru' WHERE id = :id"_s,
                                           { { u":id"_s, rentdesk::models::domain::toStoredId(renter) } }));
        const auto russian = f->bookings.confirmationDocument(landlord, request->id);
        QVERIFY(russian);
        QVERIFY2(russian->subject.startsWith(u"Подтверждение бронирования: "_s), qPrintable(russian->subject));
        QVERIFY2(russian->text.contains(u"10 июня 2026"_s), qPrintable(russian->text));
        QVERIFY(russian->text.contains(u"Ночей:        10"_s));
    }

    void stepsOutsideTheWorkflowNameTheState()
    {
        auto request = f->bookings.request(renter, apartment, QDate(2026, 6, 10), QDate(2026, 6, 20));
        QVERIFY(request);
        auto declined = f->bookings.decline(landlord, request->id);
        QVERIFY(declined);
        QCOMPARE(declined->status, BookingStatus::Declined);
        QCOMPARE(std::get<0>(mails().last()), u"booking_declined"_s);

        const QStringList before = f->dump();
        for (const auto &attempt :
             { f->bookings.confirm(landlord, request->id).error(), f->bookings.decline(landlord, request->id).error(),
               f->bookings.cancel(renter, request->id).error() }) {
            QCOMPARE(attempt.code, Code::WrongState);
            QVERIFY2(attempt.message.contains(u"declined"_s), qPrintable(attempt.message));
        }
        QCOMPARE(f->dump(), before);
    }

    void confirmingAfterTheStartDateIsRefused()
    {
        auto request = f->bookings.request(renter, apartment, QDate(2026, 6, 3), QDate(2026, 6, 8));
        QVERIFY(request);
        f->clock.advanceDays(3);
        auto late = f->bookings.confirm(landlord, request->id);
        QVERIFY(!late);
        QCOMPARE(late.error().code, Code::DatesInPast);
    }

    void renterCancelsAndTheApartmentIsFreeAgain()
    {
        const QUuid stay = f->addStay(renter, landlord, apartment, QDate(2026, 6, 10), QDate(2026, 6, 20));
        QCOMPARE(f->listings.apartment(apartment)->status, ApartmentStatus::Booked);
        auto cancelled = f->bookings.cancel(renter, stay);
        QVERIFY(cancelled);
        QCOMPARE(cancelled->status, BookingStatus::Cancelled);
        QCOMPARE(cancelled->decidedBy, std::optional<QUuid>(renter));
        auto flat = f->listings.apartment(apartment);
        QCOMPARE(flat->status, ApartmentStatus::Free);
        QVERIFY(!flat->bookedBy);
        QCOMPARE(std::get<0>(mails().last()), u"booking_cancelled"_s);
        QCOMPARE(std::get<1>(mails().last()), emailOf(landlord));
    }

    void theOwnerHoldsNightsAndCancelsTheHold()
    {
        auto overlapping = f->bookings.request(renter, apartment, QDate(2026, 6, 12), QDate(2026, 6, 14));
        auto after = f->bookings.request(renter2, apartment, QDate(2026, 6, 20), QDate(2026, 6, 22));
        QVERIFY(overlapping && after);
        const qsizetype mailsBefore = mails().size();
        auto held = f->bookings.hold(landlord, apartment, QDate(2026, 6, 10), QDate(2026, 6, 20));
        QVERIFY2(held, qPrintable(held ? QString() : held.error().message));
        QCOMPARE(held->status, BookingStatus::Confirmed);
        QCOMPARE(held->renterId, landlord);
        QCOMPARE(held->decidedBy, std::optional<QUuid>(landlord));
        QCOMPARE(held->totalPrice.minor, 1500000); // 45000.00 * 10 / 30
        QCOMPARE(statusOf(overlapping->id), BookingStatus::Declined);
        QCOMPARE(statusOf(after->id), BookingStatus::Requested); // from the day of departure: free
        QCOMPARE(f->listings.apartment(apartment)->status, ApartmentStatus::Booked);
        // The renter whose request it declined is told; the owner gets no mail about themselves.
        const auto sent = mails();
        QCOMPARE(sent.size(), mailsBefore + 1);
        QCOMPARE(std::get<0>(sent.last()), u"booking_declined"_s);
        QCOMPARE(std::get<1>(sent.last()), emailOf(renter));
        // The held nights are taken for everyone, the owner's own second hold too.
        QCOMPARE(f->bookings.request(renter2, apartment, QDate(2026, 6, 19), QDate(2026, 6, 21)).error().code,
                 Code::DatesTaken);
        QCOMPARE(f->bookings.hold(landlord, apartment, QDate(2026, 6, 15), QDate(2026, 6, 16)).error().code,
                 Code::DatesTaken);

        auto cancelled = f->bookings.cancel(landlord, held->id);
        QVERIFY2(cancelled, qPrintable(cancelled ? QString() : cancelled.error().message));
        QCOMPARE(cancelled->status, BookingStatus::Cancelled);
        QCOMPARE(f->listings.apartment(apartment)->status, ApartmentStatus::Free);
        QCOMPARE(mails().size(), mailsBefore + 1);
    }

    void holdsThatAreRefused()
    {
        const QStringList before = f->dump();
        const auto refused = [&](const QUuid &who, QDate start, QDate end) {
            auto held = f->bookings.hold(who, apartment, start, end);
            return held ? Code::Storage : held.error().code;
        };
        QCOMPARE(refused(renter, today.addDays(2), today.addDays(4)), Code::NotAllowed);
        QCOMPARE(refused(otherLandlord, today.addDays(2), today.addDays(4)), Code::NotAllowed);
        QCOMPARE(refused(landlord, today.addDays(-5), today), Code::DatesInPast); // over: departure today
        QCOMPARE(refused(landlord, today.addDays(4), today.addDays(2)), Code::InvalidValue);
        QCOMPARE(refused(landlord, today, today.addDays(731)), Code::InvalidValue);
        QCOMPARE(f->dump(), before);
        // A stay that has begun keeps its remaining nights: the apartment is rented.
        auto begun = f->bookings.hold(landlord, apartment, today.addDays(-3), today.addDays(2));
        QVERIFY2(begun, qPrintable(begun ? QString() : begun.error().message));
        QCOMPARE(f->listings.apartment(apartment)->status, ApartmentStatus::Rented);
    }

    // The occupancy calendar's block: the owner's, no price, no calendar; requests over it are
    // declined and new ones refused with the landlord named; the owner removes it with cancel().
    void theOwnerBlocksNightsAndRemovesTheBlock()
    {
        auto overlapping = f->bookings.request(renter, apartment, QDate(2026, 6, 12), QDate(2026, 6, 14));
        QVERIFY(overlapping);
        const qsizetype mailsBefore = mails().size();
        auto blocked = f->bookings.block(landlord, apartment, QDate(2026, 6, 10), QDate(2026, 6, 20));
        QVERIFY2(blocked, qPrintable(blocked ? QString() : blocked.error().message));
        QCOMPARE(blocked->status, BookingStatus::Blocked);
        QCOMPARE(blocked->renterId, landlord);
        QCOMPARE(blocked->totalPrice.minor, 0);
        QVERIFY(blocked->blockSource.isEmpty());
        QCOMPARE(statusOf(overlapping->id), BookingStatus::Declined);
        QCOMPARE(mails().size(), mailsBefore + 1);
        QCOMPARE(std::get<1>(mails().last()), emailOf(renter));
        // Journaled for a server like any change of a standalone database.
        const auto journaled = rentdesk::models::db::scalar(
            f->connection(), u"SELECT name FROM pending_mutations ORDER BY id DESC LIMIT 1"_s, {});
        QCOMPARE(journaled.value_or(QVariant()).toString(), u"blockDates"_s);

        auto refused = f->bookings.request(renter2, apartment, QDate(2026, 6, 19), QDate(2026, 6, 21));
        QVERIFY(!refused);
        QCOMPARE(refused.error().code, Code::DatesTaken);
        QVERIFY2(refused.error().message.contains(u"landlord has blocked"_s), qPrintable(refused.error().message));
        QCOMPARE(f->bookings.block(landlord, apartment, QDate(2026, 6, 19), QDate(2026, 6, 22)).error().code,
                 Code::DatesTaken);
        QCOMPARE(f->bookings.hold(landlord, apartment, QDate(2026, 6, 11), QDate(2026, 6, 12)).error().code,
                 Code::DatesTaken);

        // Only the owner removes it; then the nights are free again.
        QCOMPARE(f->bookings.cancel(renter, blocked->id).error().code, Code::NotAllowed);
        auto removed = f->bookings.cancel(landlord, blocked->id);
        QVERIFY2(removed, qPrintable(removed ? QString() : removed.error().message));
        QCOMPARE(removed->status, BookingStatus::Cancelled);
        QCOMPARE(mails().size(), mailsBefore + 1); // the owner is not told of their own block
        QVERIFY(f->bookings.request(renter2, apartment, QDate(2026, 6, 19), QDate(2026, 6, 21)));
    }

    void blocksThatAreRefused()
    {
        const auto refused = [&](const QUuid &who, QDate start, QDate end) {
            auto blocked = f->bookings.block(who, apartment, start, end);
            return blocked ? Code::Storage : blocked.error().code;
        };
        auto stay = f->bookings.request(renter, apartment, today.addDays(10), today.addDays(12));
        QVERIFY(stay && f->bookings.confirm(landlord, stay->id));
        const QStringList before = f->dump();
        QCOMPARE(refused(renter, today.addDays(2), today.addDays(4)), Code::NotAllowed);
        QCOMPARE(refused(otherLandlord, today.addDays(2), today.addDays(4)), Code::NotAllowed);
        QCOMPARE(refused(landlord, today.addDays(-5), today), Code::DatesInPast);
        QCOMPARE(refused(landlord, today.addDays(4), today.addDays(2)), Code::InvalidValue);
        QCOMPARE(refused(landlord, today.addDays(11), today.addDays(14)), Code::DatesTaken); // over the stay
        QCOMPARE(f->dump(), before);
        // A block from a calendar goes with its event, not by hand.
        auto imported = f->bookings.importBlocks(landlord, apartment, u"airbnb.ics"_s,
                                                 { { u"x@airbnb.com"_s, today.addDays(20), today.addDays(22), {} } });
        QVERIFY(imported);
        const QUuid fromCalendar =
            rentdesk::models::domain::idFromStored(
                rentdesk::models::db::scalar(f->connection(),
                                             u"SELECT id FROM bookings WHERE block_uid = 'x@airbnb.com'"_s, {})
                    .value_or(QVariant()))
                .value_or(QUuid());
        auto kept = f->bookings.cancel(landlord, fromCalendar);
        QVERIFY(!kept);
        QCOMPARE(kept.error().code, Code::WrongState);
        QVERIFY2(kept.error().message.contains(u"airbnb.ics"_s), qPrintable(kept.error().message));
        QCOMPARE(statusOf(fromCalendar), BookingStatus::Blocked);
    }

    // The database keeps landlords from booking anyone else's apartment, whatever a service does.
    void aLandlordsBookingOfAnotherApartmentIsRefusedByTheDatabase()
    {
        rentdesk::test::Rows rows(f->connection());
        using rentdesk::models::domain::toStoredId;
        const QString error = rows.booking(toStoredId(rentdesk::models::domain::newId()), toStoredId(apartment),
                                           toStoredId(otherLandlord), u"2026-06-10"_s, u"2026-06-13"_s, u"confirmed"_s);
        QVERIFY2(error.contains(u"bookings_renter_is_renter"_s), qPrintable(error));
    }

    void timeMovesStaysAndApartments()
    {
        const QUuid stay = f->addStay(renter, landlord, apartment, QDate(2026, 6, 10), QDate(2026, 6, 20));
        const QUuid next = f->addStay(renter2, landlord, apartment, QDate(2026, 7, 1), QDate(2026, 7, 5));
        auto stale = f->bookings.request(renter2, apartment, QDate(2026, 6, 5), QDate(2026, 6, 8));
        QVERIFY(stale);
        QCOMPARE(f->listings.apartment(apartment)->bookedBy, std::optional<QUuid>(renter));

        f->clock.set(QDateTime(QDate(2026, 6, 12), QTime(0, 5), Qt::UTC));
        auto step = f->bookings.applyTime();
        QVERIFY(step);
        QCOMPARE(step->completed, 0);
        QCOMPARE(step->expired, 1);
        QCOMPARE(statusOf(stale->id), BookingStatus::Declined);
        QCOMPARE(std::get<2>(mails().last()).value(u"reason"_s).toString(), u"expired"_s);
        QCOMPARE(f->listings.apartment(apartment)->status, ApartmentStatus::Rented);

        // Idempotent: the same day again changes nothing.
        const QStringList before = f->dump();
        auto again = f->bookings.applyTime();
        QVERIFY(again);
        QCOMPARE(again->completed + again->expired + again->apartmentsChanged, 0);
        QCOMPARE(f->dump(), before);

        f->clock.set(QDateTime(QDate(2026, 6, 20), QTime(8, 0), Qt::UTC));
        step = f->bookings.applyTime();
        QVERIFY(step);
        QCOMPARE(step->completed, 1);
        QCOMPARE(statusOf(stay), BookingStatus::Completed);
        auto flat = f->listings.apartment(apartment);
        QCOMPARE(flat->status, ApartmentStatus::Booked);
        QCOMPARE(flat->bookedBy, std::optional<QUuid>(renter2));

        f->clock.set(QDateTime(QDate(2026, 7, 6), QTime(8, 0), Qt::UTC));
        QVERIFY(f->bookings.applyTime());
        QCOMPARE(statusOf(next), BookingStatus::Completed);
        QCOMPARE(f->listings.apartment(apartment)->status, ApartmentStatus::Free);
        // A stay that is over cannot be cancelled.
        QCOMPARE(f->bookings.cancel(renter2, next).error().code, Code::WrongState);
    }

    void journalAndMailDependOnTheMode()
    {
        BookingService replica(f->context(Mode::Connected));
        const qint64 mutationsBefore = f->count(u"pending_mutations"_s);
        const qint64 mailsBefore = f->count(u"mail_outbox"_s);
        auto request = replica.request(renter, apartment, QDate(2026, 6, 10), QDate(2026, 6, 20));
        QVERIFY(request);
        QCOMPARE(f->count(u"pending_mutations"_s), mutationsBefore + 1);
        QCOMPARE(f->count(u"mail_outbox"_s), mailsBefore); // the server sends the mail
        QCOMPARE(replica.applyTime().error().code, Code::NotInThisMode);

        BookingService server(f->context(Mode::Server));
        QVERIFY(server.confirm(landlord, request->id));
        QCOMPARE(f->count(u"pending_mutations"_s), mutationsBefore + 1); // the server keeps no journal
        QCOMPARE(f->count(u"mail_outbox"_s), mailsBefore + 1);
    }

    void confirmIsAtomic_data()
    {
        QTest::addColumn<QString>("failingTable");
        QTest::newRow("at the last mail") << u"mail_outbox"_s;
        QTest::newRow("at the journal") << u"pending_mutations"_s;
    }

    void confirmIsAtomic()
    {
        QFETCH(QString, failingTable);
        auto first = f->bookings.request(renter, apartment, QDate(2026, 6, 10), QDate(2026, 6, 20));
        auto overlapping = f->bookings.request(renter2, apartment, QDate(2026, 6, 15), QDate(2026, 6, 25));
        QVERIFY(first && overlapping);
        // A failure in the middle of the confirmation: after the booking, the declined
        // request and the apartment were already updated.
        const QString trigger = failingTable == u"mail_outbox"_s
            ? u"CREATE TEMP TRIGGER fail BEFORE INSERT ON mail_outbox "
              "WHEN NEW.event = 'booking_declined' BEGIN SELECT RAISE(ABORT, 'injected'); END"_s
            : u"CREATE TEMP TRIGGER fail BEFORE INSERT ON pending_mutations "
              "BEGIN SELECT RAISE(ABORT, 'injected'); END"_s;
        QVERIFY2(f->run(trigger), qPrintable(f->lastFailure()));
        const QStringList before = f->dump();
        auto refused = f->bookings.confirm(landlord, first->id);
        QVERIFY(!refused);
        QVERIFY2(!rentdesk::test::looksLikeSql(refused.error().message), qPrintable(refused.error().message));
        QCOMPARE(f->dump(), before);
        QVERIFY(f->run(u"DROP TRIGGER temp.fail"_s));
        QVERIFY(f->bookings.confirm(landlord, first->id));
    }

    // A calendar's events block an apartment's dates: a request over them is refused naming
    // the calendar by its host (never the secret rest of its address), and requests already
    // over them are declined with a mail.
    void blockedDatesRefuseRequestsNamingTheCalendar()
    {
        auto early = f->bookings.request(renter2, apartment, QDate(2026, 7, 2), QDate(2026, 7, 6));
        QVERIFY(early);
        const QString feed = u"https://www.airbnb.com/calendar/ical/41.ics?s=0123456789abcdef"_s;
        auto imported = f->bookings.importBlocks(
            landlord, apartment, feed,
            { { u"a1@airbnb.com"_s, QDate(2026, 7, 1), QDate(2026, 7, 5), u"Reserved"_s },
              { u"a2@airbnb.com"_s, QDate(2026, 8, 10), QDate(2026, 8, 12), u"Not available"_s } });
        QVERIFY2(imported, qPrintable(imported ? QString() : imported.error().message));
        QCOMPARE(imported->added, 2);
        QCOMPARE(imported->declined, QList<QUuid>({ early->id }));
        QCOMPARE(statusOf(early->id), BookingStatus::Declined);
        QCOMPARE(std::get<0>(mails().last()), u"booking_declined"_s);
        QCOMPARE(std::get<1>(mails().last()), emailOf(renter2));

        auto refused = f->bookings.request(renter, apartment, QDate(2026, 8, 11), QDate(2026, 8, 14));
        QVERIFY(!refused);
        QCOMPARE(refused.error().code, Code::DatesTaken);
        QVERIFY2(refused.error().message.contains(u"www.airbnb.com"_s), qPrintable(refused.error().message));
        QVERIFY2(!refused.error().message.contains(u"0123456789abcdef"_s), qPrintable(refused.error().message));
        QVERIFY2(refused.error().message.contains(u"blocked"_s), qPrintable(refused.error().message));
        // Around the blocks is free; a block is the landlord's, with no price and no renter but them.
        QVERIFY(f->bookings.request(renter, apartment, QDate(2026, 7, 5), QDate(2026, 7, 9)));
        auto row = rentdesk::models::db::exec(
            f->connection(),
            u"SELECT renter_id, total_price, decided_by, block_source FROM bookings WHERE block_uid = 'a1@airbnb.com'"_s);
        QVERIFY(row && row->next());
        QCOMPARE(row->value(0).toString(), rentdesk::models::domain::toStoredId(landlord));
        QCOMPARE(row->value(1).toLongLong(), 0);
        QCOMPARE(row->value(2).toString(), rentdesk::models::domain::toStoredId(landlord));
        QCOMPARE(row->value(3).toString(), feed);
    }

    // Importing the same calendar again updates blocks by UID: moved, kept, removed, added;
    // past events and this database's own stays sent back are left out.
    void importingAgainFollowsTheCalendarByUid()
    {
        const QString file = u"booking-com.ics"_s;
        auto stay = f->bookings.request(renter, apartment, QDate(2026, 9, 1), QDate(2026, 9, 4));
        QVERIFY(stay && f->bookings.confirm(landlord, stay->id));
        const QList<rentdesk::models::ical::IcsEvent> first {
            { u"one"_s, QDate(2026, 6, 20), QDate(2026, 6, 22), {} },
            { u"two"_s, QDate(2026, 7, 1), QDate(2026, 7, 3), {} },
            { u"three"_s, QDate(2026, 7, 10), QDate(2026, 7, 12), {} },
            { u"old"_s, QDate(2026, 5, 1), QDate(2026, 5, 3), {} }, // over before today
            { rentdesk::models::domain::toStoredId(stay->id) + u"@rentdesk"_s,
              QDate(2026, 9, 1),
              QDate(2026, 9, 4),
              {} }, // our own stay, sent back
        };
        auto once = f->bookings.importBlocks(landlord, apartment, file, first);
        QVERIFY2(once, qPrintable(once ? QString() : once.error().message));
        QCOMPARE(once->added, 3);
        QCOMPARE(once->skipped, 2);
        const auto blocks = [&] {
            QStringList rows;
            auto query = rentdesk::models::db::exec(f->connection(),
                                                    u"SELECT block_uid, start_date, end_date FROM bookings "
                                                    "WHERE status = 'blocked' ORDER BY start_date"_s);
            while (query && query->next())
                rows << u"%1 %2 %3"_s.arg(query->value(0).toString(), query->value(1).toString(),
                                          query->value(2).toString());
            return rows;
        };
        QCOMPARE(blocks(),
                 QStringList({ u"one 2026-06-20 2026-06-22"_s, u"two 2026-07-01 2026-07-03"_s,
                               u"three 2026-07-10 2026-07-12"_s }));
        // "two" and "three" change places (each lands where the other was), "one" is gone,
        // "four" is new.
        auto again = f->bookings.importBlocks(landlord, apartment, file,
                                              { { u"three"_s, QDate(2026, 7, 1), QDate(2026, 7, 3), {} },
                                                { u"two"_s, QDate(2026, 7, 10), QDate(2026, 7, 12), {} },
                                                { u"four"_s, QDate(2026, 8, 1), QDate(2026, 8, 2), {} } });
        QVERIFY2(again, qPrintable(again ? QString() : again.error().message));
        QCOMPARE(again->added, 1);
        QCOMPARE(again->moved, 2);
        QCOMPARE(again->removed, 1);
        QCOMPARE(blocks(),
                 QStringList({ u"three 2026-07-01 2026-07-03"_s, u"two 2026-07-10 2026-07-12"_s,
                               u"four 2026-08-01 2026-08-02"_s }));
        auto same = f->bookings.importBlocks(landlord, apartment, file,
                                             { { u"three"_s, QDate(2026, 7, 1), QDate(2026, 7, 3), {} },
                                               { u"two"_s, QDate(2026, 7, 10), QDate(2026, 7, 12), {} },
                                               { u"four"_s, QDate(2026, 8, 1), QDate(2026, 8, 2), {} } });
        QVERIFY(same);
        QCOMPARE(same->unchanged, 3);
        QCOMPARE(same->added + same->moved + same->removed, 0);
        // Another calendar's events are its own: the same UID there is another block.
        QVERIFY(f->bookings.importBlocks(landlord, apartment, u"other.ics"_s,
                                         { { u"four"_s, QDate(2026, 8, 20), QDate(2026, 8, 22), {} } }));
        QCOMPARE(blocks().size(), 4);
        // An empty calendar removes its blocks.
        auto emptied = f->bookings.importBlocks(landlord, apartment, file, {});
        QVERIFY(emptied);
        QCOMPARE(emptied->removed, 3);
        QCOMPARE(blocks(), QStringList({ u"four 2026-08-20 2026-08-22"_s }));
    }

    // An event over a stay refuses the whole import, naming the event; nothing changes.
    // Only the owner imports.
    void anImportThatWouldOverlapChangesNothing()
    {
        auto stay = f->bookings.request(renter, apartment, QDate(2026, 7, 10), QDate(2026, 7, 15));
        QVERIFY(stay && f->bookings.confirm(landlord, stay->id));
        QVERIFY(f->bookings.importBlocks(landlord, apartment, u"a.ics"_s,
                                         { { u"x"_s, QDate(2026, 6, 5), QDate(2026, 6, 7), {} } }));
        const QStringList before = rentdesk::test::dumpDatabase(f->connection());
        auto refused = f->bookings.importBlocks(landlord, apartment, u"a.ics"_s,
                                                { { u"y"_s, QDate(2026, 6, 20), QDate(2026, 6, 22), {} },
                                                  { u"z"_s, QDate(2026, 7, 14), QDate(2026, 7, 16), u"Family"_s } });
        QVERIFY(!refused);
        QCOMPARE(refused.error().code, Code::DatesTaken);
        QVERIFY2(refused.error().message.contains(u"Family"_s), qPrintable(refused.error().message));
        QCOMPARE(rentdesk::test::dumpDatabase(f->connection()), before);

        const QList<rentdesk::models::ical::IcsEvent> one { { u"q"_s, QDate(2026, 6, 25), QDate(2026, 6, 26), {} } };
        QCOMPARE(f->bookings.importBlocks(renter, apartment, u"a.ics"_s, one).error().code, Code::NotAllowed);
        QCOMPARE(f->bookings.importBlocks(otherLandlord, apartment, u"a.ics"_s, one).error().code, Code::NotAllowed);
        QCOMPARE(f->bookings.importBlocks(landlord, apartment, QString(), one).error().code, Code::InvalidValue);
        QCOMPARE(rentdesk::test::dumpDatabase(f->connection()), before);
    }

    // On a connected replica an import is made here and journaled as importBlocks with the
    // coming events only, for the server to make; the journal's arguments read back as the same
    // events. An import whose coming events do not fit one change is refused, and changes nothing.
    void aConnectedImportIsJournaledForItsServer()
    {
        using rentdesk::models::ical::IcsEvent;
        const BookingService replica(f->context(Mode::Connected));
        const QList<IcsEvent> events { { u"gone"_s, QDate(2026, 5, 1), QDate(2026, 5, 3), u"Over"_s },
                                       { u"a"_s, QDate(2026, 6, 5), QDate(2026, 6, 7), u"Guest A"_s },
                                       { u"b"_s, QDate(2026, 8, 1), QDate(2026, 8, 9), QString() } };
        const auto imported = replica.importBlocks(landlord, apartment, u"site.ics"_s, events);
        QVERIFY2(imported, qPrintable(imported ? QString() : imported.error().message));
        QCOMPARE(imported->added, 2);
        QCOMPARE(imported->skipped, 1);
        auto journaled = rentdesk::models::db::exec(
            f->connection(), u"SELECT args FROM pending_mutations WHERE name = 'importBlocks'"_s);
        QVERIFY(journaled && journaled->next());
        const QJsonObject args = QJsonDocument::fromJson(journaled->value(0).toString().toUtf8()).object();
        QVERIFY(!journaled->next());
        const auto change = readCalendarImportArgs(args);
        QVERIFY2(change, qPrintable(change ? QString() : change.error().message));
        QCOMPARE(change->apartment, apartment);
        QCOMPARE(change->source, u"site.ics"_s);
        QCOMPARE(change->events, events.mid(1));

        // Hostile arguments are refused by name before anything is imported.
        QJsonObject twice = args;
        twice[u"events"_s] =
            QJsonArray { args.value(u"events"_s).toArray().at(0), args.value(u"events"_s).toArray().at(0) };
        QVERIFY(!readCalendarImportArgs(twice));
        QJsonObject badDate = args;
        QJsonArray badEvents;
        badEvents.append(QJsonArray { u"x"_s, u"2026-02-30"_s, u"2026-03-02"_s, QString() });
        badDate[u"events"_s] = badEvents;
        QCOMPARE(readCalendarImportArgs(badDate).error().message,
                 u"The calendar's events are not valid: event 1 is not [UID, first night, departure, summary]."_s);
        // The same event with a date that exists is read.
        badEvents[0] = QJsonArray { u"x"_s, u"2026-02-27"_s, u"2026-03-02"_s, QString() };
        badDate[u"events"_s] = badEvents;
        QVERIFY(readCalendarImportArgs(badDate));

        QList<IcsEvent> many;
        for (int i = 0; i < 700; ++i) {
            const QDate start = QDate(2026, 7, 1).addDays(i);
            many.append({ u"event-%1@calendar.example.org"_s.arg(i), start, start.addDays(1), u"Reserved"_s });
        }
        const QStringList before = rentdesk::test::dumpDatabase(f->connection());
        const auto refused = replica.importBlocks(landlord, apartment, u"big.ics"_s, many);
        QVERIFY(!refused);
        QCOMPARE(refused.error().code, Code::InvalidValue);
        QVERIFY2(refused.error().message.contains(u"48 KB"_s), qPrintable(refused.error().message));
        QCOMPARE(rentdesk::test::dumpDatabase(f->connection()), before);
    }
};

QTEST_GUILESS_MAIN(TestBookingService)
#include "tst_bookingservice.moc"
