// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "db/dberror.h"

#include <QList>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QString>
#include <QStringList>
#include <QVariant>

#include <expected>
#include <initializer_list>
#include <map>
#include <memory>

namespace rentdesk::demo {

// Inserts rows into one table in batches: one INSERT of many rows per statement, each
// statement prepared once and reused. SQLite does a fixed amount of work per statement
// on top of the work per row (a statement journal, and a temporary table for each
// `x IN (a, b, c)` CHECK of the schema), so sixty-four rows to a statement cost a
// fraction of sixty-four statements. Values are always bound, never spliced into SQL.
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

    // Adds one row, its values in the order of the columns; writes the batch when full.
    [[nodiscard]] std::expected<void, db::DbError> add(std::initializer_list<QVariant> values);
    // Writes the rows still waiting (after the parents' rows).
    [[nodiscard]] std::expected<void, db::DbError> flush();

    static constexpr qsizetype rowsPerStatement = 64;

private:
    [[nodiscard]] std::expected<QSqlQuery *, db::DbError> statementFor(qsizetype rows);

    QSqlDatabase m_db;
    QString m_table;
    QStringList m_columns;
    // ":v0", ":v1", …: values are bound by name because Qt's positional bindValue(int)
    // formats and hashes a placeholder name on every call (a sixth of the run time).
    QList<QString> m_placeholders;
    QList<QVariant> m_values; // the waiting rows, row after row
    QList<BulkInsert *> m_parents;
    std::map<qsizetype, std::unique_ptr<QSqlQuery>> m_statements; // by number of rows
};

} // namespace rentdesk::demo
