// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDeadlineTimer>
#include <QFile>
#include <QHostAddress>
#include <QProcess>
#include <QRegularExpression>
#include <QSet>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QUrl>

#include <functional>

namespace rentdesk::test {

// A real HTTP server on loopback: Debian's Python (`python3 -m http.server`) serving a
// temporary folder, on a port it chose. It answers If-Modified-Since with 304 as a web server does.
class FolderHttpServer final
{
public:
    FolderHttpServer()
    {
        m_process.setProgram(QStringLiteral("/usr/bin/python3"));
        m_process.setArguments({ QStringLiteral("-u"), QStringLiteral("-m"), QStringLiteral("http.server"),
                                 QStringLiteral("0"), QStringLiteral("--bind"), QStringLiteral("127.0.0.1"),
                                 QStringLiteral("--directory"), m_dir.path() });
        m_process.start();
        QString out;
        static const QRegularExpression port(QStringLiteral("port (\\d+)"));
        for (QDeadlineTimer deadline(15000); !deadline.hasExpired() && m_port == 0;) {
            if (!m_process.waitForReadyRead(200) && m_process.state() == QProcess::NotRunning)
                break;
            out += QString::fromUtf8(m_process.readAllStandardOutput());
            if (const auto match = port.match(out); match.hasMatch())
                m_port = match.captured(1).toInt();
        }
    }
    ~FolderHttpServer()
    {
        m_process.kill();
        m_process.waitForFinished(5000);
    }
    Q_DISABLE_COPY_MOVE(FolderHttpServer)

    [[nodiscard]] bool isRunning() const { return m_port != 0; }
    [[nodiscard]] QUrl url(const QString &file) const
    {
        return QUrl(QStringLiteral("http://127.0.0.1:%1/%2").arg(m_port).arg(file));
    }
    // Writes a file to serve, with a modification time `age` seconds ago (so that a later
    // write is newer by whole seconds, which Last-Modified counts).
    bool write(const QString &file, const QByteArray &data, int secondsAgo = 0)
    {
        QFile out(m_dir.filePath(file));
        if (!out.open(QIODevice::WriteOnly) || out.write(data) != data.size())
            return false;
        out.close();
        if (!out.open(QIODevice::ReadWrite))
            return false;
        return out.setFileTime(QDateTime::currentDateTimeUtc().addSecs(-secondsAgo), QFileDevice::FileModificationTime);
    }

private:
    QTemporaryDir m_dir;
    QProcess m_process;
    int m_port = 0;
};

// Our own HTTP server on loopback, for what a real one will not do: each request (its head, as
// text) is answered by `respond`, which writes to the socket what it likes, or nothing.
class FaultHttpServer final
{
public:
    using Responder = std::function<void(QTcpSocket *socket, const QString &request)>;

    explicit FaultHttpServer(Responder respond)
        : m_respond(std::move(respond))
    {
        QObject::connect(&m_server, &QTcpServer::newConnection, &m_server, [this] {
            while (QTcpSocket *socket = m_server.nextPendingConnection()) {
                // Forgotten when it goes, as a new socket may get its address.
                QObject::connect(socket, &QTcpSocket::disconnected, socket, [this, socket] {
                    m_heads.remove(socket);
                    m_answered.remove(socket);
                    socket->deleteLater();
                });
                QObject::connect(socket, &QTcpSocket::readyRead, socket, [this, socket] {
                    QByteArray &head = m_heads[socket];
                    head += socket->readAll();
                    if (!head.contains("\r\n\r\n") || m_answered.contains(socket))
                        return;
                    m_answered.insert(socket);
                    m_requests.append(QString::fromLatin1(head));
                    m_respond(socket, QString::fromLatin1(head));
                });
            }
        });
        m_server.listen(QHostAddress::LocalHost);
    }
    ~FaultHttpServer()
    {
        // The sockets go with the server, after the members their handlers use.
        for (QTcpSocket *socket : m_server.findChildren<QTcpSocket *>())
            QObject::disconnect(socket, nullptr, nullptr, nullptr);
    }
    Q_DISABLE_COPY_MOVE(FaultHttpServer)

    [[nodiscard]] bool isListening() const { return m_server.isListening(); }
    [[nodiscard]] QUrl url(const QString &path = QStringLiteral("/calendar.ics")) const
    {
        return QUrl(QStringLiteral("http://127.0.0.1:%1%2").arg(m_server.serverPort()).arg(path));
    }
    // The heads of the requests answered, in order.
    [[nodiscard]] const QStringList &requests() const { return m_requests; }

private:
    QTcpServer m_server;
    Responder m_respond;
    QHash<QTcpSocket *, QByteArray> m_heads;
    QSet<QTcpSocket *> m_answered;
    QStringList m_requests;
};

} // namespace rentdesk::test
