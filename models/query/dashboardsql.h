// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/query/querysupport.h"

#include <QDate>
#include <QUuid>

namespace rentdesk::models::query::detail {

// The statement behind DashboardQuery::openRequests(), for the test of its plan (kept out of
// dashboardquery.h, which the views include and which therefore says nothing of SQL).
[[nodiscard]] Statement openRequestsStatement(const QUuid &landlord, QDate today);

} // namespace rentdesk::models::query::detail
