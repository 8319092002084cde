// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "commandline.h"
#include "mail/mailconfig.h"
#include "mail/smtpclient.h"

#include <QObject>
#include <QString>

#include <expected>
#include <functional>

namespace rentdesk::mail {
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
[[nodiscard]] mail::SmtpClient::Timeouts timeoutsFor(const MailOptions &options);

// The SMTP password for these settings: RENTDESK_SMTP_PASSWORD when set, else the keyring's.
// done gets the password (empty when none is needed or none is stored) and, when the keyring
// failed, why.
void readPassword(mail::SecretStore &secrets, const mail::MailConfig &config, QObject *context,
                  std::function<void(const QString &password, const QString &problem)> done);

// rentdesk --send-test-mail: sends one mail, prints one line, returns the exit code.
[[nodiscard]] int sendTestMail(const Options &options);

[[nodiscard]] int exitCodeFor(mail::SmtpError::Kind kind);

} // namespace rentdesk::app
