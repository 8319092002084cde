// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/itemmodels/apartmenttablemodel.h"

#include <QCoreApplication>

namespace rentdesk::models::itemmodels {

using query::ApartmentColumn;
using query::ApartmentRow;

namespace {

// The translation context the titles have always had.
constexpr const char *context = "rentdesk::models::itemmodels::ApartmentTableModel";

// In the order of ApartmentTableModel::Column.
const QList<ApartmentQueryModel::Column> &columnTable()
{
    using C = ApartmentQueryModel::Column;
    using R = ApartmentRow;
    static const QList<C> columns {
        { QT_TRANSLATE_NOOP("rentdesk::models::itemmodels::ApartmentTableModel", "Number"), CellKind::Text,
          ApartmentColumn::Number,
          [](const R &r) {
              return QVariant(r.apartment.number);
          } },
        { QT_TRANSLATE_NOOP("rentdesk::models::itemmodels::ApartmentTableModel", "Building"), CellKind::Text,
          ApartmentColumn::Building,
          [](const R &r) {
              return QVariant(r.buildingName);
          } },
        { QT_TRANSLATE_NOOP("rentdesk::models::itemmodels::ApartmentTableModel", "Address"), CellKind::Text,
          ApartmentColumn::Address,
          [](const R &r) {
              return QVariant(r.address);
          } },
        { QT_TRANSLATE_NOOP("rentdesk::models::itemmodels::ApartmentTableModel", "City"), CellKind::Text,
          ApartmentColumn::City,
          [](const R &r) {
              return QVariant(r.city);
          } },
        { QT_TRANSLATE_NOOP("rentdesk::models::itemmodels::ApartmentTableModel", "Floor"), CellKind::Number,
          ApartmentColumn::Floor,
          [](const R &r) {
              return QVariant(r.apartment.floor);
          } },
        { QT_TRANSLATE_NOOP("rentdesk::models::itemmodels::ApartmentTableModel", "Rooms"), CellKind::Number,
          ApartmentColumn::Rooms,
          [](const R &r) {
              return QVariant(r.apartment.rooms);
          } },
        { QT_TRANSLATE_NOOP("rentdesk::models::itemmodels::ApartmentTableModel", "Area"), CellKind::Number,
          ApartmentColumn::Area,
          [](const R &r) {
              return QVariant(r.apartment.areaSqm);
          } },
        { QT_TRANSLATE_NOOP("rentdesk::models::itemmodels::ApartmentTableModel", "Price per month"), CellKind::Money,
          ApartmentColumn::Price,
          [](const R &r) {
              return QVariant::fromValue(r.apartment.monthlyPrice);
          } },
        { QT_TRANSLATE_NOOP("rentdesk::models::itemmodels::ApartmentTableModel", "Status"), CellKind::ApartmentStatus,
          ApartmentColumn::Status,
          [](const R &r) {
              return QVariant::fromValue(r.apartment.status);
          } },
        { QT_TRANSLATE_NOOP("rentdesk::models::itemmodels::ApartmentTableModel", "Rating"), CellKind::Rating,
          ApartmentColumn::Rating,
          [](const R &r) {
              return QVariant::fromValue(r.apartment.rating);
          } },
        { QT_TRANSLATE_NOOP("rentdesk::models::itemmodels::ApartmentTableModel", "Furnished"), CellKind::Flag,
          ApartmentColumn::Furnished,
          [](const R &r) {
              return QVariant(r.apartment.furnished);
          } },
        { QT_TRANSLATE_NOOP("rentdesk::models::itemmodels::ApartmentTableModel", "Pets"), CellKind::Flag,
          ApartmentColumn::PetsAllowed,
          [](const R &r) {
              return QVariant(r.apartment.petsAllowed);
          } },
        { QT_TRANSLATE_NOOP("rentdesk::models::itemmodels::ApartmentTableModel", "Listed"), CellKind::DateTime,
          ApartmentColumn::Created,
          [](const R &r) {
              return QVariant(r.apartment.createdAt);
          } },
    };
    return columns;
}

} // namespace

ApartmentTableModel::ApartmentTableModel(std::shared_ptr<db::Database> database, QObject *parent)
    : ApartmentQueryModel(
        std::move(database), context, columnTable(), [](const ApartmentRow &r) { return r.apartment.id; }, Price,
        Qt::AscendingOrder, parent)
{
    Q_ASSERT(columnTable().size() == ColumnCount);
    setToolTip([](const ApartmentRow &row, int column) {
        if (column == Building || column == Address)
            return QCoreApplication::translate("rentdesk::models::itemmodels::ApartmentTableModel",
                                               "%1, %2 — owner: %3")
                .arg(row.address, row.city, row.ownerName);
        return QString();
    });
}

ApartmentColumn ApartmentTableModel::queryColumn(int column)
{
    return column >= 0 && column < ColumnCount ? columnTable().at(column).sortBy : ApartmentColumn::Created;
}

} // namespace rentdesk::models::itemmodels
