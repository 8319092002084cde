// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/services/servicecontext.h"

#include "models/db/database.h"
#include "models/db/query.h"
#include "models/domain/storedvalues.h"
#include "models/services/journalsink.h"
#include "models/services/records.h"
#include "models/services/servicesteps.h"

#include <QCoreApplication>
#include <QJsonDocument>

namespace rentdesk::models::services {

using namespace Qt::StringLiterals;
using namespace rentdesk::models::domain;

namespace {

DomainError fromDb(const db::DbError &error)
{
    return DomainError(error);
}

} // namespace

ServiceContext::ServiceContext(std::shared_ptr<db::Database> database, const Clock &clock, Mode mode)
    : m_database(std::move(database))
    , m_clock(clock)
    , m_mode(mode)
{
}

QString ServiceContext::nowStored() const
{
    return toStoredTimestamp(m_clock.now());
}

Result<QSqlDatabase> connectionOf(const db::Database &database)
{
    auto db = database.tryConnection();
    if (!db)
        return std::unexpected(fromDb(db.error()));
    return *db;
}

Result<QSqlDatabase> connectionOf(const ServiceContext &context)
{
    return connectionOf(*context.database());
}

Result<User> userById(const QSqlDatabase &db, const QUuid &id)
{
    auto query = db::exec(db, u"SELECT "_s + userColumns(u"u"_s) + u" FROM users AS u WHERE u.id = :id"_s,
                          { { u":id"_s, toStoredId(id) } });
    if (!query)
        return std::unexpected(fromDb(query.error()));
    if (!query->next()) {
        return std::unexpected(
            DomainError(DomainError::Code::NotFound, u"user"_s, QString(),
                        QCoreApplication::translate("DomainError", "This person's account was not found.")));
    }
    return readUser(*query);
}

Result<User> actingUser(const QSqlDatabase &db, const QUuid &id)
{
    auto found = userById(db, id);
    if (!found && found.error().code == DomainError::Code::NotFound) {
        return std::unexpected(
            DomainError(DomainError::Code::NotAllowed, u"user"_s, QString(),
                        QCoreApplication::translate("DomainError", "Your account was not found; sign in again.")));
    }
    return found;
}

Result<void> requireNewId(const QSqlDatabase &db, const char *table, const QUuid &id)
{
    // The table is one of our own constants; the id is bound.
    auto taken = db::scalar(db, u"SELECT count(*) FROM %1 WHERE id = :id"_s.arg(QLatin1StringView(table)),
                            { { u":id"_s, toStoredId(id) } });
    if (!taken)
        return std::unexpected(fromDb(taken.error()));
    if (taken->toInt() > 0) {
        QString entity = QString::fromLatin1(table);
        entity.chop(1); // "buildings" -> "building"
        return std::unexpected(
            DomainError(DomainError::Code::InvalidValue, entity, u"id"_s,
                        QCoreApplication::translate("DomainError", "This id is already used by another record.")));
    }
    return {};
}

Result<void> journal(const ServiceContext &context, const QSqlDatabase &db, const QUuid &actor, const char *name,
                     const QJsonObject &args)
{
    if (!journals(context.mode()))
        return {};
    if (JournalSink *sink = context.journalSink())
        return sink->record(db, actor, QString::fromLatin1(name), args, context.nowStored());
    auto done = db::exec(db,
                         u"INSERT INTO pending_mutations (name, args, actor_id, created_at) "
                         "VALUES (:name, :args, :actor, :now)"_s,
                         { { u":name"_s, QString::fromLatin1(name) },
                           { u":args"_s, QString::fromUtf8(QJsonDocument(args).toJson(QJsonDocument::Compact)) },
                           { u":actor"_s, toStoredId(actor) },
                           { u":now"_s, context.nowStored() } });
    if (!done)
        return std::unexpected(fromDb(done.error()));
    return {};
}

Result<void> queueMail(const ServiceContext &context, const QSqlDatabase &db, MailEvent event, const QUuid &recipient,
                       const QJsonObject &params)
{
    if (!isAuthority(context.mode()))
        return {};
    const QString now = context.nowStored();
    const QUuid id = newId();
    // The recipient's current address, name and language are copied in the same statement.
    auto done = db::exec(db,
                         u"INSERT INTO mail_outbox (id, event, recipient_id, recipient_email, recipient_name, "
                         "language, params, message_id, next_attempt_at, created_at) "
                         "SELECT :id, :event, u.id, u.email, u.display_name, u.language, :params, :message_id, "
                         ":now, :now FROM users AS u WHERE u.id = :recipient"_s,
                         { { u":id"_s, toStoredId(id) },
                           { u":event"_s, toCode(event) },
                           { u":params"_s, QString::fromUtf8(QJsonDocument(params).toJson(QJsonDocument::Compact)) },
                           { u":message_id"_s, QString(u'<' + toStoredId(id) + u"@rentdesk.local>"_s) },
                           { u":now"_s, now },
                           { u":recipient"_s, toStoredId(recipient) } });
    if (!done)
        return std::unexpected(fromDb(done.error()));
    if (done->numRowsAffected() != 1) {
        return std::unexpected(
            DomainError(DomainError::Code::NotFound, u"user"_s, QString(),
                        QCoreApplication::translate("DomainError", "This person's account was not found.")));
    }
    return {};
}

} // namespace rentdesk::models::services
