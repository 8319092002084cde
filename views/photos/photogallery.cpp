// SPDX-License-Identifier: GPL-3.0-or-later
#include "views/photos/photogallery.h"

#include "models/itemmodels/retranslate.h"
#include "views/mainwindow/workspace.h"
#include "views/photos/photolistmodel.h"
#include "views/photos/photoviewer.h"

#include <QDragEnterEvent>
#include <QDropEvent>
#include <QEvent>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QListView>
#include <QMimeData>
#include <QScrollBar>
#include <QToolButton>
#include <QVBoxLayout>

namespace rentdesk::views {

using namespace Qt::StringLiterals;

namespace {

std::optional<QByteArray> readBlob(const models::services::Result<std::optional<QByteArray>> &read)
{
    // A failure to read is shown as a photo whose picture is not here: the placeholder.
    return read ? *read : std::nullopt;
}

QToolButton *makeButton(QWidget *parent, const QString &objectName)
{
    auto *button = new QToolButton(parent);
    button->setObjectName(objectName);
    button->setToolButtonStyle(Qt::ToolButtonTextOnly);
    return button;
}

} // namespace

PhotoGallery::PhotoGallery(Workspace &workspace, QWidget *parent)
    : QWidget(parent)
    , m_workspace(workspace)
    , m_model(new PhotoListModel(
          [&workspace](const QString &sha256) { return readBlob(workspace.photos.thumbnail(sha256)); }, this))
    , m_title(new QLabel(this))
    , m_strip(new QListView(this))
    , m_empty(new QLabel(this))
    , m_buttons(new QWidget(this))
    , m_add(makeButton(m_buttons, u"addPhotosButton"_s))
    , m_earlier(makeButton(m_buttons, u"photoEarlierButton"_s))
    , m_later(makeButton(m_buttons, u"photoLaterButton"_s))
    , m_remove(makeButton(m_buttons, u"removePhotoButton"_s))
{
    setObjectName(u"photoGallery"_s);
    m_strip->setObjectName(u"photoStrip"_s);
    m_strip->setModel(m_model);
    // One row of thumbnails, scrolled sideways: the details above keep their room.
    m_strip->setViewMode(QListView::ListMode);
    m_strip->setFlow(QListView::LeftToRight);
    m_strip->setWrapping(false);
    m_strip->setIconSize(PhotoListModel::iconSize());
    m_strip->setGridSize(PhotoListModel::iconSize() + QSize(8, 8));
    m_strip->setUniformItemSizes(true);
    m_strip->setSelectionMode(QAbstractItemView::SingleSelection);
    m_strip->setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_strip->setHorizontalScrollMode(QAbstractItemView::ScrollPerPixel);
    m_strip->setDragDropMode(QAbstractItemView::DragDrop);
    m_strip->setDefaultDropAction(Qt::CopyAction);
    m_strip->setDropIndicatorShown(true);
    m_strip->installEventFilter(this);
    const int stripHeight = PhotoListModel::iconSize().height() + 8 + 2 * m_strip->frameWidth()
        + m_strip->horizontalScrollBar()->sizeHint().height();
    m_strip->setFixedHeight(stripHeight);

    m_empty->setObjectName(u"photoGalleryEmpty"_s);
    m_empty->setWordWrap(true);
    m_empty->setMinimumHeight(stripHeight / 2);
    m_empty->setAlignment(Qt::AlignCenter);
    m_empty->setFrameShape(QFrame::StyledPanel);
    m_title->setObjectName(u"photoGalleryTitle"_s);

    auto *buttons = new QHBoxLayout(m_buttons);
    buttons->setContentsMargins(0, 0, 0, 0);
    buttons->addWidget(m_add);
    buttons->addWidget(m_earlier);
    buttons->addWidget(m_later);
    buttons->addWidget(m_remove);
    buttons->addStretch(1);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 4, 0, 0);
    layout->setSpacing(4);
    layout->addWidget(m_title);
    layout->addWidget(m_strip);
    layout->addWidget(m_empty);
    layout->addWidget(m_buttons);

    connect(m_add, &QToolButton::clicked, this, [this] { Q_EMIT addRequested(m_apartment); });
    connect(m_earlier, &QToolButton::clicked, this, [this] { moveCurrent(-1); });
    connect(m_later, &QToolButton::clicked, this, [this] { moveCurrent(+1); });
    connect(m_remove, &QToolButton::clicked, this, [this] {
        if (const QUuid photo = currentPhoto(); !photo.isNull())
            Q_EMIT removeRequested(photo);
    });
    connect(m_strip, &QListView::activated, this, &PhotoGallery::openViewer);
    connect(m_strip->selectionModel(), &QItemSelectionModel::currentChanged, this, &PhotoGallery::updateState);
    // Queued: the drop is still being handled by the view when the model asks.
    connect(m_model, &PhotoListModel::moveRequested, this, &PhotoGallery::moveRequested, Qt::QueuedConnection);
    connect(
        m_model, &PhotoListModel::filesDropped, this,
        [this](const QStringList &paths) { Q_EMIT filesDropped(m_apartment, paths); }, Qt::QueuedConnection);

    retranslate();
    updateState();
}

PhotoGallery::~PhotoGallery() = default;

void PhotoGallery::showApartment(const QUuid &apartment, bool own)
{
    const bool same = apartment == m_apartment;
    const QUuid keep = same ? currentPhoto() : QUuid();
    m_apartment = apartment;
    m_own = own && !apartment.isNull();
    QList<models::domain::Photo> photos;
    if (!apartment.isNull()) {
        // A failure to read shows no photos; the details above say what failed to read.
        if (auto read = m_workspace.photos.photos(apartment))
            photos = std::move(*read);
    }
    // Thumbnails that had not arrived are looked for again: a sync may have brought them.
    m_model->forgetMissing();
    m_model->setPhotos(photos, m_own);
    m_strip->setDragEnabled(m_own);
    m_strip->setAcceptDrops(m_own);
    setAcceptDrops(m_own);
    setCurrentPhoto(keep);
    if (!same)
        m_strip->horizontalScrollBar()->setValue(0); // another apartment's photos from their first
    updateState();
}

void PhotoGallery::reload()
{
    showApartment(m_apartment, m_own);
}

QUuid PhotoGallery::currentPhoto() const
{
    const QModelIndexList selected = m_strip->selectionModel()->selectedIndexes();
    return selected.isEmpty() ? QUuid() : selected.first().data(PhotoListModel::IdRole).toUuid();
}

void PhotoGallery::setCurrentPhoto(const QUuid &photo)
{
    const int row = m_model->rowOf(photo);
    if (row < 0) {
        m_strip->selectionModel()->clearSelection();
        return;
    }
    const QModelIndex index = m_model->index(row);
    m_strip->selectionModel()->setCurrentIndex(index, QItemSelectionModel::ClearAndSelect);
    m_strip->scrollTo(index);
}

void PhotoGallery::openViewer()
{
    const int row = m_model->rowOf(currentPhoto());
    if (row < 0)
        return;
    auto *viewer = new PhotoViewer(
        m_model->photos(), row, [this](const QString &sha256) { return readBlob(m_workspace.photos.image(sha256)); },
        [this](const QString &sha256) { return readBlob(m_workspace.photos.thumbnail(sha256)); }, window());
    viewer->setAttribute(Qt::WA_DeleteOnClose);
    viewer->open();
}

void PhotoGallery::moveCurrent(int step)
{
    const QUuid photo = currentPhoto();
    const int row = m_model->rowOf(photo);
    if (!m_own || row < 0 || row + step < 0 || row + step >= m_model->rowCount())
        return;
    Q_EMIT moveRequested(photo, row + step);
}

void PhotoGallery::updateState()
{
    const int count = m_model->rowCount();
    const int row = m_model->rowOf(currentPhoto());
    m_strip->setVisible(count > 0);
    m_empty->setVisible(count == 0);
    m_buttons->setVisible(m_own);
    m_add->setEnabled(m_own);
    m_earlier->setEnabled(m_own && row > 0);
    m_later->setEnabled(m_own && row >= 0 && row + 1 < count);
    m_remove->setEnabled(m_own && row >= 0);
    setVisible(!m_apartment.isNull());
    retranslate(); // the sentences that depend on the owner and the count
}

void PhotoGallery::retranslate()
{
    m_add->setText(tr("Add…"));
    m_add->setToolTip(tr("Add photos from image files (JPEG, PNG or WebP), or drop them on the gallery"));
    //: Moves the selected photo one place towards the first.
    m_earlier->setText(tr("◀"));
    m_earlier->setToolTip(tr("Move the photo one place earlier (Ctrl+Left)"));
    m_later->setText(tr("▶"));
    m_later->setToolTip(tr("Move the photo one place later (Ctrl+Right)"));
    m_remove->setText(tr("Remove"));
    m_remove->setToolTip(tr("Remove the selected photo (Delete)"));
    m_strip->setAccessibleName(tr("Photos"));
    m_strip->setToolTip(m_own ? tr("Double-click a photo to see it larger; drag it to change the order") : QString());
    m_empty->setText(m_own ? tr("No photos yet. Add them with Add…, or drop image files here.") : tr("No photos."));
    const int count = m_model->rowCount();
    m_title->setText(count == 0 ? tr("Photos") : tr("Photos (%1)").arg(count));
    // The photos' descriptions (tips and what a screen reader says).
    models::itemmodels::announceRetranslated(*m_model);
}

void PhotoGallery::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

bool PhotoGallery::eventFilter(QObject *watched, QEvent *event)
{
    // The window's Delete (the apartment) and the table's Ctrl+arrows must not take the keys
    // meant for the photo: the strip claims them before shortcuts are looked up.
    if (watched == m_strip && event->type() == QEvent::ShortcutOverride) {
        const auto *key = static_cast<QKeyEvent *>(event);
        const bool arrows =
            key->modifiers() == Qt::ControlModifier && (key->key() == Qt::Key_Left || key->key() == Qt::Key_Right);
        if (m_own && (key->key() == Qt::Key_Delete || arrows)) {
            event->accept();
            return true;
        }
    }
    if (watched == m_strip && event->type() == QEvent::KeyPress) {
        const auto *key = static_cast<QKeyEvent *>(event);
        if (key->key() == Qt::Key_Delete && m_own && !currentPhoto().isNull()) {
            Q_EMIT removeRequested(currentPhoto());
            return true;
        }
        if (key->modifiers() == Qt::ControlModifier && (key->key() == Qt::Key_Left || key->key() == Qt::Key_Right)) {
            moveCurrent(key->key() == Qt::Key_Left ? -1 : +1);
            return true;
        }
    }
    return QWidget::eventFilter(watched, event);
}

void PhotoGallery::dragEnterEvent(QDragEnterEvent *event)
{
    if (m_model->canDropMimeData(event->mimeData(), event->proposedAction(), -1, -1, {}))
        event->acceptProposedAction();
}

void PhotoGallery::dropEvent(QDropEvent *event)
{
    if (m_model->dropMimeData(event->mimeData(), event->proposedAction(), -1, -1, {}))
        event->acceptProposedAction();
}

} // namespace rentdesk::views
