// SPDX-License-Identifier: GPL-3.0-or-later
#include "views/buildings/buildingspage.h"

#include "models/query/detailsquery.h"
#include "views/mainwindow/workspace.h"
#include "views/pages/detailshtml.h"

#include <QCheckBox>
#include <QComboBox>
#include <QHBoxLayout>
#include <QLineEdit>

namespace rentdesk::views {

using namespace Qt::StringLiterals;

BuildingsPage::BuildingsPage(Workspace &workspace, QWidget *parent)
    : TablePage(u"buildings"_s, models::itemmodels::makeBuildingTableModel(workspace.database).release(), parent)
    , m_workspace(workspace)
    , m_model(static_cast<models::itemmodels::BuildingTableModel *>(model()))
{
    auto *bar = new QWidget(this);
    m_text = new QLineEdit(bar);
    m_text->setObjectName(u"buildingSearchEdit"_s);
    m_text->setClearButtonEnabled(true);
    m_city = new QComboBox(bar);
    m_city->setObjectName(u"buildingCityCombo"_s);
    m_city->addItem(QString());
    m_mine = new QCheckBox(bar);
    m_mine->setObjectName(u"buildingMineCheck"_s);
    m_mine->hide();
    auto *layout = new QHBoxLayout(bar);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_text, 1);
    layout->addWidget(m_city);
    layout->addWidget(m_mine);
    setFilterBar(bar);
    retranslate();

    m_debounce.setSingleShot(true);
    m_debounce.setInterval(250);
    connect(&m_debounce, &QTimer::timeout, this, &BuildingsPage::applyFilter);
    connect(m_text, &QLineEdit::textChanged, &m_debounce, qOverload<>(&QTimer::start));
    connect(m_city, &QComboBox::currentIndexChanged, this, &BuildingsPage::applyFilter);
    connect(m_mine, &QCheckBox::toggled, this, &BuildingsPage::applyFilter);
}

BuildingsPage::~BuildingsPage() = default;

std::optional<models::query::BuildingRow> BuildingsPage::current() const
{
    return m_model->rowData(currentRow()); // nullopt without a current row
}

void BuildingsPage::updateForUser()
{
    const bool landlord = m_workspace.session.isLandlord();
    m_mine->setVisible(landlord);
    // A landlord opens on their own buildings.
    m_mine->setChecked(landlord);
    if (auto cities = m_model->query().cities()) {
        const QString chosen = m_city->currentData().toString();
        const QSignalBlocker blocker(m_city);
        while (m_city->count() > 1)
            m_city->removeItem(1);
        for (const QString &city : std::as_const(*cities))
            m_city->addItem(city, city);
        m_city->setCurrentIndex(std::max(0, m_city->findData(chosen)));
    }
    applyFilter();
}

void BuildingsPage::applyFilter()
{
    models::query::BuildingFilter filter;
    filter.text = m_text->text();
    filter.city = m_city->currentData().toString();
    if (m_mine->isVisible() && m_mine->isChecked())
        filter.ownerId = m_workspace.session.userId();
    m_model->setFilter(filter);
}

void BuildingsPage::retranslate()
{
    m_text->setPlaceholderText(tr("Search name or address…"));
    m_text->setAccessibleName(tr("Search"));
    m_city->setItemText(0, tr("All cities"));
    m_mine->setText(tr("Only mine"));
}

QString BuildingsPage::countText(qint64 count) const
{
    return tr("%n building(s)", nullptr, int(std::min<qint64>(count, INT_MAX)));
}

QString BuildingsPage::emptyText() const
{
    if (m_model->lastError())
        return m_model->lastError()->message;
    if (m_model->filter().ownerId && m_model->filter().text.isEmpty() && m_model->filter().city.isEmpty())
        return tr("You have no buildings yet. Create one with Listing ▸ New building, then add its apartments.");
    if (!m_model->filter().text.isEmpty() || !m_model->filter().city.isEmpty())
        return tr("No building matches this search.");
    return tr("No buildings are listed yet.");
}

QString BuildingsPage::detailsHtml(const QUuid &id) const
{
    if (id.isNull())
        return tr("<p>Select a building to see its owner and apartments.</p>");
    const auto details = models::query::DetailsQuery(m_workspace.database).building(id);
    if (!details)
        return detailshtml::paragraph({ details.error().message });
    const models::domain::Building &b = details->building;
    return detailshtml::heading(b.name) + detailshtml::paragraph({ b.address, b.city })
        + detailshtml::paragraph(
               { tr("Owner: %1").arg(details->ownerName), tr("%n floor(s)", nullptr, b.floors),
                 b.yearBuilt ? tr("Built in %1").arg(*b.yearBuilt) : QString(),
                 tr("%n apartment(s), %1 free", nullptr, details->apartments).arg(details->freeApartments) });
}

} // namespace rentdesk::views
