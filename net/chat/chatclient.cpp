// SPDX-License-Identifier: GPL-3.0-or-later
#include "net/chat/chatclient.h"

#include "net/protocol/message.h"

#include <QJsonArray>
#include <QMetaObject>

#include <algorithm>

namespace rentdesk::net::chat {

using namespace Qt::StringLiterals;
using connection::Failure;
using connection::Reply;
using connection::ServerConnection;
using protocol::ErrorCode;

namespace {

// A refusal that will not change if the same request is sent again later: the message
// leaves the queue. The server's trouble (internal, busy) and a lost session do not.
bool isFinal(const protocol::Error &error)
{
    const auto kind = error.kind();
    return kind != ErrorCode::Internal && kind != ErrorCode::ServerBusy && kind != ErrorCode::NotLoggedIn
        && kind != ErrorCode::InvalidToken && kind != ErrorCode::RateLimited && kind != ErrorCode::HelloRequired;
}

} // namespace

ChatClient::ChatClient(ServerConnection &connection, std::shared_ptr<models::db::Database> database,
                       const models::services::Clock &clock, QObject *parent)
    : QObject(parent)
    , m_connection(connection)
    , m_database(std::move(database))
    , m_queue(m_database, clock)
    , m_account(connection.user().id)
{
    connect(&m_connection, &ServerConnection::stateChanged, this, &ChatClient::onStateChanged);
    m_connection.subscribe(u"chat.message"_s, this, [this](const QJsonObject &body) { onMessagePush(body); });
    m_connection.subscribe(u"chat.receipt"_s, this, [this](const QJsonObject &body) { onReceiptPush(body); });
    m_connection.subscribe(u"chat.conversation"_s, this, [this](const QJsonObject &body) { onConversationPush(body); });
    // Made on a connection that is online already: what a new connection would do, once the
    // caller has had the chance to connect to the signals.
    if (isOnline())
        QMetaObject::invokeMethod(
            this,
            [this] {
                if (isOnline())
                    becomeOnline();
            },
            Qt::QueuedConnection);
}

ChatClient::~ChatClient() = default;

bool ChatClient::isOnline() const
{
    return m_connection.state() == ServerConnection::State::Online;
}

void ChatClient::onStateChanged(ServerConnection::State state)
{
    if (state == ServerConnection::State::Online)
        becomeOnline();
}

void ChatClient::followAccount()
{
    const QUuid account = m_connection.user().id;
    if (account == m_account)
        return;
    m_account = account;
    m_seen.clear();
    m_deliveredSent.clear();
    m_readWanted.clear();
    m_readSent.clear();
}

void ChatClient::becomeOnline()
{
    followAccount();
    refreshConversations();
    flushQueue();
    // Marks are watermarks (a repeat changes nothing), so what a lost connection may have
    // swallowed is simply said again; a read made offline goes out now.
    m_readSent.clear();
    m_deliveredSent.clear();
    for (auto it = m_readWanted.cbegin(); it != m_readWanted.cend(); ++it)
        sendRead(it.key());
}

std::optional<QJsonObject> ChatClient::result(const QString &type, const Reply &reply, Asked asked)
{
    if (reply)
        return *reply;
    if (reply.error().kind == Failure::Kind::Refused || asked == Asked::ByPerson)
        Q_EMIT requestFailed(type, reply.error().error);
    return std::nullopt;
}

void ChatClient::refreshConversations()
{
    loadConversations(QJsonValue(), {});
}

void ChatClient::loadConversations(const QJsonValue &after, QList<protocol::ConversationJson> soFar)
{
    QJsonObject body { { u"limit"_s, 200 } };
    if (!after.isUndefined() && !after.isNull())
        body.insert(u"after"_s, after);
    m_connection.request(u"chat.list"_s, body, this, [this, soFar](const Reply &reply) mutable {
        const auto fields = result(u"chat.list"_s, reply, Asked::Background);
        if (!fields)
            return;
        const QJsonArray array = fields->value(u"conversations"_s).toArray();
        for (const QJsonValue &value : array) {
            auto conversation = protocol::ConversationJson::fromJson(value.toObject(), maxChatChars());
            if (!conversation) {
                Q_EMIT problem(
                    tr("The server sent a conversation that is not valid: %1").arg(conversation.error().message));
                continue;
            }
            soFar.append(*conversation);
        }
        // The list comes in pages (by count and by bytes): the next one after the last of this.
        const QJsonValue next = fields->value(u"next"_s);
        if (fields->value(u"more"_s).toBool() && next.isString() && !array.isEmpty()) {
            loadConversations(next, std::move(soFar));
            return;
        }
        Q_EMIT conversationsLoaded(soFar);
        for (const auto &conversation : std::as_const(soFar))
            catchUp(conversation);
    });
}

void ChatClient::catchUp(const protocol::ConversationJson &conversation)
{
    const qint64 last = conversation.lastMessage ? conversation.lastMessage->seq : 0;
    auto seen = m_seen.find(conversation.id);
    if (seen == m_seen.end()) {
        // First sight in this run: the list shows the latest, the history pages the rest
        // when the conversation is opened.
        m_seen.insert(conversation.id, last);
        if (last > 0 && conversation.lastMessage->senderId != m_connection.user().id)
            markDeliveredUpTo(conversation.id, last);
        return;
    }
    if (last <= *seen)
        return;
    // What was sent while this app was away, from where it stopped.
    const QUuid id = conversation.id;
    m_connection.request(
        u"chat.history"_s,
        { { u"conversationId"_s, id.toString(QUuid::WithoutBraces) }, { u"afterSeq"_s, *seen }, { u"limit"_s, 200 } },
        this, [this, conversation](const Reply &reply) {
            const auto fields = result(u"chat.history"_s, reply, Asked::Background);
            if (!fields)
                return;
            const QJsonArray array = fields->value(u"messages"_s).toArray();
            for (const QJsonValue &value : array) {
                if (auto message = protocol::ChatMessageJson::fromJson(value.toObject(), maxChatChars()))
                    received(*message);
            }
            if (fields->value(u"more"_s).toBool())
                catchUp(conversation);
        });
}

void ChatClient::markDeliveredUpTo(const QUuid &conversation, qint64 seq)
{
    if (m_deliveredSent.value(conversation) >= seq || !isOnline())
        return;
    m_deliveredSent.insert(conversation, seq);
    m_connection.request(
        u"chat.delivered"_s,
        { { u"conversationId"_s, conversation.toString(QUuid::WithoutBraces) }, { u"upToSeq"_s, seq } }, this,
        [this, conversation](const Reply &reply) {
            if (!result(u"chat.delivered"_s, reply, Asked::Background))
                m_deliveredSent.remove(conversation);
        });
}

void ChatClient::received(const protocol::ChatMessageJson &message)
{
    qint64 &seen = m_seen[message.conversationId];
    if (message.seq <= seen) {
        Q_EMIT messageReceived(message); // a page of history or a repeat: the view dedups
        return;
    }
    if (message.seq > seen + 1) {
        // A gap (a push that overtook the catch-up): fill it first, then this one comes
        // with the history.
        protocol::ConversationJson conversation;
        conversation.id = message.conversationId;
        conversation.lastMessage = message;
        catchUp(conversation);
        return;
    }
    seen = message.seq;
    Q_EMIT messageReceived(message);
    if (message.senderId != m_connection.user().id)
        markDeliveredUpTo(message.conversationId, message.seq);
}

void ChatClient::onMessagePush(const QJsonObject &body)
{
    auto message = protocol::ChatMessageJson::fromJson(body.value(u"message"_s).toObject(), maxChatChars());
    if (message)
        received(*message);
    else
        Q_EMIT problem(tr("The server sent a message that is not valid: %1").arg(message.error().message));
}

void ChatClient::onReceiptPush(const QJsonObject &body)
{
    const auto conversation = protocol::requireUuid(body, u"conversationId");
    const auto user = protocol::requireUuid(body, u"userId");
    const auto delivered = protocol::requireInt(body, u"deliveredUpTo", 0, protocol::MaxJsonInteger);
    const auto read = protocol::requireInt(body, u"readUpTo", 0, protocol::MaxJsonInteger);
    if (conversation && user && delivered && read)
        Q_EMIT receiptReceived(*conversation, *user, *delivered, *read);
}

void ChatClient::onConversationPush(const QJsonObject &body)
{
    auto conversation = protocol::ConversationJson::fromJson(body.value(u"conversation"_s).toObject(), maxChatChars());
    if (conversation) {
        m_seen.insert(conversation->id, 0);
        Q_EMIT conversationStarted(*conversation);
    }
}

void ChatClient::startConversation(const QString &email, const std::optional<protocol::About> &about)
{
    QJsonObject body { { u"email"_s, email } };
    if (about)
        body.insert(u"about"_s, about->toJson());
    m_connection.request(u"chat.start"_s, body, this, [this](const Reply &reply) {
        const auto fields = result(u"chat.start"_s, reply, Asked::ByPerson);
        if (!fields)
            return;
        auto conversation =
            protocol::ConversationJson::fromJson(fields->value(u"conversation"_s).toObject(), maxChatChars());
        if (!conversation) {
            Q_EMIT requestFailed(u"chat.start"_s, conversation.error());
            return;
        }
        if (!m_seen.contains(conversation->id))
            m_seen.insert(conversation->id, conversation->lastMessage ? conversation->lastMessage->seq : 0);
        Q_EMIT conversationStarted(*conversation);
    });
}

void ChatClient::loadHistory(const QUuid &conversation, std::optional<qint64> beforeSeq, int limit)
{
    QJsonObject body { { u"conversationId"_s, conversation.toString(QUuid::WithoutBraces) }, { u"limit"_s, limit } };
    if (beforeSeq)
        body.insert(u"beforeSeq"_s, *beforeSeq);
    m_connection.request(u"chat.history"_s, body, this, [this, conversation](const Reply &reply) {
        const auto fields = result(u"chat.history"_s, reply, Asked::ByPerson);
        if (!fields)
            return;
        QList<protocol::ChatMessageJson> messages;
        const QJsonArray array = fields->value(u"messages"_s).toArray();
        for (const QJsonValue &value : array) {
            if (auto message = protocol::ChatMessageJson::fromJson(value.toObject(), maxChatChars()))
                messages.append(*message);
        }
        if (!messages.isEmpty()) {
            qint64 &seen = m_seen[conversation];
            seen = std::max(seen, messages.constLast().seq);
            markDeliveredUpTo(conversation, messages.constLast().seq);
        }
        Q_EMIT historyLoaded(conversation, messages, fields->value(u"more"_s).toBool());
    });
}

void ChatClient::markRead(const QUuid &conversation, qint64 upToSeq)
{
    if (upToSeq <= 0)
        return;
    followAccount();
    qint64 &wanted = m_readWanted[conversation];
    wanted = std::max(wanted, upToSeq);
    sendRead(conversation);
}

void ChatClient::sendRead(const QUuid &conversation)
{
    const qint64 wanted = m_readWanted.value(conversation);
    if (!isOnline() || m_readSent.value(conversation) >= wanted)
        return;
    m_readSent.insert(conversation, wanted);
    m_connection.request(
        u"chat.read"_s,
        { { u"conversationId"_s, conversation.toString(QUuid::WithoutBraces) }, { u"upToSeq"_s, wanted } }, this,
        [this, conversation](const Reply &reply) {
            if (!result(u"chat.read"_s, reply, Asked::Background))
                m_readSent.remove(conversation);
        });
}

models::services::Result<models::chat::PendingMessage> ChatClient::send(const QUuid &conversation, const QString &text)
{
    followAccount();
    auto queued = m_queue.enqueue(m_connection.user().id, conversation, text);
    if (!queued)
        return queued;
    Q_EMIT messageQueued(*queued);
    if (isOnline()) {
        m_toSend.append(*queued);
        sendMore();
    }
    return queued;
}

QList<models::chat::PendingMessage> ChatClient::pending() const
{
    auto queued = m_queue.pending(m_connection.user().id);
    return queued ? *queued : QList<models::chat::PendingMessage>();
}

void ChatClient::flushQueue()
{
    auto queued = m_queue.pending(m_connection.user().id);
    if (!queued) {
        Q_EMIT problem(queued.error().message);
        return;
    }
    m_toSend = *queued;
    sendMore();
}

void ChatClient::sendMore()
{
    while (m_inFlight.size() < MaxSendsInFlight && !m_toSend.isEmpty() && isOnline())
        transmit(m_toSend.takeFirst());
}

void ChatClient::transmit(const models::chat::PendingMessage &message)
{
    if (m_inFlight.contains(message.messageId))
        return;
    m_inFlight.insert(message.messageId);
    const QUuid id = message.messageId;
    m_connection.request(
        u"chat.send"_s,
        { { u"conversationId"_s, message.conversationId.toString(QUuid::WithoutBraces) },
          { u"messageId"_s, id.toString(QUuid::WithoutBraces) },
          { u"text"_s, message.text } },
        this, [this, id](const Reply &reply) {
            m_inFlight.remove(id);
            sendMore();
            if (!reply) {
                // Lost on the way or never sent: it stays queued and goes again on the next
                // connection (the server recognises a resend by its id).
                if (reply.error().kind != Failure::Kind::Refused)
                    return;
                if (isFinal(reply.error().error)) {
                    if (auto removed = m_queue.remove(id); !removed)
                        Q_EMIT problem(removed.error().message);
                    Q_EMIT messageRefused(id, reply.error().error);
                } else {
                    Q_EMIT requestFailed(u"chat.send"_s, reply.error().error); // stays queued
                }
                return;
            }
            auto stored = protocol::ChatMessageJson::fromJson(reply->value(u"message"_s).toObject(), maxChatChars());
            if (!stored) {
                Q_EMIT problem(tr("The server's answer to a message is not valid: %1").arg(stored.error().message));
                return;
            }
            // Only now, after the server's commit, does it leave the queue.
            if (auto removed = m_queue.remove(id); !removed)
                Q_EMIT problem(removed.error().message);
            qint64 &seen = m_seen[stored->conversationId];
            if (stored->seq == seen + 1)
                seen = stored->seq;
            Q_EMIT messageSent(*stored);
        });
}

} // namespace rentdesk::net::chat
