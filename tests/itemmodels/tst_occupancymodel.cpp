// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/db/database.h"
#include "models/db/query.h"
#include "models/demo/demogenerator.h"
#include "models/domain/storedvalues.h"
#include "models/itemmodels/occupancymodel.h"
#include "tests/support/testsupport.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

using namespace Qt::StringLiterals;
using rentdesk::models::domain::BookingStatus;
using rentdesk::models::itemmodels::OccupancyModel;
using rentdesk::models::query::OccupancyBar;

namespace {

const QDate today(2026, 6, 1);

} // namespace

// The occupancy calendar's model against the bookings table: every day of every row says the
// status the bookings table gives that night, the bars are the bookings the viewer may see, and
// a renter sees others' stays as taken nights without who; rows come a thousand at a time.
class TestOccupancyModel : public QObject
{
    Q_OBJECT

    rentdesk::test::TempDatabase m_db;
    QUuid m_landlord;
    QUuid m_renter;

    QUuid idOf(const QString &email) const
    {
        auto id = rentdesk::models::db::exec(m_db.connection(), u"SELECT id FROM users WHERE email = :e"_s,
                                             { { u":e"_s, email } });
        return id && id->next() ? rentdesk::models::domain::idFromStored(id->value(0)).value_or(QUuid()) : QUuid();
    }

    // What takes an apartment's night, from the bookings table: "confirmed", "completed",
    // "blocked", or the code of the viewer's own request, or "" — computed night by night.
    QString statusOn(const QUuid &apartment, QDate day, const QUuid &viewer) const
    {
        auto taken = rentdesk::models::db::exec(
            m_db.connection(),
            u"SELECT b.status FROM bookings AS b JOIN apartments AS a ON a.id = b.apartment_id "
            "WHERE b.apartment_id = :a AND b.start_date <= :d AND :d < b.end_date AND "
            "(b.status IN ('confirmed', 'completed', 'blocked') OR (b.status = 'requested' AND "
            "(b.renter_id = :v OR a.owner_id = :v))) "
            "ORDER BY b.status = 'requested', b.start_date, b.id LIMIT 1"_s,
            { { u":a"_s, rentdesk::models::domain::toStoredId(apartment) },
              { u":d"_s, rentdesk::models::domain::toStoredDate(day) },
              { u":v"_s, rentdesk::models::domain::toStoredId(viewer) } });
        return taken && taken->next() ? taken->value(0).toString() : QString();
    }

    QStringList bookingsOf(const QUuid &apartment, QDate from, QDate to, const QUuid &viewer) const
    {
        return rentdesk::test::rowsIn(
            m_db.path(),
            u"SELECT b.start_date || '|' || b.end_date || '|' || b.status FROM bookings AS b "
            "JOIN apartments AS a ON a.id = b.apartment_id WHERE b.apartment_id = '%1' "
            "AND b.start_date < '%2' AND b.end_date > '%3' AND (b.status IN ('confirmed', 'completed', 'blocked') "
            "OR (b.status = 'requested' AND (b.renter_id = '%4' OR a.owner_id = '%4'))) ORDER BY b.start_date, b.id"_s
                .arg(rentdesk::models::domain::toStoredId(apartment), rentdesk::models::domain::toStoredDate(to),
                     rentdesk::models::domain::toStoredDate(from), rentdesk::models::domain::toStoredId(viewer)));
    }

    // The demo landlord's calendar of their own apartments.
    void showTheLandlordsOwn(OccupancyModel &model) const
    {
        rentdesk::models::query::ApartmentFilter mine;
        mine.ownerId = m_landlord;
        model.setFilter(mine);
        model.setViewer(m_landlord);
    }

    static QStringList asRows(const QList<OccupancyBar> &bars)
    {
        QStringList rows;
        for (const OccupancyBar &bar : bars) {
            rows << rentdesk::models::domain::toStoredDate(bar.start) + u'|'
                    + rentdesk::models::domain::toStoredDate(bar.end) + u'|'
                    + rentdesk::models::domain::toCode(bar.status);
        }
        return rows;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(m_db.isValid(), qPrintable(m_db.errorMessage()));
        rentdesk::models::demo::DemoOptions options;
        options.apartments = 1500;
        options.today = today;
        QVERIFY(rentdesk::models::demo::generateDemoData(m_db.connection(), options));
        m_landlord = idOf(rentdesk::models::demo::demoLandlord().email);
        m_renter = idOf(rentdesk::models::demo::demoRenter().email);
        QVERIFY(!m_landlord.isNull() && !m_renter.isNull());
    }

    // A landlord's own apartments over a month: each night's status is the bookings table's,
    // each row's bars are its bookings there, with the renter's name.
    void aLandlordSeesEveryNightOfTheirApartments()
    {
        OccupancyModel model(m_db.shared(), today);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        showTheLandlordsOwn(model);
        model.setRange(QDate(2026, 5, 20), 31);
        QVERIFY2(model.lastError().isEmpty(), qPrintable(model.lastError()));
        QCOMPARE(model.rowCount(),
                 rentdesk::test::valueIn(m_db.path(),
                                         u"SELECT count(*) FROM apartments WHERE owner_id = '%1'"_s.arg(
                                             rentdesk::models::domain::toStoredId(m_landlord))));
        QCOMPARE(model.columnCount(), 31);
        QCOMPARE(model.headerData(12, Qt::Horizontal, OccupancyModel::DateRole).toDate(), today);
        QVERIFY(model.headerData(12, Qt::Horizontal, OccupancyModel::TodayRole).toBool());
        QVERIFY(!model.headerData(11, Qt::Horizontal, OccupancyModel::TodayRole).toBool());
        int taken = 0;
        for (int row = 0; row < model.rowCount(); ++row) {
            const QUuid apartment = model.headerData(row, Qt::Vertical, rentdesk::models::itemmodels::IdRole).toUuid();
            QCOMPARE(model.headerData(row, Qt::Vertical, OccupancyModel::OwnerRole).toUuid(), m_landlord);
            QCOMPARE(model.index(row, 3).data(OccupancyModel::OwnerRole).toUuid(), m_landlord);
            QCOMPARE(asRows(model.barsOf(row)),
                     bookingsOf(apartment, model.first(), model.first().addDays(31), m_landlord));
            for (const OccupancyBar &bar : model.barsOf(row)) {
                QVERIFY(bar.own);
                QVERIFY(!bar.bookingId.isNull());
                QVERIFY(!bar.label.isEmpty());
            }
            for (int day = 0; day < model.columnCount(); ++day) {
                const QVariant status = model.index(row, day).data(OccupancyModel::StatusRole);
                const QString expected = statusOn(apartment, model.first().addDays(day), m_landlord);
                QCOMPARE(status.isValid() ? rentdesk::models::domain::toCode(status.value<BookingStatus>()) : QString(),
                         expected);
                taken += !expected.isEmpty();
            }
        }
        QVERIFY2(taken > 50, qPrintable(QString::number(taken)));
    }

    // A renter looks at every apartment: others' stays are there as taken nights with no
    // booking and no name; their own bookings are there in full; nobody's requests but theirs.
    void aRenterSeesTakenNightsNotWhoTakesThem()
    {
        OccupancyModel model(m_db.shared(), today);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setViewer(m_renter);
        model.setRange(today.addDays(-60), 120);
        QCOMPARE(model.rowCount(), OccupancyModel::BatchSize);
        QCOMPARE(model.totalRows(), 1500);
        // The rest BatchSize at a time, each row with its bars.
        QVERIFY(model.canFetchMore({}));
        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        for (int i = 0; i < 100 && model.canFetchMore({}); ++i)
            model.fetchMore({});
        QCOMPARE(inserted.size(),
                 (1500 - OccupancyModel::BatchSize + OccupancyModel::BatchSize - 1) / OccupancyModel::BatchSize);
        QCOMPARE(inserted.last().at(2).toInt(), 1499);
        QCOMPARE(model.rowCount(), 1500);
        QVERIFY(!model.canFetchMore({}));
        // A refresh reads every row there was again (a thousand per statement), not a batch.
        const QList<OccupancyBar> lastBars = model.barsOf(1499);
        model.refresh();
        QCOMPARE(model.rowCount(), 1500);
        QCOMPARE(model.barsOf(1499), lastBars);
        int others = 0;
        int own = 0;
        for (int row = 0; row < model.rowCount(); ++row) {
            for (const OccupancyBar &bar : model.barsOf(row)) {
                if (bar.own) {
                    ++own;
                    QVERIFY(!bar.bookingId.isNull());
                } else {
                    ++others;
                    QVERIFY(bar.bookingId.isNull());
                    QVERIFY(bar.label.isEmpty());
                    QVERIFY(bar.status != BookingStatus::Requested);
                    // Shown as taken nights, not as someone's confirmed or completed stay.
                    const int day = int(std::max<qint64>(0, model.first().daysTo(bar.start)));
                    QCOMPARE(model.index(row, day).data(Qt::DisplayRole).toString(), u"Taken"_s);
                }
            }
        }
        QVERIFY(others > 100);
        const qint64 theirs = rentdesk::test::valueIn(
            m_db.path(),
            u"SELECT count(*) FROM bookings WHERE renter_id = '%1' AND status IN "
            "('requested', 'confirmed', 'completed', 'blocked') AND start_date < '%2' "
            "AND end_date > '%3'"_s.arg(rentdesk::models::domain::toStoredId(m_renter),
                                        rentdesk::models::domain::toStoredDate(today.addDays(60)),
                                        rentdesk::models::domain::toStoredDate(today.addDays(-60))));
        QVERIFY(theirs > 0);
        QCOMPARE(own, int(theirs));
        const int last = model.rowCount() - 1;
        const QUuid apartment = model.headerData(last, Qt::Vertical, rentdesk::models::itemmodels::IdRole).toUuid();
        QCOMPARE(model.rowOf(apartment), last);
        QCOMPARE(asRows(model.barsOf(last)), bookingsOf(apartment, today.addDays(-60), today.addDays(60), m_renter));
    }

    // A sign-in changes whose calendar and which apartments at once: show() reads them once.
    void showReadsViewerAndFilterOnce()
    {
        OccupancyModel model(m_db.shared(), today);
        rentdesk::models::query::ApartmentFilter mine;
        mine.ownerId = m_landlord;
        QSignalSpy resets(&model, &QAbstractItemModel::modelReset);
        model.show(m_landlord, mine);
        QCOMPARE(resets.size(), 1);
        OccupancyModel separately(m_db.shared(), today);
        showTheLandlordsOwn(separately);
        QCOMPARE(model.totalRows(), separately.totalRows());
        QVERIFY(model.rowCount() > 0);
        QCOMPARE(model.barsOf(0), separately.barsOf(0));
    }

    // The bars of a batch are found apartment by apartment (bookings_apartment_dates_idx), never
    // through the index of every booking by status and date, which at 200 000 apartments took
    // 1.8 s for 250 rows (rentdesk-bench-ui's calendar frames).
    void barsAreReadApartmentByApartment()
    {
        auto plan = rentdesk::models::db::exec(
            m_db.connection(), u"EXPLAIN QUERY PLAN "_s + rentdesk::models::query::detail::occupancyBarsStatement(),
            { { u":viewer"_s, rentdesk::models::domain::toStoredId(m_renter) },
              { u":ids"_s, u"[\"%1\"]"_s.arg(rentdesk::models::domain::toStoredId(m_renter)) },
              { u":from"_s, u"2026-06-01"_s },
              { u":to"_s, u"2026-07-01"_s } });
        QVERIFY(plan);
        QString steps;
        while (plan->next())
            steps += plan->value(3).toString() + u'\n';
        QVERIFY2(
            steps.contains(u"SEARCH k USING INDEX bookings_apartment_dates_idx (apartment_id=? AND start_date<?)"_s),
            qPrintable(steps));
        QVERIFY2(!steps.contains(u"bookings_status_idx"_s), qPrintable(steps));
    }

    // A change in the bookings table shows after refresh(); a new range reads the bars again;
    // a range the query refuses leaves the model as it was.
    void aBlockShowsAfterRefresh()
    {
        OccupancyModel model(m_db.shared(), today);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        showTheLandlordsOwn(model);
        model.setRange(QDate(2028, 3, 1), 7);
        QVERIFY(model.rowCount() > 0);
        const QUuid apartment = model.headerData(0, Qt::Vertical, rentdesk::models::itemmodels::IdRole).toUuid();
        QVERIFY(!model.index(0, 2).data(OccupancyModel::StatusRole).isValid());
        rentdesk::test::Rows rows(m_db.connection());
        QCOMPARE(rows.booking(rentdesk::test::uuid(900), rentdesk::models::domain::toStoredId(apartment),
                              rentdesk::models::domain::toStoredId(m_landlord), u"2028-03-02"_s, u"2028-03-05"_s,
                              u"blocked"_s,
                              { { u"total_price"_s, 0 },
                                { u"block_source"_s, u"https://www.airbnb.com/calendar/ical/1.ics?s=secret"_s },
                                { u"block_uid"_s, u"x"_s } }),
                 QString());
        model.refresh();
        QCOMPARE(model.index(0, 1).data(OccupancyModel::StatusRole).value<BookingStatus>(), BookingStatus::Blocked);
        QVERIFY(!model.index(0, 4).data(OccupancyModel::StatusRole).isValid()); // the day of departure
        QCOMPARE(model.barsOf(0).constFirst().label, u"www.airbnb.com"_s);
        QVERIFY(model.barsOf(0).constFirst().fromCalendar);
        // The owner's own block (the calendar's drag) names nobody and no calendar.
        QCOMPARE(rows.booking(rentdesk::test::uuid(901), rentdesk::models::domain::toStoredId(apartment),
                              rentdesk::models::domain::toStoredId(m_landlord), u"2028-03-06"_s, u"2028-03-08"_s,
                              u"blocked"_s, { { u"total_price"_s, 0 } }),
                 QString());
        model.refresh();
        QCOMPARE(model.barsOf(0).size(), 2);
        QVERIFY(model.barsOf(0).constLast().label.isEmpty());
        QVERIFY(!model.barsOf(0).constLast().fromCalendar);
        QCOMPARE(model.index(0, 5).data(Qt::DisplayRole).toString(), u"Blocked"_s);
        QVERIFY2(model.index(0, 1).data(Qt::ToolTipRole).toString().contains(u"www.airbnb.com"_s),
                 qPrintable(model.index(0, 1).data(Qt::ToolTipRole).toString()));
        model.setRange(QDate(2028, 3, 4), 3);
        QCOMPARE(model.index(0, 0).data(OccupancyModel::StatusRole).value<BookingStatus>(), BookingStatus::Blocked);
        QVERIFY(!model.index(0, 1).data(OccupancyModel::StatusRole).isValid());
        model.setRange(QDate(2028, 3, 4), 401);
        QCOMPARE(model.columnCount(), 3);
    }
};

QTEST_GUILESS_MAIN(TestOccupancyModel)
#include "tst_occupancymodel.moc"
