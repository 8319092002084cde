// SPDX-License-Identifier: GPL-3.0-or-later
#include "net/connection/serverconnection.h"
#include "net/protocol/message.h"
#include "tests/server/serverprocess.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTest>
#include <QWebSocketServer>

#include <csignal>
#include <memory>

using namespace Qt::StringLiterals;
using namespace rentdesk;
using net::connection::Failure;
using net::connection::Reply;
using net::connection::ServerConnection;
using test::ServerProcess;
using test::TestClient;
using State = ServerConnection::State;
using std::chrono::milliseconds;

namespace {

const QString password = u"correct horse battery"_s;

// A feature client of the test's own, as chat is and sync will be: it asks through request()
// and listens through subscribe(), and keeps what it got under its own tags.
class Feature final : public QObject
{
public:
    explicit Feature(ServerConnection &connection)
        : m_connection(connection)
    {
    }
    void ask(const QString &tag, const QString &type, const QJsonObject &body = {})
    {
        m_connection.request(type, body, this, [this, tag](const Reply &reply) { replies[tag].append(reply); });
    }
    void listen(const QString &type)
    {
        m_connection.subscribe(type, this, [this, type](const QJsonObject &body) { pushes[type].append(body); });
    }
    // The one answer under tag, or nullopt when there is none (or more than one).
    [[nodiscard]] std::optional<Reply> only(const QString &tag) const
    {
        const QList<Reply> answers = replies.value(tag);
        return answers.size() == 1 ? std::optional(answers.constFirst()) : std::nullopt;
    }

    QHash<QString, QList<Reply>> replies;
    QHash<QString, QList<QJsonObject>> pushes;

private:
    ServerConnection &m_connection;
};

bool failedWith(const std::optional<Reply> &reply, Failure::Kind kind)
{
    return reply && !*reply && reply->error().kind == kind;
}

// A loopback port free now, so that a test can restart the server where its clients look.
quint16 freePort()
{
    QTcpServer probe;
    return probe.listen(QHostAddress::LocalHost, 0) ? probe.serverPort() : 0;
}

net::protocol::UserJson userOf(const TestClient &client, const QString &email)
{
    net::protocol::UserJson user;
    user.id = QUuid::fromString(client.userId());
    user.email = email;
    return user;
}

// The server process paused (SIGSTOP): its sockets stay open and nothing is answered, as with
// a server that hangs. Let go on destruction, so that it can be stopped.
class Paused
{
public:
    explicit Paused(ServerProcess &server)
        : m_pid(server.process().processId())
    {
        ::kill(pid_t(m_pid), SIGSTOP);
    }
    ~Paused() { resume(); }
    Q_DISABLE_COPY_MOVE(Paused)
    void resume()
    {
        if (const qint64 pid = std::exchange(m_pid, 0); pid != 0)
            ::kill(pid_t(pid), SIGCONT);
    }
    // The process was killed: there is nothing to let go.
    void forget() { m_pid = 0; }

private:
    qint64 m_pid;
};

} // namespace

// ServerConnection against the real rentdesk-server on loopback (and, for what a real server
// does not do, listeners of the test's own): hello and its limits, the account's session,
// reconnecting with backoff, the reply timeout, and several feature clients on one
// connection, each with its own replies and pushes, requests that wait for the session, and
// requests that fail, once, rather than vanish.
class TestServerConnection final : public QObject
{
    Q_OBJECT

    quint16 port = 0;
    std::unique_ptr<ServerProcess> server;

    std::unique_ptr<ServerConnection> makeConnection()
    {
        auto connection = std::make_unique<ServerConnection>();
        connection->setBackoff({ milliseconds(50), milliseconds(400) });
        connection->setServerUrl(server->url());
        return connection;
    }

    static bool signUpAndLogIn(ServerConnection &connection, const QString &email)
    {
        QSignalSpy signedUp(&connection, &ServerConnection::signedUp);
        QSignalSpy failed(&connection, &ServerConnection::signUpFailed);
        connection.signUp(email, u"Ann"_s, password, models::domain::Role::Renter, models::domain::Language::English);
        if (!QTest::qWaitFor([&] { return !signedUp.isEmpty() || !failed.isEmpty(); }, 30000) || signedUp.isEmpty())
            return false;
        QSignalSpy signedIn(&connection, &ServerConnection::signedIn);
        connection.logIn(email, password);
        return signedIn.wait(30000) && connection.state() == State::Online;
    }

private Q_SLOTS:
    void init()
    {
        port = freePort();
        QVERIFY(port != 0);
        server = std::make_unique<ServerProcess>(QStringList { u"--listen"_s, u"127.0.0.1:%1"_s.arg(port) });
        QVERIFY2(server->start(), qPrintable(server->errorString()));
        QCOMPARE(server->url().port(), int(port));
    }
    void cleanup() { server.reset(); }

    void signUpLogInAndLogOut()
    {
        auto connection = makeConnection();
        QSignalSpy states(connection.get(), &ServerConnection::stateChanged);
        QSignalSpy signedIn(connection.get(), &ServerConnection::signedIn);
        QVERIFY(signUpAndLogIn(*connection, u"ann@example.org"_s));
        QCOMPARE(states.constLast().at(0).value<State>(), State::Online);
        QVERIFY(connection->hasSession());
        const QString token = signedIn.at(0).at(1).toString();
        QCOMPARE(connection->token(), token);
        QCOMPARE(connection->user().email, u"ann@example.org"_s);
        QVERIFY(!connection->user().id.isNull());

        QSignalSpy ended(connection.get(), &ServerConnection::sessionEnded);
        connection->logOut();
        QCOMPARE(ended.size(), 1);
        QVERIFY(!connection->hasSession());
        QVERIFY(connection->user().id.isNull());
        QTRY_COMPARE_WITH_TIMEOUT(connection->state(), State::Offline, 10000);
        // The server heard it: the token is revoked.
        TestClient other;
        QVERIFY(other.open(server->url()) && other.hello());
        QVERIFY(!other.resume(token));

        QSignalSpy failed(connection.get(), &ServerConnection::signInFailed);
        connection->logIn(u"ann@example.org"_s, u"not the password"_s);
        QVERIFY(failed.wait(30000));
        QCOMPARE(failed.at(0).at(0).value<net::protocol::Error>().code, u"wrong_credentials"_s);
        QVERIFY(!connection->hasSession());
        QCOMPARE(connection->state(), State::Offline);
    }

    void helloAnnouncesTheServersLimits()
    {
        server = std::make_unique<ServerProcess>(
            QStringList { u"--ping-seconds"_s, u"7"_s, u"--max-message-bytes"_s, u"100000"_s });
        QVERIFY2(server->start(), qPrintable(server->errorString()));
        auto connection = makeConnection();
        QCOMPARE(connection->limits(), net::protocol::Limits()); // the protocol's, until told
        QVERIFY(signUpAndLogIn(*connection, u"ann@example.org"_s));
        QCOMPARE(connection->limits().pingSeconds, 7);
        QCOMPARE(connection->limits().maxMessageBytes, 100000);
        QCOMPARE(connection->limits().maxChatChars, 4000);
    }

    // A server that answers hello with another version is not tried again: it would say the
    // same.
    void aRefusedHelloStops()
    {
        QWebSocketServer fake(u"fake"_s, QWebSocketServer::NonSecureMode);
        QVERIFY(fake.listen(QHostAddress::LocalHost, 0));
        connect(&fake, &QWebSocketServer::newConnection, &fake, [&fake] {
            QWebSocket *socket = fake.nextPendingConnection();
            socket->setParent(&fake); // the caller's to delete: gone with the server
            connect(socket, &QWebSocket::textMessageReceived, socket, [socket](const QString &text) {
                const QString id = QJsonDocument::fromJson(text.toUtf8()).object().value(u"id"_s).toString();
                socket->sendTextMessage(QString::fromUtf8(net::protocol::errorReply(
                    id, net::protocol::Error::make(net::protocol::ErrorCode::UnsupportedVersion, u"No."_s))));
            });
        });
        auto connection = makeConnection();
        connection->setServerUrl(QUrl(u"ws://127.0.0.1:%1"_s.arg(fake.serverPort())));
        QSignalSpy problems(connection.get(), &ServerConnection::problem);
        QSignalSpy retrying(connection.get(), &ServerConnection::reconnecting);
        Feature feature(*connection);
        net::protocol::UserJson user;
        user.id = QUuid::createUuid();
        connection->setSession(u"AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"_s, user);
        feature.ask(u"list"_s, u"chat.list"_s);
        QTRY_COMPARE_WITH_TIMEOUT(connection->state(), State::Offline, 10000);
        QVERIFY(!problems.isEmpty());
        QVERIFY(problems.constFirst().at(0).toString().contains(u"refused this version"_s));
        QVERIFY(retrying.isEmpty());
        QTRY_VERIFY_WITH_TIMEOUT(failedWith(feature.only(u"list"_s), Failure::Kind::NotSent), 10000);
    }

    // The server goes away: the connection tries again after 50, 100, 200, 400, 400 ms (±20%),
    // resumes the session when the server is back, and starts the backoff afresh.
    void reconnectsWithBackoffAndResumes()
    {
        auto connection = makeConnection();
        QVERIFY(signUpAndLogIn(*connection, u"ann@example.org"_s));
        const QString token = connection->token();
        QSignalSpy retrying(connection.get(), &ServerConnection::reconnecting);
        QSignalSpy signedIn(connection.get(), &ServerConnection::signedIn);

        QCOMPARE(server->stop(), 0);
        QTRY_VERIFY_WITH_TIMEOUT(retrying.size() >= 5, 20000);
        QCOMPARE(connection->state(), State::Connecting);
        for (int attempt = 0; attempt < 5; ++attempt) {
            const double base = std::min(50.0 * (1 << attempt), 400.0);
            const auto delay = retrying.at(attempt).at(0).value<milliseconds>().count();
            QVERIFY2(delay >= std::floor(base * 0.8) && delay <= std::ceil(base * 1.2),
                     qPrintable(u"attempt %1 waited %2 ms"_s.arg(attempt).arg(delay)));
        }

        QVERIFY2(server->start(), qPrintable(server->errorString()));
        QTRY_COMPARE_WITH_TIMEOUT(connection->state(), State::Online, 20000);
        QVERIFY(signedIn.isEmpty()); // resumed, not logged in again
        QCOMPARE(connection->token(), token);
        Feature feature(*connection);
        feature.ask(u"list"_s, u"chat.list"_s);
        QTRY_VERIFY_WITH_TIMEOUT(feature.only(u"list"_s) && feature.only(u"list"_s)->has_value(), 10000);

        retrying.clear();
        server->kill();
        QVERIFY(retrying.wait(10000));
        QVERIFY(retrying.at(0).at(0).value<milliseconds>().count() <= 60);
    }

    // Asked while the connection is still being made: sent once the session is in force, in
    // the order asked, and never answered inside request().
    void requestsMadeBeforeTheSessionGoOutOnceItIs()
    {
        TestClient tom;
        QVERIFY(tom.open(server->url()) && tom.hello());
        QVERIFY(tom.signUpAndLogIn(u"tom@example.org"_s, u"Tom"_s, u"landlord"_s));
        TestClient annElsewhere;
        QVERIFY(annElsewhere.open(server->url()) && annElsewhere.hello());
        QVERIFY(annElsewhere.signUpAndLogIn(u"ann@example.org"_s, u"Ann"_s));

        auto connection = makeConnection();
        Feature feature(*connection);
        connection->setSession(annElsewhere.token(), userOf(annElsewhere, u"ann@example.org"_s));
        QCOMPARE(connection->state(), State::Connecting);
        feature.ask(u"start"_s, u"chat.start"_s, { { u"email"_s, u"tom@example.org"_s } });
        feature.ask(u"list"_s, u"chat.list"_s);
        QVERIFY(feature.replies.isEmpty());
        QTRY_VERIFY_WITH_TIMEOUT(feature.only(u"start"_s) && feature.only(u"list"_s), 20000);
        QCOMPARE(connection->state(), State::Online);
        QVERIFY(feature.only(u"start"_s)->has_value());
        // The list was asked after the start and sees its conversation.
        const QJsonArray conversations = feature.only(u"list"_s)->value().value(u"conversations"_s).toArray();
        QCOMPARE(conversations.size(), 1);

        // And during a log-in: asked right after logIn(), answered after signedIn().
        auto second = makeConnection();
        Feature other(*second);
        QSignalSpy signedIn(second.get(), &ServerConnection::signedIn);
        second->logIn(u"tom@example.org"_s, password);
        other.ask(u"list"_s, u"chat.list"_s);
        QTRY_VERIFY_WITH_TIMEOUT(other.only(u"list"_s), 30000);
        QCOMPARE(signedIn.size(), 1);
        QVERIFY(other.only(u"list"_s)->has_value());
    }

    // A request the server never answers because it went away fails once with ConnectionLost
    // (it is not sent again by itself); one asked while reconnecting waits for the next
    // connection.
    void requestsOutstandingWhenTheConnectionDropsFail()
    {
        auto connection = makeConnection();
        QVERIFY(signUpAndLogIn(*connection, u"ann@example.org"_s));
        Feature feature(*connection);
        {
            Paused paused(*server);
            feature.ask(u"lost"_s, u"chat.list"_s);
            server->kill(); // the socket ends with the process; nothing was answered
            paused.forget();
        }
        QTRY_VERIFY_WITH_TIMEOUT(failedWith(feature.only(u"lost"_s), Failure::Kind::ConnectionLost), 10000);
        QCOMPARE(connection->state(), State::Connecting);

        feature.ask(u"later"_s, u"chat.list"_s);
        QVERIFY(feature.replies.value(u"later"_s).isEmpty());
        QVERIFY2(server->start(), qPrintable(server->errorString()));
        QTRY_VERIFY_WITH_TIMEOUT(feature.only(u"later"_s), 20000);
        QVERIFY(feature.only(u"later"_s)->has_value());
        QCOMPARE(feature.replies.value(u"lost"_s).size(), 1);
    }

    // A server that stops answering: after the reply timeout the request fails, the connection
    // is made again, and once the server answers again it is online by itself.
    void aReplyThatDoesNotComeDropsTheConnection()
    {
        auto connection = makeConnection();
        QVERIFY(signUpAndLogIn(*connection, u"ann@example.org"_s));
        connection->setReplyTimeout(milliseconds(500));
        Feature feature(*connection);
        QSignalSpy problems(connection.get(), &ServerConnection::problem);
        QSignalSpy retrying(connection.get(), &ServerConnection::reconnecting);
        Paused paused(*server);
        feature.ask(u"list"_s, u"chat.list"_s);
        QTRY_VERIFY_WITH_TIMEOUT(failedWith(feature.only(u"list"_s), Failure::Kind::ConnectionLost), 10000);
        QVERIFY(!problems.isEmpty());
        QVERIFY(problems.constFirst().at(0).toString().contains(u"did not answer in time"_s));
        QVERIFY(!retrying.isEmpty());
        QVERIFY(connection->state() != State::Online);

        paused.resume();
        QTRY_COMPARE_WITH_TIMEOUT(connection->state(), State::Online, 20000);
        QVERIFY(connection->hasSession());
    }

    // Nothing answers the opening handshake (a hung server or a black hole): given up after
    // the timeout and tried again, instead of waiting for ever.
    void aHandshakeThatDoesNotComeIsTriedAgain()
    {
        QTcpServer silent;
        QVERIFY(silent.listen(QHostAddress::LocalHost, 0));
        QSignalSpy accepted(&silent, &QTcpServer::newConnection);
        auto connection = makeConnection();
        connection->setReplyTimeout(milliseconds(300));
        connection->setServerUrl(QUrl(u"ws://127.0.0.1:%1"_s.arg(silent.serverPort())));
        QSignalSpy problems(connection.get(), &ServerConnection::problem);
        net::protocol::UserJson user;
        user.id = QUuid::createUuid();
        connection->setSession(u"AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"_s, user);
        QTRY_VERIFY_WITH_TIMEOUT(accepted.size() >= 2, 10000);
        QVERIFY(!problems.isEmpty());
        QCOMPARE(connection->state(), State::Connecting);
    }

    // Two features on one connection, as chat and sync will be: each gets the replies to its
    // own requests and the pushes of the types it subscribed to; a feature that is gone gets
    // nothing.
    void twoFeaturesShareOneConnection()
    {
        TestClient tom;
        QVERIFY(tom.open(server->url()) && tom.hello());
        QVERIFY(tom.signUpAndLogIn(u"tom@example.org"_s, u"Tom"_s, u"landlord"_s));
        auto connection = makeConnection();
        QVERIFY(signUpAndLogIn(*connection, u"ann@example.org"_s));

        Feature chat(*connection);
        Feature sync(*connection);
        chat.listen(u"chat.conversation"_s);
        sync.listen(u"chat.message"_s);
        chat.listen(u"chat.receipt"_s);
        sync.listen(u"chat.receipt"_s);
        int afterDeath = 0;
        auto gone = std::make_unique<QObject>();
        connection->subscribe(u"chat.message"_s, gone.get(), [&afterDeath](const QJsonObject &) { ++afterDeath; });
        connection->request(u"chat.list"_s, {}, gone.get(), [&afterDeath](const Reply &) { ++afterDeath; });
        gone.reset();

        chat.ask(u"start"_s, u"chat.start"_s, { { u"email"_s, u"tom@example.org"_s } });
        sync.ask(u"list"_s, u"chat.list"_s);
        QTRY_VERIFY_WITH_TIMEOUT(chat.only(u"start"_s) && sync.only(u"list"_s), 10000);
        QVERIFY(chat.only(u"start"_s)->has_value());
        QVERIFY(sync.only(u"list"_s)->has_value());
        QVERIFY(chat.only(u"start"_s)->value().contains(u"conversation"_s));
        QVERIFY(sync.only(u"list"_s)->value().contains(u"conversations"_s));
        QVERIFY(!chat.replies.contains(u"list"_s));
        QVERIFY(!sync.replies.contains(u"start"_s));
        const QString conversation =
            chat.only(u"start"_s)->value().value(u"conversation"_s).toObject().value(u"id"_s).toString();

        // Tom writes: the message is sync's (it subscribed), not chat's.
        auto sent = tom.call(u"chat.send"_s,
                             { { u"conversationId"_s, conversation },
                               { u"messageId"_s, QUuid::createUuid().toString(QUuid::WithoutBraces) },
                               { u"text"_s, u"Hello"_s } });
        QVERIFY(sent && sent->value(u"ok"_s).toBool());
        QTRY_COMPARE_WITH_TIMEOUT(sync.pushes.value(u"chat.message"_s).size(), 1, 10000);
        // Tom starts another conversation with Ann: that push is chat's.
        auto started = tom.call(u"chat.start"_s,
                                { { u"email"_s, u"ann@example.org"_s },
                                  { u"about"_s,
                                    QJsonObject { { u"kind"_s, u"apartment"_s },
                                                  { u"id"_s, QUuid::createUuid().toString(QUuid::WithoutBraces) },
                                                  { u"title"_s, u"Nevsky 12"_s } } } });
        QVERIFY(started && started->value(u"ok"_s).toBool());
        QTRY_COMPARE_WITH_TIMEOUT(chat.pushes.value(u"chat.conversation"_s).size(), 1, 10000);
        // Ann answers, and Tom reads it: both subscribed to receipts, both hear it.
        chat.ask(u"send"_s, u"chat.send"_s,
                 { { u"conversationId"_s, conversation },
                   { u"messageId"_s, QUuid::createUuid().toString(QUuid::WithoutBraces) },
                   { u"text"_s, u"Hi Tom"_s } });
        QTRY_VERIFY_WITH_TIMEOUT(chat.only(u"send"_s), 10000);
        QCOMPARE(chat.only(u"send"_s)->value().value(u"message"_s).toObject().value(u"seq"_s).toInt(), 2);
        auto read = tom.call(u"chat.read"_s, { { u"conversationId"_s, conversation }, { u"upToSeq"_s, 2 } });
        QVERIFY(read && read->value(u"ok"_s).toBool());
        QTRY_COMPARE_WITH_TIMEOUT(chat.pushes.value(u"chat.receipt"_s).size(), 1, 10000);
        QTRY_COMPARE_WITH_TIMEOUT(sync.pushes.value(u"chat.receipt"_s).size(), 1, 10000);

        // A round trip after everything above: had anything been delivered to the feature
        // that is gone, it would have been by now.
        sync.ask(u"last"_s, u"chat.list"_s);
        QTRY_VERIFY_WITH_TIMEOUT(sync.only(u"last"_s), 10000);
        QCOMPARE(afterDeath, 0);
        QVERIFY(!chat.pushes.contains(u"chat.message"_s));
        QVERIFY(!sync.pushes.contains(u"chat.conversation"_s));
        QCOMPARE(sync.pushes.value(u"chat.message"_s).size(), 1);
    }

    // Without a session there is nothing to wait for: the request fails, but later, not
    // inside the call.
    void aRequestWithoutASessionFailsAfterTheCall()
    {
        auto connection = makeConnection();
        Feature feature(*connection);
        feature.ask(u"list"_s, u"chat.list"_s);
        QVERIFY(feature.replies.isEmpty());
        QTRY_VERIFY_WITH_TIMEOUT(failedWith(feature.only(u"list"_s), Failure::Kind::NotSent), 10000);
        QCOMPARE(connection->state(), State::Offline);
    }

    // ws:// across a network would carry the password in clear: refused before connecting.
    void wsAcrossTheNetworkIsRefused()
    {
        QVERIFY(ServerConnection::isSecureEnough(QUrl(u"ws://127.0.0.1:8765"_s)));
        QVERIFY(ServerConnection::isSecureEnough(QUrl(u"ws://localhost:8765"_s)));
        QVERIFY(ServerConnection::isSecureEnough(QUrl(u"ws://[::1]:8765"_s)));
        QVERIFY(ServerConnection::isSecureEnough(QUrl(u"wss://chat.example.org"_s)));
        QVERIFY(!ServerConnection::isSecureEnough(QUrl(u"ws://chat.example.org:8765"_s)));
        QVERIFY(!ServerConnection::isSecureEnough(QUrl(u"http://127.0.0.1:8765"_s)));

        ServerConnection connection;
        connection.setServerUrl(QUrl(u"ws://192.0.2.10:8765"_s)); // TEST-NET-1: nothing is ever sent there
        QSignalSpy failed(&connection, &ServerConnection::signInFailed);
        QSignalSpy signUpFailed(&connection, &ServerConnection::signUpFailed);
        QSignalSpy states(&connection, &ServerConnection::stateChanged);
        connection.logIn(u"ann@example.org"_s, password);
        QCOMPARE(failed.size(), 1); // at once, without trying
        QCOMPARE(failed.at(0).at(0).value<net::protocol::Error>().code, u"not_allowed"_s);
        QVERIFY(failed.at(0).at(0).value<net::protocol::Error>().message.contains(u"wss://"_s));
        QCOMPARE(connection.state(), State::Offline);
        connection.signUp(u"ann@example.org"_s, u"Ann"_s, password, models::domain::Role::Renter,
                          models::domain::Language::English);
        QCOMPARE(signUpFailed.size(), 1);
        QCOMPARE(signUpFailed.at(0).at(0).value<net::protocol::Error>().code, u"not_allowed"_s);
        for (const auto &change : states)
            QVERIFY(change.at(0).value<State>() != State::Connecting);
    }

    // A token the server does not know: the session ends, what waited for it fails, and the
    // connection stays offline instead of trying again.
    void anEndedSessionIsSaidSo()
    {
        auto connection = makeConnection();
        Feature feature(*connection);
        QSignalSpy ended(connection.get(), &ServerConnection::sessionEnded);
        QSignalSpy retrying(connection.get(), &ServerConnection::reconnecting);
        net::protocol::UserJson user;
        user.id = QUuid::createUuid();
        connection->setSession(u"AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"_s, user);
        feature.ask(u"list"_s, u"chat.list"_s);
        QVERIFY(ended.wait(10000));
        QVERIFY(!connection->hasSession());
        QTRY_COMPARE_WITH_TIMEOUT(connection->state(), State::Offline, 10000);
        QVERIFY(failedWith(feature.only(u"list"_s), Failure::Kind::NotSent));
        QVERIFY(retrying.isEmpty());
    }

    // The same session logged out elsewhere (another app of the person with the same kept
    // token): the server says session.ended on this connection, and it ends here too, with no
    // request needed to find out.
    void aSessionEndedByTheServerEndsHere()
    {
        auto connection = makeConnection();
        QVERIFY(signUpAndLogIn(*connection, u"ann@example.org"_s));
        TestClient elsewhere;
        QVERIFY(elsewhere.open(server->url()) && elsewhere.hello());
        QVERIFY(elsewhere.resume(connection->token()));
        QSignalSpy ended(connection.get(), &ServerConnection::sessionEnded);
        QVERIFY(elsewhere.call(u"logout"_s));
        QTRY_COMPARE_WITH_TIMEOUT(ended.size(), 1, 10000);
        QVERIFY(!connection->hasSession());
        QTRY_COMPARE_WITH_TIMEOUT(connection->state(), State::Offline, 10000);
    }
};

QTEST_GUILESS_MAIN(TestServerConnection)
#include "tst_serverconnection.moc"
