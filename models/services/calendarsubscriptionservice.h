// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/services/servicecontext.h"

#include <QDateTime>
#include <QList>
#include <QString>
#include <QUuid>

namespace rentdesk::models::services {

// One other booking site's calendar (an http or https address of an .ics file) that an
// apartment follows, and what its last check gave.
struct CalendarSubscription
{
    QUuid id;
    QUuid apartment;
    QUuid owner; // the apartment's owner, in whose name its blocks are made
    QString url;
    QDateTime createdAt;
    QDateTime lastCheckedAt; // invalid until the first check
    QDateTime lastSuccessAt; // invalid until a check succeeded
    QString lastError; // why the last check failed, for a person; empty after a success
    QString etag; // validators of the last calendar read, sent with the next fetch
    QString lastModified;
    int events = 0; // events of the calendar at its last successful read
};

// What one check of a subscription came to (SubscriptionRefresher): the calendar read and
// imported, the same as last time (HTTP 304), or a failure with its reason.
struct SubscriptionCheck
{
    enum class Outcome { Imported, Unchanged, Failed };
    Outcome outcome = Outcome::Failed;
    QString error; // Failed: a sentence for the owner (the line of a malformed file, the HTTP status)
    QString etag; // Imported: the answer's validators
    QString lastModified;
    int events = 0; // Imported: the calendar's events
};

// The calendars the apartments follow (issue 14; docs/architecture.md, "Calendar
// subscriptions"): the owner adds and removes addresses, and the refresher records each
// check. Fetching is not done here (no sockets in models/): net::calendar::SubscriptionRefresher
// fetches and imports through BookingService::importBlocks, with the address as the source.
// On the authority only: a standalone desktop, or rentdesk-server for its connected replicas
// (whose blocks come from the server, which is asked over the protocol: calendar.subscriptions).
class CalendarSubscriptionService final
{
public:
    explicit CalendarSubscriptionService(ServiceContext context);

    static constexpr int MaximumUrlLength = 500;

    // The owner subscribes the apartment to a calendar's address: http or https, with a host,
    // no user name or password, at most MaximumUrlLength characters, not followed already.
    // Refused with field "url" and a sentence when the address is not acceptable.
    [[nodiscard]] Result<CalendarSubscription> add(const QUuid &actor, const QUuid &apartment,
                                                   const QString &url) const;
    // The apartment's subscriptions, oldest first; the owner's alone (an address may be secret).
    [[nodiscard]] Result<QList<CalendarSubscription>> list(const QUuid &actor, const QUuid &apartment) const;
    // The owner ends a subscription: its blocks are removed with it, in one transaction.
    [[nodiscard]] Result<void> remove(const QUuid &actor, const QUuid &subscription) const;

    // For the refresher: every subscription of the database, oldest first, and one by id.
    [[nodiscard]] Result<QList<CalendarSubscription>> all() const;
    [[nodiscard]] Result<CalendarSubscription> subscription(const QUuid &id) const;
    // Stores a check's outcome and time. A failure forgets the validators, so that the next
    // check reads the calendar again rather than being told it did not change.
    [[nodiscard]] Result<void> record(const QUuid &subscription, const SubscriptionCheck &check) const;

    // An address as add() accepts it (trimmed), or why not (field "url").
    [[nodiscard]] static Result<QString> checkedUrl(const QString &url);

private:
    [[nodiscard]] Result<void> allowed() const;
    [[nodiscard]] Result<QList<CalendarSubscription>> select(const QString &where, const QString &key) const;

    ServiceContext m_context;
};

} // namespace rentdesk::models::services
