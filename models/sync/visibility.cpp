// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/sync/visibility.h"

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

} // namespace rentdesk::models::sync
