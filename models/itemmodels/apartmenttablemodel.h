// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/itemmodels/querytablemodel.h"
#include "models/query/apartmentquery.h"

namespace rentdesk::models::itemmodels {

using ApartmentQueryModel =
    QueryTableModel<query::ApartmentQuery, query::ApartmentFilter, query::ApartmentSort, query::ApartmentRow>;

// The Apartments page's table: ApartmentQuery's listing, a page at a time, filtered and
// sorted by any column. A QueryTableModel like the other pages' tables; its columns have
// names here because the page and the tests refer to them.
class ApartmentTableModel final : public ApartmentQueryModel
{
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

    // The query column behind a table column.
    [[nodiscard]] static query::ApartmentColumn queryColumn(int column);
};

} // namespace rentdesk::models::itemmodels
