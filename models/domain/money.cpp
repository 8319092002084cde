// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/domain/money.h"

namespace rentdesk::models::domain {

Money stayPrice(const Money &monthly, qint64 nights)
{
    Q_ASSERT(monthly.minor >= 0 && nights >= 0);
    // round(m * n / 30) for non-negative integers, half up: floor((m * n + 15) / 30).
    return Money { (monthly.minor * nights + 15) / 30, monthly.currency };
}

} // namespace rentdesk::models::domain
