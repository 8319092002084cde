// SPDX-License-Identifier: GPL-3.0-or-later
#include "tests/calendar/calendartesting.h"
#include "tests/calendar/httptestservers.h"
#include "tests/server/serverprocess.h"
#include "tests/server/syncpeer.h"
#include "tests/support/postgrescluster.h"
#include "tests/support/smtptestserver.h"
#include "tests/support/testsupport.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>
#include <QTest>

#include <memory>

using namespace Qt::StringLiterals;
using rentdesk::test::ServerProcess;
using rentdesk::test::SmtpTestServer;
using rentdesk::test::TestClient;
using namespace rentdesk::test::sync;

// Two rentdesk-server processes on one PostgreSQL database (docs/architecture.md, "Several
// servers on one database"), as an agency runs them behind a load balancer: a person on one
// server chats and deals with a person on the other, a log-out ends the session on both, and a
// server killed outright loses nothing it acknowledged.
class TestServerCluster final : public QObject
{
    Q_OBJECT

    std::unique_ptr<ServerProcess> a;
    std::unique_ptr<ServerProcess> b;

    static std::unique_ptr<Peer> on(const ServerProcess &server, const QString &email, const QString &role)
    {
        auto peer = std::make_unique<Peer>();
        if (!peer->client.open(server.url()) || !peer->client.hello(2)
            || !peer->client.signUpAndLogIn(email, email.section(u'@', 0, 0), role))
            return nullptr;
        return peer;
    }

public:
    TestServerCluster()
    {
        // This test is about PostgreSQL; its servers are always on the binary's cluster.
        qputenv("RENTDESK_TEST_ENGINE", "postgresql");
    }

private Q_SLOTS:
    void init()
    {
        // Twenty connections from one address in a test.
        a = std::make_unique<ServerProcess>(QStringList { u"--max-connections-per-address"_s, u"100"_s });
        QVERIFY2(a->start(), qPrintable(a->errorString()));
        b = std::make_unique<ServerProcess>(*a, QStringList { u"--max-connections-per-address"_s, u"100"_s });
        QVERIFY2(b->start(), qPrintable(b->errorString()));
        QVERIFY(a->url() != b->url());
        QCOMPARE(a->databasePath(), b->databasePath());
    }

    void cleanup()
    {
        b.reset();
        a.reset();
    }

    void chatGoesBetweenServers()
    {
        auto ann = on(*a, u"ann@example.org"_s, u"renter"_s);
        auto bob = on(*b, u"bob@example.org"_s, u"landlord"_s);
        QVERIFY(ann && bob);

        const auto started = ann->client.call(u"chat.start"_s, { { u"email"_s, u"bob@example.org"_s } });
        QCOMPARE(codeOf(started), u"ok"_s);
        const QString conversation = started->value(u"conversation"_s).toObject().value(u"id"_s).toString();
        const auto told = bob->client.waitForPush(u"chat.conversation"_s);
        QVERIFY(told);
        QCOMPARE(told->value(u"conversation"_s).toObject().value(u"id"_s).toString(), conversation);

        // A message of more than one notification's worth of bytes arrives whole.
        const QString longText = QString(3999, u'ж') + u'!';
        for (const QString &text : { u"Is the flat still free?"_s, longText }) {
            const auto sent = ann->client.call(
                u"chat.send"_s,
                { { u"conversationId"_s, conversation }, { u"messageId"_s, newId() }, { u"text"_s, text } });
            QCOMPARE(codeOf(sent), u"ok"_s);
            const auto arrived = bob->client.waitForPush(u"chat.message"_s);
            QVERIFY(arrived);
            QCOMPARE(arrived->value(u"message"_s).toObject().value(u"text"_s).toString(), text);
        }

        QCOMPARE(
            codeOf(bob->client.call(u"chat.read"_s, { { u"conversationId"_s, conversation }, { u"upToSeq"_s, 2 } })),
            u"ok"_s);
        const auto receipt = ann->client.waitForPush(u"chat.receipt"_s);
        QVERIFY(receipt);
        QCOMPARE(receipt->value(u"readUpTo"_s).toInt(), 2);

        // Ann's second connection, on the other server, hears her own message too.
        TestClient annElsewhere;
        QVERIFY(annElsewhere.open(b->url()) && annElsewhere.hello(2) && annElsewhere.resume(ann->client.token()));
        QCOMPARE(codeOf(ann->client.call(u"chat.send"_s,
                                         { { u"conversationId"_s, conversation },
                                           { u"messageId"_s, newId() },
                                           { u"text"_s, u"Any time this week"_s } })),
                 u"ok"_s);
        QVERIFY(annElsewhere.waitForPush(u"chat.message"_s));
        QVERIFY(bob->client.waitForPush(u"chat.message"_s));
    }

    void aDealGoesBetweenServers()
    {
        auto landlord = on(*a, u"lena@example.org"_s, u"landlord"_s);
        auto renter = on(*b, u"roman@example.org"_s, u"renter"_s);
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
        QCOMPARE(renter->row(u"apartment"_s, apartment).value(u"number"_s).toString(), u"12"_s);

        const QString booking = newId();
        QCOMPARE(
            statuses(renter->push({ renter->mutation(u"requestBooking"_s, bookingArgs(booking, apartment, 10, 20)) })),
            QStringList({ u"applied"_s }));
        QVERIFY(landlord->client.waitForPush(u"sync.poke"_s));
        QVERIFY(landlord->pullAll());
        QCOMPARE(landlord->row(u"booking"_s, booking).value(u"status"_s).toString(), u"requested"_s);
        QCOMPARE(statuses(landlord->push({ landlord->mutation(u"confirmBooking"_s, { { u"id"_s, booking } }) })),
                 QStringList({ u"applied"_s }));
        QVERIFY(renter->client.waitForPush(u"sync.poke"_s));
        QVERIFY(renter->pullAll());
        QCOMPARE(renter->row(u"booking"_s, booking).value(u"status"_s).toString(), u"confirmed"_s);
    }

    void aLogOutEndsTheSessionOnBothServers()
    {
        auto ann = on(*a, u"ann@example.org"_s, u"renter"_s);
        QVERIFY(ann);
        TestClient elsewhere;
        QVERIFY(elsewhere.open(b->url()) && elsewhere.hello(2) && elsewhere.resume(ann->client.token()));
        QCOMPARE(codeOf(ann->client.call(u"logout"_s)), u"ok"_s);
        const auto ended = elsewhere.waitForPush(u"session.ended"_s);
        QVERIFY(ended);
        QCOMPARE(ended->value(u"reason"_s).toString(), u"logged_out"_s);
        QCOMPARE(codeOf(elsewhere.call(u"chat.list"_s)), u"not_logged_in"_s);
    }

    // Both people of one conversation write at once, each through a different server: every
    // message is stored once, numbered without a gap or a collision (the two servers number the
    // conversation's messages one after the other, running a transaction again when the other
    // numbered first).
    void bothSidesWriteAtOnce()
    {
        auto ann = on(*a, u"ann@example.org"_s, u"renter"_s);
        auto bob = on(*b, u"bob@example.org"_s, u"landlord"_s);
        QVERIFY(ann && bob);
        const auto started = ann->client.call(u"chat.start"_s, { { u"email"_s, u"bob@example.org"_s } });
        QCOMPARE(codeOf(started), u"ok"_s);
        const QString conversation = started->value(u"conversation"_s).toObject().value(u"id"_s).toString();
        constexpr int Each = 30;
        for (int i = 0; i < Each; ++i) {
            for (Peer *writer : { ann.get(), bob.get() }) {
                const QJsonObject send { { u"type"_s, u"chat.send"_s },
                                         { u"id"_s, u"s%1"_s.arg(i) },
                                         { u"conversationId"_s, conversation },
                                         { u"messageId"_s, newId() },
                                         { u"text"_s, u"line %1"_s.arg(i) } };
                writer->client.sendRaw(QJsonDocument(send).toJson(QJsonDocument::Compact));
            }
        }
        for (Peer *writer : { ann.get(), bob.get() }) {
            const auto replies = writer->client.takeReplies(Each, 60000);
            QVERIFY(replies);
            for (const QJsonObject &reply : *replies)
                QCOMPARE(codeOf(reply), u"ok"_s);
        }
        const QString url = a->databasePath();
        QCOMPARE(rentdesk::test::valueIn(url, u"SELECT count(*) FROM chat_messages"_s), 2 * Each);
        QCOMPARE(rentdesk::test::valueIn(url, u"SELECT max(seq) FROM chat_messages"_s), 2 * Each);
        QCOMPARE(rentdesk::test::valueIn(url, u"SELECT last_seq FROM conversations"_s), 2 * Each);
    }

    // A landlord's push and a renter's, each of many mutations over the same apartments, at once
    // through the two servers: PostgreSQL cannot serialize the two whole pushes (each reads more
    // rows than it watches one by one), and every mutation of both is applied all the same, the
    // push that collided applied again one mutation per transaction.
    void bothSidesPushAtOnce()
    {
        auto landlord = on(*a, u"lena@example.org"_s, u"landlord"_s);
        auto renter = on(*b, u"roman@example.org"_s, u"renter"_s);
        QVERIFY(landlord && renter);
        constexpr int Apartments = 40;
        const QString building = newId();
        QJsonArray listing { landlord->mutation(u"createBuilding"_s, buildingArgs(building, u"River House"_s)) };
        QStringList apartments;
        for (int i = 0; i < Apartments; ++i) {
            apartments << newId();
            listing << landlord->mutation(u"createApartment"_s,
                                          apartmentArgs(apartments.last(), building, QString::number(i + 1)));
        }
        QCOMPARE(statuses(landlord->push(listing)), QStringList(Apartments + 1, u"applied"_s));
        QVERIFY(renter->pullAll());
        QCOMPARE(renter->rows.size(), Apartments + 3); // the apartments, the building, the two people
        QJsonArray firstRequests;
        QStringList requested;
        for (int i = 0; i < Apartments; ++i) {
            requested << newId();
            firstRequests << renter->mutation(u"requestBooking"_s, bookingArgs(requested.last(), apartments[i], 5, 9));
        }
        QCOMPARE(statuses(renter->push(firstRequests)), QStringList(Apartments, u"applied"_s));

        // The landlord confirms the requests (reading each apartment's bookings) and raises the
        // prices; the renter asks for more nights of the same apartments (reading their bookings).
        QJsonArray landlords;
        QJsonArray renters;
        for (int i = 0; i < Apartments; ++i) {
            QJsonObject args = apartmentArgs(apartments[i], building, QString::number(i + 1));
            args.insert(u"monthlyPrice"_s, u"4500300"_s);
            landlords << landlord->mutation(u"confirmBooking"_s, { { u"id"_s, requested[i] } })
                      << landlord->mutation(u"updateApartment"_s, args);
            renters << renter->mutation(u"requestBooking"_s, bookingArgs(newId(), apartments[i], 30, 40))
                    << renter->mutation(u"requestBooking"_s, bookingArgs(newId(), apartments[i], 50, 60));
        }
        // Each side's mutations in pushes one after the other, as a desktop pushes while its
        // person goes on editing: the landlord's long ones run while the renter's commit.
        const auto sendInParts = [](Peer &peer, const QJsonArray &mutations, int parts) {
            const qsizetype each = mutations.size() / parts;
            for (int p = 0; p < parts; ++p) {
                QJsonArray part;
                for (qsizetype m = p * each; m < (p + 1) * each; ++m)
                    part << mutations[m];
                const QJsonObject push { { u"type"_s, u"sync.push"_s },
                                         { u"id"_s, u"part%1"_s.arg(p) },
                                         { u"clientId"_s, peer.clientId },
                                         { u"mutations"_s, part } };
                peer.client.sendRaw(QJsonDocument(push).toJson(QJsonDocument::Compact));
            }
        };
        constexpr int landlordParts = 1;
        constexpr int renterParts = 8;
        sendInParts(*landlord, landlords, landlordParts);
        sendInParts(*renter, renters, renterParts);
        for (auto [peer, parts] : { std::pair(landlord.get(), landlordParts), std::pair(renter.get(), renterParts) }) {
            const auto replies = peer->client.takeReplies(parts, 60000);
            QVERIFY(replies);
            for (const QJsonObject &reply : *replies)
                QCOMPARE(statuses(reply), QStringList(2 * Apartments / parts, u"applied"_s));
        }
        const QString url = a->databasePath();
        QCOMPARE(rentdesk::test::valueIn(url, u"SELECT count(*) FROM bookings WHERE status = 'confirmed'"_s),
                 Apartments);
        QCOMPARE(rentdesk::test::valueIn(url, u"SELECT count(*) FROM bookings WHERE status = 'requested'"_s),
                 2 * Apartments);
        QCOMPARE(rentdesk::test::valueIn(url, u"SELECT count(*) FROM apartments WHERE monthly_price = 4500300"_s),
                 Apartments);
        // Both replicas catch up with everything the other pushed.
        QVERIFY(renter->pullAll());
        QVERIFY(landlord->pullAll());
        QCOMPARE(renter->row(u"apartment"_s, apartments.last()).value(u"monthlyPrice"_s).toString(), u"4500300"_s);
        QCOMPARE(renter->row(u"booking"_s, requested.last()).value(u"status"_s).toString(), u"confirmed"_s);
        int bookings = 0;
        for (auto it = landlord->rows.cbegin(); it != landlord->rows.cend(); ++it)
            bookings += it.key().startsWith(u"booking/"_s) ? 1 : 0;
        QCOMPARE(bookings, 3 * Apartments);
    }

    // Twenty wrong log-ins for one account at once, ten on each server: the two judge them
    // together, so five are judged (the limit) and fifteen refused, as on one server.
    void logInLimitsHoldAcrossServers()
    {
        QVERIFY(on(*a, u"bob@example.org"_s, u"renter"_s));
        std::vector<std::unique_ptr<TestClient>> clients;
        for (int i = 0; i < 20; ++i) {
            auto client = std::make_unique<TestClient>();
            QVERIFY(client->open((i % 2 ? *a : *b).url()) && client->hello(2));
            clients.push_back(std::move(client));
        }
        const QJsonObject wrong { { u"type"_s, u"login"_s },
                                  { u"id"_s, u"l"_s },
                                  { u"email"_s, u"bob@example.org"_s },
                                  { u"password"_s, u"wrong horse battery"_s } };
        for (const auto &client : clients)
            client->sendRaw(QJsonDocument(wrong).toJson(QJsonDocument::Compact));
        QHash<QString, int> counts;
        for (const auto &client : clients) {
            const auto reply = client->takeReplies(1, 60000);
            QVERIFY(reply);
            ++counts[codeOf(reply->constFirst())];
        }
        QCOMPARE(counts.value(u"wrong_credentials"_s), 5);
        QCOMPARE(counts.value(u"rate_limited"_s), 15);
        // The right password waits too, on either server.
        for (const ServerProcess *server : { a.get(), b.get() }) {
            TestClient late;
            QVERIFY(late.open(server->url()) && late.hello(2));
            QCOMPARE(codeOf(late.call(
                         u"login"_s,
                         { { u"email"_s, u"bob@example.org"_s }, { u"password"_s, u"correct horse battery"_s } })),
                     u"rate_limited"_s);
        }
    }

    // Every server queues mail in the one outbox and one of them sends it: each sign-up's
    // welcome arrives once, whichever server took the sign-up; with that server killed, the
    // other takes the sending over.
    void theSharedOutboxIsSentOnce()
    {
        SmtpTestServer smtp;
        QVERIFY2(smtp.start(SmtpTestServer::Mode::Plain), qPrintable(smtp.errorString()));
        // Eight sign-ups from this one address, past the default limit (5 an hour).
        const QStringList mail { u"--smtp"_s,
                                 u"smtp+insecure://127.0.0.1:%1"_s.arg(smtp.port()),
                                 u"--mail-from"_s,
                                 u"RentDesk <server@example.test>"_s,
                                 u"--signups-per-address"_s,
                                 u"100"_s };
        cleanup();
        a = std::make_unique<ServerProcess>(mail);
        QVERIFY2(a->start(), qPrintable(a->errorString()));
        b = std::make_unique<ServerProcess>(*a, mail);
        QVERIFY2(b->start(), qPrintable(b->errorString()));

        const auto signUp = [&](const ServerProcess &server, int n) {
            return on(server, u"person%1@example.test"_s.arg(n), u"renter"_s) != nullptr;
        };
        for (int n = 1; n <= 6; ++n)
            QVERIFY(signUp(n % 2 ? *a : *b, n));
        QVERIFY2(smtp.waitForMessages(6, 60000), qPrintable(smtp.errorString()));
        // One more, and its mail after it: a second sender would have sent the first six again
        // by then.
        QVERIFY(signUp(*b, 7));
        QVERIFY2(smtp.waitForMessages(7, 60000), qPrintable(smtp.errorString()));
        const auto recipients = [&] {
            QStringList all;
            for (const QJsonObject &message : smtp.messages())
                all << message.value(u"rcpt_tos"_s).toArray().first().toString();
            return all;
        };
        const QStringList sent = recipients();
        QCOMPARE(sent.size(), 7);
        QCOMPARE(QSet<QString>(sent.cbegin(), sent.cend()).size(), 7);

        a->kill();
        QVERIFY(signUp(*b, 8));
        QVERIFY2(smtp.waitForMessages(8, 60000), qPrintable(smtp.errorString()));
        QCOMPARE(recipients().constLast(), u"person8@example.test"_s);
    }

    // What a server acknowledged is in the database: killed outright (no shutdown, no flush),
    // its messages and its mutations are all there for the other server's clients.
    // A calendar followed through one server: its check and its blocks reach the owner's replica
    // on the other, and only one of the two makes the periodic checks.
    void aFollowedCalendarReachesTheOtherServer()
    {
        rentdesk::test::FolderHttpServer site;
        QVERIFY(site.isRunning());
        const QDate today = QDate::currentDate();
        QVERIFY(site.write(
            u"site.ics"_s,
            rentdesk::test::icsFile({ rentdesk::test::icsEvent(u"e1@site"_s, today.addDays(30), today.addDays(33)) }),
            120));
        const QString url = site.url(u"site.ics"_s).toString();
        const QStringList arguments { u"--calendar-fetch-private"_s, u"--max-connections-per-address"_s, u"100"_s };
        ServerProcess c(arguments);
        QVERIFY2(c.start(), qPrintable(c.errorString()));
        ServerProcess d(c, arguments);
        QVERIFY2(d.start(), qPrintable(d.errorString()));

        auto landlord = on(c, u"lena@example.org"_s, u"landlord"_s);
        QVERIFY(landlord);
        const QString building = newId();
        const QString apartment = newId();
        QCOMPARE(statuses(landlord->push(
                     { landlord->mutation(u"createBuilding"_s, buildingArgs(building, u"River House"_s)),
                       landlord->mutation(u"createApartment"_s, apartmentArgs(apartment, building, u"7"_s)) })),
                 QStringList(2, u"applied"_s));
        Peer other; // the landlord's other desktop, on the other server
        QVERIFY(other.client.open(d.url()) && other.client.hello(2) && other.client.logIn(u"lena@example.org"_s));
        QVERIFY(other.pullAll());
        other.client.takePushes(u"sync.poke"_s);

        QCOMPARE(codeOf(landlord->client.call(u"calendar.subscribe"_s,
                                              { { u"apartmentId"_s, apartment }, { u"url"_s, url } })),
                 u"ok"_s);
        const auto checked = other.client.waitForPush(u"calendar.checked"_s, 30000);
        QVERIFY(checked);
        QCOMPARE(checked->value(u"subscription"_s).toObject().value(u"events"_s).toInt(), 1);
        QVERIFY(other.client.waitUntil([&] { return other.client.pushCount(u"sync.poke"_s) > 0; }, 30000));
        QVERIFY(other.pullAll());
        int blocks = 0;
        for (const QJsonObject &row : std::as_const(other.rows))
            blocks += row.value(u"blockSource"_s).toString() == url ? 1 : 0;
        QCOMPARE(blocks, 1);

        // The periodic checks: the first server holds the lock, the second waits for it.
        const QString started = u"checking followed calendars"_s;
        QTRY_VERIFY(c.standardError().contains(started));
        QVERIFY(other.client.sync());
        QVERIFY2(!d.standardError().contains(started), qPrintable(d.standardError()));
    }

    void killingAServerLosesNothingAcknowledged()
    {
        auto ann = on(*a, u"ann@example.org"_s, u"renter"_s);
        auto lena = on(*a, u"lena@example.org"_s, u"landlord"_s);
        auto bob = on(*b, u"bob@example.org"_s, u"landlord"_s);
        QVERIFY(ann && lena && bob);
        const auto started = ann->client.call(u"chat.start"_s, { { u"email"_s, u"bob@example.org"_s } });
        QCOMPARE(codeOf(started), u"ok"_s);
        const QString conversation = started->value(u"conversation"_s).toObject().value(u"id"_s).toString();
        QStringList acknowledged;
        for (int i = 1; i <= 40; ++i) {
            const QString text = u"message %1"_s.arg(i);
            if (codeOf(ann->client.call(
                    u"chat.send"_s,
                    { { u"conversationId"_s, conversation }, { u"messageId"_s, newId() }, { u"text"_s, text } }))
                == u"ok"_s)
                acknowledged << text;
        }
        QCOMPARE(acknowledged.size(), 40);
        QJsonArray mutations;
        QStringList buildings;
        for (int i = 0; i < 20; ++i) {
            buildings << newId();
            mutations.append(lena->mutation(u"createBuilding"_s, buildingArgs(buildings.last(), u"House %1"_s.arg(i))));
        }
        QCOMPARE(statuses(lena->push(mutations)).count(u"applied"_s), 20);

        a->kill();
        QVERIFY(ann->client.waitForClose());

        const auto history =
            bob->client.call(u"chat.history"_s, { { u"conversationId"_s, conversation }, { u"limit"_s, 100 } });
        QCOMPARE(codeOf(history), u"ok"_s);
        QStringList stored;
        for (const QJsonValue &message : history->value(u"messages"_s).toArray())
            stored << message.toObject().value(u"text"_s).toString();
        QCOMPARE(stored, acknowledged);

        auto lenaAgain = std::make_unique<Peer>();
        QVERIFY(lenaAgain->client.open(b->url()) && lenaAgain->client.hello(2)
                && lenaAgain->client.logIn(u"lena@example.org"_s));
        QVERIFY(lenaAgain->pullAll());
        for (const QString &building : std::as_const(buildings))
            QVERIFY2(!lenaAgain->row(u"building"_s, building).isEmpty(), qPrintable(building));
    }
};

QTEST_GUILESS_MAIN(TestServerCluster)
#include "tst_servercluster.moc"
