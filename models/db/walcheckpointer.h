// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/db/database.h"

#include <atomic>
#include <condition_variable>
#include <memory>
#include <mutex>
#include <thread>

struct sqlite3;

namespace rentdesk::models::db {

// Takes the WAL checkpoints of one connection off its thread. SQLite checkpoints in the
// COMMIT that makes the WAL reach 1000 pages, and a checkpoint syncs the WAL and then the
// database file: tens of milliseconds on a shared virtual disk, in which a server's event
// loop answers no one. With this, that connection only notes the WAL's size after each
// commit, and a thread of its own (with its own SQLite connection) runs a passive
// checkpoint when it has grown past the threshold; writers are never blocked by it.
// Durability is unchanged: a commit is in the WAL either way, and the WAL is synced before
// a checkpoint copies it back.
class WalCheckpointer final
{
public:
    // Takes over the checkpoints of the calling thread's connection to database.
    explicit WalCheckpointer(std::shared_ptr<Database> database, int pages = 1000);
    // Checkpoints what is left and gives the connection its own checkpoints back.
    ~WalCheckpointer();
    Q_DISABLE_COPY_MOVE(WalCheckpointer)

    [[nodiscard]] bool isRunning() const { return m_thread.joinable(); }
    // Checkpoints run so far (for tests and logs).
    [[nodiscard]] int checkpoints() const;

private:
    static int onCommit(void *self, sqlite3 *handle, const char *database, int pages);
    void run(sqlite3 *own);

    std::shared_ptr<Database> m_database;
    sqlite3 *m_writer = nullptr;
    int m_pages;
    int m_requestedAt = 0; // the WAL's size at the last request; the writer's thread only
    mutable std::mutex m_mutex;
    std::condition_variable m_wake;
    bool m_due = false;
    bool m_stopping = false;
    int m_checkpoints = 0;
    std::thread m_thread;
};

// One passive checkpoint of a database file, on a thread of its own with its own connection:
// after a write of hundreds of megabytes (a replica's first pull by pages), copying the WAL
// back takes seconds, which the app's thread need not wait for. A passive checkpoint blocks no
// writer; the connection that wrote should not checkpoint meanwhile (wal_autocheckpoint 0), or
// its next commit would do the same copy itself.
class BackgroundCheckpoint final
{
public:
    explicit BackgroundCheckpoint(const QString &path);
    // Waits for the checkpoint to end.
    ~BackgroundCheckpoint();
    Q_DISABLE_COPY_MOVE(BackgroundCheckpoint)

    [[nodiscard]] bool isDone() const { return m_done.load(); }

private:
    std::atomic<bool> m_done { false };
    std::thread m_thread;
};

} // namespace rentdesk::models::db
