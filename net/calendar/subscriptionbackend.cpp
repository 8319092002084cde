// SPDX-License-Identifier: GPL-3.0-or-later
#include "net/calendar/subscriptionbackend.h"

#include "models/domain/storedvalues.h"
#include "net/calendar/subscriptionrefresher.h"

#include <QJsonArray>

namespace rentdesk::net::calendar {

using namespace Qt::StringLiterals;
using models::services::CalendarSubscription;

namespace {

SubscriptionProblem problemOf(const models::services::DomainError &error)
{
    return { error.message, error.field == u"url" };
}

// The server's refusal as a sentence: its own for what it alone knows (the address, the
// apartment), this build's for what happened on the way.
SubscriptionProblem problemOf(const connection::Failure &failure)
{
    switch (failure.kind) {
    case connection::Failure::Kind::Refused:
        if (failure.error.code == u"rate_limited") {
            return { SubscriptionBackend::tr("The calendars were asked for less than a minute ago; try again in "
                                             "%n second(s).",
                                             nullptr, failure.error.retryAfter.value_or(60)),
                     false };
        }
        return { failure.error.message, failure.error.field == u"url" };
    case connection::Failure::Kind::ConnectionLost:
        return { SubscriptionBackend::tr("The connection to the server was lost before it answered; try again."),
                 false };
    case connection::Failure::Kind::NotSent:
        break;
    }
    return { SubscriptionBackend::tr("Not connected to the server: the calendars this apartment follows are kept "
                                     "there."),
             false };
}

QDateTime timeOf(const QJsonValue &value)
{
    if (!value.isString())
        return {};
    const auto time = models::domain::timestampFromStored(value.toString());
    return time ? *time : QDateTime();
}

} // namespace

LocalSubscriptions::LocalSubscriptions(const models::services::CalendarSubscriptionService &service,
                                       SubscriptionRefresher *refresher, const QUuid &actor, QObject *parent)
    : SubscriptionBackend(parent)
    , m_service(service)
    , m_refresher(refresher)
    , m_actor(actor)
{
    if (m_refresher) {
        connect(m_refresher, &SubscriptionRefresher::checked, this, [this](const QUuid &id, bool changed) {
            const auto found = m_service.subscription(id);
            if (found)
                Q_EMIT checked(found->apartment, changed);
        });
        connect(m_refresher, &SubscriptionRefresher::idle, this, &SubscriptionBackend::idle);
    }
}

LocalSubscriptions::~LocalSubscriptions() = default;

void LocalSubscriptions::list(const QUuid &apartment, QObject *, ListHandler handler)
{
    const auto listed = m_service.list(m_actor, apartment);
    if (!listed)
        handler(std::unexpected(problemOf(listed.error())));
    else
        handler(*listed);
}

void LocalSubscriptions::add(const QUuid &apartment, const QString &url, QObject *, DoneHandler handler)
{
    const auto added = m_service.add(m_actor, apartment, url);
    if (!added) {
        handler(std::unexpected(problemOf(added.error())));
        return;
    }
    handler({});
}

void LocalSubscriptions::remove(const QUuid &subscription, QObject *, DoneHandler handler)
{
    const auto removed = m_service.remove(m_actor, subscription);
    if (!removed) {
        handler(std::unexpected(problemOf(removed.error())));
        return;
    }
    handler({});
}

void LocalSubscriptions::refresh(const QUuid &apartment, QObject *, DoneHandler handler)
{
    if (m_refresher)
        m_refresher->refreshApartment(apartment);
    handler({});
}

ServerSubscriptions::ServerSubscriptions(connection::ServerConnection &connection, QObject *parent)
    : SubscriptionBackend(parent)
    , m_connection(connection)
{
    connect(&m_connection, &connection::ServerConnection::stateChanged, this,
            &SubscriptionBackend::availabilityChanged);
    m_connection.subscribe(u"calendar.checked"_s, this, [this](const QJsonObject &body) {
        const QUuid apartment(body.value(u"apartmentId"_s).toString());
        if (!apartment.isNull())
            Q_EMIT checked(apartment, false);
    });
}

ServerSubscriptions::~ServerSubscriptions() = default;

bool ServerSubscriptions::isAvailable() const
{
    return m_connection.state() == connection::ServerConnection::State::Online;
}

std::optional<CalendarSubscription> ServerSubscriptions::fromJson(const QJsonObject &object)
{
    CalendarSubscription s;
    s.id = QUuid(object.value(u"id"_s).toString());
    s.apartment = QUuid(object.value(u"apartmentId"_s).toString());
    s.url = object.value(u"url"_s).toString();
    if (s.id.isNull() || s.apartment.isNull() || s.url.isEmpty())
        return std::nullopt;
    s.createdAt = timeOf(object.value(u"createdAt"_s));
    s.lastCheckedAt = timeOf(object.value(u"lastCheckedAt"_s));
    s.lastSuccessAt = timeOf(object.value(u"lastSuccessAt"_s));
    s.lastError = object.value(u"lastError"_s).toString();
    s.events = object.value(u"events"_s).toInt();
    return s;
}

void ServerSubscriptions::list(const QUuid &apartment, QObject *context, ListHandler handler)
{
    m_connection.request(u"calendar.subscriptions"_s,
                         { { u"apartmentId"_s, apartment.toString(QUuid::WithoutBraces) } }, context,
                         [handler = std::move(handler)](const connection::Reply &reply) {
                             if (!reply) {
                                 handler(std::unexpected(problemOf(reply.error())));
                                 return;
                             }
                             QList<CalendarSubscription> result;
                             for (const QJsonValue &value : reply->value(u"subscriptions"_s).toArray()) {
                                 if (auto s = fromJson(value.toObject()))
                                     result.append(*s);
                             }
                             handler(result);
                         });
}

void ServerSubscriptions::add(const QUuid &apartment, const QString &url, QObject *context, DoneHandler handler)
{
    ask(u"calendar.subscribe"_s, { { u"apartmentId"_s, apartment.toString(QUuid::WithoutBraces) }, { u"url"_s, url } },
        context, std::move(handler));
}

void ServerSubscriptions::remove(const QUuid &subscription, QObject *context, DoneHandler handler)
{
    ask(u"calendar.unsubscribe"_s, { { u"subscriptionId"_s, subscription.toString(QUuid::WithoutBraces) } }, context,
        std::move(handler));
}

void ServerSubscriptions::refresh(const QUuid &apartment, QObject *context, DoneHandler handler)
{
    ask(u"calendar.refresh"_s, { { u"apartmentId"_s, apartment.toString(QUuid::WithoutBraces) } }, context,
        std::move(handler));
}

void ServerSubscriptions::ask(const QString &type, const QJsonObject &body, QObject *context, DoneHandler handler)
{
    m_connection.request(type, body, context, [handler = std::move(handler)](const connection::Reply &reply) {
        if (!reply)
            handler(std::unexpected(problemOf(reply.error())));
        else
            handler({});
    });
}

} // namespace rentdesk::net::calendar
