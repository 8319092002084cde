// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/db/transaction.h"

#include "models/db/engine.h"
#include "models/db/postgres.h"
#include "models/db/query.h"
#include "models/db/sqlitehandle.h"

#include <QLoggingCategory>
#include <QRandomGenerator>
#include <QSqlDriver>
#include <QThread>

#include <algorithm>
#include <sqlite3.h>

Q_DECLARE_LOGGING_CATEGORY(lcSql)

namespace rentdesk::models::db {

namespace {

// Savepoint names only need to be unique among the open ones on this thread's connection,
// and scopes nest: the depth names them. (A counter would make every savepoint's SQL new to
// the connection's pool of prepared statements, and push the statements worth keeping out.)
thread_local int t_savepointDepth = 0;

} // namespace

bool inTransaction(const QSqlDatabase &db)
{
    if (engineOf(db) == Engine::Postgres)
        return postgresInTransaction(db);
    sqlite3 *handle = sqliteHandle(db);
    return handle && sqlite3_get_autocommit(handle) == 0;
}

bool transactionAborted(const QSqlDatabase &db)
{
    return engineOf(db) == Engine::Postgres && postgresTransactionFailed(db);
}

ReadTransaction::ReadTransaction(QSqlDatabase db)
    : m_db(std::move(db))
{
}

ReadTransaction::~ReadTransaction()
{
    if (m_open)
        (void)exec(m_db, QStringLiteral("ROLLBACK"));
}

std::expected<void, DbError> ReadTransaction::begin()
{
    Q_ASSERT(!m_open);
    const QString begin = engineOf(m_db) == Engine::Postgres
        ? QStringLiteral("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY")
        : QStringLiteral("BEGIN DEFERRED");
    if (auto done = exec(m_db, begin); !done)
        return std::unexpected(done.error());
    m_open = true;
    return {};
}

std::expected<void, DbError> ReadTransaction::commit()
{
    Q_ASSERT(m_open);
    if (auto done = exec(m_db, QStringLiteral("COMMIT")); !done)
        return std::unexpected(done.error());
    m_open = false;
    return {};
}

TransactionScope::TransactionScope(QSqlDatabase db, Isolation isolation)
    : m_db(std::move(db))
    , m_isolation(isolation)
{
}

TransactionScope::~TransactionScope()
{
    if (m_open)
        rollback();
}

std::expected<void, DbError> TransactionScope::begin()
{
    Q_ASSERT(!m_open);
    if (inTransaction(m_db)) {
        m_savepoint = QStringLiteral("rentdesk_sp_%1").arg(t_savepointDepth + 1);
        if (auto done = exec(m_db, QStringLiteral("SAVEPOINT ") + m_savepoint); !done)
            return std::unexpected(done.error());
        ++t_savepointDepth;
    } else {
        m_savepoint.clear();
        clearRetryableFailure();
        const QString begin = engineOf(m_db) != Engine::Postgres ? QStringLiteral("BEGIN IMMEDIATE")
            : m_isolation == Isolation::RowLocks ? QStringLiteral("BEGIN ISOLATION LEVEL READ COMMITTED")
                                                 : QStringLiteral("BEGIN ISOLATION LEVEL SERIALIZABLE");
        if (auto done = exec(m_db, begin); !done)
            return std::unexpected(done.error());
    }
    m_open = true;
    return {};
}

std::expected<void, DbError> TransactionScope::commit()
{
    Q_ASSERT(m_open);
    const QString sql = isNested() ? QStringLiteral("RELEASE ") + m_savepoint : QStringLiteral("COMMIT");
    if (auto done = exec(m_db, sql); !done) {
        rollback();
        return std::unexpected(done.error());
    }
    m_open = false;
    if (isNested())
        --t_savepointDepth;
    return {};
}

bool lastTransactionCollided()
{
    return hadRetryableFailure();
}

bool TransactionScope::retryAfter(int attempt, int maxAttempts) const
{
    if (isNested() || !hadRetryableFailure() || attempt >= std::min(maxAttempts, int(MaxAttempts)))
        return false;
    const int spreadMs = 2 << attempt; // 4, 8, … 256 ms
    QThread::msleep(QRandomGenerator::global()->bounded(spreadMs / 2, spreadMs));
    qCDebug(lcSql) << "running a transaction again after a serialization failure, attempt" << attempt + 1;
    return true;
}

void TransactionScope::rollback()
{
    if (!m_open)
        return;
    m_open = false;
    if (isNested()) {
        --t_savepointDepth;
        // ROLLBACK TO keeps the savepoint on the stack; RELEASE removes it.
        auto undone = exec(m_db, QStringLiteral("ROLLBACK TO ") + m_savepoint);
        auto released = exec(m_db, QStringLiteral("RELEASE ") + m_savepoint);
        if (!undone || !released)
            qCWarning(lcSql) << "rolling back savepoint" << m_savepoint << "failed";
        return;
    }
    // A failed COMMIT or a constraint with ON CONFLICT ROLLBACK may already have ended it.
    if (!inTransaction(m_db))
        return;
    if (auto undone = exec(m_db, QStringLiteral("ROLLBACK")); !undone)
        qCWarning(lcSql) << "ROLLBACK failed:" << undone.error().detail;
}

} // namespace rentdesk::models::db
