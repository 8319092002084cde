// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "net/calendar/subscriptionbackend.h"

#include <QDialog>
#include <QUuid>

class QLabel;
class QLineEdit;
class QPushButton;
class QTreeWidget;

namespace rentdesk::views {

// The other booking sites' calendars one of the landlord's apartments follows (issue 14): each
// by its site's host (the full address, often a secret, in a tooltip), when it was last checked
// and what came of it. The owner adds an address (refused inline with the sentence of the
// service or the server), removes one after confirming (its blocked dates go with it) and
// refreshes them now. Where they are kept is the backend's business: this computer's database
// and refresher (standalone) or the server (connected), which is then needed: offline the dialog
// says so and changes nothing.
class CalendarSubscriptionsDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CalendarSubscriptionsDialog)

public:
    // title: the apartment as the page names it. The backend must outlive the dialog.
    CalendarSubscriptionsDialog(net::calendar::SubscriptionBackend &backend, const QUuid &apartment,
                                const QString &title, QWidget *parent = nullptr);
    ~CalendarSubscriptionsDialog() override;

    // Whether anything was added, removed or refreshed (the window then reads its pages again).
    [[nodiscard]] bool changedBlocks() const { return m_changed; }
    // Whether a request to the backend is under way.
    [[nodiscard]] bool isBusy() const { return m_busy; }

Q_SIGNALS:
    // The list was read again (after a change or a check).
    void reloaded();

private:
    void reload();
    void add();
    void removeSelected();
    void refreshNow();
    void updateButtons();
    void showList(const net::calendar::SubscriptionResult<QList<models::services::CalendarSubscription>> &list);

    net::calendar::SubscriptionBackend &m_backend;
    QUuid m_apartment;
    bool m_changed = false;
    bool m_refreshing = false;
    bool m_busy = false;
    QString m_note; // what the status says under a list (after a refresh)
    QTreeWidget *m_list = nullptr;
    QLineEdit *m_url = nullptr;
    QLabel *m_urlError = nullptr;
    QLabel *m_status = nullptr;
    QPushButton *m_add = nullptr;
    QPushButton *m_remove = nullptr;
    QPushButton *m_refresh = nullptr;
};

} // namespace rentdesk::views
