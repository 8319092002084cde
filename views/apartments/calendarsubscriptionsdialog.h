// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/services/calendarsubscriptionservice.h"

#include <QDialog>
#include <QUuid>

class QLabel;
class QLineEdit;
class QPushButton;
class QTreeWidget;

namespace rentdesk::net::calendar {
class SubscriptionRefresher;
}

namespace rentdesk::views {

// The other booking sites' calendars one of the landlord's apartments follows (issue 14), on a
// standalone database: each by its site's host (the full address, often a secret, in a tooltip),
// when it was last checked and what came of it. The owner adds an address (refused inline with
// the service's sentence), removes one after confirming (its blocked dates go with it) and
// refreshes them now; the refresher fetches and imports, so nothing here touches the network.
class CalendarSubscriptionsDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CalendarSubscriptionsDialog)

public:
    // refresher: the desktop's, or null (Refresh now is then disabled). title: the apartment as
    // the page names it.
    CalendarSubscriptionsDialog(const models::services::CalendarSubscriptionService &service,
                                net::calendar::SubscriptionRefresher *refresher, const QUuid &actor,
                                const QUuid &apartment, const QString &title, QWidget *parent = nullptr);
    ~CalendarSubscriptionsDialog() override;

    // Whether anything was added, removed or refreshed (the window then reads its pages again).
    [[nodiscard]] bool changedBlocks() const { return m_changed; }

Q_SIGNALS:
    // The list was read again (after a change or a check).
    void reloaded();

private:
    void reload();
    void add();
    void removeSelected();
    void refreshNow();
    void updateButtons();

    const models::services::CalendarSubscriptionService &m_service;
    net::calendar::SubscriptionRefresher *m_refresher;
    QUuid m_actor;
    QUuid m_apartment;
    bool m_changed = false;
    bool m_refreshing = false;
    QTreeWidget *m_list = nullptr;
    QLineEdit *m_url = nullptr;
    QLabel *m_urlError = nullptr;
    QLabel *m_status = nullptr;
    QPushButton *m_add = nullptr;
    QPushButton *m_remove = nullptr;
    QPushButton *m_refresh = nullptr;
};

} // namespace rentdesk::views
