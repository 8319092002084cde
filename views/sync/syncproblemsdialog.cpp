// SPDX-License-Identifier: GPL-3.0-or-later
#include "views/sync/syncproblemsdialog.h"

#include "models/domain/storedvalues.h"
#include "models/itemmodels/cellformat.h"
#include "views/common/messages.h"
#include "views/sync/changetext.h"

#include <QDialogButtonBox>
#include <QEvent>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace rentdesk::views {

using namespace Qt::StringLiterals;
using models::sync::QueuedMutation;

SyncProblemsDialog::SyncProblemsDialog(models::sync::Replica &replica, std::shared_ptr<models::db::Database> database,
                                       QWidget *parent)
    : QDialog(parent)
    , m_replica(replica)
    , m_database(std::move(database))
{
    setObjectName(u"syncProblemsDialog"_s);
    m_summary = new QLabel(this);
    m_summary->setObjectName(u"syncProblemsSummary"_s);
    m_summary->setWordWrap(true);
    m_list = new QTreeWidget(this);
    m_list->setObjectName(u"syncProblemsList"_s);
    m_list->setRootIsDecorated(false);
    m_list->setWordWrap(true);
    m_list->setAlternatingRowColors(true);
    m_list->setColumnCount(3);
    m_list->header()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    m_list->header()->setSectionResizeMode(1, QHeaderView::Interactive);
    m_list->header()->setStretchLastSection(true);
    m_list->setColumnWidth(1, 320);

    m_details = new QLabel(this);
    m_details->setObjectName(u"syncProblemDetails"_s);
    m_details->setWordWrap(true);
    m_details->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_details->setTextFormat(Qt::PlainText);

    m_edit = new QPushButton(this);
    m_edit->setObjectName(u"editRetryButton"_s);
    m_retry = new QPushButton(this);
    m_retry->setObjectName(u"retryButton"_s);
    m_discard = new QPushButton(this);
    m_discard->setObjectName(u"discardButton"_s);
    auto *actions = new QHBoxLayout;
    actions->addWidget(m_edit);
    actions->addWidget(m_retry);
    actions->addWidget(m_discard);
    actions->addStretch(1);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_summary);
    layout->addWidget(m_list, 1);
    layout->addWidget(m_details);
    layout->addLayout(actions);
    layout->addWidget(buttons);
    resize(820, 420);

    connect(m_list, &QTreeWidget::currentItemChanged, this, &SyncProblemsDialog::updateButtons);
    connect(m_edit, &QPushButton::clicked, this, [this] {
        if (const auto refused = selected())
            Q_EMIT editRequested(*refused);
    });
    connect(m_retry, &QPushButton::clicked, this, &SyncProblemsDialog::retrySelected);
    connect(m_discard, &QPushButton::clicked, this, &SyncProblemsDialog::discardSelected);
    retranslate();
}

SyncProblemsDialog::~SyncProblemsDialog() = default;

void SyncProblemsDialog::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QDialog::changeEvent(event);
}

void SyncProblemsDialog::retranslate()
{
    setWindowTitle(tr("Sync problems"));
    m_list->setHeaderLabels({ tr("Made"), tr("Change"), tr("Why the server refused it") });
    m_edit->setText(tr("&Edit and retry…"));
    m_edit->setToolTip(tr("Open the change in its editor with its values, to change them and send it again"));
    m_retry->setText(tr("&Retry"));
    m_retry->setToolTip(tr("Send the change again as it is, once what stood in its way has gone"));
    m_discard->setText(tr("&Discard…"));
    m_discard->setToolTip(tr("Drop the change; the server's data stays as it is"));
    // The list's changes, reasons and times are written when it is read.
    reload();
}

bool SyncProblemsDialog::isEditable(const QString &mutationName)
{
    static const QStringList editable = { u"requestBooking"_s,  u"createBuilding"_s,  u"updateBuilding"_s,
                                          u"createApartment"_s, u"updateApartment"_s, u"createReview"_s,
                                          u"updateReview"_s };
    return editable.contains(mutationName);
}

void SyncProblemsDialog::reload()
{
    const auto before = selected();
    const qint64 current = before ? before->mutation.id : 0;
    m_list->clear();
    const auto refused = m_replica.refused();
    if (!refused) {
        m_refused.clear();
        m_summary->setText(tr("The refused changes cannot be read: %1").arg(refused.error().message));
        updateButtons();
        return;
    }
    m_refused = *refused;
    QTreeWidgetItem *toSelect = nullptr;
    for (const QueuedMutation &entry : std::as_const(m_refused)) {
        const auto made = models::domain::timestampFromStored(QVariant(entry.createdAt));
        auto *item =
            new QTreeWidgetItem(m_list,
                                { made ? models::itemmodels::formatDateTime(*made) : entry.createdAt,
                                  changeText(entry.mutation, entry.actor, m_database), refusalText(entry.error) });
        item->setData(0, Qt::UserRole, entry.mutation.id);
        item->setToolTip(2, item->text(2));
        item->setToolTip(1, item->text(1));
        if (entry.mutation.id == current)
            toSelect = item;
    }
    m_summary->setText(m_refused.isEmpty()
                           ? tr("The server has accepted every change made here.")
                           : tr("The server refused %n change(s) made here. Their effect is undone on this "
                                "computer; each stays here until you retry or discard it.",
                                nullptr, int(m_refused.size())));
    if (!toSelect && m_list->topLevelItemCount() > 0)
        toSelect = m_list->topLevelItem(0);
    m_list->setCurrentItem(toSelect);
    updateButtons();
}

int SyncProblemsDialog::count() const
{
    return int(m_refused.size());
}

std::optional<QueuedMutation> SyncProblemsDialog::selected() const
{
    const QTreeWidgetItem *item = m_list->currentItem();
    if (!item)
        return std::nullopt;
    const qint64 id = item->data(0, Qt::UserRole).toLongLong();
    for (const QueuedMutation &entry : m_refused) {
        if (entry.mutation.id == id)
            return entry;
    }
    return std::nullopt;
}

void SyncProblemsDialog::updateButtons()
{
    const auto entry = selected();
    const QTreeWidgetItem *item = m_list->currentItem();
    m_details->setText(entry && item ? item->text(1) + u"\n"_s + item->text(2) : QString());
    m_details->setVisible(entry.has_value());
    m_edit->setEnabled(entry && isEditable(entry->mutation.name));
    m_retry->setEnabled(entry.has_value());
    m_discard->setEnabled(entry.has_value());
}

void SyncProblemsDialog::retrySelected()
{
    const auto entry = selected();
    if (!entry)
        return;
    if (auto retried = m_replica.retry(entry->mutation.id); !retried) {
        // Refused here too (the dates are still taken, say): it stays in the list.
        messages::tell(this, tr("Not retried"), refusalText(retried.error()));
        return;
    }
    reload();
    Q_EMIT changed();
}

void SyncProblemsDialog::discardSelected()
{
    const auto entry = selected();
    if (!entry
        || !messages::confirm(this, tr("Discard change"),
                              tr("Discard “%1”? The server's data stays as it is.")
                                  .arg(changeText(entry->mutation, entry->actor, m_database)),
                              tr("Discard")))
        return;
    if (auto gone = m_replica.discard(entry->mutation.id); !gone) {
        messages::tell(this, tr("Not discarded"), gone.error().message);
        return;
    }
    reload();
    Q_EMIT changed();
}

} // namespace rentdesk::views
