// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "net/protocol/chatjson.h"

#include <QString>

#include <functional>

class QObject;

namespace rentdesk::net::secrets {
class SecretStore;
}

namespace rentdesk::net::connection {

class ServerConnection;

// The server (chat's, and sync's next) and the account on it as the app keeps them between runs: the URL and
// the account's public details in QSettings (server/…), the session's token in the keyring
// under tokenKey(), never in settings.
struct SavedServer
{
    QString url;
    protocol::UserJson user; // id null: never signed in
};
[[nodiscard]] SavedServer savedServer();
void saveServerUrl(const QString &url);

// The keyring entry of the token for this server and account.
[[nodiscard]] QString tokenKey(const QString &url, const QString &email);

// Keeps each new session's token in the keyring under tokenKey(server, e-mail) when the
// connection signs in, and forgets it when the session ends. Once per connection, for every
// server and account it is pointed at.
void keepSessionTokens(ServerConnection &connection, net::secrets::SecretStore &secrets,
                       std::function<void(const QString &)> problem);

// Points the connection at url and resumes the session kept for user there once the keyring
// has answered; without a kept token it stays offline until a log-in. A keyring problem is
// handed to problem.
void resumeSession(ServerConnection &connection, net::secrets::SecretStore &secrets, const QString &url,
                   const protocol::UserJson &user, std::function<void(const QString &)> problem);

// Chat on a standalone database: points the connection at the saved server (the command
// line's --server instead, when given), resumes the saved account's session, and remembers
// the server and account of each new log-in in the settings (server/…) for as long as context
// lives. Call keepSessionTokens() once first.
void resumeSavedServer(ServerConnection &connection, net::secrets::SecretStore &secrets, const QString &serverOverride,
                       QObject *context, std::function<void(const QString &)> problem);

} // namespace rentdesk::net::connection
