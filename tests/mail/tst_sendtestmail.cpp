// SPDX-License-Identifier: GPL-3.0-or-later
#include "tests/support/childprocess.h"
#include "tests/support/faultsmtpserver.h"
#include "tests/support/smtptestserver.h"

#include <QJsonArray>
#include <QProcess>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace rentdesk;
using Fault = test::FaultSmtpServer::Fault;

namespace {

const QString user = u"mailer@example.test"_s;
const QString password = u"пароль"_s;

using Run = test::ProcessResult;

} // namespace

Q_DECLARE_METATYPE(Fault)

// rentdesk --send-test-mail: one mail without a window; success and each way of failing
// give the exit code README.md documents and one line saying why.
class TestSendTestMail final : public QObject
{
    Q_OBJECT

    QTemporaryDir home;
    test::SmtpTestServer real;

    // Runs rentdesk while this process's event loop keeps serving the fault server.
    Run rentdesk(const QStringList &arguments, const QString &givenPassword = password)
    {
        QProcessEnvironment env = test::childEnvironment(home.path());
        if (!givenPassword.isEmpty())
            env.insert(u"RENTDESK_SMTP_PASSWORD"_s, givenPassword);
        return test::runProcess(QStringLiteral(RENTDESK_APP), arguments, env, 60000);
    }

    QString realUrl() const
    {
        return u"smtp://%1@localhost:%2"_s.arg(QString::fromLatin1(QUrl::toPercentEncoding(user))).arg(real.port());
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(home.isValid());
        QVERIFY2(real.start(test::SmtpTestServer::Mode::StartTls, { user, password, {}, false, {}, {} }),
                 qPrintable(real.errorString()));
    }

    // Through aiosmtpd with STARTTLS and AUTH: exit 0, one line on stdout, and the mail
    // arrives from the sender given, in the language asked for.
    void success()
    {
        const Run run = rentdesk({ u"--send-test-mail"_s, u"Оливер <oliver@example.test>"_s, u"--smtp"_s, realUrl(),
                                   u"--smtp-ca-file"_s, real.caFile(), u"--mail-from"_s,
                                   u"Мария Иванова <maria@example.test>"_s, u"--language"_s, u"ru"_s });
        QCOMPARE(run.exitCode, 0);
        QVERIFY2(run.err.isEmpty(), qPrintable(run.err));
        QCOMPARE(run.out.count(u'\n'), 1);
        QVERIFY2(run.out.contains(u"oliver@example.test"_s), qPrintable(run.out));
        QVERIFY(real.waitForMessages(1));
        const QJsonObject message = real.messages().constLast();
        QCOMPARE(message.value(u"to_address"_s).toString(), u"oliver@example.test"_s);
        QCOMPARE(message.value(u"from_name"_s).toString(), u"Мария Иванова"_s);
        QCOMPARE(message.value(u"authenticated_user"_s).toString(), user);
        QVERIFY(message.value(u"tls"_s).toBool());
        QVERIFY(message.value(u"date_valid"_s).toBool());
        QCOMPARE(message.value(u"parts"_s).toArray().size(), 2);
    }

    void failures_data()
    {
        QTest::addColumn<QString>("server"); // real, fault or none
        QTest::addColumn<Fault>("fault");
        QTest::addColumn<QStringList>("extra");
        QTest::addColumn<QString>("givenPassword");
        QTest::addColumn<int>("exitCode");
        QTest::addColumn<QString>("reason");
        QTest::newRow("authentication failed")
            << u"real"_s << Fault::None << QStringList() << u"wrong"_s << 19 << u"535"_s;
        QTest::newRow("certificate not trusted")
            << u"real-no-ca"_s << Fault::None << QStringList() << password << 16 << u"not trusted"_s;
        QTest::newRow("TLS not offered") << u"fault"_s << Fault::NoStartTls << QStringList() << password << 14
                                         << u"does not offer STARTTLS"_s;
        QTest::newRow("connection refused")
            << u"none"_s << Fault::None << QStringList() << password << 11 << u"refused the connection"_s;
        QTest::newRow("timed out") << u"fault"_s << Fault::Silent << QStringList { u"--smtp-timeout"_s, u"1"_s }
                                   << password << 12 << u"did not answer within 1 s"_s;
        QTest::newRow("recipient refused")
            << u"fault"_s << Fault::RecipientRefused << QStringList() << password << 22 << u"550"_s;
        QTest::newRow("no password") << u"real"_s << Fault::None << QStringList() << QString() << 3
                                     << u"RENTDESK_SMTP_PASSWORD"_s;
    }
    void failures()
    {
        QFETCH(QString, server);
        QFETCH(Fault, fault);
        QFETCH(QStringList, extra);
        QFETCH(QString, givenPassword);
        QFETCH(int, exitCode);
        QFETCH(QString, reason);

        test::FaultSmtpServer faulty;
        QVERIFY(faulty.listen());
        faulty.setFault(fault);
        faulty.setCredentials(user.toUtf8(), password.toUtf8());
        QStringList arguments { u"--send-test-mail"_s, u"oliver@example.test"_s };
        if (server == u"real") {
            arguments << u"--smtp"_s << realUrl() << u"--smtp-ca-file"_s << real.caFile();
        } else if (server == u"real-no-ca") {
            arguments << u"--smtp"_s << realUrl();
        } else if (server == u"fault") {
            if (fault == Fault::NoStartTls) {
                // A certificate it could use, and it still does not offer STARTTLS.
                QVERIFY(faulty.setCertificate(real.certFile(u"server.pem"_s), real.certFile(u"server.key"_s)));
                arguments << u"--smtp"_s << u"smtp://localhost:%1"_s.arg(faulty.port()) << u"--smtp-ca-file"_s
                          << real.caFile();
            } else {
                arguments << u"--smtp"_s << u"smtp+insecure://localhost:%1"_s.arg(faulty.port());
            }
        } else {
            QTcpServer probe;
            QVERIFY(probe.listen(QHostAddress::LocalHost, 0));
            const quint16 port = probe.serverPort();
            probe.close();
            arguments << u"--smtp"_s << u"smtp+insecure://127.0.0.1:%1"_s.arg(port);
        }
        arguments << extra;

        const Run run = rentdesk(arguments, givenPassword);
        QCOMPARE(run.exitCode, exitCode);
        QVERIFY(run.out.isEmpty());
        QCOMPARE(run.err.count(u'\n'), 1);
        QVERIFY2(run.err.startsWith(u"rentdesk: "_s), qPrintable(run.err));
        QVERIFY2(run.err.contains(reason), qPrintable(run.err));
        QVERIFY(!run.err.contains(password));
        if (fault == Fault::NoStartTls)
            QVERIFY(!faulty.plaintextReceived().contains("AUTH"));
    }

    void badUsage_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QString>("reason");
        QTest::newRow("bad address") << QStringList { u"--send-test-mail"_s, u"oliver"_s, u"--smtp"_s,
                                                      u"smtp://localhost"_s }
                                     << u"--send-test-mail"_s;
        QTest::newRow("bad URL") << QStringList { u"--send-test-mail"_s, u"oliver@example.test"_s, u"--smtp"_s,
                                                  u"http://localhost"_s }
                                 << u"smtp+insecure://"_s;
        QTest::newRow("password in URL") << QStringList { u"--send-test-mail"_s, u"oliver@example.test"_s, u"--smtp"_s,
                                                          u"smtp://u:secret@localhost"_s }
                                         << u"password"_s;
        QTest::newRow("bad sender") << QStringList { u"--send-test-mail"_s, u"oliver@example.test"_s, u"--smtp"_s,
                                                     u"smtp://localhost"_s, u"--mail-from"_s,         u"RentDesk <>"_s }
                                    << u"--mail-from"_s;
        QTest::newRow("bad timeout") << QStringList { u"--send-test-mail"_s, u"oliver@example.test"_s, u"--smtp"_s,
                                                      u"smtp://localhost"_s, u"--smtp-timeout"_s,      u"0"_s }
                                     << u"--smtp-timeout"_s;
    }
    void badUsage()
    {
        QFETCH(QStringList, arguments);
        QFETCH(QString, reason);
        const Run run = rentdesk(arguments);
        QCOMPARE(run.exitCode, 2);
        QCOMPARE(run.err.count(u'\n'), 1);
        QVERIFY2(run.err.contains(reason), qPrintable(run.err));
        QVERIFY(!run.err.contains(u"secret"_s));
    }

    // Without --smtp and with nothing saved there is no server to test.
    void nothingSetUp()
    {
        const Run run = rentdesk({ u"--send-test-mail"_s, u"oliver@example.test"_s });
        QCOMPARE(run.exitCode, 3);
        QVERIFY2(run.err.contains(u"--smtp"_s), qPrintable(run.err));
    }
};

QTEST_GUILESS_MAIN(TestSendTestMail)
#include "tst_sendtestmail.moc"
