// SPDX-License-Identifier: GPL-3.0-or-later
#include "net/mail/mailconfig.h"

#include <QCoreApplication>
#include <QFileInfo>

namespace rentdesk::net::mail {

using namespace Qt::StringLiterals;

std::expected<MailConfig, QString> makeMailConfig(const QString &url, const QString &caFile, const QString &from)
{
    MailConfig config;
    if (url.trimmed().isEmpty())
        return config;
    auto smtp = parseSmtpUrl(url);
    if (!smtp)
        return std::unexpected(smtp.error());
    config.smtp = *smtp;
    config.smtp.caFile = caFile.trimmed();
    if (!config.smtp.caFile.isEmpty() && !QFileInfo(config.smtp.caFile).isFile()) {
        return std::unexpected(
            QCoreApplication::translate("MailConfig", "The CA file %1 does not exist.").arg(config.smtp.caFile));
    }
    if (config.smtp.security == SmtpSecurity::Insecure && !config.smtp.caFile.isEmpty()) {
        return std::unexpected(QCoreApplication::translate(
            "MailConfig", "A CA file is of no use with smtp+insecure://, which does not use TLS."));
    }
    if (from.trimmed().isEmpty()) {
        config.from = defaultSender(config.smtp);
    } else {
        auto sender = parseMailAddress(from);
        if (!sender)
            return std::unexpected(
                QCoreApplication::translate("MailConfig", "The sender address: %1").arg(sender.error()));
        config.from = *sender;
    }
    return config;
}

MailAddress defaultSender(const SmtpSettings &smtp)
{
    if (auto user = parseMailAddress(smtp.user); user && smtp.user.contains(u'@'))
        return { u"RentDesk"_s, user->address };
    const QString host = smtp.host.contains(u':') ? u"localhost"_s : smtp.host;
    return { u"RentDesk"_s, u"rentdesk@"_s + host };
}

QString passwordFromEnvironment()
{
    return qEnvironmentVariable("RENTDESK_SMTP_PASSWORD");
}

} // namespace rentdesk::net::mail
