// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/itemmodels/pagedtablemodel.h"

#include <QCoreApplication>

#include <functional>
#include <memory>

namespace rentdesk::models::db {
class Database;
}

namespace rentdesk::models::itemmodels {

// A PagedTableModel over one of the browse queries (query/*query.h), whose columns are a
// table of specs: the title (a QT_TRANSLATE_NOOP in the model's context), the kind of
// cell, the query's sort column, and how to read the value from a row. The models of the
// pages are instances of it (buildingtablemodel.h, …), so paging, sorting and filtering
// are written once.
template<typename Query, typename Filter, typename Sort, typename Row> class QueryTableModel : public PagedTableModel
{
public:
    using SortColumn = decltype(Sort::column);
    struct Column
    {
        const char *title; // translated in the model's context
        CellKind kind;
        SortColumn sortBy;
        std::function<QVariant(const Row &)> value;
    };

    QueryTableModel(std::shared_ptr<db::Database> database, const char *context, QList<Column> columns,
                    std::function<QUuid(const Row &)> id, int initialSortColumn, Qt::SortOrder initialOrder,
                    QObject *parent)
        : PagedTableModel(parent)
        , m_query(std::move(database))
        , m_context(context)
        , m_columns(std::move(columns))
        , m_id(std::move(id))
    {
        setInitialSort(initialSortColumn, initialOrder);
    }

    [[nodiscard]] const Filter &filter() const { return m_filter; }
    // Takes the filter and reloads.
    void setFilter(const Filter &filter)
    {
        m_filter = filter;
        m_nothing = false;
        reload();
    }
    // No rows, and no query (a reload() or a sort included) until the next setFilter(): for a
    // page with nothing to show, such as the bookings while nobody is signed in, whose query
    // would only be refused.
    void showNothing()
    {
        m_filter = Filter();
        m_nothing = true;
        reload();
    }
    // The row's data; nullopt out of range.
    [[nodiscard]] std::optional<Row> rowData(int row) const
    {
        const QVariant *found = rowAt(row);
        return found ? std::optional<Row>(found->value<Row>()) : std::nullopt;
    }
    [[nodiscard]] const Query &query() const { return m_query; }
    // A tooltip for the cells of a row (the full text behind a short one), by column.
    void setToolTip(std::function<QString(const Row &, int column)> toolTip) { m_toolTip = std::move(toolTip); }

protected:
    [[nodiscard]] int columns() const override { return int(m_columns.size()); }
    [[nodiscard]] QString columnTitle(int column) const override
    {
        return QCoreApplication::translate(m_context, m_columns[column].title);
    }
    [[nodiscard]] CellKind columnKind(int column) const override { return m_columns[column].kind; }
    [[nodiscard]] services::Result<qint64> countRows() const override
    {
        return m_nothing ? services::Result<qint64>(0) : m_query.count(m_filter);
    }
    [[nodiscard]] services::Result<QList<QVariant>> fetchRows(int offset, int limit) const override
    {
        if (m_nothing)
            return QList<QVariant>();
        auto rows = m_query.fetch(m_filter, Sort { m_columns[sortColumn()].sortBy, sortOrder() }, offset, limit);
        if (!rows)
            return std::unexpected(rows.error());
        QList<QVariant> result;
        result.reserve(rows->size());
        for (Row &row : *rows)
            result.append(QVariant::fromValue(std::move(row)));
        return result;
    }
    [[nodiscard]] QUuid rowId(const QVariant &row) const override { return m_id(*rowOf(row)); }
    [[nodiscard]] QVariant rowValue(const QVariant &row, int column) const override
    {
        return m_columns[column].value(*rowOf(row));
    }
    [[nodiscard]] QString rowToolTip(const QVariant &row, int column) const override
    {
        return m_toolTip ? m_toolTip(*rowOf(row), column) : QString();
    }

private:
    static const Row *rowOf(const QVariant &row) { return static_cast<const Row *>(row.constData()); }

    Query m_query;
    Filter m_filter;
    bool m_nothing = false;
    const char *m_context;
    QList<Column> m_columns;
    std::function<QUuid(const Row &)> m_id;
    std::function<QString(const Row &, int)> m_toolTip;
};

} // namespace rentdesk::models::itemmodels
