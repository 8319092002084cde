// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/itemmodels/mailqueuemodel.h"
#include "models/mail/outboxstore.h"
#include "net/mail/outboxsender.h"
#include "tests/support/faultsmtpserver.h"
#include "tests/support/servicefixture.h"
#include "views/common/messages.h"
#include "views/mail/mailqueuedialog.h"
#include "views/mainwindow/workspace.h"
#include "views/widgets/taskprogress.h"

#include <QComboBox>
#include <QLabel>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QStackedWidget>
#include <QTableView>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace rentdesk;
using models::domain::MailStatus;
using models::itemmodels::MailQueueModel;
using views::MailQueueDialog;

// The Mail queue as a person uses it: a mail the server refused is listed with the reason;
// Retry makes it wait again (and wakes the sender), Discard asks first and then takes it off
// the list; the buttons follow the selected mail's status; a refusal is said in the store's
// words; an empty list says so.
class TestMailQueueDialog final : public QObject
{
    Q_OBJECT

    std::unique_ptr<test::ServiceFixture> f;
    std::unique_ptr<models::mail::OutboxStore> outbox;
    std::unique_ptr<models::services::Session> session;
    std::unique_ptr<views::Workspace> workspace;
    std::unique_ptr<net::mail::OutboxSender> sender;
    QUuid ann, boris;

    QUuid signUp(const QString &email, const QString &name)
    {
        models::services::AccountService::SignUp request;
        request.email = email;
        request.displayName = name;
        request.password = u"correct horse battery"_s;
        if (!f->accounts.signUp(request))
            return {};
        for (const auto &mail : outbox->list(MailStatus::Queued, 100).value_or(QList<models::mail::OutboxMail>())) {
            if (mail.recipientEmail == email)
                return mail.id;
        }
        return {};
    }

    struct Parts
    {
        explicit Parts(const MailQueueDialog &dialog)
            : table(dialog.findChild<QTableView *>(u"mailQueueTable"_s))
            , filter(dialog.findChild<QComboBox *>(u"mailFilterCombo"_s))
            , retry(dialog.findChild<QPushButton *>(u"retryButton"_s))
            , discard(dialog.findChild<QPushButton *>(u"discardButton"_s))
            , refresh(dialog.findChild<QPushButton *>(u"refreshButton"_s))
            , empty(dialog.findChild<QLabel *>(u"mailQueueEmptyState"_s))
            , senderState(dialog.findChild<QLabel *>(u"mailSenderState"_s))
        {
        }
        QTableView *table;
        QComboBox *filter;
        QPushButton *retry;
        QPushButton *discard;
        QPushButton *refresh;
        QLabel *empty;
        QLabel *senderState;
    };

    static void clickRow(QTableView *table, int row)
    {
        QTest::mouseClick(table->viewport(), Qt::LeftButton, {},
                          table->visualRect(table->model()->index(row, MailQueueModel::Recipient)).center());
    }
    static int rowOf(const QTableView *table, const QUuid &id)
    {
        return static_cast<const MailQueueModel *>(table->model())->rowOf(id);
    }
    static MailStatus statusAt(const QTableView *table, int row)
    {
        return table->model()
            ->index(row, MailQueueModel::Status)
            .data(models::itemmodels::ValueRole)
            .value<MailStatus>();
    }

private Q_SLOTS:
    void init()
    {
        QSettings().clear();
        f = std::make_unique<test::ServiceFixture>();
        QVERIFY2(f->isValid(), qPrintable(f->errorMessage()));
        outbox = std::make_unique<models::mail::OutboxStore>(f->database().shared(), f->clock);
        ann = signUp(u"ann@example.org"_s, u"Ann Example"_s);
        f->clock.advanceSecs(5);
        boris = signUp(u"boris@example.org"_s, u"Boris Petrov"_s);
        QVERIFY(!ann.isNull() && !boris.isNull());
        session = std::make_unique<models::services::Session>();
        workspace = std::make_unique<views::Workspace>(f->database().shared(), f->clock,
                                                       models::services::Mode::Standalone, *session);
        // Not configured: it sends nothing, and says when it was woken.
        sender = std::make_unique<net::mail::OutboxSender>(f->database().shared(), f->clock);
        workspace->mailSender = sender.get();
    }
    void cleanup()
    {
        views::messages::setNextAnswer(std::nullopt);
        workspace.reset();
        sender.reset();
        session.reset();
        outbox.reset();
        f.reset();
    }

    void failedMailIsRetried()
    {
        QVERIFY(outbox->markPermanentFailure(ann, u"550 5.1.1 <ann@example.org>: mailbox unavailable"_s));
        MailQueueDialog dialog(*workspace);
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        const Parts ui(dialog);
        QVERIFY(ui.table && ui.filter && ui.retry && ui.discard && ui.refresh && ui.empty && ui.senderState);
        QCOMPARE(ui.filter->currentText(), u"Waiting and failed"_s);
        QVERIFY(ui.table->isVisible());
        QCOMPARE(ui.table->model()->rowCount(), 2);
        QVERIFY(ui.senderState->text().contains(u"No mail server is set up"_s));

        // Nothing selected: nothing to act on.
        QVERIFY(!ui.retry->isEnabled());
        QVERIFY(!ui.discard->isEnabled());

        const int failed = rowOf(ui.table, ann);
        QCOMPARE(statusAt(ui.table, failed), MailStatus::Failed);
        QCOMPARE(ui.table->model()->index(failed, MailQueueModel::LastError).data().toString(),
                 u"550 5.1.1 <ann@example.org>: mailbox unavailable"_s);
        clickRow(ui.table, failed);
        QVERIFY(ui.retry->isEnabled());
        QVERIFY(ui.discard->isEnabled());

        QSignalSpy woken(sender.get(), &net::mail::OutboxSender::drained);
        QSignalSpy changed(&dialog, &MailQueueDialog::changed);
        QTest::mouseClick(ui.retry, Qt::LeftButton);
        QCOMPARE(changed.size(), 1);
        // Waiting again, still selected, and the store agrees.
        const int retried = rowOf(ui.table, ann);
        QCOMPARE(statusAt(ui.table, retried), MailStatus::Queued);
        QCOMPARE(ui.table->selectionModel()->selectedRows().value(0).row(), retried);
        QCOMPARE(outbox->list(MailStatus::Failed, 10)->size(), 0);
        // The sender was told to look at the outbox (it is not set up, so it is done at once).
        QVERIFY(woken.wait());
    }

    void discardAsksFirst()
    {
        QVERIFY(outbox->markPermanentFailure(ann, u"550 no such user"_s));
        MailQueueDialog dialog(*workspace);
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        const Parts ui(dialog);
        clickRow(ui.table, rowOf(ui.table, ann));

        views::messages::setNextAnswer(false);
        QTest::mouseClick(ui.discard, Qt::LeftButton);
        QVERIFY(views::messages::lastText().contains(u"Ann Example"_s));
        QCOMPARE(ui.table->model()->rowCount(), 2); // kept: the answer was no

        views::messages::setNextAnswer(true);
        QTest::mouseClick(ui.discard, Qt::LeftButton);
        QCOMPARE(ui.table->model()->rowCount(), 1);
        QCOMPARE(rowOf(ui.table, ann), -1);
        QCOMPARE(outbox->list(MailStatus::Discarded, 10)->size(), 1);

        // Under "All" it is there, discarded, and nothing can be done to it any more.
        ui.filter->setFocus();
        QTest::keyClick(ui.filter, Qt::Key_Down);
        QCOMPARE(ui.filter->currentText(), u"All"_s);
        const int discarded = rowOf(ui.table, ann);
        QCOMPARE(statusAt(ui.table, discarded), MailStatus::Discarded);
        clickRow(ui.table, discarded);
        QVERIFY(!ui.retry->isEnabled());
        QVERIFY(!ui.discard->isEnabled());
        // A waiting one can be acted on.
        clickRow(ui.table, rowOf(ui.table, boris));
        QVERIFY(ui.retry->isEnabled());
        QVERIFY(ui.discard->isEnabled());
    }

    void sentMailCannotBeRetried()
    {
        QVERIFY(outbox->markSent(boris));
        MailQueueDialog dialog(*workspace);
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        const Parts ui(dialog);
        QCOMPARE(ui.table->model()->rowCount(), 1); // the sent one is not waiting
        ui.filter->setCurrentIndex(ui.filter->findData(int(MailQueueModel::Filter::All)));
        QCOMPARE(ui.table->model()->rowCount(), 2);
        clickRow(ui.table, rowOf(ui.table, boris));
        QCOMPARE(statusAt(ui.table, rowOf(ui.table, boris)), MailStatus::Sent);
        QVERIFY(!ui.retry->isEnabled());
        QVERIFY(!ui.discard->isEnabled());
    }

    void refusalIsSaidInTheStoresWords()
    {
        MailQueueDialog dialog(*workspace);
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        const Parts ui(dialog);
        clickRow(ui.table, rowOf(ui.table, ann));
        QVERIFY(ui.retry->isEnabled());
        // Sent meanwhile, behind the dialog's back.
        QVERIFY(outbox->markSent(ann));
        views::messages::setNextAnswer(std::nullopt); // tell() opens no box in tests
        QTest::mouseClick(ui.retry, Qt::LeftButton);
        QCOMPARE(views::messages::lastText(), u"This mail is no longer waiting to be sent."_s);
        // The list shows what is true now.
        QCOMPARE(rowOf(ui.table, ann), -1);
        QCOMPARE(outbox->list(MailStatus::Sent, 10)->size(), 1);
    }

    // Send all now sends every waiting and failed mail, following them in a progress window;
    // its Stop (here at the first answer) pauses the sender after the mail on the wire, the rest
    // staying queued and untried; Send all now again sends them, each mail exactly once, and
    // the progress reaches its total.
    void sendAllNowFollowsAndStops()
    {
        test::FaultSmtpServer server;
        QVERIFY(server.listen());
        for (const QString &name : { u"cid"_s, u"dan"_s, u"eve"_s, u"fay"_s })
            QVERIFY(!signUp(name + u"@example.org"_s, name).isNull());
        // Failed, so that the sender leaves them alone until a person sends them.
        for (const auto &mail : outbox->list(MailStatus::Queued, 100).value_or(QList<models::mail::OutboxMail>()))
            QVERIFY(outbox->markPermanentFailure(mail.id, u"550 5.7.1 not now"_s));
        auto config = net::mail::makeMailConfig(u"smtp+insecure://127.0.0.1:%1"_s.arg(server.port()), {}, {});
        QVERIFY(config);
        QSignalSpy drained(sender.get(), &net::mail::OutboxSender::drained);
        sender->configure(*config, {});
        QVERIFY(drained.wait());
        views::messages::setNextAnswer(std::nullopt); // a box would be remembered, not shown

        MailQueueDialog dialog(*workspace);
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        const Parts ui(dialog);
        auto *sendAll = dialog.findChild<QPushButton *>(u"sendAllButton"_s);
        QVERIFY(sendAll);
        QVERIFY(sendAll->isEnabled());
        QCOMPARE(ui.table->model()->rowCount(), 6);
        QSignalSpy progress(&dialog, &MailQueueDialog::sendingProgress);

        views::TaskProgress::stopNextAt(1);
        QTest::mouseClick(sendAll, Qt::LeftButton);
        QTRY_COMPARE(sender->state(), net::mail::OutboxSender::State::Paused);
        QTRY_COMPARE(sender->inFlight(), 0);
        QTRY_VERIFY(sendAll->isEnabled());
        const int sent = int(outbox->list(MailStatus::Sent, 100)->size());
        QVERIFY2(sent >= 1 && sent < 6, qPrintable(QString::number(sent)));
        QCOMPARE(server.mails().size(), sent);
        const auto waiting = outbox->list(MailStatus::Queued, 100);
        QCOMPARE(waiting->size(), 6 - sent);
        for (const auto &mail : *waiting)
            QCOMPARE(mail.attempts, 1); // the refusal before; taken back unbegun, not tried again
        QCOMPARE(progress.constFirst(), QVariantList({ 0, 6 }));
        QVERIFY(ui.senderState->text().contains(u"Sending is stopped"_s));
        QTRY_VERIFY(!dialog.findChild<QWidget *>(u"taskProgress"_s)); // the progress window is gone

        progress.clear();
        QTest::mouseClick(sendAll, Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(outbox->list(MailStatus::Sent, 100)->size(), 6, 15000);
        QTRY_COMPARE(progress.constLast(), QVariantList({ 6 - sent, 6 - sent }));
        QCOMPARE(server.mails().size(), 6);
        QSet<QByteArray> recipients;
        for (const QByteArray &line : server.commands()) {
            if (line.startsWith("RCPT TO"))
                recipients.insert(line);
        }
        QCOMPARE(recipients.size(), 6); // each mail once
        QVERIFY(sender->state() != net::mail::OutboxSender::State::Paused);
        QVERIFY(!ui.senderState->text().contains(u"Sending is stopped"_s));
    }

    // Mails the server refuses are answered for too: the progress ends, and a box says how
    // many went and that the list says why the others did not.
    void sendAllNowSaysWhatDidNotGo()
    {
        test::FaultSmtpServer server;
        QVERIFY(server.listen());
        server.setFault(test::FaultSmtpServer::Fault::RecipientRefused, 1); // the first goes
        auto config = net::mail::makeMailConfig(u"smtp+insecure://127.0.0.1:%1"_s.arg(server.port()), {}, {});
        QVERIFY(config);
        for (const QUuid &id : { ann, boris })
            QVERIFY(outbox->markPermanentFailure(id, u"550 5.7.1 not now"_s));
        QSignalSpy drained(sender.get(), &net::mail::OutboxSender::drained);
        sender->configure(*config, {});
        QVERIFY(drained.wait());
        views::messages::setNextAnswer(std::nullopt); // the box is remembered, not shown

        MailQueueDialog dialog(*workspace);
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        QSignalSpy progress(&dialog, &MailQueueDialog::sendingProgress);
        QTest::mouseClick(dialog.findChild<QPushButton *>(u"sendAllButton"_s), Qt::LeftButton);
        // (Without the English translation loaded, the plural reads "mail(s)".)
        QTRY_VERIFY2(views::messages::lastText().startsWith(u"1 of 2 mail"_s), qPrintable(views::messages::lastText()));
        QVERIFY2(views::messages::lastText().endsWith(u"sent. 1 not sent: the list says why."_s),
                 qPrintable(views::messages::lastText()));
        QCOMPARE(progress.constLast(), QVariantList({ 2, 2 }));
        QCOMPARE(outbox->list(MailStatus::Sent, 10)->size(), 1);
        QCOMPARE(outbox->list(MailStatus::Failed, 10)->size(), 1);
        QTRY_VERIFY(!dialog.findChild<QWidget *>(u"taskProgress"_s));
    }

    void emptyQueueSaysSo()
    {
        QVERIFY(outbox->markSent(ann));
        QVERIFY(outbox->discard(boris));
        MailQueueDialog dialog(*workspace);
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        const Parts ui(dialog);
        QVERIFY(ui.empty->isVisible());
        QVERIFY(!ui.table->isVisible());
        QCOMPARE(ui.empty->text(), u"No mail is waiting."_s);
        ui.filter->setCurrentIndex(ui.filter->findData(int(MailQueueModel::Filter::All)));
        QVERIFY(ui.table->isVisible());
        QCOMPARE(ui.table->model()->rowCount(), 2);

        // A mail queued while the dialog is open appears with Refresh.
        ui.filter->setCurrentIndex(ui.filter->findData(int(MailQueueModel::Filter::WaitingAndFailed)));
        QVERIFY(ui.empty->isVisible());
        QVERIFY(!signUp(u"clara@example.org"_s, u"Clara Smith"_s).isNull());
        QTest::mouseClick(ui.refresh, Qt::LeftButton);
        QVERIFY(ui.table->isVisible());
        QCOMPARE(ui.table->model()->rowCount(), 1);
    }
};

QTEST_MAIN(TestMailQueueDialog)
#include "tst_mailqueuedialog.moc"
