// SPDX-License-Identifier: GPL-3.0-or-later
#include "views/reviews/reviewspage.h"

#include "models/domain/enums.h"
#include "models/itemmodels/cellformat.h"
#include "views/mainwindow/workspace.h"
#include "views/pages/detailshtml.h"

#include <QCheckBox>
#include <QComboBox>
#include <QHBoxLayout>

namespace rentdesk::views {

using namespace Qt::StringLiterals;

ReviewsPage::ReviewsPage(Workspace &workspace, QWidget *parent)
    : TablePage(u"reviews"_s, models::itemmodels::makeReviewTableModel(workspace.database).release(), parent)
    , m_workspace(workspace)
    , m_model(static_cast<models::itemmodels::ReviewTableModel *>(model()))
{
    auto *bar = new QWidget(this);
    m_kind = new QComboBox(bar);
    m_kind->setObjectName(u"reviewKindCombo"_s);
    m_kind->addItem(QString());
    for (const auto kind : { models::domain::ReviewKind::Apartment, models::domain::ReviewKind::Landlord,
                             models::domain::ReviewKind::Renter })
        m_kind->addItem(QString(), models::domain::toCode(kind));
    m_rating = new QComboBox(bar);
    m_rating->setObjectName(u"reviewRatingCombo"_s);
    m_rating->addItem(QString());
    for (int stars = 2; stars <= 5; ++stars)
        m_rating->addItem(QString(), stars);
    m_mine = new QCheckBox(bar);
    m_mine->setObjectName(u"reviewMineCheck"_s);
    m_mine->hide();
    auto *layout = new QHBoxLayout(bar);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_kind);
    layout->addWidget(m_rating);
    layout->addWidget(m_mine);
    layout->addStretch(1);
    setFilterBar(bar);
    retranslate();

    connect(m_kind, &QComboBox::currentIndexChanged, this, &ReviewsPage::applyFilter);
    connect(m_rating, &QComboBox::currentIndexChanged, this, &ReviewsPage::applyFilter);
    connect(m_mine, &QCheckBox::toggled, this, &ReviewsPage::applyFilter);
}

ReviewsPage::~ReviewsPage() = default;

std::optional<models::query::ReviewRow> ReviewsPage::current() const
{
    return m_model->rowData(currentRow()); // nullopt without a current row
}

void ReviewsPage::updateForUser()
{
    m_mine->setVisible(m_workspace.session.isSignedIn());
    applyFilter();
}

void ReviewsPage::applyFilter()
{
    models::query::ReviewFilter filter;
    if (const QVariant kind = m_kind->currentData(); kind.isValid()) {
        if (auto parsed = models::domain::fromCode<models::domain::ReviewKind>(kind.toString()))
            filter.kind = *parsed;
    }
    if (const QVariant rating = m_rating->currentData(); rating.isValid())
        filter.minRating = rating.toInt();
    if (m_mine->isVisible() && m_mine->isChecked())
        filter.involving = m_workspace.session.userId();
    m_model->setFilter(filter);
}

void ReviewsPage::retranslate()
{
    m_kind->setItemText(0, tr("About anyone"));
    for (int i = 1; i < m_kind->count(); ++i) {
        if (auto kind = models::domain::fromCode<models::domain::ReviewKind>(m_kind->itemData(i).toString()))
            m_kind->setItemText(i, models::domain::displayName(*kind));
    }
    m_rating->setItemText(0, tr("Any rating"));
    for (int i = 1; i < m_rating->count(); ++i)
        m_rating->setItemText(i, tr("%n star(s) and up", nullptr, m_rating->itemData(i).toInt()));
    m_mine->setText(tr("Only by or about me"));
}

QString ReviewsPage::countText(qint64 count) const
{
    return tr("%n review(s)", nullptr, int(std::min<qint64>(count, INT_MAX)));
}

QString ReviewsPage::emptyText() const
{
    if (m_model->lastError())
        return m_model->lastError()->message;
    if (m_model->filter().involving)
        return tr("No reviews by or about you yet. After a stay, choose Reviews ▸ Write review.");
    if (m_model->filter().kind || m_model->filter().minRating)
        return tr("No review matches these filters.");
    return tr("No reviews yet. Reviews appear after stays.");
}

QString ReviewsPage::detailsHtml(const QUuid &id) const
{
    if (id.isNull())
        return tr("<p>Select a review to read it in full.</p>");
    const auto row = current();
    if (!row)
        return {};
    const models::domain::Review &r = row->review;
    return detailshtml::heading(row->targetName) + u"<p>%1</p>"_s.arg(detailshtml::stars(r.rating))
        + detailshtml::paragraph(
               { tr("By %1, %2").arg(row->authorName, models::itemmodels::formatDateTime(r.createdAt)),
                 r.updatedAt > r.createdAt ? tr("Edited %1").arg(models::itemmodels::formatDateTime(r.updatedAt))
                                           : QString() })
        + u"<p>%1</p>"_s.arg(r.body.toHtmlEscaped().replace(u'\n', u"<br>"_s));
}

} // namespace rentdesk::views
