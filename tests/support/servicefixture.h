// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/services/accountservice.h"
#include "models/services/bookingservice.h"
#include "models/services/chatservice.h"
#include "models/services/listingservice.h"
#include "models/services/reviewservice.h"
#include "models/services/sessionservice.h"
#include "tests/support/testsupport.h"

#include <QStringList>

namespace rentdesk::test {

// A fresh database with the services on a test clock (10:00 UTC on 1 June 2026 unless
// moved), and quick ways to make the people, places and stays a test needs.
class ServiceFixture final
{
    // First, so that it exists before the services that are built on it.
    TempDatabase m_db;

public:
    explicit ServiceFixture(models::services::Mode mode = models::services::Mode::Standalone);
    Q_DISABLE_COPY_MOVE(ServiceFixture)

    [[nodiscard]] bool isValid() const { return m_db.isValid(); }
    [[nodiscard]] QString errorMessage() const { return m_db.errorMessage(); }
    [[nodiscard]] QSqlDatabase connection() const { return m_db.connection(); }
    [[nodiscard]] const TempDatabase &database() const { return m_db; }

    models::services::ManualClock clock;
    models::services::AccountService accounts;
    models::services::ListingService listings;
    models::services::BookingService bookings;
    models::services::ReviewService reviews;
    // Server mode only: built in any mode, so that their refusal in the others is tested.
    models::services::ChatService chat;
    models::services::SessionService sessions;

    [[nodiscard]] models::services::ServiceContext context(models::services::Mode mode) const;

    // A user inserted directly (no password: fast), with a readable e-mail from the name.
    QUuid addUser(models::domain::Role role, const QString &name);
    QUuid addLandlord(const QString &name = QStringLiteral("Lena Landlord"))
    {
        return addUser(models::domain::Role::Landlord, name);
    }
    QUuid addRenter(const QString &name = QStringLiteral("Roman Renter"))
    {
        return addUser(models::domain::Role::Renter, name);
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
