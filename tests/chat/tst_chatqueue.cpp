// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/chat/chatqueue.h"
#include "models/services/clock.h"
#include "tests/support/testsupport.h"

#include <QTest>

using namespace Qt::StringLiterals;
using rentdesk::models::chat::ChatQueue;
using rentdesk::models::chat::PendingMessage;

// The desktop's queue of unsent chat messages: what is queued is read back exactly, in the
// order it was typed, per account, and survives the database being closed and opened.
class TestChatQueue final : public QObject
{
    Q_OBJECT

    const QUuid ann = QUuid::fromString(u"6f1c2a40-0000-4000-8000-000000000004"_s);
    const QUuid tom = QUuid::fromString(u"6f1c2a40-0000-4000-8000-000000000002"_s);
    const QUuid talk = QUuid::fromString(u"7b000000-0000-4000-8000-000000000001"_s);

private Q_SLOTS:
    void queuedMessagesComeBackInOrderPerAccount()
    {
        rentdesk::test::TempDatabase db;
        QVERIFY2(db.isValid(), qPrintable(db.errorMessage()));
        rentdesk::models::services::ManualClock clock(QDateTime(QDate(2026, 12, 1), QTime(9, 0), Qt::UTC));
        ChatQueue queue(db.shared(), clock);

        auto first = queue.enqueue(ann, talk, u"Is the flat free in March?"_s);
        QVERIFY(first);
        clock.advanceSecs(1);
        auto second = queue.enqueue(ann, talk, u"Можно с питомцем? 🐈"_s);
        QVERIFY(second);
        auto other = queue.enqueue(tom, talk, u"Tom's own"_s);
        QVERIFY(other);
        QVERIFY(first->messageId != second->messageId);
        QVERIFY(!first->messageId.isNull());

        auto pending = queue.pending(ann);
        QVERIFY(pending);
        QCOMPARE(pending->size(), 2);
        QCOMPARE(pending->at(0), *first);
        QCOMPARE(pending->at(1), *second);
        QCOMPARE(pending->at(1).text, u"Можно с питомцем? 🐈"_s);

        QVERIFY(queue.remove(first->messageId));
        // Removing what is not queued (the ack of a resend) is not an error.
        QVERIFY(queue.remove(first->messageId));
        pending = queue.pending(ann);
        QVERIFY(pending);
        QCOMPARE(pending->size(), 1);
        QCOMPARE(pending->at(0).messageId, second->messageId);
        QCOMPARE(queue.pending(tom)->size(), 1);
    }

    void theServersTextRulesHoldHere()
    {
        rentdesk::test::TempDatabase db;
        QVERIFY2(db.isValid(), qPrintable(db.errorMessage()));
        rentdesk::models::services::SystemClock clock;
        ChatQueue queue(db.shared(), clock);
        for (const QString &text : { QString(), QString(4001, u'x'), u"a\u0000b"_s, QString(QChar(0xd800)) }) {
            auto refused = queue.enqueue(ann, talk, text);
            QVERIFY(!refused);
            QCOMPARE(refused.error().field, u"text"_s);
        }
        // 4000 characters of which some are outside the BMP (two UTF-16 units each).
        QString longest = QString(3999, u'x') + u"🐈"_s;
        QVERIFY(queue.enqueue(ann, talk, longest));
        QCOMPARE(queue.pending(ann)->size(), 1);
    }

    void theQueueSurvivesARestart()
    {
        rentdesk::test::TempDatabase db;
        QVERIFY2(db.isValid(), qPrintable(db.errorMessage()));
        rentdesk::models::services::SystemClock clock;
        QUuid id;
        {
            ChatQueue queue(db.shared(), clock);
            auto queued = queue.enqueue(ann, talk, u"typed offline"_s);
            QVERIFY(queued);
            id = queued->messageId;
        }
        auto reopened = rentdesk::models::db::Database::open(db.path());
        QVERIFY(reopened);
        ChatQueue queue(*reopened, clock);
        auto pending = queue.pending(ann);
        QVERIFY(pending);
        QCOMPARE(pending->size(), 1);
        QCOMPARE(pending->at(0).messageId, id);
        QCOMPARE(pending->at(0).text, u"typed offline"_s);
    }
};

QTEST_GUILESS_MAIN(TestChatQueue)
#include "tst_chatqueue.moc"
