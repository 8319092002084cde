// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/db/database.h"
#include "models/services/clock.h"
#include "models/sync/replica.h"
#include "net/connection/serverconnection.h"
#include "net/sync/syncclient.h"

#include <QObject>
#include <QString>
#include <QUrl>
#include <QUuid>

#include <memory>

namespace rentdesk::bench {

// One desktop of rentdesk-bench --sync, wired as the app wires it (tests/sync/tst_syncengine.cpp):
// a replica database of its own, a ServerConnection, the Replica on it and a SyncClient. It logs
// in, makes its empty database a replica of the account, and syncs from then on by itself (on
// connecting, on every poke). Used on the thread that made it, like the replica.
class SyncDesktop final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SyncDesktop)

public:
    explicit SyncDesktop(QString databasePath, QObject *parent = nullptr);
    ~SyncDesktop() override;

    // Logs in; once in, makes the replica and the SyncClient, which starts the first pull at
    // once. isReady() or problem() say how it went.
    void start(const QUrl &server, const QString &email, const QString &password);

    // The replica and its client exist.
    [[nodiscard]] bool isReady() const { return m_sync != nullptr; }
    // The last cycle reached the end of the feed and nothing is left to push.
    [[nodiscard]] bool isSynced() const;
    [[nodiscard]] QString problem() const { return m_problem; }
    [[nodiscard]] QString email() const { return m_email; }
    [[nodiscard]] QUuid user() const { return m_user; }

    // When the SyncClient was made (the first pull's start) and when it first reported
    // synced(), in nowNs(); the rows and pages of that first cycle.
    [[nodiscard]] qint64 syncStartedNs() const { return m_syncStarted; }
    [[nodiscard]] qint64 firstSyncedNs() const { return m_firstSynced; }
    [[nodiscard]] qint64 firstRows() const { return m_firstRows; }
    [[nodiscard]] int firstPages() const { return m_firstPages; }
    // The bytes of the snapshot the first pull came as (0: it came as pages).
    [[nodiscard]] qint64 firstSnapshotBytes() const { return m_firstSnapshotBytes; }
    // When the last sync.poke came (nowNs(), 0: none yet), and how many came.
    [[nodiscard]] qint64 lastPokeNs() const { return m_lastPoke; }
    [[nodiscard]] int pokes() const { return m_pokes; }

    // Only once isReady().
    [[nodiscard]] net::connection::ServerConnection &connection() { return m_connection; }
    [[nodiscard]] models::sync::Replica &replica() { return *m_replica; }
    [[nodiscard]] net::sync::SyncClient &sync() { return *m_sync; }
    [[nodiscard]] const std::shared_ptr<models::db::Database> &database() const { return m_database; }

private:
    void makeReplica(const net::protocol::UserJson &account);

    QString m_path;
    QString m_email;
    models::services::SystemClock m_clock;
    net::connection::ServerConnection m_connection;
    std::shared_ptr<models::db::Database> m_database;
    std::unique_ptr<models::sync::Replica> m_replica;
    std::unique_ptr<net::sync::SyncClient> m_sync;
    QUuid m_user;
    QString m_problem;
    qint64 m_syncStarted = 0;
    qint64 m_firstSynced = 0;
    qint64 m_firstRows = 0;
    int m_firstPages = 0;
    qint64 m_firstSnapshotBytes = 0;
    qint64 m_lastPoke = 0;
    int m_pokes = 0;
};

} // namespace rentdesk::bench
