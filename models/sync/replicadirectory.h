// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/services/domainerror.h"

#include <QDateTime>
#include <QList>
#include <QString>
#include <QUuid>

#include <optional>

namespace rentdesk::models::sync {

// One connected replica found on this computer, as its own file says.
struct ReplicaEntry
{
    QString path;
    QString serverUrl;
    QUuid account;
    QString email; // the account's, as the replica holds it
    QString displayName;
    std::optional<QDateTime> syncedAt; // the last complete sync; none before the first
};

// The connected replicas of this computer: one database file per server account, in a folder
// of their own (the app's data folder's "replicas"), named after the server and the account,
// so that two accounts, or one account on two servers, never share a file. The first sign-in
// to an account makes its file at pathFor(); File ▸ Switch account lists them with list().
class ReplicaDirectory final
{
public:
    explicit ReplicaDirectory(QString folder);

    [[nodiscard]] const QString &folder() const { return m_folder; }
    // Where the replica of `account` on `serverUrl` is, whether it exists yet or not: the
    // server's host and port (letters, digits, dots and dashes only) and the account's id.
    [[nodiscard]] QString pathFor(const QString &serverUrl, const QUuid &account) const;
    // Every replica in the folder, by server and then e-mail. A file there that is not a
    // replica (or cannot be read) is left out and logged, never touched: it is not ours to
    // judge. Reading sets nothing on the files, as a replica in use may be among them.
    [[nodiscard]] services::Result<QList<ReplicaEntry>> list() const;

private:
    QString m_folder;
};

} // namespace rentdesk::models::sync
