// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/db/query.h"
#include "models/services/passwords.h"
#include "tests/support/servicefixture.h"

#include <QTest>

#include <sodium.h>

using namespace Qt::StringLiterals;
using namespace rentdesk::models::services;
using rentdesk::models::domain::Language;
using rentdesk::models::domain::Role;
using Code = DomainError::Code;

// Accounts in standalone mode: sign-up with normalised e-mail and a password policy,
// Argon2id hashes, the same answer for every failed log-in, a welcome mail in the same
// transaction, and nothing ever journaled.
class TestAccountService : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<rentdesk::test::ServiceFixture> f;

    static AccountService::SignUp anna()
    {
        return { u"  Anna.Smirnova@Example.ORG "_s,
                 u"correct horse battery"_s,
                 u"Anna Smirnova"_s,
                 u"+7 843 555-01-02"_s,
                 Role::Landlord,
                 Language::Russian };
    }

private Q_SLOTS:
    void init()
    {
        f = std::make_unique<rentdesk::test::ServiceFixture>();
        QVERIFY2(f->isValid(), qPrintable(f->errorMessage()));
    }

    void cleanup() { f.reset(); }

    void signUpStoresANormalisedAccountAndQueuesAWelcome()
    {
        auto user = f->accounts.signUp(anna());
        QVERIFY2(user, qPrintable(user ? QString() : user.error().message));
        QCOMPARE(user->email, u"anna.smirnova@example.org"_s);
        QCOMPARE(user->displayName, u"Anna Smirnova"_s);
        QCOMPARE(user->role, Role::Landlord);
        QCOMPARE(user->language, Language::Russian);

        auto hash = rentdesk::models::db::scalar(f->connection(), u"SELECT password_hash FROM users"_s);
        QVERIFY(hash);
        // Argon2id at OWASP's minimum: 19 MiB, 2 passes.
        QVERIFY2(hash->toString().startsWith(u"$argon2id$v=19$m=19456,t=2,p=1$"_s), qPrintable(hash->toString()));

        auto mail = rentdesk::models::db::exec(
            f->connection(), u"SELECT event, recipient_email, recipient_name, language, status FROM mail_outbox"_s);
        QVERIFY(mail && mail->next());
        QCOMPARE(mail->value(0).toString(), u"welcome"_s);
        QCOMPARE(mail->value(1).toString(), u"anna.smirnova@example.org"_s);
        QCOMPARE(mail->value(2).toString(), u"Anna Smirnova"_s);
        QCOMPARE(mail->value(3).toString(), u"ru"_s);
        QCOMPARE(mail->value(4).toString(), u"queued"_s);
        QVERIFY(!mail->next());
        QCOMPARE(f->count(u"pending_mutations"_s), 0);
    }

    void unicodeEmailIsLowerCased()
    {
        auto request = anna();
        request.email = u"ÖLGA@ПРИМЕР.РФ"_s;
        auto user = f->accounts.signUp(request);
        QVERIFY2(user, qPrintable(user ? QString() : user.error().message));
        QCOMPARE(user->email, u"ölga@пример.рф"_s);
        auto again = anna();
        again.email = u"Ölga@Пример.РФ"_s;
        auto twin = f->accounts.signUp(again);
        QVERIFY(!twin);
        QCOMPARE(twin.error().code, Code::EmailTaken);
        QCOMPARE(twin.error().field, u"email"_s);
    }

    void emailTakenInAnyCase()
    {
        QVERIFY(f->accounts.signUp(anna()));
        auto twin = anna();
        twin.email = u"ANNA.SMIRNOVA@example.org"_s;
        auto refused = f->accounts.signUp(twin);
        QVERIFY(!refused);
        QCOMPARE(refused.error().code, Code::EmailTaken);
        QCOMPARE(refused.error().field, u"email"_s);
        QCOMPARE(f->count(u"users"_s), 1);
        QCOMPARE(f->count(u"mail_outbox"_s), 1);
    }

    void badSignUpsNameTheField_data()
    {
        QTest::addColumn<QString>("email");
        QTest::addColumn<QString>("password");
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("phone");
        QTest::addColumn<int>("code");
        QTest::addColumn<QString>("field");
        const int invalid = int(Code::InvalidValue);
        const int weak = int(Code::WeakPassword);
        const QString good = u"correct horse battery"_s;
        QTest::newRow("empty email") << u"  "_s << good << u"Anna"_s << QString() << invalid << u"email"_s;
        QTest::newRow("email without domain") << u"anna@"_s << good << u"Anna"_s << QString() << invalid << u"email"_s;
        QTest::newRow("email with spaces")
            << u"an na@example.org"_s << good << u"Anna"_s << QString() << invalid << u"email"_s;
        QTest::newRow("no name") << u"a@example.org"_s << good << u"   "_s << QString() << invalid << u"displayName"_s;
        QTest::newRow("name too long") << u"a@example.org"_s << good << QString(201, u'x') << QString() << invalid
                                       << u"displayName"_s;
        QTest::newRow("short password") << u"a@example.org"_s << u"short1"_s << u"Anna"_s << QString() << weak
                                        << u"password"_s;
        QTest::newRow("one repeated character")
            << u"a@example.org"_s << u"aaaaaaaaaaaa"_s << u"Anna"_s << QString() << weak << u"password"_s;
        QTest::newRow("well-known password")
            << u"a@example.org"_s << u"Password123"_s << u"Anna"_s << QString() << weak << u"password"_s;
        QTest::newRow("password is the email") << u"annasmirnova@example.org"_s << u"annasmirnova@example.org"_s
                                               << u"Anna"_s << QString() << weak << u"password"_s;
        QTest::newRow("password contains the mailbox") << u"annasmirnova@example.org"_s << u"xxannasmirnova12"_s
                                                       << u"Anna"_s << QString() << weak << u"password"_s;
        QTest::newRow("password is the name")
            << u"a@example.org"_s << u"AnnaSmirnova"_s << u"Anna Smirnova"_s << QString() << weak << u"password"_s;
        QTest::newRow("phone with letters")
            << u"a@example.org"_s << good << u"Anna"_s << u"call me maybe"_s << invalid << u"phone"_s;
    }

    void badSignUpsNameTheField()
    {
        QFETCH(QString, email);
        QFETCH(QString, password);
        QFETCH(QString, name);
        QFETCH(QString, phone);
        QFETCH(int, code);
        QFETCH(QString, field);
        auto refused = f->accounts.signUp({ email, password, name, phone, Role::Renter, Language::English });
        QVERIFY(!refused);
        QCOMPARE(int(refused.error().code), code);
        QCOMPARE(refused.error().field, field);
        QVERIFY2(!rentdesk::test::looksLikeSql(refused.error().message), qPrintable(refused.error().message));
        QCOMPARE(f->count(u"users"_s), 0);
        QCOMPARE(f->count(u"mail_outbox"_s), 0);
    }

    void logInAndTheSameAnswerForEveryFailure()
    {
        QVERIFY(f->accounts.signUp(anna()));
        auto user = f->accounts.logIn(u"ANNA.smirnova@example.org "_s, u"correct horse battery"_s);
        QVERIFY2(user, qPrintable(user ? QString() : user.error().message));
        QCOMPARE(user->displayName, u"Anna Smirnova"_s);

        auto wrongPassword = f->accounts.logIn(u"anna.smirnova@example.org"_s, u"correct horse battery!"_s);
        auto unknownEmail = f->accounts.logIn(u"nobody@example.org"_s, u"correct horse battery"_s);
        auto notAnEmail = f->accounts.logIn(u"nobody"_s, u"correct horse battery"_s);
        for (const auto *failed : { &wrongPassword, &unknownEmail, &notAnEmail }) {
            QVERIFY(!*failed);
            QCOMPARE(failed->error().code, Code::WrongCredentials);
            QCOMPARE(failed->error().message, wrongPassword.error().message);
            QCOMPARE(failed->error().field, wrongPassword.error().field);
        }
    }

    void changePassword()
    {
        auto user = f->accounts.signUp(anna());
        QVERIFY(user);
        auto wrongCurrent = f->accounts.changePassword(user->id, u"not it at all"_s, u"a new long phrase"_s);
        QVERIFY(!wrongCurrent);
        QCOMPARE(wrongCurrent.error().code, Code::WrongCredentials);
        QCOMPARE(wrongCurrent.error().field, u"currentPassword"_s);
        auto weak = f->accounts.changePassword(user->id, u"correct horse battery"_s, u"short"_s);
        QVERIFY(!weak);
        QCOMPARE(weak.error().code, Code::WeakPassword);
        QCOMPARE(weak.error().field, u"newPassword"_s);

        QVERIFY(f->accounts.changePassword(user->id, u"correct horse battery"_s, u"a new long phrase"_s));
        QVERIFY(!f->accounts.logIn(user->email, u"correct horse battery"_s));
        QVERIFY(f->accounts.logIn(user->email, u"a new long phrase"_s));
        QCOMPARE(f->count(u"pending_mutations"_s), 0);
    }

    void weakerStoredHashIsUpgradedAtLogIn()
    {
        auto user = f->accounts.signUp(anna());
        QVERIFY(user);
        // The same password hashed with one pass, as an older, cheaper setting would have.
        const QByteArray password("correct horse battery");
        char weak[crypto_pwhash_STRBYTES];
        QCOMPARE(crypto_pwhash_str_alg(weak, password.constData(), size_t(password.size()), 1, 19u * 1024u * 1024u,
                                       crypto_pwhash_ALG_ARGON2ID13),
                 0);
        QVERIFY(rentdesk::models::db::exec(f->connection(), u"UPDATE users SET password_hash = :h"_s,
                                           { { u":h"_s, QString::fromLatin1(weak) } }));
        QVERIFY(passwords::needsRehash(QString::fromLatin1(weak)));

        QVERIFY(f->accounts.logIn(user->email, u"correct horse battery"_s));
        auto stored = rentdesk::models::db::scalar(f->connection(), u"SELECT password_hash FROM users"_s);
        QVERIFY(stored);
        QVERIFY2(stored->toString().contains(u"t=2"_s), qPrintable(stored->toString()));
        QVERIFY(f->accounts.logIn(user->email, u"correct horse battery"_s));
    }

    void signUpIsAtomicWithItsMail()
    {
        // The welcome mail cannot be queued: the account must not exist either.
        QVERIFY(f->run(u"CREATE TEMP TRIGGER no_mail BEFORE INSERT ON mail_outbox "
                       "BEGIN SELECT RAISE(ABORT, 'injected failure'); END"_s));
        const QStringList before = f->dump();
        auto refused = f->accounts.signUp(anna());
        QVERIFY(!refused);
        QVERIFY2(!rentdesk::test::looksLikeSql(refused.error().message), qPrintable(refused.error().message));
        QCOMPARE(f->dump(), before);
    }

    void connectedReplicaHasNoAccounts()
    {
        AccountService replica(f->context(Mode::Connected));
        auto refused = replica.signUp(anna());
        QVERIFY(!refused);
        QCOMPARE(refused.error().code, Code::NotInThisMode);
        QVERIFY(!replica.logIn(u"anna.smirnova@example.org"_s, u"correct horse battery"_s));
        QCOMPARE(f->count(u"users"_s), 0);
    }

    void serverQueuesWelcomeMailToo()
    {
        AccountService server(f->context(Mode::Server));
        QVERIFY(server.signUp(anna()));
        QCOMPARE(f->count(u"mail_outbox"_s), 1);
        QCOMPARE(f->count(u"pending_mutations"_s), 0);
    }
};

QTEST_GUILESS_MAIN(TestAccountService)
#include "tst_accountservice.moc"
