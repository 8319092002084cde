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

} // namespace detailshtml

} // namespace rentdesk::views
