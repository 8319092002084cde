// SPDX-License-Identifier: GPL-3.0-or-later
#include "apartments/apartmentspage.h"

#include "apartments/apartmentfilterbar.h"
#include "itemmodels/cellformat.h"
#include "mainwindow/workspace.h"

#include <QTextBrowser>

namespace rentdesk::views {

using namespace Qt::StringLiterals;

ApartmentsPage::ApartmentsPage(Workspace &workspace, QWidget *parent)
    : TablePage(u"apartments"_s, new itemmodels::ApartmentTableModel(workspace.database), parent)
    , m_workspace(workspace)
    , m_model(static_cast<itemmodels::ApartmentTableModel *>(model()))
    , m_filterBar(new ApartmentFilterBar(this))
{
    setFilterBar(m_filterBar);
    connect(m_filterBar, &ApartmentFilterBar::filterChanged, m_model, &itemmodels::ApartmentTableModel::setFilter);
}

ApartmentsPage::~ApartmentsPage() = default;

std::optional<query::ApartmentRow> ApartmentsPage::current() const
{
    const int row = currentRow();
    return row < 0 ? std::nullopt : m_model->rowData(row);
}

void ApartmentsPage::updateForUser()
{
    m_filterBar->setOwner(m_workspace.session.isLandlord() ? m_workspace.session.userId() : QUuid());
    if (auto cities = query::ApartmentQuery(m_workspace.database).cities())
        m_filterBar->setCities(*cities);
    m_model->setFilter(m_filterBar->filter());
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
    const auto row = current();
    if (!row)
        return {};
    const domain::Apartment &a = row->apartment;
    QString html =
        u"<h3>%1</h3>"_s.arg(tr("%1, apartment %2").arg(row->buildingName.toHtmlEscaped(), a.number.toHtmlEscaped()));
    html += u"<p>%1<br>%2</p>"_s.arg(row->address.toHtmlEscaped(), row->city.toHtmlEscaped());
    html += u"<p>%1</p>"_s.arg(tr("Owner: %1").arg(row->ownerName.toHtmlEscaped()));
    html += u"<p>%1<br>%2<br>%3</p>"_s.arg(
        tr("%1 per month").arg(itemmodels::formatMoney(a.monthlyPrice)),
        tr("%n room(s), %1, floor %2", nullptr, a.rooms).arg(itemmodels::formatArea(a.areaSqm)).arg(a.floor),
        tr("Rating: %1").arg(itemmodels::formatRating(a.rating)));
    if (!a.description.isEmpty())
        html += u"<p>%1</p>"_s.arg(a.description.toHtmlEscaped());
    return html;
}

} // namespace rentdesk::views
