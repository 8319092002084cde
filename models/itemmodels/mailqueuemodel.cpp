// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/itemmodels/mailqueuemodel.h"

#include "models/itemmodels/cellformat.h"
#include "models/itemmodels/retranslate.h"

#include <QSet>

#include <algorithm>

namespace rentdesk::models::itemmodels {

using namespace Qt::StringLiterals;
using domain::MailStatus;
using mail::OutboxMail;

namespace {

// The store's order: newest first, the id breaking ties, so that equal sort keys keep a
// fixed order from one read to the next.
bool newerFirst(const OutboxMail &a, const OutboxMail &b)
{
    if (a.createdAt != b.createdAt)
        return a.createdAt > b.createdAt;
    return a.id.toString() > b.id.toString();
}

QString recipientText(const OutboxMail &mail)
{
    return mail.recipientName.isEmpty() ? mail.recipientEmail
                                        : u"%1 <%2>"_s.arg(mail.recipientName, mail.recipientEmail);
}

// The time that matters for the mail's status: when it is tried next, or when it went.
QDateTime whenOf(const OutboxMail &mail)
{
    switch (mail.status) {
    case MailStatus::Queued:
        return mail.nextAttemptAt;
    case MailStatus::Sent:
        return mail.sentAt;
    case MailStatus::Failed:
    case MailStatus::Discarded:
        break;
    }
    return {};
}

// <0, 0, >0 for the column's values (an unset time is left to the caller).
int compareBy(int column, const OutboxMail &a, const OutboxMail &b)
{
    switch (column) {
    case MailQueueModel::Status:
        return int(a.status) - int(b.status);
    case MailQueueModel::Event:
        return domain::displayName(a.event).localeAwareCompare(domain::displayName(b.event));
    case MailQueueModel::Recipient:
        return recipientText(a).localeAwareCompare(recipientText(b));
    case MailQueueModel::Attempts:
        return a.attempts - b.attempts;
    case MailQueueModel::When: {
        const QDateTime x = whenOf(a);
        const QDateTime y = whenOf(b);
        if (!x.isValid() || !y.isValid() || x == y)
            return 0;
        return x < y ? -1 : 1;
    }
    case MailQueueModel::LastError:
        return a.lastError.localeAwareCompare(b.lastError);
    default:
        return 0;
    }
}

} // namespace

MailQueueModel::MailQueueModel(std::shared_ptr<db::Database> database, const services::Clock &clock, QObject *parent)
    : QAbstractTableModel(parent)
    , m_store(std::move(database), clock)
{
}

MailQueueModel::~MailQueueModel() = default;

bool MailQueueModel::isActionable(MailStatus status)
{
    return status == MailStatus::Queued || status == MailStatus::Failed;
}

int MailQueueModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_mails.size());
}

int MailQueueModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

CellKind MailQueueModel::kind(int column)
{
    switch (column) {
    case Status:
        return CellKind::MailStatus;
    case Attempts:
        return CellKind::Number;
    case When:
        return CellKind::DateTime;
    default:
        return CellKind::Text;
    }
}

QVariant MailQueueModel::value(const OutboxMail &mail, int column)
{
    switch (column) {
    case Status:
        return QVariant::fromValue(mail.status);
    case Event:
        return domain::displayName(mail.event);
    case Recipient:
        return recipientText(mail);
    case Attempts:
        return mail.attempts;
    case When: {
        const QDateTime when = whenOf(mail);
        return when.isValid() ? QVariant(when) : QVariant();
    }
    case LastError:
        return mail.lastError;
    default:
        return {};
    }
}

QString MailQueueModel::toolTip(const OutboxMail &mail, int column)
{
    switch (column) {
    case Status:
        switch (mail.status) {
        case MailStatus::Queued:
            return mail.attempts > 0 ? tr("Not sent yet: the last try failed and it is tried again later")
                                     : tr("Waiting to be sent");
        case MailStatus::Sent:
            return tr("The mail server accepted it");
        case MailStatus::Failed:
            return tr("The mail server refused it; it is not tried again unless you retry it");
        case MailStatus::Discarded:
            return tr("Discarded: it will not be sent");
        }
        break;
    case When:
        if (mail.status == MailStatus::Queued)
            return tr("Next try: %1").arg(formatDateTime(mail.nextAttemptAt));
        if (mail.status == MailStatus::Sent)
            return tr("Sent: %1").arg(formatDateTime(mail.sentAt));
        break;
    case LastError:
        // The column may be too narrow for the server's whole reply.
        return mail.lastError;
    default:
        break;
    }
    return {};
}

QVariant MailQueueModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const OutboxMail &mail = m_mails[index.row()];
    switch (role) {
    case Qt::DisplayRole:
        return cellText(kind(index.column()), value(mail, index.column()));
    case IdRole:
        return mail.id;
    case ValueRole:
        return value(mail, index.column());
    case CellKindRole:
        return int(kind(index.column()));
    case Qt::ToolTipRole: {
        const QString tip = toolTip(mail, index.column());
        return tip.isEmpty() ? QVariant() : QVariant(tip);
    }
    case Qt::TextAlignmentRole:
        if (kind(index.column()) == CellKind::Number)
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    default:
        return {};
    }
}

QVariant MailQueueModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || section < 0 || section >= ColumnCount)
        return QAbstractTableModel::headerData(section, orientation, role);
    if (role == CellKindRole)
        return int(kind(section));
    if (role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Status:
        return tr("Status");
    case Event:
        return tr("Event");
    case Recipient:
        return tr("Recipient");
    case Attempts:
        return tr("Attempts");
    case When:
        return tr("Next try / Sent at");
    case LastError:
        return tr("Last error");
    default:
        return {};
    }
}

void MailQueueModel::sortRows()
{
    const int column = m_sortColumn;
    const bool descending = m_sortOrder == Qt::DescendingOrder;
    std::sort(m_mails.begin(), m_mails.end(), [column, descending](const OutboxMail &a, const OutboxMail &b) {
        if (column >= 0) {
            // An unset time stays last in both orders, as unrated apartments do.
            if (column == When && whenOf(a).isValid() != whenOf(b).isValid())
                return whenOf(a).isValid();
            const int order = compareBy(column, a, b);
            if (order != 0)
                return descending ? order > 0 : order < 0;
        }
        return newerFirst(a, b);
    });
}

void MailQueueModel::sort(int column, Qt::SortOrder order)
{
    m_sortColumn = column >= 0 && column < ColumnCount ? column : -1;
    m_sortOrder = order;
    // Rows only move: the selection (persistent indexes) follows its mails.
    Q_EMIT layoutAboutToBeChanged({}, QAbstractItemModel::VerticalSortHint);
    const QModelIndexList before = persistentIndexList();
    QList<QUuid> ids;
    ids.reserve(before.size());
    for (const QModelIndex &index : before)
        ids.append(m_mails[index.row()].id);
    sortRows();
    QModelIndexList after;
    after.reserve(before.size());
    for (qsizetype i = 0; i < before.size(); ++i)
        after.append(index(rowOf(ids[i]), before[i].column()));
    changePersistentIndexList(before, after);
    Q_EMIT layoutChanged({}, QAbstractItemModel::VerticalSortHint);
}

void MailQueueModel::setFilter(Filter filter)
{
    m_filter = filter;
    reload();
}

services::Result<QList<OutboxMail>> MailQueueModel::read() const
{
    if (m_filter == Filter::All)
        return m_store.list(std::nullopt, Limit);
    auto queued = m_store.list(MailStatus::Queued, Limit);
    if (!queued)
        return queued;
    auto failed = m_store.list(MailStatus::Failed, Limit);
    if (!failed)
        return failed;
    // Two reads, not one snapshot: a mail that failed between them is in both, and shows once,
    // as it is now.
    QSet<QUuid> failedIds;
    for (const OutboxMail &mail : std::as_const(*failed))
        failedIds.insert(mail.id);
    QList<OutboxMail> both = std::move(*failed);
    for (OutboxMail &mail : *queued) {
        if (!failedIds.contains(mail.id))
            both.append(std::move(mail));
    }
    std::sort(both.begin(), both.end(), newerFirst);
    if (both.size() > Limit)
        both.resize(Limit);
    return both;
}

void MailQueueModel::reload()
{
    auto mails = read();
    beginResetModel();
    if (mails) {
        m_mails = std::move(*mails);
        m_error.reset();
    } else {
        m_mails.clear();
        m_error = mails.error();
    }
    sortRows();
    endResetModel();
    if (m_error)
        Q_EMIT failed(*m_error);
}

const OutboxMail *MailQueueModel::mailAt(int row) const
{
    return row >= 0 && row < m_mails.size() ? &m_mails[row] : nullptr;
}

int MailQueueModel::rowOf(const QUuid &id) const
{
    for (qsizetype row = 0; row < m_mails.size(); ++row) {
        if (m_mails[row].id == id)
            return int(row);
    }
    return -1;
}

void MailQueueModel::retranslate()
{
    announceRetranslated(*this);
}

} // namespace rentdesk::models::itemmodels
