// SPDX-License-Identifier: GPL-3.0-or-later
#include "views/calendar/occupancyview.h"

#include "models/itemmodels/occupancymodel.h"
#include "views/widgets/badge.h"

#include <QApplication>
#include <QContextMenuEvent>
#include <QHelpEvent>
#include <QKeyEvent>
#include <QLocale>
#include <QMouseEvent>
#include <QPainter>
#include <QScrollBar>
#include <QStyle>
#include <QToolTip>

#include <algorithm>
#include <cmath>

namespace rentdesk::views {

using models::domain::BookingStatus;
using models::itemmodels::OccupancyModel;
using models::query::OccupancyBar;

// A margin of the view (the days above the bars, the apartments beside them) painted by the
// view itself, so that it scrolls with the bars.
class OccupancyView::Margin final : public QWidget
{
public:
    enum class Kind { Days, Rows };
    Margin(Kind kind, OccupancyView *view)
        : QWidget(view)
        , m_kind(kind)
        , m_view(view)
    {
    }

protected:
    void paintEvent(QPaintEvent *) override
    {
        QPainter painter(this);
        if (m_kind == Kind::Days)
            m_view->paintDayHeader(painter, rect());
        else
            m_view->paintRowHeader(painter, rect());
    }
    void mousePressEvent(QMouseEvent *event) override
    {
        // A click on an apartment's title makes its row current, on the day in sight.
        if (m_kind != Kind::Rows || !m_view->model())
            return;
        const int row = (int(event->position().y()) + m_view->verticalOffset()) / m_view->rowHeight();
        const QModelIndex current = m_view->currentIndex();
        const QModelIndex index = m_view->model()->index(row, current.isValid() ? current.column() : 0);
        if (index.isValid())
            m_view->setCurrentIndex(index);
        m_view->setFocus(Qt::MouseFocusReason);
    }

private:
    Kind m_kind;
    OccupancyView *m_view;
};

namespace {

// What holds a night: any stay or block; a request waits for a decision and holds nothing.
bool holds(const OccupancyBar &bar)
{
    return bar.status != BookingStatus::Requested;
}

// The colours of a bar: the status's badge colours for the viewer's own, a neutral grey for
// someone else's stay (who stays is not theirs to know, nor is it "confirmed" to them).
BadgeColors barColors(const OccupancyBar &bar, const QPalette &palette)
{
    if (!bar.own && bar.bookingId.isNull()) {
        const QColor grey = palette.color(QPalette::Mid);
        return { grey, contrastingTextColor(grey) };
    }
    return badgeColors(bar.status);
}

} // namespace

OccupancyView::OccupancyView(QWidget *parent)
    : QAbstractItemView(parent)
    , m_dayHeader(new Margin(Margin::Kind::Days, this))
    , m_rowHeader(new Margin(Margin::Kind::Rows, this))
{
    setSelectionMode(NoSelection);
    setEditTriggers(NoEditTriggers);
    setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    setVerticalScrollMode(ScrollPerPixel);
    setMouseTracking(true);
    viewport()->setAttribute(Qt::WA_OpaquePaintEvent);
    setAccessibleName(tr("Occupancy calendar"));
    setAccessibleDescription(tr("Apartments as rows and days as columns. Arrow keys move between days, Shift with "
                                "Left or Right chooses nights, Enter asks for them or opens the stay under the "
                                "cursor, the menu key shows what can be done with it."));
}

OccupancyView::~OccupancyView() = default;

void OccupancyView::setModel(QAbstractItemModel *model)
{
    QAbstractItemView::setModel(model);
    clearChoice();
    if (model) {
        // A new range or filter: the days and rows change under the choice.
        connect(model, &QAbstractItemModel::modelReset, this, [this] {
            clearChoice();
            updateGeometries();
            m_dayHeader->update();
            m_rowHeader->update();
        });
        // Rows read while scrolling down extend the scroll range at once, not at the next layout,
        // so that the scrolling goes on without a stop at the end of what was read.
        connect(model, &QAbstractItemModel::rowsInserted, this, [this] {
            updateGeometries();
            m_rowHeader->update();
        });
    }
    updateGeometries();
}

int OccupancyView::rowHeight() const
{
    return fontMetrics().height() + 10;
}

int OccupancyView::dayCount() const
{
    return model() ? model()->columnCount() : 0;
}

QDate OccupancyView::firstDay() const
{
    if (!model() || dayCount() == 0)
        return {};
    return model()->headerData(0, Qt::Horizontal, OccupancyModel::DateRole).toDate();
}

double OccupancyView::dayWidth() const
{
    const int days = dayCount();
    return days > 0 ? double(viewport()->width()) / days : 0.0;
}

int OccupancyView::dayX(double day) const
{
    return int(std::lround(day * dayWidth()));
}

int OccupancyView::dayAt(int x) const
{
    const double width = dayWidth();
    if (width <= 0 || x < 0)
        return -1;
    const int day = int(x / width);
    return day < dayCount() ? day : -1;
}

QList<OccupancyBar> OccupancyView::barsOf(int row) const
{
    if (!model() || row < 0 || row >= model()->rowCount())
        return {};
    return model()->index(row, 0).data(OccupancyModel::BarsRole).value<QList<OccupancyBar>>();
}

int OccupancyView::todayColumn() const
{
    for (int day = 0; day < dayCount(); ++day) {
        if (model()->headerData(day, Qt::Horizontal, OccupancyModel::TodayRole).toBool())
            return day;
    }
    return -1;
}

bool OccupancyView::isHeld(const QList<OccupancyBar> &bars, QDate night) const
{
    return std::any_of(bars.cbegin(), bars.cend(), [night](const OccupancyBar &bar) {
        return holds(bar) && bar.start <= night && night < bar.end;
    });
}

QRect OccupancyView::barRect(int row, const OccupancyBar &bar) const
{
    const QDate first = firstDay();
    if (!first.isValid())
        return {};
    // From the afternoon of the first night to the morning of departure.
    const double from = first.daysTo(bar.start) + 0.5;
    const double to = first.daysTo(bar.end) + 0.5;
    const int left = std::max(dayX(from), -4);
    const int right = std::min(dayX(to), viewport()->width() + 4);
    if (right <= left)
        return {};
    const int y = row * rowHeight() - verticalOffset();
    return QRect(left, y + 3, right - left, rowHeight() - 6);
}

std::optional<OccupancyBar> OccupancyView::barAt(const QPoint &point, int *rowOut) const
{
    if (!model() || rowHeight() <= 0)
        return std::nullopt;
    const int row = (point.y() + verticalOffset()) / rowHeight();
    if (point.y() < 0 || row >= model()->rowCount())
        return std::nullopt;
    const QList<OccupancyBar> bars = barsOf(row);
    // The later bar wins where a departure morning meets an arrival afternoon.
    for (auto it = bars.crbegin(); it != bars.crend(); ++it) {
        if (barRect(row, *it).contains(point)) {
            if (rowOut)
                *rowOut = row;
            return *it;
        }
    }
    return std::nullopt;
}

std::optional<OccupancyBar> OccupancyView::barOn(const QModelIndex &index) const
{
    if (!index.isValid())
        return std::nullopt;
    const QDate day = firstDay().addDays(index.column());
    const QList<OccupancyBar> bars = barsOf(index.row());
    // The bar whose night it is (a departure morning belongs to no bar).
    for (const OccupancyBar &bar : bars) {
        if (bar.start <= day && day < bar.end)
            return bar;
    }
    return std::nullopt;
}

std::optional<OccupancyBar> OccupancyView::currentBar() const
{
    return barOn(currentIndex());
}

OccupancyView::Choice OccupancyView::choice() const
{
    if (m_choiceRow < 0 || m_anchorDay < 0 || m_reachDay < 0)
        return {};
    const QDate first = firstDay();
    const int from = std::min(m_anchorDay, m_reachDay);
    const int to = std::max(m_anchorDay, m_reachDay);
    return { m_choiceRow, first.addDays(from), first.addDays(to + 1) };
}

void OccupancyView::clearChoice()
{
    m_choiceRow = m_anchorDay = m_reachDay = -1;
    m_dragging = false;
    viewport()->update();
}

void OccupancyView::chooseTowards(int row, int day)
{
    if (m_choiceRow != row || m_anchorDay < 0 || day < 0)
        return;
    const QList<OccupancyBar> bars = barsOf(row);
    const QDate first = firstDay();
    const int step = day >= m_anchorDay ? 1 : -1;
    int reach = m_anchorDay;
    while (reach != day && !isHeld(bars, first.addDays(reach + step)))
        reach += step;
    m_reachDay = reach;
    viewport()->update();
}

void OccupancyView::announceChoice()
{
    const Choice chosen = choice();
    if (chosen.row >= 0)
        Q_EMIT nightsChosen(chosen.row, chosen.first, chosen.departure);
}

QRect OccupancyView::visualRect(const QModelIndex &index) const
{
    if (!index.isValid() || index.model() != model())
        return {};
    const int left = dayX(index.column());
    const int right = dayX(index.column() + 1);
    return QRect(left, index.row() * rowHeight() - verticalOffset(), right - left, rowHeight());
}

void OccupancyView::scrollTo(const QModelIndex &index, ScrollHint hint)
{
    if (!index.isValid())
        return;
    const int top = index.row() * rowHeight();
    const int height = viewport()->height();
    QScrollBar *bar = verticalScrollBar();
    if (hint == PositionAtTop || (hint == EnsureVisible && top < bar->value()))
        bar->setValue(top);
    else if (hint == PositionAtBottom || (hint == EnsureVisible && top + rowHeight() > bar->value() + height))
        bar->setValue(top + rowHeight() - height);
    else if (hint == PositionAtCenter)
        bar->setValue(top - (height - rowHeight()) / 2);
}

QModelIndex OccupancyView::indexAt(const QPoint &point) const
{
    if (!model() || point.y() < 0)
        return {};
    const int row = (point.y() + verticalOffset()) / rowHeight();
    const int day = dayAt(point.x());
    return day < 0 ? QModelIndex() : model()->index(row, day);
}

QModelIndex OccupancyView::moveCursor(CursorAction cursorAction, Qt::KeyboardModifiers)
{
    if (!model() || model()->rowCount() == 0 || dayCount() == 0)
        return {};
    QModelIndex current = currentIndex();
    if (!current.isValid())
        return model()->index(0, 0);
    int row = current.row();
    int day = current.column();
    const int page = std::max(1, viewport()->height() / rowHeight() - 1);
    switch (cursorAction) {
    case MoveLeft:
    case MovePrevious:
        day = std::max(0, day - 1);
        break;
    case MoveRight:
    case MoveNext:
        day = std::min(dayCount() - 1, day + 1);
        break;
    case MoveUp:
        row = std::max(0, row - 1);
        break;
    case MoveDown:
        row = row + 1;
        break;
    case MovePageUp:
        row = std::max(0, row - page);
        break;
    case MovePageDown:
        row = row + page;
        break;
    case MoveHome:
        day = 0;
        break;
    case MoveEnd:
        day = dayCount() - 1;
        break;
    }
    // Rows below the last one read are read on the way down.
    while (row >= model()->rowCount() && model()->canFetchMore({}))
        model()->fetchMore({});
    row = std::min(row, model()->rowCount() - 1);
    return model()->index(row, day);
}

int OccupancyView::horizontalOffset() const
{
    return 0;
}

int OccupancyView::verticalOffset() const
{
    return verticalScrollBar()->value();
}

bool OccupancyView::isIndexHidden(const QModelIndex &) const
{
    return false;
}

void OccupancyView::setSelection(const QRect &, QItemSelectionModel::SelectionFlags)
{
    // Nights are chosen by the view's own drag (the choice), not through the selection model.
}

QRegion OccupancyView::visualRegionForSelection(const QItemSelection &) const
{
    return {};
}

void OccupancyView::currentChanged(const QModelIndex &current, const QModelIndex &previous)
{
    QAbstractItemView::currentChanged(current, previous);
    viewport()->update();
    m_rowHeader->update();
    m_dayHeader->update();
    // Announced when the bar changes, not at each day the keyboard moves over within it.
    if (const auto bar = barOn(current); bar && bar != barOn(previous))
        Q_EMIT currentBarChanged(*bar, current.row());
}

void OccupancyView::updateGeometries()
{
    const QFontMetrics metrics = fontMetrics();
    const int headerHeight = 2 * metrics.height() + 8;
    const int titleWidth = std::clamp(metrics.averageCharWidth() * 26, 120, 320);
    setViewportMargins(titleWidth, headerHeight, 0, 0);
    const QRect area = viewport()->geometry();
    m_dayHeader->setGeometry(area.left(), area.top() - headerHeight, area.width(), headerHeight);
    m_rowHeader->setGeometry(area.left() - titleWidth, area.top(), titleWidth, area.height());

    const int rows = model() ? model()->rowCount() : 0;
    verticalScrollBar()->setSingleStep(rowHeight());
    verticalScrollBar()->setPageStep(viewport()->height());
    verticalScrollBar()->setRange(0, std::max(0, rows * rowHeight() - viewport()->height()));
    QAbstractItemView::updateGeometries();
}

void OccupancyView::fetchIfNearEnd()
{
    // Reads the next rows a screen before the last one comes into sight, so that scrolling
    // down never waits at the end of what was read.
    if (!model() || !model()->canFetchMore({}))
        return;
    const int lastShown = (verticalOffset() + 2 * viewport()->height()) / rowHeight();
    if (lastShown >= model()->rowCount())
        model()->fetchMore({});
}

void OccupancyView::verticalScrollbarValueChanged(int value)
{
    fetchIfNearEnd();
    QAbstractItemView::verticalScrollbarValueChanged(value);
}

void OccupancyView::scrollContentsBy(int dx, int dy)
{
    QAbstractItemView::scrollContentsBy(dx, dy);
    m_rowHeader->scroll(0, dy);
}

void OccupancyView::resizeEvent(QResizeEvent *event)
{
    QAbstractItemView::resizeEvent(event);
    updateGeometries();
    m_dayHeader->update();
}

void OccupancyView::changeEvent(QEvent *event)
{
    QAbstractItemView::changeEvent(event);
    if (event->type() == QEvent::FontChange || event->type() == QEvent::LanguageChange
        || event->type() == QEvent::PaletteChange) {
        updateGeometries();
        m_dayHeader->update();
        m_rowHeader->update();
    }
    if (event->type() == QEvent::LanguageChange) {
        setAccessibleName(tr("Occupancy calendar"));
    }
}

void OccupancyView::paintEvent(QPaintEvent *event)
{
    QPainter painter(viewport());
    const QPalette &pal = palette();
    painter.fillRect(event->rect(), pal.color(QPalette::Base));
    if (!model() || dayCount() == 0)
        return;

    // Weekends and today, under the rows.
    const QDate first = firstDay();
    const QColor weekend = pal.color(QPalette::AlternateBase);
    for (int day = 0; day < dayCount(); ++day) {
        if (first.addDays(day).dayOfWeek() >= Qt::Saturday)
            painter.fillRect(QRect(dayX(day), 0, dayX(day + 1) - dayX(day), viewport()->height()), weekend);
    }

    const int height = rowHeight();
    const int firstRow = std::max(0, (verticalOffset() + event->rect().top()) / height);
    const int lastRow = std::min(model()->rowCount() - 1, (verticalOffset() + event->rect().bottom()) / height);

    // Day lines when days are wide enough to tell apart, and a line under each row.
    QColor line = pal.color(QPalette::Mid);
    line.setAlpha(60);
    painter.setPen(line);
    if (dayWidth() >= 8) {
        for (int day = 1; day < dayCount(); ++day)
            painter.drawLine(dayX(day), 0, dayX(day), viewport()->height());
    }
    for (int row = firstRow; row <= lastRow; ++row) {
        const int bottom = (row + 1) * height - verticalOffset() - 1;
        painter.drawLine(0, bottom, viewport()->width(), bottom);
    }

    // What every row needs, found once: the bars' font and the current bar.
    painter.setFont(badgeFont(font()));
    const std::optional<OccupancyBar> shownBar = currentBar();
    const OccupancyBar *currentBarOf = shownBar ? &*shownBar : nullptr;
    const int currentRow = currentBarOf ? currentIndex().row() : -1;
    for (int row = firstRow; row <= lastRow; ++row)
        paintRow(painter, row, row * height - verticalOffset(), row == currentRow ? currentBarOf : nullptr);

    // Today, over the bars: a line through its middle.
    if (const int day = todayColumn(); day >= 0) {
        painter.setPen(QPen(pal.color(QPalette::Highlight), 2));
        const int x = dayX(day + 0.5);
        painter.drawLine(x, 0, x, viewport()->height());
    }

    // The current day, where the keyboard is.
    const QModelIndex current = currentIndex();
    if (current.isValid() && hasFocus()) {
        QPen pen(pal.color(QPalette::Text), 1, Qt::DotLine);
        painter.setPen(pen);
        painter.setBrush(Qt::NoBrush);
        painter.drawRect(visualRect(current).adjusted(1, 1, -2, -2));
    }
}

void OccupancyView::paintRow(QPainter &painter, int row, int y, const OccupancyBar *current) const
{
    const QPalette &pal = palette();
    const int height = rowHeight();

    // The nights being chosen.
    if (row == m_choiceRow && m_anchorDay >= 0) {
        const int from = std::min(m_anchorDay, m_reachDay);
        const int to = std::max(m_anchorDay, m_reachDay);
        QColor chosen = pal.color(QPalette::Highlight);
        chosen.setAlpha(90);
        painter.fillRect(QRect(dayX(from), y + 1, dayX(to + 1) - dayX(from), height - 2), chosen);
    }

    const QList<OccupancyBar> bars = barsOf(row);
    for (const OccupancyBar &bar : bars) {
        const QRect rect = barRect(row, bar);
        if (rect.isEmpty() || rect.right() < 0 || rect.left() > viewport()->width())
            continue;
        const BadgeColors colors = barColors(bar, pal);
        painter.setRenderHint(QPainter::Antialiasing, true);
        // Each status keeps a shape of its own besides its colour: a request is outlined with
        // dashes and filled lightly (it holds nothing yet), a block is hatched.
        if (bar.status == BookingStatus::Requested) {
            QColor fill = colors.background;
            fill.setAlpha(110);
            painter.setBrush(fill);
            painter.setPen(QPen(colors.background.darker(140), 1.5, Qt::DashLine));
        } else {
            painter.setBrush(colors.background);
            painter.setPen(QPen(colors.background.darker(130), 1));
        }
        painter.drawRoundedRect(QRectF(rect).adjusted(0.5, 0.5, -0.5, -0.5), 4, 4);
        if (bar.status == BookingStatus::Blocked) {
            painter.setBrush(QBrush(colors.text, Qt::BDiagPattern));
            painter.setPen(Qt::NoPen);
            painter.drawRoundedRect(QRectF(rect).adjusted(1, 1, -1, -1), 4, 4);
        }
        if (current && *current == bar) {
            painter.setBrush(Qt::NoBrush);
            painter.setPen(QPen(pal.color(QPalette::Highlight), 2.5));
            painter.drawRoundedRect(QRectF(rect).adjusted(-1, -1, 1, 1), 5, 5);
        }
        painter.setRenderHint(QPainter::Antialiasing, false);

        // Its label where there is room: who, which calendar, or the status.
        const QRect visible = rect.intersected(viewport()->rect()).adjusted(6, 0, -4, 0);
        if (visible.width() > painter.fontMetrics().averageCharWidth() * 3) {
            const QDate shown = std::max(bar.start, firstDay());
            const QString text = model()->index(row, int(firstDay().daysTo(shown))).data(Qt::DisplayRole).toString();
            QColor ink = bar.status == BookingStatus::Requested ? pal.color(QPalette::Text) : colors.text;
            painter.setPen(ink);
            painter.drawText(visible, Qt::AlignVCenter | Qt::AlignLeft,
                             painter.fontMetrics().elidedText(text, Qt::ElideRight, visible.width()));
        }
    }
}

void OccupancyView::paintDayHeader(QPainter &painter, const QRect &rect) const
{
    const QPalette &pal = palette();
    painter.fillRect(rect, pal.color(QPalette::Button));
    if (!model() || dayCount() == 0)
        return;
    const QFontMetrics metrics = painter.fontMetrics();
    const int lineHeight = metrics.height() + 4;
    const QDate first = firstDay();
    const QLocale locale;

    // The months over their days.
    int monthStart = 0;
    for (int day = 1; day <= dayCount(); ++day) {
        if (day < dayCount() && first.addDays(day).month() == first.addDays(monthStart).month())
            continue;
        const QDate date = first.addDays(monthStart);
        const QRect monthRect(dayX(monthStart), 0, dayX(day) - dayX(monthStart), lineHeight);
        painter.setPen(pal.color(QPalette::Mid));
        painter.drawLine(monthRect.left(), 0, monthRect.left(), rect.height());
        painter.setPen(pal.color(QPalette::ButtonText));
        const QString name = locale.standaloneMonthName(date.month()) + u' ' + QString::number(date.year());
        painter.drawText(monthRect.adjusted(4, 0, -2, 0), Qt::AlignVCenter | Qt::AlignLeft,
                         metrics.elidedText(name, Qt::ElideRight, monthRect.width() - 6));
        monthStart = day;
    }

    // The days: their number, with the weekday's short name when there is room; every
    // Monday's alone when days are narrow.
    const double width = dayWidth();
    const int digits = metrics.horizontalAdvance(QStringLiteral("30")) + 4;
    const QModelIndex current = currentIndex();
    const int todayDay = todayColumn();
    for (int day = 0; day < dayCount(); ++day) {
        const QDate date = first.addDays(day);
        const QRect cell(dayX(day), lineHeight, dayX(day + 1) - dayX(day), rect.height() - lineHeight);
        const bool today = day == todayDay;
        if (today)
            painter.fillRect(cell, pal.color(QPalette::Highlight));
        else if (current.isValid() && current.column() == day)
            painter.fillRect(cell, pal.color(QPalette::Midlight));
        else if (date.dayOfWeek() >= Qt::Saturday)
            painter.fillRect(cell, pal.color(QPalette::AlternateBase));
        QString text;
        if (width >= metrics.horizontalAdvance(QStringLiteral("Wed 30")) + 8)
            text = locale.dayName(date.dayOfWeek(), QLocale::ShortFormat) + u' ' + QString::number(date.day());
        else if (width >= digits || date.dayOfWeek() == Qt::Monday)
            text = QString::number(date.day());
        painter.setPen(today ? pal.color(QPalette::HighlightedText) : pal.color(QPalette::ButtonText));
        if (!text.isEmpty()) {
            const QRect textRect = width >= digits ? cell : QRect(cell.left(), cell.top(), digits, cell.height());
            painter.drawText(textRect, Qt::AlignCenter, text);
        }
    }
    painter.setPen(pal.color(QPalette::Mid));
    painter.drawLine(rect.left(), rect.bottom(), rect.right(), rect.bottom());
}

void OccupancyView::paintRowHeader(QPainter &painter, const QRect &rect) const
{
    const QPalette &pal = palette();
    painter.fillRect(rect, pal.color(QPalette::Button));
    if (!model())
        return;
    const int height = rowHeight();
    const int firstRow = std::max(0, verticalOffset() / height);
    const int lastRow = std::min(model()->rowCount() - 1, (verticalOffset() + rect.height()) / height);
    const QFontMetrics metrics = painter.fontMetrics();
    const QModelIndex current = currentIndex();
    for (int row = firstRow; row <= lastRow; ++row) {
        const QRect cell(0, row * height - verticalOffset(), rect.width(), height);
        const bool isCurrent = current.isValid() && current.row() == row;
        if (isCurrent)
            painter.fillRect(cell, pal.color(QPalette::Highlight));
        painter.setPen(isCurrent ? pal.color(QPalette::HighlightedText) : pal.color(QPalette::ButtonText));
        const QString title = model()->headerData(row, Qt::Vertical, Qt::DisplayRole).toString();
        const QRect text = cell.adjusted(6, 0, -4, 0);
        painter.drawText(text, Qt::AlignVCenter | Qt::AlignLeft,
                         metrics.elidedText(title, Qt::ElideMiddle, text.width()));
        painter.setPen(pal.color(QPalette::Mid));
        painter.drawLine(cell.left(), cell.bottom(), cell.right(), cell.bottom());
    }
    painter.drawLine(rect.right(), rect.top(), rect.right(), rect.bottom());
}

void OccupancyView::mousePressEvent(QMouseEvent *event)
{
    setFocus(Qt::MouseFocusReason);
    const QPoint point = event->position().toPoint();
    const QModelIndex index = indexAt(point);
    if (!index.isValid() || event->button() != Qt::LeftButton) {
        if (index.isValid())
            selectionModel()->setCurrentIndex(index, QItemSelectionModel::NoUpdate);
        return;
    }
    int row = -1;
    const std::optional<OccupancyBar> bar = barAt(point, &row);
    // Make the bar current on a day it covers, so that the keyboard continues from it.
    QModelIndex target = index;
    if (bar) {
        const int day = std::clamp(
            int(firstDay().daysTo(std::clamp(firstDay().addDays(index.column()), bar->start, bar->end.addDays(-1)))), 0,
            dayCount() - 1);
        target = model()->index(row, day);
    }
    m_choiceRow = m_anchorDay = m_reachDay = -1;
    const std::optional<OccupancyBar> before = currentBar();
    selectionModel()->setCurrentIndex(target, QItemSelectionModel::NoUpdate);
    if (bar) {
        // A new bar was announced by currentChanged(); the same bar clicked again is announced
        // again, so that the page shows it (after showing something else beside it).
        if (before == bar)
            Q_EMIT currentBarChanged(*bar, row);
        viewport()->update();
        return;
    }
    if (!isHeld(barsOf(index.row()), firstDay().addDays(index.column()))) {
        m_choiceRow = index.row();
        m_anchorDay = m_reachDay = index.column();
        m_dragging = true;
        m_draggedAway = false;
    }
    viewport()->update();
}

void OccupancyView::mouseMoveEvent(QMouseEvent *event)
{
    if (!m_dragging)
        return;
    const int day =
        std::clamp(dayAt(std::clamp(int(event->position().x()), 0, viewport()->width() - 1)), 0, dayCount() - 1);
    m_draggedAway = m_draggedAway || day != m_anchorDay;
    chooseTowards(m_choiceRow, day);
}

void OccupancyView::mouseReleaseEvent(QMouseEvent *event)
{
    if (!m_dragging || event->button() != Qt::LeftButton)
        return;
    m_dragging = false;
    // A click chooses its night; a drag to another day asks for the nights chosen at once (one,
    // when it stopped before a held night).
    if (m_draggedAway)
        announceChoice();
}

void OccupancyView::mouseDoubleClickEvent(QMouseEvent *event)
{
    int row = -1;
    if (const auto bar = barAt(event->position().toPoint(), &row)) {
        Q_EMIT barActivated(*bar, row);
        return;
    }
    // A double-click on a free day asks for its night.
    mousePressEvent(event);
    m_dragging = false;
    announceChoice();
}

void OccupancyView::keyPressEvent(QKeyEvent *event)
{
    const QModelIndex current = currentIndex();
    const bool shift = event->modifiers() & Qt::ShiftModifier;
    switch (event->key()) {
    case Qt::Key_Return:
    case Qt::Key_Enter:
        if (const auto bar = currentBar()) {
            Q_EMIT barActivated(*bar, current.row());
        } else if (current.isValid()) {
            if (m_choiceRow != current.row()) {
                m_choiceRow = current.row();
                m_anchorDay = m_reachDay = current.column();
            }
            announceChoice();
        }
        event->accept();
        return;
    case Qt::Key_Escape:
        if (m_choiceRow >= 0) {
            clearChoice();
            event->accept();
            return;
        }
        break;
    case Qt::Key_Menu:
        if (const auto bar = currentBar()) {
            Q_EMIT barMenuRequested(*bar, current.row(), viewport()->mapToGlobal(visualRect(current).center()));
            event->accept();
            return;
        }
        break;
    case Qt::Key_Left:
    case Qt::Key_Right:
        if (shift && current.isValid()) {
            // Shift+Left/Right chooses nights from the current free day.
            if (m_choiceRow != current.row() || m_anchorDay < 0) {
                if (isHeld(barsOf(current.row()), firstDay().addDays(current.column())))
                    break;
                m_choiceRow = current.row();
                m_anchorDay = m_reachDay = current.column();
            }
            const int day = std::clamp(m_reachDay + (event->key() == Qt::Key_Right ? 1 : -1), 0, dayCount() - 1);
            chooseTowards(current.row(), day);
            selectionModel()->setCurrentIndex(model()->index(current.row(), m_reachDay), QItemSelectionModel::NoUpdate);
            event->accept();
            return;
        }
        break;
    default:
        break;
    }
    // Moving without Shift leaves the choice behind.
    if (!shift && event->key() != Qt::Key_Shift && m_choiceRow >= 0)
        clearChoice();
    QAbstractItemView::keyPressEvent(event);
}

void OccupancyView::contextMenuEvent(QContextMenuEvent *event)
{
    if (event->reason() == QContextMenuEvent::Keyboard) {
        if (const auto bar = currentBar()) {
            Q_EMIT barMenuRequested(*bar, currentIndex().row(),
                                    viewport()->mapToGlobal(visualRect(currentIndex()).center()));
        }
        return;
    }
    int row = -1;
    const QPoint point = viewport()->mapFromGlobal(event->globalPos());
    if (const auto bar = barAt(point, &row)) {
        selectionModel()->setCurrentIndex(indexAt(point), QItemSelectionModel::NoUpdate);
        Q_EMIT barMenuRequested(*bar, row, event->globalPos());
    }
}

bool OccupancyView::viewportEvent(QEvent *event)
{
    if (event->type() == QEvent::ToolTip) {
        const auto *help = static_cast<QHelpEvent *>(event);
        int row = -1;
        if (const auto bar = barAt(help->pos(), &row)) {
            const QDate shown = std::max(bar->start, firstDay());
            QToolTip::showText(help->globalPos(),
                               model()->index(row, int(firstDay().daysTo(shown))).data(Qt::ToolTipRole).toString(),
                               viewport(), barRect(row, *bar));
        } else {
            QToolTip::hideText();
        }
        return true;
    }
    return QAbstractItemView::viewportEvent(event);
}

} // namespace rentdesk::views
