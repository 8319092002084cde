// SPDX-License-Identifier: GPL-3.0-or-later
#include "demo/bulkinsert.h"

#include "db/query.h"

namespace rentdesk::demo {

using namespace Qt::StringLiterals;

BulkInsert::BulkInsert(const QSqlDatabase &db, const QString &table, const QStringList &columns)
    : m_db(db)
    , m_table(table)
    , m_columns(columns)
{
    const qsizetype count = rowsPerStatement * columns.size();
    m_placeholders.reserve(count);
    for (qsizetype i = 0; i < count; ++i)
        m_placeholders.append(u":v"_s + QString::number(i));
    m_values.reserve(count);
}

BulkInsert::~BulkInsert() = default;

std::expected<void, db::DbError> BulkInsert::add(std::initializer_list<QVariant> values)
{
    Q_ASSERT(qsizetype(values.size()) == m_columns.size());
    for (const QVariant &value : values)
        m_values.append(value);
    if (m_values.size() < m_placeholders.size())
        return {};
    return flush();
}

std::expected<void, db::DbError> BulkInsert::flush()
{
    for (BulkInsert *parent : std::as_const(m_parents)) {
        if (auto done = parent->flush(); !done)
            return done;
    }
    if (m_values.isEmpty())
        return {};
    const qsizetype rows = m_values.size() / m_columns.size();
    auto statement = statementFor(rows);
    if (!statement)
        return std::unexpected(statement.error());
    QSqlQuery &query = **statement;
    for (qsizetype i = 0; i < m_values.size(); ++i)
        query.bindValue(m_placeholders[i], m_values[i]);
    m_values.clear(); // keeps its capacity
    if (!query.exec())
        return std::unexpected(db::classify(query.lastError(), m_db));
    return {};
}

std::expected<QSqlQuery *, db::DbError> BulkInsert::statementFor(qsizetype rows)
{
    auto &statement = m_statements[rows];
    if (statement)
        return statement.get();
    QStringList tuples;
    const qsizetype width = m_columns.size();
    for (qsizetype row = 0; row < rows; ++row)
        tuples.append(u'(' + m_placeholders.mid(row * width, width).join(u", "_s) + u')');
    auto query = std::make_unique<QSqlQuery>(m_db);
    query->setForwardOnly(true);
    // Table and column names are this program's constants; every value is a placeholder.
    if (!query->prepare(u"INSERT INTO "_s + m_table + u" ("_s + m_columns.join(u", "_s) + u") VALUES "_s
                        + tuples.join(u", "_s))) {
        const db::DbError error = db::classify(query->lastError(), m_db);
        m_statements.erase(rows);
        return std::unexpected(error);
    }
    statement = std::move(query);
    return statement.get();
}

} // namespace rentdesk::demo
