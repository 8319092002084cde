// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "net/protocol/chatjson.h"

#include <QString>

#include <functional>

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

// Wires the connection to the saved settings and the keyring: points it at the server (the
// command line's --server instead, when given), resumes the kept session once the keyring
// has answered, keeps a new session's token and the account when it signs in, and forgets
// the token when the session ends. A keyring problem is handed to problem.
void setUpConnection(ServerConnection &connection, net::secrets::SecretStore &secrets, const QString &serverOverride,
                     std::function<void(const QString &)> problem);

} // namespace rentdesk::net::connection
