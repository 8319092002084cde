// SPDX-License-Identifier: GPL-3.0-or-later
#include "views/chat/chatmodels.h"

#include <QFont>

#include <algorithm>

namespace rentdesk::views {

using namespace Qt::StringLiterals;

ConversationListModel::ConversationListModel(QObject *parent)
    : QAbstractListModel(parent)
{
}

int ConversationListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

QVariant ConversationListModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_rows.size())
        return {};
    const net::protocol::ConversationJson &c = m_rows.at(index.row());
    switch (role) {
    case Qt::DisplayRole: {
        QString title = c.peer.displayName;
        if (c.about)
            title += u" — "_s + c.about->title;
        if (c.unread > 0)
            title += u" (%1)"_s.arg(c.unread);
        // The latest message under the name, on one line.
        if (c.lastMessage)
            title += u'\n' + c.lastMessage->text.simplified().left(48);
        return title;
    }
    case Qt::ToolTipRole:
        return c.lastMessage ? c.lastMessage->text.left(200) : tr("No messages yet");
    case Qt::FontRole:
        if (c.unread > 0) {
            QFont bold;
            bold.setBold(true);
            return bold;
        }
        return {};
    case IdRole:
        return c.id;
    case PeerNameRole:
        return c.peer.displayName;
    case AboutRole:
        return c.about ? c.about->title : QString();
    case LastTextRole:
        return c.lastMessage ? c.lastMessage->text : QString();
    case UnreadRole:
        return c.unread;
    default:
        return {};
    }
}

void ConversationListModel::setConversations(const QList<net::protocol::ConversationJson> &conversations)
{
    beginResetModel();
    m_rows = conversations;
    endResetModel();
}

int ConversationListModel::rowOf(const QUuid &id) const
{
    const auto it = std::find_if(m_rows.cbegin(), m_rows.cend(), [&](const auto &c) { return c.id == id; });
    return it == m_rows.cend() ? -1 : int(it - m_rows.cbegin());
}

QModelIndex ConversationListModel::indexOf(const QUuid &id) const
{
    const int row = rowOf(id);
    return row < 0 ? QModelIndex() : index(row);
}

std::optional<net::protocol::ConversationJson> ConversationListModel::conversation(const QUuid &id) const
{
    const int row = rowOf(id);
    return row < 0 ? std::nullopt : std::optional(m_rows.at(row));
}

void ConversationListModel::moveToTop(int row)
{
    if (row > 0) {
        beginMoveRows({}, row, row, {}, 0);
        m_rows.move(row, 0);
        endMoveRows();
    }
    Q_EMIT dataChanged(index(0), index(0));
}

void ConversationListModel::upsert(const net::protocol::ConversationJson &conversation)
{
    const int row = rowOf(conversation.id);
    if (row < 0) {
        beginInsertRows({}, 0, 0);
        m_rows.prepend(conversation);
        endInsertRows();
        return;
    }
    m_rows[row] = conversation;
    moveToTop(row);
}

void ConversationListModel::noteMessage(const net::protocol::ChatMessageJson &message, const QUuid &self)
{
    const int row = rowOf(message.conversationId);
    if (row < 0)
        return; // the list is being loaded; it will come with it
    net::protocol::ConversationJson &c = m_rows[row];
    if (c.lastMessage && c.lastMessage->seq >= message.seq)
        return; // history, or a repeat
    c.lastMessage = message;
    if (message.senderId != self)
        ++c.unread;
    moveToTop(row);
}

void ConversationListModel::noteReceipt(const QUuid &conversation, qint64 peerDeliveredUpTo, qint64 peerReadUpTo)
{
    const int row = rowOf(conversation);
    if (row < 0)
        return;
    m_rows[row].peerDeliveredUpTo = std::max(m_rows[row].peerDeliveredUpTo, peerDeliveredUpTo);
    m_rows[row].peerReadUpTo = std::max(m_rows[row].peerReadUpTo, peerReadUpTo);
}

void ConversationListModel::markAllRead(const QUuid &conversation)
{
    const int row = rowOf(conversation);
    if (row < 0 || m_rows[row].unread == 0)
        return;
    m_rows[row].unread = 0;
    Q_EMIT dataChanged(index(row), index(row));
}

void ConversationListModel::clear()
{
    setConversations({});
}

qint64 ConversationListModel::totalUnread() const
{
    qint64 total = 0;
    for (const auto &c : m_rows)
        total += c.unread;
    return total;
}

MessageListModel::MessageListModel(QObject *parent)
    : QAbstractListModel(parent)
{
}

int MessageListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

QString MessageListModel::stateText(State state)
{
    switch (state) {
    case State::Queued:
        return tr("Waiting to be sent");
    case State::Sent:
        return tr("Sent");
    case State::Delivered:
        return tr("Delivered");
    case State::Read:
        return tr("Read");
    case State::Received:
        return QString();
    }
    return QString();
}

MessageListModel::State MessageListModel::stateOf(const Row &row) const
{
    if (!row.own)
        return State::Received;
    if (row.seq == 0)
        return State::Queued;
    if (row.seq <= m_peerRead)
        return State::Read;
    if (row.seq <= m_peerDelivered)
        return State::Delivered;
    return State::Sent;
}

QVariant MessageListModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_rows.size())
        return {};
    const Row &row = m_rows.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
    case TextRole:
        return row.text;
    case IdRole:
        return row.id;
    case OwnRole:
        return row.own;
    case StateRole:
        return int(stateOf(row));
    case StateTextRole:
        return stateText(stateOf(row));
    case TimeRole:
        return row.time.isValid() ? row.time.toLocalTime() : QDateTime();
    case SeqRole:
        return row.seq;
    case Qt::AccessibleTextRole:
        return row.own ? tr("You: %1").arg(row.text) : row.text;
    default:
        return {};
    }
}

void MessageListModel::show(const QUuid &conversation, const QUuid &self, qint64 peerDeliveredUpTo, qint64 peerReadUpTo)
{
    beginResetModel();
    m_conversation = conversation;
    m_self = self;
    m_peerDelivered = peerDeliveredUpTo;
    m_peerRead = peerReadUpTo;
    m_rows.clear();
    endResetModel();
}

int MessageListModel::rowOf(const QUuid &id) const
{
    const auto it = std::find_if(m_rows.cbegin(), m_rows.cend(), [&](const Row &r) { return r.id == id; });
    return it == m_rows.cend() ? -1 : int(it - m_rows.cbegin());
}

void MessageListModel::addMessages(const QList<net::protocol::ChatMessageJson> &messages)
{
    for (const net::protocol::ChatMessageJson &message : messages) {
        if (message.conversationId != m_conversation || m_conversation.isNull())
            continue;
        Row row { message.id, message.text, message.senderId == m_self, message.seq, message.sentAt };
        const int existing = rowOf(message.id);
        if (existing >= 0) {
            if (m_rows[existing].seq == message.seq)
                continue; // seen already
            // A queued one is stored now: it leaves the queued tail for its place.
            beginRemoveRows({}, existing, existing);
            m_rows.removeAt(existing);
            endRemoveRows();
        }
        // Its place among the stored ones (by seq), before any queued ones.
        const auto place = std::find_if(m_rows.cbegin(), m_rows.cend(),
                                        [&](const Row &r) { return r.seq == 0 || r.seq > message.seq; });
        const int at = int(place - m_rows.cbegin());
        beginInsertRows({}, at, at);
        m_rows.insert(at, row);
        endInsertRows();
    }
}

void MessageListModel::addPending(const QList<models::chat::PendingMessage> &pending)
{
    for (const models::chat::PendingMessage &message : pending) {
        if (message.conversationId != m_conversation || rowOf(message.messageId) >= 0)
            continue;
        const int at = int(m_rows.size());
        beginInsertRows({}, at, at);
        m_rows.append(Row { message.messageId, message.text, true, 0, QDateTime() });
        endInsertRows();
    }
}

void MessageListModel::removePending(const QUuid &messageId)
{
    const int row = rowOf(messageId);
    if (row < 0 || m_rows[row].seq != 0)
        return;
    beginRemoveRows({}, row, row);
    m_rows.removeAt(row);
    endRemoveRows();
}

void MessageListModel::setPeerMarks(qint64 deliveredUpTo, qint64 readUpTo)
{
    m_peerDelivered = std::max(m_peerDelivered, deliveredUpTo);
    m_peerRead = std::max(m_peerRead, readUpTo);
    if (!m_rows.isEmpty())
        Q_EMIT dataChanged(index(0), index(int(m_rows.size()) - 1), { StateRole, StateTextRole });
}

qint64 MessageListModel::lastSeq() const
{
    qint64 last = 0;
    for (const Row &row : m_rows)
        last = std::max(last, row.seq);
    return last;
}

qint64 MessageListModel::firstSeq() const
{
    for (const Row &row : m_rows) {
        if (row.seq > 0)
            return row.seq;
    }
    return 0;
}

} // namespace rentdesk::views
