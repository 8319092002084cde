// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/domain/entities.h"
#include "models/domain/enums.h"
#include "models/query/bookingquery.h"
#include "models/query/reviewquery.h"
#include "models/services/domainerror.h"

#include <QList>
#include <QString>
#include <QUuid>

#include <memory>

namespace rentdesk::models::db {
class Database;
}

namespace rentdesk::models::query {

// The detail pane beside the apartments table.
struct ApartmentDetails
{
    domain::Apartment apartment;
    domain::Building building;
    QString ownerName;
    domain::Rating ownerRating;
    QList<ReviewRow> reviews; // of the apartment, latest first, at most DetailsQuery::ListLimit
    // What the viewer may see: its owner all of the apartment's bookings, a renter only
    // their own; latest start first, at most DetailsQuery::ListLimit.
    QList<BookingRow> bookings;
};

// The detail pane of a person: what anyone may know about them (no e-mail, phone or
// password hash).
struct UserDetails
{
    QUuid id;
    QString displayName;
    domain::Role role = domain::Role::Renter;
    domain::Rating rating;
    QList<ReviewRow> reviewsAbout; // latest first, at most DetailsQuery::ListLimit
};

// The detail pane beside the buildings table.
struct BuildingDetails
{
    domain::Building building;
    QString ownerName;
    int apartments = 0;
    int freeApartments = 0; // whose status is free
};

// Reads what a detail pane and the status bar show, read-only. Each answer is read in one
// snapshot, so its parts agree with each other. Each call uses the calling thread's
// connection; the object may be shared by threads.
class DetailsQuery final
{
public:
    // The most reviews or bookings a pane lists.
    static constexpr int ListLimit = 20;

    explicit DetailsQuery(std::shared_ptr<db::Database> database);

    // A missing or unknown viewer is NotAllowed; a missing apartment NotFound.
    [[nodiscard]] services::Result<ApartmentDetails> apartment(const QUuid &viewer, const QUuid &id) const;
    // Never the password hash or the e-mail. A missing user is NotFound.
    [[nodiscard]] services::Result<UserDetails> user(const QUuid &id) const;
    // A missing building is NotFound.
    [[nodiscard]] services::Result<BuildingDetails> building(const QUuid &id) const;

    // Whom the viewer writes to about an apartment (its owner) or a booking (its renter for
    // the owner, its owner for the renter), and a title for what it is about: the one place
    // another person's e-mail is read, since chat finds the server account by it. The viewer
    // must be signed in and, for a booking, one of its two people (else NotAllowed); one's
    // own apartment has nobody to write to (NotAllowed). A missing row is NotFound.
    struct ChatContact
    {
        QString email;
        QString displayName;
        QString title; // "Apartment 12, Nevsky 5", with the dates for a booking
    };
    [[nodiscard]] services::Result<ChatContact> chatContact(const QUuid &viewer, domain::AboutKind kind,
                                                            const QUuid &id) const;

    // Counts for the status bar: rows in pending_mutations, and mail_outbox rows by status
    // (queued = not yet sent, failed = stopped).
    struct Pending
    {
        qint64 mutations = 0;
        qint64 queuedMails = 0;
        qint64 failedMails = 0;
    };
    [[nodiscard]] services::Result<Pending> pending() const;

private:
    std::shared_ptr<db::Database> m_database;
    BookingQuery m_bookings;
    ReviewQuery m_reviews;
};

} // namespace rentdesk::models::query
