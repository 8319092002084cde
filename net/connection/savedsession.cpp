// SPDX-License-Identifier: GPL-3.0-or-later
#include "net/connection/savedsession.h"

#include "net/connection/serverconnection.h"
#include "net/secrets/secretstore.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QSettings>
#include <QUrl>

namespace rentdesk::net::connection {

using namespace Qt::StringLiterals;

namespace {

const QString urlKey = u"server/url"_s;
const QString userKey = u"server/user"_s; // the user object of docs/protocol.md, as JSON

} // namespace

SavedServer savedServer()
{
    const QSettings settings;
    SavedServer saved;
    saved.url = settings.value(urlKey).toString();
    const QJsonObject user = QJsonDocument::fromJson(settings.value(userKey).toByteArray()).object();
    if (auto read = protocol::UserJson::fromJson(user))
        saved.user = *read;
    return saved;
}

void saveServerUrl(const QString &url)
{
    QSettings settings;
    if (settings.value(urlKey).toString() == url)
        return;
    settings.setValue(urlKey, url);
    // A session belongs to its server: another server starts without one.
    settings.remove(userKey);
}

QString tokenKey(const QString &url, const QString &email)
{
    return u"rentdesk-server-token:"_s + url + u'|' + email.toLower();
}

void setUpConnection(ServerConnection &connection, net::secrets::SecretStore &secrets, const QString &serverOverride,
                     std::function<void(const QString &)> printError)
{
    const SavedServer saved = savedServer();
    const QString url = serverOverride.isEmpty() ? saved.url : serverOverride;
    connection.setServerUrl(QUrl(url));

    QObject::connect(&connection, &ServerConnection::signedIn, &connection,
                     [&connection, &secrets, printError](const protocol::UserJson &user, const QString &token) {
                         const QString server = connection.serverUrl().toString();
                         saveServerUrl(server);
                         QSettings().setValue(userKey, QJsonDocument(user.toJson()).toJson(QJsonDocument::Compact));
                         secrets.write(tokenKey(server, user.email), token, &connection,
                                       [printError](std::expected<void, QString> written) {
                                           if (!written)
                                               printError(written.error());
                                       });
                     });
    QObject::connect(&connection, &ServerConnection::sessionEnded, &connection, [&connection, &secrets] {
        const SavedServer now = savedServer();
        if (!now.user.email.isEmpty())
            secrets.write(tokenKey(connection.serverUrl().toString(), now.user.email), QString(), &connection,
                          [](std::expected<void, QString>) {});
    });

    if (url.isEmpty() || saved.user.id.isNull() || url != saved.url)
        return; // nobody signed in to this server yet: the Server tab of Settings does that
    secrets.read(tokenKey(url, saved.user.email), &connection,
                 [&connection, user = saved.user, printError](std::expected<QString, QString> token) {
                     if (!token) {
                         printError(token.error());
                         return;
                     }
                     if (!token->isEmpty())
                         connection.setSession(*token, user);
                 });
}

} // namespace rentdesk::net::connection
