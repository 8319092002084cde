// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/db/query.h"
#include "models/domain/storedvalues.h"
#include "tests/support/servicefixture.h"

#include <QRegularExpression>
#include <QTest>

#include <sodium.h>

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;
using namespace rentdesk::models::services;
using Code = DomainError::Code;

namespace {

template<typename T> QString failure(const Result<T> &result)
{
    return result ? QString() : result.error().codeName() + u": "_s + result.error().message;
}

// SHA-256 by libsodium, not by the QCryptographicHash the service uses, so the test does not
// check the code against itself.
QString sha256Hex(const QString &text)
{
    const QByteArray bytes = text.toUtf8();
    unsigned char digest[crypto_hash_sha256_BYTES];
    crypto_hash_sha256(digest, reinterpret_cast<const unsigned char *>(bytes.constData()),
                       static_cast<unsigned long long>(bytes.size()));
    return QString::fromLatin1(QByteArray(reinterpret_cast<const char *>(digest), sizeof digest).toHex());
}

} // namespace

// The server's sessions: a 32-byte random token in base64url shown once, only its SHA-256
// stored, resumed until it expires on the service's clock or is revoked, and every failure
// the same InvalidToken. Server mode only.
class TestSessionService : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<rentdesk::test::ServiceFixture> f;
    QUuid m_user;

    QString stored(const QString &column, const QUuid &session) const
    {
        // The column is the test's own constant.
        auto value =
            rentdesk::models::db::scalar(f->connection(), u"SELECT "_s + column + u" FROM sessions WHERE id = :id"_s,
                                         { { u":id"_s, rentdesk::models::domain::toStoredId(session) } });
        return value ? value->toString() : u"<error>"_s;
    }

    void expectInvalidToken(const Result<SessionService::SessionUser> &result) const
    {
        QVERIFY(!result);
        QCOMPARE(result.error().code, Code::InvalidToken);
        QCOMPARE(result.error().codeName(), u"invalid_token"_s);
        QCOMPARE(result.error().field, u"token"_s);
        QVERIFY2(!rentdesk::test::looksLikeSql(result.error().message), qPrintable(result.error().message));
    }

private Q_SLOTS:
    void init()
    {
        QVERIFY(sodium_init() >= 0);
        f = std::make_unique<rentdesk::test::ServiceFixture>(Mode::Server);
        QVERIFY2(f->isValid(), qPrintable(f->errorMessage()));
        m_user = f->addRenter(u"Anna Renter"_s);
    }

    void cleanup() { f.reset(); }

    void tokenIs32RandomBytesInBase64Url()
    {
        auto first = f->sessions.create(m_user, 24h);
        auto second = f->sessions.create(m_user, 24h);
        QVERIFY2(first && second, qPrintable(failure(first) + failure(second)));
        static const QRegularExpression base64url(u"^[A-Za-z0-9_-]{43}$"_s);
        for (const auto &session : { *first, *second }) {
            QCOMPARE(session.token.size(), 43);
            QVERIFY2(base64url.match(session.token).hasMatch(), qPrintable(session.token));
            const auto decoded = QByteArray::fromBase64Encoding(
                session.token.toLatin1(), QByteArray::Base64UrlEncoding | QByteArray::AbortOnBase64DecodingErrors);
            QVERIFY(decoded);
            QCOMPARE(decoded.decoded.size(), 32);
            QCOMPARE(session.expiresAt, f->clock.now().addDays(1));
        }
        QVERIFY(first->token != second->token);
        QVERIFY(first->id != second->id);
        QCOMPARE(f->count(u"sessions"_s), 2);
    }

    void onlyTheHashIsStored()
    {
        auto session = f->sessions.create(m_user, 1h);
        QVERIFY2(session, qPrintable(failure(session)));
        const QString everything = f->dump().join(u'\n');
        QVERIFY(!everything.contains(session->token));
        // Nor any recognisable piece of it.
        QVERIFY(!everything.contains(session->token.left(16)));
        const QString hash = stored(u"token_hash"_s, session->id);
        QCOMPARE(hash, sha256Hex(session->token));
        QCOMPARE(SessionService::tokenHash(session->token), hash);
        QVERIFY(everything.contains(hash));
    }

    void resumeGivesTheUserAndMovesLastSeen()
    {
        auto session = f->sessions.create(m_user, 24h);
        QVERIFY2(session, qPrintable(failure(session)));
        const QString created = stored(u"created_at"_s, session->id);
        QCOMPARE(stored(u"last_seen_at"_s, session->id), created);

        f->clock.advanceSecs(300);
        auto resumed = f->sessions.resume(session->token);
        QVERIFY2(resumed, qPrintable(failure(resumed)));
        QCOMPARE(resumed->sessionId, session->id);
        QCOMPARE(resumed->user.id, m_user);
        QCOMPARE(resumed->user.email, f->emailOf(m_user));
        QCOMPARE(resumed->user.displayName, u"Anna Renter"_s);
        QCOMPARE(resumed->expiresAt, session->expiresAt);
        QCOMPARE(stored(u"last_seen_at"_s, session->id), rentdesk::models::domain::toStoredTimestamp(f->clock.now()));
        QCOMPARE(stored(u"created_at"_s, session->id), created);

        // A clock set back does not move last_seen_at backwards.
        const QString seen = stored(u"last_seen_at"_s, session->id);
        f->clock.advanceSecs(-600);
        QVERIFY2(f->sessions.resume(session->token), "resumed after the clock went back");
        QCOMPARE(stored(u"last_seen_at"_s, session->id), seen);
    }

    void expiresOnTheServicesClock()
    {
        auto session = f->sessions.create(m_user, 1h);
        QVERIFY2(session, qPrintable(failure(session)));
        QCOMPARE(stored(u"expires_at"_s, session->id),
                 rentdesk::models::domain::toStoredTimestamp(f->clock.now().addSecs(3600)));
        f->clock.set(f->clock.now().addMSecs(3600 * 1000 - 1));
        QVERIFY2(f->sessions.resume(session->token), "a millisecond before the expiry");
        f->clock.set(session->expiresAt);
        const QStringList before = f->dump();
        expectInvalidToken(f->sessions.resume(session->token));
        QCOMPARE(f->dump(), before);
        f->clock.advanceDays(30);
        expectInvalidToken(f->sessions.resume(session->token));
    }

    void revokeEndsTheSession()
    {
        auto session = f->sessions.create(m_user, 24h);
        auto other = f->sessions.create(m_user, 24h);
        QVERIFY2(session && other, qPrintable(failure(session) + failure(other)));
        f->clock.advanceSecs(60);
        QVERIFY2(f->sessions.revoke(session->token), "revoked");
        QCOMPARE(stored(u"revoked_at"_s, session->id), rentdesk::models::domain::toStoredTimestamp(f->clock.now()));
        expectInvalidToken(f->sessions.resume(session->token));
        // The user's other session is untouched.
        QVERIFY(f->sessions.resume(other->token));

        // Logging out twice is not an error and keeps the first time.
        f->clock.advanceSecs(60);
        const QStringList before = f->dump();
        auto again = f->sessions.revoke(session->token);
        QVERIFY2(again, qPrintable(failure(again)));
        QCOMPARE(f->dump(), before);

        // An unknown token is.
        auto unknown = f->sessions.revoke(QString(43, u'A'));
        QVERIFY(!unknown);
        QCOMPARE(unknown.error().code, Code::InvalidToken);
        QCOMPARE(f->dump(), before);
    }

    void unknownTokensAreRefusedAlike_data()
    {
        QTest::addColumn<QString>("token");
        QTest::newRow("empty") << QString();
        QTest::newRow("short") << u"abc"_s;
        QTest::newRow("unknown of the right shape") << u"AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"_s;
        QTest::newRow("one character too many") << u"AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"_s;
        QTest::newRow("padded") << u"AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA="_s;
        QTest::newRow("plain base64") << u"AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA+"_s;
        QTest::newRow("the stored hash itself") << QString();
    }

    void unknownTokensAreRefusedAlike()
    {
        QFETCH(QString, token);
        auto session = f->sessions.create(m_user, 24h);
        QVERIFY2(session, qPrintable(failure(session)));
        if (QByteArray(QTest::currentDataTag()) == "the stored hash itself")
            token = stored(u"token_hash"_s, session->id);
        const QStringList before = f->dump();
        expectInvalidToken(f->sessions.resume(token));
        QCOMPARE(f->dump(), before);
    }

    void createRefusesWhatCannotBeASession()
    {
        const QStringList before = f->dump();
        auto unknown = f->sessions.create(QUuid::createUuid(), 1h);
        QVERIFY(!unknown);
        QCOMPARE(unknown.error().code, Code::NotFound);
        for (const std::chrono::seconds lifetime : { 0s, -1s, SessionService::LongestLifetime + 1s }) {
            auto refused = f->sessions.create(m_user, lifetime);
            QVERIFY(!refused);
            QCOMPARE(refused.error().code, Code::InvalidValue);
            QCOMPARE(refused.error().field, u"lifetime"_s);
        }
        QCOMPARE(f->dump(), before);
        QVERIFY(f->sessions.create(m_user, SessionService::LongestLifetime));
    }

    void otherModesKeepNoSessions_data()
    {
        QTest::addColumn<int>("mode");
        QTest::newRow("standalone") << int(Mode::Standalone);
        QTest::newRow("connected") << int(Mode::Connected);
    }

    void otherModesKeepNoSessions()
    {
        QFETCH(int, mode);
        auto made = f->sessions.create(m_user, 1h);
        QVERIFY(made);
        const SessionService desktop(f->context(Mode(mode)));
        const QStringList before = f->dump();
        auto created = desktop.create(m_user, 1h);
        auto resumed = desktop.resume(made->token);
        auto revoked = desktop.revoke(made->token);
        auto removed = desktop.removeExpired();
        QVERIFY(!created && !resumed && !revoked && !removed);
        for (const DomainError &error : { created.error(), resumed.error(), revoked.error(), removed.error() }) {
            QCOMPARE(error.code, Code::NotInThisMode);
            QVERIFY(!rentdesk::test::looksLikeSql(error.message));
        }
        QCOMPARE(f->dump(), before);
    }

    void removeExpiredKeepsTheLiveOnes()
    {
        auto hour = f->sessions.create(m_user, 1h);
        auto twoHours = f->sessions.create(m_user, 2h);
        auto threeHours = f->sessions.create(m_user, 3h);
        auto revoked = f->sessions.create(m_user, 3h);
        QVERIFY(hour && twoHours && threeHours && revoked);
        QVERIFY(f->sessions.revoke(revoked->token));
        QCOMPARE(f->sessions.removeExpired().value_or(-1), 0);

        f->clock.advanceSecs(2 * 3600); // the two-hour session expires exactly now
        QCOMPARE(f->sessions.removeExpired().value_or(-1), 2);
        QCOMPARE(f->count(u"sessions"_s), 2);
        QVERIFY(f->sessions.resume(threeHours->token));
        // A revoked session stays (it says when its user logged out) until it would have expired.
        expectInvalidToken(f->sessions.resume(revoked->token));
        f->clock.advanceSecs(3600);
        QCOMPARE(f->sessions.removeExpired().value_or(-1), 2);
        QCOMPARE(f->count(u"sessions"_s), 0);
        QCOMPARE(f->sessions.removeExpired().value_or(-1), 0);
    }
};

QTEST_GUILESS_MAIN(TestSessionService)
#include "tst_sessionservice.moc"
