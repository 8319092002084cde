// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/domain/enums.h"
#include "net/protocol/chatjson.h"
#include "net/protocol/protocol.h"

#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QSslConfiguration>
#include <QTimer>
#include <QUrl>
#include <QWebSocket>

#include <chrono>
#include <expected>
#include <functional>
#include <map>
#include <optional>

namespace rentdesk::net::connection {

// Why a request has no result. A caller decides by the kind whether to try again: a refusal
// stands, a request that never went out changed nothing, and one lost on the way may or may
// not have been carried out (which is why every request that changes something is
// idempotent on the server: a chat message by its id, a mutation by its client and id).
struct Failure
{
    enum class Kind {
        Refused, // the server answered with an error: `error` is its own
        ConnectionLost, // sent, but the connection ended before the answer came
        NotSent, // never sent: no session (logged out, ended, stopped), or no server to send it to
    };
    Kind kind = Kind::Refused;
    protocol::Error error; // the server's, or one made here (for logs and unknown codes)
};
// A request's result fields (the reply without `id` and `ok`), or why there are none.
using Reply = std::expected<QJsonObject, Failure>;

// The desktop's one connection to rentdesk-server (docs/protocol.md), shared by the feature
// clients that talk over it (chat now, sync next): the socket, `hello` and the limits it
// announces, the account's session (sign-up, log-in, resume with the token, log-out),
// requests with ids and a reply timeout, pushes handed to whoever subscribed to their type,
// and reconnecting with exponential backoff and jitter while there is a session.
//
// It knows no feature: a feature client sends with request(), which waits while the
// connection is being made and sends once the session is in force, and answers exactly once
// (the reply, the refusal, the connection lost on the way, or not sent); it hears pushes
// through subscribe(), and comings and goings through stateChanged() and sessionEnded().
// Handlers are tied to a context object and are not called once it is gone, nor from inside
// request().
//
// No widgets and no secrets: the app keeps the token in the keyring (signedIn() hands it
// over) and gives it back with setSession().
class ServerConnection final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ServerConnection)

public:
    enum class State {
        Offline, // no connection, and none being made (no server, no session, or stopped)
        Connecting, // opening the socket, signing in, or waiting to try again (reconnecting())
        Online, // hello answered and the session in force: requests go out at once
    };
    Q_ENUM(State)

    struct Backoff
    {
        std::chrono::milliseconds first { 1000 };
        std::chrono::milliseconds longest { 60000 };
    };

    using ReplyHandler = std::function<void(const Reply &reply)>;
    using PushHandler = std::function<void(const QJsonObject &body)>;

    explicit ServerConnection(QObject *parent = nullptr);
    ~ServerConnection() override;

    void setServerUrl(const QUrl &url); // ws:// or wss://
    // wss://, or ws:// to this computer (localhost, 127.0.0.0/8, ::1): a log-in carries the
    // password and every request the token, so ws:// across a network is refused.
    [[nodiscard]] static bool isSecureEnough(const QUrl &url);
    [[nodiscard]] QUrl serverUrl() const { return m_url; }
    // For wss:// to a server whose certificate a private CA signed.
    void setSslConfiguration(const QSslConfiguration &configuration);
    void setBackoff(Backoff backoff) { m_backoff = backoff; }
    // A reply (or the opening handshake) that has not come after this long means the
    // connection is dead: it is dropped and made again.
    void setReplyTimeout(std::chrono::milliseconds timeout) { m_replyTimeout = timeout; }

    // A session from an earlier log-in (the keyring's token and the account it belongs to):
    // connects and resumes.
    void setSession(const QString &token, const protocol::UserJson &user);
    [[nodiscard]] bool hasSession() const { return !m_token.isEmpty(); }
    [[nodiscard]] QString token() const { return m_token; }
    // The account of the session, or of the last one until log-out (a feature's unsent work
    // stays filed under it); null id when there was none.
    [[nodiscard]] protocol::UserJson user() const { return m_user; }

    // Creates an account (it does not log in); signedUp() or signUpFailed().
    void signUp(const QString &email, const QString &displayName, const QString &password, models::domain::Role role,
                models::domain::Language language);
    // Logs in (connecting first when needed); signedIn() or signInFailed(). The password is
    // kept only until the server has answered.
    void logIn(const QString &email, const QString &password);
    // Ends the session on the server (when connected) and here, and stays offline.
    void logOut();

    // Connects now (no-op without a server URL); stop() closes and stays offline until
    // connectToServer() or logIn().
    void connectToServer();
    void stop();
    [[nodiscard]] State state() const { return m_state; }
    // What the server announced in its reply to hello (the protocol's defaults before).
    [[nodiscard]] protocol::Limits limits() const { return m_limits; }
    // The protocol version agreed in hello: 2 (sync) with a current server, 1 with an older one.
    [[nodiscard]] int protocolVersion() const { return m_version; }

    // Sends a request that needs the session: at once when online; while the connection is
    // being made or the log-in is under way it waits, and goes out, in the order asked, as
    // soon as the session is in force. handler is called exactly once, later, unless
    // context (or this connection) is destroyed first: with the result, or the Failure
    // (NotSent when there is no session to wait for, or it ends or is stopped first;
    // ConnectionLost for one sent on a connection that dropped or timed out, of which none is
    // sent again by itself).
    void request(const QString &type, const QJsonObject &body, QObject *context, ReplyHandler handler);
    // The same for a request whose reply carries bytes beside its result (docs/protocol.md,
    // "Binary replies"): asks for them ("binary": true), and hands them over with the result;
    // none with a refusal.
    using BytesReplyHandler = std::function<void(const Reply &reply, const QByteArray &bytes)>;
    void requestBytes(const QString &type, QJsonObject body, QObject *context, BytesReplyHandler handler);
    // Every push of this type goes to handler, until context is destroyed. Several handlers
    // may take the same type; each gets it, in the order they subscribed.
    void subscribe(const QString &type, QObject *context, PushHandler handler);

Q_SIGNALS:
    void stateChanged(rentdesk::net::connection::ServerConnection::State state);
    // Waiting before the next attempt to connect.
    void reconnecting(std::chrono::milliseconds delay);
    void signedUp(const rentdesk::net::protocol::UserJson &user);
    void signUpFailed(const rentdesk::net::protocol::Error &error);
    void signedIn(const rentdesk::net::protocol::UserJson &user, const QString &token);
    void signInFailed(const rentdesk::net::protocol::Error &error);
    // The session is no more (expired, revoked, logged out): log in again.
    void sessionEnded();
    // Something for the log or the status bar: a failed connection, a malformed frame.
    void problem(const QString &message);

private:
    struct Pending
    {
        QString type;
        QJsonObject body; // until it is sent
        QPointer<QObject> context;
        ReplyHandler handler;
        bool needsSession = true; // false for sign-up, which needs only hello
        std::chrono::steady_clock::time_point sentAt {};
        BytesReplyHandler bytesHandler {}; // in place of handler, for requestBytes()
    };

    void setState(State state);
    void open();
    void onConnected();
    void onDisconnected();
    void onFrame(const QByteArray &frame, bool binary);
    // Sends a request now, keeps it until the session is in force, or fails it (request()).
    void enqueue(Pending request);
    void scheduleReconnect();
    void checkReplies();
    // Writes the request now; its handler runs with the answer, or ConnectionLost.
    void transmit(Pending request);
    // Which of the waiting requests: those that need the session, those that need only
    // hello (a sign-up), or both.
    enum class Waiting { ForSession, ForHello, All };
    [[nodiscard]] static bool isOf(const Pending &request, Waiting which);
    // Sends those waiting requests, in the order they were made.
    void sendWaiting(Waiting which);
    // Fails those waiting requests with NotSent.
    void failWaiting(const protocol::Error &error, Waiting which = Waiting::All);
    static void deliver(const Pending &request, const Reply &reply, const QByteArray &bytes = {});
    // Sends an internal request (hello, the account's) whose handler is this object's.
    void call(const QString &type, const QJsonObject &body, std::function<void(const Reply &reply)> handler,
              bool needsSession = false);
    void afterHello();
    void authenticate();
    void becomeOnline();
    // The server no longer knows the session: forget it and stay offline.
    void endSession();
    // A session is in force, or being made (a token to resume, a log-in under way).
    [[nodiscard]] bool expectsSession() const;

    QWebSocket m_socket;
    QUrl m_url;
    Backoff m_backoff;
    std::chrono::milliseconds m_replyTimeout { 30000 };
    QTimer m_reconnectTimer;
    QTimer m_replyTimer;
    int m_failedAttempts = 0;
    bool m_stopped = true;
    bool m_socketOpen = false; // open() called and its disconnect not yet handled
    std::chrono::steady_clock::time_point m_openedAt {};
    bool m_helloDone = false;
    State m_state = State::Offline;
    protocol::Limits m_limits;
    int m_version = protocol::ProtocolVersion;

    QString m_token;
    protocol::UserJson m_user;
    std::optional<std::pair<QString, QString>> m_credentials; // a log-in waiting for the connection
    bool m_loggingIn = false; // a log-in sent and not answered yet

    qint64 m_nextId = 1;
    std::map<qint64, Pending> m_outstanding; // by id, so that failures come in the order sent
    QList<Pending> m_waiting; // asked before the connection was ready

    struct Subscriber
    {
        QString type;
        QPointer<QObject> context;
        PushHandler handler;
    };
    QList<Subscriber> m_subscribers;
};

} // namespace rentdesk::net::connection
