// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "app/commandline.h"
#include "net/mail/mailconfig.h"
#include "net/mail/smtpclient.h"

#include <QObject>
#include <QString>

#include <expected>
#include <functional>
#include <optional>

namespace rentdesk::net::secrets {
class SecretStore;
}

namespace rentdesk::app {

// The mail settings as the Settings dialog saves them (QSettings mail/smtpUrl, mail/caFile,
// mail/from). No password: that lives in the keyring.
struct SavedMail
{
    QString smtpUrl;
    QString caFile;
    QString from;
    friend bool operator==(const SavedMail &, const SavedMail &) = default;
};
[[nodiscard]] SavedMail savedMail();
void saveMail(const SavedMail &mail);

// This run's mail settings: the saved ones, with what the command line gave instead.
[[nodiscard]] SavedMail mailFor(const MailOptions &options);
[[nodiscard]] net::mail::SmtpClient::Timeouts timeoutsFor(const MailOptions &options);

// Keeps what the Settings dialog's Mail tab changed: the settings when they differ, and the
// password under the new settings' keyring key when it was edited, or when the server or
// user changed and a password is on the page (the keyring holds it under the old key). Returns
// false, and never calls done, when nothing changed; else done follows once the keyring
// answered, with why it could not keep the password or empty.
bool applyMailSettings(net::secrets::SecretStore &secrets, const SavedMail &before, const SavedMail &after,
                       const std::optional<QString> &changedPassword, const QString &password, QObject *context,
                       std::function<void(const QString &problem)> done);

// rentdesk --send-test-mail: sends one mail, prints one line, returns the exit code.
[[nodiscard]] int sendTestMail(const Options &options);

} // namespace rentdesk::app
