// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/domain/enums.h"
#include "models/services/domainerror.h"

#include <QDate>
#include <QString>

#include <functional>

class QSqlDatabase;

namespace rentdesk::models::db {
class Database;
}

namespace rentdesk::models::demo {

// Demo and benchmark data: one generator, deterministic for a seed and a date, at any
// scale. For N apartments it writes N/20 buildings, N/4 users (one landlord for about
// four and a half renters; every landlord owns a building), about 5N bookings in every
// status (past, current, future) and about 1.5N reviews of all three kinds, plus the two
// well-known demo accounts. Rows are written in bulk rather than through the services,
// but they satisfy every constraint and rule of the schema and of DESIGN.md: stays never
// overlap, statuses follow the dates (rule 4), reviews follow stays, and the stored
// rating sums and counts equal a recount.

struct DemoOptions
{
    quint64 seed = 2026;
    int apartments = 400;
    // The clock's date: past, current and future stays are placed relative to it, and every
    // timestamp lies before it. Required.
    QDate today;
    // Called on the generating thread after each building with the apartments written so far
    // and the total, and once more with done == total before the indexes are built (the last,
    // longest step, which cannot report). Returning false cancels: the transaction is rolled
    // back and nothing is written (isCancelled() tells that refusal apart).
    // (Given a default, so that brace-initialised options without it need not name it.)
    std::function<bool(int done, int total)> progress = {};
};

struct DemoSummary
{
    qint64 users = 0;
    qint64 buildings = 0;
    qint64 apartments = 0;
    qint64 bookings = 0;
    qint64 reviews = 0;
};

// One of the two well-known accounts that README.md lists.
struct DemoAccount
{
    QString email;
    QString displayName;
    domain::Role role;
    domain::Language language;
};

inline constexpr int maxDemoApartments = 10'000'000;

// The landlord owns three buildings (in Moscow, London and St Petersburg) with bookings
// and reviews; the renter has a stay behind them, one covering today, one ahead, a
// request waiting for the demo landlord, a declined and a cancelled booking, and reviews
// written and received.
[[nodiscard]] DemoAccount demoLandlord();
[[nodiscard]] DemoAccount demoRenter();
// The password of every demo user, and its Argon2id hash (computed once with libsodium's
// crypto_pwhash_str_alg, opslimit 2, memlimit 19 MiB), which all demo users share so that
// generating a million rows does not hash a password fifty thousand times.
[[nodiscard]] QString demoPassword();
[[nodiscard]] QString demoPasswordHash();

// True when the database holds any user, listing, booking, review, mail or journal entry.
[[nodiscard]] services::Result<bool> hasData(const QSqlDatabase &db);

// The e-mails of the demo accounts that exist in the database (landlord first), so that a
// sign-in dialog can offer them; empty on a database without demo data.
[[nodiscard]] services::Result<QStringList> presentDemoAccounts(const QSqlDatabase &db);
[[nodiscard]] services::Result<QStringList> presentDemoAccounts(const db::Database &database);

// Fills an empty database in one transaction and returns what it wrote. Refused, with
// nothing written: a database that already has data (Code::WrongState, entity
// "database"), options out of range (Code::InvalidValue, field "apartments" or "today").
// A database failure rolls everything back (Code::Storage or the constraint's code).
[[nodiscard]] services::Result<DemoSummary> generateDemoData(const QSqlDatabase &db, const DemoOptions &options);
// The same on the calling thread's connection to database.
[[nodiscard]] services::Result<DemoSummary> generateDemoData(const db::Database &database, const DemoOptions &options);
[[nodiscard]] services::Result<bool> hasData(const db::Database &database);

// True for the refusal of a generation that DemoOptions::progress cancelled.
[[nodiscard]] bool isCancelled(const services::DomainError &error);

} // namespace rentdesk::models::demo
