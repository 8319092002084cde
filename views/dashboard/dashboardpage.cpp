// SPDX-License-Identifier: GPL-3.0-or-later
#include "views/dashboard/dashboardpage.h"

#include "views/mainwindow/workspace.h"
#include "views/widgets/formatting.h"
#include "views/widgets/messagebar.h"

#include <QBarCategoryAxis>
#include <QBarSeries>
#include <QBarSet>
#include <QChart>
#include <QChartView>
#include <QComboBox>
#include <QCoreApplication>
#include <QCursor>
#include <QEvent>
#include <QGridLayout>
#include <QGroupBox>
#include <QHeaderView>
#include <QLabel>
#include <QMap>
#include <QPushButton>
#include <QSignalBlocker>
#include <QTableWidget>
#include <QToolTip>
#include <QVBoxLayout>
#include <QValueAxis>

#include <algorithm>

namespace rentdesk::views {

using namespace Qt::StringLiterals;
using models::query::StayMovement;

namespace {

// The bars' months by their short names (the title says the years).
QStringList monthLabels(const QList<models::query::MonthOccupancy> &months)
{
    QStringList labels;
    for (const models::query::MonthOccupancy &m : months)
        labels << QLocale().standaloneMonthName(m.month.month(), QLocale::ShortFormat);
    return labels;
}

QString monthAndYear(QDate month)
{
    return QLocale().standaloneMonthName(month.month()) + u' ' + QString::number(month.year());
}

// "June 2026 – May 2027": the months a chart shows.
QString monthRange(const QList<models::query::MonthOccupancy> &months)
{
    if (months.isEmpty())
        return QString();
    return QCoreApplication::translate("DashboardPage", "%1 – %2")
        .arg(monthAndYear(months.first().month), monthAndYear(months.last().month));
}

// The months' axis: a smaller font, so that twelve names fit beside each other.
QBarCategoryAxis *monthAxis(const QStringList &labels, QChart *chart)
{
    auto *axis = new QBarCategoryAxis(chart);
    axis->append(labels);
    QFont font = axis->labelsFont();
    font.setPointSizeF(font.pointSizeF() * 0.85);
    axis->setLabelsFont(font);
    axis->setLabelsAngle(-60);
    return axis;
}

// A chart that follows the window's palette, light or dark.
QChart *newChart(const QWidget *page)
{
    auto *chart = new QChart;
    const bool dark = page->palette().color(QPalette::Window).lightness() < 128;
    chart->setTheme(dark ? QChart::ChartThemeDark : QChart::ChartThemeLight);
    chart->setBackgroundRoundness(0);
    chart->setMargins(QMargins(4, 4, 4, 4));
    chart->legend()->setAlignment(Qt::AlignBottom);
    return chart;
}

// Puts chart in view in place of the one before, which the view does not delete itself.
void replaceChart(QChartView *view, QChart *chart)
{
    QChart *old = view->chart();
    view->setChart(chart);
    delete old;
}

QLabel *figureLabel(const QString &objectName, QWidget *parent)
{
    auto *label = new QLabel(parent);
    label->setObjectName(objectName);
    QFont font = label->font();
    font.setPointSizeF(font.pointSizeF() * 1.6);
    font.setBold(true);
    label->setFont(font);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    return label;
}

} // namespace

DashboardPage::DashboardPage(Workspace &workspace, QWidget *parent)
    : QWidget(parent)
    , m_workspace(workspace)
{
    setObjectName(u"dashboardPage"_s);
    auto *layout = new QVBoxLayout(this);

    m_problem = new MessageBar(tr("Retry"), this);
    m_problem->setObjectName(u"dashboardProblem"_s);
    connect(m_problem, &MessageBar::actionTriggered, this, &DashboardPage::refresh);
    layout->addWidget(m_problem);

    auto *figures = new QGridLayout;
    m_requestsTitle = new QLabel(this);
    m_requests = figureLabel(u"dashboardOpenRequests"_s, this);
    m_showRequests = new QPushButton(this);
    m_showRequests->setObjectName(u"dashboardShowRequests"_s);
    connect(m_showRequests, &QPushButton::clicked, this, &DashboardPage::showRequestsRequested);
    m_ratingTitle = new QLabel(this);
    m_rating = figureLabel(u"dashboardRating"_s, this);
    m_apartmentsTitle = new QLabel(this);
    m_apartments = figureLabel(u"dashboardApartmentsRating"_s, this);
    figures->addWidget(m_requestsTitle, 0, 0);
    figures->addWidget(m_requests, 1, 0);
    figures->addWidget(m_showRequests, 2, 0, Qt::AlignLeft);
    figures->addWidget(m_ratingTitle, 0, 1);
    figures->addWidget(m_rating, 1, 1);
    figures->addWidget(m_apartmentsTitle, 0, 2);
    figures->addWidget(m_apartments, 1, 2);
    m_apartmentCount = new QLabel(this);
    m_apartmentCount->setObjectName(u"dashboardApartmentCount"_s);
    figures->addWidget(m_apartmentCount, 2, 2);
    for (int column = 0; column < 3; ++column)
        figures->setColumnStretch(column, 1);
    layout->addLayout(figures);

    auto *charts = new QHBoxLayout;
    m_occupancyView = new QChartView(newChart(this), this);
    m_occupancyView->setObjectName(u"dashboardOccupancyChart"_s);
    m_occupancyView->setRenderHint(QPainter::Antialiasing);
    m_occupancyView->setMinimumHeight(240);
    m_incomeView = new QChartView(newChart(this), this);
    m_incomeView->setObjectName(u"dashboardIncomeChart"_s);
    m_incomeView->setRenderHint(QPainter::Antialiasing);
    m_incomeView->setMinimumHeight(240);
    auto *income = new QVBoxLayout;
    auto *currencyRow = new QHBoxLayout;
    m_currencyLabel = new QLabel(this);
    m_currency = new QComboBox(this);
    m_currency->setObjectName(u"dashboardCurrency"_s);
    m_currencyLabel->setBuddy(m_currency);
    connect(m_currency, &QComboBox::activated, this, &DashboardPage::showIncome);
    currencyRow->addWidget(m_currencyLabel);
    currencyRow->addWidget(m_currency);
    currencyRow->addStretch(1);
    income->addLayout(currencyRow);
    income->addWidget(m_incomeView, 1);
    charts->addWidget(m_occupancyView, 1);
    charts->addLayout(income, 1);
    layout->addLayout(charts, 3);

    m_movementsTitle = new QLabel(this);
    m_movementsTitle->setObjectName(u"dashboardMovementsTitle"_s);
    layout->addWidget(m_movementsTitle);
    m_movements = new QTableWidget(0, 4, this);
    m_movements->setObjectName(u"dashboardMovements"_s);
    m_movements->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_movements->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_movements->verticalHeader()->hide();
    m_movements->horizontalHeader()->setStretchLastSection(true);
    m_movementsTitle->setBuddy(m_movements);
    layout->addWidget(m_movements, 2);

    retranslate();
}

DashboardPage::~DashboardPage() = default;

void DashboardPage::refresh()
{
    const models::services::Session &session = m_workspace.session;
    if (!session.isLandlord()) {
        m_figures = {};
        m_problem->hide();
        showFigures();
        return;
    }
    const auto read = models::query::DashboardQuery(m_workspace.database)
                          .dashboard(session.userId(), m_workspace.clock.today(), Months, MonthsAhead);
    if (!read) {
        // What was shown stays out of sight rather than passing for today's figures.
        m_figures = {};
        m_problem->showMessage(tr("The figures could not be read: %1").arg(read.error().message));
    } else {
        m_figures = *read;
        m_problem->hide();
    }
    showFigures();
}

void DashboardPage::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        retranslate();
        showFigures();
    } else if (event->type() == QEvent::PaletteChange) {
        showFigures();
    }
    QWidget::changeEvent(event);
}

void DashboardPage::retranslate()
{
    m_problem->actionButton()->setText(tr("Retry"));
    m_requestsTitle->setText(tr("Requests to decide"));
    m_showRequests->setText(tr("&Show requests"));
    m_ratingTitle->setText(tr("Your rating from renters"));
    m_apartmentsTitle->setText(tr("Your apartments' rating"));
    m_currencyLabel->setText(tr("Currenc&y:")); // C and A are the Calendar's and Apartments' tabs
    m_movements->setHorizontalHeaderLabels({ tr("Date"), tr("Event"), tr("Apartment"), tr("Renter") });
}

void DashboardPage::showFigures()
{
    const models::query::Dashboard &f = m_figures;
    m_requests->setText(QLocale().toString(f.openRequests));
    m_showRequests->setEnabled(f.openRequests > 0);
    m_rating->setText(models::itemmodels::formatRating(f.ratings.landlord));
    m_rating->setToolTip(
        tr("The average of %n review(s) renters wrote about you", nullptr, int(f.ratings.landlord.count)));
    m_apartments->setText(models::itemmodels::formatRating(f.ratings.apartments));
    m_apartments->setToolTip(
        tr("The average of %n review(s) of your apartments", nullptr, int(f.ratings.apartments.count)));
    m_apartmentCount->setText(tr("over %n apartment(s)", nullptr, int(f.ratings.apartmentCount)));
    showOccupancy();
    showIncome();
    showMovements();
}

void DashboardPage::showOccupancy()
{
    QChart *chart = newChart(this);
    chart->setTitle(tr("Occupancy per month, %1").arg(monthRange(m_figures.occupancy)));
    auto *nights = new QBarSet(tr("Nights taken"), chart);
    for (const models::query::MonthOccupancy &m : std::as_const(m_figures.occupancy))
        *nights << 100.0 * m.ratio();
    const QList<models::query::MonthOccupancy> occupancy = m_figures.occupancy;
    connect(nights, &QBarSet::hovered, this, [this, occupancy](bool on, int index) {
        if (!on || index < 0 || index >= occupancy.size()) {
            QToolTip::hideText();
            return;
        }
        const auto &m = occupancy[index];
        QToolTip::showText(QCursor::pos(),
                           tr("%1: %2 of %3 nights taken (%4%)")
                               .arg(monthAndYear(m.month), QLocale().toString(m.occupiedNights),
                                    QLocale().toString(m.availableNights),
                                    QLocale().toString(100.0 * m.ratio(), 'f', 1)),
                           this);
    });
    auto *series = new QBarSeries(chart);
    series->append(nights);
    chart->addSeries(series);
    auto *x = monthAxis(monthLabels(m_figures.occupancy), chart);
    chart->addAxis(x, Qt::AlignBottom);
    series->attachAxis(x);
    auto *y = new QValueAxis(chart);
    y->setRange(0, 100);
    y->setLabelFormat(u"%d%%"_s);
    chart->addAxis(y, Qt::AlignLeft);
    series->attachAxis(y);
    chart->legend()->hide();
    replaceChart(m_occupancyView, chart);
    m_occupancyView->setAccessibleName(chart->title()); // what a screen reader says for the chart
}

void DashboardPage::showIncome()
{
    // Amounts in different currencies do not add up, nor share an axis: one currency at a
    // time, the one chosen before if it is still there, else the one with the most income.
    QMap<QString, qint64> totals;
    for (const models::query::MonthIncome &m : std::as_const(m_figures.income))
        totals[m.currency] += m.amount;
    QString currency = m_currency->currentData().toString();
    if (!totals.contains(currency)) {
        currency.clear();
        for (auto it = totals.cbegin(); it != totals.cend(); ++it) {
            if (currency.isEmpty() || it.value() > totals.value(currency))
                currency = it.key();
        }
    }
    {
        const QSignalBlocker quiet(m_currency);
        m_currency->clear();
        for (auto it = totals.cbegin(); it != totals.cend(); ++it)
            m_currency->addItem(u"%1 (%2)"_s.arg(it.key(), currencySymbol(it.key())), it.key());
        m_currency->setCurrentIndex(std::max(0, m_currency->findData(currency)));
    }
    m_currencyLabel->setVisible(totals.size() > 1);
    m_currency->setVisible(totals.size() > 1);

    QChart *chart = newChart(this);
    chart->setTitle(currency.isEmpty()
                        ? tr("Income per month: none in these months")
                        : tr("Income per month in %1, %2").arg(currency, monthRange(m_figures.occupancy)));
    chart->setToolTip(tr("Confirmed and completed stays; each stay's price spread over its nights"));
    QList<QDate> months;
    for (const models::query::MonthOccupancy &m : std::as_const(m_figures.occupancy))
        months << m.month;
    QList<qint64> amounts(months.size(), 0);
    for (const models::query::MonthIncome &m : std::as_const(m_figures.income)) {
        if (const qsizetype at = months.indexOf(m.month); m.currency == currency && at >= 0)
            amounts[at] = m.amount;
    }
    auto *set = new QBarSet(currency, chart);
    double highest = 0;
    for (const qint64 minor : std::as_const(amounts)) {
        // Minor units are hundredths (formatMoney): the bar is in whole units.
        *set << double(minor) / 100.0;
        highest = std::max(highest, double(minor) / 100.0);
    }
    connect(set, &QBarSet::hovered, this, [this, amounts, months, currency](bool on, int index) {
        if (!on || index < 0 || index >= amounts.size()) {
            QToolTip::hideText();
            return;
        }
        QToolTip::showText(QCursor::pos(),
                           tr("%1: %2").arg(monthAndYear(months[index]), formatMoney({ amounts[index], currency })),
                           this);
    });
    auto *series = new QBarSeries(chart);
    series->append(set);
    chart->addSeries(series);
    auto *x = monthAxis(monthLabels(m_figures.occupancy), chart);
    chart->addAxis(x, Qt::AlignBottom);
    series->attachAxis(x);
    auto *y = new QValueAxis(chart);
    y->setRange(0, highest > 0 ? highest : 1);
    y->applyNiceNumbers();
    y->setLabelFormat(u"%.0f"_s);
    chart->addAxis(y, Qt::AlignLeft);
    series->attachAxis(y);
    chart->legend()->hide();
    replaceChart(m_incomeView, chart);
    m_incomeView->setAccessibleName(chart->title());
}

void DashboardPage::showMovements()
{
    const QList<StayMovement> &movements = m_figures.movements;
    m_movementsTitle->setText(movements.isEmpty() ? tr("No arrivals or departures in the next %n day(s).", nullptr,
                                                       models::query::DashboardQuery::MovementDays)
                                                  : tr("Arrivals and departures in the ne&xt %n day(s):", nullptr,
                                                       models::query::DashboardQuery::MovementDays));
    m_movements->setVisible(!movements.isEmpty());
    m_movements->setRowCount(int(movements.size()));
    const QDate today = m_workspace.clock.today();
    for (int row = 0; row < movements.size(); ++row) {
        const StayMovement &m = movements[row];
        const QString day = m.date == today ? tr("Today") : formatDate(m.date);
        const QString event = m.kind == StayMovement::Kind::Arrival ? tr("Arrival") : tr("Departure");
        const QString apartment = tr("%1, %2").arg(m.apartmentNumber, m.buildingName);
        int column = 0;
        for (const QString &text : { day, event, apartment, m.renterName }) {
            auto *item = new QTableWidgetItem(text);
            item->setData(Qt::UserRole, m.bookingId);
            m_movements->setItem(row, column++, item);
        }
    }
    m_movements->resizeColumnsToContents();
}

} // namespace rentdesk::views
