// SPDX-License-Identifier: GPL-3.0-or-later
#include "views/calendar/calendarpage.h"

#include "models/itemmodels/cellformat.h"
#include "models/itemmodels/occupancymodel.h"
#include "models/query/apartmentquery.h"
#include "models/query/bookingquery.h"
#include "views/apartments/apartmentfilterbar.h"
#include "views/calendar/occupancyview.h"
#include "views/mainwindow/workspace.h"
#include "views/pages/detailshtml.h"
#include "views/widgets/badge.h"
#include "views/widgets/messagebar.h"

#include <QComboBox>
#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QMenu>
#include <QPushButton>
#include <QScrollBar>
#include <QSettings>
#include <QSplitter>
#include <QTextBrowser>
#include <QToolButton>
#include <QVBoxLayout>
#include <QWheelEvent>

#include <algorithm>
#include <climits>

namespace rentdesk::views {

using namespace Qt::StringLiterals;
using models::domain::BookingStatus;
using models::itemmodels::OccupancyModel;
using models::query::OccupancyBar;

namespace {

// The days a zoom shows from its first day.
int daysOf(CalendarPage::Zoom zoom, QDate first)
{
    switch (zoom) {
    case CalendarPage::Zoom::Week:
        return 7;
    case CalendarPage::Zoom::Month:
        return first.daysInMonth();
    case CalendarPage::Zoom::Quarter:
        return int(first.daysTo(first.addMonths(3)));
    }
    return 31;
}

// The first day of the period that holds day: its week's Monday, or its month's first day.
QDate periodStart(CalendarPage::Zoom zoom, QDate day)
{
    if (zoom == CalendarPage::Zoom::Week)
        return day.addDays(1 - day.dayOfWeek());
    return QDate(day.year(), day.month(), 1);
}

} // namespace

CalendarPage::CalendarPage(Workspace &workspace, QWidget *parent)
    : QWidget(parent)
    , m_workspace(workspace)
    , m_model(new OccupancyModel(workspace.database, workspace.clock.today(), this))
{
    setObjectName(u"calendarPage"_s);
    auto *layout = new QVBoxLayout(this);
    // The table pages' margins: the filter bar is as wide as theirs, and the window no wider.
    layout->setContentsMargins(6, 6, 6, 6);

    m_filterBar = new ApartmentFilterBar(u"calendar"_s, this);
    m_filterBar->setObjectName(u"calendarFilterBar"_s);
    connect(m_filterBar, &ApartmentFilterBar::filterChanged, this,
            [this](const models::query::ApartmentFilter &filter) {
                m_model->setFilter(filter);
                updateCount();
            });
    connect(m_filterBar, &ApartmentFilterBar::resultsRequested, this,
            [this] { m_view->setFocus(Qt::ShortcutFocusReason); });
    layout->addWidget(m_filterBar);

    m_problem = new MessageBar(tr("Retry"), this);
    m_problem->setObjectName(u"calendarProblem"_s);
    connect(m_problem, &MessageBar::actionTriggered, this, &CalendarPage::refresh);
    connect(m_model, &OccupancyModel::failed, m_problem, &MessageBar::showMessage);
    layout->addWidget(m_problem);

    auto *navigation = new QHBoxLayout;
    const auto button = [this](const QString &name, Qt::ArrowType arrow) {
        auto *b = new QToolButton(this);
        b->setObjectName(name);
        if (arrow != Qt::NoArrow)
            b->setArrowType(arrow);
        b->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
        return b;
    };
    m_previous = button(u"calendarPrevious"_s, Qt::LeftArrow);
    m_today = button(u"calendarToday"_s, Qt::NoArrow);
    m_next = button(u"calendarNext"_s, Qt::RightArrow);
    connect(m_previous, &QToolButton::clicked, this, &CalendarPage::showPrevious);
    connect(m_today, &QToolButton::clicked, this, &CalendarPage::showToday);
    connect(m_next, &QToolButton::clicked, this, &CalendarPage::showNext);
    m_period = new QLabel(this);
    m_period->setObjectName(u"calendarPeriod"_s);
    QFont bold = m_period->font();
    bold.setBold(true);
    m_period->setFont(bold);
    m_zoomLabel = new QLabel(this);
    m_zoomBox = new QComboBox(this);
    m_zoomBox->setObjectName(u"calendarZoom"_s);
    m_zoomLabel->setBuddy(m_zoomBox);
    for (int i = 0; i < 3; ++i)
        m_zoomBox->addItem(QString(), i);
    m_zoomBox->setCurrentIndex(int(Zoom::Month));
    connect(m_zoomBox, &QComboBox::activated, this,
            [this](int index) { setZoom(Zoom(m_zoomBox->itemData(index).toInt())); });
    m_count = new QLabel(this);
    m_count->setObjectName(u"calendarCount"_s);
    m_legend = new QLabel(this);
    m_legend->setObjectName(u"calendarLegend"_s);
    m_legend->setTextFormat(Qt::RichText);
    m_legend->setWordWrap(true);
    navigation->addWidget(m_previous);
    navigation->addWidget(m_today);
    navigation->addWidget(m_next);
    navigation->addWidget(m_period);
    navigation->addSpacing(16);
    navigation->addWidget(m_zoomLabel);
    navigation->addWidget(m_zoomBox);
    navigation->addSpacing(16);
    navigation->addWidget(m_count);
    navigation->addStretch(1);
    layout->addLayout(navigation);

    m_splitter = new QSplitter(Qt::Horizontal, this);
    m_view = new OccupancyView(m_splitter);
    m_view->setObjectName(u"occupancyView"_s);
    m_view->setModel(m_model);
    m_view->viewport()->installEventFilter(this);
    m_details = new QTextBrowser(m_splitter);
    m_details->setObjectName(u"calendarDetails"_s);
    m_details->setOpenLinks(false);
    m_splitter->addWidget(m_view);
    m_splitter->addWidget(m_details);
    m_splitter->setStretchFactor(0, 4);
    m_splitter->setStretchFactor(1, 1);
    m_splitter->setSizes({ 900, 260 });
    layout->addWidget(m_splitter, 1);
    layout->addWidget(m_legend);

    connect(m_view, &OccupancyView::currentBarChanged, this, &CalendarPage::showBar);
    connect(m_view, &OccupancyView::barActivated, this, &CalendarPage::showBar);
    connect(m_view, &OccupancyView::barMenuRequested, this, &CalendarPage::showBarMenu);
    connect(m_view, &OccupancyView::nightsChosen, this, &CalendarPage::chooseNights);
    connect(m_model, &QAbstractItemModel::rowsInserted, this, &CalendarPage::updateCount);
    connect(m_model, &QAbstractItemModel::modelReset, this, &CalendarPage::updateCount);

    m_first = periodStart(m_zoom, m_workspace.clock.today());
    retranslate();
    applyRange();
}

CalendarPage::~CalendarPage() = default;

void CalendarPage::setZoom(Zoom zoom)
{
    m_zoom = zoom;
    m_zoomBox->setCurrentIndex(m_zoomBox->findData(int(zoom)));
    // The period that holds the day in sight: the current one, else today when it is shown,
    // else the first day shown.
    const QModelIndex current = m_view->currentIndex();
    const QDate today = m_workspace.clock.today();
    QDate shown = m_first;
    if (current.isValid())
        shown = m_first.addDays(current.column());
    else if (m_first <= today && today < m_first.addDays(m_model->days()))
        shown = today;
    m_first = periodStart(zoom, shown);
    applyRange();
}

void CalendarPage::showDay(QDate day)
{
    if (!day.isValid())
        return;
    m_first = periodStart(m_zoom, day);
    applyRange();
}

void CalendarPage::showPrevious()
{
    m_first = m_zoom == Zoom::Week ? m_first.addDays(-7) : m_first.addMonths(-1);
    applyRange();
}

void CalendarPage::showNext()
{
    m_first = m_zoom == Zoom::Week ? m_first.addDays(7) : m_first.addMonths(1);
    applyRange();
}

void CalendarPage::showToday()
{
    showDay(m_workspace.clock.today());
}

void CalendarPage::applyRange()
{
    // The current apartment and weekday stay where they were when the days move.
    const QModelIndex current = m_view->currentIndex();
    const int row = current.isValid() ? current.row() : -1;
    const QDate day = current.isValid() ? m_model->first().addDays(current.column()) : QDate();
    const int scroll = m_view->verticalScrollBar()->value();
    m_model->setRange(m_first, daysOf(m_zoom, m_first));
    if (row >= 0 && row < m_model->rowCount()) {
        const int column = int(std::clamp<qint64>(m_first.daysTo(day), 0, m_model->days() - 1));
        m_view->setCurrentIndex(m_model->index(row, column));
    }
    m_view->verticalScrollBar()->setValue(scroll);
    updatePeriod();
    if (m_model->lastError().isEmpty())
        m_problem->hide();
}

void CalendarPage::updatePeriod()
{
    const QLocale locale;
    const QDate last = m_first.addDays(m_model->days() - 1);
    switch (m_zoom) {
    case Zoom::Week:
        m_period->setText(tr("%1 – %2").arg(locale.toString(m_first, QLocale::ShortFormat),
                                            locale.toString(last, QLocale::ShortFormat)));
        break;
    case Zoom::Month:
        m_period->setText(locale.standaloneMonthName(m_first.month()) + u' ' + QString::number(m_first.year()));
        break;
    case Zoom::Quarter:
        m_period->setText(
            tr("%1 – %2").arg(locale.standaloneMonthName(m_first.month()) + u' ' + QString::number(m_first.year()),
                              locale.standaloneMonthName(last.month()) + u' ' + QString::number(last.year())));
        break;
    }
}

void CalendarPage::updateForUser()
{
    const models::services::Session &session = m_workspace.session;
    m_filterBar->setOwner(session.isLandlord() ? session.userId() : QUuid());
    if (auto cities = models::query::ApartmentQuery(m_workspace.database).cities())
        m_filterBar->setCities(*cities);
    m_model->show(session.userId(), m_filterBar->filter());
    m_shownBooking = QUuid();
    updateDetails();
    retranslate();
    updateCount();
}

void CalendarPage::refresh()
{
    const int scroll = m_view->verticalScrollBar()->value();
    const QModelIndex current = m_view->currentIndex();
    m_model->refresh();
    if (current.isValid() && current.row() < m_model->rowCount())
        m_view->setCurrentIndex(m_model->index(current.row(), current.column()));
    m_view->verticalScrollBar()->setValue(scroll);
    if (m_model->lastError().isEmpty())
        m_problem->hide();
    // The booking shown may have changed (confirmed, declined) or gone.
    if (!m_shownBooking.isNull())
        updateDetails();
    updateCount();
}

void CalendarPage::updateDetails()
{
    if (m_shownBooking.isNull()) {
        m_details->setHtml(m_workspace.session.userId().isNull() ? QString()
                                                                 : tr("<p>Click a stay to see its booking.</p>"));
        return;
    }
    models::query::BookingFilter filter;
    filter.viewer = m_workspace.session.userId();
    filter.bookingId = m_shownBooking;
    const auto rows = models::query::BookingQuery(m_workspace.database).fetch(filter, {}, 0, 1);
    m_details->setHtml(rows && !rows->isEmpty() ? detailshtml::booking(rows->first()) : QString());
}

void CalendarPage::updateCount()
{
    m_count->setText(tr("%n apartment(s)", nullptr, int(std::min<qint64>(m_model->totalRows(), INT_MAX))));
}

QUuid CalendarPage::apartmentOf(int row) const
{
    return m_model->headerData(row, Qt::Vertical, models::itemmodels::IdRole).toUuid();
}

bool CalendarPage::ownsApartment(int row) const
{
    const QUuid me = m_workspace.session.userId();
    return !me.isNull() && m_model->headerData(row, Qt::Vertical, OccupancyModel::OwnerRole).toUuid() == me;
}

void CalendarPage::showBar(const OccupancyBar &bar, int row)
{
    m_shownBooking = bar.bookingId;
    if (bar.bookingId.isNull()) {
        // Someone else's stay: its dates, and no more.
        m_details->setHtml(detailshtml::heading(m_model->headerData(row, Qt::Vertical).toString())
                           + detailshtml::paragraph({ tr("Taken by another stay: arrival %1, departure %2.")
                                                          .arg(models::itemmodels::formatDate(bar.start),
                                                               models::itemmodels::formatDate(bar.end)) }));
        return;
    }
    models::query::BookingFilter filter;
    filter.viewer = m_workspace.session.userId();
    filter.bookingId = bar.bookingId;
    const auto rows = models::query::BookingQuery(m_workspace.database).fetch(filter, {}, 0, 1);
    if (!rows) {
        m_details->setHtml(detailshtml::paragraph({ rows.error().message }));
        return;
    }
    m_details->setHtml(rows->isEmpty() ? QString() : detailshtml::booking(rows->first()));
}

void CalendarPage::showBarMenu(const OccupancyBar &bar, int row, const QPoint &globalPosition)
{
    showBar(bar, row);
    if (bar.bookingId.isNull())
        return;
    const QUuid me = m_workspace.session.userId();
    const bool owner = ownsApartment(row);
    const bool over = bar.end <= m_workspace.clock.today();
    QMenu menu(this);
    menu.setObjectName(u"calendarBarMenu"_s);
    if (owner && bar.status == BookingStatus::Requested) {
        menu.addAction(tr("&Confirm…"), this, [this, id = bar.bookingId] { Q_EMIT confirmRequested(id); });
        menu.addAction(tr("&Decline…"), this, [this, id = bar.bookingId] { Q_EMIT declineRequested(id); });
    }
    // The renter cancels their request or stay; the owner their own hold or block (a block from
    // a calendar goes with its event, on the next import).
    const bool ownStay =
        !owner && bar.own && (bar.status == BookingStatus::Requested || bar.status == BookingStatus::Confirmed);
    const bool ownBlock = owner && bar.status == BookingStatus::Blocked && !bar.fromCalendar;
    if (!over && (ownStay || ownBlock)) {
        menu.addAction(ownBlock ? tr("&Remove the block…") : tr("C&ancel…"), this,
                       [this, id = bar.bookingId] { Q_EMIT cancelRequested(id); });
    }
    if (menu.actions().isEmpty() || me.isNull())
        return;
    menu.exec(globalPosition);
}

void CalendarPage::chooseNights(int row, QDate first, QDate departure)
{
    const models::services::Session &session = m_workspace.session;
    const QUuid apartment = apartmentOf(row);
    if (apartment.isNull() || session.userId().isNull())
        return;
    if (session.isRenter()) {
        Q_EMIT requestNightsRequested(apartment, first, departure);
    } else if (ownsApartment(row)) {
        Q_EMIT blockNightsRequested(apartment, first, departure);
    } else {
        // A hint, not a failure: said beside the calendar, where the booking would show.
        m_details->setHtml(detailshtml::paragraph(
            { tr("Only renters ask for nights; a landlord blocks the nights of their own apartments.") }));
        m_view->clearChoice();
        return;
    }
    m_view->clearChoice();
}

bool CalendarPage::eventFilter(QObject *watched, QEvent *event)
{
    // Shift with the wheel (or a sideways wheel) moves through the periods.
    if (watched == m_view->viewport() && event->type() == QEvent::Wheel) {
        const auto *wheel = static_cast<QWheelEvent *>(event);
        const QPoint delta = wheel->angleDelta();
        const int sideways = (wheel->modifiers() & Qt::ShiftModifier) ? delta.y() + delta.x() : delta.x();
        if (sideways != 0 && std::abs(sideways) >= std::abs(delta.y()) / 2) {
            if (sideways > 0)
                showPrevious();
            else
                showNext();
            return true;
        }
    }
    return QWidget::eventFilter(watched, event);
}

void CalendarPage::saveState(QSettings &settings) const
{
    m_filterBar->save(settings);
    settings.setValue(u"calendar/zoom"_s, int(m_zoom));
    settings.setValue(u"calendar/splitter"_s, m_splitter->saveState());
}

void CalendarPage::restoreState(const QSettings &settings)
{
    m_filterBar->restore(settings);
    m_splitter->restoreState(settings.value(u"calendar/splitter"_s).toByteArray());
    const int zoom = settings.value(u"calendar/zoom"_s, int(Zoom::Month)).toInt();
    m_zoom = zoom >= 0 && zoom <= int(Zoom::Quarter) ? Zoom(zoom) : Zoom::Month;
    m_zoomBox->setCurrentIndex(m_zoomBox->findData(int(m_zoom)));
    m_first = periodStart(m_zoom, m_workspace.clock.today());
    applyRange();
}

void CalendarPage::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        retranslate();
        // The bars' status names and the days' dates, in the new language and locale.
        m_model->retranslate();
        updateDetails();
    }
    QWidget::changeEvent(event);
}

void CalendarPage::retranslate()
{
    m_problem->actionButton()->setText(tr("Retry"));
    m_previous->setText(m_zoom == Zoom::Week ? tr("Previous week") : tr("Previous month"));
    m_previous->setToolTip(tr("Earlier (Shift with the mouse wheel)"));
    m_today->setText(tr("&Today"));
    m_next->setText(m_zoom == Zoom::Week ? tr("Next week") : tr("Next month"));
    m_next->setToolTip(tr("Later (Shift with the mouse wheel)"));
    m_previous->setAccessibleName(m_previous->text());
    m_next->setAccessibleName(m_next->text());
    m_zoomLabel->setText(tr("&Show:"));
    m_details->setAccessibleName(tr("Calendar: details"));
    m_zoomBox->setItemText(int(Zoom::Week), tr("A week"));
    m_zoomBox->setItemText(int(Zoom::Month), tr("A month"));
    m_zoomBox->setItemText(int(Zoom::Quarter), tr("Three months"));
    // Each status by its colour and its shape, as the bars draw them.
    const auto swatch = [](BookingStatus status, const QString &mark, const QString &text) {
        return u"<span style=\"color:%1\">%2</span>&nbsp;%3"_s.arg(badgeColors(status).background.name(), mark,
                                                                   text.toHtmlEscaped());
    };
    const QStringList keys {
        swatch(BookingStatus::Requested, u"▭"_s, tr("requested (dashed)")),
        swatch(BookingStatus::Confirmed, u"■"_s, tr("confirmed")),
        swatch(BookingStatus::Completed, u"■"_s, tr("completed")),
        swatch(BookingStatus::Blocked, u"▨"_s, tr("blocked (hatched)")),
        u"<span style=\"color:%1\">■</span>&nbsp;%2"_s.arg(palette().color(QPalette::Mid).name(),
                                                           tr("someone else's stay").toHtmlEscaped()),
    };
    const QString hint = m_workspace.session.isLandlord() ? tr("Drag over free days of your apartment to block them.")
                                                          : tr("Drag over free days to ask for them.");
    m_legend->setText(keys.join(u" &nbsp; "_s) + u" &nbsp;—&nbsp; "_s + hint.toHtmlEscaped());
    updateCount();
    updatePeriod();
}

} // namespace rentdesk::views
