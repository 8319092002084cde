// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/domain/entities.h"
#include "models/services/servicecontext.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>
#include <QUuid>

#include <functional>
#include <optional>

class QSqlDatabase;

namespace rentdesk::models::services {

// The photos of an apartment (docs/architecture.md, "Photos"): only its owner adds, reorders and
// removes them; anyone may see them, as the listing is public. A file is checked and re-encoded
// by models/photos/ before anything is written; its bytes are stored once per SHA-256
// (photo_blobs) and its row names them by hash. Positions stay 0..n-1 without gaps. Every change
// is journaled without the bytes; on a connected replica, the bytes stay until the replica finds
// neither a photo nor a queued addPhoto naming them. Over sync, the bytes travel apart from the
// addPhoto mutation, by hash (docs/protocol.md, "Photos"): storeBlob() takes an uploaded JPEG,
// addStored() a photo whose blobs are here.
class PhotoService final
{
public:
    explicit PhotoService(ServiceContext context);

    static constexpr int maxPhotosPerApartment = 20;
    // The most bytes an uploaded stored JPEG may have: a 2048-pixel JPEG of quality 85 is a
    // megabyte or two, a 320-pixel thumbnail some 30 KB; the caps leave room and bound what an
    // upload may hold in memory.
    static constexpr qint64 maxImageBytes = 8LL * 1024 * 1024;
    static constexpr qint64 maxThumbnailBytes = 1LL * 1024 * 1024;

    // Which stored JPEG a blob is: the sides and the byte cap it is checked against.
    enum class BlobKind { Image, Thumbnail };
    [[nodiscard]] static qint64 maxBlobBytes(BlobKind kind);
    [[nodiscard]] static int maxBlobSide(BlobKind kind);
    // 64 lowercase hex digits, as blobs are named.
    [[nodiscard]] static bool isBlobName(const QString &sha256);

    // A photo whose two JPEGs are stored already, named by hash: what addPhoto carries.
    struct StoredPhoto
    {
        QString imageSha256;
        QString thumbnailSha256;
        int width = 0;
        int height = 0;
    };

    // Adds the photo at the end of the gallery. The id to give it, or a new one when null.
    [[nodiscard]] Result<domain::Photo> add(const QUuid &actor, const QUuid &apartment, const QByteArray &file,
                                            const QUuid &id = {}) const;
    // Adds the photo from blobs stored here (uploaded before): the same rules as add(), and the
    // image must be stored, width × height, and the thumbnail stored, within 320 pixels.
    [[nodiscard]] Result<domain::Photo> addStored(const QUuid &actor, const QUuid &apartment, const StoredPhoto &photo,
                                                  const QUuid &id) const;
    // Which of the hashes have no bytes here, in the order given (a landlord only: renters
    // upload nothing).
    [[nodiscard]] Result<QStringList> missingBlobs(const QUuid &actor, const QStringList &hashes) const;
    // Stores an uploaded JPEG once its SHA-256 is its name and checkStoredJpeg() accepts it
    // (a landlord only). Storing one that is here already changes nothing.
    [[nodiscard]] Result<void> storeBlob(const QUuid &actor, BlobKind kind, const QString &sha256,
                                         const QByteArray &bytes) const;
    // A blob a replica lacks: a photo here names it, its bytes have not arrived.
    struct WantedBlob
    {
        BlobKind kind;
        QString sha256;
    };
    // The blobs that photos here name and that are not stored: every thumbnail first (a gallery
    // fills with them), then the images, each in the order of its apartment's photos.
    [[nodiscard]] Result<QList<WantedBlob>> wantedBlobs() const;
    // Stores a blob fetched from the server (photo.get) once its SHA-256 is its name and
    // checkStoredJpeg() accepts it, as the server checks an upload: the replica trusts the
    // server's bytes no more than the server trusts a desktop's. false, storing nothing, when
    // no photo here names it any more (removed while it was on its way).
    [[nodiscard]] Result<bool> storeFetchedBlob(BlobKind kind, const QString &sha256, const QByteArray &bytes) const;
    // A part of a blob that a photo the actor may see names (an apartment a renter sees, every
    // one, or one of the landlord's own); NotFound otherwise, the same as for no blob. Only the
    // part asked for is read (photo.get sends a large image in many chunks).
    struct BlobPart
    {
        qint64 size = 0; // the whole blob's
        QByteArray bytes; // from the offset asked, at most the length asked
    };
    [[nodiscard]] Result<BlobPart> visibleBlob(const QUuid &actor, const QString &sha256, qint64 offset = 0,
                                               qint64 length = maxImageBytes) const;
    // Moves the photo to newPosition (0..n-1); the others close up around it.
    [[nodiscard]] Result<void> move(const QUuid &actor, const QUuid &photo, int newPosition) const;
    // Removes the photo, and its bytes unless another photo names them too.
    [[nodiscard]] Result<void> remove(const QUuid &actor, const QUuid &photo) const;

    // The apartment's photos by position (NotFound for no such apartment).
    [[nodiscard]] Result<QList<domain::Photo>> photos(const QUuid &apartment) const;
    // A stored JPEG by its hash; std::nullopt when its bytes are not here (a replica waiting for
    // them).
    [[nodiscard]] Result<std::optional<QByteArray>> image(const QString &sha256) const;
    [[nodiscard]] Result<std::optional<QByteArray>> thumbnail(const QString &sha256) const;

private:
    // The checks of a blob's bytes before they are stored (InvalidValue on size, sha256 or data).
    [[nodiscard]] static Result<void> checkBlob(BlobKind kind, const QString &sha256, const QByteArray &bytes);
    [[nodiscard]] Result<std::optional<QByteArray>> blob(const QString &sha256) const;
    // What move() and remove() share: on a database where photos change, in one transaction,
    // change() with the actor's own photo (NotFound, NotAllowed otherwise).
    [[nodiscard]] Result<void>
    changeOwnedPhoto(const QUuid &actor, const QUuid &photo,
                     const std::function<Result<void>(const QSqlDatabase &, const domain::Photo &)> &change) const;

    ServiceContext m_context;
};

} // namespace rentdesk::models::services
