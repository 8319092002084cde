// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/domain/entities.h"

#include <QAbstractListModel>
#include <QCache>
#include <QList>
#include <QPixmap>
#include <QSet>
#include <QUuid>

#include <functional>
#include <optional>

namespace rentdesk::views {

// One apartment's photos in their order, each shown by its thumbnail, for the gallery's strip.
// It holds no database: the gallery gives it the rows and a function that reads a thumbnail's
// bytes by hash (std::nullopt while they have not arrived: a placeholder is shown). Thumbnails
// are decoded once and kept by hash, so that moving photos or coming back to an apartment
// decodes nothing again.
//
// Drag and drop: a photo dragged within the strip is asked to move (moveRequested), image files
// dropped from elsewhere are asked to be added (filesDropped); neither changes the rows here.
// The gallery does the change through the main window's commands and reads the rows again.
class PhotoListModel final : public QAbstractListModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PhotoListModel)

public:
    enum Role {
        IdRole = Qt::UserRole + 1,
        ArrivedRole, // bool: the thumbnail's bytes are here
    };

    // The MIME type of a photo dragged within the strip: its id, as text.
    static constexpr const char *PhotoMimeType = "application/x-rentdesk-photo";

    using ThumbnailReader = std::function<std::optional<QByteArray>(const QString &sha256)>;

    explicit PhotoListModel(ThumbnailReader reader, QObject *parent = nullptr);
    ~PhotoListModel() override;

    // The photos of an apartment, by position; editable: the owner may drag and drop.
    void setPhotos(const QList<models::domain::Photo> &photos, bool editable);
    [[nodiscard]] const QList<models::domain::Photo> &photos() const { return m_photos; }
    [[nodiscard]] int rowOf(const QUuid &photo) const;
    // Forgets the decoded thumbnails that were placeholders, so that bytes that have arrived since
    // are read (after a sync).
    void forgetMissing();

    [[nodiscard]] int rowCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    [[nodiscard]] Qt::ItemFlags flags(const QModelIndex &index) const override;
    [[nodiscard]] QStringList mimeTypes() const override;
    [[nodiscard]] QMimeData *mimeData(const QModelIndexList &indexes) const override;
    [[nodiscard]] Qt::DropActions supportedDragActions() const override;
    [[nodiscard]] Qt::DropActions supportedDropActions() const override;
    [[nodiscard]] bool canDropMimeData(const QMimeData *data, Qt::DropAction action, int row, int column,
                                       const QModelIndex &parent) const override;
    bool dropMimeData(const QMimeData *data, Qt::DropAction action, int row, int column,
                      const QModelIndex &parent) override;

    // The size thumbnails are shown at in the strip.
    static QSize iconSize();

Q_SIGNALS:
    // A photo dragged to the place before row (rowCount(): the end); the new position follows
    // from it.
    void moveRequested(const QUuid &photo, int position);
    // Local files dropped on the strip, in the order dropped.
    void filesDropped(const QStringList &paths);

private:
    // The thumbnail of a hash, decoded and scaled once; a placeholder when it has not arrived or
    // does not decode.
    [[nodiscard]] QPixmap thumbnail(const QString &sha256) const;
    [[nodiscard]] static QPixmap placeholder();

    ThumbnailReader m_reader;
    QList<models::domain::Photo> m_photos;
    bool m_editable = false;
    mutable QCache<QString, QPixmap> m_thumbnails; // by hash
    mutable QSet<QString> m_missing; // hashes read and not here, until forgetMissing()
};

} // namespace rentdesk::views
