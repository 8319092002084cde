// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/db/query.h"
#include "models/demo/demogenerator.h"
#include "models/domain/storedvalues.h"
#include "models/i18n/translator.h"
#include "models/ical/icalendar.h"
#include "models/itemmodels/mailqueuemodel.h"
#include "models/itemmodels/pagemodels.h"
#include "models/services/accountservice.h"
#include "models/services/passwordstrength.h"
#include "net/mail/outboxsender.h"
#include "tests/support/childprocess.h"
#include "tests/support/testsupport.h"
#include "tests/views/guitesting.h"
#include "views/accounts/logindialog.h"
#include "views/apartments/apartmentfilterbar.h"
#include "views/apartments/apartmentspage.h"
#include "views/bookings/bookingspage.h"
#include "views/common/messages.h"
#include "views/dashboard/dashboardpage.h"
#include "views/mail/mailqueuedialog.h"
#include "views/mainwindow/mainwindow.h"
#include "views/mainwindow/workspace.h"
#include "views/reviews/reviewspage.h"
#include "views/widgets/taskprogress.h"

#include <QAction>
#include <QApplication>
#include <QBarSeries>
#include <QBarSet>
#include <QChart>
#include <QChartView>
#include <QComboBox>
#include <QDir>
#include <QFileInfo>
#include <QLabel>
#include <QLineEdit>
#include <QMenuBar>
#include <QProcessEnvironment>
#include <QPushButton>
#include <QRegularExpression>
#include <QSettings>
#include <QStatusBar>
#include <QTabBar>
#include <QTabWidget>
#include <QTableView>
#include <QTableWidget>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBrowser>
#include <QTimer>
#include <QUrl>

#include <functional>

using namespace Qt::StringLiterals;
using namespace rentdesk;
using views::LoginDialog;
using views::MainWindow;

// The main window driven as a person would: sign in through the dialog (the demo buttons
// or the form), find apartments with the filter bar, and see only the actions the role
// allows; in Russian it speaks Russian.
class TestMainWindow : public QObject
{
    Q_OBJECT

    test::TempDatabase m_db;
    models::i18n::Translator m_translator;
    models::services::ManualClock m_clock { QDateTime(QDate(2026, 6, 1), QTime(10, 0), Qt::UTC) };

    // Opens the sign-in dialog from the menu and lets interact() drive it; returns once the
    // dialog closed. A failed check in interact() closes the dialog, and the caller stops with
    // RENTDESK_RETURN_IF_FAILED().
    static void withSignInDialog(MainWindow &window, const std::function<void(LoginDialog *)> &interact)
    {
        test::driveModalDialog<LoginDialog>([&window] { window.actions().signIn->trigger(); }, interact);
    }

    static QString countText(MainWindow &window) { return window.findChild<QLabel *>(u"apartmentsCount"_s)->text(); }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(m_db.isValid(), qPrintable(m_db.errorMessage()));
        models::demo::DemoOptions options;
        options.apartments = 300;
        options.today = m_clock.today();
        QVERIFY(models::demo::generateDemoData(m_db.connection(), options));
        QSettings().clear();
        QVERIFY(m_translator.switchTo(models::domain::Language::English).rentdesk);
    }

    // Before anyone signs in, and after signing out, the Bookings page shows nothing and asks
    // nothing: its query, which needs a viewer, would only be refused (and logged).
    void nothingPrivateIsAskedWhileNobodyIsSignedIn()
    {
        QTest::failOnWarning(QRegularExpression(u"table model"_s));
        models::services::Session session;
        views::Workspace workspace(m_db.shared(), m_clock, models::services::Mode::Standalone, session);
        MainWindow window(workspace);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        auto *bookings = window.findChild<QTableView *>(u"bookingsTable"_s);
        QVERIFY(bookings);
        window.actions().refresh->trigger();
        window.actions().showBookings->trigger();
        QCOMPARE(bookings->model()->rowCount(), 0);
        // Sorting asks the model again.
        bookings->sortByColumn(1, Qt::DescendingOrder);
        QCOMPARE(bookings->model()->rowCount(), 0);
        QVERIFY(!window.findChild<QWidget *>(u"bookingsFailureBar"_s)->isVisible());

        // Signed in, the renter's bookings are there; signed out, they are gone again.
        const auto renter = workspace.accounts.logIn(models::demo::demoRenter().email, models::demo::demoPassword());
        QVERIFY(renter);
        session.signIn(*renter);
        QVERIFY(bookings->model()->rowCount() > 0);
        session.signOut();
        QCOMPARE(bookings->model()->rowCount(), 0);
        QVERIFY(!window.findChild<QWidget *>(u"bookingsFailureBar"_s)->isVisible());
    }

    void renterSignsInWithTheDemoButtonAndFilters()
    {
        models::services::Session session;
        views::Workspace workspace(m_db.shared(), m_clock, models::services::Mode::Standalone, session);
        for (const QString &email : models::demo::presentDemoAccounts(m_db.connection()).value_or(QStringList()))
            workspace.demoAccounts.append({ email, email });
        workspace.demoPassword = models::demo::demoPassword();
        QCOMPARE(workspace.demoAccounts.size(), 2);
        MainWindow window(workspace);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QVERIFY(!window.actions().newBuilding->isEnabled());
        QCOMPARE(window.findChild<QLabel *>(u"userStatus"_s)->text(), u"Not signed in"_s);

        withSignInDialog(window, [&](LoginDialog *dialog) {
            auto *demoRenter = dialog->findChild<QPushButton *>(u"demo:"_s + models::demo::demoRenter().email);
            QVERIFY(demoRenter);
            QTest::mouseClick(demoRenter, Qt::LeftButton);
            // Hashing runs on a worker thread: the dialog says so and stays responsive.
            QVERIFY(dialog->isBusy());
        });
        RENTDESK_RETURN_IF_FAILED();
        QVERIFY(session.isRenter());
        QVERIFY(window.findChild<QLabel *>(u"userStatus"_s)->text().contains(models::demo::demoRenter().displayName));
        // A renter never sees landlord actions enabled.
        QVERIFY(!window.actions().newBuilding->isEnabled());
        QVERIFY(!window.actions().newApartment->isEnabled());
        QVERIFY(!window.actions().confirmBooking->isEnabled());

        auto *table = window.findChild<QTableView *>(u"apartmentsTable"_s);
        QVERIFY(table);
        QCOMPARE(table->model()->rowCount(), 300);
        QCOMPARE(countText(window), u"300 apartments"_s);

        // Selecting a row enables "Request booking" and fills the detail pane.
        QVERIFY(!window.actions().requestBooking->isEnabled());
        table->setFocus();
        QTest::mouseClick(table->viewport(), Qt::LeftButton, {},
                          table->visualRect(table->model()->index(0, 0)).center());
        QVERIFY(window.actions().requestBooking->isEnabled());
        QVERIFY(!window.findChild<QWidget *>(u"apartmentsDetails"_s)->property("html").isNull());

        // Typing in the search box narrows the table once the typing pauses.
        // QTest types ASCII only: a city in English.
        QString city;
        for (int row = 0; row < table->model()->rowCount() && city.isEmpty(); ++row) {
            const QString name =
                table->model()->index(row, models::itemmodels::ApartmentTableModel::City).data().toString();
            if (QStringView(name).toLatin1() == name.toUtf8())
                city = name;
        }
        QVERIFY(!city.isEmpty());
        auto *search = window.apartmentsPage()->findChild<QLineEdit *>(u"searchEdit"_s);
        QTest::keyClicks(search, city);
        QTRY_VERIFY(table->model()->rowCount() < 300);
        QVERIFY(table->model()->rowCount() > 0);
        for (int row = 0; row < table->model()->rowCount(); ++row)
            QCOMPARE(table->model()->index(row, models::itemmodels::ApartmentTableModel::City).data().toString(), city);
        QCOMPARE(countText(window),
                 u"%1 apartments"_s.arg(table->model()->rowCount()).replace(u"1 apartments"_s, u"1 apartment"_s));

        // Nothing matches: the empty state says what to do.
        QTest::keyClicks(search, u" zzzzqqq"_s);
        QTRY_COMPARE(table->model()->rowCount(), 0);
        QVERIFY(window.findChild<QLabel *>(u"apartmentsEmptyState"_s)->isVisible());
        QTest::mouseClick(window.apartmentsPage()->findChild<QPushButton *>(u"clearFiltersButton"_s), Qt::LeftButton);
        QTRY_COMPARE(table->model()->rowCount(), 300);
    }

    // File ▸ Export to CSV… writes what the page's filter shows, says so in the status bar, and
    // a file it cannot write is said in a box, with what was there kept.
    void exportToCsvWritesWhatThePageShows()
    {
        models::services::Session session;
        views::Workspace workspace(m_db.shared(), m_clock, models::services::Mode::Standalone, session);
        MainWindow window(workspace);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        auto *table = window.findChild<QTableView *>(u"apartmentsTable"_s);
        QVERIFY(table);
        QTest::keyClicks(window.apartmentsPage()->findChild<QLineEdit *>(u"searchEdit"_s), u"London"_s);
        QTRY_VERIFY(table->model()->rowCount() < 300);
        const int shown = table->model()->rowCount();
        QVERIFY(shown > 0);

        QTemporaryDir dir;
        const QString path = dir.filePath(u"london.csv"_s);
        views::messages::setNextFileName(path);
        window.actions().exportCsv->trigger();
        const QByteArray bytes = test::fileBytes(path);
        QVERIFY(bytes.startsWith("\xEF\xBB\xBF")); // the byte-order mark, which fromUtf8() drops
        const QString text = QString::fromUtf8(bytes);
        QVERIFY2(text.startsWith(u"Number,Building,Address,City,"_s), qPrintable(text.left(60)));
        QCOMPARE(text.count(u"\r\n"_s), 1 + shown);
        QCOMPARE(text.count(u",London,"_s), shown);
        QCOMPARE(window.statusBar()->currentMessage(),
                 u"%1 rows exported to %2."_s.arg(shown).arg(QDir::toNativeSeparators(path)));

        // Cancelled: nothing is written. A folder that is not there: said, and nothing made.
        views::messages::setNextFileName(QString());
        window.actions().exportCsv->trigger();
        views::messages::setNextAnswer(std::nullopt); // boxes are remembered, not shown
        const QString missing = dir.filePath(u"no/such/folder/out.csv"_s);
        views::messages::setNextFileName(missing);
        window.actions().exportCsv->trigger();
        QVERIFY2(views::messages::lastText().contains(u"was not written"_s), qPrintable(views::messages::lastText()));
        QVERIFY(!QFileInfo::exists(missing));
        QCOMPARE(QDir(dir.path()).entryList(QDir::Files), QStringList({ u"london.csv"_s }));

        // Stopped in its progress window: the file named keeps what it held, no part of the
        // export is left beside it, and a stop is not reported as a failure.
        const QString before = views::messages::lastText();
        {
            QFile earlier(path);
            QVERIFY(earlier.open(QIODevice::WriteOnly | QIODevice::Truncate));
            QVERIFY(earlier.write("what was there\n") > 0);
        }
        views::TaskProgress::stopNextAt(1);
        views::messages::setNextFileName(path);
        window.actions().exportCsv->trigger();
        QCOMPARE(test::fileBytes(path), QByteArray("what was there\n"));
        QCOMPARE(QDir(dir.path()).entryList(QDir::Files | QDir::Hidden), QStringList({ u"london.csv"_s }));
        QCOMPARE(views::messages::lastText(), before);
    }

    // Bookings ▸ Confirmation as PDF… writes the selected confirmed stay's confirmation, which
    // pdftotext reads back with the stay's facts; a request has none, and the actions say so.
    void aConfirmedStaySavesItsConfirmationAsPdf()
    {
        models::services::Session session;
        views::Workspace workspace(m_db.shared(), m_clock, models::services::Mode::Standalone, session);
        MainWindow window(workspace);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        const auto landlord =
            workspace.accounts.logIn(models::demo::demoLandlord().email, models::demo::demoPassword());
        QVERIFY(landlord);
        session.signIn(*landlord);
        window.actions().showBookings->trigger();
        auto *table = window.findChild<QTableView *>(u"bookingsTable"_s);
        QVERIFY(table);
        namespace Columns = models::itemmodels::BookingColumns;
        const auto rowWith = [&](models::domain::BookingStatus status) {
            for (int row = 0; row < table->model()->rowCount(); ++row) {
                const QVariant value = table->model()->index(row, Columns::Status).data(models::itemmodels::ValueRole);
                if (value.value<models::domain::BookingStatus>() == status)
                    return row;
            }
            return -1;
        };
        const int request = rowWith(models::domain::BookingStatus::Requested);
        const int confirmed = rowWith(models::domain::BookingStatus::Confirmed);
        QVERIFY(request >= 0 && confirmed >= 0);
        table->setCurrentIndex(table->model()->index(request, 0));
        QVERIFY(!window.actions().confirmationPdf->isEnabled());
        QVERIFY(!window.actions().printConfirmation->isEnabled());
        table->setCurrentIndex(table->model()->index(confirmed, 0));
        QVERIFY(window.actions().confirmationPdf->isEnabled());
        QVERIFY(window.actions().printConfirmation->isEnabled());

        QTemporaryDir dir;
        const QString path = dir.filePath(u"stay.pdf"_s);
        views::messages::setNextFileName(path);
        window.actions().confirmationPdf->trigger();
        QVERIFY(test::fileBytes(path).startsWith("%PDF-"));
        QCOMPARE(window.statusBar()->currentMessage(),
                 u"Confirmation saved to %1."_s.arg(QDir::toNativeSeparators(path)));
        const auto text = test::runProcess(u"pdftotext"_s, { u"-layout"_s, path, u"-"_s },
                                           QProcessEnvironment::systemEnvironment(), 60000);
        QCOMPARE(text.exitCode, 0);
        const QString apartment = table->model()->index(confirmed, Columns::Apartment).data().toString();
        const QString renter = table->model()->index(confirmed, Columns::Renter).data().toString();
        for (const QString &fact : { apartment, renter, models::demo::demoLandlord().displayName })
            QVERIFY2(text.out.contains(fact), qPrintable(fact + u" not in:\n"_s + text.out));
        QVERIFY2(text.out.contains(u"Booking confirmation"_s) || text.out.contains(u"Подтверждение бронирования"_s),
                 qPrintable(text.out));
    }

    // The dashboard tab is a landlord's: its number of requests agrees with a count in SQL,
    // its bars and rows are the query's figures, a decision made elsewhere shows after the
    // window refreshes, and "Show requests" opens the requests.
    void theDashboardShowsALandlordsFigures()
    {
        models::services::Session session;
        views::Workspace workspace(m_db.shared(), m_clock, models::services::Mode::Standalone, session);
        MainWindow window(workspace);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        auto *tabs = window.findChild<QTabWidget *>(u"pageTabs"_s);
        views::DashboardPage *dashboard = window.dashboardPage();
        QVERIFY(tabs && dashboard);
        const auto tabShown = [&] {
            return tabs->isTabVisible(tabs->indexOf(dashboard));
        };
        QVERIFY(!tabShown());
        const auto renter = workspace.accounts.logIn(models::demo::demoRenter().email, models::demo::demoPassword());
        QVERIFY(renter);
        session.signIn(*renter);
        QVERIFY(!tabShown());
        QVERIFY(!window.actions().showDashboard->isVisible());
        session.signOut();

        const auto landlord =
            workspace.accounts.logIn(models::demo::demoLandlord().email, models::demo::demoPassword());
        QVERIFY(landlord);
        session.signIn(*landlord);
        QVERIFY(tabShown());
        window.actions().showDashboard->trigger();
        QCOMPARE(tabs->currentWidget(), dashboard);
        QVERIFY(!window.actions().exportCsv->isEnabled());
        QVERIFY(!window.actions().edit->isEnabled());

        const auto openRequests = [&] {
            auto count = models::db::exec(m_db.connection(),
                                          u"SELECT count(*) FROM bookings AS k JOIN apartments AS a "
                                          "ON a.id = k.apartment_id WHERE a.owner_id = :owner "
                                          "AND k.status = 'requested' AND k.start_date >= :today"_s,
                                          { { u":owner"_s, models::domain::toStoredId(landlord->id) },
                                            { u":today"_s, models::domain::toStoredDate(m_clock.today()) } });
            return count && count->next() ? count->value(0).toLongLong() : -1;
        };
        auto *requests = dashboard->findChild<QLabel *>(u"dashboardOpenRequests"_s);
        const qint64 before = openRequests();
        QVERIFY2(before > 0, qPrintable(QString::number(before)));
        QCOMPARE(requests->text(), QLocale().toString(before));

        const models::query::Dashboard &figures = dashboard->figures();
        QCOMPARE(figures.occupancy.size(), views::DashboardPage::Months);
        auto *occupancy = dashboard->findChild<QChartView *>(u"dashboardOccupancyChart"_s);
        auto *bars = qobject_cast<QBarSeries *>(occupancy->chart()->series().value(0));
        QVERIFY(bars && bars->barSets().size() == 1);
        qint64 nights = 0;
        for (int month = 0; month < figures.occupancy.size(); ++month) {
            QCOMPARE(bars->barSets()[0]->at(month), 100.0 * figures.occupancy[month].ratio());
            nights += figures.occupancy[month].occupiedNights;
        }
        QVERIFY(nights > 0);

        auto *currency = dashboard->findChild<QComboBox *>(u"dashboardCurrency"_s);
        auto *income = dashboard->findChild<QChartView *>(u"dashboardIncomeChart"_s);
        auto *incomeBars = qobject_cast<QBarSeries *>(income->chart()->series().value(0));
        QVERIFY(incomeBars && incomeBars->barSets().size() == 1);
        QCOMPARE(incomeBars->barSets()[0]->label(), currency->currentData().toString());
        double earned = 0;
        for (const models::query::MonthIncome &m : figures.income) {
            if (m.currency == currency->currentData().toString())
                earned += double(m.amount) / 100.0;
        }
        double drawn = 0;
        for (int month = 0; month < incomeBars->barSets()[0]->count(); ++month)
            drawn += incomeBars->barSets()[0]->at(month);
        QVERIFY(earned > 0);
        QCOMPARE(drawn, earned);

        auto *movements = dashboard->findChild<QTableWidget *>(u"dashboardMovements"_s);
        QCOMPARE(movements->rowCount(), figures.movements.size());
        for (int row = 0; row < movements->rowCount(); ++row) {
            QCOMPARE(movements->item(row, 3)->text(), figures.movements[row].renterName);
            QCOMPARE(movements->item(row, 0)->data(Qt::UserRole).toUuid(), figures.movements[row].bookingId);
        }

        // A request decided (as if on another page): the number follows on the next refresh.
        auto request = models::db::exec(m_db.connection(),
                                        u"SELECT k.id FROM bookings AS k JOIN apartments AS a ON a.id = k.apartment_id "
                                        "WHERE a.owner_id = :owner AND k.status = 'requested' "
                                        "AND k.start_date >= :today ORDER BY k.id LIMIT 1"_s,
                                        { { u":owner"_s, models::domain::toStoredId(landlord->id) },
                                          { u":today"_s, models::domain::toStoredDate(m_clock.today()) } });
        QVERIFY(request && request->next());
        const QUuid decided = models::domain::idFromStored(request->value(0)).value_or(QUuid());
        QVERIFY(workspace.bookings.decline(landlord->id, decided));
        window.actions().refresh->trigger();
        QCOMPARE(openRequests(), before - 1);
        QCOMPARE(requests->text(), QLocale().toString(before - 1));

        QTest::mouseClick(dashboard->findChild<QPushButton *>(u"dashboardShowRequests"_s), Qt::LeftButton);
        QCOMPARE(tabs->currentWidget(), window.findChild<views::BookingsPage *>());
        QCOMPARE(window.findChild<QComboBox *>(u"bookingStatusCombo"_s)->currentData().toString(), u"requested"_s);
    }

    // Listing ▸ Export calendar… writes the selected own apartment's stays as iCalendar;
    // Import calendar… blocks its dates with another site's file, which the Bookings page then
    // shows as the calendar's; a broken file is said with its line and changes nothing.
    void aLandlordExportsAndImportsAnApartmentsCalendar()
    {
        models::services::Session session;
        views::Workspace workspace(m_db.shared(), m_clock, models::services::Mode::Standalone, session);
        MainWindow window(workspace);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        const auto landlord =
            workspace.accounts.logIn(models::demo::demoLandlord().email, models::demo::demoPassword());
        QVERIFY(landlord);
        session.signIn(*landlord);
        window.actions().showApartments->trigger();
        auto *page = window.findChild<views::ApartmentsPage *>();
        auto *table = window.findChild<QTableView *>(u"apartmentsTable"_s);
        int own = -1;
        int others = -1;
        for (int row = 0; row < table->model()->rowCount() && (own < 0 || others < 0); ++row) {
            table->setCurrentIndex(table->model()->index(row, 0));
            (page->current()->apartment.ownerId == landlord->id ? own : others) = row;
        }
        QVERIFY(own >= 0 && others >= 0);
        table->setCurrentIndex(table->model()->index(others, 0));
        QVERIFY(!window.actions().exportCalendar->isEnabled());
        QVERIFY(!window.actions().importCalendar->isEnabled());
        table->setCurrentIndex(table->model()->index(own, 0));
        QVERIFY(window.actions().exportCalendar->isEnabled());
        QVERIFY(window.actions().importCalendar->isEnabled());
        const QString apartment = models::domain::toStoredId(page->current()->apartment.id);
        const auto count = [&](const QString &sql) {
            auto query = models::db::exec(
                m_db.connection(), sql,
                { { u":a"_s, apartment }, { u":today"_s, models::domain::toStoredDate(m_clock.today()) } });
            return query && query->next() ? query->value(0).toLongLong() : -1;
        };

        QTemporaryDir dir;
        const QString exported = dir.filePath(u"mine.ics"_s);
        views::messages::setNextFileName(exported);
        window.actions().exportCalendar->trigger();
        models::ical::IcsLimits limits;
        limits.expandFrom = m_clock.today();
        limits.expandTo = m_clock.today().addYears(2);
        const auto events = models::ical::readCalendarFile(exported, limits);
        QVERIFY2(events, qPrintable(events ? QString() : events.error().message));
        QCOMPARE(events->size(),
                 count(u"SELECT count(*) FROM bookings WHERE apartment_id = :a AND status IN "
                       "('confirmed', 'completed', 'blocked') AND end_date > :today"_s));
        QVERIFY2(window.statusBar()->currentMessage().contains(QDir::toNativeSeparators(exported)),
                 qPrintable(window.statusBar()->currentMessage()));

        const QString feed = dir.filePath(u"airbnb.ics"_s);
        QFile file(feed);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Test//EN\r\nBEGIN:VEVENT\r\nUID:e1@test\r\n"
                   "DTSTART;VALUE=DATE:20280110\r\nDTEND;VALUE=DATE:20280114\r\nSUMMARY:Reserved\r\nEND:VEVENT\r\n"
                   "END:VCALENDAR\r\n");
        file.close();
        views::messages::setNextFileName(feed);
        window.actions().importCalendar->trigger();
        QVERIFY2(window.statusBar()->currentMessage().startsWith(u"airbnb.ics: 1 new"_s),
                 qPrintable(window.statusBar()->currentMessage()));
        QVERIFY(!QApplication::overrideCursor()); // the wait cursor of the import is gone
        QCOMPARE(count(u"SELECT count(*) FROM bookings WHERE apartment_id = :a AND status = 'blocked' "
                       "AND block_source = 'airbnb.ics' AND start_date = '2028-01-10' AND end_date = '2028-01-14'"_s),
                 1);
        window.actions().showBookings->trigger();
        window.findChild<views::BookingsPage *>()->showStatus(models::domain::BookingStatus::Blocked);
        auto *bookings = window.findChild<QTableView *>(u"bookingsTable"_s);
        QTRY_VERIFY(bookings->model()->rowCount() > 0);
        int shown = -1;
        for (int row = 0; row < bookings->model()->rowCount() && shown < 0; ++row) {
            if (bookings->model()->index(row, models::itemmodels::BookingColumns::Renter).data().toString()
                == u"Calendar: airbnb.ics"_s)
                shown = row;
        }
        QVERIFY(shown >= 0);
        // Its pane names the calendar and the event, and no price.
        bookings->setCurrentIndex(bookings->model()->index(shown, 0));
        auto *stay = window.findChild<QTextBrowser *>(u"bookingsDetails"_s);
        QTRY_VERIFY2(stay->toPlainText().contains(u"Blocked by the calendar airbnb.ics (its event e1@test)"_s),
                     qPrintable(stay->toPlainText()));
        QVERIFY2(!stay->toPlainText().contains(u"Total:"_s), qPrintable(stay->toPlainText()));

        QFile broken(dir.filePath(u"broken.ics"_s));
        QVERIFY(broken.open(QIODevice::WriteOnly));
        broken.write("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\nDTSTART;VALUE=DATE:20280301\r\n"
                     "END:VEVENT\r\nEND:VCALENDAR\r\n");
        broken.close();
        window.actions().showApartments->trigger();
        table->setCurrentIndex(table->model()->index(own, 0));
        // The apartment's pane lists the block as the calendar's, not as its owner's stay.
        auto *details = window.findChild<QTextBrowser *>(u"apartmentsDetails"_s);
        QVERIFY(details);
        QTRY_VERIFY2(details->toPlainText().contains(u"Blocked · Calendar: airbnb.ics"_s),
                     qPrintable(details->toPlainText()));
        const qint64 before = count(u"SELECT count(*) FROM bookings WHERE apartment_id = :a"_s);
        views::messages::setNextAnswer(std::nullopt); // boxes are remembered, not shown
        views::messages::setNextFileName(broken.fileName());
        window.actions().importCalendar->trigger();
        QVERIFY2(views::messages::lastText().contains(u"broken.ics: Line 3: the event has no UID."_s),
                 qPrintable(views::messages::lastText()));
        QVERIFY(!QApplication::overrideCursor());
        QCOMPARE(count(u"SELECT count(*) FROM bookings WHERE apartment_id = :a"_s), before);
    }

    void wrongPasswordIsSaidAndTheEmailKept()
    {
        models::services::Session session;
        views::Workspace workspace(m_db.shared(), m_clock, models::services::Mode::Standalone, session);
        MainWindow window(workspace);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        withSignInDialog(window, [&](LoginDialog *dialog) {
            QTest::keyClicks(dialog->findChild<QLineEdit *>(u"emailEdit"_s), models::demo::demoLandlord().email);
            QTest::keyClicks(dialog->findChild<QLineEdit *>(u"passwordEdit"_s), u"not the password"_s);
            QTest::mouseClick(dialog->findChild<QPushButton *>(u"signInButton"_s), Qt::LeftButton);
            QTRY_VERIFY(dialog->findChild<QLabel *>(u"signInError"_s)->isVisible());
            QVERIFY(!dialog->findChild<QLabel *>(u"signInError"_s)->text().isEmpty());
            QCOMPARE(dialog->findChild<QLineEdit *>(u"emailEdit"_s)->text(), models::demo::demoLandlord().email);
            dialog->reject();
        });
        RENTDESK_RETURN_IF_FAILED();
        QVERIFY(!session.isSignedIn());
    }

    void landlordSignsUpThroughTheForm()
    {
        models::services::Session session;
        views::Workspace workspace(m_db.shared(), m_clock, models::services::Mode::Standalone, session);
        MainWindow window(workspace);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        withSignInDialog(window, [&](LoginDialog *dialog) {
            const auto field = [dialog](const QString &name) {
                return dialog->findChild<QLineEdit *>(name);
            };
            auto *tabs = dialog->findChild<QTabWidget *>(u"loginTabs"_s);
            QTest::mouseClick(tabs->tabBar(), Qt::LeftButton, {}, tabs->tabBar()->tabRect(1).center());
            QCOMPARE(tabs->currentIndex(), 1);
            QTest::keyClicks(field(u"newNameEdit"_s), u"Lena Landlord"_s);
            QTest::keyClicks(field(u"newEmailEdit"_s), u"lena@example.org"_s);
            QTest::keyClicks(field(u"newPasswordEdit"_s), u"short"_s);
            QTest::keyClicks(field(u"repeatPasswordEdit"_s), u"short"_s);
            auto *role = dialog->findChild<QComboBox *>(u"roleCombo"_s);
            role->setCurrentIndex(role->findData(int(models::domain::Role::Landlord)));
            auto *create = dialog->findChild<QPushButton *>(u"createAccountButton"_s);
            QTest::mouseClick(create, Qt::LeftButton);
            // The service's message appears under the password; what was typed stays.
            auto *error = dialog->findChild<QLabel *>(u"passwordError"_s);
            QTRY_VERIFY(error->isVisible());
            QVERIFY(error->text().contains(u"10"_s));
            QCOMPARE(field(u"newNameEdit"_s)->text(), u"Lena Landlord"_s);
            QCOMPARE(field(u"newEmailEdit"_s)->text(), u"lena@example.org"_s);

            // The service's reasons for the address and for a guessable password, each under
            // its field.
            field(u"newEmailEdit"_s)->setText(u"lena@example..org"_s);
            field(u"newPasswordEdit"_s)->setText(u"correct horse battery"_s);
            field(u"repeatPasswordEdit"_s)->setText(u"correct horse battery"_s);
            QTest::mouseClick(create, Qt::LeftButton);
            auto *emailError = dialog->findChild<QLabel *>(u"emailError"_s);
            QTRY_VERIFY(emailError->isVisible());
            QCOMPARE(emailError->text(),
                     models::services::AccountService::normalizedEmail(u"lena@example..org"_s).error().message);
            QVERIFY(!error->isVisible());
            field(u"newEmailEdit"_s)->setText(u"lena@example.org"_s);
            field(u"newPasswordEdit"_s)->setText(u"qwerty1234"_s);
            field(u"repeatPasswordEdit"_s)->setText(u"qwerty1234"_s);
            QTest::mouseClick(create, Qt::LeftButton);
            QTRY_VERIFY(error->isVisible());
            QCOMPARE(error->text(),
                     models::services::passwords::describe(models::services::passwords::Weakness::KeyboardPattern));
            QVERIFY(!emailError->isVisible());

            field(u"newPasswordEdit"_s)->setText(u"correct horse battery"_s);
            field(u"repeatPasswordEdit"_s)->setText(u"correct horse battery"_s);
            QTest::mouseClick(create, Qt::LeftButton);
        });
        RENTDESK_RETURN_IF_FAILED();
        QVERIFY(session.isLandlord());
        QVERIFY(window.actions().newBuilding->isEnabled());
        QVERIFY(window.actions().newApartment->isEnabled());
        QVERIFY(!window.actions().requestBooking->isEnabled());
        // Log out from the menu: the sign-in dialog comes back; closing it leaves nobody in.
        test::driveModalDialog<LoginDialog>([&window] { window.actions().signOut->trigger(); },
                                            [](LoginDialog *dialog) { dialog->reject(); });
        RENTDESK_RETURN_IF_FAILED();
        QVERIFY(!session.isSignedIn());
        QVERIFY(!window.actions().newBuilding->isEnabled());
    }

    // Sort order, column widths and the page persist from one window to the next.
    void windowStatePersists()
    {
        QSettings().clear();
        models::services::Session session;
        views::Workspace workspace(m_db.shared(), m_clock, models::services::Mode::Standalone, session);
        {
            MainWindow window(workspace);
            window.show();
            QVERIFY(QTest::qWaitForWindowExposed(&window));
            auto *table = window.findChild<QTableView *>(u"apartmentsTable"_s);
            table->sortByColumn(models::itemmodels::ApartmentTableModel::Area, Qt::DescendingOrder);
            table->setColumnWidth(models::itemmodels::ApartmentTableModel::Number, 171);
            window.showPage(window.reviewsPage());
            window.close();
        }
        MainWindow again(workspace);
        auto *table = again.findChild<QTableView *>(u"apartmentsTable"_s);
        QCOMPARE(again.apartmentsPage()->apartments()->sortColumn(),
                 int(models::itemmodels::ApartmentTableModel::Area));
        QCOMPARE(again.apartmentsPage()->apartments()->sortOrder(), Qt::DescendingOrder);
        QCOMPARE(table->columnWidth(models::itemmodels::ApartmentTableModel::Number), 171);
        QCOMPARE(again.findChild<QTabWidget *>(u"pageTabs"_s)->currentWidget(),
                 static_cast<QWidget *>(again.reviewsPage()));
        QSettings().clear();
    }

    void menusAreTranslated()
    {
        QVERIFY(m_translator.switchTo(models::domain::Language::Russian).rentdesk);
        models::services::Session session;
        views::Workspace workspace(m_db.shared(), m_clock, models::services::Mode::Standalone, session);
        MainWindow window(workspace);
        QStringList menus;
        for (QAction *action : window.menuBar()->actions())
            menus << action->text();
        QCOMPARE(menus.first(), u"&Файл"_s);
        QCOMPARE(menus.last(), u"&Справка"_s);
        QCOMPARE(window.findChild<QLabel *>(u"userStatus"_s)->text(), u"Вход не выполнен"_s);
        QCOMPARE(window.findChild<QLabel *>(u"apartmentsCount"_s)->text(), u"300 квартир"_s);
        QVERIFY(m_translator.switchTo(models::domain::Language::English).rentdesk);
    }

    // The status bar says why mail waits, from the sender's state, and opens the Mail queue.
    void mailStatusFollowsTheSender()
    {
        test::TempDatabase db;
        QVERIFY2(db.isValid(), qPrintable(db.errorMessage()));
        models::services::Session session;
        views::Workspace workspace(db.shared(), m_clock, models::services::Mode::Standalone, session);
        net::mail::OutboxSender sender(db.shared(), m_clock); // never configured: no mail server
        workspace.mailSender = &sender;
        // A real sign-up queues the welcome mail.
        models::services::AccountService::SignUp request;
        request.email = u"nina@example.org"_s;
        request.displayName = u"Nina Renter"_s;
        request.password = u"correct horse battery"_s;
        QVERIFY(workspace.accounts.signUp(request));

        MainWindow window(workspace);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        auto *label = window.findChild<QLabel *>(u"mailStatus"_s);
        QCOMPARE(sender.state(), net::mail::OutboxSender::State::NotConfigured);
        QCOMPARE(label->text(), u"1 mail queued — mail not set up"_s);
        QVERIFY(label->toolTip().contains(u"Settings"_s));

        // A server that is not there: the sender fails, and the label says so in short, with
        // the whole reason in its tooltip.
        QTcpServer probe;
        QVERIFY(probe.listen(QHostAddress::LocalHost, 0));
        const quint16 port = probe.serverPort();
        probe.close();
        const auto config =
            net::mail::makeMailConfig(u"smtp+insecure://127.0.0.1:%1"_s.arg(port), QString(), QString());
        QVERIFY(config);
        sender.configure(*config, QString());
        QTRY_COMPARE(sender.state(), net::mail::OutboxSender::State::Failing);
        QTRY_COMPARE(label->text(), u"1 mail queued — mail server problem"_s);
        QVERIFY(label->toolTip().startsWith(sender.problem()));
        QVERIFY(!sender.problem().isEmpty());

        // The action opens the Mail queue with the waiting mail in it; so does a click on the label.
        QVERIFY(window.actions().mailQueue->isEnabled());
        window.actions().mailQueue->trigger();
        auto *queue = window.findChild<views::MailQueueDialog *>();
        QVERIFY(queue);
        QVERIFY(queue->isVisible());
        QCOMPARE(queue->model()->rowCount(), 1);
        queue->close();
        QVERIFY(!queue->isVisible());
        QTest::mouseClick(label, Qt::LeftButton);
        QVERIFY(queue->isVisible());
        QCOMPARE(window.findChildren<views::MailQueueDialog *>().size(), 1);
        queue->close();

        // A replica has no mail of its own to send: no queue, and the label as before.
        views::Workspace replica(db.shared(), m_clock, models::services::Mode::Connected, session);
        MainWindow connected(replica);
        QVERIFY(!connected.actions().mailQueue->isEnabled());
        QCOMPARE(connected.findChild<QLabel *>(u"mailStatus"_s)->text(), u"1 mail queued"_s);
    }
};

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
