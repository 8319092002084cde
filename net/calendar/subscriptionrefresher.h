// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/services/calendarsubscriptionservice.h"
#include "net/calendar/calendarfetcher.h"

#include <QList>
#include <QObject>
#include <QTimer>
#include <QUuid>

#include <chrono>

namespace rentdesk::net::calendar {

// Keeps the blocks of the calendars that apartments follow up to date on the authority (a
// standalone desktop, or rentdesk-server for its replicas; docs/architecture.md, "Calendar
// subscriptions"): every subscription at
// start() and then every interval, one fetch at a time. A calendar read is parsed
// (ical::parseCalendar, today's import limits) and imported with the address as its source
// (BookingService::importBlocks, in the owner's name); a failure to fetch, a malformed file (its
// line) or a refused import (an event over a stay) is recorded as the subscription's last error
// and changes no block.
class SubscriptionRefresher final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SubscriptionRefresher)

public:
    static constexpr std::chrono::milliseconds DefaultInterval { std::chrono::hours(3) };

    explicit SubscriptionRefresher(const models::services::ServiceContext &context, QObject *parent = nullptr);
    ~SubscriptionRefresher() override;

    void setInterval(std::chrono::milliseconds interval);
    [[nodiscard]] CalendarFetcher &fetcher() { return m_fetcher; }

    // Refreshes everything now and then every interval; stop() ends the periodic checks (what is
    // queued is still checked).
    void start();
    void stop();
    // Queues every subscription (refreshAll) or one apartment's (the dialog's Refresh now);
    // one already queued or being fetched is not queued twice.
    void refreshAll();
    void refreshApartment(const QUuid &apartment);
    void refresh(const models::services::CalendarSubscription &subscription);
    [[nodiscard]] bool isBusy() const { return m_current.has_value() || !m_queue.isEmpty(); }

Q_SIGNALS:
    // One subscription was checked and its outcome recorded; blocksChanged when its import
    // changed blocks (so that the pages read them again).
    void checked(const QUuid &subscription, bool blocksChanged);
    // The queue is empty.
    void idle();
    // A calendar read is about to be imported (emitted directly before the import: the server
    // notes where its change feed stood, to poke whoever sees the blocks it changed).
    void importing(const QUuid &subscription);

private:
    void enqueue(const QList<models::services::CalendarSubscription> &subscriptions);
    void next();
    void onFetched(const CalendarFetch &fetch);
    void finish(const models::services::SubscriptionCheck &check, bool blocksChanged);

    models::services::ServiceContext m_context;
    models::services::CalendarSubscriptionService m_subscriptions;
    CalendarFetcher m_fetcher;
    QTimer m_timer;
    QList<QUuid> m_queue;
    std::optional<models::services::CalendarSubscription> m_current;
};

} // namespace rentdesk::net::calendar
