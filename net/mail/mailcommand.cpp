// SPDX-License-Identifier: GPL-3.0-or-later
#include "net/mail/mailcommand.h"

#include "net/mail/testmail.h"
#include "net/secrets/secretstore.h"

#include <QCoreApplication>
#include <QEventLoop>
#include <QTextStream>
#include <QTimer>

#include <memory>

namespace rentdesk::net::mail {

using namespace Qt::StringLiterals;

int exitCodeFor(SmtpError::Kind kind)
{
    switch (kind) {
    case SmtpError::Kind::Configuration:
        return MailExitConfiguration;
    case SmtpError::Kind::HostNotFound:
        return MailExitHostNotFound;
    case SmtpError::Kind::ConnectionRefused:
        return MailExitConnectionRefused;
    case SmtpError::Kind::TimedOut:
        return MailExitTimedOut;
    case SmtpError::Kind::ConnectionLost:
        return MailExitConnectionLost;
    case SmtpError::Kind::TlsNotOffered:
        return MailExitTlsNotOffered;
    case SmtpError::Kind::TlsFailed:
        return MailExitTlsFailed;
    case SmtpError::Kind::CertificateUntrusted:
        return MailExitCertificateUntrusted;
    case SmtpError::Kind::ProtocolViolation:
        return MailExitProtocolViolation;
    case SmtpError::Kind::AuthenticationUnavailable:
        return MailExitAuthenticationUnavailable;
    case SmtpError::Kind::AuthenticationFailed:
        return MailExitAuthenticationFailed;
    case SmtpError::Kind::ServerUnavailable:
        return MailExitServerUnavailable;
    case SmtpError::Kind::TemporaryRefusal:
        return MailExitRefusedTemporarily;
    case SmtpError::Kind::PermanentRefusal:
        return MailExitRefused;
    }
    return MailExitConnectionLost;
}

void readPassword(secrets::SecretStore &secrets, const MailConfig &config, QObject *context,
                  std::function<void(const QString &, const QString &)> done)
{
    if (!config.smtp.needsPassword()) {
        done(QString(), QString());
        return;
    }
    if (const QString given = passwordFromEnvironment(); !given.isEmpty()) {
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

void printCommandLine(FILE *stream, const QString &message)
{
    QTextStream out(stream);
    out << QCoreApplication::applicationName().toLower() << u": "_s << QString(message).replace(u'\n', u' ') << u'\n';
}

int runTestMail(const MailConfig &config, secrets::SecretStore &secrets, const QString &recipient,
                const SmtpClient::Timeouts &timeouts)
{
    int exitCode = MailExitConnectionLost;
    QEventLoop loop;
    std::unique_ptr<TestMail> testMail;
    // Started from the loop, so that an answer that comes at once does not quit it before it
    // runs.
    QTimer::singleShot(0, &loop, [&] {
        readPassword(secrets, config, &loop, [&](const QString &password, const QString &problem) {
            if (!problem.isEmpty()) {
                printCommandLine(stderr, problem);
                exitCode = MailExitConfiguration;
                loop.quit();
                return;
            }
            testMail = std::make_unique<TestMail>(config, password, timeouts);
            QObject::connect(testMail.get(), &TestMail::succeeded, &loop, [&](const QString &to) {
                printCommandLine(stdout,
                                 QCoreApplication::translate("MailSetup", "A test mail to %1 was accepted by %2.")
                                     .arg(to, config.smtp.hostAndPort()));
                exitCode = 0;
                loop.quit();
            });
            QObject::connect(testMail.get(), &TestMail::failed, &loop, [&](const SmtpError &error) {
                printCommandLine(stderr, error.message);
                exitCode = exitCodeFor(error.kind);
                loop.quit();
            });
            testMail->send(recipient);
        });
    });
    loop.exec();
    return exitCode;
}

} // namespace rentdesk::net::mail
