// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/services/listingservice.h"
#include "views/editors/editordialog.h"

#include <optional>

class QLineEdit;
class QSpinBox;

namespace rentdesk::views {

// Creates a building, or edits one, for the landlord acting: name, address, city, floors
// and the year it was built (which may be unknown), saved through the ListingService.
class BuildingEditor final : public EditorDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(BuildingEditor)

public:
    BuildingEditor(const models::services::ListingService &listings, const QUuid &actor,
                   std::optional<models::domain::Building> existing = std::nullopt, QWidget *parent = nullptr);
    ~BuildingEditor() override;

    // Shows these values instead (a change the server refused, to edit and send again).
    void setDraft(const models::services::ListingService::BuildingDraft &draft);

    // The building as saved, once the dialog was accepted.
    [[nodiscard]] const models::domain::Building &building() const { return m_saved; }

protected:
    [[nodiscard]] models::services::Result<void> save() override;

private:
    [[nodiscard]] models::services::ListingService::BuildingDraft draft() const;

    const models::services::ListingService &m_listings;
    QUuid m_actor;
    std::optional<models::domain::Building> m_existing;
    models::domain::Building m_saved;

    QLineEdit *m_name = nullptr;
    QLineEdit *m_address = nullptr;
    QLineEdit *m_city = nullptr;
    QSpinBox *m_floors = nullptr;
    QSpinBox *m_yearBuilt = nullptr;
};

} // namespace rentdesk::views
