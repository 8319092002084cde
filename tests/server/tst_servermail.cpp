// SPDX-License-Identifier: GPL-3.0-or-later
#include "net/mail/mailcommand.h"
#include "tests/server/serverprocess.h"
#include "tests/support/smtptestserver.h"

#include <QJsonArray>
#include <QProcess>
#include <QTcpServer>
#include <QTest>

using namespace Qt::StringLiterals;
using rentdesk::test::ServerProcess;
using rentdesk::test::SmtpTestServer;
using rentdesk::test::TestClient;

namespace {

const QString user = u"server@example.test"_s;
const QString smtpPassword = u"пароль сервера"_s;

QString smtpUrl(quint16 port)
{
    return u"smtp://server%40example.test@127.0.0.1:%1"_s.arg(port);
}

} // namespace

// rentdesk-server's mail against a real aiosmtpd (STARTTLS and AUTH required): the welcome
// mail a sign-up queues goes out from the server's own outbox, and --send-test-mail works
// with the server's settings and answers with the mail commands' exit codes.
class TestServerMail final : public QObject
{
    Q_OBJECT

    SmtpTestServer smtp;

    QStringList mailArguments() const
    {
        return { u"--smtp"_s,   smtpUrl(smtp.port()), u"--smtp-ca-file"_s,
                 smtp.caFile(), u"--mail-from"_s,     u"RentDesk <server@example.test>"_s };
    }

private Q_SLOTS:
    void initTestCase()
    {
        qputenv("RENTDESK_SMTP_PASSWORD", smtpPassword.toUtf8());
        SmtpTestServer::Options options;
        options.user = user;
        options.password = smtpPassword;
        QVERIFY2(smtp.start(SmtpTestServer::Mode::StartTls, options), qPrintable(smtp.errorString()));
    }

    void signUpSendsTheWelcomeMail()
    {
        const qsizetype before = smtp.messages().size();
        ServerProcess server(mailArguments());
        QVERIFY2(server.start(), qPrintable(server.errorString()));
        TestClient client;
        QVERIFY(client.open(server.url()) && client.hello());
        const auto signedUp = client.call(u"signup"_s,
                                          { { u"email"_s, u"Olga.Kim@Example.test"_s },
                                            { u"password"_s, u"correct horse battery"_s },
                                            { u"displayName"_s, u"Ольга Ким"_s },
                                            { u"role"_s, u"landlord"_s },
                                            { u"language"_s, u"ru"_s } },
                                          30000);
        QVERIFY2(signedUp && signedUp->value(u"ok"_s).toBool(), qPrintable(client.lastError()));
        QVERIFY2(smtp.waitForMessages(int(before) + 1, 30000), qPrintable(smtp.errorString()));
        const QJsonObject mail = smtp.messages().constLast();
        QCOMPARE(mail.value(u"rcpt_tos"_s).toArray(), QJsonArray { u"olga.kim@example.test"_s });
        QCOMPARE(mail.value(u"authenticated_user"_s).toString(), user);
        QVERIFY(mail.value(u"tls"_s).toBool());
        QCOMPARE(mail.value(u"to_name"_s).toString(), u"Ольга Ким"_s);
        // In the recipient's language.
        QVERIFY2(mail.value(u"subject"_s).toString().contains(u"Ольга Ким"_s),
                 qPrintable(mail.value(u"subject"_s).toString()));
        QVERIFY2(!mail.value(u"subject"_s).toString().startsWith(u"Welcome"_s),
                 qPrintable(mail.value(u"subject"_s).toString()));
        QCOMPARE(server.stop(), 0);
    }

    void sendTestMailUsesTheServersSettings()
    {
        const qsizetype before = smtp.messages().size();
        QProcess process;
        process.start(QStringLiteral(RENTDESK_SERVER),
                      QStringList { u"--send-test-mail"_s, u"ops@example.test"_s } + mailArguments());
        QVERIFY(process.waitForFinished(60000));
        QCOMPARE(process.exitCode(), 0);
        QVERIFY(smtp.waitForMessages(int(before) + 1, 10000));
        QCOMPARE(smtp.messages().constLast().value(u"rcpt_tos"_s).toArray(), QJsonArray { u"ops@example.test"_s });

        // Nobody listening: the documented exit code and one line saying why.
        QTcpServer closed;
        QVERIFY(closed.listen(QHostAddress::LocalHost));
        const quint16 port = closed.serverPort();
        closed.close();
        QProcess refused;
        refused.start(QStringLiteral(RENTDESK_SERVER),
                      { u"--send-test-mail"_s, u"ops@example.test"_s, u"--smtp"_s, smtpUrl(port) });
        QVERIFY(refused.waitForFinished(60000));
        QCOMPARE(refused.exitCode(), int(rentdesk::net::mail::MailExitConnectionRefused));
        const QStringList lines = QString::fromUtf8(refused.readAllStandardError()).trimmed().split(u'\n');
        QCOMPARE(lines.size(), 1);
        QVERIFY2(lines.constFirst().startsWith(u"rentdesk-server: "_s), qPrintable(lines.constFirst()));
    }
};

QTEST_GUILESS_MAIN(TestServerMail)
#include "tst_servermail.moc"
