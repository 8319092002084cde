// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QObject>
#include <QStringList>
#include <QUuid>

class QWidget;

namespace rentdesk::views {

struct Workspace;

// What the photo gallery's owner asks, done through the photo service as the signed-in user:
// adding image files (chosen in a dialog or dropped), moving a photo, removing one after asking.
// Each refusal is said, naming the file and the problem; what was added before a refusal stays.
// Announces each change so that the window reads its pages again.
class PhotoCommands final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PhotoCommands)

public:
    PhotoCommands(Workspace &workspace, QWidget *window);
    ~PhotoCommands() override;

    // Image files chosen in a dialog for the apartment; what to say in the status bar, or empty.
    QString chooseAndAdd(const QUuid &apartment);
    // The files in order, each checked and stored on its own; a progress dialog for several. What
    // to say in the status bar ("3 photos added."), or empty when none was.
    QString add(const QUuid &apartment, const QStringList &paths);
    void move(const QUuid &photo, int position);
    // After asking.
    void remove(const QUuid &photo);

Q_SIGNALS:
    // Photos were added, moved or removed; photo is the one to select afterwards (null: none).
    void changed(const QUuid &photo);

private:
    Workspace &m_workspace;
    QWidget *m_window;
};

} // namespace rentdesk::views
