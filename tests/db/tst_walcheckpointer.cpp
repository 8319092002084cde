// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/db/query.h"
#include "models/db/transaction.h"
#include "models/db/walcheckpointer.h"
#include "tests/support/testsupport.h"

#include <QFileInfo>
#include <QTest>

using namespace Qt::StringLiterals;
using rentdesk::models::db::DbError;
using rentdesk::models::db::WalCheckpointer;
using rentdesk::test::TempDatabase;

// The WAL checkpoints of the server's writing connection, taken to a thread of their own:
// what is committed reaches the database file without the writer checkpointing, and the
// writer checkpoints for itself again once the checkpointer is gone.
class TestWalCheckpointer : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<TempDatabase> t;

    // Commits `pages` rows of about a page each, in one transaction.
    bool writePages(int pages) const
    {
        auto written = rentdesk::models::db::transact(t->connection(), [&]() -> std::expected<void, DbError> {
            for (int i = 0; i < pages; ++i) {
                auto done = rentdesk::models::db::exec(t->connection(),
                                                       u"INSERT INTO scratch (data) VALUES (randomblob(3500))"_s);
                if (!done)
                    return std::unexpected(done.error());
            }
            return {};
        });
        return written.has_value();
    }

    [[nodiscard]] qint64 fileSize() const { return QFileInfo(t->path()).size(); }

private Q_SLOTS:
    void init()
    {
        t = std::make_unique<TempDatabase>();
        QVERIFY2(t->isValid(), qPrintable(t->errorMessage()));
        QVERIFY(rentdesk::models::db::exec(t->connection(), u"CREATE TABLE scratch (data BLOB)"_s));
        // Everything so far in the file, so that growth is the checkpoints' doing.
        QVERIFY(rentdesk::models::db::exec(t->connection(), u"PRAGMA wal_checkpoint(TRUNCATE)"_s));
    }
    void cleanup() { t.reset(); }

    void theBackgroundCopiesWhatIsCommitted()
    {
        WalCheckpointer checkpointer(t->shared(), 10);
        QVERIFY(checkpointer.isRunning());
        const qint64 before = fileSize();
        QVERIFY(writePages(5));
        QCOMPARE(checkpointer.checkpoints(), 0); // below the threshold: nothing asked
        QVERIFY(writePages(20));
        QVERIFY(QTest::qWaitFor([&] { return checkpointer.checkpoints() > 0 && fileSize() > before + 20 * 3500; }));
        auto rows = rentdesk::models::db::scalar(t->connection(), u"SELECT count(*) FROM scratch"_s);
        QVERIFY(rows);
        QCOMPARE(rows->toInt(), 25);
    }

    void theWriterCheckpointsAgainAfterwards()
    {
        {
            WalCheckpointer checkpointer(t->shared(), 10);
            QVERIFY(writePages(1));
        }
        // SQLite's own: the COMMIT that takes the WAL past 1000 pages copies it back.
        const qint64 before = fileSize();
        QVERIFY(writePages(1100));
        QVERIFY(fileSize() > before + 1000 * 3500);
    }

    // One checkpoint on a thread of its own, for a writer that does not checkpoint: what the
    // writer committed is in the file once it is done.
    void aBackgroundCheckpointCopiesTheWal()
    {
        QVERIFY(rentdesk::models::db::exec(t->connection(), u"PRAGMA wal_autocheckpoint = 0"_s));
        const qint64 before = fileSize();
        QVERIFY(writePages(1100));
        QCOMPARE(fileSize(), before); // all of it in the WAL
        {
            rentdesk::models::db::BackgroundCheckpoint checkpoint(t->path());
            QVERIFY(QTest::qWaitFor([&] { return checkpoint.isDone(); }, 20000));
        }
        QVERIFY(fileSize() > before + 1000 * 3500);
    }
};

QTEST_GUILESS_MAIN(TestWalCheckpointer)
#include "tst_walcheckpointer.moc"
