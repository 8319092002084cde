// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "net/mail/mailconfig.h"

#include <QString>
#include <QWidget>

#include <optional>

class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QSpinBox;

namespace rentdesk::net::secrets {
class SecretStore;
}

namespace rentdesk::views {

class FormErrors;
class MailTestPanel;

// The mail settings as the Settings dialog edits them: the three texts the composition root
// keeps in QSettings (mail/smtpUrl, mail/caFile, mail/from). An empty URL is "mail off". The
// password is not among them: it lives in a SecretStore.
struct MailSettingsValues
{
    QString smtpUrl;
    QString caFile;
    QString from;
    friend bool operator==(const MailSettingsValues &, const MailSettingsValues &) = default;
};

// The Settings dialog's Mail tab: the SMTP server as separate fields (security, host, port,
// user, password, CA file, sender) from which the URL is made with SmtpSettings::url(), so a
// person never writes a URL; and a test e-mail sent with what is on the page before it is
// saved. The stored password is read from the SecretStore when the page opens and filled
// in when it arrives; the page reports a changed password, and never writes it anywhere.
class MailSettingsPage final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MailSettingsPage)

public:
    MailSettingsPage(const MailSettingsValues &values, net::secrets::SecretStore &secrets, QWidget *parent = nullptr);
    ~MailSettingsPage() override;

    // What the fields say now (the URL built from them; empty when there is no server).
    [[nodiscard]] MailSettingsValues values() const;
    // The password as typed, or as read from the keyring.
    [[nodiscard]] QString password() const;
    // The password, when the person edited it; nullopt when untouched.
    [[nodiscard]] std::optional<QString> changedPassword() const;
    // Where the test e-mail goes unless the person types another address.
    void setTestRecipient(const QString &address);

    // Checks the values as the mail sender will read them (makeMailConfig). A refusal is shown
    // under the field it is about, and the field gets the focus; false then.
    bool validate();
    // The configuration the values make, having shown why when they make none.
    [[nodiscard]] std::optional<net::mail::MailConfig> checkedConfig();

private:
    void buildForm();
    void load(const MailSettingsValues &values);
    void readStoredPassword();
    void onSecurityChanged();
    void updateHints();
    void browseCaFile();
    [[nodiscard]] net::mail::SmtpSettings fieldSettings() const;
    void showFieldError(const QString &field, const QString &message);

    net::secrets::SecretStore &m_secrets;
    QComboBox *m_security = nullptr;
    QLineEdit *m_host = nullptr;
    QSpinBox *m_port = nullptr;
    QLineEdit *m_user = nullptr;
    QLineEdit *m_password = nullptr;
    QLabel *m_passwordNote = nullptr;
    QLineEdit *m_caFile = nullptr;
    QPushButton *m_browseCaFile = nullptr;
    QLineEdit *m_from = nullptr;
    QLabel *m_insecureWarning = nullptr;
    FormErrors *m_errors = nullptr;
    MailTestPanel *m_test = nullptr;
    net::mail::SmtpSecurity m_shownSecurity = net::mail::SmtpSecurity::StartTls;
    bool m_passwordEdited = false;
};

} // namespace rentdesk::views
