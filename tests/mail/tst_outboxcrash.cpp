// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/mail/outboxstore.h"
#include "tests/support/childprocess.h"
#include "tests/support/faultsmtpserver.h"
#include "tests/support/servicefixture.h"
#include "tests/support/smtptestserver.h"

#include <QProcess>
#include <QRegularExpression>
#include <QSet>
#include <QSignalSpy>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace rentdesk;
using models::domain::MailStatus;
using Fault = test::FaultSmtpServer::Fault;

namespace {

// Where the sender dies, counted on the server's side of the third mail.
enum class KillPoint {
    AtMailFrom, // the server has the third MAIL FROM
    AtData, // the server has DATA and has not answered it
    AfterData, // the whole third mail arrived; no 250 yet
    AfterAccepting, // the server's 250 for the third mail is on its way
};

QByteArray messageIdOf(const QByteArray &mail)
{
    static const QRegularExpression header(uR"(\r\nMessage-ID: (<[^>\r\n]+>)\r\n)"_s,
                                           QRegularExpression::CaseInsensitiveOption);
    return header.match(QString::fromUtf8(mail)).captured(1).toUtf8();
}

} // namespace

Q_DECLARE_METATYPE(KillPoint)

// The sender is a child process (rentdesk --send-outbox) killed in the middle of a mail, not
// only between mails. After a restart every queued mail is delivered and none is lost; the
// only mail that may arrive twice is the one the server had accepted when the process died,
// and it carries the same Message-ID both times.
class TestOutboxCrash final : public QObject
{
    Q_OBJECT

    std::unique_ptr<test::ServiceFixture> f;
    QTemporaryDir home;
    static constexpr int mailCount = 6;

    QProcess *startSender(quint16 port)
    {
        auto *process = new QProcess(this);
        const QProcessEnvironment env = test::childEnvironment(home.path());
        process->setProcessEnvironment(env);
        process->setProcessChannelMode(QProcess::ForwardedErrorChannel);
        process->start(QStringLiteral(RENTDESK_APP),
                       { u"--database"_s, f->database().path(), u"--send-outbox"_s, u"--smtp"_s,
                         u"smtp+insecure://127.0.0.1:%1"_s.arg(port), u"--smtp-timeout"_s, u"20"_s });
        return process;
    }

    QList<models::mail::OutboxMail> outbox() const
    {
        return models::mail::OutboxStore(f->database().shared(), f->clock)
            .list(std::nullopt, 1000)
            .value_or(QList<models::mail::OutboxMail>());
    }

private Q_SLOTS:
    void init()
    {
        f = std::make_unique<test::ServiceFixture>();
        QVERIFY2(f->isValid(), qPrintable(f->errorMessage()));
        // Real time: the child process reads the system clock.
        f->clock.set(QDateTime::currentDateTimeUtc());
        for (int i = 0; i < mailCount; ++i) {
            models::services::AccountService::SignUp request;
            request.email = u"person%1@example.test"_s.arg(i);
            request.displayName = u"Person %1"_s.arg(i);
            request.password = u"correct horse battery"_s;
            request.language = i % 2 ? models::domain::Language::Russian : models::domain::Language::English;
            QVERIFY(f->accounts.signUp(request));
        }
        QCOMPARE(outbox().size(), mailCount);
    }
    void cleanup() { f.reset(); }

    void killedInTheMiddleOfAMail_data()
    {
        QTest::addColumn<KillPoint>("point");
        QTest::newRow("at MAIL FROM") << KillPoint::AtMailFrom;
        QTest::newRow("at DATA") << KillPoint::AtData;
        QTest::newRow("after the data, before the 250") << KillPoint::AfterData;
        QTest::newRow("after the 250") << KillPoint::AfterAccepting;
    }
    void killedInTheMiddleOfAMail()
    {
        QFETCH(KillPoint, point);

        // First run: a server that takes two mails, then lets the test kill the sender at the
        // chosen point of the third.
        test::FaultSmtpServer first;
        QVERIFY(first.listen());
        if (point == KillPoint::AtData)
            first.setFault(Fault::HoldAtData, 2);
        else if (point == KillPoint::AfterData)
            first.setFault(Fault::HoldAfterData, 2);
        QProcess *sender = startSender(first.port());
        QSignalSpy died(sender, &QProcess::finished);
        bool killed = false;
        const auto kill = [&] {
            if (!killed)
                sender->kill(); // SIGKILL: no clean-up of any kind
            killed = true;
        };
        int mailFroms = 0;
        connect(&first, &test::FaultSmtpServer::commandReceived, this, [&](const QByteArray &line) {
            if (line.startsWith("MAIL FROM") && ++mailFroms == 3 && point == KillPoint::AtMailFrom)
                kill();
            if (line == "DATA" && mailFroms == 3 && point == KillPoint::AtData)
                kill();
        });
        connect(&first, &test::FaultSmtpServer::dataReceived, this, [&] {
            if (mailFroms == 3 && point == KillPoint::AfterData)
                kill();
        });
        connect(&first, &test::FaultSmtpServer::mailAccepted, this, [&] {
            if (first.mails().size() == 3 && point == KillPoint::AfterAccepting)
                kill();
        });
        QVERIFY(died.wait(30000));
        QVERIFY(killed);
        QCOMPARE(sender->exitStatus(), QProcess::CrashExit);

        // Nothing is lost: what the server did not accept is still queued.
        const QByteArrayList acceptedFirst = first.mails();
        QCOMPARE(acceptedFirst.size(), point == KillPoint::AfterAccepting ? 3 : 2);
        QSet<QByteArray> accepted;
        for (const QByteArray &mail : acceptedFirst)
            accepted.insert(messageIdOf(mail));
        QSet<QByteArray> queuedAfterKill;
        for (const models::mail::OutboxMail &mail : outbox()) {
            if (mail.status == MailStatus::Queued)
                queuedAfterKill.insert(mail.messageId.toUtf8());
            else
                QVERIFY2(accepted.contains(mail.messageId.toUtf8()), "marked sent without the server's 250");
        }
        const int stillQueued = int(queuedAfterKill.size());
        QVERIFY(stillQueued >= mailCount - acceptedFirst.size());
        // At most the one mail between its 250 and its update can be both.
        QVERIFY((accepted & queuedAfterKill).size() <= 1);

        // Second run, against a real server: everything still queued goes.
        test::SmtpTestServer second;
        QVERIFY2(second.start(test::SmtpTestServer::Mode::Plain), qPrintable(second.errorString()));
        QProcess *again = startSender(second.port());
        QSignalSpy finished(again, &QProcess::finished);
        QVERIFY(finished.wait(30000));
        QCOMPARE(again->exitStatus(), QProcess::NormalExit);
        QCOMPARE(again->exitCode(), 0);
        QVERIFY(second.waitForMessages(stillQueued));

        // Every mail arrived, once; twice only the one the server had accepted (250) and the
        // killed process had not yet marked sent, with the same Message-ID both times.
        QMap<QByteArray, int> arrivals;
        for (const QByteArray &mail : acceptedFirst)
            ++arrivals[messageIdOf(mail)];
        for (const QJsonObject &message : second.messages())
            ++arrivals[message.value(u"message_id"_s).toString().toUtf8()];
        for (const models::mail::OutboxMail &mail : outbox()) {
            QCOMPARE(mail.status, MailStatus::Sent);
            const QByteArray id = mail.messageId.toUtf8();
            const int times = arrivals.value(id);
            const bool mayRepeat = accepted.contains(id) && queuedAfterKill.contains(id);
            QVERIFY2(times == 1 || (mayRepeat && times == 2),
                     qPrintable(u"%1 arrived %2 times"_s.arg(mail.messageId).arg(times)));
        }
        QCOMPARE(arrivals.size(), mailCount);
    }
};

QTEST_GUILESS_MAIN(TestOutboxCrash)
#include "tst_outboxcrash.moc"
