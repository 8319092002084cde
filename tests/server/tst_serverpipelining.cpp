// SPDX-License-Identifier: GPL-3.0-or-later
#include "tests/server/serverprocess.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace rentdesk;
using test::ServerProcess;
using test::TestClient;

// chat.send pipelined on one connection to the real rentdesk-server, whose group commit
// stores the sends that arrive together in one transaction: the replies keep the order of
// the requests, the messages are numbered in that order, a resend inside the pipeline is
// stored once, and a request of another kind waits for the sends before it.
class TestServerPipelining final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void pipelinedSendsKeepTheirOrder()
    {
        ServerProcess server;
        QVERIFY2(server.start(), qPrintable(server.errorString()));
        TestClient roman;
        TestClient lena;
        for (TestClient *client : { &roman, &lena }) {
            QVERIFY(client->open(server.url()));
            QVERIFY(client->hello());
        }
        QVERIFY2(roman.signUpAndLogIn(u"roman@example.org"_s, u"Roman"_s), qPrintable(roman.lastError()));
        QVERIFY2(lena.signUpAndLogIn(u"lena@example.org"_s, u"Lena"_s, u"landlord"_s), qPrintable(lena.lastError()));
        const auto started = roman.call(u"chat.start"_s, { { u"email"_s, u"lena@example.org"_s } });
        QVERIFY2(started && started->value(u"ok"_s).toBool(), qPrintable(roman.lastError()));
        const QString conversation = started->value(u"conversation"_s).toObject().value(u"id"_s).toString();

        // Every frame roman receives from here on, in order.
        QList<QJsonObject> frames;
        connect(&roman.socket(), &QWebSocket::textMessageReceived, this,
                [&frames](const QString &text) { frames.append(QJsonDocument::fromJson(text.toUtf8()).object()); });

        // 40 sends at once, the 20th a resend of the 10th, a frame that is no JSON among them,
        // and a history request after them: 42 frames, within the 64 a connection may queue.
        const int sends = 40;
        QStringList messageIds;
        QStringList expectedIds;
        for (int i = 1; i <= sends; ++i) {
            messageIds.append(i == 20 ? messageIds.at(9) : QUuid::createUuid().toString(QUuid::WithoutBraces));
            const QJsonObject request { { u"type"_s, u"chat.send"_s },
                                        { u"id"_s, u"s%1"_s.arg(i) },
                                        { u"conversationId"_s, conversation },
                                        { u"messageId"_s, messageIds.last() },
                                        { u"text"_s, u"message %1"_s.arg(i) } };
            roman.sendRaw(QJsonDocument(request).toJson(QJsonDocument::Compact));
            expectedIds.append(u"s%1"_s.arg(i));
            if (i == 25) {
                roman.sendRaw("{ not json");
                expectedIds.append(QString()); // bad_json, answered with a null id in its turn
            }
        }
        roman.sendRaw(QJsonDocument(QJsonObject { { u"type"_s, u"chat.history"_s },
                                                  { u"id"_s, u"h"_s },
                                                  { u"conversationId"_s, conversation } })
                          .toJson(QJsonDocument::Compact));
        expectedIds.append(u"h"_s);
        QVERIFY(QTest::qWaitFor([&] { return frames.size() >= expectedIds.size(); }, 30000));

        QStringList replyIds;
        for (const QJsonObject &frame : std::as_const(frames))
            replyIds.append(frame.value(u"id"_s).toString());
        QCOMPARE(replyIds, expectedIds);
        QCOMPARE(frames.at(25).value(u"error"_s).toObject().value(u"code"_s).toString(), u"bad_json"_s);

        // Numbered in the order sent, the resend answered with the first one's number.
        QList<qint64> seqs;
        for (const QJsonObject &frame : std::as_const(frames)) {
            if (!frame.value(u"id"_s).toString().startsWith(u's'))
                continue;
            QVERIFY2(frame.value(u"ok"_s).toBool(), QJsonDocument(frame).toJson().constData());
            seqs.append(frame.value(u"message"_s).toObject().value(u"seq"_s).toInteger());
        }
        QList<qint64> expectedSeqs;
        for (qint64 i = 1, seq = 1; i <= sends; ++i)
            expectedSeqs.append(i == 20 ? 10 : seq++);
        QCOMPARE(seqs, expectedSeqs);

        // The history, read after the sends, holds each of them once.
        const QJsonObject history = frames.last();
        QVERIFY(history.value(u"ok"_s).toBool());
        const QJsonArray messages = history.value(u"messages"_s).toArray();
        QCOMPARE(messages.size(), sends - 1);
        for (int i = 0; i < messages.size(); ++i)
            QCOMPARE(messages.at(i).toObject().value(u"seq"_s).toInteger(), i + 1);

        // Lena hears of each message once, in seq order.
        QVERIFY(QTest::qWaitFor([&] { return lena.pushes().size() >= sends - 1; }, 30000));
        QList<qint64> pushed;
        for (const QJsonObject &push : lena.pushes()) {
            if (push.value(u"type"_s).toString() == u"chat.message")
                pushed.append(push.value(u"message"_s).toObject().value(u"seq"_s).toInteger());
        }
        QList<qint64> inOrder;
        for (qint64 seq = 1; seq < sends; ++seq)
            inOrder.append(seq);
        QCOMPARE(pushed, inOrder);
    }
};

QTEST_GUILESS_MAIN(TestServerPipelining)
#include "tst_serverpipelining.moc"
