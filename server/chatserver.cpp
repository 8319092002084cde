// SPDX-License-Identifier: GPL-3.0-or-later
#include "server/chatserver.h"

#include "server/clientconnection.h"
#include "server/router.h"

#include <QFile>
#include <QLoggingCategory>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QSslKey>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTimer>
#include <QWebSocket>

#include <algorithm>
#include <dirent.h>
#include <fcntl.h>
#include <limits>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <unistd.h>

namespace rentdesk::server {

using namespace Qt::StringLiterals;

Q_LOGGING_CATEGORY(lcServer, "rentdesk.server", QtInfoMsg)

namespace {

rlim_t descriptorLimit()
{
    rlimit limit {};
    if (::getrlimit(RLIMIT_NOFILE, &limit) != 0)
        return RLIM_INFINITY;
    return limit.rlim_cur;
}

// Whether an accept would leave ChatServer::ReservedDescriptors free: Linux hands out the
// lowest free descriptor, so all below the one a probe gets are in use. Cheap enough for
// every accept. The probe opens a file, as an accept does, so that it also fails when the
// whole system is out of them (ENFILE).
bool descriptorsLeft()
{
    const rlim_t limit = descriptorLimit();
    const int probe = ::open("/dev/null", O_RDONLY | O_CLOEXEC);
    if (probe < 0)
        return false;
    ::close(probe);
    return limit == RLIM_INFINITY || rlim_t(probe) + ChatServer::ReservedDescriptors < limit;
}

// How many more descriptors this process may open: the limit less those open (Linux's
// /proc/self/fd). It reads one entry per descriptor, so it is asked only while paused.
qint64 freeDescriptors()
{
    const rlim_t limit = descriptorLimit();
    if (limit == RLIM_INFINITY)
        return std::numeric_limits<qint64>::max();
    DIR *directory = ::opendir("/proc/self/fd");
    if (!directory)
        return 0; // it needs a descriptor too
    qint64 open = -1; // the directory's own
    while (const dirent *entry = ::readdir(directory)) {
        if (entry->d_name[0] != '.')
            ++open;
    }
    ::closedir(directory);
    return qint64(limit) - open;
}

} // namespace

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
    m_policy.slowReaderGrace = std::chrono::seconds(config.slowReaderSeconds);
    m_policy.loginDeadline = std::chrono::seconds(config.loginDeadlineSeconds);
    m_server.setHandshakeTimeout(std::chrono::seconds(10));
    connect(&m_server, &QWebSocketServer::newConnection, this, &ChatServer::onNewConnection);
    // While accepting is paused, descriptors also come free without a connection of ours
    // closing (a handshake that timed out, the mail sender's socket): look now and then.
    m_descriptorTimer.setInterval(std::chrono::seconds(1));
    connect(&m_descriptorTimer, &QTimer::timeout, this, &ChatServer::checkDescriptors);
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
    // Each client is a descriptor, and the usual soft limit (1024) is far below what the hard
    // one, the operator's, allows.
    rlimit files {};
    if (::getrlimit(RLIMIT_NOFILE, &files) == 0 && files.rlim_cur < files.rlim_max) {
        files.rlim_cur = files.rlim_max;
        if (::setrlimit(RLIMIT_NOFILE, &files) != 0)
            qCWarning(lcServer) << "cannot raise the limit of open files to" << files.rlim_max;
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
    // What a client has not read also waits in the kernel's send buffer, which Linux grows by
    // itself to megabytes per connection (net.ipv4.tcp_wmem), out of sight of maxQueuedBytes.
    // Sized to maxQueuedBytes (the kernel doubles it for its bookkeeping), a slow reader costs
    // a bounded amount there too, and the unread rule sees the backlog early. It still lets
    // maxQueuedBytes be in flight: at a round trip of 100 ms, 10 MB/s per client at the default.
    const int sendBuffer = int(std::min<qint64>(m_config.maxQueuedBytes, std::numeric_limits<int>::max() / 2));
    if (::setsockopt(int(m_server.socketDescriptor()), SOL_SOCKET, SO_SNDBUF, &sendBuffer, sizeof sendBuffer) != 0)
        qCWarning(lcServer) << "cannot size the send buffers; unread replies may wait in the kernel unseen";
    // Qt 6.4's QTcpServer takes EMFILE for a passing error: it neither pauses nor emits
    // acceptError, and polls and fails again at once, for ever. So accepting is paused before
    // the descriptors run out, checked after every accept; the QTcpServer that accepts is
    // QWebSocketServer's child.
    m_tcpServer = m_server.findChild<QTcpServer *>();
    if (m_tcpServer) {
        m_maxPendingConnections = m_tcpServer->maxPendingConnections();
        connect(m_tcpServer, &QTcpServer::newConnection, this, &ChatServer::checkDescriptors);
    } else {
        qCWarning(lcServer) << "cannot watch the accepting socket; descriptors are checked after each handshake";
    }
    qCInfo(lcServer).nospace() << "open files: up to " << qint64(descriptorLimit()) << " (" << ReservedDescriptors
                               << " kept for other than clients)";
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
        const QString key = ClientConnection::addressKey(socket->peerAddress());
        const int fromThere = m_perAddress.value(key);
        if (fromThere >= m_config.maxConnectionsPerAddress) {
            qCInfo(lcServer) << "refusing" << socket->peerAddress().toString() << ":" << fromThere << "connections from"
                             << key << "already";
            // The close frame is written at once (QWebSocket flushes it), before the socket goes.
            socket->close(QWebSocketProtocol::CloseCodePolicyViolated, u"too many connections from this address"_s);
            socket->deleteLater();
            continue;
        }
        QTcpSocket *transport = transportOf(*socket);
        if (!transport && !m_transportWarned) {
            m_transportWarned = true;
            qCWarning(lcServer) << "cannot find the TCP socket under a WebSocket; pongs count against the write "
                                   "limit only when a frame is written";
        }
        auto *connection = new ClientConnection(
            socket, transport, m_limits, m_policy,
            [this](ClientConnection &c, const net::protocol::Request &request, std::function<void(QByteArray)> done) {
                m_router.handle(c, request, std::move(done));
            },
            this);
        connection->setPipelined(Router::pipelinedRequests());
        m_connections.insert(connection, key);
        m_perAddress[key] = fromThere + 1;
        connect(connection, &ClientConnection::closed, this, &ChatServer::onClosed);
    }
    if (!m_tcpServer)
        checkDescriptors();
}

QTcpSocket *ChatServer::transportOf(const QWebSocket &socket) const
{
    if (auto *child = socket.findChild<QTcpSocket *>())
        return child;
    // Qt 6.4 leaves the accepted socket a child of the QTcpServer that accepted it; the peer's
    // address and port tell which one is under this WebSocket.
    if (!m_tcpServer)
        return nullptr;
    const QList<QTcpSocket *> accepted = m_tcpServer->findChildren<QTcpSocket *>(Qt::FindDirectChildrenOnly);
    for (QTcpSocket *candidate : accepted) {
        if (candidate->peerPort() == socket.peerPort() && candidate->peerAddress() == socket.peerAddress())
            return candidate;
    }
    return nullptr;
}

void ChatServer::onClosed(ClientConnection *connection)
{
    m_router.forget(connection);
    const QString key = m_connections.take(connection);
    if (const auto count = m_perAddress.find(key); count != m_perAddress.end() && --count.value() <= 0)
        m_perAddress.erase(count);
    if (m_acceptPaused)
        QMetaObject::invokeMethod(this, &ChatServer::checkDescriptors, Qt::QueuedConnection);
    if (m_shuttingDown && m_connections.isEmpty())
        Q_EMIT finished();
}

void ChatServer::checkDescriptors()
{
    if (m_shuttingDown || !m_server.isListening())
        return;
    if (!m_acceptPaused) {
        if (descriptorsLeft())
            return;
        m_acceptPaused = true;
        m_descriptorTimer.start();
        // Once for the whole stretch, not for every client turned away.
        qCWarning(lcServer).nospace() << "out of file descriptors (limit " << qint64(descriptorLimit())
                                      << "): not accepting connections until some close";
    } else if (const qint64 free = freeDescriptors(); free >= 2 * ReservedDescriptors) {
        // Twice the reserve, so that a single close does not resume for a single accept.
        m_acceptPaused = false;
        m_descriptorTimer.stop();
        qCInfo(lcServer) << "accepting connections again," << free << "file descriptors free";
        if (m_tcpServer)
            m_tcpServer->setMaxPendingConnections(m_maxPendingConnections);
        m_server.resumeAccepting();
        return;
    }
    // pauseAccepting() alone does not stop the accept loop under way (it goes on to the next
    // connection, and fails), and QTcpServer::nextPendingConnection() turns accepting back on:
    // with no room for pending connections the loop stops before accept() and disables itself.
    // Done again at every look while paused.
    if (m_tcpServer)
        m_tcpServer->setMaxPendingConnections(0);
    m_server.pauseAccepting();
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
    const QList<ClientConnection *> open = m_connections.keys();
    for (ClientConnection *connection : open)
        connection->close(QWebSocketProtocol::CloseCodeGoingAway, u"server shutting down"_s);
    // Clients that do not answer the close frame are not waited for long.
    QTimer::singleShot(std::chrono::seconds(6), this, [this] {
        if (!m_connections.isEmpty())
            Q_EMIT finished();
    });
}

} // namespace rentdesk::server
