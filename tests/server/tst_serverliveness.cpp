// SPDX-License-Identifier: GPL-3.0-or-later
#include "tests/server/serverprocess.h"

#include <QTest>

using namespace Qt::StringLiterals;
using rentdesk::test::RawWebSocket;
using rentdesk::test::ServerProcess;
using rentdesk::test::TestClient;

// What the server does about clients that stop taking part: a peer that answers no pings
// is closed after two intervals while a live one (QWebSocket answers pings by itself) stays;
// a client that stops reading is closed (1008) once its unread replies pass the hard limit
// (four times --max-queued-bytes; tst_serverlimits has the grace below it), instead of piling
// up in the server's memory.
class TestServerLiveness final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void aDeadPeerIsClosedAndALiveOneStays()
    {
        ServerProcess server({ u"--ping-seconds"_s, u"1"_s });
        QVERIFY2(server.start(), qPrintable(server.errorString()));
        TestClient live;
        QVERIFY(live.open(server.url()) && live.hello());

        RawWebSocket dead;
        QVERIFY(dead.open(server.url()));
        dead.sendText(R"({"type":"hello","id":"1","version":1})");
        const RawWebSocket::Frame hello = dead.next();
        QCOMPARE(hello.opcode, 0x1);
        QVERIFY2(hello.payload.contains(R"("ok":true)"), hello.payload.constData());
        // It hears the pings and never answers them.
        int pings = 0;
        int closeCode = -1;
        for (int frames = 0; frames < 20 && closeCode < 0; ++frames) {
            const RawWebSocket::Frame frame = dead.next(10000);
            QVERIFY2(frame.opcode != -1, "neither a ping nor a close came");
            if (frame.opcode == 0x9)
                ++pings;
            else if (frame.opcode == 0x8)
                closeCode = (quint8(frame.payload.at(0)) << 8) | quint8(frame.payload.at(1));
        }
        QVERIFY(pings >= 1);
        QCOMPARE(closeCode, 1001);

        // The live client was as silent, for as long, and is still served.
        const auto answer = live.call(u"chat.list"_s);
        QVERIFY(answer); // not_logged_in, but an answer
        QVERIFY(!live.waitForClose(0));
        QCOMPARE(server.stop(), 0);
    }

    void aClientThatDoesNotReadIsClosed()
    {
        ServerProcess server({ u"--max-queued-bytes"_s, u"65536"_s });
        QVERIFY2(server.start(), qPrintable(server.errorString()));
        RawWebSocket slow;
        QVERIFY(slow.open(server.url()));
        // Qt stops taking bytes from the kernel, the kernel's window closes, and the
        // server's replies have nowhere to go but its own buffer.
        slow.socket().setReadBufferSize(1);
        slow.socket().setSocketOption(QAbstractSocket::ReceiveBufferSizeSocketOption, 4096);
        const QByteArray id(64, 'x');
        const int requests = 20000;
        for (int i = 0; i < requests; ++i)
            slow.sendText(R"({"type":"chat.list","id":")" + id + R"("})");
        // Each reply is about 150 bytes: 3 MB in all, far past 64 KiB and the kernel's buffers.
        QVERIFY(slow.socket().waitForBytesWritten(30000) || slow.socket().bytesToWrite() == 0);
        slow.socket().setReadBufferSize(0);
        int replies = 0;
        int closeCode = -1;
        while (closeCode < 0) {
            const RawWebSocket::Frame frame = slow.next(30000);
            if (frame.opcode == -1)
                break;
            if (frame.opcode == 0x1)
                ++replies;
            else if (frame.opcode == 0x8)
                closeCode = (quint8(frame.payload.at(0)) << 8) | quint8(frame.payload.at(1));
        }
        // The close frame (1008) waits behind the unread replies, so a reader this far behind
        // may only see the connection end; either way it ends, long before all were answered.
        QTRY_VERIFY_WITH_TIMEOUT(!slow.connected(), 10000);
        QVERIFY(closeCode == 1008 || closeCode == -1);
        QVERIFY2(replies < requests, qPrintable(QString::number(replies)));
        QVERIFY2(server.standardError().contains(u"reads too slowly"_s), qPrintable(server.standardError()));

        // The server is well and serves others.
        TestClient other;
        QVERIFY(other.open(server.url()) && other.hello());
        QCOMPARE(server.stop(), 0);
    }
};

QTEST_GUILESS_MAIN(TestServerLiveness)
#include "tst_serverliveness.moc"
