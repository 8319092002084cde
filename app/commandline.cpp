// SPDX-License-Identifier: GPL-3.0-or-later
#include "commandline.h"

#include "demo/demogenerator.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QStandardPaths>
#include <QTextStream>

#include <cstring>

namespace rentdesk::app {

using namespace Qt::StringLiterals;

bool wantsHeadless(int argc, char **argv)
{
    for (int i = 1; i < argc; ++i) {
        for (const char *flag : { "--init-only", "--help", "-h", "--help-all", "--version", "-v", "-?" }) {
            if (std::strcmp(argv[i], flag) == 0)
                return true;
        }
    }
    return false;
}

QString defaultDatabasePath()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + u"/rentdesk.sqlite"_s;
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
    parser.addOptions({ database, initOnly, language, demoData, demoApartments });

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
    if (!parser.positionalArguments().isEmpty()) {
        return usageError(QCoreApplication::translate("CommandLine", "Unexpected argument: %1.")
                              .arg(parser.positionalArguments().constFirst()));
    }

    Options options;
    options.databasePath = parser.isSet(database) ? parser.value(database) : QString();
    if (parser.isSet(database) && options.databasePath.isEmpty())
        return usageError(QCoreApplication::translate("CommandLine", "--database needs a file name."));
    options.initOnly = parser.isSet(initOnly);
    if (parser.isSet(language)) {
        auto code = domain::fromCode<domain::Language>(parser.value(language));
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
        if (!isNumber || options.demoApartments < 1 || options.demoApartments > demo::maxDemoApartments) {
            return usageError(
                QCoreApplication::translate("CommandLine", "--demo-apartments needs a whole number from 1 to %1.")
                    .arg(demo::maxDemoApartments));
        }
    }
    return options;
}

} // namespace rentdesk::app
