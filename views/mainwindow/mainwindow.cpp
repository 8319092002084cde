// SPDX-License-Identifier: GPL-3.0-or-later
#include "views/mainwindow/mainwindow.h"

#include "models/domain/enums.h"
#include "models/query/detailsquery.h"
#include "models/services/mode.h"
#include "net/calendar/subscriptionrefresher.h"
#include "net/chat/chatclient.h"
#include "net/connection/serverconnection.h"
#include "net/mail/outboxsender.h"
#include "net/sync/replicasession.h"
#include "net/sync/syncclient.h"
#include "views/accounts/logindialog.h"
#include "views/apartments/apartmentfilterbar.h"
#include "views/apartments/apartmentspage.h"
#include "views/bookings/bookingspage.h"
#include "views/buildings/buildingspage.h"
#include "views/calendar/calendarpage.h"
#include "views/chat/chatmodels.h"
#include "views/chat/chatpanel.h"
#include "views/common/messages.h"
#include "views/dashboard/dashboardpage.h"
#include "views/mail/mailqueuedialog.h"
#include "views/mainwindow/commands.h"
#include "views/mainwindow/workspace.h"
#include "views/pages/pageexport.h"
#include "views/pages/tablepage.h"
#include "views/photos/photocommands.h"
#include "views/photos/photogallery.h"
#include "views/reviews/reviewspage.h"
#include "views/sync/firstsyncdialog.h"
#include "views/sync/publishdialog.h"
#include "views/sync/syncproblemsdialog.h"
#include "views/sync/syncstatus.h"
#include "views/widgets/accessiblename.h"
#include "views/widgets/celldelegate.h"
#include "views/widgets/formerrors.h"

#include <QApplication>
#include <QCloseEvent>
#include <QCoreApplication>
#include <QLabel>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QMouseEvent>
#include <QSettings>
#include <QStatusBar>
#include <QTabBar>
#include <QTabWidget>
#include <QTableView>
#include <QTimer>
#include <QToolBar>
#include <QToolButton>
#include <QUrl>

namespace rentdesk::views {

using namespace Qt::StringLiterals;
using Page = MainActions::State::Page;

MainWindow::MainWindow(Workspace &workspace, QWidget *parent)
    : QMainWindow(parent)
    , m_workspace(workspace)
{
    setObjectName(u"MainWindow"_s);
    resize(1200, 760);

    m_actions = new MainActions(this);
    auto *toolBar = addToolBar(QString());
    toolBar->setObjectName(u"mainToolBar"_s);
    toolBar->setToolButtonStyle(Qt::ToolButtonTextOnly);
    m_actions->addTo(menuBar(), toolBar);

    m_tabs = new QTabWidget(this);
    m_tabs->setObjectName(u"pageTabs"_s);
    m_tabs->setDocumentMode(true);
    setCentralWidget(m_tabs);
    m_buildings = new BuildingsPage(workspace, this);
    m_apartments = new ApartmentsPage(workspace, this);
    m_bookings = new BookingsPage(workspace, this);
    m_reviews = new ReviewsPage(workspace, this);
    // The tabs' titles, as every text of the window: retranslate().
    addPage(m_apartments, Page::Apartments);
    addPage(m_buildings, Page::Buildings);
    addPage(m_bookings, Page::Bookings);
    addPage(m_reviews, Page::Reviews);
    m_dashboard = new DashboardPage(workspace, this);
    m_tabs->addTab(m_dashboard, QString());
    connect(m_dashboard, &DashboardPage::showRequestsRequested, this, [this] {
        m_bookings->showStatus(models::domain::BookingStatus::Requested);
        showPage(m_bookings);
    });
    m_calendar = new CalendarPage(workspace, this);
    m_tabs->addTab(m_calendar, QString());
    m_commands = new Commands(workspace, this, { m_buildings, m_apartments, m_bookings, m_reviews });
    connect(m_commands, &Commands::changed, this, &MainWindow::afterChange);
    m_photoCommands = new PhotoCommands(workspace, this);
    connect(m_photoCommands, &PhotoCommands::changed, this, [this](const QUuid &photo) {
        afterChange();
        if (!photo.isNull())
            m_apartments->gallery()->setCurrentPhoto(photo);
    });
    PhotoGallery *gallery = m_apartments->gallery();
    connect(gallery, &PhotoGallery::addRequested, this, &MainWindow::addPhotos);
    connect(gallery, &PhotoGallery::filesDropped, this, [this](const QUuid &apartment, const QStringList &paths) {
        if (const QString done = m_photoCommands->add(apartment, paths); !done.isEmpty())
            statusBar()->showMessage(done, 10000);
    });
    connect(gallery, &PhotoGallery::moveRequested, m_photoCommands, &PhotoCommands::move);
    connect(gallery, &PhotoGallery::removeRequested, m_photoCommands, &PhotoCommands::remove);
    connect(m_actions->addPhotos, &QAction::triggered, this, [this] {
        if (const auto row = m_apartments->current())
            addPhotos(row->apartment.id);
    });
    connect(m_calendar, &CalendarPage::confirmRequested, this,
            [this](const QUuid &booking) { m_commands->confirmBooking(booking); });
    connect(m_calendar, &CalendarPage::declineRequested, this,
            [this](const QUuid &booking) { m_commands->declineBooking(booking); });
    connect(m_calendar, &CalendarPage::cancelRequested, this,
            [this](const QUuid &booking) { m_commands->cancelBooking(booking); });
    connect(m_calendar, &CalendarPage::requestNightsRequested, this,
            [this](const QUuid &apartment, QDate first, QDate departure) {
                m_commands->requestNights(apartment, first, departure);
            });
    connect(m_calendar, &CalendarPage::blockNightsRequested, this,
            [this](const QUuid &apartment, QDate first, QDate departure) {
                m_commands->blockNights(apartment, first, departure);
            });
    connect(m_tabs, &QTabWidget::currentChanged, this, &MainWindow::updateActions);

    m_userLabel = new QLabel(this);
    m_userLabel->setObjectName(u"userStatus"_s);
    m_pendingLabel = new QLabel(this);
    m_pendingLabel->setObjectName(u"pendingStatus"_s);
    m_mailLabel = new QLabel(this);
    m_mailLabel->setObjectName(u"mailStatus"_s);
    // A click opens the Mail queue (the View menu has it for the keyboard).
    m_mailLabel->installEventFilter(this);
    statusBar()->addWidget(m_userLabel, 1);
    statusBar()->addPermanentWidget(m_pendingLabel);
    statusBar()->addPermanentWidget(m_mailLabel);

    setUpChat();
    setUpSync();
    connectActions();
    connect(m_actions->signIn, &QAction::triggered, this, &MainWindow::showSignIn);
    connect(m_actions->signOut, &QAction::triggered, this, [this] {
        m_workspace.session.signOut();
        showSignIn();
    });
    connect(m_actions->settings, &QAction::triggered, this, &MainWindow::settingsRequested);
    connect(m_actions->connectToServer, &QAction::triggered, this, [this] {
        LoginDialog dialog(m_workspace, this);
        dialog.chooseServer();
        connect(&dialog, &LoginDialog::serverAccountReady, this, &MainWindow::serverAccountReady);
        dialog.exec();
    });
    connect(m_actions->publish, &QAction::triggered, this, &MainWindow::publishToServer);
    connect(m_actions->switchAccount, &QAction::triggered, this, &MainWindow::switchAccountRequested);
    connect(m_actions->quit, &QAction::triggered, this, &QWidget::close);
    connect(m_actions->refresh, &QAction::triggered, this, &MainWindow::refreshAll);
    connect(m_actions->mailQueue, &QAction::triggered, this, &MainWindow::showMailQueue);
    connect(m_actions->confirmationPdf, &QAction::triggered, this, [this] {
        if (const QString done = m_commands->saveConfirmation(); !done.isEmpty())
            statusBar()->showMessage(done, 10000);
    });
    connect(m_actions->printConfirmation, &QAction::triggered, m_commands, &Commands::printConfirmation);
    connect(m_actions->exportCalendar, &QAction::triggered, this, [this] {
        if (const QString done = m_commands->exportCalendar(); !done.isEmpty())
            statusBar()->showMessage(done, 10000);
    });
    connect(m_actions->calendarAddress, &QAction::triggered, this, [this] { m_commands->showCalendarAddress(); });
    connect(m_actions->calendarSubscriptions, &QAction::triggered, this,
            [this] { m_commands->showCalendarSubscriptions(); });
    connect(m_apartments, &ApartmentsPage::calendarAddressRequested, this, [this] {
        if (m_actions->calendarAddress->isEnabled())
            m_actions->calendarAddress->trigger();
    });
    connect(m_actions->importCalendar, &QAction::triggered, this, [this] {
        if (const QString done = m_commands->importCalendar(); !done.isEmpty())
            statusBar()->showMessage(done, 10000);
    });
    connect(m_actions->exportCsv, &QAction::triggered, this, [this] {
        if (TablePage *page = currentPage()) {
            const QString done = exportPageToCsv(*page, withoutMnemonic(m_tabs->tabText(m_tabs->currentIndex())), this);
            if (!done.isEmpty())
                statusBar()->showMessage(done, 10000);
        }
    });
    if (net::mail::OutboxSender *sender = m_workspace.mailSender) {
        connect(sender, &net::mail::OutboxSender::stateChanged, this, &MainWindow::updateStatus);
        connect(sender, &net::mail::OutboxSender::outboxChanged, this, &MainWindow::updateStatus);
    }
    // A calendar read in the background moved blocks (and may have declined requests, with mail).
    if (net::calendar::SubscriptionRefresher *refresher = m_workspace.calendarRefresher) {
        connect(refresher, &net::calendar::SubscriptionRefresher::checked, this, [this](const QUuid &, bool changed) {
            if (!changed)
                return;
            refreshInPlace();
            if (m_workspace.mailSender)
                m_workspace.mailSender->wake();
        });
    }
    connect(m_actions->about, &QAction::triggered, this, &MainWindow::showAbout);
    connect(&m_workspace.session, &models::services::Session::changed, this, &MainWindow::onSessionChanged);

    retranslate();
    restoreWindowState();
    onSessionChanged();
}

MainWindow::~MainWindow() = default;

void MainWindow::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        // The pages, the dock and the dialogs kept open get the event themselves; the status
        // bar's texts are made by the window.
        retranslate();
        updateStatus();
        if (m_chat)
            updateChatStatus();
    }
    QMainWindow::changeEvent(event);
}

void MainWindow::retranslate()
{
    setWindowTitle(tr("RentDesk"));
    m_actions->retranslate();
    // Qt names the tab bar's scroll buttons once, when the bar is made, from its own catalogue.
    static const char tabBarContext[] = "QTabBar";
    for (QToolButton *button : m_tabs->tabBar()->findChildren<QToolButton *>()) {
        if (button->objectName() == u"ScrollLeftButton")
            button->setAccessibleName(QCoreApplication::translate(tabBarContext, "Scroll Left"));
        else if (button->objectName() == u"ScrollRightButton")
            button->setAccessibleName(QCoreApplication::translate(tabBarContext, "Scroll Right"));
    }
    findChild<QToolBar *>(u"mainToolBar"_s)->setWindowTitle(tr("Actions"));
    // A table page's title also names its table and details for screen readers.
    const auto title = [this](QWidget *page, const QString &text) {
        m_tabs->setTabText(m_tabs->indexOf(page), text);
        if (auto *table = qobject_cast<TablePage *>(page))
            table->setTitle(text);
    };
    title(m_apartments, tr("&Apartments"));
    title(m_buildings, tr("B&uildings"));
    title(m_bookings, tr("B&ookings"));
    title(m_reviews, tr("Revie&ws"));
    // Its Alt letter is D: B is the Bookings menu's.
    title(m_dashboard, tr("&Dashboard"));
    title(m_calendar, tr("&Calendar"));
    m_mailLabel->setToolTip(tr("E-mail notifications waiting to be sent"));
    if (m_chat && m_workspace.replica)
        m_chat->setSignInHint(tr("Offline — sign in to your account again: click “Not signed in” in the status bar."));
    if (m_problemsBadge)
        m_problemsBadge->setToolTip(tr("Changes the server refused. Click to see why, and to retry or discard them."));
}

void MainWindow::addPage(TablePage *page, Page kind)
{
    m_pages.append(page);
    m_kinds.append(kind);
    m_tabs->addTab(page, QString());
    page->table()->setItemDelegate(new CellDelegate(page->table()));
    connect(page, &TablePage::currentChanged, this, &MainWindow::updateActions);
    connect(page, &TablePage::contextMenuRequested, this, [this, kind](const QPoint &position) {
        QMenu menu(this);
        m_actions->fillContextMenu(&menu, kind);
        menu.exec(position);
    });
}

TablePage *MainWindow::currentPage() const
{
    const int index = m_tabs->currentIndex();
    return index >= 0 && index < m_pages.size() ? m_pages[index] : nullptr;
}

Page MainWindow::currentKind() const
{
    if (m_tabs->currentWidget() == m_dashboard)
        return Page::Dashboard;
    if (m_tabs->currentWidget() == m_calendar)
        return Page::Calendar;
    const int index = m_tabs->currentIndex();
    return index >= 0 && index < m_kinds.size() ? m_kinds[index] : Page::Apartments;
}

void MainWindow::connectActions()
{
    MainActions &a = *m_actions;
    connect(a.newBuilding, &QAction::triggered, m_commands, &Commands::newBuilding);
    connect(a.newApartment, &QAction::triggered, m_commands, &Commands::newApartment);
    connect(a.edit, &QAction::triggered, this, [this] { m_commands->edit(currentPage()); });
    connect(a.remove, &QAction::triggered, this, [this] { m_commands->remove(currentPage()); });
    connect(a.requestBooking, &QAction::triggered, m_commands, &Commands::requestBooking);
    connect(a.confirmBooking, &QAction::triggered, this, [this] { m_commands->confirmBooking(); });
    connect(a.declineBooking, &QAction::triggered, this, [this] { m_commands->declineBooking(); });
    connect(a.cancelBooking, &QAction::triggered, this, [this] { m_commands->cancelBooking(); });
    connect(a.writeReview, &QAction::triggered, this, [this] { m_commands->writeReview(currentPage()); });
    connect(a.showApartments, &QAction::triggered, this, [this] { showPage(m_apartments, Focus::Table); });
    connect(a.showBuildings, &QAction::triggered, this, [this] { showPage(m_buildings, Focus::Table); });
    connect(a.showBookings, &QAction::triggered, this, [this] { showPage(m_bookings, Focus::Table); });
    connect(a.showReviews, &QAction::triggered, this, [this] { showPage(m_reviews, Focus::Table); });
    connect(a.showDashboard, &QAction::triggered, this, [this] { m_tabs->setCurrentWidget(m_dashboard); });
    connect(a.showCalendar, &QAction::triggered, this, [this] { m_tabs->setCurrentWidget(m_calendar); });
    // Double click or Return: edit what is one's own, else the natural next step.
    for (TablePage *page : std::as_const(m_pages)) {
        connect(page, &TablePage::activated, this, [this] {
            for (QAction *action : { m_actions->edit, m_actions->requestBooking, m_actions->confirmBooking }) {
                if (action->isEnabled()) {
                    action->trigger();
                    return;
                }
            }
        });
    }
}

void MainWindow::showPage(TablePage *page, Focus focus)
{
    m_tabs->setCurrentWidget(page);
    if (focus == Focus::Table)
        page->focusTable();
}

void MainWindow::showSignIn()
{
    LoginDialog dialog(m_workspace, this);
    connect(&dialog, &LoginDialog::serverAccountReady, this, &MainWindow::serverAccountReady);
    dialog.exec();
}

void MainWindow::onSessionChanged()
{
    // Each page sets its filter for the new user, which reads its table again.
    m_buildings->updateForUser();
    m_apartments->updateForUser();
    m_bookings->updateForUser();
    m_reviews->updateForUser();
    const bool landlord = m_workspace.session.isLandlord();
    m_tabs->setTabVisible(m_tabs->indexOf(m_dashboard), landlord);
    m_dashboard->refresh();
    m_calendar->updateForUser();
    updateActions();
    updateStatus();
    // A sign-up has just queued its welcome mail.
    if (m_workspace.mailSender)
        m_workspace.mailSender->wake();
}

void MainWindow::addPhotos(const QUuid &apartment)
{
    if (const QString done = m_photoCommands->chooseAndAdd(apartment); !done.isEmpty())
        statusBar()->showMessage(done, 10000);
}

void MainWindow::afterChange()
{
    // Journaled just now: pushed soon, and shown with its mark until the server applied it.
    if (m_workspace.replica && m_workspace.replica->sync())
        m_workspace.replica->sync()->changed();
    refreshAll();
}

void MainWindow::refreshInPlace()
{
    for (TablePage *page : std::as_const(m_pages))
        page->refresh(TablePage::Scroll::Keep);
    m_dashboard->refresh();
    m_calendar->refresh();
    updateActions();
    updateStatus();
}

void MainWindow::refreshAll()
{
    for (TablePage *page : std::as_const(m_pages))
        page->refresh();
    m_dashboard->refresh();
    m_calendar->refresh();
    updateActions();
    updateStatus();
    // The change may have queued mail (a confirmation, a decline): send it now rather than
    // at the sender's next poll.
    if (m_workspace.mailSender)
        m_workspace.mailSender->wake();
}

void MainWindow::showMailQueue()
{
    if (!m_actions->mailQueue->isEnabled())
        return;
    if (m_workspace.replica) {
        messages::tell(this, tr("Mail queue"),
                       tr("This account's e-mail notifications (sign-up, booking requested, confirmed, declined, "
                          "cancelled) are sent by the server, %1, not from this computer: RentDesk queues no "
                          "mail here.")
                           .arg(m_workspace.connection->serverUrl().host()));
        return;
    }
    if (!m_mailQueue) {
        m_mailQueue = new MailQueueDialog(m_workspace, this);
        connect(m_mailQueue, &MailQueueDialog::changed, this, &MainWindow::updateStatus);
    } else {
        m_mailQueue->reload();
    }
    m_mailQueue->show();
    m_mailQueue->raise();
    m_mailQueue->activateWindow();
}

bool MainWindow::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_mailLabel && event->type() == QEvent::MouseButtonRelease
        && static_cast<QMouseEvent *>(event)->button() == Qt::LeftButton) {
        showMailQueue();
        return true;
    }
    if ((watched == m_syncLabel || watched == m_problemsBadge) && event->type() == QEvent::MouseButtonRelease
        && static_cast<QMouseEvent *>(event)->button() == Qt::LeftButton) {
        if (watched == m_problemsBadge)
            showSyncProblems();
        else
            showSyncDetails();
        return true;
    }
    return QMainWindow::eventFilter(watched, event);
}

MainActions::State MainWindow::selectionState() const
{
    const models::services::Session &session = m_workspace.session;
    MainActions::State state;
    state.signedIn = session.isSignedIn();
    state.landlord = session.isLandlord();
    state.renter = session.isRenter();
    state.page = currentKind();
    state.queuesMail = models::services::isAuthority(m_workspace.mode);
    state.connected = m_workspace.replica != nullptr;
    state.canConnect = m_workspace.connection != nullptr;
    state.chatOnline =
        m_workspace.chat && m_workspace.connection->state() == net::connection::ServerConnection::State::Online;
    const QUuid me = session.userId();
    switch (state.page) {
    case Page::Buildings:
        if (const auto row = m_buildings->current()) {
            state.hasSelection = true;
            state.ownsSelection = state.landlord && row->building.ownerId == me;
        }
        break;
    case Page::Apartments:
        if (const auto row = m_apartments->current()) {
            state.hasSelection = true;
            state.ownsSelection = state.landlord && row->apartment.ownerId == me;
            state.selectionIsReviewable = state.renter;
            state.selectionHasPeer = state.signedIn && row->apartment.ownerId != me;
        }
        break;
    case Page::Bookings:
        if (const auto row = m_bookings->current()) {
            using models::domain::BookingStatus;
            const BookingStatus status = row->booking.status;
            state.hasSelection = true;
            state.selectionIsRequest = status == BookingStatus::Requested && row->ownerId == me;
            state.selectionIsCancellable = row->booking.renterId == me
                && (status == BookingStatus::Requested || status == BookingStatus::Confirmed)
                && row->booking.endDate > m_workspace.clock.today();
            // The owner's own hold (a published stay) has nobody else in it to review or write to.
            const bool hold = row->booking.renterId == row->ownerId;
            state.selectionIsReviewable =
                !hold && (status == BookingStatus::Confirmed || status == BookingStatus::Completed);
            state.selectionHasPeer = !hold && (row->booking.renterId == me || row->ownerId == me);
            state.selectionIsConfirmed = state.signedIn && (row->booking.renterId == me || row->ownerId == me)
                && (status == BookingStatus::Confirmed || status == BookingStatus::Completed);
        }
        break;
    case Page::Reviews:
        if (const auto row = m_reviews->current()) {
            state.hasSelection = true;
            state.ownsSelection = row->review.authorId == me;
        }
        break;
    case Page::Dashboard: // figures: nothing to select
    case Page::Calendar: // its bars have a menu of their own
        break;
    }
    return state;
}

void MainWindow::updateActions()
{
    m_actions->update(selectionState());
}

void MainWindow::updateStatus()
{
    const models::services::Session &session = m_workspace.session;
    if (const auto &user = session.user())
        m_userLabel->setText(
            tr("Signed in as %1 (%2)").arg(user->displayName, models::domain::displayName(user->role)));
    else
        m_userLabel->setText(tr("Not signed in"));
    if (m_workspace.replica) {
        // The sync label says what waits; the server sends the mail.
        updateSyncStatus();
        return;
    }
    const auto pending = models::query::DetailsQuery(m_workspace.database).pending();
    if (!pending) {
        // Said, with the reason, rather than two labels that vanish; read again after the
        // next change or Refresh.
        m_pendingLabel->setText(tr("Counts unavailable"));
        m_pendingLabel->setToolTip(pending.error().message);
        m_mailLabel->clear();
        return;
    }
    m_pendingLabel->setText(tr("%n change(s) to sync", nullptr, int(pending->mutations)));
    m_pendingLabel->setToolTip(tr("Changes made here that a server has not received yet"));
    updateMailStatus(pending->queuedMails, pending->failedMails);
}

void MainWindow::updateMailStatus(qint64 queued, qint64 failed)
{
    QString text = failed > 0
        ? tr("%n mail(s) queued", nullptr, int(queued)) + u", "_s + tr("%n failed", nullptr, int(failed))
        : tr("%n mail(s) queued", nullptr, int(queued));
    QString tip = tr("E-mail notifications waiting to be sent");
    // What the sender is doing, when it is worth a look; a connected replica has none.
    if (const net::mail::OutboxSender *sender = m_workspace.mailSender) {
        switch (sender->state()) {
        case net::mail::OutboxSender::State::NotConfigured:
            if (queued > 0) {
                text += u" — "_s + tr("mail not set up");
                tip = tr("No mail server is set up, so these mails wait. Set one up in Settings, on the Mail tab.");
            }
            break;
        case net::mail::OutboxSender::State::Sending:
            text += u" — "_s + tr("sending…");
            break;
        case net::mail::OutboxSender::State::Failing:
            text += u" — "_s + tr("mail server problem");
            tip = sender->problem();
            break;
        case net::mail::OutboxSender::State::Paused:
            text += u" — "_s + tr("sending stopped");
            tip = tr("Sending was stopped in the mail queue; the mails wait there until it is started again.");
            break;
        case net::mail::OutboxSender::State::Idle:
            break;
        }
    }
    m_mailLabel->setText(text);
    if (m_actions->mailQueue->isEnabled())
        tip += u"\n"_s + tr("Click to open the mail queue.");
    m_mailLabel->setToolTip(tip);
    m_mailLabel->setCursor(m_actions->mailQueue->isEnabled() ? Qt::PointingHandCursor : Qt::ArrowCursor);
}

void MainWindow::setUpChat()
{
    net::chat::ChatClient *client = m_workspace.chat;
    Q_ASSERT(!client || m_workspace.connection);
    m_actions->showChat->setVisible(client != nullptr);
    m_actions->message->setVisible(client != nullptr);
    if (!client)
        return;
    m_chat = new ChatPanel(*client, this); // its sign-in hint on a replica: retranslate()
    addDockWidget(Qt::RightDockWidgetArea, m_chat);
    connect(m_actions->showChat, &QAction::toggled, m_chat, &QWidget::setVisible);
    connect(m_chat, &QDockWidget::visibilityChanged, m_actions->showChat, &QAction::setChecked);
    connect(m_actions->message, &QAction::triggered, this, &MainWindow::messageAboutSelection);
    m_chatLabel = new QLabel(this);
    m_chatLabel->setObjectName(u"chatStatus"_s);
    statusBar()->addPermanentWidget(m_chatLabel);
    connect(m_workspace.connection, &net::connection::ServerConnection::stateChanged, this, [this] {
        updateChatStatus();
        updateActions();
    });
    connect(m_chat, &ChatPanel::unreadChanged, this, &MainWindow::updateChatStatus);
    updateChatStatus();
}

void MainWindow::updateChatStatus()
{
    const net::connection::ServerConnection &connection = *m_workspace.connection;
    QString text = tr("Chat: %1").arg(ChatPanel::stateText(connection.state()));
    if (const qint64 unread = m_chat->conversations()->totalUnread(); unread > 0)
        text += u" — "_s + tr("%n unread", nullptr, int(unread));
    m_chatLabel->setText(text);
    m_chatLabel->setToolTip(connection.serverUrl().isEmpty() ? tr("No chat server is set up (Settings, Server).")
                                                             : connection.serverUrl().toDisplayString());
}

void MainWindow::setUpSync()
{
    net::sync::ReplicaSession *replica = m_workspace.replica;
    if (!replica)
        return;
    Q_ASSERT(m_workspace.connection && replica->sync());
    m_pendingLabel->hide();
    m_mailLabel->hide();
    m_syncLabel = new QLabel(this);
    m_syncLabel->setObjectName(u"syncStatus"_s);
    m_syncLabel->setCursor(Qt::PointingHandCursor);
    m_syncLabel->installEventFilter(this);
    m_problemsBadge = new QLabel(this);
    m_problemsBadge->setObjectName(u"syncProblemsBadge"_s);
    m_problemsBadge->setCursor(Qt::PointingHandCursor);
    m_problemsBadge->setStyleSheet(u"QLabel { background: #b3261e; color: white; border-radius: 8px; "
                                   "padding: 1px 8px; font-weight: bold; }"_s);
    m_problemsBadge->installEventFilter(this);
    m_problemsBadge->hide();
    statusBar()->addPermanentWidget(m_problemsBadge);
    statusBar()->addPermanentWidget(m_syncLabel);

    using net::sync::SyncClient;
    SyncClient *sync = replica->sync();
    connect(sync, &SyncClient::stateChanged, this, &MainWindow::updateSyncStatus);
    connect(sync, &SyncClient::pushed, this, [this](int, int refused) {
        // The marks of what the server applied go; a refusal undoes its effect with the pull
        // that follows, whose end reads the pages again.
        updateSyncStatus();
        if (refused > 0 && m_syncProblems && m_syncProblems->isVisible())
            m_syncProblems->reload();
    });
    // The server's changes on the open pages: at the end of each pull (a poke's is one batch),
    // and during a long one (a first sync's pages) at most every quarter second.
    m_pullRefresh = new QTimer(this);
    m_pullRefresh->setSingleShot(true);
    m_pullRefresh->setInterval(250);
    connect(m_pullRefresh, &QTimer::timeout, this, &MainWindow::refreshInPlace);
    connect(sync, &SyncClient::pulled, this, [this](int rows, qint64, bool end) {
        if (end) {
            m_pullRefresh->stop();
            refreshInPlace();
        } else if (rows > 0 && !m_pullRefresh->isActive()) {
            m_pullRefresh->start();
        }
    });
    connect(m_workspace.connection, &net::connection::ServerConnection::stateChanged, this,
            &MainWindow::updateSyncStatus);
    connect(m_workspace.connection, &net::connection::ServerConnection::sessionEnded, this,
            &MainWindow::updateSyncStatus);
    connect(m_actions->syncNow, &QAction::triggered, sync, &SyncClient::syncNow);
    // Thumbnails and images arrive after the rows that name them: the gallery shows them then.
    connect(sync, &SyncClient::photosArrived, m_apartments->gallery(), &PhotoGallery::reload);
    connect(m_actions->syncProblems, &QAction::triggered, this, &MainWindow::showSyncProblems);
}

void MainWindow::updateSyncStatus()
{
    net::sync::ReplicaSession *replica = m_workspace.replica;
    if (!replica)
        return;
    const net::connection::ServerConnection &connection = *m_workspace.connection;
    const models::sync::Replica &r = replica->replica();
    SyncStatusInput input;
    input.sync = replica->sync()->state();
    input.connection = connection.state();
    input.hasSession = connection.hasSession();
    input.pending = r.pendingCount().value_or(0);
    input.lastSynced = r.syncedAt().value_or(QDateTime());
    input.problem = replica->sync()->problem();
    const QUrl url = connection.serverUrl();
    input.server = url.port() > 0 ? u"%1:%2"_s.arg(url.host()).arg(url.port()) : url.host();
    const SyncStatusText status = syncStatusText(input, QDateTime::currentDateTime());
    m_syncLabel->setText(status.text);
    m_syncLabel->setToolTip(status.tooltip);
    m_syncLabel->setStyleSheet(status.problem ? u"color: %1;"_s.arg(FormErrors::errorColor(palette()).name())
                                              : QString());

    const int refused = r.refusedCount().value_or(0);
    m_problemsBadge->setText(tr("%n sync problem(s)", nullptr, refused));
    m_problemsBadge->setVisible(refused > 0);
    // The rows whose change has not reached the server yet.
    const QSet<QUuid> waiting = r.waitingIds().value_or(QSet<QUuid>());
    for (TablePage *page : std::as_const(m_pages))
        page->model()->setWaitingIds(waiting);
}

void MainWindow::showSyncDetails()
{
    net::sync::ReplicaSession *replica = m_workspace.replica;
    if (!replica)
        return;
    const net::connection::ServerConnection &connection = *m_workspace.connection;
    if (!connection.hasSession()) {
        showSignIn();
        return;
    }
    const models::sync::Replica &r = replica->replica();
    const QDateTime synced = r.syncedAt().value_or(QDateTime());
    const QStringList lines {
        tr("Server: %1").arg(connection.serverUrl().toDisplayString()),
        tr("Account: %1").arg(replica->account().email),
        tr("Status: %1").arg(m_syncLabel->text()),
        tr("Last complete sync: %1")
            .arg(synced.isValid() ? syncMoment(synced, QDateTime::currentDateTime()) : tr("not yet")),
        tr("Changes waiting to be sent: %1").arg(r.pendingCount().value_or(0)),
        tr("Changes the server refused: %1").arg(r.refusedCount().value_or(0)),
    };
    QString text = lines.join(u'\n');
    if (!replica->sync()->problem().isEmpty())
        text += u"\n\n"_s + tr("Problem: %1").arg(replica->sync()->problem());
    messages::tell(this, tr("Sync"), text);
}

void MainWindow::showSyncProblems()
{
    net::sync::ReplicaSession *replica = m_workspace.replica;
    if (!replica)
        return;
    if (!m_syncProblems) {
        m_syncProblems = new SyncProblemsDialog(replica->replica(), m_workspace.database, this);
        connect(m_syncProblems, &SyncProblemsDialog::changed, this, &MainWindow::afterChange);
        connect(m_syncProblems, &SyncProblemsDialog::editRequested, this, &MainWindow::editRefused);
    } else {
        m_syncProblems->reload();
    }
    m_syncProblems->show();
    m_syncProblems->raise();
    m_syncProblems->activateWindow();
}

void MainWindow::editRefused(const models::sync::QueuedMutation &refused)
{
    if (!m_commands->editRefused(refused.mutation.name, refused.mutation.args))
        return;
    // The edited change replaces the refused one.
    if (auto gone = m_workspace.replica->replica().discard(refused.mutation.id); !gone)
        messages::tell(this, tr("Sync problems"), gone.error().message);
    if (m_syncProblems)
        m_syncProblems->reload();
    afterChange();
}

FirstSyncDialog *MainWindow::startFirstSync()
{
    net::sync::ReplicaSession *replica = m_workspace.replica;
    if (!replica || !replica->sync() || replica->hasSynced())
        return nullptr;
    if (!m_firstSync) {
        // A first sync that stopped before its end goes on from its cursor with what it kept; a
        // new one has only the account's own profile, which the pull brings again.
        const models::sync::Replica &r = replica->replica();
        const qint64 kept = r.cursor().value_or(QString()).isEmpty() ? 0 : r.rowCount().value_or(0);
        m_firstSync = new FirstSyncDialog(*replica->sync(), m_workspace.connection->serverUrl().host(), kept, this);
        m_firstSync->setWindowModality(Qt::WindowModal);
        connect(m_firstSync, &QDialog::rejected, this, &MainWindow::firstSyncCancelled);
    }
    m_firstSync->open();
    return m_firstSync;
}

void MainWindow::publishToServer()
{
    const auto user = m_workspace.session.user();
    if (!m_workspace.connection || m_workspace.replica || !user || user->role != models::domain::Role::Landlord)
        return;
    const auto publication =
        models::sync::Publication::read(*m_workspace.database, user->id, m_workspace.clock.today());
    if (!publication) {
        QMessageBox::warning(this, tr("Publish to a server"), publication.error().message);
        return;
    }
    PublishDialog preview(*publication, this);
    if (preview.exec() != QDialog::Accepted)
        return;
    LoginDialog dialog(m_workspace, this);
    dialog.chooseServer();
    dialog.suggestAccount(user->displayName, user->email, models::domain::Role::Landlord);
    connect(&dialog, &LoginDialog::serverAccountReady, this, [this, &publication](const net::protocol::UserJson &on) {
        if (on.role != models::domain::Role::Landlord) {
            // Listings belong to a landlord's account: this one could publish none of them.
            m_workspace.connection->logOut();
            QMessageBox::warning(this, tr("Publish to a server"),
                                 tr("%1 is a renter's account on the server. Sign in to a landlord's account, or "
                                    "create one, to publish your buildings.")
                                     .arg(on.email));
            return;
        }
        Q_EMIT publishRequested(on, *publication);
    });
    dialog.exec();
}

PublishDialog *MainWindow::publish(const models::sync::Publication &publication)
{
    net::sync::ReplicaSession *replica = m_workspace.replica;
    if (!replica || !replica->sync())
        return nullptr;
    auto *dialog = new PublishDialog(publication, *replica, this);
    dialog->setWindowModality(Qt::WindowModal);
    connect(dialog, &QDialog::finished, dialog, &QObject::deleteLater);
    // After the first sync's dialog, which the publishing waits for anyway.
    if (m_firstSync && m_firstSync->isVisible())
        connect(m_firstSync, &QDialog::accepted, dialog, &QDialog::open);
    else
        dialog->open();
    return dialog;
}

void MainWindow::messageAboutSelection()
{
    if (!m_chat || !m_actions->message->isEnabled())
        return;
    // What the selected row is: one kind and one id, from which both the query's and the
    // protocol's forms follow.
    const bool booking = currentKind() == Page::Bookings;
    QUuid id;
    if (booking) {
        if (const auto row = m_bookings->current())
            id = row->booking.id;
    } else if (currentKind() == Page::Apartments) {
        if (const auto row = m_apartments->current())
            id = row->apartment.id;
    }
    if (id.isNull())
        return;
    const auto contact =
        models::query::DetailsQuery(m_workspace.database)
            .chatContact(m_workspace.session.userId(),
                         booking ? models::domain::AboutKind::Booking : models::domain::AboutKind::Apartment, id);
    if (!contact) {
        QMessageBox::warning(this, tr("Message"), contact.error().message);
        return;
    }
    net::protocol::About about;
    about.kind = booking ? net::protocol::About::Kind::Booking : net::protocol::About::Kind::Apartment;
    about.id = id;
    about.title = contact->title;
    m_chat->show();
    m_chat->raise();
    m_chat->startConversation(contact->email, about, contact->displayName);
}

void MainWindow::showAbout()
{
    QMessageBox::about(this, tr("About RentDesk"),
                       tr("<h3>RentDesk %1</h3>"
                          "<p>Buildings, apartments, bookings and reviews for landlords and renters.</p>"
                          "<p>Licensed under the GNU General Public License, version 3 or later.</p>")
                           .arg(QApplication::applicationVersion()));
}

void MainWindow::restoreWindowState()
{
    const QSettings settings;
    restoreGeometry(settings.value(u"window/geometry"_s).toByteArray());
    restoreState(settings.value(u"window/state"_s).toByteArray());
    m_tabs->setCurrentIndex(settings.value(u"window/page"_s, 0).toInt());
    for (TablePage *page : std::as_const(m_pages))
        page->restoreState(settings);
    m_apartments->filterBar()->restore(settings);
    m_calendar->restoreState(settings);
}

void MainWindow::saveWindowState() const
{
    QSettings settings;
    settings.setValue(u"window/geometry"_s, saveGeometry());
    settings.setValue(u"window/state"_s, saveState());
    settings.setValue(u"window/page"_s, m_tabs->currentIndex());
    for (const TablePage *page : std::as_const(m_pages))
        page->saveState(settings);
    m_apartments->filterBar()->save(settings);
    m_calendar->saveState(settings);
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    saveWindowState();
    event->accept();
}

} // namespace rentdesk::views
