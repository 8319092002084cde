// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QObject>
#include <QPointer>
#include <QTcpServer>
#include <QTcpSocket>
#include <QUrl>

#include <memory>
#include <vector>

namespace rentdesk::test {

// A TCP relay on loopback between a WebSocket client and a server that, once the client has
// sent its n-th text message containing a given string, stops passing the server's bytes to
// the client: the request reaches the server and is carried out, and its reply is held back.
// A test then knows the moment to kill the client: after sending, before the acknowledgement.
// It reads the client's frames (RFC 6455: masked, possibly split across reads) to find the
// text; the server's bytes it only counts and holds.
class HoldingProxy final : public QObject
{
    Q_OBJECT

public:
    explicit HoldingProxy(QUrl server, QObject *parent = nullptr);
    ~HoldingProxy() override;

    [[nodiscard]] bool listen();
    [[nodiscard]] QUrl url() const;
    // Holds the server's bytes from the n-th client message that contains `text` (1: the first).
    void holdAfter(const QByteArray &text, int occurrence);
    [[nodiscard]] bool holding() const { return m_holding; }
    // Bytes the server wrote since the hold began (the reply has come when this grows).
    [[nodiscard]] qint64 heldBytes() const { return m_held; }

Q_SIGNALS:
    void held();

private:
    struct Pair
    {
        QPointer<QTcpSocket> client;
        QPointer<QTcpSocket> server;
        QByteArray fromClient; // not yet parsed into frames
    };
    void accept();
    void scan(Pair &pair);

    QUrl m_server;
    QTcpServer m_listener;
    std::vector<std::unique_ptr<Pair>> m_pairs;
    QByteArray m_text;
    int m_left = 0;
    bool m_holding = false;
    qint64 m_held = 0;
};

} // namespace rentdesk::test
