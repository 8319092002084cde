// SPDX-License-Identifier: GPL-3.0-or-later
#include "views/bookings/bookingspage.h"

#include "models/domain/calendarsource.h"
#include "models/domain/enums.h"
#include "models/itemmodels/cellformat.h"
#include "models/query/detailsquery.h"
#include "views/mainwindow/workspace.h"
#include "views/pages/detailshtml.h"
#include "views/widgets/localefollow.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateEdit>
#include <QHBoxLayout>
#include <QLabel>

namespace rentdesk::views {

using namespace Qt::StringLiterals;

BookingsPage::BookingsPage(Workspace &workspace, QWidget *parent)
    : TablePage(u"bookings"_s, models::itemmodels::makeBookingTableModel(workspace.database).release(), parent)
    , m_workspace(workspace)
    , m_model(static_cast<models::itemmodels::BookingTableModel *>(model()))
{
    auto *bar = new QWidget(this);
    m_status = new QComboBox(bar);
    m_status->setObjectName(u"bookingStatusCombo"_s);
    m_status->addItem(QString());
    for (const auto status : { models::domain::BookingStatus::Requested, models::domain::BookingStatus::Confirmed,
                               models::domain::BookingStatus::Declined, models::domain::BookingStatus::Cancelled,
                               models::domain::BookingStatus::Completed, models::domain::BookingStatus::Blocked })
        m_status->addItem(QString(), models::domain::toCode(status));
    m_between = new QCheckBox(bar);
    m_between->setObjectName(u"bookingBetweenCheck"_s);
    m_from = new QDateEdit(workspace.clock.today(), bar);
    m_from->setObjectName(u"bookingFromEdit"_s);
    m_from->setCalendarPopup(true);
    m_to = new QDateEdit(workspace.clock.today().addMonths(1), bar);
    m_to->setObjectName(u"bookingToEdit"_s);
    m_to->setCalendarPopup(true);
    m_from->setEnabled(false);
    m_to->setEnabled(false);
    auto *layout = new QHBoxLayout(bar);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_status);
    layout->addWidget(m_between);
    layout->addWidget(m_from);
    m_and = new QLabel(bar);
    layout->addWidget(m_and);
    layout->addWidget(m_to);
    layout->addStretch(1);
    setFilterBar(bar);
    retranslate();

    connect(m_status, &QComboBox::currentIndexChanged, this, &BookingsPage::applyFilter);
    connect(m_between, &QCheckBox::toggled, this, [this](bool on) {
        m_from->setEnabled(on);
        m_to->setEnabled(on);
        applyFilter();
    });
    connect(m_from, &QDateEdit::dateChanged, this, &BookingsPage::applyFilter);
    connect(m_to, &QDateEdit::dateChanged, this, &BookingsPage::applyFilter);
}

BookingsPage::~BookingsPage() = default;

std::optional<models::query::BookingRow> BookingsPage::current() const
{
    return m_model->rowData(currentRow()); // nullopt without a current row
}

void BookingsPage::showStatus(models::domain::BookingStatus status)
{
    // The combo's change reads the table again (applyFilter).
    m_status->setCurrentIndex(std::max(0, m_status->findData(models::domain::toCode(status))));
}

void BookingsPage::updateForUser()
{
    applyFilter();
}

void BookingsPage::applyFilter()
{
    models::query::BookingFilter filter;
    filter.viewer = m_workspace.session.userId();
    if (filter.viewer.isNull()) {
        // Bookings are private: nobody signed in sees none (and asks nothing).
        m_model->showNothing();
        return;
    }
    if (const QVariant status = m_status->currentData(); status.isValid()) {
        if (auto parsed = models::domain::fromCode<models::domain::BookingStatus>(status.toString()))
            filter.status = *parsed;
    }
    if (m_between->isChecked()) {
        filter.from = m_from->date();
        filter.to = m_to->date();
    }
    m_model->setFilter(filter);
}

void BookingsPage::retranslate()
{
    m_status->setItemText(0, tr("Every status"));
    for (int i = 1; i < m_status->count(); ++i) {
        if (auto status = models::domain::fromCode<models::domain::BookingStatus>(m_status->itemData(i).toString()))
            m_status->setItemText(i, models::domain::displayName(*status));
    }
    m_between->setText(tr("Staying between"));
    m_and->setText(tr("and"));
    followLocale(m_from);
    followLocale(m_to);
}

QString BookingsPage::countText(qint64 count) const
{
    return tr("%n booking(s)", nullptr, int(std::min<qint64>(count, INT_MAX)));
}

QString BookingsPage::emptyText() const
{
    if (!m_workspace.session.isSignedIn())
        return tr("Sign in to see your bookings.");
    if (m_model->lastError())
        return m_model->lastError()->message;
    if (m_model->filter().status || m_model->filter().from)
        return tr("No booking matches these filters.");
    return m_workspace.session.isLandlord()
        ? tr("No one has asked for your apartments yet. Requests appear here for you to confirm or decline.")
        : tr("You have no bookings yet. Find an apartment on the Apartments page and choose Request booking.");
}

QString BookingsPage::detailsHtml(const QUuid &id) const
{
    if (id.isNull())
        return tr("<p>Select a booking to see its stay, price and people.</p>");
    const auto row = current();
    if (!row)
        return {};
    const models::domain::Booking &b = row->booking;
    const bool hold = b.renterId == row->ownerId;
    return detailshtml::booking(*row)
        + (hold ? QString() : personHtml(m_workspace.session.userId() == b.renterId ? row->ownerId : b.renterId));
}

QString BookingsPage::personHtml(const QUuid &person) const
{
    // The other side of the booking: what others wrote about them.
    const auto details = models::query::DetailsQuery(m_workspace.database).user(person);
    if (!details) // said, as the other panes do, rather than the section silently missing
        return detailshtml::paragraph({ details.error().message });
    return u"<h4>%1</h4>"_s.arg(tr("%1 (%2), rating %3")
                                    .arg(details->displayName, models::domain::displayName(details->role),
                                         models::itemmodels::formatRating(details->rating))
                                    .toHtmlEscaped())
        + detailshtml::reviews(details->reviewsAbout, tr("No reviews about them yet."));
}

} // namespace rentdesk::views
