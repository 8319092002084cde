// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/services/calendarfeedservice.h"

#include "models/db/query.h"
#include "models/db/transaction.h"
#include "models/domain/storedvalues.h"
#include "models/services/randomtoken.h"
#include "models/services/records.h"
#include "models/services/servicesteps.h"

#include <QCoreApplication>
#include <QSqlError>

namespace rentdesk::models::services {

using namespace Qt::StringLiterals;
using Code = DomainError::Code;

CalendarFeedService::CalendarFeedService(ServiceContext context)
    : m_context(std::move(context))
{
}

Result<QString> CalendarFeedService::token(const QUuid &actor, const QUuid &apartment) const
{
    return store(actor, apartment, false);
}

Result<QString> CalendarFeedService::renew(const QUuid &actor, const QUuid &apartment) const
{
    return store(actor, apartment, true);
}

Result<QString> CalendarFeedService::store(const QUuid &actor, const QUuid &apartment, bool replace) const
{
    if (m_context.mode() != Mode::Server) {
        return std::unexpected(DomainError(
            Code::NotInThisMode, u"apartment"_s, QString(),
            QCoreApplication::translate("CalendarFeedService", "Calendars are published by the server only.")));
    }
    // Made before the transaction, which PostgreSQL may run again: a second run stores the same.
    const auto fresh = randomToken(u"apartment"_s);
    if (!fresh)
        return std::unexpected(fresh.error());
    const auto connection = connectionOf(m_context);
    if (!connection)
        return std::unexpected(connection.error());
    const QSqlDatabase &db = *connection;
    const QString id = domain::toStoredId(apartment);
    return db::transact(db, [&]() -> Result<QString> {
        auto owner = db::exec(db, u"SELECT owner_id FROM apartments WHERE id = :id"_s, { { u":id"_s, id } });
        if (!owner)
            return std::unexpected(DomainError(owner.error()));
        if (!owner->next()) {
            return std::unexpected(
                DomainError(Code::NotFound, u"apartment"_s, u"apartmentId"_s,
                            QCoreApplication::translate("CalendarFeedService", "This apartment no longer exists.")));
        }
        if (owner->value(0).toString() != domain::toStoredId(actor)) {
            return std::unexpected(
                DomainError(Code::NotAllowed, u"apartment"_s, u"apartmentId"_s,
                            QCoreApplication::translate("CalendarFeedService",
                                                        "Only the apartment's owner can publish its calendar.")));
        }
        owner->finish();
        const QString sql = replace ? u"INSERT INTO calendar_feeds (apartment_id, token, created_at) "
                                      "VALUES (:id, :token, :now) ON CONFLICT (apartment_id) "
                                      "DO UPDATE SET token = excluded.token, created_at = excluded.created_at"_s
                                    : u"INSERT INTO calendar_feeds (apartment_id, token, created_at) "
                                      "VALUES (:id, :token, :now) ON CONFLICT (apartment_id) DO NOTHING"_s;
        auto stored =
            db::exec(db, sql, { { u":id"_s, id }, { u":token"_s, *fresh }, { u":now"_s, m_context.nowStored() } });
        if (!stored)
            return std::unexpected(DomainError(stored.error()));
        if (replace)
            return *fresh;
        auto kept = db::exec(db, u"SELECT token FROM calendar_feeds WHERE apartment_id = :id"_s, { { u":id"_s, id } });
        if (!kept)
            return std::unexpected(DomainError(kept.error()));
        if (!kept->next())
            return std::unexpected(DomainError(db::classify(kept->lastError(), db)));
        return kept->value(0).toString();
    });
}

Result<std::optional<QUuid>> CalendarFeedService::apartmentOf(const QString &token) const
{
    if (!looksLikeRandomToken(token))
        return std::optional<QUuid>();
    const auto connection = connectionOf(m_context);
    if (!connection)
        return std::unexpected(connection.error());
    // One statement, through the unique index: the database compares, not this process.
    auto found = db::exec(*connection, u"SELECT apartment_id FROM calendar_feeds WHERE token = :token"_s,
                          { { u":token"_s, token } });
    if (!found)
        return std::unexpected(DomainError(found.error()));
    if (!found->next()) {
        if (found->lastError().isValid())
            return std::unexpected(DomainError(db::classify(found->lastError(), *connection)));
        return std::optional<QUuid>();
    }
    auto apartment = domain::idFromStored(found->value(0));
    if (!apartment)
        return std::unexpected(unreadable(u"apartment"_s, apartment.error()));
    return std::optional<QUuid>(*apartment);
}

} // namespace rentdesk::models::services
