// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QUuid>
#include <QWidget>

class QLabel;
class QListView;
class QToolButton;

namespace rentdesk::views {

class PhotoListModel;
struct Workspace;

// The photos of the apartment selected on the Apartments page, under its details: a strip of
// thumbnails in the owner's order; a double click (or Return) opens the larger viewer. The
// owner adds photos (Add…, or image files dropped on the strip), moves them (dragging within
// the strip, the arrow buttons, Ctrl+Left and Ctrl+Right) and removes them (Remove, Delete).
// It reads through the photo service and changes nothing itself: each change is asked of the
// main window's commands (the signals), which say why when the service refuses; the page
// reads the photos again afterwards.
class PhotoGallery final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PhotoGallery)

public:
    explicit PhotoGallery(Workspace &workspace, QWidget *parent = nullptr);
    ~PhotoGallery() override;

    // The photos of an apartment (null: none selected); own: the signed-in user owns it and may
    // change them. The photo selected stays selected when it is still there; thumbnails that had
    // not arrived are looked for again.
    void showApartment(const QUuid &apartment, bool own);
    // Reads the photos of the apartment shown again.
    void reload();
    [[nodiscard]] QUuid apartment() const { return m_apartment; }
    [[nodiscard]] bool isEditable() const { return m_own; }
    // The selected photo, or null.
    [[nodiscard]] QUuid currentPhoto() const;
    void setCurrentPhoto(const QUuid &photo);
    // Opens the viewer on the selected photo (nothing without one).
    void openViewer();

    [[nodiscard]] QListView *strip() const { return m_strip; }
    [[nodiscard]] PhotoListModel *model() const { return m_model; }

Q_SIGNALS:
    // What the owner asks; apartment is the one shown.
    void addRequested(const QUuid &apartment);
    void filesDropped(const QUuid &apartment, const QStringList &paths);
    void moveRequested(const QUuid &photo, int position);
    void removeRequested(const QUuid &photo);

protected:
    void changeEvent(QEvent *event) override;
    bool eventFilter(QObject *watched, QEvent *event) override;
    // Files dropped beside the strip (on the empty gallery's sentence) are added too.
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dropEvent(QDropEvent *event) override;

private:
    void retranslate();
    void updateState();
    // Asks to move the selected photo by step places.
    void moveCurrent(int step);

    Workspace &m_workspace;
    QUuid m_apartment;
    bool m_own = false;
    PhotoListModel *m_model;
    QLabel *m_title;
    QListView *m_strip;
    QLabel *m_empty;
    QWidget *m_buttons;
    QToolButton *m_add;
    QToolButton *m_earlier;
    QToolButton *m_later;
    QToolButton *m_remove;
};

} // namespace rentdesk::views
