// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/demo/bulkinsert.h"

#include "models/db/sqlitehandle.h"

#include <QCoreApplication>

#include <sqlite3.h>

namespace rentdesk::models::demo {

using namespace Qt::StringLiterals;

namespace {

// Binds one value. Strings are bound without a copy (SQLITE_STATIC): the caller keeps them
// alive until the statement has run and its bindings are cleared.
int bind(sqlite3_stmt *statement, int index, const QVariant &value)
{
    if (value.isNull())
        return sqlite3_bind_null(statement, index);
    switch (value.typeId()) {
    case QMetaType::QString: {
        const auto *text = static_cast<const QString *>(value.constData());
        return sqlite3_bind_text16(statement, index, text->utf16(), int(text->size() * sizeof(char16_t)),
                                   SQLITE_STATIC);
    }
    case QMetaType::Bool:
    case QMetaType::Int:
    case QMetaType::UInt:
    case QMetaType::LongLong:
        return sqlite3_bind_int64(statement, index, value.toLongLong());
    case QMetaType::Double:
        return sqlite3_bind_double(statement, index, value.toDouble());
    default: {
        // Not a type the generator writes; bound as its text, copied.
        const QByteArray text = value.toString().toUtf8();
        return sqlite3_bind_text(statement, index, text.constData(), int(text.size()), SQLITE_TRANSIENT);
    }
    }
}

} // namespace

void BulkInsert::Finalize::operator()(sqlite3_stmt *statement) const
{
    sqlite3_finalize(statement);
}

BulkInsert::BulkInsert(const QSqlDatabase &db, const QString &table, const QStringList &columns)
    : m_db(db)
    , m_handle(db::sqliteHandle(db))
    , m_table(table)
    , m_columns(columns)
{
    m_values.reserve(rowsPerStatement * columns.size());
}

BulkInsert::~BulkInsert() = default;

std::expected<void, db::DbError> BulkInsert::add(std::initializer_list<QVariant> values)
{
    Q_ASSERT(qsizetype(values.size()) == m_columns.size());
    for (const QVariant &value : values)
        m_values.append(value);
    if (m_values.size() < rowsPerStatement * m_columns.size())
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
    auto prepared = statementFor(rows);
    if (!prepared)
        return std::unexpected(prepared.error());
    sqlite3_stmt *statement = *prepared;
    int rc = SQLITE_OK;
    for (qsizetype i = 0; i < m_values.size() && rc == SQLITE_OK; ++i)
        rc = bind(statement, int(i + 1), m_values[i]);
    if (rc == SQLITE_OK)
        rc = sqlite3_step(statement);
    // The error is read before reset(), which would report it again; the strings bound
    // without a copy are released only after the bindings are cleared.
    const std::optional<db::DbError> error = rc == SQLITE_DONE ? std::nullopt : std::optional(failure());
    sqlite3_reset(statement);
    sqlite3_clear_bindings(statement);
    m_values.clear(); // keeps its capacity
    if (error)
        return std::unexpected(*error);
    return {};
}

db::DbError BulkInsert::failure() const
{
    if (m_handle)
        return db::lastSqliteError(m_handle, m_db);
    db::DbError error;
    error.kind = db::DbError::Kind::Query;
    error.detail = u"not an SQLite connection"_s;
    error.message = QCoreApplication::translate("DbError", "A database operation failed.");
    return error;
}

std::expected<sqlite3_stmt *, db::DbError> BulkInsert::statementFor(qsizetype rows)
{
    if (!m_handle)
        return std::unexpected(failure());
    auto &statement = m_statements[rows];
    if (statement)
        return statement.get();
    QStringList tuples;
    const QString tuple = u'(' + QStringList(m_columns.size(), u"?"_s).join(u", "_s) + u')';
    for (qsizetype row = 0; row < rows; ++row)
        tuples.append(tuple);
    // Table and column names are this program's constants; every value is a placeholder.
    const QByteArray sql =
        (u"INSERT INTO "_s + m_table + u" ("_s + m_columns.join(u", "_s) + u") VALUES "_s + tuples.join(u", "_s))
            .toUtf8();
    sqlite3_stmt *prepared = nullptr;
    if (sqlite3_prepare_v3(m_handle, sql.constData(), int(sql.size()), SQLITE_PREPARE_PERSISTENT, &prepared, nullptr)
        != SQLITE_OK) {
        sqlite3_finalize(prepared);
        m_statements.erase(rows);
        return std::unexpected(failure());
    }
    statement.reset(prepared);
    return prepared;
}

} // namespace rentdesk::models::demo
