// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QJsonObject>
#include <QObject>
#include <QProcess>
#include <QStringList>
#include <QTemporaryDir>
#include <QUrl>
#include <QWebSocket>

#include <functional>
#include <memory>
#include <optional>

namespace rentdesk::test {

// The real rentdesk-server binary on a free loopback port, with a database in its own
// temporary folder (kept across restart(), so that a test can restart the server in the
// middle of a conversation).
class ServerProcess final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ServerProcess)

public:
    explicit ServerProcess(QStringList extraArguments = {}, QObject *parent = nullptr);
    ~ServerProcess() override;

    // Starts it and waits (bounded) for its "listening on" line.
    bool start();
    // SIGTERM and wait; the exit code, or -1 when it did not end by itself.
    int stop();
    bool restart();
    void kill();

    [[nodiscard]] QUrl url() const { return m_url; }
    [[nodiscard]] QString databasePath() const { return m_dir.filePath(QStringLiteral("server.sqlite")); }
    [[nodiscard]] QString errorString() const { return m_error; }
    [[nodiscard]] QString standardError() const { return QString::fromUtf8(m_stderr); }
    [[nodiscard]] QProcess &process() { return m_process; }

private:
    QStringList m_extra;
    QTemporaryDir m_dir;
    QProcess m_process;
    QUrl m_url;
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
    bool hello();
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

} // namespace rentdesk::test
