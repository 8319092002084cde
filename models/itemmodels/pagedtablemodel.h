// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/itemmodels/itemroles.h"
#include "models/services/domainerror.h"

#include <QAbstractTableModel>
#include <QList>
#include <QSet>
#include <QUuid>
#include <QVariant>

#include <functional>
#include <map>

namespace rentdesk::models::itemmodels {

// A table over a query that can count its rows and fetch any page of them, sorted by any
// column: the model knows the total from the start (so the scroll bar is true), and reads
// only the pages a view asks for, keeping the most recently used few. A table of a
// million rows costs a count and a page or two, never the whole table in memory; jumping
// to the end reads the last page only.
//
// Subclasses say what the columns are and how to count and fetch; sorting, a filter
// change or a data change (reload()) drop the pages and count again. Rows are held as
// QVariants of the subclass's row type.
//
// A count or a page that fails puts the model in a failed state until reload(): it keeps
// showing the pages it holds and runs no query at all meanwhile, so failed() is emitted once
// per failure. Asking again on every data() call would repeat the same error for each cell
// painted, and a locked database would stall the window for its busy timeout each time.
class PagedTableModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    static constexpr int PageSize = 100;
    static constexpr int CachedPages = 24;

    explicit PagedTableModel(QObject *parent = nullptr);

    [[nodiscard]] int rowCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] int columnCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    [[nodiscard]] QVariant headerData(int section, Qt::Orientation orientation,
                                      int role = Qt::DisplayRole) const override;
    void sort(int column, Qt::SortOrder order = Qt::AscendingOrder) override;

    [[nodiscard]] int sortColumn() const { return m_sortColumn; }
    [[nodiscard]] Qt::SortOrder sortOrder() const { return m_sortOrder; }
    // The number of rows the query matches (rowCount() is the same, capped to int).
    [[nodiscard]] qint64 totalCount() const { return m_total; }
    // The id of the entity in row, reading its page if needed; null when out of range.
    [[nodiscard]] QUuid idAt(int row) const;
    // The row showing id among the pages read so far, or -1.
    [[nodiscard]] int loadedRowOf(const QUuid &id) const;
    // The rows changed here that the server has not applied yet (WaitingRole), by id: the
    // connected window sets them after each change and sync; the cells are repainted.
    void setWaitingIds(QSet<QUuid> ids);
    [[nodiscard]] const QSet<QUuid> &waitingIds() const { return m_waiting; }
    // How many rows are held in memory now (for tests and benchmarks).
    [[nodiscard]] int cachedRows() const;
    // Why the last count or fetch failed; while set, no query runs. A successful reload()
    // (also one that sort() makes after a failure) clears it.
    [[nodiscard]] const std::optional<services::DomainError> &lastError() const { return m_error; }

    // Every row the query matches now, in the model's sort, read straight from the query in
    // chunks of `chunk` rows (the queries allow 1000 at most; not through the page cache a view
    // uses): for an export. `row` gets each row's values, one per column (ValueRole's), and
    // returns false to stop early.
    [[nodiscard]] services::Result<void> readAll(const std::function<bool(const QList<QVariant> &values)> &row,
                                                 int chunk = 1000) const;

public Q_SLOTS:
    // Counts again and forgets every page read: after a filter change, a write, or to try
    // again after a failure.
    void reload();
    // After a language change: every header and cell is asked for again, in the new language
    // and the new default locale's dates and money (nothing is read again; announceRetranslated()).
    void retranslate();

Q_SIGNALS:
    void totalCountChanged(qint64 total);
    // A count or a page could not be read; the table shows what it has and reads nothing
    // more until reload(). Emitted once per failure, never from inside data().
    void failed(const rentdesk::models::services::DomainError &error);

protected:
    // The columns, fixed for the model's life.
    [[nodiscard]] virtual int columns() const = 0;
    [[nodiscard]] virtual QString columnTitle(int column) const = 0;
    [[nodiscard]] virtual CellKind columnKind(int column) const = 0;

    // The query, with the current filter and the sort set by sort().
    [[nodiscard]] virtual services::Result<qint64> countRows() const = 0;
    [[nodiscard]] virtual services::Result<QList<QVariant>> fetchRows(int offset, int limit) const = 0;
    [[nodiscard]] virtual QUuid rowId(const QVariant &row) const = 0;
    [[nodiscard]] virtual QVariant rowValue(const QVariant &row, int column) const = 0;
    // Text for the cell; by default the value formatted for its kind.
    [[nodiscard]] virtual QString rowText(const QVariant &row, int column) const;
    // A tooltip for the cell (none by default).
    [[nodiscard]] virtual QString rowToolTip(const QVariant &row, int column) const;

    // The row of the given number, reading its page when needed; nullptr when it cannot
    // (out of range, or its page is not held and the model has failed).
    [[nodiscard]] const QVariant *rowAt(int row) const;

    // Sets the sort without reloading (for a subclass's constructor).
    void setInitialSort(int column, Qt::SortOrder order);

private:
    struct Page
    {
        QList<QVariant> rows;
        quint64 used = 0;
    };
    // Remembers the failure (the model reads nothing more until reload()) and emits failed().
    void fail(const services::DomainError &error) const;

    mutable std::map<int, Page> m_pages; // by page number
    mutable quint64 m_useCounter = 0;
    mutable std::optional<services::DomainError> m_error;
    mutable bool m_reloadQueued = false;
    qint64 m_total = 0;
    QSet<QUuid> m_waiting;
    int m_sortColumn = 0;
    Qt::SortOrder m_sortOrder = Qt::AscendingOrder;
};

} // namespace rentdesk::models::itemmodels
