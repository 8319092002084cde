// SPDX-License-Identifier: GPL-3.0-or-later
#include "server/clientconnection.h"

#include "models/services/sessionservice.h"

#include <QLoggingCategory>
#include <QPointer>
#include <QTcpSocket>
#include <QWebSocket>

namespace rentdesk::server {

using namespace Qt::StringLiterals;
using net::protocol::Error;
using net::protocol::ErrorCode;

Q_LOGGING_CATEGORY(lcConnection, "rentdesk.server.connection", QtInfoMsg)

ClientConnection::ClientConnection(QWebSocket *socket, QTcpSocket *transport, const net::protocol::Limits &limits,
                                   const Policy &policy, Handler handler, QObject *parent)
    : QObject(parent)
    , m_socket(socket)
    , m_limits(limits)
    , m_policy(policy)
    , m_handler(std::move(handler))
    , m_peerAddress(socket->peerAddress().toString())
    , m_addressKey(addressKey(socket->peerAddress()))
{
    m_socket->setParent(this);
    // Larger frames and messages close the connection with 1009 (docs/protocol.md).
    m_socket->setMaxAllowedIncomingFrameSize(quint64(m_limits.maxMessageBytes));
    m_socket->setMaxAllowedIncomingMessageSize(quint64(m_limits.maxMessageBytes));
    connect(m_socket, &QWebSocket::textMessageReceived, this, &ClientConnection::onText);
    connect(m_socket, &QWebSocket::binaryMessageReceived, this, &ClientConnection::onBinary);
    connect(m_socket, &QWebSocket::disconnected, this, &ClientConnection::onDisconnected);
    connect(m_socket, &QWebSocket::pong, this, [this] { m_lastHeard.restart(); });
    // QWebSocket answers each ping with a pong by itself, outside write(): a client that sends
    // pings and reads nothing would grow the queue without bound. QWebSocket gives no signal for
    // a ping, but it reads the transport in its own readyRead slot, connected before this one,
    // so here the pongs of what just arrived are in bytesToWrite(). The same socket's
    // bytesWritten is when the client has read (its window opened) and may be back under the
    // limit.
    if (transport) {
        connect(transport, &QIODevice::readyRead, this, &ClientConnection::checkUnread);
        connect(transport, &QIODevice::bytesWritten, this, &ClientConnection::checkUnread);
    } else {
        connect(m_socket, &QWebSocket::bytesWritten, this, &ClientConnection::checkUnread);
    }
    m_lastHeard.start();
    m_pingTimer.setInterval(std::chrono::seconds(m_limits.pingSeconds));
    connect(&m_pingTimer, &QTimer::timeout, this, &ClientConnection::onPingTimer);
    m_pingTimer.start();
    m_slowReader.setSingleShot(true);
    m_slowReader.setInterval(m_policy.slowReaderGrace);
    connect(&m_slowReader, &QTimer::timeout, this, &ClientConnection::onSlowReader);
    m_loginDeadline.setSingleShot(true);
    m_loginDeadline.setInterval(m_policy.loginDeadline);
    connect(&m_loginDeadline, &QTimer::timeout, this, [this] {
        qCInfo(lcConnection) << "closing" << m_peerAddress << ": no session within"
                             << std::chrono::duration_cast<std::chrono::seconds>(m_policy.loginDeadline).count() << "s";
        close(QWebSocketProtocol::CloseCodePolicyViolated, u"no log-in in time"_s);
    });
    m_loginDeadline.start();
    m_sessionExpiry.setSingleShot(true);
    connect(&m_sessionExpiry, &QTimer::timeout, this, &ClientConnection::armSessionExpiry);
    qCInfo(lcConnection) << "connected:" << m_peerAddress;
}

ClientConnection::~ClientConnection() = default;

// What the per-address limits count by: an IPv4 address (also when it comes mapped into IPv6),
// or an IPv6 /64, which is what one subscriber usually gets.
QString ClientConnection::addressKey(const QHostAddress &address)
{
    bool isIPv4 = false;
    const quint32 ipv4 = address.toIPv4Address(&isIPv4);
    if (isIPv4)
        return QHostAddress(ipv4).toString();
    if (address.protocol() != QAbstractSocket::IPv6Protocol)
        return address.toString();
    Q_IPV6ADDR bytes = address.toIPv6Address();
    std::fill(std::begin(bytes.c) + 8, std::end(bytes.c), quint8(0));
    return QHostAddress(bytes).toString() + u"/64"_s;
}

void ClientConnection::setSession(const QUuid &user, const QString &token, std::chrono::milliseconds lifetime)
{
    m_user = user;
    m_token = token;
    m_tokenHash = models::services::SessionService::tokenHash(token);
    m_loginDeadline.stop();
    m_sessionEnds = QDeadlineTimer(std::max(lifetime, std::chrono::milliseconds(0)));
    armSessionExpiry();
}

void ClientConnection::armSessionExpiry()
{
    const qint64 remaining = m_sessionEnds.remainingTime();
    if (remaining <= 0 && m_user) {
        if (!m_closing)
            Q_EMIT sessionExpired(this);
        return;
    }
    m_sessionExpiry.start(std::chrono::milliseconds(std::min<qint64>(remaining, 24 * 3600 * 1000)));
}

void ClientConnection::clearSession()
{
    m_sessionExpiry.stop();
    m_user.reset();
    m_token.clear();
    m_tokenHash.clear();
    // Logged out, the connection is one without a session again, and has as long as a new one.
    if (!m_closing)
        m_loginDeadline.start();
}

void ClientConnection::onText(const QString &text)
{
    m_lastHeard.restart();
    if (m_closing)
        return;
    // QWebSocket sizes a text message split over several frames by the UTF-16 units decoded
    // so far, not by its bytes: one of two-byte characters passes at nearly twice the limit.
    const QByteArray frame = text.toUtf8();
    if (frame.size() > m_limits.maxMessageBytes) {
        close(QWebSocketProtocol::CloseCodeTooMuchData, u"message too big"_s);
        return;
    }
    // Parsed even when it is to be refused, so that the refusal carries its id: a linear pass
    // over a frame that maxMessageBytes bounds, no more than any request costs.
    auto request = net::protocol::parseRequest(frame);
    if (!request) {
        hold(net::protocol::errorReply(request.error().id, request.error().error));
        return;
    }
    if (requestsHeld() > MaxWaitingRequests) {
        // Refused in its turn and under its id, so that the client knows which ones to send
        // again; the request itself is not kept, so that a client sending faster than it is
        // answered cannot grow the queue.
        hold(net::protocol::errorReply(
            request->id,
            Error::make(ErrorCode::ServerBusy, u"Too many requests are waiting; send fewer at a time."_s)));
        return;
    }
    Item item;
    item.request = std::move(*request);
    m_waiting.append(std::move(item));
    next();
}

void ClientConnection::onBinary()
{
    m_lastHeard.restart();
    if (m_closing)
        return;
    hold(net::protocol::errorReply(QString(),
                                   Error::make(ErrorCode::BadRequest,
                                               u"Binary frames are not part of the protocol; send JSON "
                                               "text frames."_s)));
}

void ClientConnection::hold(QByteArray reply)
{
    if (m_held >= MaxHeldReplies) {
        // What it cost is small, but a client that keeps sending while its requests are refused
        // would still grow it without end.
        qCInfo(lcConnection) << "closing" << m_peerAddress << ": too many requests at once," << m_held
                             << "refusals waiting";
        close(QWebSocketProtocol::CloseCodePolicyViolated, u"too many requests at once"_s);
        return;
    }
    ++m_held;
    Item item;
    item.reply = std::move(reply);
    m_waiting.append(std::move(item));
    next();
}

void ClientConnection::next()
{
    while (!m_waiting.isEmpty() && !m_closing) {
        const Item &first = m_waiting.constFirst();
        const bool pipelined = first.request && m_pipelined.contains(first.request->type);
        if (first.request && (m_exclusive || (m_handling > 0 && !pipelined)))
            return; // its turn comes when the requests before it are answered
        Item item = m_waiting.takeFirst();
        const quint64 slot = m_firstSlot + quint64(m_replies.size());
        m_replies.append(Slot { .ready = false, .held = !item.request, .reply = {} });
        if (!item.request) {
            answer(slot, std::move(item.reply));
            continue;
        }
        ++m_handling;
        m_exclusive = !pipelined;
        QPointer<ClientConnection> self(this);
        m_handler(*this, *item.request, [self, slot](QByteArray reply) {
            if (ClientConnection *connection = self.data())
                connection->handled(slot, std::move(reply));
            // else the client left while its request was handled
        });
    }
}

void ClientConnection::handled(quint64 slot, QByteArray reply)
{
    if (m_closing)
        return;
    if (--m_handling == 0)
        m_exclusive = false;
    answer(slot, std::move(reply));
    // From the event loop: a handler that answered at once does not recurse here.
    QMetaObject::invokeMethod(this, &ClientConnection::next, Qt::QueuedConnection);
}

void ClientConnection::answer(quint64 slot, QByteArray reply)
{
    Slot &answered = m_replies[qsizetype(slot - m_firstSlot)];
    answered.ready = true;
    answered.reply = std::move(reply);
    while (!m_replies.isEmpty() && m_replies.constFirst().ready) {
        const Slot written = m_replies.takeFirst();
        if (written.held)
            --m_held;
        ++m_firstSlot;
        write(written.reply);
    }
}

void ClientConnection::send(const QByteArray &frame)
{
    write(frame);
}

void ClientConnection::write(const QByteArray &frame)
{
    if (m_closing)
        return;
    if (net::protocol::isBinaryFrame(frame))
        m_socket->sendBinaryMessage(frame);
    else
        m_socket->sendTextMessage(QString::fromUtf8(frame));
    checkUnread();
}

void ClientConnection::checkUnread()
{
    if (m_closing)
        return;
    // A client that does not read lets frames (replies, pushes, pongs) pile up here. A burst
    // larger than the limit — a large reply — is allowed as long as the client reads it within
    // the grace; what stays over the limit longer, or goes past the hard limit at all, closes
    // the connection rather than grow the server's memory. What it missed stays on the server.
    const qint64 unread = m_socket->bytesToWrite();
    if (unread > HardQueueFactor * m_limits.maxQueuedBytes) {
        qCInfo(lcConnection) << "closing" << m_peerAddress << ": reads too slowly," << unread
                             << "bytes waiting, past the hard limit";
        close(QWebSocketProtocol::CloseCodePolicyViolated, u"reading too slowly"_s);
    } else if (unread > m_limits.maxQueuedBytes) {
        if (!m_slowReader.isActive()) {
            qCDebug(lcConnection) << m_peerAddress << "leaves" << unread << "bytes unread, over the limit";
            m_slowReader.start();
        }
    } else if (m_slowReader.isActive()) {
        qCDebug(lcConnection) << m_peerAddress << "caught up," << unread << "bytes unread";
        m_slowReader.stop();
    }
}

void ClientConnection::onSlowReader()
{
    // Over the limit since the timer started: each time the client caught up, it was stopped.
    const qint64 unread = m_socket->bytesToWrite();
    if (m_closing || unread <= m_limits.maxQueuedBytes)
        return;
    qCInfo(lcConnection) << "closing" << m_peerAddress << ": reads too slowly," << unread << "bytes waiting for"
                         << m_slowReader.intervalAsDuration().count() << "ms";
    close(QWebSocketProtocol::CloseCodePolicyViolated, u"reading too slowly"_s);
}

void ClientConnection::close(QWebSocketProtocol::CloseCode code, const QString &reason)
{
    if (m_closing)
        return;
    m_closing = true;
    stopTimers();
    m_waiting.clear();
    m_replies.clear();
    m_held = 0;
    m_socket->close(code, reason);
    // A peer that never answers the close frame is let go after a while.
    QTimer::singleShot(std::chrono::seconds(5), this, [this] {
        if (m_socket->state() != QAbstractSocket::UnconnectedState)
            m_socket->abort();
    });
}

void ClientConnection::stopTimers()
{
    m_pingTimer.stop();
    m_slowReader.stop();
    m_loginDeadline.stop();
    m_sessionExpiry.stop();
}

void ClientConnection::onPingTimer()
{
    // Two intervals without a word or a pong: the client is gone without saying so.
    if (m_lastHeard.elapsed() > 2 * qint64(m_limits.pingSeconds) * 1000) {
        qCInfo(lcConnection) << "closing" << m_peerAddress << ": no answer to pings";
        close(QWebSocketProtocol::CloseCodeGoingAway, u"no answer to pings"_s);
        return;
    }
    m_socket->ping();
}

void ClientConnection::onDisconnected()
{
    qCInfo(lcConnection) << "disconnected:" << m_peerAddress << "close code" << m_socket->closeCode();
    m_closing = true;
    stopTimers();
    m_waiting.clear();
    m_replies.clear();
    m_held = 0;
    Q_EMIT closed(this);
    deleteLater();
}

} // namespace rentdesk::server
