// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/demo/demorandom.h"
#include "models/domain/enums.h"

#include <QDate>
#include <QList>

namespace rentdesk::models::demo {

// The part the well-known demo renter plays at one apartment. Each pin puts one booking
// of the demo renter at fixed dates relative to today, so that the account has a stay
// behind it, one now, one ahead, a request and a refusal at every scale and every seed.
enum class DemoPin {
    None,
    PastStay, // completed, about eight months ago
    EarlierStay, // completed, about a year ago
    CurrentStay, // confirmed, covering today
    FutureStay, // confirmed, starting in a month
    FutureRequest, // requested, starting in three months
    TurnedDown, // one request declined, one booking cancelled, both long past
};

struct PlannedStay
{
    QDate start; // first night
    QDate end; // departure, exclusive
    domain::BookingStatus status = domain::BookingStatus::Requested;
    int renter = -1; // index of the renter among the generator's users
};

// Renters are users [first, last] of the generator, besides the demo renter.
struct RenterRange
{
    int first = 0;
    int last = 0;
};

// The bookings of one apartment, in date order: 1 to 9 (5 on average; 6 with a pin),
// spread over two years before today and six months after it. The window is cut into
// one slot per booking and each booking stays inside its slot, so no two bookings
// overlap. The status follows from the dates: a stay that has ended is completed (or
// was declined or cancelled), one covering today is confirmed (or was cancelled), one
// ahead is confirmed, requested, declined or cancelled.
[[nodiscard]] QList<PlannedStay> planStays(DemoRandom &random, QDate today, DemoPin pin, int demoRenter,
                                           RenterRange others);

struct Occupancy
{
    domain::ApartmentStatus status = domain::ApartmentStatus::Free;
    int bookedBy = -1; // the renter, or -1
};

// DESIGN.md rule 4: rented while a confirmed stay covers today (by its renter), else
// booked while a confirmed stay lies ahead (by the renter of the nearest), else free.
[[nodiscard]] Occupancy occupancyOn(const QList<PlannedStay> &stays, QDate today);

} // namespace rentdesk::models::demo
