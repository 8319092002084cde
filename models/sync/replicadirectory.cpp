// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/sync/replicadirectory.h"

#include "models/db/query.h"
#include "models/domain/storedvalues.h"

#include <QDir>
#include <QLoggingCategory>
#include <QSqlDatabase>
#include <QSqlError>
#include <QUrl>

#include <algorithm>

Q_LOGGING_CATEGORY(lcReplicaDirectory, "rentdesk.sync.replicas", QtInfoMsg)

namespace rentdesk::models::sync {

using namespace Qt::StringLiterals;
using services::DomainError;
using services::Result;

namespace {

// What a file name may hold of a host: anything else (an IPv6 address's colons) becomes "-".
QString fileNamePart(const QString &text)
{
    QString part;
    part.reserve(text.size());
    for (const QChar c : text) {
        const bool plain = (c >= u'a' && c <= u'z') || (c >= u'0' && c <= u'9') || c == u'.' || c == u'-';
        part.append(plain ? c : u'-');
    }
    return part;
}

// The replica's own account as its file says, or why it is not a replica.
std::optional<ReplicaEntry> readEntry(const QString &path, QString &why)
{
    const QString name = u"rentdesk-replicas-%1"_s.arg(QUuid::createUuid().toString(QUuid::Id128));
    std::optional<ReplicaEntry> entry;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, name);
        db.setDatabaseName(path);
        // No PRAGMA and only a read: the file may be the replica the app has open.
        if (!db.open()) {
            why = db.lastError().text();
        } else {
            auto found = db::exec(db,
                                  u"SELECT s.server_url, s.account_id, s.synced_at, u.email, u.display_name "
                                  "FROM replica_state AS s LEFT JOIN users AS u ON u.id = s.account_id"_s);
            if (!found) {
                why = found.error().detail;
            } else if (!found->next()) {
                why = u"no replica_state row"_s;
            } else {
                ReplicaEntry read;
                read.path = path;
                read.serverUrl = found->value(0).toString();
                read.account = QUuid::fromString(found->value(1).toString());
                if (!found->value(2).isNull()) {
                    if (auto synced = domain::timestampFromStored(found->value(2)))
                        read.syncedAt = *synced;
                }
                read.email = found->value(3).toString();
                read.displayName = found->value(4).toString();
                entry = read;
            }
            db.close();
        }
    }
    QSqlDatabase::removeDatabase(name);
    return entry;
}

} // namespace

ReplicaDirectory::ReplicaDirectory(QString folder)
    : m_folder(std::move(folder))
{
}

QString ReplicaDirectory::pathFor(const QString &serverUrl, const QUuid &account) const
{
    const QUrl url(serverUrl);
    const QString host = fileNamePart(url.host().toLower());
    const int port = url.port(url.scheme() == u"ws"_s ? 80 : 443);
    return m_folder + u'/'
        + u"%1_%2_%3.sqlite"_s.arg(host.isEmpty() ? u"server"_s : host).arg(port).arg(domain::toStoredId(account));
}

Result<QList<ReplicaEntry>> ReplicaDirectory::list() const
{
    QList<ReplicaEntry> entries;
    const QDir dir(m_folder);
    if (!dir.exists())
        return entries;
    for (const QFileInfo &file : dir.entryInfoList({ u"*.sqlite"_s }, QDir::Files, QDir::Name)) {
        QString why;
        if (auto entry = readEntry(file.absoluteFilePath(), why))
            entries.append(*entry);
        else
            qCInfo(lcReplicaDirectory) << "not a replica, left alone:" << file.absoluteFilePath() << why;
    }
    std::stable_sort(entries.begin(), entries.end(), [](const ReplicaEntry &a, const ReplicaEntry &b) {
        return a.serverUrl != b.serverUrl ? a.serverUrl < b.serverUrl : a.email < b.email;
    });
    return entries;
}

} // namespace rentdesk::models::sync
