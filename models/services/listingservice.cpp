// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/services/listingservice.h"

#include "models/db/query.h"
#include "models/db/transaction.h"
#include "models/domain/storedvalues.h"
#include "models/services/occupancy.h"
#include "models/services/records.h"
#include "models/services/servicesteps.h"

#include <QCoreApplication>
#include <QJsonObject>
#include <QRegularExpression>

#include <cmath>

namespace rentdesk::models::services {

using namespace Qt::StringLiterals;
using namespace rentdesk::models::domain;
using Code = DomainError::Code;

namespace {

QVariant nullText()
{
    return QVariant(QMetaType::fromType<QString>());
}

DomainError invalid(const char *entity, const char *field, const QString &message)
{
    return DomainError(Code::InvalidValue, QString::fromLatin1(entity), QString::fromLatin1(field), message);
}

DomainError notFound(const char *entity)
{
    return DomainError(Code::NotFound, QString::fromLatin1(entity), QString(),
                       qstrcmp(entity, "building") == 0
                           ? QCoreApplication::translate("ListingService", "This building no longer exists.")
                           : QCoreApplication::translate("ListingService", "This apartment no longer exists."));
}

Result<void> requireLandlord(const User &actor)
{
    if (actor.role != Role::Landlord) {
        return std::unexpected(DomainError(
            Code::NotAllowed, u"building"_s, QString(),
            QCoreApplication::translate("ListingService", "Only landlords can list buildings and apartments.")));
    }
    return {};
}

Result<void> requireOwner(const QUuid &owner, const User &actor, const char *entity)
{
    if (owner != actor.id) {
        return std::unexpected(DomainError(
            Code::NotAllowed, QString::fromLatin1(entity), QString(),
            qstrcmp(entity, "building") == 0
                ? QCoreApplication::translate("ListingService", "Only the building's owner can change or delete it.")
                : QCoreApplication::translate("ListingService",
                                              "Only the apartment's owner can change or delete it.")));
    }
    return {};
}

// The draft with spaces trimmed, or the first field that is wrong. The same limits as the
// schema's constraints, with messages about the field.
Result<ListingService::BuildingDraft> checked(ListingService::BuildingDraft draft, QDate today)
{
    draft.name = draft.name.trimmed();
    draft.address = draft.address.trimmed();
    draft.city = draft.city.trimmed();
    if (draft.name.isEmpty() || draft.name.size() > 200) {
        return std::unexpected(invalid(
            "building", "name",
            QCoreApplication::translate("ListingService", "Enter the building's name (up to 200 characters).")));
    }
    if (draft.address.isEmpty() || draft.address.size() > 500) {
        return std::unexpected(invalid(
            "building", "address",
            QCoreApplication::translate("ListingService", "Enter the building's address (up to 500 characters).")));
    }
    if (draft.city.isEmpty() || draft.city.size() > 100) {
        return std::unexpected(
            invalid("building", "city",
                    QCoreApplication::translate("ListingService", "Enter the city (up to 100 characters).")));
    }
    if (draft.floors < 1 || draft.floors > 300) {
        return std::unexpected(invalid(
            "building", "floors", QCoreApplication::translate("ListingService", "A building has 1 to 300 floors.")));
    }
    if (draft.yearBuilt && (*draft.yearBuilt < 1000 || *draft.yearBuilt > today.year() + 10)) {
        return std::unexpected(
            invalid("building", "yearBuilt",
                    QCoreApplication::translate("ListingService", "The year built must be between 1000 and %1.")
                        .arg(today.year() + 10)));
    }
    return draft;
}

Result<ListingService::ApartmentDraft> checked(ListingService::ApartmentDraft draft, const Building &building)
{
    static const QRegularExpression currencyCode(u"^[A-Z]{3}$"_s);
    draft.number = draft.number.trimmed();
    draft.description = notNull(draft.description.trimmed());
    draft.monthlyPrice.currency = draft.monthlyPrice.currency.trimmed().toUpper();
    if (draft.number.isEmpty() || draft.number.size() > 20) {
        return std::unexpected(invalid(
            "apartment", "number",
            QCoreApplication::translate("ListingService", "Enter the apartment number (up to 20 characters).")));
    }
    if (draft.floor < -5 || draft.floor > building.floors) {
        return std::unexpected(
            invalid("apartment", "floor",
                    QCoreApplication::translate("ListingService",
                                                "The floor must be between -5 and %1, the building's top floor.")
                        .arg(building.floors)));
    }
    if (draft.rooms < 1 || draft.rooms > 50) {
        return std::unexpected(invalid(
            "apartment", "rooms", QCoreApplication::translate("ListingService", "An apartment has 1 to 50 rooms.")));
    }
    if (!std::isfinite(draft.areaSqm) || draft.areaSqm <= 0 || draft.areaSqm > 100000) {
        return std::unexpected(invalid(
            "apartment", "area",
            QCoreApplication::translate("ListingService", "The area must be more than 0 and at most 100000 m².")));
    }
    if (draft.monthlyPrice.minor < 0 || draft.monthlyPrice.minor > 100000000000LL) {
        return std::unexpected(invalid(
            "apartment", "monthlyPrice",
            QCoreApplication::translate("ListingService", "The monthly price must be between 0 and 1000000000.")));
    }
    if (!currencyCode.match(draft.monthlyPrice.currency).hasMatch()) {
        return std::unexpected(
            invalid("apartment", "currency",
                    QCoreApplication::translate("ListingService",
                                                "The currency must be a three-letter code such as RUB or EUR.")));
    }
    if (draft.description.size() > 5000) {
        return std::unexpected(
            invalid("apartment", "description",
                    QCoreApplication::translate("ListingService", "The description may be at most 5000 characters.")));
    }
    return draft;
}

} // namespace

QJsonObject mutationArgs(const ListingService::BuildingDraft &draft)
{
    return { { u"name"_s, draft.name },
             { u"address"_s, draft.address },
             { u"city"_s, draft.city },
             { u"floors"_s, draft.floors },
             { u"yearBuilt"_s, draft.yearBuilt ? QJsonValue(*draft.yearBuilt) : QJsonValue() } };
}

QJsonObject mutationArgs(const ListingService::ApartmentDraft &draft)
{
    return { { u"buildingId"_s, toStoredId(draft.buildingId) },
             { u"number"_s, draft.number },
             { u"floor"_s, draft.floor },
             { u"rooms"_s, draft.rooms },
             { u"area"_s, draft.areaSqm },
             { u"monthlyPrice"_s, QString::number(draft.monthlyPrice.minor) }, // a string: JSON numbers are doubles
             { u"currency"_s, draft.monthlyPrice.currency },
             { u"furnished"_s, draft.furnished },
             { u"petsAllowed"_s, draft.petsAllowed },
             { u"description"_s, draft.description } };
}

namespace {

Result<Building> loadBuilding(const QSqlDatabase &db, const QUuid &id)
{
    auto query = db::exec(db, u"SELECT "_s + buildingColumns(u"b"_s) + u" FROM buildings AS b WHERE b.id = :id"_s,
                          { { u":id"_s, toStoredId(id) } });
    if (!query)
        return std::unexpected(DomainError(query.error()));
    if (!query->next())
        return std::unexpected(notFound("building"));
    return readBuilding(*query);
}

Result<Apartment> loadApartment(const QSqlDatabase &db, const QUuid &id)
{
    auto query = db::exec(db, u"SELECT "_s + apartmentColumns(u"a"_s) + u" FROM apartments AS a WHERE a.id = :id"_s,
                          { { u":id"_s, toStoredId(id) } });
    if (!query)
        return std::unexpected(DomainError(query.error()));
    if (!query->next())
        return std::unexpected(notFound("apartment"));
    return readApartment(*query);
}

// The apartment number is unique per building; say so about the field, before the index does.
Result<void> requireFreeNumber(const QSqlDatabase &db, const QUuid &building, const QString &number,
                               const std::optional<QUuid> &except)
{
    auto taken = db::scalar(db,
                            u"SELECT count(*) FROM apartments WHERE building_id = :b AND number = :n "
                            "AND (CAST(:except AS TEXT) IS NULL OR id <> :except)"_s,
                            { { u":b"_s, toStoredId(building) },
                              { u":n"_s, number },
                              { u":except"_s, except ? QVariant(toStoredId(*except)) : nullText() } });
    if (!taken)
        return std::unexpected(DomainError(taken.error()));
    if (taken->toInt() > 0) {
        return std::unexpected(DomainError(
            Code::NumberTaken, u"apartment"_s, u"number"_s,
            QCoreApplication::translate("ListingService", "This building already has an apartment number %1.")
                .arg(number)));
    }
    return {};
}

QList<db::Binding> apartmentBindings(const QUuid &id, const ListingService::ApartmentDraft &draft, const QString &now)
{
    return { { u":id"_s, toStoredId(id) },
             { u":building"_s, toStoredId(draft.buildingId) },
             { u":number"_s, draft.number },
             { u":floor"_s, draft.floor },
             { u":rooms"_s, draft.rooms },
             { u":area"_s, draft.areaSqm },
             { u":price"_s, draft.monthlyPrice.minor },
             { u":currency"_s, draft.monthlyPrice.currency },
             { u":furnished"_s, toStoredBool(draft.furnished) },
             { u":pets"_s, toStoredBool(draft.petsAllowed) },
             { u":description"_s, draft.description },
             { u":now"_s, now } };
}

} // namespace

ListingService::ListingService(ServiceContext context)
    : m_context(std::move(context))
{
}

Result<Building> ListingService::building(const QUuid &id) const
{
    const auto connection = connectionOf(m_context);
    if (!connection)
        return std::unexpected(connection.error());
    return loadBuilding(*connection, id);
}

Result<Apartment> ListingService::apartment(const QUuid &id) const
{
    const auto connection = connectionOf(m_context);
    if (!connection)
        return std::unexpected(connection.error());
    return loadApartment(*connection, id);
}

Result<Building> ListingService::createBuilding(const QUuid &actor, const BuildingDraft &input,
                                                const QUuid &givenId) const
{
    auto draft = checked(input, m_context.clock().today());
    if (!draft)
        return std::unexpected(draft.error());
    const auto connection = connectionOf(m_context);
    if (!connection)
        return std::unexpected(connection.error());
    const QSqlDatabase &db = *connection;
    const QUuid id = givenId.isNull() ? newId() : givenId;
    auto done = db::transact(db, [&]() -> Result<void> {
        auto user = actingUser(db, actor);
        if (!user)
            return std::unexpected(user.error());
        if (auto allowed = requireLandlord(*user); !allowed)
            return allowed;
        if (auto fresh = requireNewId(db, "buildings", id); !fresh)
            return fresh;
        auto inserted = db::exec(
            db,
            u"INSERT INTO buildings (id, owner_id, name, address, city, floors, year_built, "
            "created_at, updated_at) VALUES (:id, :owner, :name, :address, :city, :floors, :year, "
            ":now, :now)"_s,
            { { u":id"_s, toStoredId(id) },
              { u":owner"_s, toStoredId(actor) },
              { u":name"_s, draft->name },
              { u":address"_s, draft->address },
              { u":city"_s, draft->city },
              { u":floors"_s, draft->floors },
              { u":year"_s, draft->yearBuilt ? QVariant(*draft->yearBuilt) : QVariant(QMetaType::fromType<int>()) },
              { u":now"_s, m_context.nowStored() } });
        if (!inserted)
            return std::unexpected(DomainError(inserted.error()));
        QJsonObject args = mutationArgs(*draft);
        args.insert(u"id"_s, toStoredId(id));
        return journal(m_context, db, actor, "createBuilding", args);
    });
    if (!done)
        return std::unexpected(done.error());
    return loadBuilding(db, id);
}

Result<Building> ListingService::updateBuilding(const QUuid &actor, const QUuid &id, const BuildingDraft &input) const
{
    auto draft = checked(input, m_context.clock().today());
    if (!draft)
        return std::unexpected(draft.error());
    const auto connection = connectionOf(m_context);
    if (!connection)
        return std::unexpected(connection.error());
    const QSqlDatabase &db = *connection;
    auto done = db::transact(db, [&]() -> Result<void> {
        auto user = actingUser(db, actor);
        if (!user)
            return std::unexpected(user.error());
        auto existing = loadBuilding(db, id);
        if (!existing)
            return std::unexpected(existing.error());
        if (auto allowed = requireOwner(existing->ownerId, *user, "building"); !allowed)
            return allowed;
        // Lowering the floors must not leave apartments above the roof.
        auto highest = db::scalar(db, u"SELECT max(floor) FROM apartments WHERE building_id = :id"_s,
                                  { { u":id"_s, toStoredId(id) } });
        if (!highest)
            return std::unexpected(DomainError(highest.error()));
        if (!highest->isNull() && highest->toInt() > draft->floors) {
            return std::unexpected(
                invalid("building", "floors",
                        QCoreApplication::translate("ListingService", "An apartment of this building is on floor %1.")
                            .arg(highest->toInt())));
        }
        auto updated = db::exec(
            db,
            u"UPDATE buildings SET name = :name, address = :address, city = :city, floors = :floors, "
            "year_built = :year, updated_at = max(updated_at, :now) WHERE id = :id"_s,
            { { u":id"_s, toStoredId(id) },
              { u":name"_s, draft->name },
              { u":address"_s, draft->address },
              { u":city"_s, draft->city },
              { u":floors"_s, draft->floors },
              { u":year"_s, draft->yearBuilt ? QVariant(*draft->yearBuilt) : QVariant(QMetaType::fromType<int>()) },
              { u":now"_s, m_context.nowStored() } });
        if (!updated)
            return std::unexpected(DomainError(updated.error()));
        QJsonObject args = mutationArgs(*draft);
        args.insert(u"id"_s, toStoredId(id));
        return journal(m_context, db, actor, "updateBuilding", args);
    });
    if (!done)
        return std::unexpected(done.error());
    return loadBuilding(db, id);
}

Result<void> ListingService::deleteBuilding(const QUuid &actor, const QUuid &id) const
{
    const auto connection = connectionOf(m_context);
    if (!connection)
        return std::unexpected(connection.error());
    const QSqlDatabase &db = *connection;
    return db::transact(db, [&]() -> Result<void> {
        auto user = actingUser(db, actor);
        if (!user)
            return std::unexpected(user.error());
        auto existing = loadBuilding(db, id);
        if (!existing)
            return std::unexpected(existing.error());
        if (auto allowed = requireOwner(existing->ownerId, *user, "building"); !allowed)
            return allowed;
        auto apartments = db::scalar(db, u"SELECT count(*) FROM apartments WHERE building_id = :id"_s,
                                     { { u":id"_s, toStoredId(id) } });
        if (!apartments)
            return std::unexpected(DomainError(apartments.error()));
        if (const int count = apartments->toInt(); count > 0) {
            return std::unexpected(DomainError(Code::HasApartments, u"building"_s, QString(),
                                               QCoreApplication::translate("ListingService",
                                                                           "The building still has %n apartment(s); "
                                                                           "delete them first.",
                                                                           nullptr, count)));
        }
        auto deleted = db::exec(db, u"DELETE FROM buildings WHERE id = :id"_s, { { u":id"_s, toStoredId(id) } });
        if (!deleted)
            return std::unexpected(DomainError(deleted.error()));
        return journal(m_context, db, actor, "deleteBuilding", QJsonObject { { u"id"_s, toStoredId(id) } });
    });
}

Result<Apartment> ListingService::createApartment(const QUuid &actor, const ApartmentDraft &input,
                                                  const QUuid &givenId) const
{
    const auto connection = connectionOf(m_context);
    if (!connection)
        return std::unexpected(connection.error());
    const QSqlDatabase &db = *connection;
    const QUuid id = givenId.isNull() ? newId() : givenId;
    auto done = db::transact(db, [&]() -> Result<void> {
        auto user = actingUser(db, actor);
        if (!user)
            return std::unexpected(user.error());
        if (auto allowed = requireLandlord(*user); !allowed)
            return allowed;
        if (auto fresh = requireNewId(db, "apartments", id); !fresh)
            return fresh;
        auto building = loadBuilding(db, input.buildingId);
        if (!building) {
            DomainError error = building.error();
            if (error.code == Code::NotFound)
                error.field = u"buildingId"_s;
            return std::unexpected(error);
        }
        if (building->ownerId != actor) {
            return std::unexpected(DomainError(
                Code::NotAllowed, u"apartment"_s, u"buildingId"_s,
                QCoreApplication::translate("ListingService", "You can add apartments only to your own buildings.")));
        }
        auto draft = checked(input, *building);
        if (!draft)
            return std::unexpected(draft.error());
        if (auto free = requireFreeNumber(db, draft->buildingId, draft->number, std::nullopt); !free)
            return free;
        QList<db::Binding> bindings = apartmentBindings(id, *draft, m_context.nowStored());
        bindings.append({ u":owner"_s, toStoredId(actor) });
        auto inserted =
            db::exec(db,
                     u"INSERT INTO apartments (id, building_id, owner_id, number, floor, rooms, area, "
                     "monthly_price, currency, furnished, pets_allowed, description, created_at, updated_at) "
                     "VALUES (:id, :building, :owner, :number, :floor, :rooms, :area, :price, :currency, "
                     ":furnished, :pets, :description, :now, :now)"_s,
                     bindings);
        if (!inserted)
            return std::unexpected(DomainError(inserted.error()));
        QJsonObject args = mutationArgs(*draft);
        args.insert(u"id"_s, toStoredId(id));
        return journal(m_context, db, actor, "createApartment", args);
    });
    if (!done)
        return std::unexpected(done.error());
    return loadApartment(db, id);
}

Result<Apartment> ListingService::updateApartment(const QUuid &actor, const QUuid &id,
                                                  const ApartmentDraft &input) const
{
    const auto connection = connectionOf(m_context);
    if (!connection)
        return std::unexpected(connection.error());
    const QSqlDatabase &db = *connection;
    auto done = db::transact(db, [&]() -> Result<void> {
        auto user = actingUser(db, actor);
        if (!user)
            return std::unexpected(user.error());
        auto existing = loadApartment(db, id);
        if (!existing)
            return std::unexpected(existing.error());
        if (auto allowed = requireOwner(existing->ownerId, *user, "apartment"); !allowed)
            return allowed;
        auto building = loadBuilding(db, input.buildingId);
        if (!building) {
            DomainError error = building.error();
            if (error.code == Code::NotFound)
                error.field = u"buildingId"_s;
            return std::unexpected(error);
        }
        if (building->ownerId != actor) {
            return std::unexpected(DomainError(
                Code::NotAllowed, u"apartment"_s, u"buildingId"_s,
                QCoreApplication::translate("ListingService", "You can add apartments only to your own buildings.")));
        }
        auto draft = checked(input, *building);
        if (!draft)
            return std::unexpected(draft.error());
        if (auto free = requireFreeNumber(db, draft->buildingId, draft->number, id); !free)
            return free;
        auto updated = db::exec(db,
                                u"UPDATE apartments SET building_id = :building, number = :number, floor = :floor, "
                                "rooms = :rooms, area = :area, monthly_price = :price, currency = :currency, "
                                "furnished = :furnished, pets_allowed = :pets, description = :description, "
                                "updated_at = max(updated_at, :now) WHERE id = :id"_s,
                                apartmentBindings(id, *draft, m_context.nowStored()));
        if (!updated)
            return std::unexpected(DomainError(updated.error()));
        QJsonObject args = mutationArgs(*draft);
        args.insert(u"id"_s, toStoredId(id));
        return journal(m_context, db, actor, "updateApartment", args);
    });
    if (!done)
        return std::unexpected(done.error());
    return loadApartment(db, id);
}

Result<void> ListingService::deleteApartment(const QUuid &actor, const QUuid &id) const
{
    const auto connection = connectionOf(m_context);
    if (!connection)
        return std::unexpected(connection.error());
    const QSqlDatabase &db = *connection;
    return db::transact(db, [&]() -> Result<void> {
        auto user = actingUser(db, actor);
        if (!user)
            return std::unexpected(user.error());
        auto existing = loadApartment(db, id);
        if (!existing)
            return std::unexpected(existing.error());
        if (auto allowed = requireOwner(existing->ownerId, *user, "apartment"); !allowed)
            return allowed;
        // Requests waiting for an answer and confirmed stays not yet over are active.
        auto active = db::scalar(db,
                                 u"SELECT count(*) FROM bookings WHERE apartment_id = :id "
                                 "AND status IN ('requested', 'confirmed')"_s,
                                 { { u":id"_s, toStoredId(id) } });
        if (!active)
            return std::unexpected(DomainError(active.error()));
        if (const int count = active->toInt(); count > 0) {
            return std::unexpected(DomainError(Code::HasActiveBookings, u"apartment"_s, QString(),
                                               QCoreApplication::translate("ListingService",
                                                                           "The apartment has %n active booking(s); "
                                                                           "decline or wait for them first.",
                                                                           nullptr, count)));
        }
        // The photos' bytes are stored by hash, shared and not tied to the rows by a foreign key
        // (0015_apartment_photos.sql): those no other photo names are deleted after the rows.
        auto photoHashes = db::exec(db,
                                    u"SELECT image_sha256, thumbnail_sha256 FROM apartment_photos "
                                    "WHERE apartment_id = :id"_s,
                                    { { u":id"_s, toStoredId(id) } });
        if (!photoHashes)
            return std::unexpected(DomainError(photoHashes.error()));
        QStringList hashes;
        while (photoHashes->next())
            hashes << photoHashes->value(0).toString() << photoHashes->value(1).toString();
        // Past stays, reviews and photos of the apartment go with it (ON DELETE CASCADE). The
        // ratings its reviews gave the landlord stay: they are reviews of the landlord.
        auto deleted = db::exec(db, u"DELETE FROM apartments WHERE id = :id"_s, { { u":id"_s, toStoredId(id) } });
        if (!deleted)
            return std::unexpected(DomainError(deleted.error()));
        if (auto forgotten = forgetUnreferencedBlobs(m_context, db, hashes); !forgotten)
            return forgotten;
        return journal(m_context, db, actor, "deleteApartment", QJsonObject { { u"id"_s, toStoredId(id) } });
    });
}

Result<Apartment> ListingService::setApartmentStatus(const QUuid &actor, const QUuid &id,
                                                     std::optional<ApartmentStatus> status) const
{
    const auto connection = connectionOf(m_context);
    if (!connection)
        return std::unexpected(connection.error());
    const QSqlDatabase &db = *connection;
    auto done = db::transact(db, [&]() -> Result<void> {
        auto user = actingUser(db, actor);
        if (!user)
            return std::unexpected(user.error());
        auto existing = loadApartment(db, id);
        if (!existing)
            return std::unexpected(existing.error());
        if (auto allowed = requireOwner(existing->ownerId, *user, "apartment"); !allowed)
            return allowed;
        const QString now = m_context.nowStored();
        if (status) {
            // Set by hand: whoever it is rented to is outside RentDesk.
            auto updated =
                db::exec(db,
                         u"UPDATE apartments SET status = :status, status_manual = 1, booked_by = NULL, "
                         "updated_at = max(updated_at, :now) WHERE id = :id"_s,
                         { { u":status"_s, toCode(*status) }, { u":now"_s, now }, { u":id"_s, toStoredId(id) } });
            if (!updated)
                return std::unexpected(DomainError(updated.error()));
        } else {
            auto updated = db::exec(db, u"UPDATE apartments SET status_manual = 0 WHERE id = :id"_s,
                                    { { u":id"_s, toStoredId(id) } });
            if (!updated)
                return std::unexpected(DomainError(updated.error()));
            if (auto refreshed = refreshOccupancy(db, m_context.clock().today(), now, id); !refreshed)
                return std::unexpected(refreshed.error());
        }
        return journal(m_context, db, actor, "setApartmentStatus",
                       QJsonObject { { u"id"_s, toStoredId(id) },
                                     { u"status"_s, status ? QJsonValue(toCode(*status)) : QJsonValue() } });
    });
    if (!done)
        return std::unexpected(done.error());
    return loadApartment(db, id);
}

} // namespace rentdesk::models::services
