// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/itemmodels/pagemodels.h"
#include "views/pages/tablepage.h"

class QCheckBox;
class QComboBox;
class QDateEdit;
class QLabel;

namespace rentdesk::views {

struct Workspace;

// Bookings: a renter's own, or the requests and stays of a landlord's apartments, by
// status and by dates; what Confirm, Decline and Cancel act on.
class BookingsPage final : public TablePage
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(BookingsPage)

public:
    explicit BookingsPage(Workspace &workspace, QWidget *parent = nullptr);
    ~BookingsPage() override;

    [[nodiscard]] models::itemmodels::BookingTableModel *bookings() const { return m_model; }
    [[nodiscard]] std::optional<models::query::BookingRow> current() const;
    void updateForUser();
    // Filters the page to one status (the dashboard's "Show requests").
    void showStatus(models::domain::BookingStatus status);

protected:
    QString countText(qint64 count) const override;
    QString emptyText() const override;
    QString detailsHtml(const QUuid &id) const override;
    void retranslate() override;

private:
    void applyFilter();
    [[nodiscard]] QString personHtml(const QUuid &person) const;

    Workspace &m_workspace;
    models::itemmodels::BookingTableModel *m_model;
    QComboBox *m_status = nullptr;
    QCheckBox *m_between = nullptr;
    QDateEdit *m_from = nullptr;
    QDateEdit *m_to = nullptr;
    QLabel *m_and = nullptr;
};

} // namespace rentdesk::views
