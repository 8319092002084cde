// SPDX-License-Identifier: GPL-3.0-or-later
#include "views/chat/chatmodels.h"

#include <QAbstractItemModelTester>
#include <QFont>
#include <QSignalSpy>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace rentdesk;
using net::protocol::ChatMessageJson;
using net::protocol::ConversationJson;
using views::ConversationListModel;
using views::MessageListModel;

namespace {

const QUuid self(u"00000000-0000-0000-0000-0000000000aa"_s);

QUuid id(int n)
{
    return QUuid(uint(n), 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);
}

ConversationJson conversation(int n, const QString &peer)
{
    ConversationJson c;
    c.id = id(n);
    c.peer.id = id(100 + n);
    c.peer.displayName = peer;
    return c;
}

ChatMessageJson message(int conversationNumber, qint64 seq, bool own, const QString &text, int messageNumber = 0)
{
    ChatMessageJson m;
    m.id = id(messageNumber ? messageNumber : 1000 * conversationNumber + int(seq));
    m.conversationId = id(conversationNumber);
    m.seq = seq;
    m.senderId = own ? self : id(100 + conversationNumber);
    m.text = text;
    m.sentAt = QDateTime(QDate(2026, 6, 1), QTime(10, 0, int(seq)), Qt::UTC);
    return m;
}

models::chat::PendingMessage pending(int conversationNumber, int messageNumber, const QString &text)
{
    return { id(messageNumber), self, id(conversationNumber), text,
             QDateTime(QDate(2026, 6, 1), QTime(11, 0), Qt::UTC) };
}

// The conversations' peers, top to bottom.
QStringList peers(const ConversationListModel &model)
{
    QStringList names;
    for (int row = 0; row < model.rowCount(); ++row)
        names << model.index(row).data(ConversationListModel::PeerNameRole).toString();
    return names;
}

// The messages' texts, top to bottom.
QStringList texts(const MessageListModel &model)
{
    QStringList result;
    for (int row = 0; row < model.rowCount(); ++row)
        result << model.index(row).data(MessageListModel::TextRole).toString();
    return result;
}

MessageListModel::State stateAt(const MessageListModel &model, int row)
{
    return MessageListModel::State(model.index(row).data(MessageListModel::StateRole).toInt());
}

} // namespace

// The chat panel's two list models under QAbstractItemModelTester while the chat client's
// signals change them: conversations inserted, moved to the top when a message arrives,
// changed and cleared; messages inserted in seq order, a queued one moved to its place when
// the server stored it, queued ones removed, and states changed by the peer's marks. Beyond
// what the tester checks, each change is announced as the kind it is (a move as a move, with
// the row's new contents announced at its new place), so that a view keeps its selection.
class TestChatModels final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void conversationsMoveToTheTopWhenAMessageArrives()
    {
        ConversationListModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setConversations(
            { conversation(1, u"Anna"_s), conversation(2, u"Boris"_s), conversation(3, u"Clara"_s) });
        QCOMPARE(peers(model), (QStringList { u"Anna"_s, u"Boris"_s, u"Clara"_s }));

        // A new conversation comes in at the top.
        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        model.upsert(conversation(4, u"Dmitri"_s));
        QCOMPARE(inserted.size(), 1);
        QCOMPARE(inserted.first().at(1).toInt(), 0);
        QCOMPARE(peers(model), (QStringList { u"Dmitri"_s, u"Anna"_s, u"Boris"_s, u"Clara"_s }));

        // A message in Clara's conversation (row 3): it moves to the top, as a move, and its
        // new contents are announced where it now is.
        QPersistentModelIndex clara = model.index(3);
        QSignalSpy moved(&model, &QAbstractItemModel::rowsMoved);
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        model.noteMessage(message(3, 1, false, u"Is the flat still free?"_s), self);
        QCOMPARE(moved.size(), 1);
        QCOMPARE(moved.first().at(1).toInt(), 3);
        QCOMPARE(moved.first().at(2).toInt(), 3);
        QCOMPARE(moved.first().at(4).toInt(), 0);
        QCOMPARE(peers(model), (QStringList { u"Clara"_s, u"Dmitri"_s, u"Anna"_s, u"Boris"_s }));
        QCOMPARE(clara.row(), 0);
        QCOMPARE(changed.size(), 1);
        QCOMPARE(changed.first().at(0).value<QModelIndex>().row(), 0);
        QCOMPARE(clara.data(ConversationListModel::UnreadRole).toLongLong(), qint64(1));
        QCOMPARE(clara.data(ConversationListModel::LastTextRole).toString(), u"Is the flat still free?"_s);
        QVERIFY(clara.data(Qt::DisplayRole).toString().contains(u"Is the flat still free?"_s));
        QVERIFY(clara.data(Qt::FontRole).value<QFont>().bold());
        QCOMPARE(model.totalUnread(), qint64(1));

        // One's own answer: the latest message, nothing unread added, no move (already on top).
        moved.clear();
        changed.clear();
        model.noteMessage(message(3, 2, true, u"Yes, from June."_s), self);
        QCOMPARE(moved.size(), 0);
        QCOMPARE(changed.size(), 1);
        QCOMPARE(clara.data(ConversationListModel::LastTextRole).toString(), u"Yes, from June."_s);
        QCOMPARE(model.totalUnread(), qint64(1));

        // History older than the latest message changes nothing.
        changed.clear();
        model.noteMessage(message(3, 1, false, u"Is the flat still free?"_s), self);
        QCOMPARE(changed.size(), 0);
        QCOMPARE(moved.size(), 0);

        // Boris (last row) writes twice; the second time he is already on top.
        model.noteMessage(message(2, 1, false, u"Hello"_s), self);
        model.noteMessage(message(2, 2, false, u"Are you there?"_s), self);
        QCOMPARE(peers(model), (QStringList { u"Boris"_s, u"Clara"_s, u"Dmitri"_s, u"Anna"_s }));
        QCOMPARE(model.index(0).data(ConversationListModel::UnreadRole).toLongLong(), qint64(2));
        QCOMPARE(model.totalUnread(), qint64(3));

        // A message of a conversation not in the list yet is left for the list to bring.
        changed.clear();
        model.noteMessage(message(9, 1, false, u"Who?"_s), self);
        QCOMPARE(changed.size(), 0);
        QCOMPARE(model.rowCount(), 4);

        // Read: the count goes, as a change of that row only.
        changed.clear();
        model.markAllRead(id(2));
        QCOMPARE(changed.size(), 1);
        QCOMPARE(changed.first().at(0).value<QModelIndex>().row(), 0);
        QCOMPARE(model.index(0).data(ConversationListModel::UnreadRole).toLongLong(), qint64(0));
        QVERIFY(!model.index(0).data(Qt::FontRole).value<QFont>().bold());
        QCOMPARE(model.totalUnread(), qint64(1));

        // The server's copy of a known conversation replaces it and moves it up.
        ConversationJson anna = conversation(1, u"Anna K."_s);
        anna.unread = 4;
        model.upsert(anna);
        QCOMPARE(peers(model), (QStringList { u"Anna K."_s, u"Boris"_s, u"Clara"_s, u"Dmitri"_s }));
        QCOMPARE(model.totalUnread(), qint64(5));
        model.noteReceipt(id(1), 3, 2);
        QCOMPARE(model.conversation(id(1))->peerReadUpTo, qint64(2));
        QCOMPARE(model.indexOf(id(3)).row(), 2);

        // Signed out: all gone.
        model.clear();
        QCOMPARE(model.rowCount(), 0);
        QVERIFY(!clara.isValid());
        QCOMPARE(model.totalUnread(), qint64(0));
    }

    void messagesKeepTheirOrderAndState()
    {
        MessageListModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.show(id(1), self, 0, 0);
        QCOMPARE(model.rowCount(), 0);

        // Stored messages in any order end up in seq order; another conversation's are ignored.
        model.addMessages({ message(1, 3, true, u"three"_s), message(1, 1, false, u"one"_s),
                            message(2, 1, false, u"elsewhere"_s), message(1, 2, true, u"two"_s) });
        QCOMPARE(texts(model), (QStringList { u"one"_s, u"two"_s, u"three"_s }));
        // Seen twice (a push and a page of history): kept once.
        model.addMessages({ message(1, 2, true, u"two"_s) });
        QCOMPARE(model.rowCount(), 3);

        // Typed while offline: queued after the stored ones, in the order typed.
        model.addPending({ pending(1, 501, u"four"_s), pending(1, 502, u"five"_s), pending(2, 503, u"not here"_s) });
        QCOMPARE(texts(model), (QStringList { u"one"_s, u"two"_s, u"three"_s, u"four"_s, u"five"_s }));
        QCOMPARE(stateAt(model, 3), MessageListModel::State::Queued);
        QVERIFY(!model.index(3).data(MessageListModel::TimeRole).toDateTime().isValid());
        model.addPending({ pending(1, 501, u"four"_s) });
        QCOMPARE(model.rowCount(), 5);

        // The peer writes meanwhile (seq 4), then the server stores "four" as seq 5: the queued
        // message leaves the queue for its place by seq, a row removed and one inserted.
        model.addMessages({ message(1, 4, false, u"peer"_s) });
        QCOMPARE(texts(model), (QStringList { u"one"_s, u"two"_s, u"three"_s, u"peer"_s, u"four"_s, u"five"_s }));
        QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        model.addMessages({ message(1, 5, true, u"four"_s, 501) });
        QCOMPARE(removed.size(), 1);
        QCOMPARE(inserted.size(), 1);
        QCOMPARE(texts(model), (QStringList { u"one"_s, u"two"_s, u"three"_s, u"peer"_s, u"four"_s, u"five"_s }));
        QCOMPARE(model.index(4).data(MessageListModel::SeqRole).toLongLong(), qint64(5));
        QCOMPARE(stateAt(model, 4), MessageListModel::State::Sent);
        QCOMPARE(model.lastSeq(), qint64(5));
        QCOMPARE(model.firstSeq(), qint64(1));

        // The server refused "five": it leaves the queue.
        model.removePending(id(502));
        QCOMPARE(texts(model), (QStringList { u"one"_s, u"two"_s, u"three"_s, u"peer"_s, u"four"_s }));
        // A stored message is never removed as if it were queued.
        model.removePending(id(501));
        QCOMPARE(model.rowCount(), 5);

        // The peer's marks: delivered up to 3, read up to 2; states follow, as a data change.
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        model.setPeerMarks(3, 2);
        QCOMPARE(changed.size(), 1);
        QCOMPARE(stateAt(model, 0), MessageListModel::State::Received);
        QCOMPARE(stateAt(model, 1), MessageListModel::State::Read);
        QCOMPARE(stateAt(model, 2), MessageListModel::State::Delivered);
        QCOMPARE(stateAt(model, 4), MessageListModel::State::Sent);
        QCOMPARE(model.index(2).data(MessageListModel::StateTextRole).toString(),
                 MessageListModel::stateText(MessageListModel::State::Delivered));
        // Marks never go back.
        model.setPeerMarks(1, 1);
        QCOMPARE(stateAt(model, 1), MessageListModel::State::Read);

        // Another conversation: all gone, none of the old one's messages are taken.
        model.show(id(2), self, 0, 0);
        QCOMPARE(model.rowCount(), 0);
        model.addMessages({ message(1, 6, false, u"old"_s), message(2, 1, false, u"elsewhere"_s) });
        QCOMPARE(texts(model), QStringList { u"elsewhere"_s });
        model.show({}, self, 0, 0);
        model.addMessages({ message(2, 2, false, u"none shown"_s) });
        QCOMPARE(model.rowCount(), 0);
    }
};

QTEST_MAIN(TestChatModels) // FontRole gives a QFont, which needs a QGuiApplication
#include "tst_chatmodels.moc"
