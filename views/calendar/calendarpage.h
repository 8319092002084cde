// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/query/occupancyquery.h"

#include <QDate>
#include <QWidget>

class QComboBox;
class QLabel;
class QSettings;
class QSplitter;
class QTextBrowser;
class QToolButton;

namespace rentdesk::models::itemmodels {
class OccupancyModel;
}

namespace rentdesk::views {

class ApartmentFilterBar;
class MessageBar;
class OccupancyView;
struct Workspace;

// The occupancy calendar (issue 14): the apartments of a filter (the Apartments page's
// filters, chosen here on their own) as rows and the days of a week, a month or a quarter as
// columns, each stay a bar; the selected bar's booking beside it. A renter drags over free
// days to ask for them, a landlord over their own apartment's to block them; the bar's menu
// confirms, declines or cancels. The page runs no SQL: an OccupancyModel reads, the main
// window's commands change.
class CalendarPage final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CalendarPage)

public:
    enum class Zoom { Week, Month, Quarter };
    Q_ENUM(Zoom)

    explicit CalendarPage(Workspace &workspace, QWidget *parent = nullptr);
    ~CalendarPage() override;

    [[nodiscard]] OccupancyView *view() const { return m_view; }
    [[nodiscard]] models::itemmodels::OccupancyModel *model() const { return m_model; }
    [[nodiscard]] Zoom zoom() const { return m_zoom; }
    // The first day shown.
    [[nodiscard]] QDate first() const { return m_first; }

    void setZoom(Zoom zoom);
    // Shows the period that holds day (a week from its Monday, or from its month's first day).
    void showDay(QDate day);
    // A week earlier or later in the week zoom, else a month.
    void showPrevious();
    void showNext();
    void showToday();

    // After sign-in or sign-out: whose calendar, the filter's "Only mine", the cities.
    void updateForUser();
    // Reads the rows and bars again (after a change), keeping the scroll and the bar shown.
    void refresh();

    void saveState(QSettings &settings) const;
    void restoreState(const QSettings &settings);

Q_SIGNALS:
    // What the main window's commands do, on the booking of a bar or the nights chosen.
    void confirmRequested(const QUuid &booking);
    void declineRequested(const QUuid &booking);
    void cancelRequested(const QUuid &booking);
    void requestNightsRequested(const QUuid &apartment, QDate first, QDate departure);
    void blockNightsRequested(const QUuid &apartment, QDate first, QDate departure);

protected:
    void changeEvent(QEvent *event) override;
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void retranslate();
    void applyRange();
    void updatePeriod();
    void showBar(const models::query::OccupancyBar &bar, int row);
    void showBarMenu(const models::query::OccupancyBar &bar, int row, const QPoint &globalPosition);
    void chooseNights(int row, QDate first, QDate departure);
    void updateCount();
    // The booking shown in the details (m_shownBooking), or what to do to see one.
    void updateDetails();
    [[nodiscard]] QUuid apartmentOf(int row) const;
    [[nodiscard]] bool ownsApartment(int row) const;

    Workspace &m_workspace;
    models::itemmodels::OccupancyModel *m_model = nullptr;
    ApartmentFilterBar *m_filterBar = nullptr;
    MessageBar *m_problem = nullptr;
    QToolButton *m_previous = nullptr;
    QToolButton *m_today = nullptr;
    QToolButton *m_next = nullptr;
    QLabel *m_period = nullptr;
    QLabel *m_zoomLabel = nullptr;
    QComboBox *m_zoomBox = nullptr;
    QLabel *m_count = nullptr;
    QLabel *m_legend = nullptr;
    QSplitter *m_splitter = nullptr;
    OccupancyView *m_view = nullptr;
    QTextBrowser *m_details = nullptr;
    Zoom m_zoom = Zoom::Month;
    QDate m_first;
    QUuid m_shownBooking; // the booking in the details, to show again after a refresh
};

} // namespace rentdesk::views
