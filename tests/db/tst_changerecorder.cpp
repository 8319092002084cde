// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/db/changerecorder.h"
#include "models/db/query.h"
#include "models/db/transaction.h"
#include "tests/support/testsupport.h"

#include <QSqlQuery>
#include <QSqlRecord>
#include <QTest>

#include <functional>

using namespace Qt::StringLiterals;
using rentdesk::models::db::applyChangeset;
using rentdesk::models::db::Binding;
using rentdesk::models::db::ChangeRecorder;
using rentdesk::models::db::ChangesetConflicts;
using rentdesk::models::db::countChanges;
using rentdesk::models::db::DbError;
using rentdesk::models::db::invertChangeset;
using rentdesk::test::Rows;
using rentdesk::test::TempDatabase;
using rentdesk::test::timestamp;
using rentdesk::test::uuid;

namespace rentdesk::models::db {

// For QCOMPARE's message.
char *toString(const ChangesetConflicts &conflicts)
{
    return QTest::toString(
        u"data %1, not found %2, conflict %3"_s.arg(conflicts.data).arg(conflicts.notFound).arg(conflicts.conflict));
}

} // namespace rentdesk::models::db

namespace {

// One statement of a mutation: "" when it went through, else why not (as Rows reports it).
using Step = std::function<QString()>;

const QStringList syncedTables { u"users"_s, u"buildings"_s, u"apartments"_s, u"bookings"_s, u"reviews"_s };

} // namespace

// The recorder of local mutations (what SQLite's session extension records, after commits and
// rollbacks) and the undo and redo of mutations by applying changesets, on a migrated database.
class TestChangeRecorder : public QObject
{
    Q_OBJECT

private:
    [[nodiscard]] QSqlDatabase db() const { return m_db->connection(); }

    // Every row of the synced tables, as sorted text. Not the whole database: applying a
    // changeset rightly marks apartments stale for search, which a full dump would count.
    [[nodiscard]] QStringList dumpTables() const
    {
        QStringList dump;
        for (const QString &table : syncedTables) {
            QStringList rows;
            QSqlQuery query(db());
            // The table names are the test's constants.
            if (!query.exec(u"SELECT * FROM "_s + table))
                return { u"cannot read "_s + table };
            while (query.next()) {
                QStringList fields;
                for (int i = 0; i < query.record().count(); ++i) {
                    const QVariant value = query.value(i);
                    fields << query.record().fieldName(i) + u'=' + (value.isNull() ? u"NULL"_s : value.toString());
                }
                rows << table + u": "_s + fields.join(u", "_s);
            }
            rows.sort();
            dump << rows;
        }
        return dump;
    }

    [[nodiscard]] Step sql(const QString &statement, const QList<Binding> &bindings = {}) const
    {
        return [this, statement, bindings] {
            auto done = rentdesk::models::db::exec(db(), statement, bindings);
            return done ? QString() : done.error().detail;
        };
    }

    // A statement about the row whose :id is uuid(id).
    [[nodiscard]] Step onRow(const QString &statement, int id) const
    {
        return sql(statement, { { u":id"_s, uuid(id) } });
    }

    [[nodiscard]] Step renter(int id) const
    {
        return [this, id] {
            return Rows(db()).renter(uuid(id));
        };
    }

    // A review by author of a user or an apartment (target's column follows from kind).
    [[nodiscard]] Step review(int id, int author, const QString &kind, int target, int rating) const
    {
        return [this, id, author, kind, target, rating] {
            const QString targetColumn = kind == u"apartment"_s ? u"target_apartment_id"_s : u"target_user_id"_s;
            return Rows(db()).insert(u"reviews"_s,
                                     { { u"id"_s, uuid(id) },
                                       { u"author_id"_s, uuid(author) },
                                       { u"kind"_s, kind },
                                       { targetColumn, uuid(target) },
                                       { u"rating"_s, rating },
                                       { u"created_at"_s, timestamp() },
                                       { u"updated_at"_s, timestamp() } });
        };
    }

    [[nodiscard]] std::expected<void, DbError> runSteps(const QList<Step> &steps) const
    {
        for (const Step &step : steps) {
            if (const QString refused = step(); !refused.isEmpty())
                return std::unexpected(DbError { DbError::Kind::Query, refused, {}, {}, refused });
        }
        return {};
    }

    // Runs a mutation in one transaction, as a service does: "" when it committed.
    [[nodiscard]] QString commit(const QList<Step> &steps) const
    {
        auto done = rentdesk::models::db::transact(db(), [&] { return runSteps(steps); });
        return done ? QString() : done.error().detail;
    }

    // Runs a mutation that a service then refuses: everything it did is rolled back.
    [[nodiscard]] bool rollBack(const QList<Step> &steps) const
    {
        auto done = rentdesk::models::db::transact(db(), [&]() -> std::expected<void, DbError> {
            if (auto ran = runSteps(steps); !ran)
                return ran;
            return std::unexpected(DbError { DbError::Kind::Query, u"refused by the service"_s, {}, {}, {} });
        });
        return !done && done.error().message == u"refused by the service"_s
            && !rentdesk::models::db::inTransaction(db());
    }

    // Applies changesets in order in one transaction, committed when all went through.
    [[nodiscard]] std::expected<ChangesetConflicts, DbError> applyAll(const QList<QByteArray> &changesets) const
    {
        return rentdesk::models::db::transact(db(), [&]() -> std::expected<ChangesetConflicts, DbError> {
            ChangesetConflicts total;
            for (const QByteArray &changeset : changesets) {
                auto applied = applyChangeset(db(), changeset);
                if (!applied)
                    return applied;
                total.data += applied->data;
                total.notFound += applied->notFound;
                total.conflict += applied->conflict;
            }
            return total;
        });
    }

    [[nodiscard]] static QByteArray inverse(const QByteArray &changeset)
    {
        auto inverted = invertChangeset(changeset);
        return inverted ? *inverted : QByteArray("invert failed");
    }

    // "table=changes", sorted, so that a failure shows what was recorded.
    [[nodiscard]] static QStringList counts(const std::expected<QByteArray, DbError> &changeset)
    {
        if (!changeset)
            return { u"take failed: "_s + changeset.error().detail };
        auto counted = countChanges(*changeset);
        if (!counted)
            return { u"count failed: "_s + counted.error().detail };
        QStringList described;
        for (auto it = counted->cbegin(); it != counted->cend(); ++it)
            described << u"%1=%2"_s.arg(it.key()).arg(it.value());
        described.sort();
        return described;
    }

    [[nodiscard]] std::unique_ptr<ChangeRecorder> recorder(const QStringList &tables = syncedTables) const
    {
        auto attached = ChangeRecorder::attach(db(), tables);
        if (!attached)
            qWarning() << "attach failed:" << attached.error().detail;
        return attached ? std::move(*attached) : nullptr;
    }

    // The first column of the first row, as an integer; -1 when the query failed.
    [[nodiscard]] qint64 integer(const QString &sqlText, const QList<Binding> &bindings = {}) const
    {
        auto query = rentdesk::models::db::exec(db(), sqlText, bindings);
        return query && query->next() ? query->value(0).toLongLong() : -1;
    }

    std::unique_ptr<TempDatabase> m_db;

private Q_SLOTS:
    // A landlord with two buildings, two apartments in the first, a renter with a request for
    // the second apartment: what each test starts from, recorded by nobody.
    void init()
    {
        m_db = std::make_unique<TempDatabase>();
        QVERIFY2(m_db->isValid(), qPrintable(m_db->errorMessage()));
        Rows rows(db());
        QCOMPARE(rows.landlord(uuid(1)), QString());
        QCOMPARE(rows.renter(uuid(2)), QString());
        QCOMPARE(rows.building(uuid(10), uuid(1)), QString());
        QCOMPARE(rows.building(uuid(11), uuid(1), { { u"name"_s, u"Hill House"_s } }), QString());
        QCOMPARE(rows.apartment(uuid(20), uuid(10), uuid(1)), QString());
        QCOMPARE(rows.apartment(uuid(21), uuid(10), uuid(1)), QString());
        QCOMPARE(rows.booking(uuid(31), uuid(21), uuid(2), u"2026-03-01"_s, u"2026-03-05"_s, u"requested"_s),
                 QString());
    }

    void cleanup() { m_db.reset(); }

    void recordsEachTableAndTakeStartsAfresh()
    {
        auto changes = recorder();
        QVERIFY(changes);
        Rows rows(db());
        QCOMPARE(commit({
                     renter(3),
                     onRow(u"UPDATE apartments SET monthly_price = 4700000 WHERE id = :id"_s, 20),
                     onRow(u"DELETE FROM buildings WHERE id = :id"_s, 11),
                     [&] {
                         return rows.booking(uuid(30), uuid(20), uuid(3), u"2026-04-01"_s, u"2026-04-10"_s,
                                             u"requested"_s);
                     },
                     review(40, 2, u"landlord"_s, 1, 4),
                 }),
                 QString());
        QCOMPARE(counts(changes->take()),
                 (QStringList { u"apartments=1"_s, u"bookings=1"_s, u"buildings=1"_s, u"reviews=1"_s, u"users=1"_s }));
        auto second = changes->take();
        QVERIFY(second);
        QVERIFY(second->isEmpty());

        // The next mutation's changeset holds that mutation only.
        QCOMPARE(commit({ onRow(u"UPDATE users SET display_name = 'Renamed' WHERE id = :id"_s, 3) }), QString());
        QCOMPARE(counts(changes->take()), (QStringList { u"users=1"_s }));
    }

    void restartForgetsWhatWasRecorded()
    {
        auto changes = recorder();
        QVERIFY(changes);
        QCOMPARE(commit({ onRow(u"DELETE FROM bookings WHERE id = :id"_s, 31) }), QString());
        QVERIFY(changes->restart());
        QCOMPARE(counts(changes->take()), QStringList());
    }

    void rolledBackChangesLeaveNothing_data()
    {
        QTest::addColumn<QStringList>("changes");
        QTest::addColumn<QStringList>("committed");
        QTest::newRow("inserted row") << QStringList { u"insert"_s } << QStringList { u"users=1"_s };
        QTest::newRow("updated row") << QStringList { u"update"_s } << QStringList { u"apartments=1"_s };
        QTest::newRow("deleted row") << QStringList { u"delete"_s } << QStringList { u"bookings=1"_s };
        QTest::newRow("all three") << QStringList { u"insert"_s, u"update"_s, u"delete"_s }
                                   << QStringList { u"apartments=1"_s, u"bookings=1"_s, u"users=1"_s };
    }

    // SQLite keeps the rows a rolled-back transaction touched, with their values from before it,
    // but makes a changeset by comparing them with the rows as they are: unchanged, they drop
    // out. The same rows changed later for real come out with their true old values.
    void rolledBackChangesLeaveNothing()
    {
        QFETCH(QStringList, changes);
        QFETCH(QStringList, committed);
        Rows rows(db());
        QList<Step> steps;
        for (const QString &change : changes) {
            if (change == u"insert"_s)
                steps << renter(5);
            else if (change == u"update"_s)
                steps << onRow(u"UPDATE apartments SET monthly_price = 1, description = 'x' WHERE id = :id"_s, 20);
            else
                steps << onRow(u"DELETE FROM bookings WHERE id = :id"_s, 31);
        }
        const QStringList before = dumpTables();
        auto recorded = recorder();
        QVERIFY(recorded);

        QVERIFY(rollBack(steps));
        QCOMPARE(dumpTables(), before);
        auto left = recorded->take();
        QVERIFY(left);
        QCOMPARE(left->size(), 0);

        // Rolled back again, then committed: the changeset is the committed mutation, and its
        // inverse brings back the state from before both.
        QVERIFY(rollBack(steps));
        QCOMPARE(commit(steps), QString());
        auto mutation = recorded->take();
        QCOMPARE(counts(mutation), committed);
        recorded->setEnabled(false);
        auto undone = applyAll({ inverse(*mutation) });
        QVERIFY2(undone, qPrintable(undone ? QString() : undone.error().detail));
        QCOMPARE(*undone, ChangesetConflicts());
        QCOMPARE(dumpTables(), before);
    }

    // A service's nested step that fails rolls back to its savepoint; the rest commits.
    void savepointRolledBackInsideACommitLeavesOnlyTheCommit()
    {
        auto changes = recorder();
        QVERIFY(changes);
        const QSqlDatabase connection = db();
        auto done = rentdesk::models::db::transact(connection, [&]() -> std::expected<void, DbError> {
            auto inner = rentdesk::models::db::transact(connection, [&]() -> std::expected<void, DbError> {
                if (auto deleted = rentdesk::models::db::exec(connection, u"DELETE FROM bookings"_s); !deleted)
                    return std::unexpected(deleted.error());
                return std::unexpected(DbError { DbError::Kind::Query, u"refused"_s, {}, {}, {} });
            });
            if (inner)
                return std::unexpected(DbError { DbError::Kind::Query, u"inner should have failed"_s, {}, {}, {} });
            auto updated = rentdesk::models::db::exec(connection, u"UPDATE buildings SET floors = 12 WHERE id = :id"_s,
                                                      { { u":id"_s, uuid(10) } });
            if (!updated)
                return std::unexpected(updated.error());
            return {};
        });
        QVERIFY(done);
        QCOMPARE(counts(changes->take()), (QStringList { u"buildings=1"_s }));
    }

    // Why a mutation must be taken when it ends, rolled back or not: a row SQLite recorded
    // once is read again at take(), whoever changed it since.
    void rowsRecordedBeforeAreReadAgainAtTake()
    {
        auto changes = recorder();
        QVERIFY(changes);
        Rows rows(db());

        QVERIFY(rollBack({ renter(5) }));
        changes->setEnabled(false); // a pull writes the same row
        QCOMPARE(commit({ renter(5) }), QString());
        changes->setEnabled(true);
        QCOMPARE(counts(changes->take()), (QStringList { u"users=1"_s }));

        // The same, restarted after the rollback: the pull's row stays out.
        QVERIFY(rollBack({ renter(6) }));
        QVERIFY(changes->restart());
        changes->setEnabled(false);
        QCOMPARE(commit({ renter(6) }), QString());
        changes->setEnabled(true);
        QCOMPARE(counts(changes->take()), QStringList());
    }

    void disabledRecordsNothing()
    {
        auto changes = recorder();
        QVERIFY(changes);
        QVERIFY(changes->isEnabled());
        changes->setEnabled(false);
        QVERIFY(!changes->isEnabled());
        QCOMPARE(commit({ onRow(u"UPDATE apartments SET rooms = 3 WHERE id = :id"_s, 20) }), QString());
        QCOMPARE(counts(changes->take()), QStringList());
        // take() made a new session, disabled like the old one.
        QVERIFY(!changes->isEnabled());
        QCOMPARE(commit({ onRow(u"UPDATE apartments SET rooms = 4 WHERE id = :id"_s, 20) }), QString());
        QCOMPARE(counts(changes->take()), QStringList());

        changes->setEnabled(true);
        QCOMPARE(commit({ onRow(u"UPDATE apartments SET rooms = 5 WHERE id = :id"_s, 20) }), QString());
        QCOMPARE(counts(changes->take()), (QStringList { u"apartments=1"_s }));
    }

    // Undo: the inverses of the pending mutations, newest first, restore the state before
    // them; redo: the mutations again, oldest first, restore the state after them.
    void undoAndRedoRestoreEachState()
    {
        auto changes = recorder();
        QVERIFY(changes);
        Rows rows(db());
        const QStringList before = dumpTables();

        QCOMPARE(commit({
                     renter(3),
                     [&] {
                         return rows.booking(uuid(30), uuid(20), uuid(3), u"2026-04-01"_s, u"2026-04-10"_s,
                                             u"requested"_s);
                     },
                     onRow(u"UPDATE apartments SET description = 'Quiet, with a balcony' WHERE id = :id"_s, 20),
                     onRow(u"DELETE FROM buildings WHERE id = :id"_s, 11),
                 }),
                 QString());
        auto mutationA = changes->take();
        QVERIFY(mutationA);
        const QStringList afterA = dumpTables();

        QCOMPARE(commit({
                     sql(u"UPDATE bookings SET status = 'confirmed', decided_by = :by, decided_at = :at "
                         "WHERE id = :id"_s,
                         { { u":by"_s, uuid(1) }, { u":at"_s, timestamp() }, { u":id"_s, uuid(30) } }),
                     sql(u"UPDATE apartments SET status = 'booked', booked_by = :renter WHERE id = :id"_s,
                         { { u":renter"_s, uuid(3) }, { u":id"_s, uuid(20) } }),
                     review(40, 3, u"apartment"_s, 20, 5),
                     // Cascades to booking 31: recorded too, bookings being attached.
                     onRow(u"DELETE FROM apartments WHERE id = :id"_s, 21),
                 }),
                 QString());
        auto mutationB = changes->take();
        QCOMPARE(counts(mutationB), (QStringList { u"apartments=2"_s, u"bookings=2"_s, u"reviews=1"_s }));
        const QStringList afterB = dumpTables();
        QVERIFY(afterB != afterA && afterA != before);

        changes->setEnabled(false); // undo and redo are not mutations
        // invert(A) deletes renter 3 before booking 30 (users come first): foreign keys are
        // checked at the end of each apply, when the booking is gone too.
        auto undone = applyAll({ inverse(*mutationB), inverse(*mutationA) });
        QVERIFY2(undone, qPrintable(undone ? QString() : undone.error().detail));
        QCOMPARE(*undone, ChangesetConflicts());
        QCOMPARE(dumpTables(), before);

        auto redone = applyAll({ *mutationA, *mutationB });
        QVERIFY2(redone, qPrintable(redone ? QString() : redone.error().detail));
        // Deleting apartment 21 cascades to booking 31 before B's own delete of it comes up.
        QCOMPARE(*redone, (ChangesetConflicts { .data = 0, .notFound = 1, .conflict = 0 }));
        QCOMPARE(dumpTables(), afterB);

        changes->setEnabled(true);
        QCOMPARE(counts(changes->take()), QStringList());
    }

    // A changeset applied while the recorder is enabled is recorded like any other write.
    void applyIsRecordedWhileEnabled()
    {
        auto changes = recorder();
        QVERIFY(changes);
        QCOMPARE(commit({ onRow(u"DELETE FROM bookings WHERE id = :id"_s, 31) }), QString());
        auto mutation = changes->take();
        QVERIFY(mutation);
        QVERIFY(applyAll({ inverse(*mutation) }));
        QCOMPARE(counts(changes->take()), (QStringList { u"bookings=1"_s }));
    }

    // The FTS stale marks are written by triggers into a table the sync engine does not attach.
    void triggerWritesToUnattachedTablesAreLeftOut()
    {
        QVERIFY(rentdesk::models::db::exec(db(), u"DELETE FROM apartments_search_stale"_s));
        auto changes = recorder();
        QVERIFY(changes);
        QCOMPARE(commit({ onRow(u"UPDATE apartments SET description = 'Renovated' WHERE id = :id"_s, 20) }), QString());
        QCOMPARE(integer(u"SELECT count(*) FROM apartments_search_stale"_s), 1); // the trigger did run
        QCOMPARE(counts(changes->take()), (QStringList { u"apartments=1"_s }));

        // Attached, the trigger's write is recorded with the change that fired it.
        QVERIFY(rentdesk::models::db::exec(db(), u"DELETE FROM apartments_search_stale"_s));
        auto withStale = recorder({ u"apartments"_s, u"apartments_search_stale"_s });
        QVERIFY(withStale);
        QCOMPARE(commit({ onRow(u"UPDATE apartments SET description = 'Renovated again' WHERE id = :id"_s, 20) }),
                 QString());
        QCOMPARE(counts(withStale->take()), (QStringList { u"apartments=1"_s, u"apartments_search_stale=1"_s }));
    }

    // Applying a changeset runs the tables' triggers like any other write: the search marks
    // follow undo and redo, and a trigger's RAISE refuses a change.
    void triggersRunDuringApply()
    {
        auto changes = recorder();
        QVERIFY(changes);
        Rows rows(db());
        QCOMPARE(commit({ [&] {
                     return rows.booking(uuid(35), uuid(20), uuid(2), u"2026-06-01"_s, u"2026-06-10"_s, u"confirmed"_s);
                 } }),
                 QString());
        auto booking = changes->take();
        QVERIFY(booking);
        QCOMPARE(commit({ onRow(u"UPDATE apartments SET description = 'Sunny' WHERE id = :id"_s, 20) }), QString());
        auto description = changes->take();
        QVERIFY(description);
        changes->setEnabled(false);

        QVERIFY(rentdesk::models::db::exec(db(), u"DELETE FROM apartments_search_stale"_s));
        QVERIFY(applyAll({ inverse(*description) }));
        QCOMPARE(integer(u"SELECT count(*) FROM apartments_search_stale WHERE apartment_rowid = "
                         "(SELECT rowid FROM apartments WHERE id = :id)"_s,
                         { { u":id"_s, uuid(20) } }),
                 1);

        // Undo the booking; another stay takes its dates; redoing it meets bookings_no_overlap.
        QVERIFY(applyAll({ inverse(*booking) }));
        QCOMPARE(rows.booking(uuid(36), uuid(20), uuid(2), u"2026-06-05"_s, u"2026-06-08"_s, u"confirmed"_s),
                 QString());
        const QStringList before = dumpTables();
        auto redone = applyAll({ *booking });
        QVERIFY(!redone);
        QCOMPARE(redone.error().kind, DbError::Kind::Constraint);
        QVERIFY(redone.error().message.contains(u"bookings"_s));
        QCOMPARE(dumpTables(), before);
    }

    // A foreign key that a changeset would leave dangling refuses the changeset; the caller's
    // transaction is still open and as it was, to roll back or go on with.
    void danglingForeignKeyIsRefused()
    {
        auto changes = recorder();
        QVERIFY(changes);
        Rows rows(db());
        QCOMPARE(commit({ renter(3) }), QString());
        auto renterAdded = changes->take();
        QVERIFY(renterAdded);
        QCOMPARE(commit({ [&] {
                     return rows.booking(uuid(30), uuid(20), uuid(3), u"2026-04-01"_s, u"2026-04-10"_s, u"requested"_s);
                 } }),
                 QString());
        auto bookingAdded = changes->take();
        QVERIFY(bookingAdded);
        changes->setEnabled(false);
        QCOMPARE(integer(u"PRAGMA foreign_keys"_s), 1);
        const QSqlDatabase connection = db();
        const QStringList before = dumpTables();

        // Undoing the renter alone: booking 30 still refers to them.
        DbError refused;
        bool stillInTransaction = false;
        QStringList duringTransaction;
        auto done = rentdesk::models::db::transact(connection, [&]() -> std::expected<void, DbError> {
            auto applied = applyChangeset(connection, inverse(*renterAdded));
            if (applied)
                return std::unexpected(DbError { DbError::Kind::Query, u"applied"_s, {}, {}, {} });
            refused = applied.error();
            stillInTransaction = rentdesk::models::db::inTransaction(connection);
            duringTransaction = dumpTables();
            return std::unexpected(applied.error());
        });
        QVERIFY(!done);
        QCOMPARE(refused.kind, DbError::Kind::Constraint);
        QCOMPARE(refused.constraintKind, DbError::ConstraintKind::ForeignKey);
        QVERIFY(!refused.message.isEmpty());
        QVERIFY(stillInTransaction);
        QCOMPARE(duringTransaction, before);
        QVERIFY(!rentdesk::models::db::inTransaction(connection));
        QCOMPARE(dumpTables(), before);

        // Refused inside a transaction that then commits: what else it did is kept, and
        // nothing of the changeset; the deferred check SQLite turned on is off again.
        auto committed = rentdesk::models::db::transact(connection, [&]() -> std::expected<void, DbError> {
            if (applyChangeset(connection, inverse(*renterAdded)))
                return std::unexpected(DbError { DbError::Kind::Query, u"applied"_s, {}, {}, {} });
            auto updated = rentdesk::models::db::exec(
                connection, u"UPDATE users SET display_name = 'Kept' WHERE id = :id"_s, { { u":id"_s, uuid(2) } });
            if (!updated)
                return std::unexpected(updated.error());
            return {};
        });
        QVERIFY2(committed, qPrintable(committed ? QString() : committed.error().detail));
        QCOMPARE(integer(u"SELECT count(*) FROM users WHERE id = :id"_s, { { u":id"_s, uuid(3) } }), 1);
        QCOMPARE(integer(u"SELECT count(*) FROM users WHERE display_name = 'Kept'"_s), 1);
        QCOMPARE(integer(u"PRAGMA defer_foreign_keys"_s), 0);
        QCOMPARE(integer(u"PRAGMA foreign_keys"_s), 1);

        // The other way round: the booking again, without its renter.
        auto undone = applyAll({ inverse(*bookingAdded), inverse(*renterAdded) });
        QVERIFY(undone);
        auto redone = applyAll({ *bookingAdded });
        QVERIFY(!redone);
        QCOMPARE(redone.error().constraintKind, DbError::ConstraintKind::ForeignKey);
        QCOMPARE(integer(u"SELECT count(*) FROM bookings WHERE id = :id"_s, { { u":id"_s, uuid(30) } }), 0);
    }

    // A row that differs from the recorded old values is overwritten; a row to update that is
    // gone is skipped.
    void recordedValuesWinOverChangedRows()
    {
        auto changes = recorder();
        QVERIFY(changes);
        QCOMPARE(commit({ onRow(u"UPDATE apartments SET monthly_price = 4800000 WHERE id = :id"_s, 20),
                          onRow(u"UPDATE bookings SET total_price = 5 WHERE id = :id"_s, 31) }),
                 QString());
        auto mutation = changes->take();
        QVERIFY(mutation);
        changes->setEnabled(false);
        // Written behind the sync engine's back.
        QCOMPARE(commit({ onRow(u"UPDATE apartments SET monthly_price = 4900000 WHERE id = :id"_s, 20),
                          onRow(u"DELETE FROM bookings WHERE id = :id"_s, 31) }),
                 QString());
        auto undone = applyAll({ inverse(*mutation) });
        QVERIFY(undone);
        QCOMPARE(*undone, (ChangesetConflicts { .data = 1, .notFound = 1, .conflict = 0 }));
        QCOMPARE(integer(u"SELECT monthly_price FROM apartments WHERE id = :id"_s, { { u":id"_s, uuid(20) } }),
                 4500000);
    }

    // A row to insert that is already there is updated in place: deleting it first, as
    // SQLite's REPLACE does, would cascade to the bookings of the apartment.
    void insertOverAnExistingRowKeepsItsDependents()
    {
        auto changes = recorder();
        QVERIFY(changes);
        Rows rows(db());
        QCOMPARE(commit({ [&] {
                     return rows.apartment(uuid(22), uuid(10), uuid(1), { { u"description"_s, u"Mine"_s } });
                 } }),
                 QString());
        auto mutation = changes->take();
        QVERIFY(mutation);
        changes->setEnabled(false);
        const qint64 rowid = integer(u"SELECT rowid FROM apartments WHERE id = :id"_s, { { u":id"_s, uuid(22) } });
        // The server's copy came in with a pull, with a booking of its own.
        QCOMPARE(commit({ onRow(u"UPDATE apartments SET description = 'Theirs' WHERE id = :id"_s, 22),
                          [&] {
                              return rows.booking(uuid(37), uuid(22), uuid(2), u"2026-05-01"_s, u"2026-05-03"_s,
                                                  u"requested"_s);
                          } }),
                 QString());

        auto redone = applyAll({ *mutation });
        QVERIFY2(redone, qPrintable(redone ? QString() : redone.error().detail));
        QCOMPARE(*redone, (ChangesetConflicts { .data = 0, .notFound = 0, .conflict = 1 }));
        QCOMPARE(integer(u"SELECT count(*) FROM apartments WHERE id = :id AND description = 'Mine'"_s,
                         { { u":id"_s, uuid(22) } }),
                 1);
        QCOMPARE(integer(u"SELECT count(*) FROM bookings WHERE id = :id"_s, { { u":id"_s, uuid(37) } }), 1);
        QCOMPARE(integer(u"SELECT rowid FROM apartments WHERE id = :id"_s, { { u":id"_s, uuid(22) } }), rowid);
    }

    // An insert that a UNIQUE index refuses: the whole changeset is refused.
    void constraintRefusesTheChangeset()
    {
        auto changes = recorder();
        QVERIFY(changes);
        Rows rows(db());
        QCOMPARE(commit({ onRow(u"UPDATE users SET display_name = 'Changed' WHERE id = :id"_s, 2),
                          [&] {
                              return rows.apartment(uuid(22), uuid(10), uuid(1), { { u"number"_s, u"7"_s } });
                          } }),
                 QString());
        auto mutation = changes->take();
        QVERIFY(mutation);
        changes->setEnabled(false);
        QVERIFY(applyAll({ inverse(*mutation) }));
        QCOMPARE(rows.apartment(uuid(23), uuid(10), uuid(1), { { u"number"_s, u"7"_s } }), QString());
        const QStringList before = dumpTables();

        auto redone = applyAll({ *mutation });
        QVERIFY(!redone);
        QCOMPARE(redone.error().kind, DbError::Kind::Constraint);
        QVERIFY(redone.error().message.contains(u"apartments"_s));
        QCOMPARE(dumpTables(), before); // the users change went back with it

        // Apartment 22 came back with another number: updated in place to number 7, which
        // apartment 23 has. That refusal comes from a statement of ours and names the index.
        QCOMPARE(rows.apartment(uuid(22), uuid(10), uuid(1), { { u"number"_s, u"8"_s } }), QString());
        auto again = applyAll({ *mutation });
        QVERIFY(!again);
        QVERIFY(again.error().isConstraint(DbError::ConstraintKind::Unique));
        QCOMPARE(again.error().constraint, u"apartments_number_unique"_s);
    }

    void attachRefusesWhatItCannotRecord_data()
    {
        QTest::addColumn<QString>("connection");
        QTest::addColumn<QStringList>("tables");
        QTest::newRow("not a connection") << u"invalid"_s << syncedTables;
        QTest::newRow("never opened") << u"unopened"_s << syncedTables;
        QTest::newRow("closed") << u"closed"_s << syncedTables;
        QTest::newRow("no such table") << u"open"_s << QStringList { u"users"_s, u"no_such_table"_s };
        QTest::newRow("no primary key") << u"open"_s << QStringList { u"apartments_search"_s };
    }

    void attachRefusesWhatItCannotRecord()
    {
        QFETCH(QString, connection);
        QFETCH(QStringList, tables);
        const QString name = u"tst_changerecorder_"_s + connection;
        {
            QSqlDatabase other;
            if (connection == u"open"_s) {
                other = db();
            } else if (connection != u"invalid"_s) {
                other = QSqlDatabase::addDatabase(u"QSQLITE"_s, name);
                other.setDatabaseName(m_db->path());
                if (connection == u"closed"_s) {
                    QVERIFY(other.open());
                    other.close();
                }
            }
            auto attached = ChangeRecorder::attach(other, tables);
            QVERIFY(!attached);
            QVERIFY(!attached.error().message.isEmpty());
            QVERIFY(!attached.error().detail.isEmpty());
        }
        QSqlDatabase::removeDatabase(name);
    }

    void malformedInputIsAnError()
    {
        // Not a changeset: one starts with a table header ('T').
        const QByteArray garbage("not a changeset");
        QVERIFY(!countChanges(garbage));
        QVERIFY(!invertChangeset(garbage));
        QVERIFY(!applyAll({ garbage }));
        auto empty = countChanges(QByteArray());
        QVERIFY(empty && empty->isEmpty());
    }

    void applyNeedsTheCallersTransaction()
    {
        auto changes = recorder();
        QVERIFY(changes);
        QCOMPARE(commit({ onRow(u"DELETE FROM bookings WHERE id = :id"_s, 31) }), QString());
        auto mutation = changes->take();
        QVERIFY(mutation);
        auto applied = applyChangeset(db(), inverse(*mutation));
        QVERIFY(!applied);
        QCOMPARE(integer(u"SELECT count(*) FROM bookings"_s), 0);
    }
};

QTEST_GUILESS_MAIN(TestChangeRecorder)
#include "tst_changerecorder.moc"
