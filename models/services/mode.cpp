// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/services/mode.h"

#include "models/db/query.h"
#include "models/services/servicesteps.h"

#include <QCoreApplication>

namespace rentdesk::models::services {

using namespace Qt::StringLiterals;

Result<Mode> storedMode(const db::Database &database)
{
    const auto db = connectionOf(database);
    if (!db)
        return std::unexpected(db.error());
    auto value = db::scalar(*db, u"SELECT value FROM database_meta WHERE key = 'mode'"_s);
    if (!value)
        return std::unexpected(DomainError(value.error()));
    if (value->isNull()) {
        return std::unexpected(DomainError(
            DomainError::Code::InvalidValue, u"database"_s, u"mode"_s,
            QCoreApplication::translate("Mode", "The database does not say whether it is standalone or connected.")));
    }
    const QString code = value->toString();
    if (code == u"standalone"_s)
        return Mode::Standalone;
    if (code == u"connected"_s)
        return Mode::Connected;
    return std::unexpected(
        DomainError(DomainError::Code::InvalidValue, u"database"_s, u"mode"_s,
                    QCoreApplication::translate("Mode",
                                                "The database does not say whether it is standalone or connected "
                                                "(it says “%1”).")
                        .arg(code)));
}

} // namespace rentdesk::models::services
