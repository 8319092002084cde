// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/mail/outboxstore.h"
#include "tests/support/servicefixture.h"

#include <QRegularExpression>
#include <QTest>
#include <QThread>

using namespace Qt::StringLiterals;
using namespace rentdesk;
using models::domain::MailStatus;
using models::mail::OutboxStore;
using std::chrono::milliseconds;
using std::chrono::seconds;

// The outbox's life cycle on a test clock: due, sent, retried later with growing waits,
// stopped with its reason, retried or discarded by a person; each change only from the
// state it belongs to.
class TestOutboxStore final : public QObject
{
    Q_OBJECT

    std::unique_ptr<test::ServiceFixture> f;
    std::unique_ptr<OutboxStore> outbox;

    // A welcome mail queued by a real sign-up; null, with the reason logged, when there is none.
    // (Not a QVERIFY in here: it would end a lambda, or this function, and the test would go on.)
    QUuid queueOne(const QString &email)
    {
        models::services::AccountService::SignUp request;
        request.email = email;
        request.displayName = u"Ann Example"_s;
        request.password = u"correct horse battery"_s;
        const auto user = f->accounts.signUp(request);
        if (!user) {
            qWarning() << "sign-up refused:" << user.error().message;
            return {};
        }
        const auto mails = outbox->list(MailStatus::Queued, 100);
        for (const auto &mail : mails.value_or(QList<models::mail::OutboxMail>())) {
            if (mail.recipientEmail == email)
                return mail.id;
        }
        return {};
    }

private Q_SLOTS:
    void init()
    {
        f = std::make_unique<test::ServiceFixture>();
        QVERIFY2(f->isValid(), qPrintable(f->errorMessage()));
        outbox = std::make_unique<OutboxStore>(f->database().shared(), f->clock);
    }
    void cleanup()
    {
        outbox.reset();
        f.reset();
    }

    void backoffDoublesUpToAnHourWithJitter()
    {
        QCOMPARE(OutboxStore::backoff(1, 0.5), milliseconds(30000));
        QCOMPARE(OutboxStore::backoff(2, 0.5), milliseconds(60000));
        QCOMPARE(OutboxStore::backoff(3, 0.5), milliseconds(120000));
        QCOMPARE(OutboxStore::backoff(20, 0.5), milliseconds(3600000));
        QCOMPARE(OutboxStore::backoff(1, 0.0), milliseconds(24000)); // -20%
        QCOMPARE(OutboxStore::backoff(1, 1.0), milliseconds(36000)); // +20%
        QVERIFY(OutboxStore::backoff(1000, 1.0) <= milliseconds(3600000 * 12 / 10));
    }

    void queuedMailIsDueAndThenSent()
    {
        const QUuid id = queueOne(u"ann@example.org"_s);
        QVERIFY(!id.isNull());
        auto due = outbox->due(10);
        QVERIFY(due);
        QCOMPARE(due->size(), 1);
        const models::mail::OutboxMail &mail = due->first();
        QCOMPARE(mail.event, models::domain::MailEvent::Welcome);
        QCOMPARE(mail.recipientName, u"Ann Example"_s);
        QVERIFY(mail.messageId.startsWith(u'<') && mail.messageId.endsWith(u'>'));
        QCOMPARE(mail.params.value(u"role"_s).toString(), u"renter"_s);

        QVERIFY(outbox->markSent(id));
        QCOMPARE(outbox->due(10)->size(), 0);
        const auto sent = outbox->list(MailStatus::Sent, 10);
        QCOMPARE(sent->size(), 1);
        QCOMPARE(sent->first().sentAt, f->clock.now());
        // Sent once is sent: a second mark is refused.
        QCOMPARE(outbox->markSent(id).error().code, models::services::DomainError::Code::WrongState);
    }

    void temporaryFailureWaitsLongerEachTime()
    {
        const QUuid id = queueOne(u"ann@example.org"_s);
        QVERIFY(!id.isNull());
        QVERIFY(outbox->markTemporaryFailure(id, u"451 try later"_s, 0.5));
        QCOMPARE(outbox->due(10)->size(), 0);
        QCOMPARE(*outbox->nextDue(), std::optional(f->clock.now().addSecs(30)));
        f->clock.advanceSecs(29);
        QCOMPARE(outbox->due(10)->size(), 0);
        f->clock.advanceSecs(1);
        QCOMPARE(outbox->due(10)->size(), 1);
        QCOMPARE(outbox->due(10)->first().lastError, u"451 try later"_s);
        QCOMPARE(outbox->due(10)->first().attempts, 1);

        QVERIFY(outbox->markTemporaryFailure(id, u"timeout"_s, 0.5));
        QCOMPARE(*outbox->nextDue(), std::optional(f->clock.now().addSecs(60)));
        f->clock.advanceSecs(60);
        QCOMPARE(outbox->due(10)->first().attempts, 2);
    }

    void permanentFailureStopsUntilRetried()
    {
        const QUuid id = queueOne(u"ann@example.org"_s);
        QVERIFY(!id.isNull());
        QVERIFY(outbox->markPermanentFailure(id, u"550 no such user"_s));
        QCOMPARE(outbox->due(10)->size(), 0);
        QCOMPARE(*outbox->nextDue(), std::optional<QDateTime>());
        const auto failed = outbox->list(MailStatus::Failed, 10);
        QCOMPARE(failed->size(), 1);
        QCOMPARE(failed->first().lastError, u"550 no such user"_s);

        QVERIFY(outbox->retry(id));
        QCOMPARE(outbox->due(10)->size(), 1);
        QVERIFY(outbox->discard(id));
        QCOMPARE(outbox->due(10)->size(), 0);
        QCOMPARE(outbox->list(MailStatus::Discarded, 10)->size(), 1);
        QCOMPARE(outbox->retry(id).error().code, models::services::DomainError::Code::WrongState);
        QCOMPARE(outbox->discard(QUuid::createUuid()).error().code, models::services::DomainError::Code::WrongState);
    }

    void dueIsOldestFirstAndLimited()
    {
        const QUuid first = queueOne(u"first@example.org"_s);
        QVERIFY(!first.isNull());
        f->clock.advanceSecs(5);
        QVERIFY(!queueOne(u"second@example.org"_s).isNull());
        f->clock.advanceSecs(5);
        QVERIFY(!queueOne(u"third@example.org"_s).isNull());
        const auto due = outbox->due(2);
        QCOMPARE(due->size(), 2);
        QCOMPARE(due->first().id, first);
        QCOMPARE(due->at(1).recipientEmail, u"second@example.org"_s);
    }

    // The sender marks mails sent on its own thread, the Mail queue on the GUI thread: each
    // thread's statement runs on that thread's connection, and every mail sent records when.
    void mailsAreMarkedSentFromTwoThreads()
    {
        QList<QUuid> ids;
        for (int i = 0; i < 9; ++i)
            ids << queueOne(u"person%1@example.org"_s.arg(i));
        QVERIFY(!ids.contains(QUuid()));
        // A statement of one thread run on another's connection is what Qt warns about.
        QTest::failOnWarning(QRegularExpression(u".*thread.*"_s, QRegularExpression::CaseInsensitiveOption));
        QVERIFY(outbox->markSent(ids.takeFirst())); // this thread first: its statement is the cached one

        const auto markHalf = [&](int first) {
            int refused = 0;
            for (qsizetype i = first; i < ids.size(); i += 2)
                refused += outbox->markSent(ids.at(i)) ? 0 : 1;
            return refused;
        };
        int refusedA = -1;
        int refusedB = -1;
        std::unique_ptr<QThread> a(QThread::create([&] { refusedA = markHalf(0); }));
        std::unique_ptr<QThread> b(QThread::create([&] { refusedB = markHalf(1); }));
        a->start();
        b->start();
        QVERIFY(a->wait(30000));
        QVERIFY(b->wait(30000));
        QCOMPARE(refusedA, 0);
        QCOMPARE(refusedB, 0);

        const auto sent = outbox->list(MailStatus::Sent, 100);
        QVERIFY(sent);
        QCOMPARE(sent->size(), 9);
        for (const models::mail::OutboxMail &mail : *sent) {
            QCOMPARE(mail.attempts, 1);
            QCOMPARE(mail.sentAt, f->clock.now());
        }
        // Marked once only: a second time is refused, from any thread.
        QVERIFY(!outbox->markSent(ids.constFirst()));
    }
};

QTEST_GUILESS_MAIN(TestOutboxStore)
#include "tst_outboxstore.moc"
