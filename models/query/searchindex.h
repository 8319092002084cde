// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/db/dberror.h"

#include <QSqlDatabase>

#include <expected>

namespace rentdesk::models::query {

// Keeps the full-text index of apartments (apartments_search, 0002_search.sql) in step
// with the apartments and buildings it is made from. Triggers cannot write an FTS5 table
// on RentDesk's connections (trusted_schema=OFF), so they mark the changed apartments in
// apartments_search_stale, and this rewrites the marked rows' documents with top-level
// statements.

// Rewrites the documents of every stale apartment and clears the marks, in one write
// transaction (a savepoint inside the caller's). Returns how many apartments it rewrote.
// ApartmentQuery calls it before each search; a bulk import may call it once at its end,
// so that the first search does not pay for indexing the whole import.
[[nodiscard]] std::expected<int, db::DbError> refreshSearchIndex(const QSqlDatabase &db);

// Whether any apartment's document is stale, as the connection's snapshot sees it.
[[nodiscard]] std::expected<bool, db::DbError> searchIndexIsStale(const QSqlDatabase &db);

} // namespace rentdesk::models::query
