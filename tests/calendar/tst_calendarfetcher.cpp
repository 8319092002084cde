// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/ical/icalendar.h"
#include "net/calendar/calendarfetcher.h"
#include "tests/calendar/httptestservers.h"

#include <QElapsedTimer>
#include <QSignalSpy>
#include <QTest>

using namespace Qt::StringLiterals;
using rentdesk::net::calendar::CalendarFetch;
using rentdesk::net::calendar::CalendarFetcher;
using rentdesk::test::FaultHttpServer;
using rentdesk::test::FolderHttpServer;

namespace {

const QByteArray calendar =
    "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Test//EN\r\nBEGIN:VEVENT\r\nUID:a\r\n"
    "DTSTART;VALUE=DATE:20300101\r\nDTEND;VALUE=DATE:20300105\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n";

void answer(QTcpSocket *socket, const QByteArray &statusLine, const QByteArray &headers, const QByteArray &body = {})
{
    socket->write("HTTP/1.1 " + statusLine + "\r\n" + headers + "Content-Length: " + QByteArray::number(body.size())
                  + "\r\nConnection: close\r\n\r\n" + body);
    socket->disconnectFromHost();
}

} // namespace

// Fetching another site's calendar: from a real web server (Python's), and the failures only a
// server of our own produces: silence, an endless body, a length over the limit, redirects in
// a loop and out of http, a 304 for an ETag, a 404.
class TestCalendarFetcher : public QObject
{
    Q_OBJECT

    // Fetches url and returns what came of it (Failed with an empty message when nothing did).
    static CalendarFetch fetch(CalendarFetcher &fetcher, const QUrl &url, const QString &etag = {},
                               const QString &lastModified = {}, int waitMs = 20000)
    {
        QSignalSpy finished(&fetcher, &CalendarFetcher::finished);
        fetcher.fetch(url, etag, lastModified);
        if (!finished.wait(waitMs) || finished.size() != 1)
            return {};
        return finished.takeFirst().at(0).value<CalendarFetch>();
    }

private Q_SLOTS:
    void theLimitIsTheImports()
    {
        const CalendarFetcher fetcher;
        QCOMPARE(fetcher.maxBytes(), rentdesk::models::ical::importLimits(QDate(2030, 1, 1)).maxBytes);
        QVERIFY(fetcher.maxBytes() > 0);
    }

    void aRealServerServesTheCalendarAndSaysWhenUnchanged()
    {
        FolderHttpServer server;
        QVERIFY(server.isRunning());
        QVERIFY(server.write(u"airbnb.ics"_s, calendar, 60));
        CalendarFetcher fetcher;
        const CalendarFetch first = fetch(fetcher, server.url(u"airbnb.ics"_s));
        QCOMPARE(first.outcome, CalendarFetch::Outcome::Fetched);
        QCOMPARE(first.status, 200);
        QCOMPARE(first.body, calendar);
        QVERIFY(!first.lastModified.isEmpty());
        // Python's server answers If-Modified-Since.
        const CalendarFetch again = fetch(fetcher, server.url(u"airbnb.ics"_s), QString(), first.lastModified);
        QCOMPARE(again.outcome, CalendarFetch::Outcome::Unchanged);
        QCOMPARE(again.status, 304);
        QVERIFY(again.body.isEmpty());

        const CalendarFetch missing = fetch(fetcher, server.url(u"gone.ics"_s));
        QCOMPARE(missing.outcome, CalendarFetch::Outcome::Failed);
        QCOMPARE(missing.failure, CalendarFetch::Failure::HttpStatus);
        QCOMPARE(missing.status, 404);
        QVERIFY2(missing.message.contains(u"404"_s), qPrintable(missing.message));
    }

    void anETagIsSentAnd304IsUnchanged()
    {
        FaultHttpServer server([](QTcpSocket *socket, const QString &request) {
            if (request.contains(u"If-None-Match: \"v1\""_s, Qt::CaseInsensitive))
                answer(socket, "304 Not Modified", "ETag: \"v1\"\r\n");
            else
                answer(socket, "200 OK", "ETag: \"v1\"\r\nContent-Type: text/calendar\r\n", calendar);
        });
        QVERIFY(server.isListening());
        CalendarFetcher fetcher;
        const CalendarFetch first = fetch(fetcher, server.url());
        QCOMPARE(first.outcome, CalendarFetch::Outcome::Fetched);
        QCOMPARE(first.etag, u"\"v1\""_s);
        QCOMPARE(first.body, calendar);
        const CalendarFetch second = fetch(fetcher, server.url(), first.etag);
        QCOMPARE(second.outcome, CalendarFetch::Outcome::Unchanged);
        QCOMPARE(second.etag, u"\"v1\""_s);
        QCOMPARE(server.requests().size(), 2);
        QVERIFY(!server.requests().at(0).contains(u"If-None-Match"_s, Qt::CaseInsensitive));
    }

    void aServerThatDoesNotAnswerTimesOut()
    {
        FaultHttpServer server([](QTcpSocket *, const QString &) {});
        QVERIFY(server.isListening());
        CalendarFetcher fetcher;
        fetcher.setTimeout(std::chrono::milliseconds(300));
        const CalendarFetch result = fetch(fetcher, server.url());
        QCOMPARE(result.outcome, CalendarFetch::Outcome::Failed);
        QCOMPARE(result.failure, CalendarFetch::Failure::Timeout);
        QVERIFY2(result.message.contains(u"did not answer"_s), qPrintable(result.message));
        QCOMPARE(server.requests().size(), 1);
    }

    void anEndlessBodyIsRefusedAtTheLimit()
    {
        qint64 sent = 0;
        FaultHttpServer server([&sent](QTcpSocket *socket, const QString &) {
            socket->write("HTTP/1.1 200 OK\r\nContent-Type: text/calendar\r\nConnection: close\r\n\r\n");
            const QByteArray chunk(256 * 1024, 'x');
            auto more = [socket, chunk, &sent] {
                while (socket->state() == QAbstractSocket::ConnectedState && socket->bytesToWrite() < 1024 * 1024) {
                    socket->write(chunk);
                    sent += chunk.size();
                }
            };
            QObject::connect(socket, &QTcpSocket::bytesWritten, socket, more);
            more();
        });
        QVERIFY(server.isListening());
        CalendarFetcher fetcher;
        const CalendarFetch result = fetch(fetcher, server.url());
        QCOMPARE(result.outcome, CalendarFetch::Outcome::Failed);
        QCOMPARE(result.failure, CalendarFetch::Failure::TooLarge);
        QVERIFY(result.body.isEmpty());
        QVERIFY2(sent > fetcher.maxBytes(), qPrintable(QString::number(sent)));
        // Stopped near the limit, not after reading on: the server wrote little past it.
        QVERIFY2(sent < fetcher.maxBytes() + 16 * 1024 * 1024, qPrintable(QString::number(sent)));
    }

    void aLengthOverTheLimitIsRefusedBeforeReading()
    {
        CalendarFetcher fetcher;
        const qint64 over = fetcher.maxBytes() + 1;
        FaultHttpServer server([over](QTcpSocket *socket, const QString &) {
            // Announces more than the limit, sends a little and then waits.
            socket->write("HTTP/1.1 200 OK\r\nContent-Type: text/calendar\r\nContent-Length: "
                          + QByteArray::number(over) + "\r\n\r\nBEGIN:VCALENDAR\r\n");
        });
        QVERIFY(server.isListening());
        fetcher.setTimeout(std::chrono::milliseconds(10000));
        QElapsedTimer timer;
        timer.start();
        const CalendarFetch result = fetch(fetcher, server.url());
        QCOMPARE(result.failure, CalendarFetch::Failure::TooLarge);
        QVERIFY2(result.message.contains(u"not downloaded"_s), qPrintable(result.message));
        QVERIFY2(timer.elapsed() < 5000, qPrintable(QString::number(timer.elapsed())));
    }

    void redirectsAreFollowedAtMostFiveTimes()
    {
        FaultHttpServer server([](QTcpSocket *socket, const QString &request) {
            static const QRegularExpression hop(u"GET /hop/(\\d+) "_s);
            const int n = hop.match(request).captured(1).toInt();
            answer(socket, "302 Found", "Location: /hop/" + QByteArray::number(n + 1) + "\r\n");
        });
        QVERIFY(server.isListening());
        CalendarFetcher fetcher;
        const CalendarFetch result = fetch(fetcher, server.url(u"/hop/0"_s));
        QCOMPARE(result.failure, CalendarFetch::Failure::TooManyRedirects);
        QCOMPARE(server.requests().size(), CalendarFetcher::MaxRedirects + 1);
        QVERIFY(server.requests().last().startsWith(u"GET /hop/5 "_s));
    }

    void aRedirectIsFollowedToTheCalendar()
    {
        FaultHttpServer server([](QTcpSocket *socket, const QString &request) {
            if (request.startsWith(u"GET /old "_s))
                answer(socket, "301 Moved Permanently", "Location: /new.ics\r\n");
            else
                answer(socket, "200 OK", "Content-Type: text/calendar\r\n", calendar);
        });
        QVERIFY(server.isListening());
        CalendarFetcher fetcher;
        const CalendarFetch result = fetch(fetcher, server.url(u"/old"_s));
        QCOMPARE(result.outcome, CalendarFetch::Outcome::Fetched);
        QCOMPARE(result.body, calendar);
        QCOMPARE(server.requests().size(), 2);
    }

    void aRedirectOutOfTheWebIsRefused()
    {
        FaultHttpServer server([](QTcpSocket *socket, const QString &) {
            answer(socket, "302 Found", "Location: file:///etc/passwd\r\n");
        });
        QVERIFY(server.isListening());
        CalendarFetcher fetcher;
        const CalendarFetch result = fetch(fetcher, server.url());
        QCOMPARE(result.failure, CalendarFetch::Failure::InsecureRedirect);
        QCOMPARE(server.requests().size(), 1);
    }

    // No TLS server here: the rule itself, as the fetcher applies it to every redirect.
    void httpsIsNeverLeftForHttp()
    {
        QVERIFY(!CalendarFetcher::mayRedirect(QUrl(u"https://a.example/x.ics"_s), QUrl(u"http://a.example/x.ics"_s)));
        QVERIFY(CalendarFetcher::mayRedirect(QUrl(u"https://a.example/x.ics"_s), QUrl(u"https://b.example/y.ics"_s)));
        QVERIFY(CalendarFetcher::mayRedirect(QUrl(u"http://a.example/x.ics"_s), QUrl(u"https://a.example/x.ics"_s)));
        QVERIFY(CalendarFetcher::mayRedirect(QUrl(u"http://a.example/x.ics"_s), QUrl(u"http://b.example/x.ics"_s)));
        QVERIFY(!CalendarFetcher::mayRedirect(QUrl(u"http://a.example/x.ics"_s), QUrl(u"ftp://a.example/x.ics"_s)));
        QVERIFY(!CalendarFetcher::mayRedirect(QUrl(u"http://a.example/x.ics"_s), QUrl(u"http:///x.ics"_s)));
    }

    void onlyWebAddressesAreFetched()
    {
        CalendarFetcher fetcher;
        const CalendarFetch result = fetch(fetcher, QUrl(u"file:///etc/hostname"_s));
        QCOMPARE(result.failure, CalendarFetch::Failure::BadAddress);
    }

    // The server's guard (AddressPolicy::PublicOnly): what each address is.
    void addressesAreClassified_data()
    {
        using Kind = CalendarFetcher::AddressKind;
        QTest::addColumn<QString>("address");
        QTest::addColumn<int>("kind");
        const QList<std::pair<const char *, Kind>> rows {
            { "93.184.216.34", Kind::Public },
            { "8.8.8.8", Kind::Public },
            { "2606:2800:220:1:248:1893:25c8:1946", Kind::Public },
            { "0.0.0.0", Kind::Unspecified },
            { "0.1.2.3", Kind::Unspecified },
            { "::", Kind::Unspecified },
            { "127.0.0.1", Kind::Loopback },
            { "127.255.255.254", Kind::Loopback },
            { "::1", Kind::Loopback },
            { "10.0.0.1", Kind::Private },
            { "10.255.255.255", Kind::Private },
            { "172.16.0.1", Kind::Private },
            { "172.31.255.255", Kind::Private },
            { "172.32.0.1", Kind::Public },
            { "172.15.255.255", Kind::Public },
            { "192.168.1.1", Kind::Private },
            { "192.169.0.1", Kind::Public },
            { "fc00::1", Kind::Private },
            { "fd12:3456::1", Kind::Private },
            { "fec0::1", Kind::Private },
            { "169.254.169.254", Kind::LinkLocal },
            { "fe80::1", Kind::LinkLocal },
            { "febf::1", Kind::LinkLocal },
            { "100.64.0.1", Kind::SharedCgnat },
            { "100.127.255.255", Kind::SharedCgnat },
            { "100.128.0.1", Kind::Public },
            { "100.63.255.255", Kind::Public },
            { "224.0.0.1", Kind::Multicast },
            { "239.255.255.250", Kind::Multicast },
            { "ff02::1", Kind::Multicast },
            { "255.255.255.255", Kind::Broadcast },
            { "240.0.0.1", Kind::Reserved },
            { "2001:db8::1", Kind::Reserved },
            // IPv4 inside IPv6: mapped, compatible, NAT64 and 6to4 are judged by the IPv4 address.
            { "::ffff:127.0.0.1", Kind::Loopback },
            { "::ffff:10.1.2.3", Kind::Private },
            { "::ffff:169.254.169.254", Kind::LinkLocal },
            { "::ffff:8.8.8.8", Kind::Public },
            { "::127.0.0.1", Kind::Loopback },
            { "64:ff9b::a00:1", Kind::Private },
            { "64:ff9b::808:808", Kind::Public },
            { "2002:c0a8:101::1", Kind::Private },
            { "2002:808:808::1", Kind::Public },
        };
        for (const auto &row : rows)
            QTest::newRow(row.first) << QString::fromLatin1(row.first) << int(row.second);
    }

    void addressesAreClassified()
    {
        QFETCH(QString, address);
        QFETCH(int, kind);
        const QHostAddress parsed(address);
        QVERIFY(!parsed.isNull());
        QCOMPARE(int(CalendarFetcher::classify(parsed)), kind);
    }

    void aWrittenOutAddressIsJudgedWithoutAFetch()
    {
        QVERIFY(CalendarFetcher::literalAddressRefusal(QUrl(u"http://127.0.0.1:8080/c.ics"_s)).contains(u"loopback"_s));
        QVERIFY(CalendarFetcher::literalAddressRefusal(QUrl(u"http://[::ffff:192.168.0.1]/c.ics"_s))
                    .contains(u"private network"_s));
        QVERIFY(CalendarFetcher::literalAddressRefusal(QUrl(u"https://8.8.8.8/c.ics"_s)).isEmpty());
        // A name is judged when it is resolved, at the fetch.
        QVERIFY(CalendarFetcher::literalAddressRefusal(QUrl(u"https://localhost/c.ics"_s)).isEmpty());
    }

    // The server's policy refuses this computer by address and by name, before connecting: the
    // server here would answer, and is never asked.
    void publicOnlyRefusesTheServersOwnNetwork()
    {
        FaultHttpServer server([](QTcpSocket *socket, const QString &) { answer(socket, "200 OK", {}, calendar); });
        QVERIFY(server.isListening());
        CalendarFetcher fetcher;
        fetcher.setAddressPolicy(CalendarFetcher::AddressPolicy::PublicOnly);
        CalendarFetch result = fetch(fetcher, server.url());
        QCOMPARE(result.failure, CalendarFetch::Failure::ForbiddenAddress);
        QVERIFY2(result.message.contains(u"127.0.0.1"_s) && result.message.contains(u"loopback"_s),
                 qPrintable(result.message));
        QUrl byName = server.url();
        byName.setHost(u"localhost"_s);
        result = fetch(fetcher, byName);
        QCOMPARE(result.failure, CalendarFetch::Failure::ForbiddenAddress);
        QVERIFY2(result.message.contains(u"localhost"_s) && result.message.contains(u"loopback"_s),
                 qPrintable(result.message));
        QCOMPARE(server.requests().size(), 0);
        // The desktop's policy, the default, fetches from it.
        fetcher.setAddressPolicy(CalendarFetcher::AddressPolicy::AnyAddress);
        result = fetch(fetcher, server.url());
        QCOMPARE(result.outcome, CalendarFetch::Outcome::Fetched);
        QCOMPARE(server.requests().size(), 1);
    }

    void aClosedPortIsANetworkFailure()
    {
        quint16 port = 0;
        {
            QTcpServer probe;
            QVERIFY(probe.listen(QHostAddress::LocalHost));
            port = probe.serverPort();
        }
        CalendarFetcher fetcher;
        const CalendarFetch result = fetch(fetcher, QUrl(u"http://127.0.0.1:%1/c.ics"_s.arg(port)));
        QCOMPARE(result.failure, CalendarFetch::Failure::Network);
        QVERIFY(!result.message.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestCalendarFetcher)
#include "tst_calendarfetcher.moc"
