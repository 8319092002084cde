// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/itemmodels/apartmenttablemodel.h"
#include "views/pages/tablepage.h"

namespace rentdesk::views {

class ApartmentFilterBar;
class PhotoGallery;
struct Workspace;

// Apartments to browse (a renter) or to manage (a landlord): the filter bar, the table
// and the selected apartment's building, owner, rating, reviews and bookings, with its photos
// under them.
class ApartmentsPage final : public TablePage
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ApartmentsPage)

public:
    explicit ApartmentsPage(Workspace &workspace, QWidget *parent = nullptr);
    ~ApartmentsPage() override;

    [[nodiscard]] ApartmentFilterBar *filterBar() const { return m_filterBar; }
    // The selected apartment's photos, under its details.
    [[nodiscard]] PhotoGallery *gallery() const { return m_gallery; }
    [[nodiscard]] models::itemmodels::ApartmentTableModel *apartments() const { return m_model; }
    // The selected row's apartment, if any.
    [[nodiscard]] std::optional<models::query::ApartmentRow> current() const;

    // After sign-in or sign-out: "Only mine" for landlords, the cities again.
    void updateForUser();

    // The detail pane's link to the calendar's address on the server (the owner, connected).
    static constexpr const char *CalendarAddressLink = "rentdesk:calendar-address";

Q_SIGNALS:
    void calendarAddressRequested();

protected:
    QString countText(qint64 count) const override;
    QString emptyText() const override;
    QString detailsHtml(const QUuid &id) const override;
    void detailsShown(const QUuid &id) override;

private:
    Workspace &m_workspace;
    models::itemmodels::ApartmentTableModel *m_model;
    ApartmentFilterBar *m_filterBar;
    PhotoGallery *m_gallery;
};

} // namespace rentdesk::views
