// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/db/query.h"
#include "models/domain/storedvalues.h"
#include "models/query/querysupport.h"
#include "models/services/domainerror.h"

#include <QStringList>
#include <QTest>

#include <algorithm>
#include <functional>

// What the tests of the browse queries share: an oracle for the order of a sort, reading
// pages one after another, errors of results, and query plans.
namespace rentdesk::test {

// < 0, 0, > 0 as a sorts before, with, after b.
template<typename T> int compare(const T &a, const T &b)
{
    return a < b ? -1 : (b < a ? 1 : 0);
}

// The ids of rows in the order a sort means, computed in C++: by the column (ascending
// compare), then by the id as the tie-breaker, both in the sort's direction; rows for which
// last() holds come after all others in either direction.
template<typename Row>
QStringList
expectedOrder(QList<Row> rows, Qt::SortOrder order, const std::function<int(const Row &, const Row &)> &column,
              const std::function<QUuid(const Row &)> &id, const std::function<bool(const Row &)> &last = {})
{
    std::sort(rows.begin(), rows.end(), [&](const Row &a, const Row &b) {
        if (last && last(a) != last(b))
            return last(b);
        int c = (last && last(a)) ? 0 : column(a, b);
        if (c == 0)
            c = compare(models::domain::toStoredId(id(a)), models::domain::toStoredId(id(b)));
        return order == Qt::AscendingOrder ? c < 0 : c > 0;
    });
    QStringList ids;
    for (const Row &row : std::as_const(rows))
        ids.append(models::domain::toStoredId(id(row)));
    return ids;
}

template<typename Row> QStringList idsOf(const QList<Row> &rows, const std::function<QUuid(const Row &)> &id)
{
    QStringList ids;
    for (const Row &row : rows)
        ids.append(models::domain::toStoredId(id(row)));
    return ids;
}

// Every row, read page after page of pageSize rows until a short page.
template<typename Row>
QStringList pagedIds(const std::function<models::services::Result<QList<Row>>(int offset, int limit)> &fetch,
                     int pageSize, const std::function<QUuid(const Row &)> &id)
{
    QStringList ids;
    for (int offset = 0;; offset += pageSize) {
        auto page = fetch(offset, pageSize);
        if (!page)
            return { QStringLiteral("<error: ") + page.error().message + u'>' };
        ids += idsOf(*page, id);
        if (page->size() < pageSize)
            return ids;
        if (offset > 10000)
            return { QStringLiteral("<runaway paging>") };
    }
}

template<typename T> models::services::DomainError errorOf(const models::services::Result<T> &result)
{
    return result ? models::services::DomainError() : result.error();
}

// The plan of a statement, one line per step.
inline QStringList planOf(const QSqlDatabase &db, const models::query::detail::Statement &statement)
{
    auto plan = models::db::exec(db, QStringLiteral("EXPLAIN QUERY PLAN ") + statement.sql, statement.bindings);
    if (!plan)
        return { QStringLiteral("error: ") + plan.error().detail };
    QStringList lines;
    while (plan->next())
        lines.append(plan->value(3).toString());
    return lines;
}

// The steps that choose a page's rows: everything before the page is scanned to read them.
inline QString choosingPartOf(const QStringList &plan)
{
    const qsizetype end = plan.indexOf(QStringLiteral("SCAN page"));
    return (end < 0 ? plan : plan.mid(0, end)).join(u'\n');
}

} // namespace rentdesk::test
