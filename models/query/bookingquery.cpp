// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/query/bookingquery.h"

#include "models/db/database.h"
#include "models/db/query.h"
#include "models/domain/storedvalues.h"
#include "models/query/bookingsql.h"
#include "models/query/querysupport.h"
#include "models/services/records.h"
#include "models/services/servicesteps.h"

#include <QCoreApplication>
#include <QSqlError>

namespace rentdesk::models::query {

using namespace Qt::StringLiterals;
using detail::failure;
using services::DomainError;
using services::Result;
using Code = DomainError::Code;

namespace {

const char *const context = "BookingQuery";

DomainError unknownViewer()
{
    return DomainError(Code::NotAllowed, u"filter"_s, u"viewer"_s,
                       QCoreApplication::translate("BookingQuery", "Your account was not found; sign in again."));
}

bool validDate(const std::optional<QDate> &date)
{
    return !date || date->isValid();
}

std::optional<DomainError> validate(const BookingFilter &f)
{
    if (f.viewer.isNull())
        return unknownViewer();
    if (!validDate(f.from) || !validDate(f.to))
        return detail::invalidFilter(context, "dates", QT_TRANSLATE_NOOP("BookingQuery", "Choose a valid date."));
    if (f.from && f.to && *f.to <= *f.from) {
        return detail::invalidFilter(context, "dates",
                                     QT_TRANSLATE_NOOP("BookingQuery", "The period must end after the day it starts."));
    }
    if (f.apartmentId && f.apartmentId->isNull())
        return detail::invalidFilter(context, "apartment",
                                     QT_TRANSLATE_NOOP("BookingQuery", "The apartment is not known."));
    if (f.bookingId && f.bookingId->isNull())
        return detail::invalidFilter(context, "booking",
                                     QT_TRANSLATE_NOOP("BookingQuery", "The booking is not known."));
    return std::nullopt;
}

std::optional<DomainError> validatePage(int offset, int limit)
{
    if (limit < 1 || limit > BookingQuery::MaxLimit)
        return detail::invalidFilter(context, "limit",
                                     QT_TRANSLATE_NOOP("BookingQuery", "A page holds 1 to 1000 bookings."));
    if (offset < 0)
        return detail::invalidFilter(
            context, "offset", QT_TRANSLATE_NOOP("BookingQuery", "A page cannot start before the first booking."));
    return std::nullopt;
}

// The viewer's role as stored: what they may see follows from it, not from the caller.
Result<domain::Role> viewerRole(const QSqlDatabase &db, const QUuid &viewer)
{
    auto query = db::exec(db, u"SELECT role FROM users WHERE id = :id"_s, { { u":id"_s, domain::toStoredId(viewer) } });
    if (!query)
        return failure(query.error());
    if (!query->next()) {
        if (query->lastError().isValid())
            return failure(db::classify(query->lastError(), db));
        return std::unexpected(unknownViewer());
    }
    auto role = domain::fromCode<domain::Role>(query->value(0).toString());
    if (!role)
        return std::unexpected(services::unreadable(u"user"_s, role.error()));
    return *role;
}

Result<BookingRow> readRow(const QSqlQuery &q)
{
    using namespace detail;
    auto booking = services::readBooking(q);
    if (!booking) {
        DomainError error = booking.error();
        error.message =
            QCoreApplication::translate("BookingQuery", "Booking %1: %2").arg(q.value(0).toString(), error.message);
        return std::unexpected(error);
    }
    auto ownerId = domain::idFromStored(q.value(BookingOwnerId));
    if (!ownerId)
        return std::unexpected(services::unreadable(u"apartment"_s, ownerId.error()));
    BookingRow row;
    row.booking = std::move(*booking);
    row.apartmentNumber = q.value(BookingApartmentNumber).toString();
    row.buildingName = q.value(BookingBuildingName).toString();
    row.address = q.value(BookingAddress).toString();
    row.city = q.value(BookingCity).toString();
    row.renterName = q.value(BookingRenterName).toString();
    row.ownerId = *ownerId;
    row.ownerName = q.value(BookingOwnerName).toString();
    return row;
}

} // namespace

BookingQuery::BookingQuery(std::shared_ptr<db::Database> database)
    : m_database(std::move(database))
{
}

Result<QList<BookingRow>> BookingQuery::fetch(const BookingFilter &filter, const BookingSort &sort, int offset,
                                              int limit) const
{
    if (auto refused = validate(filter))
        return std::unexpected(*refused);
    if (auto refused = validatePage(offset, limit))
        return std::unexpected(*refused);
    const auto connection = services::connectionOf(*m_database);
    if (!connection)
        return std::unexpected(connection.error());
    const QSqlDatabase &db = *connection;
    return detail::inReadSnapshot<QList<BookingRow>>(db, [&]() -> Result<QList<BookingRow>> {
        auto role = viewerRole(db, filter.viewer);
        if (!role)
            return std::unexpected(role.error());
        return detail::readRows<BookingRow>(db, detail::bookingPage(filter, *role, sort, offset, limit), readRow,
                                            limit);
    });
}

Result<qint64> BookingQuery::count(const BookingFilter &filter) const
{
    if (auto refused = validate(filter))
        return std::unexpected(*refused);
    const auto connection = services::connectionOf(*m_database);
    if (!connection)
        return std::unexpected(connection.error());
    const QSqlDatabase &db = *connection;
    return detail::inReadSnapshot<qint64>(db, [&]() -> Result<qint64> {
        auto role = viewerRole(db, filter.viewer);
        if (!role)
            return std::unexpected(role.error());
        return detail::countOf(db, detail::bookingCount(filter, *role));
    });
}

Result<QList<std::pair<QDate, QDate>>> BookingQuery::takenDates(const QUuid &apartment, QDate from, QDate to) const
{
    using Stay = std::pair<QDate, QDate>;
    if (!from.isValid() || !to.isValid())
        return std::unexpected(
            detail::invalidFilter(context, "dates", QT_TRANSLATE_NOOP("BookingQuery", "Choose a valid date.")));
    if (to <= from) {
        return std::unexpected(detail::invalidFilter(
            context, "dates", QT_TRANSLATE_NOOP("BookingQuery", "The period must end after the day it starts.")));
    }
    const auto connection = services::connectionOf(*m_database);
    if (!connection)
        return std::unexpected(connection.error());
    const QSqlDatabase &db = *connection;
    return detail::inReadSnapshot<QList<Stay>>(db, [&]() -> Result<QList<Stay>> {
        auto exists = db::scalar(db, u"SELECT count(*) FROM apartments WHERE id = :id"_s,
                                 { { u":id"_s, domain::toStoredId(apartment) } });
        if (!exists)
            return failure(exists.error());
        if (exists->toLongLong() == 0) {
            return std::unexpected(
                DomainError(Code::NotFound, u"apartment"_s, QString(),
                            QCoreApplication::translate("BookingQuery", "This apartment no longer exists.")));
        }
        return detail::readRows<Stay>(db, detail::takenDatesStatement(apartment, from, to),
                                      [](const QSqlQuery &q) -> Result<Stay> {
                                          auto start = domain::dateFromStored(q.value(0));
                                          auto end = domain::dateFromStored(q.value(1));
                                          if (!start)
                                              return std::unexpected(services::unreadable(u"booking"_s, start.error()));
                                          if (!end)
                                              return std::unexpected(services::unreadable(u"booking"_s, end.error()));
                                          return Stay { *start, *end };
                                      });
    });
}

} // namespace rentdesk::models::query
