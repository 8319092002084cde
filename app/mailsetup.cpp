// SPDX-License-Identifier: GPL-3.0-or-later
#include "mailsetup.h"

#include "mail/secretstore.h"
#include "mail/testmail.h"

#include <QCoreApplication>
#include <QEventLoop>
#include <QSettings>
#include <QTextStream>
#include <QTimer>

namespace rentdesk::app {

using namespace Qt::StringLiterals;
using mail::SmtpError;

namespace {

const QString urlKey = u"mail/smtpUrl"_s;
const QString caFileKey = u"mail/caFile"_s;
const QString fromKey = u"mail/from"_s;

void printLine(QTextStream &stream, const QString &message)
{
    stream << QCoreApplication::applicationName().toLower() << u": "_s << QString(message).replace(u'\n', u' ')
           << u'\n';
    stream.flush();
}

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

mail::SmtpClient::Timeouts timeoutsFor(const MailOptions &options)
{
    mail::SmtpClient::Timeouts timeouts;
    if (options.timeoutSeconds) {
        timeouts.connect = std::chrono::seconds(*options.timeoutSeconds);
        timeouts.reply = std::chrono::seconds(*options.timeoutSeconds);
    }
    return timeouts;
}

void readPassword(mail::SecretStore &secrets, const mail::MailConfig &config, QObject *context,
                  std::function<void(const QString &, const QString &)> done)
{
    if (!config.smtp.needsPassword()) {
        done(QString(), QString());
        return;
    }
    if (const QString given = mail::passwordFromEnvironment(); !given.isEmpty()) {
        done(given, QString());
        return;
    }
    secrets.read(config.smtp.secretKey(), context, [done](const std::expected<QString, QString> &secret) {
        if (secret)
            done(*secret, QString());
        else
            done(QString(),
                 QCoreApplication::translate("MailSetup", "The keyring did not give the password: %1")
                     .arg(secret.error()));
    });
}

bool applyMailSettings(mail::SecretStore &secrets, const SavedMail &before, const SavedMail &after,
                       const std::optional<QString> &changedPassword, const QString &password, QObject *context,
                       std::function<void(const QString &)> done)
{
    const bool settingsChanged = before != after;
    std::optional<QString> toKeep = changedPassword;
    if (!toKeep && before.smtpUrl != after.smtpUrl && !password.isEmpty())
        toKeep = password;
    const auto config = mail::makeMailConfig(after.smtpUrl, after.caFile, after.from);
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

int exitCodeFor(SmtpError::Kind kind)
{
    switch (kind) {
    case SmtpError::Kind::Configuration:
        return ExitMailConfiguration;
    case SmtpError::Kind::HostNotFound:
        return ExitMailHostNotFound;
    case SmtpError::Kind::ConnectionRefused:
        return ExitMailConnectionRefused;
    case SmtpError::Kind::TimedOut:
        return ExitMailTimedOut;
    case SmtpError::Kind::ConnectionLost:
        return ExitMailConnectionLost;
    case SmtpError::Kind::TlsNotOffered:
        return ExitMailTlsNotOffered;
    case SmtpError::Kind::TlsFailed:
        return ExitMailTlsFailed;
    case SmtpError::Kind::CertificateUntrusted:
        return ExitMailCertificateUntrusted;
    case SmtpError::Kind::ProtocolViolation:
        return ExitMailProtocolViolation;
    case SmtpError::Kind::AuthenticationUnavailable:
        return ExitMailAuthenticationUnavailable;
    case SmtpError::Kind::AuthenticationFailed:
        return ExitMailAuthenticationFailed;
    case SmtpError::Kind::ServerUnavailable:
        return ExitMailServerUnavailable;
    case SmtpError::Kind::TemporaryRefusal:
        return ExitMailRefusedTemporarily;
    case SmtpError::Kind::PermanentRefusal:
        return ExitMailRefused;
    }
    return ExitMailConnectionLost;
}

int sendTestMail(const Options &options)
{
    QTextStream out(stdout);
    QTextStream err(stderr);
    const SavedMail saved = mailFor(options.mail);
    if (saved.smtpUrl.trimmed().isEmpty()) {
        printLine(err,
                  QCoreApplication::translate("MailSetup",
                                              "No mail server is set up: give --smtp URL, or set one up in "
                                              "Settings."));
        return ExitMailConfiguration;
    }
    const auto config = mail::makeMailConfig(saved.smtpUrl, saved.caFile, saved.from);
    if (!config) {
        printLine(err, config.error());
        return ExitMailConfiguration;
    }

    int exitCode = ExitMailConnectionLost;
    QEventLoop loop;
    const auto secrets = mail::makeSecretStore();
    std::unique_ptr<mail::TestMail> testMail;
    // Started from the loop, so that an answer that comes at once does not quit it before it runs.
    QTimer::singleShot(0, &loop, [&] {
        readPassword(*secrets, *config, &loop, [&](const QString &password, const QString &problem) {
            if (!problem.isEmpty()) {
                printLine(err, problem);
                exitCode = ExitMailConfiguration;
                loop.quit();
                return;
            }
            testMail = std::make_unique<mail::TestMail>(*config, password, timeoutsFor(options.mail));
            QObject::connect(testMail.get(), &mail::TestMail::succeeded, &loop, [&](const QString &recipient) {
                printLine(out,
                          QCoreApplication::translate("MailSetup", "A test mail to %1 was accepted by %2.")
                              .arg(recipient, config->smtp.hostAndPort()));
                exitCode = ExitSuccess;
                loop.quit();
            });
            QObject::connect(testMail.get(), &mail::TestMail::failed, &loop, [&](const SmtpError &error) {
                printLine(err, error.message);
                exitCode = exitCodeFor(error.kind);
                loop.quit();
            });
            testMail->send(options.sendTestMailTo);
        });
    });
    loop.exec();
    return exitCode;
}

} // namespace rentdesk::app
