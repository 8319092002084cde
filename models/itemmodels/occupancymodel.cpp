// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/itemmodels/occupancymodel.h"

#include "models/itemmodels/cellformat.h"
#include "models/itemmodels/retranslate.h"

#include <QCoreApplication>
#include <QLocale>

#include <algorithm>

namespace rentdesk::models::itemmodels {

using namespace Qt::StringLiterals;
using domain::BookingStatus;
using query::OccupancyBar;

namespace {

// Rows in the order of their building, then number ("2" before "10").
const query::ApartmentSort rowOrder { query::ApartmentColumn::Building, Qt::AscendingOrder };

bool takesTheNight(BookingStatus status)
{
    return status == BookingStatus::Confirmed || status == BookingStatus::Completed || status == BookingStatus::Blocked;
}

} // namespace

OccupancyModel::OccupancyModel(std::shared_ptr<db::Database> database, QDate today, QObject *parent)
    : QAbstractTableModel(parent)
    , m_database(std::move(database))
    , m_today(today)
    , m_first(today)
{
}

OccupancyModel::~OccupancyModel() = default;

void OccupancyModel::setViewer(const QUuid &viewer)
{
    show(viewer, m_filter);
}

void OccupancyModel::setFilter(const query::ApartmentFilter &filter)
{
    show(m_viewer, filter);
}

void OccupancyModel::show(const QUuid &viewer, const query::ApartmentFilter &filter)
{
    m_viewer = viewer;
    m_filter = filter;
    reload(BatchSize);
}

void OccupancyModel::setRange(QDate first, int days)
{
    if (!first.isValid() || days < 1 || days > query::OccupancyQuery::MaxDays)
        return;
    beginResetModel();
    m_first = first;
    m_days = days;
    QList<Row> rows = m_rows;
    if (readBars(rows))
        m_rows = std::move(rows);
    endReset();
}

void OccupancyModel::endReset()
{
    // Whoever listens to modelReset may ask for more rows at once (QAbstractItemModelTester
    // does); rows inserted while the reset is still being announced would reach listeners
    // that have not finished with it. A view asks again when it lays the rows out.
    m_announcing = true;
    endResetModel();
    m_announcing = false;
}

void OccupancyModel::refresh()
{
    reload(std::max<int>(BatchSize, int(m_rows.size())));
}

void OccupancyModel::reload(int count)
{
    beginResetModel();
    m_rows.clear();
    m_rowOf.clear();
    m_total = 0;
    m_error.clear();
    if (!m_viewer.isNull()) {
        auto total = query::ApartmentQuery(m_database).count(m_filter);
        if (!total) {
            fail(total.error().message);
        } else {
            m_total = *total;
            QList<Row> rows;
            for (int from = 0; from < std::min<qint64>(count, m_total); from += query::OccupancyQuery::MaxApartments) {
                auto batch = readRows(from, std::min<int>(query::OccupancyQuery::MaxApartments, count - from));
                if (!batch) {
                    rows.clear();
                    break;
                }
                rows += *batch;
            }
            m_rows = std::move(rows);
            for (int i = 0; i < m_rows.size(); ++i)
                m_rowOf.insert(m_rows[i].apartment, i);
        }
    }
    endReset();
}

std::optional<QList<OccupancyModel::Row>> OccupancyModel::readRows(int from, int count)
{
    auto apartments = query::ApartmentQuery(m_database).fetch(m_filter, rowOrder, from, count);
    if (!apartments) {
        fail(apartments.error().message);
        return std::nullopt;
    }
    QList<Row> rows;
    rows.reserve(apartments->size());
    for (const query::ApartmentRow &a : std::as_const(*apartments)) {
        rows.append({ a.apartment.id,
                      a.apartment.ownerId,
                      QCoreApplication::translate("OccupancyModel", "%1, %2").arg(a.apartment.number, a.buildingName),
                      {} });
    }
    if (!readBars(rows))
        return std::nullopt;
    return rows;
}

bool OccupancyModel::readBars(QList<Row> &rows)
{
    for (qsizetype from = 0; from < rows.size(); from += query::OccupancyQuery::MaxApartments) {
        QList<QUuid> ids;
        QHash<QUuid, qsizetype> index;
        for (qsizetype i = from; i < std::min<qsizetype>(rows.size(), from + query::OccupancyQuery::MaxApartments);
             ++i) {
            ids.append(rows[i].apartment);
            index.insert(rows[i].apartment, i);
            rows[i].bars.clear();
        }
        auto bars = query::OccupancyQuery(m_database).bars(m_viewer, ids, m_first, m_first.addDays(m_days));
        if (!bars) {
            fail(bars.error().message);
            return false;
        }
        for (const OccupancyBar &bar : std::as_const(*bars))
            rows[index.value(bar.apartmentId)].bars.append(bar);
    }
    return true;
}

void OccupancyModel::fail(const QString &message)
{
    m_error = message;
    Q_EMIT failed(message);
}

QList<OccupancyBar> OccupancyModel::barsOf(int row) const
{
    return row >= 0 && row < m_rows.size() ? m_rows[row].bars : QList<OccupancyBar> {};
}

int OccupancyModel::rowOf(const QUuid &apartment) const
{
    return m_rowOf.value(apartment, -1);
}

int OccupancyModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int OccupancyModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : m_days;
}

const OccupancyBar *OccupancyModel::barOn(const Row &row, QDate day) const
{
    // A night taken by a stay or block comes first; else the viewer's request on it.
    const OccupancyBar *request = nullptr;
    for (const OccupancyBar &bar : row.bars) {
        if (bar.start > day || bar.end <= day)
            continue;
        if (takesTheNight(bar.status))
            return &bar;
        if (!request)
            request = &bar;
    }
    return request;
}

QVariant OccupancyModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Row &row = m_rows[index.row()];
    switch (role) {
    case IdRole:
        return row.apartment;
    case OwnerRole:
        return row.owner;
    case BarsRole:
        return QVariant::fromValue(row.bars);
    case StatusRole:
    case Qt::DisplayRole:
    case Qt::ToolTipRole:
    case Qt::AccessibleTextRole: {
        const OccupancyBar *bar = barOn(row, m_first.addDays(index.column()));
        if (!bar)
            return role == StatusRole ? QVariant() : QVariant(QString());
        if (role == StatusRole)
            return QVariant::fromValue(bar->status);
        // Someone else's stay is only taken nights to the viewer, whatever its status.
        const QString status = bar->own || !bar->bookingId.isNull()
            ? domain::displayName(bar->status)
            : QCoreApplication::translate("OccupancyModel", "Taken");
        if (role == Qt::DisplayRole)
            return bar->label.isEmpty() ? status : u"%1: %2"_s.arg(status, bar->label);
        // The last night is the day before departure.
        return QCoreApplication::translate("OccupancyModel", "%1, %2 to %3")
            .arg(bar->label.isEmpty() ? status : u"%1: %2"_s.arg(status, bar->label), formatDate(bar->start),
                 formatDate(bar->end.addDays(-1)));
    }
    default:
        return {};
    }
}

QVariant OccupancyModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation == Qt::Vertical) {
        if (section < 0 || section >= m_rows.size())
            return {};
        if (role == Qt::DisplayRole)
            return m_rows[section].title;
        if (role == IdRole)
            return m_rows[section].apartment;
        if (role == OwnerRole)
            return m_rows[section].owner;
        return {};
    }
    if (section < 0 || section >= m_days)
        return {};
    const QDate day = m_first.addDays(section);
    switch (role) {
    case Qt::DisplayRole:
        return day.day();
    case Qt::ToolTipRole:
        return QLocale().toString(day, QLocale::LongFormat);
    case DateRole:
        return day;
    case TodayRole:
        return day == m_today;
    default:
        return {};
    }
}

bool OccupancyModel::canFetchMore(const QModelIndex &parent) const
{
    return !parent.isValid() && !m_announcing && m_rows.size() < m_total && m_error.isEmpty();
}

void OccupancyModel::fetchMore(const QModelIndex &parent)
{
    if (!canFetchMore(parent))
        return;
    auto batch = readRows(int(m_rows.size()), BatchSize);
    if (!batch || batch->isEmpty())
        return;
    const int first = int(m_rows.size());
    // The same as for a reset: a listener of the insertion asking for more would get these
    // rows a second time.
    m_announcing = true;
    beginInsertRows({}, first, first + int(batch->size()) - 1);
    for (Row &row : *batch) {
        m_rowOf.insert(row.apartment, int(m_rows.size()));
        m_rows.append(std::move(row));
    }
    endInsertRows();
    m_announcing = false;
}

void OccupancyModel::retranslate()
{
    announceRetranslated(*this);
}

} // namespace rentdesk::models::itemmodels
