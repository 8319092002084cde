// SPDX-License-Identifier: GPL-3.0-or-later
#include "net/connection/serverconnection.h"
#include "tests/server/serverprocess.h"
#include "tests/support/smtptestserver.h"
#include "tests/support/testsupport.h"

#include <QFile>
#include <QSignalSpy>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using rentdesk::test::ServerProcess;
using rentdesk::test::TestClient;

namespace {

qint64 announcedMaxMessageBytes(const QUrl &url, const QSslConfiguration *tls = nullptr)
{
    TestClient client;
    if (tls)
        client.socket().setSslConfiguration(*tls);
    if (!client.open(url))
        return -1;
    const auto hello = client.call(u"hello"_s, { { u"version"_s, 1 } });
    if (!hello || !hello->value(u"ok"_s).toBool())
        return -1;
    return hello->value(u"limits"_s).toObject().value(u"maxMessageBytes"_s).toInteger();
}

} // namespace

// rentdesk-server's configuration as an operator gives it: an INI file with the long options'
// names, the command line winning over it, unknown keys refused; and wss:// with a
// certificate, which clients verify.
class TestServerConfig final : public QObject
{
    Q_OBJECT

    QTemporaryDir dir;

    QString writeIni(const QByteArray &text)
    {
        const QString path = dir.filePath(u"server-%1.ini"_s.arg(QString::number(qHash(text), 16)));
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly) || file.write(text) != text.size())
            return QString();
        return path;
    }

private Q_SLOTS:
    void theFileIsReadAndTheCommandLineWins()
    {
        const QString ini = writeIni("max-message-bytes=2048\nping-seconds=7\n");
        QVERIFY(!ini.isEmpty());
        {
            ServerProcess server({ u"--config"_s, ini });
            QVERIFY2(server.start(), qPrintable(server.errorString()));
            QCOMPARE(announcedMaxMessageBytes(server.url()), 2048);
        }
        {
            ServerProcess server({ u"--config"_s, ini, u"--max-message-bytes"_s, u"4096"_s });
            QVERIFY2(server.start(), qPrintable(server.errorString()));
            QCOMPARE(announcedMaxMessageBytes(server.url()), 4096);
        }

        // A key that is no option, or a value that is not one, is a usage error (exit 2) naming it.
        for (const QByteArray &bad : { QByteArray("max-mesage-bytes=2048\n"), QByteArray("ping-seconds=often\n") }) {
            const QString path = writeIni(bad);
            QProcess process;
            process.start(QStringLiteral(RENTDESK_SERVER),
                          { u"--config"_s, path, u"--database"_s, dir.filePath(u"x.sqlite"_s), u"--init-only"_s });
            QVERIFY(process.waitForFinished(30000));
            QCOMPARE(process.exitCode(), 2);
            const QString err = QString::fromUtf8(process.readAllStandardError());
            QVERIFY2(err.contains(QString::fromLatin1(bad.left(bad.indexOf('=')))), qPrintable(err));
        }
    }

    void theLimitsOnConnectionsAreOptions()
    {
        // Each in --help, with its default.
        QProcess help;
        help.start(QStringLiteral(RENTDESK_SERVER), { u"--help"_s });
        QVERIFY(help.waitForFinished(30000));
        QCOMPARE(help.exitCode(), 0);
        const QString text = QString::fromUtf8(help.readAllStandardOutput()).simplified();
        for (const QString &option : { u"--slow-reader-seconds <n>"_s, u"--max-connections-per-address <n>"_s,
                                       u"--login-deadline-seconds <n>"_s }) {
            QVERIFY2(text.contains(option), qPrintable(text));
        }
        QVERIFY2(text.contains(u"(default 32)"_s) && text.contains(u"(default 60)"_s)
                     && text.contains(u"(default 10)"_s),
                 qPrintable(text));

        // And from the file: one connection from 127.0.0.1, and a second to log in.
        const QString ini =
            writeIni("max-connections-per-address=1\nlogin-deadline-seconds=1\nslow-reader-seconds=5\n");
        QVERIFY(!ini.isEmpty());
        ServerProcess server({ u"--config"_s, ini });
        QVERIFY2(server.start(), qPrintable(server.errorString()));
        TestClient first;
        QVERIFY(first.open(server.url()));
        TestClient second;
        QVERIFY(second.open(server.url()));
        QVERIFY(second.waitForClose(10000));
        QCOMPARE(second.closeCode(), 1008);
        QVERIFY(first.waitForClose(10000));
        QCOMPARE(first.closeCode(), 1008);
        QCOMPARE(first.socket().closeReason(), u"no log-in in time"_s);

        // A value out of range is a usage error naming the option.
        QProcess process;
        process.start(QStringLiteral(RENTDESK_SERVER),
                      { u"--max-connections-per-address"_s, u"0"_s, u"--database"_s, dir.filePath(u"y.sqlite"_s),
                        u"--init-only"_s });
        QVERIFY(process.waitForFinished(30000));
        QCOMPARE(process.exitCode(), 2);
        QVERIFY(QString::fromUtf8(process.readAllStandardError()).contains(u"--max-connections-per-address"_s));
    }

    // The calendar feed's options (--feed-listen, --feed-url), from the file as from the command
    // line, and the mistakes an operator can make with them.
    void theCalendarFeedIsAnOption()
    {
        const QString ini = writeIni("feed-listen=127.0.0.1:0\nfeed-url=https://rent.example.org/feeds\n");
        QVERIFY(!ini.isEmpty());
        ServerProcess server({ u"--config"_s, ini });
        QVERIFY2(server.start(), qPrintable(server.errorString()));
        QVERIFY2(server.feedUrl().port() > 0, qPrintable(server.standardOutput()));
        QVERIFY2(server.standardOutput().contains(u", published as https://rent.example.org/feeds/\n"_s),
                 qPrintable(server.standardOutput()));

        const QList<std::pair<QStringList, QString>> wrong = {
            { { u"--feed-listen"_s, u"8766"_s }, u"--feed-listen needs HOST:PORT"_s },
            { { u"--feed-url"_s, u"https://rent.example.org/"_s }, u"--feed-url needs --feed-listen"_s },
            { { u"--feed-listen"_s, u"0.0.0.0:8766"_s }, u"needs --feed-url"_s },
            { { u"--feed-listen"_s, u"127.0.0.1:0"_s, u"--feed-url"_s, u"ftp://rent.example.org/"_s },
              u"--feed-url needs an http:// or https:// address"_s },
            { { u"--feed-listen"_s, u"127.0.0.1:0"_s, u"--feed-url"_s, u"https://rent.example.org/?a=1"_s },
              u"--feed-url needs an http:// or https:// address"_s },
        };
        for (const auto &[arguments, says] : wrong) {
            QProcess process;
            process.start(QStringLiteral(RENTDESK_SERVER),
                          arguments + QStringList { u"--database"_s, dir.filePath(u"z.sqlite"_s), u"--init-only"_s });
            QVERIFY(process.waitForFinished(30000));
            QCOMPARE(process.exitCode(), 2);
            const QString err = QString::fromUtf8(process.readAllStandardError());
            QVERIFY2(err.contains(says), qPrintable(err));
        }
        QVERIFY(!QFile::exists(dir.filePath(u"z.sqlite"_s)));
    }

    void wssWithACertificateTheClientsVerify()
    {
        rentdesk::test::SmtpTestServer certificates; // its throw-away CA, for 127.0.0.1
        QVERIFY2(certificates.makeCertificates(), qPrintable(certificates.errorString()));
        ServerProcess server({ u"--tls-cert"_s, certificates.certFile(u"server.pem"_s), u"--tls-key"_s,
                               certificates.certFile(u"server.key"_s) });
        QVERIFY2(server.start(), qPrintable(server.errorString()));
        QCOMPARE(server.url().scheme(), u"wss"_s);

        QSslConfiguration trusting = QSslConfiguration::defaultConfiguration();
        trusting.setCaCertificates(QSslCertificate::fromPath(certificates.caFile()));
        QCOMPARE(announcedMaxMessageBytes(server.url(), &trusting), 65536);

        // Without the CA the certificate is not trusted and nothing is spoken.
        QCOMPARE(announcedMaxMessageBytes(server.url()), -1);

        // The desktop's connection over wss://, with the CA: sign-up and log-in work.
        using rentdesk::net::connection::ServerConnection;
        ServerConnection client;
        client.setSslConfiguration(trusting);
        client.setServerUrl(server.url());
        QSignalSpy signedUp(&client, &ServerConnection::signedUp);
        client.signUp(u"ann@example.org"_s, u"Ann"_s, u"correct horse battery"_s,
                      rentdesk::models::domain::Role::Renter, rentdesk::models::domain::Language::English);
        QVERIFY(signedUp.wait(30000));
        QSignalSpy signedIn(&client, &ServerConnection::signedIn);
        client.logIn(u"ann@example.org"_s, u"correct horse battery"_s);
        QVERIFY(signedIn.wait(30000));
        QCOMPARE(client.state(), ServerConnection::State::Online);

        // Under TLS too the server found the socket that accepts and the TCP socket under each
        // WebSocket, which the limits on descriptors and on unread pongs work through.
        QVERIFY2(!server.standardError().contains(u"cannot watch the accepting socket"_s),
                 qPrintable(server.standardError()));
        QVERIFY2(!server.standardError().contains(u"cannot find the TCP socket"_s), qPrintable(server.standardError()));
    }
};

QTEST_GUILESS_MAIN(TestServerConfig)
#include "tst_serverconfig.moc"
