// SPDX-License-Identifier: GPL-3.0-or-later
#include "views/editors/apartmenteditor.h"

#include "views/widgets/formerrors.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPlainTextEdit>
#include <QSpinBox>

#include <cmath>

namespace rentdesk::views {

using namespace Qt::StringLiterals;

namespace {

// Wider than the service accepts, so that a wrong value is refused with the service's
// reason rather than silently clamped by the spin box.
constexpr int LowestFloor = -10;
constexpr int HighestFloor = 1000;
constexpr int MaximumRooms = 100;
constexpr double MaximumArea = 1000000;
constexpr double MaximumPrice = 10000000000.0;

} // namespace

ApartmentEditor::ApartmentEditor(const models::services::ListingService &listings, const QUuid &actor,
                                 const QList<models::domain::Building> &buildings,
                                 std::optional<models::domain::Apartment> existing, QWidget *parent)
    : EditorDialog(parent)
    , m_listings(listings)
    , m_actor(actor)
    , m_existing(std::move(existing))
{
    setWindowTitle(m_existing ? tr("Edit apartment") : tr("New apartment"));
    createInputs(buildings);
    if (m_existing)
        load(*m_existing);
    m_number->setFocus();
}

ApartmentEditor::~ApartmentEditor() = default;

QStringList ApartmentEditor::currencies()
{
    return { u"RUB"_s, u"GBP"_s, u"EUR"_s, u"USD"_s };
}

void ApartmentEditor::createInputs(const QList<models::domain::Building> &buildings)
{
    m_building = new QComboBox(this);
    m_building->setObjectName(u"buildingCombo"_s);
    m_building->setPlaceholderText(tr("No buildings yet"));
    for (const models::domain::Building &building : buildings)
        //: A building in a list: its name, then its city.
        m_building->addItem(tr("%1, %2").arg(building.name, building.city), building.id);
    // With a placeholder a combo box starts on none; one building to choose from is chosen.
    if (!buildings.isEmpty())
        m_building->setCurrentIndex(0);
    addField(tr("&Building:"), m_building, { u"buildingId"_s });

    m_number = new QLineEdit(this);
    m_number->setObjectName(u"numberEdit"_s);
    addField(tr("&Number:"), m_number, { u"number"_s });

    m_floor = new QSpinBox(this);
    m_floor->setObjectName(u"floorSpin"_s);
    m_floor->setRange(LowestFloor, HighestFloor);
    m_floor->setValue(1);
    addField(tr("&Floor:"), m_floor, { u"floor"_s });

    m_rooms = new QSpinBox(this);
    m_rooms->setObjectName(u"roomsSpin"_s);
    m_rooms->setRange(0, MaximumRooms);
    m_rooms->setValue(1);
    addField(tr("&Rooms:"), m_rooms, { u"rooms"_s });

    m_area = new QDoubleSpinBox(this);
    m_area->setObjectName(u"areaSpin"_s);
    m_area->setDecimals(1);
    m_area->setRange(0, MaximumArea);
    m_area->setSuffix(tr(" m²"));
    addField(tr("&Area:"), m_area, { u"area"_s });

    m_price = new QDoubleSpinBox(this);
    m_price->setObjectName(u"priceSpin"_s);
    m_price->setDecimals(2);
    m_price->setRange(0, MaximumPrice);
    m_price->setGroupSeparatorShown(true);
    m_currency = new QComboBox(this);
    m_currency->setObjectName(u"currencyCombo"_s);
    for (const QString &code : currencies())
        m_currency->addItem(code, code);
    // The locale's own currency when it is one of ours; roubles otherwise.
    selectCurrency(QLocale().currencySymbol(QLocale::CurrencyIsoCode));
    if (m_currency->currentIndex() < 0)
        m_currency->setCurrentIndex(0);
    auto *priceRow = new QWidget(this);
    auto *priceLayout = new QHBoxLayout(priceRow);
    priceLayout->setContentsMargins(0, 0, 0, 0);
    priceLayout->addWidget(m_price, 1);
    priceLayout->addWidget(m_currency);
    QLabel *priceError = addRow(tr("Monthly &price:"), m_price, priceRow, u"monthlyPrice"_s);
    errors()->addField(u"monthlyPrice"_s, m_price, priceError);
    errors()->addField(u"currency"_s, m_currency, priceError);

    m_furnished = new QCheckBox(tr("Furn&ished"), this);
    m_furnished->setObjectName(u"furnishedCheck"_s);
    m_pets = new QCheckBox(tr("Pe&ts allowed"), this);
    m_pets->setObjectName(u"petsCheck"_s);
    auto *features = new QWidget(this);
    auto *featuresLayout = new QHBoxLayout(features);
    featuresLayout->setContentsMargins(0, 0, 0, 0);
    featuresLayout->addWidget(m_furnished);
    featuresLayout->addWidget(m_pets);
    featuresLayout->addStretch(1);
    QLabel *featuresError = addRow(tr("Features:"), m_furnished, features, u"features"_s);
    errors()->addField(u"furnished"_s, m_furnished, featuresError);
    errors()->addField(u"petsAllowed"_s, m_pets, featuresError);

    m_description = new QPlainTextEdit(this);
    m_description->setObjectName(u"descriptionEdit"_s);
    m_description->setTabChangesFocus(true);
    addField(tr("&Description:"), m_description, { u"description"_s });
}

void ApartmentEditor::selectBuilding(const QUuid &building)
{
    const int index = m_building->findData(building);
    if (index >= 0)
        m_building->setCurrentIndex(index);
}

void ApartmentEditor::selectCurrency(const QString &code)
{
    if (code.isEmpty())
        return;
    int index = m_currency->findData(code);
    if (index < 0) {
        // A currency stored by another client stays as it was, rather than turning into
        // the first of ours.
        m_currency->addItem(code, code);
        index = m_currency->count() - 1;
    }
    m_currency->setCurrentIndex(index);
}

void ApartmentEditor::load(const models::domain::Apartment &a)
{
    setDraft({ a.buildingId, a.number, a.floor, a.rooms, a.areaSqm, a.monthlyPrice, a.furnished, a.petsAllowed,
               a.description });
}

void ApartmentEditor::setDraft(const models::services::ListingService::ApartmentDraft &draft)
{
    selectBuilding(draft.buildingId);
    m_number->setText(draft.number);
    m_floor->setValue(draft.floor);
    m_rooms->setValue(draft.rooms);
    m_area->setValue(draft.areaSqm);
    m_price->setValue(double(draft.monthlyPrice.minor) / 100.0);
    selectCurrency(draft.monthlyPrice.currency);
    m_furnished->setChecked(draft.furnished);
    m_pets->setChecked(draft.petsAllowed);
    m_description->setPlainText(draft.description);
    m_description->moveCursor(QTextCursor::End);
}

models::services::ListingService::ApartmentDraft ApartmentEditor::draft() const
{
    models::services::ListingService::ApartmentDraft draft;
    draft.buildingId = m_building->currentData().toUuid();
    draft.number = m_number->text();
    draft.floor = m_floor->value();
    draft.rooms = m_rooms->value();
    draft.areaSqm = m_area->value();
    // The spin box shows two decimals; the amount is kept in whole minor units.
    draft.monthlyPrice = { std::llround(m_price->value() * 100.0), m_currency->currentData().toString() };
    draft.furnished = m_furnished->isChecked();
    draft.petsAllowed = m_pets->isChecked();
    draft.description = m_description->toPlainText();
    return draft;
}

models::services::Result<void> ApartmentEditor::save()
{
    auto saved = m_existing ? m_listings.updateApartment(m_actor, m_existing->id, draft())
                            : m_listings.createApartment(m_actor, draft());
    if (!saved)
        return std::unexpected(saved.error());
    m_saved = *saved;
    return {};
}

} // namespace rentdesk::views
