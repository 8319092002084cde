// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/services/photoservice.h"

#include "models/db/query.h"
#include "models/db/transaction.h"
#include "models/domain/storedvalues.h"
#include "models/photos/photoimage.h"
#include "models/services/records.h"
#include "models/services/servicesteps.h"

#include <QCoreApplication>
#include <QJsonObject>
#include <QSet>
#include <QSize>

#include <algorithm>

namespace rentdesk::models::services {

using namespace Qt::StringLiterals;
using namespace rentdesk::models::domain;
using Code = DomainError::Code;

namespace {

const QString photoColumns = u"id, apartment_id, position, image_sha256, thumbnail_sha256, width, height, created_at"_s;

DomainError photoNotFound()
{
    return DomainError(Code::NotFound, u"photo"_s, QString(),
                       QCoreApplication::translate("PhotoService", "This photo no longer exists."));
}

Result<Photo> readPhoto(const QSqlQuery &query)
{
    Photo photo;
    auto id = idFromStored(query.value(0));
    auto apartment = idFromStored(query.value(1));
    auto created = timestampFromStored(query.value(7));
    if (!id)
        return std::unexpected(unreadable(u"photo"_s, id.error()));
    if (!apartment)
        return std::unexpected(unreadable(u"photo"_s, apartment.error()));
    if (!created)
        return std::unexpected(unreadable(u"photo"_s, created.error()));
    photo.id = *id;
    photo.apartmentId = *apartment;
    photo.position = query.value(2).toInt();
    photo.imageSha256 = query.value(3).toString();
    photo.thumbnailSha256 = query.value(4).toString();
    photo.width = query.value(5).toInt();
    photo.height = query.value(6).toInt();
    photo.createdAt = *created;
    return photo;
}

Result<Photo> loadPhoto(const QSqlDatabase &db, const QUuid &id)
{
    auto query = db::exec(db, u"SELECT "_s + photoColumns + u" FROM apartment_photos WHERE id = :id"_s,
                          { { u":id"_s, toStoredId(id) } });
    if (!query)
        return std::unexpected(DomainError(query.error()));
    if (!query->next())
        return std::unexpected(photoNotFound());
    return readPhoto(*query);
}

Result<QList<Photo>> loadPhotos(const QSqlDatabase &db, const QUuid &apartment)
{
    auto query = db::exec(db,
                          u"SELECT "_s + photoColumns
                              + u" FROM apartment_photos WHERE apartment_id = :apartment ORDER BY position, id"_s,
                          { { u":apartment"_s, toStoredId(apartment) } });
    if (!query)
        return std::unexpected(DomainError(query.error()));
    QList<Photo> photos;
    while (query->next()) {
        auto photo = readPhoto(*query);
        if (!photo)
            return std::unexpected(photo.error());
        photos.append(*photo);
    }
    return photos;
}

// The apartment's owner, NotFound for no such apartment.
Result<QUuid> ownerOf(const QSqlDatabase &db, const QUuid &apartment)
{
    auto owner =
        db::exec(db, u"SELECT owner_id FROM apartments WHERE id = :id"_s, { { u":id"_s, toStoredId(apartment) } });
    if (!owner)
        return std::unexpected(DomainError(owner.error()));
    if (!owner->next()) {
        return std::unexpected(
            DomainError(Code::NotFound, u"apartment"_s, QString(),
                        QCoreApplication::translate("PhotoService", "This apartment no longer exists.")));
    }
    auto id = idFromStored(owner->value(0));
    if (!id)
        return std::unexpected(unreadable(u"apartment"_s, id.error()));
    return *id;
}

Result<void> requireOwner(const QSqlDatabase &db, const QUuid &actor, const QUuid &apartment)
{
    auto user = actingUser(db, actor);
    if (!user)
        return std::unexpected(user.error());
    auto owner = ownerOf(db, apartment);
    if (!owner)
        return std::unexpected(owner.error());
    if (*owner != user->id) {
        return std::unexpected(
            DomainError(Code::NotAllowed, u"photo"_s, QString(),
                        QCoreApplication::translate("PhotoService",
                                                    "Only the apartment's owner can add, move or remove its photos.")));
    }
    return {};
}

// The photo, if it exists and the actor owns its apartment.
Result<Photo> ownedPhoto(const QSqlDatabase &db, const QUuid &actor, const QUuid &id)
{
    auto photo = loadPhoto(db, id);
    if (!photo)
        return photo;
    if (auto allowed = requireOwner(db, actor, photo->apartmentId); !allowed)
        return std::unexpected(allowed.error());
    return photo;
}

Result<void> requireLandlord(const QSqlDatabase &db, const QUuid &actor)
{
    auto user = actingUser(db, actor);
    if (!user)
        return std::unexpected(user.error());
    if (user->role != Role::Landlord) {
        return std::unexpected(DomainError(
            Code::NotAllowed, u"photo"_s, QString(),
            QCoreApplication::translate("PhotoService", "Only a landlord uploads photos, of their own apartments.")));
    }
    return {};
}

Result<void> requireRoom(const QSqlDatabase &db, const QUuid &apartment)
{
    auto count = db::scalar(db, u"SELECT count(*) FROM apartment_photos WHERE apartment_id = :apartment"_s,
                            { { u":apartment"_s, toStoredId(apartment) } });
    if (!count)
        return std::unexpected(DomainError(count.error()));
    if (count->toInt() >= PhotoService::maxPhotosPerApartment) {
        return std::unexpected(DomainError(Code::InvalidValue, u"photo"_s, u"file"_s,
                                           QCoreApplication::translate("PhotoService",
                                                                       "An apartment may have at most %1 photos; "
                                                                       "remove one first.")
                                               .arg(PhotoService::maxPhotosPerApartment)));
    }
    return {};
}

// Numbers the photos 0..n-1 in the given order, writing only those whose place changed.
Result<void> renumber(const QSqlDatabase &db, const QList<Photo> &ordered, const QString &now)
{
    for (int position = 0; position < ordered.size(); ++position) {
        if (ordered.at(position).position == position)
            continue;
        auto updated = db::exec(
            db,
            u"UPDATE apartment_photos SET position = :position, "
            "updated_at = max(updated_at, :now) WHERE id = :id"_s,
            { { u":position"_s, position }, { u":now"_s, now }, { u":id"_s, toStoredId(ordered.at(position).id) } });
        if (!updated)
            return std::unexpected(DomainError(updated.error()));
    }
    return {};
}

Result<void> insertBlob(const QSqlDatabase &db, const QString &sha256, const QByteArray &bytes, const QString &now)
{
    // The same bytes are the same blob: a second photo of them shares it.
    auto inserted = db::exec(
        db,
        u"INSERT INTO photo_blobs (sha256, bytes, size, created_at) "
        "VALUES (:sha256, :bytes, :size, :now) ON CONFLICT (sha256) DO NOTHING"_s,
        { { u":sha256"_s, sha256 }, { u":bytes"_s, bytes }, { u":size"_s, qint64(bytes.size()) }, { u":now"_s, now } });
    if (!inserted)
        return std::unexpected(DomainError(inserted.error()));
    return {};
}

// The photo's row at the end of its apartment's gallery, and its journal entry.
Result<void> insertPhotoRow(const ServiceContext &context, const QSqlDatabase &db, const QUuid &actor,
                            const QUuid &apartment, const QUuid &id, const PhotoService::StoredPhoto &photo,
                            const QString &now)
{
    auto inserted = db::exec(db,
                             u"INSERT INTO apartment_photos (id, apartment_id, position, image_sha256, "
                             "thumbnail_sha256, width, height, created_at, updated_at) "
                             "VALUES (:id, :apartment, (SELECT count(*) FROM apartment_photos "
                             "WHERE apartment_id = :apartment), :image, :thumbnail, :width, :height, :now, :now)"_s,
                             { { u":id"_s, toStoredId(id) },
                               { u":apartment"_s, toStoredId(apartment) },
                               { u":image"_s, photo.imageSha256 },
                               { u":thumbnail"_s, photo.thumbnailSha256 },
                               { u":width"_s, photo.width },
                               { u":height"_s, photo.height },
                               { u":now"_s, now } });
    if (!inserted)
        return std::unexpected(DomainError(inserted.error()));
    return journal(context, db, actor, "addPhoto",
                   QJsonObject { { u"id"_s, toStoredId(id) },
                                 { u"apartmentId"_s, toStoredId(apartment) },
                                 { u"imageSha256"_s, photo.imageSha256 },
                                 { u"thumbnailSha256"_s, photo.thumbnailSha256 },
                                 { u"width"_s, photo.width },
                                 { u"height"_s, photo.height } });
}

// A blob a stored photo names: there, and a JPEG of the kind's size (the size in pixels).
Result<QSize> requireStoredBlob(const QSqlDatabase &db, const QString &sha256, PhotoService::BlobKind kind,
                                const QString &field)
{
    const bool image = kind == PhotoService::BlobKind::Image;
    if (!PhotoService::isBlobName(sha256)) {
        return std::unexpected(DomainError(
            Code::InvalidValue, u"photo"_s, field,
            QCoreApplication::translate("PhotoService", "A photo's image is named by its SHA-256: 64 hex digits.")));
    }
    auto bytes = readBlob(db, sha256);
    if (!bytes)
        return std::unexpected(bytes.error());
    if (!*bytes) {
        return std::unexpected(DomainError(
            Code::InvalidValue, u"photo"_s, field,
            image ? QCoreApplication::translate("PhotoService", "The photo's image has not been uploaded.")
                  : QCoreApplication::translate("PhotoService", "The photo's thumbnail has not been uploaded.")));
    }
    auto size = photos::checkStoredJpeg(**bytes, PhotoService::maxBlobSide(kind));
    if (!size)
        return std::unexpected(DomainError(Code::InvalidValue, u"photo"_s, field, size.error().message));
    return *size;
}

} // namespace

Result<std::optional<QByteArray>> readBlob(const QSqlDatabase &db, const QString &sha256)
{
    auto query = db::exec(db, u"SELECT bytes FROM photo_blobs WHERE sha256 = :sha256"_s, { { u":sha256"_s, sha256 } });
    if (!query)
        return std::unexpected(DomainError(query.error()));
    if (!query->next())
        return std::optional<QByteArray>();
    return std::optional<QByteArray>(query->value(0).toByteArray());
}

Result<void> forgetUnreferencedBlobs(const ServiceContext &context, const QSqlDatabase &db, const QStringList &hashes)
{
    // A replica keeps them: a refused removal brings the photo back, and a pending addPhoto may
    // still have to upload them. Replica forgets what neither names after its pulls.
    if (context.mode() == Mode::Connected)
        return {};
    for (const QString &sha256 : hashes) {
        auto deleted = db::exec(db,
                                u"DELETE FROM photo_blobs WHERE sha256 = :sha256 AND NOT EXISTS ("
                                "SELECT 1 FROM apartment_photos WHERE image_sha256 = :sha256 "
                                "OR thumbnail_sha256 = :sha256)"_s,
                                { { u":sha256"_s, sha256 } });
        if (!deleted)
            return std::unexpected(DomainError(deleted.error()));
    }
    return {};
}

PhotoService::PhotoService(ServiceContext context)
    : m_context(std::move(context))
{
}

Result<Photo> PhotoService::add(const QUuid &actor, const QUuid &apartment, const QByteArray &file,
                                const QUuid &givenId) const
{
    const auto connection = connectionOf(m_context);
    if (!connection)
        return std::unexpected(connection.error());
    const QSqlDatabase &db = *connection;
    // Who may add and whether there is room, before the file is decoded (the slow part, done
    // outside the write transaction); both are checked again inside it.
    if (auto allowed = requireOwner(db, actor, apartment); !allowed)
        return std::unexpected(allowed.error());
    if (auto room = requireRoom(db, apartment); !room)
        return std::unexpected(room.error());
    const auto prepared = photos::preparePhoto(file);
    if (!prepared)
        return std::unexpected(prepared.error());

    const QUuid id = givenId.isNull() ? newId() : givenId;
    const QString now = m_context.nowStored();
    auto done = db::transact(db, [&]() -> Result<void> {
        if (auto allowed = requireOwner(db, actor, apartment); !allowed)
            return allowed;
        if (auto room = requireRoom(db, apartment); !room)
            return room;
        if (auto fresh = requireNewId(db, "apartment_photos", id); !fresh)
            return fresh;
        if (auto stored = insertBlob(db, prepared->imageSha256, prepared->image, now); !stored)
            return stored;
        if (auto stored = insertBlob(db, prepared->thumbnailSha256, prepared->thumbnail, now); !stored)
            return stored;
        return insertPhotoRow(
            m_context, db, actor, apartment, id,
            StoredPhoto { prepared->imageSha256, prepared->thumbnailSha256, prepared->width, prepared->height }, now);
    });
    if (!done)
        return std::unexpected(done.error());
    return loadPhoto(db, id);
}

qint64 PhotoService::maxBlobBytes(BlobKind kind)
{
    return kind == BlobKind::Image ? maxImageBytes : maxThumbnailBytes;
}

int PhotoService::maxBlobSide(BlobKind kind)
{
    return kind == BlobKind::Image ? photos::PhotoLimits::imageSide : photos::PhotoLimits::thumbnailSide;
}

bool PhotoService::isBlobName(const QString &sha256)
{
    return sha256.size() == 64 && std::all_of(sha256.cbegin(), sha256.cend(), [](QChar c) {
               return (c >= u'0' && c <= u'9') || (c >= u'a' && c <= u'f');
           });
}

Result<Photo> PhotoService::addStored(const QUuid &actor, const QUuid &apartment, const StoredPhoto &photo,
                                      const QUuid &id) const
{
    const auto connection = connectionOf(m_context);
    if (!connection)
        return std::unexpected(connection.error());
    const QSqlDatabase &db = *connection;
    const QString now = m_context.nowStored();
    auto done = db::transact(db, [&]() -> Result<void> {
        if (auto allowed = requireOwner(db, actor, apartment); !allowed)
            return allowed;
        if (auto room = requireRoom(db, apartment); !room)
            return room;
        if (auto fresh = requireNewId(db, "apartment_photos", id); !fresh)
            return fresh;
        // The uploads were checked when they came; this checks that the mutation names them
        // truly: an image for the image, a thumbnail for the thumbnail, the image's own size.
        auto image = requireStoredBlob(db, photo.imageSha256, BlobKind::Image, u"imageSha256"_s);
        if (!image)
            return std::unexpected(image.error());
        auto thumbnail = requireStoredBlob(db, photo.thumbnailSha256, BlobKind::Thumbnail, u"thumbnailSha256"_s);
        if (!thumbnail)
            return std::unexpected(thumbnail.error());
        if (image->width() != photo.width || image->height() != photo.height) {
            return std::unexpected(DomainError(
                Code::InvalidValue, u"photo"_s, u"width"_s,
                QCoreApplication::translate("PhotoService", "The photo's size (%1 × %2) is not its image's (%3 × %4).")
                    .arg(photo.width)
                    .arg(photo.height)
                    .arg(image->width())
                    .arg(image->height())));
        }
        return insertPhotoRow(m_context, db, actor, apartment, id, photo, now);
    });
    if (!done)
        return std::unexpected(done.error());
    return loadPhoto(db, id);
}

Result<QStringList> PhotoService::missingBlobs(const QUuid &actor, const QStringList &hashes) const
{
    const auto connection = connectionOf(m_context);
    if (!connection)
        return std::unexpected(connection.error());
    if (auto allowed = requireLandlord(*connection, actor); !allowed)
        return std::unexpected(allowed.error());
    QStringList missing;
    for (const QString &sha256 : hashes) {
        auto here = db::scalar(*connection, u"SELECT count(*) FROM photo_blobs WHERE sha256 = :sha256"_s,
                               { { u":sha256"_s, sha256 } });
        if (!here)
            return std::unexpected(DomainError(here.error()));
        if (here->toInt() == 0 && !missing.contains(sha256))
            missing.append(sha256);
    }
    return missing;
}

// What a blob must be wherever it comes from (a desktop's upload, the server's reply): within
// its kind's bytes, named by its own SHA-256, a complete JPEG within its kind's sides.
Result<void> PhotoService::checkBlob(BlobKind kind, const QString &sha256, const QByteArray &bytes)
{
    if (bytes.size() > maxBlobBytes(kind)) {
        return std::unexpected(
            DomainError(Code::InvalidValue, u"photo"_s, u"size"_s,
                        QCoreApplication::translate("PhotoService", "A stored photo may have at most %1 bytes.")
                            .arg(maxBlobBytes(kind))));
    }
    if (photos::sha256Hex(bytes) != sha256) {
        return std::unexpected(
            DomainError(Code::InvalidValue, u"photo"_s, u"sha256"_s,
                        QCoreApplication::translate("PhotoService", "The photo's bytes do not have this SHA-256.")));
    }
    if (auto checked = photos::checkStoredJpeg(bytes, maxBlobSide(kind)); !checked)
        return std::unexpected(DomainError(Code::InvalidValue, u"photo"_s, u"data"_s, checked.error().message));
    return {};
}

Result<void> PhotoService::storeBlob(const QUuid &actor, BlobKind kind, const QString &sha256,
                                     const QByteArray &bytes) const
{
    const auto connection = connectionOf(m_context);
    if (!connection)
        return std::unexpected(connection.error());
    const QSqlDatabase &db = *connection;
    if (auto allowed = requireLandlord(db, actor); !allowed)
        return allowed;
    if (auto checked = checkBlob(kind, sha256, bytes); !checked)
        return std::unexpected(checked.error());
    return db::transact(db, [&]() -> Result<void> { return insertBlob(db, sha256, bytes, m_context.nowStored()); });
}

Result<QList<PhotoService::WantedBlob>> PhotoService::wantedBlobs() const
{
    const auto connection = connectionOf(m_context);
    if (!connection)
        return std::unexpected(connection.error());
    auto wanted = db::exec(*connection,
                           u"SELECT kind, sha256 FROM (SELECT 0 AS kind, thumbnail_sha256 AS sha256, apartment_id, "
                           "position FROM apartment_photos UNION ALL SELECT 1, image_sha256, apartment_id, position "
                           "FROM apartment_photos) AS w WHERE NOT EXISTS (SELECT 1 FROM photo_blobs AS b "
                           "WHERE b.sha256 = w.sha256) ORDER BY kind, apartment_id, position"_s);
    if (!wanted)
        return std::unexpected(DomainError(wanted.error()));
    QList<WantedBlob> blobs;
    QSet<QString> listed;
    while (wanted->next()) {
        const QString sha256 = wanted->value(1).toString();
        if (listed.contains(sha256))
            continue;
        listed.insert(sha256);
        blobs.append({ wanted->value(0).toInt() == 0 ? BlobKind::Thumbnail : BlobKind::Image, sha256 });
    }
    return blobs;
}

Result<bool> PhotoService::storeFetchedBlob(BlobKind kind, const QString &sha256, const QByteArray &bytes) const
{
    const auto connection = connectionOf(m_context);
    if (!connection)
        return std::unexpected(connection.error());
    const QSqlDatabase &db = *connection;
    if (auto checked = checkBlob(kind, sha256, bytes); !checked)
        return std::unexpected(checked.error());
    bool stored = false;
    auto done = db::transact(db, [&]() -> Result<void> {
        auto named = db::scalar(db,
                                u"SELECT EXISTS (SELECT 1 FROM apartment_photos WHERE image_sha256 = :sha256 "
                                "OR thumbnail_sha256 = :sha256)"_s,
                                { { u":sha256"_s, sha256 } });
        if (!named)
            return std::unexpected(DomainError(named.error()));
        if (!named->toBool())
            return {};
        stored = true;
        return insertBlob(db, sha256, bytes, m_context.nowStored());
    });
    if (!done)
        return std::unexpected(done.error());
    return stored;
}

Result<PhotoService::BlobPart> PhotoService::visibleBlob(const QUuid &actor, const QString &sha256, qint64 offset,
                                                         qint64 length) const
{
    const auto connection = connectionOf(m_context);
    if (!connection)
        return std::unexpected(connection.error());
    const QSqlDatabase &db = *connection;
    auto user = actingUser(db, actor);
    if (!user)
        return std::unexpected(user.error());
    // Who sees an apartment sees its photos (docs/protocol.md, "Who sees what"): a renter every
    // listing, a landlord their own. A blob no such photo names is as absent as one never
    // stored, so that bytes cannot be fetched by their hash alone.
    auto named = db::scalar(db,
                            u"SELECT count(*) FROM apartment_photos p JOIN apartments a ON a.id = p.apartment_id "
                            "WHERE (p.image_sha256 = :sha256 OR p.thumbnail_sha256 = :sha256) "
                            "AND (:everyone = 1 OR a.owner_id = :actor)"_s,
                            { { u":sha256"_s, sha256 },
                              { u":everyone"_s, user->role == Role::Renter ? 1 : 0 },
                              { u":actor"_s, toStoredId(actor) } });
    if (!named)
        return std::unexpected(DomainError(named.error()));
    if (named->toInt() > 0) {
        // substr() counts from 1 in both engines, bytes for a BLOB and a bytea alike.
        auto part =
            db::exec(db, u"SELECT size, substr(bytes, :from, :length) FROM photo_blobs WHERE sha256 = :sha256"_s,
                     { { u":sha256"_s, sha256 },
                       { u":from"_s, std::max<qint64>(0, offset) + 1 },
                       { u":length"_s, std::max<qint64>(0, length) } });
        if (!part)
            return std::unexpected(DomainError(part.error()));
        if (part->next())
            return BlobPart { part->value(0).toLongLong(), part->value(1).toByteArray() };
    }
    return std::unexpected(DomainError(Code::NotFound, u"photo"_s, u"sha256"_s,
                                       QCoreApplication::translate("PhotoService", "There is no such photo.")));
}

Result<void>
PhotoService::changeOwnedPhoto(const QUuid &actor, const QUuid &photo,
                               const std::function<Result<void>(const QSqlDatabase &, const Photo &)> &change) const
{
    const auto connection = connectionOf(m_context);
    if (!connection)
        return std::unexpected(connection.error());
    const QSqlDatabase &db = *connection;
    return db::transact(db, [&]() -> Result<void> {
        auto owned = ownedPhoto(db, actor, photo);
        if (!owned)
            return std::unexpected(owned.error());
        return change(db, *owned);
    });
}

Result<void> PhotoService::move(const QUuid &actor, const QUuid &photo, int newPosition) const
{
    return changeOwnedPhoto(actor, photo, [&](const QSqlDatabase &db, const Photo &moving) -> Result<void> {
        auto gallery = loadPhotos(db, moving.apartmentId);
        if (!gallery)
            return std::unexpected(gallery.error());
        if (newPosition < 0 || newPosition >= gallery->size()) {
            return std::unexpected(
                DomainError(Code::InvalidValue, u"photo"_s, u"position"_s,
                            QCoreApplication::translate("PhotoService", "A photo's place must be between 1 and %1.")
                                .arg(gallery->size())));
        }
        qsizetype from = 0;
        while (gallery->at(from).id != photo)
            ++from;
        gallery->move(from, newPosition);
        if (auto numbered = renumber(db, *gallery, m_context.nowStored()); !numbered)
            return numbered;
        return journal(m_context, db, actor, "movePhoto",
                       QJsonObject { { u"id"_s, toStoredId(photo) }, { u"position"_s, newPosition } });
    });
}

Result<void> PhotoService::remove(const QUuid &actor, const QUuid &photo) const
{
    return changeOwnedPhoto(actor, photo, [&](const QSqlDatabase &db, const Photo &removing) -> Result<void> {
        auto deleted =
            db::exec(db, u"DELETE FROM apartment_photos WHERE id = :id"_s, { { u":id"_s, toStoredId(photo) } });
        if (!deleted)
            return std::unexpected(DomainError(deleted.error()));
        auto rest = loadPhotos(db, removing.apartmentId);
        if (!rest)
            return std::unexpected(rest.error());
        if (auto numbered = renumber(db, *rest, m_context.nowStored()); !numbered)
            return numbered;
        if (auto forgotten = forgetUnreferencedBlobs(m_context, db, { removing.imageSha256, removing.thumbnailSha256 });
            !forgotten)
            return forgotten;
        return journal(m_context, db, actor, "removePhoto", QJsonObject { { u"id"_s, toStoredId(photo) } });
    });
}

Result<QList<Photo>> PhotoService::photos(const QUuid &apartment) const
{
    const auto connection = connectionOf(m_context);
    if (!connection)
        return std::unexpected(connection.error());
    if (auto owner = ownerOf(*connection, apartment); !owner)
        return std::unexpected(owner.error());
    return loadPhotos(*connection, apartment);
}

Result<std::optional<QByteArray>> PhotoService::image(const QString &sha256) const
{
    return blob(sha256);
}

Result<std::optional<QByteArray>> PhotoService::thumbnail(const QString &sha256) const
{
    return blob(sha256);
}

Result<std::optional<QByteArray>> PhotoService::blob(const QString &sha256) const
{
    const auto connection = connectionOf(m_context);
    if (!connection)
        return std::unexpected(connection.error());
    return readBlob(*connection, sha256);
}

} // namespace rentdesk::models::services
