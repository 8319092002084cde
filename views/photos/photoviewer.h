// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/domain/entities.h"

#include <QDialog>
#include <QList>
#include <QPixmap>

#include <functional>
#include <optional>

class QLabel;
class QPushButton;

namespace rentdesk::views {

// An apartment's photos one at a time, as large as the window allows (never enlarged beyond
// their pixels): Previous and Next (the arrow keys, Home, End) go through them in order. A photo
// whose image has not arrived from the server yet is shown by its thumbnail, and says so.
class PhotoViewer final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PhotoViewer)

public:
    using BlobReader = std::function<std::optional<QByteArray>(const QString &sha256)>;

    PhotoViewer(QList<models::domain::Photo> photos, int current, BlobReader images, BlobReader thumbnails,
                QWidget *parent = nullptr);
    ~PhotoViewer() override;

    [[nodiscard]] int current() const { return m_current; }
    void showPhoto(int index);
    // The picture shown, at its own size (before scaling to the window).
    [[nodiscard]] QSize pictureSize() const { return m_picture.size(); }
    // "Photo 2 of 5", and a note when only the thumbnail is here.
    [[nodiscard]] QString caption() const;

protected:
    void keyPressEvent(QKeyEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    void retranslate();
    void updatePicture();

    QList<models::domain::Photo> m_photos;
    int m_current = 0;
    BlobReader m_images;
    BlobReader m_thumbnails;
    QPixmap m_picture;
    bool m_onlyThumbnail = false;
    QLabel *m_view;
    QLabel *m_caption;
    QPushButton *m_previous;
    QPushButton *m_next;
    QPushButton *m_close;
};

} // namespace rentdesk::views
