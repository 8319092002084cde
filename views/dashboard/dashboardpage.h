// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/query/dashboardquery.h"

#include <QWidget>

class QBarSet;
class QChart;
class QChartView;
class QComboBox;
class QLabel;
class QPushButton;
class QTableWidget;

namespace rentdesk::views {

class MessageBar;
struct Workspace;

// A landlord's figures at a glance (issue 14): occupancy and income per month as bar charts
// (Qt Charts), the arrivals and departures of the next two weeks, the requests waiting for a
// decision and the ratings. Everything comes from one DashboardQuery::dashboard() call, read
// again by refresh(); the page runs no SQL of its own.
class DashboardPage final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DashboardPage)

public:
    // The months the charts show: this one, the MonthsAhead after it and those before.
    static constexpr int Months = 12;
    static constexpr int MonthsAhead = 5;

    explicit DashboardPage(Workspace &workspace, QWidget *parent = nullptr);
    ~DashboardPage() override;

    // Reads the figures again for whoever is signed in (nothing for a renter).
    void refresh();

    // What the page shows now (empty before the first refresh or after a failure).
    [[nodiscard]] const models::query::Dashboard &figures() const { return m_figures; }

Q_SIGNALS:
    // "Show requests": the Bookings page filtered to requests.
    void showRequestsRequested();

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate();
    void showFigures();
    void showOccupancy();
    void showIncome();
    void showMovements();

    Workspace &m_workspace;
    models::query::Dashboard m_figures;
    MessageBar *m_problem = nullptr;
    QLabel *m_requestsTitle = nullptr;
    QLabel *m_requests = nullptr;
    QPushButton *m_showRequests = nullptr;
    QLabel *m_ratingTitle = nullptr;
    QLabel *m_rating = nullptr;
    QLabel *m_apartmentsTitle = nullptr;
    QLabel *m_apartments = nullptr;
    QLabel *m_apartmentCount = nullptr;
    QLabel *m_currencyLabel = nullptr;
    QComboBox *m_currency = nullptr; // the income chart's, when there are several
    QChartView *m_occupancyView = nullptr;
    QChartView *m_incomeView = nullptr;
    QLabel *m_movementsTitle = nullptr;
    QTableWidget *m_movements = nullptr;
};

} // namespace rentdesk::views
