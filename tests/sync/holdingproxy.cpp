// SPDX-License-Identifier: GPL-3.0-or-later
#include "tests/sync/holdingproxy.h"

#include <QHostAddress>

namespace rentdesk::test {

HoldingProxy::HoldingProxy(QUrl server, QObject *parent)
    : QObject(parent)
    , m_server(std::move(server))
{
    connect(&m_listener, &QTcpServer::newConnection, this, &HoldingProxy::accept);
}

HoldingProxy::~HoldingProxy()
{
    for (const auto &pair : m_pairs) {
        delete pair->client.data();
        delete pair->server.data();
    }
}

bool HoldingProxy::listen()
{
    return m_listener.listen(QHostAddress::LocalHost, 0);
}

QUrl HoldingProxy::url() const
{
    return QUrl(QStringLiteral("ws://127.0.0.1:%1/").arg(m_listener.serverPort()));
}

void HoldingProxy::holdAfter(const QByteArray &text, int occurrence)
{
    m_text = text;
    m_left = occurrence;
}

void HoldingProxy::accept()
{
    while (QTcpSocket *client = m_listener.nextPendingConnection()) {
        auto pair = std::make_unique<Pair>();
        Pair *p = pair.get();
        p->client = client;
        p->server = new QTcpSocket(this);
        client->setParent(this);
        connect(p->server, &QTcpSocket::readyRead, this, [this, p] {
            const QByteArray bytes = p->server->readAll();
            if (m_holding) {
                m_held += bytes.size();
                return;
            }
            if (p->client)
                p->client->write(bytes);
        });
        connect(client, &QTcpSocket::readyRead, this, [this, p] {
            const QByteArray bytes = p->client->readAll();
            p->fromClient += bytes;
            if (p->server)
                p->server->write(bytes);
            scan(*p);
        });
        connect(client, &QTcpSocket::disconnected, p->server, &QTcpSocket::disconnectFromHost);
        connect(p->server, &QTcpSocket::disconnected, client, &QTcpSocket::disconnectFromHost);
        p->server->connectToHost(QHostAddress::LocalHost, quint16(m_server.port()));
        m_pairs.push_back(std::move(pair));
    }
}

void HoldingProxy::scan(Pair &pair)
{
    QByteArray &buffer = pair.fromClient;
    // The HTTP upgrade request comes first: everything up to its blank line.
    if (buffer.startsWith("GET ")) {
        const qsizetype end = buffer.indexOf("\r\n\r\n");
        if (end < 0)
            return;
        buffer.remove(0, end + 4);
    }
    for (;;) {
        if (buffer.size() < 2)
            return;
        const auto *bytes = reinterpret_cast<const uchar *>(buffer.constData());
        const bool masked = bytes[1] & 0x80;
        qint64 length = bytes[1] & 0x7f;
        qsizetype header = 2;
        if (length == 126) {
            if (buffer.size() < 4)
                return;
            length = (qint64(bytes[2]) << 8) | bytes[3];
            header = 4;
        } else if (length == 127) {
            if (buffer.size() < 10)
                return;
            length = 0;
            for (int i = 2; i < 10; ++i)
                length = (length << 8) | bytes[i];
            header = 10;
        }
        const qsizetype keyAt = header;
        if (masked)
            header += 4;
        if (buffer.size() < header + length)
            return;
        QByteArray payload = buffer.mid(header, length);
        if (masked) {
            for (qsizetype i = 0; i < payload.size(); ++i)
                payload[i] = char(payload[i] ^ buffer[keyAt + (i % 4)]);
        }
        buffer.remove(0, header + length);
        if (!m_holding && m_left > 0 && payload.contains(m_text) && --m_left == 0) {
            m_holding = true;
            Q_EMIT held();
        }
    }
}

} // namespace rentdesk::test
