// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/query/bookingquery.h"
#include "models/query/querysupport.h"

namespace rentdesk::models::query::detail {

// The SQL behind BookingQuery, from fixed fragments chosen by code; every value is bound.
// The viewer's condition is always there and is what drives the plan: a renter's bookings
// through bookings_renter_idx, a landlord's through their apartments (apartments_owner_idx)
// and each apartment's bookings (bookings_apartment_dates_idx). Both are a few hundred rows
// at most, so sorting them costs little; the status is written "+b.status" so that SQLite,
// which has no statistics, never walks bookings_status_idx (every booking of that status in
// the database) instead. The joins a sort needs keep the bookings as the outer loop.

// count(*) of the bookings the filter matches for a viewer of this role.
[[nodiscard]] Statement bookingCount(const BookingFilter &filter, domain::Role viewerRole);

// One page of the listing, in order, with the columns of BookingPageColumn.
[[nodiscard]] Statement bookingPage(const BookingFilter &filter, domain::Role viewerRole, const BookingSort &sort,
                                    int offset, int limit);

// The ORDER BY expression of a sort, ending with the id as the unique tie-breaker.
[[nodiscard]] QString bookingOrder(const BookingSort &sort);

// The occupying stays of an apartment that overlap [from, to), by start.
[[nodiscard]] Statement takenDatesStatement(const QUuid &apartment, QDate from, QDate to);

// The columns of bookingPage() after services::bookingColumns().
enum BookingPageColumn {
    BookingApartmentNumber = 14, // services::BookingColumnCount
    BookingBuildingName,
    BookingAddress,
    BookingCity,
    BookingRenterName,
    BookingOwnerId,
    BookingOwnerName,
};

} // namespace rentdesk::models::query::detail
