// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/services/listingservice.h"
#include "views/editors/editordialog.h"

#include <QList>

#include <optional>

class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QLineEdit;
class QPlainTextEdit;
class QSpinBox;

namespace rentdesk::views {

// Creates an apartment in one of the landlord's buildings, or edits one: number, floor,
// rooms, area, monthly price and currency, furnished, pets, description, saved through
// the ListingService.
class ApartmentEditor final : public EditorDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ApartmentEditor)

public:
    // buildings: the actor's buildings to choose from.
    ApartmentEditor(const models::services::ListingService &listings, const QUuid &actor,
                    const QList<models::domain::Building> &buildings,
                    std::optional<models::domain::Apartment> existing = std::nullopt, QWidget *parent = nullptr);
    ~ApartmentEditor() override;

    // The apartment as saved, once the dialog was accepted.
    [[nodiscard]] const models::domain::Apartment &apartment() const { return m_saved; }

    // Shows these values instead (a change the server refused, to edit and send again).
    void setDraft(const models::services::ListingService::ApartmentDraft &draft);

    // Chooses one of the buildings offered (the one selected on a page, say).
    void selectBuilding(const QUuid &building);

    // The currencies offered, in this order.
    [[nodiscard]] static QStringList currencies();

protected:
    [[nodiscard]] models::services::Result<void> save() override;

private:
    void createInputs(const QList<models::domain::Building> &buildings);
    void load(const models::domain::Apartment &apartment);
    void selectCurrency(const QString &code);
    [[nodiscard]] models::services::ListingService::ApartmentDraft draft() const;

    const models::services::ListingService &m_listings;
    QUuid m_actor;
    std::optional<models::domain::Apartment> m_existing;
    models::domain::Apartment m_saved;

    QComboBox *m_building = nullptr;
    QLineEdit *m_number = nullptr;
    QSpinBox *m_floor = nullptr;
    QSpinBox *m_rooms = nullptr;
    QDoubleSpinBox *m_area = nullptr;
    QDoubleSpinBox *m_price = nullptr;
    QComboBox *m_currency = nullptr;
    QCheckBox *m_furnished = nullptr;
    QCheckBox *m_pets = nullptr;
    QPlainTextEdit *m_description = nullptr;
};

} // namespace rentdesk::views
