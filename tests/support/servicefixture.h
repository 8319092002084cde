// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "services/accountservice.h"
#include "services/bookingservice.h"
#include "services/chatservice.h"
#include "services/listingservice.h"
#include "services/reviewservice.h"
#include "services/sessionservice.h"
#include "testsupport.h"

#include <QStringList>

namespace rentdesk::test {

// A fresh database with the services on a test clock (10:00 UTC on 1 June 2026 unless
// moved), and quick ways to make the people, places and stays a test needs.
class ServiceFixture final
{
    // First, so that it exists before the services that are built on it.
    TempDatabase m_db;

public:
    explicit ServiceFixture(services::Mode mode = services::Mode::Standalone);
    Q_DISABLE_COPY_MOVE(ServiceFixture)

    [[nodiscard]] bool isValid() const { return m_db.isValid(); }
    [[nodiscard]] QString errorMessage() const { return m_db.errorMessage(); }
    [[nodiscard]] QSqlDatabase connection() const { return m_db.connection(); }
    [[nodiscard]] const TempDatabase &database() const { return m_db; }

    services::ManualClock clock;
    services::AccountService accounts;
    services::ListingService listings;
    services::BookingService bookings;
    services::ReviewService reviews;
    // Server mode only: built in any mode, so that their refusal in the others is tested.
    services::ChatService chat;
    services::SessionService sessions;

    [[nodiscard]] services::ServiceContext context(services::Mode mode) const;

    // A user inserted directly (no password: fast), with a readable e-mail from the name.
    QUuid addUser(domain::Role role, const QString &name);
    QUuid addLandlord(const QString &name = QStringLiteral("Lena Landlord"))
    {
        return addUser(domain::Role::Landlord, name);
    }
    QUuid addRenter(const QString &name = QStringLiteral("Roman Renter"))
    {
        return addUser(domain::Role::Renter, name);
    }
    // The e-mail address addUser() gave a user.
    [[nodiscard]] QString emailOf(const QUuid &user) const;

    // Through the services, so the rules apply; fails the test's expectations if refused.
    QUuid addBuilding(const QUuid &owner, const QString &name = QStringLiteral("Riverside House"));
    QUuid addApartment(const QUuid &owner, const QUuid &building, const QString &number = QStringLiteral("1"),
                       qint64 monthlyPrice = 3000000);
    // A confirmed stay, requested by the renter and confirmed by the owner.
    QUuid addStay(const QUuid &renter, const QUuid &owner, const QUuid &apartment, QDate start, QDate end);

    [[nodiscard]] qint64 count(const QString &table) const;
    [[nodiscard]] QStringList dump() const { return dumpDatabase(connection()); }
    // Runs one statement on the test's connection (setting up or injecting failures).
    bool run(const QString &sql) const;
    [[nodiscard]] QString lastFailure() const { return m_lastFailure; }

private:
    int m_users = 0;
    mutable QString m_lastFailure;
};

// Whether a message reads like SQL or driver text rather than a sentence for people.
[[nodiscard]] bool looksLikeSql(const QString &message);

} // namespace rentdesk::test
