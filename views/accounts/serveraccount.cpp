// SPDX-License-Identifier: GPL-3.0-or-later
#include "views/accounts/serveraccount.h"

#include "net/connection/serverconnection.h"

#include <QCoreApplication>
#include <QUrl>

namespace rentdesk::views {

using namespace Qt::StringLiterals;

QString serverUrlProblem(const QString &text, bool required)
{
    const QString trimmed = text.trimmed();
    if (trimmed.isEmpty()) {
        return required ? QCoreApplication::translate("ServerAccount", "Give the server's address first.") : QString();
    }
    const QUrl parsed(trimmed, QUrl::StrictMode);
    if (!parsed.isValid() || (parsed.scheme() != u"ws"_s && parsed.scheme() != u"wss"_s))
        return QCoreApplication::translate("ServerAccount", "Give the server as ws://host:port or wss://host:port.");
    if (parsed.host().isEmpty())
        return QCoreApplication::translate("ServerAccount", "The server address has no host name.");
    if (!net::connection::ServerConnection::isSecureEnough(parsed))
        return QCoreApplication::translate("ServerAccount",
                                           "ws:// would send your password unencrypted across the network: use "
                                           "wss://, or ws:// only to this computer.");
    return QString();
}

QString accountFailureText(const net::protocol::Error &error)
{
    using net::protocol::ErrorCode;
    if (error.is(ErrorCode::WrongCredentials))
        return QCoreApplication::translate("ServerAccount", "The e-mail or the password is wrong.");
    if (error.is(ErrorCode::RateLimited)) {
        // A separate variable: lupdate 6.4 hangs on a member call as the count argument.
        const int seconds = error.retryAfter.value_or(60);
        return QCoreApplication::translate(
            "ServerAccount", "Too many failed sign-ins; wait %n second(s) and try again.", nullptr, seconds);
    }
    return error.message;
}

} // namespace rentdesk::views
