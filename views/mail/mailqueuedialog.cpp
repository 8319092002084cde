// SPDX-License-Identifier: GPL-3.0-or-later
#include "views/mail/mailqueuedialog.h"

#include "models/itemmodels/mailqueuemodel.h"
#include "net/mail/outboxsender.h"
#include "views/common/messages.h"
#include "views/mainwindow/workspace.h"
#include "views/widgets/celldelegate.h"
#include "views/widgets/formerrors.h"
#include "views/widgets/taskprogress.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QEvent>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QPushButton>
#include <QSettings>
#include <QStackedWidget>
#include <QTableView>
#include <QTimer>
#include <QVBoxLayout>

namespace rentdesk::views {

using namespace Qt::StringLiterals;
using models::itemmodels::MailQueueModel;
using net::mail::OutboxSender;

namespace {

const QString geometryKey = u"mailQueue/geometry"_s;
const QString headerKey = u"mailQueue/header"_s;
// Send all now takes at most this many of each status (the outbox of a desktop holds far fewer).
constexpr int MaxSentAtOnce = 100000;

} // namespace

MailQueueDialog::MailQueueDialog(Workspace &workspace, QWidget *parent)
    : QDialog(parent)
    , m_workspace(workspace)
    , m_store(workspace.database, workspace.clock)
    , m_model(new MailQueueModel(workspace.database, workspace.clock, this))
{
    setObjectName(u"mailQueueDialog"_s);
    resize(1000, 420);

    m_filter = new QComboBox(this);
    m_filter->setObjectName(u"mailFilterCombo"_s);
    m_filter->addItem(QString(), int(MailQueueModel::Filter::WaitingAndFailed));
    m_filter->addItem(QString(), int(MailQueueModel::Filter::All));
    m_filterLabel = new QLabel(this);
    m_filterLabel->setBuddy(m_filter);

    m_senderState = new QLabel(this);
    m_senderState->setObjectName(u"mailSenderState"_s);
    m_senderState->setWordWrap(true);
    m_senderState->setTextFormat(Qt::PlainText);

    m_table = new QTableView(this);
    m_table->setObjectName(u"mailQueueTable"_s);
    m_table->setModel(m_model);
    m_table->setItemDelegate(new CellDelegate(m_table));
    // No column chosen: the outbox's own order, newest first, until a header is clicked.
    m_table->horizontalHeader()->setSortIndicatorClearable(true);
    m_table->horizontalHeader()->setSortIndicator(-1, Qt::AscendingOrder);
    m_table->setSortingEnabled(true);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setAlternatingRowColors(true);
    m_table->setWordWrap(false);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setHighlightSections(false);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->horizontalHeader()->setSectionsMovable(true);

    m_emptyState = new QLabel(this);
    m_emptyState->setObjectName(u"mailQueueEmptyState"_s);
    m_emptyState->setAlignment(Qt::AlignCenter);
    m_emptyState->setWordWrap(true);
    m_emptyState->setMargin(24);
    m_stack = new QStackedWidget(this);
    m_stack->addWidget(m_table);
    m_stack->addWidget(m_emptyState);

    m_sendAll = new QPushButton(this);
    m_sendAll->setObjectName(u"sendAllButton"_s);
    m_retry = new QPushButton(this);
    m_retry->setObjectName(u"retryButton"_s);
    m_discard = new QPushButton(this);
    m_discard->setObjectName(u"discardButton"_s);
    m_refresh = new QPushButton(this);
    m_refresh->setObjectName(u"refreshButton"_s);
    for (QPushButton *button : { m_sendAll, m_retry, m_discard, m_refresh })
        button->setAutoDefault(false);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    buttons->addButton(m_sendAll, QDialogButtonBox::ActionRole);
    buttons->addButton(m_retry, QDialogButtonBox::ActionRole);
    buttons->addButton(m_discard, QDialogButtonBox::ActionRole);
    buttons->addButton(m_refresh, QDialogButtonBox::ResetRole);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *top = new QHBoxLayout;
    top->addWidget(m_filterLabel);
    top->addWidget(m_filter);
    top->addSpacing(12);
    top->addWidget(m_senderState, 1);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(m_stack, 1);
    layout->addWidget(buttons);

    connect(m_filter, &QComboBox::currentIndexChanged, this,
            [this] { m_model->setFilter(MailQueueModel::Filter(m_filter->currentData().toInt())); });
    connect(m_model, &MailQueueModel::modelReset, this, &MailQueueDialog::updateEmptyState);
    connect(m_model, &MailQueueModel::modelReset, this, &MailQueueDialog::updateButtons);
    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this, &MailQueueDialog::updateButtons);
    connect(m_sendAll, &QPushButton::clicked, this, &MailQueueDialog::sendAll);
    connect(m_retry, &QPushButton::clicked, this, &MailQueueDialog::retry);
    connect(m_discard, &QPushButton::clicked, this, &MailQueueDialog::discard);
    connect(m_refresh, &QPushButton::clicked, this, &MailQueueDialog::reload);
    if (OutboxSender *sender = m_workspace.mailSender) {
        // The list follows the sender: a mail that goes leaves "waiting", one that fails shows why.
        connect(sender, &OutboxSender::outboxChanged, this, &MailQueueDialog::reload);
        connect(sender, &OutboxSender::stateChanged, this, &MailQueueDialog::updateSenderState);
        connect(sender, &OutboxSender::stateChanged, this, &MailQueueDialog::updateButtons);
        // Queued: the progress window runs the event loop when it moves, which must not happen
        // inside the sender's or its connection's own signal.
        connect(
            sender, &OutboxSender::mailSent, this, [this](const QUuid &id) { onAnswered(id, true); },
            Qt::QueuedConnection);
        connect(
            sender, &OutboxSender::mailFailed, this, [this](const QUuid &id) { onAnswered(id, false); },
            Qt::QueuedConnection);
        connect(sender, &OutboxSender::drained, this, &MailQueueDialog::onDrained, Qt::QueuedConnection);
    }

    const QSettings settings;
    restoreGeometry(settings.value(geometryKey).toByteArray());
    if (!m_table->horizontalHeader()->restoreState(settings.value(headerKey).toByteArray())) {
        m_table->setColumnWidth(MailQueueModel::Status, 100);
        m_table->setColumnWidth(MailQueueModel::Event, 140);
        m_table->setColumnWidth(MailQueueModel::Recipient, 280);
        m_table->setColumnWidth(MailQueueModel::Attempts, 70);
        m_table->setColumnWidth(MailQueueModel::When, 140);
    }
    retranslate();
    reload();
}

MailQueueDialog::~MailQueueDialog() = default;

void MailQueueDialog::sendAll()
{
    OutboxSender *sender = m_workspace.mailSender;
    if (!sender || m_progress)
        return;
    QList<QUuid> ids;
    for (const models::domain::MailStatus status :
         { models::domain::MailStatus::Queued, models::domain::MailStatus::Failed }) {
        const auto listed = m_store.list(status, MaxSentAtOnce);
        if (!listed) {
            messages::tell(this, tr("Not sent"), listed.error().message);
            return;
        }
        for (const models::mail::OutboxMail &mail : *listed) {
            // Due now; a mail sent or discarded meanwhile is left out.
            if (m_store.retry(mail.id))
                ids.append(mail.id);
        }
    }
    if (ids.isEmpty()) {
        reload();
        return;
    }
    m_sending = QSet<QUuid>(ids.cbegin(), ids.cend());
    m_sendTotal = int(ids.size());
    m_sendDone = 0;
    m_sendFailed = 0;
    m_progress = std::make_shared<TaskProgress>(this, tr("Sending %n mail(s)…", nullptr, m_sendTotal), tr("Stop"));
    m_progress->onStopped([this] { stopSending(); });
    (void)m_progress->step(0, m_sendTotal);
    Q_EMIT sendingProgress(0, m_sendTotal);
    sender->resume();
    afterChange();
}

void MailQueueDialog::onAnswered(const QUuid &id, bool sent)
{
    if (!m_sending.remove(id))
        return;
    ++m_sendDone;
    if (!sent)
        ++m_sendFailed;
    if (m_progress) {
        m_progress->setLabel(sentSoFar());
        Q_EMIT sendingProgress(m_sendDone, m_sendTotal);
        // Stop pressed here (or by a test) has paused the sender already.
        if (!m_progress->step(m_sendDone, m_sendTotal))
            return;
    }
    if (m_sending.isEmpty())
        finishSending();
}

void MailQueueDialog::onDrained()
{
    if (!m_progress)
        return;
    // Nothing is due: a mail of the set still queued and due is one the sender has not looked
    // at yet (this came from before Send all now); any other went another way (discarded, or
    // sent by another RentDesk on this database) and is not waited for.
    const auto queued = m_store.list(models::domain::MailStatus::Queued, MaxSentAtOnce);
    if (!queued)
        return;
    const QDateTime now = m_workspace.clock.now();
    for (const models::mail::OutboxMail &mail : *queued) {
        if (m_sending.contains(mail.id) && mail.nextAttemptAt <= now)
            return;
    }
    finishSending();
}

void MailQueueDialog::stopSending()
{
    // After the mail on the wire; the rest stays queued until sending is started again.
    if (m_workspace.mailSender)
        m_workspace.mailSender->pause();
    finishSending();
}

void MailQueueDialog::finishSending()
{
    if (!m_progress)
        return;
    m_sending.clear();
    const bool stopped = m_progress->wasStopped();
    m_progress->finish();
    // Not destroyed inside its own signal (Stop): after it returns.
    QTimer::singleShot(0, this, [progress = std::exchange(m_progress, nullptr)] {});
    reload();
    Q_EMIT changed();
    if (m_sendFailed > 0 && !stopped)
        messages::tell(this, tr("Not all mails sent"), sentSoFar());
}

QString MailQueueDialog::sentSoFar() const
{
    QString text = tr("%1 of %n mail(s) sent.", nullptr, m_sendTotal).arg(m_sendDone - m_sendFailed);
    if (m_sendFailed > 0)
        text += u' ' + tr("%n not sent: the list says why.", nullptr, m_sendFailed);
    return text;
}

void MailQueueDialog::done(int result)
{
    QSettings settings;
    settings.setValue(geometryKey, saveGeometry());
    settings.setValue(headerKey, m_table->horizontalHeader()->saveState());
    QDialog::done(result);
}

const models::mail::OutboxMail *MailQueueDialog::selected() const
{
    const QModelIndexList rows = m_table->selectionModel()->selectedRows();
    return rows.isEmpty() ? nullptr : m_model->mailAt(rows.first().row());
}

void MailQueueDialog::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QDialog::changeEvent(event);
}

void MailQueueDialog::retranslate()
{
    setWindowTitle(tr("Mail queue"));
    m_filter->setItemText(0, tr("Waiting and failed"));
    m_filter->setItemText(1, tr("All"));
    m_filter->setToolTip(tr("Show the mails still to be sent or looked at, or every mail, sent ones too"));
    m_filterLabel->setText(tr("&Show:"));
    m_sendAll->setText(tr("Send &all now"));
    m_sendAll->setToolTip(tr("Send every waiting and failed mail now; you can stop after the mail being sent"));
    m_retry->setText(tr("&Retry"));
    m_retry->setToolTip(tr("Send the selected mail again now"));
    m_discard->setText(tr("&Discard…"));
    m_discard->setToolTip(tr("Give up the selected mail: it will not be sent"));
    m_refresh->setText(tr("Re&fresh"));
    m_refresh->setToolTip(tr("Read the mail queue again"));
    m_model->retranslate();
    updateSenderState();
    updateEmptyState();
}

void MailQueueDialog::reload()
{
    const models::mail::OutboxMail *mail = selected();
    const QUuid id = mail ? mail->id : QUuid();
    m_model->reload();
    if (const int row = m_model->rowOf(id); !id.isNull() && row >= 0) {
        m_table->selectionModel()->setCurrentIndex(m_model->index(row, 0),
                                                   QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    }
    updateButtons();
}

void MailQueueDialog::updateButtons()
{
    const models::mail::OutboxMail *mail = selected();
    const bool actionable = mail && MailQueueModel::isActionable(mail->status);
    const OutboxSender *sender = m_workspace.mailSender;
    m_sendAll->setEnabled(sender && sender->state() != OutboxSender::State::NotConfigured && !m_progress);
    m_retry->setEnabled(actionable);
    m_discard->setEnabled(actionable);
}

void MailQueueDialog::updateEmptyState()
{
    if (const auto &error = m_model->lastError()) {
        m_emptyState->setText(tr("The mail queue cannot be read: %1").arg(error->message));
        m_stack->setCurrentWidget(m_emptyState);
        return;
    }
    if (m_model->rowCount() > 0) {
        m_stack->setCurrentWidget(m_table);
        return;
    }
    m_emptyState->setText(m_model->filter() == MailQueueModel::Filter::All ? tr("No mail has been queued yet.")
                                                                           : tr("No mail is waiting."));
    m_stack->setCurrentWidget(m_emptyState);
}

void MailQueueDialog::updateSenderState()
{
    const OutboxSender *sender = m_workspace.mailSender;
    QString text;
    bool problem = false;
    if (sender) {
        switch (sender->state()) {
        case OutboxSender::State::NotConfigured:
            text = tr("No mail server is set up: mails wait here until one is set up in Settings, on the Mail tab.");
            problem = true;
            break;
        case OutboxSender::State::Sending:
            text = tr("Sending…");
            break;
        case OutboxSender::State::Failing:
            text = tr("The mail server has a problem: %1").arg(sender->problem());
            problem = true;
            break;
        case OutboxSender::State::Paused:
            text = tr("Sending is stopped: mails wait here until you press Send all now.");
            break;
        case OutboxSender::State::Idle:
            break;
        }
    }
    QPalette palette = m_senderState->palette();
    palette.setColor(QPalette::WindowText,
                     problem ? FormErrors::errorColor(palette) : this->palette().color(QPalette::WindowText));
    m_senderState->setPalette(palette);
    m_senderState->setText(text);
}

void MailQueueDialog::afterChange()
{
    // A retried mail is due now: the sender looks at once instead of at its next poll.
    if (m_workspace.mailSender)
        m_workspace.mailSender->wake();
    reload();
    Q_EMIT changed();
}

void MailQueueDialog::retry()
{
    const models::mail::OutboxMail *mail = selected();
    if (!mail)
        return;
    if (const auto done = m_store.retry(mail->id); !done) {
        messages::tell(this, tr("Not retried"), done.error().message);
        reload(); // it changed underneath: show what it is now
        return;
    }
    // "Send again now": sending stopped in Send all now starts again.
    if (m_workspace.mailSender)
        m_workspace.mailSender->resume();
    afterChange();
}

void MailQueueDialog::discard()
{
    const models::mail::OutboxMail *mail = selected();
    if (!mail)
        return;
    const QUuid id = mail->id;
    const QString recipient = mail->recipientName.isEmpty() ? mail->recipientEmail : mail->recipientName;
    if (!messages::confirm(this, tr("Discard mail"),
                           tr("Discard the \"%1\" mail to %2? It will not be sent.")
                               .arg(models::domain::displayName(mail->event), recipient),
                           tr("Discard")))
        return;
    if (const auto done = m_store.discard(id); !done) {
        messages::tell(this, tr("Not discarded"), done.error().message);
        reload();
        return;
    }
    afterChange();
}

} // namespace rentdesk::views
