// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/application.h"

#include "app/exportcommand.h"
#include "app/icscommand.h"
#include "app/mailsetup.h"
#include "models/db/database.h"
#include "models/demo/demogenerator.h"
#include "models/i18n/translator.h"
#include "models/mail/outboxstore.h"
#include "models/services/clock.h"
#include "models/services/mode.h"
#include "models/services/timekeeper.h"
#include "models/sync/replica.h"
#include "models/sync/replicadirectory.h"
#include "net/calendar/subscriptionrefresher.h"
#include "net/chat/chatclient.h"
#include "net/connection/savedsession.h"
#include "net/connection/serverconnection.h"
#include "net/mail/mailcommand.h"
#include "net/mail/outboxsender.h"
#include "net/secrets/secretstore.h"
#include "net/sync/replicasession.h"
#include "views/firstrun/demodataprogress.h"
#include "views/firstrun/firstrunwizard.h"
#include "views/mainwindow/mainwindow.h"
#include "views/mainwindow/workspace.h"
#include "views/settings/serversettingspage.h"
#include "views/settings/settingsdialog.h"
#include "views/sync/switchaccountdialog.h"

#include <QApplication>
#include <QFileInfo>
#include <QLocale>
#include <QMessageBox>
#include <QPointer>
#include <QProcess>
#include <QSettings>
#include <QTextStream>
#include <QUrl>

#include <expected>

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

// The saved settings (the Settings dialog); the command line overrides them for one run. Not in
// a group "general": QSettings' INI files keep that one as their [%General] section, which reads
// back as "General/…", so such keys never survived a restart; what earlier versions saved there
// is still read (savedValue()).
const QString languageKey = QStringLiteral("desktop/language");
const QString databaseKey = QStringLiteral("desktop/database");
// The file open when RentDesk last ran or switched: a later start opens it again.
const QString lastOpenedKey = QStringLiteral("desktop/lastOpened");

QVariant savedValue(const QString &key)
{
    const QSettings settings;
    if (settings.contains(key))
        return settings.value(key);
    return settings.value(u"General/"_s + key.section(u'/', 1));
}

models::domain::Language savedLanguage()
{
    const auto saved = models::domain::fromCode<models::domain::Language>(savedValue(languageKey).toString());
    return saved ? *saved : systemLanguage();
}

QString savedDatabasePath()
{
    const QString saved = savedValue(databaseKey).toString();
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

// What one open database needs, built when it opens and dropped as a whole when another takes
// its place (File ▸ Switch account, a sign-in on a server): the window, the connection with chat
// and sync on it, the services and the database. Declared in the order they are built, so that
// each goes after everything that uses it.
struct Desktop
{
    std::shared_ptr<models::db::Database> database;
    // Read once, right after the database opens; a database whose mode cannot be read is
    // not used at all (exit 1), never taken for standalone.
    models::services::Mode mode = models::services::Mode::Standalone;
    std::unique_ptr<models::services::TimeKeeper> timeKeeper;
    std::unique_ptr<net::mail::OutboxSender> mailSender;
    // On the authority, reads the calendars the apartments follow (issue 14).
    std::unique_ptr<net::calendar::SubscriptionRefresher> calendarRefresher;
    std::unique_ptr<views::Workspace> workspace;
    // The one connection to rentdesk-server, with chat on it and, on a replica, sync.
    std::unique_ptr<net::connection::ServerConnection> connection;
    std::unique_ptr<net::sync::ReplicaSession> replica;
    std::unique_ptr<net::chat::ChatClient> chat;
    std::unique_ptr<views::MainWindow> window;
};

// A desktop that another has replaced, kept until control is back in the main loop: its window
// may be in one of its own slots, or a dialog's event loop, when the switch is asked for.
class RetiredDesktop final : public QObject
{
public:
    explicit RetiredDesktop(std::unique_ptr<Desktop> desktop)
        : m_desktop(std::move(desktop))
    {
    }

private:
    std::unique_ptr<Desktop> m_desktop;
};

struct Application::Private
{
    Options options;
    models::i18n::Translator translator;
    models::services::SystemClock clock;
    models::services::Session session;
    std::unique_ptr<net::secrets::SecretStore> secrets;
    std::unique_ptr<Desktop> desktop;
    // This computer's own database (the settings' or the command line's), which Switch account
    // offers beside the replicas; and where the replicas are.
    QString standalonePath;
    models::sync::ReplicaDirectory replicas { defaultReplicaFolder() };
    // What was open before the last switch, for Cancel in a first sync.
    QString previousPath;
    // The first-run assistant chose a server: the window opens with the sign-in on it.
    bool connectOnShow = false;

    // Opens the database at path into a new Desktop (the window not yet), with the replica of a
    // connected database.
    [[nodiscard]] std::expected<std::unique_ptr<Desktop>, QString> openDesktop(const QString &path);
    // Builds the window of the open desktop and shows it; asks for a sign-in, or shows the
    // first sync's progress.
    void showWindow();
    // Opens path in place of what is open, keeping what is open when path fails (said in a box).
    void switchTo(const QString &path);
    // Puts next in place of what is open. `token`: a session just made for the account of
    // next's replica, used at once.
    void switchTo(std::unique_ptr<Desktop> next, const QString &token = {});
    // Signed in on a server as user: opens (or makes) that account's replica.
    void openServerAccount(const net::protocol::UserJson &user);
    void chooseAccount();
    // On the authority (a standalone database), brings bookings and apartments up to
    // today and keeps them there at every midnight. A failure is reported and the run
    // goes on: the data is as the last run left it, and the next day tries again.
    void startTimeKeeper(Desktop &d) const;
    // On the authority, sends the outbox (DESIGN.md: the standalone desktop sends its own
    // mail) with this run's mail settings and the password from the environment or keyring.
    void startMailSender(Desktop &d);
    // On the authority, reads the calendars the apartments follow at once and every three hours.
    void startCalendarRefresher(Desktop &d) const;
    void configureMail(const SavedMail &mail);
    void editSettings();
    // The first-run assistant on the open (standalone) database: the language, demo data or a
    // server to connect to, the mail server. Whatever happens, it is not shown again by itself.
    void runFirstRun();
    // rentdesk --send-outbox: sends what is due and returns the exit code.
    int sendOutbox();
};

int Application::Private::sendOutbox()
{
    Desktop &d = *desktop;
    if (!models::services::isAuthority(d.mode)) {
        printError(QCoreApplication::translate("Application",
                                               "%1 is a replica of a server account; the server sends its mail.")
                       .arg(d.database->path()));
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
    d.mailSender = std::make_unique<net::mail::OutboxSender>(d.database, clock);
    net::mail::OutboxSender &sender = *d.mailSender;
    net::mail::OutboxSender::Options senderOptions;
    senderOptions.timeouts = timeoutsFor(options.mail);
    sender.setOptions(senderOptions);

    int sent = 0;
    int failed = 0;
    QString lastProblem;
    QObject::connect(&sender, &net::mail::OutboxSender::mailSent, &sender, [&sent] { ++sent; });
    QObject::connect(&sender, &net::mail::OutboxSender::mailFailed, &sender,
                     [&failed, &lastProblem](const QUuid &, const QString &reason) {
                         ++failed;
                         lastProblem = reason;
                     });
    // Done once nothing is due any more: sent, failed for good, or waiting for a later try.
    QObject::connect(&sender, &net::mail::OutboxSender::drained, QCoreApplication::instance(), &QCoreApplication::quit,
                     Qt::QueuedConnection);
    net::mail::readPassword(*secrets, *config, &sender,
                            [&sender, config = *config](const QString &password, const QString &problem) {
                                if (!problem.isEmpty())
                                    printError(problem);
                                sender.configure(config, password);
                            });
    QCoreApplication::exec();

    const auto waiting = models::mail::OutboxStore(d.database, clock).list(models::domain::MailStatus::Queued, 1000000);
    QTextStream(stdout) << QCoreApplication::translate("Application", "Mail: %1 sent, %2 not sent, %3 waiting.")
                               .arg(sent)
                               .arg(failed)
                               .arg(waiting ? waiting->size() : 0)
                        << u'\n';
    if (failed > 0 && !lastProblem.isEmpty())
        printError(lastProblem);
    return failed > 0 ? int(net::mail::MailExitNotAllSent) : int(ExitSuccess);
}

void Application::Private::startMailSender(Desktop &d)
{
    if (!models::services::isAuthority(d.mode))
        return; // the server sends the mail of a connected replica
    d.mailSender = std::make_unique<net::mail::OutboxSender>(d.database, clock);
    net::mail::OutboxSender::Options senderOptions;
    senderOptions.timeouts = timeoutsFor(options.mail);
    d.mailSender->setOptions(senderOptions);
}

void Application::Private::startCalendarRefresher(Desktop &d) const
{
    // A connected replica's blocks come from its server; the server fetches no calendars yet.
    if (d.mode != models::services::Mode::Standalone || d.calendarRefresher)
        return;
    d.calendarRefresher = std::make_unique<net::calendar::SubscriptionRefresher>(
        models::services::ServiceContext(d.database, clock, d.mode));
    d.calendarRefresher->start();
}

void Application::Private::configureMail(const SavedMail &mail)
{
    net::mail::OutboxSender *sender = desktop ? desktop->mailSender.get() : nullptr;
    if (!sender)
        return;
    const auto config = net::mail::makeMailConfig(mail.smtpUrl, mail.caFile, mail.from);
    if (!config) {
        // Mail waits in the outbox; the status bar says mail is not set up.
        printError(config.error());
        sender->configure({}, QString());
        return;
    }
    net::mail::readPassword(*secrets, *config, sender,
                            [sender, config = *config](const QString &password, const QString &problem) {
                                if (!problem.isEmpty())
                                    printError(problem);
                                sender->configure(config, password);
                            });
}

void Application::Private::editSettings()
{
    Desktop &d = *desktop;
    const SavedMail mailBefore = savedMail();
    const views::SettingsValues current { translator.language(),
                                          standalonePath,
                                          { mailBefore.smtpUrl, mailBefore.caFile, mailBefore.from },
                                          views::firstRunWanted() };
    views::SettingsDialog dialog(current, *secrets, d.window.get());
    if (const auto &user = session.user())
        dialog.mailPage()->setTestRecipient(user->email);
    views::ServerSettingsPage *server = nullptr;
    if (!d.replica) {
        // On a replica the server is the account's, chosen when it was connected.
        views::ServerAccountDefaults account;
        if (const auto &user = session.user())
            account = { user->email, user->displayName, user->role, user->language };
        server = new views::ServerSettingsPage(d.connection->serverUrl().toString(), *d.connection, account, &dialog);
        dialog.addTab(server, QCoreApplication::translate("Application", "Server"),
                      [server] { return server->validate(); });
    }
    if (dialog.exec() != QDialog::Accepted)
        return;
    // The server: used at once (a sign-in on the tab has already used it).
    if (server) {
        if (const QUrl url(server->url()); url != d.connection->serverUrl()) {
            d.connection->setServerUrl(url);
            d.connection->connectToServer();
        }
        net::connection::saveServerUrl(d.connection->serverUrl().toString());
    }
    const views::SettingsValues chosen = dialog.values();
    if (chosen.firstRun != current.firstRun)
        views::setFirstRunWanted(chosen.firstRun);
    const SavedMail mailAfter { chosen.mail.smtpUrl, chosen.mail.caFile, chosen.mail.from };
    // Mail settings need no restart: the running sender takes them once the password is kept.
    applyMailSettings(*secrets, mailBefore, mailAfter, dialog.mailPage()->changedPassword(),
                      dialog.mailPage()->password(), d.window.get(), [this](const QString &problem) {
                          if (!problem.isEmpty())
                              QMessageBox::warning(desktop->window.get(),
                                                   QCoreApplication::translate("Application", "Password not kept"),
                                                   problem);
                          configureMail(savedMail());
                      });
    QSettings settings;
    // The language at once: the catalogues and the default locale change, and every open widget
    // retranslates on the LanguageChange that installing them sends (dates and money too).
    if (chosen.language != current.language) {
        translator.switchTo(chosen.language);
        settings.setValue(languageKey, models::domain::toCode(chosen.language));
    }
    if (!views::needsRestart(current, chosen))
        return;
    settings.setValue(databaseKey, chosen.databasePath);
    if (chosen.databasePath != current.databasePath)
        settings.setValue(lastOpenedKey, chosen.databasePath);
    if (QMessageBox::question(d.window.get(), QCoreApplication::translate("Application", "Restart RentDesk?"),
                              QCoreApplication::translate("Application",
                                                          "The new database file is opened when RentDesk starts "
                                                          "again. Restart now?"))
        != QMessageBox::Yes)
        return;
    if (d.window->close() && QProcess::startDetached(QCoreApplication::applicationFilePath(), argumentsForRestart()))
        QCoreApplication::quit();
}

void Application::Private::startTimeKeeper(Desktop &d) const
{
    if (!models::services::isAuthority(d.mode))
        return; // the server moves a connected database on with time
    d.timeKeeper =
        std::make_unique<models::services::TimeKeeper>(models::services::ServiceContext(d.database, clock, d.mode));
    if (auto step = d.timeKeeper->start(); !step)
        printError(step.error().message);
}

std::expected<std::unique_ptr<Desktop>, QString> Application::Private::openDesktop(const QString &path)
{
    auto d = std::make_unique<Desktop>();
    auto database = models::db::Database::open(path);
    if (!database)
        return std::unexpected(database.error().message);
    d->database = std::move(*database);
    const auto mode = models::services::storedMode(*d->database);
    if (!mode)
        return std::unexpected(d->database->path() + u": "_s + mode.error().message);
    if (*mode == models::services::Mode::Server) {
        return std::unexpected(d->database->path() + u": "_s
                               + QCoreApplication::translate(
                                   "Application", "This is rentdesk-server's database; RentDesk does not open it."));
    }
    d->mode = *mode;
    if (d->mode == models::services::Mode::Connected) {
        auto replica = net::sync::ReplicaSession::open(d->database, clock);
        if (!replica)
            return std::unexpected(d->database->path() + u": "_s + replica.error().message);
        d->replica = std::move(*replica);
    }
    return d;
}

void Application::Private::showWindow()
{
    Desktop &d = *desktop;
    if (!secrets)
        secrets = net::secrets::makeSecretStore();
    if (!d.timeKeeper)
        startTimeKeeper(d);
    startMailSender(d);
    startCalendarRefresher(d);
    d.workspace = d.replica ? std::make_unique<views::Workspace>(d.replica->replica().context(), session)
                            : std::make_unique<views::Workspace>(d.database, clock, d.mode, session);
    d.workspace->mailSender = d.mailSender.get();
    d.workspace->calendarRefresher = d.calendarRefresher.get();
    d.workspace->secrets = secrets.get();
    d.connection = std::make_unique<net::connection::ServerConnection>();
    net::connection::keepSessionTokens(*d.connection, *secrets, printError);
    d.chat = std::make_unique<net::chat::ChatClient>(*d.connection, d.database, clock);
    if (d.replica) {
        // The account's own session, resumed from the keyring (or just made by a sign-in).
        const net::protocol::UserJson account = d.replica->account();
        net::connection::resumeSession(*d.connection, *secrets, d.replica->replica().serverUrl(), account, printError);
        d.replica->start(*d.connection);
        d.workspace->replica = d.replica.get();
        if (const auto profile = d.replica->replica().account())
            session.signIn(*profile);
    } else {
        net::connection::resumeSavedServer(*d.connection, *secrets, options.serverUrl, d.connection.get(), printError);
    }
    d.workspace->connection = d.connection.get();
    d.workspace->chat = d.chat.get();
    if (auto present = models::demo::presentDemoAccounts(*d.database); !d.replica && present && !present->isEmpty()) {
        for (const models::demo::DemoAccount &account : { models::demo::demoLandlord(), models::demo::demoRenter() }) {
            if (present->contains(account.email))
                d.workspace->demoAccounts.append(
                    { account.email,
                      QCoreApplication::translate("Application", "%1: %2")
                          .arg(models::domain::displayName(account.role), account.displayName) });
        }
        d.workspace->demoPassword = models::demo::demoPassword();
    }
    configureMail(mailFor(options.mail));
    d.window = std::make_unique<views::MainWindow>(*d.workspace);
    views::MainWindow *window = d.window.get();
    QObject::connect(window, &views::MainWindow::settingsRequested, window, [this] { editSettings(); });
    QObject::connect(window, &views::MainWindow::serverAccountReady, window,
                     [this](const net::protocol::UserJson &user) { openServerAccount(user); });
    QObject::connect(window, &views::MainWindow::publishRequested, window,
                     [this](const net::protocol::UserJson &user, const models::sync::Publication &publication) {
                         openServerAccount(user);
                         // The account's window is open now (or what was open stays, said in a box): it
                         // publishes after its first sync, whose dialog is opened by a queued call too.
                         if (!desktop->replica || desktop->replica->replica().accountId() != user.id)
                             return;
                         QPointer<views::MainWindow> next = desktop->window.get();
                         QMetaObject::invokeMethod(
                             next, [next, publication] { next->publish(publication); }, Qt::QueuedConnection);
                     });
    QObject::connect(window, &views::MainWindow::switchAccountRequested, window, [this] { chooseAccount(); });
    QObject::connect(window, &views::MainWindow::firstSyncCancelled, window, [this] {
        const QString back =
            previousPath.isEmpty() || previousPath == desktop->database->path() ? standalonePath : previousPath;
        switchTo(back);
    });
    window->show();
    QSettings().setValue(lastOpenedKey, d.database->path());
    if (d.replica) {
        // Filled by its first sync, or synced in the background from where it is.
        QMetaObject::invokeMethod(window, &views::MainWindow::startFirstSync, Qt::QueuedConnection);
        return;
    }
    if (connectOnShow) {
        // The first-run assistant's server: the sign-in on it, once the window is on screen.
        connectOnShow = false;
        QMetaObject::invokeMethod(
            window, [window] { window->actions().connectToServer->trigger(); }, Qt::QueuedConnection);
        return;
    }
    // Nobody is signed in yet: ask, once the window is on screen.
    QMetaObject::invokeMethod(window, &views::MainWindow::showSignIn, Qt::QueuedConnection);
}

void Application::Private::runFirstRun()
{
    Desktop &d = *desktop;
    if (!secrets)
        secrets = net::secrets::makeSecretStore();
    const auto filled = models::demo::hasData(*d.database);
    views::FirstRunWizard::Context context;
    context.language = translator.language();
    context.databasePath = d.database->path();
    context.databaseHasData = !filled || *filled;
    context.demoApartments = options.demoApartments;
    context.serverUrl = net::connection::savedServer().url;
    views::FirstRunWizard wizard(context, *secrets,
                                 [this](models::domain::Language language) { translator.switchTo(language); });
    const bool finished = wizard.exec() == QDialog::Accepted;
    views::setFirstRunWanted(false);
    const views::FirstRunChoice choice = wizard.choice();
    // The language was used from the moment it was chosen; it stays, even when the rest is not.
    QSettings().setValue(languageKey, models::domain::toCode(translator.language()));
    if (!finished)
        return;
    if (choice.start == views::FirstRunChoice::Start::Server) {
        net::connection::saveServerUrl(choice.serverUrl);
        connectOnShow = true;
        return;
    }
    if (choice.mail) {
        const SavedMail chosen { choice.mail->smtpUrl, choice.mail->caFile, choice.mail->from };
        applyMailSettings(*secrets, savedMail(), chosen, choice.mailPassword, choice.mailPassword.value_or(QString()),
                          QCoreApplication::instance(), [this](const QString &problem) {
                              if (!problem.isEmpty())
                                  QMessageBox::warning(nullptr,
                                                       QCoreApplication::translate("Application", "Password not kept"),
                                                       problem);
                              // The window may be up by now, its sender started without them.
                              configureMail(savedMail());
                          });
    }
    if (choice.demoData) {
        models::demo::DemoOptions demo;
        demo.apartments = options.demoApartments;
        demo.today = clock.today();
        const auto added = views::generateDemoDataWithProgress(d.database, demo, nullptr);
        if (!added && !models::demo::isCancelled(added.error()))
            QMessageBox::warning(nullptr, QCoreApplication::translate("Application", "No demo data"),
                                 added.error().message);
    }
}

void Application::Private::switchTo(const QString &path)
{
    auto opened = openDesktop(path);
    if (!opened) {
        QMessageBox::warning(desktop ? desktop->window.get() : nullptr,
                             QCoreApplication::translate("Application", "Not opened"), opened.error());
        return;
    }
    switchTo(std::move(*opened));
}

void Application::Private::switchTo(std::unique_ptr<Desktop> next, const QString &token)
{
    previousPath = desktop ? desktop->database->path() : QString();
    if (desktop) {
        desktop->window->saveWindowState();
        desktop->window->hide();
        QObject::disconnect(&session, nullptr, desktop->window.get(), nullptr);
        (new RetiredDesktop(std::move(desktop)))->deleteLater();
    }
    session.signOut();
    desktop = std::move(next);
    showWindow();
    // A session just made for this account goes straight on the new connection (showWindow()
    // pointed it at the replica's server).
    if (!token.isEmpty() && desktop->replica)
        desktop->connection->setSession(token, desktop->replica->account());
}

void Application::Private::openServerAccount(const net::protocol::UserJson &user)
{
    Desktop &d = *desktop;
    const QString url = d.connection->serverUrl().toString();
    // Signed in again on the replica open now (its session had ended): it syncs on.
    if (d.replica && d.replica->replica().accountId() == user.id && d.replica->replica().serverUrl() == url)
        return;
    auto made = net::sync::ReplicaSession::forAccount(replicas, url, user, clock);
    if (!made) {
        QMessageBox::warning(d.window.get(), QCoreApplication::translate("Application", "Not connected"),
                             made.error().message);
        return;
    }
    auto next = std::make_unique<Desktop>();
    next->database = (*made)->database();
    next->mode = models::services::Mode::Connected;
    next->replica = std::move(*made);
    switchTo(std::move(next), d.connection->token());
}

void Application::Private::chooseAccount()
{
    Desktop &d = *desktop;
    const auto found = replicas.list();
    if (!found) {
        QMessageBox::warning(d.window.get(), QCoreApplication::translate("Application", "Switch account"),
                             found.error().message);
        return;
    }
    views::SwitchAccountDialog dialog(*found, standalonePath, d.database->path(), d.window.get());
    bool connectAfter = false;
    QObject::connect(&dialog, &views::SwitchAccountDialog::connectRequested, &dialog,
                     [&connectAfter] { connectAfter = true; });
    if (dialog.exec() == QDialog::Accepted && !dialog.chosenPath().isEmpty()) {
        switchTo(dialog.chosenPath());
        return;
    }
    if (connectAfter)
        d.window->actions().connectToServer->trigger();
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

    d->standalonePath = savedDatabasePath();
    // The command line's file, else for a window what was open last (a replica, say), else this
    // computer's: --init-only and --send-outbox are about this computer's database.
    QString path = d->options.databasePath;
    const bool command = d->options.initOnly || d->options.sendOutbox || !d->options.exportCsvTable.isEmpty()
        || !d->options.exportIcsFolder.isEmpty() || !d->options.importIcsFile.isEmpty();
    // The first-run assistant starts on this computer's database, whatever was open last.
    const bool firstRun = !command && path.isEmpty() && !d->options.demo && views::firstRunWanted();
    if (firstRun) {
        path = d->standalonePath;
    } else if (path.isEmpty() && !command) {
        const QString last = savedValue(lastOpenedKey).toString();
        path = !last.isEmpty() && QFileInfo::exists(last) ? last : d->standalonePath;
    } else if (path.isEmpty()) {
        path = d->standalonePath;
    }
    auto opened = d->openDesktop(path);
    if (!opened) {
        printError(opened.error());
        return ExitDatabaseError;
    }
    d->desktop = std::move(*opened);
    Desktop &desktop = *d->desktop;
    if (!desktop.replica && !d->options.databasePath.isEmpty())
        d->standalonePath = desktop.database->path(); // this run's own database
    if (desktop.replica && d->options.demo) {
        // scripts/run asks for demo data on every start; a replica opened again gets none.
        QTextStream(stdout) << QCoreApplication::translate("Application",
                                                           "%1 is a replica of a server account: it gets its data "
                                                           "from the server, and no demo data was added.")
                                   .arg(desktop.database->path())
                            << u'\n';
    }
    if (d->options.demo && !desktop.replica && !addDemoData(*desktop.database, d->options.demoApartments))
        return ExitDatabaseError;
    d->startTimeKeeper(desktop);

    if (d->options.sendOutbox)
        return d->sendOutbox();
    if (!d->options.exportCsvTable.isEmpty())
        return exportCsv(desktop.database, d->options.exportCsvTable, d->options.exportCsvAs, d->options.exportCsvPath);
    if (!d->options.exportIcsFolder.isEmpty())
        return exportIcs(desktop.database, d->options.exportIcsFolder);
    if (!d->options.importIcsFile.isEmpty())
        return importIcs(desktop.database, desktop.mode, d->options.importIcsFile, d->options.importIcsApartment);

    if (d->options.initOnly) {
        QTextStream(stdout) << QCoreApplication::translate("Application", "%1 is ready (schema version %2).")
                                   .arg(desktop.database->path())
                                   .arg(desktop.database->schemaVersion())
                            << u'\n';
        return ExitSuccess;
    }
    if (firstRun)
        d->runFirstRun();
    d->showWindow();
    return QApplication::exec();
}

} // namespace rentdesk::app
