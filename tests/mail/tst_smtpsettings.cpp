// SPDX-License-Identifier: GPL-3.0-or-later
#include "net/mail/mailconfig.h"
#include "net/mail/smtpsettings.h"

#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace rentdesk;
using net::mail::SmtpSecurity;

Q_DECLARE_METATYPE(net::mail::SmtpSecurity)

// The one SMTP URL the app and the server both read: each scheme with its default port, a
// user name with '@' percent-encoded, and every malformed URL refused with its reason.
class TestSmtpSettings final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void readsUrls_data()
    {
        QTest::addColumn<QString>("url");
        QTest::addColumn<SmtpSecurity>("security");
        QTest::addColumn<QString>("host");
        QTest::addColumn<int>("port");
        QTest::addColumn<QString>("user");
        QTest::newRow("implicit TLS") << u"smtps://mailer@mail.example.org"_s << SmtpSecurity::ImplicitTls
                                      << u"mail.example.org"_s << 465 << u"mailer"_s;
        QTest::newRow("STARTTLS") << u"smtp://mailer@mail.example.org"_s << SmtpSecurity::StartTls
                                  << u"mail.example.org"_s << 587 << u"mailer"_s;
        QTest::newRow("insecure relay") << u"smtp+insecure://localhost"_s << SmtpSecurity::Insecure << u"localhost"_s
                                        << 25 << QString();
        QTest::newRow("user is an address")
            << u"smtp://ann%40example.org@mail.example.org:2525"_s << SmtpSecurity::StartTls << u"mail.example.org"_s
            << 2525 << u"ann@example.org"_s;
        QTest::newRow("Cyrillic user") << u"smtps://%D0%B0%D0%BD%D0%BD%D0%B0@почта.рф"_s << SmtpSecurity::ImplicitTls
                                       << u"почта.рф"_s << 465 << u"анна"_s;
        QTest::newRow("scheme in capitals") << u"SMTPS://Mail.Example.org:1465"_s << SmtpSecurity::ImplicitTls
                                            << u"mail.example.org"_s << 1465 << QString();
        QTest::newRow("IPv6 literal") << u"smtp+insecure://[::1]:2525"_s << SmtpSecurity::Insecure << u"::1"_s << 2525
                                      << QString();
        QTest::newRow("trailing slash") << u" smtp://host/ "_s << SmtpSecurity::StartTls << u"host"_s << 587
                                        << QString();
    }
    void readsUrls()
    {
        QFETCH(QString, url);
        QFETCH(SmtpSecurity, security);
        QFETCH(QString, host);
        QFETCH(int, port);
        QFETCH(QString, user);
        const auto settings = net::mail::parseSmtpUrl(url);
        QVERIFY2(settings, qPrintable(settings ? QString() : settings.error()));
        QCOMPARE(settings->security, security);
        QCOMPARE(settings->host, host);
        QCOMPARE(settings->port, quint16(port));
        QCOMPARE(settings->user, user);

        // What url() writes reads back the same.
        const auto again = net::mail::parseSmtpUrl(settings->url());
        QVERIFY2(again, qPrintable(settings->url()));
        QCOMPARE(*again, *settings);
    }

    void userWithAtIsPercentEncoded()
    {
        net::mail::SmtpSettings settings;
        settings.host = u"mail.example.org"_s;
        settings.port = 587;
        settings.user = u"ann@example.org"_s;
        QCOMPARE(settings.url(), u"smtp://ann%40example.org@mail.example.org:587"_s);
        QCOMPARE(settings.secretKey(), settings.url());
        QCOMPARE(settings.hostAndPort(), u"mail.example.org:587"_s);
    }

    void refusesBadUrls_data()
    {
        QTest::addColumn<QString>("url");
        QTest::addColumn<QString>("reason");
        QTest::newRow("empty") << u"  "_s << u"empty"_s;
        QTest::newRow("other scheme") << u"http://mail.example.org"_s << u"smtps://, smtp:// or smtp+insecure://"_s;
        QTest::newRow("no scheme") << u"mail.example.org:587"_s << u"smtps://, smtp:// or smtp+insecure://"_s;
        QTest::newRow("no host") << u"smtp://"_s << u"no mail server host"_s;
        QTest::newRow("password") << u"smtp://ann:secret@mail.example.org"_s << u"must not hold the password"_s;
        QTest::newRow("path") << u"smtp://mail.example.org/inbox"_s << u"has a path"_s;
        QTest::newRow("query") << u"smtp://mail.example.org?tls=no"_s << u"query"_s;
        QTest::newRow("port zero") << u"smtp://mail.example.org:0"_s << u"no valid port"_s;
        QTest::newRow("port too big") << u"smtp://mail.example.org:99999"_s << u"not a valid mail server URL"_s;
    }
    void refusesBadUrls()
    {
        QFETCH(QString, url);
        QFETCH(QString, reason);
        const auto settings = net::mail::parseSmtpUrl(url);
        QVERIFY(!settings);
        QVERIFY2(settings.error().contains(reason), qPrintable(settings.error()));
        QVERIFY(!settings.error().contains(u"secret"_s)); // a password is never repeated back
    }

    void mailConfigFromItsThreeFields()
    {
        const auto none = net::mail::makeMailConfig(QString(), QString(), QString());
        QVERIFY(none);
        QVERIFY(!none->isConfigured());

        const auto byUser = net::mail::makeMailConfig(u"smtp://ann%40example.org@mail.example.org"_s, {}, {});
        QVERIFY(byUser);
        QCOMPARE(byUser->from.address, u"ann@example.org"_s);
        QCOMPARE(byUser->from.name, u"RentDesk"_s);

        const auto byHost = net::mail::makeMailConfig(u"smtp+insecure://relay.local"_s, {}, {});
        QVERIFY(byHost);
        QCOMPARE(byHost->from.address, u"rentdesk@relay.local"_s);

        const auto named =
            net::mail::makeMailConfig(u"smtps://mail.example.org"_s, {}, u"Мария Иванова <maria@example.org>"_s);
        QVERIFY(named);
        QCOMPARE(named->from.name, u"Мария Иванова"_s);
        QCOMPARE(named->from.address, u"maria@example.org"_s);

        const auto badFrom = net::mail::makeMailConfig(u"smtps://mail.example.org"_s, {}, u"Maria <maria>"_s);
        QVERIFY(!badFrom);
        QVERIFY2(badFrom.error().contains(u"sender"_s), qPrintable(badFrom.error()));

        const auto noCa = net::mail::makeMailConfig(u"smtps://mail.example.org"_s, u"/nonexistent/ca.pem"_s, {});
        QVERIFY(!noCa);
        QVERIFY(noCa.error().contains(u"/nonexistent/ca.pem"_s));

        QTemporaryDir dir;
        QFile ca(dir.filePath(u"ca.pem"_s));
        QVERIFY(ca.open(QIODevice::WriteOnly));
        ca.close();
        const auto withCa = net::mail::makeMailConfig(u"smtps://mail.example.org"_s, ca.fileName(), {});
        QVERIFY(withCa);
        QCOMPARE(withCa->smtp.caFile, ca.fileName());
        QVERIFY(!net::mail::makeMailConfig(u"smtp+insecure://relay.local"_s, ca.fileName(), {}));
    }
};

QTEST_GUILESS_MAIN(TestSmtpSettings)
#include "tst_smtpsettings.moc"
