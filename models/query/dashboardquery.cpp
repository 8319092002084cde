// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/query/dashboardquery.h"

#include "models/db/query.h"
#include "models/domain/enums.h"
#include "models/domain/storedvalues.h"
#include "models/query/dashboardsql.h"
#include "models/query/querysupport.h"
#include "models/services/records.h"
#include "models/services/servicesteps.h"

#include <QCoreApplication>

namespace rentdesk::models::query {

using namespace Qt::StringLiterals;
using detail::failure;
using services::DomainError;
using services::Result;
using Code = DomainError::Code;

namespace {

// The months [first, next) from :first on, :months of them, as a recursive CTE named months.
const QString monthsCte = u"WITH RECURSIVE months(i, begins, ends) AS ("
                          "SELECT 0, :first, date(:first, '+1 month') "
                          "UNION ALL SELECT i + 1, ends, date(ends, '+1 month') FROM months WHERE i + 1 < :months) "_s;

// The stays that earn and occupy: confirmed and completed ones.
const QString staying = u"k.status IN ('confirmed', 'completed')"_s;

DomainError badMonths()
{
    return detail::invalidFilter("DashboardQuery", "months",
                                 QT_TRANSLATE_NOOP("DashboardQuery", "A chart shows from 1 to 36 months."));
}

std::optional<DomainError> checkMonths(QDate first, int months)
{
    if (!first.isValid() || months < 1 || months > DashboardQuery::MaxMonths)
        return badMonths();
    return std::nullopt;
}

QList<db::Binding> monthBindings(const QUuid &landlord, QDate firstMonth, int months)
{
    return { { u":owner"_s, domain::toStoredId(landlord) },
             { u":first"_s, domain::toStoredDate(QDate(firstMonth.year(), firstMonth.month(), 1)) },
             { u":months"_s, months } };
}

Result<QDate> monthOf(const QSqlQuery &q, int column)
{
    auto date = domain::dateFromStored(q.value(column));
    if (!date)
        return std::unexpected(services::unreadable(u"booking"_s, date.error()));
    return *date;
}

} // namespace

DashboardQuery::DashboardQuery(std::shared_ptr<db::Database> database)
    : m_database(std::move(database))
{
}

Result<QList<MonthOccupancy>> DashboardQuery::occupancy(const QUuid &landlord, QDate firstMonth, int months) const
{
    if (auto bad = checkMonths(firstMonth, months))
        return std::unexpected(*bad);
    const auto connection = services::connectionOf(*m_database);
    if (!connection)
        return std::unexpected(connection.error());
    // Each stay's nights inside the month: from the later of its start and the month's first
    // day to the earlier of its end and the next month's first day. The stays are found per
    // apartment through bookings_stays_idx.
    const detail::Statement statement {
        monthsCte
            + u"SELECT m.begins, "
              "(SELECT coalesce(sum(CAST(julianday(min(k.end_date, m.ends)) - julianday(max(k.start_date, m.begins)) "
              "AS INTEGER)), 0) FROM apartments AS a CROSS JOIN bookings AS k ON k.apartment_id = a.id "
              "WHERE a.owner_id = :owner AND "_s
            + staying
            + u" AND k.end_date > m.begins AND k.start_date < m.ends), "
              "(SELECT count(*) FROM apartments AS a WHERE a.owner_id = :owner) "
              "* CAST(julianday(m.ends) - julianday(m.begins) AS INTEGER) "
              "FROM months AS m ORDER BY m.begins"_s,
        monthBindings(landlord, firstMonth, months)
    };
    return detail::readRows<MonthOccupancy>(
        *connection, statement,
        [](const QSqlQuery &q) -> Result<MonthOccupancy> {
            auto month = monthOf(q, 0);
            if (!month)
                return std::unexpected(month.error());
            return MonthOccupancy { *month, q.value(1).toLongLong(), q.value(2).toLongLong() };
        },
        months);
}

Result<QList<MonthIncome>> DashboardQuery::income(const QUuid &landlord, QDate firstMonth, int months) const
{
    if (auto bad = checkMonths(firstMonth, months))
        return std::unexpected(*bad);
    const auto connection = services::connectionOf(*m_database);
    if (!connection)
        return std::unexpected(connection.error());
    // A stay of n nights and total t has earned round(t * k / n) after its first k nights
    // (half up, in integers); its income in a month is what it has earned by the month's end
    // less what it had earned by its start, so its months add up to t exactly. 2 * t * k stays
    // far inside 64 bits (t <= 10^15, k <= n, and a stay is at most a few years).
    const QString nights = u"CAST(julianday(k.end_date) - julianday(k.start_date) AS INTEGER)"_s;
    const auto earnedBy = [&](const QString &day) -> QString {
        const QString k =
            u"max(0, CAST(julianday(min(k.end_date, "_s + day + u")) - julianday(k.start_date) AS INTEGER))"_s;
        return u"(2 * k.total_price * "_s + k + u" + "_s + nights + u") / (2 * "_s + nights + u')';
    };
    const detail::Statement statement {
        monthsCte + u"SELECT m.begins, k.currency, sum("_s + earnedBy(u"m.ends"_s) + u" - "_s + earnedBy(u"m.begins"_s)
            + u") FROM months AS m CROSS JOIN apartments AS a CROSS JOIN bookings AS k ON k.apartment_id = a.id "
              "WHERE a.owner_id = :owner AND "_s
            + staying
            + u" AND k.end_date > m.begins AND k.start_date < m.ends "
              "GROUP BY m.begins, k.currency ORDER BY m.begins, k.currency"_s,
        monthBindings(landlord, firstMonth, months)
    };
    return detail::readRows<MonthIncome>(*connection, statement, [](const QSqlQuery &q) -> Result<MonthIncome> {
        auto month = monthOf(q, 0);
        if (!month)
            return std::unexpected(month.error());
        return MonthIncome { *month, q.value(1).toString(), q.value(2).toLongLong() };
    });
}

Result<QList<StayMovement>> DashboardQuery::movements(const QUuid &landlord, QDate today) const
{
    const auto connection = services::connectionOf(*m_database);
    if (!connection)
        return std::unexpected(connection.error());
    const QString columns = u"k.id, a.number, b.name, u.display_name FROM apartments AS a "
                            "CROSS JOIN bookings AS k ON k.apartment_id = a.id "
                            "CROSS JOIN buildings AS b ON b.id = a.building_id "
                            "CROSS JOIN users AS u ON u.id = k.renter_id "
                            "WHERE a.owner_id = :owner AND "_s
        + staying;
    // 0 sorts departures first: on a changeover day the flat is left before it is let.
    const detail::Statement statement {
        u"SELECT k.end_date AS day, 0 AS kind, "_s + columns
            + u" AND k.end_date >= :from AND k.end_date < :to "
              "UNION ALL SELECT k.start_date, 1, "_s
            + columns + u" AND k.start_date >= :from AND k.start_date < :to ORDER BY 1, 2, 4, 3"_s,
        { { u":owner"_s, domain::toStoredId(landlord) },
          { u":from"_s, domain::toStoredDate(today) },
          { u":to"_s, domain::toStoredDate(today.addDays(MovementDays)) } }
    };
    return detail::readRows<StayMovement>(*connection, statement, [](const QSqlQuery &q) -> Result<StayMovement> {
        auto date = monthOf(q, 0);
        if (!date)
            return std::unexpected(date.error());
        auto id = domain::idFromStored(q.value(2));
        if (!id)
            return std::unexpected(services::unreadable(u"booking"_s, id.error()));
        return StayMovement { *date,
                              q.value(1).toInt() == 0 ? StayMovement::Kind::Departure : StayMovement::Kind::Arrival,
                              *id,
                              q.value(3).toString(),
                              q.value(4).toString(),
                              q.value(5).toString() };
    });
}

Result<qint64> DashboardQuery::openRequests(const QUuid &landlord, QDate today) const
{
    const auto connection = services::connectionOf(*m_database);
    if (!connection)
        return std::unexpected(connection.error());
    return detail::countOf(*connection, detail::openRequestsStatement(landlord, today));
}

namespace detail {

Statement openRequestsStatement(const QUuid &landlord, QDate today)
{
    // Each apartment's bookings from today on, through bookings_apartment_dates_idx; "|| ''"
    // keeps SQLite from bookings_status_idx, which holds every request in the database by
    // date and, for a landlord of 100 apartments among 200 000, made this count take 5 s.
    return { u"SELECT count(*) FROM apartments AS a CROSS JOIN bookings AS k ON k.apartment_id = a.id "
             "WHERE a.owner_id = :owner AND k.status || '' = 'requested' AND k.start_date >= :today"_s,
             { { u":owner"_s, domain::toStoredId(landlord) }, { u":today"_s, domain::toStoredDate(today) } } };
}

} // namespace detail

Result<LandlordRatings> DashboardQuery::ratings(const QUuid &landlord) const
{
    const auto connection = services::connectionOf(*m_database);
    if (!connection)
        return std::unexpected(connection.error());
    auto rows = detail::readRows<LandlordRatings>(
        *connection,
        { u"SELECT u.rating_sum, u.rating_count, coalesce(sum(a.rating_sum), 0), coalesce(sum(a.rating_count), 0), "
          "count(a.id) FROM users AS u LEFT JOIN apartments AS a ON a.owner_id = u.id WHERE u.id = :owner "
          "GROUP BY u.id"_s,
          { { u":owner"_s, domain::toStoredId(landlord) } } },
        [](const QSqlQuery &q) -> Result<LandlordRatings> {
            return LandlordRatings { { q.value(0).toLongLong(), q.value(1).toLongLong() },
                                     { q.value(2).toLongLong(), q.value(3).toLongLong() },
                                     q.value(4).toLongLong() };
        });
    if (!rows)
        return std::unexpected(rows.error());
    if (rows->isEmpty()) {
        return std::unexpected(
            DomainError(Code::NotFound, u"user"_s, QString(),
                        QCoreApplication::translate("DashboardQuery", "This person no longer exists.")));
    }
    return rows->first();
}

Result<Dashboard> DashboardQuery::dashboard(const QUuid &viewer, QDate today, int months, int monthsAhead) const
{
    const auto connection = services::connectionOf(*m_database);
    if (!connection)
        return std::unexpected(connection.error());
    const QDate thisMonth(today.year(), today.month(), 1);
    const QDate first = thisMonth.addMonths(monthsAhead - months + 1);
    if (auto bad = checkMonths(first, months); bad || monthsAhead < 0 || monthsAhead >= months)
        return std::unexpected(bad.value_or(badMonths()));
    return detail::inReadSnapshot<Dashboard>(*connection, [&]() -> Result<Dashboard> {
        auto role = detail::countOf(
            *connection,
            { u"SELECT count(*) FROM users WHERE id = :id AND role = :role"_s,
              { { u":id"_s, domain::toStoredId(viewer) }, { u":role"_s, domain::toCode(domain::Role::Landlord) } } });
        if (!role)
            return std::unexpected(role.error());
        if (*role == 0) {
            return std::unexpected(
                DomainError(Code::NotAllowed, u"dashboard"_s, QString(),
                            QCoreApplication::translate("DashboardQuery",
                                                        "The dashboard shows a landlord's figures; sign in "
                                                        "as a landlord to see yours.")));
        }
        Dashboard d;
        auto occupied = occupancy(viewer, first, months);
        if (!occupied)
            return std::unexpected(occupied.error());
        d.occupancy = std::move(*occupied);
        auto earned = income(viewer, first, months);
        if (!earned)
            return std::unexpected(earned.error());
        d.income = std::move(*earned);
        auto moving = movements(viewer, today);
        if (!moving)
            return std::unexpected(moving.error());
        d.movements = std::move(*moving);
        auto open = openRequests(viewer, today);
        if (!open)
            return std::unexpected(open.error());
        d.openRequests = *open;
        auto rated = ratings(viewer);
        if (!rated)
            return std::unexpected(rated.error());
        d.ratings = *rated;
        return d;
    });
}

} // namespace rentdesk::models::query
