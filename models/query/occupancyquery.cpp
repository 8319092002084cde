// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/query/occupancyquery.h"

#include "models/db/query.h"
#include "models/domain/calendarsource.h"
#include "models/domain/storedvalues.h"
#include "models/query/querysupport.h"
#include "models/services/records.h"
#include "models/services/servicesteps.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>

namespace rentdesk::models::query {

using namespace Qt::StringLiterals;
using detail::failure;
using services::DomainError;
using services::Result;

namespace detail {

QString occupancyBarsStatement()
{
    // The viewer's own: their booking, or any booking of their apartment. Others' requests are
    // not shown at all; others' stays and blocks only as taken nights. The apartments drive the
    // join (CROSS JOIN keeps SQLite's order), each one's bookings found by
    // bookings_apartment_dates_idx; `+status` keeps the planner off bookings_status_idx, which
    // it took for the OR and which holds every booking of the dates (1.8 s for 250 apartments
    // at 200 000, against 5 ms for 1000 this way).
    return u"SELECT k.apartment_id, k.id, k.start_date, k.end_date, k.status, "
           "(k.renter_id = :viewer OR a.owner_id = :viewer) AS own, "
           "CASE WHEN a.owner_id = :viewer OR k.renter_id = :viewer THEN u.display_name END, k.block_source "
           "FROM json_each(:ids) AS j CROSS JOIN bookings AS k ON k.apartment_id = j.value "
           "CROSS JOIN apartments AS a ON a.id = k.apartment_id "
           "CROSS JOIN users AS u ON u.id = k.renter_id "
           "WHERE k.start_date < :to AND k.end_date > :from "
           "AND (+k.status IN ('confirmed', 'completed', 'blocked') OR (+k.status = 'requested' "
           "AND (k.renter_id = :viewer OR a.owner_id = :viewer))) "
           "AND EXISTS (SELECT 1 FROM users WHERE id = :viewer) "
           "ORDER BY k.apartment_id, k.start_date, k.id"_s;
}

} // namespace detail

OccupancyQuery::OccupancyQuery(std::shared_ptr<db::Database> database)
    : m_database(std::move(database))
{
}

Result<QList<OccupancyBar>> OccupancyQuery::bars(const QUuid &viewer, const QList<QUuid> &apartments, QDate from,
                                                 QDate to) const
{
    if (apartments.size() > MaxApartments) {
        return std::unexpected(detail::invalidFilter(
            "OccupancyQuery", "apartments",
            QT_TRANSLATE_NOOP("OccupancyQuery", "The calendar asks about at most 1000 apartments at once.")));
    }
    if (!from.isValid() || !to.isValid() || from >= to || from.daysTo(to) > MaxDays) {
        return std::unexpected(detail::invalidFilter(
            "OccupancyQuery", "dates",
            QT_TRANSLATE_NOOP("OccupancyQuery", "The calendar shows from 1 to 400 days, the last after the first.")));
    }
    if (apartments.isEmpty())
        return QList<OccupancyBar> {};
    const auto connection = services::connectionOf(*m_database);
    if (!connection)
        return std::unexpected(connection.error());
    QJsonArray ids;
    for (const QUuid &id : apartments)
        ids.append(domain::toStoredId(id));
    const QString sql = detail::occupancyBarsStatement();
    const QString viewerId = domain::toStoredId(viewer);
    auto rows = detail::readRows<OccupancyBar>(
        *connection,
        { sql,
          { { u":viewer"_s, viewerId },
            { u":ids"_s, QString::fromUtf8(QJsonDocument(ids).toJson(QJsonDocument::Compact)) },
            { u":from"_s, domain::toStoredDate(from) },
            { u":to"_s, domain::toStoredDate(to) } } },
        [](const QSqlQuery &q) -> Result<OccupancyBar> {
            auto apartment = domain::idFromStored(q.value(0));
            auto booking = domain::idFromStored(q.value(1));
            auto start = domain::dateFromStored(q.value(2));
            auto end = domain::dateFromStored(q.value(3));
            auto status = domain::fromCode<domain::BookingStatus>(q.value(4).toString());
            if (!apartment || !booking || !start || !end)
                return std::unexpected(services::unreadable(
                    u"booking"_s,
                    !apartment ? apartment.error()
                               : (!booking ? booking.error() : (!start ? start.error() : end.error()))));
            if (!status)
                return std::unexpected(services::unreadable(u"booking"_s, status.error()));
            const bool own = q.value(5).toLongLong() != 0;
            const QString source = q.value(7).toString();
            // Who stays, or which calendar blocks; the owner's own block names nobody.
            QString label;
            if (own && !source.isEmpty())
                label = domain::calendarLabel(source);
            else if (own && *status != domain::BookingStatus::Blocked)
                label = q.value(6).toString();
            return OccupancyBar { *apartment, own ? *booking : QUuid(), *start, *end, *status, own,
                                  label,      own && !source.isEmpty() };
        });
    if (!rows)
        return std::unexpected(rows.error());
    if (rows->isEmpty()) {
        // Nothing, or a viewer who does not exist: only the second is refused.
        auto known = db::exec(*connection, u"SELECT 1 FROM users WHERE id = :id"_s, { { u":id"_s, viewerId } });
        if (!known)
            return failure(known.error());
        if (!known->next()) {
            return std::unexpected(DomainError(
                DomainError::Code::NotAllowed, u"filter"_s, u"viewer"_s,
                QCoreApplication::translate("OccupancyQuery", "Your account was not found; sign in again.")));
        }
    }
    return rows;
}

} // namespace rentdesk::models::query
