// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/query/buildingsql.h"

#include "models/domain/storedvalues.h"
#include "models/query/wordsearch.h"
#include "models/services/records.h"

namespace rentdesk::models::query::detail {

using namespace Qt::StringLiterals;

static_assert(BuildingOwnerName == services::BuildingColumnCount);

namespace {

const QString apartmentsOfBuilding = u"(SELECT count(*) FROM apartments AS a WHERE a.building_id = b.id)"_s;
const QString ownerName = u"(SELECT u.display_name FROM users AS u WHERE u.id = b.owner_id)"_s;

Where conditionsOf(const BuildingFilter &filter, const QStringList &words)
{
    Where w;
    if (filter.ownerId)
        w.add(u"b.owner_id = :ownerId"_s, u":ownerId"_s, domain::toStoredId(*filter.ownerId));
    if (!filter.city.trimmed().isEmpty())
        w.add(u"b.city = :city"_s, u":city"_s, filter.city);
    if (!words.isEmpty()) {
        w.add(QLatin1StringView(HasWordsFunction) + u"(:words, b.name, b.address)"_s, u":words"_s,
              searchWordsArgument(words));
    }
    return w;
}

} // namespace

QString buildingOrder(const BuildingSort &sort)
{
    const QString dir = direction(sort.order);
    QStringList keys;
    switch (sort.column) {
    case BuildingColumn::Name:
        keys << u"b.name"_s + dir;
        break;
    case BuildingColumn::Address:
        keys << u"b.address"_s + dir;
        break;
    case BuildingColumn::City:
        keys << u"b.city"_s + dir;
        break;
    case BuildingColumn::Floors:
        keys << u"b.floors"_s + dir;
        break;
    case BuildingColumn::YearBuilt:
        keys << u"b.year_built IS NULL ASC"_s << u"b.year_built"_s + dir;
        break;
    case BuildingColumn::Apartments:
        keys << apartmentsOfBuilding + dir;
        break;
    case BuildingColumn::Owner:
        keys << ownerName + dir;
        break;
    case BuildingColumn::Created:
        keys << u"b.created_at"_s + dir;
        break;
    }
    keys << u"b.id"_s + dir;
    return keys.join(u", "_s);
}

Statement buildingCount(const BuildingFilter &filter, const QStringList &words)
{
    const Where w = conditionsOf(filter, words);
    return { u"SELECT count(*) FROM buildings AS b"_s + w.clause(), w.bindings };
}

Statement buildingPage(const BuildingFilter &filter, const QStringList &words, const BuildingSort &sort, int offset,
                       int limit)
{
    Where w = conditionsOf(filter, words);
    const QString order = buildingOrder(sort);
    const QString page = u"SELECT b.rowid AS r FROM buildings AS b"_s + w.clause() + u" ORDER BY "_s + order
        + u" LIMIT :limit OFFSET :offset"_s;
    const QString sql = u"SELECT "_s + services::buildingColumns(u"b"_s) + u", "_s + ownerName + u", "_s
        + apartmentsOfBuilding + u" FROM ("_s + page
        + u") AS page CROSS JOIN buildings AS b ON b.rowid = page.r ORDER BY "_s + order;
    w.bindings.append({ u":limit"_s, limit });
    w.bindings.append({ u":offset"_s, offset });
    return { sql, w.bindings };
}

} // namespace rentdesk::models::query::detail
