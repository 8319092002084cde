// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/db/query.h"
#include "models/mail/mailtemplates.h"
#include "models/mail/outboxstore.h"
#include "net/mail/outboxsender.h"
#include "tests/support/faultsmtpserver.h"
#include "tests/support/servicefixture.h"
#include "tests/support/smtptestserver.h"

#include <QJsonArray>
#include <QSignalSpy>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace rentdesk;
using models::domain::Language;
using models::domain::MailStatus;
using net::mail::OutboxSender;
using Fault = test::FaultSmtpServer::Fault;

namespace {

const QString smtpUser = u"rentdesk@example.test"_s;
const QString smtpPassword = u"пароль-для-почты"_s;

} // namespace

// The outbox sender: what the services queued reaches a real SMTP server written in each
// recipient's language; a 4xx waits with growing delays on a test clock, a 5xx stops with
// the server's reason, a failing connection is shown, and nothing is marked sent before the
// server's 250.
class TestOutboxSender final : public QObject
{
    Q_OBJECT

    std::unique_ptr<test::ServiceFixture> f;
    std::unique_ptr<models::mail::OutboxStore> store;
    std::unique_ptr<OutboxSender> sender;

    void makeSender()
    {
        sender = std::make_unique<OutboxSender>(f->database().shared(), f->clock);
        OutboxSender::Options options;
        options.jitter = [] {
            return 0.5;
        }; // the middle: exactly 30 s, 60 s, …
        options.timeouts.reply = std::chrono::milliseconds(5000);
        sender->setOptions(options);
    }

    static net::mail::MailConfig insecure(quint16 port, const QString &user = {})
    {
        auto config = net::mail::makeMailConfig(u"smtp+insecure://127.0.0.1:%1"_s.arg(port), {}, {});
        config->smtp.user = user;
        return *config;
    }

    // Wakes the sender and waits until it has looked at the outbox and found nothing due.
    bool runUntilDrained()
    {
        QSignalSpy drained(sender.get(), &OutboxSender::drained);
        sender->wake();
        return drained.wait(15000);
    }

    QList<models::mail::OutboxMail> mails(std::optional<MailStatus> status = std::nullopt) const
    {
        return store->list(status, 1000).value_or(QList<models::mail::OutboxMail>());
    }

    QUuid signUp(const QString &email, const QString &name, models::domain::Role role, Language language)
    {
        models::services::AccountService::SignUp request;
        request.email = email;
        request.displayName = name;
        request.password = u"correct horse battery"_s;
        request.role = role;
        request.language = language;
        const auto user = f->accounts.signUp(request);
        return user ? user->id : QUuid();
    }

    static int countCommands(const test::FaultSmtpServer &server, const QByteArray &verb)
    {
        int n = 0;
        for (const QByteArray &line : server.commands())
            n += line.startsWith(verb) ? 1 : 0;
        return n;
    }

private Q_SLOTS:
    void init()
    {
        f = std::make_unique<test::ServiceFixture>();
        QVERIFY2(f->isValid(), qPrintable(f->errorMessage()));
        store = std::make_unique<models::mail::OutboxStore>(f->database().shared(), f->clock);
        makeSender();
    }
    void cleanup()
    {
        sender.reset();
        store.reset();
        f.reset();
    }

    // Sign-up, request and confirmation through the services; the sender delivers every mail
    // over STARTTLS with AUTH to aiosmtpd, each in its recipient's language with the
    // apartment, dates and price filled in, and marks them sent.
    void deliversWhatTheServicesQueued()
    {
        test::SmtpTestServer server;
        QVERIFY2(server.start(test::SmtpTestServer::Mode::StartTls, { smtpUser, smtpPassword, {}, false, {}, {} }),
                 qPrintable(server.errorString()));

        const QUuid landlord =
            signUp(u"maria@example.test"_s, u"Мария Иванова"_s, models::domain::Role::Landlord, Language::Russian);
        const QUuid renter =
            signUp(u"oliver@example.test"_s, u"Oliver Bennett"_s, models::domain::Role::Renter, Language::English);
        QVERIFY(!landlord.isNull() && !renter.isNull());
        const QUuid building = f->addBuilding(landlord, u"Дом на набережной"_s);
        const QUuid apartment = f->addApartment(landlord, building, u"12"_s, 4500000);
        QVERIFY(!f->addStay(renter, landlord, apartment, QDate(2026, 6, 10), QDate(2026, 6, 15)).isNull());
        const QList<models::mail::OutboxMail> queued = mails(MailStatus::Queued);
        QCOMPARE(queued.size(), 4); // two welcomes, the request to the landlord, the confirmation

        auto config =
            net::mail::makeMailConfig(u"smtp://%1@localhost:%2"_s.arg(u"rentdesk%40example.test"_s).arg(server.port()),
                                      server.caFile(), u"RentDesk Москва <rentdesk@example.test>"_s);
        QVERIFY2(config, qPrintable(config ? QString() : config.error()));
        QSignalSpy sent(sender.get(), &OutboxSender::mailSent);
        sender->configure(*config, smtpPassword);
        QTRY_COMPARE_WITH_TIMEOUT(sent.size(), 4, 20000);
        QVERIFY(server.waitForMessages(4));
        QCOMPARE(mails(MailStatus::Sent).size(), 4);
        QTRY_COMPARE(sender->state(), OutboxSender::State::Idle);

        for (const models::mail::OutboxMail &mail : queued) {
            const auto composed = models::mail::composeMail(mail.event, mail.language, mail.recipientName, mail.params);
            QVERIFY(composed);
            const auto received =
                std::find_if(server.messages().cbegin(), server.messages().cend(), [&](const QJsonObject &m) {
                    return m.value(u"message_id"_s).toString() == mail.messageId;
                });
            QVERIFY2(received != server.messages().cend(), qPrintable(mail.messageId));
            const QJsonObject m = *received;
            QCOMPARE(m.value(u"subject"_s).toString(), composed->subject);
            QCOMPARE(m.value(u"to_address"_s).toString(), mail.recipientEmail);
            QCOMPARE(m.value(u"to_name"_s).toString(), mail.recipientName);
            QCOMPARE(m.value(u"from_name"_s).toString(), u"RentDesk Москва"_s);
            QVERIFY(m.value(u"date_valid"_s).toBool());
            QVERIFY(m.value(u"tls"_s).toBool());
            QCOMPARE(m.value(u"defects"_s).toArray().size(), 0);
            const QJsonArray parts = m.value(u"parts"_s).toArray();
            QCOMPARE(parts.size(), 2);
            QCOMPARE(parts.at(0).toObject().value(u"content_type"_s).toString(), u"text/plain"_s);
            QCOMPARE(parts.at(1).toObject().value(u"content_type"_s).toString(), u"text/html"_s);
            const QString text = parts.at(0).toObject().value(u"content"_s).toString().replace(u"\r\n"_s, u"\n"_s);
            QCOMPARE(text.trimmed(), composed->text.trimmed());
        }
        // The landlord's request mail is in Russian with the stay and the price.
        const auto request = std::find_if(queued.cbegin(), queued.cend(), [](const models::mail::OutboxMail &mail) {
            return mail.event == models::domain::MailEvent::BookingRequested;
        });
        QVERIFY(request != queued.cend());
        QCOMPARE(request->language, Language::Russian);
        const auto composed =
            models::mail::composeMail(request->event, request->language, request->recipientName, request->params);
        QVERIFY(composed->text.contains(u"10 июня 2026"_s));
        QVERIFY(composed->text.contains(u"12"_s));
    }

    // A 4xx waits: 30 s, then 60 s (jitter in the middle), on the test clock; no attempt is
    // made before its time, and it goes once the server takes it.
    void temporaryFailureWaitsWithBackoff()
    {
        test::FaultSmtpServer server;
        QVERIFY(server.listen());
        server.setFault(Fault::DataRefusedTemporarily);
        QVERIFY(!signUp(u"ann@example.test"_s, u"Ann"_s, models::domain::Role::Renter, Language::English).isNull());
        sender->configure(insecure(server.port()), {});
        QVERIFY(runUntilDrained());
        QCOMPARE(countCommands(server, "MAIL FROM"), 1);
        models::mail::OutboxMail mail = mails().constFirst();
        QCOMPARE(mail.status, MailStatus::Queued);
        QCOMPARE(mail.attempts, 1);
        QVERIFY2(mail.lastError.contains(u"451"_s), qPrintable(mail.lastError));
        QCOMPARE(f->clock.now().msecsTo(mail.nextAttemptAt), 30000);

        f->clock.advanceSecs(29);
        QVERIFY(runUntilDrained());
        QCOMPARE(countCommands(server, "MAIL FROM"), 1); // not yet

        f->clock.advanceSecs(1);
        QVERIFY(runUntilDrained());
        QCOMPARE(countCommands(server, "MAIL FROM"), 2);
        mail = mails().constFirst();
        QCOMPARE(mail.attempts, 2);
        QCOMPARE(f->clock.now().msecsTo(mail.nextAttemptAt), 60000);

        server.setFault(Fault::None);
        f->clock.advanceSecs(60);
        QVERIFY(runUntilDrained());
        mail = mails().constFirst();
        QCOMPARE(mail.status, MailStatus::Sent);
        QCOMPARE(mail.attempts, 3);
        QCOMPARE(server.mails().size(), 1);
    }

    // A 5xx to the mail stops it with the server's reason; a person's retry sends it again.
    void permanentFailureStopsWithTheReason()
    {
        test::FaultSmtpServer server;
        QVERIFY(server.listen());
        server.setFault(Fault::RecipientRefused);
        QVERIFY(!signUp(u"ann@example.test"_s, u"Ann"_s, models::domain::Role::Renter, Language::English).isNull());
        QSignalSpy failed(sender.get(), &OutboxSender::mailFailed);
        sender->configure(insecure(server.port()), {});
        QVERIFY(runUntilDrained());
        QCOMPARE(failed.size(), 1);
        QCOMPARE(failed.constFirst().at(2).toBool(), true);
        models::mail::OutboxMail mail = mails().constFirst();
        QCOMPARE(mail.status, MailStatus::Failed);
        QVERIFY2(mail.lastError.contains(u"550 5.1.1 No such user here"_s), qPrintable(mail.lastError));
        QVERIFY(mail.lastError.contains(u"ann@example.test"_s));
        // About the mail, not the connection: the sender is not failing.
        QVERIFY(sender->state() != OutboxSender::State::Failing);

        f->clock.advanceSecs(7200);
        QVERIFY(runUntilDrained());
        QCOMPARE(countCommands(server, "RCPT TO"), 1); // stopped: no retry by itself

        server.setFault(Fault::None);
        QVERIFY(store->retry(mail.id));
        QVERIFY(runUntilDrained());
        QCOMPARE(mails().constFirst().status, MailStatus::Sent);
    }

    // A connection that fails (here a refused login) is shown as the sender's problem, and the
    // mails wait for a later try rather than failing for good.
    void failingConnectionIsShown()
    {
        test::FaultSmtpServer server;
        QVERIFY(server.listen());
        server.setFault(Fault::AuthRefused);
        server.setCredentials("mailer", "secret");
        QVERIFY(!signUp(u"ann@example.test"_s, u"Ann"_s, models::domain::Role::Renter, Language::English).isNull());
        QVERIFY(!signUp(u"bob@example.test"_s, u"Bob"_s, models::domain::Role::Renter, Language::English).isNull());
        QSignalSpy states(sender.get(), &OutboxSender::stateChanged);
        sender->configure(insecure(server.port(), u"mailer"_s), u"secret"_s);
        QVERIFY(runUntilDrained());
        QCOMPARE(sender->state(), OutboxSender::State::Failing);
        QVERIFY2(sender->problem().contains(u"535"_s), qPrintable(sender->problem()));
        for (const models::mail::OutboxMail &mail : mails()) {
            QCOMPARE(mail.status, MailStatus::Queued);
            QCOMPARE(mail.attempts, 1);
        }
        QCOMPARE(server.connectionCount(), 1); // both mails shared the one failed attempt

        // Fixed: the next try succeeds and the problem is gone.
        server.setFault(Fault::None);
        f->clock.advanceSecs(31);
        QVERIFY(runUntilDrained());
        QCOMPARE(mails(MailStatus::Sent).size(), 2);
        QVERIFY(sender->state() != OutboxSender::State::Failing);
        QVERIFY(sender->problem().isEmpty());
    }

    // Without a mail server nothing is tried and nothing is lost.
    void notConfiguredLeavesMailQueued()
    {
        QVERIFY(!signUp(u"ann@example.test"_s, u"Ann"_s, models::domain::Role::Renter, Language::English).isNull());
        sender->configure({}, {});
        QVERIFY(runUntilDrained());
        QCOMPARE(sender->state(), OutboxSender::State::NotConfigured);
        const models::mail::OutboxMail mail = mails().constFirst();
        QCOMPARE(mail.status, MailStatus::Queued);
        QCOMPARE(mail.attempts, 0);
    }

    // A row whose template cannot be filled in will not fill itself in later: failed, with why.
    void mailThatCannotBeWrittenFails()
    {
        test::FaultSmtpServer server;
        QVERIFY(server.listen());
        QVERIFY(!signUp(u"ann@example.test"_s, u"Ann"_s, models::domain::Role::Renter, Language::English).isNull());
        QVERIFY2(f->run(u"UPDATE mail_outbox SET event = 'booking_confirmed', params = '{}'"_s),
                 qPrintable(f->lastFailure()));
        sender->configure(insecure(server.port()), {});
        QVERIFY(runUntilDrained());
        const models::mail::OutboxMail mail = mails().constFirst();
        QCOMPARE(mail.status, MailStatus::Failed);
        QVERIFY2(mail.lastError.contains(u"cannot be written"_s), qPrintable(mail.lastError));
        QCOMPARE(server.connectionCount(), 0);
    }

    // Stopped while a batch goes (the Stop of the Mail queue's progress window): the mail on the
    // wire is answered for and marked, the rest is taken back unbegun and stays queued, nothing
    // more is begun while paused; resumed, every mail goes, each exactly once.
    void pausedAfterTheMailOnTheWire()
    {
        test::FaultSmtpServer server;
        QVERIFY(server.listen());
        for (const QString &name : { u"ann"_s, u"bob"_s, u"cid"_s, u"dan"_s, u"eve"_s }) {
            QVERIFY(!signUp(name + u"@example.test"_s, name, models::domain::Role::Renter, Language::English).isNull());
        }
        QCOMPARE(mails(MailStatus::Queued).size(), 5);
        QSignalSpy sent(sender.get(), &OutboxSender::mailSent);
        // Paused as the first mail is answered for: the client has begun the next one already.
        connect(sender.get(), &OutboxSender::mailSent, this, [this] { sender->pause(); });
        sender->configure(insecure(server.port()), {});
        QVERIFY(sent.wait(10000));
        QTRY_COMPARE_WITH_TIMEOUT(sender->inFlight(), 0, 10000);
        QCOMPARE(sender->state(), OutboxSender::State::Paused);
        QVERIFY(sender->isPaused());
        const int before = int(sent.size());
        QVERIFY2(before >= 1 && before <= 2, qPrintable(QString::number(before)));
        QCOMPARE(mails(MailStatus::Sent).size(), before);
        QCOMPARE(mails(MailStatus::Queued).size(), 5 - before);
        for (const models::mail::OutboxMail &mail : mails(MailStatus::Queued))
            QCOMPARE(mail.attempts, 0); // taken back unbegun: not even counted as tried
        QCOMPARE(countCommands(server, "MAIL FROM"), before);

        // Paused stays paused: a wake or a due mail begins nothing.
        sender->wake();
        QTRY_COMPARE(sender->state(), OutboxSender::State::Paused);
        QCOMPARE(countCommands(server, "MAIL FROM"), before);

        sender->disconnect(this);
        QSignalSpy drained(sender.get(), &OutboxSender::drained);
        sender->resume();
        QVERIFY(drained.wait(15000));
        QCOMPARE(mails(MailStatus::Sent).size(), 5);
        QCOMPARE(sent.size(), 5);
        QCOMPARE(server.mails().size(), 5);
        QCOMPARE(countCommands(server, "MAIL FROM"), 5);
        QCOMPARE(countCommands(server, "RCPT TO"), 5);
        QSet<QByteArray> recipients;
        for (const QByteArray &line : server.commands()) {
            if (line.startsWith("RCPT TO"))
                recipients.insert(line);
        }
        QCOMPARE(recipients.size(), 5); // each mail once
        QVERIFY(sender->state() != OutboxSender::State::Paused);
    }

    // Nothing is marked sent before the server's 250: a server that takes the whole mail and
    // never answers leaves it queued.
    void notMarkedSentBeforeTheServerAccepts()
    {
        test::FaultSmtpServer server;
        QVERIFY(server.listen());
        server.setFault(Fault::HoldAfterData);
        QVERIFY(!signUp(u"ann@example.test"_s, u"Ann"_s, models::domain::Role::Renter, Language::English).isNull());
        QSignalSpy data(&server, &test::FaultSmtpServer::dataReceived);
        sender->configure(insecure(server.port()), {});
        QVERIFY(data.wait(10000));
        QCOMPARE(mails().constFirst().status, MailStatus::Queued);
        QCOMPARE(mails().constFirst().attempts, 0);
        QCOMPARE(sender->inFlight(), 1);
    }
};

QTEST_GUILESS_MAIN(TestOutboxSender)
#include "tst_outboxsender.moc"
