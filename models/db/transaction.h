// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/db/dberror.h"

#include <QSqlDatabase>

#include <expected>
#include <functional>
#include <type_traits>

namespace rentdesk::models::db {

// The begin/commit/rollback half of transact(), kept out of the template. A scope that
// is destroyed while still open (an exception, an early return) rolls back.
class TransactionScope final
{
public:
    // How many times transact() runs a unit of work that PostgreSQL could not serialize with
    // another transaction, or chose to break a deadlock with, before it gives up (Busy).
    static constexpr int MaxAttempts = 8;

    // How a PostgreSQL transaction isolates itself (SQLite's writers take turns either way).
    enum class Isolation {
        Serializable, // PostgreSQL fails one of two transactions that could not run in turn
        // The work locks the rows it reads and then writes (SELECT … FOR UPDATE on PostgreSQL):
        // a transaction that waited for such a lock reads the row as the other left it,
        // instead of failing to serialize and running again.
        RowLocks,
    };

    explicit TransactionScope(QSqlDatabase db, Isolation isolation = Isolation::Serializable);
    ~TransactionScope();
    Q_DISABLE_COPY_MOVE(TransactionScope)

    // BEGIN IMMEDIATE on SQLite and BEGIN ISOLATION LEVEL SERIALIZABLE on PostgreSQL, or a
    // SAVEPOINT when the connection is already in a transaction.
    [[nodiscard]] std::expected<void, DbError> begin();
    [[nodiscard]] std::expected<void, DbError> commit();
    void rollback();

    [[nodiscard]] bool isNested() const { return !m_savepoint.isEmpty(); }

    // After this outermost transaction failed and was rolled back as its attempt'th run: whether
    // to run the work again, because a statement in it was a serialization failure or a deadlock
    // (never on SQLite, whose writers take turns). Waits a few random milliseconds, growing with
    // the attempts, so that the transactions that collided do not collide again in step.
    // maxAttempts: how many runs the caller allows in all (MaxAttempts at most).
    [[nodiscard]] bool retryAfter(int attempt, int maxAttempts = MaxAttempts) const;

private:
    QSqlDatabase m_db;
    Isolation m_isolation;
    QString m_savepoint;
    bool m_open = false;
};

// A transaction that reads one snapshot of the main database: a deferred BEGIN takes no write
// lock on it, and WAL keeps what the first read saw until the end, whatever the writers do
// meanwhile (a write to an attached database takes only that one's lock). On PostgreSQL,
// REPEATABLE READ gives the same one snapshot. Rolled back when destroyed without commit().
class ReadTransaction final
{
public:
    explicit ReadTransaction(QSqlDatabase db);
    ~ReadTransaction();
    Q_DISABLE_COPY_MOVE(ReadTransaction)

    [[nodiscard]] std::expected<void, DbError> begin();
    [[nodiscard]] std::expected<void, DbError> commit();

private:
    QSqlDatabase m_db;
    bool m_open = false;
};

// True while the connection is inside a transaction (SQLite's autocommit is off; a
// PostgreSQL transaction block is open, failed or not).
[[nodiscard]] bool inTransaction(const QSqlDatabase &db);

// True when a statement failed in the connection's transaction and took the whole of it
// with it: on PostgreSQL, every later statement is refused until the rollback. Never on
// SQLite, whose transaction stays usable after a failed statement (it rolls back by itself
// on some I/O and memory errors, which inTransaction() tells).
[[nodiscard]] bool transactionAborted(const QSqlDatabase &db);

// Whether a statement of this thread's current (or, after it ended, last) outermost transaction
// failed because PostgreSQL could not serialize it with another or broke a deadlock with it:
// the work inside should give up rather than go on, and after transact() gave up, a caller may
// try a smaller unit of work. Never on SQLite.
[[nodiscard]] bool lastTransactionCollided();

// Runs one unit of work atomically: BEGIN IMMEDIATE (so that a writer takes the write
// lock up front instead of failing at its first write), the work, then COMMIT. Any error
// returned by the work, a failed COMMIT, or an exception rolls everything back. Nested
// calls become savepoints, so services can compose. The work returns
// std::expected<T, E>, where E can be made from a DbError.
//
// On PostgreSQL the transaction is SERIALIZABLE: the services were written for SQLite, whose
// writers take turns, and read, check and then write (the next message's number, a rule
// about other rows); PostgreSQL keeps that correct between servers by refusing one of two
// transactions that would not have been the same one after the other. The outermost
// transact() then runs the work again, at most maxAttempts times in all (a caller with a
// cheaper way out passes fewer), so the work must do nothing outside the database that a second
// run would repeat, or must undo it at its start.
template<typename Work>
[[nodiscard]] auto transact(const QSqlDatabase &db, TransactionScope::Isolation isolation, Work &&work,
                            int maxAttempts = TransactionScope::MaxAttempts) -> std::invoke_result_t<Work &>
{
    using Result = std::invoke_result_t<Work &>;
    using Error = typename Result::error_type;
    static_assert(std::is_constructible_v<Error, DbError>, "the work's error type must be constructible from DbError");

    for (int attempt = 1;; ++attempt) {
        TransactionScope scope(db, isolation);
        if (auto begun = scope.begin(); !begun)
            return Result(std::unexpect, Error(begun.error()));
        Result result = std::invoke(work);
        if (!result) {
            scope.rollback();
            if (scope.retryAfter(attempt, maxAttempts))
                continue;
            return result;
        }
        if (auto committed = scope.commit(); !committed) {
            if (scope.retryAfter(attempt, maxAttempts))
                continue;
            return Result(std::unexpect, Error(committed.error()));
        }
        return result;
    }
}

template<typename Work> [[nodiscard]] auto transact(const QSqlDatabase &db, Work &&work) -> std::invoke_result_t<Work &>
{
    return transact(db, TransactionScope::Isolation::Serializable, std::forward<Work>(work));
}

} // namespace rentdesk::models::db
