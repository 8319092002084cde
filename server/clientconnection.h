// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "net/protocol/message.h"
#include "net/protocol/protocol.h"

#include <QDeadlineTimer>
#include <QElapsedTimer>
#include <QList>
#include <QObject>
#include <QSet>
#include <QTimer>
#include <QUuid>
#include <QWebSocketProtocol>

#include <chrono>
#include <functional>
#include <optional>

class QTcpSocket;
class QHostAddress;
class QWebSocket;

namespace rentdesk::server {

// One client's WebSocket: the frames it sends become requests handled one at a time, in
// order, so that a reply never overtakes an earlier one (a login hashed on a worker thread
// holds the requests after it). The one exception are pipelined requests (chat.send): a run
// of them is handed over without waiting for the replies, which are still written in the
// order of the requests; anything else waits until they are answered. What it may send is
// bounded (frame and message size, the requests waiting, the refusals waiting for their turn,
// what it leaves unread — the server's pongs included — and for how long); a silent client
// is pinged and closed when it stays silent, and one without a session is closed after a
// deadline. It knows who is logged in on it; what a request means is the Router's.
class ClientConnection final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ClientConnection)

public:
    // Answers one request: calls done with the reply frame exactly once, now or later.
    using Handler =
        std::function<void(ClientConnection &, const net::protocol::Request &, std::function<void(QByteArray)> done)>;

    // What a connection enforces beyond the limits that hello announces (docs/protocol.md,
    // Transport).
    struct Policy
    {
        // More than Limits::maxQueuedBytes left unread for longer than this closes the connection.
        std::chrono::milliseconds slowReaderGrace = std::chrono::seconds(10);
        // No session for this long (from the opening, or from a log-out) closes the connection.
        std::chrono::milliseconds loginDeadline = std::chrono::seconds(60);
    };

    // Takes the socket (as a child). `transport` is the TCP socket under it, when it can be
    // found (ChatServer): its arrivals are where the pongs that QWebSocket writes by itself
    // show up in bytesToWrite(). Without it those are noticed only at the next frame written.
    ClientConnection(QWebSocket *socket, QTcpSocket *transport, const net::protocol::Limits &limits,
                     const Policy &policy, Handler handler, QObject *parent = nullptr);
    ~ClientConnection() override;

    // A push or anything unasked; closes the connection when the client reads too slowly.
    void send(const QByteArray &frame);
    void close(QWebSocketProtocol::CloseCode code, const QString &reason);
    [[nodiscard]] bool isOpen() const { return !m_closing; }

    [[nodiscard]] QString peerAddress() const { return m_peerAddress; }
    // The key the per-address limits count by (addressKey() of the peer's address).
    [[nodiscard]] QString addressKey() const { return m_addressKey; }
    // An IPv4 address (also when it comes mapped into IPv6), or an IPv6 /64, which is what one
    // subscriber usually gets.
    [[nodiscard]] static QString addressKey(const QHostAddress &address);
    [[nodiscard]] bool helloDone() const { return m_helloDone; }
    // The protocol version agreed in hello (0 before it): version 1 clients get chat only.
    [[nodiscard]] int version() const { return m_version; }
    void setHelloDone(int version)
    {
        m_helloDone = true;
        m_version = version;
    }
    [[nodiscard]] std::optional<QUuid> user() const { return m_user; }
    [[nodiscard]] QString token() const { return m_token; }
    // SessionService::tokenHash() of the token, made once: how a session is named between
    // servers, which are never sent the token itself.
    [[nodiscard]] QString tokenHash() const { return m_tokenHash; }
    // The session in force on this connection, until `lifetime` from now: then
    // sessionExpired() (the Router ends it and tells the client).
    void setSession(const QUuid &user, const QString &token, std::chrono::milliseconds lifetime);
    void clearSession();
    // Request types that may be handed over while earlier ones of these types are being
    // handled (the handler keeps their order).
    void setPipelined(QSet<QString> types) { m_pipelined = std::move(types); }

    // How many requests may wait behind the one being handled (or, pipelined, be handled and
    // wait for the replies before theirs) before more are refused (server_busy, in their turn).
    static constexpr int MaxWaitingRequests = 64;
    // How many ready-made replies (server_busy, bad_json, binary frames) may wait for the
    // replies before them; one more closes the connection (1008). Each holds a reply of a few
    // hundred bytes, never the request.
    static constexpr int MaxHeldReplies = 1024;
    // Unread bytes past this many times Limits::maxQueuedBytes close the connection at once,
    // without the grace of Policy::slowReaderGrace, so that memory stays bounded.
    static constexpr int HardQueueFactor = 4;

Q_SIGNALS:
    // The socket is gone; the object is deleted later.
    void closed(rentdesk::server::ClientConnection *connection);
    // The session set with setSession() reached its end while the connection was open.
    void sessionExpired(rentdesk::server::ClientConnection *connection);

private:
    void onText(const QString &text);
    void onBinary();
    void onDisconnected();
    void onPingTimer();
    void armSessionExpiry();
    // A reply made without the Handler waits its turn behind the requests before it.
    void hold(QByteArray reply);
    // Requests waiting or being handled whose replies are not written yet.
    [[nodiscard]] qsizetype requestsHeld() const { return m_waiting.size() + m_replies.size() - m_held; }
    // Looks at what the client left unread: starts or stops the grace, or closes past the hard
    // limit.
    void checkUnread();
    void onSlowReader();
    void stopTimers();
    void next();
    // The handler answered the request in slot `slot`.
    void handled(quint64 slot, QByteArray reply);
    // The reply to the request in slot `slot` is there: writes it, and every reply after it
    // that was waiting for it.
    void answer(quint64 slot, QByteArray reply);
    void write(const QByteArray &frame);

    QWebSocket *m_socket;
    net::protocol::Limits m_limits;
    Policy m_policy;
    Handler m_handler;
    QString m_peerAddress;
    QString m_addressKey;
    // A request to handle, or the reply to a frame that could not be read (bad JSON), which
    // waits its turn like any other so that replies keep the order of the frames.
    struct Item
    {
        std::optional<net::protocol::Request> request;
        QByteArray reply;
    };
    QList<Item> m_waiting;
    // The replies of the requests handed over, in their order, from slot m_firstSlot on; a
    // reply is written once every one before it has been.
    struct Slot
    {
        bool ready = false;
        bool held = false; // a reply made without the Handler: counted in m_held
        QByteArray reply;
    };
    QList<Slot> m_replies;
    quint64 m_firstSlot = 0;
    int m_held = 0; // items without a request, in m_waiting and in m_replies
    int m_handling = 0; // requests handed over and not answered
    bool m_exclusive = false; // the one being handled is not pipelined
    QSet<QString> m_pipelined;
    bool m_closing = false;
    bool m_helloDone = false;
    int m_version = 0;
    std::optional<QUuid> m_user;
    QString m_token;
    QString m_tokenHash;
    QTimer m_pingTimer;
    QElapsedTimer m_lastHeard;
    // Runs while more than maxQueuedBytes are unread; stopped as soon as the client catches up.
    QTimer m_slowReader;
    // Runs while the connection has no session.
    QTimer m_loginDeadline;
    // The session's end, by the monotonic clock; the timer wakes at most a day ahead (a
    // QTimer's interval is an int of milliseconds) and looks again.
    QTimer m_sessionExpiry;
    QDeadlineTimer m_sessionEnds;
};

} // namespace rentdesk::server
