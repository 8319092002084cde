// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/itemmodels/cellformat.h"
#include "models/itemmodels/mailqueuemodel.h"
#include "models/mail/outboxstore.h"
#include "tests/support/servicefixture.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace rentdesk;
using models::domain::MailStatus;
using models::itemmodels::MailQueueModel;

// The Mail queue's table over welcome mails queued by real sign-ups: every column's text,
// value and kind, the states OutboxStore moves mails through, the filter, and sorting that
// keeps a selected mail selected. The model tester watches every reset and layout change.
class TestMailQueueModel final : public QObject
{
    Q_OBJECT

    std::unique_ptr<test::ServiceFixture> f;
    std::unique_ptr<models::mail::OutboxStore> outbox;
    QUuid ann, boris, clara; // their welcome mails, queued in this order five seconds apart

    QUuid signUp(const QString &email, const QString &name)
    {
        models::services::AccountService::SignUp request;
        request.email = email;
        request.displayName = name;
        request.password = u"correct horse battery"_s;
        if (const auto user = f->accounts.signUp(request); !user) {
            qWarning() << user.error().message;
            return {};
        }
        for (const auto &mail : outbox->list(MailStatus::Queued, 100).value_or(QList<models::mail::OutboxMail>())) {
            if (mail.recipientEmail == email)
                return mail.id;
        }
        return {};
    }

    static QVariant cell(const MailQueueModel &model, int row, int column, int role = Qt::DisplayRole)
    {
        return model.data(model.index(row, column), role);
    }

    static QStringList recipients(const MailQueueModel &model)
    {
        QStringList shown;
        for (int row = 0; row < model.rowCount(); ++row)
            shown << cell(model, row, MailQueueModel::Recipient).toString();
        return shown;
    }

private Q_SLOTS:
    void init()
    {
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedKingdom));
        f = std::make_unique<test::ServiceFixture>();
        QVERIFY2(f->isValid(), qPrintable(f->errorMessage()));
        outbox = std::make_unique<models::mail::OutboxStore>(f->database().shared(), f->clock);
        ann = signUp(u"ann@example.org"_s, u"Ann Example"_s);
        f->clock.advanceSecs(5);
        boris = signUp(u"boris@example.org"_s, u"Boris Petrov"_s);
        f->clock.advanceSecs(5);
        clara = signUp(u"clara@example.org"_s, u"Clara Smith"_s);
        QVERIFY(!ann.isNull() && !boris.isNull() && !clara.isNull());
    }
    void cleanup()
    {
        outbox.reset();
        f.reset();
    }

    void queuedMailsNewestFirst()
    {
        MailQueueModel model(f->database().shared(), f->clock);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(model.rowCount(), 0); // nothing read before reload()
        model.reload();
        QCOMPARE(model.rowCount(), 3);
        QCOMPARE(model.columnCount(), int(MailQueueModel::ColumnCount));
        QCOMPARE(model.data(model.index(0, 0), models::itemmodels::IdRole).toUuid(), clara);
        QCOMPARE(model.data(model.index(2, 0), models::itemmodels::IdRole).toUuid(), ann);

        QStringList titles;
        for (int column = 0; column < model.columnCount(); ++column)
            titles << model.headerData(column, Qt::Horizontal).toString();
        QCOMPARE(titles,
                 QStringList({ u"Status"_s, u"Event"_s, u"Recipient"_s, u"Attempts"_s, u"Next try / Sent at"_s,
                               u"Last error"_s }));

        const int row = model.rowOf(ann);
        QCOMPARE(row, 2);
        QCOMPARE(cell(model, row, MailQueueModel::Status).toString(), u"Queued"_s);
        QCOMPARE(cell(model, row, MailQueueModel::Status, models::itemmodels::ValueRole).value<MailStatus>(),
                 MailStatus::Queued);
        QCOMPARE(cell(model, row, MailQueueModel::Status, models::itemmodels::CellKindRole).toInt(),
                 int(models::itemmodels::CellKind::MailStatus));
        QCOMPARE(cell(model, row, MailQueueModel::Event).toString(), u"Welcome"_s);
        QCOMPARE(cell(model, row, MailQueueModel::Recipient).toString(), u"Ann Example <ann@example.org>"_s);
        QCOMPARE(cell(model, row, MailQueueModel::Attempts, models::itemmodels::ValueRole).toInt(), 0);
        QCOMPARE(cell(model, row, MailQueueModel::Attempts, models::itemmodels::CellKindRole).toInt(),
                 int(models::itemmodels::CellKind::Number));
        // Queued for when it was made: ten seconds before the clock's now.
        const QDateTime queuedAt = f->clock.now().addSecs(-10);
        QCOMPARE(cell(model, row, MailQueueModel::When, models::itemmodels::ValueRole).toDateTime(), queuedAt);
        QCOMPARE(cell(model, row, MailQueueModel::When).toString(), models::itemmodels::formatDateTime(queuedAt));
        QCOMPARE(cell(model, row, MailQueueModel::When, models::itemmodels::CellKindRole).toInt(),
                 int(models::itemmodels::CellKind::DateTime));
        QCOMPARE(cell(model, row, MailQueueModel::LastError).toString(), QString());
        QVERIFY(!model.lastError());
    }

    void statesAsOutboxStoreMovesThem()
    {
        MailQueueModel model(f->database().shared(), f->clock);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QVERIFY(outbox->markPermanentFailure(ann, u"550 5.1.1 <ann@example.org>: mailbox unavailable"_s));
        QVERIFY(outbox->markTemporaryFailure(boris, u"451 4.3.0 try again later"_s, 0.5));
        QVERIFY(outbox->markSent(clara));
        model.reload();

        // The default filter leaves out what needs nobody: the sent mail.
        QCOMPARE(model.filter(), MailQueueModel::Filter::WaitingAndFailed);
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(model.rowOf(clara), -1);

        const int failed = model.rowOf(ann);
        QCOMPARE(cell(model, failed, MailQueueModel::Status, models::itemmodels::ValueRole).value<MailStatus>(),
                 MailStatus::Failed);
        QCOMPARE(cell(model, failed, MailQueueModel::Status).toString(), u"Failed"_s);
        QCOMPARE(cell(model, failed, MailQueueModel::Attempts).toString(), u"1"_s);
        QCOMPARE(cell(model, failed, MailQueueModel::LastError).toString(),
                 u"550 5.1.1 <ann@example.org>: mailbox unavailable"_s);
        QCOMPARE(cell(model, failed, MailQueueModel::LastError, Qt::ToolTipRole).toString(),
                 u"550 5.1.1 <ann@example.org>: mailbox unavailable"_s);
        // A failed mail has no next try.
        QVERIFY(!cell(model, failed, MailQueueModel::When, models::itemmodels::ValueRole).isValid());
        QCOMPARE(cell(model, failed, MailQueueModel::When).toString(), QString());
        QVERIFY(MailQueueModel::isActionable(MailStatus::Failed));

        const int waiting = model.rowOf(boris);
        QCOMPARE(cell(model, waiting, MailQueueModel::Status, models::itemmodels::ValueRole).value<MailStatus>(),
                 MailStatus::Queued);
        QCOMPARE(cell(model, waiting, MailQueueModel::Attempts, models::itemmodels::ValueRole).toInt(), 1);
        // 30 s after the failure (jitter 0.5 is no spread).
        QCOMPARE(cell(model, waiting, MailQueueModel::When, models::itemmodels::ValueRole).toDateTime(),
                 f->clock.now().addSecs(30));
        QVERIFY(cell(model, waiting, MailQueueModel::Status, Qt::ToolTipRole).toString().contains(u"tried again"_s));

        model.setFilter(MailQueueModel::Filter::All);
        QCOMPARE(model.rowCount(), 3);
        const int sent = model.rowOf(clara);
        QCOMPARE(cell(model, sent, MailQueueModel::Status, models::itemmodels::ValueRole).value<MailStatus>(),
                 MailStatus::Sent);
        QCOMPARE(cell(model, sent, MailQueueModel::When, models::itemmodels::ValueRole).toDateTime(), f->clock.now());
        QVERIFY(!MailQueueModel::isActionable(MailStatus::Sent));

        // Retried: waiting again, in the default view too; discarded: only under All.
        QVERIFY(outbox->retry(ann));
        QVERIFY(outbox->discard(boris));
        model.setFilter(MailQueueModel::Filter::WaitingAndFailed);
        QCOMPARE(model.rowCount(), 1);
        QCOMPARE(cell(model, 0, MailQueueModel::Status, models::itemmodels::ValueRole).value<MailStatus>(),
                 MailStatus::Queued);
        QCOMPARE(model.data(model.index(0, 0), models::itemmodels::IdRole).toUuid(), ann);
        model.setFilter(MailQueueModel::Filter::All);
        QCOMPARE(cell(model, model.rowOf(boris), MailQueueModel::Status).toString(), u"Discarded"_s);
        QVERIFY(!MailQueueModel::isActionable(MailStatus::Discarded));
    }

    void sortingKeepsTheSelectionOnItsMail()
    {
        MailQueueModel model(f->database().shared(), f->clock);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.reload();
        const QPersistentModelIndex selected = model.index(model.rowOf(ann), MailQueueModel::Recipient);
        QCOMPARE(selected.row(), 2);
        QCOMPARE(recipients(model).first(), u"Clara Smith <clara@example.org>"_s);

        model.sort(MailQueueModel::Recipient, Qt::AscendingOrder);
        QCOMPARE(recipients(model),
                 QStringList({ u"Ann Example <ann@example.org>"_s, u"Boris Petrov <boris@example.org>"_s,
                               u"Clara Smith <clara@example.org>"_s }));
        QCOMPARE(selected.row(), 0);
        QCOMPARE(selected.data(models::itemmodels::IdRole).toUuid(), ann);
        QCOMPARE(selected.column(), int(MailQueueModel::Recipient));
        model.sort(MailQueueModel::Attempts, Qt::AscendingOrder); // all equal: newest first
        QCOMPARE(selected.row(), 2);
        QCOMPARE(selected.data(models::itemmodels::IdRole).toUuid(), ann);

        // Every column in both orders, the tester checking each layout change.
        QVERIFY(outbox->markPermanentFailure(ann, u"550 no"_s));
        model.reload();
        for (int column = 0; column < model.columnCount(); ++column) {
            for (const Qt::SortOrder order : { Qt::AscendingOrder, Qt::DescendingOrder }) {
                model.sort(column, order);
                QCOMPARE(model.rowCount(), 3);
            }
        }
        // A failed mail has no time: last in both orders of that column.
        model.sort(MailQueueModel::When, Qt::AscendingOrder);
        QCOMPARE(model.rowOf(ann), 2);
        model.sort(MailQueueModel::When, Qt::DescendingOrder);
        QCOMPARE(model.rowOf(ann), 2);
        // No column: the outbox's order again.
        model.sort(-1);
        QCOMPARE(model.data(model.index(0, 0), models::itemmodels::IdRole).toUuid(), clara);
    }

    void anUnreadableOutboxIsReported()
    {
        MailQueueModel model(f->database().shared(), f->clock);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy failed(&model, &MailQueueModel::failed);
        QVERIFY(f->run(u"DROP TABLE mail_outbox"_s));
        model.reload();
        QCOMPARE(failed.size(), 1);
        QVERIFY(model.lastError());
        QCOMPARE(model.rowCount(), 0);
        QVERIFY(!test::looksLikeSql(model.lastError()->message));
    }
};

QTEST_GUILESS_MAIN(TestMailQueueModel)
#include "tst_mailqueuemodel.moc"
