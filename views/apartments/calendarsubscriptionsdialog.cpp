// SPDX-License-Identifier: GPL-3.0-or-later
#include "views/apartments/calendarsubscriptionsdialog.h"

#include "models/domain/calendarsource.h"
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

CalendarSubscriptionsDialog::CalendarSubscriptionsDialog(net::calendar::SubscriptionBackend &backend,
                                                         const QUuid &apartment, const QString &title, QWidget *parent)
    : QDialog(parent)
    , m_backend(backend)
    , m_apartment(apartment)
{
    setObjectName(u"calendarSubscriptionsDialog"_s);
    setWindowTitle(tr("Calendar subscriptions"));
    auto *layout = new QVBoxLayout(this);
    const QString how = m_backend.isServer()
        ? tr("<b>%1</b><br>The server reads these calendars (.ics addresses of other booking sites) every three "
             "hours, also while this computer is off, and blocks the dates of their events on all your computers. "
             "A calendar that cannot be read changes nothing.")
        : tr("<b>%1</b><br>RentDesk reads these calendars (.ics addresses of other booking "
             "sites) when it starts and every three hours, and blocks the dates of their "
             "events. A calendar that cannot be read changes nothing.");
    auto *intro = new QLabel(how.arg(title.toHtmlEscaped()), this);
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

    connect(&m_backend, &net::calendar::SubscriptionBackend::checked, this,
            [this](const QUuid &checkedApartment, bool changed) {
                if (checkedApartment != m_apartment)
                    return;
                m_changed = m_changed || changed;
                // The server tells of each check; this computer's refresher when all are done (idle).
                if (m_backend.isServer() && m_refreshing) {
                    m_refreshing = false;
                    m_note = tr("Calendars read again.");
                }
                reload();
            });
    connect(&m_backend, &net::calendar::SubscriptionBackend::idle, this, [this] {
        if (!m_refreshing)
            return;
        m_refreshing = false;
        m_note = tr("Calendars read again.");
        m_status->setText(m_note);
        updateButtons();
    });
    connect(&m_backend, &net::calendar::SubscriptionBackend::availabilityChanged, this,
            &CalendarSubscriptionsDialog::reload);
    reload();
}

CalendarSubscriptionsDialog::~CalendarSubscriptionsDialog() = default;

void CalendarSubscriptionsDialog::reload()
{
    if (!m_backend.isAvailable()) {
        m_list->clear();
        m_refreshing = false;
        m_status->setText(tr("The calendars this apartment follows are kept on the server: connect to it to see "
                             "and change them."));
        updateButtons();
        return;
    }
    m_busy = true;
    updateButtons();
    m_backend.list(m_apartment, this, [this](const auto &list) {
        m_busy = false;
        showList(list);
    });
}

void CalendarSubscriptionsDialog::showList(
    const net::calendar::SubscriptionResult<QList<models::services::CalendarSubscription>> &subscriptions)
{
    const QUuid selected = m_list->currentItem() ? m_list->currentItem()->data(0, Qt::UserRole).toUuid() : QUuid();
    m_list->clear();
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
    else if (m_refreshing)
        m_status->setText(tr("Reading the calendars…"));
    else
        m_status->setText(m_note);
    updateButtons();
    Q_EMIT reloaded();
}

void CalendarSubscriptionsDialog::add()
{
    if (!m_backend.isAvailable() || m_busy)
        return;
    m_busy = true;
    updateButtons();
    m_backend.add(m_apartment, m_url->text(), this, [this](const net::calendar::SubscriptionResult<void> &added) {
        m_busy = false;
        if (!added) {
            m_urlError->setText(added.error().message);
            m_urlError->show();
            updateButtons();
            m_url->setFocus();
            return;
        }
        m_url->clear();
        m_changed = true;
        m_note.clear();
        if (m_backend.isServer()) {
            // The server reads a new calendar at once and tells when it has.
            m_refreshing = true;
            reload();
            return;
        }
        reload();
        if (m_backend.canRefresh())
            refreshNow();
    });
}

void CalendarSubscriptionsDialog::removeSelected()
{
    QTreeWidgetItem *item = m_list->currentItem();
    if (!item || m_busy)
        return;
    if (!messages::confirm(
            this, tr("Stop following this calendar?"),
            tr("RentDesk stops reading %1, and the dates it blocked are free again.").arg(item->text(CalendarColumn)),
            tr("Stop following")))
        return;
    m_busy = true;
    updateButtons();
    m_backend.remove(item->data(0, Qt::UserRole).toUuid(), this,
                     [this](const net::calendar::SubscriptionResult<void> &removed) {
                         m_busy = false;
                         if (!removed) {
                             updateButtons();
                             messages::tell(this, tr("Calendar still followed"), removed.error().message);
                             return;
                         }
                         m_changed = true;
                         m_note.clear();
                         reload();
                     });
}

void CalendarSubscriptionsDialog::refreshNow()
{
    if (!m_backend.canRefresh() || m_list->topLevelItemCount() == 0)
        return;
    m_refreshing = true;
    m_status->setText(tr("Reading the calendars…"));
    updateButtons();
    m_backend.refresh(m_apartment, this, [this](const net::calendar::SubscriptionResult<void> &asked) {
        if (asked)
            return; // the outcomes come as checked()
        m_refreshing = false;
        m_status->setText(asked.error().message);
        updateButtons();
    });
}

void CalendarSubscriptionsDialog::updateButtons()
{
    const bool available = m_backend.isAvailable();
    m_url->setEnabled(available);
    m_add->setEnabled(available && !m_busy);
    m_remove->setEnabled(available && !m_busy && m_list->currentItem() != nullptr);
    m_refresh->setEnabled(available && m_backend.canRefresh() && !m_busy && !m_refreshing
                          && m_list->topLevelItemCount() > 0);
}

} // namespace rentdesk::views
