// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "net/mail/mailconfig.h"
#include "net/mail/smtpclient.h"

#include <QObject>

#include <memory>

namespace rentdesk::net::mail {

// Sends one message that says the mail settings work, for the Settings dialog's "Send test
// e-mail" and for rentdesk --send-test-mail, so that both test exactly what the outbox will
// use. The text is in the program's language.
class TestMail final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TestMail)

public:
    TestMail(MailConfig config, QString password, SmtpClient::Timeouts timeouts, QObject *parent = nullptr);
    ~TestMail() override;

    // Sends to the address ("Name <address>" or a bare address); finished() follows, once.
    void send(const QString &recipient);
    void cancel();

    [[nodiscard]] static MailMessage message(const MailAddress &from, const MailAddress &to, const QDateTime &now);

Q_SIGNALS:
    void succeeded(const QString &recipient);
    void failed(const rentdesk::net::mail::SmtpError &error);

private:
    MailConfig m_config;
    QString m_password;
    SmtpClient::Timeouts m_timeouts;
    std::unique_ptr<SmtpClient> m_client;
    bool m_accepted = false;
};

} // namespace rentdesk::net::mail
