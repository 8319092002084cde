// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/itemmodels/querytablemodel.h"
#include "models/query/bookingquery.h"
#include "models/query/buildingquery.h"
#include "models/query/reviewquery.h"

namespace rentdesk::models::itemmodels {

// The tables of the Buildings, Bookings and Reviews pages: their columns over their
// queries. (Apartments, in apartmenttablemodel.h, names its columns for the page and the tests.)

using BuildingTableModel =
    QueryTableModel<query::BuildingQuery, query::BuildingFilter, query::BuildingSort, query::BuildingRow>;
using BookingTableModel =
    QueryTableModel<query::BookingQuery, query::BookingFilter, query::BookingSort, query::BookingRow>;
using ReviewTableModel = QueryTableModel<query::ReviewQuery, query::ReviewFilter, query::ReviewSort, query::ReviewRow>;

[[nodiscard]] std::unique_ptr<BuildingTableModel> makeBuildingTableModel(std::shared_ptr<db::Database> database);
[[nodiscard]] std::unique_ptr<BookingTableModel> makeBookingTableModel(std::shared_ptr<db::Database> database);
// Who stays, as the Bookings page's Renter column and the detail panes say it: the renter's
// name, or for blocked dates from a calendar "Calendar: <its label>" (they have no renter but
// the owner).
[[nodiscard]] QString renterText(const query::BookingRow &row);
[[nodiscard]] std::unique_ptr<ReviewTableModel> makeReviewTableModel(std::shared_ptr<db::Database> database);

// The table of a page by the page's name ("apartments", "buildings", "bookings", "reviews"),
// unfiltered, in the page's first sort, counted: for rentdesk --export-csv. The bookings are a
// person's, as the Bookings page shows them (a renter's own, those of a landlord's apartments):
// viewerEmail names them, and is required there. Refused with a sentence for another name, a
// missing or unknown person.
[[nodiscard]] services::Result<std::unique_ptr<PagedTableModel>>
makeTableModel(const QString &page, std::shared_ptr<db::Database> database, const QString &viewerEmail = {});
[[nodiscard]] QStringList tablePageNames();

// Column numbers the pages refer to.
namespace BuildingColumns {
enum { Name, Address, City, Floors, YearBuilt, Apartments, Owner, Created };
}
namespace BookingColumns {
enum { Apartment, Building, City, Renter, Start, End, Nights, Status, Total, Created };
}
namespace ReviewColumns {
enum { Kind, Rating, Author, Target, Text, Created, Updated };
}

} // namespace rentdesk::models::itemmodels
