// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/db/database.h"
#include "models/services/bookingservice.h"
#include "models/services/clock.h"
#include "net/calendar/calendarfeedclient.h"
#include "tests/server/syncpeer.h"
#include "tests/support/childprocess.h"
#include "tests/support/postgrescluster.h"
#include "tests/support/testsupport.h"

#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTcpSocket>
#include <QTest>

using namespace Qt::StringLiterals;
using rentdesk::test::ServerProcess;
using rentdesk::test::sync::apartmentArgs;
using rentdesk::test::sync::bookingArgs;
using rentdesk::test::sync::buildingArgs;
using rentdesk::test::sync::codeOf;
using rentdesk::test::sync::newId;
using rentdesk::test::sync::Peer;
using rentdesk::test::sync::statuses;

namespace {

// One answer of the feed as a real HTTP client (QNetworkAccessManager) got it.
struct Fetched
{
    int status = -1;
    QByteArray body;
    QHash<QByteArray, QByteArray> headers; // names in lower case
};

Fetched fetch(const QUrl &url, const QByteArray &method = "GET")
{
    QNetworkAccessManager network;
    QNetworkRequest request(url);
    request.setTransferTimeout(15000);
    QNetworkReply *reply = method == "GET" ? network.get(request)
        : method == "HEAD"                 ? network.head(request)
        : method == "POST"                 ? network.post(request, QByteArray("x=1"))
                                           : network.sendCustomRequest(request, method);
    QSignalSpy finished(reply, &QNetworkReply::finished);
    Fetched fetched;
    if (!finished.wait(20000)) {
        delete reply;
        return fetched;
    }
    fetched.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    fetched.body = reply->readAll();
    for (const auto &header : reply->rawHeaderPairs())
        fetched.headers.insert(header.first.toLower(), header.second);
    delete reply;
    return fetched;
}

// The same address fetched by Debian's Python (urllib) and read by its icalendar package:
// "<status>" and then "<uid>|<start>|<end>|<summary>" for each event, or the HTTP status alone
// for an error.
QStringList fetchWithPython(const QUrl &url)
{
    const auto python = rentdesk::test::runProcess(
        u"/usr/bin/python3"_s,
        { u"-c"_s,
          u"import icalendar, sys, urllib.error, urllib.request\n"
          "try:\n"
          "    with urllib.request.urlopen(sys.argv[1], timeout=15) as answer:\n"
          "        print(answer.status)\n"
          "        calendar = icalendar.Calendar.from_ical(answer.read())\n"
          "except urllib.error.HTTPError as refused:\n"
          "    print(refused.code)\n"
          "    sys.exit(0)\n"
          "for e in calendar.walk('VEVENT'):\n"
          "    print(e['UID'], e['DTSTART'].dt.isoformat(), e['DTEND'].dt.isoformat(), e['SUMMARY'], sep='|')\n"_s,
          url.toString(QUrl::FullyEncoded) },
        QProcessEnvironment::systemEnvironment(), 60000);
    if (python.exitCode != 0)
        return { u"python failed: "_s + python.err };
    return python.out.split(u'\n', Qt::SkipEmptyParts);
}

// Another token of the same form, one character off.
QUrl withOtherToken(const QUrl &url)
{
    QString path = url.path();
    const qsizetype at = path.lastIndexOf(u'/') + 1;
    path[at] = path.at(at) == u'A' ? u'B' : u'A';
    QUrl other = url;
    other.setPath(path);
    return other;
}

// The desktop's side: CalendarFeedClient on a ServerConnection signed in as the person.
struct Desktop
{
    rentdesk::net::connection::ServerConnection connection;
    rentdesk::net::calendar::CalendarFeedClient feeds { connection };

    bool signIn(const QUrl &server, const QString &email)
    {
        connection.setServerUrl(server);
        QSignalSpy signedIn(&connection, &rentdesk::net::connection::ServerConnection::signedIn);
        connection.logIn(email, u"correct horse battery"_s);
        return signedIn.wait(30000);
    }

    // The client's answer, waited for (bounded) on the event loop.
    rentdesk::net::calendar::FeedUrl ask(const QString &apartment, bool renew)
    {
        std::optional<rentdesk::net::calendar::FeedUrl> answer;
        const auto take = [&answer](const rentdesk::net::calendar::FeedUrl &url) {
            answer = url;
        };
        if (renew)
            feeds.renewFeedUrl(QUuid(apartment), &connection, take);
        else
            feeds.feedUrl(QUuid(apartment), &connection, take);
        if (!QTest::qWaitFor([&answer] { return answer.has_value(); }, 30000))
            return std::unexpected(
                rentdesk::net::connection::Failure { rentdesk::net::connection::Failure::Kind::ConnectionLost, {} });
        return *answer;
    }
};

QString codeOf(const rentdesk::net::calendar::FeedUrl &url)
{
    return url ? u"ok"_s : url.error().error.code;
}

} // namespace

// The server's HTTP calendar feed (issue 14): an apartment's owner asks for its secret address
// over the protocol, real HTTP clients fetch it and read the stays and blocks that SQL holds;
// a wrong or renewed token, another path and another method get nothing; other people are
// refused the address; a server without --feed-listen says so; and what one client may ask of
// the feed is bounded. On SQLite and, as tst_servercalendarfeed_postgresql, on PostgreSQL.
class TestServerCalendarFeed final : public QObject
{
    Q_OBJECT

    // A landlord with two apartments, a renter with a confirmed stay in the first, a hold in
    // each and a block from another site's calendar in the first.
    struct Place
    {
        Peer landlord;
        Peer renter;
        QString apartment;
        QString other;
    };

    static bool logIn(Peer &peer, const QUrl &url, const QString &email, const QString &role)
    {
        return peer.client.open(url) && peer.client.hello(2)
            && peer.client.signUpAndLogIn(email, email.section(u'@', 0, 0), role);
    }

    static void makePlace(ServerProcess &server, Place &place)
    {
        QVERIFY(logIn(place.landlord, server.url(), u"lena@example.org"_s, u"landlord"_s));
        QVERIFY(logIn(place.renter, server.url(), u"roman@example.org"_s, u"renter"_s));
        const QString building = newId();
        place.apartment = newId();
        place.other = newId();
        auto pushed = place.landlord.push(
            { place.landlord.mutation(u"createBuilding"_s, buildingArgs(building, u"River House"_s)),
              place.landlord.mutation(u"createApartment"_s, apartmentArgs(place.apartment, building, u"7"_s)),
              place.landlord.mutation(u"createApartment"_s, apartmentArgs(place.other, building, u"8"_s)),
              place.landlord.mutation(u"holdDates"_s, bookingArgs(newId(), place.apartment, 3, 6)),
              place.landlord.mutation(u"holdDates"_s, bookingArgs(newId(), place.other, 3, 6)) });
        QCOMPARE(statuses(pushed), QStringList(5, u"applied"_s));
        const QString stay = newId();
        pushed = place.renter.push(
            { place.renter.mutation(u"requestBooking"_s, bookingArgs(stay, place.apartment, 20, 27)) });
        QCOMPARE(statuses(pushed), QStringList { u"applied"_s });
        pushed = place.landlord.push({ place.landlord.mutation(u"confirmBooking"_s, { { u"id"_s, stay } }) });
        QCOMPARE(statuses(pushed), QStringList { u"applied"_s });

        // A block, through the service as an import on the server's database does it.
        if (rentdesk::test::serverTestsOnPostgres())
            qputenv("PGPASSWORD", rentdesk::test::sharedPostgres().password().toUtf8());
        auto database = rentdesk::models::db::Database::open(server.databasePath());
        QVERIFY2(database, qPrintable(database ? QString() : database.error().message));
        const rentdesk::models::services::SystemClock clock;
        const rentdesk::models::services::BookingService bookings(rentdesk::models::services::ServiceContext(
            std::move(*database), clock, rentdesk::models::services::Mode::Server));
        const QDate today = clock.today();
        const auto imported = bookings.importBlocks(
            QUuid(place.landlord.userId()), QUuid(place.apartment),
            u"https://www.stays.example/ical/export/8231.ics?s=5ecret"_s,
            { { u"evt-1@stays.example"_s, today.addDays(40), today.addDays(44), u"Reserved"_s } });
        QVERIFY2(imported, qPrintable(imported ? QString() : imported.error().message));
        QCOMPARE(imported->added, 1);
    }

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

    // What the feed of the apartment should say, from SQL: "<uid>|<start>|<end>|<summary>".
    static QStringList expectedEvents(const ServerProcess &server, const QString &apartment)
    {
        QStringList expected;
        const QStringList rows = rentdesk::test::rowsIn(
            server.databasePath(),
            u"SELECT id, start_date, end_date, status, block_source FROM bookings "
            "WHERE apartment_id = '%1' AND status IN ('confirmed', 'completed', 'blocked') "
            "AND end_date > '%2' ORDER BY start_date"_s.arg(apartment, QDate::currentDate().toString(Qt::ISODate)));
        for (const QString &row : rows) {
            const QStringList f = row.split(u'|');
            const QString summary =
                f.at(3) == u"blocked" ? u"Blocked: "_s + QUrl(f.at(4)).host() : u"Booked (RentDesk)"_s;
            expected << u"%1@rentdesk|%2|%3|%4"_s.arg(f.at(0), f.at(1), f.at(2), summary);
        }
        return expected;
    }

    static QString askFor(Peer &peer, const QString &type, const QString &apartment)
    {
        const auto reply = peer.client.call(type, { { u"apartmentId"_s, apartment } });
        if (!reply || !reply->value(u"ok"_s).toBool())
            return u"refused: "_s + codeOf(reply);
        if (reply->value(u"apartmentId"_s).toString() != apartment)
            return u"another apartment"_s;
        return reply->value(u"url"_s).toString();
    }

private Q_SLOTS:
    void theOwnersAddressServesTheCalendar()
    {
        ServerProcess server({ u"--feed-listen"_s, u"127.0.0.1:0"_s });
        QVERIFY2(server.start(), qPrintable(server.errorString()));
        QVERIFY2(!server.feedUrl().isEmpty(), qPrintable(server.standardError()));
        QVERIFY(server.feedUrl().port() > 0);
        QVERIFY(server.feedUrl().port() != server.url().port());
        Place place;
        makePlace(server, place);
        if (QTest::currentTestFailed())
            return;

        const QUrl url(askFor(place.landlord, u"calendar.feed"_s, place.apartment));
        QVERIFY2(url.isValid() && url.scheme() == u"http", qPrintable(url.toString()));
        // Under the feed's address, and naming no apartment: the token alone.
        QVERIFY2(url.toString().startsWith(server.feedUrl().toString()), qPrintable(url.toString()));
        static const QRegularExpression path(uR"(^/calendar/[A-Za-z0-9_-]{43}\.ics$)"_s);
        QVERIFY2(path.match(url.path()).hasMatch(), qPrintable(url.path()));
        QVERIFY(!url.toString().contains(place.apartment));
        // Asked again, the same address.
        QCOMPARE(askFor(place.landlord, u"calendar.feed"_s, place.apartment), url.toString());

        // The calendar, as QNetworkAccessManager gets it.
        const QStringList expected = expectedEvents(server, place.apartment);
        QCOMPARE(expected.size(), 3); // the hold, the renter's stay, the block
        const Fetched got = fetch(url);
        QCOMPARE(got.status, 200);
        QCOMPARE(got.headers.value("content-type"), QByteArray("text/calendar; charset=utf-8"));
        QCOMPARE(got.headers.value("cache-control"), QByteArray("no-store"));
        QVERIFY2(got.headers.value("content-disposition").startsWith("inline; filename="),
                 got.headers.value("content-disposition").constData());
        QVERIFY(got.body.startsWith("BEGIN:VCALENDAR\r\n"));
        QCOMPARE(got.body.count("BEGIN:VEVENT"), qsizetype(3));
        // Nothing of the other apartment, of the renter or of the other site's secret.
        QVERIFY(!got.body.contains(place.other.toLatin1()));
        QVERIFY(!got.body.contains("roman"));
        QVERIFY(!got.body.contains("5ecret"));

        // The same address read by Python: the events are the stays and blocks in SQL.
        QStringList python = fetchWithPython(url);
        QCOMPARE(python.value(0), u"200"_s);
        python.removeFirst();
        QCOMPARE(python, expected);

        // HEAD: the same headers and length, no body.
        const Fetched head = fetch(url, "HEAD");
        QCOMPARE(head.status, 200);
        QVERIFY(head.body.isEmpty());
        QCOMPARE(head.headers.value("content-length"), QByteArray::number(got.body.size()));

        // A wrong secret, the apartment's id in its place, another path: 404 alike.
        for (const QUrl &wrong :
             { withOtherToken(url), url.resolved(QUrl(u"/calendar/"_s + place.apartment + u".ics"_s)),
               url.resolved(QUrl(u"/calendar/"_s)), url.resolved(QUrl(u"/"_s)) }) {
            const Fetched refused = fetch(wrong);
            QVERIFY2(refused.status == 404, qPrintable(wrong.toString()));
            QVERIFY(!refused.body.contains("VCALENDAR"));
        }
        QCOMPARE(fetchWithPython(withOtherToken(url)), QStringList { u"404"_s });
        // Only GET and HEAD.
        for (const QByteArray &method : { QByteArray("POST"), QByteArray("PUT"), QByteArray("DELETE") }) {
            const Fetched refused = fetch(url, method);
            QVERIFY2(refused.status == 405, method.constData());
            QCOMPARE(refused.headers.value("allow"), QByteArray("GET, HEAD"));
            QVERIFY(!refused.body.contains("VCALENDAR"));
        }

        // Renewed: the old address opens nothing, the new one the same calendar.
        const QUrl renewed(askFor(place.landlord, u"calendar.feed.renew"_s, place.apartment));
        QVERIFY2(path.match(renewed.path()).hasMatch(), qPrintable(renewed.toString()));
        QVERIFY(renewed != url);
        QCOMPARE(fetch(url).status, 404);
        QCOMPARE(fetchWithPython(url), QStringList { u"404"_s });
        QStringList again = fetchWithPython(renewed);
        QCOMPARE(again.value(0), u"200"_s);
        again.removeFirst();
        QCOMPARE(again, expected);
        QCOMPARE(askFor(place.landlord, u"calendar.feed"_s, place.apartment), renewed.toString());

        // Nobody else gets or renews the address; a missing apartment and a malformed id are
        // told as such.
        for (const QString &type : { u"calendar.feed"_s, u"calendar.feed.renew"_s }) {
            QCOMPARE(askFor(place.renter, type, place.apartment), u"refused: not_allowed"_s);
            QCOMPARE(askFor(place.landlord, type, newId()), u"refused: not_found"_s);
            QCOMPARE(askFor(place.landlord, type, u"7"_s), u"refused: bad_request"_s);
        }
        Peer stranger;
        QVERIFY(logIn(stranger, server.url(), u"olga@example.org"_s, u"landlord"_s));
        QCOMPARE(askFor(stranger, u"calendar.feed"_s, place.apartment), u"refused: not_allowed"_s);
        QCOMPARE(askFor(stranger, u"calendar.feed.renew"_s, place.apartment), u"refused: not_allowed"_s);
        // The renewed address still works: the refusals changed nothing.
        QCOMPARE(fetch(renewed).status, 200);

        // The desktop's client gets the same address, and renews it like the protocol does.
        Desktop desktop;
        QVERIFY(desktop.signIn(server.url(), u"lena@example.org"_s));
        const auto asked = desktop.ask(place.apartment, false);
        QCOMPARE(codeOf(asked), u"ok"_s);
        QCOMPARE(*asked, renewed);
        const auto third = desktop.ask(place.apartment, true);
        QCOMPARE(codeOf(third), u"ok"_s);
        QVERIFY(*third != renewed);
        QCOMPARE(fetch(renewed).status, 404);
        QCOMPARE(fetch(*third).status, 200);
        const auto foreign = desktop.ask(newId(), false);
        QVERIFY(!foreign);
        QCOMPARE(foreign.error().kind, rentdesk::net::connection::Failure::Kind::Refused);
        QCOMPARE(codeOf(foreign), u"not_found"_s);

        // Without a session, or on protocol version 1, there is no such request.
        rentdesk::test::TestClient anonymous;
        QVERIFY(anonymous.open(server.url()));
        QVERIFY(anonymous.hello(2));
        QCOMPARE(codeOf(anonymous.call(u"calendar.feed"_s, { { u"apartmentId"_s, place.apartment } })),
                 u"not_logged_in"_s);
        rentdesk::test::TestClient old;
        QVERIFY(old.open(server.url()));
        QVERIFY(old.hello(1));
        QVERIFY(old.logIn(u"lena@example.org"_s));
        QCOMPARE(codeOf(old.call(u"calendar.feed"_s, { { u"apartmentId"_s, place.apartment } })), u"unknown_type"_s);

        // One address per apartment, renewed in place.
        QCOMPARE(rentdesk::test::valueIn(server.databasePath(), u"SELECT count(*) FROM calendar_feeds"_s), 1);
    }

    void aServerThatPublishesNothingSaysSo()
    {
        ServerProcess server;
        QVERIFY2(server.start(), qPrintable(server.errorString()));
        QVERIFY(server.feedUrl().isEmpty());
        Peer landlord;
        QString apartment;
        makeLandlord(server, landlord, apartment);
        if (QTest::currentTestFailed())
            return;
        for (const QString &type : { u"calendar.feed"_s, u"calendar.feed.renew"_s }) {
            const auto reply = landlord.client.call(type, { { u"apartmentId"_s, apartment } });
            QCOMPARE(codeOf(reply), u"feeds_off"_s);
            QVERIFY2(reply->value(u"error"_s).toObject().value(u"message"_s).toString().contains(u"--feed-listen"_s),
                     QJsonDocument(*reply).toJson().constData());
        }
        Desktop desktop;
        QVERIFY(desktop.signIn(server.url(), u"lena@example.org"_s));
        const auto refused = desktop.ask(apartment, false);
        QVERIFY(!refused);
        QCOMPARE(refused.error().kind, rentdesk::net::connection::Failure::Kind::Refused);
        QVERIFY(refused.error().error.is(rentdesk::net::protocol::ErrorCode::FeedsOff));
        QCOMPARE(rentdesk::test::valueIn(server.databasePath(), u"SELECT count(*) FROM calendar_feeds"_s), 0);
    }

    // Behind a proxy: the owner is given the operator's address, and the feed answers the path
    // with the proxy's prefix as well as without.
    void behindAProxyTheAddressIsTheOperators()
    {
        ServerProcess server(
            { u"--feed-listen"_s, u"127.0.0.1:0"_s, u"--feed-url"_s, u"https://rent.example.org/feeds"_s });
        QVERIFY2(server.start(), qPrintable(server.errorString()));
        QVERIFY(!server.feedUrl().isEmpty());
        Peer landlord;
        QString apartment;
        makeLandlord(server, landlord, apartment);
        if (QTest::currentTestFailed())
            return;
        const QUrl url(askFor(landlord, u"calendar.feed"_s, apartment));
        static const QRegularExpression published(
            uR"(^https://rent\.example\.org/feeds/calendar/[A-Za-z0-9_-]{43}\.ics$)"_s);
        QVERIFY2(published.match(url.toString()).hasMatch(), qPrintable(url.toString()));
        const QString file = url.path().section(u'/', -1);
        for (const QString &path : QStringList { u"/feeds/calendar/"_s + file, u"/calendar/"_s + file }) {
            const Fetched got = fetch(server.feedUrl().resolved(QUrl(path)));
            QVERIFY2(got.status == 200, qPrintable(path));
            QVERIFY(got.body.startsWith("BEGIN:VCALENDAR"));
        }
        QCOMPARE(fetch(server.feedUrl().resolved(QUrl(u"/other/calendar/"_s + file))).status, 404);
    }

    // What one client may ask of the feed: a few connections at a time from one address, and
    // a request that never ends is not read beyond a bound and is closed by its deadline.
    void whatOneClientMayAskIsBounded()
    {
        ServerProcess server({ u"--feed-listen"_s, u"127.0.0.1:0"_s });
        QVERIFY2(server.start(), qPrintable(server.errorString()));
        const QUrl feed = server.feedUrl();

        // Eight connections from 127.0.0.1 are taken; the ninth is closed at once.
        std::vector<std::unique_ptr<QTcpSocket>> open;
        for (int i = 0; i < 8; ++i) {
            open.push_back(std::make_unique<QTcpSocket>());
            open.back()->connectToHost(feed.host(), quint16(feed.port()));
            QVERIFY(open.back()->waitForConnected(10000));
        }
        // An answer on each shows that the server took them all before the ninth came.
        for (const auto &socket : open) {
            socket->write("GET /calendar/x.ics HTTP/1.1\r\nHost: feed\r\n\r\n");
            QTRY_VERIFY_WITH_TIMEOUT(socket->bytesAvailable() > 0 || socket->state() != QAbstractSocket::ConnectedState,
                                     10000);
            QVERIFY(socket->readAll().startsWith("HTTP/1.1 404"));
        }
        QTcpSocket ninth;
        ninth.connectToHost(feed.host(), quint16(feed.port()));
        QVERIFY(ninth.waitForConnected(10000));
        QTRY_VERIFY_WITH_TIMEOUT(ninth.state() == QAbstractSocket::UnconnectedState, 10000);
        open.clear();
        // Once the server has seen them go, one more is taken again.
        QTRY_COMPARE_WITH_TIMEOUT(fetch(feed.resolved(QUrl(u"/calendar/x.ics"_s))).status, 404, 10000);

        // Headers that never end, far more than the server reads (the kernel's buffers take
        // what it does not): never answered, and closed by the connection's deadline.
        QTcpSocket endless;
        endless.connectToHost(feed.host(), quint16(feed.port()));
        QVERIFY(endless.waitForConnected(10000));
        QByteArray request = "GET /calendar/x.ics HTTP/1.1\r\nHost: feed\r\n";
        for (int i = 0; i < 256; ++i)
            request += "X-Filler: " + QByteArray(1000, 'a') + "\r\n";
        endless.write(request);
        QTRY_VERIFY_WITH_TIMEOUT(endless.state() == QAbstractSocket::UnconnectedState, 45000);
        QVERIFY(endless.readAll().isEmpty());
        // The server is still there for others.
        QCOMPARE(fetch(feed.resolved(QUrl(u"/calendar/x.ics"_s))).status, 404);
    }
};

QTEST_GUILESS_MAIN(TestServerCalendarFeed)
#include "tst_servercalendarfeed.moc"
