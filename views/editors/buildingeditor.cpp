// SPDX-License-Identifier: GPL-3.0-or-later
#include "views/editors/buildingeditor.h"

#include <QLineEdit>
#include <QSpinBox>

namespace rentdesk::views {

using namespace Qt::StringLiterals;

namespace {

// The spin boxes reach past what the service accepts, so that a wrong number is refused
// with the service's reason rather than silently clamped.
constexpr int MaximumFloors = 1000;
constexpr int MaximumYear = 9999;

} // namespace

BuildingEditor::BuildingEditor(const models::services::ListingService &listings, const QUuid &actor,
                               std::optional<models::domain::Building> existing, QWidget *parent)
    : EditorDialog(parent)
    , m_listings(listings)
    , m_actor(actor)
    , m_existing(std::move(existing))
{
    setWindowTitle(m_existing ? tr("Edit building") : tr("New building"));

    m_name = new QLineEdit(this);
    m_name->setObjectName(u"nameEdit"_s);
    addField(tr("&Name:"), m_name, { u"name"_s });

    m_address = new QLineEdit(this);
    m_address->setObjectName(u"addressEdit"_s);
    addField(tr("&Address:"), m_address, { u"address"_s });

    m_city = new QLineEdit(this);
    m_city->setObjectName(u"cityEdit"_s);
    addField(tr("&City:"), m_city, { u"city"_s });

    m_floors = new QSpinBox(this);
    m_floors->setObjectName(u"floorsSpin"_s);
    m_floors->setRange(0, MaximumFloors);
    m_floors->setValue(1);
    addField(tr("&Floors:"), m_floors, { u"floors"_s });

    m_yearBuilt = new QSpinBox(this);
    m_yearBuilt->setObjectName(u"yearBuiltSpin"_s);
    // The minimum stands for "unknown": the year is optional.
    m_yearBuilt->setRange(0, MaximumYear);
    m_yearBuilt->setSpecialValueText(tr("Unknown"));
    m_yearBuilt->setValue(0);
    addField(tr("&Year built:"), m_yearBuilt, { u"yearBuilt"_s });

    if (m_existing)
        setDraft(
            { m_existing->name, m_existing->address, m_existing->city, m_existing->floors, m_existing->yearBuilt });
    m_name->setFocus();
}

void BuildingEditor::setDraft(const models::services::ListingService::BuildingDraft &draft)
{
    m_name->setText(draft.name);
    m_address->setText(draft.address);
    m_city->setText(draft.city);
    m_floors->setValue(draft.floors);
    m_yearBuilt->setValue(draft.yearBuilt.value_or(0));
}

BuildingEditor::~BuildingEditor() = default;

models::services::ListingService::BuildingDraft BuildingEditor::draft() const
{
    models::services::ListingService::BuildingDraft draft;
    draft.name = m_name->text();
    draft.address = m_address->text();
    draft.city = m_city->text();
    draft.floors = m_floors->value();
    if (m_yearBuilt->value() != m_yearBuilt->minimum())
        draft.yearBuilt = m_yearBuilt->value();
    return draft;
}

models::services::Result<void> BuildingEditor::save()
{
    auto saved = m_existing ? m_listings.updateBuilding(m_actor, m_existing->id, draft())
                            : m_listings.createBuilding(m_actor, draft());
    if (!saved)
        return std::unexpected(saved.error());
    m_saved = *saved;
    return {};
}

} // namespace rentdesk::views
