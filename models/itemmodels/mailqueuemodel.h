// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/itemmodels/itemroles.h"
#include "models/mail/outboxstore.h"
#include "models/services/domainerror.h"

#include <QAbstractTableModel>
#include <QList>

#include <memory>
#include <optional>

namespace rentdesk::models::db {
class Database;
}

namespace rentdesk::models::itemmodels {

// The Mail queue's table: the outbox's mails as OutboxStore::list() gives them, newest
// first, either those still to be dealt with (waiting and failed) or every one. An outbox
// is small next to the listings (a desktop's notices, and sent mails only up to Limit), so
// the rows are read whole and sorted in memory rather than paged.
class MailQueueModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MailQueueModel)

public:
    enum Column { Status, Event, Recipient, Attempts, When, LastError, ColumnCount };
    enum class Filter {
        WaitingAndFailed, // queued (also those waiting for a later try) and failed: what a person may act on
        All,
    };
    // The most mails shown: the newest ones.
    static constexpr int Limit = 1000;

    MailQueueModel(std::shared_ptr<db::Database> database, const services::Clock &clock, QObject *parent = nullptr);
    ~MailQueueModel() override;

    [[nodiscard]] int rowCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] int columnCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    [[nodiscard]] QVariant headerData(int section, Qt::Orientation orientation,
                                      int role = Qt::DisplayRole) const override;
    void sort(int column, Qt::SortOrder order = Qt::AscendingOrder) override;

    [[nodiscard]] Filter filter() const { return m_filter; }
    // Takes the filter and reads again.
    void setFilter(Filter filter);

    // The mail in row; nullptr out of range.
    [[nodiscard]] const mail::OutboxMail *mailAt(int row) const;
    // The row showing the mail, or -1.
    [[nodiscard]] int rowOf(const QUuid &id) const;
    // Why the last read failed, cleared by a successful one.
    [[nodiscard]] const std::optional<services::DomainError> &lastError() const { return m_error; }

    // Whether a person may retry or discard the mail: it has not gone and was not given up.
    [[nodiscard]] static bool isActionable(domain::MailStatus status);

public Q_SLOTS:
    // Reads the outbox again (after a retry, a discard, or the sender's progress).
    void reload();
    // After a language change: every header and cell is asked for again, in the new language
    // and the new default locale's dates and money (nothing is read again; announceRetranslated()).
    void retranslate();

Q_SIGNALS:
    // The outbox could not be read; the table is empty.
    void failed(const rentdesk::models::services::DomainError &error);

private:
    [[nodiscard]] services::Result<QList<mail::OutboxMail>> read() const;
    [[nodiscard]] static QVariant value(const mail::OutboxMail &mail, int column);
    [[nodiscard]] static CellKind kind(int column);
    [[nodiscard]] static QString toolTip(const mail::OutboxMail &mail, int column);
    void sortRows();

    mail::OutboxStore m_store;
    Filter m_filter = Filter::WaitingAndFailed;
    QList<mail::OutboxMail> m_mails;
    std::optional<services::DomainError> m_error;
    // -1: the store's order, newest first.
    int m_sortColumn = -1;
    Qt::SortOrder m_sortOrder = Qt::AscendingOrder;
};

} // namespace rentdesk::models::itemmodels
