// SPDX-License-Identifier: GPL-3.0-or-later
#include "net/calendar/subscriptionrefresher.h"

#include "models/ical/icalendar.h"
#include "models/services/bookingservice.h"

#include <QLoggingCategory>

namespace rentdesk::net::calendar {

Q_LOGGING_CATEGORY(lcRefresher, "net.calendar.refresher")

using models::services::SubscriptionCheck;

SubscriptionRefresher::SubscriptionRefresher(const models::services::ServiceContext &context, QObject *parent)
    : QObject(parent)
    , m_context(context)
    , m_subscriptions(context)
{
    m_timer.setInterval(DefaultInterval);
    connect(&m_timer, &QTimer::timeout, this, &SubscriptionRefresher::refreshAll);
    connect(&m_fetcher, &CalendarFetcher::finished, this, &SubscriptionRefresher::onFetched);
}

SubscriptionRefresher::~SubscriptionRefresher() = default;

void SubscriptionRefresher::setInterval(std::chrono::milliseconds interval)
{
    m_timer.setInterval(interval);
}

void SubscriptionRefresher::start()
{
    m_timer.start();
    refreshAll();
}

void SubscriptionRefresher::stop()
{
    m_timer.stop();
}

void SubscriptionRefresher::refresh(const models::services::CalendarSubscription &subscription)
{
    enqueue({ subscription });
}

void SubscriptionRefresher::refreshAll()
{
    const auto all = m_subscriptions.all();
    if (!all) {
        qCWarning(lcRefresher) << "calendar subscriptions not read:" << all.error().message;
        return;
    }
    enqueue(*all);
}

void SubscriptionRefresher::refreshApartment(const QUuid &apartment)
{
    const auto all = m_subscriptions.all();
    if (!all) {
        qCWarning(lcRefresher) << "calendar subscriptions not read:" << all.error().message;
        return;
    }
    QList<models::services::CalendarSubscription> ones;
    for (const auto &subscription : *all) {
        if (subscription.apartment == apartment)
            ones.append(subscription);
    }
    enqueue(ones);
}

void SubscriptionRefresher::enqueue(const QList<models::services::CalendarSubscription> &subscriptions)
{
    for (const auto &subscription : subscriptions) {
        if (!m_queue.contains(subscription.id) && !(m_current && m_current->id == subscription.id))
            m_queue.append(subscription.id);
    }
    if (!m_current)
        next();
}

void SubscriptionRefresher::next()
{
    while (!m_current && !m_queue.isEmpty()) {
        // Read again when its turn comes: it may have been removed, or checked, meanwhile.
        auto subscription = m_subscriptions.subscription(m_queue.takeFirst());
        if (!subscription)
            continue;
        m_current = *subscription;
        m_fetcher.fetch(QUrl(m_current->url, QUrl::StrictMode), m_current->etag, m_current->lastModified);
    }
    if (!m_current)
        Q_EMIT idle();
}

void SubscriptionRefresher::onFetched(const CalendarFetch &fetch)
{
    if (!m_current)
        return;
    SubscriptionCheck check;
    switch (fetch.outcome) {
    case CalendarFetch::Outcome::Failed:
        check.error = fetch.message;
        finish(check, false);
        return;
    case CalendarFetch::Outcome::Unchanged:
        check.outcome = SubscriptionCheck::Outcome::Unchanged;
        finish(check, false);
        return;
    case CalendarFetch::Outcome::Fetched:
        break;
    }
    // Removed while it was fetched: its blocks went with it and must not come back.
    if (!m_subscriptions.subscription(m_current->id)) {
        m_current.reset();
        next();
        return;
    }
    const auto events = models::ical::parseCalendar(fetch.body, models::ical::importLimits(m_context.clock().today()));
    if (!events) {
        check.error = events.error().message; // names the line itself ("Line 12: …")
        finish(check, false);
        return;
    }
    const models::services::BookingService bookings(m_context);
    Q_EMIT importing(m_current->id);
    const auto imported = bookings.importBlocks(m_current->owner, m_current->apartment, m_current->url, *events);
    if (!imported) {
        check.error = imported.error().message;
        finish(check, false);
        return;
    }
    check.outcome = SubscriptionCheck::Outcome::Imported;
    check.etag = fetch.etag;
    check.lastModified = fetch.lastModified;
    check.events = int(events->size());
    finish(check, imported->added + imported->moved + imported->removed > 0);
}

void SubscriptionRefresher::finish(const SubscriptionCheck &check, bool blocksChanged)
{
    const QUuid id = m_current->id;
    m_current.reset();
    if (auto recorded = m_subscriptions.record(id, check); !recorded)
        qCWarning(lcRefresher) << "calendar check not recorded:" << recorded.error().message;
    Q_EMIT checked(id, blocksChanged);
    next();
}

} // namespace rentdesk::net::calendar
