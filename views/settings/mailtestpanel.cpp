// SPDX-License-Identifier: GPL-3.0-or-later
#include "views/settings/mailtestpanel.h"

#include "net/mail/testmail.h"
#include "net/secrets/secretstore.h"
#include "views/widgets/formerrors.h"
#include "views/widgets/windowfit.h"

#include <QGridLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>

namespace rentdesk::views {

using namespace Qt::StringLiterals;

MailTestPanel::MailTestPanel(ConfigSource config, PasswordSource password, QWidget *parent)
    : QGroupBox(tr("Test"), parent)
    , m_config(std::move(config))
    , m_password(std::move(password))
{
    setObjectName(u"mailTestPanel"_s);
    m_recipient = new QLineEdit(this);
    m_recipient->setObjectName(u"testAddressEdit"_s);
    m_recipient->setPlaceholderText(tr("you@example.org"));
    m_recipient->setToolTip(tr("Where the test e-mail goes"));
    auto *recipientLabel = new QLabel(tr("Send &to:"), this);
    recipientLabel->setBuddy(m_recipient);

    m_send = new QPushButton(tr("Send test e-mail"), this);
    m_send->setObjectName(u"sendTestButton"_s);
    m_send->setToolTip(tr("Send one e-mail with the settings above, before they are saved"));
    // Return in the address field sends the test, not the dialog's OK.
    m_send->setAutoDefault(false);
    m_cancel = new QPushButton(tr("Cancel"), this);
    m_cancel->setObjectName(u"cancelTestButton"_s);
    m_cancel->setAutoDefault(false);
    m_cancel->hide();

    m_result = new QLabel(this);
    m_result->setObjectName(u"testResult"_s);
    m_result->setWordWrap(true);
    m_result->setTextFormat(Qt::PlainText);
    m_result->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_result->hide();

    auto *grid = new QGridLayout(this);
    grid->addWidget(recipientLabel, 0, 0);
    grid->addWidget(m_recipient, 0, 1);
    grid->addWidget(m_send, 0, 2);
    grid->addWidget(m_cancel, 0, 3);
    grid->addWidget(m_result, 1, 1, 1, 3);
    grid->setColumnStretch(1, 1);

    connect(m_send, &QPushButton::clicked, this, &MailTestPanel::send);
    connect(m_recipient, &QLineEdit::returnPressed, this, &MailTestPanel::send);
    connect(m_cancel, &QPushButton::clicked, this, &MailTestPanel::cancel);
}

MailTestPanel::~MailTestPanel() = default;

net::mail::SmtpClient::Timeouts MailTestPanel::timeouts()
{
    net::mail::SmtpClient::Timeouts timeouts;
    timeouts.connect = std::chrono::seconds(30);
    timeouts.reply = std::chrono::seconds(30);
    return timeouts;
}

void MailTestPanel::setRecipient(const QString &address)
{
    m_recipient->setText(address);
}

void MailTestPanel::showResult(const QString &text, bool failed)
{
    QPalette palette = m_result->palette();
    palette.setColor(QPalette::WindowText,
                     failed ? FormErrors::errorColor(palette) : this->palette().color(QPalette::WindowText));
    m_result->setPalette(palette);
    m_result->setText(text);
    m_result->setVisible(!text.isEmpty());
    growWindowToFit(this);
}

void MailTestPanel::send()
{
    if (isSending())
        return;
    showResult(QString(), false);
    const std::optional<net::mail::MailConfig> config = m_config();
    if (!config) {
        showResult(tr("Correct the mail settings above first."), true);
        return;
    }
    if (!config->isConfigured()) {
        showResult(tr("Enter the mail server first."), true);
        return;
    }
    const QString recipient = m_recipient->text().trimmed();
    if (recipient.isEmpty()) {
        showResult(tr("Enter the address to send the test e-mail to."), true);
        m_recipient->setFocus();
        return;
    }
    // What the outbox will use: RENTDESK_SMTP_PASSWORD wins over the keyring, as the page says.
    QString password = net::mail::passwordFromEnvironment();
    if (password.isEmpty())
        password = m_password();

    const QString server = config->smtp.hostAndPort();
    m_testMail = new net::mail::TestMail(*config, password, timeouts(), this);
    connect(m_testMail, &net::mail::TestMail::succeeded, this, [this, server](const QString &to) {
        finish();
        showResult(tr("Sent to %1 through %2.").arg(to, server), false);
    });
    connect(m_testMail, &net::mail::TestMail::failed, this, [this](const net::mail::SmtpError &error) {
        finish();
        showResult(error.message, true);
    });
    m_send->setEnabled(false);
    m_cancel->show();
    showResult(tr("Sending to %1 through %2…").arg(recipient, server), false);
    m_testMail->send(recipient);
}

void MailTestPanel::cancel()
{
    if (!isSending())
        return;
    m_testMail->cancel();
    finish();
    showResult(tr("The test e-mail was cancelled."), false);
}

void MailTestPanel::finish()
{
    // Not deleted at once: this may run inside one of its signals.
    if (m_testMail) {
        m_testMail->disconnect(this);
        m_testMail->deleteLater();
        m_testMail = nullptr;
    }
    m_cancel->hide();
    m_send->setEnabled(true);
}

} // namespace rentdesk::views
