// SPDX-License-Identifier: GPL-3.0-or-later
#include "views/settings/mailsettingspage.h"

#include "net/secrets/secretstore.h"
#include "views/settings/mailtestpanel.h"
#include "views/widgets/accessiblename.h"
#include "views/widgets/formerrors.h"
#include "views/widgets/windowfit.h"

#include <QComboBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

namespace rentdesk::views {

using namespace Qt::StringLiterals;
using net::mail::SmtpSecurity;

namespace {

// The input and the line under it (its refusal, or a note), in one form cell, so that a
// hidden line takes no room.
QWidget *withErrorLine(QWidget *parent, QLayout *field, QLabel *error)
{
    auto *cell = new QWidget(parent);
    auto *column = new QVBoxLayout(cell);
    column->setContentsMargins(0, 0, 0, 0);
    column->setSpacing(2);
    column->addLayout(field);
    column->addWidget(error);
    return cell;
}

QHBoxLayout *row(std::initializer_list<QWidget *> widgets)
{
    auto *layout = new QHBoxLayout;
    layout->setContentsMargins(0, 0, 0, 0);
    for (QWidget *widget : widgets)
        layout->addWidget(widget, widget == *widgets.begin() ? 1 : 0);
    return layout;
}

QLabel *errorLine(QWidget *parent, const QString &name)
{
    auto *label = new QLabel(parent);
    label->setObjectName(name);
    FormErrors::prepareLabel(label);
    return label;
}

} // namespace

MailSettingsPage::MailSettingsPage(const MailSettingsValues &values, net::secrets::SecretStore &secrets,
                                   QWidget *parent)
    : QWidget(parent)
    , m_secrets(secrets)
    , m_errors(new FormErrors(this))
{
    setObjectName(u"mailSettingsPage"_s);
    buildForm();
    load(values);
    readStoredPassword();
}

MailSettingsPage::~MailSettingsPage() = default;

void MailSettingsPage::buildForm()
{
    auto *intro = new QLabel(tr("RentDesk sends booking notices through this mail server. Leave the server empty to "
                                "send no mail: notices then wait in the mail queue."),
                             this);
    intro->setWordWrap(true);

    m_security = new QComboBox(this);
    m_security->setObjectName(u"securityCombo"_s);
    m_security->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
    m_security->addItem(tr("STARTTLS (port 587)"), int(SmtpSecurity::StartTls));
    m_security->addItem(tr("TLS from the start (port 465)"), int(SmtpSecurity::ImplicitTls));
    m_security->addItem(tr("No encryption — a local relay only (port 25)"), int(SmtpSecurity::Insecure));
    // In the error colour: this choice gives the password away to anyone on the network.
    m_insecureWarning = new QLabel(this);
    m_insecureWarning->setObjectName(u"insecureWarning"_s);
    FormErrors::prepareLabel(m_insecureWarning);
    m_insecureWarning->setText(tr("Without encryption, mail and the password go over the network unencrypted. "
                                  "Choose this only for a relay on this computer or on a network you trust."));

    m_host = new QLineEdit(this);
    m_host->setObjectName(u"hostEdit"_s);
    m_host->setPlaceholderText(tr("mail.example.org — empty: no mail is sent"));
    m_port = new QSpinBox(this);
    m_port->setObjectName(u"portSpin"_s);
    m_port->setRange(1, 65535);
    m_port->setValue(net::mail::defaultPort(SmtpSecurity::StartTls));
    m_user = new QLineEdit(this);
    m_user->setObjectName(u"userEdit"_s);
    m_user->setPlaceholderText(tr("Often the mailbox's address; empty: no log-in"));
    m_password = new QLineEdit(this);
    m_password->setObjectName(u"passwordEdit"_s);
    m_password->setEchoMode(QLineEdit::Password);
    m_password->setPlaceholderText(m_secrets.isPersistent() ? tr("Kept in the system keyring")
                                                            : tr("Kept until RentDesk closes (no keyring found)"));
    m_passwordNote = new QLabel(this);
    m_passwordNote->setObjectName(u"passwordNote"_s);
    m_passwordNote->setWordWrap(true);
    m_passwordNote->setVisible(false);
    if (!net::mail::passwordFromEnvironment().isEmpty()) {
        m_passwordNote->setText(tr("RENTDESK_SMTP_PASSWORD is set: RentDesk uses it instead of the password here."));
        m_passwordNote->show();
    }

    m_caFile = new QLineEdit(this);
    m_caFile->setObjectName(u"caFileEdit"_s);
    m_caFile->setPlaceholderText(tr("Optional: more certificates to trust (PEM)"));
    m_browseCaFile = new QPushButton(tr("Browse…"), this);
    m_browseCaFile->setObjectName(u"browseCaFileButton"_s);
    m_from = new QLineEdit(this);
    m_from->setObjectName(u"fromEdit"_s);
    m_from->setToolTip(tr("Who the notices come from, as \"Name <address>\""));

    auto *hostError = errorLine(this, u"hostError"_s);
    auto *caFileError = errorLine(this, u"caFileError"_s);
    auto *fromError = errorLine(this, u"fromError"_s);
    auto *generalError = errorLine(this, u"mailError"_s);
    m_errors->addField(u"host"_s, m_host, hostError);
    m_errors->addField(u"caFile"_s, m_caFile, caFileError);
    m_errors->addField(u"from"_s, m_from, fromError);
    m_errors->setGeneralLabel(generalError);

    auto *form = new QFormLayout;
    form->setFieldGrowthPolicy(QFormLayout::ExpandingFieldsGrow);
    const auto add = [this, form](const QString &text, QWidget *buddy, QWidget *field) {
        auto *caption = new QLabel(text, this);
        caption->setBuddy(buddy);
        nameAfterCaption(buddy, caption); // the buddy sits in a cell of its own, not beside it
        form->addRow(caption, field);
    };
    // The notes share their field's cell, as the error lines do: a form row of their own
    // would be as tall as their first words need, and clip the rest.
    add(tr("&Security:"), m_security, withErrorLine(this, row({ m_security }), m_insecureWarning));
    add(tr("Se&rver:"), m_host, withErrorLine(this, row({ m_host }), hostError));
    add(tr("P&ort:"), m_port, m_port);
    add(tr("&User name:"), m_user, m_user);
    add(tr("&Password:"), m_password, withErrorLine(this, row({ m_password }), m_passwordNote));
    add(tr("&CA file:"), m_caFile, withErrorLine(this, row({ m_caFile, m_browseCaFile }), caFileError));
    add(tr("Se&nder:"), m_from, withErrorLine(this, row({ m_from }), fromError));

    m_test = new MailTestPanel([this] { return checkedConfig(); }, [this] { return password(); }, this);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addLayout(form);
    layout->addWidget(generalError);
    layout->addWidget(m_test);
    layout->addStretch(1);

    connect(m_security, &QComboBox::currentIndexChanged, this, &MailSettingsPage::onSecurityChanged);
    connect(m_host, &QLineEdit::textChanged, this, &MailSettingsPage::updateHints);
    connect(m_user, &QLineEdit::textChanged, this, &MailSettingsPage::updateHints);
    connect(m_password, &QLineEdit::textEdited, this, [this] { m_passwordEdited = true; });
    connect(m_browseCaFile, &QPushButton::clicked, this, &MailSettingsPage::browseCaFile);
}

void MailSettingsPage::load(const MailSettingsValues &values)
{
    m_caFile->setText(values.caFile);
    m_from->setText(values.from);
    if (!values.smtpUrl.trimmed().isEmpty()) {
        const auto saved = net::mail::parseSmtpUrl(values.smtpUrl);
        if (saved) {
            m_security->setCurrentIndex(m_security->findData(int(saved->security)));
            m_host->setText(saved->host);
            m_port->setValue(saved->port);
            m_user->setText(saved->user);
        } else {
            // Edited by hand, or from an older release: say so rather than show a blank page.
            showFieldError(u"host"_s, tr("The saved mail server cannot be read: %1").arg(saved.error()));
        }
    }
    m_shownSecurity = SmtpSecurity(m_security->currentData().toInt());
    onSecurityChanged();
}

void MailSettingsPage::readStoredPassword()
{
    const net::mail::SmtpSettings settings = fieldSettings();
    if (!settings.isConfigured() || !settings.needsPassword())
        return;
    m_secrets.read(settings.secretKey(), this, [this](const std::expected<QString, QString> &secret) {
        // Whatever the person typed meanwhile stays.
        if (m_passwordEdited)
            return;
        if (secret) {
            m_password->setText(*secret);
        } else {
            m_passwordNote->setText(tr("The keyring did not give the password: %1").arg(secret.error()));
            m_passwordNote->show();
            growWindowToFit(this);
        }
    });
}

void MailSettingsPage::onSecurityChanged()
{
    const auto security = SmtpSecurity(m_security->currentData().toInt());
    // A port the person chose stays; the old security's usual port follows the new one.
    if (m_port->value() == net::mail::defaultPort(m_shownSecurity))
        m_port->setValue(net::mail::defaultPort(security));
    m_shownSecurity = security;
    const bool insecure = security == SmtpSecurity::Insecure;
    m_insecureWarning->setVisible(insecure);
    growWindowToFit(this);
    m_caFile->setEnabled(!insecure);
    m_browseCaFile->setEnabled(!insecure);
    updateHints();
}

void MailSettingsPage::updateHints()
{
    const net::mail::SmtpSettings settings = fieldSettings();
    m_from->setPlaceholderText(settings.isConfigured()
                                   ? net::mail::formatMailAddress(net::mail::defaultSender(settings))
                                   : tr("Name <address>"));
}

void MailSettingsPage::browseCaFile()
{
    const QString file = QFileDialog::getOpenFileName(this, tr("CA file"), m_caFile->text(),
                                                      tr("Certificates (*.pem *.crt);;All files (*)"));
    if (!file.isEmpty())
        m_caFile->setText(file);
}

net::mail::SmtpSettings MailSettingsPage::fieldSettings() const
{
    net::mail::SmtpSettings settings;
    settings.security = SmtpSecurity(m_security->currentData().toInt());
    settings.host = m_host->text().trimmed();
    settings.port = quint16(m_port->value());
    settings.user = m_user->text().trimmed();
    return settings;
}

MailSettingsValues MailSettingsPage::values() const
{
    const net::mail::SmtpSettings settings = fieldSettings();
    // A CA file means nothing without TLS; it stays in its (disabled) field should the person
    // switch back.
    const QString caFile = settings.security == SmtpSecurity::Insecure ? QString() : m_caFile->text().trimmed();
    return { settings.url(), caFile, m_from->text().trimmed() };
}

QString MailSettingsPage::password() const
{
    return m_password->text();
}

std::optional<QString> MailSettingsPage::changedPassword() const
{
    return m_passwordEdited ? std::optional<QString>(m_password->text()) : std::nullopt;
}

void MailSettingsPage::setTestRecipient(const QString &address)
{
    m_test->setRecipient(address);
}

void MailSettingsPage::showFieldError(const QString &field, const QString &message)
{
    m_errors->show(
        models::services::DomainError(models::services::DomainError::Code::InvalidValue, u"mail"_s, field, message));
    growWindowToFit(this);
}

std::optional<net::mail::MailConfig> MailSettingsPage::checkedConfig()
{
    m_errors->clear();
    const net::mail::SmtpSettings settings = fieldSettings();
    const MailSettingsValues current = values();
    if (!settings.isConfigured())
        return net::mail::MailConfig {}; // mail off: nothing else matters
    // The URL is made from the fields; a host that cannot be part of one shows as a URL that
    // does not read back as the same fields.
    const auto parsed = net::mail::parseSmtpUrl(current.smtpUrl);
    if (!parsed || parsed->host.compare(settings.host, Qt::CaseInsensitive) != 0) {
        showFieldError(u"host"_s, tr("\"%1\" is not a server name or address.").arg(settings.host));
        return std::nullopt;
    }
    // Each field is checked by the same function that reads them for the sender, one more
    // field at a time, so that a refusal lands under the field that caused it.
    if (const auto withCa = net::mail::makeMailConfig(current.smtpUrl, current.caFile, QString()); !withCa) {
        showFieldError(u"caFile"_s, withCa.error());
        return std::nullopt;
    }
    auto config = net::mail::makeMailConfig(current.smtpUrl, current.caFile, current.from);
    if (!config) {
        showFieldError(u"from"_s, config.error());
        return std::nullopt;
    }
    return *config;
}

bool MailSettingsPage::validate()
{
    return checkedConfig().has_value();
}

} // namespace rentdesk::views
