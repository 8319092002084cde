// SPDX-License-Identifier: GPL-3.0-or-later
#include "services/occupancy.h"

#include "db/query.h"
#include "domain/storedvalues.h"

namespace rentdesk::services {

using namespace Qt::StringLiterals;

Result<int> completeEndedStays(const QSqlDatabase &db, QDate today, const QString &now)
{
    auto done = db::exec(db,
                         u"UPDATE bookings SET status = 'completed', updated_at = max(updated_at, :now) "
                         "WHERE status = 'confirmed' AND end_date <= :today"_s,
                         { { u":now"_s, now }, { u":today"_s, domain::toStoredDate(today) } });
    if (!done)
        return std::unexpected(DomainError(done.error()));
    return done->numRowsAffected();
}

Result<int> refreshOccupancy(const QSqlDatabase &db, QDate today, const QString &now, std::optional<QUuid> apartment)
{
    // For each apartment: the renter of the stay covering today, else of the nearest stay
    // ahead; the status follows from which one was found.
    const QString sql = uR"(
        WITH occupancy AS (
            SELECT a.id AS apartment_id,
                   (SELECT b.renter_id FROM bookings AS b
                     WHERE b.apartment_id = a.id AND b.status = 'confirmed'
                       AND b.start_date <= :today AND b.end_date > :today
                     LIMIT 1) AS current_renter,
                   (SELECT b.renter_id FROM bookings AS b
                     WHERE b.apartment_id = a.id AND b.status = 'confirmed' AND b.start_date > :today
                     ORDER BY b.start_date LIMIT 1) AS next_renter
              FROM apartments AS a
             WHERE a.status_manual = 0 AND (:one IS NULL OR a.id = :one)),
        computed AS (
            SELECT apartment_id,
                   CASE WHEN current_renter IS NOT NULL THEN 'rented'
                        WHEN next_renter IS NOT NULL THEN 'booked'
                        ELSE 'free' END AS status,
                   coalesce(current_renter, next_renter) AS booked_by
              FROM occupancy)
        UPDATE apartments
           SET status = computed.status, booked_by = computed.booked_by, updated_at = max(updated_at, :now)
          FROM computed
         WHERE apartments.id = computed.apartment_id
           AND (apartments.status IS NOT computed.status OR apartments.booked_by IS NOT computed.booked_by))"_s;
    auto done = db::exec(
        db, sql,
        { { u":today"_s, domain::toStoredDate(today) },
          { u":now"_s, now },
          { u":one"_s,
            apartment ? QVariant(domain::toStoredId(*apartment)) : QVariant(QMetaType::fromType<QString>()) } });
    if (!done)
        return std::unexpected(DomainError(done.error()));
    return done->numRowsAffected();
}

} // namespace rentdesk::services
