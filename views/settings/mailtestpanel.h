// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "net/mail/mailconfig.h"
#include "net/mail/smtpclient.h"
#include "net/mail/testmail.h"

#include <QGroupBox>
#include <QPointer>

#include <functional>
#include <optional>

class QLabel;
class QLineEdit;
class QPushButton;

namespace rentdesk::views {

// "Send test e-mail" on the Mail tab: sends one message through net::mail::TestMail with the
// settings on the page as they are now (not yet saved), so that a person learns whether
// they work before pressing OK. Sending is asynchronous: the dialog stays responsive, the
// button is disabled and Cancel offered until the server answered or the time ran out;
// then one line says where the mail went or what the server said.
class MailTestPanel final : public QGroupBox
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MailTestPanel)

public:
    // The configuration to test, or nullopt when the page's values make none (the page
    // then shows why, under the field concerned).
    using ConfigSource = std::function<std::optional<net::mail::MailConfig>()>;
    using PasswordSource = std::function<QString()>;

    MailTestPanel(ConfigSource config, PasswordSource password, QWidget *parent = nullptr);
    ~MailTestPanel() override;

    void setRecipient(const QString &address);
    [[nodiscard]] bool isSending() const { return m_testMail != nullptr; }

    // A person waits for the answer: shorter than the outbox's, which nobody watches.
    [[nodiscard]] static net::mail::SmtpClient::Timeouts timeouts();

private:
    void send();
    void cancel();
    void finish();
    void showResult(const QString &text, bool failed);

    ConfigSource m_config;
    PasswordSource m_password;
    QLineEdit *m_recipient = nullptr;
    QPushButton *m_send = nullptr;
    QPushButton *m_cancel = nullptr;
    QLabel *m_result = nullptr;
    QPointer<net::mail::TestMail> m_testMail;
};

} // namespace rentdesk::views
