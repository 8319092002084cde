// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/db/walcheckpointer.h"

#include "models/db/sqlitehandle.h"

#include <QFile>
#include <QLoggingCategory>

#include <sqlite3.h>

Q_DECLARE_LOGGING_CATEGORY(lcSql)

namespace rentdesk::models::db {

namespace {

// The WAL starts over only at a write that begins after a checkpoint copied all of it. A
// writer that commits while every background checkpoint runs (a steady trickle of small
// transactions) never meets one, so once the WAL has grown this many times the threshold
// the writer checkpoints for itself, as SQLite would have: the background has copied nearly
// everything by then, and the WAL stays bounded (about 130 MB with 4 KiB pages). It is a
// safety net, kept rare because it stalls the writer for a sync: traffic with pauses lets
// the WAL start over by itself, and 1000 messages a second without a pause meet it every
// five seconds or so (at ten times, every 1.5 s, which showed in the 99th percentile).
constexpr int CatchUpFactor = 32;

} // namespace

WalCheckpointer::WalCheckpointer(std::shared_ptr<Database> database, int pages)
    : m_database(std::move(database))
    , m_pages(pages)
{
    const auto connection = m_database->tryConnection();
    m_writer = connection ? sqliteHandle(*connection) : nullptr;
    sqlite3 *own = nullptr;
    const int opened = sqlite3_open_v2(QFile::encodeName(m_database->path()).constData(), &own,
                                       SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX, nullptr);
    if (!m_writer || opened != SQLITE_OK) {
        // Without a connection of its own the writer keeps checkpointing for itself.
        qCWarning(lcSql) << "checkpoints stay on the writing thread:"
                         << (own ? sqlite3_errmsg(own) : "no connection to the database");
        sqlite3_close(own);
        m_writer = nullptr;
        return;
    }
    sqlite3_busy_timeout(own, 5000);
    // A connection finds the WAL at its first read; until then it has none to checkpoint.
    if (sqlite3_exec(own, "SELECT count(*) FROM sqlite_schema", nullptr, nullptr, nullptr) != SQLITE_OK)
        qCWarning(lcSql) << "the checkpoint connection cannot read:" << sqlite3_errmsg(own);
    sqlite3_wal_hook(m_writer, &WalCheckpointer::onCommit, this);
    m_thread = std::thread([this, own] { run(own); });
}

WalCheckpointer::~WalCheckpointer()
{
    if (!m_writer)
        return;
    {
        const std::lock_guard lock(m_mutex);
        m_stopping = true;
    }
    m_wake.notify_one();
    m_thread.join();
    // Back to SQLite's own checkpoints in the COMMIT (this also replaces the hook).
    sqlite3_wal_autocheckpoint(m_writer, 1000);
}

int WalCheckpointer::checkpoints() const
{
    const std::lock_guard lock(m_mutex);
    return m_checkpoints;
}

int WalCheckpointer::onCommit(void *self, sqlite3 *handle, const char *database, int pages)
{
    // On the writer's thread, after its COMMIT and with the write lock released.
    auto *checkpointer = static_cast<WalCheckpointer *>(self);
    // Once per m_pages that the WAL grew: a commit made while the last checkpoint ran, or
    // before the WAL starts over (the first write after a complete checkpoint), does not ask
    // for another one.
    if (pages < checkpointer->m_requestedAt)
        checkpointer->m_requestedAt = 0; // it started over
    if (pages >= CatchUpFactor * checkpointer->m_pages) {
        // Busy while the background one runs: then the next commit tries again.
        const int done = sqlite3_wal_checkpoint_v2(handle, database, SQLITE_CHECKPOINT_PASSIVE, nullptr, nullptr);
        if (done != SQLITE_OK && done != SQLITE_BUSY)
            qCWarning(lcSql) << "checkpoint failed:" << sqlite3_errmsg(handle);
        return SQLITE_OK;
    }
    if (pages >= checkpointer->m_requestedAt + checkpointer->m_pages) {
        checkpointer->m_requestedAt = pages;
        {
            const std::lock_guard lock(checkpointer->m_mutex);
            checkpointer->m_due = true;
        }
        checkpointer->m_wake.notify_one();
    }
    return SQLITE_OK;
}

void WalCheckpointer::run(sqlite3 *own)
{
    std::unique_lock lock(m_mutex);
    while (true) {
        m_wake.wait(lock, [this] { return m_due || m_stopping; });
        const bool last = m_stopping;
        m_due = false;
        lock.unlock();
        // Passive: copies what no reader still needs and waits for no one.
        const int done = sqlite3_wal_checkpoint_v2(own, nullptr, SQLITE_CHECKPOINT_PASSIVE, nullptr, nullptr);
        if (done != SQLITE_OK && done != SQLITE_BUSY)
            qCWarning(lcSql) << "checkpoint failed:" << sqlite3_errmsg(own);
        lock.lock();
        ++m_checkpoints;
        if (last)
            break;
    }
    lock.unlock();
    sqlite3_close(own);
}

BackgroundCheckpoint::BackgroundCheckpoint(const QString &path)
    : m_thread([this, file = QFile::encodeName(path)] {
        sqlite3 *own = nullptr;
        if (sqlite3_open_v2(file.constData(), &own, SQLITE_OPEN_READWRITE, nullptr) == SQLITE_OK) {
            sqlite3_busy_timeout(own, 5000);
            // A first read opens the WAL: before it, the connection checkpoints nothing.
            sqlite3_exec(own, "SELECT count(*) FROM sqlite_schema", nullptr, nullptr, nullptr);
            const int done = sqlite3_wal_checkpoint_v2(own, nullptr, SQLITE_CHECKPOINT_PASSIVE, nullptr, nullptr);
            if (done != SQLITE_OK && done != SQLITE_BUSY)
                qCWarning(lcSql) << "checkpoint failed:" << sqlite3_errmsg(own);
        } else {
            qCWarning(lcSql) << "no connection for a checkpoint:" << (own ? sqlite3_errmsg(own) : "out of memory");
        }
        sqlite3_close(own);
        m_done = true;
    })
{
}

BackgroundCheckpoint::~BackgroundCheckpoint()
{
    m_thread.join();
}

} // namespace rentdesk::models::db
