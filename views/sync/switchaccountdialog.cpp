// SPDX-License-Identifier: GPL-3.0-or-later
#include "views/sync/switchaccountdialog.h"

#include "views/sync/syncstatus.h"

#include <QDialogButtonBox>
#include <QFileInfo>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QUrl>
#include <QVBoxLayout>

namespace rentdesk::views {

using namespace Qt::StringLiterals;

SwitchAccountDialog::SwitchAccountDialog(const QList<models::sync::ReplicaEntry> &replicas, const QString &standalone,
                                         const QString &current, QWidget *parent)
    : QDialog(parent)
    , m_current(QFileInfo(current).absoluteFilePath())
{
    setObjectName(u"switchAccountDialog"_s);
    setWindowTitle(tr("Switch account"));
    auto *intro = new QLabel(tr("Each server account you signed in to keeps its data on this computer, apart from "
                                "the others. Open one, or this computer's own database:"),
                             this);
    intro->setWordWrap(true);
    m_list = new QListWidget(this);
    m_list->setObjectName(u"accountList"_s);
    const QDateTime now = QDateTime::currentDateTime();
    const auto add = [this](const QString &text, const QString &tip, const QString &path) {
        const bool open = QFileInfo(path).absoluteFilePath() == m_current;
        auto *item = new QListWidgetItem(open ? tr("%1 — open now").arg(text) : text, m_list);
        item->setToolTip(tip);
        item->setData(Qt::UserRole, path);
        if (open)
            item->setFlags(item->flags() & ~Qt::ItemIsEnabled);
    };
    for (const models::sync::ReplicaEntry &entry : replicas) {
        const QString host = QUrl(entry.serverUrl).host();
        const QString synced =
            entry.syncedAt ? tr("synced %1").arg(syncMoment(*entry.syncedAt, now)) : tr("first sync not finished");
        add(tr("%1 <%2> on %3 (%4)").arg(entry.displayName, entry.email, host, synced),
            tr("%1\nKept in %2").arg(entry.serverUrl, entry.path), entry.path);
    }
    add(tr("This computer only (no server)"), tr("Kept in %1").arg(standalone), standalone);

    m_open = new QPushButton(tr("&Open"), this);
    m_open->setObjectName(u"openAccountButton"_s);
    m_open->setDefault(true);
    auto *connectButton = new QPushButton(tr("&Connect to a server…"), this);
    connectButton->setObjectName(u"connectButton"_s);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    buttons->addButton(m_open, QDialogButtonBox::AcceptRole);
    buttons->addButton(connectButton, QDialogButtonBox::ActionRole);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(connectButton, &QPushButton::clicked, this, [this] {
        reject();
        Q_EMIT connectRequested();
    });
    connect(m_list, &QListWidget::itemDoubleClicked, this, [this](QListWidgetItem *item) {
        if (item->flags() & Qt::ItemIsEnabled)
            accept();
    });
    connect(m_list, &QListWidget::currentItemChanged, this, &SwitchAccountDialog::updateButtons);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addWidget(m_list, 1);
    layout->addWidget(buttons);
    resize(560, 320);
    updateButtons();
}

SwitchAccountDialog::~SwitchAccountDialog() = default;

QString SwitchAccountDialog::chosenPath() const
{
    const QListWidgetItem *item = m_list->currentItem();
    return item && (item->flags() & Qt::ItemIsEnabled) ? item->data(Qt::UserRole).toString() : QString();
}

void SwitchAccountDialog::choose(const QString &path)
{
    for (int row = 0; row < m_list->count(); ++row) {
        if (QFileInfo(m_list->item(row)->data(Qt::UserRole).toString()).absoluteFilePath()
            == QFileInfo(path).absoluteFilePath())
            m_list->setCurrentRow(row);
    }
}

void SwitchAccountDialog::updateButtons()
{
    m_open->setEnabled(!chosenPath().isEmpty());
}

} // namespace rentdesk::views
