// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/db/sqlitehandle.h"

#include "models/db/query.h"

#include <QSqlDriver>
#include <QSqlError>

#include <sqlite3.h>

namespace rentdesk::models::db {

sqlite3 *sqliteHandle(const QSqlDatabase &db)
{
    const QVariant handle = db.driver() ? db.driver()->handle() : QVariant();
    if (!handle.isValid() || qstrcmp(handle.typeName(), "sqlite3*") != 0)
        return nullptr;
    return *static_cast<sqlite3 *const *>(handle.constData());
}

DbError lastSqliteError(sqlite3 *handle, const QSqlDatabase &db)
{
    // Qt's driver reports the extended result code as the native error code, and the
    // message as the database text: classify() reads both.
    return classify(QSqlError(QString(), QString::fromUtf8(sqlite3_errmsg(handle)), QSqlError::StatementError,
                              QString::number(sqlite3_extended_errcode(handle))),
                    db);
}

} // namespace rentdesk::models::db
