// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/domain/entities.h"
#include "models/services/servicecontext.h"

#include <QJsonObject>

#include <optional>

namespace rentdesk::models::services {

// Buildings and apartments (DESIGN.md rule 1): only landlords create them, only the owner
// edits or deletes them; a building with apartments, or an apartment with requested or
// confirmed stays, is not deleted. Every change is journaled in its own transaction.
class ListingService final
{
public:
    explicit ListingService(ServiceContext context);

    struct BuildingDraft
    {
        QString name;
        QString address;
        QString city;
        int floors = 1;
        std::optional<int> yearBuilt;
    };

    struct ApartmentDraft
    {
        QUuid buildingId;
        QString number;
        int floor = 1;
        int rooms = 1;
        double areaSqm = 0;
        domain::Money monthlyPrice;
        bool furnished = false;
        bool petsAllowed = false;
        QString description;
    };

    // A create takes the id to give the new row, or makes one when it is null: a mutation
    // replayed from a desktop keeps the id the desktop gave it (sync).
    [[nodiscard]] Result<domain::Building> createBuilding(const QUuid &actor, const BuildingDraft &draft,
                                                          const QUuid &id = {}) const;
    [[nodiscard]] Result<domain::Building> updateBuilding(const QUuid &actor, const QUuid &id,
                                                          const BuildingDraft &draft) const;
    [[nodiscard]] Result<void> deleteBuilding(const QUuid &actor, const QUuid &id) const;

    [[nodiscard]] Result<domain::Apartment> createApartment(const QUuid &actor, const ApartmentDraft &draft,
                                                            const QUuid &id = {}) const;
    // The apartment may move to another of its owner's buildings.
    [[nodiscard]] Result<domain::Apartment> updateApartment(const QUuid &actor, const QUuid &id,
                                                            const ApartmentDraft &draft) const;
    [[nodiscard]] Result<void> deleteApartment(const QUuid &actor, const QUuid &id) const;

    // The owner sets the status by hand (rented outside RentDesk, say); time then leaves it
    // alone. std::nullopt hands it back to the bookings (rule 4).
    [[nodiscard]] Result<domain::Apartment> setApartmentStatus(const QUuid &actor, const QUuid &id,
                                                               std::optional<domain::ApartmentStatus> status) const;

    [[nodiscard]] Result<domain::Building> building(const QUuid &id) const;
    [[nodiscard]] Result<domain::Apartment> apartment(const QUuid &id) const;

private:
    ServiceContext m_context;
};

// The arguments of a building's or an apartment's mutation, without its id (docs/protocol.md,
// "Mutations"), as the journal records them.
[[nodiscard]] QJsonObject mutationArgs(const ListingService::BuildingDraft &draft);
[[nodiscard]] QJsonObject mutationArgs(const ListingService::ApartmentDraft &draft);

} // namespace rentdesk::models::services
