// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "services/accountservice.h"
#include "services/bookingservice.h"
#include "services/clock.h"
#include "services/listingservice.h"
#include "services/reviewservice.h"
#include "services/session.h"

#include <QString>

#include <memory>

namespace rentdesk::db {
class Database;
}
namespace rentdesk::chat {
class ChatClient;
}
namespace rentdesk::mail {
class OutboxSender;
class SecretStore;
}

namespace rentdesk::views {

// What the pages and dialogs of one window work with: the database (for item models and
// read queries), the services (for every change), the clock and who is signed in. Built
// once by the composition root; widgets receive it by reference and never create their own.
struct Workspace
{
    Workspace(std::shared_ptr<db::Database> database, const services::Clock &clock, services::Mode mode,
              services::Session &session)
        : database(database)
        , clock(clock)
        , mode(mode)
        , session(session)
        , accounts(services::ServiceContext(database, clock, mode))
        , listings(services::ServiceContext(database, clock, mode))
        , bookings(services::ServiceContext(database, clock, mode))
        , reviews(services::ServiceContext(database, clock, mode))
    {
    }

    std::shared_ptr<db::Database> database;
    const services::Clock &clock;
    services::Mode mode;
    services::Session &session;
    services::AccountService accounts;
    services::ListingService listings;
    services::BookingService bookings;
    services::ReviewService reviews;
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
    mail::OutboxSender *mailSender = nullptr;
    // Where the Settings dialog keeps the SMTP password (the keyring, or memory).
    mail::SecretStore *secrets = nullptr;
    // The connection to rentdesk-server for chat, or null (no chat panel).
    chat::ChatClient *chat = nullptr;
};

} // namespace rentdesk::views
