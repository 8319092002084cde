// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/query/querysupport.h"

#include "models/db/transaction.h"

#include <QCoreApplication>
#include <QSqlError>

namespace rentdesk::models::query::detail {

using namespace Qt::StringLiterals;
using services::DomainError;

QString Where::clause() const
{
    return terms.isEmpty() ? QString() : u" WHERE "_s + terms.join(u" AND "_s);
}

DomainError invalidFilter(const char *context, const char *field, const char *text)
{
    return DomainError(DomainError::Code::InvalidValue, u"filter"_s, QString::fromLatin1(field),
                       QCoreApplication::translate(context, text));
}

services::Result<qint64> countOf(const QSqlDatabase &db, const Statement &statement)
{
    auto query = db::exec(db, statement.sql, statement.bindings);
    if (!query)
        return failure(query.error());
    if (!query->next())
        return failure(db::classify(query->lastError(), db));
    return query->value(0).toLongLong();
}

ReadSnapshot::ReadSnapshot(QSqlDatabase db)
    : m_db(std::move(db))
{
}

ReadSnapshot::~ReadSnapshot()
{
    if (m_open && db::inTransaction(m_db))
        (void)db::exec(m_db, u"ROLLBACK"_s); // nothing was written
}

std::expected<void, db::DbError> ReadSnapshot::begin()
{
    if (db::inTransaction(m_db))
        return {};
    auto begun = db::exec(m_db, u"BEGIN"_s);
    if (!begun)
        return std::unexpected(begun.error());
    m_open = true;
    return {};
}

QString direction(Qt::SortOrder order)
{
    return order == Qt::AscendingOrder ? u" ASC"_s : u" DESC"_s;
}

QStringList apartmentNumberOrder(const QString &column, Qt::SortOrder order)
{
    const QString dir = direction(order);
    return { u"CAST("_s + column + u" AS INTEGER)"_s + dir, column + dir };
}

} // namespace rentdesk::models::query::detail
