// SPDX-License-Identifier: GPL-3.0-or-later
#include "tests/server/serverprocess.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>
#include <QUuid>

using namespace Qt::StringLiterals;
using rentdesk::test::RawWebSocket;
using rentdesk::test::ServerProcess;
using rentdesk::test::TestClient;

namespace {

QJsonObject json(const QByteArray &frame)
{
    return QJsonDocument::fromJson(frame).object();
}

QByteArray compact(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

} // namespace

// What one client may cost the real rentdesk-server, from the attacks of issue 10: requests
// sent faster than they are answered.
class TestServerLimits final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
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
};

QTEST_GUILESS_MAIN(TestServerLimits)
#include "tst_serverlimits.moc"
