// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/itemmodels/pagemodels.h"

#include "models/db/database.h"
#include "models/db/query.h"
#include "models/domain/calendarsource.h"
#include "models/domain/storedvalues.h"
#include "models/itemmodels/apartmenttablemodel.h"
#include "models/services/chatsql.h"

#include <QCoreApplication>

namespace rentdesk::models::itemmodels {

using namespace query;
using namespace Qt::StringLiterals;

std::unique_ptr<BuildingTableModel> makeBuildingTableModel(std::shared_ptr<db::Database> database)
{
    using C = BuildingTableModel::Column;
    using R = BuildingRow;
    QList<C> columns {
        { QT_TRANSLATE_NOOP("BuildingTableModel", "Name"), CellKind::Text, BuildingColumn::Name,
          [](const R &r) {
              return QVariant(r.building.name);
          } },
        { QT_TRANSLATE_NOOP("BuildingTableModel", "Address"), CellKind::Text, BuildingColumn::Address,
          [](const R &r) {
              return QVariant(r.building.address);
          } },
        { QT_TRANSLATE_NOOP("BuildingTableModel", "City"), CellKind::Text, BuildingColumn::City,
          [](const R &r) {
              return QVariant(r.building.city);
          } },
        { QT_TRANSLATE_NOOP("BuildingTableModel", "Floors"), CellKind::Number, BuildingColumn::Floors,
          [](const R &r) {
              return QVariant(r.building.floors);
          } },
        { QT_TRANSLATE_NOOP("BuildingTableModel", "Built"), CellKind::Number, BuildingColumn::YearBuilt,
          [](const R &r) {
              return r.building.yearBuilt ? QVariant(*r.building.yearBuilt) : QVariant();
          } },
        { QT_TRANSLATE_NOOP("BuildingTableModel", "Apartments"), CellKind::Number, BuildingColumn::Apartments,
          [](const R &r) {
              return QVariant(r.apartments);
          } },
        { QT_TRANSLATE_NOOP("BuildingTableModel", "Owner"), CellKind::Text, BuildingColumn::Owner,
          [](const R &r) {
              return QVariant(r.ownerName);
          } },
        { QT_TRANSLATE_NOOP("BuildingTableModel", "Listed"), CellKind::DateTime, BuildingColumn::Created,
          [](const R &r) {
              return QVariant(r.building.createdAt);
          } },
    };
    return std::make_unique<BuildingTableModel>(
        std::move(database), "BuildingTableModel", std::move(columns), [](const R &r) { return r.building.id; },
        BuildingColumns::Name, Qt::AscendingOrder, nullptr);
}

QString renterText(const BookingRow &row)
{
    if (row.booking.blockSource.isEmpty())
        return row.renterName;
    return QCoreApplication::translate("BookingTableModel", "Calendar: %1")
        .arg(domain::calendarLabel(row.booking.blockSource));
}

std::unique_ptr<BookingTableModel> makeBookingTableModel(std::shared_ptr<db::Database> database)
{
    using C = BookingTableModel::Column;
    using R = BookingRow;
    QList<C> columns {
        { QT_TRANSLATE_NOOP("BookingTableModel", "Apartment"), CellKind::Text, BookingColumn::Apartment,
          [](const R &r) {
              return QVariant(r.apartmentNumber);
          } },
        { QT_TRANSLATE_NOOP("BookingTableModel", "Building"), CellKind::Text, BookingColumn::Building,
          [](const R &r) {
              return QVariant(r.buildingName);
          } },
        { QT_TRANSLATE_NOOP("BookingTableModel", "City"), CellKind::Text, BookingColumn::City,
          [](const R &r) {
              return QVariant(r.city);
          } },
        { QT_TRANSLATE_NOOP("BookingTableModel", "Renter"), CellKind::Text, BookingColumn::Renter,
          [](const R &r) {
              return QVariant(renterText(r));
          } },
        { QT_TRANSLATE_NOOP("BookingTableModel", "First night"), CellKind::Date, BookingColumn::Start,
          [](const R &r) {
              return QVariant(r.booking.startDate);
          } },
        { QT_TRANSLATE_NOOP("BookingTableModel", "Departure"), CellKind::Date, BookingColumn::End,
          [](const R &r) {
              return QVariant(r.booking.endDate);
          } },
        { QT_TRANSLATE_NOOP("BookingTableModel", "Nights"), CellKind::Number, BookingColumn::Nights,
          [](const R &r) {
              return QVariant(r.booking.nights());
          } },
        { QT_TRANSLATE_NOOP("BookingTableModel", "Status"), CellKind::BookingStatus, BookingColumn::Status,
          [](const R &r) {
              return QVariant::fromValue(r.booking.status);
          } },
        { QT_TRANSLATE_NOOP("BookingTableModel", "Total"), CellKind::Money, BookingColumn::Total,
          [](const R &r) {
              return QVariant::fromValue(r.booking.totalPrice);
          } },
        { QT_TRANSLATE_NOOP("BookingTableModel", "Requested"), CellKind::DateTime, BookingColumn::Created,
          [](const R &r) {
              return QVariant(r.booking.createdAt);
          } },
    };
    return std::make_unique<BookingTableModel>(
        std::move(database), "BookingTableModel", std::move(columns), [](const R &r) { return r.booking.id; },
        BookingColumns::Start, Qt::DescendingOrder, nullptr);
}

std::unique_ptr<ReviewTableModel> makeReviewTableModel(std::shared_ptr<db::Database> database)
{
    using C = ReviewTableModel::Column;
    using R = ReviewRow;
    QList<C> columns {
        { QT_TRANSLATE_NOOP("ReviewTableModel", "About"), CellKind::ReviewKind, ReviewColumn::Kind,
          [](const R &r) {
              return QVariant::fromValue(r.review.kind);
          } },
        { QT_TRANSLATE_NOOP("ReviewTableModel", "Rating"), CellKind::Stars, ReviewColumn::Rating,
          [](const R &r) {
              return QVariant(r.review.rating);
          } },
        { QT_TRANSLATE_NOOP("ReviewTableModel", "Author"), CellKind::Text, ReviewColumn::Author,
          [](const R &r) {
              return QVariant(r.authorName);
          } },
        { QT_TRANSLATE_NOOP("ReviewTableModel", "Reviewed"), CellKind::Text, ReviewColumn::Target,
          [](const R &r) {
              return QVariant(r.targetName);
          } },
        { QT_TRANSLATE_NOOP("ReviewTableModel", "Review"), CellKind::Text, ReviewColumn::Text,
          [](const R &r) {
              return QVariant(QString(r.review.body).replace(u'\n', u' '));
          } },
        { QT_TRANSLATE_NOOP("ReviewTableModel", "Written"), CellKind::DateTime, ReviewColumn::Created,
          [](const R &r) {
              return QVariant(r.review.createdAt);
          } },
        { QT_TRANSLATE_NOOP("ReviewTableModel", "Edited"), CellKind::DateTime, ReviewColumn::Updated,
          [](const R &r) {
              return QVariant(r.review.updatedAt);
          } },
    };
    return std::make_unique<ReviewTableModel>(
        std::move(database), "ReviewTableModel", std::move(columns), [](const R &r) { return r.review.id; },
        ReviewColumns::Created, Qt::DescendingOrder, nullptr);
}

QStringList tablePageNames()
{
    return { QStringLiteral("apartments"), QStringLiteral("buildings"), QStringLiteral("bookings"),
             QStringLiteral("reviews") };
}

services::Result<std::unique_ptr<PagedTableModel>>
makeTableModel(const QString &page, std::shared_ptr<db::Database> database, const QString &viewerEmail)
{
    using services::DomainError;
    std::unique_ptr<PagedTableModel> model;
    if (page == u"apartments") {
        model = std::make_unique<ApartmentTableModel>(std::move(database));
    } else if (page == u"buildings") {
        model = makeBuildingTableModel(std::move(database));
    } else if (page == u"reviews") {
        model = makeReviewTableModel(std::move(database));
    } else if (page == u"bookings") {
        if (viewerEmail.isEmpty()) {
            return std::unexpected(DomainError(
                DomainError::Code::InvalidValue, u"filter"_s, u"viewer"_s,
                QCoreApplication::translate("PageModels",
                                            "Bookings are a person's: say whose, a renter's or a landlord's e-mail.")));
        }
        const auto connection = database->tryConnection();
        if (!connection)
            return std::unexpected(DomainError(connection.error()));
        const auto id = db::scalar(*connection, services::chatsql::userIdByEmail(),
                                   { { u":email"_s, viewerEmail.trimmed().toLower() } });
        if (!id)
            return std::unexpected(DomainError(id.error()));
        if (id->isNull()) {
            return std::unexpected(DomainError(
                DomainError::Code::NotFound, u"user"_s, u"email"_s,
                QCoreApplication::translate("PageModels", "No one has the e-mail address %1 here.").arg(viewerEmail)));
        }
        auto bookings = makeBookingTableModel(std::move(database));
        BookingFilter filter;
        filter.viewer = domain::idFromStored(*id).value_or(QUuid());
        bookings->setFilter(filter);
        model = std::move(bookings);
    } else {
        return std::unexpected(
            DomainError(DomainError::Code::InvalidValue, u"page"_s, QString(),
                        QCoreApplication::translate("PageModels", "There is no table called %1; there are %2.")
                            .arg(page, tablePageNames().join(u", "_s))));
    }
    model->reload();
    if (model->lastError())
        return std::unexpected(*model->lastError());
    return model;
}

} // namespace rentdesk::models::itemmodels
