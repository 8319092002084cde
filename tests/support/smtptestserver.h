// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QProcess>
#include <QString>
#include <QStringList>

#include <functional>
#include <memory>

class QTemporaryDir;

namespace rentdesk::test {

// What SmtpTestServer::start() passes to smtpserver.py serve.
struct SmtpTestServerOptions
{
    // Required by StartTls and ImplicitTls, compared as UTF-8 bytes by the server.
    QString user;
    QString password;
    // RCPT for these addresses gets "550 5.1.1 <address>: mailbox unavailable".
    QStringList refuseRecipients;
    // No message events, only the count at exit: for benchmarks sending thousands.
    bool quiet = false;
    // Default to server.pem / server.key from makeCertificates().
    QString cert;
    QString key;
};

// Runs tests/mail/smtpserver.py, a real aiosmtpd server on 127.0.0.1, for one test, and
// collects what it reports: its port, every AUTH attempt and every accepted message as
// parsed by Python's email package. A missing Python or aiosmtpd is a failure with the
// Debian package named, never a skip: a test that cannot reach its server proves nothing.
class SmtpTestServer final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SmtpTestServer)

public:
    enum class Mode { StartTls, ImplicitTls, Plain };

    // Defined outside: GCC 12 refuses "= {}" for a nested struct with member initialisers
    // while the enclosing class is incomplete (GCC bug 96645).
    using Options = SmtpTestServerOptions;

    explicit SmtpTestServer(QObject *parent = nullptr);
    // Closes the server's stdin (it exits on EOF), waits a bounded time, then kills.
    ~SmtpTestServer() override;

    [[nodiscard]] static QString scriptPath();
    [[nodiscard]] static QString pythonPath();

    // Writes ca.pem, server.pem/.key, other-ca.pem, wrong-host.pem/.key, expired.pem/.key
    // into this object's own temporary folder, once; false with errorString().
    bool makeCertificates();
    [[nodiscard]] QString certsDir() const;
    [[nodiscard]] QString caFile() const;
    // A file in certsDir(), e.g. certFile(u"wrong-host.pem"_s).
    [[nodiscard]] QString certFile(const QString &name) const;

    // Starts the server and waits (bounded, by an event loop) for it to listen; makes the
    // certificates first when a TLS mode needs the default ones. Stops a running server.
    bool start(Mode mode, const Options &options = {});
    [[nodiscard]] bool isRunning() const;
    [[nodiscard]] quint16 port() const { return m_port; }
    [[nodiscard]] QString errorString() const { return m_error; }
    // What the server wrote on stderr so far (Python tracebacks, aiosmtpd errors).
    [[nodiscard]] QString standardError() const;

    [[nodiscard]] QList<QJsonObject> messages() const { return m_messages; }
    [[nodiscard]] QList<QJsonObject> authAttempts() const { return m_authAttempts; }
    // The server's last line, after stop(): {"event":"stopped","messages":N,"reason":R},
    // R being "stdin", "SIGTERM", "SIGINT", "lifetime" or "stdout closed"; empty before.
    [[nodiscard]] QJsonObject stoppedEvent() const { return m_stopped; }
    // The exact bytes a message event says the server received.
    [[nodiscard]] static QByteArray rawBytes(const QJsonObject &message);

    // Processes events until that many messages arrived in total; false (with
    // errorString()) on timeout or when the server exited.
    bool waitForMessages(int count, int timeoutMs = 10000);
    // Processes events until at least that many AUTH attempts were reported.
    bool waitForAuthAttempts(int count, int timeoutMs = 10000);
    void stop();

Q_SIGNALS:
    void messageReceived(const QJsonObject &message);
    void authAttempted(const QJsonObject &attempt);

private:
    // False with m_error when /usr/bin/python3 or the script is missing.
    bool checkTools();
    void readStandardOutput();
    void handleLine(const QByteArray &line);
    // Runs an event loop until done() holds, the server exits or the time is up.
    bool waitUntil(const std::function<bool()> &done, int timeoutMs);
    [[nodiscard]] QString exitDescription() const;

    QProcess m_process;
    std::unique_ptr<QTemporaryDir> m_certs;
    bool m_certsMade = false;
    quint16 m_port = 0;
    QString m_error;
    QByteArray m_stderr;
    QList<QByteArray> m_strayOutput;
    QList<QJsonObject> m_messages;
    QList<QJsonObject> m_authAttempts;
    QJsonObject m_stopped;
};

} // namespace rentdesk::test
