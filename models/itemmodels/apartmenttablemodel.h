// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "itemmodels/pagedtablemodel.h"
#include "query/apartmentquery.h"

namespace rentdesk::itemmodels {

// The Apartments page's table: ApartmentQuery's listing, a page at a time, filtered and
// sorted by any column.
class ApartmentTableModel final : public PagedTableModel
{
    Q_OBJECT

public:
    enum Column {
        Number,
        Building,
        Address,
        City,
        Floor,
        Rooms,
        Area,
        Price,
        Status,
        Rating,
        Furnished,
        PetsAllowed,
        Created,
        ColumnCount
    };

    explicit ApartmentTableModel(std::shared_ptr<db::Database> database, QObject *parent = nullptr);

    [[nodiscard]] const query::ApartmentFilter &filter() const { return m_filter; }
    // Takes the filter and reloads.
    void setFilter(const query::ApartmentFilter &filter);

    // The row's apartment and what the listing shows with it; nullopt out of range.
    [[nodiscard]] std::optional<query::ApartmentRow> rowData(int row) const;

    // The query column behind a table column.
    [[nodiscard]] static query::ApartmentColumn queryColumn(int column);

protected:
    [[nodiscard]] int columns() const override { return ColumnCount; }
    [[nodiscard]] QString columnTitle(int column) const override;
    [[nodiscard]] CellKind columnKind(int column) const override;
    [[nodiscard]] services::Result<qint64> countRows() const override;
    [[nodiscard]] services::Result<QList<QVariant>> fetchRows(int offset, int limit) const override;
    [[nodiscard]] QUuid rowId(const QVariant &row) const override;
    [[nodiscard]] QVariant rowValue(const QVariant &row, int column) const override;
    [[nodiscard]] QString rowToolTip(const QVariant &row, int column) const override;

private:
    query::ApartmentQuery m_query;
    query::ApartmentFilter m_filter;
};

} // namespace rentdesk::itemmodels
