// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/services/accountservice.h"
#include "models/services/bookingservice.h"
#include "models/services/calendarsubscriptionservice.h"
#include "models/services/clock.h"
#include "models/services/listingservice.h"
#include "models/services/photoservice.h"
#include "models/services/reviewservice.h"
#include "models/services/session.h"

#include <QString>

#include <memory>

namespace rentdesk::models::db {
class Database;
}
namespace rentdesk::net::calendar {
class SubscriptionRefresher;
}
namespace rentdesk::net::chat {
class ChatClient;
}
namespace rentdesk::net::connection {
class ServerConnection;
}
namespace rentdesk::net::mail {
class OutboxSender;
}
namespace rentdesk::net::secrets {
class SecretStore;
}
namespace rentdesk::net::sync {
class ReplicaSession;
}

namespace rentdesk::views {

// What the pages and dialogs of one window work with: the database (for item models and
// read queries), the services (for every change), the clock and who is signed in. Built
// once by the composition root; widgets receive it by reference and never create their own.
struct Workspace
{
    Workspace(std::shared_ptr<models::db::Database> database, const models::services::Clock &clock,
              models::services::Mode mode, models::services::Session &session)
        : Workspace(models::services::ServiceContext(std::move(database), clock, mode), session)
    {
    }
    // On a connected replica: its context, whose services journal each change for the push.
    Workspace(const models::services::ServiceContext &context, models::services::Session &session)
        : database(context.database())
        , clock(context.clock())
        , mode(context.mode())
        , session(session)
        , accounts(context)
        , listings(context)
        , bookings(context)
        , reviews(context)
        , subscriptions(context)
        , photos(context)
    {
    }

    std::shared_ptr<models::db::Database> database;
    const models::services::Clock &clock;
    models::services::Mode mode;
    models::services::Session &session;
    models::services::AccountService accounts;
    models::services::ListingService listings;
    models::services::BookingService bookings;
    models::services::ReviewService reviews;
    models::services::CalendarSubscriptionService subscriptions;
    models::services::PhotoService photos;
    // The demo accounts when this database holds demo data (the login dialog offers them),
    // else empty.
    struct DemoAccount
    {
        QString email;
        QString title; // "Landlord: Мария Иванова"
    };
    QList<DemoAccount> demoAccounts;
    QString demoPassword;
    // The outbox sender on the authority (standalone), else null: the status bar shows its
    // state, the Mail queue wakes it after a retry.
    net::mail::OutboxSender *mailSender = nullptr;
    // What reads the calendars the apartments follow, on the authority (standalone), else null:
    // the subscriptions dialog's Refresh now asks it.
    net::calendar::SubscriptionRefresher *calendarRefresher = nullptr;
    // Where the Settings dialog keeps the SMTP password (the keyring, or memory).
    net::secrets::SecretStore *secrets = nullptr;
    // The connection to rentdesk-server (its state and address for the status bar), and
    // chat on it; both null or both set (no chat panel without them).
    net::connection::ServerConnection *connection = nullptr;
    net::chat::ChatClient *chat = nullptr;
    // The connected replica this window works on and its sync (with the connection set), or
    // null on a standalone database.
    net::sync::ReplicaSession *replica = nullptr;
};

} // namespace rentdesk::views
