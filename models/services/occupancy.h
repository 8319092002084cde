// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/services/domainerror.h"

#include <QDate>
#include <QSqlDatabase>
#include <QUuid>

#include <optional>

namespace rentdesk::models::services {

// DESIGN.md's rule 4, the part that time moves. Both steps are idempotent: running them
// twice on the same day changes nothing the second time.

// Confirmed stays that have ended (end_date <= today) become completed. Returns how many.
[[nodiscard]] Result<int> completeEndedStays(const QSqlDatabase &db, QDate today, const QString &now);

// An apartment is rented while a confirmed stay covers today (booked_by: that renter),
// booked while one lies ahead (booked_by: the renter of the nearest), else free — unless
// its owner set the status by hand. Recomputes one apartment, or all when none is given;
// only rows whose status or renter actually change are written. Returns how many changed.
[[nodiscard]] Result<int> refreshOccupancy(const QSqlDatabase &db, QDate today, const QString &now,
                                           std::optional<QUuid> apartment = std::nullopt);

} // namespace rentdesk::models::services
