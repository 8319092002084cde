// SPDX-License-Identifier: GPL-3.0-or-later
#include "tests/calendar/calendartesting.h"
#include "tests/calendar/httptestservers.h"
#include "tests/server/syncpeer.h"

#include <QProcess>
#include <QTest>

using namespace Qt::StringLiterals;
using rentdesk::test::FaultHttpServer;
using rentdesk::test::FolderHttpServer;
using rentdesk::test::icsEvent;
using rentdesk::test::icsFile;
using rentdesk::test::ServerProcess;
using rentdesk::test::sync::apartmentArgs;
using rentdesk::test::sync::buildingArgs;
using rentdesk::test::sync::codeOf;
using rentdesk::test::sync::newId;
using rentdesk::test::sync::Peer;
using rentdesk::test::sync::statuses;

namespace {

bool logIn(Peer &peer, const QUrl &url, const QString &email, const QString &role)
{
    return peer.client.open(url) && peer.client.hello(2)
        && peer.client.signUpAndLogIn(email, email.section(u'@', 0, 0), role);
}

// The same account on another desktop: a second connection and replica.
bool logInAgain(Peer &peer, const QUrl &url, const QString &email)
{
    return peer.client.open(url) && peer.client.hello(2) && peer.client.logIn(email);
}

// The blocks of the apartment that a replica's pulls left it, as "uid start end" by uid, each
// from `source`.
QStringList blocksIn(const Peer &peer, const QString &apartment, const QString &source)
{
    QStringList blocks;
    for (auto it = peer.rows.cbegin(); it != peer.rows.cend(); ++it) {
        const QJsonObject row = it.value();
        if (!it.key().startsWith(u"booking/"_s) || row.value(u"apartmentId"_s).toString() != apartment
            || row.value(u"status"_s).toString() != u"blocked")
            continue;
        if (row.value(u"blockSource"_s).toString() != source)
            return { u"a block from "_s + row.value(u"blockSource"_s).toString() };
        blocks << u"%1 %2 %3"_s.arg(row.value(u"blockUid"_s).toString(), row.value(u"startDate"_s).toString(),
                                    row.value(u"endDate"_s).toString());
    }
    blocks.sort();
    return blocks;
}

QDate inDays(int days)
{
    return QDate::currentDate().addDays(days);
}

} // namespace

// Calendars followed by the server (issue 14, item 3): a landlord subscribes an apartment
// through the real rentdesk-server, which fetches the calendar from a real HTTP server and
// imports its events as blocks that reach the landlord's other replica through sync; a
// refresh reads it again and an unsubscribe removes them. Only the owner may ask; addresses of
// the server's own network are refused unless the operator allowed them; the periodic check
// runs by itself. On SQLite and, as tst_servercalendarsubscriptions_postgresql, on PostgreSQL.
class TestServerCalendarSubscriptions final : public QObject
{
    Q_OBJECT

    // A landlord with one apartment and nothing booked.
    static void makeLandlord(ServerProcess &server, Peer &landlord, QString &apartment)
    {
        QVERIFY(logIn(landlord, server.url(), u"lena@example.org"_s, u"landlord"_s));
        const QString building = newId();
        apartment = newId();
        QCOMPARE(statuses(landlord.push(
                     { landlord.mutation(u"createBuilding"_s, buildingArgs(building, u"River House"_s)),
                       landlord.mutation(u"createApartment"_s, apartmentArgs(apartment, building, u"7"_s)) })),
                 QStringList(2, u"applied"_s));
    }

    // The subscription of the next calendar.checked push of the peer.
    static QJsonObject nextCheck(Peer &peer)
    {
        const auto pushed = peer.client.waitForPush(u"calendar.checked"_s, 30000);
        return pushed ? pushed->value(u"subscription"_s).toObject() : QJsonObject();
    }

private Q_SLOTS:
    void aLandlordsCalendarReachesTheirOtherReplica()
    {
        FolderHttpServer site;
        QVERIFY(site.isRunning());
        const QList first { icsEvent(u"e1@site"_s, inDays(30), inDays(34)),
                            icsEvent(u"e2@site"_s, inDays(50), inDays(52)) };
        QVERIFY(site.write(u"site.ics"_s, icsFile(first), 120));
        const QString url = site.url(u"site.ics"_s).toString();

        // Loopback is the server's own network: allowed here, as an operator would for a test.
        ServerProcess server({ u"--calendar-fetch-private"_s });
        QVERIFY2(server.start(), qPrintable(server.errorString()));
        Peer landlord;
        QString apartment;
        makeLandlord(server, landlord, apartment);
        if (QTest::currentTestFailed())
            return;
        Peer other; // the landlord's other desktop
        QVERIFY(logInAgain(other, server.url(), u"lena@example.org"_s));
        QVERIFY(other.pullAll());
        Peer renter;
        QVERIFY(logIn(renter, server.url(), u"roman@example.org"_s, u"renter"_s));

        // Someone else may neither see nor change the apartment's calendars.
        const QJsonObject ofApartment { { u"apartmentId"_s, apartment } };
        QCOMPARE(codeOf(renter.client.call(u"calendar.subscriptions"_s, ofApartment)), u"not_allowed"_s);
        QCOMPARE(
            codeOf(renter.client.call(u"calendar.subscribe"_s, { { u"apartmentId"_s, apartment }, { u"url"_s, url } })),
            u"not_allowed"_s);
        QCOMPARE(codeOf(renter.client.call(u"calendar.refresh"_s, ofApartment)), u"not_allowed"_s);
        QCOMPARE(codeOf(landlord.client.call(u"calendar.subscriptions"_s, { { u"apartmentId"_s, newId() } })),
                 u"not_found"_s);
        QCOMPARE(codeOf(landlord.client.call(u"calendar.subscriptions"_s, {})), u"bad_request"_s);

        // Subscribed: answered at once, fetched next, its outcome pushed to the owner.
        auto reply =
            landlord.client.call(u"calendar.subscribe"_s, { { u"apartmentId"_s, apartment }, { u"url"_s, url } });
        QCOMPARE(codeOf(reply), u"ok"_s);
        const QJsonObject subscription = reply->value(u"subscription"_s).toObject();
        const QString id = subscription.value(u"id"_s).toString();
        QVERIFY(!QUuid(id).isNull());
        QCOMPARE(subscription.value(u"url"_s).toString(), url);
        QCOMPARE(subscription.value(u"apartmentId"_s).toString(), apartment);
        QVERIFY(subscription.value(u"lastCheckedAt"_s).isNull());
        QCOMPARE(codeOf(landlord.client.call(u"calendar.subscribe"_s,
                                             { { u"apartmentId"_s, apartment }, { u"url"_s, url } })),
                 u"invalid_value"_s);
        QJsonObject checked = nextCheck(landlord);
        QCOMPARE(checked.value(u"id"_s).toString(), id);
        QVERIFY2(checked.value(u"lastError"_s).isNull(), qPrintable(checked.value(u"lastError"_s).toString()));
        QCOMPARE(checked.value(u"events"_s).toInt(), 2);

        // The blocks reach the other replica: poked, pulled.
        QVERIFY(other.client.waitUntil([&] { return other.client.pushCount(u"sync.poke"_s) > 0; }, 30000));
        QVERIFY(other.pullAll());
        QCOMPARE(blocksIn(other, apartment, url), rentdesk::test::asBlocks(first));
        // The renter, who sees every listing, sees no one's blocks but their own bookings.
        QVERIFY(renter.pullAll());
        QCOMPARE(blocksIn(renter, apartment, url), QStringList());

        // The list, with the last check.
        reply = landlord.client.call(u"calendar.subscriptions"_s, ofApartment);
        QCOMPARE(codeOf(reply), u"ok"_s);
        QCOMPARE(reply->value(u"apartmentId"_s).toString(), apartment);
        const QJsonArray list = reply->value(u"subscriptions"_s).toArray();
        QCOMPARE(list.size(), 1);
        QCOMPARE(list.at(0).toObject().value(u"events"_s).toInt(), 2);
        QVERIFY(!list.at(0).toObject().value(u"lastSuccessAt"_s).toString().isEmpty());
        QVERIFY(!list.at(0).toObject().contains(u"etag"_s));

        // Changed on the site; refreshed on request, at most once a minute per apartment.
        const QList second { icsEvent(u"e1@site"_s, inDays(31), inDays(35)) };
        QVERIFY(site.write(u"site.ics"_s, icsFile(second), 0));
        other.client.takePushes(u"sync.poke"_s);
        reply = landlord.client.call(u"calendar.refresh"_s, ofApartment);
        QCOMPARE(codeOf(reply), u"ok"_s);
        QCOMPARE(reply->value(u"queued"_s).toInt(), 1);
        reply = landlord.client.call(u"calendar.refresh"_s, ofApartment);
        QCOMPARE(codeOf(reply), u"rate_limited"_s);
        QVERIFY(reply->value(u"error"_s).toObject().value(u"retryAfter"_s).toInt() > 0);
        checked = nextCheck(landlord);
        QCOMPARE(checked.value(u"events"_s).toInt(), 1);
        QVERIFY(other.client.waitUntil([&] { return other.client.pushCount(u"sync.poke"_s) > 0; }, 30000));
        QVERIFY(other.pullAll());
        QCOMPARE(blocksIn(other, apartment, url), rentdesk::test::asBlocks(second));

        // Only the owner ends it; its blocks go with it and the feed carries their removal.
        const QJsonObject ofSubscription { { u"subscriptionId"_s, id } };
        QCOMPARE(codeOf(renter.client.call(u"calendar.unsubscribe"_s, ofSubscription)), u"not_allowed"_s);
        other.client.takePushes(u"sync.poke"_s);
        reply = landlord.client.call(u"calendar.unsubscribe"_s, ofSubscription);
        QCOMPARE(codeOf(reply), u"ok"_s);
        QVERIFY(other.client.waitUntil([&] { return other.client.pushCount(u"sync.poke"_s) > 0; }, 30000));
        QVERIFY(other.pullAll());
        QCOMPARE(blocksIn(other, apartment, url), QStringList());
        QCOMPARE(codeOf(landlord.client.call(u"calendar.unsubscribe"_s, ofSubscription)), u"not_found"_s);
        reply = landlord.client.call(u"calendar.subscriptions"_s, ofApartment);
        QCOMPARE(reply->value(u"subscriptions"_s).toArray().size(), 0);
    }

    void theServersOwnNetworkIsRefusedByDefault()
    {
        FaultHttpServer site([](QTcpSocket *socket, const QString &) { socket->disconnectFromHost(); });
        QVERIFY(site.isListening());
        ServerProcess server;
        QVERIFY2(server.start(), qPrintable(server.errorString()));
        Peer landlord;
        QString apartment;
        makeLandlord(server, landlord, apartment);
        if (QTest::currentTestFailed())
            return;

        // An address written out: refused at once, saying why.
        auto reply = landlord.client.call(u"calendar.subscribe"_s,
                                          { { u"apartmentId"_s, apartment }, { u"url"_s, site.url().toString() } });
        QCOMPARE(codeOf(reply), u"invalid_value"_s);
        const QJsonObject error = reply->value(u"error"_s).toObject();
        QCOMPARE(error.value(u"field"_s).toString(), u"url"_s);
        QVERIFY2(error.value(u"message"_s).toString().contains(u"loopback"_s),
                 qPrintable(error.value(u"message"_s).toString()));
        for (const QString &other : { u"http://10.1.2.3/c.ics"_s, u"http://169.254.169.254/latest/meta-data"_s,
                                      u"http://[::ffff:192.168.1.1]/c.ics"_s, u"http://[fd00::1]/c.ics"_s }) {
            QCOMPARE(codeOf(landlord.client.call(u"calendar.subscribe"_s,
                                                 { { u"apartmentId"_s, apartment }, { u"url"_s, other } })),
                     u"invalid_value"_s);
        }

        // A name is resolved at the fetch: the check records why, and nothing is asked of the site.
        QUrl byName = site.url();
        byName.setHost(u"localhost"_s);
        reply = landlord.client.call(u"calendar.subscribe"_s,
                                     { { u"apartmentId"_s, apartment }, { u"url"_s, byName.toString() } });
        QCOMPARE(codeOf(reply), u"ok"_s);
        const QJsonObject checked = nextCheck(landlord);
        const QString why = checked.value(u"lastError"_s).toString();
        QVERIFY2(why.contains(u"localhost"_s) && why.contains(u"loopback"_s), qPrintable(why));
        QVERIFY(checked.value(u"lastSuccessAt"_s).isNull());
        QCOMPARE(site.requests().size(), 0);
        reply = landlord.client.call(u"calendar.subscriptions"_s, { { u"apartmentId"_s, apartment } });
        QCOMPARE(reply->value(u"subscriptions"_s).toArray().at(0).toObject().value(u"lastError"_s).toString(), why);
    }

    // --calendar-interval: every calendar is read again by itself.
    void calendarsAreCheckedPeriodically()
    {
        FolderHttpServer site;
        QVERIFY(site.isRunning());
        QVERIFY(site.write(u"site.ics"_s, icsFile({ icsEvent(u"e1@site"_s, inDays(30), inDays(34)) }), 120));
        ServerProcess server({ u"--calendar-fetch-private"_s, u"--calendar-interval"_s, u"1"_s });
        QVERIFY2(server.start(), qPrintable(server.errorString()));
        Peer landlord;
        QString apartment;
        makeLandlord(server, landlord, apartment);
        if (QTest::currentTestFailed())
            return;
        QCOMPARE(codeOf(landlord.client.call(
                     u"calendar.subscribe"_s,
                     { { u"apartmentId"_s, apartment }, { u"url"_s, site.url(u"site.ics"_s).toString() } })),
                 u"ok"_s);
        QCOMPARE(nextCheck(landlord).value(u"events"_s).toInt(), 1);
        QVERIFY(site.write(
            u"site.ics"_s,
            icsFile({ icsEvent(u"e1@site"_s, inDays(30), inDays(34)), icsEvent(u"e2@site"_s, inDays(40), inDays(44)) }),
            0));
        // No request: the timer reads it again (a 304 in between is a check too).
        bool readAgain = false;
        QVERIFY2(landlord.client.waitUntil(
                     [&] {
                         for (const QJsonObject &push : landlord.client.takePushes(u"calendar.checked"_s))
                             readAgain =
                                 readAgain || push.value(u"subscription"_s).toObject().value(u"events"_s).toInt() == 2;
                         return readAgain;
                     },
                     30000),
                 qPrintable(server.standardError()));
    }

    void theOptionsAreInTheHelp()
    {
        QProcess help;
        help.start(QStringLiteral(RENTDESK_SERVER), { u"--help"_s });
        QVERIFY(help.waitForFinished(30000));
        const QString text = QString::fromUtf8(help.readAllStandardOutput());
        QVERIFY2(text.contains(u"--calendar-interval <seconds>"_s), qPrintable(text));
        QVERIFY2(text.contains(u"--calendar-fetch-private"_s), qPrintable(text));
        QProcess wrong;
        wrong.start(QStringLiteral(RENTDESK_SERVER), { u"--database"_s, u"x.db"_s, u"--calendar-interval"_s, u"0"_s });
        QVERIFY(wrong.waitForFinished(30000));
        QCOMPARE(wrong.exitCode(), 2);
        QVERIFY(QString::fromUtf8(wrong.readAllStandardError()).contains(u"--calendar-interval"_s));
    }
};

QTEST_GUILESS_MAIN(TestServerCalendarSubscriptions)
#include "tst_servercalendarsubscriptions.moc"
