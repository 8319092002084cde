// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/mail/outboxstore.h"

#include <QDialog>
#include <QSet>

#include <memory>

class QComboBox;
class QLabel;
class QPushButton;
class QStackedWidget;
class QTableView;

namespace rentdesk::models::itemmodels {
class MailQueueModel;
}

namespace rentdesk::views {

class TaskProgress;
struct Workspace;

// The Mail queue: the notices this desktop has to send, which of them wait or failed and
// why, and what a person can do about one — try it again now, or give it up. A change goes
// through OutboxStore (which refuses a step the mail's state does not allow, with its
// sentence), then the sender is woken so that a retried mail goes at once. The list follows
// the sender as it works. It is not modal: it can stay open beside the window.
//
// "Send all now" makes every waiting and failed mail due now and follows them in a progress
// window (sent of due); its Stop pauses the sender after the mail on the wire
// (OutboxSender::pause): the rest stays queued, none is lost or sent twice, and the queue says
// sending is stopped until Send all now (or Retry) starts it again.
class MailQueueDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MailQueueDialog)

public:
    explicit MailQueueDialog(Workspace &workspace, QWidget *parent = nullptr);
    ~MailQueueDialog() override;

    [[nodiscard]] models::itemmodels::MailQueueModel *model() const { return m_model; }
    // Reads the outbox again, keeping the selected mail selected while it is listed.
    void reload();

    void done(int result) override;

Q_SIGNALS:
    // A mail was retried or discarded (the window's status bar counts again).
    void changed();
    // Send all now: `done` of `total` mails answered for (sent or not); for tests and the log.
    void sendingProgress(int done, int total);

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate();
    void sendAll();
    void onAnswered(const QUuid &id, bool sent);
    void onDrained();
    void stopSending();
    void finishSending();
    // "3 of 5 mails sent." and, when some failed, how many and where to look.
    [[nodiscard]] QString sentSoFar() const;
    void retry();
    void discard();
    void afterChange();
    void updateButtons();
    void updateSenderState();
    void updateEmptyState();
    [[nodiscard]] const models::mail::OutboxMail *selected() const;

    Workspace &m_workspace;
    // Send all now, while it runs: the mails not answered for yet, and how many of how many.
    QSet<QUuid> m_sending;
    int m_sendTotal = 0;
    int m_sendDone = 0;
    int m_sendFailed = 0;
    std::shared_ptr<TaskProgress> m_progress;
    models::mail::OutboxStore m_store;
    models::itemmodels::MailQueueModel *m_model = nullptr;
    QComboBox *m_filter = nullptr;
    QLabel *m_filterLabel = nullptr;
    QLabel *m_senderState = nullptr;
    QStackedWidget *m_stack = nullptr;
    QTableView *m_table = nullptr;
    QLabel *m_emptyState = nullptr;
    QPushButton *m_sendAll = nullptr;
    QPushButton *m_retry = nullptr;
    QPushButton *m_discard = nullptr;
    QPushButton *m_refresh = nullptr;
};

} // namespace rentdesk::views
