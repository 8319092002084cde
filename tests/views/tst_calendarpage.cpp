// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/db/query.h"
#include "models/demo/demogenerator.h"
#include "models/domain/storedvalues.h"
#include "models/i18n/translator.h"
#include "models/itemmodels/itemroles.h"
#include "models/itemmodels/occupancymodel.h"
#include "tests/support/testsupport.h"
#include "tests/views/demowindow.h"
#include "tests/views/guitesting.h"
#include "views/apartments/apartmentfilterbar.h"
#include "views/calendar/calendarpage.h"
#include "views/calendar/occupancyview.h"
#include "views/common/messages.h"
#include "views/editors/bookingrequestdialog.h"
#include "views/mainwindow/mainactions.h"
#include "views/mainwindow/mainwindow.h"
#include "views/mainwindow/workspace.h"
#include "views/widgets/badge.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QImage>
#include <QMenu>
#include <QScrollBar>
#include <QSettings>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTest>
#include <QTextBrowser>
#include <QTimer>
#include <QToolButton>
#include <QWheelEvent>

#include <optional>

using namespace Qt::StringLiterals;
using namespace rentdesk;
using models::domain::BookingStatus;
using models::itemmodels::OccupancyModel;
using models::query::OccupancyBar;
using views::CalendarPage;
using views::MainWindow;
using views::OccupancyView;

namespace {

// A stretch of free nights of a row: [first, first + nights) of the days shown.
struct FreeNights
{
    int row = -1;
    int day = -1; // the first night's column
    QDate first;
};

} // namespace

// The occupancy calendar as a person uses it, on demo data: the bars where the bookings are,
// a landlord blocking and unblocking by dragging and from a bar's menu, a renter asking for
// nights by dragging, the keyboard doing the same, and the days moving by zoom and by month.
class TestCalendarPage : public QObject
{
    Q_OBJECT

    test::DemoWindow m_demo;

    CalendarPage *page() const { return m_demo.window->calendarPage(); }
    OccupancyView *view() const { return page()->view(); }
    OccupancyModel *model() const { return page()->model(); }

    void signIn(const QString &email)
    {
        m_demo.signIn(email);
        RENTDESK_RETURN_IF_FAILED();
        m_demo.window->actions().showCalendar->trigger();
        QCOMPARE(m_demo.window->findChild<QTabWidget *>(u"pageTabs"_s)->currentWidget(), page());
    }

    // Narrows the calendar to the landlord's own apartments, as a person ticks "Only mine".
    void onlyMine()
    {
        auto *bar = page()->findChild<views::ApartmentFilterBar *>(u"calendarFilterBar"_s);
        QVERIFY(bar);
        auto *mine = bar->findChild<QCheckBox *>(u"mineCheck"_s);
        QVERIFY(mine && mine->isVisible());
        const qint64 all = model()->totalRows();
        mine->setChecked(true);
        QTRY_VERIFY(model()->totalRows() < all);
    }

    QString stored(const QUuid &id) const { return models::domain::toStoredId(id); }

    // The first row with `nights` free nights from a day not before today.
    std::optional<FreeNights> freeNights(int nights) const
    {
        const QDate today = m_demo.clock.today();
        for (int row = 0; row < model()->rowCount(); ++row) {
            const QList<OccupancyBar> bars = model()->barsOf(row);
            for (int day = int(std::max<qint64>(0, model()->first().daysTo(today))); day + nights < model()->days();
                 ++day) {
                bool free = true;
                for (int n = 0; n < nights && free; ++n) {
                    const QDate night = model()->first().addDays(day + n);
                    for (const OccupancyBar &bar : bars)
                        free = free && !(bar.start <= night && night < bar.end);
                }
                if (free)
                    return FreeNights { row, day, model()->first().addDays(day) };
            }
        }
        return std::nullopt;
    }

    // Free nights (one to three, not before today) just before a stay, to drag into it; `nights`
    // says how many.
    std::optional<FreeNights> freeBeforeAStay(int *nights) const
    {
        const QDate today = m_demo.clock.today();
        for (int row = 0; row < model()->rowCount(); ++row) {
            const QList<OccupancyBar> bars = model()->barsOf(row);
            for (const OccupancyBar &stay : bars) {
                const int stayDay = int(model()->first().daysTo(stay.start));
                if (stay.status == BookingStatus::Requested || stay.start <= today || stayDay + 2 >= model()->days())
                    continue;
                int free = 0;
                while (free < 3 && stay.start.addDays(-free - 1) >= today && stayDay - free - 1 >= 0
                       && std::none_of(bars.cbegin(), bars.cend(), [&](const OccupancyBar &bar) {
                              const QDate night = stay.start.addDays(-free - 1);
                              return bar.start <= night && night < bar.end;
                          }))
                    ++free;
                if (free > 0) {
                    *nights = free;
                    return FreeNights { row, stayDay - free, stay.start.addDays(-free) };
                }
            }
        }
        return std::nullopt;
    }

    QPoint dayCentre(int row, int day) const { return view()->visualRect(model()->index(row, day)).center(); }

    void drag(int row, int fromDay, int toDay)
    {
        QWidget *viewport = view()->viewport();
        QTest::mousePress(viewport, Qt::LeftButton, {}, dayCentre(row, fromDay));
        const int step = toDay >= fromDay ? 1 : -1;
        for (int day = fromDay + step; day != toDay + step; day += step)
            QTest::mouseMove(viewport, dayCentre(row, day));
    }

    void release(int row, int day) { QTest::mouseRelease(view()->viewport(), Qt::LeftButton, {}, dayCentre(row, day)); }

    // The bookings of an apartment on these dates, as "status renter block_source".
    QStringList bookingsOn(const QUuid &apartment, QDate first, QDate departure) const
    {
        QStringList rows;
        auto query =
            models::db::exec(m_demo.db.connection(),
                             u"SELECT status, renter_id, coalesce(block_source, '-') FROM bookings "
                             "WHERE apartment_id = :a AND start_date = :s AND end_date = :e ORDER BY created_at"_s,
                             { { u":a"_s, stored(apartment) },
                               { u":s"_s, models::domain::toStoredDate(first) },
                               { u":e"_s, models::domain::toStoredDate(departure) } });
        while (query && query->next()) {
            rows << u"%1 %2 %3"_s.arg(query->value(0).toString(), query->value(1).toString(),
                                      query->value(2).toString());
        }
        return rows;
    }

    // Runs the action of the menu the next popup shows whose text starts with `text`.
    static void chooseFromNextMenu(const QString &text, QString *offered)
    {
        QTimer::singleShot(0, [text, offered] {
            auto *menu = qobject_cast<QMenu *>(QApplication::activePopupWidget());
            if (!menu)
                return;
            QStringList texts;
            QAction *chosen = nullptr;
            for (QAction *action : menu->actions()) {
                texts << action->text();
                if (action->text().remove(u'&').startsWith(text))
                    chosen = action;
            }
            *offered = texts.join(u'|').remove(u'&');
            if (!chosen) {
                menu->close();
                return;
            }
            menu->setActiveAction(chosen);
            QTest::keyClick(menu, Qt::Key_Return);
        });
    }

private Q_SLOTS:
    void initTestCase() { m_demo.prepare(300); }

    void init() { m_demo.open(); }

    void cleanup() { m_demo.close(); }

    // Each of the landlord's stays is drawn in its row, from its first night to its departure,
    // in its status's colour; a free day has no bar colour.
    void theBarsAreWhereTheStaysAre()
    {
        signIn(models::demo::demoLandlord().email);
        RENTDESK_RETURN_IF_FAILED();
        onlyMine();
        RENTDESK_RETURN_IF_FAILED();
        QAbstractItemModelTester tester(model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(model()->totalRows(),
                 test::valueIn(
                     m_demo.db.path(),
                     u"SELECT count(*) FROM apartments WHERE owner_id = '%1'"_s.arg(stored(m_demo.session.userId()))));
        QCOMPARE(page()->first(), QDate(2026, 6, 1));
        QCOMPARE(model()->days(), 30);

        const QImage image = view()->viewport()->grab().toImage();
        const int rowsInSight = view()->viewport()->height() / view()->rowHeight();
        int checked = 0;
        for (int row = 0; row < std::min(rowsInSight, model()->rowCount()); ++row) {
            for (const OccupancyBar &bar : model()->barsOf(row)) {
                QVERIFY(bar.own);
                const QRect rect = view()->barRect(row, bar);
                // From the middle of the first night's day to the middle of the departure's.
                const int firstDay = int(model()->first().daysTo(bar.start));
                if (firstDay >= 0)
                    QVERIFY(std::abs(rect.left() - view()->visualRect(model()->index(row, firstDay)).center().x())
                            <= 1);
                if (bar.status == BookingStatus::Requested)
                    continue; // drawn light, with dashes
                const QColor colour = views::badgeColors(bar.status).background;
                int matching = 0;
                for (int y = rect.top() + 2; y < rect.bottom() - 1; ++y)
                    matching += image.pixelColor(rect.right() - 5, y) == colour;
                QVERIFY2(matching > 0, qPrintable(u"row %1, %2"_s.arg(row).arg(bar.start.toString(Qt::ISODate))));
                ++checked;
            }
            if (const auto free = freeNights(1); free && free->row == row) {
                const QRect cell = view()->visualRect(model()->index(row, free->day));
                for (const BookingStatus status : { BookingStatus::Confirmed, BookingStatus::Completed })
                    QVERIFY(image.pixelColor(cell.center()) != views::badgeColors(status).background);
            }
        }
        QVERIFY2(checked >= 5, qPrintable(QString::number(checked)));
    }

    // A landlord drags over free days of their apartment and blocks them (asked first); the
    // drag stops before a taken night; the block's menu removes it.
    void aLandlordBlocksByDraggingAndUnblocksFromTheMenu()
    {
        signIn(models::demo::demoLandlord().email);
        RENTDESK_RETURN_IF_FAILED();
        onlyMine();
        RENTDESK_RETURN_IF_FAILED();
        int nights = 0;
        auto free = freeBeforeAStay(&nights);
        for (int month = 0; month < 6 && !free; ++month) {
            page()->showNext();
            free = freeBeforeAStay(&nights);
        }
        QVERIFY(free);
        view()->scrollTo(model()->index(free->row, 0));
        const QUuid apartment = model()->headerData(free->row, Qt::Vertical, models::itemmodels::IdRole).toUuid();
        const QDate departure = free->first.addDays(nights);
        // Dragged on into the stay that follows, the choice stops at its first night.
        drag(free->row, free->day, free->day + nights + 2);
        QCOMPARE(view()->choice().row, free->row);
        QCOMPARE(view()->choice().first, free->first);
        QCOMPARE(view()->choice().departure, departure);
        // Said no to: nothing changes.
        views::messages::setNextAnswer(false);
        release(free->row, free->day + nights + 2);
        QVERIFY2(
            views::messages::lastText().contains(u"(%n night(s))"_s.replace(u"%n"_s, QString::number(nights))
                                                     .replace(u"night(s)"_s, nights == 1 ? u"night"_s : u"nights"_s)),
            qPrintable(views::messages::lastText()));
        QVERIFY(bookingsOn(apartment, free->first, departure).isEmpty());

        drag(free->row, free->day, free->day + nights + 2);
        views::messages::setNextAnswer(true);
        release(free->row, free->day + nights + 2);
        QCOMPARE(bookingsOn(apartment, free->first, departure),
                 QStringList { u"blocked %1 -"_s.arg(stored(m_demo.session.userId())) });
        QCOMPARE(view()->choice().row, -1);
        // The calendar shows it at once, hatched and named as the owner's.
        const QList<OccupancyBar> bars = model()->barsOf(free->row);
        const auto block = std::find_if(bars.cbegin(), bars.cend(), [&](const OccupancyBar &bar) {
            return bar.status == BookingStatus::Blocked && bar.start == free->first;
        });
        QVERIFY(block != bars.cend());
        QCOMPARE(block->end, departure);
        const QPoint onBlock = view()->barRect(free->row, *block).center();

        // A click shows it beside; its menu removes it.
        QTest::mouseClick(view()->viewport(), Qt::LeftButton, {}, onBlock);
        auto *details = page()->findChild<QTextBrowser *>(u"calendarDetails"_s);
        QVERIFY2(details->toPlainText().contains(u"Blocked by the owner"_s), qPrintable(details->toPlainText()));
        QString offered;
        chooseFromNextMenu(u"Remove the block"_s, &offered);
        views::messages::setNextAnswer(true);
        QContextMenuEvent menuEvent(QContextMenuEvent::Mouse, onBlock, view()->viewport()->mapToGlobal(onBlock));
        QApplication::sendEvent(view()->viewport(), &menuEvent);
        QCOMPARE(offered, u"Remove the block…"_s);
        QCOMPARE(bookingsOn(apartment, free->first, departure),
                 QStringList { u"cancelled %1 -"_s.arg(stored(m_demo.session.userId())) });
        const QList<OccupancyBar> after = model()->barsOf(free->row);
        QVERIFY(std::none_of(after.cbegin(), after.cend(),
                             [&](const OccupancyBar &bar) { return bar.start == free->first; }));
    }

    // The owner confirms a request from its bar's menu; the renter's menu only cancels.
    void aRequestIsConfirmedFromItsBar()
    {
        const auto request =
            test::valueIn(m_demo.db.path(), u"SELECT count(*) FROM bookings WHERE status = 'requested'"_s);
        QVERIFY(request > 0);
        signIn(models::demo::demoLandlord().email);
        RENTDESK_RETURN_IF_FAILED();
        onlyMine();
        RENTDESK_RETURN_IF_FAILED();
        // The first request in sight of a month ahead.
        int row = -1;
        OccupancyBar found;
        for (int month = 0; month < 6 && row < 0; ++month) {
            for (int r = 0; r < model()->rowCount() && row < 0; ++r) {
                for (const OccupancyBar &bar : model()->barsOf(r)) {
                    if (bar.status == BookingStatus::Requested && bar.start >= model()->first()
                        && bar.start.addDays(1) < model()->first().addDays(model()->days())) {
                        row = r;
                        found = bar;
                        break;
                    }
                }
            }
            if (row < 0)
                page()->showNext();
        }
        QVERIFY2(row >= 0, "no request to confirm in six months of the landlord's calendar");
        view()->scrollTo(model()->index(row, 0));
        const QPoint point = dayCentre(row, int(model()->first().daysTo(found.start)) + 1).x() < 0
            ? QPoint()
            : view()->barRect(row, found).center();
        QString offered;
        chooseFromNextMenu(u"Confirm"_s, &offered);
        views::messages::setNextAnswer(true);
        QContextMenuEvent menuEvent(QContextMenuEvent::Mouse, point, view()->viewport()->mapToGlobal(point));
        QApplication::sendEvent(view()->viewport(), &menuEvent);
        QCOMPARE(offered, u"Confirm…|Decline…"_s);
        QCOMPARE(test::valueIn(m_demo.db.path(),
                               u"SELECT count(*) FROM bookings WHERE id = '%1' AND status = 'confirmed'"_s.arg(
                                   stored(found.bookingId))),
                 1);
        const QList<OccupancyBar> bars = model()->barsOf(row);
        QVERIFY(std::any_of(bars.cbegin(), bars.cend(), [&](const OccupancyBar &bar) {
            return bar.bookingId == found.bookingId && bar.status == BookingStatus::Confirmed;
        }));
    }

    // A renter drags over free days: the request dialog opens with those dates, and sends it.
    void aRenterAsksForNightsByDragging()
    {
        signIn(models::demo::demoRenter().email);
        RENTDESK_RETURN_IF_FAILED();
        const auto free = freeNights(4);
        QVERIFY(free);
        const QUuid apartment = model()->headerData(free->row, Qt::Vertical, models::itemmodels::IdRole).toUuid();
        drag(free->row, free->day, free->day + 3);
        QDate first, departure;
        test::driveModalDialog<views::BookingRequestDialog>([&] { release(free->row, free->day + 3); },
                                                            [&](views::BookingRequestDialog *dialog) {
                                                                first = dialog->firstNight();
                                                                departure = dialog->departure();
                                                                test::clickSave(*dialog);
                                                            });
        RENTDESK_RETURN_IF_FAILED();
        QCOMPARE(first, free->first);
        QCOMPARE(departure, free->first.addDays(4));
        QCOMPARE(bookingsOn(apartment, first, departure),
                 QStringList { u"requested %1 -"_s.arg(stored(m_demo.session.userId())) });
        // Their own request is drawn in their calendar; others' stays are only "Taken".
        const QList<OccupancyBar> bars = model()->barsOf(free->row);
        QVERIFY(std::any_of(bars.cbegin(), bars.cend(), [&](const OccupancyBar &bar) {
            return bar.own && bar.status == BookingStatus::Requested && bar.start == first;
        }));
    }

    // The keyboard does what the mouse does: Shift+Right chooses nights and Enter asks for them;
    // moving onto a bar shows it, Escape drops a choice.
    void theKeyboardChoosesNightsAndShowsBars()
    {
        signIn(models::demo::demoLandlord().email);
        RENTDESK_RETURN_IF_FAILED();
        onlyMine();
        RENTDESK_RETURN_IF_FAILED();
        const auto free = freeNights(3);
        QVERIFY(free);
        view()->setFocus();
        view()->setCurrentIndex(model()->index(free->row, free->day));
        QSignalSpy chosen(view(), &OccupancyView::nightsChosen);
        QTest::keyClick(view(), Qt::Key_Right, Qt::ShiftModifier);
        QTest::keyClick(view(), Qt::Key_Right, Qt::ShiftModifier);
        QCOMPARE(view()->choice().departure, free->first.addDays(3));
        QTest::keyClick(view(), Qt::Key_Escape);
        QCOMPARE(view()->choice().row, -1);
        QTest::keyClick(view(), Qt::Key_Right, Qt::ShiftModifier);
        views::messages::setNextAnswer(false);
        QTest::keyClick(view(), Qt::Key_Return);
        QCOMPARE(chosen.size(), 1);
        QCOMPARE(chosen.first().at(0).toInt(), free->row);
        QCOMPARE(chosen.first().at(1).toDate(), free->first.addDays(2));
        QCOMPARE(chosen.first().at(2).toDate(), free->first.addDays(4));

        // Onto the first stay of the landlord's first row with one: its booking shows beside.
        int row = 0;
        while (row < model()->rowCount() && model()->barsOf(row).isEmpty())
            ++row;
        QVERIFY(row < model()->rowCount());
        const OccupancyBar bar = model()->barsOf(row).first();
        QSignalSpy shown(view(), &OccupancyView::currentBarChanged);
        view()->setCurrentIndex(model()->index(row, int(std::max<qint64>(0, model()->first().daysTo(bar.start)))));
        QCOMPARE(shown.size(), 1);
        QCOMPARE(shown.first().at(0).value<OccupancyBar>(), bar);
        auto *details = page()->findChild<QTextBrowser *>(u"calendarDetails"_s);
        QVERIFY2(details->toPlainText().contains(bar.label), qPrintable(details->toPlainText()));
        QSignalSpy activated(view(), &OccupancyView::barActivated);
        QTest::keyClick(view(), Qt::Key_Return);
        QCOMPARE(activated.size(), 1);

        // Along the bar the keyboard does not announce it again (its booking is not read again
        // at each day); a click on it announces it once, not once per way it became current.
        const int column = view()->currentIndex().column();
        const int lastNight = int(std::min<qint64>(model()->days(), model()->first().daysTo(bar.end))) - 1;
        QVERIFY2(lastNight > column, "the first bar has one night in sight");
        QTest::keyClick(view(), Qt::Key_Right);
        QCOMPARE(view()->currentIndex().column(), column + 1);
        QCOMPARE(shown.size(), 1);
        QTest::mouseClick(view()->viewport(), Qt::LeftButton, {}, dayCentre(row, column));
        QCOMPARE(shown.size(), 2);
        QTest::mouseClick(view()->viewport(), Qt::LeftButton, {}, dayCentre(row, column + 1));
        QCOMPARE(shown.size(), 3);
    }

    // Week, month and three months; earlier and later by the buttons and the wheel.
    void zoomAndMonthsMove()
    {
        signIn(models::demo::demoRenter().email);
        RENTDESK_RETURN_IF_FAILED();
        auto *zoom = page()->findChild<QComboBox *>(u"calendarZoom"_s);
        QVERIFY(zoom);
        zoom->setCurrentIndex(int(CalendarPage::Zoom::Week));
        Q_EMIT zoom->activated(int(CalendarPage::Zoom::Week));
        QCOMPARE(model()->days(), 7);
        QCOMPARE(page()->first(), QDate(2026, 6, 1)); // a Monday, and today
        page()->findChild<QToolButton *>(u"calendarNext"_s)->click();
        QCOMPARE(page()->first(), QDate(2026, 6, 8));
        page()->setZoom(CalendarPage::Zoom::Quarter);
        QCOMPARE(page()->first(), QDate(2026, 6, 1));
        QCOMPARE(model()->days(), 30 + 31 + 31);
        QCOMPARE(model()->columnCount(), 92);
        page()->findChild<QToolButton *>(u"calendarPrevious"_s)->click();
        QCOMPARE(page()->first(), QDate(2026, 5, 1));
        // Back to a month: today's, as it is in sight.
        page()->setZoom(CalendarPage::Zoom::Month);
        QCOMPARE(page()->first(), QDate(2026, 6, 1));
        QCOMPARE(model()->days(), 30);
        // Shift with the wheel: a month on, and back.
        const QPoint centre = view()->viewport()->rect().center();
        const auto wheel = [&](int delta, Qt::KeyboardModifiers modifiers) {
            QWheelEvent event(centre, view()->viewport()->mapToGlobal(centre), QPoint(), QPoint(0, delta), Qt::NoButton,
                              modifiers, Qt::NoScrollPhase, false);
            QApplication::sendEvent(view()->viewport(), &event);
        };
        wheel(-120, Qt::ShiftModifier);
        QCOMPARE(page()->first(), QDate(2026, 7, 1));
        QCOMPARE(model()->days(), 31);
        wheel(-120, Qt::ShiftModifier);
        QCOMPARE(page()->first(), QDate(2026, 8, 1));
        wheel(120, Qt::ShiftModifier);
        QCOMPARE(page()->first(), QDate(2026, 7, 1));
        page()->findChild<QToolButton *>(u"calendarToday"_s)->click();
        QCOMPARE(page()->first(), QDate(2026, 6, 1));
        QVERIFY(model()->headerData(0, Qt::Horizontal, OccupancyModel::TodayRole).toBool());
        // A plain wheel scrolls the rows, not the days.
        wheel(-120, Qt::NoModifier);
        QCOMPARE(page()->first(), QDate(2026, 6, 1));
        QVERIFY(view()->verticalScrollBar()->value() > 0);
    }
};

QTEST_MAIN(TestCalendarPage)
#include "tst_calendarpage.moc"
