// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/domain/entities.h"
#include "models/services/domainerror.h"

#include <QDate>
#include <QList>
#include <QString>
#include <QUuid>

#include <memory>

namespace rentdesk::models::db {
class Database;
}

namespace rentdesk::models::query {

// A landlord's stays in one calendar month: nights taken by confirmed and completed stays in
// their apartments, out of the nights those apartments have in the month (every apartment
// they list now, every night of the month).
struct MonthOccupancy
{
    QDate month; // its first day
    qint64 occupiedNights = 0;
    qint64 availableNights = 0;

    // 0 to 1; 0 when there is nothing to occupy.
    [[nodiscard]] double ratio() const
    {
        return availableNights > 0 ? double(occupiedNights) / double(availableNights) : 0.0;
    }
    friend bool operator==(const MonthOccupancy &, const MonthOccupancy &) = default;
};

// What a landlord earns in a month in one currency: each confirmed or completed stay's total
// spread over its nights, rounded so that a stay's months add up to its total exactly
// (minor units).
struct MonthIncome
{
    QDate month; // its first day
    QString currency;
    qint64 amount = 0;
    friend bool operator==(const MonthIncome &, const MonthIncome &) = default;
};

// An arrival (the first night of a stay) or a departure (its end date) in the landlord's
// apartments.
struct StayMovement
{
    enum class Kind { Arrival, Departure };
    QDate date;
    Kind kind = Kind::Arrival;
    QUuid bookingId;
    QString apartmentNumber;
    QString buildingName;
    QString renterName;
    friend bool operator==(const StayMovement &, const StayMovement &) = default;
};

// A landlord's own rating (renters' reviews of them) and their apartments' together (the
// sums of every apartment's ratings, so that each review weighs the same).
struct LandlordRatings
{
    domain::Rating landlord;
    domain::Rating apartments;
    qint64 apartmentCount = 0;
    friend bool operator==(const LandlordRatings &, const LandlordRatings &) = default;
};

// Everything the dashboard shows, read in one snapshot so that its figures agree.
struct Dashboard
{
    QList<MonthOccupancy> occupancy; // one per month, in order
    QList<MonthIncome> income; // by month, then currency; months without income are absent
    QList<StayMovement> movements; // by date, departures before arrivals on a day
    qint64 openRequests = 0;
    LandlordRatings ratings;
};

// The figures of a landlord's dashboard, read-only. Each figure is one SQL statement over the
// landlord's apartments (no figure is added up in C++), so a test recounts it in SQL of its
// own. Dates are the landlord's calendar days as stored (stays are whole nights). Each call
// uses the calling thread's connection.
class DashboardQuery final
{
public:
    // How far ahead arrivals and departures are listed: today and the 13 days after it.
    static constexpr int MovementDays = 14;
    // The most months a chart asks for at once.
    static constexpr int MaxMonths = 36;

    explicit DashboardQuery(std::shared_ptr<db::Database> database);

    // Months from the one holding firstMonth (any day of it), `months` of them (1 to MaxMonths).
    [[nodiscard]] services::Result<QList<MonthOccupancy>> occupancy(const QUuid &landlord, QDate firstMonth,
                                                                    int months) const;
    [[nodiscard]] services::Result<QList<MonthIncome>> income(const QUuid &landlord, QDate firstMonth,
                                                              int months) const;
    // Arrivals and departures of confirmed and completed stays from today for MovementDays days.
    [[nodiscard]] services::Result<QList<StayMovement>> movements(const QUuid &landlord, QDate today) const;
    // Requests the landlord can still confirm or decline (their first night is today or later;
    // the time step declines the others).
    [[nodiscard]] services::Result<qint64> openRequests(const QUuid &landlord, QDate today) const;
    [[nodiscard]] services::Result<LandlordRatings> ratings(const QUuid &landlord) const;

    // All of it for the signed-in viewer, who must be a landlord (else NotAllowed); the months
    // are `months` ending `monthsAhead` months after today's.
    [[nodiscard]] services::Result<Dashboard> dashboard(const QUuid &viewer, QDate today, int months,
                                                        int monthsAhead) const;

private:
    std::shared_ptr<db::Database> m_database;
};

} // namespace rentdesk::models::query
