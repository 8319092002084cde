// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/demo/demogenerator.h"
#include "models/itemmodels/apartmenttablemodel.h"
#include "models/itemmodels/cellformat.h"
#include "tests/support/testsupport.h"

#include <QAbstractItemModelTester>
#include <QSet>
#include <QSignalSpy>
#include <QSqlQuery>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace rentdesk;
using models::itemmodels::ApartmentTableModel;
using models::itemmodels::PagedTableModel;

// The Apartments table pages through ApartmentQuery: it knows the total at once, reads
// only the pages asked for, keeps a bounded number of them, and sorts and filters by
// asking the query again.
class TestApartmentTableModel final : public QObject
{
    Q_OBJECT

    test::TempDatabase m_db;
    static constexpr int Apartments = 730; // eight pages, the last one short

    // Every id of the table, in row order, read through data().
    static QList<QUuid> allIds(const ApartmentTableModel &model)
    {
        QList<QUuid> ids;
        for (int row = 0; row < model.rowCount(); ++row)
            ids.append(model.data(model.index(row, 0), models::itemmodels::IdRole).toUuid());
        return ids;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(m_db.isValid(), qPrintable(m_db.errorMessage()));
        models::demo::DemoOptions options;
        options.apartments = Apartments;
        options.today = QDate(2026, 6, 1);
        const auto summary = models::demo::generateDemoData(m_db.connection(), options);
        QVERIFY2(summary, qPrintable(summary ? QString() : summary.error().message));
    }

    void passesTheModelTester()
    {
        ApartmentTableModel model(m_db.shared());
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.reload();
        QCOMPARE(model.rowCount(), Apartments);
        model.sort(ApartmentTableModel::City, Qt::DescendingOrder);
        models::query::ApartmentFilter filter;
        filter.minRooms = 3;
        model.setFilter(filter);
        QVERIFY(model.rowCount() > 0);
        QVERIFY(model.rowCount() < Apartments);
        model.setFilter({});
        QCOMPARE(model.rowCount(), Apartments);
    }

    void knowsTheTotalAndReadsOnlyWhatIsAsked()
    {
        ApartmentTableModel model(m_db.shared());
        QSignalSpy total(&model, &PagedTableModel::totalCountChanged);
        model.reload();
        QCOMPARE(total.size(), 1);
        QCOMPARE(total.first().first().toLongLong(), qint64(Apartments));
        QCOMPARE(model.totalCount(), qint64(Apartments));
        QCOMPARE(model.cachedRows(), 0); // counting reads no rows

        // The last row is read without the ones before it.
        QVERIFY(!model.idAt(Apartments - 1).isNull());
        QCOMPARE(model.cachedRows(), Apartments % PagedTableModel::PageSize);
        QVERIFY(model.idAt(Apartments).isNull());

        // Reading everything keeps at most the cache's pages.
        const QList<QUuid> ids = allIds(model);
        QVERIFY(model.cachedRows() <= PagedTableModel::CachedPages * PagedTableModel::PageSize);
        QCOMPARE(QSet<QUuid>(ids.cbegin(), ids.cend()).size(), Apartments);
    }

    void pagesAgreeWithTheQuery_data()
    {
        QTest::addColumn<int>("column");
        QTest::addColumn<Qt::SortOrder>("order");
        for (int column = 0; column < ApartmentTableModel::ColumnCount; ++column) {
            QTest::addRow("column %d ascending", column) << column << Qt::AscendingOrder;
            QTest::addRow("column %d descending", column) << column << Qt::DescendingOrder;
        }
    }

    // Sorting by any column shows the query's own order, page after page, and the cell
    // values are the row's.
    void pagesAgreeWithTheQuery()
    {
        QFETCH(int, column);
        QFETCH(Qt::SortOrder, order);
        ApartmentTableModel model(m_db.shared());
        model.reload();
        model.sort(column, order);
        QCOMPARE(model.sortColumn(), column);
        const models::query::ApartmentQuery query(m_db.shared());
        QList<QUuid> expected;
        for (int offset = 0; offset < Apartments; offset += models::query::ApartmentQuery::MaxLimit) {
            const auto page = query.fetch({}, { ApartmentTableModel::queryColumn(column), order }, offset,
                                          models::query::ApartmentQuery::MaxLimit);
            QVERIFY(page);
            for (const models::query::ApartmentRow &row : *page)
                expected.append(row.apartment.id);
        }
        QCOMPARE(allIds(model), expected);

        const auto row = model.rowData(123);
        QVERIFY(row);
        QCOMPARE(model.data(model.index(123, ApartmentTableModel::Number)).toString(), row->apartment.number);
        QCOMPARE(model.data(model.index(123, ApartmentTableModel::Price)).toString(),
                 models::itemmodels::formatMoney(row->apartment.monthlyPrice));
        QCOMPARE(model.data(model.index(123, ApartmentTableModel::Status), models::itemmodels::ValueRole)
                     .value<models::domain::ApartmentStatus>(),
                 row->apartment.status);
    }

    void filterNarrowsAndCounts()
    {
        ApartmentTableModel model(m_db.shared());
        model.reload();
        models::query::ApartmentFilter filter;
        filter.city = model.data(model.index(0, ApartmentTableModel::City)).toString();
        filter.furnished = true;
        model.setFilter(filter);
        QVERIFY(model.rowCount() > 0);
        const models::query::ApartmentQuery query(m_db.shared());
        QCOMPARE(model.totalCount(), query.count(filter).value_or(-1));
        for (int row = 0; row < model.rowCount(); ++row) {
            QCOMPARE(model.data(model.index(row, ApartmentTableModel::City)).toString(), filter.city);
            QCOMPARE(
                model.data(model.index(row, ApartmentTableModel::Furnished), models::itemmodels::ValueRole).toBool(),
                true);
        }
    }

    void invalidFilterIsReportedAndShowsNothing()
    {
        ApartmentTableModel model(m_db.shared());
        QSignalSpy failed(&model, &PagedTableModel::failed);
        models::query::ApartmentFilter filter;
        filter.minRooms = 5;
        filter.maxRooms = 2;
        model.setFilter(filter);
        QCOMPARE(model.rowCount(), 0);
        QVERIFY(model.lastError());
        QCOMPARE(model.lastError()->field, u"rooms"_s);
        QVERIFY(failed.wait(2000));
        model.setFilter({});
        QCOMPARE(model.rowCount(), Apartments);
        QVERIFY(!model.lastError());
    }

    // Rows deleted behind the model's back: the short page makes it count again rather
    // than show empty rows.
    void shrinkingDataIsNoticed()
    {
        test::TempDatabase db;
        QVERIFY(db.isValid());
        models::demo::DemoOptions options;
        options.apartments = 150;
        options.today = QDate(2026, 6, 1);
        QVERIFY(models::demo::generateDemoData(db.connection(), options));
        ApartmentTableModel model(db.shared());
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.reload();
        QCOMPARE(model.rowCount(), 150);
        QSqlQuery remove(db.connection());
        QVERIFY(remove.exec(u"DELETE FROM bookings"_s));
        QVERIFY(remove.exec(u"DELETE FROM reviews"_s));
        QVERIFY(remove.exec(u"UPDATE users SET rating_sum = 0, rating_count = 0"_s));
        QVERIFY(remove.exec(u"DELETE FROM apartments WHERE rowid % 2 = 0"_s));
        QVERIFY(model.idAt(149).isNull());
        QTRY_COMPARE(model.rowCount(), 75);
    }
};

QTEST_GUILESS_MAIN(TestApartmentTableModel)
#include "tst_apartmenttablemodel.moc"
