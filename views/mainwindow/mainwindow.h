// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/sync/publication.h"
#include "views/mainwindow/mainactions.h"

#include <QMainWindow>

class QLabel;
class QTabWidget;
class QTimer;

namespace rentdesk::models::sync {
struct QueuedMutation;
}
namespace rentdesk::net::protocol {
struct UserJson;
}

namespace rentdesk::views {

class ApartmentsPage;
class BookingsPage;
class BuildingsPage;
class ChatPanel;
class FirstSyncDialog;
class Commands;
class PhotoCommands;
class MailQueueDialog;
class PublishDialog;
class ReviewsPage;
class CalendarPage;
class DashboardPage;
class SyncProblemsDialog;
class TablePage;
struct Workspace;

// The window a landlord or a renter works in: a page per entity in tabs (the chat panel
// and a dashboard plug in as docks and a further tab later), the actions in menus, the
// toolbar and context menus, and a status bar with who is signed in and what waits to be
// synced or mailed. It calls services and shows item models; it runs no SQL.
class MainWindow final : public QMainWindow
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MainWindow)

public:
    explicit MainWindow(Workspace &workspace, QWidget *parent = nullptr);
    ~MainWindow() override;

    [[nodiscard]] MainActions &actions() const { return *m_actions; }
    [[nodiscard]] ApartmentsPage *apartmentsPage() const { return m_apartments; }
    [[nodiscard]] BuildingsPage *buildingsPage() const { return m_buildings; }
    [[nodiscard]] BookingsPage *bookingsPage() const { return m_bookings; }
    [[nodiscard]] ReviewsPage *reviewsPage() const { return m_reviews; }
    [[nodiscard]] DashboardPage *dashboardPage() const { return m_dashboard; }
    [[nodiscard]] CalendarPage *calendarPage() const { return m_calendar; }
    // Shows the page (tests and the dashboard later); with Focus::Table the keyboard goes to its
    // table, as the View menu's shortcuts do.
    enum class Focus { Keep, Table };
    void showPage(TablePage *page, Focus focus = Focus::Keep);

    // Opens the sign-in dialog (also at start when nobody is signed in).
    void showSignIn();
    // Opens the Mail queue (the action, or a click on the status bar's mail count).
    void showMailQueue();
    // The chat dock, or null when there is no chat client.
    [[nodiscard]] ChatPanel *chatPanel() const { return m_chat; }

    // On a connected replica whose first sync has not reached its end: opens the progress
    // dialog (window-modal) and returns it; it closes itself at the end, and Cancel emits
    // firstSyncCancelled(). Null when there is nothing to wait for.
    FirstSyncDialog *startFirstSync();
    // File ▸ Publish to a server… on a standalone database: the preview, then the sign-in on the
    // server; a landlord's account there emits publishRequested().
    void publishToServer();
    // On the replica of the account publishRequested() named: publishes once the first sync is
    // done (window-modal, after the first sync's dialog) and returns the dialog. Null when this
    // window is not on a replica.
    PublishDialog *publish(const models::sync::Publication &publication);
    // View ▸ Sync problems (or a click on the status bar's badge).
    void showSyncProblems();
    [[nodiscard]] SyncProblemsDialog *syncProblems() const { return m_syncProblems; }
    // What the status bar says of sync, and of the refused changes (hidden when none).
    [[nodiscard]] QLabel *syncLabel() const { return m_syncLabel; }
    [[nodiscard]] QLabel *problemsBadge() const { return m_problemsBadge; }
    // Reads the open pages again in place, keeping each selection and scroll position (after
    // a pull brought the server's changes).
    void refreshInPlace();
    // The window's geometry, page, columns and filters, for the next run (also when another
    // account's window takes this one's place).
    void saveWindowState() const;

Q_SIGNALS:
    // The user asked for the settings dialog (the composition root owns the settings).
    void settingsRequested();
    // Signed in on a server (the sign-in dialog, File ▸ Connect): the composition root opens
    // that account's replica in place of this database.
    void serverAccountReady(const rentdesk::net::protocol::UserJson &user);
    // Signed in on a server to publish this database there (File ▸ Publish to a server…): the
    // composition root opens that account's replica, as for serverAccountReady(), and calls
    // publish() on its window.
    void publishRequested(const rentdesk::net::protocol::UserJson &user,
                          const rentdesk::models::sync::Publication &publication);
    // File ▸ Switch account: the composition root lists what there is to open.
    void switchAccountRequested();
    // Cancel in the first sync's dialog: the composition root goes back to what was open.
    void firstSyncCancelled();

protected:
    void closeEvent(QCloseEvent *event) override;
    void changeEvent(QEvent *event) override;
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void addPage(TablePage *page, MainActions::State::Page kind);
    // The window's own texts: title, tabs, menus and actions, the status bar's tips.
    void retranslate();
    void connectActions();
    [[nodiscard]] MainActions::State selectionState() const;
    void onSessionChanged();
    void updateActions();
    void updateStatus();
    void updateMailStatus(qint64 queued, qint64 failed);
    void refreshAll();
    void showAbout();
    void setUpChat();
    void updateChatStatus();
    void setUpSync();
    void updateSyncStatus();
    // The details behind the sync label: state, server, last sync, waiting changes, problem.
    void showSyncDetails();
    void editRefused(const models::sync::QueuedMutation &refused);
    // After a change here: the pages, and a push soon on a replica.
    void afterChange();
    // Image files for the apartment's gallery, chosen in a dialog.
    void addPhotos(const QUuid &apartment);
    // Message…: the other person of the selected apartment or booking, in the chat dock.
    void messageAboutSelection();
    [[nodiscard]] TablePage *currentPage() const;
    [[nodiscard]] MainActions::State::Page currentKind() const;
    void restoreWindowState();

    Workspace &m_workspace;
    MainActions *m_actions = nullptr;
    QTabWidget *m_tabs = nullptr;
    ApartmentsPage *m_apartments = nullptr;
    BuildingsPage *m_buildings = nullptr;
    BookingsPage *m_bookings = nullptr;
    ReviewsPage *m_reviews = nullptr;
    // Not a table: the last tab, shown to landlords only.
    DashboardPage *m_dashboard = nullptr;
    CalendarPage *m_calendar = nullptr;
    Commands *m_commands = nullptr;
    PhotoCommands *m_photoCommands = nullptr;
    QList<TablePage *> m_pages;
    QList<MainActions::State::Page> m_kinds;
    QLabel *m_userLabel = nullptr;
    QLabel *m_pendingLabel = nullptr;
    QLabel *m_mailLabel = nullptr;
    MailQueueDialog *m_mailQueue = nullptr;
    ChatPanel *m_chat = nullptr;
    QLabel *m_chatLabel = nullptr;
    QLabel *m_syncLabel = nullptr;
    QLabel *m_problemsBadge = nullptr;
    SyncProblemsDialog *m_syncProblems = nullptr;
    FirstSyncDialog *m_firstSync = nullptr;
    QTimer *m_pullRefresh = nullptr; // the pages read again during a long pull
};

} // namespace rentdesk::views
