// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/services/mode.h"
#include "models/services/timekeeper.h"
#include "tests/support/servicefixture.h"

#include <QSignalSpy>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace rentdesk::models::domain;
using namespace rentdesk::models::services;
using rentdesk::test::ServiceFixture;

// The time-driven step runs at start-up and again when the clock's date turns, on its
// own timer; and the mode stored in the database decides whether this side runs it.
class TestTimeKeeper final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void nextStepIsJustAfterLocalMidnight_data()
    {
        QTest::addColumn<QTime>("time");
        QTest::addColumn<qint64>("expected");
        QTest::newRow("half a second before") << QTime(23, 59, 59, 500) << qint64(500 + TimeKeeper::AfterMidnightMs);
        QTest::newRow("at noon") << QTime(12, 0) << qint64(12 * 3600 * 1000 + TimeKeeper::AfterMidnightMs);
        QTest::newRow("at midnight") << QTime(0, 0) << qint64(24 * 3600 * 1000 + TimeKeeper::AfterMidnightMs);
    }

    void nextStepIsJustAfterLocalMidnight()
    {
        QFETCH(QTime, time);
        QFETCH(qint64, expected);
        // A date far from any daylight-saving change in the zones that have one.
        const QDateTime local(QDate(2026, 1, 14), time, Qt::LocalTime);
        QCOMPARE(TimeKeeper::msecsToNextStep(local), expected);
        // The same instant given in UTC gives the same answer: "midnight" is local.
        QCOMPARE(TimeKeeper::msecsToNextStep(local.toUTC()), expected);
    }

    void runsAtStartAndAgainWhenTheDateTurns()
    {
        ServiceFixture f;
        QVERIFY2(f.isValid(), qPrintable(f.errorMessage()));
        const QDate day(2026, 6, 1);
        f.clock.set(QDateTime(day, QTime(23, 59, 59, 500), Qt::LocalTime));
        const QUuid landlord = f.addLandlord();
        const QUuid renter = f.addRenter();
        const QUuid apartment = f.addApartment(landlord, f.addBuilding(landlord));
        const QUuid stay = f.addStay(renter, landlord, apartment, day, day.addDays(1));
        // Make the apartment look as if time had not been applied yet.
        QVERIFY(f.run(u"UPDATE apartments SET status = 'free', booked_by = NULL"_s));

        TimeKeeper keeper(f.context(Mode::Standalone));
        QSignalSpy stepped(&keeper, &TimeKeeper::stepped);
        QSignalSpy failed(&keeper, &TimeKeeper::failed);
        auto first = keeper.start();
        QVERIFY(first);
        QCOMPARE(first->apartmentsChanged, 1); // the stay covering today makes it rented
        QCOMPARE(first->completed, 0);
        QCOMPARE(stepped.size(), 1);
        QCOMPARE(keeper.lastStepDate(), day);
        QCOMPARE(f.listings.apartment(apartment)->status, ApartmentStatus::Rented);
        QVERIFY(keeper.isArmed());
        QVERIFY2(keeper.remainingMs() <= 500 + TimeKeeper::AfterMidnightMs,
                 qPrintable(QString::number(keeper.remainingMs())));

        // The date turns: the timer runs the step on its own, and the stay is over.
        f.clock.advanceSecs(2);
        QVERIFY(stepped.wait(10000));
        QCOMPARE(stepped.size(), 2);
        QCOMPARE(stepped.last().first().value<BookingService::TimeStep>().completed, 1);
        QCOMPARE(keeper.lastStepDate(), day.addDays(1));
        QCOMPARE(f.bookings.booking(stay)->status, BookingStatus::Completed);
        QCOMPARE(f.listings.apartment(apartment)->status, ApartmentStatus::Free);
        QVERIFY(failed.isEmpty());
        // Armed again, and never for longer than it may sleep without looking at the clock.
        QVERIFY(keeper.isArmed());
        QVERIFY(keeper.remainingMs() <= TimeKeeper::CheckEveryMs);
    }

    void aReplicaLeavesTimeToTheServer()
    {
        ServiceFixture f;
        QVERIFY2(f.isValid(), qPrintable(f.errorMessage()));
        TimeKeeper keeper(f.context(Mode::Connected));
        QSignalSpy failed(&keeper, &TimeKeeper::failed);
        auto result = keeper.start();
        QVERIFY(!result);
        QCOMPARE(result.error().code, DomainError::Code::NotInThisMode);
        QCOMPARE(failed.size(), 1);
        QVERIFY(!keeper.lastStepDate().isValid());
    }

    void modeIsReadFromTheDatabase()
    {
        ServiceFixture f;
        QVERIFY2(f.isValid(), qPrintable(f.errorMessage()));
        QCOMPARE(storedMode(f.database().database()).value_or(Mode::Server), Mode::Standalone);
        QVERIFY(f.run(u"UPDATE database_meta SET value = 'connected' WHERE key = 'mode'"_s));
        QCOMPARE(storedMode(f.database().database()).value_or(Mode::Server), Mode::Connected);
        QVERIFY(f.run(u"DELETE FROM database_meta"_s));
        const auto missing = storedMode(f.database().database());
        QVERIFY(!missing);
        QCOMPARE(missing.error().field, u"mode"_s);
    }
};

QTEST_GUILESS_MAIN(TestTimeKeeper)
#include "tst_timekeeper.moc"
