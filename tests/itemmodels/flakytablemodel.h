// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/itemmodels/pagedtablemodel.h"

#include <optional>

namespace rentdesk::test {

// A PagedTableModel over the numbers 0, 1, 2, … (either way round, as sorted) that counts
// every count, fetch and data() call, and fails its count, or every fetch from a given row
// on, when told: a database that breaks in the middle of scrolling, injected through the
// model's own count and fetch.
class FlakyTableModel final : public models::itemmodels::PagedTableModel
{
public:
    explicit FlakyTableModel(int rows, QObject *parent = nullptr)
        : PagedTableModel(parent)
        , m_rows(rows)
    {
    }
    Q_DISABLE_COPY_MOVE(FlakyTableModel)

    // What a failure says; a Storage error, as a database that fails gives.
    static models::services::DomainError fault()
    {
        return { models::services::DomainError::Code::Storage, QString(), QString(),
                 QStringLiteral("The database could not be read (test fault).") };
    }

    std::optional<int> failFromRow; // fetches of pages starting at or past it fail
    bool countFails = false;
    std::optional<models::services::DomainError> countError; // instead of fault()
    mutable int counts = 0;
    mutable int fetches = 0;
    mutable int dataCalls = 0;

    [[nodiscard]] QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override
    {
        ++dataCalls;
        return PagedTableModel::data(index, role);
    }

protected:
    [[nodiscard]] int columns() const override { return 2; }
    [[nodiscard]] QString columnTitle(int column) const override
    {
        return column == 0 ? QStringLiteral("Number") : QStringLiteral("Twice");
    }
    [[nodiscard]] models::itemmodels::CellKind columnKind(int) const override
    {
        return models::itemmodels::CellKind::Number;
    }
    [[nodiscard]] models::services::Result<qint64> countRows() const override
    {
        ++counts;
        if (countFails)
            return std::unexpected(countError.value_or(fault()));
        return m_rows;
    }
    [[nodiscard]] models::services::Result<QList<QVariant>> fetchRows(int offset, int limit) const override
    {
        ++fetches;
        if (failFromRow && offset >= *failFromRow)
            return std::unexpected(fault());
        QList<QVariant> rows;
        const bool descending = sortOrder() == Qt::DescendingOrder;
        for (int row = offset; row < std::min(offset + limit, m_rows); ++row)
            rows.append(descending ? m_rows - 1 - row : row);
        return rows;
    }
    [[nodiscard]] QUuid rowId(const QVariant &row) const override
    {
        return QUuid(uint(row.toInt() + 1), 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);
    }
    [[nodiscard]] QVariant rowValue(const QVariant &row, int column) const override
    {
        return column == 0 ? row.toInt() : 2 * row.toInt();
    }

private:
    int m_rows;
};

} // namespace rentdesk::test
