// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/query/buildingquery.h"
#include "models/query/querysupport.h"

#include <QStringList>

namespace rentdesk::models::query::detail {

// The SQL behind BuildingQuery, from fixed fragments chosen by code; every value from a
// filter is bound. There are few buildings (one for every twenty apartments), so a page is
// a scan of the filtered buildings and a sort; the owner and the count of apartments are
// looked up only where the sort needs them and for the page's own rows.

// count(*) of the buildings that the filter matches. words are the filter's text as
// searchWords() gives them; statements that have them call rentdesk_has_words().
[[nodiscard]] Statement buildingCount(const BuildingFilter &filter, const QStringList &words);

// One page of the listing, in order, with the columns of BuildingPageColumn.
[[nodiscard]] Statement buildingPage(const BuildingFilter &filter, const QStringList &words, const BuildingSort &sort,
                                     int offset, int limit);

// The ORDER BY expression of a sort, ending with the id as the unique tie-breaker.
[[nodiscard]] QString buildingOrder(const BuildingSort &sort);

// The columns of buildingPage() after services::buildingColumns().
enum BuildingPageColumn {
    BuildingOwnerName = 9, // services::BuildingColumnCount
    BuildingApartments,
};

} // namespace rentdesk::models::query::detail
