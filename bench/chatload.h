// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "net/protocol/message.h"

#include <QJsonObject>
#include <QObject>
#include <QString>
#include <QUrl>
#include <QUuid>
#include <QWebSocket>

#include <functional>
#include <memory>
#include <vector>

namespace rentdesk::bench {

// When one message was sent, acknowledged to its sender and pushed to its recipient, in
// nowNs() (0: not yet).
struct MessageTimes
{
    qint64 sent = 0;
    qint64 acked = 0;
    qint64 pushed = 0;
};

class ChatLoad;

// One person of the benchmark: a WebSocket that speaks protocol v1 through net/protocol, with
// requests answered by callback (setting up) and chat.send replies and chat.message pushes
// handed straight to its ChatLoad (the measured part).
class BenchClient final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(BenchClient)

public:
    using Callback = std::function<void(const net::protocol::Incoming &)>;

    BenchClient(ChatLoad &load, int index, QObject *parent = nullptr);
    ~BenchClient() override;

    void open(const QUrl &url);
    void call(const QString &type, const QJsonObject &body, Callback done);
    // chat.send of the load's message `number` into this client's conversation.
    void sendMessage(qint64 number, const QUuid &messageId);
    void flush() { m_socket.flush(); }

    [[nodiscard]] bool isConnected() const { return m_connected; }
    [[nodiscard]] int index() const { return m_index; }
    [[nodiscard]] QString email() const;

    QString conversationId;
    int outstanding = 0; // chat.send requests not answered yet

private:
    void onText(const QString &text);

    ChatLoad &m_load;
    int m_index;
    QWebSocket m_socket;
    bool m_connected = false;
    int m_nextId = 1;
    QHash<QString, Callback> m_waiting;
};

// A group of client pairs (client 2k talks with 2k+1) on one thread: sets them up, then runs
// the two measured phases and keeps every message's times. Several groups may run on
// threads of their own when one thread cannot keep up; each only touches its own clients.
class ChatLoad final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ChatLoad)

public:
    // Clients firstIndex … firstIndex + count - 1 (count even) of the whole benchmark.
    ChatLoad(int group, int firstIndex, int count, QObject *parent = nullptr);
    ~ChatLoad() override;

    // Connects, says hello, signs up and logs in every client and starts the conversations;
    // false with problem() when something failed or took more than timeoutMs. With several
    // servers (on one database) client i connects to servers[i % n]: with two, the two of every
    // pair are on different servers.
    bool setUp(const QList<QUrl> &servers, int timeoutMs);

    // Until deadlineNs every client keeps `window` chat.send requests outstanding; then waits
    // (bounded) for the last acks and pushes.
    void runThroughput(qint64 startNs, qint64 deadlineNs, int window);
    // `total` messages at `perSecond`, spread over the clients in turn, from startNs.
    void runLatency(qint64 startNs, double perSecond, qint64 total);

    // Messages of the last phase both acknowledged and pushed at or before deadlineNs.
    [[nodiscard]] qint64 relayedBy(qint64 deadlineNs) const;
    [[nodiscard]] const std::vector<MessageTimes> &messages() const { return m_messages; }
    [[nodiscard]] qint64 errors() const { return m_errors; }
    [[nodiscard]] QString problem() const { return m_problem; }
    // CPU time of this group's thread during the last phase, in seconds.
    [[nodiscard]] double threadCpuSeconds() const { return m_threadCpu; }

    // From the clients.
    void acknowledged(BenchClient &client, qint64 number, const net::protocol::Incoming &reply);
    void pushed(const QJsonObject &message);

private:
    enum class Phase { Idle, Throughput, Latency };

    void beginPhase(Phase phase);
    void send(BenchClient &client);
    [[nodiscard]] bool settled() const;

    int m_group;
    std::vector<std::unique_ptr<BenchClient>> m_clients;
    std::vector<MessageTimes> m_messages;
    QUuid m_idTemplate;
    Phase m_phase = Phase::Idle;
    qint64 m_deadline = 0;
    int m_window = 0;
    qint64 m_acked = 0;
    qint64 m_pushed = 0;
    qint64 m_errors = 0;
    double m_threadCpu = 0;
    QString m_problem;
};

} // namespace rentdesk::bench
