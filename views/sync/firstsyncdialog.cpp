// SPDX-License-Identifier: GPL-3.0-or-later
#include "views/sync/firstsyncdialog.h"

#include "net/sync/syncclient.h"

#include <QDialogButtonBox>
#include <QEvent>
#include <QLabel>
#include <QLocale>
#include <QProgressBar>
#include <QPushButton>
#include <QVBoxLayout>

#include <limits>

namespace rentdesk::views {

using namespace Qt::StringLiterals;
using net::sync::SyncClient;

FirstSyncDialog::FirstSyncDialog(SyncClient &sync, const QString &server, qint64 rowsBefore, QWidget *parent)
    : QDialog(parent)
    , m_sync(sync)
    , m_server(server)
    , m_rowsBefore(rowsBefore)
    , m_rows(rowsBefore)
{
    setObjectName(u"firstSyncDialog"_s);
    setModal(true);
    m_text = new QLabel(this);
    m_text->setObjectName(u"firstSyncText"_s);
    m_text->setWordWrap(true);
    m_bar = new QProgressBar(this);
    m_bar->setObjectName(u"firstSyncProgress"_s);
    // Busy until the server's first count says how much there is.
    m_bar->setRange(0, 0);
    m_note = new QLabel(this);
    m_note->setObjectName(u"firstSyncNote"_s);
    m_note->setWordWrap(true);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_text);
    layout->addWidget(m_bar);
    layout->addWidget(m_note);
    layout->addWidget(buttons);
    setMinimumWidth(460);

    connect(&sync, &SyncClient::progress, this, &FirstSyncDialog::onProgress);
    connect(&sync, &SyncClient::stateChanged, this, &FirstSyncDialog::updateText);
    connect(&sync, &SyncClient::synced, this, [this] {
        setPercent(100);
        updateText();
        accept();
    });
    retranslate();
}

FirstSyncDialog::~FirstSyncDialog() = default;

void FirstSyncDialog::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QDialog::changeEvent(event);
}

void FirstSyncDialog::retranslate()
{
    setWindowTitle(tr("First sync"));
    m_note->setText(tr("RentDesk keeps a copy of what your account may see on this computer, so that you can "
                       "work offline. Cancel stops for now: the copy keeps what arrived, and the sync goes on "
                       "from there the next time you open this account."));
    updateText();
}

int FirstSyncDialog::percent() const
{
    return m_bar->value();
}

void FirstSyncDialog::onProgress(qint64 rows, qint64 remaining)
{
    // A cycle counts from zero; a resumed first sync adds what was kept before it, and a cycle
    // after a lost connection what the one before it kept.
    if (rows < m_cycleRows)
        m_rowsBefore += m_cycleRows;
    m_cycleRows = rows;
    m_rows = m_rowsBefore + rows;
    const qint64 total = m_rows + std::max<qint64>(0, remaining);
    // The end is the server's word (synced()), not a count that came out even.
    setPercent(total > 0 ? int(std::min<qint64>(99, m_rows * 100 / total)) : 0);
    updateText();
}

void FirstSyncDialog::setPercent(int percent)
{
    if (m_bar->maximum() == 0)
        m_bar->setRange(0, 100);
    if (percent == m_bar->value())
        return;
    m_bar->setValue(percent);
    Q_EMIT percentChanged(percent);
}

void FirstSyncDialog::updateText()
{
    const QString rows = tr("%n row(s)", nullptr, int(std::min<qint64>(m_rows, std::numeric_limits<int>::max())));
    switch (m_sync.state()) {
    case SyncClient::State::Offline:
        m_text->setText(tr("Waiting for %1… %2 fetched so far; the sync goes on from there once the server "
                           "answers.")
                            .arg(m_server, rows));
        break;
    case SyncClient::State::Failing:
        m_text->setText(
            tr("The sync stopped: %1. RentDesk tries again by itself; %2 fetched so far.").arg(m_sync.problem(), rows));
        break;
    case SyncClient::State::Syncing:
        m_text->setText(tr("Fetching your data from %1: %2.").arg(m_server, rows));
        break;
    case SyncClient::State::Synced:
        m_text->setText(tr("Done: %1.").arg(rows));
        break;
    }
}

} // namespace rentdesk::views
