// SPDX-License-Identifier: GPL-3.0-or-later
#include "tests/support/faultsmtpserver.h"

#include <QFile>
#include <QSslConfiguration>
#include <QSslSocket>
#include <QTcpServer>

namespace rentdesk::test {

using namespace Qt::StringLiterals;

class FaultSmtpServer::Listener final : public QTcpServer
{
public:
    explicit Listener(FaultSmtpServer *owner)
        : m_owner(owner)
    {
    }

protected:
    void incomingConnection(qintptr descriptor) override { m_owner->accept(descriptor); }

private:
    FaultSmtpServer *m_owner;
};

struct FaultSmtpServer::Session
{
    QSslSocket *socket = nullptr;
    QByteArray buffer;
    bool inData = false;
    QByteArray data;
    enum class Auth { None, LoginUser, LoginPassword } auth = Auth::None;
    QByteArray loginUser;
    bool held = false; // a fault keeps the server from answering on this connection
};

FaultSmtpServer::FaultSmtpServer(QObject *parent)
    : QObject(parent)
    , m_listener(std::make_unique<Listener>(this))
{
}

FaultSmtpServer::~FaultSmtpServer()
{
    dropConnections();
}

bool FaultSmtpServer::listen()
{
    return m_listener->listen(QHostAddress::LocalHost, 0);
}

quint16 FaultSmtpServer::port() const
{
    return m_listener->serverPort();
}

bool FaultSmtpServer::setCertificate(const QString &certificateFile, const QString &keyFile)
{
    QFile certificate(certificateFile);
    QFile key(keyFile);
    if (!certificate.open(QIODevice::ReadOnly) || !key.open(QIODevice::ReadOnly))
        return false;
    m_certificate = QSslCertificate(&certificate, QSsl::Pem);
    m_key = QSslKey(&key, QSsl::Ec, QSsl::Pem);
    if (m_key.isNull()) {
        key.seek(0);
        m_key = QSslKey(&key, QSsl::Rsa, QSsl::Pem);
    }
    return !m_certificate.isNull() && !m_key.isNull();
}

void FaultSmtpServer::setCredentials(const QByteArray &user, const QByteArray &password)
{
    m_user = user;
    m_password = password;
}

void FaultSmtpServer::dropConnections()
{
    const QList<Session *> sessions = m_sessions;
    for (Session *session : sessions)
        close(session);
}

int FaultSmtpServer::openConnections() const
{
    return int(m_sessions.size());
}

void FaultSmtpServer::accept(qintptr descriptor)
{
    auto *session = new Session;
    session->socket = new QSslSocket(this);
    if (!session->socket->setSocketDescriptor(descriptor)) {
        delete session->socket;
        delete session;
        return;
    }
    m_sessions.append(session);
    ++m_connectionCount;
    QSslSocket *socket = session->socket;
    connect(socket, &QSslSocket::readyRead, this, [this, session] { onReadyRead(session); });
    connect(socket, &QSslSocket::disconnected, this, [this, session] { close(session); });
    Q_EMIT connectionOpened();

    switch (fault()) {
    case Fault::GreetingRefused:
        reply(session, "421 4.3.2 fault.test Service not available, closing transmission channel");
        socket->disconnectFromHost();
        return;
    case Fault::Silent:
        session->held = true;
        return;
    default:
        reply(session, "220 fault.test ESMTP ready");
    }
}

void FaultSmtpServer::onReadyRead(Session *session)
{
    const QByteArray bytes = session->socket->readAll();
    if (!session->socket->isEncrypted())
        m_plaintext += bytes;
    if (session->held)
        return;
    session->buffer += bytes;
    while (!session->held && m_sessions.contains(session)) {
        if (session->inData) {
            const qsizetype end = session->buffer.startsWith(".\r\n") ? 0 : session->buffer.indexOf("\r\n.\r\n");
            if (fault() == Fault::DropMidData) {
                session->data += session->buffer;
                session->buffer.clear();
                if (!session->data.isEmpty()) {
                    close(session);
                    return;
                }
                break;
            }
            if (end < 0)
                break;
            session->data += session->buffer.left(end == 0 ? 0 : end + 2);
            session->buffer.remove(0, end == 0 ? 3 : end + 5);
            session->inData = false;
            onData(session);
            continue;
        }
        const qsizetype end = session->buffer.indexOf("\r\n");
        if (end < 0)
            break;
        const QByteArray line = session->buffer.left(end);
        session->buffer.remove(0, end + 2);
        onLine(session, line);
    }
}

bool FaultSmtpServer::offersTls(const Session *session) const
{
    return !m_certificate.isNull() && !session->socket->isEncrypted() && fault() != Fault::NoStartTls;
}

void FaultSmtpServer::onLine(Session *session, const QByteArray &line)
{
    m_commands.append(line);
    Q_EMIT commandReceived(line);
    if (!m_sessions.contains(session))
        return;

    if (session->auth == Session::Auth::LoginUser) {
        session->loginUser = QByteArray::fromBase64(line);
        session->auth = Session::Auth::LoginPassword;
        reply(session, "334 UGFzc3dvcmQ6");
        return;
    }
    if (session->auth == Session::Auth::LoginPassword) {
        session->auth = Session::Auth::None;
        const bool ok =
            fault() != Fault::AuthRefused && session->loginUser == m_user && QByteArray::fromBase64(line) == m_password;
        reply(session, ok ? "235 2.7.0 Authentication successful" : "535 5.7.8 Authentication credentials invalid");
        return;
    }

    const QByteArray verb = line.left(line.indexOf(' ') < 0 ? line.size() : line.indexOf(' ')).toUpper();
    if (verb == "EHLO") {
        QByteArrayList lines { "fault.test greets you" };
        if (offersTls(session))
            lines.append("STARTTLS");
        if (m_certificate.isNull() || session->socket->isEncrypted())
            lines.append("AUTH " + m_mechanisms.join(' '));
        lines.append(m_extensions);
        if (!session->socket->isEncrypted())
            lines.append(m_extensionsBeforeTls);
        for (qsizetype i = 0; i < lines.size(); ++i)
            reply(session, "250" + QByteArray(i + 1 == lines.size() ? " " : "-") + lines.at(i));
    } else if (verb == "STARTTLS") {
        if (!offersTls(session)) {
            reply(session, "502 5.5.1 STARTTLS not offered");
            return;
        }
        if (fault() == Fault::InjectAfterStartTls) {
            // A man in the middle's trick: a reply the client did not ask for yet, in clear,
            // that it would read as if it had come through TLS.
            session->socket->write("220 2.0.0 Go ahead\r\n250 2.0.0 injected\r\n");
            return;
        }
        reply(session, "220 2.0.0 Go ahead");
        QSslConfiguration configuration = QSslConfiguration::defaultConfiguration();
        configuration.setLocalCertificate(m_certificate);
        configuration.setPrivateKey(m_key);
        session->socket->setSslConfiguration(configuration);
        session->buffer.clear();
        session->socket->startServerEncryption();
    } else if (verb == "AUTH") {
        const QByteArrayList words = line.split(' ');
        const QByteArray mechanism = words.value(1).toUpper();
        if (mechanism == "PLAIN" && words.size() > 2) {
            const QByteArrayList parts = QByteArray::fromBase64(words.at(2)).split('\0');
            const bool ok = fault() != Fault::AuthRefused && parts.size() == 3 && parts.at(1) == m_user
                && parts.at(2) == m_password;
            reply(session, ok ? "235 2.7.0 Authentication successful" : "535 5.7.8 Authentication credentials invalid");
        } else if (mechanism == "LOGIN") {
            session->auth = Session::Auth::LoginUser;
            reply(session, "334 VXNlcm5hbWU6");
        } else {
            reply(session, "504 5.5.4 Unrecognized authentication type");
        }
    } else if (verb == "MAIL" || verb == "RSET" || verb == "NOOP") {
        reply(session, "250 2.1.0 OK");
    } else if (verb == "RCPT") {
        const bool refuse = fault() == Fault::RecipientRefused && (m_faultLimit < 0 || m_faultsShown++ < m_faultLimit);
        reply(session, refuse ? "550 5.1.1 No such user here" : "250 2.1.5 OK");
    } else if (verb == "DATA") {
        if (fault() == Fault::HoldAtData) {
            session->held = true;
            return;
        }
        session->inData = true;
        session->data.clear();
        reply(session, "354 End data with <CR><LF>.<CR><LF>");
    } else if (verb == "QUIT") {
        reply(session, "221 2.0.0 Bye");
        session->socket->disconnectFromHost();
    } else {
        reply(session, "500 5.5.2 Command not recognized");
    }
}

void FaultSmtpServer::onData(Session *session)
{
    // Undo the dot-stuffing (RFC 5321 §4.5.2).
    QByteArray data;
    qsizetype start = 0;
    while (start < session->data.size()) {
        qsizetype end = session->data.indexOf("\r\n", start);
        end = end < 0 ? session->data.size() : end + 2;
        const bool stuffed = session->data.at(start) == '.';
        data += session->data.mid(stuffed ? start + 1 : start, end - start - (stuffed ? 1 : 0));
        start = end;
    }
    Q_EMIT dataReceived(data);
    if (!m_sessions.contains(session))
        return;
    switch (fault()) {
    case Fault::HoldAfterData:
        session->held = true;
        return;
    case Fault::DataRefusedTemporarily:
        reply(session, "451 4.3.0 Try again later");
        return;
    default:
        break;
    }
    m_mails.append(data);
    reply(session, "250 2.0.0 Queued");
    Q_EMIT mailAccepted(data);
    if (fault() == Fault::CloseWhenIdle && m_sessions.contains(session))
        session->socket->disconnectFromHost();
}

void FaultSmtpServer::reply(Session *session, const QByteArray &text)
{
    session->socket->write(text + "\r\n");
}

void FaultSmtpServer::close(Session *session)
{
    if (!m_sessions.removeOne(session))
        return;
    session->socket->disconnect(this);
    session->socket->abort();
    session->socket->deleteLater();
    delete session;
    Q_EMIT connectionClosed();
}

} // namespace rentdesk::test
