// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "net/mail/mimemessage.h"
#include "net/mail/smtpsettings.h"

#include <QString>

#include <expected>

namespace rentdesk::net::mail {

// Everything about sending mail that is not a secret: where (the SMTP URL and an extra CA
// file) and as whom. The desktop keeps it in its settings (mail/smtpUrl, mail/caFile,
// mail/from), rentdesk-server in its configuration; --smtp, --smtp-ca-file and --mail-from
// override them for one run.
struct MailConfig
{
    SmtpSettings smtp;
    MailAddress from;

    [[nodiscard]] bool isConfigured() const { return smtp.isConfigured(); }
};

// Reads the three texts a person or a command line gives. An empty URL is a valid "mail not
// set up"; an empty sender becomes defaultSender(). The reason for a refusal names the field.
[[nodiscard]] std::expected<MailConfig, QString> makeMailConfig(const QString &url, const QString &caFile,
                                                                const QString &from);

// "RentDesk <user>" when the SMTP user name is an address (it usually is the mailbox that
// sends), else "RentDesk <rentdesk@host>".
[[nodiscard]] MailAddress defaultSender(const SmtpSettings &smtp);

// The SMTP password given in the environment for this run (RENTDESK_SMTP_PASSWORD), which wins
// over the keyring; empty when not set.
[[nodiscard]] QString passwordFromEnvironment();

} // namespace rentdesk::net::mail
