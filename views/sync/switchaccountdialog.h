// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/sync/replicadirectory.h"

#include <QDialog>

class QListWidget;
class QPushButton;

namespace rentdesk::views {

// File ▸ Switch account: the server accounts kept on this computer (their replicas, with the
// server and the last sync) and this computer's own database, the one open marked. Choosing
// one and Open gives its file to the composition root, which opens it in place of this one.
class SwitchAccountDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SwitchAccountDialog)

public:
    // `standalone`: the database of this computer; `current`: the file open now.
    SwitchAccountDialog(const QList<models::sync::ReplicaEntry> &replicas, const QString &standalone,
                        const QString &current, QWidget *parent = nullptr);
    ~SwitchAccountDialog() override;

    // The file chosen, once accepted.
    [[nodiscard]] QString chosenPath() const;
    [[nodiscard]] QListWidget *list() const { return m_list; }
    // Selects the entry of path (tests, and Connect's "open it instead").
    void choose(const QString &path);

Q_SIGNALS:
    // "Connect to a server…" from here: a new account.
    void connectRequested();

private:
    void updateButtons();

    QString m_current;
    QListWidget *m_list = nullptr;
    QPushButton *m_open = nullptr;
};

} // namespace rentdesk::views
