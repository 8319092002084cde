// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/commandline.h"

#include "models/demo/demogenerator.h"
#include "models/itemmodels/pagemodels.h"
#include "net/connection/serverconnection.h"
#include "net/mail/mailconfig.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QStandardPaths>
#include <QTextStream>
#include <QUrl>

#include <cstring>

namespace rentdesk::app {

using namespace Qt::StringLiterals;

bool wantsHeadless(int argc, char **argv)
{
    for (int i = 1; i < argc; ++i) {
        for (const char *flag :
             { "--init-only", "--send-outbox", "--help", "-h", "--help-all", "--version", "-v", "-?" }) {
            if (std::strcmp(argv[i], flag) == 0)
                return true;
        }
        for (const char *prefix :
             { "--send-test-mail", "--export-csv", "--export-ics", "--import-ics", "--apartment" }) {
            if (std::strncmp(argv[i], prefix, std::strlen(prefix)) == 0)
                return true;
        }
    }
    return false;
}

QString defaultDatabasePath()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + u"/rentdesk.sqlite"_s;
}

QString defaultReplicaFolder()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + u"/replicas"_s;
}

std::variant<Options, Finished> parseCommandLine(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QCoreApplication::translate("CommandLine", "RentDesk: buildings, apartments, bookings and reviews."));
    const QCommandLineOption help = parser.addHelpOption();
    const QCommandLineOption version = parser.addVersionOption();
    const QCommandLineOption database(
        u"database"_s,
        QCoreApplication::translate("CommandLine", "Use the database <file> (default: %1).").arg(defaultDatabasePath()),
        QCoreApplication::translate("CommandLine", "file"));
    const QCommandLineOption initOnly(
        u"init-only"_s,
        QCoreApplication::translate("CommandLine",
                                    "Create or update the database, then exit without opening a window."));
    const QCommandLineOption language(
        u"language"_s, QCoreApplication::translate("CommandLine", "Use <language> (en or ru) for this run."),
        QCoreApplication::translate("CommandLine", "language"));
    const QCommandLineOption demoData(
        u"demo"_s,
        QCoreApplication::translate("CommandLine",
                                    "Fill an empty database with demo data (the demo accounts are in README.md)."));
    const QCommandLineOption demoApartments(
        u"demo-apartments"_s,
        QCoreApplication::translate("CommandLine", "Make <count> apartments of demo data (default %1).")
            .arg(Options().demoApartments),
        QCoreApplication::translate("CommandLine", "count"));
    const QCommandLineOption smtp(
        u"smtp"_s,
        QCoreApplication::translate("CommandLine",
                                    "Send mail through <url> for this run: smtps://user@host:465 (TLS), "
                                    "smtp://user@host:587 (STARTTLS, required) or smtp+insecure://host:25 (a local "
                                    "relay, unencrypted). The password comes from RENTDESK_SMTP_PASSWORD or the "
                                    "keyring."),
        QCoreApplication::translate("CommandLine", "url"));
    const QCommandLineOption smtpCaFile(
        u"smtp-ca-file"_s,
        QCoreApplication::translate("CommandLine", "Trust the CA certificates in <file> (PEM) for the mail server."),
        QCoreApplication::translate("CommandLine", "file"));
    const QCommandLineOption mailFrom(
        u"mail-from"_s,
        QCoreApplication::translate("CommandLine", "Send mail as <sender>, e.g. \"RentDesk <rentdesk@example.org>\"."),
        QCoreApplication::translate("CommandLine", "sender"));
    const QCommandLineOption smtpTimeout(
        u"smtp-timeout"_s,
        QCoreApplication::translate(
            "CommandLine",
            "Give up on the mail server after <seconds> without an answer (default: 30 to connect, 60 for a reply)."),
        QCoreApplication::translate("CommandLine", "seconds"));
    const QCommandLineOption sendTestMail(
        u"send-test-mail"_s,
        QCoreApplication::translate("CommandLine",
                                    "Send one test mail to <address> with the mail settings and exit, without a "
                                    "window (exit codes in README.md)."),
        QCoreApplication::translate("CommandLine", "address"));
    const QCommandLineOption sendOutbox(
        u"send-outbox"_s,
        QCoreApplication::translate("CommandLine",
                                    "Send the mails waiting in the database's outbox with the mail settings, then exit "
                                    "without a window (for a scheduled job)."));
    const QCommandLineOption server(
        u"server"_s,
        QCoreApplication::translate("CommandLine",
                                    "Chat through the rentdesk-server at <url> for this run (ws://host:port, or "
                                    "wss://host:port for TLS) instead of the one in Settings."),
        QCoreApplication::translate("CommandLine", "url"));
    const QCommandLineOption exportCsv(
        u"export-csv"_s,
        QCoreApplication::translate("CommandLine",
                                    "Write every row of the <table> page (apartments, buildings, bookings or reviews) "
                                    "as CSV to the file named after the options (- for standard output), then exit "
                                    "without a window."),
        QCoreApplication::translate("CommandLine", "table"));
    const QCommandLineOption exportAs(
        u"as"_s,
        QCoreApplication::translate("CommandLine",
                                    "With --export-csv bookings: whose bookings, a renter's own or those of a "
                                    "landlord's apartments."),
        QCoreApplication::translate("CommandLine", "email"));
    const QCommandLineOption exportIcs(
        u"export-ics"_s,
        QCoreApplication::translate("CommandLine",
                                    "Write each apartment's stays and blocked dates as an iCalendar file "
                                    "<folder>/<apartment id>.ics, then exit without a window."),
        QCoreApplication::translate("CommandLine", "folder"));
    const QCommandLineOption importIcs(
        u"import-ics"_s,
        QCoreApplication::translate("CommandLine",
                                    "Block the dates of the iCalendar <file>'s events in the apartment given with "
                                    "--apartment (importing a newer file of the same name updates them), then exit "
                                    "without a window."),
        QCoreApplication::translate("CommandLine", "file"));
    const QCommandLineOption apartmentId(
        u"apartment"_s, QCoreApplication::translate("CommandLine", "With --import-ics: the apartment's id."),
        QCoreApplication::translate("CommandLine", "id"));
    parser.addOptions({ database, initOnly, language, demoData, demoApartments, smtp, smtpCaFile, mailFrom, smtpTimeout,
                        sendTestMail, sendOutbox, server, exportCsv, exportAs, exportIcs, importIcs, apartmentId });
    parser.addPositionalArgument(u"out.csv"_s,
                                 QCoreApplication::translate("CommandLine", "With --export-csv: the file to write."),
                                 u"[out.csv]"_s);

    QTextStream err(stderr);
    const auto usageError = [&err](const QString &message) {
        err << QCoreApplication::applicationName().toLower() << u": "_s << message << u'\n';
        err.flush();
        return Finished { ExitUsage };
    };

    if (!parser.parse(arguments))
        return usageError(parser.errorText());
    // Printed here rather than with showHelp()/showVersion(), which call exit() and skip
    // the destructors.
    if (parser.isSet(help) || parser.isSet(version)) {
        QTextStream out(stdout);
        if (parser.isSet(help))
            out << parser.helpText();
        else
            out << QCoreApplication::applicationName() << u' ' << QCoreApplication::applicationVersion() << u'\n';
        return Finished { ExitSuccess };
    }
    const QStringList positional = parser.positionalArguments();
    if (!positional.isEmpty() && (!parser.isSet(exportCsv) || positional.size() > 1)) {
        return usageError(
            QCoreApplication::translate("CommandLine", "Unexpected argument: %1.").arg(positional.constLast()));
    }

    Options options;
    options.databasePath = parser.isSet(database) ? parser.value(database) : QString();
    if (parser.isSet(database) && options.databasePath.isEmpty())
        return usageError(QCoreApplication::translate("CommandLine", "--database needs a file name."));
    options.initOnly = parser.isSet(initOnly);
    if (parser.isSet(language)) {
        auto code = models::domain::fromCode<models::domain::Language>(parser.value(language));
        if (!code)
            return usageError(code.error().message());
        options.language = *code;
    }
    options.demo = parser.isSet(demoData);
    if (parser.isSet(demoApartments)) {
        if (!options.demo)
            return usageError(QCoreApplication::translate("CommandLine", "--demo-apartments needs --demo."));
        bool isNumber = false;
        options.demoApartments = parser.value(demoApartments).toInt(&isNumber);
        if (!isNumber || options.demoApartments < 1 || options.demoApartments > models::demo::maxDemoApartments) {
            return usageError(
                QCoreApplication::translate("CommandLine", "--demo-apartments needs a whole number from 1 to %1.")
                    .arg(models::demo::maxDemoApartments));
        }
    }

    if (parser.isSet(smtp)) {
        // An empty URL is allowed: it turns mail off for this run.
        if (!parser.value(smtp).trimmed().isEmpty()) {
            if (auto url = net::mail::parseSmtpUrl(parser.value(smtp)); !url)
                return usageError(url.error());
        }
        options.mail.smtpUrl = parser.value(smtp);
    }
    if (parser.isSet(smtpCaFile))
        options.mail.caFile = parser.value(smtpCaFile);
    if (parser.isSet(mailFrom)) {
        if (auto sender = net::mail::parseMailAddress(parser.value(mailFrom)); !sender)
            return usageError(u"--mail-from: "_s + sender.error());
        options.mail.from = parser.value(mailFrom);
    }
    if (parser.isSet(smtpTimeout)) {
        bool isNumber = false;
        const int seconds = parser.value(smtpTimeout).toInt(&isNumber);
        if (!isNumber || seconds < 1 || seconds > 3600)
            return usageError(QCoreApplication::translate("CommandLine",
                                                          "--smtp-timeout needs a whole number of seconds from 1 to "
                                                          "3600."));
        options.mail.timeoutSeconds = seconds;
    }
    if (parser.isSet(sendTestMail)) {
        if (auto to = net::mail::parseMailAddress(parser.value(sendTestMail)); !to)
            return usageError(u"--send-test-mail: "_s + to.error());
        if (options.initOnly || options.demo)
            return usageError(QCoreApplication::translate("CommandLine",
                                                          "--send-test-mail runs alone; leave out --init-only and "
                                                          "--demo."));
        options.sendTestMailTo = parser.value(sendTestMail);
    }
    if (parser.isSet(exportCsv)) {
        const QStringList tables = models::itemmodels::tablePageNames();
        if (!tables.contains(parser.value(exportCsv))) {
            return usageError(
                QCoreApplication::translate("CommandLine", "--export-csv needs one of: %1.").arg(tables.join(u", "_s)));
        }
        if (positional.isEmpty()) {
            return usageError(QCoreApplication::translate(
                "CommandLine", "--export-csv needs the file to write after the options (- for standard output)."));
        }
        if (options.initOnly || parser.isSet(sendOutbox) || parser.isSet(sendTestMail)) {
            return usageError(QCoreApplication::translate(
                "CommandLine", "--export-csv runs alone; leave out --init-only, --send-outbox and --send-test-mail."));
        }
        if ((parser.value(exportCsv) == u"bookings") != parser.isSet(exportAs)) {
            return usageError(QCoreApplication::translate(
                "CommandLine",
                "--export-csv bookings needs --as with a renter's or a landlord's e-mail; the other "
                "tables take no --as."));
        }
        options.exportCsvTable = parser.value(exportCsv);
        options.exportCsvAs = parser.value(exportAs);
        options.exportCsvPath = positional.constFirst();
    } else if (parser.isSet(exportAs)) {
        return usageError(QCoreApplication::translate("CommandLine", "--as goes with --export-csv bookings."));
    }
    const bool calendarRun = parser.isSet(exportIcs) || parser.isSet(importIcs);
    if (calendarRun
        && (parser.isSet(exportIcs) + parser.isSet(importIcs) + parser.isSet(exportCsv) + options.initOnly
                + parser.isSet(sendOutbox) + parser.isSet(sendTestMail)
            > 1)) {
        return usageError(QCoreApplication::translate("CommandLine",
                                                      "--export-ics and --import-ics run alone; leave out the other "
                                                      "commands (--init-only, --export-csv, --send-outbox, "
                                                      "--send-test-mail)."));
    }
    if (parser.isSet(exportIcs)) {
        if (parser.value(exportIcs).isEmpty())
            return usageError(QCoreApplication::translate("CommandLine", "--export-ics needs a folder."));
        options.exportIcsFolder = parser.value(exportIcs);
    }
    if (parser.isSet(importIcs) != parser.isSet(apartmentId)) {
        return usageError(QCoreApplication::translate("CommandLine",
                                                      "--import-ics FILE goes with --apartment ID: the calendar, and "
                                                      "the apartment whose dates it blocks."));
    }
    if (parser.isSet(importIcs)) {
        const QUuid apartment = QUuid::fromString(parser.value(apartmentId).trimmed());
        if (apartment.isNull()) {
            return usageError(QCoreApplication::translate("CommandLine",
                                                          "--apartment needs an apartment's id, such as "
                                                          "3f2b9c1e-8d4a-4c6b-9e1f-2a7d5c3b8e90."));
        }
        options.importIcsFile = parser.value(importIcs);
        options.importIcsApartment = apartment;
    }
    if (parser.isSet(server)) {
        const QUrl url(parser.value(server).trimmed(), QUrl::StrictMode);
        if (!url.isValid() || url.host().isEmpty() || (url.scheme() != u"ws"_s && url.scheme() != u"wss"_s))
            return usageError(
                QCoreApplication::translate("CommandLine", "--server needs ws://host:port or wss://host:port."));
        if (!net::connection::ServerConnection::isSecureEnough(url))
            return usageError(QCoreApplication::translate("CommandLine",
                                                          "--server: ws:// would send your password unencrypted "
                                                          "across the network; use wss://, or ws:// only to this "
                                                          "computer."));
        options.serverUrl = url.toString();
    }
    options.sendOutbox = parser.isSet(sendOutbox);
    if (options.sendOutbox && (options.initOnly || !options.sendTestMailTo.isEmpty()))
        return usageError(QCoreApplication::translate("CommandLine",
                                                      "--send-outbox runs alone; leave out --init-only and "
                                                      "--send-test-mail."));
    return options;
}

} // namespace rentdesk::app
