// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/query/bookingsql.h"

#include "models/domain/storedvalues.h"
#include "models/services/records.h"

namespace rentdesk::models::query::detail {

using namespace Qt::StringLiterals;

static_assert(BookingApartmentNumber == services::BookingColumnCount);

namespace {

Where conditionsOf(const BookingFilter &filter, domain::Role viewerRole)
{
    Where w;
    const QString viewer = domain::toStoredId(filter.viewer);
    if (viewerRole == domain::Role::Renter) {
        w.add(u"b.renter_id = :viewer"_s, u":viewer"_s, viewer);
    } else {
        w.add(u"b.apartment_id IN (SELECT o.id FROM apartments AS o WHERE o.owner_id = :viewer)"_s, u":viewer"_s,
              viewer);
    }
    if (filter.apartmentId)
        w.add(u"b.apartment_id = :apartmentId"_s, u":apartmentId"_s, domain::toStoredId(*filter.apartmentId));
    if (filter.bookingId)
        w.add(u"b.id = :bookingId"_s, u":bookingId"_s, domain::toStoredId(*filter.bookingId));
    if (filter.status)
        w.add(u"+b.status = :status"_s, u":status"_s, domain::toCode(*filter.status));
    // Half-open stays overlap [from, to) when they end after from and start before to.
    if (filter.from)
        w.add(u"b.end_date > :from"_s, u":from"_s, domain::toStoredDate(*filter.from));
    if (filter.to)
        w.add(u"b.start_date < :to"_s, u":to"_s, domain::toStoredDate(*filter.to));
    return w;
}

// The tables a sort reads besides the bookings; the outer query always has them all.
QString sortJoins(BookingColumn column)
{
    switch (column) {
    case BookingColumn::Apartment:
        return u" CROSS JOIN apartments AS a ON a.id = b.apartment_id"_s;
    case BookingColumn::Building:
    case BookingColumn::City:
        return u" CROSS JOIN apartments AS a ON a.id = b.apartment_id"
               " CROSS JOIN buildings AS bl ON bl.id = a.building_id"_s;
    case BookingColumn::Renter:
        return u" CROSS JOIN users AS r ON r.id = b.renter_id"_s;
    default:
        return {};
    }
}

} // namespace

QString bookingOrder(const BookingSort &sort)
{
    const QString dir = direction(sort.order);
    QStringList keys;
    switch (sort.column) {
    case BookingColumn::Apartment:
        keys << apartmentNumberOrder(u"a.number"_s, sort.order);
        break;
    case BookingColumn::Building:
        keys << u"bl.name"_s + dir;
        break;
    case BookingColumn::City:
        keys << u"bl.city"_s + dir;
        break;
    case BookingColumn::Renter:
        keys << u"r.display_name"_s + dir;
        break;
    case BookingColumn::Start:
        keys << u"b.start_date"_s + dir;
        break;
    case BookingColumn::End:
        keys << u"b.end_date"_s + dir;
        break;
    case BookingColumn::Nights:
        keys << u"julianday(b.end_date) - julianday(b.start_date)"_s + dir;
        break;
    case BookingColumn::Status:
        keys << enumRank<domain::BookingStatus>(u"b.status"_s) + dir;
        break;
    case BookingColumn::Total:
        // Amounts in different currencies do not compare.
        keys << u"b.currency"_s + dir << u"b.total_price"_s + dir;
        break;
    case BookingColumn::Created:
        keys << u"b.created_at"_s + dir;
        break;
    }
    keys << u"b.id"_s + dir;
    return keys.join(u", "_s);
}

Statement bookingCount(const BookingFilter &filter, domain::Role viewerRole)
{
    const Where w = conditionsOf(filter, viewerRole);
    return { u"SELECT count(*) FROM bookings AS b"_s + w.clause(), w.bindings };
}

Statement bookingPage(const BookingFilter &filter, domain::Role viewerRole, const BookingSort &sort, int offset,
                      int limit)
{
    Where w = conditionsOf(filter, viewerRole);
    const QString order = bookingOrder(sort);
    const QString page = u"SELECT b.rowid AS r FROM bookings AS b"_s + sortJoins(sort.column) + w.clause()
        + u" ORDER BY "_s + order + u" LIMIT :limit OFFSET :offset"_s;
    const QString sql = u"SELECT "_s + services::bookingColumns(u"b"_s)
        + u", a.number, bl.name, bl.address, bl.city, r.display_name, a.owner_id, o.display_name FROM ("_s + page
        + u") AS page "
          "CROSS JOIN bookings AS b ON b.rowid = page.r "
          "CROSS JOIN apartments AS a ON a.id = b.apartment_id "
          "CROSS JOIN buildings AS bl ON bl.id = a.building_id "
          "CROSS JOIN users AS r ON r.id = b.renter_id "
          "CROSS JOIN users AS o ON o.id = a.owner_id "
          "ORDER BY "_s
        + order;
    w.bindings.append({ u":limit"_s, limit });
    w.bindings.append({ u":offset"_s, offset });
    return { sql, w.bindings };
}

Statement takenDatesStatement(const QUuid &apartment, QDate from, QDate to)
{
    // bookings_stays_idx holds exactly these stays, by apartment and end date.
    return { u"SELECT b.start_date, b.end_date FROM bookings AS b WHERE b.apartment_id = :apartment "
             "AND b.status IN ('confirmed', 'completed', 'blocked') AND b.end_date > :from AND b.start_date < :to "
             "ORDER BY b.start_date, b.end_date"_s,
             { { u":apartment"_s, domain::toStoredId(apartment) },
               { u":from"_s, domain::toStoredDate(from) },
               { u":to"_s, domain::toStoredDate(to) } } };
}

} // namespace rentdesk::models::query::detail
