// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/services/clock.h"
#include "net/chat/chatclient.h"
#include "tests/server/serverprocess.h"
#include "tests/support/testsupport.h"

#include <QJsonArray>
#include <QSignalSpy>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace rentdesk;
using net::chat::ChatClient;
using test::ServerProcess;

namespace {

const QString password = u"correct horse battery"_s;

// A desktop app's chat side: its own local database and a ChatClient on it.
struct App
{
    test::TempDatabase db;
    models::services::SystemClock clock;
    std::unique_ptr<ChatClient> client;

    explicit App(const QUrl &server) { reopen(server); }
    // The app restarting: a new client on the same database.
    void reopen(const QUrl &server)
    {
        client.reset();
        client = std::make_unique<ChatClient>(db.shared(), clock);
        client->setBackoff({ std::chrono::milliseconds(50), std::chrono::milliseconds(400) });
        client->setServerUrl(server);
    }
};

bool signUpAndLogIn(ChatClient &client, const QString &email, const QString &name, models::domain::Role role)
{
    QSignalSpy signedUp(&client, &ChatClient::signedUp);
    QSignalSpy failed(&client, &ChatClient::requestFailed);
    client.signUp(email, name, password, role, models::domain::Language::English);
    if (!QTest::qWaitFor([&] { return !signedUp.isEmpty() || !failed.isEmpty(); }, 30000) || signedUp.isEmpty())
        return false;
    QSignalSpy signedIn(&client, &ChatClient::signedIn);
    client.logIn(email, password);
    return signedIn.wait(30000) && client.state() == ChatClient::State::Online;
}

bool waitOnline(ChatClient &client)
{
    return QTest::qWaitFor([&] { return client.state() == ChatClient::State::Online; }, 20000);
}

QStringList texts(const QSignalSpy &spy)
{
    QStringList result;
    for (const auto &arguments : spy)
        result << arguments.at(0).value<net::protocol::ChatMessageJson>().text;
    return result;
}

} // namespace

// ChatClient against the real rentdesk-server: sign-up and log-in, chat both ways with
// delivered and read receipts, and the unsent queue in the local database surviving both a
// server that went away and a restart of the app.
class TestChatClient final : public QObject
{
    Q_OBJECT

    std::unique_ptr<ServerProcess> server;

private Q_SLOTS:
    void init()
    {
        server = std::make_unique<ServerProcess>();
        QVERIFY2(server->start(), qPrintable(server->errorString()));
    }
    void cleanup() { server.reset(); }

    void chatBothWaysWithReceipts()
    {
        App ann(server->url());
        App irina(server->url());
        QVERIFY(signUpAndLogIn(*ann.client, u"ann@example.org"_s, u"Ann"_s, models::domain::Role::Renter));
        QVERIFY(signUpAndLogIn(*irina.client, u"irina@example.org"_s, u"Ирина"_s, models::domain::Role::Landlord));

        QSignalSpy started(ann.client.get(), &ChatClient::conversationStarted);
        QSignalSpy offered(irina.client.get(), &ChatClient::conversationStarted);
        net::protocol::About about;
        about.id = QUuid::createUuid();
        about.title = u"Nevsky 12, flat 3"_s;
        ann.client->startConversation(u"IRINA@example.org"_s, about);
        QVERIFY(started.wait(10000));
        const auto conversation = started.at(0).at(0).value<net::protocol::ConversationJson>();
        QCOMPARE(conversation.peer.displayName, u"Ирина"_s);
        QCOMPARE(conversation.about->title, about.title);
        QTRY_COMPARE_WITH_TIMEOUT(offered.size(), 1, 10000);

        QSignalSpy sent(ann.client.get(), &ChatClient::messageSent);
        QSignalSpy arrived(irina.client.get(), &ChatClient::messageReceived);
        QSignalSpy annReceipts(ann.client.get(), &ChatClient::receiptReceived);
        auto queued = ann.client->send(conversation.id, u"Is it free in March?"_s);
        QVERIFY(queued);
        QVERIFY(sent.wait(10000));
        const auto stored = sent.at(0).at(0).value<net::protocol::ChatMessageJson>();
        QCOMPARE(stored.id, queued->messageId);
        QCOMPARE(stored.seq, 1);
        QVERIFY(ann.client->pending().isEmpty());
        QTRY_COMPARE_WITH_TIMEOUT(arrived.size(), 1, 10000);
        QCOMPARE(arrived.at(0).at(0).value<net::protocol::ChatMessageJson>().senderId, ann.client->user().id);
        // Irina's app acknowledged it by itself: Ann hears it was delivered, not yet read.
        QTRY_VERIFY_WITH_TIMEOUT(!annReceipts.isEmpty(), 10000);
        QCOMPARE(annReceipts.last().at(2).toLongLong(), 1);
        QCOMPARE(annReceipts.last().at(3).toLongLong(), 0);

        irina.client->markRead(conversation.id, 1);
        QTRY_VERIFY_WITH_TIMEOUT(annReceipts.last().at(3).toLongLong() == 1, 10000);

        QSignalSpy annArrived(ann.client.get(), &ChatClient::messageReceived);
        QVERIFY(irina.client->send(conversation.id, u"Да, с первого марта."_s));
        QTRY_COMPARE_WITH_TIMEOUT(annArrived.size(), 1, 10000);
        QCOMPARE(texts(annArrived), QStringList { u"Да, с первого марта."_s });
        QCOMPARE(annArrived.at(0).at(0).value<net::protocol::ChatMessageJson>().seq, 2);
    }

    // The server goes away; a message typed meanwhile waits in the local database, survives
    // the app's restart, and reaches the other person once when the server is back.
    void typedOfflineIsSentOnceWhenTheServerIsBack()
    {
        App ann(server->url());
        App tom(server->url());
        QVERIFY(signUpAndLogIn(*ann.client, u"ann@example.org"_s, u"Ann"_s, models::domain::Role::Renter));
        QVERIFY(signUpAndLogIn(*tom.client, u"tom@example.org"_s, u"Tom"_s, models::domain::Role::Landlord));
        QSignalSpy started(ann.client.get(), &ChatClient::conversationStarted);
        ann.client->startConversation(u"tom@example.org"_s, std::nullopt);
        QVERIFY(started.wait(10000));
        const QUuid conversation = started.at(0).at(0).value<net::protocol::ConversationJson>().id;
        QSignalSpy sent(ann.client.get(), &ChatClient::messageSent);
        QVERIFY(ann.client->send(conversation, u"before"_s));
        QVERIFY(sent.wait(10000));

        QCOMPARE(server->stop(), 0);
        QTRY_VERIFY_WITH_TIMEOUT(ann.client->state() != ChatClient::State::Online, 10000);
        auto queued = ann.client->send(conversation, u"typed offline"_s);
        QVERIFY(queued);
        QCOMPARE(ann.client->pending().size(), 1);

        // Ann's app restarts, still offline, with the session it kept: the message is still
        // queued, and the app keeps trying the server.
        const QString token = ann.client->token();
        const net::protocol::UserJson user = ann.client->user();
        ann.reopen(server->url());
        QSignalSpy retrying(ann.client.get(), &ChatClient::reconnecting);
        ann.client->setSession(token, user);
        QCOMPARE(ann.client->pending().size(), 1);
        QCOMPARE(ann.client->pending().at(0).messageId, queued->messageId);
        QVERIFY(retrying.wait(10000));
        QCOMPARE(ann.client->state(), ChatClient::State::Connecting);

        QVERIFY2(server->start(), qPrintable(server->errorString()));
        QSignalSpy sentAgain(ann.client.get(), &ChatClient::messageSent);
        ann.client->setServerUrl(server->url());
        QVERIFY(waitOnline(*ann.client));
        QVERIFY(sentAgain.wait(10000) || !sentAgain.isEmpty());
        QCOMPARE(sentAgain.at(0).at(0).value<net::protocol::ChatMessageJson>().id, queued->messageId);
        QCOMPARE(sentAgain.at(0).at(0).value<net::protocol::ChatMessageJson>().seq, 2);
        QVERIFY(ann.client->pending().isEmpty());

        // Tom reconnects (the port is new) and catches up: the message once, nothing twice.
        QSignalSpy tomArrived(tom.client.get(), &ChatClient::messageReceived);
        QSignalSpy history(tom.client.get(), &ChatClient::historyLoaded);
        tom.client->setServerUrl(server->url());
        tom.client->connectToServer();
        QVERIFY(waitOnline(*tom.client));
        tom.client->loadHistory(conversation, std::nullopt);
        QVERIFY(history.wait(10000));
        const auto messages = history.at(0).at(1).value<QList<net::protocol::ChatMessageJson>>();
        QCOMPARE(messages.size(), 2);
        QCOMPARE(messages.at(1).text, u"typed offline"_s);
        QCOMPARE(messages.at(1).id, queued->messageId);
    }

    // While the other app is offline the server stores; on its reconnect it gets what it
    // missed, in order, without asking.
    void aReconnectingAppCatchesUp()
    {
        App ann(server->url());
        App tom(server->url());
        QVERIFY(signUpAndLogIn(*ann.client, u"ann@example.org"_s, u"Ann"_s, models::domain::Role::Renter));
        QVERIFY(signUpAndLogIn(*tom.client, u"tom@example.org"_s, u"Tom"_s, models::domain::Role::Landlord));
        QSignalSpy started(ann.client.get(), &ChatClient::conversationStarted);
        ann.client->startConversation(u"tom@example.org"_s, std::nullopt);
        QVERIFY(started.wait(10000));
        const QUuid conversation = started.at(0).at(0).value<net::protocol::ConversationJson>().id;
        QSignalSpy tomArrived(tom.client.get(), &ChatClient::messageReceived);
        QSignalSpy sent(ann.client.get(), &ChatClient::messageSent);
        QVERIFY(ann.client->send(conversation, u"one"_s));
        QTRY_COMPARE_WITH_TIMEOUT(tomArrived.size(), 1, 10000);

        tom.client->stop();
        QTRY_COMPARE_WITH_TIMEOUT(tom.client->state(), ChatClient::State::Offline, 10000);
        QVERIFY(ann.client->send(conversation, u"two"_s));
        QVERIFY(ann.client->send(conversation, u"three"_s));
        QTRY_COMPARE_WITH_TIMEOUT(sent.size(), 3, 10000);

        // Tom read the first one while offline: the mark goes out when he is back.
        QSignalSpy annReceipts(ann.client.get(), &ChatClient::receiptReceived);
        tom.client->markRead(conversation, 1);
        tom.client->connectToServer();
        QVERIFY(waitOnline(*tom.client));
        QTRY_COMPARE_WITH_TIMEOUT(tomArrived.size(), 3, 10000);
        QCOMPARE(texts(tomArrived), (QStringList { u"one"_s, u"two"_s, u"three"_s }));
        QTRY_VERIFY_WITH_TIMEOUT(!annReceipts.isEmpty() && annReceipts.last().at(3).toLongLong() == 1, 10000);
        // and everything that arrived is acknowledged as delivered.
        QTRY_VERIFY_WITH_TIMEOUT(annReceipts.last().at(2).toLongLong() == 3, 10000);
    }

    void badInputIsRefusedWithItsReason()
    {
        App ann(server->url());
        QVERIFY(signUpAndLogIn(*ann.client, u"ann@example.org"_s, u"Ann"_s, models::domain::Role::Renter));
        QSignalSpy failed(ann.client.get(), &ChatClient::requestFailed);
        ann.client->startConversation(u"nobody@example.org"_s, std::nullopt);
        QVERIFY(failed.wait(10000));
        QCOMPARE(failed.at(0).at(0).toString(), u"chat.start"_s);
        QCOMPARE(failed.at(0).at(1).value<net::protocol::Error>().code, u"not_found"_s);

        auto tooLong = ann.client->send(QUuid::createUuid(), QString(4001, u'x'));
        QVERIFY(!tooLong);
        QVERIFY(ann.client->pending().isEmpty());

        // A conversation that is not Ann's: refused for good, so it leaves the queue.
        QSignalSpy refused(ann.client.get(), &ChatClient::messageRefused);
        auto stray = ann.client->send(QUuid::createUuid(), u"hello?"_s);
        QVERIFY(stray);
        QVERIFY(refused.wait(10000));
        QCOMPARE(refused.at(0).at(0).toUuid(), stray->messageId);
        QCOMPARE(refused.at(0).at(1).value<net::protocol::Error>().code, u"not_found"_s);
        QVERIFY(ann.client->pending().isEmpty());

        QSignalSpy wrong(ann.client.get(), &ChatClient::signInFailed);
        App other(server->url());
        QSignalSpy otherWrong(other.client.get(), &ChatClient::signInFailed);
        other.client->logIn(u"ann@example.org"_s, u"not the password"_s);
        QVERIFY(otherWrong.wait(30000));
        QCOMPARE(otherWrong.at(0).at(0).value<net::protocol::Error>().code, u"wrong_credentials"_s);
        QVERIFY(!other.client->hasSession());
    }

    // ws:// across a network would carry the password in clear: refused before connecting.
    void wsAcrossTheNetworkIsRefused()
    {
        QVERIFY(ChatClient::isSecureEnough(QUrl(u"ws://127.0.0.1:8765"_s)));
        QVERIFY(ChatClient::isSecureEnough(QUrl(u"ws://localhost:8765"_s)));
        QVERIFY(ChatClient::isSecureEnough(QUrl(u"ws://[::1]:8765"_s)));
        QVERIFY(ChatClient::isSecureEnough(QUrl(u"wss://chat.example.org"_s)));
        QVERIFY(!ChatClient::isSecureEnough(QUrl(u"ws://chat.example.org:8765"_s)));
        QVERIFY(!ChatClient::isSecureEnough(QUrl(u"http://127.0.0.1:8765"_s)));

        App ann(QUrl(u"ws://192.0.2.10:8765"_s)); // TEST-NET-1: nothing is ever sent there
        QSignalSpy failed(ann.client.get(), &ChatClient::signInFailed);
        QSignalSpy states(ann.client.get(), &ChatClient::stateChanged);
        ann.client->logIn(u"ann@example.org"_s, password);
        QCOMPARE(failed.size(), 1); // at once, without trying
        QCOMPARE(failed.at(0).at(0).value<net::protocol::Error>().code, u"not_allowed"_s);
        QVERIFY(failed.at(0).at(0).value<net::protocol::Error>().message.contains(u"wss://"_s));
        QCOMPARE(ann.client->state(), ChatClient::State::Offline);
        for (const auto &change : states)
            QVERIFY(change.at(0).value<ChatClient::State>() != ChatClient::State::Connecting);
    }

    void anEndedSessionIsSaidSo()
    {
        App ann(server->url());
        QSignalSpy ended(ann.client.get(), &ChatClient::sessionEnded);
        net::protocol::UserJson user;
        user.id = QUuid::createUuid();
        ann.client->setSession(u"AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"_s, user);
        QVERIFY(ended.wait(10000));
        QVERIFY(!ann.client->hasSession());
        QTRY_COMPARE_WITH_TIMEOUT(ann.client->state(), ChatClient::State::Offline, 10000);
    }
};

QTEST_GUILESS_MAIN(TestChatClient)
#include "tst_chatclient.moc"
