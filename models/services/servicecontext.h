// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/db/database.h"
#include "models/domain/entities.h"
#include "models/services/clock.h"
#include "models/services/domainerror.h"
#include "models/services/mode.h"

#include <QJsonObject>
#include <QSqlDatabase>

#include <memory>

namespace rentdesk::models::services {

// What every service depends on — the database, the clock and the mode — and the steps
// they share inside their transactions: reading the acting user, journaling a mutation,
// queueing a mail. Built by the composition root and passed to each service; there is no
// global "current user": the actor is an argument of every call.
class ServiceContext
{
public:
    ServiceContext(std::shared_ptr<db::Database> database, const Clock &clock, Mode mode);

    [[nodiscard]] QSqlDatabase connection() const { return m_database->connection(); }
    [[nodiscard]] const std::shared_ptr<db::Database> &database() const { return m_database; }
    [[nodiscard]] const Clock &clock() const { return m_clock; }
    [[nodiscard]] Mode mode() const { return m_mode; }
    [[nodiscard]] QString nowStored() const;

    // The acting user, read from the database: the caller's claim of a role is never
    // trusted. A missing user is NotAllowed ("sign in again").
    [[nodiscard]] Result<domain::User> actor(const QSqlDatabase &db, const QUuid &id) const;

    // Any user by id, NotFound if missing.
    [[nodiscard]] Result<domain::User> user(const QSqlDatabase &db, const QUuid &id) const;

    // Appends a mutation to the journal when this side journals (DESIGN.md). Call inside
    // the transaction of the change it records.
    [[nodiscard]] Result<void> journal(const QSqlDatabase &db, const QUuid &actor, const char *name,
                                       const QJsonObject &args) const;

    // Queues a mail to a user when this side is the authority. The recipient's address,
    // name and language are copied from their account. Call inside the transaction.
    [[nodiscard]] Result<void> queueMail(const QSqlDatabase &db, domain::MailEvent event, const QUuid &recipient,
                                         const QJsonObject &params) const;

private:
    std::shared_ptr<db::Database> m_database;
    const Clock &m_clock;
    Mode m_mode;
};

} // namespace rentdesk::models::services
