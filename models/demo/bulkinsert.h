// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/db/dberror.h"

#include <QList>
#include <QSqlDatabase>
#include <QString>
#include <QStringList>
#include <QVariant>

#include <expected>
#include <initializer_list>
#include <map>
#include <memory>

struct sqlite3;
struct sqlite3_stmt;

namespace rentdesk::models::demo {

// Inserts rows into one table in batches: one INSERT of many rows per statement, each
// statement prepared once and reused. SQLite does a fixed amount of work per statement
// on top of the work per row (a statement journal, and a temporary table for each
// `x IN (a, b, c)` CHECK of the schema), so sixty-four rows to a statement cost a
// fraction of sixty-four statements. Values are always bound, never spliced into SQL.
//
// It binds through the sqlite3 API under the Qt connection (same connection, same
// transaction): Qt's bindValue() looks every placeholder up by name and copies every
// value, a sixth of a large generation's time, for nothing a bulk load needs.
//
// Rows wait in the batch until it is full or flushed; a table whose rows refer to
// another (a foreign key) names it with after(), and its batch is written only once the
// other table's waiting rows are.
class BulkInsert final
{
public:
    // table and columns are the caller's constants, never input.
    BulkInsert(const QSqlDatabase &db, const QString &table, const QStringList &columns);
    Q_DISABLE_COPY_MOVE(BulkInsert)
    ~BulkInsert();

    // Rows of this table refer to rows of parent, which must be written first.
    void after(BulkInsert &parent) { m_parents.append(&parent); }

    // Adds one row, its values in the order of the columns (a string, a whole number, a
    // double, or a null QVariant for NULL); writes the batch when full.
    [[nodiscard]] std::expected<void, db::DbError> add(std::initializer_list<QVariant> values);
    // Writes the rows still waiting (after the parents' rows).
    [[nodiscard]] std::expected<void, db::DbError> flush();

    static constexpr qsizetype rowsPerStatement = 64;

private:
    struct Finalize
    {
        void operator()(sqlite3_stmt *statement) const;
    };
    using Statement = std::unique_ptr<sqlite3_stmt, Finalize>;

    [[nodiscard]] std::expected<sqlite3_stmt *, db::DbError> statementFor(qsizetype rows);
    [[nodiscard]] db::DbError failure() const;

    QSqlDatabase m_db;
    sqlite3 *m_handle = nullptr;
    QString m_table;
    QStringList m_columns;
    QList<QVariant> m_values; // the waiting rows, row after row
    QList<BulkInsert *> m_parents;
    std::map<qsizetype, Statement> m_statements; // by number of rows
};

} // namespace rentdesk::models::demo
