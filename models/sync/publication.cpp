// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/sync/publication.h"

#include "models/db/database.h"
#include "models/db/query.h"
#include "models/domain/storedvalues.h"
#include "models/services/calendarimport.h"
#include "models/services/listingservice.h"
#include "models/services/photoservice.h"
#include "models/services/records.h"
#include "models/services/servicesteps.h"
#include "models/sync/replica.h"

#include <QCoreApplication>
#include <QDir>
#include <QJsonObject>
#include <QSet>
#include <QSqlQuery>

#include <optional>

namespace rentdesk::models::sync {

using namespace Qt::StringLiterals;
using services::DomainError;
using services::Result;

namespace {

Mutation change(const char *name, const QUuid &id, QJsonObject args)
{
    args.insert(u"id"_s, domain::toStoredId(id));
    return Mutation { 0, QString::fromLatin1(name), std::move(args) };
}

// holdDates or blockDates of a row whose columns 1–3 are the apartment's id and the stay's dates,
// as stored.
Mutation stayChange(const char *name, const QUuid &id, const QSqlQuery &row)
{
    return change(name, id,
                  { { u"apartmentId"_s, row.value(1).toString() },
                    { u"startDate"_s, row.value(2).toString() },
                    { u"endDate"_s, row.value(3).toString() } });
}

services::ListingService::BuildingDraft draftOf(const domain::Building &b)
{
    return { b.name, b.address, b.city, b.floors, b.yearBuilt };
}

services::ListingService::ApartmentDraft draftOf(const domain::Apartment &a)
{
    return { a.buildingId,   a.number,    a.floor,       a.rooms,      a.areaSqm,
             a.monthlyPrice, a.furnished, a.petsAllowed, a.description };
}

Result<int> count(const QSqlDatabase &db, const QString &sql, const QString &landlord, QDate today)
{
    auto value = db::scalar(db, sql, { { u":me"_s, landlord }, { u":today"_s, domain::toStoredDate(today) } });
    if (!value)
        return std::unexpected(DomainError(value.error()));
    return value->toInt();
}

// The last id the journal handed out (AUTOINCREMENT: never used again), 0 before the first.
Result<qint64> journalSequence(const QSqlDatabase &db)
{
    auto seq = db::scalar(db, u"SELECT coalesce(max(seq), 0) FROM sqlite_sequence WHERE name = 'pending_mutations'"_s);
    if (!seq)
        return std::unexpected(DomainError(seq.error()));
    return seq->toLongLong();
}

// A refused change is known by its name and id: an apartment's id names its createApartment and
// the importBlocks of its calendars alike.
QString refusalKey(const Mutation &mutation)
{
    return mutation.name + u'/' + mutation.args.value(u"id"_s).toString();
}

// Whether the replica holds exactly the blocks an importBlocks of a publication makes.
Result<bool> hasCalendarBlocks(const QSqlDatabase &db, const QJsonObject &args)
{
    const auto change = services::readCalendarImportArgs(args);
    if (!change)
        return std::unexpected(change.error());
    auto rows =
        db::exec(db,
                 u"SELECT block_uid, start_date, end_date FROM bookings WHERE apartment_id = :apartment "
                 "AND block_source = :source"_s,
                 { { u":apartment"_s, domain::toStoredId(change->apartment) }, { u":source"_s, change->source } });
    if (!rows)
        return std::unexpected(DomainError(rows.error()));
    QSet<QString> held;
    while (rows->next())
        held.insert(rows->value(0).toString() + u' ' + rows->value(1).toString() + u' ' + rows->value(2).toString());
    QSet<QString> sent;
    for (const ical::IcsEvent &event : change->events)
        sent.insert(event.uid + u' ' + domain::toStoredDate(event.start) + u' ' + domain::toStoredDate(event.end));
    return !sent.isEmpty() && held == sent;
}

// Whether the replica has the row a publication's mutation makes, under its id and the
// landlord's: a building, an apartment, a hold or block (whose renter is the owner), a photo (of
// an apartment of theirs).
Result<bool> isThere(const QSqlDatabase &db, const Mutation &mutation, const QString &me)
{
    QString sql;
    if (mutation.name == u"createBuilding")
        sql = u"SELECT count(*) FROM buildings WHERE id = :id AND owner_id = :me"_s;
    else if (mutation.name == u"createApartment")
        sql = u"SELECT count(*) FROM apartments WHERE id = :id AND owner_id = :me"_s;
    else if (mutation.name == u"addPhoto")
        sql = u"SELECT count(*) FROM apartment_photos AS p JOIN apartments AS a ON a.id = p.apartment_id "
              "WHERE p.id = :id AND a.owner_id = :me"_s;
    else
        sql = u"SELECT count(*) FROM bookings WHERE id = :id AND renter_id = :me"_s;
    auto found = db::scalar(db, sql, { { u":id"_s, mutation.args.value(u"id"_s).toString() }, { u":me"_s, me } });
    if (!found)
        return std::unexpected(DomainError(found.error()));
    return found->toInt() > 0;
}

// Copies an addPhoto's two blobs from the standalone file into the replica, checked as an
// upload is (PhotoService::storeBlob).
Result<void> copyBlobs(const db::Database &source, const services::ServiceContext &replica, const QUuid &landlord,
                       const QJsonObject &args)
{
    using Kind = services::PhotoService::BlobKind;
    const auto from = services::connectionOf(source);
    if (!from)
        return std::unexpected(from.error());
    const services::PhotoService photos(replica);
    for (const auto &[field, kind] :
         { std::pair { u"imageSha256"_s, Kind::Image }, std::pair { u"thumbnailSha256"_s, Kind::Thumbnail } }) {
        const QString sha256 = args.value(field).toString();
        const auto bytes = services::readBlob(*from, sha256);
        if (!bytes)
            return std::unexpected(bytes.error());
        if (!*bytes) {
            return std::unexpected(
                DomainError(DomainError::Code::NotFound, u"photo"_s, field,
                            QCoreApplication::translate("Publication", "This photo's bytes are no longer in %1.")
                                .arg(QDir::toNativeSeparators(source.path()))));
        }
        if (auto stored = photos.storeBlob(landlord, kind, sha256, **bytes); !stored)
            return stored;
    }
    return {};
}

} // namespace

Result<Publication> Publication::read(const db::Database &standalone, const QUuid &landlord, QDate today)
{
    auto connection = services::connectionOf(standalone);
    if (!connection)
        return std::unexpected(connection.error());
    const QSqlDatabase &db = *connection;
    const QString me = domain::toStoredId(landlord);
    Publication p;

    auto buildings = db::exec(db,
                              u"SELECT "_s + services::buildingColumns(u"b"_s)
                                  + u" FROM buildings AS b WHERE b.owner_id = :me ORDER BY b.created_at, b.id"_s,
                              { { u":me"_s, me } });
    if (!buildings)
        return std::unexpected(DomainError(buildings.error()));
    while (buildings->next()) {
        auto building = services::readBuilding(*buildings);
        if (!building)
            return std::unexpected(building.error());
        p.changes.append(change("createBuilding", building->id, services::mutationArgs(draftOf(*building))));
        ++p.buildings;
    }

    QList<Mutation> statuses;
    auto apartments = db::exec(db,
                               u"SELECT "_s + services::apartmentColumns(u"a"_s)
                                   + u" FROM apartments AS a WHERE a.owner_id = :me ORDER BY a.created_at, a.id"_s,
                               { { u":me"_s, me } });
    if (!apartments)
        return std::unexpected(DomainError(apartments.error()));
    while (apartments->next()) {
        auto apartment = services::readApartment(*apartments);
        if (!apartment)
            return std::unexpected(apartment.error());
        p.changes.append(change("createApartment", apartment->id, services::mutationArgs(draftOf(*apartment))));
        ++p.apartments;
        if (apartment->statusManual) {
            statuses.append(
                change("setApartmentStatus", apartment->id, { { u"status"_s, domain::toCode(apartment->status) } }));
        }
    }
    p.changes.append(statuses);

    // The photos, each apartment's in its order; their bytes stay in the file until publishing.
    auto photos = db::exec(db,
                           u"SELECT p.id, p.apartment_id, p.image_sha256, p.thumbnail_sha256, p.width, p.height "
                           "FROM apartment_photos AS p JOIN apartments AS a ON a.id = p.apartment_id "
                           "WHERE a.owner_id = :me ORDER BY a.created_at, a.id, p.position"_s,
                           { { u":me"_s, me } });
    if (!photos)
        return std::unexpected(DomainError(photos.error()));
    while (photos->next()) {
        auto id = domain::idFromStored(photos->value(0));
        if (!id)
            return std::unexpected(services::unreadable(u"photo"_s, id.error()));
        p.changes.append(change("addPhoto", *id,
                                { { u"apartmentId"_s, photos->value(1).toString() },
                                  { u"imageSha256"_s, photos->value(2).toString() },
                                  { u"thumbnailSha256"_s, photos->value(3).toString() },
                                  { u"width"_s, photos->value(4).toInt() },
                                  { u"height"_s, photos->value(5).toInt() } }));
        ++p.photos;
    }
    p.source = standalone.shared_from_this();

    // A stay whose day of departure is still ahead has nights to hold.
    auto stays = db::exec(db,
                          u"SELECT b.id, b.apartment_id, b.start_date, b.end_date FROM bookings AS b "
                          "JOIN apartments AS a ON a.id = b.apartment_id "
                          "WHERE a.owner_id = :me AND b.status = 'confirmed' AND b.end_date > :today "
                          "ORDER BY b.start_date, b.id"_s,
                          { { u":me"_s, me }, { u":today"_s, domain::toStoredDate(today) } });
    if (!stays)
        return std::unexpected(DomainError(stays.error()));
    while (stays->next()) {
        auto id = domain::idFromStored(stays->value(0));
        if (!id)
            return std::unexpected(services::unreadable(u"booking"_s, id.error()));
        p.changes.append(stayChange("holdDates", *id, *stays));
        ++p.stays;
    }

    // Blocked nights not over: a block by hand is blocked again by hand (blockDates, its id); a
    // calendar's blocks go as that calendar imported into the apartment (importBlocks), so that
    // the server's next import of it moves and removes them by UID.
    auto blocks = db::exec(db,
                           u"SELECT b.id, b.apartment_id, b.start_date, b.end_date, b.block_source, b.block_uid "
                           "FROM bookings AS b JOIN apartments AS a ON a.id = b.apartment_id "
                           "WHERE a.owner_id = :me AND b.status = 'blocked' AND b.end_date > :today "
                           "ORDER BY b.apartment_id, b.block_source, b.start_date, b.id"_s,
                           { { u":me"_s, me }, { u":today"_s, domain::toStoredDate(today) } });
    if (!blocks)
        return std::unexpected(DomainError(blocks.error()));
    std::optional<services::CalendarImportChange> calendar;
    const auto importCalendar = [&] {
        if (calendar) {
            p.changes.append(Mutation {
                0, u"importBlocks"_s,
                services::calendarImportArgs(calendar->apartment, calendar->source, calendar->events, today) });
        }
        calendar.reset();
    };
    while (blocks->next()) {
        auto id = domain::idFromStored(blocks->value(0));
        auto apartment = domain::idFromStored(blocks->value(1));
        auto start = domain::dateFromStored(blocks->value(2));
        auto end = domain::dateFromStored(blocks->value(3));
        if (!id || !apartment || !start || !end)
            return std::unexpected(services::unreadable(u"booking"_s,
                                                        !id              ? id.error()
                                                            : !apartment ? apartment.error()
                                                            : !start     ? start.error()
                                                                         : end.error()));
        ++p.blocks;
        if (blocks->value(4).isNull()) {
            p.changes.append(stayChange("blockDates", *id, *blocks));
            continue;
        }
        const QString source = blocks->value(4).toString();
        if (!calendar || calendar->apartment != *apartment || calendar->source != source) {
            importCalendar();
            calendar = services::CalendarImportChange { *apartment, source, {} };
        }
        calendar->events.append({ blocks->value(5).toString(), *start, *end, {} });
    }
    importCalendar();

    const QString ofMine =
        u"FROM bookings AS b JOIN apartments AS a ON a.id = b.apartment_id WHERE a.owner_id = :me "_s;
    auto past = count(db,
                      u"SELECT count(*) "_s + ofMine
                          + u"AND b.status IN ('confirmed', 'completed') "
                            "AND b.end_date <= :today"_s,
                      me, today);
    auto requests = count(db, u"SELECT count(*) "_s + ofMine + u"AND b.status = 'requested'"_s, me, today);
    auto reviews = count(db,
                         u"SELECT count(*) FROM reviews AS r WHERE r.author_id = :me OR r.target_user_id = :me "
                         "OR r.target_apartment_id IN (SELECT id FROM apartments WHERE owner_id = :me)"_s,
                         me, today);
    if (!past || !requests || !reviews)
        return std::unexpected(!past ? past.error() : !requests ? requests.error() : reviews.error());
    p.pastStays = *past;
    p.requests = *requests;
    p.reviews = *reviews;
    return p;
}

Publisher::Publisher(const Replica &replica, Publication publication)
    : m_replica(&replica)
    , m_publication(std::move(publication))
{
}

Result<Publisher> Publisher::start(const Replica &replica, Publication publication)
{
    Publisher publisher(replica, std::move(publication));
    auto refused = replica.refused();
    if (!refused)
        return std::unexpected(refused.error());
    for (const QueuedMutation &queued : std::as_const(*refused))
        publisher.m_refusedBefore.insert(refusalKey(queued.mutation), queued.error);
    return publisher;
}

Result<bool> Publisher::next(qsizetype count)
{
    auto connection = services::connectionOf(m_replica->context());
    if (!connection)
        return std::unexpected(connection.error());
    const QSqlDatabase &db = *connection;
    const QString me = domain::toStoredId(m_replica->accountId());
    const MutationApplier applier(m_replica->context());
    // The journal's ids only grow and are never used again: those it handed out in this slice
    // are the mutations it journaled (a pull in between may already have dropped some, applied).
    auto first = journalSequence(db);
    if (!first)
        return std::unexpected(first.error());
    const qsizetype end = std::min(total(), m_next + std::max<qsizetype>(1, count));
    for (; m_next < end; ++m_next) {
        const Mutation &mutation = m_publication.changes.at(m_next);
        const QString id = mutation.args.value(u"id"_s).toString();
        const QString key = refusalKey(mutation);
        if (mutation.name == u"setApartmentStatus") {
            if (!m_madeHere.contains(id))
                continue;
        } else if (m_refusedBefore.contains(key)) {
            m_done.refused.append({ mutation, m_refusedBefore.value(key) });
            continue;
        } else if (mutation.name == u"importBlocks") {
            // Its id is the apartment's: there when the replica has the calendar's blocks as sent.
            auto there = hasCalendarBlocks(db, mutation.args);
            if (!there)
                return std::unexpected(there.error());
            if (*there) {
                ++m_done.alreadyThere;
                continue;
            }
        } else {
            auto there = isThere(db, mutation, me);
            if (!there)
                return std::unexpected(there.error());
            if (*there) {
                ++m_done.alreadyThere;
                continue;
            }
        }
        if (mutation.name == u"addPhoto") {
            // Its bytes first, where addPhoto looks for them; a photo refused leaves them to the
            // replica's next clean-up.
            auto copied = m_publication.source
                ? copyBlobs(*m_publication.source, m_replica->context(), m_replica->accountId(), mutation.args)
                : Result<void>(std::unexpected(DomainError(
                    DomainError::Code::NotFound, u"photo"_s, QString(),
                    QCoreApplication::translate("Publication", "The file with this photo's bytes is not open."))));
            if (!copied) {
                if (copied.error().code == DomainError::Code::Storage)
                    return std::unexpected(copied.error());
                m_done.refused.append({ mutation, copied.error() });
                continue;
            }
        }
        if (auto applied = applier.apply(m_replica->accountId(), mutation.name, mutation.args); !applied) {
            if (applied.error().code == DomainError::Code::Storage)
                return std::unexpected(applied.error());
            m_done.refused.append({ mutation, applied.error() });
            continue;
        }
        if (mutation.name == u"createApartment")
            m_madeHere.insert(id);
    }
    auto last = journalSequence(db);
    if (!last)
        return std::unexpected(last.error());
    for (qint64 id = *first + 1; id <= *last; ++id)
        m_done.queued.append(id);
    return m_next == total();
}

Result<PublishedChanges> publish(const Replica &replica, const Publication &publication)
{
    auto publisher = Publisher::start(replica, publication);
    if (!publisher)
        return std::unexpected(publisher.error());
    auto done = publisher->next(publisher->total());
    if (!done)
        return std::unexpected(done.error());
    return publisher->result();
}

} // namespace rentdesk::models::sync
