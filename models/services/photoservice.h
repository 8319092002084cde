// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/domain/entities.h"
#include "models/services/servicecontext.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <QUuid>

#include <functional>
#include <optional>

class QSqlDatabase;

namespace rentdesk::models::services {

// The photos of an apartment (docs/architecture.md, "Photos"): only its owner adds, reorders and
// removes them; anyone may see them, as the listing is public. A file is checked and re-encoded
// by models/photos/ before anything is written; its bytes are stored once per SHA-256
// (photo_blobs) and its row names them by hash. Positions stay 0..n-1 without gaps. Every change
// is journaled without the bytes. A connected replica refuses changes (NotInThisMode) until sync
// carries photos.
class PhotoService final
{
public:
    explicit PhotoService(ServiceContext context);

    static constexpr int maxPhotosPerApartment = 20;

    // Adds the photo at the end of the gallery. The id to give it, or a new one when null.
    [[nodiscard]] Result<domain::Photo> add(const QUuid &actor, const QUuid &apartment, const QByteArray &file,
                                            const QUuid &id = {}) const;
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
    [[nodiscard]] Result<std::optional<QByteArray>> blob(const QString &sha256) const;
    // What move() and remove() share: on a database where photos change, in one transaction,
    // change() with the actor's own photo (NotFound, NotAllowed otherwise).
    [[nodiscard]] Result<void>
    changeOwnedPhoto(const QUuid &actor, const QUuid &photo,
                     const std::function<Result<void>(const QSqlDatabase &, const domain::Photo &)> &change) const;

    ServiceContext m_context;
};

} // namespace rentdesk::models::services
