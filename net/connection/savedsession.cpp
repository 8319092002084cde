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

void keepSessionTokens(ServerConnection &connection, net::secrets::SecretStore &secrets,
                       std::function<void(const QString &)> problem)
{
    QObject::connect(&connection, &ServerConnection::signedIn, &connection,
                     [&connection, &secrets, problem](const protocol::UserJson &user, const QString &token) {
                         secrets.write(tokenKey(connection.serverUrl().toString(), user.email), token, &connection,
                                       [problem](std::expected<void, QString> written) {
                                           if (!written)
                                               problem(written.error());
                                       });
                     });
    QObject::connect(&connection, &ServerConnection::sessionEnded, &connection, [&connection, &secrets] {
        // The connection keeps the account of the session that ended.
        const QString email = connection.user().email;
        if (!email.isEmpty())
            secrets.write(tokenKey(connection.serverUrl().toString(), email), QString(), &connection,
                          [](std::expected<void, QString>) {});
    });
}

void resumeSession(ServerConnection &connection, net::secrets::SecretStore &secrets, const QString &url,
                   const protocol::UserJson &user, std::function<void(const QString &)> problem)
{
    connection.setServerUrl(QUrl(url));
    if (url.isEmpty() || user.id.isNull())
        return;
    secrets.read(tokenKey(url, user.email), &connection,
                 [&connection, url, user, problem](std::expected<QString, QString> token) {
                     if (!token) {
                         problem(token.error());
                         return;
                     }
                     // Pointed elsewhere meanwhile (another account was opened): not this one's.
                     if (!token->isEmpty() && connection.serverUrl() == QUrl(url) && !connection.hasSession())
                         connection.setSession(*token, user);
                 });
}

void resumeSavedServer(ServerConnection &connection, net::secrets::SecretStore &secrets, const QString &serverOverride,
                       QObject *context, std::function<void(const QString &)> problem)
{
    const SavedServer saved = savedServer();
    const QString url = serverOverride.isEmpty() ? saved.url : serverOverride;
    QObject::connect(&connection, &ServerConnection::signedIn, context,
                     [&connection](const protocol::UserJson &user, const QString &) {
                         saveServerUrl(connection.serverUrl().toString());
                         QSettings().setValue(userKey, QJsonDocument(user.toJson()).toJson(QJsonDocument::Compact));
                     });
    // Nobody signed in to this server yet: the Server tab of Settings does that.
    resumeSession(connection, secrets, url, url == saved.url ? saved.user : protocol::UserJson(), std::move(problem));
}

} // namespace rentdesk::net::connection
