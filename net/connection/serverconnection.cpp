// SPDX-License-Identifier: GPL-3.0-or-later
#include "net/connection/serverconnection.h"

#include "net/protocol/message.h"
#include "net/protocol/version.h"

#include <QCoreApplication>
#include <QHostAddress>
#include <QLoggingCategory>
#include <QNetworkRequest>
#include <QRandomGenerator>

#include <algorithm>
#include <cmath>

namespace rentdesk::net::connection {

using namespace Qt::StringLiterals;
using protocol::ErrorCode;
using SteadyClock = std::chrono::steady_clock;

namespace {

Q_LOGGING_CATEGORY(lcConnection, "rentdesk.net.connection")

protocol::Error connectionLost()
{
    return protocol::Error::make(ErrorCode::Internal, u"The connection to the server was lost."_s);
}

protocol::Error unreachable(const QUrl &url)
{
    return protocol::Error::make(
        ErrorCode::Internal,
        QCoreApplication::translate("rentdesk::net::connection::ServerConnection", "The server %1 cannot be reached.")
            .arg(url.toDisplayString()));
}

// Not user-facing as such: features show their own words for not_logged_in.
protocol::Error notSignedIn()
{
    return protocol::Error::make(ErrorCode::NotLoggedIn, u"Not signed in to the server."_s);
}

protocol::Error notConnected()
{
    return protocol::Error::make(ErrorCode::Internal, u"Not connected to the server."_s);
}

Failure failure(Failure::Kind kind, protocol::Error error)
{
    return Failure { kind, std::move(error) };
}

} // namespace

ServerConnection::ServerConnection(QObject *parent)
    : QObject(parent)
    , m_socket(net::userAgent(), QWebSocketProtocol::VersionLatest)
{
    m_reconnectTimer.setSingleShot(true);
    connect(&m_reconnectTimer, &QTimer::timeout, this, &ServerConnection::open);
    connect(&m_replyTimer, &QTimer::timeout, this, &ServerConnection::checkReplies);
    connect(&m_socket, &QWebSocket::connected, this, &ServerConnection::onConnected);
    connect(&m_socket, &QWebSocket::disconnected, this, &ServerConnection::onDisconnected);
    connect(&m_socket, &QWebSocket::textMessageReceived, this,
            [this](const QString &text) { onFrame(text.toUtf8(), false); });
    connect(&m_socket, &QWebSocket::binaryMessageReceived, this,
            [this](const QByteArray &message) { onFrame(message, true); });
    connect(&m_socket, &QWebSocket::sslErrors, this, [this](const QList<QSslError> &errors) {
        QStringList reasons;
        for (const QSslError &error : errors)
            reasons << error.errorString();
        Q_EMIT problem(tr("The certificate of %1 is not trusted: %2").arg(m_url.host(), reasons.join(u"; "_s)));
    });
}

ServerConnection::~ServerConnection()
{
    m_stopped = true;
    // Not a state change anyone should hear about from a half-destroyed object; and the
    // handlers still waiting are not called (their owners may be going too).
    m_socket.disconnect(this);
    m_socket.abort();
}

void ServerConnection::setServerUrl(const QUrl &url)
{
    if (url == m_url)
        return;
    m_url = url;
    if (m_socket.state() != QAbstractSocket::UnconnectedState)
        m_socket.abort();
}

bool ServerConnection::isSecureEnough(const QUrl &url)
{
    if (url.scheme() == u"wss"_s)
        return true;
    if (url.scheme() != u"ws"_s)
        return false;
    const QString host = url.host();
    return host == u"localhost"_s || QHostAddress(host).isLoopback();
}

void ServerConnection::setSslConfiguration(const QSslConfiguration &configuration)
{
    m_socket.setSslConfiguration(configuration);
}

void ServerConnection::setSession(const QString &token, const protocol::UserJson &user)
{
    m_token = token;
    m_user = user;
    if (!m_token.isEmpty())
        connectToServer();
}

bool ServerConnection::expectsSession() const
{
    return !m_stopped && (!m_token.isEmpty() || m_credentials || m_loggingIn);
}

void ServerConnection::setState(State state)
{
    if (state == m_state)
        return;
    m_state = state;
    Q_EMIT stateChanged(state);
}

void ServerConnection::connectToServer()
{
    m_stopped = false;
    m_failedAttempts = 0;
    if (m_socket.state() == QAbstractSocket::UnconnectedState) {
        m_reconnectTimer.stop();
        open();
    }
}

void ServerConnection::stop()
{
    m_stopped = true;
    m_reconnectTimer.stop();
    m_credentials.reset();
    failWaiting(notConnected());
    m_socket.close(QWebSocketProtocol::CloseCodeNormal);
    if (m_socket.state() == QAbstractSocket::UnconnectedState)
        setState(State::Offline);
}

void ServerConnection::open()
{
    if (m_url.isEmpty() || m_stopped) {
        failWaiting(notConnected());
        setState(State::Offline);
        return;
    }
    if (!isSecureEnough(m_url)) {
        const QString reason = tr("%1 would carry your password and session unencrypted across the network; use "
                                  "wss://, or ws:// only to this computer.")
                                   .arg(m_url.toDisplayString());
        const auto refused = protocol::Error::make(ErrorCode::NotAllowed, reason);
        Q_EMIT problem(reason);
        m_stopped = true;
        if (std::exchange(m_credentials, std::nullopt))
            Q_EMIT signInFailed(refused);
        failWaiting(refused);
        setState(State::Offline);
        return;
    }
    setState(State::Connecting);
    m_helloDone = false;
    m_socketOpen = true;
    m_openedAt = SteadyClock::now();
    // Checked often enough that a short timeout (a test's) is noticed about when it passes.
    m_replyTimer.start(std::clamp(m_replyTimeout / 4, std::chrono::milliseconds(10), std::chrono::milliseconds(1000)));
    QNetworkRequest request(m_url);
    request.setHeader(QNetworkRequest::UserAgentHeader, net::userAgent());
    m_socket.open(request);
}

void ServerConnection::onConnected()
{
    // Requests go out when written rather than when the server acknowledged the last bytes
    // (Nagle's algorithm): a sync pull asks for its next page while it writes the last one.
    // The socket under QWebSocket is its child.
    if (auto *transport = m_socket.findChild<QAbstractSocket *>())
        transport->setSocketOption(QAbstractSocket::LowDelayOption, 1);
    call(u"hello"_s, { { u"version"_s, protocol::ProtocolVersion }, { u"client"_s, net::userAgent() } },
         [this](const Reply &reply) {
             if (!reply) {
                 if (reply.error().kind == Failure::Kind::Refused) {
                     Q_EMIT problem(
                         tr("The server refused this version of RentDesk: %1").arg(reply.error().error.message));
                     m_stopped = true; // trying again would meet the same answer
                     m_socket.close();
                 }
                 return;
             }
             if (auto limits = protocol::Limits::fromJson(reply->value(u"limits"_s).toObject()))
                 m_limits = *limits;
             // An older server answers with its own, older version: chat works, sync does not.
             m_version = std::clamp(reply->value(u"version"_s).toInt(protocol::OldestProtocolVersion),
                                    protocol::OldestProtocolVersion, protocol::ProtocolVersion);
             m_helloDone = true;
             sendWaiting(Waiting::ForHello); // a sign-up needs no more than this
             afterHello();
         });
}

void ServerConnection::afterHello()
{
    if (m_credentials) {
        authenticate();
        return;
    }
    if (m_token.isEmpty()) {
        // Connected for sign-up only; nothing to do until a log-in.
        return;
    }
    call(u"resume"_s, { { u"token"_s, m_token } }, [this](const Reply &reply) {
        if (!reply) {
            if (reply.error().error.is(ErrorCode::InvalidToken)) {
                endSession();
            } else if (reply.error().kind == Failure::Kind::Refused) {
                Q_EMIT problem(reply.error().error.message);
                m_socket.abort(); // try again later
            }
            return;
        }
        if (auto user = protocol::UserJson::fromJson(reply->value(u"user"_s).toObject()))
            m_user = *user;
        becomeOnline();
    });
}

void ServerConnection::authenticate()
{
    if (m_state == State::Online) {
        // Another account, or the same one again: this connection's session ends first
        // (the server refuses a log-in over one).
        call(u"logout"_s, {}, [this](const Reply &reply) {
            if (!reply && reply.error().kind != Failure::Kind::Refused)
                return; // the connection went first: the old session is resumed on the next one
            m_token.clear();
            // What was asked for that session is not for the next.
            failWaiting(notSignedIn(), Waiting::ForSession);
            Q_EMIT sessionEnded();
            setState(State::Connecting);
            if (m_credentials)
                authenticate();
        });
        return;
    }
    const auto [email, password] = *m_credentials;
    m_credentials.reset();
    m_loggingIn = true;
    call(u"login"_s, { { u"email"_s, email }, { u"password"_s, password } }, [this](const Reply &reply) {
        m_loggingIn = false;
        if (!reply) {
            if (m_token.isEmpty()) {
                failWaiting(notSignedIn(), Waiting::ForSession);
                setState(State::Offline);
            }
            Q_EMIT signInFailed(reply.error().error);
            return;
        }
        auto user = protocol::UserJson::fromJson(reply->value(u"user"_s).toObject());
        const QString token = reply->value(u"token"_s).toString();
        if (!user || token.isEmpty()) {
            failWaiting(notSignedIn(), Waiting::ForSession);
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

void ServerConnection::becomeOnline()
{
    m_failedAttempts = 0;
    // What was asked while the connection was being made goes first: it was asked first.
    sendWaiting(Waiting::All);
    setState(State::Online);
}

void ServerConnection::endSession()
{
    m_token.clear();
    Q_EMIT sessionEnded();
    stop();
}

void ServerConnection::onDisconnected()
{
    if (!std::exchange(m_socketOpen, false))
        return;
    m_replyTimer.stop();
    m_helloDone = false;
    m_loggingIn = false;
    if (m_socket.closeCode() != QWebSocketProtocol::CloseCodeNormal || !m_stopped) {
        const QString reason = m_socket.closeReason().isEmpty() ? m_socket.errorString() : m_socket.closeReason();
        if (!reason.isEmpty())
            qCInfo(lcConnection) << "disconnected:" << reason;
    }
    auto outstanding = std::exchange(m_outstanding, {});
    const bool credentials = std::exchange(m_credentials, std::nullopt).has_value();
    // The state first, so that what the handlers below ask for waits for the next connection
    // (or fails) instead of going to this one.
    const bool reconnect = !m_stopped && !m_url.isEmpty() && !m_token.isEmpty();
    if (reconnect)
        scheduleReconnect();
    else
        setState(State::Offline);
    // Nothing sent on this connection will be answered now. Whether the server acted on it
    // is unknown, so it is not sent again here: its owner knows whether that is safe.
    for (const auto &[id, request] : outstanding)
        deliver(request, std::unexpected(failure(Failure::Kind::ConnectionLost, connectionLost())));
    // A sign-up or log-in that could not even reach the server fails now, rather than
    // trying for ever: the person is waiting for an answer.
    failWaiting(unreachable(m_url), reconnect ? Waiting::ForHello : Waiting::All);
    if (credentials)
        Q_EMIT signInFailed(unreachable(m_url));
}

void ServerConnection::scheduleReconnect()
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

void ServerConnection::checkReplies()
{
    const auto now = SteadyClock::now();
    const bool opening = m_socket.state() != QAbstractSocket::ConnectedState;
    const bool late = opening ? now - m_openedAt > m_replyTimeout
                              : std::any_of(m_outstanding.cbegin(), m_outstanding.cend(), [&](const auto &entry) {
                                    return now - entry.second.sentAt > m_replyTimeout;
                                });
    if (!late)
        return;
    Q_EMIT problem(tr("The server did not answer in time; connecting again."));
    m_socket.abort();
    // An abort before the socket was open may end it without a disconnected() signal.
    onDisconnected();
}

void ServerConnection::transmit(Pending request)
{
    const qint64 id = m_nextId++;
    request.sentAt = SteadyClock::now();
    const QByteArray frame = protocol::request(request.type, QString::number(id), std::exchange(request.body, {}));
    m_outstanding.emplace(id, std::move(request));
    m_socket.sendTextMessage(QString::fromUtf8(frame));
    // Out now, not when the event loop next runs: the caller may work a while first (a sync
    // pull asks for its next page and then writes the one it has, while the server reads).
    m_socket.flush();
}

void ServerConnection::call(const QString &type, const QJsonObject &body,
                            std::function<void(const Reply &reply)> handler, bool needsSession)
{
    transmit(Pending { type, body, this, std::move(handler), needsSession, {} });
}

void ServerConnection::request(const QString &type, const QJsonObject &body, QObject *context, ReplyHandler handler)
{
    Q_ASSERT(context);
    enqueue(Pending { type, body, context, std::move(handler), true, {} });
}

void ServerConnection::requestBytes(const QString &type, QJsonObject body, QObject *context, BytesReplyHandler handler)
{
    Q_ASSERT(context);
    body.insert(u"binary"_s, true);
    enqueue(Pending { type, body, context, {}, true, {}, std::move(handler) });
}

void ServerConnection::enqueue(Pending request)
{
    if (m_state == State::Online) {
        transmit(std::move(request));
        return;
    }
    if (expectsSession()) {
        m_waiting.append(std::move(request));
        return;
    }
    // Nothing to wait for. Answered later all the same, so that a caller never meets its
    // handler inside its own call.
    const protocol::Error error = m_url.isEmpty() || m_stopped ? notConnected() : notSignedIn();
    QMetaObject::invokeMethod(
        this,
        [request = std::move(request), error] {
            deliver(request, std::unexpected(failure(Failure::Kind::NotSent, error)));
        },
        Qt::QueuedConnection);
}

void ServerConnection::subscribe(const QString &type, QObject *context, PushHandler handler)
{
    Q_ASSERT(context);
    m_subscribers.append(Subscriber { type, context, std::move(handler) });
}

bool ServerConnection::isOf(const Pending &request, Waiting which)
{
    return which == Waiting::All || request.needsSession == (which == Waiting::ForSession);
}

void ServerConnection::sendWaiting(Waiting which)
{
    QList<Pending> keep;
    for (Pending &request : std::exchange(m_waiting, {})) {
        if (isOf(request, which))
            transmit(std::move(request));
        else
            keep.append(std::move(request));
    }
    m_waiting = keep;
}

void ServerConnection::failWaiting(const protocol::Error &error, Waiting which)
{
    QList<Pending> failed;
    QList<Pending> keep;
    for (Pending &request : std::exchange(m_waiting, {}))
        (isOf(request, which) ? failed : keep).append(std::move(request));
    m_waiting = keep;
    for (const Pending &request : std::as_const(failed))
        deliver(request, std::unexpected(failure(Failure::Kind::NotSent, error)));
}

void ServerConnection::deliver(const Pending &request, const Reply &reply, const QByteArray &bytes)
{
    if (!request.context)
        return;
    if (request.bytesHandler)
        request.bytesHandler(reply, bytes);
    else if (request.handler)
        request.handler(reply);
}

void ServerConnection::onFrame(const QByteArray &frame, bool binary)
{
    auto incoming = protocol::parseIncoming(frame, binary);
    if (!incoming) {
        Q_EMIT problem(tr("The server sent a frame that is not valid: %1").arg(incoming.error()));
        return;
    }
    if (incoming->kind == protocol::Incoming::Push) {
        // A copy: a handler may subscribe, and one whose context is gone is dropped here.
        m_subscribers.removeIf([](const Subscriber &subscriber) { return !subscriber.context; });
        const QList<Subscriber> subscribers = m_subscribers;
        for (const Subscriber &subscriber : subscribers) {
            if (subscriber.type == incoming->type && subscriber.context)
                subscriber.handler(incoming->body);
        }
        // The server ended this session (a log-out on another connection of the same token,
        // or its expiry): as if a request had been refused with not_logged_in.
        if (incoming->type == u"session.ended"_s && !m_token.isEmpty())
            endSession();
        // Pushes of a newer server that no feature of this build knows are left alone.
        return;
    }
    bool isNumber = false;
    const qint64 id = incoming->id.toLongLong(&isNumber);
    const auto found = isNumber ? m_outstanding.find(id) : m_outstanding.end();
    if (found == m_outstanding.end()) {
        // An error for a frame the server could not read (no id), or an id not ours.
        Q_EMIT problem(tr("The server answered a request this app did not make: %1").arg(incoming->error.message));
        return;
    }
    const Pending request = std::move(found->second);
    m_outstanding.erase(found);
    if (incoming->ok) {
        deliver(request, incoming->body, incoming->bytes);
        return;
    }
    // A session the server no longer knows ends here too, whichever feature heard of it.
    const bool sessionGone = request.needsSession
        && (incoming->error.is(ErrorCode::NotLoggedIn) || incoming->error.is(ErrorCode::InvalidToken));
    if (sessionGone && !m_token.isEmpty())
        endSession();
    deliver(request, std::unexpected(failure(Failure::Kind::Refused, incoming->error)));
}

void ServerConnection::signUp(const QString &email, const QString &displayName, const QString &password,
                              models::domain::Role role, models::domain::Language language)
{
    const QJsonObject body { { u"email"_s, email },
                             { u"displayName"_s, displayName },
                             { u"password"_s, password },
                             { u"role"_s, models::domain::toCode(role) },
                             { u"language"_s, models::domain::toCode(language) } };
    Pending request { u"signup"_s,
                      body,
                      this,
                      [this](const Reply &reply) {
                          if (!reply) {
                              Q_EMIT signUpFailed(reply.error().error);
                              return;
                          }
                          if (auto user = protocol::UserJson::fromJson(reply->value(u"user"_s).toObject()))
                              Q_EMIT signedUp(*user);
                          else
                              Q_EMIT signUpFailed(user.error());
                      },
                      false,
                      {} };
    if (m_helloDone) {
        transmit(std::move(request));
        return;
    }
    m_waiting.append(std::move(request));
    connectToServer();
}

void ServerConnection::logIn(const QString &email, const QString &password)
{
    m_credentials = std::make_pair(email, password);
    if (m_helloDone) {
        authenticate();
        return;
    }
    connectToServer();
}

void ServerConnection::logOut()
{
    if (m_state == State::Online)
        call(u"logout"_s, {}, [](const Reply &) {});
    const bool had = !m_token.isEmpty();
    m_token.clear();
    // Said while user() still names the account, whose kept token is then forgotten.
    if (had)
        Q_EMIT sessionEnded();
    m_user = {};
    stop();
}

} // namespace rentdesk::net::connection
