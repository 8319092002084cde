// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/query/bookingquery.h"
#include "models/query/reviewquery.h"

#include <QString>

namespace rentdesk::views {

// The HTML pieces the detail panes share, every text escaped: a heading, a line of facts,
// a list of reviews with stars, a list of bookings with their status.
namespace detailshtml {

[[nodiscard]] QString heading(const QString &text);
[[nodiscard]] QString paragraph(const QStringList &lines);
[[nodiscard]] QString stars(int rating);
[[nodiscard]] QString reviews(const QList<models::query::ReviewRow> &rows, const QString &emptyText);
[[nodiscard]] QString bookings(const QList<models::query::BookingRow> &rows, const QString &emptyText);
// One booking: its apartment, stay, price and status, and who stays (or which calendar or
// the owner blocks it); the Bookings page adds the other person.
[[nodiscard]] QString booking(const models::query::BookingRow &row);

} // namespace detailshtml

} // namespace rentdesk::views
