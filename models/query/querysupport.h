// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/db/query.h"
#include "models/domain/enums.h"
#include "models/services/domainerror.h"

#include <QList>
#include <QSqlError>
#include <QSqlQuery>
#include <QString>
#include <QStringList>

#include <expected>
#include <functional>

namespace rentdesk::models::query::detail {

// What the read-only queries (ApartmentQuery, BuildingQuery, BookingQuery, ReviewQuery,
// DetailsQuery) share: a statement as text plus its bound values, running it into rows or a
// count, a read snapshot, and the ORDER BY pieces that more than one of them needs.

// A statement written from fixed fragments chosen by code, and the values it binds.
struct Statement
{
    QString sql;
    QList<db::Binding> bindings;
};

// The WHERE clause of a filter and the values it binds.
struct Where
{
    QStringList terms;
    QList<db::Binding> bindings;

    void add(const QString &term) { terms.append(term); }
    void add(const QString &term, const QString &name, const QVariant &value)
    {
        terms.append(term);
        bindings.append({ name, value });
    }
    [[nodiscard]] QString clause() const;
};

[[nodiscard]] inline std::unexpected<services::DomainError> failure(const db::DbError &error)
{
    return std::unexpected(services::DomainError(error));
}

// A filter the query refuses: InvalidValue, entity "filter", the field concerned, and the
// text translated in the query's context (both literals, so that lupdate sees them).
[[nodiscard]] services::DomainError invalidFilter(const char *context, const char *field, const char *text);

// The single number a count(*) statement yields.
[[nodiscard]] services::Result<qint64> countOf(const QSqlDatabase &db, const Statement &statement);

// Runs a statement and reads every row with read; the first row it cannot read fails the
// whole call, so a page is never silently short.
template<typename Row>
[[nodiscard]] services::Result<QList<Row>> readRows(const QSqlDatabase &db, const Statement &statement,
                                                    const std::function<services::Result<Row>(const QSqlQuery &)> &read,
                                                    qsizetype expected = 0)
{
    auto query = db::exec(db, statement.sql, statement.bindings);
    if (!query)
        return failure(query.error());
    QList<Row> rows;
    rows.reserve(expected);
    while (query->next()) {
        auto row = read(*query);
        if (!row)
            return std::unexpected(row.error());
        rows.append(std::move(*row));
    }
    if (query->lastError().isValid())
        return failure(db::classify(query->lastError(), db));
    return rows;
}

// A read transaction: the statements inside it see one snapshot of the database. Inside
// a transaction the caller already opened, it does nothing (that one is the snapshot).
class ReadSnapshot final
{
public:
    explicit ReadSnapshot(QSqlDatabase db);
    ~ReadSnapshot();
    Q_DISABLE_COPY_MOVE(ReadSnapshot)

    [[nodiscard]] std::expected<void, db::DbError> begin();

private:
    QSqlDatabase m_db;
    bool m_open = false;
};

// Runs read, which issues several statements, in one snapshot, so that its answers agree
// with each other even while another connection writes.
template<typename T>
[[nodiscard]] services::Result<T> inReadSnapshot(const QSqlDatabase &db,
                                                 const std::function<services::Result<T>()> &read)
{
    ReadSnapshot snapshot(db);
    if (auto begun = snapshot.begin(); !begun)
        return failure(begun.error());
    return read();
}

// " ASC" or " DESC".
[[nodiscard]] QString direction(Qt::SortOrder order);

// An enum column in the order of the enum's values, not of its codes: "CASE column WHEN
// 'free' THEN 0 WHEN 'booked' THEN 1 … END". The codes are the program's own constants.
template<typename E> [[nodiscard]] QString enumRank(const QString &column)
{
    QString rank = QStringLiteral("CASE ") + column;
    int i = 0;
    for (const E value : domain::allValues<E>())
        rank += QStringLiteral(" WHEN '%1' THEN %2").arg(domain::toCode(value)).arg(i++);
    return rank + QStringLiteral(" END");
}

// Apartment numbers as people read them: "2" before "10", then "12A" before "12B".
[[nodiscard]] QStringList apartmentNumberOrder(const QString &column, Qt::SortOrder order);

} // namespace rentdesk::models::query::detail
