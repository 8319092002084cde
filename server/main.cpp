// SPDX-License-Identifier: GPL-3.0-or-later
//
// rentdesk-server: the peer server that desktop apps sync and chat through. This release
// prepares its database (the same migrations as the desktop app); the WebSocket endpoint
// comes with the chat and sync features.

#include "db/database.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QTextStream>

using namespace Qt::StringLiterals;

namespace {

enum ExitCode : int { ExitSuccess = 0, ExitDatabaseError = 1, ExitUsage = 2 };

int fail(int code, const QString &message)
{
    QTextStream(stderr) << u"rentdesk-server: "_s << message << u'\n';
    return code;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setOrganizationName(u"RentDesk"_s);
    QCoreApplication::setApplicationName(u"rentdesk-server"_s);
    QCoreApplication::setApplicationVersion(QStringLiteral(RENTDESK_VERSION));

    QCommandLineParser parser;
    parser.setApplicationDescription(u"RentDesk server: sync and chat for RentDesk desktop apps."_s);
    const QCommandLineOption help = parser.addHelpOption();
    const QCommandLineOption version = parser.addVersionOption();
    const QCommandLineOption database(u"database"_s, u"The server's SQLite database <file>."_s, u"file"_s);
    const QCommandLineOption initOnly(u"init-only"_s, u"Create or update the database, then exit."_s);
    parser.addOptions({ database, initOnly });

    if (!parser.parse(QCoreApplication::arguments()))
        return fail(ExitUsage, parser.errorText());
    if (parser.isSet(help)) {
        QTextStream(stdout) << parser.helpText();
        return ExitSuccess;
    }
    if (parser.isSet(version)) {
        QTextStream(stdout) << QCoreApplication::applicationName() << u' ' << QCoreApplication::applicationVersion()
                            << u'\n';
        return ExitSuccess;
    }
    if (!parser.isSet(database))
        return fail(ExitUsage, u"--database FILE is required."_s);
    if (!parser.isSet(initOnly))
        return fail(ExitUsage, u"this release only prepares the database: add --init-only."_s);

    auto opened = rentdesk::db::Database::open(parser.value(database));
    if (!opened)
        return fail(ExitDatabaseError, opened.error().message);
    QTextStream(stdout) << (*opened)->path() << u" is ready (schema version "_s << (*opened)->schemaVersion()
                        << u").\n"_s;
    return ExitSuccess;
}
