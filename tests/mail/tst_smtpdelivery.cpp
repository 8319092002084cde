// SPDX-License-Identifier: GPL-3.0-or-later
#include "net/mail/smtpclient.h"
#include "tests/support/smtptestserver.h"

#include <QJsonArray>
#include <QSignalSpy>
#include <QTest>
#include <QTimeZone>

using namespace Qt::StringLiterals;
using namespace rentdesk;
using Mode = test::SmtpTestServer::Mode;

Q_DECLARE_METATYPE(Mode)
Q_DECLARE_METATYPE(net::mail::SmtpSecurity)

namespace {

const QString user = u"арендодатель@example.test"_s;
const QString password = u"пароль: верный конь"_s;

} // namespace

// The client against a real SMTP server, aiosmtpd, with STARTTLS and AUTH required and with
// implicit TLS: what arrives is read by Python's email package and must be exactly what was
// sent — the Russian subject and sender name, both MIME parts, a body line that starts with
// ".", a valid Message-ID and Date.
class TestSmtpDelivery final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void delivers_data()
    {
        QTest::addColumn<Mode>("mode");
        QTest::addColumn<net::mail::SmtpSecurity>("security");
        QTest::newRow("STARTTLS and AUTH") << Mode::StartTls << net::mail::SmtpSecurity::StartTls;
        QTest::newRow("implicit TLS and AUTH") << Mode::ImplicitTls << net::mail::SmtpSecurity::ImplicitTls;
    }
    void delivers()
    {
        QFETCH(Mode, mode);
        QFETCH(net::mail::SmtpSecurity, security);
        test::SmtpTestServer server;
        test::SmtpTestServer::Options options;
        options.user = user;
        options.password = password;
        QVERIFY2(server.start(mode, options), qPrintable(server.errorString()));

        net::mail::SmtpSettings settings;
        settings.security = security;
        settings.host = u"localhost"_s;
        settings.port = server.port();
        settings.user = user;
        settings.caFile = server.caFile();
        net::mail::SmtpClient client(settings, password);
        QSignalSpy sent(&client, &net::mail::SmtpClient::sent);
        QSignalSpy failed(&client, &net::mail::SmtpClient::failed);

        net::mail::MailMessage message;
        message.from = { u"Мария Иванова"_s, u"maria@example.test"_s };
        message.to = { u"Оливер Беннетт"_s, u"oliver@example.test"_s };
        message.subject = u"Бронирование подтверждено: квартира 12, «Дом на набережной», с 10 июня 2026"_s;
        message.text =
            u"Здравствуйте!\n.Эта строка начинается с точки\n..и эта с двух\nСумма: 45 000,00 ₽"_s;
        message.html = u"<p>Здравствуйте!</p><p>.Эта строка начинается с точки</p>"_s;
        message.messageId = "<0190a5b2-0000-7000-8000-00000000abcd@rentdesk.local>";
        message.date = QDateTime(QDate(2026, 6, 1), QTime(13, 30), QTimeZone(3 * 3600));
        client.send(u"one"_s, message);
        QTRY_VERIFY_WITH_TIMEOUT(sent.size() + failed.size() == 1, 20000);
        QVERIFY2(failed.isEmpty(), qPrintable(failed.value(0).value(1).value<net::mail::SmtpError>().message));
        QVERIFY2(server.waitForMessages(1), qPrintable(server.errorString()));

        const QJsonObject received = server.messages().constFirst();
        QVERIFY(received.value(u"tls"_s).toBool());
        QCOMPARE(received.value(u"authenticated_user"_s).toString(), user);
        QCOMPARE(received.value(u"mail_from"_s).toString(), u"maria@example.test"_s);
        QCOMPARE(received.value(u"rcpt_tos"_s).toArray(), QJsonArray { u"oliver@example.test"_s });
        QCOMPARE(received.value(u"subject"_s).toString(), message.subject);
        QCOMPARE(received.value(u"from_name"_s).toString(), message.from.name);
        QCOMPARE(received.value(u"from_address"_s).toString(), message.from.address);
        QCOMPARE(received.value(u"to_name"_s).toString(), message.to.name);
        QCOMPARE(received.value(u"message_id"_s).toString(), QString::fromLatin1(message.messageId));
        QVERIFY(received.value(u"date_valid"_s).toBool());
        QVERIFY2(received.value(u"date"_s).toString().endsWith(u"+0300"_s),
                 qPrintable(received.value(u"date"_s).toString()));
        QCOMPARE(received.value(u"mime_version"_s).toString(), u"1.0"_s);
        QCOMPARE(received.value(u"content_type"_s).toString(), u"multipart/alternative"_s);
        QCOMPARE(received.value(u"defects"_s).toArray(), QJsonArray());
        QVERIFY(!received.value(u"bare_lf"_s).toBool());
        QVERIFY(!received.value(u"bare_cr"_s).toBool());
        QVERIFY(received.value(u"max_line_octets"_s).toInt() <= 998);

        const QJsonArray parts = received.value(u"parts"_s).toArray();
        QCOMPARE(parts.size(), 2);
        const QJsonObject text = parts.at(0).toObject();
        const QJsonObject html = parts.at(1).toObject();
        QCOMPARE(text.value(u"content_type"_s).toString(), u"text/plain"_s);
        QCOMPARE(text.value(u"charset"_s).toString(), u"utf-8"_s);
        QCOMPARE(html.value(u"content_type"_s).toString(), u"text/html"_s);
        QCOMPARE(text.value(u"content"_s).toString().replace(u"\r\n"_s, u"\n"_s).trimmed(), message.text);
        QCOMPARE(html.value(u"content"_s).toString().trimmed(), message.html);
        // aiosmtpd offers 8BITMIME: the client declared it and the parts went as 8bit.
        QVERIFY(received.value(u"mail_options"_s).toArray().contains(u"BODY=8BITMIME"_s));
        QCOMPARE(text.value(u"transfer_encoding"_s).toString(), u"8bit"_s);
    }

    // The real server's refusals: a wrong password (535) and an unknown recipient (550).
    void realServerRefusals()
    {
        test::SmtpTestServer server;
        test::SmtpTestServer::Options options;
        options.user = user;
        options.password = password;
        options.refuseRecipients = { u"nobody@example.test"_s };
        QVERIFY2(server.start(Mode::StartTls, options), qPrintable(server.errorString()));
        net::mail::SmtpSettings settings;
        settings.host = u"localhost"_s;
        settings.port = server.port();
        settings.user = user;
        settings.caFile = server.caFile();

        net::mail::MailMessage message;
        message.from = { u"RentDesk"_s, u"rentdesk@example.test"_s };
        message.to = { QString(), u"nobody@example.test"_s };
        message.subject = u"Hello"_s;
        message.text = u"Hello."_s;
        message.html = u"<p>Hello.</p>"_s;
        message.messageId = "<refused@rentdesk.local>";
        message.date = QDateTime::currentDateTime();

        net::mail::SmtpClient wrong(settings, u"not the password"_s);
        QSignalSpy wrongFailed(&wrong, &net::mail::SmtpClient::failed);
        wrong.send(u"x"_s, message);
        QVERIFY(wrongFailed.wait(20000));
        auto error = wrongFailed.constFirst().at(1).value<net::mail::SmtpError>();
        QCOMPARE(error.kind, net::mail::SmtpError::Kind::AuthenticationFailed);
        QCOMPARE(error.replyCode, 535);
        QVERIFY(server.waitForAuthAttempts(1));
        QCOMPARE(server.authAttempts().constFirst().value(u"ok"_s).toBool(), false);

        net::mail::SmtpClient right(settings, password);
        QSignalSpy rightFailed(&right, &net::mail::SmtpClient::failed);
        right.send(u"y"_s, message);
        QVERIFY(rightFailed.wait(20000));
        error = rightFailed.constFirst().at(1).value<net::mail::SmtpError>();
        QCOMPARE(error.kind, net::mail::SmtpError::Kind::PermanentRefusal);
        QCOMPARE(error.replyCode, 550);
        QVERIFY2(error.message.contains(u"nobody@example.test"_s), qPrintable(error.message));
        QVERIFY(server.messages().isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestSmtpDelivery)
#include "tst_smtpdelivery.moc"
