// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QObject>

class QAction;
class QMenu;
class QMenuBar;
class QToolBar;
class QWidget;

namespace rentdesk::views {

// Every command of the main window as a QAction with its text, tooltip and shortcut, in
// the menus and the toolbar, and the rule that enables each: by the signed-in user's role,
// by what is selected and by who owns it. A renter never sees an enabled "New building".
class MainActions final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MainActions)

public:
    explicit MainActions(QWidget *window);
    ~MainActions() override;

    // What the enabling rules look at.
    struct State
    {
        bool signedIn = false;
        bool landlord = false;
        bool renter = false;
        // The page showing and its selected row.
        enum class Page { Buildings, Apartments, Bookings, Reviews, Dashboard, Calendar } page = Page::Apartments;
        bool hasSelection = false;
        bool ownsSelection = false; // the landlord owns the building/apartment, or wrote the review
        bool selectionIsRequest = false; // a booking in "requested"
        bool selectionIsCancellable = false; // a requested or confirmed booking not yet over, the renter's own
        bool selectionIsReviewable = false; // something the user may review
        bool selectionIsConfirmed = false; // a confirmed or completed stay, which has a confirmation
        bool queuesMail = false; // this database is the authority and sends its own mail
        bool chatOnline = false; // connected to a chat server
        bool selectionHasPeer = false; // an apartment of someone else, or a booking one is part of
        bool connected = false; // the window works on a connected replica
        bool canConnect = false; // there is a connection to sign in on a server with
    };
    void update(const State &state);

    void addTo(QMenuBar *menuBar, QToolBar *toolBar);
    // The texts and tips of the actions and the menus' titles (from the
    // constructor, addTo() and the window's changeEvent(LanguageChange)).
    void retranslate();
    // The actions that apply to the selected row of the page, for its context menu.
    void fillContextMenu(QMenu *menu, State::Page page) const;

    QAction *signIn = nullptr;
    QAction *signOut = nullptr;
    QAction *connectToServer = nullptr; // sign in on a server: its account's replica opens
    QAction *publish = nullptr; // a landlord's standalone listings and stays to a server account
    QAction *switchAccount = nullptr; // the replicas of this computer and the standalone database
    QAction *syncNow = nullptr;
    QAction *syncProblems = nullptr; // the changes the server refused
    QAction *exportCsv = nullptr; // what the page's filter shows, to a CSV file
    QAction *settings = nullptr;
    QAction *quit = nullptr;
    QAction *newBuilding = nullptr;
    QAction *newApartment = nullptr;
    QAction *edit = nullptr;
    QAction *remove = nullptr;
    QAction *requestBooking = nullptr;
    QAction *confirmBooking = nullptr;
    QAction *declineBooking = nullptr;
    QAction *cancelBooking = nullptr;
    QAction *writeReview = nullptr;
    QAction *confirmationPdf = nullptr; // the selected stay's confirmation, as a PDF file
    QAction *printConfirmation = nullptr;
    QAction *exportCalendar = nullptr; // the selected own apartment's stays and blocks as iCalendar
    QAction *addPhotos = nullptr; // to the selected own apartment's gallery
    QAction *importCalendar = nullptr; // another site's calendar blocks its dates
    QAction *calendarAddress = nullptr; // the server's secret address of its calendar, to copy or renew
    QAction *calendarSubscriptions = nullptr; // other sites' calendars it follows (the server's, when connected)
    QAction *refresh = nullptr;
    QAction *mailQueue = nullptr;
    QAction *message = nullptr; // write to the other person about the selected row
    QAction *showChat = nullptr; // the chat dock, checked while it shows
    // Go to a page: Ctrl+1 … Ctrl+6, in the order of the tabs.
    QAction *showApartments = nullptr;
    QAction *showBuildings = nullptr;
    QAction *showBookings = nullptr;
    QAction *showReviews = nullptr;
    QAction *showDashboard = nullptr; // a landlord's only
    QAction *showCalendar = nullptr; // the occupancy calendar
    QAction *about = nullptr;

private:
    QMenu *m_file = nullptr;
    QMenu *m_listing = nullptr;
    QMenu *m_bookings = nullptr;
    QMenu *m_reviews = nullptr;
    QMenu *m_view = nullptr;
    QMenu *m_help = nullptr;
};

} // namespace rentdesk::views
