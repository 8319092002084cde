// SPDX-License-Identifier: GPL-3.0-or-later
#include "views/mainwindow/mainactions.h"

#include <QAction>
#include <QMenu>
#include <QMenuBar>
#include <QToolBar>
#include <QWidget>

namespace rentdesk::views {

using namespace Qt::StringLiterals;

namespace {

// The texts come from MainActions::retranslate() (set()).
QAction *make(QWidget *window, const QString &name, const QKeySequence &shortcut = {})
{
    auto *action = new QAction(window);
    action->setObjectName(name);
    if (!shortcut.isEmpty())
        action->setShortcut(shortcut);
    // Shortcuts work anywhere in the window, also while the table has the focus.
    action->setShortcutContext(Qt::WindowShortcut);
    window->addAction(action);
    return action;
}

// The action's text, and its tip with the shortcut (as the keyboard of the language writes it).
void set(QAction *action, const QString &text, const QString &tip)
{
    action->setText(text);
    action->setStatusTip(tip);
    const QKeySequence shortcut = action->shortcut();
    action->setToolTip(shortcut.isEmpty() ? tip : tip + u" ("_s + shortcut.toString(QKeySequence::NativeText) + u')');
}

} // namespace

MainActions::MainActions(QWidget *window)
    : QObject(window)
{
    signIn = make(window, u"signInAction"_s);
    signOut = make(window, u"signOutAction"_s);
    connectToServer = make(window, u"connectAction"_s);
    publish = make(window, u"publishAction"_s);
    switchAccount = make(window, u"switchAccountAction"_s);
    syncNow = make(window, u"syncNowAction"_s, QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_S));
    syncProblems = make(window, u"syncProblemsAction"_s, QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_P));
    settings = make(window, u"settingsAction"_s, QKeySequence::Preferences);
    settings->setMenuRole(QAction::PreferencesRole);
    quit = make(window, u"quitAction"_s, QKeySequence::Quit);
    quit->setMenuRole(QAction::QuitRole);
    newBuilding = make(window, u"newBuildingAction"_s, QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_B));
    newApartment = make(window, u"newApartmentAction"_s, QKeySequence::New);
    edit = make(window, u"editAction"_s, QKeySequence(Qt::Key_F2));
    remove = make(window, u"deleteAction"_s, QKeySequence::Delete);
    requestBooking = make(window, u"requestBookingAction"_s, QKeySequence(Qt::CTRL | Qt::Key_R));
    confirmBooking = make(window, u"confirmBookingAction"_s, QKeySequence(Qt::CTRL | Qt::Key_Return));
    declineBooking = make(window, u"declineBookingAction"_s, QKeySequence(Qt::CTRL | Qt::Key_Backspace));
    cancelBooking = make(window, u"cancelBookingAction"_s, QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_X));
    writeReview = make(window, u"writeReviewAction"_s, QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_R));
    exportCalendar = make(window, u"exportCalendarAction"_s);
    importCalendar = make(window, u"importCalendarAction"_s);
    calendarAddress = make(window, u"calendarAddressAction"_s);
    calendarSubscriptions = make(window, u"calendarSubscriptionsAction"_s);
    addPhotos = make(window, u"addPhotosAction"_s);
    confirmationPdf = make(window, u"confirmationPdfAction"_s);
    printConfirmation = make(window, u"printConfirmationAction"_s, QKeySequence::Print);
    exportCsv = make(window, u"exportCsvAction"_s, QKeySequence(Qt::CTRL | Qt::Key_E));
    refresh = make(window, u"refreshAction"_s, QKeySequence::Refresh);
    mailQueue = make(window, u"mailQueueAction"_s);
    message = make(window, u"messageAction"_s, QKeySequence(Qt::CTRL | Qt::Key_M));
    showChat = make(window, u"showChatAction"_s, QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_C));
    showChat->setCheckable(true);
    showApartments = make(window, u"showApartmentsAction"_s, QKeySequence(Qt::CTRL | Qt::Key_1));
    showBuildings = make(window, u"showBuildingsAction"_s, QKeySequence(Qt::CTRL | Qt::Key_2));
    showBookings = make(window, u"showBookingsAction"_s, QKeySequence(Qt::CTRL | Qt::Key_3));
    showReviews = make(window, u"showReviewsAction"_s, QKeySequence(Qt::CTRL | Qt::Key_4));
    showDashboard = make(window, u"showDashboardAction"_s, QKeySequence(Qt::CTRL | Qt::Key_5));
    showCalendar = make(window, u"showCalendarAction"_s, QKeySequence(Qt::CTRL | Qt::Key_6));
    about = make(window, u"aboutAction"_s);
    about->setMenuRole(QAction::AboutRole);
    retranslate();
    update({});
}

MainActions::~MainActions() = default;

void MainActions::retranslate()
{
    set(signIn, tr("Sign &in…"), tr("Sign in or create an account"));
    set(signOut, tr("&Log out / switch user"), tr("Sign out and let someone else sign in"));
    set(connectToServer, tr("&Connect to a server…"),
        tr("Sign in or create an account on a rentdesk-server; its data is kept here to work "
           "offline"));
    set(publish, tr("&Publish to a server…"),
        tr("Send your buildings, apartments and coming stays from this computer's database to a server "
           "account, once"));
    set(switchAccount, tr("S&witch account…"),
        tr("Open another server account kept on this computer, or the database of this computer"));
    set(syncNow, tr("S&ync now"), tr("Send your changes and fetch the server's now"));
    set(syncProblems, tr("Sync &problems…"),
        tr("Changes the server refused, with its reasons: edit and retry, or discard"));
    set(settings, tr("&Settings…"), tr("Language, database and mail server"));
    set(quit, tr("&Quit"), tr("Close RentDesk"));
    set(newBuilding, tr("New &building…"), tr("List a new building (landlords)"));
    set(newApartment, tr("New &apartment…"), tr("Add an apartment to one of your buildings (landlords)"));
    set(edit, tr("&Edit…"), tr("Change the selected item"));
    set(remove, tr("&Delete…"), tr("Delete the selected item"));
    set(requestBooking, tr("&Request booking…"), tr("Ask the owner for dates in the selected apartment (renters)"));
    set(confirmBooking, tr("&Confirm"), tr("Confirm the selected request (declines the requests it overlaps)"));
    set(declineBooking, tr("D&ecline"), tr("Decline the selected request"));
    set(cancelBooking, tr("Ca&ncel booking"), tr("Cancel your selected booking"));
    set(writeReview, tr("&Write review…"), tr("Review the selected apartment, landlord or renter after a stay"));
    set(exportCalendar, tr("E&xport calendar…"),
        tr("Save the selected apartment's stays and blocked dates as an iCalendar file for other "
           "booking sites"));
    set(importCalendar, tr("&Import calendar…"),
        tr("Block the selected apartment's dates with another booking site's calendar (.ics)"));
    set(calendarAddress, tr("Calendar add&ress…"),
        tr("The address at which your server publishes the selected apartment's calendar, for "
           "other booking sites to subscribe to (connected to a server)"));
    set(calendarSubscriptions, tr("Calendar &subscriptions…"),
        tr("Other booking sites' calendars whose events block the selected apartment's dates, read every "
           "three hours (by this computer on a standalone database, by your server on a connected one)"));
    set(addPhotos, tr("Add &photos…"), tr("Add photos of the selected apartment from image files (JPEG, PNG or WebP)"));
    set(confirmationPdf, tr("Confirmation as P&DF…"),
        tr("Save the selected stay's confirmation, in the renter's language, as a PDF file"));
    set(printConfirmation, tr("&Print confirmation…"),
        tr("Print the selected stay's confirmation, in the renter's language"));
    set(exportCsv, tr("&Export to CSV…"),
        tr("Save the rows this page shows, as its filter and sort show them, to a CSV file"));
    set(refresh, tr("Re&fresh"), tr("Read the tables again"));
    set(mailQueue, tr("&Mail queue…"), tr("E-mail notifications waiting to be sent, and those that failed"));
    set(message, tr("&Message…"),
        tr("Write to the landlord of the selected apartment, or to the other person of the selected "
           "booking"));
    set(showChat, tr("C&hat"), tr("Show or hide the chat panel"));
    set(showApartments, tr("&Apartments"), tr("Go to the apartments"));
    set(showBuildings, tr("B&uildings"), tr("Go to the buildings"));
    set(showBookings, tr("B&ookings"), tr("Go to the bookings"));
    set(showReviews, tr("Revie&ws"), tr("Go to the reviews"));
    set(showDashboard, tr("Dash&board"), tr("Go to your figures"));
    set(showCalendar, tr("&Calendar"), tr("Go to the occupancy calendar"));
    set(about, tr("&About RentDesk"), tr("Version and licence"));
    if (m_file) {
        m_file->setTitle(tr("&File"));
        m_listing->setTitle(tr("&Listing"));
        m_bookings->setTitle(tr("&Bookings"));
        m_reviews->setTitle(tr("&Reviews"));
        m_view->setTitle(tr("&View"));
        m_help->setTitle(tr("&Help"));
    }
}

void MainActions::update(const State &s)
{
    using Page = State::Page;
    signIn->setVisible(!s.signedIn);
    // A connected replica is one account's: another is opened with Switch account.
    signOut->setVisible(s.signedIn && !s.connected);
    connectToServer->setEnabled(s.canConnect);
    publish->setVisible(!s.connected);
    publish->setEnabled(s.canConnect && s.landlord && !s.connected);
    syncNow->setVisible(s.connected);
    syncProblems->setVisible(s.connected);
    showDashboard->setVisible(s.landlord);
    exportCsv->setEnabled(s.page != Page::Dashboard && s.page != Page::Calendar);
    newBuilding->setEnabled(s.landlord);
    newApartment->setEnabled(s.landlord);
    const bool listing = s.page == Page::Buildings || s.page == Page::Apartments;
    edit->setEnabled(s.hasSelection && s.ownsSelection && (listing || s.page == Page::Reviews));
    remove->setEnabled(s.hasSelection && s.ownsSelection && (listing || s.page == Page::Reviews));
    exportCalendar->setEnabled(s.page == Page::Apartments && s.hasSelection && s.ownsSelection);
    // Not on a connected database until sync carries photos' bytes to and from the server.
    addPhotos->setEnabled(s.page == Page::Apartments && s.hasSelection && s.ownsSelection);
    // On a connected database the import goes to the server as one change (importBlocks).
    importCalendar->setEnabled(s.page == Page::Apartments && s.hasSelection && s.ownsSelection);
    // The server publishes the calendar: only a connected database has an address.
    calendarAddress->setEnabled(s.page == Page::Apartments && s.hasSelection && s.ownsSelection && s.connected);
    // A standalone desktop follows the calendars itself; a connected one through its server.
    calendarSubscriptions->setEnabled(s.page == Page::Apartments && s.hasSelection && s.ownsSelection);
    requestBooking->setEnabled(s.renter && s.page == Page::Apartments && s.hasSelection);
    confirmBooking->setEnabled(s.landlord && s.page == Page::Bookings && s.selectionIsRequest);
    confirmationPdf->setEnabled(s.page == Page::Bookings && s.selectionIsConfirmed);
    printConfirmation->setEnabled(s.page == Page::Bookings && s.selectionIsConfirmed);
    declineBooking->setEnabled(s.landlord && s.page == Page::Bookings && s.selectionIsRequest);
    // A renter's own booking, or a landlord's own hold on their nights.
    cancelBooking->setEnabled(s.page == Page::Bookings && s.selectionIsCancellable);
    writeReview->setEnabled(s.signedIn && s.hasSelection && s.selectionIsReviewable);
    // A replica's mail is the server's to send: it has no queue of its own, and the view says so.
    mailQueue->setEnabled(s.queuesMail || s.connected);
    message->setEnabled(s.chatOnline && s.hasSelection && s.selectionHasPeer
                        && (s.page == Page::Apartments || s.page == Page::Bookings));
}

void MainActions::addTo(QMenuBar *menuBar, QToolBar *toolBar)
{
    QMenu *file = m_file = menuBar->addMenu(QString());
    file->setObjectName(u"fileMenu"_s);
    file->addAction(signIn);
    file->addAction(signOut);
    file->addSeparator();
    file->addAction(connectToServer);
    file->addAction(publish);
    file->addAction(switchAccount);
    file->addAction(syncNow);
    file->addSeparator();
    file->addAction(exportCsv);
    file->addSeparator();
    file->addAction(settings);
    file->addSeparator();
    file->addAction(quit);

    QMenu *listing = m_listing = menuBar->addMenu(QString());
    listing->setObjectName(u"listingMenu"_s);
    listing->addAction(newBuilding);
    listing->addAction(newApartment);
    listing->addSeparator();
    listing->addAction(edit);
    listing->addAction(remove);
    listing->addAction(addPhotos);
    listing->addSeparator();
    listing->addAction(exportCalendar);
    listing->addAction(importCalendar);
    listing->addAction(calendarAddress);
    listing->addAction(calendarSubscriptions);

    QMenu *bookings = m_bookings = menuBar->addMenu(QString());
    bookings->setObjectName(u"bookingsMenu"_s);
    bookings->addAction(requestBooking);
    bookings->addAction(confirmBooking);
    bookings->addAction(declineBooking);
    bookings->addAction(cancelBooking);
    bookings->addSeparator();
    bookings->addAction(confirmationPdf);
    bookings->addAction(printConfirmation);
    bookings->addSeparator();
    bookings->addAction(message);

    QMenu *reviews = m_reviews = menuBar->addMenu(QString());
    reviews->setObjectName(u"reviewsMenu"_s);
    reviews->addAction(writeReview);

    QMenu *view = m_view = menuBar->addMenu(QString());
    view->setObjectName(u"viewMenu"_s);
    view->addActions({ showApartments, showBuildings, showBookings, showReviews, showDashboard, showCalendar });
    view->addSeparator();
    view->addAction(refresh);
    view->addSeparator();
    view->addAction(mailQueue);
    view->addAction(syncProblems);
    view->addAction(showChat);

    QMenu *help = m_help = menuBar->addMenu(QString());
    help->setObjectName(u"helpMenu"_s);
    help->addAction(about);

    for (QAction *action : { newBuilding, newApartment, edit, remove })
        toolBar->addAction(action);
    toolBar->addSeparator();
    for (QAction *action : { requestBooking, confirmBooking, declineBooking, cancelBooking, writeReview })
        toolBar->addAction(action);
    retranslate();
}

void MainActions::fillContextMenu(QMenu *menu, State::Page page) const
{
    using Page = State::Page;
    switch (page) {
    case Page::Buildings:
        menu->addActions({ edit, remove, newApartment });
        break;
    case Page::Apartments:
        menu->addActions({ requestBooking, writeReview, message, edit, remove, addPhotos, exportCalendar,
                           importCalendar, calendarAddress, calendarSubscriptions });
        break;
    case Page::Bookings:
        menu->addActions({ confirmBooking, declineBooking, cancelBooking, writeReview, message, confirmationPdf,
                           printConfirmation });
        break;
    case Page::Reviews:
        menu->addActions({ edit, remove });
        break;
    case Page::Dashboard:
    case Page::Calendar: // its bars have a menu of their own
        break;
    }
}

} // namespace rentdesk::views
