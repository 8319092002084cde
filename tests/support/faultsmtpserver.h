// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QByteArrayList>
#include <QList>
#include <QObject>
#include <QSslCertificate>
#include <QSslKey>

#include <memory>

class QSslSocket;

namespace rentdesk::test {

// A small SMTP server of our own for what a real one will not do on request: refuse at the
// greeting, drop the connection in the middle of a mail, never answer, leave STARTTLS out,
// inject bytes after its 220 to STARTTLS. Apart from the fault it is chosen to show, it
// speaks enough SMTP (EHLO, STARTTLS, AUTH PLAIN and LOGIN, MAIL, RCPT, DATA, RSET, QUIT)
// for the client to send mail through it. It listens on 127.0.0.1 only and records what it
// was sent, in clear and encrypted, so that a test can say "no password went out in clear".
class FaultSmtpServer final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(FaultSmtpServer)

public:
    enum class Fault {
        None,
        GreetingRefused, // 421 instead of 220, then the connection is closed
        Silent, // takes the connection and never says a word
        NoStartTls, // EHLO without STARTTLS
        InjectAfterStartTls, // "220 Go ahead" and a second reply in the same write
        AuthRefused, // 535 to every AUTH
        RecipientRefused, // 550 to RCPT
        DataRefusedTemporarily, // 451 after the final dot
        DropMidData, // closes the connection as soon as a mail's data begins to arrive
        HoldAfterData, // the mail arrives whole and is never answered
        HoldAtData, // DATA is never answered
        CloseWhenIdle, // closes the connection after each accepted mail, as servers may
    };

    explicit FaultSmtpServer(QObject *parent = nullptr);
    ~FaultSmtpServer() override;

    bool listen();
    [[nodiscard]] quint16 port() const;

    // The fault shows once afterMails mails were accepted (0: from the start), so that a
    // test can let a batch begin before it breaks.
    void setFault(Fault fault, int afterMails = 0)
    {
        m_fault = fault;
        m_faultAfter = afterMails;
    }
    // The fault shows at most this many times (RecipientRefused: refusals), then the server
    // behaves. Negative: always.
    void setFaultLimit(int times) { m_faultLimit = times; }
    // Offers STARTTLS with this certificate (PEM files). Without it STARTTLS is not offered.
    bool setCertificate(const QString &certificateFile, const QString &keyFile);
    void setCredentials(const QByteArray &user, const QByteArray &password);
    // Offered after TLS, or at once when no certificate is set. Default: PLAIN LOGIN.
    void setAuthMechanisms(const QByteArrayList &mechanisms) { m_mechanisms = mechanisms; }
    // More EHLO keywords, e.g. 8BITMIME, SMTPUTF8 or "SIZE 1000".
    void setExtensions(const QByteArrayList &extensions) { m_extensions = extensions; }
    // More EHLO keywords offered only before TLS: a client must forget them after it.
    void setExtensionsBeforeTls(const QByteArrayList &extensions) { m_extensionsBeforeTls = extensions; }
    // Closes every open connection.
    void dropConnections();

    // Every byte received before TLS, over all connections.
    [[nodiscard]] QByteArray plaintextReceived() const { return m_plaintext; }
    // Every command line received, in clear or decrypted, AUTH responses included.
    [[nodiscard]] QByteArrayList commands() const { return m_commands; }
    // The data of each mail that was given a 250, with the dot-stuffing undone.
    [[nodiscard]] QByteArrayList mails() const { return m_mails; }
    [[nodiscard]] int connectionCount() const { return m_connectionCount; }
    [[nodiscard]] int openConnections() const;

Q_SIGNALS:
    void connectionOpened();
    void commandReceived(const QByteArray &line);
    // The final dot of a mail arrived (the reply, if any, follows).
    void dataReceived(const QByteArray &data);
    void mailAccepted(const QByteArray &data);
    void connectionClosed();

private:
    struct Session;
    class Listener;

    void accept(qintptr descriptor);
    void onReadyRead(Session *session);
    void onLine(Session *session, const QByteArray &line);
    void onData(Session *session);
    void reply(Session *session, const QByteArray &text);
    void close(Session *session);
    [[nodiscard]] bool offersTls(const Session *session) const;
    [[nodiscard]] Fault fault() const { return m_mails.size() >= m_faultAfter ? m_fault : Fault::None; }

    std::unique_ptr<Listener> m_listener;
    QList<Session *> m_sessions;
    Fault m_fault = Fault::None;
    int m_faultAfter = 0;
    int m_faultLimit = -1;
    int m_faultsShown = 0;
    QSslCertificate m_certificate;
    QSslKey m_key;
    QByteArray m_user;
    QByteArray m_password;
    QByteArrayList m_mechanisms { "PLAIN", "LOGIN" };
    QByteArrayList m_extensions;
    QByteArrayList m_extensionsBeforeTls;
    QByteArray m_plaintext;
    QByteArrayList m_commands;
    QByteArrayList m_mails;
    int m_connectionCount = 0;
};

} // namespace rentdesk::test
