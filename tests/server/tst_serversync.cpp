// SPDX-License-Identifier: GPL-3.0-or-later
#include "tests/server/serverprocess.h"
#include "tests/server/syncpeer.h"
#include "tests/support/testsupport.h"

#include <QDate>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSignalSpy>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QUuid>
#include <QWebSocket>

#include <memory>

using namespace Qt::StringLiterals;
using rentdesk::test::ServerProcess;
using rentdesk::test::TestClient;

using namespace rentdesk::test::sync;

// The server's half of sync, spoken as raw protocol version 2 (docs/protocol.md, "Sync"):
// mutations applied once each through the services, the rules enforced on the server's side
// whatever the arguments claim, pulls that show each person only what they may see, and pokes.
class TestServerSync : public QObject
{
    Q_OBJECT

    std::unique_ptr<ServerProcess> server;

    // The landlord lists a building "Mine" with apartment 1; its id, or empty if refused.
    static QString listOneApartment(Peer &landlord, QString *buildingId = nullptr)
    {
        const QString building = newId();
        if (buildingId)
            *buildingId = building;
        const QString apartment = newId();
        const QStringList done = statuses(
            landlord.push({ landlord.mutation(u"createBuilding"_s, buildingArgs(building, u"Mine"_s)),
                            landlord.mutation(u"createApartment"_s, apartmentArgs(apartment, building, u"1"_s)) }));
        return done == QStringList({ u"applied"_s, u"applied"_s }) ? apartment : QString();
    }

    std::unique_ptr<Peer> peer(const QString &email, const QString &role)
    {
        auto p = std::make_unique<Peer>();
        if (!p->client.open(server->url()) || !p->client.hello(2)
            || !p->client.signUpAndLogIn(email, email.section(u'@', 0, 0), role))
            return nullptr;
        return p;
    }

    qint64 count(const QString &sql) const { return rentdesk::test::valueIn(server->databasePath(), sql); }

private Q_SLOTS:
    void init()
    {
        server = std::make_unique<ServerProcess>();
        QVERIFY(server->start());
    }
    void cleanup() { server.reset(); }

    // A landlord lists, a renter sees it after the poke and asks, the landlord sees the request
    // and confirms, both see Confirmed and the apartment booked, both review, and the ratings
    // and the mails are where they should be.
    void landlordAndRenterDealThroughTheServer()
    {
        auto landlord = peer(u"lena@example.org"_s, u"landlord"_s);
        auto renter = peer(u"roman@example.org"_s, u"renter"_s);
        QVERIFY(landlord && renter);
        QVERIFY(renter->pullAll());

        const QString building = newId();
        const QString apartment = newId();
        QCOMPARE(statuses(landlord->push(
                     { landlord->mutation(u"createBuilding"_s, buildingArgs(building, u"River House"_s)),
                       landlord->mutation(u"createApartment"_s, apartmentArgs(apartment, building, u"12"_s)) })),
                 QStringList({ u"applied"_s, u"applied"_s }));
        QVERIFY(renter->client.waitForPush(u"sync.poke"_s));
        QVERIFY(renter->pullAll());
        QCOMPARE(renter->row(u"building"_s, building).value(u"name"_s).toString(), u"River House"_s);
        QCOMPARE(renter->row(u"apartment"_s, apartment).value(u"monthlyPrice"_s).toString(), u"4500000"_s);
        const QJsonObject landlordProfile = renter->row(u"user"_s, landlord->userId());
        QCOMPARE(landlordProfile.value(u"role"_s).toString(), u"landlord"_s);
        QVERIFY(landlordProfile.value(u"email"_s).isNull());

        const QString booking = newId();
        QCOMPARE(
            statuses(renter->push({ renter->mutation(u"requestBooking"_s, bookingArgs(booking, apartment, 10, 20)) })),
            QStringList({ u"applied"_s }));
        QVERIFY(landlord->client.waitForPush(u"sync.poke"_s));
        QVERIFY(landlord->pullAll());
        QCOMPARE(landlord->row(u"booking"_s, booking).value(u"status"_s).toString(), u"requested"_s);
        // The renter became visible to the landlord with the request.
        QCOMPARE(landlord->row(u"user"_s, renter->userId()).value(u"displayName"_s).toString(), u"roman"_s);
        QVERIFY(landlord->row(u"user"_s, renter->userId()).value(u"email"_s).isNull());

        QCOMPARE(statuses(landlord->push({ landlord->mutation(u"confirmBooking"_s, { { u"id"_s, booking } }) })),
                 QStringList({ u"applied"_s }));
        QVERIFY(renter->client.waitForPush(u"sync.poke"_s));
        QVERIFY(renter->pullAll());
        QVERIFY(landlord->pullAll());
        for (Peer *p : { landlord.get(), renter.get() }) {
            QCOMPARE(p->row(u"booking"_s, booking).value(u"status"_s).toString(), u"confirmed"_s);
            QCOMPARE(p->row(u"apartment"_s, apartment).value(u"status"_s).toString(), u"booked"_s);
        }
        QCOMPARE(renter->row(u"apartment"_s, apartment).value(u"bookedBy"_s).toString(), renter->userId());

        QCOMPARE(statuses(renter->push({ renter->mutation(u"createReview"_s,
                                                          { { u"id"_s, newId() },
                                                            { u"kind"_s, u"apartment"_s },
                                                            { u"targetId"_s, apartment },
                                                            { u"rating"_s, 4 },
                                                            { u"body"_s, u"Quiet and warm"_s } }),
                                         renter->mutation(u"createReview"_s,
                                                          { { u"id"_s, newId() },
                                                            { u"kind"_s, u"landlord"_s },
                                                            { u"targetId"_s, landlord->userId() },
                                                            { u"rating"_s, 5 },
                                                            { u"body"_s, QString() } }) })),
                 QStringList({ u"applied"_s, u"applied"_s }));
        QCOMPARE(statuses(landlord->push({ landlord->mutation(u"createReview"_s,
                                                              { { u"id"_s, newId() },
                                                                { u"kind"_s, u"renter"_s },
                                                                { u"targetId"_s, renter->userId() },
                                                                { u"rating"_s, 3 },
                                                                { u"body"_s, u"Fine"_s } }) })),
                 QStringList({ u"applied"_s }));
        QVERIFY(landlord->pullAll());
        QVERIFY(renter->pullAll());
        for (Peer *p : { landlord.get(), renter.get() }) {
            QCOMPARE(p->row(u"apartment"_s, apartment).value(u"ratingSum"_s).toInt(), 4);
            QCOMPARE(p->row(u"user"_s, landlord->userId()).value(u"ratingSum"_s).toInt(), 5);
            QCOMPARE(p->row(u"user"_s, renter->userId()).value(u"ratingSum"_s).toInt(), 3);
        }
        QCOMPARE(count(u"SELECT rating_sum * 10 + rating_count FROM users WHERE id = '%1'"_s.arg(renter->userId())),
                 31);
        // Requested to the landlord, confirmed to the renter, queued by the server.
        QCOMPARE(count(u"SELECT count(*) FROM mail_outbox WHERE event = 'booking_requested' "
                       "AND recipient_email = 'lena@example.org'"_s),
                 1);
        QCOMPARE(count(u"SELECT count(*) FROM mail_outbox WHERE event = 'booking_confirmed' "
                       "AND recipient_email = 'roman@example.org'"_s),
                 1);
    }

    // The rows a page carries are made as JSON by the database for a renter and by the reader
    // for a landlord: both give back every value exactly, a double that needs 17 digits and
    // text with quotes, a backslash, a line break, Cyrillic and an emoji among them.
    void rowsKeepTheirValuesExactly()
    {
        auto landlord = peer(u"lena@example.org"_s, u"landlord"_s);
        auto renter = peer(u"roman@example.org"_s, u"renter"_s);
        QVERIFY(landlord && renter);
        const QString building = newId();
        const QString awkward = newId();
        const QString plain = newId();
        const double area = 0.1 + 0.2; // 0.30000000000000004: 15 digits read back as 0.3
        const QString text = u"Ж «кв» \"quoted\" back\\slash\nline 🏠"_s;
        QJsonObject args = apartmentArgs(awkward, building, u"1"_s);
        args.insert(u"area"_s, area);
        args.insert(u"description"_s, text);
        args.insert(u"furnished"_s, false);
        args.insert(u"petsAllowed"_s, true);
        args.insert(u"monthlyPrice"_s, u"99999999999"_s);
        QJsonObject second = apartmentArgs(plain, building, u"2"_s);
        second.insert(u"area"_s, 73.9);
        QCOMPARE(statuses(landlord->push({ landlord->mutation(u"createBuilding"_s, buildingArgs(building, u"B"_s)),
                                           landlord->mutation(u"createApartment"_s, args),
                                           landlord->mutation(u"createApartment"_s, second) })),
                 QStringList({ u"applied"_s, u"applied"_s, u"applied"_s }));
        QVERIFY(renter->pullAll());
        QVERIFY(landlord->pullAll());
        for (Peer *p : { renter.get(), landlord.get() }) {
            const QJsonObject row = p->row(u"apartment"_s, awkward);
            // QCOMPARE compares doubles fuzzily: these are compared digit for digit.
            QCOMPARE(QString::number(row.value(u"area"_s).toDouble(), 'g', 17), QString::number(area, 'g', 17));
            QCOMPARE(row.value(u"description"_s).toString(), text);
            QCOMPARE(row.value(u"furnished"_s), QJsonValue(false));
            QCOMPARE(row.value(u"petsAllowed"_s), QJsonValue(true));
            QCOMPARE(row.value(u"monthlyPrice"_s), QJsonValue(u"99999999999"_s));
            QCOMPARE(row.value(u"floor"_s), QJsonValue(2));
            QCOMPARE(QString::number(p->row(u"apartment"_s, plain).value(u"area"_s).toDouble(), 'g', 17),
                     QString::number(73.9, 'g', 17));
            QCOMPARE(p->row(u"building"_s, building).value(u"yearBuilt"_s), QJsonValue(1990));
        }
    }

    // A resend after a lost acknowledgement is answered as before and applied once; a refused
    // one stays refused.
    void aResentPushIsAppliedOnce()
    {
        auto landlord = peer(u"lena@example.org"_s, u"landlord"_s);
        QVERIFY(landlord);
        const QString building = newId();
        const QJsonArray mutations = { landlord->mutation(u"createBuilding"_s, buildingArgs(building, u"Once"_s)),
                                       landlord->mutation(u"createBuilding"_s, buildingArgs(newId(), u"Bad"_s, 0)) };
        QCOMPARE(statuses(landlord->push(mutations)), QStringList({ u"applied"_s, u"refused:invalid_value"_s }));
        const auto again = landlord->push(mutations);
        QCOMPARE(statuses(again), QStringList({ u"applied(again)"_s, u"refused:invalid_value(again)"_s }));
        QCOMPARE(again->value(u"lastMutationId"_s).toInt(), 2);
        QCOMPARE(again->value(u"results"_s)
                     .toArray()
                     .at(1)
                     .toObject()
                     .value(u"error"_s)
                     .toObject()
                     .value(u"field"_s)
                     .toString(),
                 u"floors"_s);
        QCOMPARE(count(u"SELECT count(*) FROM buildings"_s), 1);
        // Another replica of the same account counts its own mutations.
        Peer second;
        second.clientId = newId();
        QVERIFY(second.client.open(server->url()) && second.client.hello(2)
                && second.client.logIn(u"lena@example.org"_s));
        QCOMPARE(
            statuses(second.push({ Peer::mutationWithId(1, u"updateBuilding"_s, buildingArgs(building, u"Twice"_s)) })),
            QStringList({ u"applied"_s }));
        QCOMPARE(count(u"SELECT count(*) FROM buildings WHERE name = 'Twice'"_s), 1);
    }

    // The server judges every mutation as the session's user, whatever the arguments say.
    void theServerEnforcesTheRules()
    {
        auto landlord = peer(u"lena@example.org"_s, u"landlord"_s);
        auto other = peer(u"oleg@example.org"_s, u"landlord"_s);
        auto renter = peer(u"roman@example.org"_s, u"renter"_s);
        QVERIFY(landlord && other && renter);
        QString building;
        const QString apartment = listOneApartment(*landlord, &building);
        QVERIFY(!apartment.isEmpty());

        // A renter creating a building, with the landlord's id put in for good measure.
        QJsonObject claimed = buildingArgs(newId(), u"Not mine"_s);
        claimed.insert(u"ownerId"_s, landlord->userId());
        claimed.insert(u"actor"_s, landlord->userId());
        // Another landlord changing, deleting, and adding to what is not theirs.
        QCOMPARE(statuses(renter->push({ renter->mutation(u"createBuilding"_s, claimed) })),
                 QStringList({ u"refused:not_allowed"_s }));
        QCOMPARE(
            statuses(other->push({ other->mutation(u"updateApartment"_s, apartmentArgs(apartment, building, u"2"_s)),
                                   other->mutation(u"deleteApartment"_s, { { u"id"_s, apartment } }),
                                   other->mutation(u"createApartment"_s, apartmentArgs(newId(), building, u"3"_s)),
                                   other->mutation(u"setApartmentStatus"_s,
                                                   { { u"id"_s, apartment }, { u"status"_s, u"rented"_s } }) })),
            QStringList({ u"refused:not_allowed"_s, u"refused:not_allowed"_s, u"refused:not_allowed"_s,
                          u"refused:not_allowed"_s }));
        // A landlord cannot book, a renter cannot confirm their own request.
        const QString booking = newId();
        QCOMPARE(statuses(other->push({ other->mutation(u"requestBooking"_s, bookingArgs(newId(), apartment, 5, 9)) })),
                 QStringList({ u"refused:not_allowed"_s }));
        QCOMPARE(statuses(renter->push({ renter->mutation(u"requestBooking"_s, bookingArgs(booking, apartment, 5, 9)),
                                         renter->mutation(u"confirmBooking"_s, { { u"id"_s, booking } }) })),
                 QStringList({ u"applied"_s, u"refused:not_allowed"_s }));
        // Taking over an existing id is no way in either.
        QCOMPARE(statuses(other->push({ other->mutation(u"createBuilding"_s, buildingArgs(building, u"Taken"_s)) })),
                 QStringList({ u"refused:invalid_value"_s }));
        // Nonsense arguments are refused by name, unknown mutations too.
        QCOMPARE(statuses(landlord->push({ landlord->mutation(u"createApartment"_s, { { u"id"_s, newId() } }),
                                           landlord->mutation(u"dropTables"_s, { { u"id"_s, newId() } }) })),
                 QStringList({ u"refused:invalid_value"_s, u"refused:invalid_value"_s }));
        QCOMPARE(count(u"SELECT count(*) FROM apartments WHERE number = '1'"_s), 1);
        QCOMPARE(count(u"SELECT count(*) FROM buildings"_s), 1);
        QCOMPARE(count(u"SELECT count(*) FROM bookings WHERE status = 'requested'"_s), 1);
    }

    // holdDates (a published standalone stay): only the apartment's owner holds its nights, which
    // are then taken for everyone; the requests they overlap are declined; the hold is the
    // owner's own row, never shown to the renters.
    void aLandlordHoldsNightsOfTheirOwnApartment()
    {
        auto landlord = peer(u"lena@example.org"_s, u"landlord"_s);
        auto other = peer(u"oleg@example.org"_s, u"landlord"_s);
        auto renter = peer(u"roman@example.org"_s, u"renter"_s);
        QVERIFY(landlord && other && renter);
        const QString apartment = listOneApartment(*landlord);
        QVERIFY(!apartment.isEmpty());
        const QString request = newId();
        const QString after = newId();
        QCOMPARE(
            statuses(renter->push({ renter->mutation(u"requestBooking"_s, bookingArgs(request, apartment, 10, 20)),
                                    renter->mutation(u"requestBooking"_s, bookingArgs(after, apartment, 25, 27)) })),
            QStringList({ u"applied"_s, u"applied"_s }));

        // Someone else's apartment, a renter, and nights already over are refused.
        QCOMPARE(statuses(other->push({ other->mutation(u"holdDates"_s, bookingArgs(newId(), apartment, 2, 4)) })),
                 QStringList({ u"refused:not_allowed"_s }));
        QCOMPARE(statuses(renter->push({ renter->mutation(u"holdDates"_s, bookingArgs(newId(), apartment, 2, 4)) })),
                 QStringList({ u"refused:not_allowed"_s }));
        QCOMPARE(
            statuses(landlord->push({ landlord->mutation(u"holdDates"_s, bookingArgs(newId(), apartment, -6, 0)),
                                      landlord->mutation(u"holdDates"_s, bookingArgs(newId(), apartment, 4, 2)) })),
            QStringList({ u"refused:dates_in_past"_s, u"refused:invalid_value"_s }));

        // The owner holds nights 8 to 12 (a stay that began is fine too: -2 to 1), with a renter
        // claimed in the arguments that changes nothing.
        const QString hold = newId();
        QJsonObject claimed = bookingArgs(hold, apartment, 8, 12);
        claimed.insert(u"renterId"_s, renter->userId());
        QCOMPARE(
            statuses(landlord->push({ landlord->mutation(u"holdDates"_s, claimed),
                                      landlord->mutation(u"holdDates"_s, bookingArgs(newId(), apartment, -2, 1)),
                                      landlord->mutation(u"holdDates"_s, bookingArgs(newId(), apartment, 11, 13)) })),
            QStringList({ u"applied"_s, u"applied"_s, u"refused:dates_taken"_s }));
        QVERIFY(landlord->pullAll());
        const QJsonObject held = landlord->row(u"booking"_s, hold);
        QCOMPARE(held.value(u"status"_s).toString(), u"confirmed"_s);
        QCOMPARE(held.value(u"renterId"_s).toString(), landlord->userId());
        QCOMPARE(landlord->row(u"booking"_s, request).value(u"status"_s).toString(), u"declined"_s);
        QCOMPARE(landlord->row(u"booking"_s, after).value(u"status"_s).toString(), u"requested"_s);
        QCOMPARE(landlord->row(u"apartment"_s, apartment).value(u"status"_s).toString(), u"rented"_s);

        // The renter sees the request declined, not the hold; the held nights are taken.
        QVERIFY(renter->pullAll());
        QCOMPARE(renter->row(u"booking"_s, request).value(u"status"_s).toString(), u"declined"_s);
        QVERIFY(renter->row(u"booking"_s, hold).isEmpty());
        QCOMPARE(
            statuses(renter->push({ renter->mutation(u"requestBooking"_s, bookingArgs(newId(), apartment, 9, 10)) })),
            QStringList({ u"refused:dates_taken"_s }));
        // The owner cancels the hold: the nights are free again.
        QCOMPARE(statuses(landlord->push({ landlord->mutation(u"cancelBooking"_s, { { u"id"_s, hold } }) })),
                 QStringList({ u"applied"_s }));
        QCOMPARE(
            statuses(renter->push({ renter->mutation(u"requestBooking"_s, bookingArgs(newId(), apartment, 9, 10)) })),
            QStringList({ u"applied"_s }));
        // One mail: the declined request's; the owner is never told of their own hold.
        QCOMPARE(count(u"SELECT count(*) FROM mail_outbox WHERE event = 'booking_declined'"_s), 1);
        QCOMPARE(count(u"SELECT count(*) FROM mail_outbox WHERE event = 'booking_cancelled'"_s), 0);
    }

    // blockDates (the occupancy calendar's drag on a connected desktop): only the owner blocks;
    // the block is a "blocked" booking of the owner with no calendar, taken for everyone, and
    // the owner removes it with cancelBooking.
    void aLandlordBlocksNightsOfTheirOwnApartment()
    {
        auto landlord = peer(u"lena@example.org"_s, u"landlord"_s);
        auto other = peer(u"oleg@example.org"_s, u"landlord"_s);
        auto renter = peer(u"roman@example.org"_s, u"renter"_s);
        QVERIFY(landlord && other && renter);
        const QString apartment = listOneApartment(*landlord);
        QVERIFY(!apartment.isEmpty());
        const QString request = newId();
        QCOMPARE(
            statuses(renter->push({ renter->mutation(u"requestBooking"_s, bookingArgs(request, apartment, 10, 14)) })),
            QStringList({ u"applied"_s }));
        QCOMPARE(statuses(other->push({ other->mutation(u"blockDates"_s, bookingArgs(newId(), apartment, 2, 4)) })),
                 QStringList({ u"refused:not_allowed"_s }));
        QCOMPARE(statuses(renter->push({ renter->mutation(u"blockDates"_s, bookingArgs(newId(), apartment, 2, 4)) })),
                 QStringList({ u"refused:not_allowed"_s }));
        const QString block = newId();
        QCOMPARE(
            statuses(landlord->push({ landlord->mutation(u"blockDates"_s, bookingArgs(block, apartment, 12, 16)),
                                      landlord->mutation(u"blockDates"_s, bookingArgs(newId(), apartment, 15, 17)),
                                      landlord->mutation(u"blockDates"_s, bookingArgs(newId(), apartment, -3, 0)) })),
            QStringList({ u"applied"_s, u"refused:dates_taken"_s, u"refused:dates_in_past"_s }));
        QVERIFY(landlord->pullAll());
        const QJsonObject blocked = landlord->row(u"booking"_s, block);
        QCOMPARE(blocked.value(u"status"_s).toString(), u"blocked"_s);
        QCOMPARE(blocked.value(u"renterId"_s).toString(), landlord->userId());
        QVERIFY(blocked.value(u"blockSource"_s).isNull() || !blocked.contains(u"blockSource"_s));
        QCOMPARE(landlord->row(u"booking"_s, request).value(u"status"_s).toString(), u"declined"_s);
        QCOMPARE(
            statuses(renter->push({ renter->mutation(u"requestBooking"_s, bookingArgs(newId(), apartment, 15, 18)) })),
            QStringList({ u"refused:dates_taken"_s }));
        QCOMPARE(statuses(landlord->push({ landlord->mutation(u"cancelBooking"_s, { { u"id"_s, block } }) })),
                 QStringList({ u"applied"_s }));
        QCOMPARE(
            statuses(renter->push({ renter->mutation(u"requestBooking"_s, bookingArgs(newId(), apartment, 15, 18)) })),
            QStringList({ u"applied"_s }));
    }

    // importBlocks (a calendar file imported on a connected desktop): the server imports the
    // events as the apartment's owner by its own rules — blocks named by the calendar and each
    // event's UID, a request under them declined, a later import moving and removing blocks by UID
    // — and refuses anyone else, an event over a stay, and events that are not what they claim.
    void aLandlordImportsACalendarThroughTheServer()
    {
        auto landlord = peer(u"lena@example.org"_s, u"landlord"_s);
        auto other = peer(u"oleg@example.org"_s, u"landlord"_s);
        auto renter = peer(u"roman@example.org"_s, u"renter"_s);
        QVERIFY(landlord && other && renter);
        const QString apartment = listOneApartment(*landlord);
        QVERIFY(!apartment.isEmpty());
        const QString request = newId();
        QCOMPARE(
            statuses(renter->push({ renter->mutation(u"requestBooking"_s, bookingArgs(request, apartment, 10, 14)) })),
            QStringList({ u"applied"_s }));
        const auto event = [](const QString &uid, int from, int to) {
            return QJsonArray { uid, day(from), day(to), u"Reserved"_s };
        };
        // Each event appended: a QJsonArray braced from one QJsonArray would be a copy of it.
        const auto import = [&](std::initializer_list<QJsonArray> events) {
            QJsonArray list;
            for (const QJsonArray &one : events)
                list.append(one);
            return QJsonObject { { u"id"_s, apartment }, { u"source"_s, u"site.ics"_s }, { u"events"_s, list } };
        };
        QCOMPARE(statuses(other->push({ other->mutation(u"importBlocks"_s, import({ event(u"a"_s, 2, 4) })) })),
                 QStringList({ u"refused:not_allowed"_s }));
        QCOMPARE(statuses(renter->push({ renter->mutation(u"importBlocks"_s, import({ event(u"a"_s, 2, 4) })) })),
                 QStringList({ u"refused:not_allowed"_s }));
        QCOMPARE(statuses(landlord->push(
                     { landlord->mutation(u"importBlocks"_s, import({ event(u"a"_s, 2, 4), event(u"a"_s, 6, 8) })) })),
                 QStringList({ u"refused:invalid_value"_s }));
        QCOMPARE(
            statuses(landlord->push({ landlord->mutation(
                u"importBlocks"_s, import({ QJsonArray { u"b"_s, u"2031-02-30"_s, u"2031-03-02"_s, QString() } })) })),
            QStringList({ u"refused:invalid_value"_s }));
        QCOMPARE(count(u"SELECT count(*) FROM bookings WHERE status = 'blocked'"_s), 0);

        QCOMPARE(
            statuses(landlord->push({ landlord->mutation(
                u"importBlocks"_s, import({ event(u"a"_s, 2, 4), event(u"b"_s, 12, 16), event(u"c"_s, 20, 21) })) })),
            QStringList({ u"applied"_s }));
        QVERIFY(landlord->pullAll());
        const auto blocks = [&] {
            QStringList found;
            for (auto it = landlord->rows.cbegin(); it != landlord->rows.cend(); ++it) {
                const QJsonObject row = it.value();
                if (it.key().startsWith(u"booking/"_s) && row.value(u"status"_s).toString() == u"blocked")
                    found << u"%1 %2 %3 %4"_s.arg(
                        row.value(u"blockSource"_s).toString(), row.value(u"blockUid"_s).toString(),
                        row.value(u"startDate"_s).toString(), row.value(u"endDate"_s).toString());
            }
            found.sort();
            return found;
        };
        QCOMPARE(blocks(),
                 QStringList({ u"site.ics a %1 %2"_s.arg(day(2), day(4)), u"site.ics b %1 %2"_s.arg(day(12), day(16)),
                               u"site.ics c %1 %2"_s.arg(day(20), day(21)) }));
        QCOMPARE(landlord->row(u"booking"_s, request).value(u"status"_s).toString(), u"declined"_s);
        // The renter told by mail, as on a standalone desktop.
        QVERIFY(count(u"SELECT count(*) FROM mail_outbox WHERE event = 'booking_declined'"_s) >= 1);

        // The calendar again: "b" moved, "c" gone.
        QCOMPARE(statuses(landlord->push({ landlord->mutation(
                     u"importBlocks"_s, import({ event(u"a"_s, 2, 4), event(u"b"_s, 13, 17) })) })),
                 QStringList({ u"applied"_s }));
        QVERIFY(landlord->pullAll());
        QCOMPARE(
            blocks(),
            QStringList({ u"site.ics a %1 %2"_s.arg(day(2), day(4)), u"site.ics b %1 %2"_s.arg(day(13), day(17)) }));

        // An event over a confirmed stay refuses the whole import.
        const QString stay = newId();
        QCOMPARE(
            statuses(renter->push({ renter->mutation(u"requestBooking"_s, bookingArgs(stay, apartment, 30, 35)) })),
            QStringList({ u"applied"_s }));
        QCOMPARE(statuses(landlord->push({ landlord->mutation(u"confirmBooking"_s, { { u"id"_s, stay } }) })),
                 QStringList({ u"applied"_s }));
        QCOMPARE(statuses(landlord->push({ landlord->mutation(
                     u"importBlocks"_s, import({ event(u"a"_s, 2, 4), event(u"d"_s, 33, 36) })) })),
                 QStringList({ u"refused:dates_taken"_s }));
        QVERIFY(landlord->pullAll());
        QCOMPARE(blocks().size(), 2);
    }

    // A mutation that needs what a refused one would have made is refused as dependent, naming it.
    void aDependentMutationIsRefusedWithItsCause()
    {
        auto landlord = peer(u"lena@example.org"_s, u"landlord"_s);
        QVERIFY(landlord);
        const QString building = newId();
        const QString apartment = newId();
        const auto reply =
            landlord->push({ landlord->mutation(u"createBuilding"_s, buildingArgs(building, u""_s)),
                             landlord->mutation(u"createApartment"_s, apartmentArgs(apartment, building, u"1"_s)),
                             landlord->mutation(u"createBuilding"_s, buildingArgs(newId(), u"Fine"_s)) });
        QCOMPARE(statuses(reply),
                 QStringList({ u"refused:invalid_value"_s, u"refused:depends_on_refused"_s, u"applied"_s }));
        QCOMPARE(reply->value(u"results"_s).toArray().at(1).toObject().value(u"dependsOn"_s).toInt(), 1);
        // In a later push too.
        QCOMPARE(statuses(landlord->push({ landlord->mutation(u"deleteApartment"_s, { { u"id"_s, apartment } }) })),
                 QStringList({ u"refused:depends_on_refused"_s }));
    }

    // A create retried with a good value after its refusal makes the row, and what names it
    // then is no longer a dependent; a status left out hands it back to the bookings.
    void aRetriedCreateEndsTheDependency()
    {
        auto landlord = peer(u"lena@example.org"_s, u"landlord"_s);
        QVERIFY(landlord);
        const QString building = newId();
        const QString apartment = newId();
        QCOMPARE(
            statuses(landlord->push(
                { landlord->mutation(u"createBuilding"_s, buildingArgs(building, u"Low"_s, 0)),
                  landlord->mutation(u"createBuilding"_s, buildingArgs(building, u"Low"_s, 3)),
                  landlord->mutation(u"createApartment"_s, apartmentArgs(apartment, building, u"1"_s)),
                  landlord->mutation(u"setApartmentStatus"_s, { { u"id"_s, apartment }, { u"status"_s, u"rented"_s } }),
                  landlord->mutation(u"setApartmentStatus"_s, { { u"id"_s, apartment } }) })),
            QStringList({ u"refused:invalid_value"_s, u"applied"_s, u"applied"_s, u"applied"_s, u"applied"_s }));
        QCOMPARE(count(u"SELECT status_manual FROM apartments"_s), 0);
    }

    // Deleting an apartment takes its past bookings along; its landlord hears of each, as its
    // renter does.
    void aLandlordGetsTheTombstonesOfWhatGoesWithAnApartment()
    {
        auto landlord = peer(u"lena@example.org"_s, u"landlord"_s);
        auto renter = peer(u"roman@example.org"_s, u"renter"_s);
        QVERIFY(landlord && renter);
        const QString building = newId();
        const QString apartment = newId();
        const QString booking = newId();
        QVERIFY(
            landlord->push({ landlord->mutation(u"createBuilding"_s, buildingArgs(building, u"Old"_s)),
                             landlord->mutation(u"createApartment"_s, apartmentArgs(apartment, building, u"1"_s)) }));
        QCOMPARE(
            statuses(renter->push({ renter->mutation(u"requestBooking"_s, bookingArgs(booking, apartment, 3, 6)) })),
            QStringList({ u"applied"_s }));
        QCOMPARE(statuses(landlord->push({ landlord->mutation(u"declineBooking"_s, { { u"id"_s, booking } }) })),
                 QStringList({ u"applied"_s }));
        QVERIFY(landlord->pullAll());
        QVERIFY(renter->pullAll());
        QVERIFY(landlord->rows.contains(u"booking/"_s + booking));
        QCOMPARE(statuses(landlord->push({ landlord->mutation(u"deleteApartment"_s, { { u"id"_s, apartment } }) })),
                 QStringList({ u"applied"_s }));
        for (Peer *p : { landlord.get(), renter.get() }) {
            QVERIFY(p->pullAll());
            QVERIFY2(!p->rows.contains(u"booking/"_s + booking), qPrintable(p->userId()));
            QVERIFY(!p->rows.contains(u"apartment/"_s + apartment));
        }
    }

    // Pruning the tombstones at the top of the feed (at start-up) does not make the server give
    // their sequence numbers again: a change after it still reaches a replica that had pulled
    // past them.
    void aChangeAfterPruningStillArrives()
    {
        auto landlord = peer(u"lena@example.org"_s, u"landlord"_s);
        QVERIFY(landlord);
        const QString gone = newId();
        QCOMPARE(statuses(landlord->push({ landlord->mutation(u"createBuilding"_s, buildingArgs(gone, u"Gone"_s)),
                                           landlord->mutation(u"createBuilding"_s, buildingArgs(newId(), u"Stays"_s)),
                                           landlord->mutation(u"deleteBuilding"_s, { { u"id"_s, gone } }) })),
                 QStringList({ u"applied"_s, u"applied"_s, u"applied"_s }));
        QVERIFY(landlord->pullAll());
        QVERIFY(server->restart());
        QCOMPARE(count(u"SELECT count(*) FROM sync_changes WHERE deleted = 1"_s), 0);
        QVERIFY(landlord->client.open(server->url()) && landlord->client.hello(2)
                && landlord->client.logIn(u"lena@example.org"_s));
        const QString later = newId();
        QCOMPARE(statuses(landlord->push({ landlord->mutation(u"createBuilding"_s, buildingArgs(later, u"Later"_s)) })),
                 QStringList({ u"applied"_s }));
        QVERIFY(landlord->pullAll());
        QCOMPARE(landlord->row(u"building"_s, later).value(u"name"_s).toString(), u"Later"_s);
    }

    // A landlord keeps seeing a renter who once asked, after the bookings went with a deleted
    // apartment: their reviews of each other remain, and a new replica gets the author with them.
    void aLandlordKeepsSeeingRentersOnceKnown()
    {
        auto landlord = peer(u"lena@example.org"_s, u"landlord"_s);
        auto renter = peer(u"roman@example.org"_s, u"renter"_s);
        QVERIFY(landlord && renter);
        const QString building = newId();
        const QString apartment = newId();
        const QString booking = newId();
        QVERIFY(
            landlord->push({ landlord->mutation(u"createBuilding"_s, buildingArgs(building, u"Old"_s)),
                             landlord->mutation(u"createApartment"_s, apartmentArgs(apartment, building, u"1"_s)) }));
        QVERIFY(renter->push({ renter->mutation(u"requestBooking"_s, bookingArgs(booking, apartment, 3, 6)) }));
        QVERIFY(landlord->push({ landlord->mutation(u"confirmBooking"_s, { { u"id"_s, booking } }) }));
        QCOMPARE(statuses(renter->push({ renter->mutation(u"createReview"_s,
                                                          { { u"id"_s, newId() },
                                                            { u"kind"_s, u"landlord"_s },
                                                            { u"targetId"_s, landlord->userId() },
                                                            { u"rating"_s, 2 },
                                                            { u"body"_s, u"Cold"_s } }),
                                         renter->mutation(u"cancelBooking"_s, { { u"id"_s, booking } }) })),
                 QStringList({ u"applied"_s, u"applied"_s }));
        QCOMPARE(statuses(landlord->push({ landlord->mutation(u"deleteApartment"_s, { { u"id"_s, apartment } }) })),
                 QStringList({ u"applied"_s }));
        Peer fresh;
        QVERIFY(fresh.client.open(server->url()) && fresh.client.hello(2) && fresh.client.logIn(u"lena@example.org"_s));
        QVERIFY(fresh.pullAll());
        QCOMPARE(fresh.row(u"user"_s, renter->userId()).value(u"displayName"_s).toString(), u"roman"_s);
        // The review's author comes before the review.
        qsizetype author = -1;
        qsizetype review = -1;
        for (qsizetype i = 0; i < fresh.seen.size(); ++i) {
            const QString entity = fresh.seen.at(i).value(u"entity"_s).toString();
            if (entity == u"user" && fresh.seen.at(i).value(u"id"_s).toString() == renter->userId() && author < 0)
                author = i;
            if (entity == u"review" && review < 0)
                review = i;
        }
        QVERIFY(author >= 0 && review > author);
    }

    // A renter who asks becomes visible to the landlord for good, even when the request is gone
    // before the landlord pulls (cancelled, and its apartment deleted): the landlord's cursor has
    // long passed the renter's profile, and a tombstone brings no parents, so the profile enters
    // the feed again with the acquaintance (schema version 18).
    void aRenterKnownByARequestGoneBeforeThePullStillArrives()
    {
        auto renter = peer(u"roman@example.org"_s, u"renter"_s);
        auto landlord = peer(u"lena@example.org"_s, u"landlord"_s);
        QVERIFY(landlord && renter);
        const QString apartment = listOneApartment(*landlord);
        QVERIFY(!apartment.isEmpty());
        QVERIFY(landlord->pullAll());
        QVERIFY(landlord->row(u"user"_s, renter->userId()).isEmpty());
        const QString booking = newId();
        QCOMPARE(statuses(renter->push({ renter->mutation(u"requestBooking"_s, bookingArgs(booking, apartment, 3, 6)),
                                         renter->mutation(u"cancelBooking"_s, { { u"id"_s, booking } }) })),
                 QStringList({ u"applied"_s, u"applied"_s }));
        QCOMPARE(statuses(landlord->push({ landlord->mutation(u"deleteApartment"_s, { { u"id"_s, apartment } }) })),
                 QStringList({ u"applied"_s }));
        QVERIFY(landlord->pullAll());
        QCOMPARE(landlord->row(u"user"_s, renter->userId()).value(u"displayName"_s).toString(), u"roman"_s);
        QVERIFY(landlord->row(u"booking"_s, booking).isEmpty());
        // Once: a second request of the same renter does not send the profile again.
        const QString other = listOneApartment(*landlord);
        QVERIFY(landlord->pullAll());
        const qint64 before =
            count(u"SELECT seq FROM sync_changes WHERE entity = 'user' AND row_id = '%1'"_s.arg(renter->userId()));
        QCOMPARE(statuses(renter->push({ renter->mutation(u"requestBooking"_s, bookingArgs(newId(), other, 3, 6)) })),
                 QStringList({ u"applied"_s }));
        QCOMPARE(count(u"SELECT seq FROM sync_changes WHERE entity = 'user' AND row_id = '%1'"_s.arg(renter->userId())),
                 before);
    }

    // What a pull gives each person is what docs/protocol.md says they may see, and nothing else.
    void pullsShowOnlyWhatEachMaySee()
    {
        auto lena = peer(u"lena@example.org"_s, u"landlord"_s);
        auto oleg = peer(u"oleg@example.org"_s, u"landlord"_s);
        auto roman = peer(u"roman@example.org"_s, u"renter"_s);
        auto rita = peer(u"rita@example.org"_s, u"renter"_s);
        QVERIFY(lena && oleg && roman && rita);
        const QString lenaBuilding = newId();
        const QString lenaFlat = newId();
        const QString olegBuilding = newId();
        const QString olegFlat = newId();
        QVERIFY(lena->push({ lena->mutation(u"createBuilding"_s, buildingArgs(lenaBuilding, u"Lena's"_s)),
                             lena->mutation(u"createApartment"_s, apartmentArgs(lenaFlat, lenaBuilding, u"1"_s)) }));
        QVERIFY(oleg->push({ oleg->mutation(u"createBuilding"_s, buildingArgs(olegBuilding, u"Oleg's"_s)),
                             oleg->mutation(u"createApartment"_s, apartmentArgs(olegFlat, olegBuilding, u"1"_s)) }));
        const QString romanAtLena = newId();
        const QString ritaAtOleg = newId();
        QCOMPARE(
            statuses(roman->push({ roman->mutation(u"requestBooking"_s, bookingArgs(romanAtLena, lenaFlat, 3, 6)) })),
            QStringList({ u"applied"_s }));
        QCOMPARE(statuses(rita->push({ rita->mutation(u"requestBooking"_s, bookingArgs(ritaAtOleg, olegFlat, 3, 6)) })),
                 QStringList({ u"applied"_s }));
        QCOMPARE(statuses(oleg->push({ oleg->mutation(u"confirmBooking"_s, { { u"id"_s, ritaAtOleg } }) })),
                 QStringList({ u"applied"_s }));

        for (Peer *p : { lena.get(), oleg.get(), roman.get(), rita.get() })
            QVERIFY(p->pullAll(3));
        // Renters: every listing, their own bookings only, nobody else's e-mail or phone.
        QCOMPARE(roman->rows.contains(u"apartment/"_s + olegFlat), true);
        QCOMPARE(roman->rows.contains(u"booking/"_s + romanAtLena), true);
        QCOMPARE(roman->rows.contains(u"booking/"_s + ritaAtOleg), false);
        QVERIFY(roman->row(u"apartment"_s, olegFlat).value(u"bookedBy"_s).isNull());
        QCOMPARE(rita->row(u"apartment"_s, olegFlat).value(u"bookedBy"_s).toString(), rita->userId());
        // Landlords: their own property and bookings, the renters of those bookings, themselves.
        QCOMPARE(lena->rows.contains(u"apartment/"_s + olegFlat), false);
        QCOMPARE(lena->rows.contains(u"building/"_s + olegBuilding), false);
        QCOMPARE(lena->rows.contains(u"booking/"_s + ritaAtOleg), false);
        QCOMPARE(lena->rows.contains(u"user/"_s + roman->userId()), true);
        QCOMPARE(lena->rows.contains(u"user/"_s + rita->userId()), false);
        QCOMPARE(lena->rows.contains(u"user/"_s + oleg->userId()), false);

        for (Peer *p : { lena.get(), oleg.get(), roman.get(), rita.get() }) {
            for (const QJsonObject &seen : std::as_const(p->seen)) {
                const QJsonObject row = seen.value(u"row"_s).toObject();
                QVERIFY2(!row.contains(u"passwordHash"_s), qPrintable(p->client.userId()));
                if (seen.value(u"entity"_s).toString() == u"user" && seen.value(u"id"_s).toString() != p->userId()) {
                    QVERIFY2(row.value(u"email"_s).isNull() && row.value(u"phone"_s).isNull(),
                             QJsonDocument(seen).toJson().constData());
                }
                if (seen.value(u"entity"_s).toString() == u"booking") {
                    QVERIFY(row.value(u"renterId"_s).toString() == p->userId()
                            || (p == lena.get() && seen.value(u"id"_s).toString() == romanAtLena)
                            || (p == oleg.get() && seen.value(u"id"_s).toString() == ritaAtOleg));
                }
            }
        }
        QCOMPARE(lena->row(u"user"_s, lena->userId()).value(u"email"_s).toString(), u"lena@example.org"_s);
    }

    // Paging: small pages resume from the last cursor and add up to one large pull; a deletion
    // arrives as a tombstone.
    void pagesResumeAndDeletionsAreTombstones()
    {
        auto landlord = peer(u"lena@example.org"_s, u"landlord"_s);
        QVERIFY(landlord);
        const QString building = newId();
        QJsonArray mutations = { landlord->mutation(u"createBuilding"_s, buildingArgs(building, u"Tall"_s, 30)) };
        QStringList apartments;
        for (int i = 1; i <= 25; ++i) {
            apartments << newId();
            mutations.append(landlord->mutation(u"createApartment"_s,
                                                apartmentArgs(apartments.last(), building, QString::number(i))));
        }
        QCOMPARE(statuses(landlord->push(mutations)).count(u"applied"_s), 26);

        auto renter = peer(u"roman@example.org"_s, u"renter"_s);
        QVERIFY(renter);
        int pages = 0;
        QVERIFY(renter->pullAll(4, &pages));
        QVERIFY2(pages >= 7, qPrintable(QString::number(pages)));
        Peer whole;
        whole.clientId = newId();
        QVERIFY(whole.client.open(server->url()) && whole.client.hello(2)
                && whole.client.logIn(u"roman@example.org"_s));
        QVERIFY(whole.pullAll());
        QCOMPARE(renter->rows, whole.rows);
        QCOMPARE(renter->rows.size(), 1 + 25 + 2); // the building, its apartments, the two people

        QCOMPARE(
            statuses(landlord->push({ landlord->mutation(u"deleteApartment"_s, { { u"id"_s, apartments.first() } }) })),
            QStringList({ u"applied"_s }));
        QVERIFY(renter->client.waitForPush(u"sync.poke"_s));
        const qsizetype before = renter->seen.size();
        QVERIFY(renter->pullAll());
        QCOMPARE(renter->seen.size() - before, 1);
        QCOMPARE(renter->seen.last().value(u"deleted"_s).toBool(), true);
        QVERIFY(!renter->rows.contains(u"apartment/"_s + apartments.first()));
        // A cursor that is not the server's is refused by name.
        QCOMPARE(codeOf(renter->client.call(u"sync.pull"_s,
                                            { { u"clientId"_s, renter->clientId }, { u"cursor"_s, u"x1"_s } })),
                 u"bad_request"_s);
    }

    // A snapshot holds the rows of the account's pages, masked the same way, and only its
    // account reads it: another's id is unknown to them, and a new snapshot drops the last.
    void aSnapshotIsItsAccountsAndHoldsWhatThePagesHold()
    {
        auto landlord = peer(u"lena@example.org"_s, u"landlord"_s);
        QVERIFY(landlord);
        const QString building = newId();
        QJsonArray mutations = { landlord->mutation(u"createBuilding"_s, buildingArgs(building, u"Tall"_s, 30)) };
        for (int i = 1; i <= 5; ++i)
            mutations.append(
                landlord->mutation(u"createApartment"_s, apartmentArgs(newId(), building, QString::number(i))));
        QCOMPARE(statuses(landlord->push(mutations)).count(u"applied"_s), 6);
        auto renter = peer(u"roman@example.org"_s, u"renter"_s);
        auto other = peer(u"olga@example.org"_s, u"renter"_s);
        QVERIFY(renter && other && renter->pullAll());

        const auto made = renter->client.call(u"sync.snapshot"_s, { { u"clientId"_s, renter->clientId } });
        QCOMPARE(codeOf(made), u"ok"_s);
        const QString id = made->value(u"snapshot"_s).toString();
        const qint64 size = made->value(u"size"_s).toInteger();
        const qint64 chunk = made->value(u"chunkBytes"_s).toInteger();
        QVERIFY(size > 0 && chunk > 0);
        QCOMPARE(made->value(u"cursor"_s).toString(), renter->cursor);
        QByteArray file;
        while (file.size() < size) {
            const auto read =
                renter->client.call(u"sync.snapshot.read"_s, { { u"snapshot"_s, id }, { u"offset"_s, file.size() } });
            QCOMPARE(codeOf(read), u"ok"_s);
            QCOMPARE(read->value(u"offset"_s).toInteger(), file.size());
            const QByteArray data = QByteArray::fromBase64(read->value(u"data"_s).toString().toLatin1());
            QCOMPARE(data.size(), std::min(chunk, size - file.size()));
            file += data;
        }
        // Asked for as bytes, a chunk comes as one binary message: its reply's JSON after its
        // length, then the same bytes as the base64.
        QSignalSpy binary(&renter->client.socket(), &QWebSocket::binaryMessageReceived);
        const QJsonObject ask { { u"type"_s, u"sync.snapshot.read"_s },
                                { u"id"_s, u"b1"_s },
                                { u"snapshot"_s, id },
                                { u"offset"_s, size / 2 },
                                { u"length"_s, 1000 },
                                { u"binary"_s, true } };
        renter->client.sendRaw(QJsonDocument(ask).toJson(QJsonDocument::Compact));
        QVERIFY(binary.wait(10000));
        const QByteArray message = binary.first().first().toByteArray();
        QVERIFY(message.size() > 4);
        const qint64 headerLength = (qint64(quint8(message[0])) << 24) | (quint8(message[1]) << 16)
            | (quint8(message[2]) << 8) | quint8(message[3]);
        const QJsonObject header = QJsonDocument::fromJson(message.mid(4, headerLength)).object();
        QCOMPARE(header.value(u"id"_s).toString(), u"b1"_s);
        QCOMPARE(header.value(u"ok"_s).toBool(), true);
        QCOMPARE(header.value(u"offset"_s).toInteger(), size / 2);
        QCOMPARE(header.value(u"size"_s).toInteger(), size);
        QCOMPARE(message.sliced(4 + headerLength), file.mid(size / 2, 1000));

        QTemporaryDir folder;
        const QString path = folder.filePath(u"snapshot.sqlite"_s);
        QFile out(path);
        QVERIFY(out.open(QIODevice::WriteOnly) && out.write(file) == size);
        out.close();
        QCOMPARE(rentdesk::test::valueIn(path, u"SELECT count(*) FROM apartments"_s), 5);
        QCOMPARE(rentdesk::test::valueIn(path, u"SELECT count(*) FROM users"_s), 3);
        const auto entities = [&](const QString &entity) {
            return std::count_if(renter->rows.keyBegin(), renter->rows.keyEnd(),
                                 [&](const QString &key) { return key.startsWith(entity + u'/'); });
        };
        QCOMPARE(entities(u"apartment"_s), 5);
        QCOMPARE(entities(u"user"_s), 3);
        // The same masks as the pages: only the account's own e-mail, no password's hash.
        QCOMPARE(rentdesk::test::rowsIn(path, u"SELECT email FROM users WHERE email IS NOT NULL"_s),
                 QStringList { u"roman@example.org"_s });
        QCOMPARE(rentdesk::test::valueIn(path, u"SELECT count(*) FROM users WHERE password_hash IS NOT NULL"_s), 0);

        // Another account does not find it; an offset past its end is refused by name.
        QCOMPARE(codeOf(other->client.call(u"sync.snapshot.read"_s, { { u"snapshot"_s, id }, { u"offset"_s, 0 } })),
                 u"not_found"_s);
        QCOMPARE(
            codeOf(renter->client.call(u"sync.snapshot.read"_s, { { u"snapshot"_s, id }, { u"offset"_s, size + 1 } })),
            u"bad_request"_s);
        // A new snapshot of the account drops the last.
        QCOMPARE(codeOf(renter->client.call(u"sync.snapshot"_s, { { u"clientId"_s, renter->clientId } })), u"ok"_s);
        QCOMPARE(codeOf(renter->client.call(u"sync.snapshot.read"_s, { { u"snapshot"_s, id }, { u"offset"_s, 0 } })),
                 u"not_found"_s);
    }
};

QTEST_GUILESS_MAIN(TestServerSync)
#include "tst_serversync.moc"
