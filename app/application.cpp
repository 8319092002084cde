// SPDX-License-Identifier: GPL-3.0-or-later
#include "application.h"

#include "db/database.h"
#include "demo/demogenerator.h"
#include "i18n/translator.h"
#include "mainwindow/mainwindow.h"
#include "mainwindow/workspace.h"
#include "services/clock.h"
#include "services/mode.h"
#include "services/timekeeper.h"

#include <QApplication>
#include <QLocale>
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
bool addDemoData(const db::Database &database, int apartments)
{
    demo::DemoOptions options;
    options.apartments = apartments;
    options.today = services::SystemClock().today();
    const auto summary = demo::generateDemoData(database.connection(), options);
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
    if (summary.error().code == services::DomainError::Code::WrongState) {
        out << QCoreApplication::translate("Application", "%1 already has data; no demo data was added.")
                   .arg(database.path())
            << u'\n';
        return true;
    }
    printError(summary.error().message);
    return false;
}

domain::Language systemLanguage()
{
    return QLocale::system().language() == QLocale::Russian ? domain::Language::Russian : domain::Language::English;
}

} // namespace

struct Application::Private
{
    Options options;
    i18n::Translator translator;
    services::SystemClock clock;
    std::shared_ptr<db::Database> database;
    std::unique_ptr<services::TimeKeeper> timeKeeper;
    services::Session session;
    std::unique_ptr<views::Workspace> workspace;
    std::unique_ptr<views::MainWindow> window;

    // On the authority (a standalone database), brings bookings and apartments up to
    // today and keeps them there at every midnight. A failure is reported and the run
    // goes on: the data is as the last run left it, and the next day tries again.
    void startTimeKeeper();
};

void Application::Private::startTimeKeeper()
{
    const auto mode = services::storedMode(database->connection());
    if (!mode) {
        printError(mode.error().message);
        return;
    }
    if (!services::isAuthority(*mode))
        return; // the server moves a connected database on with time
    timeKeeper = std::make_unique<services::TimeKeeper>(services::ServiceContext(database, clock, *mode));
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
    d->translator.switchTo(d->options.language.value_or(systemLanguage()));

    const QString path = d->options.databasePath.isEmpty() ? defaultDatabasePath() : d->options.databasePath;
    auto database = db::Database::open(path);
    if (!database) {
        printError(database.error().message);
        return ExitDatabaseError;
    }
    d->database = std::move(*database);

    if (d->options.demo && !addDemoData(*d->database, d->options.demoApartments))
        return ExitDatabaseError;
    d->startTimeKeeper();

    if (d->options.initOnly) {
        QTextStream(stdout) << QCoreApplication::translate("Application", "%1 is ready (schema version %2).")
                                   .arg(d->database->path())
                                   .arg(d->database->schemaVersion())
                            << u'\n';
        return ExitSuccess;
    }

    const auto mode = services::storedMode(d->database->connection());
    d->workspace = std::make_unique<views::Workspace>(d->database, d->clock, mode.value_or(services::Mode::Standalone),
                                                      d->session);
    if (auto demo = demo::presentDemoAccounts(d->database->connection()); demo && !demo->isEmpty()) {
        d->workspace->demoAccounts = *demo;
        d->workspace->demoPassword = demo::demoPassword();
    }
    d->window = std::make_unique<views::MainWindow>(*d->workspace);
    d->window->show();
    // Nobody is signed in yet: ask, once the window is on screen.
    QMetaObject::invokeMethod(d->window.get(), &views::MainWindow::showSignIn, Qt::QueuedConnection);
    return QApplication::exec();
}

} // namespace rentdesk::app
