// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

namespace rentdesk::models::domain {

// How a block's calendar is named to people (Booking::blockSource): an address by its host
// alone ("www.airbnb.com"), since the rest of a booking site's export address is often the
// secret that lets anyone read the calendar; a file by its name as given.
[[nodiscard]] QString calendarLabel(const QString &source);

} // namespace rentdesk::models::domain
