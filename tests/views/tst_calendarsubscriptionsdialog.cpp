// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/demo/demogenerator.h"
#include "models/i18n/translator.h"
#include "net/calendar/subscriptionbackend.h"
#include "net/calendar/subscriptionrefresher.h"
#include "tests/calendar/calendartesting.h"
#include "tests/calendar/httptestservers.h"
#include "tests/support/testsupport.h"
#include "tests/views/guitesting.h"
#include "views/apartments/apartmentspage.h"
#include "views/apartments/calendarsubscriptionsdialog.h"
#include "views/common/messages.h"
#include "views/mainwindow/mainactions.h"
#include "views/mainwindow/mainwindow.h"
#include "views/mainwindow/workspace.h"

#include <QAction>
#include <QSettings>
#include <QTableView>
#include <QTreeWidget>

using namespace Qt::StringLiterals;
using namespace rentdesk;
using test::blocksOf;
using test::icsEvent;
using test::icsFile;
using views::CalendarSubscriptionsDialog;

// Listing ▸ Calendar subscriptions… as a landlord uses it on a standalone database with demo
// data: a bad address refused under the field, a calendar (served by Python's HTTP server)
// added and read at once, read again after it changed with Refresh now, and removed after
// confirming, its blocks with it. Not offered for someone else's apartment or on a replica.
class TestCalendarSubscriptionsDialog : public QObject
{
    Q_OBJECT

    test::TempDatabase m_db;
    models::i18n::Translator m_translator;
    models::services::ManualClock m_clock { QDateTime(QDate(2026, 6, 1), QTime(10, 0), Qt::UTC) };

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(m_db.isValid(), qPrintable(m_db.errorMessage()));
        models::demo::DemoOptions options;
        options.apartments = 60;
        options.today = m_clock.today();
        QVERIFY(models::demo::generateDemoData(m_db.connection(), options));
        QSettings().clear();
        QVERIFY(m_translator.switchTo(models::domain::Language::English).rentdesk);
    }

    void aLandlordFollowsAndUnfollowsACalendar()
    {
        test::FolderHttpServer server;
        QVERIFY(server.isRunning());
        const QList first { icsEvent(u"e1@site"_s, QDate(2028, 1, 10), QDate(2028, 1, 14)) };
        QVERIFY(server.write(u"site.ics"_s, icsFile(first), 120));
        const QString url = server.url(u"site.ics"_s).toString();

        models::services::Session session;
        views::Workspace workspace(m_db.shared(), m_clock, models::services::Mode::Standalone, session);
        net::calendar::SubscriptionRefresher refresher(
            models::services::ServiceContext(m_db.shared(), m_clock, models::services::Mode::Standalone));
        workspace.calendarRefresher = &refresher;
        views::MainWindow window(workspace);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        const auto landlord =
            workspace.accounts.logIn(models::demo::demoLandlord().email, models::demo::demoPassword());
        QVERIFY(landlord);
        session.signIn(*landlord);
        window.actions().showApartments->trigger();
        auto *page = window.findChild<views::ApartmentsPage *>();
        auto *table = window.findChild<QTableView *>(u"apartmentsTable"_s);
        QVERIFY(page && table);
        int own = -1;
        int others = -1;
        for (int row = 0; row < table->model()->rowCount() && (own < 0 || others < 0); ++row) {
            table->setCurrentIndex(table->model()->index(row, 0));
            (page->current()->apartment.ownerId == landlord->id ? own : others) = row;
        }
        QVERIFY(own >= 0 && others >= 0);
        table->setCurrentIndex(table->model()->index(others, 0));
        QVERIFY(!window.actions().calendarSubscriptions->isEnabled());
        table->setCurrentIndex(table->model()->index(own, 0));
        QVERIFY(window.actions().calendarSubscriptions->isEnabled());

        test::driveModalDialog<CalendarSubscriptionsDialog>(
            [&] { window.actions().calendarSubscriptions->trigger(); },
            [&](CalendarSubscriptionsDialog *dialog) {
                auto *list = dialog->findChild<QTreeWidget *>(u"subscriptionList"_s);
                auto *edit = dialog->findChild<QLineEdit *>(u"subscriptionUrlEdit"_s);
                auto *add = dialog->findChild<QPushButton *>(u"addSubscriptionButton"_s);
                auto *remove = dialog->findChild<QPushButton *>(u"removeSubscriptionButton"_s);
                auto *refresh = dialog->findChild<QPushButton *>(u"refreshSubscriptionsButton"_s);
                QVERIFY(list && edit && add && remove && refresh);
                QCOMPARE(list->topLevelItemCount(), 0);
                QVERIFY(!remove->isEnabled());

                // A bad address: the service's sentence under the field, nothing added.
                test::typeOver(edit, u"ftp://site.example/c.ics"_s);
                QTest::mouseClick(add, Qt::LeftButton);
                QVERIFY(test::showsError(*dialog, u"subscriptionUrlError"_s,
                                         u"Only https:// and http:// addresses can be followed (webcal:// is "
                                         "https:// on most sites)."_s));
                QCOMPARE(list->topLevelItemCount(), 0);

                // The calendar: added, then read at once.
                test::typeOver(edit, url);
                QTest::keyClick(edit, Qt::Key_Return);
                QCOMPARE(list->topLevelItemCount(), 1);
                QVERIFY(edit->text().isEmpty());
                QCOMPARE(list->topLevelItem(0)->text(0), u"127.0.0.1"_s);
                QCOMPARE(list->topLevelItem(0)->toolTip(0), url);
                QTRY_COMPARE_WITH_TIMEOUT(list->topLevelItem(0)->text(2), u"Read: 1 event"_s, 20000);
                QCOMPARE(blocksOf(m_db.connection(), url), test::asBlocks(first));

                // Changed on the other site; Refresh now reads it again.
                const QList second { icsEvent(u"e1@site"_s, QDate(2028, 1, 11), QDate(2028, 1, 15)),
                                     icsEvent(u"e2@site"_s, QDate(2028, 2, 1), QDate(2028, 2, 3)) };
                QVERIFY(server.write(u"site.ics"_s, icsFile(second), 0));
                QTRY_VERIFY(refresh->isEnabled());
                QTest::mouseClick(refresh, Qt::LeftButton);
                QTRY_COMPARE_WITH_TIMEOUT(list->topLevelItem(0)->text(2), u"Read: 2 events"_s, 20000);
                QCOMPARE(blocksOf(m_db.connection(), url), test::asBlocks(second));

                // Remove: asked first; No keeps it, Yes removes it and its blocks.
                list->setCurrentItem(list->topLevelItem(0));
                QVERIFY(remove->isEnabled());
                views::messages::setNextAnswer(false);
                QTest::mouseClick(remove, Qt::LeftButton);
                QVERIFY2(views::messages::lastText().contains(u"127.0.0.1"_s), qPrintable(views::messages::lastText()));
                QCOMPARE(list->topLevelItemCount(), 1);
                views::messages::setNextAnswer(true);
                QTest::mouseClick(remove, Qt::LeftButton);
                QCOMPARE(list->topLevelItemCount(), 0);
                QCOMPARE(blocksOf(m_db.connection(), url), QStringList());
                views::messages::setNextAnswer(std::nullopt);
                dialog->reject();
            });
        RENTDESK_RETURN_IF_FAILED();
    }

    // A connected database's calendars are the server's: without a connection the dialog says
    // so and offers nothing to change.
    void connectedButOfflineItSaysTheServerIsNeeded()
    {
        net::connection::ServerConnection connection; // no server, no session: offline
        net::calendar::ServerSubscriptions backend(connection);
        CalendarSubscriptionsDialog dialog(backend, QUuid::createUuid(), u"River House, apartment 7"_s);
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        auto *status = dialog.findChild<QLabel *>(u"subscriptionStatus"_s);
        auto *edit = dialog.findChild<QLineEdit *>(u"subscriptionUrlEdit"_s);
        QVERIFY(status && edit);
        QCOMPARE(status->text(),
                 u"The calendars this apartment follows are kept on the server: connect to it to "
                 "see and change them."_s);
        QVERIFY(!edit->isEnabled());
        for (const QString &name :
             { u"addSubscriptionButton"_s, u"removeSubscriptionButton"_s, u"refreshSubscriptionsButton"_s })
            QVERIFY2(!dialog.findChild<QPushButton *>(name)->isEnabled(), qPrintable(name));
        QCOMPARE(dialog.findChild<QTreeWidget *>(u"subscriptionList"_s)->topLevelItemCount(), 0);
        QVERIFY(!dialog.isBusy());
    }
};

QTEST_MAIN(TestCalendarSubscriptionsDialog)
#include "tst_calendarsubscriptionsdialog.moc"
