// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/services/domainerror.h"
#include "models/sync/rowformat.h"

#include <QSqlDatabase>
#include <QString>
#include <QUuid>

namespace rentdesk::models::sync {

// What each person may see of the synced tables (docs/protocol.md, "What each person may see"),
// written once in SQL for the server's pages and its snapshots. The viewer is bound as :me.

// A column as the viewer may see it, over the row's table as `t`: a profile of someone else
// without the e-mail, phone and language; an apartment's renter only for its owner and that
// renter. The column itself ("t.<column>") where nothing is hidden.
[[nodiscard]] QString visibleColumn(const SyncEntity &entity, const char *column);

// Which changes of the feed (sync_changes as `c`) the viewer sees: a renter every row but other
// people's bookings; a landlord their own property and the bookings on it, themselves, and the
// renters who ever asked to book from them. A photo is seen by whoever sees its apartment: its
// change in the feed carries the apartment's owner as its landlord (0017_photo_feed.sql).
[[nodiscard]] QString renterSeesChange();
[[nodiscard]] QString landlordSeesChange();

// Where the server's feed stands: its last seq (0 while empty), and the last mutation a
// client of a user had applied (0 before its first). A pull, a push and a snapshot read both.
[[nodiscard]] services::Result<qint64> lastSeqOf(const QSqlDatabase &db);
[[nodiscard]] services::Result<qint64> lastMutationOf(const QSqlDatabase &db, const QUuid &user, const QUuid &client);

} // namespace rentdesk::models::sync
