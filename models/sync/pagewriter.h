// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/services/domainerror.h"

#include <QJsonArray>
#include <QSqlDatabase>

namespace rentdesk::models::sync {

// Writes a page of the server's rows (docs/protocol.md, "sync.pull") into a replica, in the
// caller's transaction: inserted, updated in the columns that changed, or deleted for a
// tombstone. `fresh`: the replica is being filled (a first pull), so the rows are new to it.
[[nodiscard]] services::Result<void> applyRows(const QSqlDatabase &db, const QJsonArray &rows, bool fresh);

} // namespace rentdesk::models::sync
