// SPDX-License-Identifier: GPL-3.0-or-later
#include "tests/support/servicefixture.h"
#include "tests/views/guitesting.h"
#include "views/editors/bookingrequestdialog.h"
#include "views/widgets/formatting.h"

#include <QCalendarWidget>
#include <QTableView>
#include <QTextCharFormat>

using namespace Qt::StringLiterals;
using namespace rentdesk;
using rentdesk::test::clickDay;
using rentdesk::test::clickSave;
using rentdesk::test::dayCentre;
using rentdesk::test::dayGrid;
using rentdesk::test::showsError;
using rentdesk::test::visibleErrors;
using views::BookingRequestDialog;

namespace {

const QDate Today(2026, 6, 1); // the fixture's clock

} // namespace

// The renter picks the first night and the departure on a calendar that shows the taken
// nights, sees the nights and the price, and the request goes through the BookingService;
// a refused request keeps the dialog open with the dates and the reason.
class TestBookingRequestDialog : public QObject
{
    Q_OBJECT

    std::unique_ptr<test::ServiceFixture> m_fixture;
    QUuid m_renter;
    models::domain::Apartment m_apartment;
    QList<std::pair<QDate, QDate>> m_taken;

    std::unique_ptr<BookingRequestDialog> open()
    {
        auto dialog = std::make_unique<BookingRequestDialog>(m_fixture->bookings, m_renter, m_apartment,
                                                             u"Riverside House, apartment 1"_s, m_taken, Today);
        dialog->show();
        if (!QTest::qWaitForWindowActive(dialog.get()))
            return nullptr;
        return dialog;
    }

private Q_SLOTS:
    void initTestCase() { QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates)); }

    void init()
    {
        m_fixture = std::make_unique<test::ServiceFixture>();
        QVERIFY2(m_fixture->isValid(), qPrintable(m_fixture->errorMessage()));
        const QUuid landlord = m_fixture->addLandlord();
        m_renter = m_fixture->addRenter();
        const QUuid apartment =
            m_fixture->addApartment(landlord, m_fixture->addBuilding(landlord), u"1"_s, 3000000); // 30 000 ₽
        m_taken = { { QDate(2026, 6, 10), QDate(2026, 6, 15) } };
        QVERIFY(!m_fixture
                     ->addStay(m_fixture->addRenter(u"Other Renter"_s), landlord, apartment, m_taken[0].first,
                               m_taken[0].second)
                     .isNull());
        m_apartment = *m_fixture->listings.apartment(apartment);
    }

    void cleanup() { m_fixture.reset(); }

    void showsTheApartmentAndTheTakenNights()
    {
        auto dialog = open();
        QVERIFY(dialog);
        auto *calendar = dialog->findChild<QCalendarWidget *>(u"calendar"_s);
        QVERIFY(calendar);
        QCOMPARE(dialog->findChild<QLabel *>(u"apartmentLabel"_s)->text(), u"Riverside House, apartment 1"_s);
        QCOMPARE(calendar->minimumDate(), Today);
        // Every taken night is marked, the departure day of that stay is free again.
        for (QDate night = m_taken[0].first; night < m_taken[0].second; night = night.addDays(1)) {
            const QTextCharFormat format = calendar->dateTextFormat(night);
            QVERIFY(format.fontStrikeOut());
            QVERIFY(format.background().style() != Qt::NoBrush);
        }
        QVERIFY(!calendar->dateTextFormat(m_taken[0].second).fontStrikeOut());
        QVERIFY(!calendar->dateTextFormat(QDate(2026, 6, 9)).fontStrikeOut());
        QVERIFY(dialog->findChild<QWidget *>(u"legend"_s)->isVisible());
    }

    void requestsTheDatesClicked()
    {
        auto dialog = open();
        QVERIFY(dialog);
        auto *calendar = dialog->findChild<QCalendarWidget *>(u"calendar"_s);
        clickDay(calendar, QDate(2026, 6, 3));
        QCOMPARE(dialog->firstNight(), QDate(2026, 6, 3));
        QVERIFY(!dialog->departure().isValid());
        clickDay(calendar, QDate(2026, 6, 6));
        QCOMPARE(dialog->departure(), QDate(2026, 6, 6));
        QCOMPARE(dialog->findChild<QLabel *>(u"firstNightLabel"_s)->text(), views::formatDate(QDate(2026, 6, 3)));
        QCOMPARE(dialog->findChild<QLabel *>(u"departureLabel"_s)->text(), views::formatDate(QDate(2026, 6, 6)));
        // 3 nights of 30 000 ₽ a month: 3 000 ₽.
        const QString summary = dialog->findChild<QLabel *>(u"summaryLabel"_s)->text();
        QVERIFY2(summary.contains(u"3 night"_s), qPrintable(summary));
        QVERIFY2(summary.contains(views::formatMoney({ 300000, u"RUB"_s })), qPrintable(summary));
        // The chosen nights are marked, the departure differently.
        QVERIFY(calendar->dateTextFormat(QDate(2026, 6, 4)).background().style() != Qt::NoBrush);
        QVERIFY(calendar->dateTextFormat(QDate(2026, 6, 6)).fontUnderline());

        clickSave(*dialog);
        QCOMPARE(dialog->result(), int(QDialog::Accepted));
        const models::domain::Booking booking = dialog->booking();
        QCOMPARE(booking.startDate, QDate(2026, 6, 3));
        QCOMPARE(booking.endDate, QDate(2026, 6, 6));
        QCOMPARE(booking.status, models::domain::BookingStatus::Requested);
        QCOMPARE(booking.totalPrice, (models::domain::Money { 300000, u"RUB"_s }));
        QCOMPARE(m_fixture->bookings.booking(booking.id)->renterId, m_renter);
    }

    void aClickBeforeTheFirstNightStartsAgain()
    {
        auto dialog = open();
        QVERIFY(dialog);
        auto *calendar = dialog->findChild<QCalendarWidget *>(u"calendar"_s);
        clickDay(calendar, QDate(2026, 6, 20));
        clickDay(calendar, QDate(2026, 6, 18));
        QCOMPARE(dialog->firstNight(), QDate(2026, 6, 18));
        QVERIFY(!dialog->departure().isValid());
        clickDay(calendar, QDate(2026, 6, 22));
        clickDay(calendar, QDate(2026, 6, 22)); // a double click's second click changes nothing
        QCOMPARE(dialog->firstNight(), QDate(2026, 6, 18));
        QCOMPARE(dialog->departure(), QDate(2026, 6, 22));
        clickDay(calendar, QDate(2026, 6, 25)); // a third day starts a new stay
        QCOMPARE(dialog->firstNight(), QDate(2026, 6, 25));
        QVERIFY(!dialog->departure().isValid());
    }

    void daysBeforeTodayCannotBePicked()
    {
        auto dialog = open();
        QVERIFY(dialog);
        auto *calendar = dialog->findChild<QCalendarWidget *>(u"calendar"_s);
        clickDay(calendar, Today.addDays(-1)); // 31 May, shown in June's first row
        QVERIFY(!dialog->firstNight().isValid());
        clickDay(calendar, Today);
        QCOMPARE(dialog->firstNight(), Today);
    }

    void theKeyboardPicksToo()
    {
        auto dialog = open();
        QVERIFY(dialog);
        auto *calendar = dialog->findChild<QCalendarWidget *>(u"calendar"_s);
        QTableView *grid = dayGrid(calendar);
        QTRY_VERIFY(grid->hasFocus());
        QTest::keyClick(grid, Qt::Key_Right);
        QTest::keyClick(grid, Qt::Key_Return);
        QCOMPARE(dialog->firstNight(), Today.addDays(1));
        QVERIFY(dialog->isVisible()); // Enter on the calendar picks a day, it does not send
        QTest::keyClick(grid, Qt::Key_Down);
        QTest::keyClick(grid, Qt::Key_Enter);
        QCOMPARE(dialog->departure(), Today.addDays(8));
        QVERIFY(dialog->findChild<QLabel *>(u"summaryLabel"_s)->text().contains(u"7 night"_s));
    }

    void takenDatesAreRefusedNextToTheCalendar()
    {
        auto dialog = open();
        QVERIFY(dialog);
        auto *calendar = dialog->findChild<QCalendarWidget *>(u"calendar"_s);
        clickDay(calendar, QDate(2026, 6, 8));
        clickDay(calendar, QDate(2026, 6, 12));
        // A chosen night that is taken stands out.
        QCOMPARE(calendar->dateTextFormat(QDate(2026, 6, 10)).foreground().color(), QColor(Qt::white));
        clickSave(*dialog);

        QVERIFY(dialog->isVisible());
        QCOMPARE(visibleErrors(*dialog), QStringList { u"datesError"_s });
        const QString reason =
            m_fixture->bookings.request(m_renter, m_apartment.id, QDate(2026, 6, 8), QDate(2026, 6, 12))
                .error()
                .message;
        QVERIFY(showsError(*dialog, u"datesError"_s, reason));
        QCOMPARE(calendar->property("invalid").toBool(), true);
        QCOMPARE(dialog->firstNight(), QDate(2026, 6, 8));
        QCOMPARE(dialog->departure(), QDate(2026, 6, 12));
        QCOMPARE(m_fixture->count(u"bookings"_s), 1); // only the confirmed stay

        // Picking again clears the reason; back-to-back with the taken stay is fine.
        clickDay(calendar, QDate(2026, 6, 15));
        QVERIFY(visibleErrors(*dialog).isEmpty());
        clickDay(calendar, QDate(2026, 6, 17));
        clickSave(*dialog);
        QCOMPARE(dialog->result(), int(QDialog::Accepted));
    }

    void aMissingDepartureIsRefused()
    {
        auto dialog = open();
        QVERIFY(dialog);
        clickDay(dialog->findChild<QCalendarWidget *>(u"calendar"_s), QDate(2026, 6, 20));
        clickSave(*dialog);
        QVERIFY(dialog->isVisible());
        QVERIFY(showsError(*dialog, u"datesError"_s, u"Choose the day of departure."_s));
        QCOMPARE(dialog->firstNight(), QDate(2026, 6, 20));
    }
};

QTEST_MAIN(TestBookingRequestDialog)
#include "tst_bookingrequestdialog.moc"
