// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/itemmodels/pagemodels.h"
#include "views/pages/tablepage.h"

#include <QTimer>

class QCheckBox;
class QComboBox;
class QLineEdit;

namespace rentdesk::views {

struct Workspace;

// Buildings: every landlord's buildings to look through, a landlord's own to manage; a
// search over name and address, the city, and "only mine".
class BuildingsPage final : public TablePage
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(BuildingsPage)

public:
    explicit BuildingsPage(Workspace &workspace, QWidget *parent = nullptr);
    ~BuildingsPage() override;

    [[nodiscard]] models::itemmodels::BuildingTableModel *buildings() const { return m_model; }
    [[nodiscard]] std::optional<models::query::BuildingRow> current() const;
    void updateForUser();

protected:
    QString countText(qint64 count) const override;
    QString emptyText() const override;
    QString detailsHtml(const QUuid &id) const override;
    void retranslate() override;

private:
    void applyFilter();

    Workspace &m_workspace;
    models::itemmodels::BuildingTableModel *m_model;
    QTimer m_debounce;
    QLineEdit *m_text = nullptr;
    QComboBox *m_city = nullptr;
    QCheckBox *m_mine = nullptr;
};

} // namespace rentdesk::views
