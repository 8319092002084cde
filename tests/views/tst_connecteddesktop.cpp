// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/db/database.h"
#include "models/demo/demogenerator.h"
#include "models/domain/enums.h"
#include "models/domain/storedvalues.h"
#include "models/i18n/translator.h"
#include "models/itemmodels/itemroles.h"
#include "models/itemmodels/pagemodels.h"
#include "models/services/accountservice.h"
#include "models/services/bookingservice.h"
#include "models/services/clock.h"
#include "models/services/listingservice.h"
#include "models/services/photoservice.h"
#include "models/services/session.h"
#include "models/sync/replica.h"
#include "models/sync/replicadirectory.h"
#include "net/connection/serverconnection.h"
#include "net/sync/replicasession.h"
#include "net/sync/syncclient.h"
#include "tests/calendar/calendartesting.h"
#include "tests/calendar/httptestservers.h"
#include "tests/photos/phototesting.h"
#include "tests/server/serverprocess.h"
#include "tests/support/testsupport.h"
#include "tests/views/guitesting.h"
#include "views/accounts/logindialog.h"
#include "views/apartments/apartmentspage.h"
#include "views/apartments/calendarfeeddialog.h"
#include "views/apartments/calendarsubscriptionsdialog.h"
#include "views/bookings/bookingspage.h"
#include "views/common/messages.h"
#include "views/editors/bookingrequestdialog.h"
#include "views/mainwindow/mainactions.h"
#include "views/mainwindow/mainwindow.h"
#include "views/mainwindow/workspace.h"
#include "views/pages/tablepage.h"
#include "views/photos/photogallery.h"
#include "views/photos/photolistmodel.h"
#include "views/sync/firstsyncdialog.h"
#include "views/sync/publishdialog.h"
#include "views/sync/syncproblemsdialog.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QProgressBar>
#include <QPushButton>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTableView>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBrowser>
#include <QTreeWidget>

using namespace Qt::StringLiterals;
using namespace rentdesk;
using models::domain::BookingStatus;
using models::domain::Role;
using net::connection::ServerConnection;
using net::sync::SyncClient;
using test::ServerProcess;

namespace {

const QString Password = u"correct horse battery"_s;

// Apartment `number` of a building, as the landlords of these tests list it.
models::services::ListingService::ApartmentDraft flatIn(const QUuid &building, const QString &number)
{
    models::services::ListingService::ApartmentDraft draft;
    draft.buildingId = building;
    draft.number = number;
    draft.rooms = 2;
    draft.areaSqm = 48;
    draft.monthlyPrice = { 3000000, u"RUB"_s };
    return draft;
}

// The landlord who started on this computer's own database, before publishing it.
const models::services::AccountService::SignUp LocalLandlord {
    u"lena@home.example"_s, Password, u"Lena Landlord"_s, {}, Role::Landlord
};

QDate inDays(int days)
{
    return QDate::currentDate().addDays(days);
}

void selectRow(QTableView *table, int row)
{
    table->setFocus();
    QTest::mouseClick(table->viewport(), Qt::LeftButton, {}, table->visualRect(table->model()->index(row, 0)).center());
}

// One person at one computer, wired as the composition root (app/application.cpp) wires it:
// a window on this computer's own database until they sign in on a server, then a window on
// that account's replica, with the connection, sync and the services on the replica.
struct Person
{
    QTemporaryDir home;
    test::TempDatabase standalone;
    models::services::SystemClock clock;
    models::services::Session session;
    ServerConnection connection;
    std::unique_ptr<net::sync::ReplicaSession> replica;
    std::unique_ptr<views::Workspace> workspace;
    std::unique_ptr<views::MainWindow> window;
    net::protocol::UserJson account;
    // File ▸ Publish to a server…: what it sent, and its dialog on the replica.
    models::sync::Publication publication;
    views::PublishDialog *publishing = nullptr;
    QStringList publishButtonTexts; // what its button said as the bar moved, each once

    Person() { connection.setBackoff({ std::chrono::milliseconds(50), std::chrono::milliseconds(400) }); }
    ~Person()
    {
        window.reset();
        workspace.reset();
        replica.reset();
    }
    Q_DISABLE_COPY_MOVE(Person)

    // The services on this computer's own database (accounts with passwords, mail sent here).
    [[nodiscard]] models::services::ServiceContext local() const
    {
        return { standalone.shared(), clock, models::services::Mode::Standalone };
    }

    // A landlord signed up on this computer's own database, with River House and its flat 12.
    [[nodiscard]] std::optional<models::domain::User> localLandlordWithAFlat() const
    {
        const auto me = models::services::AccountService(local()).signUp(LocalLandlord);
        if (!me)
            return std::nullopt;
        const models::services::ListingService listings(local());
        const auto house = listings.createBuilding(me->id, { u"River House"_s, u"1 Quay"_s, u"Kazan"_s, 9, 1990 });
        if (!house || !listings.createApartment(me->id, flatIn(house->id, u"12"_s)))
            return std::nullopt;
        return *me;
    }

    [[nodiscard]] models::sync::ReplicaDirectory replicas() const
    {
        return models::sync::ReplicaDirectory(home.filePath(u"replicas"_s));
    }
    [[nodiscard]] models::sync::Replica &r() const { return replica->replica(); }
    [[nodiscard]] SyncClient &sync() const { return *replica->sync(); }

    // The window on this computer's own database, as the composition root opens it.
    void openStandalone()
    {
        workspace =
            std::make_unique<views::Workspace>(standalone.shared(), clock, models::services::Mode::Standalone, session);
        workspace->connection = &connection;
        window = std::make_unique<views::MainWindow>(*workspace);
        window->show();
    }

    // The sign-in dialog with "On a server" chosen (by Connect, or Publish): the server's
    // address, and either the Create an account tab filled in (name given) or Sign in; it closes
    // by itself once signed in.
    static void signInOnServer(views::LoginDialog *dialog, const QUrl &server, const QString &name,
                               const QString &email, Role role, const QString &password)
    {
        auto *where = dialog->findChild<QComboBox *>(u"whereCombo"_s);
        QVERIFY(where && where->currentData().toBool());
        test::typeOver(dialog->findChild<QLineEdit *>(u"serverUrlEdit"_s), server.toString());
        if (name.isEmpty()) {
            test::typeOver(dialog->findChild<QLineEdit *>(u"emailEdit"_s), email);
            test::typeOver(dialog->findChild<QLineEdit *>(u"passwordEdit"_s), password);
            QTest::mouseClick(dialog->findChild<QPushButton *>(u"signInButton"_s), Qt::LeftButton);
        } else {
            dialog->findChild<QTabWidget *>(u"loginTabs"_s)->setCurrentIndex(1);
            test::typeOver(dialog->findChild<QLineEdit *>(u"newNameEdit"_s), name);
            test::typeOver(dialog->findChild<QLineEdit *>(u"newEmailEdit"_s), email);
            test::typeOver(dialog->findChild<QLineEdit *>(u"newPasswordEdit"_s), password);
            test::typeOver(dialog->findChild<QLineEdit *>(u"repeatPasswordEdit"_s), password);
            auto *roleBox = dialog->findChild<QComboBox *>(u"roleCombo"_s);
            roleBox->setCurrentIndex(roleBox->findData(int(role)));
            QTest::mouseClick(dialog->findChild<QPushButton *>(u"createAccountButton"_s), Qt::LeftButton);
        }
        QTRY_VERIFY_WITH_TIMEOUT(!dialog->isVisible(), 30000);
        QCOMPARE(dialog->result(), int(QDialog::Accepted));
    }

    // File ▸ Connect to a server… in the window on this computer's database; the window's
    // serverAccountReady() then opens the replica.
    void signUpOnServer(const QUrl &server, const QString &name, const QString &email, Role role,
                        const QString &password = Password)
    {
        session.signOut(); // as the composition root, when another database opens
        openStandalone();
        QSignalSpy ready(window.get(), &views::MainWindow::serverAccountReady);
        test::driveModalDialog<views::LoginDialog>(
            [this] { window->actions().connectToServer->trigger(); },
            [&](views::LoginDialog *dialog) { signInOnServer(dialog, server, name, email, role, password); });
        RENTDESK_RETURN_IF_FAILED();
        QCOMPARE(ready.size(), 1);
        account = ready.at(0).at(0).value<net::protocol::UserJson>();
        QCOMPARE(account.email, email.toLower());
        QCOMPARE(connection.state(), ServerConnection::State::Online);
        openReplica();
    }

    // What the composition root does with serverAccountReady(): the account's replica, made
    // on the first sign-in, in a window of its own in place of this one. With a path, what
    // File ▸ Switch account does with the replica chosen.
    void openReplica(const QString &path = QString())
    {
        window.reset();
        workspace.reset();
        replica.reset();
        session.signOut();
        auto made = path.isEmpty()
            ? net::sync::ReplicaSession::forAccount(replicas(), connection.serverUrl().toString(), account, clock)
            : openedReplica(path);
        QVERIFY2(made, made ? "" : qPrintable(made.error().message));
        replica = std::move(*made);
        replica->start(connection);
        sync().setRowsPerApply(50); // several batches even for a small first sync
        workspace = std::make_unique<views::Workspace>(r().context(), session);
        workspace->connection = &connection;
        workspace->replica = replica.get();
        const auto profile = r().account();
        QVERIFY(profile);
        session.signIn(*profile);
        window = std::make_unique<views::MainWindow>(*workspace);
        window->show();
    }

    [[nodiscard]] models::services::Result<std::unique_ptr<net::sync::ReplicaSession>>
    openedReplica(const QString &path) const
    {
        auto database = models::db::Database::open(path);
        if (!database)
            return std::unexpected(models::services::DomainError(database.error()));
        return net::sync::ReplicaSession::open(std::move(*database), clock);
    }

    // The first sync's dialog, run to its end.
    void firstSync()
    {
        views::FirstSyncDialog *dialog = window->startFirstSync();
        QVERIFY(dialog);
        QTRY_VERIFY_WITH_TIMEOUT(!dialog->isVisible(), 30000);
        QCOMPARE(dialog->result(), int(QDialog::Accepted));
        QCOMPARE(dialog->percent(), 100);
        QVERIFY(replica->hasSynced());
        // Synced once: a window opened later shows no dialog.
        QVERIFY(!window->startFirstSync());
    }

    // File ▸ Publish to a server… in the window on this computer's database, signed in there as
    // `local`: the preview (checked by `preview`, then accepted), the sign-in dialog (filled in with
    // who `local` is, checked) to create a landlord's account `email` on the server, and what the
    // composition root then does: the account's replica, its first sync, and the publishing, run
    // to its end (`publishing`, left open).
    void publishTo(const QUrl &server, const models::domain::User &local, const QString &email,
                   const std::function<void(views::PublishDialog *)> &preview = {})
    {
        session.signIn(local);
        openStandalone();
        QVERIFY(window->actions().publish->isEnabled());
        QSignalSpy requested(window.get(), &views::MainWindow::publishRequested);
        // The sign-in on the server follows the preview: driven when it opens.
        bool signedIn = false;
        QTimer loginDriver;
        loginDriver.setInterval(20);
        QObject::connect(&loginDriver, &QTimer::timeout, [&] {
            auto *dialog = qobject_cast<views::LoginDialog *>(QApplication::activeModalWidget());
            if (!dialog || signedIn)
                return;
            signedIn = true;
            [&] {
                // The server the connection knows already (the settings', --server), else a start.
                const QUrl known = connection.serverUrl();
                QCOMPARE(dialog->findChild<QLineEdit *>(u"serverUrlEdit"_s)->text(),
                         known.isEmpty() ? u"wss://"_s : known.toString());
                QCOMPARE(dialog->findChild<QLineEdit *>(u"newNameEdit"_s)->text(), local.displayName);
                QCOMPARE(dialog->findChild<QLineEdit *>(u"newEmailEdit"_s)->text(), local.email);
                QCOMPARE(dialog->findChild<QComboBox *>(u"roleCombo"_s)->currentData().toInt(), int(Role::Landlord));
                signInOnServer(dialog, server, local.displayName, email, Role::Landlord, Password);
            }();
            // A failed check leaves no dialog open to wait for.
            if (QTest::currentTestFailed() && dialog->isVisible())
                dialog->reject();
        });
        loginDriver.start();
        test::driveModalDialog<views::PublishDialog>(
            [this] { window->actions().publish->trigger(); },
            [&](views::PublishDialog *dialog) {
                if (preview)
                    preview(dialog);
                RENTDESK_RETURN_IF_FAILED();
                QTest::mouseClick(dialog->findChild<QPushButton *>(u"publishButton"_s), Qt::LeftButton);
            });
        RENTDESK_RETURN_IF_FAILED();
        loginDriver.stop();
        QVERIFY(signedIn);
        QCOMPARE(requested.size(), 1);
        account = requested.at(0).at(0).value<net::protocol::UserJson>();
        publication = requested.at(0).at(1).value<models::sync::Publication>();
        openReplica();
        RENTDESK_RETURN_IF_FAILED();
        firstSync();
        RENTDESK_RETURN_IF_FAILED();
        publishing = window->publish(publication);
        QVERIFY(publishing);
        publishing->setChangesPerSlice(2); // several turns of the event loop even for a few
        auto *button = publishing->findChild<QPushButton *>(u"publishCloseButton"_s);
        QObject::connect(publishing->findChild<QProgressBar *>(u"publishProgress"_s), &QProgressBar::valueChanged,
                         publishing, [this, button] {
                             if (!publishButtonTexts.contains(button->text()))
                                 publishButtonTexts.append(button->text());
                         });
        QTRY_VERIFY_WITH_TIMEOUT(publishing->isFinished(), 20000);
    }

    // Signs up on the server and waits for the first sync.
    void join(const QUrl &server, const QString &name, const QString &email, Role role)
    {
        signUpOnServer(server, name, email, role);
        RENTDESK_RETURN_IF_FAILED();
        firstSync();
    }

    // Offline, Request booking… on the first apartment listed, for the nights given.
    void requestOffline(QDate firstNight, QDate departure)
    {
        connection.stop();
        QTRY_COMPARE(sync().state(), SyncClient::State::Offline);
        window->showPage(window->apartmentsPage());
        selectRow(table(u"apartments"_s), 0);
        test::driveModalDialog<views::BookingRequestDialog>([this] { window->actions().requestBooking->trigger(); },
                                                            [&](views::BookingRequestDialog *dialog) {
                                                                dialog->setStay(firstNight, departure);
                                                                test::clickSave(*dialog);
                                                            });
    }

    [[nodiscard]] bool waitSynced(int timeoutMs = 20000) const
    {
        return QTest::qWaitFor(
            [this] { return sync().state() == SyncClient::State::Synced && r().pendingCount().value_or(1) == 0; },
            timeoutMs);
    }

    [[nodiscard]] QTableView *table(const QString &page) const
    {
        return window->findChild<QTableView *>(page + u"Table"_s);
    }
    [[nodiscard]] QString syncText() const { return window->syncLabel()->text(); }
};

QVariant cell(QTableView *table, int row, int column, int role)
{
    return table->model()->index(row, column).data(role);
}

} // namespace

// The connected desktop end to end, against the real rentdesk-server on loopback: a landlord
// publishes the database they started on this computer, people sign up on the server from the
// window, their replicas fill with the first sync's dialog, a renter books offline, the landlord
// sees the request arrive by itself and confirms it, and a second renter's overlapping request
// comes back as a sync problem that is discarded.
class TestConnectedDesktop final : public QObject
{
    Q_OBJECT

    models::i18n::Translator m_translator;

private Q_SLOTS:
    // The English catalogue has the plural forms ("1 change", "2 changes").
    void initTestCase() { QVERIFY(m_translator.switchTo(models::domain::Language::English).rentdesk); }
    void init() { views::messages::setNextAnswer(std::nullopt); }

    void aBookingGoesBetweenTwoComputers()
    {
        ServerProcess server;
        QVERIFY2(server.start(), qPrintable(server.errorString()));

        // The landlord started on this computer's own database, and publishes it.
        Person landlord;
        const auto me = landlord.localLandlordWithAFlat();
        QVERIFY(me);
        landlord.publishTo(server.url(), *me, u"lena@example.org"_s);
        RENTDESK_RETURN_IF_FAILED();
        QCOMPARE(landlord.publishing->answered(), 2);
        QVERIFY(
            landlord.publishing->findChild<QLabel *>(u"publishText"_s)->text().startsWith(u"Published: 2 changes."_s));
        landlord.publishing->accept();
        QVERIFY(landlord.waitSynced());
        QTRY_COMPARE(landlord.syncText().left(6), u"Synced"_s);

        // A renter connects: the first sync brings the listing.
        Person renter;
        renter.join(server.url(), u"Roman Renter"_s, u"roman@example.org"_s, Role::Renter);
        RENTDESK_RETURN_IF_FAILED();
        QTableView *apartments = renter.table(u"apartments"_s);
        QTRY_COMPARE(apartments->model()->rowCount(), 1);

        // Offline, the renter asks for dates: the request shows at once, marked as waiting.
        renter.requestOffline(inDays(10), inDays(15));
        RENTDESK_RETURN_IF_FAILED();
        QTableView *renterBookings = renter.table(u"bookings"_s);
        QTRY_COMPARE(renterBookings->model()->rowCount(), 1);
        QVERIFY(cell(renterBookings, 0, 0, models::itemmodels::WaitingRole).toBool());
        QVERIFY(cell(renterBookings, 0, 0, Qt::ToolTipRole).toString().contains(u"Waiting to sync"_s));
        QTRY_COMPARE(renter.syncText(), u"Offline (1 change waiting)"_s);

        // Online again: it goes out, the mark goes, and the landlord's page shows it without a
        // click there (the server's poke, the pull, the page read again in place).
        QTableView *landlordBookings = landlord.table(u"bookings"_s);
        QCOMPARE(landlordBookings->model()->rowCount(), 0);
        renter.connection.connectToServer();
        QVERIFY(renter.waitSynced());
        QTRY_VERIFY(!cell(renterBookings, 0, 0, models::itemmodels::WaitingRole).toBool());
        QTRY_COMPARE_WITH_TIMEOUT(landlordBookings->model()->rowCount(), 1, 10000);
        using models::itemmodels::BookingColumns::Status;
        QCOMPARE(cell(landlordBookings, 0, Status, models::itemmodels::ValueRole).value<BookingStatus>(),
                 BookingStatus::Requested);

        // The landlord confirms; the renter's page shows Confirmed.
        landlord.window->showPage(landlord.window->bookingsPage());
        selectRow(landlordBookings, 0);
        views::messages::setNextAnswer(true);
        QVERIFY(landlord.window->actions().confirmBooking->isEnabled());
        landlord.window->actions().confirmBooking->trigger();
        QCOMPARE(cell(landlordBookings, 0, Status, models::itemmodels::ValueRole).value<BookingStatus>(),
                 BookingStatus::Confirmed);
        QTRY_COMPARE_WITH_TIMEOUT(cell(renterBookings, 0, Status, models::itemmodels::ValueRole).value<BookingStatus>(),
                                  BookingStatus::Confirmed, 10000);
        QVERIFY(landlord.waitSynced());

        // A second renter, offline, asks for overlapping nights: nothing here knows of the
        // first stay (it is not theirs to see), so the request is made, and the server refuses it.
        Person other;
        other.join(server.url(), u"Olga Other"_s, u"olga@example.org"_s, Role::Renter);
        RENTDESK_RETURN_IF_FAILED();
        QCOMPARE(other.table(u"bookings"_s)->model()->rowCount(), 0); // the first renter's is not here
        QVERIFY(other.replicas().pathFor(server.url().toString(), other.account.id)
                != renter.replicas().pathFor(server.url().toString(), renter.account.id));
        other.requestOffline(inDays(12), inDays(14));
        RENTDESK_RETURN_IF_FAILED();
        QTRY_COMPARE(other.table(u"bookings"_s)->model()->rowCount(), 1);
        QVERIFY(!other.window->problemsBadge()->isVisible());
        other.connection.connectToServer();
        // Refused: the badge says so, and the request is undone here.
        QTRY_VERIFY_WITH_TIMEOUT(other.window->problemsBadge()->isVisible(), 20000);
        QCOMPARE(other.window->problemsBadge()->text(), u"1 sync problem"_s);
        QTRY_COMPARE(other.table(u"bookings"_s)->model()->rowCount(), 0);

        // View ▸ Sync problems: the change and the overlap as the reason; it stays until
        // discarded.
        other.window->actions().syncProblems->trigger();
        views::SyncProblemsDialog *problems = other.window->syncProblems();
        QVERIFY(problems && problems->isVisible());
        QTreeWidget *list = problems->list();
        QCOMPARE(list->topLevelItemCount(), 1);
        QVERIFY2(list->topLevelItem(0)->text(1).contains(u"apartment 12, River House"_s),
                 qPrintable(list->topLevelItem(0)->text(1)));
        QVERIFY2(list->topLevelItem(0)->text(2).contains(u"already taken"_s),
                 qPrintable(list->topLevelItem(0)->text(2)));
        QVERIFY(other.waitSynced());
        QCOMPARE(list->topLevelItemCount(), 1); // nothing leaves by itself
        views::messages::setNextAnswer(true);
        QTest::mouseClick(problems->findChild<QPushButton *>(u"discardButton"_s), Qt::LeftButton);
        QCOMPARE(list->topLevelItemCount(), 0);
        QVERIFY(other.r().refused()->isEmpty());
        QTRY_VERIFY(!other.window->problemsBadge()->isVisible());

        // Again, and this time Edit and retry: the request's editor, its nights kept, moved to
        // free ones; saved, it replaces the refused one and the server takes it.
        other.requestOffline(inDays(12), inDays(14));
        RENTDESK_RETURN_IF_FAILED();
        other.connection.connectToServer();
        QTRY_VERIFY_WITH_TIMEOUT(other.window->problemsBadge()->isVisible(), 20000);
        QTRY_COMPARE(list->topLevelItemCount(), 1);
        test::driveModalDialog<views::BookingRequestDialog>(
            [&] { QTest::mouseClick(problems->findChild<QPushButton *>(u"editRetryButton"_s), Qt::LeftButton); },
            [](views::BookingRequestDialog *dialog) {
                QCOMPARE(dialog->firstNight(), inDays(12));
                QCOMPARE(dialog->departure(), inDays(14));
                dialog->setStay(inDays(20), inDays(22));
                test::clickSave(*dialog);
            });
        RENTDESK_RETURN_IF_FAILED();
        QCOMPARE(list->topLevelItemCount(), 0);
        QVERIFY(other.waitSynced());
        QVERIFY(other.r().refused()->isEmpty());
        QTRY_COMPARE(other.table(u"bookings"_s)->model()->rowCount(), 1);
        QCOMPARE(test::valueIn(
                     server.databasePath(),
                     u"SELECT count(*) FROM bookings WHERE start_date = '%1'"_s.arg(inDays(20).toString(Qt::ISODate))),
                 1);

        // The first renter's stay is as it was on every side.
        QCOMPARE(cell(renterBookings, 0, Status, models::itemmodels::ValueRole).value<BookingStatus>(),
                 BookingStatus::Confirmed);
        QCOMPARE(test::valueIn(server.databasePath(), u"SELECT count(*) FROM bookings WHERE status = 'confirmed'"_s),
                 1);
    }

    // The landlord's apartment details lead to its calendar address on the server: the dialog
    // asks for it, copies it, and renews it; a real HTTP client then gets the calendar at the new
    // address and nothing at the old one. A calendar file imported on the connected desktop
    // blocks its dates on the server. A renter has no address to ask for.
    void aLandlordCopiesAndRenewsTheCalendarAddress()
    {
        ServerProcess server({ u"--feed-listen"_s, u"127.0.0.1:0"_s });
        QVERIFY2(server.start(), qPrintable(server.errorString()));
        QVERIFY2(!server.feedUrl().isEmpty(), qPrintable(server.standardError()));

        Person landlord;
        const auto me = landlord.localLandlordWithAFlat();
        QVERIFY(me);
        // On this computer's own database there is no server to publish the calendar.
        landlord.session.signIn(*me);
        landlord.openStandalone();
        QTableView *local = landlord.table(u"apartments"_s);
        QTRY_COMPARE(local->model()->rowCount(), 1);
        selectRow(local, 0);
        QVERIFY(landlord.window->actions().exportCalendar->isEnabled());
        QVERIFY(!landlord.window->actions().calendarAddress->isEnabled());
        landlord.session.signOut();

        landlord.publishTo(server.url(), *me, u"lena@example.org"_s);
        RENTDESK_RETURN_IF_FAILED();
        landlord.publishing->accept();
        QVERIFY(landlord.waitSynced());
        QTableView *apartments = landlord.table(u"apartments"_s);
        QTRY_COMPARE(apartments->model()->rowCount(), 1);
        landlord.window->showPage(landlord.window->apartmentsPage());
        selectRow(apartments, 0);
        auto *details = landlord.window->findChild<QTextBrowser *>(u"apartmentsDetails"_s);
        QVERIFY(details);
        QVERIFY2(details->toHtml().contains(QString::fromLatin1(views::ApartmentsPage::CalendarAddressLink)),
                 qPrintable(details->toPlainText()));
        QVERIFY(landlord.window->actions().calendarAddress->isEnabled());
        // Photos are added here as on a standalone database; sync uploads them before it pushes.
        QVERIFY(landlord.window->actions().addPhotos->isEnabled());
        views::PhotoGallery *gallery = landlord.window->apartmentsPage()->gallery();
        QVERIFY(gallery->isEditable());
        QTemporaryDir pictures;
        // An image file of two colours, as a person would choose it.
        const auto picture = [&pictures](const QString &name, QColor top, QColor bottom) {
            QFile file(pictures.filePath(name));
            const bool written = file.open(QIODevice::WriteOnly)
                && file.write(test::encoded(test::twoColourImage(1200, 900, top, bottom), "png")) > 0;
            return written ? file.fileName() : QString();
        };
        views::messages::setNextFileNames({ picture(u"balcony.png"_s, Qt::darkGreen, Qt::white) });
        landlord.window->actions().addPhotos->trigger();
        QCOMPARE(gallery->model()->rowCount(), 1);
        QVERIFY(landlord.waitSynced());
        QCOMPARE(test::valueIn(server.databasePath(), u"SELECT count(*) FROM apartment_photos"_s), 1);
        QCOMPARE(test::valueIn(server.databasePath(), u"SELECT count(*) FROM photo_blobs"_s), 2);

        QUrl first, renewed;
        QString copied;
        test::driveModalDialog<views::CalendarFeedDialog>(
            // The link in the details opens it, as the menu's action does.
            [&] {
                Q_EMIT details->anchorClicked(QUrl(QString::fromLatin1(views::ApartmentsPage::CalendarAddressLink)));
            },
            [&](views::CalendarFeedDialog *dialog) {
                QTRY_VERIFY_WITH_TIMEOUT(!dialog->isAsking(), 10000);
                first = dialog->url();
                QVERIFY2(first.toString().startsWith(server.feedUrl().toString()),
                         qPrintable(dialog->findChild<QLabel *>(u"feedStatus"_s)->text()));
                QCOMPARE(dialog->findChild<QLineEdit *>(u"feedUrlEdit"_s)->text(), first.toString());
                QTest::mouseClick(dialog->findChild<QPushButton *>(u"copyFeedButton"_s), Qt::LeftButton);
                copied = QApplication::clipboard()->text();
                // Renewing asks first; said no to, the address stays.
                views::messages::setNextAnswer(false);
                QTest::mouseClick(dialog->findChild<QPushButton *>(u"renewFeedButton"_s), Qt::LeftButton);
                QCOMPARE(dialog->url(), first);
                views::messages::setNextAnswer(true);
                QTest::mouseClick(dialog->findChild<QPushButton *>(u"renewFeedButton"_s), Qt::LeftButton);
                QTRY_VERIFY_WITH_TIMEOUT(!dialog->isAsking(), 10000);
                renewed = dialog->url();
                dialog->reject();
            });
        RENTDESK_RETURN_IF_FAILED();
        QCOMPARE(copied, first.toString());
        QVERIFY(!renewed.isEmpty());
        QVERIFY(renewed != first);

        // What a booking site would fetch.
        QNetworkAccessManager http;
        const auto fetch = [&http](const QUrl &url) {
            std::unique_ptr<QNetworkReply> reply(http.get(QNetworkRequest(url)));
            QSignalSpy finished(reply.get(), &QNetworkReply::finished);
            const bool done = finished.wait(10000);
            return std::pair { done ? reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt() : -1,
                               reply->readAll() };
        };
        const auto [oldStatus, oldBody] = fetch(first);
        QCOMPARE(oldStatus, 404);
        QVERIFY(!oldBody.contains("VCALENDAR"));
        const auto [newStatus, newBody] = fetch(renewed);
        QCOMPARE(newStatus, 200);
        QVERIFY2(newBody.startsWith("BEGIN:VCALENDAR"), newBody.left(200).constData());

        // The other way: another site's calendar file imported here goes to the server as one
        // change, which blocks its dates there, and the feed then shows the block.
        QVERIFY(landlord.window->actions().importCalendar->isEnabled());
        QTemporaryDir files;
        const QString ics = files.filePath(u"site.ics"_s);
        {
            QFile file(ics);
            QVERIFY(file.open(QIODevice::WriteOnly));
            const QDate today = QDate::currentDate();
            file.write(test::icsFile({ test::icsEvent(u"e1@site"_s, today.addDays(40), today.addDays(44)) }));
        }
        views::messages::setNextFileName(ics);
        landlord.window->actions().importCalendar->trigger();
        QVERIFY(landlord.waitSynced());
        QCOMPARE(test::valueIn(server.databasePath(),
                               u"SELECT count(*) FROM bookings WHERE status = 'blocked' "
                               "AND block_source = 'site.ics' AND block_uid = 'e1@site'"_s),
                 1);
        const auto [blockedStatus, blockedBody] = fetch(renewed);
        QCOMPARE(blockedStatus, 200);
        QCOMPARE(blockedBody.count("BEGIN:VEVENT"), newBody.count("BEGIN:VEVENT") + 1);

        // A renter: nothing of theirs to publish.
        Person renter;
        renter.join(server.url(), u"Roman Renter"_s, u"roman@example.org"_s, Role::Renter);
        RENTDESK_RETURN_IF_FAILED();
        QTableView *seen = renter.table(u"apartments"_s);
        QTRY_COMPARE(seen->model()->rowCount(), 1);
        selectRow(seen, 0);
        QVERIFY(!renter.window->actions().calendarAddress->isEnabled());
        // The landlord's photo, shown once its thumbnail arrived (photosArrived reloads the gallery).
        views::PhotoGallery *seenPhotos = renter.window->apartmentsPage()->gallery();
        QVERIFY(!seenPhotos->isEditable());
        QVERIFY(!renter.window->actions().addPhotos->isEnabled());
        QCOMPARE(seenPhotos->model()->rowCount(), 1);
        QTRY_VERIFY_WITH_TIMEOUT(seenPhotos->model()->index(0).data(views::PhotoListModel::ArrivedRole).toBool(),
                                 20000);
        // One more while the renter looks: its row comes with the pull, its bytes after it.
        views::messages::setNextFileNames({ picture(u"kitchen.png"_s, Qt::darkBlue, Qt::yellow) });
        landlord.window->actions().addPhotos->trigger();
        QVERIFY(landlord.waitSynced());
        QTRY_COMPARE_WITH_TIMEOUT(seenPhotos->model()->rowCount(), 2, 20000);
        QTRY_VERIFY_WITH_TIMEOUT(seenPhotos->model()->index(1).data(views::PhotoListModel::ArrivedRole).toBool(),
                                 20000);
        QVERIFY(!renter.window->findChild<QTextBrowser *>(u"apartmentsDetails"_s)
                     ->toHtml()
                     .contains(QString::fromLatin1(views::ApartmentsPage::CalendarAddressLink)));
    }

    // On a connected desktop the subscriptions dialog works through the server: the landlord adds
    // another site's calendar, the server reads it and its blocks come back through sync; removed,
    // they go. Offline the dialog says the list needs the server and changes nothing.
    void aConnectedLandlordFollowsACalendarThroughTheServer()
    {
        test::FolderHttpServer site;
        QVERIFY(site.isRunning());
        const QDate today = QDate::currentDate();
        QVERIFY(site.write(u"site.ics"_s,
                           test::icsFile({ test::icsEvent(u"e1@site"_s, today.addDays(40), today.addDays(44)) }), 120));
        const QString url = site.url(u"site.ics"_s).toString();
        ServerProcess server({ u"--calendar-fetch-private"_s });
        QVERIFY2(server.start(), qPrintable(server.errorString()));

        Person landlord;
        const auto me = landlord.localLandlordWithAFlat();
        QVERIFY(me);
        landlord.publishTo(server.url(), *me, u"lena@example.org"_s);
        RENTDESK_RETURN_IF_FAILED();
        landlord.publishing->accept();
        QVERIFY(landlord.waitSynced());
        QTableView *apartments = landlord.table(u"apartments"_s);
        QTRY_COMPARE(apartments->model()->rowCount(), 1);
        landlord.window->showPage(landlord.window->apartmentsPage());
        selectRow(apartments, 0);
        QVERIFY(landlord.window->actions().calendarSubscriptions->isEnabled());
        const QString replica = landlord.replica->database()->path();
        const QString blocks =
            u"SELECT count(*) FROM bookings WHERE status = 'blocked' AND block_source = '%1'"_s.arg(url);

        test::driveModalDialog<views::CalendarSubscriptionsDialog>(
            [&] { landlord.window->actions().calendarSubscriptions->trigger(); },
            [&](views::CalendarSubscriptionsDialog *dialog) {
                auto *list = dialog->findChild<QTreeWidget *>(u"subscriptionList"_s);
                auto *edit = dialog->findChild<QLineEdit *>(u"subscriptionUrlEdit"_s);
                auto *add = dialog->findChild<QPushButton *>(u"addSubscriptionButton"_s);
                auto *remove = dialog->findChild<QPushButton *>(u"removeSubscriptionButton"_s);
                auto *status = dialog->findChild<QLabel *>(u"subscriptionStatus"_s);
                QVERIFY(list && edit && add && remove && status);
                QTRY_VERIFY(!dialog->isBusy());
                QCOMPARE(list->topLevelItemCount(), 0);
                QCOMPARE(status->text(), u"This apartment follows no calendar yet."_s);

                // The server's refusal under the field.
                test::typeOver(edit, u"ftp://site.example/c.ics"_s);
                QTest::mouseClick(add, Qt::LeftButton);
                QTRY_VERIFY(!dialog->isBusy());
                QVERIFY(test::showsError(*dialog, u"subscriptionUrlError"_s,
                                         u"Only https:// and http:// addresses can be followed (webcal:// is "
                                         "https:// on most sites)."_s));

                // Added on the server, read there, its outcome shown when the server tells.
                test::typeOver(edit, url);
                QTest::keyClick(edit, Qt::Key_Return);
                QTRY_COMPARE(list->topLevelItemCount(), 1);
                QCOMPARE(list->topLevelItem(0)->toolTip(0), url);
                QTRY_COMPARE_WITH_TIMEOUT(list->topLevelItem(0)->text(2), u"Read: 1 event"_s, 20000);
                QTRY_COMPARE_WITH_TIMEOUT(test::valueIn(replica, blocks), 1, 20000);

                // Changed on the site: Refresh now asks the server, whose check shows here.
                QVERIFY(
                    site.write(u"site.ics"_s,
                               test::icsFile({ test::icsEvent(u"e1@site"_s, today.addDays(40), today.addDays(44)),
                                               test::icsEvent(u"e2@site"_s, today.addDays(50), today.addDays(52)) }),
                               0));
                auto *refresh = dialog->findChild<QPushButton *>(u"refreshSubscriptionsButton"_s);
                QVERIFY(refresh);
                QTRY_VERIFY(refresh->isEnabled());
                QTest::mouseClick(refresh, Qt::LeftButton);
                QTRY_COMPARE_WITH_TIMEOUT(list->topLevelItem(0)->text(2), u"Read: 2 events"_s, 20000);
                QTRY_COMPARE_WITH_TIMEOUT(test::valueIn(replica, blocks), 2, 20000);
                QTRY_COMPARE(status->text(), u"Calendars read again."_s);

                // Removed: its blocks go from the server and then from this replica.
                list->setCurrentItem(list->topLevelItem(0));
                QTRY_VERIFY(remove->isEnabled());
                views::messages::setNextAnswer(true);
                QTest::mouseClick(remove, Qt::LeftButton);
                views::messages::setNextAnswer(std::nullopt);
                QTRY_COMPARE(list->topLevelItemCount(), 0);
                QCOMPARE(test::valueIn(server.databasePath(), u"SELECT count(*) FROM calendar_subscriptions"_s), 0);
                QTRY_COMPARE_WITH_TIMEOUT(test::valueIn(replica, blocks), 0, 20000);

                // Offline: said, and nothing can be changed.
                server.kill();
                QTRY_VERIFY_WITH_TIMEOUT(status->text().contains(u"kept on the server"_s), 20000);
                QVERIFY(!add->isEnabled());
                QVERIFY(!remove->isEnabled());
                dialog->reject();
            });
        RENTDESK_RETURN_IF_FAILED();
    }

    void switchingAccountsKeepsEachReplicaApart()
    {
        ServerProcess server;
        QVERIFY2(server.start(), qPrintable(server.errorString()));
        Person landlord;
        landlord.join(server.url(), u"Lena Landlord"_s, u"lena@example.org"_s, Role::Landlord);
        RENTDESK_RETURN_IF_FAILED();
        const auto house = landlord.workspace->listings.createBuilding(
            landlord.account.id, { u"River House"_s, u"1 Quay"_s, u"Kazan"_s, 9, 1990 });
        QVERIFY(house);
        landlord.sync().changed();
        QVERIFY(landlord.waitSynced());

        // One computer: Roman signs up; then Olga signs in on it, and gets a replica of her own,
        // with nothing of Roman's in it.
        Person computer;
        computer.join(server.url(), u"Roman Renter"_s, u"roman@example.org"_s, Role::Renter);
        RENTDESK_RETURN_IF_FAILED();
        const QString romans = computer.r().context().database()->path();
        const QUuid roman = computer.account.id;
        QCOMPARE(computer.table(u"buildings"_s)->model()->rowCount(), 1);
        computer.join(server.url(), u"Olga Other"_s, u"olga@example.org"_s, Role::Renter);
        RENTDESK_RETURN_IF_FAILED();
        const QString olgas = computer.r().context().database()->path();
        QVERIFY(olgas != romans);
        QCOMPARE(computer.r().accountId(), computer.account.id);
        QCOMPARE(computer.session.userId(), computer.account.id);
        QCOMPARE(computer.table(u"buildings"_s)->model()->rowCount(), 1); // the landlord's, synced to her too

        // File ▸ Switch account lists both, by their own files, and this computer's database.
        const auto found = computer.replicas().list();
        QVERIFY(found);
        QCOMPARE(found->size(), 2);
        QStringList emails;
        for (const models::sync::ReplicaEntry &entry : *found)
            emails << entry.email;
        emails.sort();
        QCOMPARE(emails, (QStringList { u"olga@example.org"_s, u"roman@example.org"_s }));

        // Back to Roman: his replica, his session, as he left it.
        computer.openReplica(romans);
        RENTDESK_RETURN_IF_FAILED();
        QCOMPARE(computer.r().accountId(), roman);
        QCOMPARE(computer.session.userId(), roman);
        QVERIFY(computer.replica->hasSynced());
        QVERIFY(!computer.window->startFirstSync()); // synced before: no dialog
        QCOMPARE(computer.table(u"buildings"_s)->model()->rowCount(), 1);
        QCOMPARE(test::valueIn(olgas, u"SELECT count(*) FROM users WHERE email = 'roman@example.org'"_s), 0);
    }

    // File ▸ Publish to a server…: a landlord who started on this computer's database brings their
    // buildings, apartments and coming stays to a new server account. What the server has under
    // another owner is listed, not lost; the file stays as it was; publishing again sends nothing
    // twice; a renter then finds the listings, and the held nights are taken on the server.
    void aLandlordPublishesAStandaloneDatabase()
    {
        ServerProcess server;
        QVERIFY2(server.start(), qPrintable(server.errorString()));

        // Another landlord on the server already has a building with the id of one in the file (not
        // one the landlord's replica sees: it has no apartments to let).
        Person olga;
        olga.join(server.url(), u"Olga Owner"_s, u"olga.owner@example.org"_s, Role::Landlord);
        RENTDESK_RETURN_IF_FAILED();
        const QUuid millId = models::domain::newId();
        QVERIFY(olga.workspace->listings.createBuilding(
            olga.account.id, { u"Old Mill"_s, u"3 Weir"_s, u"Tver"_s, 3, std::nullopt }, millId));
        olga.sync().changed();
        QVERIFY(olga.waitSynced());

        // The landlord's database on this computer: two buildings (one with the Old Mill's id), two
        // apartments, a renter of this computer with a coming stay and a request.
        Person lena;
        const models::services::AccountService accounts(lena.local());
        const auto me = accounts.signUp(LocalLandlord);
        const auto guest = accounts.signUp({ u"guest@home.example"_s, Password, u"Gleb Guest"_s, {}, Role::Renter });
        QVERIFY(me && guest);
        const models::services::ListingService listings(lena.local());
        const auto house = listings.createBuilding(me->id, { u"River House"_s, u"1 Quay"_s, u"Kazan"_s, 9, 1990 });
        const auto copy = listings.createBuilding(me->id, { u"Mill Copy"_s, u"3 Weir"_s, u"Tver"_s, 3, 1901 }, millId);
        QVERIFY(house && copy);
        const auto flat12 = listings.createApartment(me->id, flatIn(house->id, u"12"_s));
        const auto flat14 = listings.createApartment(me->id, flatIn(house->id, u"14"_s));
        QVERIFY(flat12 && flat14);
        const models::services::BookingService bookings(lena.local());
        const auto stay = bookings.request(guest->id, flat12->id, inDays(20), inDays(27));
        QVERIFY(stay && bookings.confirm(me->id, stay->id));
        QVERIFY(bookings.request(guest->id, flat14->id, inDays(3), inDays(5)));
        const auto photo = models::services::PhotoService(lena.local())
                               .add(me->id, flat12->id, test::encoded(test::twoColourImage(900, 600), "png"));
        QVERIFY(photo);
        const QStringList fileBefore = test::dumpDatabase(lena.standalone.connection());

        lena.connection.setServerUrl(server.url()); // as the Settings' Server tab would have it
        lena.publishTo(server.url(), *me, u"lena@example.org"_s, [](views::PublishDialog *preview) {
            const QString summary = preview->findChild<QLabel *>(u"publishSummary"_s)->text();
            QVERIFY2(summary.contains(u"2 buildings, 2 apartments and 1 coming stay"_s), qPrintable(summary));
            const QString note = preview->findChild<QLabel *>(u"publishNote"_s)->text();
            QVERIFY2(note.contains(u"0 past stays, 1 request and 0 reviews"_s), qPrintable(note));
            auto *tree = preview->findChild<QTreeWidget *>(u"publishPreview"_s);
            QCOMPARE(tree->topLevelItem(0)->childCount(), 2);
            QCOMPARE(tree->topLevelItem(1)->childCount(), 2);
            QCOMPARE(tree->topLevelItem(2)->childCount(), 1);
            QVERIFY(tree->topLevelItem(2)->child(0)->text(0).startsWith(u"apartment 12, River House: from"_s));
            QCOMPARE(tree->topLevelItem(3)->text(0), u"Photos: 1"_s);
            QCOMPARE(tree->topLevelItem(3)->child(0)->text(0), u"apartment 12, River House: 1 photo"_s);
        });
        RENTDESK_RETURN_IF_FAILED();
        QCOMPARE(lena.publication.changes.size(), 6); // two buildings, two apartments, a photo, one hold
        views::PublishDialog *publishing = lena.publishing;
        QCOMPARE(publishing->findChild<QProgressBar *>(u"publishProgress"_s)->value(), 100);
        // While the changes were made here the button said it stops them; then it closed.
        QCOMPARE(lena.publishButtonTexts, QStringList({ u"Stop"_s, u"Close"_s }));
        // Done: no note on what closing leaves, and the button closes.
        QVERIFY(publishing->findChild<QLabel *>(u"publishStopNote"_s)->isHidden());
        QCOMPARE(publishing->findChild<QPushButton *>(u"publishCloseButton"_s)->text(), u"Close"_s);
        QCOMPARE(publishing->sent(), 6);
        QCOMPARE(publishing->answered(), 6);
        const QString outcome = publishing->findChild<QLabel *>(u"publishText"_s)->text();
        QVERIFY2(outcome.startsWith(u"Published: 5 changes. Not published: 1"_s), qPrintable(outcome));
        auto *refusals = publishing->findChild<QTreeWidget *>(u"publishRefusals"_s);
        QCOMPARE(refusals->topLevelItemCount(), 1);
        QVERIFY2(refusals->topLevelItem(0)->text(0).contains(u"Mill Copy"_s),
                 qPrintable(refusals->topLevelItem(0)->text(0)));
        QVERIFY2(refusals->topLevelItem(0)->text(1).contains(u"does not accept one of the values"_s),
                 qPrintable(refusals->topLevelItem(0)->text(1)));
        // The server's refusal stays in Sync problems too.
        QCOMPARE(lena.r().refusedCount().value_or(0), 1);
        publishing->reject();

        // On the server and in the landlord's replica: the apartments, the photo with its bytes, and
        // the hold as a confirmed stay.
        QVERIFY(lena.waitSynced());
        QCOMPARE(test::valueIn(server.databasePath(),
                               u"SELECT count(*) FROM apartment_photos WHERE id = '%1'"_s.arg(
                                   models::domain::toStoredId(photo->id))),
                 1);
        QCOMPARE(test::valueIn(server.databasePath(),
                               u"SELECT count(*) FROM photo_blobs WHERE sha256 IN ('%1', '%2')"_s.arg(
                                   photo->imageSha256, photo->thumbnailSha256)),
                 2);
        QTRY_COMPARE(lena.table(u"apartments"_s)->model()->rowCount(), 2);
        QTableView *held = lena.table(u"bookings"_s);
        QTRY_COMPARE(held->model()->rowCount(), 1);
        using models::itemmodels::BookingColumns::Status;
        QCOMPARE(cell(held, 0, Status, models::itemmodels::ValueRole).value<BookingStatus>(), BookingStatus::Confirmed);
        // The hold is the landlord's own: they may cancel it; there is nobody in it to review.
        lena.window->showPage(lena.window->bookingsPage());
        selectRow(held, 0);
        QVERIFY(lena.window->actions().cancelBooking->isEnabled());
        QVERIFY(!lena.window->actions().writeReview->isEnabled());
        QVERIFY(!lena.window->actions().confirmBooking->isEnabled());
        // The file on this computer is as it was.
        QCOMPARE(test::dumpDatabase(lena.standalone.connection()), fileBefore);
        // Publishing again sends nothing twice, nor what the server refused (it waits in Sync problems).
        const auto again = models::sync::publish(lena.r(), lena.publication);
        QVERIFY(again);
        QCOMPARE(again->alreadyThere, 5);
        QVERIFY(again->queued.isEmpty());
        QCOMPARE(again->refused.size(), 1);

        // A renter finds the listings; the held nights are taken on the server, which the renter's
        // replica cannot know (the hold is not theirs to see).
        Person renter;
        renter.join(server.url(), u"Roman Renter"_s, u"roman@example.org"_s, Role::Renter);
        RENTDESK_RETURN_IF_FAILED();
        QTRY_COMPARE(renter.table(u"apartments"_s)->model()->rowCount(), 2);
        QVERIFY(renter.workspace->bookings.request(renter.account.id, flat12->id, inDays(22), inDays(24)));
        renter.sync().changed();
        QTRY_COMPARE_WITH_TIMEOUT(renter.r().refusedCount().value_or(0), 1, 20000);
        QCOMPARE(renter.r().refused()->first().error.code, models::services::DomainError::Code::DatesTaken);
    }

    void aFirstSyncStoppedAt40PercentResumes()
    {
        // The demo's 150 apartments, in pages of 16 KiB (a quarter of --max-queued-bytes), on one
        // port for the server's whole life, so that the desktop finds it again after the restart.
        QTcpServer probe;
        QVERIFY(probe.listen(QHostAddress::LocalHost, 0));
        const quint16 port = probe.serverPort();
        probe.close();
        ServerProcess server({ u"--listen"_s, u"127.0.0.1:%1"_s.arg(port), u"--max-queued-bytes"_s, u"65536"_s });
        {
            auto opened = models::db::Database::open(server.databasePath());
            QVERIFY(opened);
            QVERIFY(models::demo::generateDemoData(**opened, { 7, 150, QDate::currentDate() }));
        }
        QVERIFY2(server.start(), qPrintable(server.errorString()));

        Person renter;
        renter.signUpOnServer(server.url(), QString(), models::demo::demoRenter().email, Role::Renter,
                              models::demo::demoPassword());
        RENTDESK_RETURN_IF_FAILED();
        views::FirstSyncDialog *dialog = renter.window->startFirstSync();
        QVERIFY(dialog);
        // Busy until the server's first count; a share of 100 from then on.
        auto *bar = dialog->findChild<QProgressBar *>(u"firstSyncProgress"_s);
        QCOMPARE(bar->maximum(), 0);
        // The server goes away as soon as the dialog says 40 %.
        bool stopped = false;
        int percentAtStop = 0;
        bool counted = true;
        connect(dialog, &views::FirstSyncDialog::percentChanged, this, [&](int percent) {
            counted = counted && bar->maximum() == 100 && bar->value() == percent;
            if (!stopped && percent >= 40) {
                stopped = true;
                percentAtStop = percent;
                server.kill();
            }
        });
        QTRY_VERIFY_WITH_TIMEOUT(stopped && renter.sync().state() == SyncClient::State::Offline, 30000);
        QVERIFY2(percentAtStop >= 40 && percentAtStop < 100, qPrintable(QString::number(percentAtStop)));
        QVERIFY(counted);
        // What arrived is kept; the dialog waits, saying so.
        QVERIFY(dialog->isVisible());
        const auto text = dialog->findChild<QLabel *>(u"firstSyncText"_s)->text();
        QVERIFY2(text.startsWith(u"Waiting for 127.0.0.1"_s), qPrintable(text));
        const qint64 kept = renter.r().rowCount().value_or(0);
        QVERIFY(kept > 0);
        QVERIFY(!renter.replica->hasSynced());

        // Back: the sync goes on from its cursor, to 100 %.
        QSignalSpy progress(&renter.sync(), &SyncClient::progress);
        QVERIFY2(server.start(), qPrintable(server.errorString()));
        QTRY_VERIFY_WITH_TIMEOUT(!dialog->isVisible(), 60000);
        QCOMPARE(dialog->result(), int(QDialog::Accepted));
        QCOMPARE(dialog->percent(), 100);
        const qint64 total = renter.r().rowCount().value_or(0);
        QVERIFY(!progress.isEmpty());
        const qint64 afterRestart = progress.last().at(0).toLongLong();
        QCOMPARE(kept + afterRestart, total);
        QCOMPARE(dialog->rows(), total);
        // The same rows as the server's own count of what a renter sees: every apartment.
        QCOMPARE(test::valueIn(renter.r().context().database()->path(), u"SELECT count(*) FROM apartments"_s),
                 test::valueIn(server.databasePath(), u"SELECT count(*) FROM apartments"_s));
        QVERIFY(renter.replica->hasSynced());
    }
};

QTEST_MAIN(TestConnectedDesktop)
#include "tst_connecteddesktop.moc"
