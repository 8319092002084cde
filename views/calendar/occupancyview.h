// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/query/occupancyquery.h"

#include <QAbstractItemView>
#include <QDate>

#include <optional>

namespace rentdesk::views {

// The occupancy calendar's view (issue 14): a custom item view over an OccupancyModel, with
// apartments as rows, the model's days as columns and each row's stays drawn as bars from the
// afternoon of the first night to the morning of departure, coloured and patterned by status.
// It paints the rows in sight only, so scrolling costs the same for 20 or 20 000 rows; the row
// titles and the days are painted in the margins beside and above the bars.
//
// The mouse and the keyboard do the same things:
// - a click on a bar, or moving the current day onto one, makes it the current bar
//   (currentBarChanged);
// - a double-click or Enter on a bar activates it, the context menu (or its key) asks for its
//   menu;
// - dragging over free days of one apartment, or Shift+Left/Right from a free day, chooses
//   nights; releasing a drag that reached another day, or Enter, announces them (nightsChosen).
//   A choice never reaches over a night someone holds (a request does not hold its nights).
class OccupancyView final : public QAbstractItemView
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(OccupancyView)

public:
    explicit OccupancyView(QWidget *parent = nullptr);
    ~OccupancyView() override;

    [[nodiscard]] int rowHeight() const;
    // The width of one day: the viewport's width shared by the model's days.
    [[nodiscard]] double dayWidth() const;
    // The bar under a point of the viewport, with its row.
    [[nodiscard]] std::optional<models::query::OccupancyBar> barAt(const QPoint &point, int *row = nullptr) const;
    // The bar over the current day, if any.
    [[nodiscard]] std::optional<models::query::OccupancyBar> currentBar() const;
    // Where a bar of a row is drawn, in viewport coordinates (empty when out of the days shown).
    [[nodiscard]] QRect barRect(int row, const models::query::OccupancyBar &bar) const;
    // The nights being chosen: their row and [first night, departure); row -1 when none.
    struct Choice
    {
        int row = -1;
        QDate first;
        QDate departure;
    };
    [[nodiscard]] Choice choice() const;
    void clearChoice();

    QRect visualRect(const QModelIndex &index) const override;
    void scrollTo(const QModelIndex &index, ScrollHint hint = EnsureVisible) override;
    QModelIndex indexAt(const QPoint &point) const override;
    void setModel(QAbstractItemModel *model) override;

Q_SIGNALS:
    void currentBarChanged(const rentdesk::models::query::OccupancyBar &bar, int row);
    void barActivated(const rentdesk::models::query::OccupancyBar &bar, int row);
    void barMenuRequested(const rentdesk::models::query::OccupancyBar &bar, int row, const QPoint &globalPosition);
    // Free nights chosen by a drag or the keyboard: the row's apartment, [first, departure).
    void nightsChosen(int row, QDate first, QDate departure);

protected:
    QModelIndex moveCursor(CursorAction cursorAction, Qt::KeyboardModifiers modifiers) override;
    int horizontalOffset() const override;
    int verticalOffset() const override;
    bool isIndexHidden(const QModelIndex &index) const override;
    void setSelection(const QRect &rect, QItemSelectionModel::SelectionFlags command) override;
    QRegion visualRegionForSelection(const QItemSelection &selection) const override;
    void currentChanged(const QModelIndex &current, const QModelIndex &previous) override;
    void updateGeometries() override;
    void verticalScrollbarValueChanged(int value) override;
    void scrollContentsBy(int dx, int dy) override;

    void paintEvent(QPaintEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;
    void mouseDoubleClickEvent(QMouseEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    void contextMenuEvent(QContextMenuEvent *event) override;
    bool viewportEvent(QEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    class Margin;
    friend class Margin;

    [[nodiscard]] QList<models::query::OccupancyBar> barsOf(int row) const;
    // The bar whose night a cell is, if any.
    [[nodiscard]] std::optional<models::query::OccupancyBar> barOn(const QModelIndex &index) const;
    [[nodiscard]] int dayCount() const;
    [[nodiscard]] QDate firstDay() const;
    // The x of the start of day (0 = the first shown), in viewport coordinates.
    [[nodiscard]] int dayX(double day) const;
    [[nodiscard]] int dayAt(int x) const;
    // The column of today, or -1 when it is not shown.
    [[nodiscard]] int todayColumn() const;
    // The night of a row someone holds (a stay or a block of any status but a request).
    [[nodiscard]] bool isHeld(const QList<models::query::OccupancyBar> &bars, QDate night) const;
    // Extends the choice of row from its anchor towards day, stopping before a held night.
    void chooseTowards(int row, int day);
    void announceChoice();
    void fetchIfNearEnd();

    void paintDayHeader(QPainter &painter, const QRect &rect) const;
    void paintRowHeader(QPainter &painter, const QRect &rect) const;
    // current: the current bar when it is in this row.
    void paintRow(QPainter &painter, int row, int y, const models::query::OccupancyBar *current) const;

    Margin *m_dayHeader = nullptr;
    Margin *m_rowHeader = nullptr;
    // The choice: its row, the day it started from and the day it reaches (columns).
    int m_choiceRow = -1;
    int m_anchorDay = -1;
    int m_reachDay = -1;
    bool m_dragging = false;
    bool m_draggedAway = false; // the drag reached another day than the one pressed
};

} // namespace rentdesk::views
