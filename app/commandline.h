// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/domain/enums.h"

#include <QString>
#include <QStringList>
#include <QUuid>

#include <optional>
#include <variant>

namespace rentdesk::app {

// What the command line said about mail; what it leaves out, the saved settings decide.
struct MailOptions
{
    std::optional<QString> smtpUrl; // --smtp
    std::optional<QString> caFile; // --smtp-ca-file
    std::optional<QString> from; // --mail-from
    std::optional<int> timeoutSeconds; // --smtp-timeout: connecting, and each reply
};

// What the rentdesk command line asked for.
struct Options
{
    QString databasePath; // empty: the default file in AppDataLocation
    bool initOnly = false;
    std::optional<models::domain::Language> language; // overrides the saved language for this run
    bool demo = false; // fill an empty database with demo data
    int demoApartments = 400; // how many apartments the demo data has
    MailOptions mail;
    QString sendTestMailTo; // --send-test-mail: send one mail and exit, without a window
    bool sendOutbox = false; // --send-outbox: send what the outbox holds and exit, without a window
    QString serverUrl; // --server: the chat server for this run instead of the saved one
    QString exportCsvTable; // --export-csv: write this page's table as CSV and exit, without a window
    QString exportCsvAs; // --as: whose bookings (an e-mail address)
    QString exportCsvPath; // where to: a file, or "-" for stdout
    QString exportIcsFolder; // --export-ics: write every apartment's calendar there and exit
    QString importIcsFile; // --import-ics: block an apartment's dates with this calendar and exit
    QUuid importIcsApartment; // --apartment: which
};

// Exit codes of rentdesk, documented in README.md.
enum ExitCode : int {
    ExitSuccess = 0,
    ExitDatabaseError = 1, // the database could not be created, opened or migrated
    ExitUsage = 2, // unknown option or bad value
    ExitExportFailed = 6, // --export-csv or --export-ics could not read the table or write the file
    ExitImportFailed = 7, // --import-ics refused the calendar or could not block its dates
    // 3, 4 and 10–22: --send-test-mail and --send-outbox, net::mail::MailExitCode (mail/mailcommand.h).
};

// Parsing finished the run: --help or --version was printed, or the usage was wrong.
struct Finished
{
    int exitCode = ExitSuccess;
};

// True when the arguments ask for a run without a window (--init-only, --send-test-mail,
// --export-csv, --export-ics, --import-ics and its --apartment,
// --send-outbox, --help, --version); decided before any QApplication exists, so that these work with no display.
[[nodiscard]] bool wantsHeadless(int argc, char **argv);

// Parses the application's arguments. Prints --help/--version output, and one line
// naming the problem for bad usage, then returns Finished.
[[nodiscard]] std::variant<Options, Finished> parseCommandLine(const QStringList &arguments);

// The database used when --database is not given.
[[nodiscard]] QString defaultDatabasePath();
// Where the replicas of server accounts are kept (models::sync::ReplicaDirectory).
[[nodiscard]] QString defaultReplicaFolder();

} // namespace rentdesk::app
