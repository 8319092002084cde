// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/services/clock.h"
#include "net/chat/chatclient.h"
#include "net/connection/serverconnection.h"
#include "tests/server/serverprocess.h"
#include "tests/support/testsupport.h"

#include <QJsonArray>
#include <QSet>
#include <QSignalSpy>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace rentdesk;
using net::chat::ChatClient;
using net::connection::ServerConnection;
using test::ServerProcess;

namespace {

const QString password = u"correct horse battery"_s;

// A desktop app's chat side: its own local database, its connection to the server and a
// ChatClient on both.
struct App
{
    test::TempDatabase db;
    models::services::SystemClock clock;
    std::unique_ptr<ServerConnection> connection;
    std::unique_ptr<ChatClient> client;

    explicit App(const QUrl &server) { reopen(server); }
    // The app restarting: a new connection and client on the same database.
    void reopen(const QUrl &server)
    {
        client.reset();
        connection = std::make_unique<ServerConnection>();
        connection->setBackoff({ std::chrono::milliseconds(50), std::chrono::milliseconds(400) });
        connection->setServerUrl(server);
        client = std::make_unique<ChatClient>(*connection, db.shared(), clock);
    }
};

bool signUpAndLogIn(ServerConnection &connection, const QString &email, const QString &name, models::domain::Role role)
{
    QSignalSpy signedUp(&connection, &ServerConnection::signedUp);
    QSignalSpy failed(&connection, &ServerConnection::signUpFailed);
    connection.signUp(email, name, password, role, models::domain::Language::English);
    if (!QTest::qWaitFor([&] { return !signedUp.isEmpty() || !failed.isEmpty(); }, 30000) || signedUp.isEmpty())
        return false;
    QSignalSpy signedIn(&connection, &ServerConnection::signedIn);
    connection.logIn(email, password);
    return signedIn.wait(30000) && connection.state() == ServerConnection::State::Online;
}

bool waitOnline(ServerConnection &connection)
{
    return QTest::qWaitFor([&] { return connection.state() == ServerConnection::State::Online; }, 20000);
}

// The conversation `from` starts with the person of this e-mail; null when none came.
QUuid startConversation(App &from, const QString &email,
                        const std::optional<net::protocol::About> &about = std::nullopt)
{
    QSignalSpy started(from.client.get(), &ChatClient::conversationStarted);
    from.client->startConversation(email, about);
    if (!started.wait(10000))
        return {};
    return started.at(0).at(0).value<net::protocol::ConversationJson>().id;
}

QStringList texts(const QSignalSpy &spy)
{
    QStringList result;
    for (const auto &arguments : spy)
        result << arguments.at(0).value<net::protocol::ChatMessageJson>().text;
    return result;
}

} // namespace

// ChatClient on a ServerConnection against the real rentdesk-server: chat both ways with
// delivered and read receipts, catch-up after a reconnect, and the unsent queue in the local
// database surviving both a server that went away and a restart of the app. (The connection's
// own behaviour, log-in and reconnecting, is tests/connection's.)
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
        QVERIFY(signUpAndLogIn(*ann.connection, u"ann@example.org"_s, u"Ann"_s, models::domain::Role::Renter));
        QVERIFY(signUpAndLogIn(*irina.connection, u"irina@example.org"_s, u"Ирина"_s, models::domain::Role::Landlord));

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
        QCOMPARE(arrived.at(0).at(0).value<net::protocol::ChatMessageJson>().senderId, ann.connection->user().id);
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
        QVERIFY(signUpAndLogIn(*ann.connection, u"ann@example.org"_s, u"Ann"_s, models::domain::Role::Renter));
        QVERIFY(signUpAndLogIn(*tom.connection, u"tom@example.org"_s, u"Tom"_s, models::domain::Role::Landlord));
        const QUuid conversation = startConversation(ann, u"tom@example.org"_s);
        QVERIFY(!conversation.isNull());
        QSignalSpy sent(ann.client.get(), &ChatClient::messageSent);
        QVERIFY(ann.client->send(conversation, u"before"_s));
        QVERIFY(sent.wait(10000));

        QCOMPARE(server->stop(), 0);
        QTRY_VERIFY_WITH_TIMEOUT(ann.connection->state() != ServerConnection::State::Online, 10000);
        auto queued = ann.client->send(conversation, u"typed offline"_s);
        QVERIFY(queued);
        QCOMPARE(ann.client->pending().size(), 1);

        // Ann's app restarts, still offline, with the session it kept: the message is still
        // queued, and the app keeps trying the server.
        const QString token = ann.connection->token();
        const net::protocol::UserJson user = ann.connection->user();
        ann.reopen(server->url());
        QSignalSpy retrying(ann.connection.get(), &ServerConnection::reconnecting);
        ann.connection->setSession(token, user);
        QCOMPARE(ann.client->pending().size(), 1);
        QCOMPARE(ann.client->pending().at(0).messageId, queued->messageId);
        QVERIFY(retrying.wait(10000));
        QCOMPARE(ann.connection->state(), ServerConnection::State::Connecting);

        QVERIFY2(server->start(), qPrintable(server->errorString()));
        QSignalSpy sentAgain(ann.client.get(), &ChatClient::messageSent);
        ann.connection->setServerUrl(server->url());
        QVERIFY(waitOnline(*ann.connection));
        QVERIFY(sentAgain.wait(10000) || !sentAgain.isEmpty());
        QCOMPARE(sentAgain.at(0).at(0).value<net::protocol::ChatMessageJson>().id, queued->messageId);
        QCOMPARE(sentAgain.at(0).at(0).value<net::protocol::ChatMessageJson>().seq, 2);
        QVERIFY(ann.client->pending().isEmpty());

        // Tom reconnects (the port is new) and catches up: the message once, nothing twice.
        QSignalSpy tomArrived(tom.client.get(), &ChatClient::messageReceived);
        QSignalSpy history(tom.client.get(), &ChatClient::historyLoaded);
        tom.connection->setServerUrl(server->url());
        tom.connection->connectToServer();
        QVERIFY(waitOnline(*tom.connection));
        tom.client->loadHistory(conversation, std::nullopt);
        QVERIFY(history.wait(10000));
        const auto messages = history.at(0).at(1).value<QList<net::protocol::ChatMessageJson>>();
        QCOMPARE(messages.size(), 2);
        QCOMPARE(messages.at(1).text, u"typed offline"_s);
        QCOMPARE(messages.at(1).id, queued->messageId);
    }

    // A long queue typed offline goes out when the server is back, all of it and each once:
    // no more sends in flight than the server lets a connection have waiting.
    void aLongOfflineQueueIsSentInFull()
    {
        App ann(server->url());
        App tom(server->url());
        QVERIFY(signUpAndLogIn(*ann.connection, u"ann@example.org"_s, u"Ann"_s, models::domain::Role::Renter));
        QVERIFY(signUpAndLogIn(*tom.connection, u"tom@example.org"_s, u"Tom"_s, models::domain::Role::Landlord));
        const QUuid conversation = startConversation(ann, u"tom@example.org"_s);
        QVERIFY(!conversation.isNull());

        QCOMPARE(server->stop(), 0);
        QTRY_VERIFY_WITH_TIMEOUT(ann.connection->state() != ServerConnection::State::Online, 10000);
        for (int i = 0; i < 150; ++i)
            QVERIFY(ann.client->send(conversation, u"message %1"_s.arg(i)));
        QCOMPARE(ann.client->pending().size(), 150);

        QSignalSpy sent(ann.client.get(), &ChatClient::messageSent);
        QSignalSpy failed(ann.client.get(), &ChatClient::requestFailed);
        QSignalSpy refused(ann.client.get(), &ChatClient::messageRefused);
        QVERIFY2(server->start(), qPrintable(server->errorString()));
        ann.connection->setServerUrl(server->url());
        QTRY_COMPARE_WITH_TIMEOUT(sent.size(), 150, 60000);
        QVERIFY2(failed.isEmpty(), qPrintable(failed.isEmpty() ? QString() : failed.at(0).at(0).toString()));
        QVERIFY(refused.isEmpty());
        QVERIFY(ann.client->pending().isEmpty());
        QList<qint64> seqs;
        for (const auto &arguments : sent)
            seqs << arguments.at(0).value<net::protocol::ChatMessageJson>().seq;
        std::sort(seqs.begin(), seqs.end());
        QCOMPARE(seqs.constFirst(), 1);
        QCOMPARE(seqs.constLast(), 150); // each stored once: no gaps, no repeats
    }

    // The conversation list comes in pages, by count and by bytes; the client reads them all
    // before it shows the list.
    void theConversationListIsReadPageByPage()
    {
        // A small queue limit makes a page hold about two conversations with long messages.
        ServerProcess small({ u"--max-queued-bytes"_s, u"16384"_s });
        QVERIFY2(small.start(), qPrintable(small.errorString()));
        App ann(small.url());
        App tom(small.url());
        QVERIFY(signUpAndLogIn(*ann.connection, u"ann@example.org"_s, u"Ann"_s, models::domain::Role::Renter));
        QVERIFY(signUpAndLogIn(*tom.connection, u"tom@example.org"_s, u"Tom"_s, models::domain::Role::Landlord));
        QSet<QUuid> conversations;
        for (int i = 0; i < 7; ++i) {
            net::protocol::About about;
            about.id = QUuid::createUuid();
            about.title = u"Flat %1"_s.arg(i);
            const QUuid id = startConversation(ann, u"tom@example.org"_s, about);
            QVERIFY(!id.isNull());
            conversations.insert(id);
            QSignalSpy sent(ann.client.get(), &ChatClient::messageSent);
            QVERIFY(ann.client->send(id, QString(4000, QChar(u'ж'))));
            QVERIFY(sent.wait(10000));
        }
        QSignalSpy loaded(tom.client.get(), &ChatClient::conversationsLoaded);
        tom.client->refreshConversations();
        QVERIFY(loaded.wait(20000));
        QCOMPARE(loaded.size(), 1); // once, with every page
        const auto list = loaded.at(0).at(0).value<QList<net::protocol::ConversationJson>>();
        QSet<QUuid> listed;
        for (const auto &conversation : list)
            listed.insert(conversation.id);
        QCOMPARE(list.size(), 7);
        QCOMPARE(listed, conversations);
    }

    // While the other app is offline the server stores; on its reconnect it gets what it
    // missed, in order, without asking.
    void aReconnectingAppCatchesUp()
    {
        App ann(server->url());
        App tom(server->url());
        QVERIFY(signUpAndLogIn(*ann.connection, u"ann@example.org"_s, u"Ann"_s, models::domain::Role::Renter));
        QVERIFY(signUpAndLogIn(*tom.connection, u"tom@example.org"_s, u"Tom"_s, models::domain::Role::Landlord));
        const QUuid conversation = startConversation(ann, u"tom@example.org"_s);
        QVERIFY(!conversation.isNull());
        QSignalSpy tomArrived(tom.client.get(), &ChatClient::messageReceived);
        QSignalSpy sent(ann.client.get(), &ChatClient::messageSent);
        QVERIFY(ann.client->send(conversation, u"one"_s));
        QTRY_COMPARE_WITH_TIMEOUT(tomArrived.size(), 1, 10000);

        tom.connection->stop();
        QTRY_COMPARE_WITH_TIMEOUT(tom.connection->state(), ServerConnection::State::Offline, 10000);
        QVERIFY(ann.client->send(conversation, u"two"_s));
        QVERIFY(ann.client->send(conversation, u"three"_s));
        QTRY_COMPARE_WITH_TIMEOUT(sent.size(), 3, 10000);

        // Tom read the first one while offline: the mark goes out when he is back.
        QSignalSpy annReceipts(ann.client.get(), &ChatClient::receiptReceived);
        tom.client->markRead(conversation, 1);
        tom.connection->connectToServer();
        QVERIFY(waitOnline(*tom.connection));
        QTRY_COMPARE_WITH_TIMEOUT(tomArrived.size(), 3, 10000);
        QCOMPARE(texts(tomArrived), (QStringList { u"one"_s, u"two"_s, u"three"_s }));
        QTRY_VERIFY_WITH_TIMEOUT(!annReceipts.isEmpty() && annReceipts.last().at(3).toLongLong() == 1, 10000);
        // and everything that arrived is acknowledged as delivered.
        QTRY_VERIFY_WITH_TIMEOUT(annReceipts.last().at(2).toLongLong() == 3, 10000);
    }

    // Chat's state belongs to the connection's account: a read mark Ann made offline is not
    // sent when Tom signs in on the same app (the server would refuse it: not his conversation).
    // And a client made on a connection that is online already does its connection work.
    void anotherAccountStartsAfresh()
    {
        App ann(server->url());
        App irina(server->url());
        QVERIFY(signUpAndLogIn(*irina.connection, u"irina@example.org"_s, u"Irina"_s, models::domain::Role::Landlord));
        QVERIFY(signUpAndLogIn(*ann.connection, u"tom@example.org"_s, u"Tom"_s, models::domain::Role::Landlord));
        QVERIFY(signUpAndLogIn(*ann.connection, u"ann@example.org"_s, u"Ann"_s, models::domain::Role::Renter));
        const QUuid conversation = startConversation(ann, u"irina@example.org"_s);
        QVERIFY(!conversation.isNull());
        QSignalSpy arrived(ann.client.get(), &ChatClient::messageReceived);
        QVERIFY(irina.client->send(conversation, u"Привет"_s));
        QTRY_COMPARE_WITH_TIMEOUT(arrived.size(), 1, 10000);

        ann.connection->stop();
        QTRY_COMPARE_WITH_TIMEOUT(ann.connection->state(), ServerConnection::State::Offline, 10000);
        ann.client->markRead(conversation, 1);
        QSignalSpy failed(ann.client.get(), &ChatClient::requestFailed);
        QSignalSpy loaded(ann.client.get(), &ChatClient::conversationsLoaded);
        QSignalSpy signedIn(ann.connection.get(), &ServerConnection::signedIn);
        ann.connection->logIn(u"tom@example.org"_s, password);
        QVERIFY(signedIn.wait(30000));
        QTRY_COMPARE_WITH_TIMEOUT(loaded.size(), 1, 10000);
        // A round trip after whatever went out on coming online: its answer comes after theirs.
        ann.client->refreshConversations();
        QTRY_COMPARE_WITH_TIMEOUT(loaded.size(), 2, 10000);
        QVERIFY2(failed.isEmpty(), qPrintable(failed.isEmpty() ? QString() : failed.at(0).at(0).toString()));

        ChatClient late(*irina.connection, irina.db.shared(), irina.clock);
        QSignalSpy lateLoaded(&late, &ChatClient::conversationsLoaded);
        QVERIFY(lateLoaded.wait(10000));
        QCOMPARE(lateLoaded.at(0).at(0).value<QList<net::protocol::ConversationJson>>().size(), 1);
    }

    void badInputIsRefusedWithItsReason()
    {
        App ann(server->url());
        QVERIFY(signUpAndLogIn(*ann.connection, u"ann@example.org"_s, u"Ann"_s, models::domain::Role::Renter));
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
    }
};

QTEST_GUILESS_MAIN(TestChatClient)
#include "tst_chatclient.moc"
