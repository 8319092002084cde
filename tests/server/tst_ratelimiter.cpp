// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/services/clock.h"
#include "server/ratelimiter.h"

#include <QTest>

using namespace Qt::StringLiterals;
using rentdesk::models::services::ManualClock;
using rentdesk::server::RateLimiter;
using Outcome = RateLimiter::Outcome;
using std::chrono::seconds;

// The limiter on a clock the test moves: places are taken when an attempt starts, so that
// parallel attempts cannot pass the limit; counted ones leave the window as time passes.
class TestRateLimiter final : public QObject
{
    Q_OBJECT

    ManualClock clock { QDateTime(QDate(2026, 6, 1), QTime(10, 0), Qt::UTC) };

private Q_SLOTS:
    // The attack that passed: many attempts begun before any ended. Only `limit` get a place.
    void attemptsInProgressHoldTheirPlaces()
    {
        RateLimiter limiter(clock, 5, seconds(60));
        int admitted = 0;
        for (int i = 0; i < 40; ++i)
            admitted += limiter.begin(u"ann@example.org"_s) ? 1 : 0;
        QCOMPARE(admitted, 5);
        QCOMPARE(limiter.inProgress(u"ann@example.org"_s), 5);
        // Refused while they are judged: a place frees in moments, so "a second".
        QCOMPARE(limiter.begin(u"ann@example.org"_s).error(), seconds(1));
        // Another key is not affected.
        QVERIFY(limiter.begin(u"bob@example.org"_s));
    }

    void countedAttemptsLeaveTheWindow()
    {
        RateLimiter limiter(clock, 3, seconds(60));
        for (int i = 0; i < 3; ++i) {
            QVERIFY(limiter.begin(u"k"_s));
            limiter.end(u"k"_s, Outcome::Counted);
            clock.advanceSecs(10); // failures at 0 s, 10 s, 20 s
        }
        // At 30 s: the first failure leaves at 60 s.
        const auto refused = limiter.begin(u"k"_s);
        QVERIFY(!refused);
        QCOMPARE(refused.error(), seconds(30));
        clock.advanceSecs(29);
        QCOMPARE(limiter.begin(u"k"_s).error(), seconds(1));
        clock.advanceSecs(1); // 60 s: the first one left
        QVERIFY(limiter.begin(u"k"_s));
        // The place it took is in progress: the next one waits for the second failure (70 s).
        QCOMPARE(limiter.begin(u"k"_s).error(), seconds(10));
    }

    void releasedAttemptsGiveTheirPlaceBack()
    {
        RateLimiter limiter(clock, 2, seconds(60));
        QVERIFY(limiter.begin(u"k"_s));
        QVERIFY(limiter.begin(u"k"_s));
        QVERIFY(!limiter.begin(u"k"_s));
        limiter.end(u"k"_s, Outcome::Released);
        QCOMPARE(limiter.inProgress(u"k"_s), 1);
        QCOMPARE(limiter.counted(u"k"_s), 0);
        QVERIFY(limiter.begin(u"k"_s));
    }

    void resetForgetsCountedButNotInProgress()
    {
        RateLimiter limiter(clock, 2, seconds(60));
        QVERIFY(limiter.begin(u"k"_s));
        limiter.end(u"k"_s, Outcome::Counted);
        QVERIFY(limiter.begin(u"k"_s)); // in progress
        QVERIFY(!limiter.begin(u"k"_s));
        limiter.reset(u"k"_s);
        QCOMPARE(limiter.counted(u"k"_s), 0);
        QCOMPARE(limiter.inProgress(u"k"_s), 1);
        QVERIFY(limiter.begin(u"k"_s));
        QVERIFY(!limiter.begin(u"k"_s));
    }

    void endWithoutBeginChangesNothing()
    {
        RateLimiter limiter(clock, 1, seconds(60));
        limiter.end(u"k"_s, Outcome::Counted);
        QCOMPARE(limiter.counted(u"k"_s), 0);
        QVERIFY(limiter.begin(u"k"_s));
        limiter.end(u"k"_s, Outcome::Released);
        limiter.end(u"k"_s, Outcome::Counted); // a second end of the same attempt
        QCOMPARE(limiter.counted(u"k"_s), 0);
    }

    void sweepForgetsIdleKeysOnly()
    {
        RateLimiter limiter(clock, 5, seconds(60));
        for (int i = 0; i < 100; ++i) {
            QVERIFY(limiter.begin(u"made-up-%1"_s.arg(i)));
            limiter.end(u"made-up-%1"_s.arg(i), Outcome::Counted);
        }
        QVERIFY(limiter.begin(u"busy"_s)); // in progress, never swept
        QCOMPARE(limiter.keys(), 101);
        clock.advanceSecs(59);
        limiter.sweep();
        QCOMPARE(limiter.keys(), 101);
        clock.advanceSecs(1);
        limiter.sweep();
        QCOMPARE(limiter.keys(), 1);
        QCOMPARE(limiter.inProgress(u"busy"_s), 1);
    }
};

QTEST_GUILESS_MAIN(TestRateLimiter)
#include "tst_ratelimiter.moc"
