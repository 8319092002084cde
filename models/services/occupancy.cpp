// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/services/occupancy.h"

#include "models/db/query.h"
#include "models/domain/storedvalues.h"

namespace rentdesk::models::services {

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
    // ahead; the status follows from which one was found. The CTE is materialized so that
    // each apartment's stays are probed once, and "b.status || ''" keeps SQLite from walking
    // bookings_status_idx (every confirmed stay before today) instead of the apartment's
    // own bookings.
    const QString sql = uR"(
        WITH computed AS MATERIALIZED (
            SELECT apartment_id,
                   CASE WHEN current_renter IS NOT NULL THEN 'rented'
                        WHEN next_renter IS NOT NULL THEN 'booked'
                        ELSE 'free' END AS status,
                   coalesce(current_renter, next_renter) AS booked_by
              FROM (SELECT a.id AS apartment_id,
                           (SELECT b.renter_id FROM bookings AS b
                             WHERE b.apartment_id = a.id AND b.status || '' = 'confirmed'
                               AND b.start_date <= :today AND b.end_date > :today
                             LIMIT 1) AS current_renter,
                           (SELECT b.renter_id FROM bookings AS b
                             WHERE b.apartment_id = a.id AND b.status || '' = 'confirmed' AND b.start_date > :today
                             ORDER BY b.start_date LIMIT 1) AS next_renter
                      FROM apartments AS a
                     WHERE a.status_manual = 0 %1) AS stays)
        UPDATE apartments
           SET status = computed.status, booked_by = computed.booked_by, updated_at = max(updated_at, :now)
          FROM computed
         WHERE apartments.id = computed.apartment_id
           AND (apartments.status IS DISTINCT FROM computed.status OR apartments.booked_by IS DISTINCT FROM computed.booked_by))"_s;
    // One apartment is looked up by its key; "(:one IS NULL OR a.id = :one)" would make
    // SQLite scan them all for every confirmation.
    QList<db::Binding> bindings { { u":today"_s, domain::toStoredDate(today) }, { u":now"_s, now } };
    if (apartment)
        bindings.append({ u":one"_s, domain::toStoredId(*apartment) });
    auto done = db::exec(db, sql.arg(apartment ? u"AND a.id = :one"_s : QString()), bindings);
    if (!done)
        return std::unexpected(DomainError(done.error()));
    return done->numRowsAffected();
}

} // namespace rentdesk::models::services
