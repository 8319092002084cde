// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "net/protocol/protocol.h"
#include "server/clientconnection.h"
#include "server/serverconfig.h"

#include <QHash>
#include <QObject>
#include <QPointer>
#include <QTimer>
#include <QWebSocketServer>

#include <expected>

class QTcpServer;
class QTcpSocket;

namespace rentdesk::server {

class Router;

// The WebSocket endpoint: listens (ws://, or wss:// with a certificate), makes a
// ClientConnection of each client with the protocol's limits, hands its requests to the
// Router, and at shutdown says goodbye to everyone (close 1001) and waits, bounded, for them
// to go. It decides who gets in: at most maxConnectionsPerAddress from one address, and no
// accepting at all while file descriptors run out (Qt's accept loop would spin on EMFILE).
class ChatServer final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ChatServer)

public:
    ChatServer(const ServerConfig &config, Router &router, QObject *parent = nullptr);
    ~ChatServer() override;

    // The port it listens on, or why it cannot (address in use, TLS files that do not load).
    [[nodiscard]] std::expected<quint16, QString> listen();
    [[nodiscard]] QString url() const;
    [[nodiscard]] qsizetype connections() const { return m_connections.size(); }
    // Descriptors kept free for what is not a client (the database, mail, logs): accepting
    // pauses when fewer would be left.
    static constexpr int ReservedDescriptors = 16;
    // Stops taking connections and closes the open ones; finished() follows.
    void shutdown();

Q_SIGNALS:
    void finished();

private:
    void onNewConnection();
    void onClosed(ClientConnection *connection);
    // After each accept and, while paused, now and then: pauses accepting when the descriptors
    // are running out and resumes when there are enough again.
    void checkDescriptors();
    // The TCP socket under a QWebSocket the server accepted, or null when it cannot be found.
    [[nodiscard]] QTcpSocket *transportOf(const QWebSocket &socket) const;

    ServerConfig m_config;
    Router &m_router;
    net::protocol::Limits m_limits;
    ClientConnection::Policy m_policy;
    QWebSocketServer m_server;
    // QWebSocketServer's own, found among its children: it accepts, and it spins on EMFILE.
    QPointer<QTcpServer> m_tcpServer;
    int m_maxPendingConnections = 30;
    // Each connection and the key of its address (addressKey()), and how many each key has.
    QHash<ClientConnection *, QString> m_connections;
    QHash<QString, int> m_perAddress;
    bool m_acceptPaused = false;
    bool m_transportWarned = false;
    QTimer m_descriptorTimer;
    bool m_shuttingDown = false;
};

} // namespace rentdesk::server
