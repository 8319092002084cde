// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/db/query.h"
#include "models/services/calendarfeedservice.h"
#include "tests/support/servicefixture.h"

#include <QRegularExpression>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace rentdesk::models::services;
using Code = DomainError::Code;

// The secret addresses of the apartments' calendars: one token per apartment, made on the first
// ask and the same after, a new one on renewal that the old no longer opens, only for the
// apartment's owner, gone with the apartment, and the server's alone.
class TestCalendarFeedService : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<rentdesk::test::ServiceFixture> f;
    QUuid m_owner;
    QUuid m_apartment;

    [[nodiscard]] CalendarFeedService feeds(Mode mode = Mode::Server) const
    {
        return CalendarFeedService(f->context(mode));
    }

private Q_SLOTS:
    void init()
    {
        f = std::make_unique<rentdesk::test::ServiceFixture>(Mode::Server);
        QVERIFY2(f->isValid(), qPrintable(f->errorMessage()));
        m_owner = f->addLandlord();
        m_apartment = f->addApartment(m_owner, f->addBuilding(m_owner));
    }
    void cleanup() { f.reset(); }

    void theOwnerGetsOneTokenUntilRenewed()
    {
        const auto first = feeds().token(m_owner, m_apartment);
        QVERIFY2(first, qPrintable(first ? QString() : first.error().message));
        static const QRegularExpression shape(u"^[A-Za-z0-9_-]{43}$"_s);
        QVERIFY2(shape.match(*first).hasMatch(), qPrintable(*first));
        QCOMPARE(feeds().token(m_owner, m_apartment).value_or(QString()), *first);
        QCOMPARE(feeds().apartmentOf(*first).value_or(std::nullopt), std::optional<QUuid>(m_apartment));
        QCOMPARE(f->count(u"calendar_feeds"_s), qint64(1));

        const auto renewed = feeds().renew(m_owner, m_apartment);
        QVERIFY(renewed);
        QVERIFY(*renewed != *first);
        QVERIFY(shape.match(*renewed).hasMatch());
        QCOMPARE(feeds().token(m_owner, m_apartment).value_or(QString()), *renewed);
        QCOMPARE(feeds().apartmentOf(*renewed).value_or(std::nullopt), std::optional<QUuid>(m_apartment));
        const auto old = feeds().apartmentOf(*first);
        QVERIFY(old);
        QVERIFY(!old->has_value());
        QCOMPARE(f->count(u"calendar_feeds"_s), qint64(1));
    }

    void othersAreRefused()
    {
        const QUuid other = f->addLandlord(u"Olga Other"_s);
        const QUuid renter = f->addRenter();
        for (const QUuid &actor : { other, renter }) {
            for (const bool renew : { false, true }) {
                const auto refused = renew ? feeds().renew(actor, m_apartment) : feeds().token(actor, m_apartment);
                QVERIFY(!refused);
                QCOMPARE(refused.error().code, Code::NotAllowed);
            }
        }
        const auto missing = feeds().token(m_owner, QUuid::createUuid());
        QVERIFY(!missing);
        QCOMPARE(missing.error().code, Code::NotFound);
        QCOMPARE(f->count(u"calendar_feeds"_s), qint64(0));
        // A desktop publishes nothing.
        const auto desktop = feeds(Mode::Standalone).token(m_owner, m_apartment);
        QVERIFY(!desktop);
        QCOMPARE(desktop.error().code, Code::NotInThisMode);
    }

    void textThatIsNoTokenOpensNothing_data()
    {
        QTest::addColumn<QString>("text");
        QTest::newRow("empty") << QString();
        QTest::newRow("short") << u"abc"_s;
        QTest::newRow("a wildcard of the right length") << QString(43, u'%');
        QTest::newRow("a quote") << (QString(42, u'a') + u"'"_s);
        QTest::newRow("well formed, never made") << QString(43, u'A');
    }
    void textThatIsNoTokenOpensNothing()
    {
        QFETCH(QString, text);
        QVERIFY(feeds().token(m_owner, m_apartment));
        const auto found = feeds().apartmentOf(text);
        QVERIFY(found);
        QVERIFY(!found->has_value());
    }

    void theFeedGoesWithTheApartment()
    {
        const auto token = feeds().token(m_owner, m_apartment);
        QVERIFY(token);
        QVERIFY(f->listings.deleteApartment(m_owner, m_apartment));
        QCOMPARE(f->count(u"calendar_feeds"_s), qint64(0));
        const auto found = feeds().apartmentOf(*token);
        QVERIFY(found);
        QVERIFY(!found->has_value());
    }
};

QTEST_GUILESS_MAIN(TestCalendarFeedService)
#include "tst_calendarfeedservice.moc"
