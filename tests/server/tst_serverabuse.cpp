// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/domain/storedvalues.h"
#include "models/services/sessionservice.h"
#include "tests/server/serverprocess.h"
#include "tests/support/postgrescluster.h"
#include "tests/support/testsupport.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTest>
#include <QUuid>

using namespace Qt::StringLiterals;
using namespace rentdesk;
using test::ServerProcess;
using test::TestClient;

namespace {

const QString Password = u"correct horse battery"_s;

QString codeOf(const QJsonObject &reply)
{
    return reply.value(u"ok"_s).toBool() ? u"ok"_s : reply.value(u"error"_s).toObject().value(u"code"_s).toString();
}

QString codeOf(const std::optional<QJsonObject> &reply)
{
    return reply ? codeOf(*reply) : u"<no reply>"_s;
}

QByteArray frame(const QString &type, const QString &id, QJsonObject body)
{
    body.insert(u"type"_s, type);
    body.insert(u"id"_s, id);
    return QJsonDocument(body).toJson(QJsonDocument::Compact);
}

QJsonObject signUpBody(const QString &email)
{
    return { { u"email"_s, email },
             { u"password"_s, Password },
             { u"displayName"_s, u"Someone"_s },
             { u"role"_s, u"renter"_s },
             { u"language"_s, u"en"_s } };
}

// How many of each code the replies have.
QHash<QString, int> tally(const QList<QJsonObject> &replies)
{
    QHash<QString, int> counts;
    for (const QJsonObject &reply : replies)
        ++counts[codeOf(reply)];
    return counts;
}

QString describe(const QHash<QString, int> &counts)
{
    QStringList parts;
    for (auto it = counts.cbegin(); it != counts.cend(); ++it)
        parts << u"%1 × %2"_s.arg(it.key()).arg(it.value());
    parts.sort();
    return parts.join(u", "_s);
}

} // namespace

// What an outside attack client did to the server, each time against the real binary: log-ins
// in parallel past the limits, sign-up bursts that mail strangers, a flood that starves log-in,
// a log-out that did not reach the other connections, and replies too large for the server's
// own slow-reader rule.
class TestServerAbuse final : public QObject
{
    Q_OBJECT

    std::vector<std::unique_ptr<TestClient>> clients;

    // A connection to server that said hello (nullptr when it could not).
    static std::unique_ptr<TestClient> greeted(const ServerProcess &server)
    {
        auto client = std::make_unique<TestClient>();
        if (!client->open(server.url()) || !client->hello())
            return nullptr;
        return client;
    }

    // One that also signed up and logged in.
    static std::unique_ptr<TestClient> signedIn(const ServerProcess &server, const QString &email, const QString &name,
                                                const QString &role = u"renter"_s)
    {
        auto client = greeted(server);
        if (!client || !client->signUpAndLogIn(email, name, role))
            return nullptr;
        return client;
    }

    // count connections that said hello.
    bool openClients(const ServerProcess &server, int count)
    {
        clients.clear();
        for (int i = 0; i < count; ++i) {
            auto client = greeted(server);
            if (!client)
                return false;
            clients.push_back(std::move(client));
        }
        return true;
    }

    // The reply each client got to its frame, in the clients' order (bounded wait).
    std::optional<QList<QJsonObject>> oneReplyEach(int timeoutMs = 60000)
    {
        QList<QJsonObject> replies;
        for (const auto &client : clients) {
            auto reply = client->takeReplies(1, timeoutMs);
            if (!reply)
                return std::nullopt;
            replies << reply->constFirst();
        }
        return replies;
    }

    static qint64 rowsIn(const ServerProcess &server, const QString &sql)
    {
        return test::valueIn(server.databasePath(), sql);
    }

private Q_SLOTS:
    void cleanup() { clients.clear(); }

    // 40 wrong log-ins for one account on 40 connections at once were all judged; the limit
    // is 5. Each takes its place when it starts, so only 5 are.
    void parallelLogInsAreJudgedOnlyUpToTheLimit()
    {
        ServerProcess server({ u"--max-connections-per-address"_s, u"100"_s });
        QVERIFY2(server.start(), qPrintable(server.errorString()));
        const auto owner = signedIn(server, u"bob@example.org"_s, u"Bob"_s);
        QVERIFY(owner);

        QVERIFY(openClients(server, 40));
        for (const auto &client : clients)
            client->sendRaw(
                frame(u"login"_s, u"l"_s,
                      { { u"email"_s, u"bob@example.org"_s }, { u"password"_s, u"wrong horse battery"_s } }));
        const auto replies = oneReplyEach();
        QVERIFY(replies);
        const auto counts = tally(*replies);
        QVERIFY2(counts.value(u"wrong_credentials"_s) == 5 && counts.value(u"rate_limited"_s) == 35,
                 qPrintable(describe(counts)));
        // Now even the right password waits.
        const auto late = greeted(server);
        QVERIFY(late);
        QCOMPARE(codeOf(late->call(u"login"_s, { { u"email"_s, u"bob@example.org"_s }, { u"password"_s, Password } })),
                 u"rate_limited"_s);

        // From one address over many accounts: 20 judged in the window — the 5 above among
        // them — and the rest refused at once.
        QVERIFY(openClients(server, 40));
        for (int i = 0; i < 40; ++i)
            clients.at(size_t(i))->sendRaw(frame(
                u"login"_s, u"l"_s, { { u"email"_s, u"guess%1@example.org"_s.arg(i) }, { u"password"_s, Password } }));
        const auto spread = oneReplyEach();
        QVERIFY(spread);
        const auto spreadCounts = tally(*spread);
        QVERIFY2(spreadCounts.value(u"wrong_credentials"_s) == 15 && spreadCounts.value(u"rate_limited"_s) == 25,
                 qPrintable(describe(spreadCounts)));
    }

    // 60 sign-ups in a burst from one connection were all accepted, each with a welcome mail to
    // an address the caller chose. 5 are, per address; the same over 12 connections at once.
    void signUpsAreLimitedPerAddress()
    {
        ServerProcess server({ u"--max-connections-per-address"_s, u"100"_s });
        QVERIFY2(server.start(), qPrintable(server.errorString()));
        const auto burst = greeted(server);
        QVERIFY(burst);
        for (int i = 0; i < 60; ++i)
            burst->sendRaw(frame(u"signup"_s, QString::number(i), signUpBody(u"stranger%1@example.org"_s.arg(i))));
        const auto replies = burst->takeReplies(60, 120000);
        QVERIFY(replies);
        const auto counts = tally(*replies);
        QVERIFY2(counts.value(u"ok"_s) == 5 && counts.value(u"rate_limited"_s) == 55, qPrintable(describe(counts)));
        const QJsonObject firstRefusal = replies->at(5).value(u"error"_s).toObject();
        QCOMPARE(firstRefusal.value(u"code"_s).toString(), u"rate_limited"_s);
        QVERIFY(firstRefusal.value(u"retryAfter"_s).toInt() > 60); // the window is an hour
        QCOMPARE(rowsIn(server, u"SELECT count(*) FROM users"_s), 5);
        QCOMPARE(rowsIn(server, u"SELECT count(*) FROM mail_outbox WHERE event = 'welcome'"_s), 5);

        // A second server, the burst spread over connections sent at once.
        ServerProcess parallel({ u"--max-connections-per-address"_s, u"100"_s });
        QVERIFY2(parallel.start(), qPrintable(parallel.errorString()));
        QVERIFY(openClients(parallel, 12));
        for (size_t i = 0; i < clients.size(); ++i)
            clients.at(i)->sendRaw(frame(u"signup"_s, u"s"_s, signUpBody(u"other%1@example.org"_s.arg(i))));
        const auto spread = oneReplyEach(120000);
        QVERIFY(spread);
        const auto spreadCounts = tally(*spread);
        QVERIFY2(spreadCounts.value(u"ok"_s) == 5 && spreadCounts.value(u"rate_limited"_s) == 7,
                 qPrintable(describe(spreadCounts)));
        QCOMPARE(rowsIn(parallel, u"SELECT count(*) FROM users"_s), 5);
    }

    // Past the limit of welcome mails to a domain in an hour, accounts are still made, without
    // one, and the reply says so; another domain is not affected.
    void welcomeMailsAreLimitedPerDomain()
    {
        ServerProcess server({ u"--signups-per-address"_s, u"100"_s, u"--welcome-mails-per-domain"_s, u"3"_s });
        QVERIFY2(server.start(), qPrintable(server.errorString()));
        const auto client = greeted(server);
        QVERIFY(client);
        QList<bool> welcomed;
        for (int i = 0; i < 6; ++i) {
            const auto reply = client->call(u"signup"_s, signUpBody(u"user%1@Example.org"_s.arg(i)), 30000);
            QCOMPARE(codeOf(reply), u"ok"_s);
            welcomed << reply->value(u"welcomeMail"_s).toBool(true);
        }
        QCOMPARE(welcomed, QList<bool>({ true, true, true, false, false, false }));
        const auto elsewhere = client->call(u"signup"_s, signUpBody(u"user@other.example"_s), 30000);
        QCOMPARE(codeOf(elsewhere), u"ok"_s);
        QVERIFY(elsewhere->value(u"welcomeMail"_s).toBool(false));
        QCOMPARE(rowsIn(server, u"SELECT count(*) FROM users"_s), 7);
        QCOMPARE(rowsIn(server, u"SELECT count(*) FROM mail_outbox WHERE recipient_email LIKE '%@example.org'"_s), 3);
        QCOMPARE(rowsIn(server, u"SELECT count(*) FROM mail_outbox WHERE recipient_email LIKE '%@other.example'"_s), 1);
    }

    // A full hashing queue answers server_busy at once instead of queueing without end.
    void fullHashingQueueIsBusyAtOnce()
    {
        ServerProcess server({ u"--max-hashing-queue"_s, u"4"_s, u"--max-connections-per-address"_s, u"100"_s,
                               u"--login-failures-per-address"_s, u"1000"_s });
        QVERIFY2(server.start(), qPrintable(server.errorString()));
        QVERIFY(openClients(server, 30));
        for (size_t i = 0; i < clients.size(); ++i)
            clients.at(i)->sendRaw(frame(
                u"login"_s, u"l"_s, { { u"email"_s, u"nobody%1@example.org"_s.arg(i) }, { u"password"_s, Password } }));
        const auto replies = oneReplyEach();
        QVERIFY(replies);
        const auto counts = tally(*replies);
        QCOMPARE(counts.value(u"wrong_credentials"_s) + counts.value(u"server_busy"_s), 30);
        // Thirty arrive within a moment and a hash takes tens of milliseconds: most are turned
        // away, at least the four the queue holds are judged.
        QVERIFY2(counts.value(u"wrong_credentials"_s) >= 4 && counts.value(u"server_busy"_s) >= 10,
                 qPrintable(describe(counts)));
    }

    // Sign-ups on 150 sockets pushed a log-in behind every one of them (one FIFO pool). Now
    // sign-ups have a quarter of the queue and log-ins go first: once the flood is in, a log-in
    // is answered before most of the sign-ups the server took.
    void signUpFloodDoesNotStarveLogIn()
    {
        ServerProcess server({ u"--max-connections-per-address"_s, u"200"_s, u"--signups-per-address"_s, u"1000"_s,
                               u"--welcome-mails-per-domain"_s, u"1000"_s });
        QVERIFY2(server.start(), qPrintable(server.errorString()));
        const auto user = signedIn(server, u"dana@example.org"_s, u"Dana"_s);
        QVERIFY(user);
        QVERIFY(user->call(u"logout"_s));

        QVERIFY(openClients(server, 150));
        for (size_t i = 0; i < clients.size(); ++i)
            clients.at(i)->sendRaw(frame(u"signup"_s, u"s"_s, signUpBody(u"flood%1@example.org"_s.arg(i))));
        // The server has read the flood once it turns sign-ups away.
        const auto turnedAway = [&] {
            for (const auto &client : clients) {
                for (const QJsonObject &reply : client->replies()) {
                    if (codeOf(reply) == u"server_busy"_s)
                        return true;
                }
            }
            return false;
        };
        QVERIFY2(QTest::qWaitFor(turnedAway, 60000), "no sign-up was turned away: the queue is not bounded");
        const auto signedUpSoFar = [&] {
            int ok = 0;
            for (const auto &client : clients) {
                for (const QJsonObject &reply : client->replies())
                    ok += codeOf(reply) == u"ok"_s ? 1 : 0;
            }
            return ok;
        };
        const int before = signedUpSoFar();
        const auto loggedIn =
            user->call(u"login"_s, { { u"email"_s, u"dana@example.org"_s }, { u"password"_s, Password } }, 60000);
        QCOMPARE(codeOf(loggedIn), u"ok"_s);
        const int during = signedUpSoFar() - before;
        const auto replies = oneReplyEach(120000);
        QVERIFY(replies);
        const int taken = tally(*replies).value(u"ok"_s);
        // 16 taken (a quarter of 64), of which the two being hashed and perhaps a few more
        // finished before the log-in's turn: not all of them, as in a FIFO.
        QVERIFY2(taken >= 12, qPrintable(describe(tally(*replies))));
        // How many finish during the log-in's own turn depends on the machine: the two being
        // hashed, those the other worker takes while the log-in is hashed, and replies already
        // sent that this process had not read when it counted `before`. Under the sanitizers that
        // was 7 of 16 on SQLite (one CI run in several) and 7 and 9 on PostgreSQL, where every
        // sign-up also costs the shared limiter's transactions. A FIFO would answer every
        // sign-up still waiting first; so the bound is that at least a quarter of those still
        // waiting when the log-in was sent came after it.
        const int waiting = taken - before;
        const int allowed = waiting * 3 / 4;
        QVERIFY2(
            during <= allowed,
            qPrintable(
                u"%1 of %2 sign-ups were answered while the log-in waited (at most %3)"_s.arg(during).arg(taken).arg(
                    allowed)));
    }

    // Connection X resumed token T, connection Y logged out with T: X's session ends too, and
    // X is told (session.ended) rather than left answering with a revoked token.
    void logOutReachesEveryConnectionOfTheToken()
    {
        ServerProcess server;
        QVERIFY2(server.start(), qPrintable(server.errorString()));
        const auto y = signedIn(server, u"erin@example.org"_s, u"Erin"_s);
        QVERIFY(y);
        const auto x = greeted(server);
        QVERIFY(x);
        QVERIFY(x->resume(y->token()));
        const auto other = greeted(server); // another log-in of the same person: a token of its own, untouched
        QVERIFY(other);
        QVERIFY(other->logIn(u"erin@example.org"_s));
        QCOMPARE(codeOf(x->call(u"chat.list"_s)), u"ok"_s);

        QCOMPARE(codeOf(y->call(u"logout"_s)), u"ok"_s);
        const auto ended = x->waitForPush(u"session.ended"_s);
        QVERIFY(ended);
        QCOMPARE(ended->value(u"reason"_s).toString(), u"logged_out"_s);
        QCOMPARE(codeOf(x->call(u"chat.history"_s,
                                { { u"conversationId"_s, QUuid::createUuid().toString(QUuid::WithoutBraces) } })),
                 u"not_logged_in"_s);
        QCOMPARE(codeOf(x->call(u"resume"_s, { { u"token"_s, y->token() } })), u"invalid_token"_s);
        QVERIFY(y->sync());
        QCOMPARE(y->pushCount(u"session.ended"_s), 0); // the one that asked has its reply
        QCOMPARE(codeOf(other->call(u"chat.list"_s)), u"ok"_s);
        QCOMPARE(other->pushCount(u"session.ended"_s), 0);
    }

    // A session that expires while its connections are open ends there and then.
    void sessionExpiringWhileOpenEnds()
    {
        ServerProcess server;
        QVERIFY2(server.start(), qPrintable(server.errorString()));
        const auto first = signedIn(server, u"finn@example.org"_s, u"Finn"_s);
        QVERIFY(first);
        // The session is made to end in three seconds, as if it were thirty days old.
        const QString expiry = models::domain::toStoredTimestamp(QDateTime::currentDateTimeUtc().addSecs(3));
        const QString hash = models::services::SessionService::tokenHash(first->token());
        QCOMPARE(
            rowsIn(server,
                   u"UPDATE sessions SET expires_at = '%1' WHERE token_hash = '%2' RETURNING 1"_s.arg(expiry, hash)),
            1);
        const auto second = greeted(server);
        QVERIFY(second);
        const auto resumed = second->call(u"resume"_s, { { u"token"_s, first->token() } });
        QCOMPARE(codeOf(resumed), u"ok"_s);
        QCOMPARE(resumed->value(u"expiresAt"_s).toString(), expiry);
        QCOMPARE(codeOf(second->call(u"chat.list"_s)), u"ok"_s);

        const auto ended = second->waitForPush(u"session.ended"_s, 15000);
        QVERIFY(ended);
        QCOMPARE(ended->value(u"reason"_s).toString(), u"expired"_s);
        QVERIFY(QDateTime::currentDateTimeUtc() >= QDateTime::fromString(expiry, Qt::ISODateWithMs));
        QCOMPARE(codeOf(second->call(u"chat.list"_s)), u"not_logged_in"_s);
        QCOMPARE(codeOf(second->call(u"resume"_s, { { u"token"_s, first->token() } })), u"invalid_token"_s);
    }

    // chat.history of 200 messages of 4000 characters was a 2.4 MB reply, and the server cut
    // its own client off as a slow reader. Replies are paged by bytes: the client pages back
    // (and forward) through all of them on one connection.
    void largeHistoryIsPagedByBytes()
    {
        ServerProcess server;
        QVERIFY2(server.start(), qPrintable(server.errorString()));
        const auto lena = signedIn(server, u"lena@example.org"_s, u"Lena"_s, u"landlord"_s);
        QVERIFY(lena);
        const auto roman = signedIn(server, u"roman@example.org"_s, u"Roman"_s);
        QVERIFY(roman);
        const auto started = roman->call(u"chat.start"_s, { { u"email"_s, u"lena@example.org"_s } });
        QCOMPARE(codeOf(started), u"ok"_s);
        const QString conversation = started->value(u"conversation"_s).toObject().value(u"id"_s).toString();
        const QString text = QString(4000, QChar(u'ж')); // 8000 bytes of UTF-8
        for (int i = 0; i < 200; ++i) {
            const auto sent = roman->call(u"chat.send"_s,
                                          { { u"conversationId"_s, conversation },
                                            { u"messageId"_s, QUuid::createUuid().toString(QUuid::WithoutBraces) },
                                            { u"text"_s, text } });
            QCOMPARE(codeOf(sent), u"ok"_s);
        }
        QList<qint64> seqs;
        std::optional<qint64> before;
        for (int pages = 0; pages < 50; ++pages) {
            QJsonObject body { { u"conversationId"_s, conversation }, { u"limit"_s, 200 } };
            if (before)
                body.insert(u"beforeSeq"_s, *before);
            const auto page = lena->call(u"chat.history"_s, body);
            QCOMPARE(codeOf(page), u"ok"_s);
            const QJsonArray messages = page->value(u"messages"_s).toArray();
            QVERIFY(!messages.isEmpty());
            QVERIFY2(QJsonDocument(*page).toJson(QJsonDocument::Compact).size() <= 300 * 1024,
                     "a page larger than a quarter of maxQueuedBytes");
            QList<qint64> pageSeqs;
            for (const QJsonValue &message : messages)
                pageSeqs << message.toObject().value(u"seq"_s).toInteger();
            seqs = pageSeqs + seqs;
            before = pageSeqs.constFirst();
            if (!page->value(u"more"_s).toBool())
                break;
        }
        QList<qint64> all;
        for (qint64 seq = 1; seq <= 200; ++seq)
            all << seq;
        QCOMPARE(seqs, all);
        QVERIFY(!lena->isClosed());

        // Catching up forward from the start gets them all too, the first ones first.
        QList<qint64> forward;
        qint64 after = 0;
        for (int pages = 0; pages < 50; ++pages) {
            const auto page =
                lena->call(u"chat.history"_s,
                           { { u"conversationId"_s, conversation }, { u"afterSeq"_s, after }, { u"limit"_s, 200 } });
            QCOMPARE(codeOf(page), u"ok"_s);
            for (const QJsonValue &message : page->value(u"messages"_s).toArray())
                forward << message.toObject().value(u"seq"_s).toInteger();
            after = forward.constLast();
            if (!page->value(u"more"_s).toBool())
                break;
        }
        QCOMPARE(forward, all);
        QVERIFY(!lena->isClosed());
    }

    // chat.list had no paging: 100 conversations with long last messages made a 1.4 MB reply.
    // It pages by count and by bytes, and the pages make the whole list once, in order.
    void conversationListIsPaged()
    {
        ServerProcess server({ u"--conversations-per-hour"_s, u"1000"_s });
        QVERIFY2(server.start(), qPrintable(server.errorString()));
        const auto lena = signedIn(server, u"lena@example.org"_s, u"Lena"_s, u"landlord"_s);
        QVERIFY(lena);
        const auto roman = signedIn(server, u"roman@example.org"_s, u"Roman"_s);
        QVERIFY(roman);
        const QString text = QString(4000, QChar(u'ж'));
        for (int i = 0; i < 100; ++i) {
            const QJsonObject about { { u"kind"_s, u"apartment"_s },
                                      { u"id"_s, QUuid::createUuid().toString(QUuid::WithoutBraces) },
                                      { u"title"_s, u"Flat %1"_s.arg(i) } };
            const auto started =
                roman->call(u"chat.start"_s, { { u"email"_s, u"lena@example.org"_s }, { u"about"_s, about } });
            QCOMPARE(codeOf(started), u"ok"_s);
            const auto sent = roman->call(
                u"chat.send"_s,
                { { u"conversationId"_s, started->value(u"conversation"_s).toObject().value(u"id"_s).toString() },
                  { u"messageId"_s, QUuid::createUuid().toString(QUuid::WithoutBraces) },
                  { u"text"_s, text } });
            QCOMPARE(codeOf(sent), u"ok"_s);
        }
        QStringList ids;
        QJsonValue after;
        int pages = 0;
        for (; pages < 100; ++pages) {
            QJsonObject body { { u"limit"_s, 200 } };
            if (!after.isUndefined())
                body.insert(u"after"_s, after);
            const auto page = lena->call(u"chat.list"_s, body);
            QCOMPARE(codeOf(page), u"ok"_s);
            QVERIFY(QJsonDocument(*page).toJson(QJsonDocument::Compact).size() <= 300 * 1024);
            const QJsonArray conversations = page->value(u"conversations"_s).toArray();
            QVERIFY(!conversations.isEmpty());
            for (const QJsonValue &conversation : conversations)
                ids << conversation.toObject().value(u"id"_s).toString();
            if (!page->value(u"more"_s).toBool()) {
                QVERIFY(!page->contains(u"next"_s));
                break;
            }
            after = page->value(u"next"_s);
            QVERIFY(after.isString());
        }
        QCOMPARE(ids.size(), 100);
        QCOMPARE(QSet<QString>(ids.cbegin(), ids.cend()).size(), 100);
        QVERIFY2(pages >= 1, "the list came in one reply: it was not paged by bytes");
        // A position that is not one of the server's is refused by name.
        const auto bad = lena->call(u"chat.list"_s, { { u"after"_s, u"yesterday"_s } });
        QCOMPARE(codeOf(bad), u"bad_request"_s);
        QCOMPARE(bad->value(u"error"_s).toObject().value(u"field"_s).toString(), u"after"_s);
        QVERIFY(!lena->isClosed());
    }

    // One user may start only so many conversations with others in an hour; starting one that
    // exists is not a new one.
    void conversationsStartedAreCapped()
    {
        ServerProcess server({ u"--conversations-per-hour"_s, u"3"_s });
        QVERIFY2(server.start(), qPrintable(server.errorString()));
        const auto spammer = signedIn(server, u"spam@example.org"_s, u"Spam"_s);
        QVERIFY(spammer);
        const auto target = signedIn(server, u"target@example.org"_s, u"Target"_s, u"landlord"_s);
        QVERIFY(target);
        const auto startAbout = [&](int i) {
            return spammer->call(
                u"chat.start"_s,
                { { u"email"_s, u"target@example.org"_s },
                  { u"about"_s,
                    QJsonObject { { u"kind"_s, u"apartment"_s },
                                  { u"id"_s, u"00000000-0000-4000-8000-%1"_s.arg(i, 12, 10, QChar(u'0')) },
                                  { u"title"_s, u"Flat"_s } } } });
        };
        for (int i = 0; i < 3; ++i)
            QCOMPARE(codeOf(startAbout(i)), u"ok"_s);
        const auto refused = startAbout(3);
        QCOMPARE(codeOf(refused), u"rate_limited"_s);
        const int retryAfter = refused->value(u"error"_s).toObject().value(u"retryAfter"_s).toInt();
        QVERIFY2(retryAfter > 3000 && retryAfter <= 3600, qPrintable(QString::number(retryAfter)));
        QCOMPARE(rowsIn(server, u"SELECT count(*) FROM conversations"_s), 3);
        // The other person is not limited by it.
        QCOMPARE(codeOf(target->call(u"chat.start"_s, { { u"email"_s, u"spam@example.org"_s } })), u"ok"_s);
    }
};

QTEST_GUILESS_MAIN(TestServerAbuse)
#include "tst_serverabuse.moc"
