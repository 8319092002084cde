// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

#include <compare>

namespace rentdesk::models::domain {

// An amount in minor units (kopecks, cents) of an ISO 4217 currency. Never a float.
struct Money
{
    qint64 minor = 0;
    QString currency;

    friend bool operator==(const Money &, const Money &) = default;
};

// The price of a stay (DESIGN.md): monthly price × nights / 30, rounded half up to the
// minor unit. Exact in integers; the inputs the schema allows cannot overflow.
[[nodiscard]] Money stayPrice(const Money &monthly, qint64 nights);

} // namespace rentdesk::models::domain
