// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "net/protocol/protocol.h"
#include "server/serverconfig.h"

#include <QObject>
#include <QSet>
#include <QWebSocketServer>

#include <expected>

namespace rentdesk::server {

class ClientConnection;
class Router;

// The WebSocket endpoint: listens (ws://, or wss:// with a certificate), makes a
// ClientConnection of each client with the protocol's limits, hands its requests to the
// Router, and at shutdown says goodbye to everyone (close 1001) and waits, bounded, for them
// to go.
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
    // Stops taking connections and closes the open ones; finished() follows.
    void shutdown();

Q_SIGNALS:
    void finished();

private:
    void onNewConnection();
    void onClosed(ClientConnection *connection);

    ServerConfig m_config;
    Router &m_router;
    net::protocol::Limits m_limits;
    QWebSocketServer m_server;
    QSet<ClientConnection *> m_connections;
    bool m_shuttingDown = false;
};

} // namespace rentdesk::server
