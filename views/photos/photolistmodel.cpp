// SPDX-License-Identifier: GPL-3.0-or-later
#include "views/photos/photolistmodel.h"

#include <QFileInfo>
#include <QImage>
#include <QMimeData>
#include <QPainter>
#include <QPalette>
#include <QUrl>

namespace rentdesk::views {

using namespace Qt::StringLiterals;

namespace {

// Enough for the photos of a few dozen apartments browsed one after another.
constexpr int thumbnailsKept = 400;

QUuid draggedPhoto(const QMimeData *data)
{
    return QUuid::fromString(QString::fromLatin1(data->data(QString::fromLatin1(PhotoListModel::PhotoMimeType))));
}

QStringList localFiles(const QMimeData *data)
{
    QStringList paths;
    for (const QUrl &url : data->urls()) {
        if (url.isLocalFile() && QFileInfo(url.toLocalFile()).isFile())
            paths.append(url.toLocalFile());
    }
    return paths;
}

} // namespace

PhotoListModel::PhotoListModel(ThumbnailReader reader, QObject *parent)
    : QAbstractListModel(parent)
    , m_reader(std::move(reader))
    , m_thumbnails(thumbnailsKept)
{
}

PhotoListModel::~PhotoListModel() = default;

QSize PhotoListModel::iconSize()
{
    return { 120, 90 };
}

void PhotoListModel::setPhotos(const QList<models::domain::Photo> &photos, bool editable)
{
    beginResetModel();
    m_photos = photos;
    m_editable = editable;
    endResetModel();
}

int PhotoListModel::rowOf(const QUuid &photo) const
{
    for (int row = 0; row < m_photos.size(); ++row) {
        if (m_photos.at(row).id == photo)
            return row;
    }
    return -1;
}

void PhotoListModel::forgetMissing()
{
    if (m_missing.isEmpty())
        return;
    m_missing.clear();
    if (!m_photos.isEmpty())
        Q_EMIT dataChanged(index(0), index(int(m_photos.size()) - 1), { Qt::DecorationRole, ArrivedRole });
}

int PhotoListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_photos.size());
}

QVariant PhotoListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const models::domain::Photo &photo = m_photos.at(index.row());
    switch (role) {
    case Qt::DecorationRole:
        return thumbnail(photo.thumbnailSha256);
    case Qt::ToolTipRole:
    case Qt::AccessibleTextRole:
        //: A photo in the gallery: its place and its size in pixels.
        return tr("Photo %1 of %2, %3 × %4")
            .arg(index.row() + 1)
            .arg(m_photos.size())
            .arg(photo.width)
            .arg(photo.height);
    case IdRole:
        return photo.id;
    case ArrivedRole:
        (void)thumbnail(photo.thumbnailSha256);
        return !m_missing.contains(photo.thumbnailSha256);
    default:
        return {};
    }
}

QPixmap PhotoListModel::thumbnail(const QString &sha256) const
{
    if (const QPixmap *kept = m_thumbnails.object(sha256))
        return *kept;
    if (m_missing.contains(sha256))
        return placeholder();
    const std::optional<QByteArray> bytes = m_reader(sha256);
    QImage image;
    if (!bytes || !image.loadFromData(*bytes, "JPEG")) {
        m_missing.insert(sha256);
        return placeholder();
    }
    auto *pixmap = new QPixmap(QPixmap::fromImage(
        image.scaled(iconSize(), Qt::KeepAspectRatio, Qt::SmoothTransformation), Qt::NoFormatConversion));
    const QPixmap shown = *pixmap;
    m_thumbnails.insert(sha256, pixmap);
    return shown;
}

QPixmap PhotoListModel::placeholder()
{
    // A grey frame with an ellipsis: the photo is there, its picture is on its way.
    QPixmap pixmap(iconSize());
    pixmap.fill(QPalette().color(QPalette::Window));
    QPainter painter(&pixmap);
    painter.setPen(QPalette().color(QPalette::Mid));
    painter.drawRect(pixmap.rect().adjusted(0, 0, -1, -1));
    painter.setPen(QPalette().color(QPalette::PlaceholderText));
    painter.drawText(pixmap.rect(), Qt::AlignCenter, u"…"_s);
    return pixmap;
}

Qt::ItemFlags PhotoListModel::flags(const QModelIndex &index) const
{
    Qt::ItemFlags flags = QAbstractListModel::flags(index);
    if (m_editable) {
        flags |= Qt::ItemIsDropEnabled; // the root too: a drop after the last photo
        if (index.isValid())
            flags |= Qt::ItemIsDragEnabled;
    }
    return flags;
}

QStringList PhotoListModel::mimeTypes() const
{
    return { QString::fromLatin1(PhotoMimeType), u"text/uri-list"_s };
}

QMimeData *PhotoListModel::mimeData(const QModelIndexList &indexes) const
{
    if (indexes.isEmpty() || !indexes.first().isValid())
        return nullptr;
    auto *data = new QMimeData;
    data->setData(QString::fromLatin1(PhotoMimeType),
                  m_photos.at(indexes.first().row()).id.toString(QUuid::WithoutBraces).toLatin1());
    return data;
}

// A photo dragged within the strip is copied, as far as the view knows: with a move, the view
// would remove the dragged row itself once the drop is over, and the rows here follow the
// database only.
Qt::DropActions PhotoListModel::supportedDragActions() const
{
    return Qt::CopyAction;
}

Qt::DropActions PhotoListModel::supportedDropActions() const
{
    return Qt::CopyAction | Qt::MoveAction | Qt::LinkAction;
}

bool PhotoListModel::canDropMimeData(const QMimeData *data, Qt::DropAction, int, int, const QModelIndex &) const
{
    if (!m_editable || !data)
        return false;
    const QUuid dragged = draggedPhoto(data);
    if (!dragged.isNull())
        return rowOf(dragged) >= 0;
    return !localFiles(data).isEmpty();
}

bool PhotoListModel::dropMimeData(const QMimeData *data, Qt::DropAction action, int row, int column,
                                  const QModelIndex &parent)
{
    if (!canDropMimeData(data, action, row, column, parent))
        return false;
    // On a photo: before it; between photos: there; elsewhere: at the end.
    const int before = parent.isValid() ? parent.row() : (row >= 0 ? row : int(m_photos.size()));
    if (const QUuid dragged = draggedPhoto(data); !dragged.isNull()) {
        const int from = rowOf(dragged);
        const int position = std::clamp(before > from ? before - 1 : before, 0, int(m_photos.size()) - 1);
        if (position != from)
            Q_EMIT moveRequested(dragged, position);
        return true;
    }
    Q_EMIT filesDropped(localFiles(data));
    return true;
}

} // namespace rentdesk::views
