// SPDX-License-Identifier: GPL-3.0-or-later
#include "tests/support/smtptestserver.h"

#include <QJsonArray>
#include <QSignalSpy>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QSslSocket>
#include <QTest>

#include <algorithm>

using namespace Qt::StringLiterals;
using rentdesk::test::SmtpTestServer;

namespace {

constexpr int timeoutMs = 10000;

// Cyrillic with an '@' in the user name, as Russian mail providers have them: the server
// must compare UTF-8 bytes, and a client must not squeeze them through ASCII.
QString testUser()
{
    return u"пётр@почта.рф"_s;
}

QString testPassword()
{
    return u"Пароль-на-время"_s;
}

// Member by member: GCC 12 warns (-Wmissing-field-initializers) on designated
// initialisers that leave members to their defaults.
SmtpTestServer::Options withCredentials()
{
    SmtpTestServer::Options options;
    options.user = testUser();
    options.password = testPassword();
    return options;
}

QByteArray plainCredentials(const QString &user, const QString &password)
{
    QByteArray credentials;
    credentials.append('\0');
    credentials += user.toUtf8();
    credentials.append('\0');
    credentials += password.toUtf8();
    return credentials.toBase64();
}

// A complete message as a client would put it after DATA (with CRLF, before dot-stuffing),
// followed by the dot-stuffed body line "..hidden" and the end-of-data line.
QByteArray messageWithHiddenLine(const QString &subject)
{
    return "From: Lena Landlord <landlord@example.org>\r\n"
           "To: Roman Renter <renter@example.org>\r\n"
           "Subject: =?UTF-8?B?"_ba
        + subject.toUtf8().toBase64()
        + "?=\r\n"
          "Date: Tue, 01 Dec 2026 10:00:00 +0000\r\n"
          "Message-ID: <harness-1@rentdesk.test>\r\n"
          "MIME-Version: 1.0\r\n"
          "Content-Type: text/plain; charset=UTF-8\r\n"
          "Content-Transfer-Encoding: 8bit\r\n"
          "\r\n"_ba
        + u"Первая строка"_s.toUtf8()
        + "\r\n"
          "..hidden\r\n"
          "last line\r\n"
          ".\r\n"_ba;
}

struct Reply
{
    int code = 0;
    QStringList lines;

    [[nodiscard]] QString text() const
    {
        return code == 0 ? u"(no reply)"_s : u"%1 %2"_s.arg(code).arg(lines.join(u" | "_s));
    }
    // Whether an EHLO reply lists the extension (its first word on one of the lines).
    [[nodiscard]] bool offers(const QString &keyword) const
    {
        return std::any_of(lines.cbegin(), lines.cend(), [&keyword](const QString &line) {
            return line.section(u' ', 0, 0).compare(keyword, Qt::CaseInsensitive) == 0;
        });
    }
    [[nodiscard]] bool offersAuth(const QString &mechanism) const
    {
        return std::any_of(lines.cbegin(), lines.cend(), [&mechanism](const QString &line) {
            const QStringList words = line.split(u' ', Qt::SkipEmptyParts);
            return !words.isEmpty() && words.first().compare(u"AUTH"_s, Qt::CaseInsensitive) == 0
                && words.contains(mechanism, Qt::CaseInsensitive);
        });
    }
};

// One SMTP conversation on a socket the test drives byte by byte, so that it sees the
// server exactly as a client would. Trusts only the given CA and checks the name
// "localhost", as RentDesk must: never VerifyNone.
class Client final
{
public:
    explicit Client(const QString &caFile)
    {
        QSslConfiguration configuration = QSslConfiguration::defaultConfiguration();
        configuration.setCaCertificates(QSslCertificate::fromPath(caFile));
        configuration.setPeerVerifyMode(QSslSocket::VerifyPeer);
        m_socket.setSslConfiguration(configuration);
        m_socket.setPeerVerifyName(u"localhost"_s);
        QObject::connect(&m_socket, &QSslSocket::sslErrors, &m_socket,
                         [this](const QList<QSslError> &errors) { m_sslErrors += errors; });
    }

    [[nodiscard]] QSslSocket &socket() { return m_socket; }
    [[nodiscard]] QList<QSslError> sslErrors() const { return m_sslErrors; }
    [[nodiscard]] QString sslErrorText() const
    {
        QStringList texts;
        for (const QSslError &error : m_sslErrors)
            texts << error.errorString();
        return texts.join(u"; "_s);
    }

    bool connectPlain(quint16 port)
    {
        QSignalSpy connected(&m_socket, &QAbstractSocket::connected);
        m_socket.connectToHost(u"127.0.0.1"_s, port);
        return connected.wait(timeoutMs);
    }

    // Implicit TLS: the handshake is the first thing on the connection.
    bool connectEncrypted(quint16 port)
    {
        QSignalSpy encrypted(&m_socket, &QSslSocket::encrypted);
        m_socket.connectToHostEncrypted(u"127.0.0.1"_s, port, u"localhost"_s);
        return encrypted.wait(timeoutMs);
    }

    bool startTls()
    {
        QSignalSpy encrypted(&m_socket, &QSslSocket::encrypted);
        m_socket.startClientEncryption();
        return encrypted.wait(timeoutMs);
    }

    void send(const QByteArray &bytes) { m_socket.write(bytes); }

    Reply command(const QByteArray &line)
    {
        send(line + "\r\n");
        return readReply();
    }

    // A whole reply, all of its "250-" lines up to the "250 " one.
    Reply readReply()
    {
        Reply reply;
        QSignalSpy readyRead(&m_socket, &QIODevice::readyRead);
        while (true) {
            if (!m_socket.canReadLine() && !readyRead.wait(timeoutMs))
                return {};
            while (m_socket.canReadLine()) {
                const QByteArray line = m_socket.readLine();
                if (line.size() < 5 || !line.endsWith("\r\n"))
                    return { -1, { QString::fromUtf8(line) } };
                reply.code = line.left(3).toInt();
                reply.lines << QString::fromUtf8(line.mid(4).chopped(2));
                if (line.at(3) == ' ')
                    return reply;
            }
        }
    }

private:
    QSslSocket m_socket;
    QList<QSslError> m_sslErrors;
};

QStringList strings(const QJsonValue &value)
{
    QStringList list;
    const QJsonArray array = value.toArray();
    for (const QJsonValue item : array)
        list << item.toString();
    return list;
}

} // namespace

// The SMTP server that the mail integration tests run against: that the harness starts
// and stops it and reports what it received, and that it is as strict as a real
// submission server (TLS before AUTH, AUTH before MAIL, verified certificates).
class TestSmtpTestServer final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QVERIFY2(QSslSocket::supportsSsl(), "Qt has no TLS backend (the OpenSSL plugin)"); }

    void startTlsConversation()
    {
        SmtpTestServer server;
        QVERIFY2(server.start(SmtpTestServer::Mode::StartTls, withCredentials()), qPrintable(server.errorString()));
        QVERIFY(server.port() != 0);
        Client client(server.caFile());
        QVERIFY(client.connectPlain(server.port()));

        QCOMPARE(client.readReply().code, 220);
        Reply ehlo = client.command("EHLO client.rentdesk.test"_ba);
        QCOMPARE(ehlo.code, 250);
        QVERIFY2(ehlo.offers(u"STARTTLS"_s), qPrintable(ehlo.text()));
        QVERIFY2(!ehlo.offers(u"AUTH"_s), qPrintable(ehlo.text()));
        const Reply early = client.command("MAIL FROM:<landlord@example.org>"_ba);
        QVERIFY2(early.code == 530, qPrintable(early.text()));

        QCOMPARE(client.command("STARTTLS"_ba).code, 220);
        QVERIFY2(client.startTls(), qPrintable(client.sslErrorText()));
        QVERIFY(client.sslErrors().isEmpty());
        ehlo = client.command("EHLO client.rentdesk.test"_ba);
        QCOMPARE(ehlo.code, 250);
        QVERIFY2(ehlo.offersAuth(u"PLAIN"_s) && ehlo.offersAuth(u"LOGIN"_s), qPrintable(ehlo.text()));
        QVERIFY2(!ehlo.offers(u"STARTTLS"_s), qPrintable(ehlo.text()));
        QVERIFY2(ehlo.offers(u"8BITMIME"_s), qPrintable(ehlo.text()));

        const Reply wrong = client.command("AUTH PLAIN "_ba + plainCredentials(testUser(), u"wrong"_s));
        QVERIFY2(wrong.code == 535, qPrintable(wrong.text()));
        QVERIFY2(server.waitForAuthAttempts(1), qPrintable(server.errorString()));
        QCOMPARE(server.authAttempts().at(0).value(u"mechanism"_s).toString(), u"PLAIN"_s);
        QCOMPARE(server.authAttempts().at(0).value(u"user"_s).toString(), testUser());
        QCOMPARE(server.authAttempts().at(0).value(u"ok"_s).toBool(), false);

        const Reply right = client.command("AUTH PLAIN "_ba + plainCredentials(testUser(), testPassword()));
        QVERIFY2(right.code == 235, qPrintable(right.text()));
        QVERIFY2(server.waitForAuthAttempts(2), qPrintable(server.errorString()));
        QCOMPARE(server.authAttempts().at(1).value(u"ok"_s).toBool(), true);

        QSignalSpy received(&server, &SmtpTestServer::messageReceived);
        QCOMPARE(client.command("MAIL FROM:<landlord@example.org> BODY=8BITMIME"_ba).code, 250);
        QCOMPARE(client.command("RCPT TO:<renter@example.org>"_ba).code, 250);
        QCOMPARE(client.command("DATA"_ba).code, 354);
        const QString subject = u"Бронирование подтверждено"_s;
        client.send(messageWithHiddenLine(subject));
        const Reply accepted = client.readReply();
        QVERIFY2(accepted.code == 250, qPrintable(accepted.text()));
        QVERIFY2(server.waitForMessages(1), qPrintable(server.errorString()));
        QCOMPARE(received.size(), 1);

        const QJsonObject message = server.messages().at(0);
        QCOMPARE(message.value(u"mail_from"_s).toString(), u"landlord@example.org"_s);
        QCOMPARE(strings(message.value(u"rcpt_tos"_s)), QStringList { u"renter@example.org"_s });
        QCOMPARE(strings(message.value(u"mail_options"_s)), QStringList { u"BODY=8BITMIME"_s });
        QCOMPARE(message.value(u"tls"_s).toBool(), true);
        QCOMPARE(message.value(u"authenticated_user"_s).toString(), testUser());
        QCOMPARE(message.value(u"subject"_s).toString(), subject);
        QCOMPARE(message.value(u"from_name"_s).toString(), u"Lena Landlord"_s);
        QCOMPARE(message.value(u"from_address"_s).toString(), u"landlord@example.org"_s);
        QCOMPARE(message.value(u"to_name"_s).toString(), u"Roman Renter"_s);
        QCOMPARE(message.value(u"to_address"_s).toString(), u"renter@example.org"_s);
        QCOMPARE(message.value(u"message_id"_s).toString(), u"<harness-1@rentdesk.test>"_s);
        QCOMPARE(message.value(u"date"_s).toString(), u"Tue, 01 Dec 2026 10:00:00 +0000"_s);
        QCOMPARE(message.value(u"date_valid"_s).toBool(), true);
        QCOMPARE(message.value(u"mime_version"_s).toString(), u"1.0"_s);
        QCOMPARE(message.value(u"content_type"_s).toString(), u"text/plain"_s);
        QCOMPARE(strings(message.value(u"defects"_s)), QStringList());
        QCOMPARE(message.value(u"bare_lf"_s).toBool(), false);
        QCOMPARE(message.value(u"bare_cr"_s).toBool(), false);

        const QJsonArray parts = message.value(u"parts"_s).toArray();
        QCOMPARE(parts.size(), 1);
        const QJsonObject part = parts.at(0).toObject();
        QCOMPARE(part.value(u"charset"_s).toString(), u"utf-8"_s);
        QCOMPARE(part.value(u"transfer_encoding"_s).toString(), u"8bit"_s);
        const QString content = part.value(u"content"_s).toString();
        QVERIFY2(content.contains(u"Первая строка"_s), qPrintable(content));
        // The transparency dot is gone: the server undid the stuffing, once.
        QVERIFY2(content.contains(u"\n.hidden\r\n"_s) && !content.contains(u"..hidden"_s), qPrintable(content));
        const QByteArray raw = SmtpTestServer::rawBytes(message);
        QVERIFY(raw.contains("\r\n.hidden\r\nlast line\r\n"));
        QVERIFY(!raw.contains("..hidden"));
        QVERIFY(raw.endsWith("last line\r\n"));

        QCOMPARE(client.command("QUIT"_ba).code, 221);
        server.stop();
        QVERIFY(!server.isRunning());
        // Reported by the server itself: it ended on stdin's EOF, not by a signal or a kill.
        QCOMPARE(server.stoppedEvent().value(u"reason"_s).toString(), u"stdin"_s);
        QCOMPARE(server.stoppedEvent().value(u"messages"_s).toInt(), 1);
    }

    // RFC 3207 §4.2 (and CVE-2024-34083, fixed in Debian's aiosmtpd): commands sent in
    // plain text behind STARTTLS must not run inside the TLS session.
    void plaintextPipelinedAfterStartTlsIsDropped()
    {
        SmtpTestServer server;
        QVERIFY2(server.start(SmtpTestServer::Mode::StartTls, withCredentials()), qPrintable(server.errorString()));
        Client client(server.caFile());
        QVERIFY(client.connectPlain(server.port()));
        QCOMPARE(client.readReply().code, 220);
        QCOMPARE(client.command("EHLO client.rentdesk.test"_ba).code, 250);
        client.send("STARTTLS\r\nNOOP injected\r\n"_ba);
        QCOMPARE(client.readReply().code, 220);
        QVERIFY2(client.startTls(), qPrintable(client.sslErrorText()));
        // Had the NOOP survived, its "250 OK" would be the first reply here.
        const Reply ehlo = client.command("EHLO client.rentdesk.test"_ba);
        QCOMPARE(ehlo.code, 250);
        QVERIFY2(ehlo.offersAuth(u"PLAIN"_s), qPrintable(ehlo.text()));
    }

    void implicitTlsConversation()
    {
        SmtpTestServer server;
        QVERIFY2(server.start(SmtpTestServer::Mode::ImplicitTls, withCredentials()), qPrintable(server.errorString()));
        Client client(server.caFile());
        // Encrypted before a single SMTP byte was read: the greeting comes over TLS.
        QVERIFY2(client.connectEncrypted(server.port()), qPrintable(client.sslErrorText()));
        QCOMPARE(client.readReply().code, 220);
        const Reply ehlo = client.command("EHLO client.rentdesk.test"_ba);
        QCOMPARE(ehlo.code, 250);
        QVERIFY2(ehlo.offersAuth(u"PLAIN"_s) && ehlo.offersAuth(u"LOGIN"_s), qPrintable(ehlo.text()));
        QVERIFY2(!ehlo.offers(u"STARTTLS"_s), qPrintable(ehlo.text()));
        QCOMPARE(client.command("MAIL FROM:<landlord@example.org>"_ba).code, 530);

        // AUTH LOGIN: the server's two challenges are "User Name" and "Password".
        Reply challenge = client.command("AUTH LOGIN"_ba);
        QCOMPARE(challenge.code, 334);
        challenge = client.command(testUser().toUtf8().toBase64());
        QCOMPARE(challenge.code, 334);
        const Reply loggedIn = client.command(testPassword().toUtf8().toBase64());
        QVERIFY2(loggedIn.code == 235, qPrintable(loggedIn.text()));
        QVERIFY2(server.waitForAuthAttempts(1), qPrintable(server.errorString()));
        QCOMPARE(server.authAttempts().at(0).value(u"mechanism"_s).toString(), u"LOGIN"_s);
        QCOMPARE(server.authAttempts().at(0).value(u"ok"_s).toBool(), true);

        QCOMPARE(client.command("MAIL FROM:<landlord@example.org>"_ba).code, 250);
        QCOMPARE(client.command("RCPT TO:<renter@example.org>"_ba).code, 250);
        QCOMPARE(client.command("DATA"_ba).code, 354);
        client.send(messageWithHiddenLine(u"Implicit"_s));
        QCOMPARE(client.readReply().code, 250);
        QVERIFY2(server.waitForMessages(1), qPrintable(server.errorString()));
        QCOMPARE(server.messages().at(0).value(u"tls"_s).toBool(), true);
        QCOMPARE(server.messages().at(0).value(u"authenticated_user"_s).toString(), testUser());
        QCOMPARE(client.command("QUIT"_ba).code, 221);
    }

    void untrustedCertificateFailsHandshake_data()
    {
        QTest::addColumn<QString>("trusted");
        QTest::addColumn<QString>("serverCert");
        QTest::addColumn<QList<QSslError::SslError>>("expected");
        QTest::newRow("unrelated CA") << u"other-ca.pem"_s << u"server"_s
                                      << QList<QSslError::SslError> { QSslError::UnableToGetLocalIssuerCertificate,
                                                                      QSslError::UnableToVerifyFirstCertificate };
        QTest::newRow("wrong host") << u"ca.pem"_s << u"wrong-host"_s
                                    << QList<QSslError::SslError> { QSslError::HostNameMismatch };
        QTest::newRow("expired") << u"ca.pem"_s << u"expired"_s
                                 << QList<QSslError::SslError> { QSslError::CertificateExpired };
    }

    void untrustedCertificateFailsHandshake()
    {
        QFETCH(QString, trusted);
        QFETCH(QString, serverCert);
        QFETCH(QList<QSslError::SslError>, expected);
        SmtpTestServer server;
        QVERIFY2(server.makeCertificates(), qPrintable(server.errorString()));
        SmtpTestServer::Options options = withCredentials();
        options.cert = server.certFile(serverCert + u".pem"_s);
        options.key = server.certFile(serverCert + u".key"_s);
        QVERIFY2(server.start(SmtpTestServer::Mode::ImplicitTls, options), qPrintable(server.errorString()));

        Client client(server.certFile(trusted));
        QSignalSpy failed(&client.socket(), &QSslSocket::sslErrors);
        client.socket().connectToHostEncrypted(u"127.0.0.1"_s, server.port(), u"localhost"_s);
        QVERIFY(failed.wait(timeoutMs));
        const QList<QSslError> errors = client.sslErrors();
        const bool named = std::any_of(errors.cbegin(), errors.cend(), [&expected](const QSslError &error) {
            return expected.contains(error.error());
        });
        QVERIFY2(named, qPrintable(client.sslErrorText()));
        QVERIFY(!client.socket().isEncrypted());
        QTRY_COMPARE_WITH_TIMEOUT(client.socket().state(), QAbstractSocket::UnconnectedState, timeoutMs);
        // A refused handshake is the client's business; the server carries on.
        QVERIFY2(server.isRunning(), qPrintable(server.standardError()));
    }

    void refusedRecipient()
    {
        SmtpTestServer server;
        SmtpTestServer::Options options;
        options.refuseRecipients = QStringList { u"nobody@example.org"_s };
        QVERIFY2(server.start(SmtpTestServer::Mode::Plain, options), qPrintable(server.errorString()));
        Client client(QString {});
        QVERIFY(client.connectPlain(server.port()));
        QCOMPARE(client.readReply().code, 220);
        const Reply ehlo = client.command("EHLO client.rentdesk.test"_ba);
        QCOMPARE(ehlo.code, 250);
        QVERIFY2(!ehlo.offers(u"STARTTLS"_s) && !ehlo.offers(u"AUTH"_s), qPrintable(ehlo.text()));
        QCOMPARE(client.command("MAIL FROM:<landlord@example.org>"_ba).code, 250);
        const Reply refused = client.command("RCPT TO:<nobody@example.org>"_ba);
        QCOMPARE(refused.code, 550);
        QCOMPARE(refused.lines, QStringList { u"5.1.1 <nobody@example.org>: mailbox unavailable"_s });
        QCOMPARE(client.command("RCPT TO:<renter@example.org>"_ba).code, 250);
        QCOMPARE(client.command("DATA"_ba).code, 354);
        client.send(messageWithHiddenLine(u"Plain"_s));
        QCOMPARE(client.readReply().code, 250);
        QVERIFY2(server.waitForMessages(1), qPrintable(server.errorString()));
        const QJsonObject message = server.messages().at(0);
        QCOMPARE(strings(message.value(u"rcpt_tos"_s)), QStringList { u"renter@example.org"_s });
        QCOMPARE(message.value(u"tls"_s).toBool(), false);
        QVERIFY(message.value(u"authenticated_user"_s).isNull());
    }

    // Where aiosmtpd draws the line: 998 octets is RFC 5322's limit; it takes 999 (it
    // allows for a transparency dot either way) and answers 500 to 1000, after DATA's end.
    void lineLength_data()
    {
        QTest::addColumn<int>("octets");
        QTest::addColumn<int>("code");
        QTest::newRow("998") << 998 << 250;
        QTest::newRow("1000") << 1000 << 500;
    }

    void lineLength()
    {
        QFETCH(int, octets);
        QFETCH(int, code);
        SmtpTestServer server;
        QVERIFY2(server.start(SmtpTestServer::Mode::Plain), qPrintable(server.errorString()));
        Client client(QString {});
        QVERIFY(client.connectPlain(server.port()));
        QCOMPARE(client.readReply().code, 220);
        QCOMPARE(client.command("EHLO client.rentdesk.test"_ba).code, 250);
        QCOMPARE(client.command("MAIL FROM:<landlord@example.org>"_ba).code, 250);
        QCOMPARE(client.command("RCPT TO:<renter@example.org>"_ba).code, 250);
        QCOMPARE(client.command("DATA"_ba).code, 354);
        client.send("Subject: long\r\n\r\n"_ba + QByteArray(octets, 'x') + "\r\n.\r\n"_ba);
        const Reply reply = client.readReply();
        QVERIFY2(reply.code == code, qPrintable(reply.text()));
        if (code == 250) {
            QVERIFY2(server.waitForMessages(1), qPrintable(server.errorString()));
            QCOMPARE(server.messages().at(0).value(u"max_line_octets"_s).toInt(), octets);
        }
    }

    // A fixture may keep one object and start a fresh server in every init().
    void restartsAfterStop()
    {
        SmtpTestServer server;
        QVERIFY2(server.start(SmtpTestServer::Mode::Plain), qPrintable(server.errorString()));
        {
            Client client(QString {});
            QVERIFY(client.connectPlain(server.port()));
            QCOMPARE(client.readReply().code, 220);
            QCOMPARE(client.command("EHLO client.rentdesk.test"_ba).code, 250);
            QCOMPARE(client.command("MAIL FROM:<landlord@example.org>"_ba).code, 250);
            QCOMPARE(client.command("RCPT TO:<renter@example.org>"_ba).code, 250);
            QCOMPARE(client.command("DATA"_ba).code, 354);
            client.send(messageWithHiddenLine(u"First"_s));
            QCOMPARE(client.readReply().code, 250);
            QVERIFY2(server.waitForMessages(1), qPrintable(server.errorString()));
        }
        server.stop();
        QVERIFY(!server.isRunning());
        QVERIFY2(server.start(SmtpTestServer::Mode::Plain), qPrintable(server.errorString()));
        QVERIFY(server.messages().isEmpty());
        Client client(QString {});
        QVERIFY(client.connectPlain(server.port()));
        QCOMPARE(client.readReply().code, 220);
        server.stop();
        // The second server, too, ended on stdin's EOF: the write channel was reopened.
        QCOMPARE(server.stoppedEvent().value(u"reason"_s).toString(), u"stdin"_s);
        QCOMPARE(server.stoppedEvent().value(u"messages"_s).toInt(), 0);
    }

    void failingScriptIsReported()
    {
        SmtpTestServer server;
        QVERIFY2(server.makeCertificates(), qPrintable(server.errorString()));
        SmtpTestServer::Options options = withCredentials();
        options.cert = server.certFile(u"missing.pem"_s);
        QVERIFY(!server.start(SmtpTestServer::Mode::StartTls, options));
        QVERIFY(!server.isRunning());
        QVERIFY2(server.errorString().contains(u"missing.pem"_s) && server.errorString().contains(u"No such file"_s),
                 qPrintable(server.errorString()));
        QCOMPARE(server.port(), quint16 { 0 });
    }
};

QTEST_GUILESS_MAIN(TestSmtpTestServer)
#include "tst_smtptestserver.moc"
