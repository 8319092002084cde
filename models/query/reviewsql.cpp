// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/query/reviewsql.h"

#include "models/domain/storedvalues.h"
#include "models/services/records.h"

namespace rentdesk::models::query::detail {

using namespace Qt::StringLiterals;

static_assert(ReviewAuthorName == services::ReviewColumnCount);

namespace {

// What the target column shows: a person's name, or an apartment as "<number>, <building>".
const QString targetName = u"CASE WHEN r.target_apartment_id IS NULL "
                           "THEN (SELECT tu.display_name FROM users AS tu WHERE tu.id = r.target_user_id) "
                           "ELSE (SELECT ta.number || ', ' || tb.name FROM apartments AS ta "
                           "CROSS JOIN buildings AS tb ON tb.id = ta.building_id "
                           "WHERE ta.id = r.target_apartment_id) END"_s;

Where conditionsOf(const ReviewFilter &filter)
{
    Where w;
    if (filter.authorId)
        w.add(u"r.author_id = :author"_s, u":author"_s, domain::toStoredId(*filter.authorId));
    if (filter.targetUserId)
        w.add(u"r.target_user_id = :targetUser"_s, u":targetUser"_s, domain::toStoredId(*filter.targetUserId));
    if (filter.targetApartmentId) {
        w.add(u"r.target_apartment_id = :targetApartment"_s, u":targetApartment"_s,
              domain::toStoredId(*filter.targetApartmentId));
    }
    if (filter.involving) {
        // Each part reads its own index; a review is never both by and about one person
        // (reviews_not_self, and an apartment's reviewer is a renter, its owner a landlord),
        // and IN ignores repeats anyway.
        w.add(u"r.rowid IN (SELECT i.rowid FROM reviews AS i WHERE i.author_id = :involving "
              "UNION ALL SELECT i.rowid FROM reviews AS i WHERE i.target_user_id = :involving "
              "UNION ALL SELECT i.rowid FROM apartments AS o CROSS JOIN reviews AS i "
              "ON i.target_apartment_id = o.id WHERE o.owner_id = :involving)"_s,
              u":involving"_s, domain::toStoredId(*filter.involving));
    }
    if (filter.kind)
        w.add(u"r.kind = :kind"_s, u":kind"_s, domain::toCode(*filter.kind));
    if (filter.minRating)
        w.add(u"r.rating >= :minRating"_s, u":minRating"_s, *filter.minRating);
    return w;
}

// Whether the filter names a person or an apartment, whose reviews are a few dozen at most.
bool narrowsToFew(const ReviewFilter &filter)
{
    return filter.authorId || filter.targetUserId || filter.targetApartmentId || filter.involving;
}

// The FROM clause of a page. Sorted by author, the authors (by name, users_display_name_idx)
// are the outer loop over the whole table, so the first page stops after its rows instead
// of looking up the author of every review; a few reviews are better found first.
QString pageSource(const ReviewFilter &filter, ReviewColumn column)
{
    if (column != ReviewColumn::Author)
        return u"reviews AS r"_s;
    if (narrowsToFew(filter))
        return u"reviews AS r CROSS JOIN users AS au ON au.id = r.author_id"_s;
    return u"users AS au CROSS JOIN reviews AS r ON r.author_id = au.id"_s;
}

} // namespace

QString reviewOrder(const ReviewSort &sort)
{
    const QString dir = direction(sort.order);
    QStringList keys;
    switch (sort.column) {
    case ReviewColumn::Kind:
        keys << enumRank<domain::ReviewKind>(u"r.kind"_s) + dir;
        break;
    case ReviewColumn::Rating:
        keys << u"r.rating"_s + dir;
        break;
    case ReviewColumn::Author:
        keys << u"au.display_name"_s + dir;
        break;
    case ReviewColumn::Target:
        keys << u"("_s + targetName + u')' + dir;
        break;
    case ReviewColumn::Text:
        keys << u"r.body"_s + dir;
        break;
    case ReviewColumn::Created:
        keys << u"r.created_at"_s + dir;
        break;
    case ReviewColumn::Updated:
        keys << u"r.updated_at"_s + dir;
        break;
    }
    keys << u"r.id"_s + dir;
    return keys.join(u", "_s);
}

Statement reviewCount(const ReviewFilter &filter)
{
    const Where w = conditionsOf(filter);
    return { u"SELECT count(*) FROM reviews AS r"_s + w.clause(), w.bindings };
}

Statement reviewPage(const ReviewFilter &filter, const ReviewSort &sort, int offset, int limit)
{
    Where w = conditionsOf(filter);
    const QString order = reviewOrder(sort);
    const QString page = u"SELECT r.rowid AS r FROM "_s + pageSource(filter, sort.column) + w.clause() + u" ORDER BY "_s
        + order + u" LIMIT :limit OFFSET :offset"_s;
    const QString sql = u"SELECT "_s + services::reviewColumns(u"r"_s) + u", au.display_name, "_s + targetName
        + u" FROM ("_s + page
        + u") AS page CROSS JOIN reviews AS r ON r.rowid = page.r "
          "CROSS JOIN users AS au ON au.id = r.author_id ORDER BY "_s
        + order;
    w.bindings.append({ u":limit"_s, limit });
    w.bindings.append({ u":offset"_s, offset });
    return { sql, w.bindings };
}

} // namespace rentdesk::models::query::detail
