// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/query/calendarquery.h"

#include "models/db/query.h"
#include "models/domain/calendarsource.h"
#include "models/domain/storedvalues.h"
#include "models/query/querysupport.h"
#include "models/services/records.h"
#include "models/services/servicesteps.h"

#include <QCoreApplication>

namespace rentdesk::models::query {

using namespace Qt::StringLiterals;
using detail::failure;
using services::DomainError;
using services::Result;

namespace {

DomainError noApartment()
{
    return DomainError(DomainError::Code::NotFound, u"apartment"_s, u"apartmentId"_s,
                       QCoreApplication::translate("CalendarQuery", "This apartment no longer exists."));
}

QString summaryOf(const QString &status, const QString &source)
{
    if (status != u"blocked"_s)
        return QCoreApplication::translate("CalendarQuery", "Booked (RentDesk)");
    if (source.isEmpty())
        return QCoreApplication::translate("CalendarQuery", "Blocked by the landlord");
    return QCoreApplication::translate("CalendarQuery", "Blocked: %1").arg(domain::calendarLabel(source));
}

// The calendars of the apartments `where` picks (bound by bindings), in building and number order;
// at most maxRows rows in all (an apartment's stays, or the apartment alone when it has none).
Result<QList<ApartmentCalendar>> calendarsWhere(const QSqlDatabase &db, const QString &where,
                                                const QList<db::Binding> &bindings, QDate today,
                                                std::optional<int> maxRows = std::nullopt)
{
    return detail::inReadSnapshot<QList<ApartmentCalendar>>(db, [&]() -> Result<QList<ApartmentCalendar>> {
        QList<db::Binding> all = bindings;
        all.append({ u":today"_s, domain::toStoredDate(today) });
        if (maxRows)
            all.append({ u":limit"_s, *maxRows });
        // One row per apartment with no stays (k.id NULL) or per stay, by apartment then start.
        auto rows = db::exec(db,
                             u"SELECT a.id, a.number, b.name, k.id, k.start_date, k.end_date, k.status, "
                             "k.block_source FROM apartments AS a "
                             "JOIN buildings AS b ON b.id = a.building_id "
                             "LEFT JOIN bookings AS k ON k.apartment_id = a.id "
                             "AND k.status IN ('confirmed', 'completed', 'blocked') AND k.end_date > :today "
                             "WHERE "_s
                                 + where
                                 + u" ORDER BY b.name, b.id, CAST(a.number AS INTEGER), a.number, a.id, "
                                   "k.start_date"_s
                                 + (maxRows ? u" LIMIT :limit"_s : QString()),
                             all);
        if (!rows)
            return failure(rows.error());
        QList<ApartmentCalendar> calendars;
        while (rows->next()) {
            auto apartment = domain::idFromStored(rows->value(0));
            if (!apartment)
                return std::unexpected(services::unreadable(u"apartment"_s, apartment.error()));
            if (calendars.isEmpty() || calendars.last().apartment != *apartment) {
                calendars.append({ *apartment,
                                   QCoreApplication::translate("CalendarQuery", "%1, %2")
                                       .arg(rows->value(1).toString(), rows->value(2).toString()),
                                   {} });
            }
            if (rows->value(3).isNull())
                continue;
            auto start = domain::dateFromStored(rows->value(4));
            auto end = domain::dateFromStored(rows->value(5));
            if (!start || !end)
                return std::unexpected(services::unreadable(u"booking"_s, !start ? start.error() : end.error()));
            calendars.last().events.append({ rows->value(3).toString() + u"@rentdesk"_s, *start, *end,
                                             summaryOf(rows->value(6).toString(), rows->value(7).toString()) });
        }
        if (rows->lastError().isValid())
            return failure(db::classify(rows->lastError(), db));
        return calendars;
    });
}

} // namespace

CalendarQuery::CalendarQuery(std::shared_ptr<db::Database> database)
    : m_database(std::move(database))
{
}

Result<ApartmentCalendar> CalendarQuery::calendar(const QUuid &apartment, QDate today) const
{
    const auto connection = services::connectionOf(*m_database);
    if (!connection)
        return std::unexpected(connection.error());
    auto calendars =
        calendarsWhere(*connection, u"a.id = :id"_s, { { u":id"_s, domain::toStoredId(apartment) } }, today, MaxEvents);
    if (!calendars)
        return std::unexpected(calendars.error());
    if (calendars->isEmpty())
        return std::unexpected(noApartment());
    return calendars->first();
}

Result<QList<ApartmentCalendar>> CalendarQuery::allCalendars(QDate today) const
{
    const auto connection = services::connectionOf(*m_database);
    if (!connection)
        return std::unexpected(connection.error());
    return calendarsWhere(*connection, u"1 = 1"_s, {}, today);
}

Result<QUuid> CalendarQuery::ownerOf(const QUuid &apartment) const
{
    const auto connection = services::connectionOf(*m_database);
    if (!connection)
        return std::unexpected(connection.error());
    auto owner = db::exec(*connection, u"SELECT owner_id FROM apartments WHERE id = :id"_s,
                          { { u":id"_s, domain::toStoredId(apartment) } });
    if (!owner)
        return failure(owner.error());
    if (!owner->next())
        return std::unexpected(noApartment());
    auto id = domain::idFromStored(owner->value(0));
    if (!id)
        return std::unexpected(services::unreadable(u"apartment"_s, id.error()));
    return *id;
}

} // namespace rentdesk::models::query
