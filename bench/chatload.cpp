// SPDX-License-Identifier: GPL-3.0-or-later
#include "bench/chatload.h"

#include "bench/benchsupport.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QTimer>

#include <ctime>

namespace rentdesk::bench {

using namespace Qt::StringLiterals;

namespace {

const QString Password = u"correct horse battery staple"_s;

double threadCpuNow()
{
    timespec spent {};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &spent);
    return double(spent.tv_sec) + double(spent.tv_nsec) / 1e9;
}

} // namespace

BenchClient::BenchClient(ChatLoad &load, int index, QObject *parent)
    : QObject(parent)
    , m_load(load)
    , m_index(index)
{
    connect(&m_socket, &QWebSocket::connected, this, [this] { m_connected = true; });
    connect(&m_socket, &QWebSocket::disconnected, this, [this] {
        if (m_connected)
            qWarning("client %d: disconnected, close code %d (%s)", m_index, int(m_socket.closeCode()),
                     qPrintable(m_socket.closeReason()));
        m_connected = false;
    });
    connect(&m_socket, &QWebSocket::textMessageReceived, this, &BenchClient::onText);
}

BenchClient::~BenchClient()
{
    // Closing at the end is no news.
    disconnect(&m_socket, nullptr, this, nullptr);
}

void BenchClient::open(const QUrl &url)
{
    m_socket.open(url);
}

QString BenchClient::email() const
{
    return u"client%1@bench.example.org"_s.arg(m_index);
}

void BenchClient::call(const QString &type, const QJsonObject &body, Callback done)
{
    const QString id = QString::number(m_nextId++);
    m_waiting.insert(id, std::move(done));
    m_socket.sendTextMessage(QString::fromUtf8(net::protocol::request(type, id, body)));
}

void BenchClient::sendMessage(qint64 number, const QUuid &messageId)
{
    ++outstanding;
    // The id says which message the reply is for without a lookup: "m" and its number.
    m_socket.sendTextMessage(QString::fromUtf8(net::protocol::request(
        u"chat.send"_s, u"m"_s + QString::number(number),
        { { u"conversationId"_s, conversationId },
          { u"messageId"_s, messageId.toString(QUuid::WithoutBraces) },
          { u"text"_s,
            u"Message %1 from client %2: is the flat on the second floor still free?"_s.arg(number).arg(m_index) } })));
}

void BenchClient::onText(const QString &text)
{
    auto incoming = net::protocol::parseIncoming(text.toUtf8());
    if (!incoming) {
        qWarning("client %d: %s", m_index, qPrintable(incoming.error()));
        return;
    }
    if (incoming->kind == net::protocol::Incoming::Push) {
        if (incoming->type == u"chat.message")
            m_load.pushed(incoming->body.value(u"message"_s).toObject());
        return; // chat.conversation and anything else: not measured
    }
    if (incoming->id.startsWith(u'm')) {
        bool isNumber = false;
        const qint64 number = QStringView(incoming->id).mid(1).toLongLong(&isNumber);
        if (isNumber) {
            --outstanding;
            m_load.acknowledged(*this, number, *incoming);
            return;
        }
    }
    const auto waiting = m_waiting.find(incoming->id);
    if (waiting == m_waiting.end()) {
        qWarning("client %d: a reply to no request (%s)", m_index, qPrintable(incoming->error.message));
        return;
    }
    const Callback done = std::move(waiting.value());
    m_waiting.erase(waiting);
    done(*incoming);
}

ChatLoad::ChatLoad(int group, int firstIndex, int count, QObject *parent)
    : QObject(parent)
    , m_group(group)
    , m_idTemplate(QUuid::createUuid())
{
    for (int i = 0; i < count; ++i)
        m_clients.push_back(std::make_unique<BenchClient>(*this, firstIndex + i));
}

ChatLoad::~ChatLoad() = default;

bool ChatLoad::setUp(const QList<QUrl> &servers, int timeoutMs)
{
    QElapsedTimer elapsed;
    elapsed.start();
    const auto left = [&] {
        return std::max(1, timeoutMs - int(elapsed.elapsed()));
    };
    for (const auto &client : m_clients)
        client->open(servers.at(client->index() % servers.size()));
    if (!waitFor(
            [&] {
                return std::all_of(m_clients.cbegin(), m_clients.cend(),
                                   [](const auto &c) { return c->isConnected(); });
            },
            left())) {
        m_problem = u"not every client could connect"_s;
        return false;
    }

    // hello, signup and login go out together: the server answers them in order.
    int loggedIn = 0;
    const auto refused = [this](const net::protocol::Incoming &reply, const QString &what) {
        if (reply.ok)
            return false;
        if (m_problem.isEmpty())
            m_problem = what + u": "_s + reply.error.code + u" "_s + reply.error.message;
        return true;
    };
    for (const auto &client : m_clients) {
        client->call(u"hello"_s,
                     { { u"version"_s, net::protocol::ProtocolVersion }, { u"client"_s, u"rentdesk-bench"_s } },
                     [refused](const net::protocol::Incoming &reply) { refused(reply, u"hello"_s); });
        client->call(u"signup"_s,
                     { { u"email"_s, client->email() },
                       { u"password"_s, Password },
                       { u"displayName"_s, u"Bench client %1"_s.arg(client->index()) },
                       { u"role"_s, client->index() % 2 ? u"landlord"_s : u"renter"_s },
                       { u"language"_s, u"en"_s } },
                     [refused](const net::protocol::Incoming &reply) { refused(reply, u"signup"_s); });
        client->call(u"login"_s, { { u"email"_s, client->email() }, { u"password"_s, Password } },
                     [&loggedIn, refused](const net::protocol::Incoming &reply) {
                         if (!refused(reply, u"login"_s))
                             ++loggedIn;
                     });
    }
    if (!waitFor([&] { return loggedIn == int(m_clients.size()) || !m_problem.isEmpty(); }, left())) {
        m_problem = u"%1 of %2 clients logged in in time"_s.arg(loggedIn).arg(m_clients.size());
        return false;
    }
    if (!m_problem.isEmpty())
        return false;

    int started = 0;
    for (size_t i = 0; i + 1 < m_clients.size(); i += 2) {
        BenchClient &first = *m_clients[i];
        BenchClient &second = *m_clients[i + 1];
        first.call(u"chat.start"_s, { { u"email"_s, second.email() } },
                   [&, refused](const net::protocol::Incoming &reply) {
                       if (refused(reply, u"chat.start"_s))
                           return;
                       const QString id = reply.body.value(u"conversation"_s).toObject().value(u"id"_s).toString();
                       first.conversationId = id;
                       second.conversationId = id;
                       ++started;
                   });
    }
    if (!waitFor([&] { return 2 * started == int(m_clients.size()) || !m_problem.isEmpty(); }, left())) {
        m_problem = u"the conversations were not started in time"_s;
        return false;
    }
    return m_problem.isEmpty();
}

void ChatLoad::beginPhase(Phase phase)
{
    m_phase = phase;
    m_messages.clear();
    m_acked = 0;
    m_pushed = 0;
    m_errors = 0;
    // New ids for every phase: the template's first field is the message's number.
    m_idTemplate = QUuid::createUuid();
}

void ChatLoad::send(BenchClient &client)
{
    const qint64 number = qint64(m_messages.size());
    QUuid id = m_idTemplate;
    id.data1 = uint(number);
    id.data2 = ushort(m_group);
    m_messages.push_back(MessageTimes { nowNs(), 0, 0 });
    client.sendMessage(number, id);
}

bool ChatLoad::settled() const
{
    return m_acked == qint64(m_messages.size()) && m_pushed + m_errors >= qint64(m_messages.size());
}

void ChatLoad::acknowledged(BenchClient &client, qint64 number, const net::protocol::Incoming &reply)
{
    if (number < 0 || number >= qint64(m_messages.size()))
        return;
    ++m_acked;
    if (!reply.ok) {
        if (m_errors++ == 0)
            qWarning("chat.send refused: %s %s", qPrintable(reply.error.code), qPrintable(reply.error.message));
        return;
    }
    m_messages[size_t(number)].acked = nowNs();
    if (m_phase == Phase::Throughput && client.outstanding < m_window && nowNs() < m_deadline)
        send(client);
}

void ChatLoad::pushed(const QJsonObject &message)
{
    const QUuid id = QUuid::fromString(message.value(u"id"_s).toString());
    if (id.data2 != m_group || qint64(id.data1) >= qint64(m_messages.size()))
        return;
    MessageTimes &times = m_messages[id.data1];
    if (times.pushed == 0) {
        times.pushed = nowNs();
        ++m_pushed;
    }
}

void ChatLoad::runThroughput(qint64 startNs, qint64 deadlineNs, int window)
{
    beginPhase(Phase::Throughput);
    m_deadline = deadlineNs;
    m_window = window;
    waitFor([&] { return nowNs() >= startNs; }, 60000);
    const double cpu = threadCpuNow();
    for (const auto &client : m_clients) {
        for (int i = 0; i < window; ++i)
            send(*client);
    }
    waitFor([&] { return nowNs() >= m_deadline; }, int((m_deadline - nowNs()) / 1000000) + 1000);
    m_threadCpu = threadCpuNow() - cpu;
    m_phase = Phase::Idle;
    waitFor([&] { return settled(); }, 30000);
}

void ChatLoad::runLatency(qint64 startNs, double perSecond, qint64 total)
{
    beginPhase(Phase::Latency);
    m_messages.reserve(size_t(total));
    waitFor([&] { return nowNs() >= startNs; }, 60000);
    const double cpu = threadCpuNow();
    // Each tick sends what is due by now, so that the rate holds whatever the timer's slack.
    QTimer tick;
    tick.setTimerType(Qt::PreciseTimer);
    size_t next = 0;
    QObject::connect(&tick, &QTimer::timeout, this, [&] {
        const qint64 due = std::min(total, qint64(double(nowNs() - startNs) * perSecond / 1e9) + 1);
        while (qint64(m_messages.size()) < due) {
            BenchClient &client = *m_clients[next++ % m_clients.size()];
            send(client);
            client.flush();
        }
        if (qint64(m_messages.size()) == total)
            tick.stop();
    });
    tick.start(1);
    const qint64 durationMs = qint64(double(total) * 1000 / perSecond);
    waitFor([&] { return qint64(m_messages.size()) == total && settled(); }, int(durationMs) + 30000);
    m_threadCpu = threadCpuNow() - cpu;
    m_phase = Phase::Idle;
}

qint64 ChatLoad::relayedBy(qint64 deadlineNs) const
{
    return std::count_if(m_messages.cbegin(), m_messages.cend(), [deadlineNs](const MessageTimes &m) {
        return m.acked != 0 && m.pushed != 0 && std::max(m.acked, m.pushed) <= deadlineNs;
    });
}

} // namespace rentdesk::bench
