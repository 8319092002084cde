// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "net/mail/mimemessage.h"
#include "net/mail/smtpsettings.h"

#include <QByteArray>
#include <QList>
#include <QObject>
#include <QSet>
#include <QSslError>
#include <QSslSocket>
#include <QStringList>
#include <QTcpSocket>
#include <QTimer>

#include <chrono>
#include <optional>

namespace rentdesk::net::mail {

// Why a mail did not go, in a form a program can act on (the outbox decides between
// "try again later" and "stop"; --send-test-mail turns the kind into its exit code) and one
// translated line for a person that names the server and, where it answered, its reply.
struct SmtpError
{
    enum class Kind {
        Configuration, // the settings cannot work (no host, unreadable CA file, no password)
        HostNotFound,
        ConnectionRefused,
        TimedOut, // connecting, a reply, or the TLS handshake took too long
        ConnectionLost, // the server closed the connection or the network failed
        TlsNotOffered, // STARTTLS required but the server does not offer it
        TlsFailed, // the TLS handshake failed for another reason than the certificate
        CertificateUntrusted, // the server's certificate did not verify (issuer, name, dates)
        ProtocolViolation, // a reply that is not SMTP, or bytes after the 220 to STARTTLS
        AuthenticationUnavailable, // a user name is set but no mechanism RentDesk knows is offered
        AuthenticationFailed, // 535, 534, 538 and other refusals of AUTH
        ServerUnavailable, // the greeting or EHLO refused, 421, or RSET refused: not about one mail
        TemporaryRefusal, // a 4xx reply to this mail
        PermanentRefusal, // a 5xx reply to this mail: sending it again will not help
    };

    Kind kind = Kind::ConnectionLost;
    int replyCode = 0; // the server's reply code, when it answered
    QString message; // one line

    // Only the server's own 5xx to this very mail ends its life in the outbox; everything
    // else (the network, the configuration, the server being unwell) is tried again later.
    [[nodiscard]] bool isPermanent() const { return kind == Kind::PermanentRefusal; }
    // The stable name of the kind, for logs and the command line ("authentication_failed").
    [[nodiscard]] QString kindName() const;
};

// An asynchronous SMTP client on QSslSocket (RFC 5321, 3207, 4954, 6152, 6531). It takes
// mails one after another over one connection, opened when the first mail is given and
// kept open for the idle timeout so that the next batch reuses it (RSET between mails).
// For each mail given to send() exactly one of sent() or failed() is emitted, in order.
//
// Security: with StartTls nothing but EHLO and STARTTLS goes out before the handshake, and a
// server that does not offer STARTTLS, or sends anything after its 220 to it, is left at
// once; after TLS the capabilities are read again and the old ones forgotten. Certificates
// are verified against the system's and the configured CA file; an error is never ignored.
class SmtpClient final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SmtpClient)

public:
    struct Timeouts
    {
        std::chrono::milliseconds connect { 30000 }; // the TCP connection and any TLS handshake
        std::chrono::milliseconds reply { 60000 }; // each reply, from the last byte written
        std::chrono::milliseconds idle { 30000 }; // how long an unused connection stays open
    };

    SmtpClient(SmtpSettings settings, QString password, QObject *parent = nullptr);
    ~SmtpClient() override;

    void setTimeouts(const Timeouts &timeouts) { m_timeouts = timeouts; }
    [[nodiscard]] const SmtpSettings &settings() const { return m_settings; }

    // Queues a mail; key names it in sent() and failed().
    void send(const QString &key, const MailMessage &message);
    // Mails given and not yet answered for.
    [[nodiscard]] qsizetype pending() const { return m_queue.size(); }
    [[nodiscard]] bool isConnected() const { return m_state != State::Disconnected; }
    // Says goodbye (QUIT) once the queue is empty, rather than after the idle timeout.
    void quitWhenDone();
    // Drops the connection now; mails not yet answered for fail with ConnectionLost.
    void abort();
    // Takes back the mails given and not begun: every one but the head of the queue, which is
    // on the wire (or the next to go once the connection is up) and is answered for as usual.
    // No command of a mail taken back has gone out; neither sent() nor failed() names it.
    // Returns their keys, in order.
    [[nodiscard]] QStringList withdrawWaiting();

Q_SIGNALS:
    void sent(const QString &key);
    void failed(const QString &key, const rentdesk::net::mail::SmtpError &error);
    // Every mail given has been answered for.
    void idle();
    // The connection closed (after QUIT, the idle timeout, or an error).
    void disconnected();

private:
    enum class State {
        Disconnected,
        Connecting, // TCP, and for implicit TLS the handshake
        Greeting,
        Ehlo,
        Helo,
        StartTls,
        TlsHandshake,
        Auth, // AUTH PLAIN, or the first step of AUTH LOGIN
        AuthLoginUser,
        AuthLoginPassword,
        Ready, // between mails
        Reset,
        MailFrom,
        RcptTo,
        Data,
        DataEnd,
        Quit,
    };
    struct Reply
    {
        int code = 0;
        QList<QByteArray> lines; // the text of each line, without code and separator
        [[nodiscard]] QString text() const;
    };
    struct Outgoing
    {
        QString key;
        MailMessage message;
        // As it goes after DATA: rendered for the server's capabilities, dot-stuffed, with
        // the final dot; size is the rendered size (SIZE=).
        QByteArray data;
        qsizetype size = 0;
        bool eightBit = false;
        bool prepared = false;
    };

    void makeSocket();
    void connectToServer();
    void onConnected();
    void onEncrypted();
    void onReadyRead();
    void onSocketError(QAbstractSocket::SocketError error);
    void onSslErrors(const QList<QSslError> &errors);
    void onDisconnected();
    void onReplyTimeout();
    void onIdleTimeout();

    // Reads one whole reply from the buffer, if one has arrived.
    std::optional<Reply> takeReply();
    void handle(const Reply &reply);
    void handleGreeting(const Reply &reply);
    void handleEhlo(const Reply &reply);
    void handleStartTls(const Reply &reply);
    void handleAuth(const Reply &reply);
    void handleTransaction(const Reply &reply);

    void command(State next, const QByteArray &line);
    [[nodiscard]] QByteArray addressLiteral() const;
    void sendEhlo();
    void startAuthentication();
    void nextMail();
    void sendData();
    void prepare(Outgoing &mail) const;

    void mailDone();
    void mailFailed(SmtpError error);
    // The connection is unusable: every mail not answered for fails with the error.
    void fail(SmtpError error);
    void closeQuietly();

    // The message (a whole sentence with the server's reply in it) and the reply's code.
    [[nodiscard]] SmtpError replyError(SmtpError::Kind kind, const QString &message, const Reply &reply) const;
    [[nodiscard]] SmtpError error(SmtpError::Kind kind, const QString &message) const;
    [[nodiscard]] bool secure() const;

    SmtpSettings m_settings;
    QString m_password;
    Timeouts m_timeouts;
    QTcpSocket *m_socket = nullptr; // a child, replaced for each connection
    QSslSocket *m_tls = nullptr; // m_socket when the connection uses TLS
    QTimer m_replyTimer;
    QTimer m_idleTimer;
    State m_state = State::Disconnected;
    QByteArray m_buffer;
    QSet<QByteArray> m_capabilities; // keywords of the last EHLO, upper case
    QByteArray m_authMechanisms; // the AUTH line's mechanisms, upper case
    QByteArray m_authMechanism; // the one chosen
    qint64 m_maxSize = 0; // SIZE, 0 when the server names no limit
    QList<Outgoing> m_queue; // the head is the mail being sent
    QList<QSslError> m_sslErrors;
    bool m_quitWhenDone = false;
    bool m_transactionOpen = false; // MAIL FROM accepted and not finished: RSET before the next
    bool m_reused = false; // the connection was idle before this mail
    bool m_retriedReuse = false;
};

} // namespace rentdesk::net::mail

Q_DECLARE_METATYPE(rentdesk::net::mail::SmtpError)
