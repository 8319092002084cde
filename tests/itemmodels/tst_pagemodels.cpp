// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/demo/demogenerator.h"
#include "models/itemmodels/pagemodels.h"
#include "tests/support/testsupport.h"

#include <QAbstractItemModelTester>
#include <QSet>
#include <QSqlQuery>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace rentdesk;
using namespace rentdesk::models::itemmodels;

// The Buildings, Bookings and Reviews tables: each passes the model tester while it is
// reloaded, sorted by every column and filtered, and shows every row of its query once.
class TestPageModels final : public QObject
{
    Q_OBJECT

    test::TempDatabase m_db;
    QUuid m_landlord;

    // Sorts by every column in both orders; each time the rows are all there, once.
    template<typename Model> static void sortEveryColumn(Model &model)
    {
        const int rows = model.rowCount();
        QVERIFY(rows > PagedTableModel::PageSize); // more than one page, so paging is exercised
        for (int column = 0; column < model.columnCount(); ++column) {
            for (const Qt::SortOrder order : { Qt::AscendingOrder, Qt::DescendingOrder }) {
                model.sort(column, order);
                QSet<QUuid> ids;
                for (int row = 0; row < rows; ++row)
                    ids.insert(model.data(model.index(row, column), IdRole).toUuid());
                QVERIFY2(ids.size() == rows, qPrintable(u"column %1"_s.arg(column)));
                QVERIFY(!model.lastError());
            }
        }
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(m_db.isValid(), qPrintable(m_db.errorMessage()));
        models::demo::DemoOptions options;
        options.apartments = 2400;
        options.today = QDate(2026, 6, 1);
        QVERIFY(models::demo::generateDemoData(m_db.connection(), options));
        QSqlQuery query(m_db.connection());
        query.prepare(u"SELECT id FROM users WHERE email = :email"_s);
        query.bindValue(u":email"_s, models::demo::demoLandlord().email);
        QVERIFY(query.exec() && query.next());
        m_landlord = QUuid(query.value(0).toString());
    }

    void buildings()
    {
        auto model = makeBuildingTableModel(m_db.shared());
        QAbstractItemModelTester tester(model.get(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        model->reload();
        QCOMPARE(model->totalCount(), qint64(120));
        sortEveryColumn(*model);
        models::query::BuildingFilter mine;
        mine.ownerId = m_landlord;
        model->setFilter(mine);
        QCOMPARE(model->rowCount(), 3); // the demo landlord's three buildings
        QVERIFY(!model->rowData(0)->building.name.isEmpty());
    }

    void bookings()
    {
        auto model = makeBookingTableModel(m_db.shared());
        QAbstractItemModelTester tester(model.get(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        models::query::BookingFilter filter;
        model->setFilter(filter); // nobody: refused, and empty
        QCOMPARE(model->rowCount(), 0);
        QVERIFY(model->lastError());
        QCOMPARE(model->lastError()->field, u"viewer"_s);
        filter.viewer = m_landlord;
        model->setFilter(filter);
        QVERIFY(!model->lastError());
        QVERIFY(model->rowCount() > 0);
        for (int row = 0; row < model->rowCount(); ++row)
            QCOMPARE(model->rowData(row)->ownerId, m_landlord);
        filter.status = models::domain::BookingStatus::Requested;
        model->setFilter(filter);
        for (int row = 0; row < model->rowCount(); ++row)
            QCOMPARE(model->data(model->index(row, BookingColumns::Status), ValueRole)
                         .value<models::domain::BookingStatus>(),
                     models::domain::BookingStatus::Requested);
    }

    void reviews()
    {
        auto model = makeReviewTableModel(m_db.shared());
        QAbstractItemModelTester tester(model.get(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        model->reload();
        sortEveryColumn(*model);
        models::query::ReviewFilter filter;
        filter.minRating = 5;
        filter.kind = models::domain::ReviewKind::Apartment;
        model->setFilter(filter);
        QVERIFY(model->rowCount() > 0);
        for (int row = 0; row < model->rowCount(); ++row) {
            QCOMPARE(model->data(model->index(row, ReviewColumns::Rating), ValueRole).toInt(), 5);
            QCOMPARE(model->data(model->index(row, ReviewColumns::Kind), ValueRole).value<models::domain::ReviewKind>(),
                     models::domain::ReviewKind::Apartment);
        }
    }
};

QTEST_GUILESS_MAIN(TestPageModels)
#include "tst_pagemodels.moc"
