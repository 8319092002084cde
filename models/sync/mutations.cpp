// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/sync/mutations.h"

#include "models/domain/enums.h"
#include "models/domain/storedvalues.h"
#include "models/services/calendarimport.h"

#include <QCoreApplication>
#include <QHash>

#include <cmath>
#include <functional>

namespace rentdesk::models::sync {

using namespace Qt::StringLiterals;
using namespace rentdesk::models::domain;
using services::DomainError;
using services::Result;

namespace {

DomainError badArgument(const QString &field, const QString &what)
{
    return DomainError(DomainError::Code::InvalidValue, u"mutation"_s, field,
                       QCoreApplication::translate("Mutations", "The change's “%1” is not %2.").arg(field, what));
}

// Readers of one argument each: the value, or InvalidValue naming the argument.
class Args
{
public:
    explicit Args(const QJsonObject &args)
        : m_args(args)
    {
    }

    [[nodiscard]] Result<QUuid> id(const char *key) const
    {
        const QString name = QString::fromLatin1(key);
        const QJsonValue value = m_args.value(name);
        const auto parsed = value.isString() ? idFromStored(QVariant(value.toString()))
                                             : std::expected<QUuid, CodeError>(std::unexpect, CodeError {});
        if (!parsed || parsed->isNull())
            return std::unexpected(badArgument(name, QCoreApplication::translate("Mutations", "an id")));
        return *parsed;
    }

    [[nodiscard]] Result<QString> text(const char *key) const
    {
        const QString name = QString::fromLatin1(key);
        const QJsonValue value = m_args.value(name);
        if (!value.isString())
            return std::unexpected(badArgument(name, QCoreApplication::translate("Mutations", "a text")));
        return value.toString();
    }

    [[nodiscard]] Result<int> integer(const char *key) const
    {
        const QString name = QString::fromLatin1(key);
        const QJsonValue value = m_args.value(name);
        const double number = value.toDouble(std::nan(""));
        if (!value.isDouble() || number != std::floor(number) || std::abs(number) > 1e9)
            return std::unexpected(badArgument(name, QCoreApplication::translate("Mutations", "a whole number")));
        return int(number);
    }

    [[nodiscard]] Result<std::optional<int>> optionalInteger(const char *key) const
    {
        const QJsonValue value = m_args.value(QString::fromLatin1(key));
        if (value.isNull() || value.isUndefined())
            return std::optional<int>();
        auto number = integer(key);
        if (!number)
            return std::unexpected(number.error());
        return std::optional<int>(*number);
    }

    [[nodiscard]] Result<double> real(const char *key) const
    {
        const QString name = QString::fromLatin1(key);
        const QJsonValue value = m_args.value(name);
        if (!value.isDouble() || !std::isfinite(value.toDouble()))
            return std::unexpected(badArgument(name, QCoreApplication::translate("Mutations", "a number")));
        return value.toDouble();
    }

    [[nodiscard]] Result<bool> boolean(const char *key) const
    {
        const QString name = QString::fromLatin1(key);
        const QJsonValue value = m_args.value(name);
        if (!value.isBool())
            return std::unexpected(badArgument(name, QCoreApplication::translate("Mutations", "true or false")));
        return value.toBool();
    }

    // Money in minor units, as a string of digits: JSON numbers are doubles.
    [[nodiscard]] Result<qint64> minorUnits(const char *key) const
    {
        const QString name = QString::fromLatin1(key);
        bool ok = false;
        const qint64 value = m_args.value(name).toString().toLongLong(&ok);
        if (!m_args.value(name).isString() || !ok)
            return std::unexpected(
                badArgument(name, QCoreApplication::translate("Mutations", "an amount in minor units")));
        return value;
    }

    [[nodiscard]] Result<QDate> date(const char *key) const
    {
        const QString name = QString::fromLatin1(key);
        const QJsonValue value = m_args.value(name);
        const auto parsed = value.isString() ? dateFromStored(QVariant(value.toString()))
                                             : std::expected<QDate, CodeError>(std::unexpect, CodeError {});
        if (!parsed)
            return std::unexpected(badArgument(name, QCoreApplication::translate("Mutations", "a date")));
        return *parsed;
    }

    template<typename E> [[nodiscard]] Result<E> code(const char *key) const
    {
        const QString name = QString::fromLatin1(key);
        const auto parsed = fromCode<E>(m_args.value(name).toString());
        if (!parsed)
            return std::unexpected(badArgument(name, QCoreApplication::translate("Mutations", "a known value")));
        return *parsed;
    }

private:
    const QJsonObject &m_args;
};

// Unwraps a Result inside a function that returns Result<void>.
#define RD_TRY(name, expression)                                                                                       \
    auto name##_ = (expression);                                                                                       \
    if (!name##_)                                                                                                      \
        return std::unexpected(name##_.error());                                                                       \
    const auto &name = *name##_

Result<services::ListingService::BuildingDraft> readBuildingDraft(const Args &a)
{
    RD_TRY(name, a.text("name"));
    RD_TRY(address, a.text("address"));
    RD_TRY(city, a.text("city"));
    RD_TRY(floors, a.integer("floors"));
    RD_TRY(year, a.optionalInteger("yearBuilt"));
    return services::ListingService::BuildingDraft { name, address, city, floors, year };
}

Result<services::ListingService::ApartmentDraft> readApartmentDraft(const Args &a)
{
    RD_TRY(building, a.id("buildingId"));
    RD_TRY(number, a.text("number"));
    RD_TRY(floor, a.integer("floor"));
    RD_TRY(rooms, a.integer("rooms"));
    RD_TRY(area, a.real("area"));
    RD_TRY(price, a.minorUnits("monthlyPrice"));
    RD_TRY(currency, a.text("currency"));
    RD_TRY(furnished, a.boolean("furnished"));
    RD_TRY(pets, a.boolean("petsAllowed"));
    RD_TRY(description, a.text("description"));
    services::ListingService::ApartmentDraft draft;
    draft.buildingId = building;
    draft.number = number;
    draft.floor = floor;
    draft.rooms = rooms;
    draft.areaSqm = area;
    draft.monthlyPrice = Money { price, currency };
    draft.furnished = furnished;
    draft.petsAllowed = pets;
    draft.description = description;
    return draft;
}

// Drops the value of a successful call: a mutation's result is applied or refused.
template<typename T> Result<void> done(const Result<T> &result)
{
    if (!result)
        return std::unexpected(result.error());
    return {};
}

} // namespace

const QStringList &mutationNames()
{
    static const QStringList names = {
        u"createBuilding"_s,  u"updateBuilding"_s,     u"deleteBuilding"_s, u"createApartment"_s, u"updateApartment"_s,
        u"deleteApartment"_s, u"setApartmentStatus"_s, u"requestBooking"_s, u"confirmBooking"_s,  u"declineBooking"_s,
        u"cancelBooking"_s,   u"holdDates"_s,          u"createReview"_s,   u"updateReview"_s,    u"deleteReview"_s,
        u"blockDates"_s,      u"addPhoto"_s,           u"movePhoto"_s,      u"removePhoto"_s,     u"importBlocks"_s,
    };
    return names;
}

MutationApplier::MutationApplier(const services::ServiceContext &context)
    : m_listings(context)
    , m_bookings(context)
    , m_reviews(context)
    , m_photos(context)
{
}

Result<void> MutationApplier::apply(const QUuid &actor, const QString &name, const QJsonObject &json) const
{
    const Args a(json);
    RD_TRY(id, a.id("id"));
    if (name == u"createBuilding" || name == u"updateBuilding") {
        RD_TRY(draft, readBuildingDraft(a));
        return name == u"createBuilding" ? done(m_listings.createBuilding(actor, draft, id))
                                         : done(m_listings.updateBuilding(actor, id, draft));
    }
    if (name == u"deleteBuilding")
        return m_listings.deleteBuilding(actor, id);
    if (name == u"createApartment" || name == u"updateApartment") {
        RD_TRY(draft, readApartmentDraft(a));
        return name == u"createApartment" ? done(m_listings.createApartment(actor, draft, id))
                                          : done(m_listings.updateApartment(actor, id, draft));
    }
    if (name == u"deleteApartment")
        return m_listings.deleteApartment(actor, id);
    if (name == u"setApartmentStatus") {
        std::optional<ApartmentStatus> status;
        const QJsonValue given = json.value(u"status"_s);
        if (!given.isNull() && !given.isUndefined()) {
            RD_TRY(code, a.code<ApartmentStatus>("status"));
            status = code;
        }
        return done(m_listings.setApartmentStatus(actor, id, status));
    }
    if (name == u"requestBooking" || name == u"holdDates" || name == u"blockDates") {
        RD_TRY(apartment, a.id("apartmentId"));
        RD_TRY(start, a.date("startDate"));
        RD_TRY(end, a.date("endDate"));
        if (name == u"requestBooking")
            return done(m_bookings.request(actor, apartment, start, end, id));
        return name == u"holdDates" ? done(m_bookings.hold(actor, apartment, start, end, id))
                                    : done(m_bookings.block(actor, apartment, start, end, id));
    }
    // A calendar file imported on a connected desktop: the server imports the same events.
    if (name == u"importBlocks") {
        RD_TRY(change, services::readCalendarImportArgs(json));
        auto imported = m_bookings.importBlocks(actor, change.apartment, change.source, change.events);
        if (!imported)
            return std::unexpected(imported.error());
        return {};
    }
    if (name == u"confirmBooking")
        return done(m_bookings.confirm(actor, id));
    if (name == u"declineBooking")
        return done(m_bookings.decline(actor, id));
    if (name == u"cancelBooking")
        return done(m_bookings.cancel(actor, id));
    if (name == u"createReview") {
        RD_TRY(kind, a.code<ReviewKind>("kind"));
        RD_TRY(target, a.id("targetId"));
        RD_TRY(rating, a.integer("rating"));
        RD_TRY(body, a.text("body"));
        return done(m_reviews.create(actor, services::ReviewService::Target { kind, target }, rating, body, id));
    }
    if (name == u"updateReview") {
        RD_TRY(rating, a.integer("rating"));
        RD_TRY(body, a.text("body"));
        return done(m_reviews.edit(actor, id, rating, body));
    }
    if (name == u"deleteReview")
        return m_reviews.remove(actor, id);
    // A photo's bytes travel apart from its mutation, by hash: the desktop uploads the blobs the
    // server lacks (photo.put) before it pushes addPhoto, which then names stored blobs only.
    if (name == u"addPhoto") {
        RD_TRY(apartment, a.id("apartmentId"));
        RD_TRY(image, a.text("imageSha256"));
        RD_TRY(thumbnail, a.text("thumbnailSha256"));
        RD_TRY(width, a.integer("width"));
        RD_TRY(height, a.integer("height"));
        return done(m_photos.addStored(actor, apartment, { image, thumbnail, width, height }, id));
    }
    if (name == u"movePhoto") {
        RD_TRY(position, a.integer("position"));
        return m_photos.move(actor, id, position);
    }
    if (name == u"removePhoto")
        return m_photos.remove(actor, id);
    return std::unexpected(DomainError(
        DomainError::Code::InvalidValue, u"mutation"_s, u"name"_s,
        QCoreApplication::translate("Mutations", "“%1” is not a change RentDesk knows.").arg(name.left(64))));
}

Result<services::ListingService::BuildingDraft> MutationApplier::buildingDraft(const QJsonObject &args)
{
    return readBuildingDraft(Args(args));
}

Result<services::ListingService::ApartmentDraft> MutationApplier::apartmentDraft(const QJsonObject &args)
{
    return readApartmentDraft(Args(args));
}

std::optional<QUuid> MutationApplier::createdId(const QString &name, const QJsonObject &args)
{
    static const QStringList creating = { u"createBuilding"_s, u"createApartment"_s, u"requestBooking"_s,
                                          u"holdDates"_s,      u"blockDates"_s,      u"createReview"_s,
                                          u"addPhoto"_s };
    if (!creating.contains(name))
        return std::nullopt;
    const auto id = idFromStored(QVariant(args.value(u"id"_s).toString()));
    return id ? std::optional<QUuid>(*id) : std::nullopt;
}

QList<QUuid> MutationApplier::neededIds(const QString &name, const QJsonObject &args)
{
    QList<QUuid> ids;
    const auto add = [&](const QString &key) {
        if (const auto id = idFromStored(QVariant(args.value(key).toString())); id && !id->isNull())
            ids.append(*id);
    };
    if (!createdId(name, args))
        add(u"id"_s);
    add(u"buildingId"_s);
    add(u"apartmentId"_s);
    add(u"targetId"_s);
    return ids;
}

} // namespace rentdesk::models::sync
