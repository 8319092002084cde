// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/query/querysupport.h"
#include "models/query/reviewquery.h"

namespace rentdesk::models::query::detail {

// The SQL behind ReviewQuery, from fixed fragments chosen by code; every value is bound.
// The default listing (every review, latest first) walks reviews_created_idx backwards and
// stops after its page; the index carries the kind and the rating, so those filters are
// tested in it without reading a review. A filter on a person or an apartment starts from
// that person's or apartment's reviews instead (a few dozen at most) and sorts them.

// count(*) of the reviews that the filter matches.
[[nodiscard]] Statement reviewCount(const ReviewFilter &filter);

// One page of the listing, in order, with the columns of ReviewPageColumn.
[[nodiscard]] Statement reviewPage(const ReviewFilter &filter, const ReviewSort &sort, int offset, int limit);

// The ORDER BY expression of a sort, ending with the id as the unique tie-breaker.
[[nodiscard]] QString reviewOrder(const ReviewSort &sort);

// The columns of reviewPage() after services::reviewColumns().
enum ReviewPageColumn {
    ReviewAuthorName = 9, // services::ReviewColumnCount
    ReviewTargetName,
};

} // namespace rentdesk::models::query::detail
