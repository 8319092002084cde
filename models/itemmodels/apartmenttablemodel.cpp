// SPDX-License-Identifier: GPL-3.0-or-later
#include "itemmodels/apartmenttablemodel.h"

#include <QCoreApplication>

namespace rentdesk::itemmodels {

using query::ApartmentColumn;
using query::ApartmentRow;

ApartmentTableModel::ApartmentTableModel(std::shared_ptr<db::Database> database, QObject *parent)
    : PagedTableModel(parent)
    , m_query(std::move(database))
{
    setInitialSort(Price, Qt::AscendingOrder);
}

void ApartmentTableModel::setFilter(const query::ApartmentFilter &filter)
{
    m_filter = filter;
    reload();
}

std::optional<ApartmentRow> ApartmentTableModel::rowData(int row) const
{
    const QVariant *found = rowAt(row);
    if (!found)
        return std::nullopt;
    return found->value<ApartmentRow>();
}

ApartmentColumn ApartmentTableModel::queryColumn(int column)
{
    switch (Column(column)) {
    case Number:
        return ApartmentColumn::Number;
    case Building:
        return ApartmentColumn::Building;
    case Address:
        return ApartmentColumn::Address;
    case City:
        return ApartmentColumn::City;
    case Floor:
        return ApartmentColumn::Floor;
    case Rooms:
        return ApartmentColumn::Rooms;
    case Area:
        return ApartmentColumn::Area;
    case Price:
        return ApartmentColumn::Price;
    case Status:
        return ApartmentColumn::Status;
    case Rating:
        return ApartmentColumn::Rating;
    case Furnished:
        return ApartmentColumn::Furnished;
    case PetsAllowed:
        return ApartmentColumn::PetsAllowed;
    case Created:
    case ColumnCount:
        break;
    }
    return ApartmentColumn::Created;
}

QString ApartmentTableModel::columnTitle(int column) const
{
    switch (Column(column)) {
    case Number:
        return tr("Number");
    case Building:
        return tr("Building");
    case Address:
        return tr("Address");
    case City:
        return tr("City");
    case Floor:
        return tr("Floor");
    case Rooms:
        return tr("Rooms");
    case Area:
        return tr("Area");
    case Price:
        return tr("Price per month");
    case Status:
        return tr("Status");
    case Rating:
        return tr("Rating");
    case Furnished:
        return tr("Furnished");
    case PetsAllowed:
        return tr("Pets");
    case Created:
        return tr("Listed");
    case ColumnCount:
        break;
    }
    return {};
}

CellKind ApartmentTableModel::columnKind(int column) const
{
    switch (Column(column)) {
    case Floor:
    case Rooms:
    case Area:
        return CellKind::Number;
    case Price:
        return CellKind::Money;
    case Status:
        return CellKind::ApartmentStatus;
    case Rating:
        return CellKind::Rating;
    case Furnished:
    case PetsAllowed:
        return CellKind::Flag;
    case Created:
        return CellKind::DateTime;
    default:
        return CellKind::Text;
    }
}

services::Result<qint64> ApartmentTableModel::countRows() const
{
    return m_query.count(m_filter);
}

services::Result<QList<QVariant>> ApartmentTableModel::fetchRows(int offset, int limit) const
{
    auto rows = m_query.fetch(m_filter, { queryColumn(sortColumn()), sortOrder() }, offset, limit);
    if (!rows)
        return std::unexpected(rows.error());
    QList<QVariant> result;
    result.reserve(rows->size());
    for (ApartmentRow &row : *rows)
        result.append(QVariant::fromValue(std::move(row)));
    return result;
}

QUuid ApartmentTableModel::rowId(const QVariant &row) const
{
    return static_cast<const ApartmentRow *>(row.constData())->apartment.id;
}

QVariant ApartmentTableModel::rowValue(const QVariant &value, int column) const
{
    const ApartmentRow &row = *static_cast<const ApartmentRow *>(value.constData());
    const domain::Apartment &a = row.apartment;
    switch (Column(column)) {
    case Number:
        return a.number;
    case Building:
        return row.buildingName;
    case Address:
        return row.address;
    case City:
        return row.city;
    case Floor:
        return a.floor;
    case Rooms:
        return a.rooms;
    case Area:
        return a.areaSqm;
    case Price:
        return QVariant::fromValue(a.monthlyPrice);
    case Status:
        return QVariant::fromValue(a.status);
    case Rating:
        return QVariant::fromValue(a.rating);
    case Furnished:
        return a.furnished;
    case PetsAllowed:
        return a.petsAllowed;
    case Created:
        return a.createdAt;
    case ColumnCount:
        break;
    }
    return {};
}

QString ApartmentTableModel::rowToolTip(const QVariant &value, int column) const
{
    const ApartmentRow &row = *static_cast<const ApartmentRow *>(value.constData());
    if (column == Building || column == Address)
        return tr("%1, %2 — owner: %3").arg(row.address, row.city, row.ownerName);
    return {};
}

} // namespace rentdesk::itemmodels
