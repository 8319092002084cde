// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/domain/entities.h"
#include "models/services/domainerror.h"
#include "net/connection/serverconnection.h"

#include <QDateTime>
#include <QObject>
#include <QTimer>

namespace rentdesk::models::sync {
class Replica;
}

namespace rentdesk::net::sync {

// The account's profile as a new replica starts with it (models::sync::Replica::initialize),
// from what the log-in answered.
[[nodiscard]] models::domain::User accountProfile(const protocol::UserJson &user);

// Moves a replica's changes to rentdesk-server and the server's back (docs/protocol.md,
// "Sync"), over the app's one connection, which it shares with chat. A cycle pushes every
// pending mutation, in order and in frames the server accepts, then pulls until the end of the
// feed, page by page, each page applied (and the pending mutations rebased) in one transaction
// by the replica. A cycle starts when the connection comes online, when the server pokes,
// and after a local change (changed()); one that comes while a cycle runs makes it run again.
// A connection lost midway ends the cycle: the next connection starts again where the replica
// stands (the unacknowledged mutations are sent again with their ids, the pull resumes from the
// last cursor applied), so an app or server restart loses nothing.
class SyncClient final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SyncClient)

public:
    enum class State {
        Offline, // no connection
        Syncing, // a cycle is running
        Synced, // the last cycle reached the end of the feed with nothing left to push
        Failing, // the server or the replica failed; problem() says how, the next cycle tries again
    };
    Q_ENUM(State)

    // The connection and the replica must outlive the client.
    SyncClient(connection::ServerConnection &connection, models::sync::Replica &replica, QObject *parent = nullptr);
    ~SyncClient() override;

    // A mutation was journaled: push it soon.
    void changed();
    // Starts a cycle now (or after the one running).
    void syncNow();

    [[nodiscard]] State state() const { return m_state; }
    [[nodiscard]] QString problem() const { return m_problem; }
    // Rows applied by the pulls of the running (or last) cycle.
    [[nodiscard]] qint64 rowsPulled() const { return m_rowsPulled; }
    [[nodiscard]] QDateTime lastSynced() const { return m_lastSynced; }

    // Frames stay this far under the server's maxMessageBytes.
    static constexpr qint64 FrameMargin = 1024;
    // Mutations per push at most (the server takes 1000).
    static constexpr int MutationsPerPush = 500;

Q_SIGNALS:
    void stateChanged(rentdesk::net::sync::SyncClient::State state);
    // After each push's outcomes were filed: how many were applied and refused.
    void pushed(int applied, int refused);
    // After each page was applied: its rows, the cycle's rows so far, and whether it was the last.
    void pulled(int rows, qint64 rowsSoFar, bool end);
    // A cycle finished with nothing left to push and the feed read to its end.
    void synced();

private:
    void schedule();
    void startCycle();
    void pushNext();
    void pullNext();
    void finishCycle();
    void fail(const QString &problem);
    void setState(State state);
    // A request failed: a lost connection waits for the next one, anything else is a problem.
    void failed(const connection::Failure &failure);

    connection::ServerConnection &m_connection;
    models::sync::Replica &m_replica;
    QTimer m_soon;
    QTimer m_retry;
    State m_state = State::Offline;
    QString m_problem;
    bool m_running = false;
    bool m_again = false;
    // Cycles run back to back because changes kept coming; past MaxRounds the next trigger
    // (a change, a poke, a reconnect) starts them again, so that one stuck mutation cannot spin.
    int m_rounds = 0;
    static constexpr int MaxRounds = 20;
    qint64 m_rowsPulled = 0;
    QDateTime m_lastSynced;
};

} // namespace rentdesk::net::sync
