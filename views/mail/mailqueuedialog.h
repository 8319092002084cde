// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/mail/outboxstore.h"

#include <QDialog>

class QComboBox;
class QLabel;
class QPushButton;
class QStackedWidget;
class QTableView;

namespace rentdesk::models::itemmodels {
class MailQueueModel;
}

namespace rentdesk::views {

struct Workspace;

// The Mail queue: the notices this desktop has to send, which of them wait or failed and
// why, and what a person can do about one — try it again now, or give it up. A change goes
// through OutboxStore (which refuses a step the mail's state does not allow, with its
// sentence), then the sender is woken so that a retried mail goes at once. The list follows
// the sender as it works. It is not modal: it can stay open beside the window.
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

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate();
    void retry();
    void discard();
    void afterChange();
    void updateButtons();
    void updateSenderState();
    void updateEmptyState();
    [[nodiscard]] const models::mail::OutboxMail *selected() const;

    Workspace &m_workspace;
    models::mail::OutboxStore m_store;
    models::itemmodels::MailQueueModel *m_model = nullptr;
    QComboBox *m_filter = nullptr;
    QLabel *m_filterLabel = nullptr;
    QLabel *m_senderState = nullptr;
    QStackedWidget *m_stack = nullptr;
    QTableView *m_table = nullptr;
    QLabel *m_emptyState = nullptr;
    QPushButton *m_retry = nullptr;
    QPushButton *m_discard = nullptr;
    QPushButton *m_refresh = nullptr;
};

} // namespace rentdesk::views
