// SPDX-License-Identifier: GPL-3.0-or-later
#include "views/apartments/apartmentspage.h"

#include "models/domain/enums.h"
#include "models/itemmodels/cellformat.h"
#include "models/query/detailsquery.h"
#include "views/apartments/apartmentfilterbar.h"
#include "views/mainwindow/workspace.h"
#include "views/pages/detailshtml.h"
#include "views/photos/photogallery.h"

#include <QTextBrowser>

namespace rentdesk::views {

using namespace Qt::StringLiterals;

ApartmentsPage::ApartmentsPage(Workspace &workspace, QWidget *parent)
    : TablePage(u"apartments"_s, new models::itemmodels::ApartmentTableModel(workspace.database), parent)
    , m_workspace(workspace)
    , m_model(static_cast<models::itemmodels::ApartmentTableModel *>(model()))
    , m_filterBar(new ApartmentFilterBar(u"apartments"_s, this))
    , m_gallery(new PhotoGallery(workspace, this))
{
    setFilterBar(m_filterBar);
    addDetailWidget(m_gallery);
    connect(m_filterBar, &ApartmentFilterBar::filterChanged, m_model,
            &models::itemmodels::ApartmentTableModel::setFilter);
    connect(m_filterBar, &ApartmentFilterBar::resultsRequested, this, &TablePage::focusTable);
    connect(detailPane(), &QTextBrowser::anchorClicked, this, [this](const QUrl &link) {
        if (link == QUrl(QString::fromLatin1(CalendarAddressLink)))
            Q_EMIT calendarAddressRequested();
    });
}

ApartmentsPage::~ApartmentsPage() = default;

std::optional<models::query::ApartmentRow> ApartmentsPage::current() const
{
    return m_model->rowData(currentRow()); // nullopt without a current row
}

void ApartmentsPage::updateForUser()
{
    m_filterBar->setOwner(m_workspace.session.isLandlord() ? m_workspace.session.userId() : QUuid());
    if (auto cities = models::query::ApartmentQuery(m_workspace.database).cities())
        m_filterBar->setCities(*cities);
    m_model->setFilter(m_filterBar->filter());
}

void ApartmentsPage::detailsShown(const QUuid &id)
{
    const auto row = current();
    m_gallery->showApartment(
        id, row && m_workspace.session.isLandlord() && row->apartment.ownerId == m_workspace.session.userId());
}

QString ApartmentsPage::countText(qint64 count) const
{
    return tr("%n apartment(s)", nullptr, int(std::min<qint64>(count, INT_MAX)));
}

QString ApartmentsPage::emptyText() const
{
    if (m_model->lastError())
        return m_model->lastError()->message;
    if (m_filterBar->filter().text.isEmpty() && m_filterBar->filter().city.isEmpty()
        && m_model->filter().ownerId == std::nullopt && !m_model->filter().status && !m_model->filter().minRooms
        && !m_model->filter().freeFrom && !m_model->filter().minRating && !m_model->filter().furnished
        && !m_model->filter().petsAllowed && m_model->filter().currency.isEmpty()) {
        return m_workspace.session.isLandlord()
            ? tr("No apartments are listed yet. Create a building, then add its apartments with "
                 "Listing ▸ New apartment.")
            : tr("No apartments are listed yet. Landlords' listings appear here.");
    }
    return tr("No apartment matches these filters. Loosen one, or press Clear.");
}

QString ApartmentsPage::detailsHtml(const QUuid &id) const
{
    if (id.isNull())
        return tr("<p>Select an apartment to see its building, owner, rating, reviews and bookings.</p>");
    const auto details = models::query::DetailsQuery(m_workspace.database).apartment(m_workspace.session.userId(), id);
    if (!details)
        return detailshtml::paragraph({ details.error().message });
    const models::domain::Apartment &a = details->apartment;
    const models::domain::Building &b = details->building;
    QString html = detailshtml::heading(tr("%1, apartment %2").arg(b.name, a.number));
    html += detailshtml::paragraph({ b.address, b.city, tr("Status: %1").arg(models::domain::displayName(a.status)) });
    html += detailshtml::paragraph(
        { tr("%1 per month").arg(models::itemmodels::formatMoney(a.monthlyPrice)),
          tr("%n room(s), %1, floor %2", nullptr, a.rooms).arg(models::itemmodels::formatArea(a.areaSqm)).arg(a.floor),
          a.furnished ? tr("Furnished") : tr("Unfurnished"), a.petsAllowed ? tr("Pets allowed") : tr("No pets") });
    html += u"<p><b>%1</b></p>"_s.arg(tr("Rating: %1").arg(models::itemmodels::formatRating(a.rating)).toHtmlEscaped());
    html += detailshtml::paragraph(
        { tr("Owner: %1 (rating %2)")
              .arg(details->ownerName, models::itemmodels::formatRating(details->ownerRating)) });
    if (!a.description.isEmpty())
        html += detailshtml::paragraph({ a.description });
    // The owner on a connected database: the server publishes the calendar for other sites.
    if (m_workspace.replica && a.ownerId == m_workspace.session.userId()) {
        html += u"<p><a href=\"%1\">%2</a></p>"_s.arg(QString::fromLatin1(CalendarAddressLink),
                                                      tr("Calendar address for other booking sites…").toHtmlEscaped());
    }
    html += u"<h4>%1</h4>"_s.arg(tr("Reviews").toHtmlEscaped());
    html += detailshtml::reviews(details->reviews, tr("No reviews yet."));
    html += u"<h4>%1</h4>"_s.arg(tr("Bookings").toHtmlEscaped());
    html += detailshtml::bookings(details->bookings,
                                  m_workspace.session.isSignedIn() ? tr("No bookings you can see.")
                                                                   : tr("Sign in to see bookings."));
    return html;
}

} // namespace rentdesk::views
