// SPDX-License-Identifier: GPL-3.0-or-later
//
// rentdesk-server: the peer server that desktop apps log in to and chat through (sync comes
// next on the same connection). docs/protocol.md is what it speaks.

#include "server/serverapp.h"
#include "server/serverconfig.h"

#include <QCoreApplication>
#include <QLoggingCategory>

#include <variant>

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setOrganizationName(QStringLiteral("RentDesk"));
    QCoreApplication::setApplicationName(QStringLiteral("rentdesk-server"));
    QCoreApplication::setApplicationVersion(QStringLiteral(RENTDESK_VERSION));
    // Logs go to stderr with their category; info and above of the server's own unless
    // QT_LOGGING_RULES says otherwise.
    qSetMessagePattern(QStringLiteral("%{time yyyy-MM-ddThh:mm:ss.zzz} %{category} %{type}: %{message}"));
    if (qEnvironmentVariableIsEmpty("QT_LOGGING_RULES"))
        QLoggingCategory::setFilterRules(QStringLiteral("rentdesk.*.debug=false"));

    const auto parsed = rentdesk::server::parseServerCommandLine(QCoreApplication::arguments());
    if (const auto *finished = std::get_if<rentdesk::server::ParseFinished>(&parsed))
        return finished->exitCode;
    return rentdesk::server::runServer(std::get<rentdesk::server::ServerConfig>(parsed));
}
