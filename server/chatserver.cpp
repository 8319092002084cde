// SPDX-License-Identifier: GPL-3.0-or-later
#include "server/chatserver.h"

#include "server/clientconnection.h"
#include "server/router.h"

#include <QFile>
#include <QLoggingCategory>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QSslKey>
#include <QTimer>
#include <QWebSocket>

#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/socket.h>

namespace rentdesk::server {

using namespace Qt::StringLiterals;

Q_LOGGING_CATEGORY(lcServer, "rentdesk.server", QtInfoMsg)

ChatServer::ChatServer(const ServerConfig &config, Router &router, QObject *parent)
    : QObject(parent)
    , m_config(config)
    , m_router(router)
    , m_server(u"rentdesk-server"_s,
               config.tlsCertificate.isEmpty() ? QWebSocketServer::NonSecureMode : QWebSocketServer::SecureMode)
{
    m_limits.maxMessageBytes = config.maxMessageBytes;
    m_limits.maxChatChars = config.maxChatChars;
    m_limits.pingSeconds = config.pingSeconds;
    m_limits.maxQueuedBytes = config.maxQueuedBytes;
    m_server.setHandshakeTimeout(std::chrono::seconds(10));
    connect(&m_server, &QWebSocketServer::newConnection, this, &ChatServer::onNewConnection);
    connect(&m_server, &QWebSocketServer::sslErrors, this, [](const QList<QSslError> &errors) {
        for (const QSslError &error : errors)
            qCInfo(lcServer) << "TLS handshake with a client failed:" << error.errorString();
    });
}

ChatServer::~ChatServer() = default;

std::expected<quint16, QString> ChatServer::listen()
{
    if (!m_config.tlsCertificate.isEmpty()) {
        QFile certificateFile(m_config.tlsCertificate);
        QFile keyFile(m_config.tlsKey);
        if (!certificateFile.open(QIODevice::ReadOnly))
            return std::unexpected(
                u"the certificate %1 cannot be read: %2"_s.arg(m_config.tlsCertificate, certificateFile.errorString()));
        if (!keyFile.open(QIODevice::ReadOnly))
            return std::unexpected(u"the key %1 cannot be read: %2"_s.arg(m_config.tlsKey, keyFile.errorString()));
        const QList<QSslCertificate> chain = QSslCertificate::fromData(certificateFile.readAll(), QSsl::Pem);
        const QByteArray keyBytes = keyFile.readAll();
        QSslKey key(keyBytes, QSsl::Ec, QSsl::Pem);
        if (key.isNull())
            key = QSslKey(keyBytes, QSsl::Rsa, QSsl::Pem);
        if (chain.isEmpty())
            return std::unexpected(u"%1 holds no PEM certificate"_s.arg(m_config.tlsCertificate));
        if (key.isNull())
            return std::unexpected(u"%1 holds no PEM private key (EC or RSA)"_s.arg(m_config.tlsKey));
        QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
        tls.setLocalCertificateChain(chain);
        tls.setPrivateKey(key);
        tls.setProtocol(QSsl::TlsV1_2OrLater);
        m_server.setSslConfiguration(tls);
    }
    if (!m_server.listen(m_config.listenAddress, m_config.listenPort))
        return std::unexpected(u"cannot listen on %1:%2: %3"_s.arg(m_config.listenAddress.toString())
                                   .arg(m_config.listenPort)
                                   .arg(m_server.errorString()));
    // Replies and pushes are small frames, each written as soon as it is ready; with Nagle's
    // algorithm a frame waits behind the client's delayed ACK of the one before (a chat
    // message took 20 ms instead of 0.7 at 50 a second per client). QWebSocketServer gives no
    // access to the sockets it accepts, but on Linux an accepted socket inherits TCP_NODELAY
    // from the listening one.
    const int noDelay = 1;
    if (::setsockopt(int(m_server.socketDescriptor()), IPPROTO_TCP, TCP_NODELAY, &noDelay, sizeof noDelay) != 0)
        qCWarning(lcServer) << "cannot turn Nagle's algorithm off; replies may wait for the clients' ACKs";
    return m_server.serverPort();
}

QString ChatServer::url() const
{
    const QHostAddress address = m_server.serverAddress();
    const QString host =
        address.protocol() == QAbstractSocket::IPv6Protocol ? u'[' + address.toString() + u']' : address.toString();
    return (m_config.tlsCertificate.isEmpty() ? u"ws://"_s : u"wss://"_s) + host + u':'
        + QString::number(m_server.serverPort()) + u'/';
}

void ChatServer::onNewConnection()
{
    while (QWebSocket *socket = m_server.nextPendingConnection()) {
        if (m_shuttingDown) {
            socket->close(QWebSocketProtocol::CloseCodeGoingAway, u"server shutting down"_s);
            socket->deleteLater();
            continue;
        }
        auto *connection = new ClientConnection(
            socket, m_limits,
            [this](ClientConnection &c, const net::protocol::Request &request, std::function<void(QByteArray)> done) {
                m_router.handle(c, request, std::move(done));
            },
            this);
        connection->setPipelined(Router::pipelinedRequests());
        m_connections.insert(connection);
        connect(connection, &ClientConnection::closed, this, &ChatServer::onClosed);
    }
}

void ChatServer::onClosed(ClientConnection *connection)
{
    m_router.forget(connection);
    m_connections.remove(connection);
    if (m_shuttingDown && m_connections.isEmpty())
        Q_EMIT finished();
}

void ChatServer::shutdown()
{
    if (m_shuttingDown)
        return;
    m_shuttingDown = true;
    m_server.close();
    // The sends already read are committed and answered before the goodbyes.
    m_router.commitSends();
    qCInfo(lcServer) << "shutting down," << m_connections.size() << "connections open";
    if (m_connections.isEmpty()) {
        QMetaObject::invokeMethod(this, &ChatServer::finished, Qt::QueuedConnection);
        return;
    }
    const QSet<ClientConnection *> open = m_connections;
    for (ClientConnection *connection : open)
        connection->close(QWebSocketProtocol::CloseCodeGoingAway, u"server shutting down"_s);
    // Clients that do not answer the close frame are not waited for long.
    QTimer::singleShot(std::chrono::seconds(6), this, [this] {
        if (!m_connections.isEmpty())
            Q_EMIT finished();
    });
}

} // namespace rentdesk::server
