// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/chat/chatqueue.h"
#include "net/protocol/chatjson.h"
#include "net/protocol/message.h"
#include "net/protocol/protocol.h"

#include <QHash>
#include <QObject>
#include <QSet>
#include <QSslConfiguration>
#include <QTimer>
#include <QUrl>
#include <QUuid>
#include <QWebSocket>

#include <chrono>
#include <functional>
#include <memory>
#include <optional>

namespace rentdesk::models::db {
class Database;
}
namespace rentdesk::models::services {
class Clock;
}

namespace rentdesk::net::chat {

// The desktop's one connection to rentdesk-server (docs/protocol.md): hello, the account's
// session, and chat. It reconnects by itself with exponential backoff and jitter while it
// has a session, resumes with the token, catches up on what was sent meanwhile (history
// after the last seq it saw) and sends what the models::chat::ChatQueue holds: a message is queued in the
// local database before it is first sent and leaves the queue when the server acknowledges
// it, so one typed offline survives a restart of the app and is sent, once, when the
// server is back. It tells the server when messages from the other person have arrived
// (delivered) and, when asked, that they were read.
//
// No widgets and no secrets: the app keeps the token in the keyring (signedIn() hands it
// over) and gives it back with setSession().
class ChatClient final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ChatClient)

public:
    enum class State {
        Offline, // no connection, and none being made (no server, no session, or stopped)
        Connecting, // opening the socket, or waiting to try again (reconnecting())
        Online, // hello answered and the session in force: chat works
    };
    Q_ENUM(State)

    struct Backoff
    {
        std::chrono::milliseconds first { 1000 };
        std::chrono::milliseconds longest { 60000 };
    };

    ChatClient(std::shared_ptr<models::db::Database> database, const models::services::Clock &clock,
               QObject *parent = nullptr);
    ~ChatClient() override;

    void setServerUrl(const QUrl &url); // ws:// or wss://
    // wss://, or ws:// to this computer (localhost, 127.0.0.0/8, ::1): a log-in carries the
    // password and every request the token, so ws:// across a network is refused.
    [[nodiscard]] static bool isSecureEnough(const QUrl &url);
    [[nodiscard]] QUrl serverUrl() const { return m_url; }
    // For wss:// to a server whose certificate a private CA signed.
    void setSslConfiguration(const QSslConfiguration &configuration);
    void setBackoff(Backoff backoff) { m_backoff = backoff; }
    // A reply that has not come after this long means the connection is dead: it is
    // dropped and made again.
    void setReplyTimeout(std::chrono::milliseconds timeout) { m_replyTimeout = timeout; }

    // A session from an earlier log-in (the keyring's token and the account it belongs
    // to, which the unsent queue is kept under): connects and resumes. Offline, the queue
    // takes messages all the same.
    void setSession(const QString &token, const protocol::UserJson &user);
    [[nodiscard]] bool hasSession() const { return !m_token.isEmpty(); }
    [[nodiscard]] QString token() const { return m_token; }
    [[nodiscard]] protocol::UserJson user() const { return m_user; }

    // Creates an account (it does not log in); signedUp() or requestFailed("signup", …).
    void signUp(const QString &email, const QString &displayName, const QString &password, models::domain::Role role,
                models::domain::Language language);
    // Logs in (connecting first when needed); signedIn() or signInFailed(). The password is
    // kept only until the server has answered.
    void logIn(const QString &email, const QString &password);
    // Ends the session on the server (when connected) and here; the queue stays.
    void logOut();

    // Connects now (no-op without a server URL); stop() closes and stays offline until
    // connectToServer() or logIn().
    void connectToServer();
    void stop();
    [[nodiscard]] State state() const { return m_state; }
    [[nodiscard]] protocol::Limits limits() const { return m_limits; }

    // Chat. Each answers with a signal; failures come as requestFailed(type, error).
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
    void stateChanged(rentdesk::net::chat::ChatClient::State state);
    // Waiting before the next attempt to connect.
    void reconnecting(std::chrono::milliseconds delay);
    void signedUp(const rentdesk::net::protocol::UserJson &user);
    void signedIn(const rentdesk::net::protocol::UserJson &user, const QString &token);
    void signInFailed(const rentdesk::net::protocol::Error &error);
    // The session is no more (expired, revoked, logged out): log in again.
    void sessionEnded();
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
    // Something for the log or the status bar: a failed connection, a malformed frame.
    void problem(const QString &message);

private:
    using Reply = std::function<void(const protocol::Incoming &reply)>;

    void setState(State state);
    void open();
    void onConnected();
    void onDisconnected();
    void onText(const QString &text);
    void onPush(const protocol::Incoming &push);
    void scheduleReconnect();
    void checkReplies();
    // Sends a request; reply runs with the answer (never, if the connection goes first).
    void call(const QString &type, const QJsonObject &body, Reply reply);
    void afterHello();
    void authenticate();
    void becomeOnline();
    void flushQueue();
    void transmit(const models::chat::PendingMessage &message);
    void received(const protocol::ChatMessageJson &message);
    void markDeliveredUpTo(const QUuid &conversation, qint64 seq);
    void sendRead(const QUuid &conversation);
    void catchUp(const protocol::ConversationJson &conversation);
    // Fails with the request's error; false (and requestFailed) when the reply says no.
    bool succeeded(const QString &type, const protocol::Incoming &reply);

    std::shared_ptr<models::db::Database> m_database;
    models::chat::ChatQueue m_queue;
    QWebSocket m_socket;
    QUrl m_url;
    Backoff m_backoff;
    std::chrono::milliseconds m_replyTimeout { 30000 };
    QTimer m_reconnectTimer;
    QTimer m_replyTimer;
    int m_failedAttempts = 0;
    bool m_stopped = true;
    bool m_helloDone = false;
    State m_state = State::Offline;
    protocol::Limits m_limits;

    QString m_token;
    protocol::UserJson m_user;
    std::optional<std::pair<QString, QString>> m_credentials; // a log-in waiting for the connection
    QList<std::function<void()>> m_afterHello; // requests made before the connection was ready

    struct Outstanding
    {
        QString type;
        Reply reply;
        qint64 sentAtMs = 0;
    };
    qint64 m_nextId = 1;
    QHash<QString, Outstanding> m_outstanding;
    QSet<QUuid> m_inFlight; // queued messages sent on this connection, awaiting their ack
    // The highest seq seen per conversation (received, sent or loaded): where to catch up
    // from after a reconnect, and what to acknowledge as delivered.
    QHash<QUuid, qint64> m_seen;
    QHash<QUuid, qint64> m_deliveredSent;
    // Read marks asked for (kept while offline) and those sent on this connection.
    QHash<QUuid, qint64> m_readWanted;
    QHash<QUuid, qint64> m_readSent;
};

} // namespace rentdesk::net::chat
