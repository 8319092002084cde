// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/i18n/translator.h"
#include "models/itemmodels/apartmenttablemodel.h"
#include "models/itemmodels/pagemodels.h"
#include "tests/support/testsupport.h"
#include "tests/views/guitesting.h"
#include "views/accounts/logindialog.h"
#include "views/apartments/apartmentspage.h"
#include "views/bookings/bookingspage.h"
#include "views/buildings/buildingspage.h"
#include "views/common/messages.h"
#include "views/mainwindow/mainwindow.h"
#include "views/mainwindow/workspace.h"
#include "views/widgets/starrating.h"

#include <QAction>
#include <QApplication>
#include <QCalendarWidget>
#include <QComboBox>
#include <QDialog>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSettings>
#include <QSpinBox>
#include <QTabBar>
#include <QTabWidget>
#include <QTableView>
#include <QTest>
#include <QTextBrowser>
#include <QTimer>

#include <functional>

using namespace Qt::StringLiterals;
using namespace rentdesk;
using models::itemmodels::ApartmentTableModel;
using views::MainWindow;
using namespace rentdesk::test;

namespace {

const QString Password = u"correct horse battery"_s;

// Triggers an action that opens a modal dialog and lets interact() drive the dialog; returns
// once the dialog closed. A failed check in interact() closes the dialog; the caller then
// stops with RENTDESK_RETURN_IF_FAILED().
void withDialog(QAction *action, const std::function<void(QDialog *)> &interact)
{
    // Checked before anything is triggered, so that a disabled action leaves nothing behind.
    QVERIFY2(action->isEnabled(), qPrintable(action->objectName()));
    driveModalDialog<QDialog>([action] { action->trigger(); }, interact);
}

template<typename T> T *child(QWidget *parent, const QString &name)
{
    T *found = parent->findChild<T *>(name);
    if (!found)
        qWarning() << "no" << name;
    return found;
}

void selectRow(QTableView *table, int row)
{
    table->setFocus();
    QTest::mouseClick(table->viewport(), Qt::LeftButton, {}, table->visualRect(table->model()->index(row, 0)).center());
}

} // namespace

// The story, through the window only (clicks and keys): a landlord signs up and
// lists a building and an apartment; a renter finds it with the filter bar and asks for
// dates; the landlord confirms and the status changes; the renter reviews the apartment
// and its rating in the detail pane changes. Along the way: a bad value in an editor shows
// the service's message next to the field and keeps the input, and a renter never has a
// landlord's action enabled.
class TestWorkflow final : public QObject
{
    Q_OBJECT

    test::TempDatabase m_db;
    models::i18n::Translator m_translator;
    models::services::ManualClock m_clock { QDateTime(QDate(2026, 6, 1), QTime(10, 0), Qt::UTC) };
    models::services::Session m_session;
    std::unique_ptr<views::Workspace> m_workspace;
    std::unique_ptr<MainWindow> m_window;

    // Log out from the menu; the sign-in dialog that follows is closed. Like the helpers below,
    // its checks end only itself: callers write RENTDESK_RETURN_IF_FAILED() after it.
    void signOut()
    {
        if (!m_session.isSignedIn())
            return;
        driveModalDialog<QDialog>([this] { m_window->actions().signOut->trigger(); },
                                  [](QDialog *dialog) { dialog->reject(); });
        RENTDESK_RETURN_IF_FAILED();
        QVERIFY(!m_session.isSignedIn());
    }

    void signUp(const QString &name, const QString &email, models::domain::Role role)
    {
        signOut();
        RENTDESK_RETURN_IF_FAILED();
        withDialog(m_window->actions().signIn, [&](QDialog *dialog) {
            auto *tabs = child<QTabWidget>(dialog, u"loginTabs"_s);
            QTest::mouseClick(tabs->tabBar(), Qt::LeftButton, {}, tabs->tabBar()->tabRect(1).center());
            QTest::keyClicks(child<QLineEdit>(dialog, u"newNameEdit"_s), name);
            QTest::keyClicks(child<QLineEdit>(dialog, u"newEmailEdit"_s), email);
            QTest::keyClicks(child<QLineEdit>(dialog, u"newPasswordEdit"_s), Password);
            QTest::keyClicks(child<QLineEdit>(dialog, u"repeatPasswordEdit"_s), Password);
            auto *roleBox = child<QComboBox>(dialog, u"roleCombo"_s);
            roleBox->setCurrentIndex(roleBox->findData(int(role)));
            QTest::mouseClick(child<QPushButton>(dialog, u"createAccountButton"_s), Qt::LeftButton);
        });
        RENTDESK_RETURN_IF_FAILED();
        QVERIFY(m_session.isSignedIn());
        QCOMPARE(m_session.user()->role, role);
    }

    void signIn(const QString &email)
    {
        signOut();
        RENTDESK_RETURN_IF_FAILED();
        withDialog(m_window->actions().signIn, [&](QDialog *dialog) {
            QTest::keyClicks(child<QLineEdit>(dialog, u"emailEdit"_s), email);
            QTest::keyClicks(child<QLineEdit>(dialog, u"passwordEdit"_s), Password);
            QTest::keyClick(child<QLineEdit>(dialog, u"passwordEdit"_s), Qt::Key_Return);
        });
        RENTDESK_RETURN_IF_FAILED();
        QVERIFY(m_session.isSignedIn());
    }

    QTableView *table(const QString &page) const { return m_window->findChild<QTableView *>(page + u"Table"_s); }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(m_db.isValid(), qPrintable(m_db.errorMessage()));
        QSettings().clear();
        QVERIFY(m_translator.switchTo(models::domain::Language::English).rentdesk);
        m_workspace =
            std::make_unique<views::Workspace>(m_db.shared(), m_clock, models::services::Mode::Standalone, m_session);
        m_window = std::make_unique<MainWindow>(*m_workspace);
        m_window->resize(1280, 800);
        m_window->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    }

    void landlordListsABuildingAndAnApartment()
    {
        signUp(u"Lena Landlord"_s, u"lena@example.org"_s, models::domain::Role::Landlord);
        RENTDESK_RETURN_IF_FAILED();
        QVERIFY(table(u"apartments"_s)->model()->rowCount() == 0);
        QVERIFY(child<QLabel>(m_window.get(), u"apartmentsEmptyState"_s)->text().contains(u"New apartment"_s));

        withDialog(m_window->actions().newBuilding, [](QDialog *dialog) {
            QTest::keyClicks(child<QLineEdit>(dialog, u"nameEdit"_s), u"Riverside House"_s);
            QTest::keyClicks(child<QLineEdit>(dialog, u"addressEdit"_s), u"12 Quay Street"_s);
            QTest::keyClicks(child<QLineEdit>(dialog, u"cityEdit"_s), u"Glasgow"_s);
            typeOver(child<QSpinBox>(dialog, u"floorsSpin"_s), u"5"_s);
            clickSave(*dialog);
        });
        RENTDESK_RETURN_IF_FAILED();
        m_window->showPage(m_window->buildingsPage());
        QTRY_COMPARE(table(u"buildings"_s)->model()->rowCount(), 1);

        withDialog(m_window->actions().newApartment, [](QDialog *dialog) {
            QTest::keyClicks(child<QLineEdit>(dialog, u"numberEdit"_s), u"7"_s);
            typeOver(child<QSpinBox>(dialog, u"floorSpin"_s), u"9"_s); // above the roof
            typeOver(child<QSpinBox>(dialog, u"roomsSpin"_s), u"2"_s);
            typeOver(child<QDoubleSpinBox>(dialog, u"areaSpin"_s), u"54"_s);
            typeOver(child<QDoubleSpinBox>(dialog, u"priceSpin"_s), u"1200"_s);
            auto *currency = child<QComboBox>(dialog, u"currencyCombo"_s);
            currency->setCurrentIndex(currency->findText(u"GBP"_s, Qt::MatchContains));
            clickSave(*dialog);
            RENTDESK_RETURN_IF_FAILED();
            // The service's sentence under the floor; the dialog stays, with what was typed.
            QVERIFY(dialog->isVisible());
            QCOMPARE(visibleErrors(*dialog), QStringList { u"floorError"_s });
            QVERIFY(child<QLabel>(dialog, u"floorError"_s)->text().contains(u"5"_s));
            QCOMPARE(child<QLineEdit>(dialog, u"numberEdit"_s)->text(), u"7"_s);
            QCOMPARE(child<QDoubleSpinBox>(dialog, u"priceSpin"_s)->value(), 1200.0);
            typeOver(child<QSpinBox>(dialog, u"floorSpin"_s), u"3"_s);
            clickSave(*dialog);
        });
        RENTDESK_RETURN_IF_FAILED();
        m_window->showPage(m_window->apartmentsPage());
        QTRY_COMPARE(table(u"apartments"_s)->model()->rowCount(), 1);
    }

    void renterFindsItAndRequestsDates()
    {
        signUp(u"Roman Renter"_s, u"roman@example.org"_s, models::domain::Role::Renter);
        RENTDESK_RETURN_IF_FAILED();
        // No landlord action is ever enabled for a renter.
        for (QAction *action : { m_window->actions().newBuilding, m_window->actions().newApartment,
                                 m_window->actions().confirmBooking, m_window->actions().declineBooking })
            QVERIFY2(!action->isEnabled(), qPrintable(action->objectName()));

        QTableView *apartments = table(u"apartments"_s);
        auto *search = child<QLineEdit>(m_window->apartmentsPage(), u"searchEdit"_s);
        QTest::keyClicks(search, u"nowhere"_s);
        QTRY_COMPARE(apartments->model()->rowCount(), 0);
        search->clear();
        QTest::keyClicks(search, u"quay glasg"_s);
        QTRY_COMPARE(apartments->model()->rowCount(), 1);
        selectRow(apartments, 0);
        QVERIFY(!m_window->actions().edit->isEnabled()); // not theirs

        withDialog(m_window->actions().requestBooking, [](QDialog *dialog) {
            auto *calendar = child<QCalendarWidget>(dialog, u"calendar"_s);
            clickDay(calendar, QDate(2026, 6, 10));
            clickDay(calendar, QDate(2026, 6, 15));
            clickSave(*dialog);
        });
        RENTDESK_RETURN_IF_FAILED();
        m_window->showPage(m_window->bookingsPage());
        QTRY_COMPARE(table(u"bookings"_s)->model()->rowCount(), 1);
        QCOMPARE(table(u"bookings"_s)
                     ->model()
                     ->index(0, models::itemmodels::BookingColumns::Status)
                     .data(models::itemmodels::ValueRole)
                     .value<models::domain::BookingStatus>(),
                 models::domain::BookingStatus::Requested);
    }

    void landlordConfirmsAndTheStatusChanges()
    {
        signIn(u"lena@example.org"_s);
        RENTDESK_RETURN_IF_FAILED();
        m_window->showPage(m_window->bookingsPage());
        QTableView *bookings = table(u"bookings"_s);
        QTRY_COMPARE(bookings->model()->rowCount(), 1);
        const QModelIndex status = bookings->model()->index(0, models::itemmodels::BookingColumns::Status);
        QCOMPARE(status.data().toString(), u"Requested"_s);
        selectRow(bookings, 0);
        // The detail pane shows the renter, with what others wrote about them.
        QVERIFY(child<QTextBrowser>(m_window.get(), u"bookingsDetails"_s)
                    ->toPlainText()
                    .contains(u"Roman Renter (Renter), rating not rated"_s));
        views::messages::setNextAnswer(true);
        QVERIFY(m_window->actions().confirmBooking->isEnabled());
        m_window->actions().confirmBooking->trigger();
        QTRY_COMPARE(bookings->model()->index(0, models::itemmodels::BookingColumns::Status).data().toString(),
                     u"Confirmed"_s);
        QCOMPARE(bookings->model()
                     ->index(0, models::itemmodels::BookingColumns::Status)
                     .data(models::itemmodels::ValueRole)
                     .value<models::domain::BookingStatus>(),
                 models::domain::BookingStatus::Confirmed);
        // The apartment is booked now: its badge on the Apartments page says so.
        m_window->showPage(m_window->apartmentsPage());
        QTRY_COMPARE(table(u"apartments"_s)
                         ->model()
                         ->index(0, ApartmentTableModel::Status)
                         .data(models::itemmodels::ValueRole)
                         .value<models::domain::ApartmentStatus>(),
                     models::domain::ApartmentStatus::Booked);
        QVERIFY(child<QLabel>(m_window.get(), u"mailStatus"_s)->text().contains(u"queued"_s));
    }

    void renterReviewsAndTheRatingChanges()
    {
        signIn(u"roman@example.org"_s);
        RENTDESK_RETURN_IF_FAILED();
        m_window->showPage(m_window->apartmentsPage());
        QTableView *apartments = table(u"apartments"_s);
        QTRY_VERIFY(apartments->model()->rowCount() >= 1);
        selectRow(apartments, 0);
        auto *details = child<QTextBrowser>(m_window.get(), u"apartmentsDetails"_s);
        QVERIFY(details->toPlainText().contains(u"Rating: not rated"_s));

        withDialog(m_window->actions().writeReview, [](QDialog *dialog) {
            auto *stars = child<views::StarRatingWidget>(dialog, u"ratingStars"_s);
            stars->setFocus();
            QTest::keyClick(stars, Qt::Key_4);
            QTest::keyClicks(child<QPlainTextEdit>(dialog, u"bodyEdit"_s), u"Bright, quiet and close to the river."_s);
            clickSave(*dialog);
        });
        RENTDESK_RETURN_IF_FAILED();
        QTRY_VERIFY(details->toPlainText().contains(u"Rating: 4.0 (1)"_s));
        QVERIFY(details->toPlainText().contains(u"Bright, quiet and close to the river."_s));
        QCOMPARE(apartments->model()
                     ->index(0, ApartmentTableModel::Rating)
                     .data(models::itemmodels::ValueRole)
                     .value<models::domain::Rating>(),
                 (models::domain::Rating { 4, 1 }));

        // A second review of the same apartment is refused before a form opens.
        views::messages::setNextAnswer(std::nullopt);
        m_window->actions().writeReview->trigger();
        QVERIFY(views::messages::lastText().contains(u"already"_s));
    }

    // Delete asks first, and says why when the service refuses.
    void deletingAsksFirstAndSaysWhyNot()
    {
        signIn(u"lena@example.org"_s);
        RENTDESK_RETURN_IF_FAILED();
        m_window->showPage(m_window->buildingsPage());
        QTableView *buildings = table(u"buildings"_s);
        QTRY_COMPARE(buildings->model()->rowCount(), 1);
        selectRow(buildings, 0);
        QVERIFY(m_window->actions().remove->isEnabled());
        views::messages::setNextAnswer(false); // "Cancel": nothing happens
        m_window->actions().remove->trigger();
        QVERIFY(views::messages::lastText().contains(u"Riverside House"_s));
        QCOMPARE(buildings->model()->rowCount(), 1);
        views::messages::setNextAnswer(true); // "Delete building": refused, with the reason
        m_window->actions().remove->trigger();
        QVERIFY2(views::messages::lastText().contains(u"apartment"_s), qPrintable(views::messages::lastText()));
        QCOMPARE(buildings->model()->rowCount(), 1);
    }

    void cleanupTestCase()
    {
        m_window.reset();
        m_workspace.reset();
    }
};

QTEST_MAIN(TestWorkflow)
#include "tst_workflow.moc"
