// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/db/sqlitehandle.h"
#include "models/demo/demogenerator.h"
#include "models/itemmodels/apartmenttablemodel.h"
#include "tests/itemmodels/flakytablemodel.h"
#include "tests/support/servicefixture.h"
#include "tests/support/testsupport.h"

#include <QAbstractItemModelTester>
#include <QCoreApplication>
#include <QSignalSpy>
#include <QTest>

#include <sqlite3.h>

using namespace Qt::StringLiterals;
using namespace rentdesk;
using models::itemmodels::PagedTableModel;
using models::itemmodels::ValueRole;
using models::services::DomainError;
using test::FlakyTableModel;

namespace {

// The statements a connection runs while the log exists (SQLite's trace hook).
class StatementLog final
{
public:
    explicit StatementLog(const QSqlDatabase &db)
        : m_handle(models::db::sqliteHandle(db))
    {
        sqlite3_trace_v2(m_handle, SQLITE_TRACE_STMT, &StatementLog::traced, this);
    }
    ~StatementLog() { sqlite3_trace_v2(m_handle, 0, nullptr, nullptr); }
    Q_DISABLE_COPY_MOVE(StatementLog)

    int statements = 0;

private:
    static int traced(unsigned, void *context, void *, void *)
    {
        ++static_cast<StatementLog *>(context)->statements;
        return 0;
    }

    sqlite3 *m_handle;
};

// Every signal queued so far (failed() is emitted from the event loop) has been delivered.
void deliverQueuedSignals()
{
    QCoreApplication::sendPostedEvents();
    QCoreApplication::processEvents();
}

// Asks for every role of every cell of rows [first, last) as a view painting them would.
void paint(const QAbstractItemModel &model, int first, int last)
{
    for (int row = first; row < last; ++row) {
        for (int column = 0; column < model.columnCount(); ++column) {
            for (const int role :
                 { int(Qt::DisplayRole), int(Qt::ToolTipRole), int(ValueRole), int(models::itemmodels::IdRole) })
                (void)model.data(model.index(row, column), role);
        }
    }
}

} // namespace

// A table whose count or pages fail remembers it until reload(): no query runs again for a
// cell painted, failed() comes once per failure, the pages it holds stay, and reload() after
// the fault is gone reads again. First through a model whose fetch fails from a given row on,
// then through the real Apartments model over a database damaged underneath it.
class TestPagedTableModel final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void aFailedPageIsNotReadAgainUntilReload()
    {
        FlakyTableModel model(1000);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy failed(&model, &PagedTableModel::failed);
        model.failFromRow = 300; // the first three pages read, then the database breaks
        model.reload();
        QCOMPARE(model.rowCount(), 1000);
        paint(model, 0, 300);
        QCOMPARE(model.fetches, 3);
        QVERIFY(!model.lastError());

        // Scrolling on: page 3 fails once.
        paint(model, 300, 340);
        QCOMPARE(model.fetches, 4);
        QVERIFY(model.lastError());
        QCOMPARE(model.lastError()->code, DomainError::Code::Storage);
        QCOMPARE(model.lastError()->message, FlakyTableModel::fault().message);
        QVERIFY(!model.data(model.index(310, 0)).isValid());
        QVERIFY(failed.wait());
        QCOMPARE(failed.size(), 1);
        QCOMPARE(failed.first().first().value<DomainError>().message, FlakyTableModel::fault().message);

        // Painted again and again, and scrolled further: nothing is asked, nothing reported.
        const int dataCalls = model.dataCalls;
        for (int repaint = 0; repaint < 5; ++repaint)
            paint(model, 300, 1000);
        QVERIFY(model.dataCalls > dataCalls + 5 * 700);
        QCOMPARE(model.fetches, 4);
        QCOMPARE(model.counts, 1);
        QVERIFY(model.idAt(999).isNull());
        deliverQueuedSignals();
        QCOMPARE(failed.size(), 1);

        // The pages read before the failure are still there, without asking again.
        QCOMPARE(model.data(model.index(250, 1), ValueRole).toInt(), 500);
        QCOMPARE(model.data(model.index(0, 0)).toString(), u"0"_s);
        QCOMPARE(model.fetches, 4);

        // The fault goes away; only reload() reads again, and then all is well.
        model.failFromRow.reset();
        paint(model, 300, 400);
        QCOMPARE(model.fetches, 4);
        QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
        model.reload();
        QCOMPARE(reset.size(), 1);
        QCOMPARE(model.counts, 2);
        QVERIFY(!model.lastError());
        QCOMPARE(model.data(model.index(310, 1), ValueRole).toInt(), 620);
        QVERIFY(model.fetches > 4);
        deliverQueuedSignals();
        QCOMPARE(failed.size(), 1);
    }

    void aFailedCountIsNotRunAgainUntilReload()
    {
        FlakyTableModel model(1000);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy failed(&model, &PagedTableModel::failed);
        // Whoever looks on modelReset already sees the count's failure.
        bool failedAtReset = false;
        connect(&model, &QAbstractItemModel::modelReset, this, [&] { failedAtReset = model.lastError().has_value(); });
        model.countFails = true;
        model.reload();
        QVERIFY(failedAtReset);
        QCOMPARE(model.counts, 1);
        QCOMPARE(model.rowCount(), 0);
        QCOMPARE(model.totalCount(), qint64(0));
        QVERIFY(failed.wait());
        for (int i = 0; i < 10; ++i) {
            QCOMPARE(model.rowCount(), 0);
            QVERIFY(model.idAt(i).isNull());
        }
        deliverQueuedSignals();
        QCOMPARE(model.counts, 1);
        QCOMPARE(model.fetches, 0);
        QCOMPARE(failed.size(), 1);

        // Sorting after a failure is a new question: it counts again (and fails again, once).
        model.sort(1, Qt::DescendingOrder);
        QCOMPARE(model.counts, 2);
        QVERIFY(failed.wait());
        QCOMPARE(failed.size(), 2);

        model.countFails = false;
        model.reload();
        QVERIFY(!failedAtReset);
        QVERIFY(!model.lastError());
        QCOMPARE(model.rowCount(), 1000);
        QCOMPARE(model.data(model.index(0, 0), ValueRole).toInt(), 999); // in the order sort() asked for
        deliverQueuedSignals();
        QCOMPARE(failed.size(), 2);
    }

    // A failed read does not push a good page out of the cache.
    void aFailedReadKeepsThePagesItHas()
    {
        const int held = PagedTableModel::CachedPages * PagedTableModel::PageSize;
        FlakyTableModel model(held + 500);
        model.failFromRow = held;
        model.reload();
        paint(model, 0, held);
        QCOMPARE(model.cachedRows(), held);
        QVERIFY(model.idAt(held + 10).isNull());
        QVERIFY(model.lastError());
        QCOMPARE(model.cachedRows(), held);
        QCOMPARE(model.fetches, PagedTableModel::CachedPages + 1);
        QVERIFY(!model.idAt(0).isNull());
        QCOMPARE(model.fetches, PagedTableModel::CachedPages + 1);
    }

    // The real thing: the Apartments model over a database in which, behind its back, one
    // apartment on the third page gets a status no CHECK would have let in.
    void aDamagedRowOfTheDatabaseIsReadOnce()
    {
        test::TempDatabase db;
        QVERIFY2(db.isValid(), qPrintable(db.errorMessage()));
        models::demo::DemoOptions options;
        options.apartments = 500;
        options.today = QDate(2026, 6, 1);
        const auto summary = models::demo::generateDemoData(db.connection(), options);
        QVERIFY2(summary, qPrintable(summary ? QString() : summary.error().message));

        models::itemmodels::ApartmentTableModel model(db.shared());
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy failed(&model, &PagedTableModel::failed);
        model.reload();
        paint(model, 0, 2 * PagedTableModel::PageSize);
        QVERIFY(!model.lastError());
        const int damagedRow = 2 * PagedTableModel::PageSize + 17;
        const QUuid damaged = [&] {
            // Read on a model of its own, so that this one has not read the third page yet.
            models::itemmodels::ApartmentTableModel other(db.shared());
            other.reload();
            return other.idAt(damagedRow);
        }();
        QVERIFY(!damaged.isNull());
        const auto broken = test::executeBehind(
            db.path(),
            { u"CREATE TABLE saved_status AS SELECT id, status FROM apartments WHERE id = :id"_s,
              u"PRAGMA ignore_check_constraints = ON"_s, u"UPDATE apartments SET status = 'haunted' WHERE id = :id"_s },
            { { u":id"_s, damaged.toString(QUuid::WithoutBraces) } });
        QVERIFY2(broken, qPrintable(broken ? QString() : broken.error()));

        StatementLog log(db.connection());
        paint(model, 2 * PagedTableModel::PageSize, 3 * PagedTableModel::PageSize);
        QVERIFY(model.lastError());
        QCOMPARE(model.lastError()->code, DomainError::Code::Storage);
        QVERIFY(model.lastError()->message.contains(u"haunted"_s));
        QVERIFY(!test::looksLikeSql(model.lastError()->message));
        const int statements = log.statements;
        QVERIFY(statements > 0); // the page's query did run, once
        for (int repaint = 0; repaint < 5; ++repaint)
            paint(model, 0, model.rowCount());
        QCOMPARE(log.statements, statements);
        QVERIFY(failed.wait());
        deliverQueuedSignals();
        QCOMPARE(failed.size(), 1);

        const auto healed =
            test::executeBehind(db.path(),
                                { u"UPDATE apartments SET status = (SELECT status FROM saved_status) WHERE id = :id"_s,
                                  u"DROP TABLE saved_status"_s },
                                { { u":id"_s, damaged.toString(QUuid::WithoutBraces) } });
        QVERIFY2(healed, qPrintable(healed ? QString() : healed.error()));
        model.reload();
        QVERIFY(!model.lastError());
        QCOMPARE(model.idAt(damagedRow), damaged);
        deliverQueuedSignals();
        QCOMPARE(failed.size(), 1);
    }
};

QTEST_GUILESS_MAIN(TestPagedTableModel)
#include "tst_pagedtablemodel.moc"
