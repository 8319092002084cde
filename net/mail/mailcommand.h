// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "net/mail/mailconfig.h"
#include "net/mail/smtpclient.h"

#include <QObject>
#include <QString>

#include <functional>

namespace rentdesk::net::secrets {
class SecretStore;
}

namespace rentdesk::net::mail {

// Exit codes of --send-test-mail and --send-outbox, the same for rentdesk and
// rentdesk-server (README.md lists them). 0 is success; 1 and 2 are each program's own
// (the database, wrong usage).
enum MailExitCode : int {
    MailExitConfiguration = 3, // the mail settings cannot work (no server, no password, no CA file)
    MailExitNotAllSent = 4, // --send-outbox: some mails wait for a later try or failed for good
    MailExitHostNotFound = 10,
    MailExitConnectionRefused = 11,
    MailExitTimedOut = 12,
    MailExitConnectionLost = 13,
    MailExitTlsNotOffered = 14,
    MailExitTlsFailed = 15,
    MailExitCertificateUntrusted = 16,
    MailExitProtocolViolation = 17,
    MailExitAuthenticationUnavailable = 18,
    MailExitAuthenticationFailed = 19,
    MailExitServerUnavailable = 20,
    MailExitRefusedTemporarily = 21,
    MailExitRefused = 22,
};

[[nodiscard]] int exitCodeFor(SmtpError::Kind kind);

// The SMTP password for these settings: RENTDESK_SMTP_PASSWORD when set, else the keyring's.
// done gets the password (empty when none is needed or none is stored) and, when the keyring
// failed, why.
void readPassword(secrets::SecretStore &secrets, const MailConfig &config, QObject *context,
                  std::function<void(const QString &password, const QString &problem)> done);

// --send-test-mail: sends one TestMail with the password from readPassword(), prints one
// line (stdout on success, stderr with the reason otherwise, each prefixed with the
// program's name) and returns the exit code. Runs an event loop until it is done.
[[nodiscard]] int runTestMail(const MailConfig &config, secrets::SecretStore &secrets, const QString &recipient,
                              const SmtpClient::Timeouts &timeouts);

// One line on a stream, prefixed with the program's name ("rentdesk: …").
void printCommandLine(FILE *stream, const QString &message);

} // namespace rentdesk::net::mail
