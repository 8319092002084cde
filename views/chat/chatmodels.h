// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/chat/chatqueue.h"
#include "net/protocol/chatjson.h"

#include <QAbstractListModel>
#include <QList>
#include <QUuid>

namespace rentdesk::views {

// The chat panel's conversation list: the other person, what it is about, the latest
// message and how many are unread, latest activity first. Fed by ChatClient's signals
// (ChatPanel connects them); it holds no database and no socket.
class ConversationListModel final : public QAbstractListModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ConversationListModel)

public:
    enum Role {
        IdRole = Qt::UserRole + 1,
        PeerNameRole,
        AboutRole, // the about's title, or empty
        LastTextRole,
        UnreadRole,
    };

    explicit ConversationListModel(QObject *parent = nullptr);

    [[nodiscard]] int rowCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;

    void setConversations(const QList<net::protocol::ConversationJson> &conversations);
    // Adds it, or replaces the one with its id; either way it moves to the top.
    void upsert(const net::protocol::ConversationJson &conversation);
    // A message in one of the conversations: the latest, and unread when it is the peer's.
    void noteMessage(const net::protocol::ChatMessageJson &message, const QUuid &self);
    void noteReceipt(const QUuid &conversation, qint64 peerDeliveredUpTo, qint64 peerReadUpTo);
    // The user has read everything up to the latest message.
    void markAllRead(const QUuid &conversation);
    void clear();

    [[nodiscard]] std::optional<net::protocol::ConversationJson> conversation(const QUuid &id) const;
    [[nodiscard]] QModelIndex indexOf(const QUuid &id) const;
    [[nodiscard]] qint64 totalUnread() const;

private:
    [[nodiscard]] int rowOf(const QUuid &id) const;
    void moveToTop(int row);

    QList<net::protocol::ConversationJson> m_rows;
};

// One conversation's messages in seq order, with the ones still queued here after them,
// each with its state: queued (not on the server yet), sent, delivered or read (by the
// other person's watermarks). Fed by ChatClient's signals; a message seen twice (a push
// and a page of history) is kept once.
class MessageListModel final : public QAbstractListModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MessageListModel)

public:
    enum class State { Queued, Sent, Delivered, Read, Received };
    Q_ENUM(State)

    enum Role {
        IdRole = Qt::UserRole + 1,
        TextRole,
        OwnRole, // bool: written by the user
        StateRole, // State, as int
        StateTextRole, // "Delivered", for the bubble and for tests
        TimeRole, // QDateTime, local time; null while queued
        SeqRole,
    };

    explicit MessageListModel(QObject *parent = nullptr);

    [[nodiscard]] int rowCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;

    // Shows another conversation (empty: none): its messages come with addMessages().
    void show(const QUuid &conversation, const QUuid &self, qint64 peerDeliveredUpTo, qint64 peerReadUpTo);
    [[nodiscard]] QUuid conversation() const { return m_conversation; }
    // Stored messages of any conversation (those of others are ignored), in any order.
    void addMessages(const QList<net::protocol::ChatMessageJson> &messages);
    void addPending(const QList<models::chat::PendingMessage> &pending);
    void removePending(const QUuid &messageId);
    void setPeerMarks(qint64 deliveredUpTo, qint64 readUpTo);

    [[nodiscard]] qint64 lastSeq() const;
    [[nodiscard]] qint64 firstSeq() const;
    [[nodiscard]] static QString stateText(State state);

private:
    struct Row
    {
        QUuid id;
        QString text;
        bool own = false;
        qint64 seq = 0; // 0: queued
        QDateTime time;
    };
    [[nodiscard]] State stateOf(const Row &row) const;
    [[nodiscard]] int rowOf(const QUuid &id) const;

    QUuid m_conversation;
    QUuid m_self;
    qint64 m_peerDelivered = 0;
    qint64 m_peerRead = 0;
    QList<Row> m_rows; // stored ones in seq order, then queued ones in the order typed
};

} // namespace rentdesk::views
