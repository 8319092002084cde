// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/chat/chatqueue.h"
#include "net/connection/serverconnection.h"
#include "net/protocol/chatjson.h"
#include "net/protocol/protocol.h"

#include <QHash>
#include <QJsonValue>
#include <QObject>
#include <QSet>
#include <QUuid>

#include <memory>
#include <optional>

namespace rentdesk::models::db {
class Database;
}
namespace rentdesk::models::services {
class Clock;
}

namespace rentdesk::net::chat {

// Chat over the app's connection to rentdesk-server (net::connection::ServerConnection,
// which holds the socket, the session and reconnecting). On every connection it catches up
// on what was sent meanwhile (history after the last seq it saw) and sends what the
// models::chat::ChatQueue holds: a message is queued in the local database before it is
// first sent and leaves the queue when the server acknowledges it, so one typed offline
// survives a restart of the app and is sent, once, when the server is back. It tells the
// server when messages from the other person have arrived (delivered) and, when asked,
// that they were read; read marks asked for offline go out on the next connection.
//
// Its state (what was seen, what is to be marked) belongs to one account: when the
// connection's account changes, it starts again.
class ChatClient final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ChatClient)

public:
    // The connection must outlive the client.
    ChatClient(connection::ServerConnection &connection, std::shared_ptr<models::db::Database> database,
               const models::services::Clock &clock, QObject *parent = nullptr);
    ~ChatClient() override;

    [[nodiscard]] connection::ServerConnection &connection() const { return m_connection; }

    // Each answers with a signal; failures come as requestFailed(type, error). Made while
    // the connection is being made, they go out when it is online.
    void startConversation(const QString &email, const std::optional<protocol::About> &about);
    void refreshConversations();
    void loadHistory(const QUuid &conversation, std::optional<qint64> beforeSeq, int limit = 50);
    // Sent now, or on the next connection when offline.
    void markRead(const QUuid &conversation, qint64 upToSeq);
    // Queues the message (messageQueued()) and sends it when online (messageSent()). A text
    // the server would refuse is refused here, with the reason.
    [[nodiscard]] models::services::Result<models::chat::PendingMessage> send(const QUuid &conversation,
                                                                              const QString &text);
    // What is queued for the account, oldest first.
    [[nodiscard]] QList<models::chat::PendingMessage> pending() const;

Q_SIGNALS:
    void conversationsLoaded(const QList<rentdesk::net::protocol::ConversationJson> &conversations);
    // Started here (chat.start's reply) or by the other person (the push).
    void conversationStarted(const rentdesk::net::protocol::ConversationJson &conversation);
    void historyLoaded(const QUuid &conversation, const QList<rentdesk::net::protocol::ChatMessageJson> &messages,
                       bool more);
    void messageQueued(const rentdesk::models::chat::PendingMessage &message);
    // The server stored one of ours: it has its seq and left the queue.
    void messageSent(const rentdesk::net::protocol::ChatMessageJson &message);
    // The server refused one of ours for good (it left the queue).
    void messageRefused(const QUuid &messageId, const rentdesk::net::protocol::Error &error);
    // A message from the other person, or one of ours sent from another connection.
    void messageReceived(const rentdesk::net::protocol::ChatMessageJson &message);
    void receiptReceived(const QUuid &conversation, const QUuid &user, qint64 deliveredUpTo, qint64 readUpTo);
    void requestFailed(const QString &type, const rentdesk::net::protocol::Error &error);
    // Something for the log: a malformed conversation or message from the server.
    void problem(const QString &message);

private:
    // How a failure of a request is told: a refusal always (requestFailed); a request that
    // was lost or never sent only when a person waits for its answer, since the rest is
    // asked again on the next connection anyway.
    enum class Asked { ByPerson, Background };

    void onStateChanged(connection::ServerConnection::State state);
    void becomeOnline();
    // Starts again when the connection's account is not the one this state is for.
    void followAccount();
    void flushQueue();
    // One page of chat.list after `after` (none: the first), added to soFar; the whole list
    // is announced once the last page is in.
    void loadConversations(const QJsonValue &after, QList<protocol::ConversationJson> soFar);
    // Sends from m_toSend while fewer than MaxSendsInFlight are unanswered: an offline queue
    // of thousands does not arrive at once, which the server would refuse (server_busy) past
    // the requests it lets a connection have waiting.
    void sendMore();
    void transmit(const models::chat::PendingMessage &message);
    void received(const protocol::ChatMessageJson &message);
    void markDeliveredUpTo(const QUuid &conversation, qint64 seq);
    void sendRead(const QUuid &conversation);
    void catchUp(const protocol::ConversationJson &conversation);
    void onMessagePush(const QJsonObject &body);
    void onReceiptPush(const QJsonObject &body);
    void onConversationPush(const QJsonObject &body);
    // The result's fields, or nullopt after telling the failure as asked says.
    std::optional<QJsonObject> result(const QString &type, const connection::Reply &reply, Asked asked);
    [[nodiscard]] bool isOnline() const;
    [[nodiscard]] int maxChatChars() const { return m_connection.limits().maxChatChars; }

    connection::ServerConnection &m_connection;
    std::shared_ptr<models::db::Database> m_database;
    models::chat::ChatQueue m_queue;

    QUuid m_account; // whose state the rest is
    QSet<QUuid> m_inFlight; // queued messages sent on this connection, awaiting their ack
    QList<models::chat::PendingMessage> m_toSend; // queued messages not yet sent on this connection
    static constexpr int MaxSendsInFlight = 32;
    // The highest seq seen per conversation (received, sent or loaded): where to catch up
    // from after a reconnect, and what to acknowledge as delivered.
    QHash<QUuid, qint64> m_seen;
    QHash<QUuid, qint64> m_deliveredSent;
    // Read marks asked for (kept while offline) and those sent on this connection.
    QHash<QUuid, qint64> m_readWanted;
    QHash<QUuid, qint64> m_readSent;
};

} // namespace rentdesk::net::chat
