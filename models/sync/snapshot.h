// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/services/domainerror.h"

#include <QString>
#include <QStringList>
#include <QUuid>

namespace rentdesk::models::db {
class Database;
}

namespace rentdesk::models::sync {

// A first pull as one file (docs/protocol.md, "sync.snapshot"): an SQLite database of this
// release's schema whose synced tables hold what one person may see at one moment of the feed,
// with the search index of those apartments. Written by the server, read by a new replica.
// Both copy whole tables where they can, which SQLite does page by page rather than row by
// row (its "transfer optimization": same schema, no triggers, foreign keys off); a first pull
// of 200 000 apartments sent row by row spent most of its time in the rules and the indexes
// each row passes through, which the server's rows had passed already.
struct SnapshotInfo
{
    qint64 cursor = 0; // the feed's last change the snapshot includes
    qint64 lastMutationId = 0; // of the client that asked, as sync.pull gives it
    qint64 rows = 0; // in the synced tables
};

// The tables a snapshot carries, parents first: the synced ones, then the search index's.
[[nodiscard]] const QStringList &snapshotTables();

// Brings the search index that snapshots carry up to date, on the calling thread's connection
// to the server's database: how many apartments it indexed.
[[nodiscard]] services::Result<int> prepareSnapshots(const db::Database &server);

// Writes the snapshot of what `user` may see to `path`, a file that must not exist yet, on the
// calling thread's connection to the server's database. Reads in one snapshot of the database
// (WAL), so writers go on meanwhile.
[[nodiscard]] services::Result<SnapshotInfo> writeSnapshot(const db::Database &server, const QUuid &user,
                                                           const QUuid &client, const QString &path);

// The desktop's half, before the file takes the replica's place (db::Database::replaceFile):
// makes the snapshot at `snapshotPath` the replica's next file. The replica's tables of its own
// (its state and queue, chat, mail) are copied in, the cursor set, and the file synced to disk,
// in one transaction on a connection of its own. Refused, with the replica as it was: a file
// whose schema is not exactly the replica's, rows naming rows the file lacks, and a replica
// with changes of its own waiting (those take the pages of sync.pull). The synced rows the
// file holds.
[[nodiscard]] services::Result<qint64> prepareSnapshot(const QString &replicaPath, const QString &snapshotPath,
                                                       const QString &cursor);

} // namespace rentdesk::models::sync
