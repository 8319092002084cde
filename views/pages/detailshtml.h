// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "query/bookingquery.h"
#include "query/reviewquery.h"

#include <QString>

namespace rentdesk::views {

// The HTML pieces the detail panes share, every text escaped: a heading, a line of facts,
// a list of reviews with stars, a list of bookings with their status.
namespace detailshtml {

[[nodiscard]] QString heading(const QString &text);
[[nodiscard]] QString paragraph(const QStringList &lines);
[[nodiscard]] QString stars(int rating);
[[nodiscard]] QString reviews(const QList<query::ReviewRow> &rows, const QString &emptyText);
[[nodiscard]] QString bookings(const QList<query::BookingRow> &rows, const QString &emptyText);

} // namespace detailshtml

} // namespace rentdesk::views
