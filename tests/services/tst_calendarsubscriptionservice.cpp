// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/services/calendarsubscriptionservice.h"
#include "tests/calendar/calendartesting.h"
#include "tests/support/servicefixture.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace rentdesk::models::services;
using Code = DomainError::Code;
using rentdesk::test::blocksOf;
using rentdesk::test::icsEvent;

// The calendars an apartment follows: only its owner adds, lists and removes them; an address
// is a web address with a host and no password, once per apartment; removing one takes its
// blocks along; a connected database is refused, as its server does not fetch calendars.
class TestCalendarSubscriptionService : public QObject
{
    Q_OBJECT

    std::unique_ptr<rentdesk::test::ServiceFixture> f;
    QUuid m_owner;
    QUuid m_apartment;

    [[nodiscard]] CalendarSubscriptionService service(Mode mode = Mode::Standalone) const
    {
        return CalendarSubscriptionService(f->context(mode));
    }

private Q_SLOTS:
    void init()
    {
        f = std::make_unique<rentdesk::test::ServiceFixture>(Mode::Standalone);
        QVERIFY2(f->isValid(), qPrintable(f->errorMessage()));
        m_owner = f->addLandlord();
        m_apartment = f->addApartment(m_owner, f->addBuilding(m_owner));
    }
    void cleanup() { f.reset(); }

    void theOwnerAddsAndLists()
    {
        const auto added =
            service().add(m_owner, m_apartment, u"  https://www.airbnb.com/calendar/ical/1.ics?s=secret "_s);
        QVERIFY2(added, qPrintable(added ? QString() : added.error().message));
        QCOMPARE(added->url, u"https://www.airbnb.com/calendar/ical/1.ics?s=secret"_s);
        QCOMPARE(added->apartment, m_apartment);
        QCOMPARE(added->owner, m_owner);
        QCOMPARE(added->createdAt, f->clock.now());
        QVERIFY(!added->lastCheckedAt.isValid());
        f->clock.advanceSecs(1);
        const auto second = service().add(m_owner, m_apartment, u"http://booking.example/export.ics"_s);
        QVERIFY(second);
        const auto listed = service().list(m_owner, m_apartment);
        QVERIFY(listed);
        QCOMPARE(listed->size(), 2);
        QCOMPARE(listed->at(0).id, added->id);
        QCOMPARE(listed->at(1).id, second->id);
        QCOMPARE(f->count(u"calendar_subscriptions"_s), 2);
    }

    void onlyTheOwner()
    {
        const QUuid other = f->addLandlord(u"Oleg Other"_s);
        const QUuid renter = f->addRenter();
        for (const QUuid &actor : { other, renter }) {
            const auto added = service().add(actor, m_apartment, u"https://a.example/c.ics"_s);
            QVERIFY(!added);
            QCOMPARE(added.error().code, Code::NotAllowed);
        }
        QVERIFY(service().add(m_owner, m_apartment, u"https://a.example/c.ics"_s));
        const auto listed = service().list(other, m_apartment);
        QVERIFY(!listed);
        QCOMPARE(listed.error().code, Code::NotAllowed);
        const auto mine = service().list(m_owner, m_apartment);
        QVERIFY(mine && mine->size() == 1);
        const auto removed = service().remove(other, mine->at(0).id);
        QVERIFY(!removed);
        QCOMPARE(removed.error().code, Code::NotAllowed);
        QCOMPARE(f->count(u"calendar_subscriptions"_s), 1);
        const auto missing = service().add(m_owner, QUuid::createUuid(), u"https://a.example/d.ics"_s);
        QVERIFY(!missing);
        QCOMPARE(missing.error().code, Code::NotFound);
    }

    void badAddressesAreRefused_data()
    {
        QTest::addColumn<QString>("url");
        QTest::addColumn<QString>("says");
        QTest::newRow("empty") << u"   "_s << u"Give the address"_s;
        QTest::newRow("too long") << u"https://a.example/"_s + QString(490, u'x') << u"at most 500"_s;
        QTest::newRow("not an address") << u"calendar.ics"_s << u"not a web address"_s;
        QTest::newRow("ftp") << u"ftp://a.example/c.ics"_s << u"Only https:// and http://"_s;
        QTest::newRow("file") << u"file:///etc/passwd"_s << u"Only https:// and http://"_s;
        QTest::newRow("webcal") << u"webcal://a.example/c.ics"_s << u"Only https:// and http://"_s;
        QTest::newRow("no host") << u"https:///c.ics"_s << u"names no server"_s;
        QTest::newRow("user info") << u"https://me:secret@a.example/c.ics"_s << u"user name or password"_s;
    }
    void badAddressesAreRefused()
    {
        QFETCH(QString, url);
        QFETCH(QString, says);
        const auto added = service().add(m_owner, m_apartment, url);
        QVERIFY(!added);
        QCOMPARE(added.error().code, Code::InvalidValue);
        QCOMPARE(added.error().field, u"url"_s);
        QVERIFY2(added.error().message.contains(says), qPrintable(added.error().message));
        QCOMPARE(f->count(u"calendar_subscriptions"_s), 0);
    }

    void anAddressIsFollowedOnce()
    {
        QVERIFY(service().add(m_owner, m_apartment, u"https://a.example/c.ics"_s));
        const auto again = service().add(m_owner, m_apartment, u"https://a.example/c.ics"_s);
        QVERIFY(!again);
        QCOMPARE(again.error().field, u"url"_s);
        QVERIFY2(again.error().message.contains(u"already follows"_s), qPrintable(again.error().message));
        // Another apartment may follow the same calendar.
        const QUuid other = f->addApartment(m_owner, f->addBuilding(m_owner, u"Second"_s), u"2"_s);
        QVERIFY(service().add(m_owner, other, u"https://a.example/c.ics"_s));
        QCOMPARE(f->count(u"calendar_subscriptions"_s), 2);
    }

    void removingTakesTheBlocksAlong()
    {
        const QString url = u"https://a.example/c.ics"_s;
        const auto added = service().add(m_owner, m_apartment, url);
        QVERIFY(added);
        const auto imported = f->bookings.importBlocks(m_owner, m_apartment, url,
                                                       { icsEvent(u"a"_s, QDate(2026, 7, 1), QDate(2026, 7, 3)) });
        QVERIFY(imported);
        // A file's blocks are another calendar's and stay.
        QVERIFY(f->bookings.importBlocks(m_owner, m_apartment, u"other.ics"_s,
                                         { icsEvent(u"b"_s, QDate(2026, 8, 1), QDate(2026, 8, 3)) }));
        QCOMPARE(blocksOf(f->connection(), url).size(), 1);
        QVERIFY(service().remove(m_owner, added->id));
        QCOMPARE(blocksOf(f->connection(), url), QStringList());
        QCOMPARE(blocksOf(f->connection(), u"other.ics"_s).size(), 1);
        QCOMPARE(f->count(u"calendar_subscriptions"_s), 0);
        const auto again = service().remove(m_owner, added->id);
        QVERIFY(!again);
        QCOMPARE(again.error().code, Code::NotFound);
    }

    void aConnectedDatabaseIsRefused()
    {
        const auto added = service(Mode::Connected).add(m_owner, m_apartment, u"https://a.example/c.ics"_s);
        QVERIFY(!added);
        QCOMPARE(added.error().code, Code::NotInThisMode);
        QVERIFY2(added.error().message.contains(u"the server follows the calendars"_s),
                 qPrintable(added.error().message));
        QCOMPARE(service(Mode::Connected).list(m_owner, m_apartment).error().code, Code::NotInThisMode);
        QCOMPARE(f->count(u"calendar_subscriptions"_s), 0);
    }

    // rentdesk-server follows the calendars of its replicas' apartments, by the same rules.
    void theServerFollowsCalendars()
    {
        const auto added = service(Mode::Server).add(m_owner, m_apartment, u"https://a.example/c.ics"_s);
        QVERIFY2(added, added ? "" : qPrintable(added.error().message));
        const auto listed = service(Mode::Server).list(m_owner, m_apartment);
        QVERIFY(listed);
        QCOMPARE(listed->size(), 1);
        QVERIFY(service(Mode::Server).remove(m_owner, added->id));
        QCOMPARE(f->count(u"calendar_subscriptions"_s), 0);
    }

    void checksAreRecorded()
    {
        const auto added = service().add(m_owner, m_apartment, u"https://a.example/c.ics"_s);
        QVERIFY(added);
        SubscriptionCheck ok;
        ok.outcome = SubscriptionCheck::Outcome::Imported;
        ok.etag = u"\"v1\""_s;
        ok.events = 4;
        QVERIFY(service().record(added->id, ok));
        auto read = service().subscription(added->id);
        QVERIFY(read);
        QCOMPARE(read->etag, u"\"v1\""_s);
        QCOMPARE(read->events, 4);
        QCOMPARE(read->lastSuccessAt, f->clock.now());
        f->clock.advanceSecs(60);
        SubscriptionCheck failed;
        failed.error = u"Line 7: the date 20260799 does not exist."_s;
        QVERIFY(service().record(added->id, failed));
        read = service().subscription(added->id);
        QVERIFY(read);
        QCOMPARE(read->lastError, failed.error);
        QCOMPARE(read->lastCheckedAt, f->clock.now());
        QVERIFY(read->lastSuccessAt < f->clock.now());
        QCOMPARE(read->etag, QString()); // read in full next time
        QCOMPARE(read->events, 4);
    }
};

QTEST_GUILESS_MAIN(TestCalendarSubscriptionService)
#include "tst_calendarsubscriptionservice.moc"
