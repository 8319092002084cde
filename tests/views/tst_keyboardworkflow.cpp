// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/i18n/translator.h"
#include "models/itemmodels/apartmenttablemodel.h"
#include "models/itemmodels/pagemodels.h"
#include "tests/support/testsupport.h"
#include "tests/views/guitesting.h"
#include "views/common/messages.h"
#include "views/editors/bookingrequestdialog.h"
#include "views/editors/revieweditor.h"
#include "views/mainwindow/mainwindow.h"
#include "views/mainwindow/workspace.h"
#include "views/widgets/starrating.h"

#include <QApplication>
#include <QCalendarWidget>
#include <QLabel>
#include <QLineEdit>
#include <QMainWindow>
#include <QMenu>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSettings>
#include <QTableView>
#include <QTest>
#include <QTextBrowser>
#include <QTimer>

#include <functional>

using namespace Qt::StringLiterals;
using namespace rentdesk;
using namespace rentdesk::test;
using models::domain::BookingStatus;
namespace BookingColumns = models::itemmodels::BookingColumns;
using models::itemmodels::ValueRole;

namespace {

const QString Password = u"correct horse battery"_s;

// What a key press reaches: the open menu, else the widget with the keyboard focus (as the
// window system delivers a key). Nothing else is ever sent an event here.
QWidget *keyboardTarget()
{
    if (QWidget *popup = QApplication::activePopupWidget())
        return popup->focusWidget() ? popup->focusWidget() : popup;
    return QApplication::focusWidget();
}

void press(QKeyCombination key)
{
    QWidget *target = keyboardTarget();
    QVERIFY2(target, "nothing has the keyboard focus");
    QTest::keyClick(target, key.key(), key.keyboardModifiers());
}

void press(Qt::Key key, int times = 1)
{
    for (int i = 0; i < times; ++i) {
        press(QKeyCombination(key));
        RENTDESK_RETURN_IF_FAILED();
    }
}

void type(const QString &text)
{
    QWidget *target = keyboardTarget();
    QVERIFY2(target, "nothing has the keyboard focus");
    QTest::keyClicks(target, text);
}

QString focusName()
{
    const QWidget *focus = QApplication::focusWidget();
    return focus ? focus->objectName() : u"(none)"_s;
}

// Runs keys(), which opens a window with an event loop of its own (a modal dialog, a context
// menu), and act(window) once it shows; returns when keys() returns, after the window closed.
// After a failed check in act() the window is closed, and the caller stops with
// RENTDESK_RETURN_IF_FAILED().
void whileOpen(const std::function<QWidget *()> &find, const std::function<void()> &keys,
               const std::function<void(QWidget *)> &act)
{
    bool acted = false;
    QTimer poll;
    poll.setInterval(10);
    QObject::connect(&poll, &QTimer::timeout, [&] {
        QWidget *window = find();
        // Keys go to it once it has the keyboard (the platform activates it a moment later).
        if (!window || !window->isVisible() || !window->isActiveWindow() || acted)
            return;
        acted = true;
        poll.stop();
        QTimer::singleShot(30000, window, &QWidget::close); // the test forgot to close it
        act(window);
        if (QTest::currentTestFailed() && window->isVisible())
            window->close();
    });
    poll.start();
    keys();
    QVERIFY2(acted, "the expected window did not open");
    // A window manager gives the keyboard back to the window under a closed dialog or menu; the
    // offscreen platform leaves no window active.
    if (!QApplication::activeWindow()) {
        for (QWidget *top : QApplication::topLevelWidgets()) {
            if (qobject_cast<QMainWindow *>(top) && top->isVisible()) {
                top->activateWindow();
                QVERIFY(QTest::qWaitForWindowActive(top));
            }
        }
    }
}

template<typename Dialog> void inDialog(const std::function<void()> &keys, const std::function<void(Dialog *)> &act)
{
    whileOpen([] { return qobject_cast<Dialog *>(QApplication::activeModalWidget()); }, keys,
              [&](QWidget *window) { act(static_cast<Dialog *>(window)); });
}

} // namespace

// The book → confirm → review workflow of issue 15 with the keyboard alone: every step is a key
// pressed where the focus is (menus by their Alt letters, shortcuts, Tab, arrows, Return, the
// context-menu key), never a click and never a call to a slot. A renter finds an apartment and
// asks for dates; the landlord confirms; after the stay the renter reviews it.
class TestKeyboardWorkflow final : public QObject
{
    Q_OBJECT

    TempDatabase m_db;
    models::i18n::Translator m_translator;
    models::services::ManualClock m_clock { QDateTime(QDate(2026, 6, 1), QTime(10, 0), Qt::UTC) };
    models::services::Session m_session;
    std::unique_ptr<views::Workspace> m_workspace;
    std::unique_ptr<views::MainWindow> m_window;

    QTableView *table(const QString &page) const { return m_window->findChild<QTableView *>(page + u"Table"_s); }

    // In the sign-in dialog, whose e-mail field has the focus.
    static void typeCredentials(const QString &email)
    {
        QCOMPARE(focusName(), u"emailEdit"_s);
        type(email);
        press(Qt::Key_Tab);
        QCOMPARE(focusName(), u"passwordEdit"_s);
        type(Password);
        press(Qt::Key_Return);
    }

    // File ▸ Sign in (Alt+F, I) when nobody is signed in; File ▸ Log out (Alt+F, L) otherwise,
    // which opens the sign-in dialog at once.
    void signIn(const QString &email)
    {
        const bool signedIn = m_session.isSignedIn();
        inDialog<QDialog>(
            [signedIn] {
                press(Qt::ALT | Qt::Key_F);
                QVERIFY(qobject_cast<QMenu *>(QApplication::activePopupWidget()));
                press(signedIn ? Qt::Key_L : Qt::Key_I);
            },
            [&](QDialog *dialog) {
                QCOMPARE(dialog->objectName(), u"loginDialog"_s);
                typeCredentials(email);
            });
        RENTDESK_RETURN_IF_FAILED();
        QVERIFY(m_session.isSignedIn());
        QCOMPARE(m_session.user()->email, email);
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(m_db.isValid(), qPrintable(m_db.errorMessage()));
        QSettings().clear();
        QVERIFY(m_translator.switchTo(models::domain::Language::English).rentdesk);
        m_workspace =
            std::make_unique<views::Workspace>(m_db.shared(), m_clock, models::services::Mode::Standalone, m_session);
        // The listing is there before the story starts; the story is the booking.
        const auto landlord = m_workspace->accounts.signUp(
            { u"lena@example.org"_s, Password, u"Lena Landlord"_s, {}, models::domain::Role::Landlord });
        QVERIFY(landlord);
        QVERIFY(m_workspace->accounts.signUp(
            { u"roman@example.org"_s, Password, u"Roman Renter"_s, {}, models::domain::Role::Renter }));
        const auto building = m_workspace->listings.createBuilding(
            landlord->id, { u"Riverside House"_s, u"12 Quay Street"_s, u"Glasgow"_s, 5, std::nullopt });
        QVERIFY(building);
        models::services::ListingService::ApartmentDraft flat;
        flat.buildingId = building->id;
        flat.number = u"7"_s;
        flat.floor = 3;
        flat.rooms = 2;
        flat.areaSqm = 54;
        flat.monthlyPrice = { 120000, u"GBP"_s };
        QVERIFY(m_workspace->listings.createApartment(landlord->id, flat));

        m_window = std::make_unique<views::MainWindow>(*m_workspace);
        m_window->resize(1280, 800);
        m_window->show();
        m_window->activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
        views::messages::setNextAnswer(std::nullopt);
    }

    void renterFindsAnApartmentAndRequestsDates()
    {
        signIn(u"roman@example.org"_s);
        RENTDESK_RETURN_IF_FAILED();

        // Ctrl+F: the search field; Down: its results, the first one selected.
        press(Qt::CTRL | Qt::Key_F);
        QCOMPARE(focusName(), u"searchEdit"_s);
        type(u"quay glasg"_s);
        press(Qt::Key_Down);
        QTableView *apartments = table(u"apartments"_s);
        QCOMPARE(QApplication::focusWidget(), apartments);
        QCOMPARE(apartments->model()->rowCount(), 1);
        QCOMPARE(apartments->selectionModel()->selectedRows().size(), 1);

        // Ctrl+R: the booking dialog, the keyboard in its calendar on today (1 June). Arrows go
        // to a day and Return picks it: the 10th, then the 15th; Alt+S sends.
        inDialog<views::BookingRequestDialog>([] { press(Qt::CTRL | Qt::Key_R); },
                                              [](views::BookingRequestDialog *dialog) {
                                                  auto *calendar = dialog->findChild<QCalendarWidget *>(u"calendar"_s);
                                                  QVERIFY(calendar->isAncestorOf(QApplication::focusWidget()));
                                                  QCOMPARE(calendar->selectedDate(), QDate(2026, 6, 1));
                                                  press(Qt::Key_Right, 9);
                                                  press(Qt::Key_Return);
                                                  press(Qt::Key_Right, 5);
                                                  press(Qt::Key_Return);
                                                  const QString stay =
                                                      dialog->findChild<QLabel *>(u"summaryLabel"_s)->text();
                                                  QVERIFY2(stay.startsWith(u"5 night"_s), qPrintable(stay));
                                                  press(Qt::ALT | Qt::Key_S);
                                              });
        RENTDESK_RETURN_IF_FAILED();

        // Ctrl+3: the bookings, the new request selected.
        press(Qt::CTRL | Qt::Key_3);
        QTableView *bookings = table(u"bookings"_s);
        QCOMPARE(QApplication::focusWidget(), bookings);
        QCOMPARE(bookings->model()->rowCount(), 1);
        QCOMPARE(bookings->model()->index(0, BookingColumns::Status).data(ValueRole).value<BookingStatus>(),
                 BookingStatus::Requested);
    }

    void landlordConfirmsTheRequest()
    {
        // Alt+F, L: the renter signs out; the landlord signs in in the dialog that follows.
        signIn(u"lena@example.org"_s);
        RENTDESK_RETURN_IF_FAILED();
        press(Qt::CTRL | Qt::Key_3);
        QTableView *bookings = table(u"bookings"_s);
        QCOMPARE(QApplication::focusWidget(), bookings);
        QCOMPARE(bookings->selectionModel()->selectedRows().size(), 1);

        // Shift+F10: the row's context menu; C: Confirm, answered Yes.
        views::messages::setNextAnswer(true);
        whileOpen([] { return qobject_cast<QMenu *>(QApplication::activePopupWidget()); },
                  [] { press(Qt::SHIFT | Qt::Key_F10); },
                  [this](QWidget *menu) {
                      QVERIFY(menu->actions().contains(m_window->actions().confirmBooking));
                      QVERIFY(m_window->actions().confirmBooking->isEnabled());
                      press(Qt::Key_C);
                  });
        RENTDESK_RETURN_IF_FAILED();
        QTRY_COMPARE(bookings->model()->index(0, BookingColumns::Status).data(ValueRole).value<BookingStatus>(),
                     BookingStatus::Confirmed);
    }

    void renterReviewsAfterTheStay()
    {
        m_clock.set(QDateTime(QDate(2026, 6, 16), QTime(10, 0), Qt::UTC));
        signIn(u"roman@example.org"_s);
        RENTDESK_RETURN_IF_FAILED();

        // Ctrl+1: the apartments, the one found before selected (the filter is kept).
        press(Qt::CTRL | Qt::Key_1);
        QTableView *apartments = table(u"apartments"_s);
        QCOMPARE(QApplication::focusWidget(), apartments);
        QCOMPARE(apartments->selectionModel()->selectedRows().size(), 1);

        // Ctrl+Shift+R: the review; 4 stars, Tab to the text, Tab to Save, Return.
        inDialog<views::ReviewEditor>([] { press(Qt::CTRL | Qt::SHIFT | Qt::Key_R); },
                                      [](views::ReviewEditor *dialog) {
                                          QCOMPARE(focusName(), u"ratingStars"_s);
                                          press(Qt::Key_4);
                                          QCOMPARE(dialog->findChild<views::StarRatingWidget *>()->value(), 4);
                                          press(Qt::Key_Tab);
                                          QCOMPARE(focusName(), u"bodyEdit"_s);
                                          type(u"Bright, quiet and close to the river."_s);
                                          press(Qt::Key_Tab);
                                          QCOMPARE(focusName(), u"saveButton"_s);
                                          press(Qt::Key_Return);
                                      });
        RENTDESK_RETURN_IF_FAILED();
        auto *details = m_window->findChild<QTextBrowser *>(u"apartmentsDetails"_s);
        QTRY_VERIFY2(details->toPlainText().contains(u"Rating: 4.0 (1)"_s), qPrintable(details->toPlainText()));
        QVERIFY(details->toPlainText().contains(u"Bright, quiet and close to the river."_s));
    }

    // The calendar page's search leads to its calendar the same way.
    void calendarSearchLeadsToTheCalendar()
    {
        press(Qt::CTRL | Qt::Key_6);
        press(Qt::CTRL | Qt::Key_F);
        QCOMPARE(focusName(), u"searchEdit"_s);
        QVERIFY(m_window->findChild<QWidget *>(u"calendarFilterBar"_s)->isAncestorOf(QApplication::focusWidget()));
        type(u"quay"_s);
        press(Qt::Key_Return);
        QCOMPARE(focusName(), u"occupancyView"_s);
    }

    void cleanupTestCase()
    {
        views::messages::setNextAnswer(std::nullopt);
        m_window.reset();
        m_workspace.reset();
    }
};

QTEST_MAIN(TestKeyboardWorkflow)
#include "tst_keyboardworkflow.moc"
