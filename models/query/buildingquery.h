// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/domain/entities.h"
#include "models/services/domainerror.h"

#include <QList>
#include <QString>
#include <QStringList>
#include <QUuid>

#include <memory>
#include <optional>

namespace rentdesk::models::db {
class Database;
}

namespace rentdesk::models::query {

// What a person browsing buildings asks for. Every part is optional; an empty filter
// matches every building.
struct BuildingFilter
{
    // Words that must each occur in the building's name or address, in any case, in any
    // script ("баум" finds "ул. Баумана"; see query/wordsearch.h). Blank or only
    // punctuation: no text filter.
    QString text;
    // Exactly this city, as stored (empty or blank: any).
    QString city;
    // Only this landlord's buildings.
    std::optional<QUuid> ownerId;
};

// The columns a listing of buildings shows; each can be sorted by.
enum class BuildingColumn {
    Name,
    Address,
    City,
    Floors,
    YearBuilt, // buildings of unknown year come last in either order
    Apartments, // how many apartments the building has
    Owner, // the owner's display name
    Created,
};

struct BuildingSort
{
    BuildingColumn column = BuildingColumn::Name;
    Qt::SortOrder order = Qt::AscendingOrder;
};

// One line of a listing: the building, its owner's name and its number of apartments.
struct BuildingRow
{
    domain::Building building;
    QString ownerName;
    int apartments = 0;
};

// Answers the browsing questions about buildings, read-only: a page of a filtered, sorted
// listing, how many buildings the filter matches, and the cities there are. Ties in any sort
// are broken by the building's id, so consecutive pages neither repeat nor skip a building
// while the data stays the same. Each call uses the calling thread's connection; the object
// may be shared by threads.
class BuildingQuery final
{
public:
    // A page holds at most this many buildings.
    static constexpr int MaxLimit = 1000;

    explicit BuildingQuery(std::shared_ptr<db::Database> database);

    // The buildings from offset on, at most limit of them (1 to MaxLimit). An invalid filter
    // is refused with InvalidValue, entity "filter" and the field concerned ("text",
    // "owner", "limit", "offset"). A stored value RentDesk cannot read fails the call with
    // Storage, naming the building.
    [[nodiscard]] services::Result<QList<BuildingRow>> fetch(const BuildingFilter &filter, const BuildingSort &sort,
                                                             int offset, int limit) const;

    // How many buildings the filter matches.
    [[nodiscard]] services::Result<qint64> count(const BuildingFilter &filter) const;

    // The cities that have buildings, for a filter's choice of city.
    [[nodiscard]] services::Result<QStringList> cities() const;

private:
    std::shared_ptr<db::Database> m_database;
};

} // namespace rentdesk::models::query
