// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/query/apartmentsql.h"

#include "models/domain/storedvalues.h"

#include <QStringList>

#include <cmath>

namespace rentdesk::models::query::detail {

using namespace Qt::StringLiterals;

namespace {

// The WHERE clause of a filter and the values it binds, plus the FROM clause it needs.
struct Conditions
{
    QString from = u"apartments AS a"_s;
    QStringList terms;
    QList<db::Binding> bindings;

    void add(const QString &term) { terms.append(term); }
    void add(const QString &term, const QString &name, const QVariant &value)
    {
        terms.append(term);
        bindings.append({ name, value });
    }
    [[nodiscard]] QString where() const { return terms.isEmpty() ? QString() : u" WHERE "_s + terms.join(u" AND "_s); }
};

// In the order of PageColumn.
const QString pageColumns = u"a.id, a.building_id, a.owner_id, a.number, a.floor, a.rooms, a.area, a.monthly_price, "
                            "a.currency, a.status, a.status_manual, a.booked_by, a.furnished, a.pets_allowed, "
                            "a.description, a.rating_sum, a.rating_count, a.created_at, a.updated_at, b.name, "
                            "b.address, b.city, u.display_name"_s;

const QString textMatch = u"SELECT rowid AS r FROM apartments_search WHERE apartments_search MATCH :text"_s;

Conditions conditionsOf(const ApartmentFilter &filter, const TextCondition &text)
{
    Conditions c;
    if (text.use == TextUse::Drive) {
        // CROSS JOIN keeps the matches as the outer loop.
        c.from = u"("_s + textMatch + u") AS s CROSS JOIN apartments AS a ON a.rowid = s.r"_s;
        c.bindings.append({ u":text"_s, text.ftsQuery });
    }
    if (filter.ownerId)
        c.add(u"a.owner_id = :ownerId"_s, u":ownerId"_s, domain::toStoredId(*filter.ownerId));
    if (!filter.currency.isEmpty())
        c.add(u"a.currency = :currency"_s, u":currency"_s, filter.currency);
    if (filter.minPrice)
        c.add(u"a.monthly_price >= :minPrice"_s, u":minPrice"_s, *filter.minPrice);
    if (filter.maxPrice)
        c.add(u"a.monthly_price <= :maxPrice"_s, u":maxPrice"_s, *filter.maxPrice);
    // Rooms, area and status are never where a query starts (the unary + keeps SQLite,
    // which has no statistics, from thinking so): their values are shared by large parts of
    // the table, so walking the sort's index or the city's buildings and testing them there,
    // in a covering index where possible, is what stays fast.
    if (filter.minRooms)
        c.add(u"+a.rooms >= :minRooms"_s, u":minRooms"_s, *filter.minRooms);
    if (filter.maxRooms)
        c.add(u"+a.rooms <= :maxRooms"_s, u":maxRooms"_s, *filter.maxRooms);
    if (filter.minArea)
        c.add(u"+a.area >= :minArea"_s, u":minArea"_s, *filter.minArea);
    if (filter.maxArea)
        c.add(u"+a.area <= :maxArea"_s, u":maxArea"_s, *filter.maxArea);
    if (filter.status)
        c.add(u"+a.status = :status"_s, u":status"_s, domain::toCode(*filter.status));
    if (filter.furnished)
        c.add(u"a.furnished = :furnished"_s, u":furnished"_s, domain::toStoredBool(*filter.furnished));
    if (filter.petsAllowed)
        c.add(u"a.pets_allowed = :petsAllowed"_s, u":petsAllowed"_s, domain::toStoredBool(*filter.petsAllowed));
    if (filter.minRating) {
        // average >= x  <=>  100 * sum >= (100 x) * count, exactly, in integers.
        c.add(u"a.rating_count > 0 AND a.rating_sum * 100 >= :minRating * a.rating_count"_s, u":minRating"_s,
              qint64(std::llround(*filter.minRating * 100)));
    }
    if (!filter.city.trimmed().isEmpty()) {
        c.add(u"a.building_id IN (SELECT b.id FROM buildings AS b WHERE b.city = :city)"_s, u":city"_s, filter.city);
    }
    if (text.use == TextUse::Test) // the unary + keeps SQLite from driving by it
        c.add(u"+a.rowid IN ("_s + textMatch + u')', u":text"_s, text.ftsQuery);
    if (filter.freeFrom && filter.freeTo) {
        // The stays that occupy an apartment are confirmed, completed and blocked ones; this
        // term, the same as the index's, is also what lets SQLite use the partial
        // bookings_stays_idx.
        c.add(u"NOT EXISTS (SELECT 1 FROM bookings AS k WHERE k.apartment_id = a.id"
              " AND k.status IN ('confirmed', 'completed', 'blocked')"
              " AND k.end_date > :freeFrom AND k.start_date < :freeTo)"_s);
        c.bindings.append({ u":freeFrom"_s, domain::toStoredDate(*filter.freeFrom) });
        c.bindings.append({ u":freeTo"_s, domain::toStoredDate(*filter.freeTo) });
    }
    return c;
}

bool sortNeedsBuilding(ApartmentColumn column)
{
    return column == ApartmentColumn::Building || column == ApartmentColumn::Address || column == ApartmentColumn::City;
}

// The status in the order of the enum (free, booked, rented), not of its codes. Schema
// version 10's apartments_status_sort_idx is on this very expression.
QString statusRank()
{
    QString rank = u"CASE a.status"_s;
    int i = 0;
    for (const auto status : domain::allValues<domain::ApartmentStatus>())
        rank += u" WHEN '%1' THEN %2"_s.arg(domain::toCode(status)).arg(i++);
    return rank + u" END"_s;
}

} // namespace

QString orderBy(const ApartmentSort &sort)
{
    const QString dir = sort.order == Qt::AscendingOrder ? u" ASC"_s : u" DESC"_s;
    QStringList keys;
    switch (sort.column) {
    case ApartmentColumn::Number:
        // "2" before "10", then "12A" before "12B".
        keys << u"CAST(a.number AS INTEGER)"_s + dir << u"a.number"_s + dir;
        break;
    // By a building's column: the buildings walked in that order (an index on the column and
    // id), each one's apartments by id (apartments_building_sort_idx). b.id keeps two buildings
    // of one name, address or city apart, so that no group of them is sorted by a.id first.
    case ApartmentColumn::Building:
        keys << u"b.name"_s + dir << u"b.id"_s + dir;
        break;
    case ApartmentColumn::Address:
        keys << u"b.address"_s + dir << u"b.id"_s + dir;
        break;
    case ApartmentColumn::City:
        keys << u"b.city"_s + dir << u"b.id"_s + dir;
        break;
    case ApartmentColumn::Floor:
        keys << u"a.floor"_s + dir;
        break;
    case ApartmentColumn::Rooms:
        keys << u"a.rooms"_s + dir;
        break;
    case ApartmentColumn::Area:
        keys << u"a.area"_s + dir;
        break;
    case ApartmentColumn::Price:
        // Amounts in different currencies do not compare; apartments_browse_price_idx
        // holds this order.
        keys << u"a.currency"_s + dir << u"a.monthly_price"_s + dir;
        break;
    case ApartmentColumn::Status:
        keys << statusRank() + dir;
        break;
    case ApartmentColumn::Rating:
        // Unrated last in both orders; sum / count of small integers orders exactly. The
        // first key is written so that each order walks one of two indexes from its start
        // (apartments_rating_up_idx forwards, apartments_rating_down_idx backwards).
        keys << (sort.order == Qt::AscendingOrder ? u"a.rating_count = 0 ASC"_s : u"a.rating_count > 0 DESC"_s)
             << u"a.rating_sum * 1.0 / a.rating_count"_s + dir;
        break;
    case ApartmentColumn::Furnished:
        keys << u"a.furnished"_s + dir;
        break;
    case ApartmentColumn::PetsAllowed:
        keys << u"a.pets_allowed"_s + dir;
        break;
    case ApartmentColumn::Created:
        keys << u"a.created_at"_s + dir;
        break;
    }
    keys << u"a.id"_s + dir;
    return keys.join(u", "_s);
}

bool hasConditionBesidesText(const ApartmentFilter &filter)
{
    return !filter.city.trimmed().isEmpty() || !filter.currency.isEmpty() || filter.minPrice || filter.maxPrice
        || filter.minRooms || filter.maxRooms || filter.minArea || filter.maxArea || filter.status || filter.freeFrom
        || filter.freeTo || filter.minRating || filter.furnished || filter.petsAllowed || filter.ownerId;
}

Statement textMatchCount(const QString &ftsQuery)
{
    return { u"SELECT count(*) FROM apartments_search WHERE apartments_search MATCH :text"_s,
             { { u":text"_s, ftsQuery } } };
}

Statement countStatement(const ApartmentFilter &filter, const TextCondition &text)
{
    const Conditions c = conditionsOf(filter, text);
    return { u"SELECT count(*) FROM "_s + c.from + c.where(), c.bindings };
}

Statement pageStatement(const ApartmentFilter &filter, const TextCondition &text, const ApartmentSort &sort, int offset,
                        int limit)
{
    Conditions c = conditionsOf(filter, text);
    if (sortNeedsBuilding(sort.column))
        c.from += u" JOIN buildings AS b ON b.id = a.building_id"_s;
    const QString order = orderBy(sort);
    // The page is chosen by rowid, reading only what the filter and the order need; the
    // columns are read for its rows alone, and put in the same order again.
    const QString page = u"SELECT a.rowid AS r FROM "_s + c.from + c.where() + u" ORDER BY "_s + order
        + u" LIMIT :limit OFFSET :offset"_s;
    const QString sql = u"SELECT "_s + pageColumns + u" FROM ("_s + page
        + u") AS page "
          "CROSS JOIN apartments AS a ON a.rowid = page.r "
          "CROSS JOIN buildings AS b ON b.id = a.building_id "
          "CROSS JOIN users AS u ON u.id = a.owner_id "
          "ORDER BY "_s
        + order;
    c.bindings.append({ u":limit"_s, limit });
    c.bindings.append({ u":offset"_s, offset });
    return { sql, c.bindings };
}

} // namespace rentdesk::models::query::detail
