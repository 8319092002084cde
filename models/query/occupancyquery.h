// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/domain/enums.h"
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

// One bar of the occupancy calendar: a stay or a request of an apartment, as its viewer may
// see it. The apartment's owner sees every request, stay and block with who or which
// calendar; anyone else sees the nights others have taken as "taken" (who stays is not
// theirs to know, as BookingQuery::takenDates) and their own bookings in full.
struct OccupancyBar
{
    QUuid apartmentId;
    QUuid bookingId; // null for a stay the viewer may not see the booking of
    QDate start; // first night
    QDate end; // day of departure
    domain::BookingStatus status = domain::BookingStatus::Confirmed;
    bool own = false; // the viewer's booking, or a stay of the viewer's apartment
    QString label; // the renter's name or the calendar's label; empty for others' stays and own blocks
    bool fromCalendar = false; // a block of the viewer's apartment from a calendar (importBlocks)

    friend bool operator==(const OccupancyBar &, const OccupancyBar &) = default;
};

// Reads the bars of an occupancy calendar, read-only: requests, confirmed, completed and
// blocked stays (declined and cancelled ones occupy nothing and are left out).
class OccupancyQuery final
{
public:
    // The most apartments asked about at once.
    static constexpr int MaxApartments = 1000;
    // The longest range, in days.
    static constexpr int MaxDays = 400;

    explicit OccupancyQuery(std::shared_ptr<db::Database> database);

    // The bars of these apartments that overlap [from, to), by apartment and start. An
    // unknown viewer is NotAllowed; too many apartments or days, or from not before to,
    // InvalidValue.
    [[nodiscard]] services::Result<QList<OccupancyBar>> bars(const QUuid &viewer, const QList<QUuid> &apartments,
                                                             QDate from, QDate to) const;

private:
    std::shared_ptr<db::Database> m_database;
};

namespace detail {
// The statement of OccupancyQuery::bars() (bound :viewer, :ids as a JSON array, :from, :to), for
// a test of its plan.
[[nodiscard]] QString occupancyBarsStatement();
} // namespace detail

} // namespace rentdesk::models::query
