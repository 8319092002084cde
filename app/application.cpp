// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/application.h"

#include "app/mailsetup.h"
#include "models/db/database.h"
#include "models/demo/demogenerator.h"
#include "models/i18n/translator.h"
#include "models/mail/outboxstore.h"
#include "models/services/clock.h"
#include "models/services/mode.h"
#include "models/services/timekeeper.h"
#include "net/chat/chatclient.h"
#include "net/connection/savedsession.h"
#include "net/connection/serverconnection.h"
#include "net/mail/mailcommand.h"
#include "net/mail/outboxsender.h"
#include "net/secrets/secretstore.h"
#include "views/mainwindow/mainwindow.h"
#include "views/mainwindow/workspace.h"
#include "views/settings/serversettingspage.h"
#include "views/settings/settingsdialog.h"

#include <QApplication>
#include <QLocale>
#include <QMessageBox>
#include <QProcess>
#include <QSettings>
#include <QTextStream>

namespace rentdesk::app {

using namespace Qt::StringLiterals;

namespace {

void printError(const QString &message)
{
    // One line, so that scripts and people can read it; the message names the file.
    QTextStream err(stderr);
    err << QCoreApplication::applicationName().toLower() << u": "_s << QString(message).replace(u'\n', u' ') << u'\n';
}

// Fills an empty database with demo data; a database that has data is left alone. Returns
// false, having printed why, when the database failed.
bool addDemoData(const models::db::Database &database, int apartments)
{
    models::demo::DemoOptions options;
    options.apartments = apartments;
    options.today = models::services::SystemClock().today();
    const auto summary = models::demo::generateDemoData(database, options);
    QTextStream out(stdout);
    if (summary) {
        out << QCoreApplication::translate("Application",
                                           "Added demo data: %1 users, %2 buildings, %3 apartments, %4 bookings, "
                                           "%5 reviews.")
                   .arg(summary->users)
                   .arg(summary->buildings)
                   .arg(summary->apartments)
                   .arg(summary->bookings)
                   .arg(summary->reviews)
            << u'\n';
        return true;
    }
    if (summary.error().code == models::services::DomainError::Code::WrongState) {
        out << QCoreApplication::translate("Application", "%1 already has data; no demo data was added.")
                   .arg(database.path())
            << u'\n';
        return true;
    }
    printError(summary.error().message);
    return false;
}

models::domain::Language systemLanguage()
{
    return QLocale::system().language() == QLocale::Russian ? models::domain::Language::Russian
                                                            : models::domain::Language::English;
}

// The saved settings (the Settings dialog); the command line overrides them for one run.
const QString languageKey = QStringLiteral("general/language");
const QString databaseKey = QStringLiteral("general/database");

models::domain::Language savedLanguage()
{
    const auto saved = models::domain::fromCode<models::domain::Language>(QSettings().value(languageKey).toString());
    return saved ? *saved : systemLanguage();
}

QString savedDatabasePath()
{
    const QString saved = QSettings().value(databaseKey).toString();
    return saved.isEmpty() ? defaultDatabasePath() : saved;
}

// The arguments of this run without those the settings now decide, for a restart.
QStringList argumentsForRestart()
{
    QStringList kept;
    const QStringList arguments = QCoreApplication::arguments().mid(1);
    for (qsizetype i = 0; i < arguments.size(); ++i) {
        const QString &argument = arguments[i];
        if (argument == u"--language" || argument == u"--database" || argument == u"--demo-apartments") {
            ++i; // and its value
            continue;
        }
        if (argument.startsWith(u"--language=") || argument.startsWith(u"--database=")
            || argument.startsWith(u"--demo"))
            continue;
        kept.append(argument);
    }
    return kept;
}

} // namespace

struct Application::Private
{
    Options options;
    models::i18n::Translator translator;
    models::services::SystemClock clock;
    std::shared_ptr<models::db::Database> database;
    // Read once, right after the database opens; a database whose mode cannot be read is
    // not used at all (exit 1), never taken for standalone.
    models::services::Mode mode = models::services::Mode::Standalone;
    std::unique_ptr<models::services::TimeKeeper> timeKeeper;
    models::services::Session session;
    std::unique_ptr<views::Workspace> workspace;
    std::unique_ptr<net::secrets::SecretStore> secrets;
    std::unique_ptr<net::mail::OutboxSender> mailSender;
    // The one connection to rentdesk-server, and chat on it (sync next): declared before the
    // clients that use it, so that it is destroyed after them.
    std::unique_ptr<net::connection::ServerConnection> connection;
    std::unique_ptr<net::chat::ChatClient> chat;
    std::unique_ptr<views::MainWindow> window;

    // On the authority (a standalone database), brings bookings and apartments up to
    // today and keeps them there at every midnight. A failure is reported and the run
    // goes on: the data is as the last run left it, and the next day tries again.
    void startTimeKeeper();
    // On the authority, sends the outbox (DESIGN.md: the standalone desktop sends its own
    // mail) with this run's mail settings and the password from the environment or keyring.
    void startMailSender(models::services::Mode mode);
    void configureMail(const SavedMail &mail);
    void editSettings();
    // rentdesk --send-outbox: sends what is due and returns the exit code.
    int sendOutbox();
};

int Application::Private::sendOutbox()
{
    if (!models::services::isAuthority(mode)) {
        printError(QCoreApplication::translate("Application",
                                               "%1 is a replica of a server account; the server sends its mail.")
                       .arg(database->path()));
        return net::mail::MailExitConfiguration;
    }
    const SavedMail saved = mailFor(options.mail);
    const auto config = net::mail::makeMailConfig(saved.smtpUrl, saved.caFile, saved.from);
    if (!config || !config->isConfigured()) {
        printError(config ? QCoreApplication::translate("Application",
                                                        "No mail server is set up: give --smtp URL, or set one up "
                                                        "in Settings.")
                          : config.error());
        return net::mail::MailExitConfiguration;
    }
    secrets = net::secrets::makeSecretStore();
    mailSender = std::make_unique<net::mail::OutboxSender>(database, clock);
    net::mail::OutboxSender::Options senderOptions;
    senderOptions.timeouts = timeoutsFor(options.mail);
    mailSender->setOptions(senderOptions);

    int sent = 0;
    int failed = 0;
    QString lastProblem;
    QObject::connect(mailSender.get(), &net::mail::OutboxSender::mailSent, mailSender.get(), [&sent] { ++sent; });
    QObject::connect(mailSender.get(), &net::mail::OutboxSender::mailFailed, mailSender.get(),
                     [&failed, &lastProblem](const QUuid &, const QString &reason) {
                         ++failed;
                         lastProblem = reason;
                     });
    // Done once nothing is due any more: sent, failed for good, or waiting for a later try.
    QObject::connect(mailSender.get(), &net::mail::OutboxSender::drained, QCoreApplication::instance(),
                     &QCoreApplication::quit, Qt::QueuedConnection);
    net::mail::readPassword(*secrets, *config, mailSender.get(),
                            [this, config = *config](const QString &password, const QString &problem) {
                                if (!problem.isEmpty())
                                    printError(problem);
                                mailSender->configure(config, password);
                            });
    QCoreApplication::exec();

    const auto waiting = models::mail::OutboxStore(database, clock).list(models::domain::MailStatus::Queued, 1000000);
    QTextStream(stdout) << QCoreApplication::translate("Application", "Mail: %1 sent, %2 not sent, %3 waiting.")
                               .arg(sent)
                               .arg(failed)
                               .arg(waiting ? waiting->size() : 0)
                        << u'\n';
    if (failed > 0 && !lastProblem.isEmpty())
        printError(lastProblem);
    return failed > 0 ? int(net::mail::MailExitNotAllSent) : int(ExitSuccess);
}

void Application::Private::startMailSender(models::services::Mode mode)
{
    if (!models::services::isAuthority(mode))
        return; // the server sends the mail of a connected replica
    mailSender = std::make_unique<net::mail::OutboxSender>(database, clock);
    net::mail::OutboxSender::Options senderOptions;
    senderOptions.timeouts = timeoutsFor(options.mail);
    mailSender->setOptions(senderOptions);
    configureMail(mailFor(options.mail));
}

void Application::Private::configureMail(const SavedMail &mail)
{
    const auto config = net::mail::makeMailConfig(mail.smtpUrl, mail.caFile, mail.from);
    if (!config) {
        // Mail waits in the outbox; the status bar says mail is not set up.
        printError(config.error());
        mailSender->configure({}, QString());
        return;
    }
    net::mail::readPassword(*secrets, *config, mailSender.get(),
                            [this, config = *config](const QString &password, const QString &problem) {
                                if (!problem.isEmpty())
                                    printError(problem);
                                mailSender->configure(config, password);
                            });
}

void Application::Private::editSettings()
{
    const SavedMail mailBefore = savedMail();
    const views::SettingsValues current { translator.language(),
                                          database->path(),
                                          { mailBefore.smtpUrl, mailBefore.caFile, mailBefore.from } };
    views::SettingsDialog dialog(current, *secrets, window.get());
    if (const auto &user = session.user())
        dialog.mailPage()->setTestRecipient(user->email);
    views::ServerAccountDefaults account;
    if (const auto &user = session.user())
        account = { user->email, user->displayName, user->role, user->language };
    auto *server = new views::ServerSettingsPage(connection->serverUrl().toString(), *connection, account, &dialog);
    dialog.addTab(server, QCoreApplication::translate("Application", "Server"),
                  [server] { return server->validate(); });
    if (dialog.exec() != QDialog::Accepted)
        return;
    // The server: used at once (a sign-in on the tab has already used it).
    if (const QUrl url(server->url()); url != connection->serverUrl()) {
        connection->setServerUrl(url);
        connection->connectToServer();
    }
    net::connection::saveServerUrl(connection->serverUrl().toString());
    const views::SettingsValues chosen = dialog.values();
    const SavedMail mailAfter { chosen.mail.smtpUrl, chosen.mail.caFile, chosen.mail.from };
    // Mail settings need no restart: the running sender takes them once the password is kept.
    applyMailSettings(*secrets, mailBefore, mailAfter, dialog.mailPage()->changedPassword(),
                      dialog.mailPage()->password(), window.get(), [this](const QString &problem) {
                          if (!problem.isEmpty())
                              QMessageBox::warning(window.get(),
                                                   QCoreApplication::translate("Application", "Password not kept"),
                                                   problem);
                          if (mailSender)
                              configureMail(savedMail());
                      });
    if (!views::needsRestart(current, chosen))
        return;
    QSettings settings;
    settings.setValue(languageKey, models::domain::toCode(chosen.language));
    settings.setValue(databaseKey, chosen.databasePath);
    if (QMessageBox::question(window.get(), QCoreApplication::translate("Application", "Restart RentDesk?"),
                              QCoreApplication::translate("Application",
                                                          "The new settings take effect when RentDesk starts again. "
                                                          "Restart now?"))
        != QMessageBox::Yes)
        return;
    if (window->close() && QProcess::startDetached(QCoreApplication::applicationFilePath(), argumentsForRestart()))
        QCoreApplication::quit();
}

void Application::Private::startTimeKeeper()
{
    if (!models::services::isAuthority(mode))
        return; // the server moves a connected database on with time
    timeKeeper =
        std::make_unique<models::services::TimeKeeper>(models::services::ServiceContext(database, clock, mode));
    if (auto step = timeKeeper->start(); !step)
        printError(step.error().message);
}

Application::Application(Options options)
    : d(std::make_unique<Private>())
{
    d->options = std::move(options);
}

Application::~Application() = default;

int Application::run()
{
    d->translator.switchTo(d->options.language.value_or(savedLanguage()));
    if (!d->options.sendTestMailTo.isEmpty())
        return sendTestMail(d->options);

    const QString path = d->options.databasePath.isEmpty() ? savedDatabasePath() : d->options.databasePath;
    auto database = models::db::Database::open(path);
    if (!database) {
        printError(database.error().message);
        return ExitDatabaseError;
    }
    d->database = std::move(*database);
    const auto mode = models::services::storedMode(*d->database);
    if (!mode) {
        printError(d->database->path() + u": "_s + mode.error().message);
        return ExitDatabaseError;
    }
    if (*mode == models::services::Mode::Server) {
        printError(d->database->path() + u": "_s
                   + QCoreApplication::translate("Application",
                                                 "This is rentdesk-server's database; RentDesk does not open it."));
        return ExitDatabaseError;
    }
    d->mode = *mode;

    if (d->options.demo && !addDemoData(*d->database, d->options.demoApartments))
        return ExitDatabaseError;
    d->startTimeKeeper();

    if (d->options.sendOutbox)
        return d->sendOutbox();

    if (d->options.initOnly) {
        QTextStream(stdout) << QCoreApplication::translate("Application", "%1 is ready (schema version %2).")
                                   .arg(d->database->path())
                                   .arg(d->database->schemaVersion())
                            << u'\n';
        return ExitSuccess;
    }

    d->secrets = net::secrets::makeSecretStore();
    d->startMailSender(d->mode);
    d->workspace = std::make_unique<views::Workspace>(d->database, d->clock, d->mode, d->session);
    d->workspace->mailSender = d->mailSender.get();
    d->workspace->secrets = d->secrets.get();
    d->connection = std::make_unique<net::connection::ServerConnection>();
    d->chat = std::make_unique<net::chat::ChatClient>(*d->connection, d->database, d->clock);
    net::connection::setUpConnection(*d->connection, *d->secrets, d->options.serverUrl, printError);
    d->workspace->connection = d->connection.get();
    d->workspace->chat = d->chat.get();
    if (auto present = models::demo::presentDemoAccounts(*d->database); present && !present->isEmpty()) {
        for (const models::demo::DemoAccount &account : { models::demo::demoLandlord(), models::demo::demoRenter() }) {
            if (present->contains(account.email))
                d->workspace->demoAccounts.append(
                    { account.email,
                      QCoreApplication::translate("Application", "%1: %2")
                          .arg(models::domain::displayName(account.role), account.displayName) });
        }
        d->workspace->demoPassword = models::demo::demoPassword();
    }
    d->window = std::make_unique<views::MainWindow>(*d->workspace);
    QObject::connect(d->window.get(), &views::MainWindow::settingsRequested, d->window.get(),
                     [this] { d->editSettings(); });
    d->window->show();
    // Nobody is signed in yet: ask, once the window is on screen.
    QMetaObject::invokeMethod(d->window.get(), &views::MainWindow::showSignIn, Qt::QueuedConnection);
    return QApplication::exec();
}

} // namespace rentdesk::app
