// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/itemmodels/pagemodels.h"
#include "views/pages/tablepage.h"

class QCheckBox;
class QComboBox;

namespace rentdesk::views {

struct Workspace;

// Reviews, which everyone may read: of renters, landlords and apartments, by kind and by
// rating, or only those by or about the signed-in user.
class ReviewsPage final : public TablePage
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ReviewsPage)

public:
    explicit ReviewsPage(Workspace &workspace, QWidget *parent = nullptr);
    ~ReviewsPage() override;

    [[nodiscard]] models::itemmodels::ReviewTableModel *reviews() const { return m_model; }
    [[nodiscard]] std::optional<models::query::ReviewRow> current() const;
    void updateForUser();

protected:
    QString countText(qint64 count) const override;
    QString emptyText() const override;
    QString detailsHtml(const QUuid &id) const override;
    void retranslate() override;

private:
    void applyFilter();

    Workspace &m_workspace;
    models::itemmodels::ReviewTableModel *m_model;
    QComboBox *m_kind = nullptr;
    QComboBox *m_rating = nullptr;
    QCheckBox *m_mine = nullptr;
};

} // namespace rentdesk::views
