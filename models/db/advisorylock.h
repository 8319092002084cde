// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QObject>
#include <QString>
#include <QTimer>

#include <memory>

namespace rentdesk::models::db {

class Database;

// One of the processes that share a PostgreSQL database holds the lock `key` at a time
// (pg_try_advisory_lock on a connection of its own, docs/architecture.md "Several servers on
// one database"): for work that one of them must do and only one, such as sending the shared
// outbox's mail. Tries at once and every few seconds until it holds it, then checks every few
// seconds that its connection still works: PostgreSQL gives the lock up with a lost connection,
// and another process may take it, so the holder hears lost() and must stop the work. Lives on
// the thread that made it; gives the lock back when destroyed.
class AdvisoryLock final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AdvisoryLock)

public:
    AdvisoryLock(std::shared_ptr<Database> database, qint64 key, QString name, QObject *parent = nullptr);
    ~AdvisoryLock() override;

    // Starts trying (the first try before returning).
    void start();
    [[nodiscard]] bool isHeld() const { return m_held; }

Q_SIGNALS:
    void acquired();
    void lost();

private:
    void poll();
    void closeConnection();

    std::shared_ptr<Database> m_database;
    qint64 m_key;
    QString m_name;
    QString m_connection; // the open connection's full name; empty while there is none
    bool m_held = false;
    QTimer m_timer;
};

} // namespace rentdesk::models::db
