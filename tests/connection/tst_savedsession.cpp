// SPDX-License-Identifier: GPL-3.0-or-later
#include "net/connection/savedsession.h"
#include "net/connection/serverconnection.h"
#include "net/secrets/secretstore.h"
#include "tests/server/serverprocess.h"

#include <QSettings>
#include <QSignalSpy>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace rentdesk;
using net::connection::ServerConnection;

namespace {

// What the keyring holds under a key, read back the way the app reads it.
QString secretUnder(net::secrets::SecretStore &secrets, const QString &key)
{
    QString value = u"<no answer>"_s;
    QObject context;
    secrets.read(key, &context,
                 [&value](std::expected<QString, QString> read) { value = read.value_or(u"<error>"_s); });
    if (!QTest::qWaitFor([&] { return value != u"<no answer>"_s; }, 5000))
        return u"<timeout>"_s;
    return value;
}

} // namespace

// How the app keeps its server session between runs (net/connection/savedsession.h): the token
// goes to the keyring, never to the settings; the next run resumes with it without asking
// for the password; logging out forgets it.
class TestSavedSession final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init() { QSettings().clear(); }

    void theTokenIsKeptInTheKeyringAndResumed()
    {
        test::ServerProcess server;
        QVERIFY2(server.start(), qPrintable(server.errorString()));
        net::secrets::MemorySecretStore keyring;
        QStringList problems;
        const auto problem = [&problems](const QString &text) {
            problems << text;
        };
        const QString url = server.url().toString();
        const QString key = net::connection::tokenKey(url, u"ann@example.org"_s);

        QString token;
        {
            ServerConnection first;
            net::connection::keepSessionTokens(first, keyring, problem);
            net::connection::resumeSavedServer(first, keyring, url, &first, problem);
            QSignalSpy signedUp(&first, &ServerConnection::signedUp);
            first.signUp(u"ann@example.org"_s, u"Ann"_s, u"correct horse battery"_s, models::domain::Role::Renter,
                         models::domain::Language::English);
            QVERIFY(signedUp.wait(30000));
            QSignalSpy signedIn(&first, &ServerConnection::signedIn);
            first.logIn(u"Ann@Example.org"_s, u"correct horse battery"_s);
            QVERIFY(signedIn.wait(30000));
            token = first.token();
            QVERIFY(!token.isEmpty());
            QTRY_COMPARE_WITH_TIMEOUT(secretUnder(keyring, key), token, 5000);
        }
        // The settings have the server and the account, and not the token.
        QSettings settings;
        QCOMPARE(settings.value(u"server/url"_s).toString(), url);
        for (const QString &name : settings.allKeys())
            QVERIFY2(!settings.value(name).toString().contains(token), qPrintable(name));

        // The next run: no password, and online all the same.
        ServerConnection next;
        net::connection::keepSessionTokens(next, keyring, problem);
        net::connection::resumeSavedServer(next, keyring, QString(), &next, problem);
        QTRY_COMPARE_WITH_TIMEOUT(next.state(), ServerConnection::State::Online, 20000);
        QCOMPARE(next.user().email, u"ann@example.org"_s);
        QCOMPARE(next.token(), token);

        // Logging out forgets it.
        next.logOut();
        QTRY_COMPARE_WITH_TIMEOUT(secretUnder(keyring, key), QString(), 5000);
        QVERIFY2(problems.isEmpty(), qPrintable(problems.join(u'\n')));
    }
};

QTEST_GUILESS_MAIN(TestSavedSession)
#include "tst_savedsession.moc"
