// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/sync/replica.h"

#include <QDialog>

#include <memory>

class QLabel;
class QPushButton;
class QTreeWidget;

namespace rentdesk::views {

// View ▸ Sync problems: every change the server refused, oldest first, with when it was made,
// what it would have changed and the server's reason in the person's language. Edit and retry
// opens the editor with the change's values (a booking request: the dates), Retry sends it
// again as it was (once its cause is gone), Discard drops it after asking. Nothing leaves the
// list by itself: a refusal stays until the person decides.
class SyncProblemsDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SyncProblemsDialog)

public:
    SyncProblemsDialog(models::sync::Replica &replica, std::shared_ptr<models::db::Database> database,
                       QWidget *parent = nullptr);
    ~SyncProblemsDialog() override;

    // Reads the refused changes again.
    void reload();
    [[nodiscard]] int count() const;
    [[nodiscard]] QTreeWidget *list() const { return m_list; }

    // Whether a refused change can be edited before it is retried (the window has an editor
    // for it).
    [[nodiscard]] static bool isEditable(const QString &mutationName);

Q_SIGNALS:
    // A change was retried or discarded: the tables and counts are to be read again, and the
    // retried one pushed.
    void changed();
    // Edit and retry: the window opens the editor with these values; once saved, the refused
    // change is discarded (the edited one replaces it).
    void editRequested(const rentdesk::models::sync::QueuedMutation &refused);

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate();
    [[nodiscard]] std::optional<models::sync::QueuedMutation> selected() const;
    void updateButtons();
    void retrySelected();
    void discardSelected();

    models::sync::Replica &m_replica;
    std::shared_ptr<models::db::Database> m_database;
    QList<models::sync::QueuedMutation> m_refused;
    QTreeWidget *m_list = nullptr;
    QLabel *m_summary = nullptr;
    QLabel *m_details = nullptr; // the selected one's change and reason, whole
    QPushButton *m_edit = nullptr;
    QPushButton *m_retry = nullptr;
    QPushButton *m_discard = nullptr;
};

} // namespace rentdesk::views
