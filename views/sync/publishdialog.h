// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/sync/publication.h"

#include <QDialog>

#include <optional>

class QLabel;
class QProgressBar;
class QPushButton;
class QStackedWidget;
class QTreeWidget;

namespace rentdesk::net::sync {
class ReplicaSession;
}

namespace rentdesk::views {

// File ▸ Publish to a server… (docs/architecture.md, "Publishing a standalone database").
//
// In the window on the standalone database it is the preview: what goes to the server
// account (the landlord's buildings, apartments and the stays that are not over, which the
// server keeps as nights the owner holds) and what stays only in this file; it accepts with
// "Sign in and publish…". In the window on the account's replica that follows, it publishes:
// once the first sync is done it makes the changes on the replica, pushes them with a progress
// bar of the server's answers, and lists what was refused with the reason (the server's
// refusals also stay in Sync problems). The standalone file is only ever read. Closing it is
// safe at every stage, and a note under the bar says what it leaves: nothing published while
// the first sync runs; the changes made so far while they are made (the button says Stop, and
// publishing again makes the rest); while the server answers, publishing goes on without it.
class PublishDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PublishDialog)

public:
    // The preview.
    explicit PublishDialog(const models::sync::Publication &publication, QWidget *parent = nullptr);
    // The publishing, on the replica (synced or still in its first sync) of a landlord's account.
    PublishDialog(models::sync::Publication publication, net::sync::ReplicaSession &replica, QWidget *parent = nullptr);
    ~PublishDialog() override;

    // Publishing: the changes the server has answered for, of those sent, and whether all have
    // been answered.
    [[nodiscard]] int answered() const { return m_answered; }
    [[nodiscard]] int sent() const { return int(m_published.queued.size()); }
    [[nodiscard]] bool isFinished() const { return m_stage == Stage::Finished; }
    // How many changes are made on the replica per turn of the event loop (100; tests set fewer).
    void setChangesPerSlice(qsizetype changes) { m_changesPerSlice = std::max<qsizetype>(1, changes); }

Q_SIGNALS:
    // Every change was answered (or refused here): the list of refusals is final.
    void publishingFinished();

private:
    void buildPreview(QTreeWidget *tree) const;
    void start();
    void prepareMore();
    void follow();
    void finish();
    void addRefusal(const models::sync::Mutation &mutation, const QString &reason);

    models::sync::Publication m_publication;
    net::sync::ReplicaSession *m_replica = nullptr;
    std::optional<models::sync::Publisher> m_publisher;
    models::sync::PublishedChanges m_published;
    int m_answered = 0;
    enum class Stage {
        WaitingForFirstSync,
        Preparing, // the changes are made on the replica, a slice at a time
        Sending, // pushed; following the server's answers
        Finished,
    };
    Stage m_stage = Stage::WaitingForFirstSync;
    void setStage(Stage stage);
    qsizetype m_changesPerSlice = 100;
    QLabel *m_text = nullptr;
    QProgressBar *m_bar = nullptr;
    QLabel *m_stopNote = nullptr;
    QTreeWidget *m_refusals = nullptr;
    QPushButton *m_close = nullptr;
    QString m_closeText; // the Close button's own, while it does not say Stop
};

} // namespace rentdesk::views
