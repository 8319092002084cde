// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/mailsetup.h"

#include "net/mail/mailcommand.h"
#include "net/secrets/secretstore.h"

#include <QCoreApplication>
#include <QSettings>

namespace rentdesk::app {

using namespace Qt::StringLiterals;

namespace {

const QString urlKey = u"mail/smtpUrl"_s;
const QString caFileKey = u"mail/caFile"_s;
const QString fromKey = u"mail/from"_s;

} // namespace

SavedMail savedMail()
{
    const QSettings settings;
    return { settings.value(urlKey).toString(), settings.value(caFileKey).toString(),
             settings.value(fromKey).toString() };
}

void saveMail(const SavedMail &mail)
{
    QSettings settings;
    settings.setValue(urlKey, mail.smtpUrl);
    settings.setValue(caFileKey, mail.caFile);
    settings.setValue(fromKey, mail.from);
}

SavedMail mailFor(const MailOptions &options)
{
    SavedMail mail = savedMail();
    if (options.smtpUrl) {
        // Another server: the saved CA file and sender were for the saved one.
        mail = { *options.smtpUrl, QString(), QString() };
    }
    if (options.caFile)
        mail.caFile = *options.caFile;
    if (options.from)
        mail.from = *options.from;
    return mail;
}

net::mail::SmtpClient::Timeouts timeoutsFor(const MailOptions &options)
{
    net::mail::SmtpClient::Timeouts timeouts;
    if (options.timeoutSeconds) {
        timeouts.connect = std::chrono::seconds(*options.timeoutSeconds);
        timeouts.reply = std::chrono::seconds(*options.timeoutSeconds);
    }
    return timeouts;
}

bool applyMailSettings(net::secrets::SecretStore &secrets, const SavedMail &before, const SavedMail &after,
                       const std::optional<QString> &changedPassword, const QString &password, QObject *context,
                       std::function<void(const QString &)> done)
{
    const bool settingsChanged = before != after;
    std::optional<QString> toKeep = changedPassword;
    if (!toKeep && before.smtpUrl != after.smtpUrl && !password.isEmpty())
        toKeep = password;
    const auto config = net::mail::makeMailConfig(after.smtpUrl, after.caFile, after.from);
    // Without a user name there is no log-in, and nothing to keep.
    if (toKeep && (!config || !config->smtp.needsPassword()))
        toKeep.reset();
    if (!settingsChanged && !toKeep)
        return false;
    if (settingsChanged)
        saveMail(after);
    if (!toKeep) {
        done(QString());
        return true;
    }
    secrets.write(config->smtp.secretKey(), *toKeep, context, [done](const std::expected<void, QString> &written) {
        done(written ? QString()
                     : QCoreApplication::translate("MailSetup", "The keyring did not keep the password: %1")
                           .arg(written.error()));
    });
    return true;
}

int sendTestMail(const Options &options)
{
    const SavedMail saved = mailFor(options.mail);
    if (saved.smtpUrl.trimmed().isEmpty()) {
        net::mail::printCommandLine(stderr,
                                    QCoreApplication::translate("MailSetup",
                                                                "No mail server is set up: give --smtp URL, or set "
                                                                "one up in Settings."));
        return net::mail::MailExitConfiguration;
    }
    const auto config = net::mail::makeMailConfig(saved.smtpUrl, saved.caFile, saved.from);
    if (!config) {
        net::mail::printCommandLine(stderr, config.error());
        return net::mail::MailExitConfiguration;
    }
    const auto secrets = net::secrets::makeSecretStore();
    return net::mail::runTestMail(*config, *secrets, options.sendTestMailTo, timeoutsFor(options.mail));
}

} // namespace rentdesk::app
