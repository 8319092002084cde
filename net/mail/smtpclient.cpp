// SPDX-License-Identifier: GPL-3.0-or-later
#include "net/mail/smtpclient.h"

#include <QCoreApplication>
#include <QFile>
#include <QHostAddress>
#include <QLoggingCategory>
#include <QSslCertificate>
#include <QSslConfiguration>

namespace rentdesk::net::mail {

using namespace Qt::StringLiterals;

Q_LOGGING_CATEGORY(lcSmtp, "rentdesk.net.smtp", QtWarningMsg)

namespace {

// A reply longer than this is not SMTP (RFC 5321 allows 512 octets a line and a few lines).
constexpr qsizetype MaxReplyBytes = 64 * 1024;

bool isAscii(const QString &text)
{
    for (const QChar c : text) {
        if (c.unicode() > 0x7f)
            return false;
    }
    return true;
}

} // namespace

QString SmtpError::kindName() const
{
    switch (kind) {
    case Kind::Configuration:
        return u"configuration"_s;
    case Kind::HostNotFound:
        return u"host_not_found"_s;
    case Kind::ConnectionRefused:
        return u"connection_refused"_s;
    case Kind::TimedOut:
        return u"timed_out"_s;
    case Kind::ConnectionLost:
        return u"connection_lost"_s;
    case Kind::TlsNotOffered:
        return u"tls_not_offered"_s;
    case Kind::TlsFailed:
        return u"tls_failed"_s;
    case Kind::CertificateUntrusted:
        return u"certificate_untrusted"_s;
    case Kind::ProtocolViolation:
        return u"protocol_violation"_s;
    case Kind::AuthenticationUnavailable:
        return u"authentication_unavailable"_s;
    case Kind::AuthenticationFailed:
        return u"authentication_failed"_s;
    case Kind::ServerUnavailable:
        return u"server_unavailable"_s;
    case Kind::TemporaryRefusal:
        return u"temporary_refusal"_s;
    case Kind::PermanentRefusal:
        return u"permanent_refusal"_s;
    }
    return u"unknown"_s;
}

QString SmtpClient::Reply::text() const
{
    QByteArray joined;
    for (const QByteArray &line : lines) {
        if (!joined.isEmpty())
            joined += ' ';
        joined += line.trimmed();
    }
    // The server's words end up in a message for a person and in the outbox: printable and
    // short.
    QString text = QString::number(code);
    if (!joined.isEmpty())
        text += u' ' + QString::fromUtf8(joined);
    for (QChar &c : text) {
        if (c.category() == QChar::Other_Control)
            c = u' ';
    }
    return text.left(300);
}

SmtpClient::SmtpClient(SmtpSettings settings, QString password, QObject *parent)
    : QObject(parent)
    , m_settings(std::move(settings))
    , m_password(std::move(password))
{
    m_replyTimer.setSingleShot(true);
    m_idleTimer.setSingleShot(true);
    connect(&m_replyTimer, &QTimer::timeout, this, &SmtpClient::onReplyTimeout);
    connect(&m_idleTimer, &QTimer::timeout, this, &SmtpClient::onIdleTimeout);
}

SmtpClient::~SmtpClient()
{
    if (m_socket) {
        m_socket->disconnect(this);
        m_socket->abort();
    }
}

void SmtpClient::makeSocket()
{
    if (m_socket) {
        // Perhaps inside one of its own signals: let it go from the event loop.
        m_socket->disconnect(this);
        m_socket->abort();
        m_socket->deleteLater();
    }
    // TLS, at once or after STARTTLS, needs QSslSocket. A connection that stays plain gets a
    // QTcpSocket without Qt's write buffer: each command is written at once, and the event
    // loop is not woken to flush it, which on a local relay is a fifth of the time a mail
    // takes (docs/architecture.md).
    if (m_settings.security == SmtpSecurity::Insecure) {
        m_tls = nullptr;
        m_socket = new QTcpSocket(this);
    } else {
        m_tls = new QSslSocket(this);
        m_socket = m_tls;
        connect(m_tls, &QSslSocket::encrypted, this, &SmtpClient::onEncrypted);
        connect(m_tls, &QSslSocket::sslErrors, this, &SmtpClient::onSslErrors);
    }
    connect(m_socket, &QTcpSocket::connected, this, &SmtpClient::onConnected);
    connect(m_socket, &QTcpSocket::readyRead, this, &SmtpClient::onReadyRead);
    connect(m_socket, &QTcpSocket::errorOccurred, this, &SmtpClient::onSocketError);
    connect(m_socket, &QTcpSocket::disconnected, this, &SmtpClient::onDisconnected);
    // The reply timeout counts from the last byte written: a large mail on a slow link is
    // not a server that stopped answering.
    connect(m_socket, &QTcpSocket::bytesWritten, this, [this] {
        if (m_replyTimer.isActive())
            m_replyTimer.start();
    });
}

void SmtpClient::send(const QString &key, const MailMessage &message)
{
    Outgoing outgoing;
    outgoing.key = key;
    outgoing.message = message;
    m_queue.append(std::move(outgoing));
    if (m_state == State::Disconnected) {
        // From the event loop: an error found at once (no server set up) reaches the caller
        // after send() returned, like every other outcome.
        m_state = State::Connecting;
        QMetaObject::invokeMethod(this, &SmtpClient::connectToServer, Qt::QueuedConnection);
    } else if (m_state == State::Ready && m_queue.size() == 1) {
        m_idleTimer.stop();
        m_reused = true;
        nextMail();
    }
}

void SmtpClient::quitWhenDone()
{
    m_quitWhenDone = true;
    if (m_state == State::Ready && m_queue.isEmpty())
        onIdleTimeout();
}

void SmtpClient::abort()
{
    if (m_state != State::Disconnected)
        fail(error(SmtpError::Kind::ConnectionLost,
                   tr("The connection to %1 was closed by RentDesk.").arg(m_settings.hostAndPort())));
}

QStringList SmtpClient::withdrawWaiting()
{
    // The head stays: from MAIL FROM on it may be half sent, and before that (connecting, RSET)
    // the next reply carries it on by itself. mailDone() starts the next mail before it emits
    // sent(), so a receiver that withdraws from its slot keeps that next mail: it is on the wire.
    QStringList keys;
    while (m_queue.size() > 1)
        keys.prepend(m_queue.takeLast().key);
    return keys;
}

bool SmtpClient::secure() const
{
    return m_tls && m_tls->isEncrypted();
}

void SmtpClient::connectToServer()
{
    if (m_queue.isEmpty()) {
        m_state = State::Disconnected; // aborted before the connection began
        return;
    }
    if (m_socket && m_socket->state() != QAbstractSocket::UnconnectedState)
        return; // a second queued call: the first one is connecting already
    makeSocket();
    m_buffer.clear();
    m_capabilities.clear();
    m_authMechanisms.clear();
    m_maxSize = 0;
    m_sslErrors.clear();
    m_transactionOpen = false;
    m_reused = false;
    m_state = State::Connecting;

    if (!m_settings.isConfigured()) {
        fail(error(SmtpError::Kind::Configuration, tr("No mail server is set up.")));
        return;
    }
    if (m_settings.needsPassword() && m_password.isEmpty()) {
        fail(error(SmtpError::Kind::Configuration,
                   tr("No password for %1 at %2: store it in Settings (kept in the keyring) or set "
                      "RENTDESK_SMTP_PASSWORD.")
                       .arg(m_settings.user, m_settings.hostAndPort())));
        return;
    }
    if (m_settings.security != SmtpSecurity::Insecure) {
        QSslConfiguration configuration = QSslConfiguration::defaultConfiguration();
        configuration.setPeerVerifyMode(QSslSocket::VerifyPeer);
        configuration.setProtocol(QSsl::TlsV1_2OrLater);
        if (!m_settings.caFile.isEmpty()) {
            QFile file(m_settings.caFile);
            if (!file.open(QIODevice::ReadOnly)) {
                fail(error(SmtpError::Kind::Configuration,
                           tr("The CA file %1 cannot be read: %2.").arg(m_settings.caFile, file.errorString())));
                return;
            }
            const QList<QSslCertificate> authorities = QSslCertificate::fromData(file.readAll(), QSsl::Pem);
            if (authorities.isEmpty()) {
                fail(error(SmtpError::Kind::Configuration,
                           tr("The CA file %1 holds no PEM certificate.").arg(m_settings.caFile)));
                return;
            }
            configuration.addCaCertificates(authorities);
        }
        m_tls->setSslConfiguration(configuration);
    }

    qCDebug(lcSmtp) << "connecting to" << m_settings.hostAndPort();
    m_replyTimer.start(m_timeouts.connect);
    if (m_settings.security == SmtpSecurity::ImplicitTls)
        m_tls->connectToHostEncrypted(m_settings.host, m_settings.port);
    else if (m_settings.security == SmtpSecurity::StartTls)
        m_socket->connectToHost(m_settings.host, m_settings.port);
    else
        m_socket->connectToHost(m_settings.host, m_settings.port, QIODevice::ReadWrite | QIODevice::Unbuffered);
}

void SmtpClient::onConnected()
{
    if (m_state != State::Connecting || m_settings.security == SmtpSecurity::ImplicitTls)
        return; // implicit TLS waits for encrypted()
    m_state = State::Greeting;
    m_replyTimer.start(m_timeouts.reply);
}

void SmtpClient::onEncrypted()
{
    if (m_state == State::Connecting) {
        m_state = State::Greeting;
        m_replyTimer.start(m_timeouts.reply);
        onReadyRead(); // the greeting may have come with the last handshake record
    } else if (m_state == State::TlsHandshake) {
        // RFC 3207 §4.2: what the server said before TLS is forgotten.
        m_capabilities.clear();
        m_authMechanisms.clear();
        m_maxSize = 0;
        sendEhlo();
    }
}

void SmtpClient::onReadyRead()
{
    if (m_state == State::Connecting || m_state == State::TlsHandshake)
        return;
    // One read for what a reply usually is, rather than readAll()'s read until there is
    // nothing more: on a plain connection each is a system call.
    char chunk[16384];
    qint64 got = 0;
    while ((got = m_socket->read(chunk, sizeof chunk)) > 0) {
        m_buffer.append(chunk, got);
        if (got < qint64(sizeof chunk))
            break;
    }
    while (m_state != State::Disconnected && m_state != State::TlsHandshake) {
        const std::optional<Reply> reply = takeReply();
        if (!reply)
            break;
        m_replyTimer.stop();
        handle(*reply);
    }
    // Unbuffered, Qt learns that the server closed the connection only from a read that
    // finds the end, and says so with no signal: look.
    if (m_state != State::Disconnected && m_socket->state() == QAbstractSocket::UnconnectedState) {
        onDisconnected();
        return;
    }
    if (m_state != State::Disconnected && m_buffer.size() > MaxReplyBytes) {
        fail(error(SmtpError::Kind::ProtocolViolation,
                   tr("%1 sent more than %2 bytes without finishing a reply; this is not an SMTP server.")
                       .arg(m_settings.hostAndPort())
                       .arg(MaxReplyBytes)));
    }
}

std::optional<SmtpClient::Reply> SmtpClient::takeReply()
{
    Reply reply;
    qsizetype position = 0;
    while (true) {
        const qsizetype end = m_buffer.indexOf('\n', position);
        if (end < 0)
            return std::nullopt;
        QByteArray line = m_buffer.mid(position, end - position);
        if (line.endsWith('\r'))
            line.chop(1);
        position = end + 1;

        bool isNumber = false;
        const int code = line.left(3).toInt(&isNumber);
        const bool wellFormed = line.size() >= 3 && isNumber && code >= 200 && code <= 599
            && (line.size() == 3 || line.at(3) == ' ' || line.at(3) == '-');
        if (!wellFormed || (reply.code != 0 && reply.code != code)) {
            fail(error(SmtpError::Kind::ProtocolViolation,
                       tr("%1 sent a line that is not an SMTP reply: \"%2\".")
                           .arg(m_settings.hostAndPort(), QString::fromUtf8(line.left(80)).simplified())));
            return std::nullopt;
        }
        reply.code = code;
        reply.lines.append(line.mid(4));
        if (line.size() == 3 || line.at(3) == ' ')
            break;
    }
    m_buffer.remove(0, position);
    return reply;
}

void SmtpClient::handle(const Reply &reply)
{
    qCDebug(lcSmtp) << "reply" << reply.text();
    // 421 may come at any time: the server is closing the connection.
    if (reply.code == 421 && m_state != State::Quit) {
        if (m_state == State::Ready && m_queue.isEmpty()) {
            closeQuietly();
            return;
        }
        fail(replyError(SmtpError::Kind::ServerUnavailable,
                        tr("%1 is closing the connection: %2").arg(m_settings.hostAndPort(), reply.text()), reply));
        return;
    }
    switch (m_state) {
    case State::Greeting:
        handleGreeting(reply);
        return;
    case State::Ehlo:
    case State::Helo:
        handleEhlo(reply);
        return;
    case State::StartTls:
        handleStartTls(reply);
        return;
    case State::Auth:
    case State::AuthLoginUser:
    case State::AuthLoginPassword:
        handleAuth(reply);
        return;
    case State::Reset:
    case State::MailFrom:
    case State::RcptTo:
    case State::Data:
    case State::DataEnd:
        handleTransaction(reply);
        return;
    case State::Quit:
        closeQuietly();
        return;
    case State::Ready:
        // Nothing was asked: a server that talks out of turn is not to be trusted with mail.
        fail(error(SmtpError::Kind::ProtocolViolation,
                   tr("%1 sent a reply nobody asked for: %2.").arg(m_settings.hostAndPort(), reply.text())));
        return;
    case State::Disconnected:
    case State::Connecting:
    case State::TlsHandshake:
        return;
    }
}

void SmtpClient::handleGreeting(const Reply &reply)
{
    if (reply.code != 220) {
        fail(replyError(SmtpError::Kind::ServerUnavailable,
                        tr("%1 refused the connection: %2").arg(m_settings.hostAndPort(), reply.text()), reply));
        return;
    }
    m_retriedReuse = false;
    sendEhlo();
}

QByteArray SmtpClient::addressLiteral() const
{
    // RFC 5321 §4.1.3: the client's name, or an address literal when it has no name the
    // server could look up; the local address is true and needs no DNS.
    bool isV4 = false;
    const quint32 v4 = m_socket->localAddress().toIPv4Address(&isV4);
    if (isV4)
        return "[" + QHostAddress(v4).toString().toLatin1() + "]";
    return "[IPv6:" + m_socket->localAddress().toString().toLatin1() + "]";
}

void SmtpClient::sendEhlo()
{
    command(State::Ehlo, "EHLO " + addressLiteral());
}

void SmtpClient::handleEhlo(const Reply &reply)
{
    if (m_state == State::Ehlo && reply.code >= 500 && reply.code != 554) {
        // A server from before ESMTP. It cannot offer STARTTLS, so it only serves insecure
        // relays or connections that are already encrypted.
        if (m_settings.security == SmtpSecurity::StartTls && !secure()) {
            fail(replyError(SmtpError::Kind::TlsNotOffered,
                            tr("%1 does not speak ESMTP, so it cannot offer STARTTLS: %2")
                                .arg(m_settings.hostAndPort(), reply.text()),
                            reply));
            return;
        }
        command(State::Helo, "HELO " + addressLiteral());
        return;
    }
    if (reply.code != 250) {
        fail(replyError(SmtpError::Kind::ServerUnavailable,
                        tr("%1 refused the greeting: %2").arg(m_settings.hostAndPort(), reply.text()), reply));
        return;
    }
    m_capabilities.clear();
    m_authMechanisms.clear();
    m_maxSize = 0;
    if (m_state == State::Ehlo) {
        for (qsizetype i = 1; i < reply.lines.size(); ++i) {
            const QByteArray line = reply.lines.at(i).trimmed().toUpper();
            const QList<QByteArray> words = line.split(' ');
            QByteArray keyword = words.value(0);
            if (keyword.startsWith("AUTH=")) { // an old form some servers still send
                m_authMechanisms += ' ' + keyword.mid(5);
                keyword = "AUTH";
            }
            m_capabilities.insert(keyword);
            if (keyword == "AUTH")
                m_authMechanisms += ' ' + line.mid(4);
            if (keyword == "SIZE" && words.size() > 1)
                m_maxSize = words.at(1).toLongLong();
        }
    }

    if (m_settings.security == SmtpSecurity::StartTls && !secure()) {
        if (!m_capabilities.contains("STARTTLS")) {
            fail(error(SmtpError::Kind::TlsNotOffered,
                       tr("%1 does not offer STARTTLS; RentDesk does not send mail or a password in clear. "
                          "Use smtps:// if the server takes TLS at once, or smtp+insecure:// only for a local "
                          "relay.")
                           .arg(m_settings.hostAndPort())));
            return;
        }
        command(State::StartTls, "STARTTLS");
        return;
    }
    if (m_settings.needsPassword()) {
        startAuthentication();
        return;
    }
    nextMail();
}

void SmtpClient::handleStartTls(const Reply &reply)
{
    if (reply.code != 220) {
        fail(replyError(SmtpError::Kind::TlsNotOffered,
                        tr("%1 refused STARTTLS: %2").arg(m_settings.hostAndPort(), reply.text()), reply));
        return;
    }
    // Anything after the 220 was sent in clear and would be read as if it came through TLS
    // (CVE-2011-0411 and its kin): leave instead.
    if (!m_buffer.isEmpty() || m_socket->bytesAvailable() > 0) {
        fail(error(SmtpError::Kind::ProtocolViolation,
                   tr("%1 sent data after agreeing to STARTTLS; the connection was closed so that nothing sent in "
                      "clear is taken as encrypted.")
                       .arg(m_settings.hostAndPort())));
        return;
    }
    m_state = State::TlsHandshake;
    m_replyTimer.start(m_timeouts.connect);
    m_tls->startClientEncryption();
}

void SmtpClient::startAuthentication()
{
    const QList<QByteArray> offered = m_authMechanisms.simplified().split(' ');
    const QByteArray user = m_settings.user.toUtf8();
    if (offered.contains("PLAIN")) {
        m_authMechanism = "PLAIN";
        // RFC 4616: authorization identity (empty), user, password, each UTF-8.
        const QByteArray response = QByteArray('\0' + user + '\0' + m_password.toUtf8()).toBase64();
        command(State::Auth, "AUTH PLAIN " + response);
    } else if (offered.contains("LOGIN")) {
        m_authMechanism = "LOGIN";
        command(State::Auth, "AUTH LOGIN");
    } else {
        const QString what = m_capabilities.contains("AUTH")
            ? tr("%1 offers no login method RentDesk knows (it offers %2; RentDesk uses PLAIN or LOGIN).")
                  .arg(m_settings.hostAndPort(), QString::fromLatin1(m_authMechanisms.simplified()))
            : tr("%1 does not offer AUTH, but a user name is set; remove the user name if the server takes mail "
                 "without a login.")
                  .arg(m_settings.hostAndPort());
        fail(error(SmtpError::Kind::AuthenticationUnavailable, what));
    }
}

void SmtpClient::handleAuth(const Reply &reply)
{
    if (reply.code == 235) {
        nextMail();
        return;
    }
    if (reply.code == 334 && m_authMechanism == "LOGIN") {
        // RFC 4954 §4: the challenges ask for the user name, then the password.
        if (m_state == State::Auth) {
            command(State::AuthLoginUser, m_settings.user.toUtf8().toBase64());
            return;
        }
        if (m_state == State::AuthLoginUser) {
            command(State::AuthLoginPassword, m_password.toUtf8().toBase64());
            return;
        }
    }
    fail(replyError(SmtpError::Kind::AuthenticationFailed,
                    tr("%1 refused the login of %2: %3").arg(m_settings.hostAndPort(), m_settings.user, reply.text()),
                    reply));
}

void SmtpClient::nextMail()
{
    if (m_queue.isEmpty()) {
        m_state = State::Ready;
        if (m_quitWhenDone) {
            onIdleTimeout();
        } else {
            m_idleTimer.start(m_timeouts.idle);
        }
        Q_EMIT idle();
        return;
    }
    // RSET only where a transaction was left open by a refusal: after the server's reply to
    // the final dot the transaction is over and the server has forgotten it (RFC 5321
    // §4.1.1.4), so an RSET there would cost a round trip and change nothing.
    if (m_transactionOpen) {
        command(State::Reset, "RSET");
        return;
    }
    m_state = State::Reset; // as if RSET had just been answered
    handleTransaction(Reply { 250, {} });
}

void SmtpClient::handleTransaction(const Reply &reply)
{
    m_reused = false; // the server answered on the reused connection: it is alive
    const Outgoing &mail = m_queue.first();
    const bool temporary = reply.code >= 400 && reply.code < 500;
    const auto refusal = [&](const QString &message) {
        mailFailed(replyError(temporary ? SmtpError::Kind::TemporaryRefusal : SmtpError::Kind::PermanentRefusal,
                              message, reply));
    };

    switch (m_state) {
    case State::Reset: {
        if (reply.code != 250) {
            fail(replyError(SmtpError::Kind::ServerUnavailable,
                            tr("%1 refused RSET: %2").arg(m_settings.hostAndPort(), reply.text()), reply));
            return;
        }
        m_transactionOpen = false;
        const bool utf8Addresses = !isAscii(mail.message.from.address) || !isAscii(mail.message.to.address);
        if (utf8Addresses && !m_capabilities.contains("SMTPUTF8")) {
            mailFailed(error(SmtpError::Kind::PermanentRefusal,
                             tr("%1 does not take addresses with letters outside ASCII, such as %2.")
                                 .arg(m_settings.hostAndPort(), mail.message.to.address)));
            return;
        }
        prepare(m_queue.first());
        const bool eightBit = m_queue.first().eightBit;
        const qsizetype size = m_queue.first().size;
        if (m_maxSize > 0 && size > m_maxSize) {
            mailFailed(error(SmtpError::Kind::PermanentRefusal,
                             tr("%1 takes mails of at most %2 bytes; this one has %3.")
                                 .arg(m_settings.hostAndPort())
                                 .arg(m_maxSize)
                                 .arg(size)));
            return;
        }
        QByteArray line = "MAIL FROM:<" + mail.message.from.address.toUtf8() + '>';
        if (eightBit)
            line += " BODY=8BITMIME";
        if (m_capabilities.contains("SIZE"))
            line += " SIZE=" + QByteArray::number(size);
        if (utf8Addresses)
            line += " SMTPUTF8";
        command(State::MailFrom, line);
        return;
    }
    case State::MailFrom:
        if (reply.code != 250) {
            refusal(tr("%1 refused the sender %2: %3")
                        .arg(m_settings.hostAndPort(), mail.message.from.address, reply.text()));
            return;
        }
        m_transactionOpen = true;
        command(State::RcptTo, "RCPT TO:<" + mail.message.to.address.toUtf8() + '>');
        return;
    case State::RcptTo:
        if (reply.code != 250 && reply.code != 251) {
            refusal(tr("%1 refused the recipient %2: %3")
                        .arg(m_settings.hostAndPort(), mail.message.to.address, reply.text()));
            return;
        }
        command(State::Data, "DATA");
        return;
    case State::Data:
        if (reply.code != 354) {
            refusal(tr("%1 refused the mail to %2: %3")
                        .arg(m_settings.hostAndPort(), mail.message.to.address, reply.text()));
            return;
        }
        sendData();
        return;
    case State::DataEnd:
        m_transactionOpen = false; // after the final dot the transaction is over either way
        if (reply.code != 250) {
            refusal(tr("%1 refused the mail to %2: %3")
                        .arg(m_settings.hostAndPort(), mail.message.to.address, reply.text()));
            return;
        }
        mailDone();
        return;
    default:
        return;
    }
}

void SmtpClient::sendData()
{
    m_state = State::DataEnd;
    Outgoing &mail = m_queue.first();
    m_socket->write(mail.data);
    m_socket->flush();
    mail.data.clear();
    m_replyTimer.start(m_timeouts.reply);
    // While the server reads this one, the next one is written out.
    if (m_queue.size() > 1)
        prepare(m_queue[1]);
}

void SmtpClient::prepare(Outgoing &mail) const
{
    const bool eightBit = m_capabilities.contains("8BITMIME");
    if (mail.prepared && mail.eightBit == eightBit)
        return;
    const QByteArray rendered =
        renderMessage(mail.message, eightBit ? BodyEncoding::EightBit : BodyEncoding::QuotedPrintable);
    mail.size = rendered.size();
    mail.data = dotStuff(rendered);
    mail.data += ".\r\n";
    mail.eightBit = eightBit;
    mail.prepared = true;
}

void SmtpClient::command(State next, const QByteArray &line)
{
    m_state = next;
    if (next == State::Auth || next == State::AuthLoginUser || next == State::AuthLoginPassword)
        qCDebug(lcSmtp) << "command (login, not shown)";
    else
        qCDebug(lcSmtp) << "command" << line;
    m_socket->write(line + "\r\n");
    // Now rather than from the event loop (QSslSocket queues the write otherwise): a reply
    // can only come after the command has left.
    m_socket->flush();
    m_replyTimer.start(m_timeouts.reply);
}

void SmtpClient::mailDone()
{
    const QString key = m_queue.takeFirst().key;
    if (m_queue.isEmpty()) {
        Q_EMIT sent(key);
        nextMail(); // idle() after the last sent()
        return;
    }
    // The next mail's first command goes before the receiver records this one as sent, so
    // that its work (a database commit in the outbox) overlaps the server's.
    nextMail();
    Q_EMIT sent(key);
}

void SmtpClient::mailFailed(SmtpError failure)
{
    const QString key = m_queue.takeFirst().key;
    Q_EMIT failed(key, failure);
    if (m_state != State::Disconnected)
        nextMail();
}

void SmtpClient::fail(SmtpError failure)
{
    const bool reconnect = m_reused && !m_retriedReuse && !m_queue.isEmpty()
        && (failure.kind == SmtpError::Kind::ConnectionLost || failure.kind == SmtpError::Kind::ServerUnavailable);
    qCDebug(lcSmtp) << "session failed:" << failure.message << (reconnect ? "(reconnecting)" : "");
    m_replyTimer.stop();
    m_idleTimer.stop();
    m_state = State::Disconnected;
    if (m_socket)
        m_socket->abort();
    m_buffer.clear();
    if (reconnect) {
        // The server closed the connection while it was idle; that is its right, and no mail
        // was half sent on it. Once more on a new connection.
        m_retriedReuse = true;
        connectToServer();
        return;
    }
    m_reused = false;
    const QList<Outgoing> queue = std::exchange(m_queue, {});
    for (const Outgoing &mail : queue)
        Q_EMIT failed(mail.key, failure);
    Q_EMIT disconnected();
    if (!queue.isEmpty())
        Q_EMIT idle();
}

void SmtpClient::closeQuietly()
{
    m_replyTimer.stop();
    m_idleTimer.stop();
    const bool wasOpen = m_state != State::Disconnected;
    m_state = State::Disconnected;
    if (m_socket)
        m_socket->abort();
    m_buffer.clear();
    m_quitWhenDone = false;
    if (wasOpen)
        Q_EMIT disconnected();
    if (!m_queue.isEmpty())
        connectToServer(); // mails given while the goodbye was under way
}

void SmtpClient::onSocketError(QAbstractSocket::SocketError socketError)
{
    if (m_state == State::Disconnected)
        return;
    if (m_state == State::Quit || (m_state == State::Ready && m_queue.isEmpty())) {
        closeQuietly();
        return;
    }
    const QString where = m_settings.hostAndPort();
    switch (socketError) {
    case QAbstractSocket::ConnectionRefusedError:
        fail(error(SmtpError::Kind::ConnectionRefused,
                   tr("%1 refused the connection: nothing takes mail on that "
                      "port.")
                       .arg(where)));
        return;
    case QAbstractSocket::HostNotFoundError:
        fail(error(SmtpError::Kind::HostNotFound, tr("The mail server %1 was not found.").arg(m_settings.host)));
        return;
    case QAbstractSocket::SocketTimeoutError:
        fail(error(SmtpError::Kind::TimedOut, tr("%1 did not answer in time.").arg(where)));
        return;
    case QAbstractSocket::SslHandshakeFailedError: {
        if (!m_sslErrors.isEmpty()) {
            QStringList problems;
            for (const QSslError &sslError : std::as_const(m_sslErrors))
                problems.append(sslError.errorString());
            problems.removeDuplicates();
            fail(error(SmtpError::Kind::CertificateUntrusted,
                       tr("The certificate of %1 is not trusted: %2").arg(where, problems.join(u"; "_s))));
            return;
        }
        fail(error(SmtpError::Kind::TlsFailed,
                   tr("The TLS handshake with %1 failed: %2").arg(where, m_socket->errorString())));
        return;
    }
    case QAbstractSocket::RemoteHostClosedError:
        fail(error(SmtpError::Kind::ConnectionLost,
                   m_state == State::TlsHandshake || m_state == State::Connecting
                       ? tr("%1 closed the connection during the TLS handshake.").arg(where)
                       : tr("%1 closed the connection before the mail was accepted.").arg(where)));
        return;
    default:
        fail(error(SmtpError::Kind::ConnectionLost,
                   tr("The connection to %1 failed: %2").arg(where, m_socket->errorString())));
        return;
    }
}

void SmtpClient::onSslErrors(const QList<QSslError> &errors)
{
    // Kept for the message; never ignored, so the handshake fails.
    m_sslErrors = errors;
}

void SmtpClient::onDisconnected()
{
    if (m_state == State::Disconnected)
        return;
    if (m_state == State::Quit || (m_state == State::Ready && m_queue.isEmpty())) {
        closeQuietly();
        return;
    }
    onSocketError(QAbstractSocket::RemoteHostClosedError);
}

void SmtpClient::onReplyTimeout()
{
    if (m_state == State::Disconnected)
        return;
    if (m_state == State::Quit) {
        closeQuietly();
        return;
    }
    const QString where = m_settings.hostAndPort();
    const bool connecting = m_state == State::Connecting || m_state == State::TlsHandshake;
    const auto waited = connecting ? m_timeouts.connect : m_timeouts.reply;
    const QString seconds = QString::number(double(waited.count()) / 1000.0, 'g', 3);
    fail(error(SmtpError::Kind::TimedOut,
               connecting ? tr("%1 did not complete the connection within %2 s.").arg(where, seconds)
                          : tr("%1 did not answer within %2 s.").arg(where, seconds)));
}

void SmtpClient::onIdleTimeout()
{
    if (m_state != State::Ready || !m_queue.isEmpty())
        return;
    m_quitWhenDone = false;
    command(State::Quit, "QUIT");
}

SmtpError SmtpClient::replyError(SmtpError::Kind kind, const QString &message, const Reply &reply) const
{
    SmtpError e = error(kind, message);
    e.replyCode = reply.code;
    return e;
}

SmtpError SmtpClient::error(SmtpError::Kind kind, const QString &message) const
{
    SmtpError e;
    e.kind = kind;
    e.message = message;
    return e;
}

} // namespace rentdesk::net::mail
