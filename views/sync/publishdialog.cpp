// SPDX-License-Identifier: GPL-3.0-or-later
#include "views/sync/publishdialog.h"

#include "models/domain/calendarsource.h"
#include "models/itemmodels/cellformat.h"
#include "models/sync/replica.h"
#include "net/sync/replicasession.h"
#include "net/sync/syncclient.h"
#include "views/sync/changetext.h"

#include <QDate>
#include <QDialogButtonBox>
#include <QHash>
#include <QHeaderView>
#include <QJsonArray>
#include <QJsonObject>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QSet>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace rentdesk::views {

using namespace Qt::StringLiterals;
using models::services::Result;
using models::sync::Mutation;
using models::sync::Publication;
using models::sync::QueuedMutation;
using net::sync::SyncClient;

namespace {

QString dateOf(const QJsonObject &args, const QString &key)
{
    return models::itemmodels::formatDate(QDate::fromString(args.value(key).toString(), Qt::ISODate));
}

QLabel *wrapped(const QString &name, QWidget *parent)
{
    auto *label = new QLabel(parent);
    label->setObjectName(name);
    label->setWordWrap(true);
    return label;
}

} // namespace

PublishDialog::PublishDialog(const models::sync::Publication &publication, QWidget *parent)
    : QDialog(parent)
    , m_publication(publication)
{
    setObjectName(u"publishPreviewDialog"_s);
    setWindowTitle(tr("Publish to a server"));
    QLabel *summary = wrapped(u"publishSummary"_s, this);
    const Publication &p = m_publication;
    if (p.isEmpty()) {
        summary->setText(tr("You have no buildings in this database yet: there is nothing to publish."));
    } else {
        summary->setText(
            tr("These go to the server account you sign in to next: %1, %2 and %3. They keep their details; the "
               "database on this computer stays as it is.")
                .arg(tr("%n building(s)", nullptr, p.buildings), tr("%n apartment(s)", nullptr, p.apartments),
                     tr("%n coming stay(s)", nullptr, p.stays)));
    }
    auto *tree = new QTreeWidget(this);
    tree->setObjectName(u"publishPreview"_s);
    tree->setHeaderHidden(true);
    buildPreview(tree);
    QLabel *note = wrapped(u"publishNote"_s, this);
    note->setText(
        tr("Your renters here are accounts of this computer, not of the server, so a coming stay is published as "
           "nights you hold: nobody can book them, and the server does not name the renter. Staying only here: "
           "%1, %2 and %3. What the server refuses is listed when it answers, and kept in Sync problems.")
            .arg(tr("%n past stay(s)", nullptr, p.pastStays), tr("%n request(s)", nullptr, p.requests),
                 tr("%n review(s)", nullptr, p.reviews)));

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    QPushButton *go = buttons->addButton(tr("Sign in and &publish…"), QDialogButtonBox::AcceptRole);
    go->setObjectName(u"publishButton"_s);
    go->setEnabled(!p.isEmpty());
    go->setDefault(true);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(summary);
    layout->addWidget(tree, 1);
    layout->addWidget(note);
    layout->addWidget(buttons);
    resize(560, 460);
}

PublishDialog::PublishDialog(models::sync::Publication publication, net::sync::ReplicaSession &replica, QWidget *parent)
    : QDialog(parent)
    , m_publication(std::move(publication))
    , m_replica(&replica)
{
    setObjectName(u"publishDialog"_s);
    setWindowTitle(tr("Publish to a server"));
    setModal(true);
    m_text = wrapped(u"publishText"_s, this);
    m_bar = new QProgressBar(this);
    m_bar->setObjectName(u"publishProgress"_s);
    m_bar->setRange(0, 0); // busy until the first sync is done and the changes are counted
    // What closing the window does now: it differs by stage (setStage()).
    m_stopNote = wrapped(u"publishStopNote"_s, this);
    m_refusals = new QTreeWidget(this);
    m_refusals->setObjectName(u"publishRefusals"_s);
    m_refusals->setHeaderLabels({ tr("Not published"), tr("Why") });
    m_refusals->setRootIsDecorated(false);
    m_refusals->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_refusals->hide();
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    m_close = buttons->button(QDialogButtonBox::Close);
    m_close->setObjectName(u"publishCloseButton"_s);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_text);
    layout->addWidget(m_bar);
    layout->addWidget(m_stopNote);
    layout->addWidget(m_refusals, 1);
    layout->addWidget(buttons);
    setMinimumWidth(520);

    SyncClient *sync = replica.sync();
    Q_ASSERT(sync);
    connect(sync, &SyncClient::pushed, this, &PublishDialog::follow);
    connect(sync, &SyncClient::synced, this, [this] {
        if (m_stage == Stage::WaitingForFirstSync)
            start();
        else
            follow();
    });
    connect(sync, &SyncClient::stateChanged, this, [this](SyncClient::State state) {
        if (state != SyncClient::State::Syncing)
            follow();
    });
    m_closeText = m_close->text();
    setStage(Stage::WaitingForFirstSync);
    if (replica.hasSynced())
        QMetaObject::invokeMethod(this, &PublishDialog::start, Qt::QueuedConnection);
    else
        m_text->setText(tr("Fetching your account first…"));
}

void PublishDialog::setStage(Stage stage)
{
    m_stage = stage;
    if (stage != Stage::WaitingForFirstSync)
        m_bar->setRange(0, 100);
    // Closing is safe at every stage; the note says what it leaves, and while changes are made
    // here the button says that it stops them.
    m_close->setText(stage == Stage::Preparing ? tr("Stop") : m_closeText);
    switch (stage) {
    case Stage::WaitingForFirstSync:
        m_stopNote->setText(tr("Closing this window now publishes nothing."));
        break;
    case Stage::Preparing:
        m_stopNote->setText(tr("Stop keeps the changes made so far: they are sent with the next sync, and publishing "
                               "again makes the rest."));
        break;
    case Stage::Sending:
        m_stopNote->setText(tr("Closing this window does not stop publishing: the changes are kept on this computer "
                               "and sent with the sync; what the server refuses stays in Sync problems."));
        break;
    case Stage::Finished:
        m_stopNote->clear();
        break;
    }
    m_stopNote->setVisible(stage != Stage::Finished);
}

PublishDialog::~PublishDialog() = default;

void PublishDialog::buildPreview(QTreeWidget *tree) const
{
    QHash<QString, QString> buildingNames;
    QHash<QString, QString> apartmentTitles;
    auto *buildings = new QTreeWidgetItem(tree, { tr("Buildings: %1").arg(m_publication.buildings) });
    auto *apartments = new QTreeWidgetItem(tree, { tr("Apartments: %1").arg(m_publication.apartments) });
    auto *stays = new QTreeWidgetItem(tree, { tr("Nights you hold: %1").arg(m_publication.stays) });
    auto *blocked = new QTreeWidgetItem(tree, { tr("Blocked nights: %1").arg(m_publication.blocks) });
    auto *photos = new QTreeWidgetItem(tree, { tr("Photos: %1").arg(m_publication.photos) });
    QList<QString> photographed; // apartments with photos, in order, and how many each has
    QHash<QString, int> photoCounts;
    for (const Mutation &change : m_publication.changes) {
        const QJsonObject &a = change.args;
        const QString id = a.value(u"id"_s).toString();
        if (change.name == u"createBuilding") {
            const QString name = a.value(u"name"_s).toString();
            buildingNames.insert(id, name);
            new QTreeWidgetItem(buildings, { tr("%1, %2").arg(name, a.value(u"city"_s).toString()) });
        } else if (change.name == u"createApartment") {
            const QString title =
                tr("apartment %1, %2")
                    .arg(a.value(u"number"_s).toString(), buildingNames.value(a.value(u"buildingId"_s).toString()));
            apartmentTitles.insert(id, title);
            new QTreeWidgetItem(apartments, { title });
        } else if (change.name == u"holdDates") {
            new QTreeWidgetItem(stays,
                                { tr("%1: from %2 to %3")
                                      .arg(apartmentTitles.value(a.value(u"apartmentId"_s).toString()),
                                           dateOf(a, u"startDate"_s), dateOf(a, u"endDate"_s)) });
        } else if (change.name == u"blockDates") {
            new QTreeWidgetItem(blocked,
                                { tr("%1: from %2 to %3")
                                      .arg(apartmentTitles.value(a.value(u"apartmentId"_s).toString()),
                                           dateOf(a, u"startDate"_s), dateOf(a, u"endDate"_s)) });
        } else if (change.name == u"addPhoto") {
            const QString apartment = a.value(u"apartmentId"_s).toString();
            if (!photoCounts.contains(apartment))
                photographed.append(apartment);
            ++photoCounts[apartment];
        } else if (change.name == u"importBlocks") {
            new QTreeWidgetItem(
                blocked,
                { tr("%1: %n period(s) from the calendar “%2”", nullptr, int(a.value(u"events"_s).toArray().size()))
                      .arg(apartmentTitles.value(id),
                           models::domain::calendarLabel(a.value(u"source"_s).toString())) });
        }
    }
    for (const QString &apartment : std::as_const(photographed)) {
        new QTreeWidgetItem(
            photos,
            { tr("%1: %n photo(s)", nullptr, photoCounts.value(apartment)).arg(apartmentTitles.value(apartment)) });
    }
    QList<QTreeWidgetItem *> groups { buildings, apartments, stays };
    // Groups most databases have nothing in are left out when empty.
    for (QTreeWidgetItem *group : { blocked, photos }) {
        if (group->childCount() == 0)
            delete group;
        else
            groups.append(group);
    }
    for (QTreeWidgetItem *group : std::as_const(groups))
        group->setExpanded(group->childCount() <= 20);
}

void PublishDialog::start()
{
    if (m_stage != Stage::WaitingForFirstSync)
        return;
    auto publisher = models::sync::Publisher::start(m_replica->replica(), m_publication);
    if (!publisher) {
        setStage(Stage::Finished);
        m_text->setText(tr("Nothing was published: %1").arg(publisher.error().message));
        Q_EMIT publishingFinished();
        return;
    }
    m_publisher.emplace(std::move(*publisher));
    setStage(Stage::Preparing);
    prepareMore();
}

void PublishDialog::prepareMore()
{
    auto done = m_publisher->next(m_changesPerSlice);
    if (!done) {
        // What was made so far is journaled and goes with the next sync; publishing again
        // makes the rest.
        setStage(Stage::Finished);
        m_text->setText(tr("Publishing stopped: %1").arg(done.error().message));
        Q_EMIT publishingFinished();
        return;
    }
    const qsizetype total = std::max<qsizetype>(1, m_publisher->total());
    if (!*done) {
        // The first half of the bar: the changes made here; the second: the server's answers.
        m_bar->setValue(int(m_publisher->made() * 50 / total));
        m_text->setText(tr("Preparing your changes: %1 of %2.").arg(m_publisher->made()).arg(m_publisher->total()));
        QMetaObject::invokeMethod(this, &PublishDialog::prepareMore, Qt::QueuedConnection);
        return;
    }
    m_published = m_publisher->result();
    for (const auto &[mutation, error] : std::as_const(m_published.refused))
        addRefusal(mutation, refusalText(error));
    setStage(Stage::Sending);
    m_replica->sync()->syncNow();
    follow();
}

void PublishDialog::follow()
{
    if (m_stage != Stage::Sending)
        return;
    // The journal's ids only grow, and nothing else journals while this window-modal dialog runs:
    // every pending change from the first one publishing made on is one of its own.
    const auto pending = m_published.queued.isEmpty()
        ? Result<int>(0)
        : m_replica->replica().pendingCount(m_published.queued.first() - 1);
    if (!pending) {
        m_text->setText(pending.error().message);
        return;
    }
    const int waiting = *pending;
    m_answered = sent() - waiting;
    m_bar->setValue(50 + (sent() > 0 ? m_answered * 50 / sent() : 50));
    if (waiting == 0) {
        finish();
        return;
    }
    const SyncClient *sync = m_replica->sync();
    const QString progress = tr("%1 of %2 changes answered by the server.").arg(m_answered).arg(sent());
    if (sync->state() == SyncClient::State::Syncing || sync->state() == SyncClient::State::Synced)
        m_text->setText(tr("Publishing… %1").arg(progress));
    else
        m_text->setText(tr("Waiting for the server… %1 The rest is sent when it answers; it is kept on this "
                           "computer until then.")
                            .arg(progress));
}

void PublishDialog::finish()
{
    setStage(Stage::Finished);
    m_bar->setValue(100);
    const QSet<qint64> ours(m_published.queued.cbegin(), m_published.queued.cend());
    int refusedThere = 0;
    if (auto refused = m_replica->replica().refused()) {
        for (const QueuedMutation &queued : std::as_const(*refused)) {
            if (!ours.contains(queued.mutation.id))
                continue;
            ++refusedThere;
            addRefusal(queued.mutation, refusalText(queued.error));
        }
    }
    const int published = sent() - refusedThere;
    const int refused = refusedThere + int(m_published.refused.size());
    QString text = tr("Published: %n change(s).", nullptr, published);
    if (m_published.alreadyThere > 0)
        text += u' ' + tr("%n were on the server already.", nullptr, m_published.alreadyThere);
    if (refused > 0)
        text += u' '
            + tr("Not published: %n, listed below. Those the server refused stay in Sync problems.", nullptr, refused);
    m_text->setText(text);
    Q_EMIT publishingFinished();
}

void PublishDialog::addRefusal(const Mutation &mutation, const QString &reason)
{
    const QString what = changeText(mutation, m_replica->replica().accountId(), m_replica->database());
    new QTreeWidgetItem(m_refusals, { what, reason });
    m_refusals->show();
}

} // namespace rentdesk::views
