// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "net/calendar/calendarfeedclient.h"

#include <QDialog>
#include <QUuid>

class QLabel;
class QLineEdit;
class QPushButton;

namespace rentdesk::views {

// The secret address at which rentdesk-server publishes one of the landlord's apartments'
// calendars (issue 14), for other booking sites to subscribe to: asked from the server when the
// dialog opens, shown to copy, and renewed (after asking) when it went where it should not —
// the old address then opens nothing. Says why when there is none: offline, a server that
// publishes no calendars, an apartment that is not the landlord's or is gone.
class CalendarFeedDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CalendarFeedDialog)

public:
    // title: the apartment as the page names it ("River House, apartment 12").
    CalendarFeedDialog(net::connection::ServerConnection &connection, const QUuid &apartment, const QString &title,
                       QWidget *parent = nullptr);
    ~CalendarFeedDialog() override;

    // The address shown; empty while asking or when there is none.
    [[nodiscard]] QUrl url() const { return m_url; }
    [[nodiscard]] bool isAsking() const { return m_asking; }

Q_SIGNALS:
    // The server answered (an address, or why not).
    void answered();

private:
    void ask(bool renew);
    void showAnswer(const net::calendar::FeedUrl &url);
    void renew();
    void copy();

    net::calendar::CalendarFeedClient m_client;
    QUuid m_apartment;
    QUrl m_url;
    bool m_asking = false;
    QLabel *m_status = nullptr;
    QLineEdit *m_address = nullptr;
    QPushButton *m_copy = nullptr;
    QPushButton *m_renew = nullptr;
};

} // namespace rentdesk::views
