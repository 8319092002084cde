// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QJsonObject>
#include <QObject>
#include <QProcess>
#include <QStringList>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>
#include <QUrl>
#include <QWebSocket>

#include <arpa/inet.h>
#include <functional>
#include <memory>
#include <netinet/in.h>
#include <optional>
#include <sys/socket.h>
#include <unistd.h>

namespace rentdesk::test {

// The real rentdesk-server binary on a free loopback port, with a database in its own
// temporary folder (kept across restart(), so that a test can restart the server in the
// middle of a conversation), or, when the tests run on PostgreSQL, a database of its own in
// the test's cluster (test::serverDatabase()).
class ServerProcess final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ServerProcess)

public:
    explicit ServerProcess(QStringList extraArguments = {}, QObject *parent = nullptr);
    // A second server on the same database as `first` (several servers on one PostgreSQL).
    ServerProcess(const ServerProcess &first, QStringList extraArguments, QObject *parent = nullptr);
    ~ServerProcess() override;

    // Starts it and waits (bounded) for its "listening on" line.
    bool start();
    // SIGTERM and wait; the exit code, or -1 when it did not end by itself.
    int stop();
    bool restart();
    void kill();

    [[nodiscard]] QUrl url() const { return m_url; }
    // Where the calendar feed listens (--feed-listen), as the server printed it; empty without.
    [[nodiscard]] QUrl feedUrl() const { return m_feedUrl; }
    // The SQLite file, or the postgresql:// URL.
    [[nodiscard]] QString databasePath() const { return m_database; }
    [[nodiscard]] QString errorString() const { return m_error; }
    [[nodiscard]] QString standardError() const { return QString::fromUtf8(m_stderr); }
    [[nodiscard]] QString standardOutput() const { return QString::fromUtf8(m_stdout); }
    [[nodiscard]] QProcess &process() { return m_process; }

private:
    QStringList m_extra;
    QTemporaryDir m_dir;
    QString m_database;
    QProcess m_process;
    QUrl m_url;
    QUrl m_feedUrl;
    QString m_error;
    QByteArray m_stdout;
    QByteArray m_stderr;
};

// A protocol client for tests: one QWebSocket, requests with ids it makes up, replies
// awaited by id and pushes collected, all with bounded waits on the event loop.
class TestClient final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TestClient)

public:
    explicit TestClient(QObject *parent = nullptr);

    bool open(const QUrl &url);
    // hello, then signup (when asked) and login; false with lastError.
    bool hello(int version = 1);
    bool signUpAndLogIn(const QString &email, const QString &name, const QString &role = QStringLiteral("renter"));
    bool logIn(const QString &email, const QString &password = QStringLiteral("correct horse battery"));

    // Sends a request and waits for its reply (nullopt: no reply in time).
    std::optional<QJsonObject> call(const QString &type, const QJsonObject &body = {}, int timeoutMs = 10000);
    // Sends raw text as a frame, waits for the next reply.
    std::optional<QJsonObject> callRaw(const QByteArray &frame, int timeoutMs = 10000);
    void sendRaw(const QByteArray &frame);
    void sendBinary(const QByteArray &frame);
    // Waits for a push of that type and takes it.
    std::optional<QJsonObject> waitForPush(const QString &type, int timeoutMs = 10000);
    [[nodiscard]] QList<QJsonObject> pushes() const { return m_pushes; }
    // The replies no call() has taken (those to sendRaw's frames).
    [[nodiscard]] QList<QJsonObject> replies() const { return m_replies; }
    bool waitForClose(int timeoutMs = 10000);

    // resume with a token from an earlier login; false with lastError.
    bool resume(const QString &token);
    // Takes every push of that type received so far, in the order they came.
    QList<QJsonObject> takePushes(const QString &type);
    [[nodiscard]] qsizetype pushCount(const QString &type) const;
    // A round trip (a request of a type no server knows, which every connection answers in
    // any state): when it returns true, every frame the server wrote to this connection
    // before it read the request has arrived, so that a test can say a push did *not* come.
    bool sync(int timeoutMs = 10000);
    // Waits, driven by the frames as they arrive rather than by polling, until condition()
    // holds, the socket closes or the time is up; condition() at the end.
    bool waitUntil(const std::function<bool()> &condition, int timeoutMs = 10000);
    // Waits (as waitUntil) for count replies and takes the first count, in the order they
    // came: for a test that pipelines frames without ids of its own (malformed ones).
    std::optional<QList<QJsonObject>> takeReplies(qsizetype count, int timeoutMs = 10000);
    [[nodiscard]] bool isClosed() const { return m_closed; }

    [[nodiscard]] QWebSocket &socket() { return m_socket; }
    [[nodiscard]] QString token() const { return m_token; }
    [[nodiscard]] QString userId() const { return m_userId; }
    [[nodiscard]] QString lastError() const { return m_lastError; }
    [[nodiscard]] int closeCode() const { return m_closeCode; }

Q_SIGNALS:
    // Any text frame, after it was filed as a reply or a push.
    void frameReceived();

private:
    void onText(const QString &text);

    QWebSocket m_socket;
    int m_nextId = 1;
    QList<QJsonObject> m_replies;
    QList<QJsonObject> m_pushes;
    QString m_token;
    QString m_userId;
    QString m_lastError;
    int m_closeCode = -1;
    bool m_closed = false;
};

// A WebSocket client written by hand on a TCP socket, for what QWebSocket cannot send: text
// frames that are not UTF-8, reserved bits and opcodes, control frames out of shape.
class RawWebSocket final
{
public:
    // receiveBuffer, when given, is the kernel's receive buffer, set before connecting so that
    // the window the client offers is small from the start: a client that does not read then
    // holds up the server after a few KiB rather than after megabytes.
    bool open(const QUrl &url, int receiveBuffer = 0, int timeoutMs = 10000)
    {
        if (receiveBuffer > 0) {
            if (!connectWithReceiveBuffer(url, receiveBuffer))
                return false;
        } else {
            m_socket.connectToHost(url.host(), quint16(url.port()));
            if (!m_socket.waitForConnected(10000))
                return false;
        }
        m_socket.write("GET / HTTP/1.1\r\nHost: " + url.host().toLatin1() + ':' + QByteArray::number(url.port())
                       + "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                         "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n");
        const auto answered = [&] {
            read();
            return m_buffer.contains("\r\n\r\n") || !connected();
        };
        if (!QTest::qWaitFor(answered, timeoutMs))
            return false;
        const qsizetype end = m_buffer.indexOf("\r\n\r\n");
        if (end < 0 || !m_buffer.startsWith("HTTP/1.1 101"))
            return false;
        m_buffer.remove(0, end + 4);
        return true;
    }

    // One frame, masked as a client's must be (Qt's server accepts unmasked ones too).
    static QByteArray frame(quint8 firstByte, const QByteArray &payload)
    {
        QByteArray frame;
        frame.append(char(firstByte));
        if (payload.size() < 126) {
            frame.append(char(0x80 | quint8(payload.size())));
        } else if (payload.size() < 65536) {
            frame.append(char(0x80 | 126));
            frame.append(char((payload.size() >> 8) & 0xff));
            frame.append(char(payload.size() & 0xff));
        } else {
            frame.append(char(0x80 | 127));
            for (int shift = 56; shift >= 0; shift -= 8)
                frame.append(char((quint64(payload.size()) >> shift) & 0xff));
        }
        const QByteArray key("\x12\x34\x56\x78", 4);
        frame.append(key);
        for (qsizetype i = 0; i < payload.size(); ++i)
            frame.append(char(payload.at(i) ^ key.at(i % 4)));
        return frame;
    }
    void sendFrame(quint8 firstByte, const QByteArray &payload) { m_socket.write(frame(firstByte, payload)); }
    void sendText(const QByteArray &payload) { sendFrame(0x81, payload); }
    // Frames made with frame(), in one write: they reach the server together.
    void sendBytes(const QByteArray &frames) { m_socket.write(frames); }
    // Sends a text frame and waits for the next text frame (skipping pings); empty when none came.
    QByteArray call(const QByteArray &payload, int timeoutMs = 30000)
    {
        sendText(payload);
        for (int frames = 0; frames < 100; ++frames) {
            const Frame answer = next(timeoutMs);
            if (answer.opcode == 0x1)
                return answer.payload;
            if (answer.opcode != 0x9)
                return QByteArray();
        }
        return QByteArray();
    }

    struct Frame
    {
        int opcode = -1;
        QByteArray payload;
    };
    // The next frame from the server; opcode -1 when none came in time or the socket closed.
    Frame next(int timeoutMs = 10000)
    {
        Frame frame;
        const auto arrived = [&] {
            read();
            return take(frame) || !connected();
        };
        if (!QTest::qWaitFor(arrived, timeoutMs))
            frame.opcode = -1;
        return frame;
    }
    // The code of the server's close frame, or -1 when the connection ended without one.
    int closeCode(int timeoutMs = 10000)
    {
        for (;;) {
            const Frame frame = next(timeoutMs);
            if (frame.opcode == -1)
                return -1;
            if (frame.opcode == 0x8)
                return frame.payload.size() >= 2 ? (quint8(frame.payload.at(0)) << 8) | quint8(frame.payload.at(1))
                                                 : 1005;
        }
    }
    // A frame already read (as far as the socket's read buffer lets it), without waiting.
    bool poll(Frame &frame)
    {
        read();
        return take(frame);
    }
    bool connected() const { return m_socket.state() == QAbstractSocket::ConnectedState; }
    void abort() { m_socket.abort(); }
    // For a client that reads slowly or not at all (setReadBufferSize).
    QTcpSocket &socket() { return m_socket; }

private:
    bool connectWithReceiveBuffer(const QUrl &url, int receiveBuffer)
    {
        sockaddr_in address {};
        address.sin_family = AF_INET;
        address.sin_port = htons(quint16(url.port()));
        if (::inet_pton(AF_INET, url.host().toLatin1().constData(), &address.sin_addr) != 1)
            return false;
        const int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
        if (fd < 0)
            return false;
        // Loopback: connect() returns at once.
        if (::setsockopt(fd, SOL_SOCKET, SO_RCVBUF, &receiveBuffer, sizeof receiveBuffer) != 0
            || ::connect(fd, reinterpret_cast<const sockaddr *>(&address), sizeof address) != 0
            || !m_socket.setSocketDescriptor(fd)) {
            ::close(fd);
            return false;
        }
        return true;
    }
    void read() { m_buffer += m_socket.readAll(); }
    bool take(Frame &frame)
    {
        if (m_buffer.size() < 2)
            return false;
        qsizetype header = 2;
        quint64 length = quint8(m_buffer.at(1)) & 0x7f;
        if (length == 126) {
            if (m_buffer.size() < 4)
                return false;
            length = (quint64(quint8(m_buffer.at(2))) << 8) | quint8(m_buffer.at(3));
            header = 4;
        } else if (length == 127) {
            if (m_buffer.size() < 10)
                return false;
            length = 0;
            for (int i = 2; i < 10; ++i)
                length = (length << 8) | quint8(m_buffer.at(i));
            header = 10;
        }
        if (quint64(m_buffer.size() - header) < length)
            return false;
        frame.opcode = quint8(m_buffer.at(0)) & 0x0f;
        frame.payload = m_buffer.sliced(header, qsizetype(length));
        m_buffer.remove(0, header + qsizetype(length));
        return true;
    }

    QTcpSocket m_socket;
    QByteArray m_buffer;
};

} // namespace rentdesk::test
