// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/domain/entities.h"
#include "models/domain/enums.h"
#include "models/services/domainerror.h"

#include <QDate>
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

// What a person browsing apartments asks for. Every part is optional; an empty filter
// matches every apartment.
struct ApartmentFilter
{
    // Words that the building's address or city or the apartment's description must all
    // contain, in any case, Russian or English; the last word matches as a prefix while it
    // is being typed (see toFtsQuery()). Empty, or only punctuation: no text filter.
    QString text;
    // Exactly this city, as stored (empty or blank: any).
    QString city;
    // Prices compare only within one currency, so a price bound requires it. Alone, it
    // keeps the apartments priced in it.
    QString currency;
    std::optional<qint64> minPrice, maxPrice; // monthly, minor units, inclusive
    std::optional<int> minRooms, maxRooms; // inclusive
    std::optional<double> minArea, maxArea; // square metres, inclusive
    std::optional<domain::ApartmentStatus> status;
    // No confirmed or completed stay overlaps [freeFrom, freeTo); both or neither.
    std::optional<QDate> freeFrom, freeTo;
    // The average rating is at least this (1 to 5, taken to two decimals and compared
    // exactly, in integers); apartments nobody has rated are left out.
    std::optional<double> minRating;
    std::optional<bool> furnished, petsAllowed;
    // Only this landlord's listings.
    std::optional<QUuid> ownerId;
};

// The columns a listing of apartments shows; each can be sorted by.
enum class ApartmentColumn {
    Number,
    Building,
    Address,
    City,
    Floor,
    Rooms,
    Area,
    Price, // grouped by currency, then by amount
    Status, // free, booked, rented
    Rating, // by average; apartments nobody has rated come last in either order
    Furnished,
    PetsAllowed,
    Created,
};

struct ApartmentSort
{
    ApartmentColumn column = ApartmentColumn::Price;
    Qt::SortOrder order = Qt::AscendingOrder;
};

// One line of a listing: the apartment and what the listing shows of its building and
// owner.
struct ApartmentRow
{
    domain::Apartment apartment;
    QString buildingName;
    QString address;
    QString city;
    QString ownerName;
};

// Answers the browsing questions about apartments, read-only: a page of a filtered,
// sorted listing, how many apartments the filter matches, and the cities there are. Ties
// in any sort are broken by the apartment's id, so consecutive pages neither repeat nor
// skip an apartment while the data stays the same.
//
// Before a text search it brings the full-text index up to date (query/searchindex.h),
// which needs the write lock for a moment when something changed since the last search.
// Each call uses the calling thread's connection; the object may be shared by threads.
class ApartmentQuery final
{
public:
    // A page holds at most this many apartments.
    static constexpr int MaxLimit = 1000;

    explicit ApartmentQuery(std::shared_ptr<db::Database> database);

    // The apartments from offset on, at most limit of them (1 to MaxLimit). An invalid
    // filter is refused with InvalidValue, entity "filter" and the field concerned
    // ("price", "currency", "rooms", "area", "dates", "rating", "text", "owner", "limit",
    // "offset"). A stored value RentDesk cannot read fails the call with Storage, naming
    // the apartment: a page is never silently short.
    [[nodiscard]] services::Result<QList<ApartmentRow>> fetch(const ApartmentFilter &filter, const ApartmentSort &sort,
                                                              int offset, int limit) const;

    // How many apartments the filter matches.
    [[nodiscard]] services::Result<qint64> count(const ApartmentFilter &filter) const;

    // The cities that have apartments, for a filter's choice of city.
    [[nodiscard]] services::Result<QStringList> cities() const;

private:
    std::shared_ptr<db::Database> m_database;
};

} // namespace rentdesk::models::query
