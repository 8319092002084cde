// SPDX-License-Identifier: GPL-3.0-or-later
#include "views/photos/photoviewer.h"

#include <QEvent>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QImage>
#include <QKeyEvent>
#include <QLabel>
#include <QPushButton>
#include <QScreen>
#include <QVBoxLayout>

namespace rentdesk::views {

PhotoViewer::PhotoViewer(QList<models::domain::Photo> photos, int current, BlobReader images, BlobReader thumbnails,
                         QWidget *parent)
    : QDialog(parent)
    , m_photos(std::move(photos))
    , m_images(std::move(images))
    , m_thumbnails(std::move(thumbnails))
    , m_view(new QLabel(this))
    , m_caption(new QLabel(this))
    , m_previous(new QPushButton(this))
    , m_next(new QPushButton(this))
    , m_close(new QPushButton(this))
{
    setObjectName(QStringLiteral("photoViewer"));
    m_view->setObjectName(QStringLiteral("photoViewerPicture"));
    m_view->setAlignment(Qt::AlignCenter);
    m_view->setMinimumSize(320, 240);
    m_view->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Ignored);
    m_caption->setObjectName(QStringLiteral("photoViewerCaption"));
    m_previous->setAutoDefault(false);
    m_next->setAutoDefault(false);

    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_previous);
    buttons->addWidget(m_caption, 1, Qt::AlignCenter);
    buttons->addWidget(m_next);
    buttons->addSpacing(12);
    buttons->addWidget(m_close);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_view, 1);
    layout->addLayout(buttons);

    connect(m_previous, &QPushButton::clicked, this, [this] { showPhoto(m_current - 1); });
    connect(m_next, &QPushButton::clicked, this, [this] { showPhoto(m_current + 1); });
    connect(m_close, &QPushButton::clicked, this, &QDialog::accept);

    // Large, yet within the screen the window is on.
    const QScreen *screen = parent ? parent->screen() : QGuiApplication::primaryScreen();
    const QSize room = screen ? screen->availableSize() * 0.8 : QSize(1024, 768);
    resize(room.boundedTo(QSize(1400, 1000)));
    retranslate();
    showPhoto(current);
}

PhotoViewer::~PhotoViewer() = default;

void PhotoViewer::showPhoto(int index)
{
    if (m_photos.isEmpty())
        return;
    m_current = std::clamp(index, 0, int(m_photos.size()) - 1);
    const models::domain::Photo &photo = m_photos.at(m_current);
    QImage image;
    const std::optional<QByteArray> bytes = m_images(photo.imageSha256);
    m_onlyThumbnail = !bytes || !image.loadFromData(*bytes, "JPEG");
    if (m_onlyThumbnail) {
        if (const std::optional<QByteArray> thumbnail = m_thumbnails(photo.thumbnailSha256))
            image.loadFromData(*thumbnail, "JPEG");
    }
    m_picture = QPixmap::fromImage(image);
    m_previous->setEnabled(m_current > 0);
    m_next->setEnabled(m_current + 1 < m_photos.size());
    m_caption->setText(caption());
    updatePicture();
}

QString PhotoViewer::caption() const
{
    if (m_photos.isEmpty())
        return {};
    const QString place = tr("Photo %1 of %2").arg(m_current + 1).arg(m_photos.size());
    if (!m_onlyThumbnail)
        return place;
    return m_picture.isNull() ? tr("%1: its picture has not arrived from the server yet.").arg(place)
                              : tr("%1: the full-size picture has not arrived from the server yet.").arg(place);
}

void PhotoViewer::updatePicture()
{
    if (m_picture.isNull()) {
        m_view->setPixmap({});
        return;
    }
    // Fitted into the window, never larger than the photo itself (a thumbnail stays small).
    const QSize fitted = m_picture.size().scaled(m_view->size(), Qt::KeepAspectRatio).boundedTo(m_picture.size());
    m_view->setPixmap(m_picture.scaled(fitted, Qt::KeepAspectRatio, Qt::SmoothTransformation));
}

void PhotoViewer::keyPressEvent(QKeyEvent *event)
{
    switch (event->key()) {
    case Qt::Key_Left:
        showPhoto(m_current - 1);
        return;
    case Qt::Key_Right:
    case Qt::Key_Space:
        showPhoto(m_current + 1);
        return;
    case Qt::Key_Home:
        showPhoto(0);
        return;
    case Qt::Key_End:
        showPhoto(int(m_photos.size()) - 1);
        return;
    default:
        QDialog::keyPressEvent(event);
    }
}

void PhotoViewer::resizeEvent(QResizeEvent *event)
{
    QDialog::resizeEvent(event);
    updatePicture();
}

void PhotoViewer::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        retranslate();
        m_caption->setText(caption());
    }
    QDialog::changeEvent(event);
}

void PhotoViewer::retranslate()
{
    setWindowTitle(tr("Photos"));
    m_previous->setText(tr("◀ Previous"));
    m_next->setText(tr("Next ▶"));
    m_close->setText(tr("Close"));
}

} // namespace rentdesk::views
