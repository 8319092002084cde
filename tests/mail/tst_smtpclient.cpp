// SPDX-License-Identifier: GPL-3.0-or-later
#include "net/mail/smtpclient.h"
#include "tests/support/faultsmtpserver.h"
#include "tests/support/smtptestserver.h"

#include <QSignalSpy>
#include <QTcpServer>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace rentdesk;
using net::mail::SmtpClient;
using net::mail::SmtpError;
using net::mail::SmtpSecurity;
using test::FaultSmtpServer;
using Fault = test::FaultSmtpServer::Fault;
using Kind = net::mail::SmtpError::Kind;

Q_DECLARE_METATYPE(Fault)
Q_DECLARE_METATYPE(Kind)

namespace {

const QString user = u"отправитель@example.test"_s;
const QString password = u"пароль: correct horse"_s;

net::mail::MailMessage message(const QString &subject = u"Бронирование подтверждено"_s)
{
    net::mail::MailMessage m;
    m.from = { u"RentDesk"_s, u"rentdesk@example.test"_s };
    m.to = { u"Мария Иванова"_s, u"maria@example.test"_s };
    m.subject = subject;
    m.text = u"Hello.\n.A line that starts with a dot\n..and two\nDone."_s;
    m.html = u"<p>Hello.</p>"_s;
    m.messageId = "<" + QUuid::createUuid().toString(QUuid::WithoutBraces).toLatin1() + "@rentdesk.local>";
    m.date = QDateTime(QDate(2026, 6, 1), QTime(10, 0), Qt::UTC);
    return m;
}

// What the client said of each mail, in order.
struct Outcome
{
    QStringList sent;
    QList<QPair<QString, SmtpError>> failed;
    [[nodiscard]] int total() const { return int(sent.size() + failed.size()); }
};

} // namespace

// The client against our own fault-injecting server: every failure a real server would not
// produce on request, each with the outcome the outbox needs (try again later, or stop with
// the reason), and never a password or a mail in clear where TLS was required.
class TestSmtpClient final : public QObject
{
    Q_OBJECT

    test::SmtpTestServer certificates; // only for its throw-away CA and certificates
    std::unique_ptr<FaultSmtpServer> server;
    Outcome outcome;

    std::unique_ptr<SmtpClient> client(SmtpSecurity security, bool withCa = true, QString login = user)
    {
        net::mail::SmtpSettings settings;
        settings.security = security;
        settings.host = u"localhost"_s;
        settings.port = server->port();
        settings.user = login;
        if (withCa && security != SmtpSecurity::Insecure)
            settings.caFile = certificates.caFile();
        auto c = std::make_unique<SmtpClient>(settings, password);
        SmtpClient::Timeouts timeouts;
        timeouts.connect = std::chrono::milliseconds(5000);
        timeouts.reply = std::chrono::milliseconds(5000);
        timeouts.idle = std::chrono::milliseconds(60000);
        c->setTimeouts(timeouts);
        connect(c.get(), &SmtpClient::sent, this, [this](const QString &key) { outcome.sent.append(key); });
        connect(c.get(), &SmtpClient::failed, this, [this](const QString &key, const SmtpError &error) {
            outcome.failed.append({ key, error });
        });
        return c;
    }

    bool useTls()
    {
        return server->setCertificate(certificates.certsDir() + u"/server.pem"_s,
                                      certificates.certsDir() + u"/server.key"_s);
    }

    // Sends the mails and waits until each has its outcome.
    bool sendAll(SmtpClient &c, int count)
    {
        for (int i = 0; i < count; ++i)
            c.send(u"mail-%1"_s.arg(i), message());
        return QTest::qWaitFor([&] { return outcome.total() == count; }, 15000);
    }

    [[nodiscard]] int countCommands(const QByteArray &verb) const
    {
        int n = 0;
        for (const QByteArray &line : server->commands())
            n += line.toUpper().startsWith(verb) ? 1 : 0;
        return n;
    }

private Q_SLOTS:
    void initTestCase() { QVERIFY2(certificates.makeCertificates(), qPrintable(certificates.errorString())); }
    void init()
    {
        outcome = {};
        server = std::make_unique<FaultSmtpServer>();
        QVERIFY(server->listen());
        server->setCredentials(user.toUtf8(), password.toUtf8());
    }
    void cleanup() { server.reset(); }

    // Over STARTTLS with AUTH, as a submission server takes mail; the server gets exactly the
    // rendered message, dot-stuffing undone, and nothing but EHLO and STARTTLS went in clear.
    void sendsOverStartTls()
    {
        QVERIFY(useTls());
        auto c = client(SmtpSecurity::StartTls);
        const net::mail::MailMessage m = message();
        c->send(u"one"_s, m);
        QTRY_COMPARE_WITH_TIMEOUT(outcome.total(), 1, 15000);
        QVERIFY2(outcome.failed.isEmpty(), qPrintable(outcome.failed.value(0).second.message));
        QCOMPARE(outcome.sent, QStringList { u"one"_s });
        QCOMPARE(server->mails().size(), 1);
        QCOMPARE(server->mails().constFirst(), net::mail::renderMessage(m, net::mail::BodyEncoding::QuotedPrintable));
        QVERIFY(server->mails().constFirst().contains("\r\n.A line that starts with a dot"));

        const QByteArray clear = server->plaintextReceived();
        QVERIFY(clear.startsWith("EHLO ["));
        QVERIFY(clear.contains("STARTTLS\r\n"));
        QVERIFY2(!clear.contains("AUTH") && !clear.contains("MAIL FROM"), clear.constData());
        // After TLS the client said EHLO again and logged in with PLAIN (offered first).
        QCOMPARE(countCommands("EHLO"), 2);
        QCOMPARE(countCommands("AUTH PLAIN"), 1);
    }

    // The dots a body line starts with are doubled on the wire and restored by the server.
    void dotStuffingOnTheWire()
    {
        QByteArray wire;
        connect(server.get(), &FaultSmtpServer::dataReceived, this, [&](const QByteArray &data) { wire = data; });
        auto c = client(SmtpSecurity::Insecure, false, QString());
        c->send(u"dots"_s, message());
        QTRY_COMPARE_WITH_TIMEOUT(outcome.total(), 1, 15000);
        QCOMPARE(outcome.sent.size(), 1);
        QVERIFY(server->plaintextReceived().contains("\r\n..A line that starts with a dot\r\n"));
        QVERIFY(server->plaintextReceived().contains("\r\n...and two\r\n"));
        QVERIFY(wire.contains("\r\n.A line that starts with a dot\r\n"));
    }

    // AUTH LOGIN where the server offers only that, with a user name and password in UTF-8.
    void loginWhenOnlyLoginIsOffered()
    {
        QVERIFY(useTls());
        server->setAuthMechanisms({ "LOGIN" });
        auto c = client(SmtpSecurity::StartTls);
        QVERIFY(sendAll(*c, 1));
        QCOMPARE(outcome.sent.size(), 1);
        QCOMPARE(countCommands("AUTH LOGIN"), 1);
        QVERIFY(server->commands().contains(user.toUtf8().toBase64()));
        QVERIFY(server->commands().contains(password.toUtf8().toBase64()));
    }

    // One connection for a batch and the idle connection reused. A mail the server accepted
    // ended its transaction, so the next one starts without RSET.
    void oneConnectionForABatch()
    {
        auto c = client(SmtpSecurity::Insecure, false, QString());
        QVERIFY(sendAll(*c, 3));
        QCOMPARE(outcome.sent, (QStringList { u"mail-0"_s, u"mail-1"_s, u"mail-2"_s }));
        QCOMPARE(server->connectionCount(), 1);
        QCOMPARE(countCommands("RSET"), 0);
        QCOMPARE(countCommands("MAIL FROM"), 3);

        c->send(u"later"_s, message());
        QTRY_COMPARE_WITH_TIMEOUT(outcome.total(), 4, 15000);
        QCOMPARE(outcome.sent.constLast(), u"later"_s);
        QCOMPARE(server->connectionCount(), 1);
    }

    // A server may close an idle connection; the next mail opens a new one, without a failure.
    void reconnectsWhenTheServerClosedAnIdleConnection()
    {
        server->setFault(Fault::CloseWhenIdle);
        auto c = client(SmtpSecurity::Insecure, false, QString());
        QVERIFY(sendAll(*c, 1));
        QTRY_COMPARE_WITH_TIMEOUT(server->openConnections(), 0, 5000);
        QTRY_VERIFY(!c->isConnected());
        c->send(u"second"_s, message());
        QTRY_COMPARE_WITH_TIMEOUT(outcome.total(), 2, 15000);
        QVERIFY(outcome.failed.isEmpty());
        QCOMPARE(server->connectionCount(), 2);
    }

    // The idle timeout ends an unused connection politely.
    void idleConnectionIsClosedWithQuit()
    {
        auto c = client(SmtpSecurity::Insecure, false, QString());
        SmtpClient::Timeouts timeouts;
        timeouts.idle = std::chrono::milliseconds(200);
        c->setTimeouts(timeouts);
        QSignalSpy closed(c.get(), &SmtpClient::disconnected);
        QVERIFY(sendAll(*c, 1));
        QVERIFY(closed.wait(5000));
        QCOMPARE(countCommands("QUIT"), 1);
    }

    // Each fault, with the outcome it must have.
    void faults_data()
    {
        QTest::addColumn<Fault>("fault");
        QTest::addColumn<Kind>("kind");
        QTest::addColumn<int>("replyCode");
        QTest::addColumn<bool>("permanent");
        QTest::addColumn<QString>("mentions");
        QTest::newRow("421 at the greeting")
            << Fault::GreetingRefused << Kind::ServerUnavailable << 421 << false << u"421"_s;
        QTest::newRow("451 after DATA") << Fault::DataRefusedTemporarily << Kind::TemporaryRefusal << 451 << false
                                        << u"451 4.3.0 Try again later"_s;
        QTest::newRow("550 on the recipient")
            << Fault::RecipientRefused << Kind::PermanentRefusal << 550 << true << u"maria@example.test"_s;
        QTest::newRow("dropped mid-DATA")
            << Fault::DropMidData << Kind::ConnectionLost << 0 << false << u"closed the connection"_s;
        QTest::newRow("never answers") << Fault::Silent << Kind::TimedOut << 0 << false << u"did not answer"_s;
        QTest::newRow("535 to AUTH") << Fault::AuthRefused << Kind::AuthenticationFailed << 535 << false
                                     << u"535 5.7.8"_s;
    }
    void faults()
    {
        QFETCH(Fault, fault);
        QFETCH(Kind, kind);
        QFETCH(int, replyCode);
        QFETCH(bool, permanent);
        QFETCH(QString, mentions);
        server->setFault(fault);
        const bool login = fault == Fault::AuthRefused;
        auto c = client(SmtpSecurity::Insecure, false, login ? user : QString());
        SmtpClient::Timeouts timeouts;
        timeouts.reply = std::chrono::milliseconds(fault == Fault::Silent ? 300 : 5000);
        c->setTimeouts(timeouts);
        QVERIFY(sendAll(*c, 2));
        QCOMPARE(outcome.failed.size(), 2); // the second mail too: it has an answer either way
        const SmtpError &error = outcome.failed.constFirst().second;
        QCOMPARE(error.kind, kind);
        QCOMPARE(error.replyCode, replyCode);
        QCOMPARE(error.isPermanent(), permanent);
        QVERIFY2(error.message.contains(mentions), qPrintable(error.message));
        QVERIFY2(error.message.contains(u"localhost:"_s + QString::number(server->port())), qPrintable(error.message));
        QVERIFY(!error.message.contains(u'\n'));
        QVERIFY(server->mails().isEmpty());
    }

    // The connection timeout covers the TLS handshake: a server that takes the connection and
    // never answers the ClientHello is given up on after it.
    void connectTimeoutCoversTheHandshake()
    {
        server->setFault(Fault::Silent);
        auto c = client(SmtpSecurity::ImplicitTls);
        SmtpClient::Timeouts timeouts;
        timeouts.connect = std::chrono::milliseconds(300);
        timeouts.reply = std::chrono::milliseconds(60000);
        c->setTimeouts(timeouts);
        QVERIFY(sendAll(*c, 1));
        QCOMPARE(outcome.failed.size(), 1);
        const SmtpError &error = outcome.failed.constFirst().second;
        QCOMPARE(error.kind, Kind::TimedOut);
        QVERIFY2(error.message.contains(u"did not complete the connection within 0.3 s"_s), qPrintable(error.message));
    }

    // A refused recipient ends only that mail; the transaction it left open is reset before
    // the next mail on the same connection, which goes through.
    void refusalOfOneMailLeavesTheConnectionUsable()
    {
        server->setFault(Fault::RecipientRefused);
        server->setFaultLimit(1);
        auto c = client(SmtpSecurity::Insecure, false, QString());
        QVERIFY(sendAll(*c, 2));
        QCOMPARE(outcome.failed.size(), 1);
        QCOMPARE(outcome.sent, QStringList { u"mail-1"_s });
        QCOMPARE(server->connectionCount(), 1);
        QCOMPARE(countCommands("RSET"), 1);
        QCOMPARE(countCommands("MAIL FROM"), 2);
        // In order: the refused RCPT, RSET, then the second mail's MAIL FROM.
        QByteArrayList verbs;
        for (const QByteArray &line : server->commands())
            verbs.append(line.left(4));
        verbs.removeIf([](const QByteArray &verb) { return verb == "EHLO" || verb == "DATA"; });
        QCOMPARE(verbs, (QByteArrayList { "MAIL", "RCPT", "RSET", "MAIL", "RCPT", "QUIT" }.mid(0, verbs.size())));
    }

    // STARTTLS required and not offered: stop before anything else goes in clear.
    void startTlsNotOffered()
    {
        QVERIFY(useTls());
        server->setFault(Fault::NoStartTls);
        auto c = client(SmtpSecurity::StartTls);
        QVERIFY(sendAll(*c, 1));
        QCOMPARE(outcome.failed.size(), 1);
        QCOMPARE(outcome.failed.constFirst().second.kind, Kind::TlsNotOffered);
        QVERIFY(outcome.failed.constFirst().second.message.contains(u"STARTTLS"_s));
        const QByteArray clear = server->plaintextReceived();
        QVERIFY2(!clear.contains("AUTH") && !clear.contains("MAIL") && !clear.contains("STARTTLS"), clear.constData());
        QCOMPARE(countCommands("EHLO"), 1);
    }

    // Bytes after the 220 to STARTTLS would be read as if they came through TLS: leave.
    void bytesAfterStartTlsReply()
    {
        QVERIFY(useTls());
        server->setFault(Fault::InjectAfterStartTls);
        auto c = client(SmtpSecurity::StartTls);
        QVERIFY(sendAll(*c, 1));
        QCOMPARE(outcome.failed.size(), 1);
        QCOMPARE(outcome.failed.constFirst().second.kind, Kind::ProtocolViolation);
        QVERIFY(outcome.failed.constFirst().second.message.contains(u"STARTTLS"_s));
        // Nothing more was said, in clear or otherwise: no AUTH, no TLS ClientHello.
        QCOMPARE(server->commands(), (QByteArrayList { server->commands().constFirst(), "STARTTLS" }));
        QVERIFY(server->plaintextReceived().endsWith("STARTTLS\r\n"));
    }

    // The capabilities from before TLS are forgotten: a SIZE limit offered in clear no longer
    // applies once the server, after TLS, names none.
    void capabilitiesAreReadAgainAfterTls()
    {
        QVERIFY(useTls());
        server->setExtensionsBeforeTls({ "SIZE 10" });
        auto c = client(SmtpSecurity::StartTls);
        QVERIFY(sendAll(*c, 1));
        QVERIFY2(outcome.failed.isEmpty(), qPrintable(outcome.failed.value(0).second.message));
    }

    // Certificates are verified: a CA the client does not know, a name that does not match, a
    // certificate that expired. The message names the server and the problem.
    void certificateProblems_data()
    {
        QTest::addColumn<QString>("certificate");
        QTest::addColumn<bool>("withCa");
        QTest::addColumn<QString>("problem");
        QTest::newRow("unknown CA") << u"server"_s << false << u"issuer certificate"_s;
        QTest::newRow("wrong host") << u"wrong-host"_s << true << u"host name"_s;
        QTest::newRow("expired") << u"expired"_s << true << u"expired"_s;
    }
    void certificateProblems()
    {
        QFETCH(QString, certificate);
        QFETCH(bool, withCa);
        QFETCH(QString, problem);
        const QString dir = certificates.certsDir();
        QVERIFY(server->setCertificate(dir + u'/' + certificate + u".pem"_s, dir + u'/' + certificate + u".key"_s));
        auto c = client(SmtpSecurity::StartTls, withCa);
        QVERIFY(sendAll(*c, 1));
        QCOMPARE(outcome.failed.size(), 1);
        const SmtpError &error = outcome.failed.constFirst().second;
        QCOMPARE(error.kind, Kind::CertificateUntrusted);
        QVERIFY2(error.message.contains(u"localhost:"_s), qPrintable(error.message));
        QVERIFY2(error.message.contains(problem, Qt::CaseInsensitive), qPrintable(error.message));
        QVERIFY(!server->plaintextReceived().contains("AUTH"));
        QCOMPARE(countCommands("AUTH"), 0);
    }

    // 8BITMIME offered: the parts go as 8bit and MAIL FROM says so.
    void eightBitWhenOffered()
    {
        server->setExtensions({ "8BITMIME" });
        auto c = client(SmtpSecurity::Insecure, false, QString());
        const net::mail::MailMessage m = message();
        c->send(u"8bit"_s, m);
        QTRY_COMPARE_WITH_TIMEOUT(outcome.total(), 1, 15000);
        QCOMPARE(outcome.sent.size(), 1);
        QVERIFY(server->commands().contains("MAIL FROM:<rentdesk@example.test> BODY=8BITMIME"));
        QCOMPARE(server->mails().constFirst(), net::mail::renderMessage(m, net::mail::BodyEncoding::EightBit));
    }

    // What the server announced is respected before anything is sent.
    void limitsAnnouncedByTheServer()
    {
        server->setExtensions({ "SIZE 100" });
        auto c = client(SmtpSecurity::Insecure, false, QString());
        net::mail::MailMessage utf8Recipient = message();
        utf8Recipient.to.address = u"мария@пример.рф"_s;
        c->send(u"big"_s, message());
        c->send(u"utf8"_s, utf8Recipient);
        QTRY_COMPARE_WITH_TIMEOUT(outcome.total(), 2, 15000);
        QCOMPARE(outcome.failed.size(), 2);
        QCOMPARE(outcome.failed.at(0).second.kind, Kind::PermanentRefusal);
        QVERIFY(outcome.failed.at(0).second.message.contains(u"100"_s));
        QCOMPARE(outcome.failed.at(1).second.kind, Kind::PermanentRefusal);
        QVERIFY(outcome.failed.at(1).second.message.contains(u"мария@пример.рф"_s));
        QCOMPARE(countCommands("MAIL FROM"), 0);
    }

    void connectionRefused()
    {
        QTcpServer probe;
        QVERIFY(probe.listen(QHostAddress::LocalHost, 0));
        const quint16 port = probe.serverPort();
        probe.close();
        net::mail::SmtpSettings settings;
        settings.security = SmtpSecurity::Insecure;
        settings.host = u"127.0.0.1"_s;
        settings.port = port;
        SmtpClient c(settings, QString());
        QSignalSpy failed(&c, &SmtpClient::failed);
        c.send(u"x"_s, message());
        QVERIFY(failed.wait(10000));
        const auto error = failed.constFirst().at(1).value<SmtpError>();
        QCOMPARE(error.kind, Kind::ConnectionRefused);
        QVERIFY(error.message.contains(u"127.0.0.1:"_s + QString::number(port)));
    }

    void missingPasswordIsAConfigurationError()
    {
        net::mail::SmtpSettings settings;
        settings.host = u"localhost"_s;
        settings.port = server->port();
        settings.user = u"ann"_s;
        SmtpClient c(settings, QString());
        QSignalSpy failed(&c, &SmtpClient::failed);
        c.send(u"x"_s, message());
        QVERIFY(failed.wait(5000));
        QCOMPARE(failed.constFirst().at(1).value<SmtpError>().kind, Kind::Configuration);
        QCOMPARE(server->connectionCount(), 0);
    }
};

QTEST_GUILESS_MAIN(TestSmtpClient)
#include "tst_smtpclient.moc"
