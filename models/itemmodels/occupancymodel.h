// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/itemmodels/itemroles.h"
#include "models/query/apartmentquery.h"
#include "models/query/occupancyquery.h"

#include <QAbstractTableModel>
#include <QDate>
#include <QHash>
#include <QUuid>

#include <memory>
#include <optional>

namespace rentdesk::models::itemmodels {

// The occupancy calendar's model (issue 14): apartments as rows, in the order of their
// building and number, filtered as the Apartments page filters them; days as columns from
// first() for days(). Each row holds the bars of its apartment that overlap the range
// (query::OccupancyBar: what the viewer may see of them), for a view that paints bars rather
// than cells. Rows arrive BatchSize at a time (canFetchMore/fetchMore), each batch with its
// bars, so that a filter of 200 000 apartments costs what the screen shows.
class OccupancyModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(OccupancyModel)

public:
    enum Role {
        // Any column of a row: QVariant of QList<query::OccupancyBar>, the row's bars by start.
        BarsRole = WaitingRole + 1,
        // A day's cell: the domain::BookingStatus of the stay or block that takes its night
        // (confirmed, completed, blocked), else of the viewer's request on it, else invalid.
        StatusRole,
        // A day's column header: its QDate; TodayRole: whether it is today.
        DateRole,
        TodayRole,
        // A row's header (and any of its cells): the apartment's owner, the QUuid of who may
        // block its nights.
        OwnerRole,
    };
    // Rows read at first and by each fetchMore(): a few screens, read in about as long as one
    // frame takes, so that scrolling down does not stop at each batch (rentdesk-bench-ui). A
    // refresh or a new range reads the rows already there again, a thousand per statement.
    static constexpr int BatchSize = 250;
    static_assert(BatchSize <= query::OccupancyQuery::MaxApartments);

    OccupancyModel(std::shared_ptr<db::Database> database, QDate today, QObject *parent = nullptr);
    ~OccupancyModel() override;

    // Whose calendar it is (what the bars say depends on it); null shows no rows.
    void setViewer(const QUuid &viewer);
    void setFilter(const query::ApartmentFilter &filter);
    // Both at once, read once (a sign-in changes both).
    void show(const QUuid &viewer, const query::ApartmentFilter &filter);
    // The days shown: [first, first + days), 1 to query::OccupancyQuery::MaxDays.
    void setRange(QDate first, int days);
    // Reads rows and bars again (after a change), keeping as many rows loaded as before.
    void refresh();

    [[nodiscard]] QDate first() const { return m_first; }
    [[nodiscard]] int days() const { return m_days; }
    [[nodiscard]] qint64 totalRows() const { return m_total; }
    // Why the last read failed; empty after one that worked.
    [[nodiscard]] QString lastError() const { return m_error; }
    // The bars of a row, and the row of an apartment (-1 when not loaded).
    [[nodiscard]] QList<query::OccupancyBar> barsOf(int row) const;
    [[nodiscard]] int rowOf(const QUuid &apartment) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    bool canFetchMore(const QModelIndex &parent) const override;
    void fetchMore(const QModelIndex &parent) override;

public Q_SLOTS:
    // After a language change: every header and cell is asked for again, in the new language
    // and the new default locale's dates and money (nothing is read again; announceRetranslated()).
    void retranslate();

Q_SIGNALS:
    void failed(const QString &message);

private:
    struct Row
    {
        QUuid apartment;
        QUuid owner;
        QString title; // "Flat 5, Elm Apartments"
        QList<query::OccupancyBar> bars;
    };
    // Reads rows [from, from + count) with their bars, or fails with m_error set.
    [[nodiscard]] std::optional<QList<Row>> readRows(int from, int count);
    [[nodiscard]] bool readBars(QList<Row> &rows);
    void reload(int rows);
    void endReset();
    void fail(const QString &message);
    [[nodiscard]] const query::OccupancyBar *barOn(const Row &row, QDate day) const;

    std::shared_ptr<db::Database> m_database;
    QDate m_today;
    QUuid m_viewer;
    query::ApartmentFilter m_filter;
    QDate m_first;
    int m_days = 31;
    QList<Row> m_rows;
    QHash<QUuid, int> m_rowOf;
    qint64 m_total = 0;
    QString m_error;
    bool m_announcing = false; // a reset or an insertion being announced: no fetchMore()
};

} // namespace rentdesk::models::itemmodels

Q_DECLARE_METATYPE(rentdesk::models::query::OccupancyBar)
Q_DECLARE_METATYPE(QList<rentdesk::models::query::OccupancyBar>)
