// SPDX-License-Identifier: GPL-3.0-or-later
#include "views/apartments/calendarsubscriptionsdialog.h"

#include "models/domain/calendarsource.h"
#include "net/calendar/subscriptionrefresher.h"
#include "views/common/messages.h"

#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace rentdesk::views {

using namespace Qt::StringLiterals;

namespace {

enum Column { CalendarColumn, CheckedColumn, ResultColumn };

QString when(const QDateTime &time)
{
    return QLocale().toString(time.toLocalTime(), QLocale::ShortFormat);
}

} // namespace

CalendarSubscriptionsDialog::CalendarSubscriptionsDialog(const models::services::CalendarSubscriptionService &service,
                                                         net::calendar::SubscriptionRefresher *refresher,
                                                         const QUuid &actor, const QUuid &apartment,
                                                         const QString &title, QWidget *parent)
    : QDialog(parent)
    , m_service(service)
    , m_refresher(refresher)
    , m_actor(actor)
    , m_apartment(apartment)
{
    setObjectName(u"calendarSubscriptionsDialog"_s);
    setWindowTitle(tr("Calendar subscriptions"));
    auto *layout = new QVBoxLayout(this);
    auto *intro = new QLabel(tr("<b>%1</b><br>RentDesk reads these calendars (.ics addresses of other booking "
                                "sites) when it starts and every three hours, and blocks the dates of their "
                                "events. A calendar that cannot be read changes nothing.")
                                 .arg(title.toHtmlEscaped()),
                             this);
    intro->setWordWrap(true);
    layout->addWidget(intro);

    m_list = new QTreeWidget(this);
    m_list->setObjectName(u"subscriptionList"_s);
    m_list->setRootIsDecorated(false);
    m_list->setHeaderLabels({ tr("Calendar"), tr("Last checked"), tr("Result") });
    m_list->header()->setSectionResizeMode(ResultColumn, QHeaderView::Stretch);
    m_list->setMinimumWidth(560);
    connect(m_list, &QTreeWidget::itemSelectionChanged, this, &CalendarSubscriptionsDialog::updateButtons);
    layout->addWidget(m_list);

    auto *row = new QHBoxLayout;
    m_url = new QLineEdit(this);
    m_url->setObjectName(u"subscriptionUrlEdit"_s);
    m_url->setPlaceholderText(tr("https://… address of the other site's calendar (.ics)"));
    m_url->setAccessibleName(tr("Calendar address"));
    m_url->setMaxLength(models::services::CalendarSubscriptionService::MaximumUrlLength + 100);
    m_add = new QPushButton(tr("&Add"), this);
    m_add->setObjectName(u"addSubscriptionButton"_s);
    connect(m_add, &QPushButton::clicked, this, &CalendarSubscriptionsDialog::add);
    connect(m_url, &QLineEdit::returnPressed, this, &CalendarSubscriptionsDialog::add);
    connect(m_url, &QLineEdit::textChanged, this, [this] { m_urlError->hide(); });
    row->addWidget(m_url, 1);
    row->addWidget(m_add);
    layout->addLayout(row);

    m_urlError = new QLabel(this);
    m_urlError->setObjectName(u"subscriptionUrlError"_s);
    m_urlError->setWordWrap(true);
    m_urlError->setStyleSheet(u"color: palette(highlight);"_s);
    m_urlError->hide();
    layout->addWidget(m_urlError);

    m_status = new QLabel(this);
    m_status->setObjectName(u"subscriptionStatus"_s);
    m_status->setWordWrap(true);
    layout->addWidget(m_status);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    m_remove = buttons->addButton(tr("&Remove…"), QDialogButtonBox::ActionRole);
    m_remove->setObjectName(u"removeSubscriptionButton"_s);
    m_remove->setToolTip(tr("Stop following the selected calendar and remove the dates it blocked"));
    connect(m_remove, &QPushButton::clicked, this, &CalendarSubscriptionsDialog::removeSelected);
    m_refresh = buttons->addButton(tr("Refresh &now"), QDialogButtonBox::ActionRole);
    m_refresh->setObjectName(u"refreshSubscriptionsButton"_s);
    m_refresh->setToolTip(tr("Read this apartment's calendars again now"));
    connect(m_refresh, &QPushButton::clicked, this, &CalendarSubscriptionsDialog::refreshNow);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);
    // Enter in the address field adds it rather than closing the dialog.
    m_add->setDefault(true);

    if (m_refresher) {
        connect(m_refresher, &net::calendar::SubscriptionRefresher::checked, this, [this](const QUuid &, bool changed) {
            m_changed = m_changed || changed;
            reload();
        });
        connect(m_refresher, &net::calendar::SubscriptionRefresher::idle, this, [this] {
            if (!m_refreshing)
                return;
            m_refreshing = false;
            m_status->setText(tr("Calendars read again."));
            updateButtons();
        });
    }
    reload();
}

CalendarSubscriptionsDialog::~CalendarSubscriptionsDialog() = default;

void CalendarSubscriptionsDialog::reload()
{
    const QUuid selected = m_list->currentItem() ? m_list->currentItem()->data(0, Qt::UserRole).toUuid() : QUuid();
    m_list->clear();
    const auto subscriptions = m_service.list(m_actor, m_apartment);
    if (!subscriptions) {
        m_status->setText(subscriptions.error().message);
        updateButtons();
        return;
    }
    for (const models::services::CalendarSubscription &s : *subscriptions) {
        auto *item = new QTreeWidgetItem(m_list);
        item->setData(0, Qt::UserRole, s.id);
        item->setText(CalendarColumn, models::domain::calendarLabel(s.url));
        // The full address is the owner's own secret, and only the owner sees this dialog.
        item->setToolTip(CalendarColumn, s.url);
        item->setText(CheckedColumn, s.lastCheckedAt.isValid() ? when(s.lastCheckedAt) : tr("Not yet"));
        if (!s.lastCheckedAt.isValid())
            item->setText(ResultColumn, tr("Waiting for the first check"));
        else if (!s.lastError.isEmpty())
            item->setText(ResultColumn, tr("Not read: %1").arg(s.lastError));
        else
            item->setText(ResultColumn, tr("Read: %n event(s)", nullptr, s.events));
        item->setToolTip(ResultColumn, item->text(ResultColumn));
        if (s.id == selected)
            m_list->setCurrentItem(item);
    }
    if (subscriptions->isEmpty())
        m_status->setText(tr("This apartment follows no calendar yet."));
    else if (!m_refreshing)
        m_status->clear();
    updateButtons();
    Q_EMIT reloaded();
}

void CalendarSubscriptionsDialog::add()
{
    const auto added = m_service.add(m_actor, m_apartment, m_url->text());
    if (!added) {
        m_urlError->setText(added.error().message);
        m_urlError->show();
        m_url->setFocus();
        return;
    }
    m_url->clear();
    m_changed = true;
    reload();
    if (m_refresher)
        refreshNow();
}

void CalendarSubscriptionsDialog::removeSelected()
{
    QTreeWidgetItem *item = m_list->currentItem();
    if (!item)
        return;
    if (!messages::confirm(
            this, tr("Stop following this calendar?"),
            tr("RentDesk stops reading %1, and the dates it blocked are free again.").arg(item->text(CalendarColumn)),
            tr("Stop following")))
        return;
    const auto removed = m_service.remove(m_actor, item->data(0, Qt::UserRole).toUuid());
    if (!removed) {
        messages::tell(this, tr("Calendar still followed"), removed.error().message);
        return;
    }
    m_changed = true;
    reload();
}

void CalendarSubscriptionsDialog::refreshNow()
{
    if (!m_refresher || m_list->topLevelItemCount() == 0)
        return;
    m_refreshing = true;
    m_status->setText(tr("Reading the calendars…"));
    updateButtons();
    m_refresher->refreshApartment(m_apartment);
}

void CalendarSubscriptionsDialog::updateButtons()
{
    m_remove->setEnabled(m_list->currentItem() != nullptr);
    m_refresh->setEnabled(m_refresher && !m_refreshing && m_list->topLevelItemCount() > 0);
}

} // namespace rentdesk::views
