// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/services/sessionservice.h"
#include "tests/server/serverprocess.h"
#include "tests/support/testsupport.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace rentdesk;
using test::ServerProcess;
using test::TestClient;

namespace {

QString errorCode(const std::optional<QJsonObject> &reply)
{
    return reply ? reply->value(u"error"_s).toObject().value(u"code"_s).toString() : u"<no reply>"_s;
}

} // namespace

// The real rentdesk-server on a free loopback port: hello, accounts and sessions over the
// protocol, and the server holding its ground against what a client may get wrong.
class TestServerAccounts final : public QObject
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

private Q_SLOTS:
    void init()
    {
        server = std::make_unique<ServerProcess>(
            QStringList { u"--login-failures-per-account"_s, u"3"_s, u"--login-window-seconds"_s, u"60"_s });
        QVERIFY2(server->start(), qPrintable(server->errorString()));
    }
    void cleanup() { server.reset(); }

    // Nothing but hello comes first, and the connection stays usable after the refusal.
    void helloComesFirst()
    {
        TestClient client;
        QVERIFY(client.open(server->url()));
        QCOMPARE(errorCode(client.call(u"chat.list"_s)), u"hello_required"_s);
        const auto hello = client.call(u"hello"_s, { { u"version"_s, 1 } });
        QVERIFY(hello && hello->value(u"ok"_s).toBool());
        QCOMPARE(hello->value(u"version"_s).toInt(), 1);
        const QJsonObject limits = hello->value(u"limits"_s).toObject();
        QCOMPARE(limits.value(u"maxMessageBytes"_s).toInteger(), 65536);
        QCOMPARE(limits.value(u"maxChatChars"_s).toInt(), 4000);
        QCOMPARE(errorCode(client.call(u"chat.list"_s)), u"not_logged_in"_s);
    }

    // hello agrees on the newest version both speak: a newer client is answered with 2, a
    // version 1 client keeps version 1 and its requests (sync is not among them).
    void helloNegotiatesTheVersion()
    {
        TestClient newer;
        QVERIFY(newer.open(server->url()));
        const auto agreed = newer.call(u"hello"_s, { { u"version"_s, 7 } });
        QVERIFY(agreed && agreed->value(u"ok"_s).toBool());
        QCOMPARE(agreed->value(u"version"_s).toInt(), 2);
        QCOMPARE(errorCode(newer.call(u"sync.pull"_s,
                                      { { u"clientId"_s, QUuid::createUuid().toString(QUuid::WithoutBraces) } })),
                 u"not_logged_in"_s);

        TestClient older;
        QVERIFY(older.open(server->url()));
        const auto one = older.call(u"hello"_s, { { u"version"_s, 1 } });
        QVERIFY(one && one->value(u"ok"_s).toBool());
        QCOMPARE(one->value(u"version"_s).toInt(), 1);
        QCOMPARE(errorCode(older.call(u"sync.pull"_s)), u"unknown_type"_s);
        QCOMPARE(errorCode(older.call(u"chat.list"_s)), u"not_logged_in"_s);
    }

    void unsupportedVersionCloses()
    {
        TestClient client;
        QVERIFY(client.open(server->url()));
        QCOMPARE(errorCode(client.call(u"hello"_s, { { u"version"_s, 0 } })), u"unsupported_version"_s);
        QVERIFY(client.waitForClose());
        QCOMPARE(client.closeCode(), int(QWebSocketProtocol::CloseCodeProtocolError));
    }

    // Sign up, log in (a 256-bit token), resume on a new connection, log out: the token no
    // longer resumes.
    void sessionLifeCycle()
    {
        auto first = connected();
        QVERIFY(first);
        QVERIFY2(first->signUpAndLogIn(u"Ann@Example.org"_s, u"Ann"_s), qPrintable(first->lastError()));
        QCOMPARE(first->token().size(), 43);
        QCOMPARE(
            errorCode(first->call(
                u"login"_s, { { u"email"_s, u"ann@example.org"_s }, { u"password"_s, u"correct horse battery"_s } })),
            u"already_logged_in"_s);

        auto second = connected();
        QVERIFY(second);
        const auto resumed = second->call(u"resume"_s, { { u"token"_s, first->token() } });
        QVERIFY2(resumed && resumed->value(u"ok"_s).toBool(), qPrintable(second->lastError()));
        QCOMPARE(resumed->value(u"user"_s).toObject().value(u"email"_s).toString(), u"ann@example.org"_s);

        const auto loggedOut = first->call(u"logout"_s);
        QVERIFY(loggedOut && loggedOut->value(u"ok"_s).toBool());
        QCOMPARE(errorCode(first->call(u"chat.list"_s)), u"not_logged_in"_s);
        auto third = connected();
        QCOMPARE(errorCode(third->call(u"resume"_s, { { u"token"_s, first->token() } })), u"invalid_token"_s);

        // Only the token's hash is on the server's disk.
        const QByteArray token = first->token().toLatin1();
        first.reset();
        second.reset();
        third.reset();
        QCOMPARE(server->stop(), 0);
        const QByteArray stored = test::storedBytes(server->databasePath());
        QVERIFY(stored.contains(models::services::SessionService::tokenHash(QString::fromLatin1(token)).toLatin1()));
        QVERIFY(!stored.contains(token));
    }

    // An unknown e-mail and a wrong password get the same answer; then the account is
    // rate-limited, even for the right password, with when to try again.
    void wrongCredentialsAndRateLimit()
    {
        auto owner = connected();
        QVERIFY(owner->signUpAndLogIn(u"bob@example.org"_s, u"Bob"_s));
        auto client = connected();
        const auto unknown = client->call(
            u"login"_s, { { u"email"_s, u"nobody@example.org"_s }, { u"password"_s, u"correct horse battery"_s } },
            30000);
        const auto wrong = client->call(
            u"login"_s, { { u"email"_s, u"bob@example.org"_s }, { u"password"_s, u"wrong horse battery"_s } }, 30000);
        QCOMPARE(errorCode(unknown), u"wrong_credentials"_s);
        QCOMPARE(errorCode(wrong), u"wrong_credentials"_s);
        QCOMPARE(unknown->value(u"error"_s).toObject().value(u"message"_s),
                 wrong->value(u"error"_s).toObject().value(u"message"_s));
        for (int i = 0; i < 2; ++i) {
            QCOMPARE(
                errorCode(client->call(
                    u"login"_s, { { u"email"_s, u"BOB@example.org"_s }, { u"password"_s, u"still wrong"_s } }, 30000)),
                u"wrong_credentials"_s);
        }
        const auto limited = client->call(
            u"login"_s, { { u"email"_s, u"bob@example.org"_s }, { u"password"_s, u"correct horse battery"_s } });
        QCOMPARE(errorCode(limited), u"rate_limited"_s);
        const int retryAfter = limited->value(u"error"_s).toObject().value(u"retryAfter"_s).toInt();
        QVERIFY2(retryAfter >= 1 && retryAfter <= 60, qPrintable(QString::number(retryAfter)));
    }

    // Failures spread over many accounts from one address: past the address's limit every
    // log-in from it is refused, even a right one for an account that never failed.
    void failuresPerAddressAreLimited()
    {
        ServerProcess limited({ u"--login-failures-per-account"_s, u"100"_s, u"--login-failures-per-address"_s, u"3"_s,
                                u"--login-window-seconds"_s, u"60"_s });
        QVERIFY2(limited.start(), qPrintable(limited.errorString()));
        TestClient owner;
        QVERIFY(owner.open(limited.url()) && owner.hello());
        QVERIFY(owner.signUpAndLogIn(u"carol@example.org"_s, u"Carol"_s));
        TestClient guesser;
        QVERIFY(guesser.open(limited.url()) && guesser.hello());
        for (int i = 0; i < 3; ++i) {
            const auto guess = guesser.call(
                u"login"_s,
                { { u"email"_s, u"guess%1@example.org"_s.arg(i) }, { u"password"_s, u"correct horse battery"_s } },
                30000);
            QCOMPARE(errorCode(guess), u"wrong_credentials"_s);
        }
        const auto refused = guesser.call(
            u"login"_s, { { u"email"_s, u"carol@example.org"_s }, { u"password"_s, u"correct horse battery"_s } },
            30000);
        QCOMPARE(errorCode(refused), u"rate_limited"_s);
        QVERIFY(refused->value(u"error"_s).toObject().value(u"retryAfter"_s).toInt() >= 1);
        QCOMPARE(limited.stop(), 0);
    }

    // Malformed frames, unknown types and wrong field types each get a typed error, and the
    // connection goes on working.
    void malformedRequests_data()
    {
        QTest::addColumn<QByteArray>("frame");
        QTest::addColumn<QString>("code");
        QTest::addColumn<QString>("field");
        QTest::newRow("not JSON") << QByteArray("{nope") << u"bad_json"_s << QString();
        QTest::newRow("an array") << QByteArray("[1,2]") << u"bad_json"_s << QString();
        QTest::newRow("no type") << QByteArray(R"({"id":"1"})") << u"bad_request"_s << u"type"_s;
        QTest::newRow("no id") << QByteArray(R"({"type":"chat.list"})") << u"bad_request"_s << u"id"_s;
        QTest::newRow("unknown type") << QByteArray(R"({"type":"fly","id":"1"})") << u"unknown_type"_s << u"type"_s;
        QTest::newRow("email a number") << QByteArray(R"({"type":"login","id":"1","email":5,"password":"x"})")
                                        << u"bad_request"_s << u"email"_s;
        QTest::newRow("signup without role") << QByteArray(
            R"({"type":"signup","id":"1","email":"c@example.org","password":"correct horse battery","displayName":"C","language":"en"})")
                                             << u"bad_request"_s << u"role"_s;
        QTest::newRow("weak password") << QByteArray(
            R"({"type":"signup","id":"1","email":"c@example.org","password":"short","displayName":"C","role":"renter","language":"en"})")
                                       << u"weak_password"_s << u"password"_s;
    }
    void malformedRequests()
    {
        QFETCH(QByteArray, frame);
        QFETCH(QString, code);
        QFETCH(QString, field);
        auto client = connected();
        QVERIFY(client);
        const auto reply = client->callRaw(frame, 30000);
        QVERIFY(reply);
        QCOMPARE(reply->value(u"ok"_s).toBool(), false);
        QCOMPARE(errorCode(reply), code);
        QCOMPARE(reply->value(u"error"_s).toObject().value(u"field"_s).toString(), field);
        QVERIFY(!reply->value(u"error"_s).toObject().value(u"message"_s).toString().isEmpty());
        // Still usable.
        QCOMPARE(errorCode(client->call(u"chat.list"_s)), u"not_logged_in"_s);
    }

    void binaryFramesAreRefused()
    {
        auto client = connected();
        client->sendBinary("\x01\x02\x03");
        const auto reply = client->call(u"chat.list"_s); // the binary frame's error came first
        QCOMPARE(errorCode(reply), u"not_logged_in"_s);
    }

    // A message over the limit closes the connection with 1009.
    void oversizedMessageCloses()
    {
        auto client = connected();
        client->sendRaw(QByteArray(70000, 'x'));
        QVERIFY(client->waitForClose());
        QCOMPARE(client->closeCode(), int(QWebSocketProtocol::CloseCodeTooMuchData));
        // The server is fine.
        QVERIFY(connected());
    }

    // SIGTERM: every client gets a close frame (1001) and the server exits 0.
    void sigtermShutsDownCleanly()
    {
        auto client = connected();
        QVERIFY(client->signUpAndLogIn(u"dan@example.org"_s, u"Dan"_s));
        QCOMPARE(server->stop(), 0);
        QVERIFY(client->waitForClose());
        QCOMPARE(client->closeCode(), int(QWebSocketProtocol::CloseCodeGoingAway));
        // What was committed is there at the next start.
        QVERIFY(server->start());
        auto again = connected();
        QVERIFY2(again->logIn(u"dan@example.org"_s), qPrintable(again->lastError()));
    }

    // Over the wire as in the service: the full-width spelling of a registered address is that
    // address (taken, and it logs in to the one account); one with a zero-width space is refused.
    void lookAlikeAddressesMakeNoSecondAccount()
    {
        auto eve = connected();
        QVERIFY(eve);
        QVERIFY2(eve->signUpAndLogIn(u"eve@example.org"_s, u"Eve"_s), qPrintable(eve->lastError()));
        auto mallory = connected();
        QVERIFY(mallory);
        const auto signUp = [&](const QString &email) {
            return mallory->call(u"signup"_s,
                                 { { u"email"_s, email },
                                   { u"password"_s, u"an entirely different passphrase"_s },
                                   { u"displayName"_s, u"Mallory"_s },
                                   { u"role"_s, u"renter"_s },
                                   { u"language"_s, u"en"_s } },
                                 30000);
        };
        const QString fullWidth = u"ｅｖｅ＠ｅｘａｍｐｌｅ．ｏｒｇ"_s;
        const auto taken = signUp(fullWidth);
        QCOMPARE(errorCode(taken), u"email_taken"_s);
        QCOMPARE(taken->value(u"error"_s).toObject().value(u"field"_s).toString(), u"email"_s);
        const auto hidden = signUp(u"e\u200Bve@example.org"_s);
        QCOMPARE(errorCode(hidden), u"invalid_value"_s);
        QCOMPARE(hidden->value(u"error"_s).toObject().value(u"field"_s).toString(), u"email"_s);

        QVERIFY2(mallory->logIn(fullWidth), qPrintable(mallory->lastError()));
        QCOMPARE(mallory->userId(), eve->userId());
    }
};

QTEST_GUILESS_MAIN(TestServerAccounts)
#include "tst_serveraccounts.moc"
