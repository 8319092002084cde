// SPDX-License-Identifier: GPL-3.0-or-later
#include "net/calendar/subscriptionrefresher.h"
#include "tests/calendar/calendartesting.h"
#include "tests/calendar/httptestservers.h"
#include "tests/support/servicefixture.h"

#include <QSignalSpy>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace rentdesk::models::services;
using rentdesk::net::calendar::SubscriptionRefresher;
using rentdesk::test::asBlocks;
using rentdesk::test::blocksOf;
using rentdesk::test::icsEvent;
using rentdesk::test::icsFile;

// From a calendar served over HTTP (Python's real server) to the apartment's blocks: the first
// read blocks every event, a changed calendar moves and removes blocks, and a malformed calendar
// or one over a stay is recorded as the subscription's error and changes no block.
class TestSubscriptionRefresher : public QObject
{
    Q_OBJECT

    std::unique_ptr<rentdesk::test::ServiceFixture> f;
    std::unique_ptr<rentdesk::test::FolderHttpServer> server;
    QUuid m_owner;
    QUuid m_apartment;

    // Refreshes every subscription and waits until the refresher is idle.
    static bool refreshed(SubscriptionRefresher &refresher)
    {
        QSignalSpy idle(&refresher, &SubscriptionRefresher::idle);
        refresher.refreshAll();
        return idle.size() == 1 || idle.wait(20000);
    }

private Q_SLOTS:
    void init()
    {
        f = std::make_unique<rentdesk::test::ServiceFixture>(Mode::Standalone);
        QVERIFY2(f->isValid(), qPrintable(f->errorMessage()));
        m_owner = f->addLandlord();
        m_apartment = f->addApartment(m_owner, f->addBuilding(m_owner));
        server = std::make_unique<rentdesk::test::FolderHttpServer>();
        QVERIFY(server->isRunning());
    }
    void cleanup()
    {
        server.reset();
        f.reset();
    }

    void blocksFollowTheCalendarAndAMalformedOneChangesNothing()
    {
        const CalendarSubscriptionService subscriptions(f->context(Mode::Standalone));
        const QList events { icsEvent(u"a@site"_s, QDate(2026, 7, 1), QDate(2026, 7, 5)),
                             icsEvent(u"b@site"_s, QDate(2026, 7, 10), QDate(2026, 7, 12)),
                             icsEvent(u"c@site"_s, QDate(2026, 7, 20), QDate(2026, 7, 22)) };
        QVERIFY(server->write(u"site.ics"_s, icsFile(events), 120));
        const QString url = server->url(u"site.ics"_s).toString();
        const auto added = subscriptions.add(m_owner, m_apartment, url);
        QVERIFY2(added, qPrintable(added ? QString() : added.error().message));

        SubscriptionRefresher refresher(f->context(Mode::Standalone));
        QSignalSpy checked(&refresher, &SubscriptionRefresher::checked);
        QVERIFY(refreshed(refresher));
        QCOMPARE(checked.size(), 1);
        QCOMPARE(checked.at(0).at(1).toBool(), true);
        QCOMPARE(blocksOf(f->connection(), url), asBlocks(events));
        auto after = subscriptions.subscription(added->id);
        QVERIFY(after);
        QCOMPARE(after->lastError, QString());
        QCOMPARE(after->events, 3);
        QCOMPARE(after->lastCheckedAt, f->clock.now());
        QCOMPARE(after->lastSuccessAt, f->clock.now());
        QVERIFY(!after->lastModified.isEmpty());

        // Unchanged (Python's server answers 304 to If-Modified-Since): nothing moves.
        QVERIFY(refreshed(refresher));
        QCOMPARE(checked.size(), 2);
        QCOMPARE(checked.at(1).at(1).toBool(), false);
        QCOMPARE(blocksOf(f->connection(), url), asBlocks(events));

        // One event moved, one dropped.
        const QList changed { events.at(0), icsEvent(u"b@site"_s, QDate(2026, 7, 13), QDate(2026, 7, 16)) };
        QVERIFY(server->write(u"site.ics"_s, icsFile(changed), 60));
        f->clock.advanceSecs(3600);
        QVERIFY(refreshed(refresher));
        QCOMPARE(blocksOf(f->connection(), url), asBlocks(changed));
        after = subscriptions.subscription(added->id);
        QVERIFY(after);
        QCOMPARE(after->events, 2);
        QCOMPARE(after->lastError, QString());

        // A malformed file: the error names the line, and the blocks stay.
        QByteArray broken = icsFile(events);
        broken.replace("DTSTART;VALUE=DATE:20260710", "DTSTART;VALUE=DATE:20260799");
        QVERIFY(server->write(u"site.ics"_s, broken, 0));
        const int brokenLine = int(broken.left(broken.indexOf("20260799")).count('\n')) + 1;
        f->clock.advanceSecs(3600);
        QVERIFY(refreshed(refresher));
        after = subscriptions.subscription(added->id);
        QVERIFY(after);
        QVERIFY2(after->lastError.contains(u"Line %1"_s.arg(brokenLine)), qPrintable(after->lastError));
        QCOMPARE(after->lastCheckedAt, f->clock.now());
        QVERIFY(after->lastSuccessAt < f->clock.now());
        QCOMPARE(after->events, 2);
        QCOMPARE(blocksOf(f->connection(), url), asBlocks(changed));
    }

    void anEventOverAStayIsRecordedAndChangesNothing()
    {
        const CalendarSubscriptionService subscriptions(f->context(Mode::Standalone));
        const QUuid renter = f->addRenter();
        f->addStay(renter, m_owner, m_apartment, QDate(2026, 8, 1), QDate(2026, 8, 5));
        const QList good { icsEvent(u"a@site"_s, QDate(2026, 7, 1), QDate(2026, 7, 5)) };
        QVERIFY(server->write(u"site.ics"_s, icsFile(good), 120));
        const QString url = server->url(u"site.ics"_s).toString();
        const auto added = subscriptions.add(m_owner, m_apartment, url);
        QVERIFY(added);
        SubscriptionRefresher refresher(f->context(Mode::Standalone));
        QVERIFY(refreshed(refresher));
        QCOMPARE(blocksOf(f->connection(), url), asBlocks(good));

        QVERIFY(server->write(u"site.ics"_s,
                              icsFile({ icsEvent(u"over@site"_s, QDate(2026, 8, 2), QDate(2026, 8, 3)) }), 0));
        QVERIFY(refreshed(refresher));
        const auto after = subscriptions.subscription(added->id);
        QVERIFY(after);
        QVERIFY2(!after->lastError.isEmpty(), "the refusal is recorded");
        QVERIFY2(!rentdesk::test::looksLikeSql(after->lastError), qPrintable(after->lastError));
        QCOMPARE(blocksOf(f->connection(), url), asBlocks(good));

        // A server that fails is recorded with its status.
        const auto gone = subscriptions.add(m_owner, m_apartment, server->url(u"gone.ics"_s).toString());
        QVERIFY(gone);
        QVERIFY(refreshed(refresher));
        const auto failed = subscriptions.subscription(gone->id);
        QVERIFY(failed);
        QVERIFY2(failed->lastError.contains(u"404"_s), qPrintable(failed->lastError));
    }

    void theIntervalRefreshesAgain()
    {
        const CalendarSubscriptionService subscriptions(f->context(Mode::Standalone));
        QVERIFY(server->write(u"site.ics"_s, icsFile({}), 120));
        QVERIFY(subscriptions.add(m_owner, m_apartment, server->url(u"site.ics"_s).toString()));
        SubscriptionRefresher refresher(f->context(Mode::Standalone));
        refresher.setInterval(std::chrono::milliseconds(50));
        QSignalSpy checked(&refresher, &SubscriptionRefresher::checked);
        refresher.start();
        QTRY_VERIFY_WITH_TIMEOUT(checked.size() >= 3, 20000);
    }
};

QTEST_GUILESS_MAIN(TestSubscriptionRefresher)
#include "tst_subscriptionrefresher.moc"
