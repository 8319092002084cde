// SPDX-License-Identifier: GPL-3.0-or-later
#include "tests/server/serverprocess.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonDocument>
#include <QTest>
#include <QTimer>
#include <QUuid>

#include <sys/resource.h>
#include <tuple>
#include <unistd.h>

using namespace Qt::StringLiterals;
using rentdesk::test::RawWebSocket;
using rentdesk::test::ServerProcess;
using rentdesk::test::TestClient;

namespace {

// A field of /proc/<pid>/status in KiB (VmRSS, VmHWM), or -1.
qint64 statusKiB(qint64 pid, QByteArrayView field)
{
    QFile file(u"/proc/%1/status"_s.arg(pid));
    if (!file.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : file.readAll().split('\n')) {
        if (line.startsWith(field) && line.size() > field.size() && line.at(field.size()) == ':')
            return line.mid(field.size() + 1).trimmed().split(' ').constFirst().toLongLong();
    }
    return -1;
}

// utime + stime of a process, in seconds.
double cpuSeconds(qint64 pid)
{
    QFile file(u"/proc/%1/stat"_s.arg(pid));
    if (!file.open(QIODevice::ReadOnly))
        return -1;
    const QByteArray stat = file.readAll();
    // After the command's name in parentheses: state is field 3, utime 14 and stime 15.
    const QList<QByteArray> fields = stat.mid(stat.lastIndexOf(')') + 2).split(' ');
    if (fields.size() < 13)
        return -1;
    return double(fields.at(11).toLongLong() + fields.at(12).toLongLong()) / double(::sysconf(_SC_CLK_TCK));
}

// When the server logged the first line holding `text` (its log lines start with the time).
std::optional<QDateTime> loggedAt(const QString &log, const QString &text)
{
    for (const QString &line : log.split(u'\n')) {
        if (line.contains(text))
            return QDateTime::fromString(line.left(23), u"yyyy-MM-ddThh:mm:ss.zzz"_s);
    }
    return std::nullopt;
}

QJsonObject json(const QByteArray &frame)
{
    return QJsonDocument::fromJson(frame).object();
}

QByteArray compact(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

// The 64-character id of request i of a burst.
QByteArray burstId(int i)
{
    return QByteArray::number(i).rightJustified(64, '0');
}

// A request whose reply echoes its id: about 150 bytes a reply (hello_required).
QByteArray echoedRequest(int i)
{
    return R"({"type":"x.burst","id":")" + burstId(i) + R"("})";
}

// Requests for a burst of about 230 KB of replies: past 64 KiB unread once the kernel's
// buffers (about 70 KB with the server's send buffer sized to 64 KiB) are full, and short of
// the hard limit of 256 KiB. The reply's size is measured, not assumed.
int burstRequests(RawWebSocket &client)
{
    const QByteArray reply = client.call(echoedRequest(-1));
    return reply.isEmpty() ? 0 : int(230000 / (reply.size() + 4));
}

// Sends the burst's requests in one write while the client stops reading (a read buffer of
// one byte: what arrives stays in the kernel's buffers).
void sendBurstUnread(RawWebSocket &client, int requests)
{
    client.socket().setReadBufferSize(1);
    QByteArray burst;
    for (int i = 0; i < requests; ++i)
        burst += RawWebSocket::frame(0x81, echoedRequest(i));
    client.sendBytes(burst);
}

} // namespace

// What one client may cost the real rentdesk-server, from the attacks of issue 10: pings it
// never reads the pongs of, requests sent faster than they are answered, a large reply to a
// client that reads slowly, connections that never log in, many connections from one
// address, and more connections than the server has file descriptors for.
class TestServerLimits final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        // The connection's debug lines say when a client goes over the write limit and when it
        // catches up: the tests below check that the situation they build really arose.
        qputenv("QT_LOGGING_RULES", "rentdesk.server.connection.debug=true");
    }

    void pingsWhosePongsAreNotReadAreBounded()
    {
        // A grace far longer than the test: only the hard limit (4 MiB) can close it.
        ServerProcess server({ u"--slow-reader-seconds"_s, u"600"_s });
        // Under AddressSanitizer (the ci preset) freed memory waits in a quarantine of 256 MiB
        // before it is reused, and every ping read and freed would count: what is measured here
        // is what the server keeps, not what ASan keeps of what it freed. Other builds ignore it.
        const QByteArray asan = qgetenv("ASAN_OPTIONS");
        qputenv("ASAN_OPTIONS", asan + (asan.isEmpty() ? "" : ":") + "quarantine_size_mb=1");
        const bool started = server.start();
        if (asan.isEmpty())
            qunsetenv("ASAN_OPTIONS");
        else
            qputenv("ASAN_OPTIONS", asan);
        QVERIFY2(started, qPrintable(server.errorString()));
        const qint64 pid = server.process().processId();
        RawWebSocket flooder;
        QVERIFY(flooder.open(server.url(), 4096));
        flooder.socket().setReadBufferSize(1);
        const qint64 before = statusKiB(pid, "VmRSS");
        QVERIFY(before > 0);

        // Up to 64 MiB of pings, each answered by a pong the flooder never reads.
        QByteArray chunk;
        for (int i = 0; i < 1000; ++i)
            chunk += RawWebSocket::frame(0x89, QByteArray(125, 'p'));
        const qint64 limit = qint64(64) << 20;
        const QString closing = u"reads too slowly"_s;
        qint64 sent = 0;
        QElapsedTimer elapsed;
        elapsed.start();
        while (sent < limit && flooder.connected() && !server.standardError().contains(closing)
               && elapsed.elapsed() < 120000) {
            flooder.sendBytes(chunk);
            sent += chunk.size();
            // Bounded either way; the loop looks at why it ended.
            std::ignore = QTest::qWaitFor(
                [&] {
                    return flooder.socket().bytesToWrite() < 4 * chunk.size() || !flooder.connected()
                        || server.standardError().contains(closing);
                },
                10000);
        }
        const qint64 peak = statusKiB(pid, "VmHWM");
        qInfo("sent %lld MiB of pings; the server grew from %lld KiB to a peak of %lld KiB (+%lld KiB)", sent >> 20,
              before, peak, peak - before);
        QVERIFY2(server.standardError().contains(u"past the hard limit"_s), qPrintable(server.standardError()));
        QVERIFY2(sent < limit, "the server read every ping");
        // 4 MiB of pongs at most, plus one read's worth of pings and their pongs before the check.
        QVERIFY2(peak - before < 24 * 1024, qPrintable(u"+%1 KiB"_s.arg(peak - before)));

        // The flooder, reading again, finds the connection ended.
        flooder.socket().setReadBufferSize(0);
        QVERIFY(QTest::qWaitFor(
            [&] {
                RawWebSocket::Frame ignored;
                while (flooder.poll(ignored)) { }
                return !flooder.connected();
            },
            30000));
        TestClient other;
        QVERIFY(other.open(server.url()) && other.hello());
        QCOMPARE(server.stop(), 0);
    }

    void busyRepliesKeepTheOrderAndTheIds()
    {
        ServerProcess server;
        QVERIFY2(server.start(), qPrintable(server.errorString()));
        TestClient lena;
        QVERIFY(lena.open(server.url()) && lena.hello());
        QVERIFY2(lena.signUpAndLogIn(u"lena@example.org"_s, u"Lena"_s, u"landlord"_s), qPrintable(lena.lastError()));

        RawWebSocket roman;
        QVERIFY(roman.open(server.url()));
        QVERIFY(json(roman.call(R"({"type":"hello","id":"h","version":1})")).value(u"ok"_s).toBool());
        const QJsonObject signUp { { u"type"_s, u"signup"_s },
                                   { u"id"_s, u"u"_s },
                                   { u"email"_s, u"roman@example.org"_s },
                                   { u"password"_s, u"correct horse battery"_s },
                                   { u"displayName"_s, u"Roman"_s },
                                   { u"role"_s, u"renter"_s },
                                   { u"language"_s, u"en"_s } };
        QVERIFY(json(roman.call(compact(signUp))).value(u"ok"_s).toBool());
        const QJsonObject logIn { { u"type"_s, u"login"_s },
                                  { u"id"_s, u"l"_s },
                                  { u"email"_s, u"roman@example.org"_s },
                                  { u"password"_s, u"correct horse battery"_s } };
        QVERIFY(json(roman.call(compact(logIn))).value(u"ok"_s).toBool());
        const QJsonObject started = json(roman.call(
            compact({ { u"type"_s, u"chat.start"_s }, { u"id"_s, u"c"_s }, { u"email"_s, u"lena@example.org"_s } })));
        const QString conversation = started.value(u"conversation"_s).toObject().value(u"id"_s).toString();
        QVERIFY(!conversation.isEmpty());

        // 150 sends in one TCP write: more than a connection lets wait at once.
        const int sends = 150;
        QByteArray burst;
        for (int i = 1; i <= sends; ++i) {
            burst +=
                RawWebSocket::frame(0x81,
                                    compact({ { u"type"_s, u"chat.send"_s },
                                              { u"id"_s, u"s%1"_s.arg(i) },
                                              { u"conversationId"_s, conversation },
                                              { u"messageId"_s, QUuid::createUuid().toString(QUuid::WithoutBraces) },
                                              { u"text"_s, u"message %1"_s.arg(i) } }));
        }
        roman.sendBytes(burst);

        int busy = 0;
        QList<qint64> seqs;
        for (int i = 1; i <= sends; ++i) {
            const RawWebSocket::Frame frame = roman.next(30000);
            QCOMPARE(frame.opcode, 0x1);
            const QJsonObject reply = json(frame.payload);
            // Each in its turn, under its own id.
            QCOMPARE(reply.value(u"id"_s).toString(), u"s%1"_s.arg(i));
            if (reply.value(u"ok"_s).toBool()) {
                seqs.append(reply.value(u"message"_s).toObject().value(u"seq"_s).toInteger());
            } else {
                QCOMPARE(reply.value(u"error"_s).toObject().value(u"code"_s).toString(), u"server_busy"_s);
                ++busy;
            }
        }
        qInfo("%d sends stored, %d refused with server_busy", sends - busy, busy);
        QVERIFY2(busy > 0, "the burst did not fill the queue: nothing tested");
        QVERIFY(busy < sends);
        // The ones stored are numbered in the order sent.
        for (int i = 0; i < seqs.size(); ++i)
            QCOMPARE(seqs.at(i), i + 1);
        // Exactly one reply each: the next frame answers the next request.
        QCOMPARE(json(roman.call(R"({"type":"test.sync","id":"after"})")).value(u"id"_s).toString(), u"after"_s);
    }

    void refusalsPilingUpCloseTheConnection()
    {
        ServerProcess server;
        QVERIFY2(server.start(), qPrintable(server.errorString()));
        TestClient account;
        QVERIFY(account.open(server.url()) && account.hello());
        QVERIFY2(account.signUpAndLogIn(u"ann@example.org"_s, u"Ann"_s), qPrintable(account.lastError()));

        RawWebSocket client;
        QVERIFY(client.open(server.url()));
        QVERIFY(json(client.call(R"({"type":"hello","id":"h","version":1})")).value(u"ok"_s).toBool());
        // A log-in (hashed on a worker thread) holds what follows: 64 wait, the rest are refused
        // in their turn, and past 1024 refusals waiting the connection is closed.
        QByteArray burst = RawWebSocket::frame(
            0x81, R"({"type":"login","id":"l","email":"ann@example.org","password":"correct horse battery"})");
        for (int i = 0; i < 1200; ++i)
            burst += RawWebSocket::frame(0x81, R"({"type":"test.sync","id":")" + QByteArray::number(i) + R"("})");
        client.sendBytes(burst);
        QCOMPARE(client.closeCode(30000), 1008);
        QVERIFY2(server.standardError().contains(u"too many requests at once"_s), qPrintable(server.standardError()));
        QCOMPARE(server.stop(), 0);
    }

    void aSteadyReaderSurvivesABurstOverTheLimit()
    {
        ServerProcess server({ u"--max-queued-bytes"_s, u"65536"_s, u"--slow-reader-seconds"_s, u"10"_s });
        QVERIFY2(server.start(), qPrintable(server.errorString()));
        RawWebSocket reader;
        QVERIFY(reader.open(server.url(), 4096));
        const int requests = burstRequests(reader);
        QVERIFY(requests > 0);
        sendBurstUnread(reader, requests);
        QVERIFY2(QTest::qWaitFor([&] { return server.standardError().contains(u"over the limit"_s); }, 30000),
                 qPrintable(server.standardError()));

        // Then it reads 8 KiB every 50 ms, about 160 KB a second.
        reader.socket().setReadBufferSize(8192);
        int replies = 0;
        int closeCode = -1;
        QTimer pace;
        pace.setInterval(50);
        QObject::connect(&pace, &QTimer::timeout, &pace, [&] {
            RawWebSocket::Frame frame;
            while (reader.poll(frame)) {
                if (frame.opcode == 0x1 && json(frame.payload).value(u"id"_s).toString().toLatin1() == burstId(replies))
                    ++replies;
                else if (frame.opcode == 0x8)
                    closeCode = 0x8;
            }
        });
        pace.start();
        QElapsedTimer reading;
        reading.start();
        QVERIFY(QTest::qWaitFor([&] { return replies == requests || closeCode >= 0 || !reader.connected(); }, 60000));
        pace.stop();
        qInfo("%d replies read in %lld ms", replies, reading.elapsed());
        QCOMPARE(closeCode, -1);
        QCOMPARE(replies, requests);
        QVERIFY2(server.standardError().contains(u"caught up"_s), qPrintable(server.standardError()));
        QVERIFY2(!server.standardError().contains(u"reads too slowly"_s), qPrintable(server.standardError()));
        // Still served.
        reader.socket().setReadBufferSize(0);
        QCOMPARE(json(reader.call(echoedRequest(requests))).value(u"id"_s).toString().toLatin1(), burstId(requests));
        QCOMPARE(server.stop(), 0);
    }

    void aReaderThatStopsIsClosedAfterTheGrace()
    {
        const int graceSeconds = 2;
        ServerProcess server(
            { u"--max-queued-bytes"_s, u"65536"_s, u"--slow-reader-seconds"_s, QString::number(graceSeconds) });
        QVERIFY2(server.start(), qPrintable(server.errorString()));
        RawWebSocket reader;
        QVERIFY(reader.open(server.url(), 4096));
        const int requests = burstRequests(reader);
        QVERIFY(requests > 0);
        sendBurstUnread(reader, requests);
        // It reads nothing more: closed once the grace has passed, not before.
        QVERIFY2(QTest::qWaitFor([&] { return server.standardError().contains(u"reads too slowly"_s); }, 30000),
                 qPrintable(server.standardError()));
        const QString log = server.standardError();
        const auto over = loggedAt(log, u"over the limit"_s);
        const auto closed = loggedAt(log, u"reads too slowly"_s);
        QVERIFY2(over && closed, qPrintable(log));
        const qint64 waited = over->msecsTo(*closed);
        qInfo("over the limit for %lld ms before the close", waited);
        // Qt's coarse timers may fire up to 5 % early.
        QVERIFY2(waited >= graceSeconds * 900, qPrintable(log));
        QVERIFY2(waited < graceSeconds * 1000 + 5000, qPrintable(log));
        QVERIFY2(!log.contains(u"past the hard limit"_s), qPrintable(log));

        // Reading again, it finds the connection ended (after its replies, the close frame, or
        // the reset once the server gave up on it).
        reader.socket().setReadBufferSize(0);
        QVERIFY(QTest::qWaitFor(
            [&] {
                RawWebSocket::Frame ignored;
                while (reader.poll(ignored)) { }
                return !reader.connected();
            },
            30000));
        QCOMPARE(server.stop(), 0);
    }

    void connectionsPerAddressAreCapped()
    {
        const int cap = 3;
        ServerProcess server({ u"--max-connections-per-address"_s, QString::number(cap) });
        QVERIFY2(server.start(), qPrintable(server.errorString()));
        std::vector<std::unique_ptr<TestClient>> clients;
        for (int i = 0; i < cap; ++i) {
            clients.push_back(std::make_unique<TestClient>());
            QVERIFY(clients.back()->open(server.url()));
            QVERIFY(clients.back()->hello());
        }
        // One more from 127.0.0.1 is closed at once, with the reason.
        TestClient refused;
        QVERIFY(refused.open(server.url()));
        QVERIFY(refused.waitForClose(10000));
        QCOMPARE(refused.closeCode(), 1008);
        QCOMPARE(refused.socket().closeReason(), u"too many connections from this address"_s);

        // Once one of them has gone, a new one gets in and stays.
        const qsizetype disconnectsBefore = server.standardError().count(u"disconnected:"_s);
        clients.front()->socket().close();
        QVERIFY(QTest::qWaitFor([&] { return server.standardError().count(u"disconnected:"_s) > disconnectsBefore; },
                                10000));
        TestClient next;
        QVERIFY(next.open(server.url()));
        QVERIFY(next.hello());
        QVERIFY(next.sync());
        QVERIFY(!next.isClosed());
        QCOMPARE(server.stop(), 0);
    }

    void socketsWithoutASessionAreClosedAfterTheDeadline()
    {
        const int deadlineSeconds = 3;
        ServerProcess server({ u"--login-deadline-seconds"_s, QString::number(deadlineSeconds) });
        QVERIFY2(server.start(), qPrintable(server.errorString()));
        QElapsedTimer since;
        since.start();
        TestClient idle; // connected, nothing sent
        QVERIFY(idle.open(server.url()));
        TestClient greeted; // said hello, never logged in
        QVERIFY(greeted.open(server.url()) && greeted.hello());
        TestClient member; // signs up and logs in within the deadline
        QVERIFY(member.open(server.url()) && member.hello());
        QVERIFY2(member.signUpAndLogIn(u"ann@example.org"_s, u"Ann"_s), qPrintable(member.lastError()));

        QVERIFY(idle.waitForClose(30000));
        QVERIFY(greeted.waitForClose(30000));
        const qint64 waited = since.elapsed();
        qInfo("closed after %lld ms", waited);
        QCOMPARE(idle.closeCode(), 1008);
        QCOMPARE(greeted.closeCode(), 1008);
        // Qt's coarse timers may fire up to 5 % early.
        QVERIFY2(waited >= deadlineSeconds * 900, qPrintable(QString::number(waited)));

        // The one with a session outlives its deadline (a close that must not come is waited
        // for as long again) and is still served.
        QVERIFY(!member.waitForClose(deadlineSeconds * 1000));
        const auto list = member.call(u"chat.list"_s);
        QVERIFY(list && list->value(u"ok"_s).toBool());
        // Logged out, it is a connection without a session again, with a new deadline.
        QElapsedTimer loggedOut;
        loggedOut.start();
        const auto out = member.call(u"logout"_s);
        QVERIFY(out && out->value(u"ok"_s).toBool());
        QVERIFY(member.waitForClose(30000));
        QCOMPARE(member.closeCode(), 1008);
        QVERIFY2(loggedOut.elapsed() >= deadlineSeconds * 900, qPrintable(QString::number(loggedOut.elapsed())));
        QCOMPARE(server.stop(), 0);
    }

    void outOfFileDescriptorsTheServerWaitsQuietly()
    {
        const rlim_t files = 64;
        ServerProcess server({ u"--max-connections-per-address"_s, u"1000"_s });
        server.process().setChildProcessModifier([files] {
            const rlimit limit { files, files };
            ::setrlimit(RLIMIT_NOFILE, &limit);
        });
        QVERIFY2(server.start(), qPrintable(server.errorString()));
        const qint64 pid = server.process().processId();
        const QString paused = u"out of file descriptors"_s;

        // Connections until the server stops accepting: each one answered until then.
        std::vector<std::unique_ptr<RawWebSocket>> open;
        while (!server.standardError().contains(paused) && open.size() < files) {
            auto client = std::make_unique<RawWebSocket>();
            QVERIFY2(client->open(server.url()), qPrintable(u"connection %1 not answered"_s.arg(open.size() + 1)));
            open.push_back(std::move(client));
        }
        QVERIFY2(server.standardError().contains(paused), qPrintable(server.standardError()));
        qInfo("%zu connections accepted before the pause", open.size());

        // Another one waits in the kernel's queue, unanswered, and the server does not spin
        // over it.
        RawWebSocket queued;
        QVERIFY(!queued.open(server.url(), 0, 1000));
        QVERIFY(queued.connected()); // the kernel's TCP handshake, not the server's
        const double cpuBefore = cpuSeconds(pid);
        QElapsedTimer measuring;
        measuring.start();
        QTest::qWait(2000); // measuring, not synchronising: the server is to stay idle meanwhile
        const double cpu = cpuSeconds(pid) - cpuBefore;
        qInfo("the server used %.2f s of CPU in %lld ms at the limit", cpu, measuring.elapsed());
        QVERIFY2(cpu < 0.5, qPrintable(QString::number(cpu)));
        QCOMPARE(server.standardError().count(paused), 1);

        // Connections close: the server accepts again and the one waiting is answered.
        for (int i = 0; i < 24 && !open.empty(); ++i) {
            open.back()->abort();
            open.pop_back();
        }
        QVERIFY2(
            QTest::qWaitFor([&] { return server.standardError().contains(u"accepting connections again"_s); }, 20000),
            qPrintable(server.standardError()));
        QVERIFY(QTest::qWaitFor([&] { return queued.socket().peek(12) == "HTTP/1.1 101"; }, 20000));
        RawWebSocket fresh;
        QVERIFY(fresh.open(server.url()));
        QVERIFY(json(fresh.call(R"({"type":"hello","id":"h","version":1})")).value(u"ok"_s).toBool());
        QCOMPARE(server.stop(), 0);
    }
};

QTEST_GUILESS_MAIN(TestServerLimits)
#include "tst_serverlimits.moc"
