// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/itemmodels/cellformat.h"

namespace rentdesk::views {

// Money, dates and times as a person reads them, in the default QLocale (which follows the
// language the user chose). One implementation, in models/itemmodels/cellformat.h, serves
// the models' display text, the cell delegate and the detail panes alike, so a value reads
// the same in a table and beside it.
using models::itemmodels::currencySymbol;
using models::itemmodels::formatDate;
using models::itemmodels::formatDateTime;
using models::itemmodels::formatMoney;

} // namespace rentdesk::views
