// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/sync/visibility.h"

#include "models/db/query.h"
#include "models/domain/storedvalues.h"

namespace rentdesk::models::sync {

using namespace Qt::StringLiterals;

QString visibleColumn(const SyncEntity &entity, const char *column)
{
    const QString name = u"t."_s + QLatin1StringView(column);
    const QLatin1StringView table(entity.name);
    const QLatin1StringView field(column);
    if (table == "user"_L1 && (field == "email"_L1 || field == "phone"_L1))
        return u"CASE WHEN t.id = :me THEN %1 END"_s.arg(name);
    if (table == "user"_L1 && field == "language"_L1)
        return u"CASE WHEN t.id = :me THEN %1 ELSE 'en' END"_s.arg(name);
    if (table == "apartment"_L1 && field == "booked_by"_L1)
        return u"CASE WHEN t.owner_id = :me OR t.booked_by = :me THEN %1 END"_s.arg(name);
    return name;
}

QString renterSeesChange()
{
    return u"(c.entity <> 'booking' OR c.renter_id = :me)"_s;
}

QString landlordSeesChange()
{
    return u"(c.landlord_id = :me OR (c.entity = 'user' AND (c.row_id = :me OR EXISTS (SELECT 1 FROM "
           "sync_acquaintances AS k WHERE k.renter_id = c.row_id AND k.landlord_id = :me))))"_s;
}

services::Result<qint64> lastSeqOf(const QSqlDatabase &db)
{
    auto seq = db::scalar(db, u"SELECT coalesce(max(seq), 0) FROM sync_changes"_s);
    if (!seq)
        return std::unexpected(services::DomainError(seq.error()));
    return seq->toLongLong();
}

services::Result<qint64> lastMutationOf(const QSqlDatabase &db, const QUuid &user, const QUuid &client)
{
    auto last = db::scalar(db, u"SELECT last_mutation_id FROM sync_clients WHERE user_id = :u AND client_id = :c"_s,
                           { { u":u"_s, domain::toStoredId(user) }, { u":c"_s, domain::toStoredId(client) } });
    if (!last)
        return std::unexpected(services::DomainError(last.error()));
    return last->isNull() ? 0 : last->toLongLong();
}

} // namespace rentdesk::models::sync
