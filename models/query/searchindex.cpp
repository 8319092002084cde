// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/query/searchindex.h"

#include "models/db/query.h"
#include "models/db/transaction.h"

namespace rentdesk::models::query {

using namespace Qt::StringLiterals;

std::expected<bool, db::DbError> searchIndexIsStale(const QSqlDatabase &db)
{
    auto stale = db::scalar(db, u"SELECT EXISTS (SELECT 1 FROM apartments_search_stale)"_s);
    if (!stale)
        return std::unexpected(stale.error());
    return stale->toInt() != 0;
}

std::expected<int, db::DbError> refreshSearchIndex(const QSqlDatabase &db)
{
    return db::transact(db, [&]() -> std::expected<int, db::DbError> {
        auto stale = db::scalar(db, u"SELECT count(*) FROM apartments_search_stale"_s);
        if (!stale)
            return std::unexpected(stale.error());
        if (stale->toInt() == 0)
            return 0;
        // The document of an apartment is defined once, by the view; a deleted apartment
        // has none, so its row only goes.
        const QString statements[] = {
            u"DELETE FROM apartments_search "
            "WHERE rowid IN (SELECT apartment_rowid FROM apartments_search_stale)"_s,
            u"INSERT INTO apartments_search (rowid, address, city, description) "
            "SELECT d.apartment_rowid, d.address, d.city, d.description "
            "FROM apartments_search_documents AS d "
            "WHERE d.apartment_rowid IN (SELECT apartment_rowid FROM apartments_search_stale)"_s,
            u"DELETE FROM apartments_search_stale"_s,
        };
        for (const QString &statement : statements) {
            if (auto done = db::exec(db, statement); !done)
                return std::unexpected(done.error());
        }
        return stale->toInt();
    });
}

} // namespace rentdesk::models::query
