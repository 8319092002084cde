// SPDX-License-Identifier: GPL-3.0-or-later
#include "net/chat/chatclient.h"

#include "net/protocol/version.h"

#include <QCoreApplication>
#include <QHostAddress>
#include <QJsonArray>
#include <QLoggingCategory>
#include <QNetworkRequest>
#include <QRandomGenerator>

#include <algorithm>
#include <cmath>

namespace rentdesk::net::chat {

using namespace Qt::StringLiterals;
using protocol::ErrorCode;

namespace {

Q_LOGGING_CATEGORY(lcChat, "rentdesk.chat")

qint64 nowMs()
{
    return QDateTime::currentMSecsSinceEpoch();
}

protocol::Error connectionLost()
{
    return protocol::Error::make(ErrorCode::Internal, u"The connection to the server was lost."_s);
}

protocol::Error unreachable(const QUrl &url)
{
    return protocol::Error::make(
        ErrorCode::Internal,
        QCoreApplication::translate("rentdesk::net::chat::ChatClient", "The server %1 cannot be reached.")
            .arg(url.toDisplayString()));
}

// A refusal that will not change if the same request is sent again later: the message
// leaves the queue. The server's trouble (internal, busy) and a lost session do not.
bool isFinal(const protocol::Error &error)
{
    const auto kind = error.kind();
    return kind != ErrorCode::Internal && kind != ErrorCode::ServerBusy && kind != ErrorCode::NotLoggedIn
        && kind != ErrorCode::InvalidToken && kind != ErrorCode::RateLimited && kind != ErrorCode::HelloRequired;
}

} // namespace

ChatClient::ChatClient(std::shared_ptr<models::db::Database> database, const models::services::Clock &clock,
                       QObject *parent)
    : QObject(parent)
    , m_database(std::move(database))
    , m_queue(m_database, clock)
    , m_socket(net::userAgent(), QWebSocketProtocol::VersionLatest)
{
    m_reconnectTimer.setSingleShot(true);
    connect(&m_reconnectTimer, &QTimer::timeout, this, &ChatClient::open);
    m_replyTimer.setInterval(1000);
    connect(&m_replyTimer, &QTimer::timeout, this, &ChatClient::checkReplies);
    connect(&m_socket, &QWebSocket::connected, this, &ChatClient::onConnected);
    connect(&m_socket, &QWebSocket::disconnected, this, &ChatClient::onDisconnected);
    connect(&m_socket, &QWebSocket::textMessageReceived, this, &ChatClient::onText);
    connect(&m_socket, &QWebSocket::binaryMessageReceived, this,
            [this] { Q_EMIT problem(tr("The server sent a binary frame; it was ignored.")); });
    connect(&m_socket, &QWebSocket::sslErrors, this, [this](const QList<QSslError> &errors) {
        QStringList reasons;
        for (const QSslError &error : errors)
            reasons << error.errorString();
        Q_EMIT problem(tr("The certificate of %1 is not trusted: %2").arg(m_url.host(), reasons.join(u"; "_s)));
    });
}

ChatClient::~ChatClient()
{
    m_stopped = true;
    // Not a state change anyone should hear about from a half-destroyed object.
    m_socket.disconnect(this);
    m_socket.abort();
}

void ChatClient::setServerUrl(const QUrl &url)
{
    if (url == m_url)
        return;
    m_url = url;
    if (m_socket.state() != QAbstractSocket::UnconnectedState)
        m_socket.abort();
}

bool ChatClient::isSecureEnough(const QUrl &url)
{
    if (url.scheme() == u"wss"_s)
        return true;
    if (url.scheme() != u"ws"_s)
        return false;
    const QString host = url.host();
    return host == u"localhost"_s || QHostAddress(host).isLoopback();
}

void ChatClient::setSslConfiguration(const QSslConfiguration &configuration)
{
    m_socket.setSslConfiguration(configuration);
}

void ChatClient::setSession(const QString &token, const protocol::UserJson &user)
{
    m_token = token;
    m_user = user;
    if (!m_token.isEmpty())
        connectToServer();
}

void ChatClient::setState(State state)
{
    if (state == m_state)
        return;
    m_state = state;
    Q_EMIT stateChanged(state);
}

void ChatClient::connectToServer()
{
    m_stopped = false;
    m_failedAttempts = 0;
    if (m_socket.state() == QAbstractSocket::UnconnectedState) {
        m_reconnectTimer.stop();
        open();
    }
}

void ChatClient::stop()
{
    m_stopped = true;
    m_reconnectTimer.stop();
    m_credentials.reset();
    m_afterHello.clear();
    m_socket.close(QWebSocketProtocol::CloseCodeNormal);
    if (m_socket.state() == QAbstractSocket::UnconnectedState)
        setState(State::Offline);
}

void ChatClient::open()
{
    if (m_url.isEmpty() || m_stopped) {
        setState(State::Offline);
        return;
    }
    if (!isSecureEnough(m_url)) {
        const QString reason = tr("%1 would carry your password and session unencrypted across the network; use "
                                  "wss://, or ws:// only to this computer.")
                                   .arg(m_url.toDisplayString());
        Q_EMIT problem(reason);
        if (std::exchange(m_credentials, std::nullopt))
            Q_EMIT signInFailed(protocol::Error::make(ErrorCode::NotAllowed, reason));
        if (!std::exchange(m_afterHello, {}).isEmpty())
            Q_EMIT requestFailed(u"signup"_s, protocol::Error::make(ErrorCode::NotAllowed, reason));
        m_stopped = true;
        setState(State::Offline);
        return;
    }
    setState(State::Connecting);
    m_helloDone = false;
    QNetworkRequest request(m_url);
    request.setHeader(QNetworkRequest::UserAgentHeader, net::userAgent());
    m_socket.open(request);
}

void ChatClient::onConnected()
{
    m_replyTimer.start();
    call(u"hello"_s, { { u"version"_s, protocol::ProtocolVersion }, { u"client"_s, net::userAgent() } },
         [this](const protocol::Incoming &reply) {
             if (!reply.ok) {
                 Q_EMIT problem(tr("The server refused this version of RentDesk: %1").arg(reply.error.message));
                 m_stopped = true; // trying again would meet the same answer
                 m_socket.close();
                 return;
             }
             if (auto limits = protocol::Limits::fromJson(reply.body.value(u"limits"_s).toObject()))
                 m_limits = *limits;
             m_helloDone = true;
             for (const auto &request : std::exchange(m_afterHello, {}))
                 request();
             afterHello();
         });
}

void ChatClient::afterHello()
{
    if (m_credentials) {
        authenticate();
        return;
    }
    if (m_token.isEmpty()) {
        // Connected for sign-up only; nothing to do until a log-in.
        return;
    }
    call(u"resume"_s, { { u"token"_s, m_token } }, [this](const protocol::Incoming &reply) {
        if (!reply.ok) {
            if (reply.error.is(ErrorCode::InvalidToken)) {
                m_token.clear();
                Q_EMIT sessionEnded();
                stop();
            } else {
                Q_EMIT problem(reply.error.message);
                m_socket.abort(); // try again later
            }
            return;
        }
        if (auto user = protocol::UserJson::fromJson(reply.body.value(u"user"_s).toObject()))
            m_user = *user;
        becomeOnline();
    });
}

void ChatClient::authenticate()
{
    if (m_state == State::Online) {
        // Another account, or the same one again: this connection's session ends first
        // (the server refuses a log-in over one).
        call(u"logout"_s, {}, [this](const protocol::Incoming &) {
            m_token.clear();
            Q_EMIT sessionEnded();
            setState(State::Connecting);
            if (m_credentials)
                authenticate();
        });
        return;
    }
    const auto [email, password] = *m_credentials;
    m_credentials.reset();
    call(u"login"_s, { { u"email"_s, email }, { u"password"_s, password } }, [this](const protocol::Incoming &reply) {
        if (!reply.ok) {
            Q_EMIT signInFailed(reply.error);
            if (m_token.isEmpty())
                setState(State::Offline);
            return;
        }
        auto user = protocol::UserJson::fromJson(reply.body.value(u"user"_s).toObject());
        const QString token = reply.body.value(u"token"_s).toString();
        if (!user || token.isEmpty()) {
            Q_EMIT signInFailed(
                protocol::Error::make(ErrorCode::BadRequest, u"The server's answer to log-in is not valid."_s));
            return;
        }
        m_token = token;
        m_user = *user;
        Q_EMIT signedIn(m_user, m_token);
        becomeOnline();
    });
}

void ChatClient::becomeOnline()
{
    m_failedAttempts = 0;
    setState(State::Online);
    refreshConversations();
    flushQueue();
    // Marks are watermarks (a repeat changes nothing), so what a lost connection may have
    // swallowed is simply said again; a read made offline goes out now.
    m_readSent.clear();
    m_deliveredSent.clear();
    for (auto it = m_readWanted.cbegin(); it != m_readWanted.cend(); ++it)
        sendRead(it.key());
}

void ChatClient::onDisconnected()
{
    m_replyTimer.stop();
    m_helloDone = false;
    // Nothing of this connection will be answered now: what was in flight stays queued.
    m_inFlight.clear();
    const auto outstanding = std::exchange(m_outstanding, {});
    for (auto it = outstanding.cbegin(); it != outstanding.cend(); ++it) {
        if (it->type == u"login"_s)
            Q_EMIT signInFailed(connectionLost());
        else if (it->type == u"signup"_s)
            Q_EMIT requestFailed(it->type, connectionLost());
    }
    // A sign-up or log-in that could not even reach the server fails now, rather than
    // trying for ever: the person is waiting for an answer.
    if (!std::exchange(m_afterHello, {}).isEmpty())
        Q_EMIT requestFailed(u"signup"_s, unreachable(m_url));
    if (std::exchange(m_credentials, std::nullopt))
        Q_EMIT signInFailed(unreachable(m_url));
    if (m_socket.closeCode() != QWebSocketProtocol::CloseCodeNormal || !m_stopped) {
        const QString reason = m_socket.closeReason().isEmpty() ? m_socket.errorString() : m_socket.closeReason();
        if (!reason.isEmpty())
            qCInfo(lcChat) << "disconnected:" << reason;
    }
    if (m_stopped || m_url.isEmpty() || (m_token.isEmpty() && !m_credentials)) {
        setState(State::Offline);
        return;
    }
    scheduleReconnect();
}

void ChatClient::scheduleReconnect()
{
    const int doublings = std::clamp(m_failedAttempts, 0, 20);
    ++m_failedAttempts;
    const double base =
        std::min(double(m_backoff.first.count()) * std::pow(2.0, doublings), double(m_backoff.longest.count()));
    // ±20%, so that the clients of a restarted server do not all come back in one instant.
    const double spread = 0.8 + 0.4 * QRandomGenerator::global()->generateDouble();
    const auto delay = std::chrono::milliseconds(qint64(std::llround(base * spread)));
    setState(State::Connecting);
    Q_EMIT reconnecting(delay);
    m_reconnectTimer.start(delay);
}

void ChatClient::checkReplies()
{
    const qint64 now = nowMs();
    const bool late = std::any_of(m_outstanding.cbegin(), m_outstanding.cend(),
                                  [&](const Outstanding &o) { return now - o.sentAtMs > m_replyTimeout.count(); });
    if (late) {
        Q_EMIT problem(tr("The server did not answer in time; connecting again."));
        m_socket.abort();
    }
}

void ChatClient::call(const QString &type, const QJsonObject &body, Reply reply)
{
    const QString id = u"c"_s + QString::number(m_nextId++);
    m_outstanding.insert(id, Outstanding { type, std::move(reply), nowMs() });
    m_socket.sendTextMessage(QString::fromUtf8(protocol::request(type, id, body)));
}

void ChatClient::onText(const QString &text)
{
    auto incoming = protocol::parseIncoming(text.toUtf8());
    if (!incoming) {
        Q_EMIT problem(tr("The server sent a frame that is not valid: %1").arg(incoming.error()));
        return;
    }
    if (incoming->kind == protocol::Incoming::Push) {
        onPush(*incoming);
        return;
    }
    auto outstanding = m_outstanding.take(incoming->id);
    if (!outstanding.reply) {
        // An error for a frame the server could not read (no id), or an id not ours.
        Q_EMIT problem(tr("The server answered a request this app did not make: %1").arg(incoming->error.message));
        return;
    }
    outstanding.reply(*incoming);
}

bool ChatClient::succeeded(const QString &type, const protocol::Incoming &reply)
{
    if (reply.ok)
        return true;
    if (reply.error.is(ErrorCode::NotLoggedIn) || reply.error.is(ErrorCode::InvalidToken)) {
        m_token.clear();
        Q_EMIT sessionEnded();
    }
    Q_EMIT requestFailed(type, reply.error);
    return false;
}

void ChatClient::signUp(const QString &email, const QString &displayName, const QString &password,
                        models::domain::Role role, models::domain::Language language)
{
    const QJsonObject body { { u"email"_s, email },
                             { u"displayName"_s, displayName },
                             { u"password"_s, password },
                             { u"role"_s, models::domain::toCode(role) },
                             { u"language"_s, models::domain::toCode(language) } };
    const auto request = [this, body] {
        call(u"signup"_s, body, [this](const protocol::Incoming &reply) {
            if (!succeeded(u"signup"_s, reply))
                return;
            if (auto user = protocol::UserJson::fromJson(reply.body.value(u"user"_s).toObject()))
                Q_EMIT signedUp(*user);
        });
    };
    if (m_helloDone) {
        request();
        return;
    }
    m_afterHello.append(request);
    connectToServer();
}

void ChatClient::logIn(const QString &email, const QString &password)
{
    m_credentials = std::make_pair(email, password);
    if (m_helloDone) {
        authenticate();
        return;
    }
    connectToServer();
}

void ChatClient::logOut()
{
    if (m_state == State::Online)
        call(u"logout"_s, {}, [](const protocol::Incoming &) {});
    const bool had = !m_token.isEmpty();
    if (had)
        Q_EMIT sessionEnded();
    m_token.clear();
    m_user = {};
    m_seen.clear();
    m_deliveredSent.clear();
    m_readWanted.clear();
    m_readSent.clear();
    stop();
}

void ChatClient::refreshConversations()
{
    call(u"chat.list"_s, {}, [this](const protocol::Incoming &reply) {
        if (!succeeded(u"chat.list"_s, reply))
            return;
        QList<protocol::ConversationJson> conversations;
        const QJsonArray array = reply.body.value(u"conversations"_s).toArray();
        for (const QJsonValue &value : array) {
            auto conversation = protocol::ConversationJson::fromJson(value.toObject(), m_limits.maxChatChars);
            if (!conversation) {
                Q_EMIT problem(
                    tr("The server sent a conversation that is not valid: %1").arg(conversation.error().message));
                continue;
            }
            conversations.append(*conversation);
        }
        Q_EMIT conversationsLoaded(conversations);
        for (const auto &conversation : std::as_const(conversations))
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
        if (last > 0 && conversation.lastMessage->senderId != m_user.id)
            markDeliveredUpTo(conversation.id, last);
        return;
    }
    if (last <= *seen)
        return;
    // What was sent while this app was away, from where it stopped.
    const QUuid id = conversation.id;
    call(u"chat.history"_s,
         { { u"conversationId"_s, id.toString(QUuid::WithoutBraces) }, { u"afterSeq"_s, *seen }, { u"limit"_s, 200 } },
         [this, conversation](const protocol::Incoming &reply) {
             if (!succeeded(u"chat.history"_s, reply))
                 return;
             const QJsonArray array = reply.body.value(u"messages"_s).toArray();
             for (const QJsonValue &value : array) {
                 if (auto message = protocol::ChatMessageJson::fromJson(value.toObject(), m_limits.maxChatChars))
                     received(*message);
             }
             if (reply.body.value(u"more"_s).toBool())
                 catchUp(conversation);
         });
}

void ChatClient::markDeliveredUpTo(const QUuid &conversation, qint64 seq)
{
    if (m_deliveredSent.value(conversation) >= seq || m_state != State::Online)
        return;
    m_deliveredSent.insert(conversation, seq);
    call(u"chat.delivered"_s,
         { { u"conversationId"_s, conversation.toString(QUuid::WithoutBraces) }, { u"upToSeq"_s, seq } },
         [this, conversation](const protocol::Incoming &reply) {
             if (!reply.ok)
                 m_deliveredSent.remove(conversation);
             succeeded(u"chat.delivered"_s, reply);
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
    if (message.senderId != m_user.id)
        markDeliveredUpTo(message.conversationId, message.seq);
}

void ChatClient::onPush(const protocol::Incoming &push)
{
    if (push.type == u"chat.message"_s) {
        auto message =
            protocol::ChatMessageJson::fromJson(push.body.value(u"message"_s).toObject(), m_limits.maxChatChars);
        if (message)
            received(*message);
        else
            Q_EMIT problem(tr("The server sent a message that is not valid: %1").arg(message.error().message));
    } else if (push.type == u"chat.receipt"_s) {
        const auto conversation = protocol::requireUuid(push.body, u"conversationId");
        const auto user = protocol::requireUuid(push.body, u"userId");
        const auto delivered = protocol::requireInt(push.body, u"deliveredUpTo", 0, protocol::MaxJsonInteger);
        const auto read = protocol::requireInt(push.body, u"readUpTo", 0, protocol::MaxJsonInteger);
        if (conversation && user && delivered && read)
            Q_EMIT receiptReceived(*conversation, *user, *delivered, *read);
    } else if (push.type == u"chat.conversation"_s) {
        auto conversation =
            protocol::ConversationJson::fromJson(push.body.value(u"conversation"_s).toObject(), m_limits.maxChatChars);
        if (conversation) {
            m_seen.insert(conversation->id, 0);
            Q_EMIT conversationStarted(*conversation);
        }
    }
    // Pushes of a newer server that this build does not know are left alone.
}

void ChatClient::startConversation(const QString &email, const std::optional<protocol::About> &about)
{
    QJsonObject body { { u"email"_s, email } };
    if (about)
        body.insert(u"about"_s, about->toJson());
    call(u"chat.start"_s, body, [this](const protocol::Incoming &reply) {
        if (!succeeded(u"chat.start"_s, reply))
            return;
        auto conversation =
            protocol::ConversationJson::fromJson(reply.body.value(u"conversation"_s).toObject(), m_limits.maxChatChars);
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
    call(u"chat.history"_s, body, [this, conversation](const protocol::Incoming &reply) {
        if (!succeeded(u"chat.history"_s, reply))
            return;
        QList<protocol::ChatMessageJson> messages;
        const QJsonArray array = reply.body.value(u"messages"_s).toArray();
        for (const QJsonValue &value : array) {
            if (auto message = protocol::ChatMessageJson::fromJson(value.toObject(), m_limits.maxChatChars))
                messages.append(*message);
        }
        if (!messages.isEmpty()) {
            qint64 &seen = m_seen[conversation];
            seen = std::max(seen, messages.constLast().seq);
            markDeliveredUpTo(conversation, messages.constLast().seq);
        }
        Q_EMIT historyLoaded(conversation, messages, reply.body.value(u"more"_s).toBool());
    });
}

void ChatClient::markRead(const QUuid &conversation, qint64 upToSeq)
{
    if (upToSeq <= 0)
        return;
    qint64 &wanted = m_readWanted[conversation];
    wanted = std::max(wanted, upToSeq);
    sendRead(conversation);
}

void ChatClient::sendRead(const QUuid &conversation)
{
    const qint64 wanted = m_readWanted.value(conversation);
    if (m_state != State::Online || m_readSent.value(conversation) >= wanted)
        return;
    m_readSent.insert(conversation, wanted);
    call(u"chat.read"_s,
         { { u"conversationId"_s, conversation.toString(QUuid::WithoutBraces) }, { u"upToSeq"_s, wanted } },
         [this, conversation](const protocol::Incoming &reply) {
             if (!reply.ok)
                 m_readSent.remove(conversation);
             succeeded(u"chat.read"_s, reply);
         });
}

models::services::Result<models::chat::PendingMessage> ChatClient::send(const QUuid &conversation, const QString &text)
{
    auto queued = m_queue.enqueue(m_user.id, conversation, text);
    if (!queued)
        return queued;
    Q_EMIT messageQueued(*queued);
    if (m_state == State::Online)
        transmit(*queued);
    return queued;
}

QList<models::chat::PendingMessage> ChatClient::pending() const
{
    auto queued = m_queue.pending(m_user.id);
    return queued ? *queued : QList<models::chat::PendingMessage>();
}

void ChatClient::flushQueue()
{
    auto queued = m_queue.pending(m_user.id);
    if (!queued) {
        Q_EMIT problem(queued.error().message);
        return;
    }
    for (const models::chat::PendingMessage &message : std::as_const(*queued))
        transmit(message);
}

void ChatClient::transmit(const models::chat::PendingMessage &message)
{
    if (m_inFlight.contains(message.messageId))
        return;
    m_inFlight.insert(message.messageId);
    const QUuid id = message.messageId;
    call(u"chat.send"_s,
         { { u"conversationId"_s, message.conversationId.toString(QUuid::WithoutBraces) },
           { u"messageId"_s, id.toString(QUuid::WithoutBraces) },
           { u"text"_s, message.text } },
         [this, id](const protocol::Incoming &reply) {
             m_inFlight.remove(id);
             if (!reply.ok) {
                 if (isFinal(reply.error)) {
                     if (auto removed = m_queue.remove(id); !removed)
                         Q_EMIT problem(removed.error().message);
                     Q_EMIT messageRefused(id, reply.error);
                 } else {
                     succeeded(u"chat.send"_s, reply); // stays queued for the next connection
                 }
                 return;
             }
             auto stored =
                 protocol::ChatMessageJson::fromJson(reply.body.value(u"message"_s).toObject(), m_limits.maxChatChars);
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
