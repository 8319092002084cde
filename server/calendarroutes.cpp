// SPDX-License-Identifier: GPL-3.0-or-later
//
// The calendar requests of docs/protocol.md: calendar.feed and calendar.feed.renew, the secret
// address at which CalendarFeedServer publishes an apartment's calendar; and calendar.subscribe
// and the rest, other sites' calendars that an apartment follows, which this server fetches
// (SubscriptionRefresher) and imports as blocks. The rules (only the owner, one token per
// apartment, what an address may be) are the services'; this reads the requests, calls them and
// answers, adds the server's own limits (public addresses only unless the operator said
// otherwise, calendars per apartment, refreshes per minute) and pokes whoever sees the blocks.
#include "models/domain/storedvalues.h"
#include "models/services/calendarfeedservice.h"
#include "models/services/calendarsubscriptionservice.h"
#include "net/protocol/message.h"
#include "server/calendarfeedserver.h"
#include "server/clientconnection.h"
#include "server/router.h"
#include "server/wireformat.h"

#include <QJsonArray>
#include <QLoggingCategory>

namespace rentdesk::server {

using namespace Qt::StringLiterals;
using net::protocol::Error;
using net::protocol::ErrorCode;

Q_LOGGING_CATEGORY(lcCalendar, "rentdesk.server.calendar", QtInfoMsg)

namespace {

using models::services::CalendarSubscription;

QJsonValue timeOrNull(const QDateTime &time)
{
    return time.isValid() ? QJsonValue(models::domain::toStoredTimestamp(time)) : QJsonValue(QJsonValue::Null);
}

// A subscription as the owner sees it; the validators (ETag, Last-Modified) stay on the server.
QJsonObject subscriptionJson(const CalendarSubscription &s)
{
    return { { u"id"_s, models::domain::toStoredId(s.id) },
             { u"apartmentId"_s, models::domain::toStoredId(s.apartment) },
             { u"url"_s, s.url },
             { u"createdAt"_s, timeOrNull(s.createdAt) },
             { u"lastCheckedAt"_s, timeOrNull(s.lastCheckedAt) },
             { u"lastSuccessAt"_s, timeOrNull(s.lastSuccessAt) },
             { u"lastError"_s, s.lastError.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(s.lastError) },
             { u"events"_s, s.events } };
}

} // namespace

void Router::setCalendarFeedBase(const QUrl &base)
{
    m_feedBase = base;
}

void Router::calendarFeed(ClientConnection &c, const net::protocol::Request &r, const Done &done)
{
    calendarFeedAddress(c, r, done, false);
}

void Router::calendarFeedRenew(ClientConnection &c, const net::protocol::Request &r, const Done &done)
{
    calendarFeedAddress(c, r, done, true);
}

void Router::calendarFeedAddress(ClientConnection &c, const net::protocol::Request &r, const Done &done, bool renew)
{
    const auto apartment = net::protocol::requireUuid(r.body, u"apartmentId");
    if (!apartment) {
        done(net::protocol::errorReply(r.id, apartment.error()));
        return;
    }
    if (m_feedBase.isEmpty()) {
        done(net::protocol::errorReply(
            r.id,
            Error::make(ErrorCode::FeedsOff,
                        u"This server does not publish calendars; its operator can turn that on with "
                        "--feed-listen."_s)));
        return;
    }
    // One indexed read and at most one write, on the event loop's thread like chat's requests.
    const models::services::CalendarFeedService feeds(
        models::services::ServiceContext(m_database, m_clock, models::services::Mode::Server));
    const auto token = renew ? feeds.renew(*c.user(), *apartment) : feeds.token(*c.user(), *apartment);
    if (!token) {
        done(refusal(r.id, token.error()));
        return;
    }
    if (renew)
        qCInfo(lcCalendar) << "calendar address of" << *apartment << "renewed by" << *c.user();
    done(net::protocol::reply(
        r.id,
        { { u"apartmentId"_s, models::domain::toStoredId(*apartment) },
          { u"url"_s, CalendarFeedServer::calendarUrl(m_feedBase, *token).toString(QUrl::FullyEncoded) } }));
}

void Router::startCalendarRefresher()
{
    const models::services::ServiceContext context(m_database, m_clock, models::services::Mode::Server);
    m_calendars = std::make_unique<net::calendar::SubscriptionRefresher>(context);
    m_calendars->setInterval(std::chrono::seconds(m_config.calendarIntervalSeconds));
    // A user must not make the server fetch from its own networks, unless its operator allows it.
    m_calendars->fetcher().setAddressPolicy(m_config.calendarFetchPrivate
                                                ? net::calendar::CalendarFetcher::AddressPolicy::AnyAddress
                                                : net::calendar::CalendarFetcher::AddressPolicy::PublicOnly);
    connect(m_calendars.get(), &net::calendar::SubscriptionRefresher::importing, this,
            [this] { m_calendarSeqBefore = m_sync.lastSeq().value_or(0); });
    connect(m_calendars.get(), &net::calendar::SubscriptionRefresher::checked, this, &Router::calendarChecked);
}

void Router::startCalendarChecks()
{
    qCInfo(lcCalendar) << "checking followed calendars every" << m_config.calendarIntervalSeconds << "s"
                       << (m_config.calendarFetchPrivate ? "(private addresses allowed)" : "");
    m_calendars->start();
}

void Router::stopCalendarChecks()
{
    m_calendars->stop();
}

void Router::calendarChecked(const QUuid &id, bool blocksChanged)
{
    if (blocksChanged) {
        // The import declined the requests over new blocks and queued their renters' mail.
        emit mailQueued();
        pokeChanges(m_calendarSeqBefore, m_sync.lastSeq().value_or(m_calendarSeqBefore));
    }
    const auto checked = calendarSubscriptionService().subscription(id);
    if (!checked)
        return; // removed meanwhile
    if (!checked->lastError.isEmpty())
        qCInfo(lcCalendar) << "calendar" << id << "of" << checked->apartment << "not read:" << checked->lastError;
    // The owner's dialogs read the list again.
    pushTo(checked->owner,
           net::protocol::push(u"calendar.checked"_s,
                               { { u"apartmentId"_s, models::domain::toStoredId(checked->apartment) },
                                 { u"subscription"_s, subscriptionJson(*checked) } }));
}

models::services::CalendarSubscriptionService Router::calendarSubscriptionService() const
{
    return models::services::CalendarSubscriptionService(
        models::services::ServiceContext(m_database, m_clock, models::services::Mode::Server));
}

std::optional<Router::OwnedCalendars> Router::ownedCalendars(const ClientConnection &c, const net::protocol::Request &r,
                                                             const Done &done) const
{
    const auto apartment = net::protocol::requireUuid(r.body, u"apartmentId");
    if (!apartment) {
        done(net::protocol::errorReply(r.id, apartment.error()));
        return std::nullopt;
    }
    auto list = calendarSubscriptionService().list(*c.user(), *apartment);
    if (!list) {
        done(refusal(r.id, list.error()));
        return std::nullopt;
    }
    return OwnedCalendars { *apartment, std::move(*list) };
}

void Router::calendarSubscriptions(ClientConnection &c, const net::protocol::Request &r, const Done &done)
{
    const auto owned = ownedCalendars(c, r, done);
    if (!owned)
        return;
    QJsonArray items;
    for (const CalendarSubscription &s : owned->subscriptions)
        items.append(subscriptionJson(s));
    done(net::protocol::reply(
        r.id, { { u"apartmentId"_s, models::domain::toStoredId(owned->apartment) }, { u"subscriptions"_s, items } }));
}

void Router::calendarSubscribe(ClientConnection &c, const net::protocol::Request &r, const Done &done)
{
    // The owner first: someone else learns nothing about the address.
    const auto owned = ownedCalendars(c, r, done);
    if (!owned)
        return;
    // Longer than the service's limit, so that the service's sentence says what is wrong.
    const auto url = net::protocol::requireString(
        r.body, u"url", models::services::CalendarSubscriptionService::MaximumUrlLength + 100);
    if (!url) {
        done(net::protocol::errorReply(r.id, url.error()));
        return;
    }
    if (owned->subscriptions.size() >= MaxSubscriptionsPerApartment) {
        done(refusal(
            r.id,
            models::services::DomainError(
                models::services::DomainError::Code::InvalidValue, u"subscription"_s, u"url"_s,
                u"An apartment follows at most %1 calendars; remove one first."_s.arg(MaxSubscriptionsPerApartment))));
        return;
    }
    // An address written out is judged now; a name when it is resolved, at each fetch.
    if (const auto checked = models::services::CalendarSubscriptionService::checkedUrl(*url);
        checked && !m_config.calendarFetchPrivate) {
        const QString refused = net::calendar::CalendarFetcher::literalAddressRefusal(QUrl(*checked));
        if (!refused.isEmpty()) {
            done(refusal(r.id,
                         models::services::DomainError(models::services::DomainError::Code::InvalidValue,
                                                       u"subscription"_s, u"url"_s, refused)));
            return;
        }
    }
    const auto added = calendarSubscriptionService().add(*c.user(), owned->apartment, *url);
    if (!added) {
        done(refusal(r.id, added.error()));
        return;
    }
    qCInfo(lcCalendar) << "apartment" << owned->apartment << "follows calendar" << added->id << "of"
                       << QUrl(added->url).host();
    done(net::protocol::reply(r.id, { { u"subscription"_s, subscriptionJson(*added) } }));
    // Read now, not in three hours; the outcome comes as calendar.checked.
    m_calendars->refresh(*added);
}

void Router::calendarUnsubscribe(ClientConnection &c, const net::protocol::Request &r, const Done &done)
{
    const auto id = net::protocol::requireUuid(r.body, u"subscriptionId");
    if (!id) {
        done(net::protocol::errorReply(r.id, id.error()));
        return;
    }
    const qint64 before = m_sync.lastSeq().value_or(0);
    // Its blocks go with it, in the same transaction; the feed carries their removal.
    const auto removed = calendarSubscriptionService().remove(*c.user(), *id);
    if (!removed) {
        done(refusal(r.id, removed.error()));
        return;
    }
    done(net::protocol::reply(r.id, { { u"subscriptionId"_s, models::domain::toStoredId(*id) } }));
    pokeChanges(before, m_sync.lastSeq().value_or(before));
}

void Router::calendarRefresh(ClientConnection &c, const net::protocol::Request &r, const Done &done)
{
    const auto owned = ownedCalendars(c, r, done);
    if (!owned)
        return;
    const QString key = models::domain::toStoredId(owned->apartment);
    if (const auto place = m_apartmentRefreshes.begin(key); !place) {
        done(rateLimited(r.id, u"This apartment's calendars were asked for less than a minute ago."_s, place.error()));
        return;
    }
    m_apartmentRefreshes.end(key, RateLimiter::Outcome::Counted);
    for (const CalendarSubscription &s : owned->subscriptions)
        m_calendars->refresh(s);
    done(net::protocol::reply(r.id, { { u"apartmentId"_s, key }, { u"queued"_s, int(owned->subscriptions.size()) } }));
}

} // namespace rentdesk::server
