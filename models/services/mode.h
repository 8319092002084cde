// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/services/domainerror.h"

namespace rentdesk::models::db {
class Database;
}

namespace rentdesk::models::services {

// Where a service runs, which decides who is the authority (DESIGN.md, "Two modes").
enum class Mode {
    Standalone, // desktop; the local database is the authority: accounts, mail, journal
    Connected, // desktop replica of a server account: journal only; the server sends mail
    Server, // rentdesk-server: the authority for its clients; sends mail, keeps no journal
};

// Only the authority queues mail and runs the time-driven step.
[[nodiscard]] constexpr bool isAuthority(Mode mode)
{
    return mode != Mode::Connected;
}

// The desktop journals every change so that it can be published to a server later.
[[nodiscard]] constexpr bool journals(Mode mode)
{
    return mode != Mode::Server;
}

// The mode a database file was created in (database_meta, fixed at creation): Standalone or
// Connected for a desktop, Server for rentdesk-server's. An unknown or unreadable value is an error, never a guess: a
// database taken for standalone by mistake would send mail and accept sign-ups as an
// authority.
[[nodiscard]] Result<Mode> storedMode(const db::Database &database);

// Makes a database rentdesk-server's (mode "server", which turns on the change feed of sync),
// entering the rows it already holds into the feed. A server's database from before sync says
// "standalone" and is converted once; a desktop's connected replica is refused.
[[nodiscard]] Result<void> claimForServer(const db::Database &database);

} // namespace rentdesk::models::services
