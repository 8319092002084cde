// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/domain/entities.h"
#include "models/domain/enums.h"
#include "models/services/domainerror.h"

#include <QDate>
#include <QList>
#include <QString>
#include <QUuid>

#include <memory>
#include <optional>
#include <utility>

namespace rentdesk::models::db {
class Database;
}

namespace rentdesk::models::query {

// Which bookings a person sees, and how they narrow them down.
struct BookingFilter
{
    // Who is looking; required. Their role is read from the database, never taken from the
    // caller: a renter sees only their own bookings, a landlord the bookings of the
    // apartments they own. A missing or unknown viewer is refused with NotAllowed.
    QUuid viewer;
    std::optional<domain::BookingStatus> status;
    // Stays that overlap [from, to); either may be given alone (stays ending after from, or
    // starting before to).
    std::optional<QDate> from, to;
    std::optional<QUuid> apartmentId;
    // One booking (the occupancy calendar's bar), still only if the viewer may see it.
    std::optional<QUuid> bookingId;
};

// The columns a listing of bookings shows; each can be sorted by.
enum class BookingColumn {
    Apartment, // the apartment's number, "2" before "10"
    Building,
    City,
    Renter,
    Start,
    End,
    Nights,
    Status, // requested, confirmed, declined, cancelled, completed
    Total, // grouped by currency, then by amount
    Created,
};

struct BookingSort
{
    BookingColumn column = BookingColumn::Start;
    Qt::SortOrder order = Qt::DescendingOrder;
};

// One line of a listing: the booking and what the listing shows of its apartment, building
// and people.
struct BookingRow
{
    domain::Booking booking;
    QString apartmentNumber;
    QString buildingName;
    QString address;
    QString city;
    QString renterName;
    QUuid ownerId;
    QString ownerName;
};

// Answers the questions of a bookings page, read-only: a page of the bookings the viewer
// may see, filtered and sorted, how many there are, and which dates of an apartment are
// taken. Ties in any sort are broken by the booking's id, so consecutive pages neither
// repeat nor skip a booking while the data stays the same. Each call uses the calling
// thread's connection; the object may be shared by threads.
class BookingQuery final
{
public:
    // A page holds at most this many bookings.
    static constexpr int MaxLimit = 1000;

    explicit BookingQuery(std::shared_ptr<db::Database> database);

    // The bookings from offset on, at most limit of them (1 to MaxLimit). A missing viewer
    // is NotAllowed (entity "filter", field "viewer"); an invalid filter is refused with
    // InvalidValue, entity "filter" and the field concerned ("dates", "apartment", "limit",
    // "offset"). A stored value RentDesk cannot read fails the call with Storage.
    [[nodiscard]] services::Result<QList<BookingRow>> fetch(const BookingFilter &filter, const BookingSort &sort,
                                                            int offset, int limit) const;

    // How many bookings the filter matches for its viewer.
    [[nodiscard]] services::Result<qint64> count(const BookingFilter &filter) const;

    // The confirmed and completed stays of an apartment that overlap [from, to), as
    // [start, end) pairs sorted by start: what a booking calendar shows as taken. Anyone may
    // ask: it tells dates only, not who stays. An unknown apartment is NotFound; from must
    // come before to ("dates").
    [[nodiscard]] services::Result<QList<std::pair<QDate, QDate>>> takenDates(const QUuid &apartment, QDate from,
                                                                              QDate to) const;

private:
    std::shared_ptr<db::Database> m_database;
};

} // namespace rentdesk::models::query
