// SPDX-License-Identifier: GPL-3.0-or-later
#include "tests/server/serverprocess.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QTest>
#include <QUuid>

using namespace Qt::StringLiterals;
using namespace rentdesk;
using test::ServerProcess;
using test::TestClient;

namespace {

QString errorCode(const std::optional<QJsonObject> &reply)
{
    if (!reply)
        return u"<no reply>"_s;
    if (reply->value(u"ok"_s).toBool())
        return u"<ok>"_s;
    return reply->value(u"error"_s).toObject().value(u"code"_s).toString();
}

QString errorField(const std::optional<QJsonObject> &reply)
{
    return reply ? reply->value(u"error"_s).toObject().value(u"field"_s).toString() : QString();
}

bool isOk(const std::optional<QJsonObject> &reply)
{
    return reply && reply->value(u"ok"_s).toBool();
}

QString compact(const QJsonObject &object)
{
    return QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact));
}

QString describe(const std::optional<QJsonObject> &reply)
{
    return reply ? compact(*reply) : u"<no reply>"_s;
}

QString newMessageId()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

QList<qint64> seqsOf(const QJsonArray &messages)
{
    QList<qint64> seqs;
    for (const QJsonValue &message : messages)
        seqs.append(message.toObject().value(u"seq"_s).toInteger());
    return seqs;
}

QList<qint64> range(qint64 first, qint64 last)
{
    QList<qint64> seqs;
    for (qint64 seq = first; seq <= last; ++seq)
        seqs.append(seq);
    return seqs;
}

// The conversation of that id in a chat.list reply, or an empty object.
QJsonObject findConversation(const QJsonArray &conversations, const QString &id)
{
    for (const QJsonValue &conversation : conversations) {
        if (conversation.toObject().value(u"id"_s).toString() == id)
            return conversation.toObject();
    }
    return {};
}

// docs/protocol.md: times are UTC, ISO 8601 with milliseconds and Z.
bool isProtocolTime(const QJsonValue &value)
{
    static const QRegularExpression form(u"\\A\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z\\z"_s);
    return value.isString() && form.match(value.toString()).hasMatch();
}

} // namespace

// Chat over protocol v1 against the real rentdesk-server: conversations started by e-mail,
// messages both ways with their pushes and acks, receipts and watermarks, what a client that
// was away reads back, resends, strangers, and the server restarting or stopping under a
// conversation.
class TestServerChat final : public QObject
{
    Q_OBJECT

    std::unique_ptr<ServerProcess> server;

    std::unique_ptr<TestClient> connected()
    {
        auto client = std::make_unique<TestClient>();
        if (!client->open(server->url()) || !client->hello())
            return nullptr;
        return client;
    }

    // A new account, logged in on a new connection; nullptr when any step failed.
    std::unique_ptr<TestClient> newUser(const QString &email, const QString &name, const QString &role = u"renter"_s)
    {
        auto client = connected();
        if (!client || !client->signUpAndLogIn(email, name, role)) {
            qWarning() << "sign-up of" << email << "failed:" << (client ? client->lastError() : u"no connection"_s);
            return nullptr;
        }
        return client;
    }

    // Another connection of the same session.
    std::unique_ptr<TestClient> resumed(const QString &token)
    {
        auto client = connected();
        if (!client || !client->resume(token)) {
            qWarning() << "resume failed:" << (client ? client->lastError() : u"no connection"_s);
            return nullptr;
        }
        return client;
    }

    // The stored message of the ack, or nullopt when the send was refused.
    static std::optional<QJsonObject> send(TestClient &client, const QString &conversation, const QString &messageId,
                                           const QString &text)
    {
        const auto reply =
            client.call(u"chat.send"_s,
                        { { u"conversationId"_s, conversation }, { u"messageId"_s, messageId }, { u"text"_s, text } });
        if (!isOk(reply)) {
            qWarning() << "chat.send refused:" << describe(reply);
            return std::nullopt;
        }
        return reply->value(u"message"_s).toObject();
    }

    // chat.start by e-mail; the conversation's id, or empty.
    static QString start(TestClient &client, const QString &email, const QJsonValue &about = QJsonValue())
    {
        QJsonObject body { { u"email"_s, email } };
        if (!about.isUndefined() && !about.isNull())
            body.insert(u"about"_s, about);
        const auto reply = client.call(u"chat.start"_s, body);
        if (!isOk(reply)) {
            qWarning() << "chat.start refused:" << describe(reply);
            return {};
        }
        return reply->value(u"conversation"_s).toObject().value(u"id"_s).toString();
    }

    // The message of the next chat.message push, or an empty object when none came.
    static QJsonObject pushedMessage(TestClient &client)
    {
        const auto pushed = client.waitForPush(u"chat.message"_s);
        return pushed ? pushed->value(u"message"_s).toObject() : QJsonObject();
    }

    // The next push of that type without its type, or an empty object when none came.
    static QJsonObject pushOf(TestClient &client, const QString &type)
    {
        auto pushed = client.waitForPush(type);
        return pushed ? *pushed : QJsonObject();
    }

    static QJsonArray list(TestClient &client)
    {
        const auto reply = client.call(u"chat.list"_s);
        return isOk(reply) ? reply->value(u"conversations"_s).toArray() : QJsonArray();
    }

    static std::optional<QJsonObject> history(TestClient &client, const QString &conversation, QJsonObject body = {})
    {
        body.insert(u"conversationId"_s, conversation);
        return client.call(u"chat.history"_s, body);
    }

    // Waits until the system clock, which the server's is, has passed a stored time, so that
    // what happens next is stored with a later one.
    [[nodiscard]] static bool clockPassed(const QJsonValue &sentAt)
    {
        const QDateTime stored = QDateTime::fromString(sentAt.toString(), Qt::ISODateWithMs);
        return stored.isValid()
            && QTest::qWaitFor([&] { return QDateTime::currentDateTimeUtc() > stored.addMSecs(1); }, 1000);
    }

private Q_SLOTS:
    void init()
    {
        server = std::make_unique<ServerProcess>();
        QVERIFY2(server->start(), qPrintable(server->errorString()));
    }
    void cleanup()
    {
        if (QTest::currentTestFailed() && server)
            qInfo().noquote() << "server's stderr:\n" << server->standardError().right(4000);
        server.reset();
    }

    // chat.start finds the other person by e-mail (normalised), pushes a new conversation to
    // them, and gives the same conversation again for the same pair and the same about.
    void startByEmail()
    {
        auto ann = newUser(u"ann@example.org"_s, u"Ann"_s);
        auto bob = newUser(u"bob@example.org"_s, u"Bob"_s, u"landlord"_s);
        QVERIFY(ann && bob);

        const auto started = ann->call(u"chat.start"_s, { { u"email"_s, u" Bob@Example.ORG "_s } });
        QVERIFY2(isOk(started), qPrintable(describe(started)));
        const QJsonObject conversation = started->value(u"conversation"_s).toObject();
        const QString id = conversation.value(u"id"_s).toString();
        QVERIFY(!QUuid::fromString(id).isNull());
        QCOMPARE(
            conversation.value(u"peer"_s).toObject(),
            (QJsonObject { { u"id"_s, bob->userId() }, { u"displayName"_s, u"Bob"_s }, { u"role"_s, u"landlord"_s } }));
        QVERIFY(conversation.contains(u"about"_s) && conversation.value(u"about"_s).isNull());
        QVERIFY(conversation.contains(u"lastMessage"_s) && conversation.value(u"lastMessage"_s).isNull());
        QCOMPARE(conversation.value(u"unread"_s).toInteger(-1), 0);
        QCOMPARE(conversation.value(u"peerDeliveredUpTo"_s).toInteger(-1), 0);
        QCOMPARE(conversation.value(u"peerReadUpTo"_s).toInteger(-1), 0);

        const auto pushed = bob->waitForPush(u"chat.conversation"_s);
        QVERIFY(pushed);
        const QJsonObject theirs = pushed->value(u"conversation"_s).toObject();
        QCOMPARE(theirs.value(u"id"_s).toString(), id);
        QCOMPARE(
            theirs.value(u"peer"_s).toObject(),
            (QJsonObject { { u"id"_s, ann->userId() }, { u"displayName"_s, u"Ann"_s }, { u"role"_s, u"renter"_s } }));

        // Again, from either side: the same conversation, and no second push.
        QCOMPARE(start(*ann, u"bob@example.org"_s), id);
        QCOMPARE(start(*bob, u"ann@example.org"_s), id);
        QVERIFY(bob->sync() && ann->sync());
        QCOMPARE(bob->pushCount(u"chat.conversation"_s), 0);
        QCOMPARE(ann->pushCount(u"chat.conversation"_s), 0);

        // About an apartment: another conversation, with the title Ann gave.
        const QJsonObject about { { u"kind"_s, u"apartment"_s },
                                  { u"id"_s, QUuid::createUuid().toString(QUuid::WithoutBraces) },
                                  { u"title"_s, u"Nevsky 12, flat 3"_s } };
        const auto aboutStarted =
            ann->call(u"chat.start"_s, { { u"email"_s, u"bob@example.org"_s }, { u"about"_s, about } });
        QVERIFY2(isOk(aboutStarted), qPrintable(describe(aboutStarted)));
        const QJsonObject aboutConversation = aboutStarted->value(u"conversation"_s).toObject();
        const QString aboutId = aboutConversation.value(u"id"_s).toString();
        QVERIFY(aboutId != id);
        QCOMPARE(aboutConversation.value(u"about"_s).toObject(), about);
        const auto aboutPushed = bob->waitForPush(u"chat.conversation"_s);
        QVERIFY(aboutPushed);
        QCOMPARE(aboutPushed->value(u"conversation"_s).toObject().value(u"id"_s).toString(), aboutId);
        QCOMPARE(aboutPushed->value(u"conversation"_s).toObject().value(u"about"_s).toObject(), about);
        QCOMPARE(start(*bob, u"ann@example.org"_s, about), aboutId);

        QCOMPARE(errorCode(ann->call(u"chat.start"_s, { { u"email"_s, u"nobody@example.org"_s } })), u"not_found"_s);
        QCOMPARE(errorCode(ann->call(u"chat.start"_s, { { u"email"_s, u"ANN@example.org"_s } })), u"not_allowed"_s);
        QCOMPARE(list(*ann).size(), 2);
    }

    // Messages both ways: the sender's ack carries the stored message, the other side gets it
    // pushed, seq counts per conversation, and chat.list says where each conversation stands.
    void messagesBothWays()
    {
        auto ann = newUser(u"ann@example.org"_s, u"Ann"_s);
        auto bob = newUser(u"bob@example.org"_s, u"Bob"_s, u"landlord"_s);
        QVERIFY(ann && bob);
        const QString conversation = start(*ann, u"bob@example.org"_s);
        QVERIFY(!conversation.isEmpty());

        const QString firstId = newMessageId();
        const auto first = send(*ann, conversation, firstId, u"Is the flat still free in May?"_s);
        QVERIFY(first);
        QCOMPARE(first->value(u"id"_s).toString(), firstId);
        QCOMPARE(first->value(u"conversationId"_s).toString(), conversation);
        QCOMPARE(first->value(u"seq"_s).toInteger(), 1);
        QCOMPARE(first->value(u"senderId"_s).toString(), ann->userId());
        QCOMPARE(first->value(u"text"_s).toString(), u"Is the flat still free in May?"_s);
        QVERIFY2(isProtocolTime(first->value(u"sentAt"_s)), qPrintable(compact(*first)));
        const auto firstPushed = bob->waitForPush(u"chat.message"_s);
        QVERIFY(firstPushed);
        QCOMPARE(firstPushed->value(u"message"_s).toObject(), *first);

        // Text as it is: not trimmed, any script, characters beyond the BMP.
        const QString reply = u"  Yes — свободна, 👋 "_s;
        const auto second = send(*bob, conversation, newMessageId(), reply);
        QVERIFY(second);
        QCOMPARE(second->value(u"seq"_s).toInteger(), 2);
        QCOMPARE(second->value(u"senderId"_s).toString(), bob->userId());
        QCOMPARE(second->value(u"text"_s).toString(), reply);
        const auto secondPushed = ann->waitForPush(u"chat.message"_s);
        QVERIFY(secondPushed);
        QCOMPARE(secondPushed->value(u"message"_s).toObject(), *second);

        const auto third = send(*ann, conversation, newMessageId(), u"Great, I'll take it."_s);
        QVERIFY(third);
        QCOMPARE(third->value(u"seq"_s).toInteger(), 3);
        const auto thirdPushed = bob->waitForPush(u"chat.message"_s);
        QVERIFY(thirdPushed);
        QCOMPARE(thirdPushed->value(u"message"_s).toObject(), *third);

        // A second conversation numbers its messages from 1 and, being the latest, comes first.
        const QJsonObject about { { u"kind"_s, u"booking"_s },
                                  { u"id"_s, QUuid::createUuid().toString(QUuid::WithoutBraces) },
                                  { u"title"_s, u"May 1–14"_s } };
        const QString aboutConversation = start(*bob, u"ann@example.org"_s, about);
        QVERIFY(!aboutConversation.isEmpty());
        QVERIFY(ann->waitForPush(u"chat.conversation"_s));
        QVERIFY(clockPassed(third->value(u"sentAt"_s)));
        const auto other = send(*bob, aboutConversation, newMessageId(), u"Your booking is confirmed."_s);
        QVERIFY(other);
        QCOMPARE(other->value(u"seq"_s).toInteger(), 1);
        QCOMPARE(pushedMessage(*ann), *other);

        // The sender's own connection gets the ack, not a push as well.
        QVERIFY(ann->sync() && bob->sync());
        QCOMPARE(ann->pushCount(u"chat.message"_s), 0);
        QCOMPARE(bob->pushCount(u"chat.message"_s), 0);

        // Bob's read mark is his own last message (2): Ann's 3 is unread; Ann has read all
        // she wrote.
        const QJsonArray bobs = list(*bob);
        QCOMPARE(bobs.size(), 2);
        QCOMPARE(bobs.at(0).toObject().value(u"id"_s).toString(), aboutConversation);
        QCOMPARE(bobs.at(1).toObject().value(u"id"_s).toString(), conversation);
        QCOMPARE(bobs.at(0).toObject().value(u"lastMessage"_s).toObject(), *other);
        QCOMPARE(bobs.at(1).toObject().value(u"lastMessage"_s).toObject(), *third);
        QCOMPARE(bobs.at(0).toObject().value(u"unread"_s).toInteger(-1), 0);
        QCOMPARE(bobs.at(1).toObject().value(u"unread"_s).toInteger(-1), 1);
        QCOMPARE(bobs.at(1).toObject().value(u"peerDeliveredUpTo"_s).toInteger(-1), 3);
        QCOMPARE(bobs.at(1).toObject().value(u"peerReadUpTo"_s).toInteger(-1), 3);
        QCOMPARE(bobs.at(0).toObject().value(u"peerDeliveredUpTo"_s).toInteger(-1), 0);
        QCOMPARE(bobs.at(0).toObject().value(u"peerReadUpTo"_s).toInteger(-1), 0);

        const QJsonArray anns = list(*ann);
        QCOMPARE(anns.size(), 2);
        QCOMPARE(anns.at(0).toObject().value(u"id"_s).toString(), aboutConversation);
        QCOMPARE(anns.at(0).toObject().value(u"unread"_s).toInteger(-1), 1);
        QCOMPARE(anns.at(0).toObject().value(u"peerDeliveredUpTo"_s).toInteger(-1), 1);
        QCOMPARE(anns.at(1).toObject().value(u"unread"_s).toInteger(-1), 0);
        QCOMPARE(anns.at(1).toObject().value(u"peerDeliveredUpTo"_s).toInteger(-1), 2);
        QCOMPARE(anns.at(1).toObject().value(u"peerReadUpTo"_s).toInteger(-1), 2);

        const auto all = history(*bob, conversation);
        QVERIFY2(isOk(all), qPrintable(describe(all)));
        QCOMPARE(all->value(u"messages"_s).toArray(), (QJsonArray { *first, *second, *third }));
        QCOMPARE(all->value(u"more"_s).toBool(true), false);
    }

    // chat.delivered and chat.read move the reader's watermarks, which only grow, and each
    // move reaches the sender as chat.receipt.
    void receiptsAndWatermarks()
    {
        auto ann = newUser(u"ann@example.org"_s, u"Ann"_s);
        auto bob = newUser(u"bob@example.org"_s, u"Bob"_s, u"landlord"_s);
        QVERIFY(ann && bob);
        const QString conversation = start(*ann, u"bob@example.org"_s);
        QVERIFY(!conversation.isEmpty());
        for (int i = 1; i <= 3; ++i)
            QVERIFY(send(*ann, conversation, newMessageId(), u"message %1"_s.arg(i)));
        QCOMPARE(list(*bob).at(0).toObject().value(u"unread"_s).toInteger(-1), 3);

        const auto mark = [&](const QString &type, qint64 upTo) {
            return bob->call(type, { { u"conversationId"_s, conversation }, { u"upToSeq"_s, upTo } });
        };
        const auto receipt = [&](qint64 delivered, qint64 read) {
            return QJsonObject { { u"type"_s, u"chat.receipt"_s },
                                 { u"conversationId"_s, conversation },
                                 { u"userId"_s, bob->userId() },
                                 { u"deliveredUpTo"_s, delivered },
                                 { u"readUpTo"_s, read } };
        };

        const auto delivered = mark(u"chat.delivered"_s, 2);
        QVERIFY2(isOk(delivered), qPrintable(describe(delivered)));
        QCOMPARE(pushOf(*ann, u"chat.receipt"_s), (receipt(2, 0)));
        QCOMPARE(list(*ann).at(0).toObject().value(u"peerDeliveredUpTo"_s).toInteger(-1), 2);
        QCOMPARE(list(*ann).at(0).toObject().value(u"peerReadUpTo"_s).toInteger(-1), 0);

        QVERIFY(isOk(mark(u"chat.read"_s, 1)));
        QCOMPARE(pushOf(*ann, u"chat.receipt"_s), (receipt(2, 1)));
        QCOMPARE(list(*bob).at(0).toObject().value(u"unread"_s).toInteger(-1), 2);

        // Read implies delivered.
        QVERIFY(isOk(mark(u"chat.read"_s, 3)));
        QCOMPARE(pushOf(*ann, u"chat.receipt"_s), (receipt(3, 3)));
        const QJsonObject annsView = list(*ann).at(0).toObject();
        QCOMPARE(annsView.value(u"peerDeliveredUpTo"_s).toInteger(-1), 3);
        QCOMPARE(annsView.value(u"peerReadUpTo"_s).toInteger(-1), 3);
        QCOMPARE(list(*bob).at(0).toObject().value(u"unread"_s).toInteger(-1), 0);

        // Lower or equal values change nothing and push nothing.
        QVERIFY(isOk(mark(u"chat.read"_s, 1)));
        QVERIFY(isOk(mark(u"chat.delivered"_s, 3)));
        QVERIFY(isOk(mark(u"chat.delivered"_s, 0)));

        // Beyond the last message: bad_request (docs/protocol.md, chat.delivered and chat.read).
        for (const QString &type : { u"chat.delivered"_s, u"chat.read"_s }) {
            const auto beyond = mark(type, 4);
            QCOMPARE(errorCode(beyond), u"bad_request"_s);
            QCOMPARE(errorField(beyond), u"upToSeq"_s);
        }
        QVERIFY(ann->sync());
        QCOMPARE(ann->pushCount(u"chat.receipt"_s), 0);
        QCOMPARE(list(*ann).at(0).toObject().value(u"peerReadUpTo"_s).toInteger(-1), 3);

        // Ann's own read marks reach Bob the same way.
        QVERIFY(send(*bob, conversation, newMessageId(), u"Thanks"_s));
        QVERIFY(isOk(ann->call(u"chat.read"_s, { { u"conversationId"_s, conversation }, { u"upToSeq"_s, 4 } })));
        const auto annsReceipt = bob->waitForPush(u"chat.receipt"_s);
        QVERIFY(annsReceipt);
        QCOMPARE(annsReceipt->value(u"userId"_s).toString(), ann->userId());
        QCOMPARE(annsReceipt->value(u"deliveredUpTo"_s).toInteger(), 4);
        QCOMPARE(annsReceipt->value(u"readUpTo"_s).toInteger(), 4);
    }

    // A client that was away reads what it missed with chat.history after resuming its
    // session; history pages backwards (beforeSeq), forwards (afterSeq) and in between.
    void missedMessagesAndPaging()
    {
        auto ann = newUser(u"ann@example.org"_s, u"Ann"_s);
        auto bob = newUser(u"bob@example.org"_s, u"Bob"_s, u"landlord"_s);
        QVERIFY(ann && bob);
        const QString conversation = start(*ann, u"bob@example.org"_s);
        QVERIFY(!conversation.isEmpty());
        QVERIFY(bob->waitForPush(u"chat.conversation"_s));

        const QString bobsToken = bob->token();
        const QString bobsId = bob->userId();
        bob->socket().close();
        QVERIFY(bob->waitForClose());
        bob.reset();

        QList<QJsonObject> acks;
        for (int i = 1; i <= 5; ++i) {
            const auto sent = send(*ann, conversation, newMessageId(), u"while you were away %1"_s.arg(i));
            QVERIFY(sent);
            QCOMPARE(sent->value(u"seq"_s).toInteger(), i);
            acks.append(*sent);
        }

        bob = resumed(bobsToken);
        QVERIFY(bob);
        QCOMPARE(bob->userId(), bobsId);
        const QJsonArray listed = list(*bob);
        QCOMPARE(listed.size(), 1);
        QCOMPARE(listed.at(0).toObject().value(u"unread"_s).toInteger(-1), 5);
        QCOMPARE(listed.at(0).toObject().value(u"lastMessage"_s).toObject(), acks.last());
        const auto missed = history(*bob, conversation, { { u"afterSeq"_s, 0 } });
        QVERIFY2(isOk(missed), qPrintable(describe(missed)));
        QJsonArray expected;
        for (const QJsonObject &ack : acks)
            expected.append(ack);
        QCOMPARE(missed->value(u"messages"_s).toArray(), expected);
        QCOMPARE(missed->value(u"more"_s).toBool(true), false);
        // What was missed comes by history, not replayed as pushes.
        QVERIFY(bob->sync());
        QCOMPARE(bob->pushCount(u"chat.message"_s), 0);

        // Online again: pushes.
        for (int i = 6; i <= 7; ++i) {
            const auto sent = send(*ann, conversation, newMessageId(), u"now you are back %1"_s.arg(i));
            QVERIFY(sent);
            acks.append(*sent);
            const auto pushed = bob->waitForPush(u"chat.message"_s);
            QVERIFY(pushed);
            QCOMPARE(pushed->value(u"message"_s).toObject(), *sent);
        }

        // Seven messages. -1: not given; an empty page is first > last.
        struct Page
        {
            int before;
            int after;
            int limit;
            int first;
            int last;
            bool more;
        };
        const Page pages[] = {
            { -1, -1, -1, 1, 7, false }, { -1, -1, 3, 5, 7, true },    { 5, -1, 3, 2, 4, true },
            { 2, -1, 3, 1, 1, false },   { 1, -1, -1, 1, 0, false },   { 100, -1, 200, 1, 7, false },
            { -1, 0, 3, 1, 3, true },    { -1, 5, 3, 6, 7, false },    { -1, 4, 3, 5, 7, false },
            { -1, 7, -1, 1, 0, false },  { -1, 100, -1, 1, 0, false }, { 6, 1, 2, 2, 3, true },
            { 6, 3, 2, 4, 5, false },    { 6, 3, 5, 4, 5, false },     { 4, 3, -1, 1, 0, false },
            { -1, 0, 7, 1, 7, false },   { 8, -1, 7, 1, 7, false },
        };
        for (const Page &page : pages) {
            QJsonObject body;
            if (page.before >= 0)
                body.insert(u"beforeSeq"_s, page.before);
            if (page.after >= 0)
                body.insert(u"afterSeq"_s, page.after);
            if (page.limit >= 0)
                body.insert(u"limit"_s, page.limit);
            const QString what = compact(body);
            const auto reply = history(*bob, conversation, body);
            QVERIFY2(isOk(reply), qPrintable(what + u": "_s + describe(reply)));
            const QJsonArray messages = reply->value(u"messages"_s).toArray();
            QCOMPARE(seqsOf(messages), range(page.first, page.last));
            for (const QJsonValue &message : messages)
                QCOMPARE(message.toObject(), acks.at(message.toObject().value(u"seq"_s).toInt() - 1));
            QVERIFY2(reply->value(u"more"_s).toBool(!page.more) == page.more, qPrintable(what));
        }

        const QList<std::pair<QString, int>> outOfRange {
            { u"limit"_s, 0 }, { u"limit"_s, 201 }, { u"beforeSeq"_s, 0 }, { u"afterSeq"_s, -1 }
        };
        for (const auto &[field, value] : outOfRange) {
            const auto refused = history(*bob, conversation, { { field, value } });
            QCOMPARE(errorCode(refused), u"bad_request"_s);
            QCOMPARE(errorField(refused), field);
        }
    }

    // A resend (the same messageId, as after a reconnect) is answered with the stored message
    // and changes nothing: stored once, seq not advanced, nobody gets it pushed again.
    void resendIsStoredOnce()
    {
        auto ann = newUser(u"ann@example.org"_s, u"Ann"_s);
        auto bob = newUser(u"bob@example.org"_s, u"Bob"_s, u"landlord"_s);
        QVERIFY(ann && bob);
        auto annsPhone = resumed(ann->token());
        QVERIFY(annsPhone);
        const QString conversation = start(*ann, u"bob@example.org"_s);
        QVERIFY(!conversation.isEmpty());

        const QString firstId = newMessageId();
        const auto first = send(*ann, conversation, firstId, u"first"_s);
        const auto second = send(*ann, conversation, newMessageId(), u"second"_s);
        QVERIFY(first && second);
        QVERIFY(bob->waitUntil([&] { return bob->pushCount(u"chat.message"_s) == 2; }));
        QVERIFY(annsPhone->waitUntil([&] { return annsPhone->pushCount(u"chat.message"_s) == 2; }));
        bob->takePushes(u"chat.message"_s);
        annsPhone->takePushes(u"chat.message"_s);

        // Ann's app lost the connection before it saw the ack, reconnects and sends again.
        const QString token = ann->token();
        ann->socket().close();
        QVERIFY(ann->waitForClose());
        ann = resumed(token);
        QVERIFY(ann);
        QCOMPARE(send(*ann, conversation, firstId, u"first"_s), first);
        // Even with other text: the stored message, unchanged.
        QCOMPARE(send(*ann, conversation, firstId, u"first, edited"_s), first);

        QVERIFY(bob->sync() && annsPhone->sync() && ann->sync());
        QCOMPARE(bob->pushCount(u"chat.message"_s), 0);
        QCOMPARE(annsPhone->pushCount(u"chat.message"_s), 0);
        QCOMPARE(ann->pushCount(u"chat.message"_s), 0);
        const auto stored = history(*bob, conversation);
        QVERIFY(isOk(stored));
        QCOMPARE(stored->value(u"messages"_s).toArray(), (QJsonArray { *first, *second }));
        QCOMPARE(list(*bob).at(0).toObject().value(u"unread"_s).toInteger(-1), 2);

        const auto third = send(*ann, conversation, newMessageId(), u"third"_s);
        QVERIFY(third);
        QCOMPARE(third->value(u"seq"_s).toInteger(), 3);
        QCOMPARE(pushedMessage(*bob), *third);
    }

    // A messageId is one message: used in another conversation, or by the other person, it
    // is bad_request (docs/protocol.md, chat.send) and stores nothing.
    void messageIdReusedElsewhere()
    {
        auto ann = newUser(u"ann@example.org"_s, u"Ann"_s);
        auto bob = newUser(u"bob@example.org"_s, u"Bob"_s, u"landlord"_s);
        QVERIFY(ann && bob);
        const QString conversation = start(*ann, u"bob@example.org"_s);
        const QString other = start(*ann, u"bob@example.org"_s,
                                    QJsonObject { { u"kind"_s, u"apartment"_s },
                                                  { u"id"_s, QUuid::createUuid().toString(QUuid::WithoutBraces) },
                                                  { u"title"_s, u"Flat 3"_s } });
        QVERIFY(!conversation.isEmpty() && !other.isEmpty());
        const QString messageId = newMessageId();
        const auto first = send(*ann, conversation, messageId, u"hello"_s);
        QVERIFY(first);
        QVERIFY(bob->waitForPush(u"chat.message"_s));

        const QList<std::pair<TestClient *, QString>> reuses { { ann.get(), other }, { bob.get(), conversation } };
        for (const auto &[client, where] : reuses) {
            const auto refused = client->call(u"chat.send"_s,
                                              { { u"conversationId"_s, where },
                                                { u"messageId"_s, messageId },
                                                { u"text"_s, u"the same id again"_s } });
            QVERIFY2(!isOk(refused), qPrintable(describe(refused)));
            QCOMPARE(errorField(refused), u"messageId"_s);
            QCOMPARE(errorCode(refused), u"bad_request"_s);
        }

        QVERIFY(ann->sync() && bob->sync());
        QCOMPARE(ann->pushCount(u"chat.message"_s), 0);
        QCOMPARE(bob->pushCount(u"chat.message"_s), 0);
        const auto inOther = history(*ann, other);
        QVERIFY(isOk(inOther));
        QCOMPARE(inOther->value(u"messages"_s).toArray(), QJsonArray());
        const auto inFirst = history(*bob, conversation);
        QVERIFY(isOk(inFirst));
        QCOMPARE(inFirst->value(u"messages"_s).toArray(), QJsonArray { *first });
    }

    // Someone who is not one of the two people gets not_found for everything, the same
    // answer as for a conversation that does not exist, and changes nothing.
    void strangerSeesNothing()
    {
        auto ann = newUser(u"ann@example.org"_s, u"Ann"_s);
        auto bob = newUser(u"bob@example.org"_s, u"Bob"_s, u"landlord"_s);
        auto eve = newUser(u"eve@example.org"_s, u"Eve"_s);
        QVERIFY(ann && bob && eve);
        const QString conversation = start(*ann, u"bob@example.org"_s);
        QVERIFY(!conversation.isEmpty());
        const QString messageId = newMessageId();
        const auto first = send(*ann, conversation, messageId, u"private"_s);
        QVERIFY(first);
        QVERIFY(bob->waitForPush(u"chat.conversation"_s));
        QVERIFY(bob->waitForPush(u"chat.message"_s));
        QVERIFY(isOk(bob->call(u"chat.delivered"_s, { { u"conversationId"_s, conversation }, { u"upToSeq"_s, 1 } })));
        QVERIFY(ann->waitForPush(u"chat.receipt"_s));

        const QString nowhere = QUuid::createUuid().toString(QUuid::WithoutBraces);
        struct Probe
        {
            QString type;
            QJsonObject body;
        };
        const auto probes = [&](const QString &id) {
            return QList<Probe> {
                { u"chat.history"_s, { { u"conversationId"_s, id } } },
                { u"chat.history"_s, { { u"conversationId"_s, id }, { u"afterSeq"_s, 0 } } },
                { u"chat.send"_s,
                  { { u"conversationId"_s, id }, { u"messageId"_s, newMessageId() }, { u"text"_s, u"hi"_s } } },
                { u"chat.send"_s,
                  { { u"conversationId"_s, id }, { u"messageId"_s, messageId }, { u"text"_s, u"hi"_s } } },
                { u"chat.delivered"_s, { { u"conversationId"_s, id }, { u"upToSeq"_s, 1 } } },
                { u"chat.read"_s, { { u"conversationId"_s, id }, { u"upToSeq"_s, 1 } } },
            };
        };
        const QList<Probe> theirs = probes(conversation);
        const QList<Probe> none = probes(nowhere);
        for (qsizetype i = 0; i < theirs.size(); ++i) {
            const auto refused = eve->call(theirs.at(i).type, theirs.at(i).body);
            const QString what = theirs.at(i).type + u' ' + compact(theirs.at(i).body);
            QVERIFY2(errorCode(refused) == u"not_found", qPrintable(what + u": "_s + describe(refused)));
            // Nothing tells the conversation apart from one that does not exist.
            const auto missing = eve->call(none.at(i).type, none.at(i).body);
            QVERIFY2(errorCode(missing) == u"not_found", qPrintable(describe(missing)));
            QCOMPARE(refused->value(u"error"_s), missing->value(u"error"_s));
        }
        const auto evesList = eve->call(u"chat.list"_s);
        QVERIFY(isOk(evesList));
        QCOMPARE(evesList->value(u"conversations"_s).toArray(), QJsonArray());

        QVERIFY(ann->sync() && bob->sync());
        QCOMPARE(ann->pushes(), QList<QJsonObject>());
        QCOMPARE(bob->pushes(), QList<QJsonObject>());
        const auto stored = history(*ann, conversation);
        QVERIFY(isOk(stored));
        QCOMPARE(stored->value(u"messages"_s).toArray(), QJsonArray { *first });
        const QJsonObject annsView = findConversation(list(*ann), conversation);
        QCOMPARE(annsView.value(u"peerDeliveredUpTo"_s).toInteger(-1), 1);
        QCOMPARE(annsView.value(u"peerReadUpTo"_s).toInteger(-1), 0);
    }

    // The server restarts in the middle of a conversation: everything acked is there, the
    // tokens resume, watermarks are kept and seq goes on from where it was.
    void restartMidConversation()
    {
        auto ann = newUser(u"ann@example.org"_s, u"Ann"_s);
        auto bob = newUser(u"bob@example.org"_s, u"Bob"_s, u"landlord"_s);
        QVERIFY(ann && bob);
        const QString conversation = start(*ann, u"bob@example.org"_s);
        QVERIFY(!conversation.isEmpty());
        QJsonArray acked;
        for (TestClient *sender : { ann.get(), bob.get(), ann.get() }) {
            const auto sent = send(*sender, conversation, newMessageId(), u"before the restart"_s);
            QVERIFY(sent);
            acked.append(*sent);
        }
        QVERIFY(isOk(bob->call(u"chat.read"_s, { { u"conversationId"_s, conversation }, { u"upToSeq"_s, 2 } })));
        QVERIFY(isOk(bob->call(u"chat.delivered"_s, { { u"conversationId"_s, conversation }, { u"upToSeq"_s, 3 } })));

        QVERIFY2(server->restart(), qPrintable(server->errorString()));
        QVERIFY(ann->waitForClose() && bob->waitForClose());
        QCOMPARE(ann->closeCode(), int(QWebSocketProtocol::CloseCodeGoingAway));
        QCOMPARE(bob->closeCode(), int(QWebSocketProtocol::CloseCodeGoingAway));

        ann = resumed(ann->token());
        bob = resumed(bob->token());
        QVERIFY(ann && bob);
        const auto stored = history(*bob, conversation);
        QVERIFY2(isOk(stored), qPrintable(describe(stored)));
        QCOMPARE(stored->value(u"messages"_s).toArray(), acked);
        const QJsonObject annsView = findConversation(list(*ann), conversation);
        QCOMPARE(annsView.value(u"peerDeliveredUpTo"_s).toInteger(-1), 3);
        QCOMPARE(annsView.value(u"peerReadUpTo"_s).toInteger(-1), 2);
        QCOMPARE(findConversation(list(*bob), conversation).value(u"unread"_s).toInteger(-1), 1);

        const auto fourth = send(*bob, conversation, newMessageId(), u"after the restart"_s);
        QVERIFY(fourth);
        QCOMPARE(fourth->value(u"seq"_s).toInteger(), 4);
        QCOMPARE(pushedMessage(*ann), *fourth);
        const auto fifth = send(*ann, conversation, newMessageId(), u"and on"_s);
        QVERIFY(fifth);
        QCOMPARE(fifth->value(u"seq"_s).toInteger(), 5);
        // A resend of a message from before the restart is still recognised.
        QCOMPARE(send(*ann, conversation, acked.at(0).toObject().value(u"id"_s).toString(), u"again"_s),
                 std::optional(acked.at(0).toObject()));
    }

    // SIGTERM with clients connected in every state, one of them sending: the server exits 0,
    // every client gets a close frame with 1001 (a dropped TCP connection would leave Qt's
    // 1000 there), and every message that was acked is stored.
    void sigtermWithClientsConnected()
    {
        auto ann = newUser(u"ann@example.org"_s, u"Ann"_s);
        auto bob = newUser(u"bob@example.org"_s, u"Bob"_s, u"landlord"_s);
        QVERIFY(ann && bob);
        const QString conversation = start(*ann, u"bob@example.org"_s);
        QVERIFY(!conversation.isEmpty());
        auto helloOnly = connected();
        QVERIFY(helloOnly);
        TestClient silent; // connected, never said hello
        QVERIFY(silent.open(server->url()));
        QVERIFY(silent.sync());

        // Sends in flight when the signal comes: Ann keeps eight outstanding, one more for
        // every reply, until the server closes; the signal goes once twenty are acked.
        constexpr int MaxSends = 5000;
        QStringList ids;
        const auto sendNext = [&] {
            if (ids.size() >= MaxSends || ann->socket().state() != QAbstractSocket::ConnectedState)
                return;
            const QString id = newMessageId();
            ann->sendRaw(QJsonDocument(QJsonObject { { u"type"_s, u"chat.send"_s },
                                                     { u"id"_s, u"send-%1"_s.arg(ids.size()) },
                                                     { u"conversationId"_s, conversation },
                                                     { u"messageId"_s, id },
                                                     { u"text"_s, u"in flight %1"_s.arg(ids.size()) } })
                             .toJson(QJsonDocument::Compact));
            ids.append(id);
        };
        const QMetaObject::Connection keepSending = connect(ann.get(), &TestClient::frameReceived, this, sendNext);
        for (int i = 0; i < 8; ++i)
            sendNext();
        QVERIFY(ann->waitUntil([&] { return ann->replies().size() >= 20; }));
        const int exitCode = server->stop();
        disconnect(keepSending);
        QCOMPARE(exitCode, 0);
        for (TestClient *client : { ann.get(), bob.get(), helloOnly.get(), &silent }) {
            QVERIFY(client->waitForClose());
            QCOMPARE(client->closeCode(), int(QWebSocketProtocol::CloseCodeGoingAway));
        }

        QMap<QString, QJsonObject> acks;
        for (const QJsonObject &reply : ann->replies()) {
            QVERIFY2(reply.value(u"ok"_s).toBool(), qPrintable(compact(reply)));
            const QJsonObject message = reply.value(u"message"_s).toObject();
            acks.insert(message.value(u"id"_s).toString(), message);
        }
        qInfo() << acks.size() << "of" << ids.size() << "sends were acked before the close";

        QVERIFY2(server->start(), qPrintable(server->errorString()));
        auto again = resumed(ann->token());
        QVERIFY(again);
        const auto stored = history(*again, conversation, { { u"limit"_s, 200 } });
        QVERIFY(isOk(stored));
        const QJsonArray messages = stored->value(u"messages"_s).toArray();
        QCOMPARE(seqsOf(messages), range(1, messages.size()));
        QSet<QString> storedIds;
        for (const QJsonValue &message : messages) {
            storedIds.insert(message.toObject().value(u"id"_s).toString());
            const auto ack = acks.constFind(message.toObject().value(u"id"_s).toString());
            if (ack != acks.cend())
                QCOMPARE(message.toObject(), *ack);
        }
        for (const QString &id : acks.keys())
            QVERIFY2(storedIds.contains(id), qPrintable(u"acked but not stored: "_s + id));
        // Sent in order on one connection: what was stored is a prefix of what was sent.
        for (qsizetype i = 0; i < messages.size(); ++i)
            QCOMPARE(messages.at(i).toObject().value(u"id"_s).toString(), ids.at(i));
    }

    // A message reaches every open connection of the recipient and the sender's other ones,
    // not the one it was sent on; a connection that logged out or closed gets nothing more.
    void everyConnectionGetsTheMessage()
    {
        auto ann = newUser(u"ann@example.org"_s, u"Ann"_s);
        auto bob = newUser(u"bob@example.org"_s, u"Bob"_s, u"landlord"_s);
        QVERIFY(ann && bob);
        auto annsPhone = connected();
        QVERIFY(annsPhone && annsPhone->logIn(u"ann@example.org"_s));
        auto bobsPhone = resumed(bob->token());
        QVERIFY(bobsPhone);

        const QString conversation = start(*ann, u"bob@example.org"_s);
        QVERIFY(!conversation.isEmpty());
        QVERIFY(bob->waitForPush(u"chat.conversation"_s));
        QVERIFY(bobsPhone->waitForPush(u"chat.conversation"_s));

        const auto fromAnn = send(*ann, conversation, newMessageId(), u"to all of Bob's devices"_s);
        QVERIFY(fromAnn);
        for (TestClient *client : { bob.get(), bobsPhone.get(), annsPhone.get() }) {
            const auto pushed = client->waitForPush(u"chat.message"_s);
            QVERIFY(pushed);
            QCOMPARE(pushed->value(u"message"_s).toObject(), *fromAnn);
        }

        const auto fromBob = send(*bobsPhone, conversation, newMessageId(), u"from the phone"_s);
        QVERIFY(fromBob);
        for (TestClient *client : { ann.get(), annsPhone.get(), bob.get() }) {
            const auto pushed = client->waitForPush(u"chat.message"_s);
            QVERIFY(pushed);
            QCOMPARE(pushed->value(u"message"_s).toObject(), *fromBob);
        }
        for (TestClient *client : { ann.get(), annsPhone.get(), bob.get(), bobsPhone.get() }) {
            QVERIFY(client->sync());
            QCOMPARE(client->pushCount(u"chat.message"_s), 0);
        }

        // Ann reads Bob's message on her laptop: both of Bob's connections hear of it.
        QVERIFY(isOk(ann->call(u"chat.read"_s, { { u"conversationId"_s, conversation }, { u"upToSeq"_s, 2 } })));
        for (TestClient *client : { bob.get(), bobsPhone.get() }) {
            const auto receipt = client->waitForPush(u"chat.receipt"_s);
            QVERIFY(receipt);
            QCOMPARE(receipt->value(u"userId"_s).toString(), ann->userId());
            QCOMPARE(receipt->value(u"readUpTo"_s).toInteger(), 2);
        }

        // Ann's phone logs out, Bob's laptop closes: neither hears of the next message.
        QVERIFY(isOk(annsPhone->call(u"logout"_s)));
        bob->socket().close();
        QVERIFY(bob->waitForClose());
        const auto later = send(*ann, conversation, newMessageId(), u"only the phone is on"_s);
        QVERIFY(later);
        QCOMPARE(pushedMessage(*bobsPhone), *later);
        QVERIFY(annsPhone->sync());
        QCOMPARE(annsPhone->pushCount(u"chat.message"_s), 0);
        QCOMPARE(errorCode(annsPhone->call(u"chat.list"_s)), u"not_logged_in"_s);
    }
};

QTEST_GUILESS_MAIN(TestServerChat)
#include "tst_serverchat.moc"
