// SPDX-License-Identifier: GPL-3.0-or-later
#include "net/mail/testmail.h"

#include "net/protocol/version.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QUuid>

namespace rentdesk::net::mail {

using namespace Qt::StringLiterals;

TestMail::TestMail(MailConfig config, QString password, SmtpClient::Timeouts timeouts, QObject *parent)
    : QObject(parent)
    , m_config(std::move(config))
    , m_password(std::move(password))
    , m_timeouts(timeouts)
{
}

TestMail::~TestMail() = default;

MailMessage TestMail::message(const MailAddress &from, const MailAddress &to, const QDateTime &now)
{
    MailMessage message;
    message.from = from;
    message.to = to;
    message.subject = tr("RentDesk test e-mail");
    message.text = tr("This message was sent by RentDesk to check its mail settings.\n\n"
                      "Booking requests, confirmations and other notices will come from this address.\n\n"
                      "— %1")
                       .arg(net::userAgent());
    message.html = u"<p>"_s + message.text.toHtmlEscaped().replace(u"\n\n"_s, u"</p><p>"_s) + u"</p>"_s;
    message.messageId = '<' + QUuid::createUuid().toString(QUuid::WithoutBraces).toLatin1() + "@rentdesk.local>";
    message.date = now;
    return message;
}

void TestMail::send(const QString &recipient)
{
    const auto to = parseMailAddress(recipient);
    if (!to) {
        SmtpError error;
        error.kind = SmtpError::Kind::Configuration;
        error.message = tr("The test address: %1").arg(to.error());
        QMetaObject::invokeMethod(
            this, [this, error] { Q_EMIT failed(error); }, Qt::QueuedConnection);
        return;
    }
    m_client = std::make_unique<SmtpClient>(m_config.smtp, m_password);
    m_client->setTimeouts(m_timeouts);
    m_client->quitWhenDone();
    const QString address = to->address;
    // Reported once the server said goodbye, so that a caller that exits then leaves no
    // connection half closed.
    connect(m_client.get(), &SmtpClient::sent, this, [this] { m_accepted = true; });
    connect(m_client.get(), &SmtpClient::disconnected, this, [this, address] {
        if (m_accepted)
            Q_EMIT succeeded(address);
    });
    connect(m_client.get(), &SmtpClient::failed, this,
            [this](const QString &, const SmtpError &error) { Q_EMIT failed(error); });
    m_client->send(u"test"_s, message(m_config.from, *to, QDateTime::currentDateTime()));
}

void TestMail::cancel()
{
    if (m_client) {
        m_client->disconnect(this);
        m_client->abort();
    }
}

} // namespace rentdesk::net::mail
