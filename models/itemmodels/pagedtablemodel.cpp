// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/itemmodels/pagedtablemodel.h"

#include "models/itemmodels/cellformat.h"
#include "models/itemmodels/retranslate.h"

#include <QLoggingCategory>
#include <QTimer>

#include <algorithm>
#include <limits>

namespace rentdesk::models::itemmodels {

Q_LOGGING_CATEGORY(lcItemModels, "rentdesk.itemmodels", QtWarningMsg)

PagedTableModel::PagedTableModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

int PagedTableModel::rowCount(const QModelIndex &parent) const
{
    if (parent.isValid())
        return 0;
    return int(std::min<qint64>(m_total, std::numeric_limits<int>::max()));
}

int PagedTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : columns();
}

QVariant PagedTableModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    switch (role) {
    case Qt::DisplayRole:
    case IdRole:
    case ValueRole:
    case Qt::ToolTipRole:
    case WaitingRole:
        break;
    case CellKindRole:
        return int(columnKind(index.column()));
    case Qt::TextAlignmentRole:
        switch (columnKind(index.column())) {
        case CellKind::Number:
        case CellKind::Money:
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        default:
            return {};
        }
    default:
        return {};
    }
    const QVariant *row = rowAt(index.row());
    if (!row)
        return {};
    switch (role) {
    case Qt::DisplayRole:
        return rowText(*row, index.column());
    case IdRole:
        return rowId(*row);
    case ValueRole:
        return rowValue(*row, index.column());
    case Qt::ToolTipRole: {
        QString tip = rowToolTip(*row, index.column());
        if (m_waiting.contains(rowId(*row))) {
            const QString waiting = tr("Waiting to sync: the server has not received this change yet.");
            tip = tip.isEmpty() ? waiting : tip + u'\n' + waiting;
        }
        return tip.isEmpty() ? QVariant() : QVariant(tip);
    }
    case WaitingRole:
        return m_waiting.contains(rowId(*row));
    default:
        return {};
    }
}

void PagedTableModel::setWaitingIds(QSet<QUuid> ids)
{
    if (ids == m_waiting)
        return;
    m_waiting = std::move(ids);
    if (rowCount() > 0)
        Q_EMIT dataChanged(index(0, 0), index(rowCount() - 1, columnCount() - 1), { WaitingRole, Qt::ToolTipRole });
}

QVariant PagedTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || section < 0 || section >= columns())
        return QAbstractTableModel::headerData(section, orientation, role);
    if (role == Qt::DisplayRole)
        return columnTitle(section);
    if (role == CellKindRole)
        return int(columnKind(section));
    return {};
}

void PagedTableModel::sort(int column, Qt::SortOrder order)
{
    if (column < 0 || column >= columns())
        return;
    if (column == m_sortColumn && order == m_sortOrder && m_error == std::nullopt)
        return;
    m_sortColumn = column;
    m_sortOrder = order;
    if (m_error) {
        // A new question after a failure: count again too, since the count may be what failed.
        reload();
        return;
    }
    // Every row may move and none is in memory to map: a reset, which also tells views
    // that their selections and persistent indexes are gone.
    beginResetModel();
    m_pages.clear();
    endResetModel();
}

void PagedTableModel::setInitialSort(int column, Qt::SortOrder order)
{
    m_sortColumn = column;
    m_sortOrder = order;
}

void PagedTableModel::reload()
{
    m_reloadQueued = false;
    const auto counted = countRows();
    beginResetModel();
    m_pages.clear();
    const qint64 before = m_total;
    m_total = counted ? *counted : 0;
    // Before the reset ends, so that whoever looks at lastError() on modelReset sees this
    // count's outcome rather than the previous one.
    m_error.reset();
    if (!counted)
        fail(counted.error());
    endResetModel();
    if (before != m_total)
        Q_EMIT totalCountChanged(m_total);
}

QUuid PagedTableModel::idAt(int row) const
{
    const QVariant *found = rowAt(row);
    return found ? rowId(*found) : QUuid();
}

int PagedTableModel::loadedRowOf(const QUuid &id) const
{
    for (const auto &[number, page] : m_pages) {
        for (qsizetype i = 0; i < page.rows.size(); ++i) {
            if (rowId(page.rows[i]) == id)
                return number * PageSize + int(i);
        }
    }
    return -1;
}

int PagedTableModel::cachedRows() const
{
    int rows = 0;
    for (const auto &[number, page] : m_pages)
        rows += int(page.rows.size());
    return rows;
}

QString PagedTableModel::rowText(const QVariant &row, int column) const
{
    return cellText(columnKind(column), rowValue(row, column));
}

QString PagedTableModel::rowToolTip(const QVariant &, int) const
{
    return {};
}

const QVariant *PagedTableModel::rowAt(int row) const
{
    if (row < 0 || row >= rowCount())
        return nullptr;
    const int number = row / PageSize;
    const int within = row % PageSize;
    auto found = m_pages.find(number);
    if (found == m_pages.end()) {
        if (m_error)
            return nullptr; // failed: nothing is read until reload()
        auto rows = fetchRows(number * PageSize, PageSize);
        if (!rows) {
            fail(rows.error());
            return nullptr;
        }
        // Only now, so that a failed read does not cost a page that was fine.
        if (m_pages.size() >= CachedPages) {
            auto oldest = std::min_element(m_pages.begin(), m_pages.end(),
                                           [](const auto &a, const auto &b) { return a.second.used < b.second.used; });
            m_pages.erase(oldest);
        }
        found = m_pages.emplace(number, Page { std::move(*rows), 0 }).first;
    }
    Page &page = found->second;
    page.used = ++m_useCounter;
    if (within >= page.rows.size()) {
        // Fewer rows than counted: the data changed since the count. Count again, once the
        // view has finished asking.
        if (!m_reloadQueued) {
            m_reloadQueued = true;
            QTimer::singleShot(0, const_cast<PagedTableModel *>(this), &PagedTableModel::reload);
        }
        return nullptr;
    }
    return &page.rows[within];
}

services::Result<void> PagedTableModel::readAll(const std::function<bool(const QList<QVariant> &)> &row,
                                                int chunk) const
{
    QList<QVariant> values(columns());
    for (int offset = 0;; offset += chunk) {
        auto rows = fetchRows(offset, chunk);
        if (!rows)
            return std::unexpected(rows.error());
        for (const QVariant &fetched : std::as_const(*rows)) {
            for (int column = 0; column < values.size(); ++column)
                values[column] = rowValue(fetched, column);
            if (!row(values))
                return {};
        }
        if (rows->size() < chunk)
            return {};
    }
}

void PagedTableModel::fail(const services::DomainError &error) const
{
    qCWarning(lcItemModels) << "table model:" << error.codeName() << error.message;
    m_error = error;
    // Not from inside data(): a view that reacts by asking again must not recurse.
    QTimer::singleShot(0, const_cast<PagedTableModel *>(this),
                       [self = const_cast<PagedTableModel *>(this), error] { Q_EMIT self->failed(error); });
}

void PagedTableModel::retranslate()
{
    announceRetranslated(*this);
}

} // namespace rentdesk::models::itemmodels
