// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/domain/entities.h"
#include "models/services/servicecontext.h"

#include <QByteArray>
#include <QJsonObject>
#include <QSqlDatabase>
#include <QStringList>
#include <QUuid>

#include <optional>

namespace rentdesk::models::db {
class Database;
}

namespace rentdesk::models::services {

// The steps services share inside their transactions, on an SQL connection. For models/
// only (services, queries, stores): the layers above see ServiceContext without QtSql.

// The calling thread's connection to the database, or Storage saying why there is none: a
// failure is an error the caller passes up, never a closed connection whose queries then
// return nothing.
[[nodiscard]] Result<QSqlDatabase> connectionOf(const db::Database &database);
[[nodiscard]] Result<QSqlDatabase> connectionOf(const ServiceContext &context);

// The acting user, read from the database: the caller's claim of a role is never trusted. A
// missing user is NotAllowed ("sign in again").
[[nodiscard]] Result<domain::User> actingUser(const QSqlDatabase &db, const QUuid &id);

// Any user by id, NotFound if missing.
[[nodiscard]] Result<domain::User> userById(const QSqlDatabase &db, const QUuid &id);

// An id given for a new row (a replayed mutation keeps its desktop's) must not name a row of the
// table already: InvalidValue about the field "id". table is one of the synced tables.
[[nodiscard]] Result<void> requireNewId(const QSqlDatabase &db, const char *table, const QUuid &id);

// Appends a mutation to the journal when this side journals (DESIGN.md). Call inside the
// transaction of the change it records.
[[nodiscard]] Result<void> journal(const ServiceContext &context, const QSqlDatabase &db, const QUuid &actor,
                                   const char *name, const QJsonObject &args);

// Queues a mail to a user when this side is the authority. The recipient's address, name and
// language are copied from their account. Call inside the transaction.
[[nodiscard]] Result<void> queueMail(const ServiceContext &context, const QSqlDatabase &db, domain::MailEvent event,
                                     const QUuid &recipient, const QJsonObject &params);

// A photo blob's bytes by its hash; std::nullopt when they are not in this database.
[[nodiscard]] Result<std::optional<QByteArray>> readBlob(const QSqlDatabase &db, const QString &sha256);

// Deletes the photo bytes of these hashes that no photo names any more (photoservice.cpp): a
// removed photo's, or those of an apartment being deleted, after its photos went. Call inside
// the transaction. Not on a connected replica, which forgets blobs after its pulls (Replica).
[[nodiscard]] Result<void> forgetUnreferencedBlobs(const ServiceContext &context, const QSqlDatabase &db,
                                                   const QStringList &hashes);

} // namespace rentdesk::models::services
