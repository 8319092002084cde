// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/services/bookingservice.h"
#include "models/services/listingservice.h"
#include "models/services/photoservice.h"
#include "models/services/reviewservice.h"

#include <QJsonObject>
#include <QStringList>
#include <QUuid>

#include <optional>

namespace rentdesk::models::sync {

// One change a person made, as the journal records it and sync.push carries it: a name
// (createBuilding, requestBooking, ...) and its arguments, numbered by the replica that made
// it (docs/protocol.md, "Mutations").
struct Mutation
{
    qint64 id = 0;
    QString name;
    QJsonObject args;
};

// Every mutation name, in the journal's order (pending_mutations_name_known).
[[nodiscard]] const QStringList &mutationNames();

// Runs a mutation through its service, exactly as the desktop action that journaled it: the
// server applies a desktop's mutations with it, and a replica runs its pending ones again
// after the server's rows (the rebase). Who acts is the caller's to say (the server's session,
// the replica's account), never the arguments'. Arguments are read strictly: a missing or
// mistyped one is InvalidValue naming it, before any service is called.
class MutationApplier final
{
public:
    explicit MutationApplier(const services::ServiceContext &context);

    [[nodiscard]] services::Result<void> apply(const QUuid &actor, const QString &name, const QJsonObject &args) const;

    // The values of a building's or an apartment's mutation (create or update), read as
    // apply() reads them: for an editor that shows a refused change again.
    [[nodiscard]] static services::Result<services::ListingService::BuildingDraft>
    buildingDraft(const QJsonObject &args);
    [[nodiscard]] static services::Result<services::ListingService::ApartmentDraft>
    apartmentDraft(const QJsonObject &args);

    // The id of the row a mutation creates (createBuilding, createApartment, requestBooking,
    // createReview), if it is one that creates.
    [[nodiscard]] static std::optional<QUuid> createdId(const QString &name, const QJsonObject &args);
    // The ids of rows a mutation needs to exist: what it changes or deletes, and the building,
    // apartment or person it names.
    [[nodiscard]] static QList<QUuid> neededIds(const QString &name, const QJsonObject &args);

private:
    services::ListingService m_listings;
    services::BookingService m_bookings;
    services::ReviewService m_reviews;
    services::PhotoService m_photos;
};

} // namespace rentdesk::models::sync
