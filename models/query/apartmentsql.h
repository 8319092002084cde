// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/query/apartmentquery.h"
#include "models/query/querysupport.h"

#include <QList>
#include <QString>

namespace rentdesk::models::query::detail {

// The SQL behind ApartmentQuery, written from fixed fragments chosen by code; every value
// from a filter is bound, never spliced in. The fragments are ordered so that SQLite's
// plans stay the intended ones (tst_apartmentquery checks the plans):
//  - cheap comparisons of apartment columns first, so that over a covering index they are
//    tested before the row is read;
//  - then the city as a list of building ids (an index lookup per row, or the driver of the
//    loop when counting a city);
//  - then the full text, then "free between" (a probe of the stays per apartment), which
//    SQLite evaluates last anyway because it is a correlated subquery.
// A page is chosen from rowids only and its columns are read for its rows alone.

// How the full-text condition takes part in a statement.
enum class TextUse {
    None, // there is no text filter
    Drive, // few matches: the matching rows are the outer loop, the rest is tested on them
    Test, // many matches: a membership test; SQLite drives from its best index
};

// The FTS5 query given as a filter's text match (see toFtsQuery()).
struct TextCondition
{
    QString ftsQuery;
    TextUse use = TextUse::None;
};

// How many rows of the full-text index match, apartments not involved.
[[nodiscard]] Statement textMatchCount(const QString &ftsQuery);

// count(*) of the apartments that the filter matches. The filter must be valid.
[[nodiscard]] Statement countStatement(const ApartmentFilter &filter, const TextCondition &text);

// One page of the listing, in order, with the columns ApartmentQuery reads (see
// PageColumn). The filter must be valid.
[[nodiscard]] Statement pageStatement(const ApartmentFilter &filter, const TextCondition &text,
                                      const ApartmentSort &sort, int offset, int limit);

// The ORDER BY expression of a sort, ending with the id as the unique tie-breaker.
[[nodiscard]] QString orderBy(const ApartmentSort &sort);

// Whether the filter has a condition other than the text.
[[nodiscard]] bool hasConditionBesidesText(const ApartmentFilter &filter);

// The columns of pageStatement(), in order.
enum PageColumn {
    Id,
    BuildingId,
    OwnerId,
    Number,
    Floor,
    Rooms,
    Area,
    MonthlyPrice,
    Currency,
    Status,
    StatusManual,
    BookedBy,
    Furnished,
    PetsAllowed,
    Description,
    RatingSum,
    RatingCount,
    CreatedAt,
    UpdatedAt,
    BuildingName,
    Address,
    City,
    OwnerName,
};

} // namespace rentdesk::models::query::detail
