// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/services/calendarsubscriptionservice.h"

#include "models/db/query.h"
#include "models/db/transaction.h"
#include "models/domain/storedvalues.h"
#include "models/services/bookingservice.h"
#include "models/services/records.h"
#include "models/services/servicesteps.h"

#include <QCoreApplication>
#include <QSqlError>
#include <QUrl>

namespace rentdesk::models::services {

using namespace Qt::StringLiterals;
using Code = DomainError::Code;

namespace {

DomainError urlError(const char *text)
{
    return DomainError(Code::InvalidValue, u"subscription"_s, u"url"_s,
                       QCoreApplication::translate("CalendarSubscriptionService", text));
}

// The apartment's owner is the actor, or why not.
Result<void> requireOwner(const QSqlDatabase &db, const QUuid &actor, const QUuid &apartment)
{
    auto user = actingUser(db, actor);
    if (!user)
        return std::unexpected(user.error());
    auto owner = db::exec(db, u"SELECT owner_id FROM apartments WHERE id = :id"_s,
                          { { u":id"_s, domain::toStoredId(apartment) } });
    if (!owner)
        return std::unexpected(DomainError(owner.error()));
    if (!owner->next()) {
        return std::unexpected(DomainError(
            Code::NotFound, u"apartment"_s, u"apartmentId"_s,
            QCoreApplication::translate("CalendarSubscriptionService", "This apartment no longer exists.")));
    }
    if (owner->value(0).toString() != domain::toStoredId(actor)) {
        return std::unexpected(
            DomainError(Code::NotAllowed, u"apartment"_s, u"apartmentId"_s,
                        QCoreApplication::translate("CalendarSubscriptionService",
                                                    "Only the apartment's owner can follow calendars for it.")));
    }
    return {};
}

QVariant nullable(const QString &text)
{
    return text.isEmpty() ? QVariant(QMetaType::fromType<QString>()) : QVariant(text);
}

QDateTime timeOrInvalid(const QVariant &stored)
{
    if (stored.isNull())
        return {};
    const auto time = domain::timestampFromStored(stored);
    return time ? *time : QDateTime();
}

} // namespace

CalendarSubscriptionService::CalendarSubscriptionService(ServiceContext context)
    : m_context(std::move(context))
{
}

Result<QString> CalendarSubscriptionService::checkedUrl(const QString &text)
{
    const QString trimmed = text.trimmed();
    if (trimmed.isEmpty())
        return std::unexpected(urlError(
            QT_TRANSLATE_NOOP("CalendarSubscriptionService", "Give the address of the calendar (.ics) to follow.")));
    if (trimmed.size() > MaximumUrlLength) {
        return std::unexpected(urlError(
            QT_TRANSLATE_NOOP("CalendarSubscriptionService", "A calendar's address has at most 500 characters.")));
    }
    const QUrl url(trimmed, QUrl::StrictMode);
    if (!url.isValid() || url.isRelative()) {
        return std::unexpected(urlError(QT_TRANSLATE_NOOP(
            "CalendarSubscriptionService", "This is not a web address; it starts with https:// or http://.")));
    }
    const QString scheme = url.scheme().toLower();
    if (scheme != u"https"_s && scheme != u"http"_s) {
        return std::unexpected(
            urlError(QT_TRANSLATE_NOOP("CalendarSubscriptionService",
                                       "Only https:// and http:// addresses can be followed (webcal:// is "
                                       "https:// on most sites).")));
    }
    if (url.host().isEmpty()) {
        return std::unexpected(
            urlError(QT_TRANSLATE_NOOP("CalendarSubscriptionService", "The address names no server.")));
    }
    if (!url.userInfo().isEmpty()) {
        return std::unexpected(urlError(QT_TRANSLATE_NOOP(
            "CalendarSubscriptionService",
            "An address with a user name or password is not accepted: it would be stored and shown in clear.")));
    }
    // The stored form starts with the scheme in lower case, as the schema's check expects.
    return url.toString(QUrl::FullyEncoded);
}

Result<void> CalendarSubscriptionService::allowed() const
{
    // The authority follows the calendars: a standalone desktop, or the server for its replicas.
    if (m_context.mode() == Mode::Connected) {
        return std::unexpected(
            DomainError(Code::NotInThisMode, u"subscription"_s, QString(),
                        QCoreApplication::translate("CalendarSubscriptionService",
                                                    "On a connected database the server follows the calendars: "
                                                    "change them through the server.")));
    }
    return {};
}

Result<CalendarSubscription> CalendarSubscriptionService::add(const QUuid &actor, const QUuid &apartment,
                                                              const QString &text) const
{
    if (auto ok = allowed(); !ok)
        return std::unexpected(ok.error());
    const auto url = checkedUrl(text);
    if (!url)
        return std::unexpected(url.error());
    const auto connection = connectionOf(m_context);
    if (!connection)
        return std::unexpected(connection.error());
    const QSqlDatabase &db = *connection;
    const QUuid id = domain::newId();
    auto done = db::transact(db, [&]() -> Result<void> {
        if (auto owner = requireOwner(db, actor, apartment); !owner)
            return owner;
        auto taken = db::scalar(db,
                                u"SELECT count(*) FROM calendar_subscriptions "
                                "WHERE apartment_id = :apartment AND url = :url"_s,
                                { { u":apartment"_s, domain::toStoredId(apartment) }, { u":url"_s, *url } });
        if (!taken)
            return std::unexpected(DomainError(taken.error()));
        if (taken->toInt() > 0)
            return std::unexpected(urlError(
                QT_TRANSLATE_NOOP("CalendarSubscriptionService", "This apartment already follows this calendar.")));
        auto inserted = db::exec(db,
                                 u"INSERT INTO calendar_subscriptions (id, apartment_id, url, created_at) "
                                 "VALUES (:id, :apartment, :url, :now)"_s,
                                 { { u":id"_s, domain::toStoredId(id) },
                                   { u":apartment"_s, domain::toStoredId(apartment) },
                                   { u":url"_s, *url },
                                   { u":now"_s, m_context.nowStored() } });
        if (!inserted)
            return std::unexpected(DomainError(inserted.error()));
        return {};
    });
    if (!done)
        return std::unexpected(done.error());
    return subscription(id);
}

Result<QList<CalendarSubscription>> CalendarSubscriptionService::list(const QUuid &actor, const QUuid &apartment) const
{
    if (auto ok = allowed(); !ok)
        return std::unexpected(ok.error());
    const auto connection = connectionOf(m_context);
    if (!connection)
        return std::unexpected(connection.error());
    if (auto owner = requireOwner(*connection, actor, apartment); !owner)
        return std::unexpected(owner.error());
    return select(u"s.apartment_id = :key"_s, domain::toStoredId(apartment));
}

Result<void> CalendarSubscriptionService::remove(const QUuid &actor, const QUuid &id) const
{
    if (auto ok = allowed(); !ok)
        return std::unexpected(ok.error());
    const auto connection = connectionOf(m_context);
    if (!connection)
        return std::unexpected(connection.error());
    const QSqlDatabase &db = *connection;
    const BookingService bookings(m_context);
    return db::transact(db, [&]() -> Result<void> {
        const auto found = subscription(id);
        if (!found)
            return std::unexpected(found.error());
        if (auto owner = requireOwner(db, actor, found->apartment); !owner)
            return owner;
        // An empty calendar removes every block this one made (a savepoint inside this transaction).
        if (auto removed = bookings.importBlocks(actor, found->apartment, found->url, {}); !removed)
            return std::unexpected(removed.error());
        auto deleted = db::exec(db, u"DELETE FROM calendar_subscriptions WHERE id = :id"_s,
                                { { u":id"_s, domain::toStoredId(id) } });
        if (!deleted)
            return std::unexpected(DomainError(deleted.error()));
        return {};
    });
}

Result<QList<CalendarSubscription>> CalendarSubscriptionService::all() const
{
    return select(QString(), QString());
}

Result<CalendarSubscription> CalendarSubscriptionService::subscription(const QUuid &id) const
{
    auto found = select(u"s.id = :key"_s, domain::toStoredId(id));
    if (!found)
        return std::unexpected(found.error());
    if (found->isEmpty()) {
        return std::unexpected(DomainError(
            Code::NotFound, u"subscription"_s, u"subscriptionId"_s,
            QCoreApplication::translate("CalendarSubscriptionService", "This calendar is no longer followed.")));
    }
    return found->constFirst();
}

Result<QList<CalendarSubscription>> CalendarSubscriptionService::select(const QString &where, const QString &key) const
{
    const auto connection = connectionOf(m_context);
    if (!connection)
        return std::unexpected(connection.error());
    QString sql = u"SELECT s.id, s.apartment_id, a.owner_id, s.url, s.created_at, s.last_checked_at, "
                  "s.last_success_at, s.last_error, s.etag, s.last_modified, s.event_count "
                  "FROM calendar_subscriptions s JOIN apartments a ON a.id = s.apartment_id"_s;
    QList<db::Binding> bindings;
    if (!where.isEmpty()) {
        sql += u" WHERE "_s + where;
        bindings.append({ u":key"_s, key });
    }
    sql += u" ORDER BY s.created_at, s.id"_s;
    auto rows = db::exec(*connection, sql, bindings);
    if (!rows)
        return std::unexpected(DomainError(rows.error()));
    QList<CalendarSubscription> result;
    while (rows->next()) {
        CalendarSubscription s;
        QUuid *ids[] = { &s.id, &s.apartment, &s.owner };
        for (int column = 0; column < 3; ++column) {
            auto id = domain::idFromStored(rows->value(column));
            if (!id)
                return std::unexpected(unreadable(u"subscription"_s, id.error()));
            *ids[column] = *id;
        }
        s.url = rows->value(3).toString();
        s.createdAt = timeOrInvalid(rows->value(4));
        s.lastCheckedAt = timeOrInvalid(rows->value(5));
        s.lastSuccessAt = timeOrInvalid(rows->value(6));
        s.lastError = rows->value(7).toString();
        s.etag = rows->value(8).toString();
        s.lastModified = rows->value(9).toString();
        s.events = rows->value(10).toInt();
        result.append(s);
    }
    if (rows->lastError().isValid())
        return std::unexpected(DomainError(db::classify(rows->lastError(), *connection)));
    return result;
}

Result<void> CalendarSubscriptionService::record(const QUuid &id, const SubscriptionCheck &check) const
{
    const auto connection = connectionOf(m_context);
    if (!connection)
        return std::unexpected(connection.error());
    const QSqlDatabase &db = *connection;
    const QString now = m_context.nowStored();
    QString sql;
    QList<db::Binding> bindings { { u":id"_s, domain::toStoredId(id) }, { u":now"_s, now } };
    switch (check.outcome) {
    case SubscriptionCheck::Outcome::Imported:
        sql = u"UPDATE calendar_subscriptions SET last_checked_at = :now, last_success_at = :now, "
              "last_error = NULL, etag = :etag, last_modified = :modified, event_count = :events WHERE id = :id"_s;
        bindings.append({ u":etag"_s, nullable(check.etag) });
        bindings.append({ u":modified"_s, nullable(check.lastModified) });
        bindings.append({ u":events"_s, check.events });
        break;
    case SubscriptionCheck::Outcome::Unchanged:
        sql = u"UPDATE calendar_subscriptions SET last_checked_at = :now, last_success_at = :now, "
              "last_error = NULL WHERE id = :id"_s;
        break;
    case SubscriptionCheck::Outcome::Failed:
        sql = u"UPDATE calendar_subscriptions SET last_checked_at = :now, last_error = :error, etag = NULL, "
              "last_modified = NULL WHERE id = :id"_s;
        bindings.append({ u":error"_s, check.error.left(2000) });
        break;
    }
    return db::transact(db, [&]() -> Result<void> {
        auto updated = db::exec(db, sql, bindings);
        if (!updated)
            return std::unexpected(DomainError(updated.error()));
        return {};
    });
}

} // namespace rentdesk::models::services
