// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/services/domainerror.h"

#include <QJsonObject>
#include <QSqlDatabase>
#include <QUuid>

namespace rentdesk::models::services {

// Where a connected replica's services journal their mutations (models/sync/replica.h): the
// row in pending_mutations together with the changeset the mutation made, so that the replica
// can undo it before applying the server's rows and make it again after. Called by journal()
// inside the transaction of the change, after the change. For models/ only.
class JournalSink
{
public:
    virtual ~JournalSink() = default;
    [[nodiscard]] virtual Result<void> record(const QSqlDatabase &db, const QUuid &actor, const QString &name,
                                              const QJsonObject &args, const QString &now) = 0;
};

} // namespace rentdesk::models::services
