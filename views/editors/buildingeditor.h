// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "editors/editordialog.h"
#include "services/listingservice.h"

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
    BuildingEditor(const services::ListingService &listings, const QUuid &actor,
                   std::optional<domain::Building> existing = std::nullopt, QWidget *parent = nullptr);
    ~BuildingEditor() override;

    // The building as saved, once the dialog was accepted.
    [[nodiscard]] const domain::Building &building() const { return m_saved; }

protected:
    [[nodiscard]] services::Result<void> save() override;

private:
    [[nodiscard]] services::ListingService::BuildingDraft draft() const;

    const services::ListingService &m_listings;
    QUuid m_actor;
    std::optional<domain::Building> m_existing;
    domain::Building m_saved;

    QLineEdit *m_name = nullptr;
    QLineEdit *m_address = nullptr;
    QLineEdit *m_city = nullptr;
    QSpinBox *m_floors = nullptr;
    QSpinBox *m_yearBuilt = nullptr;
};

} // namespace rentdesk::views
