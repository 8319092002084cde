// SPDX-License-Identifier: GPL-3.0-or-later
#include "views/photos/photocommands.h"

#include "models/photos/photoimage.h"
#include "views/common/messages.h"
#include "views/mainwindow/workspace.h"
#include "views/widgets/taskprogress.h"

#include <QFile>
#include <QFileInfo>

#include <optional>

namespace rentdesk::views {

using namespace Qt::StringLiterals;

PhotoCommands::PhotoCommands(Workspace &workspace, QWidget *window)
    : QObject(window)
    , m_workspace(workspace)
    , m_window(window)
{
}

PhotoCommands::~PhotoCommands() = default;

QString PhotoCommands::chooseAndAdd(const QUuid &apartment)
{
    if (apartment.isNull())
        return {};
    const QStringList paths = messages::openFileNames(
        m_window, tr("Add photos"), tr("Images (*.jpg *.jpeg *.png *.webp);;All files (*)"), u"photos/folder"_s);
    return paths.isEmpty() ? QString() : add(apartment, paths);
}

QString PhotoCommands::add(const QUuid &apartment, const QStringList &paths)
{
    using Limits = models::photos::PhotoLimits;
    // Decoding a large photo takes a moment; with several, the person sees how far it is and may
    // stop (what is added stays).
    std::optional<TaskProgress> progress;
    if (paths.size() > 1)
        progress.emplace(m_window, tr("Adding photos…"), tr("Stop"));
    QStringList refused;
    QUuid last;
    int added = 0;
    for (int i = 0; i < paths.size(); ++i) {
        if (progress && !progress->step(i, paths.size()))
            break;
        const QString name = QFileInfo(paths.at(i)).fileName();
        QFile file(paths.at(i));
        if (!file.open(QIODevice::ReadOnly)) {
            refused.append(tr("%1: %2").arg(name, file.errorString()));
            continue;
        }
        // One byte past the limit is enough for the service to refuse the file by its size: a
        // huge file is never read whole.
        const QByteArray bytes = file.read(Limits::maxInputBytes + 1);
        if (bytes.isEmpty() && file.error() != QFileDevice::NoError) {
            refused.append(tr("%1: %2").arg(name, file.errorString()));
            continue;
        }
        auto photo = m_workspace.photos.add(m_workspace.session.userId(), apartment, bytes);
        if (!photo) {
            refused.append(tr("%1: %2").arg(name, photo.error().message));
            continue;
        }
        last = photo->id;
        ++added;
    }
    progress.reset();
    if (added > 0)
        Q_EMIT changed(last);
    if (!refused.isEmpty()) {
        const QString text = added > 0
            ? tr("%n photo(s) added. Not added:", nullptr, added) + u"\n\n"_s + refused.join(u'\n')
            : refused.join(u'\n');
        messages::tell(m_window, added > 0 ? tr("Some photos not added") : tr("Photo not added"), text);
    }
    return added > 0 ? tr("%n photo(s) added.", nullptr, added) : QString();
}

void PhotoCommands::move(const QUuid &photo, int position)
{
    if (auto moved = m_workspace.photos.move(m_workspace.session.userId(), photo, position); !moved) {
        messages::tell(m_window, tr("Photo not moved"), moved.error().message);
        return;
    }
    Q_EMIT changed(photo);
}

void PhotoCommands::remove(const QUuid &photo)
{
    if (!messages::confirm(m_window, tr("Remove photo"),
                           tr("Remove this photo from the apartment? Renters will no longer see it."), tr("Remove")))
        return;
    if (auto removed = m_workspace.photos.remove(m_workspace.session.userId(), photo); !removed) {
        messages::tell(m_window, tr("Photo not removed"), removed.error().message);
        return;
    }
    Q_EMIT changed({});
}

} // namespace rentdesk::views
