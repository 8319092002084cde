// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/domain/entities.h"
#include "models/services/domainerror.h"
#include "models/services/photoservice.h"
#include "models/sync/mutations.h"
#include "net/connection/serverconnection.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QHash>
#include <QJsonArray>
#include <QObject>
#include <QSet>
#include <QTimer>

#include <optional>

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
// feed, page by page: the next page is asked for as soon as a reply names its cursor, so that
// the server reads it while this one is written, and pages are applied (the pending mutations
// rebased) by the replica in batches of setRowsPerApply() rows, each in one transaction. A cycle starts when the
// connection comes online, when the server pokes, and after a local change (changed()); one that comes while a cycle
// runs makes it run again. A connection lost midway ends the cycle: the next connection starts again where the replica
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
    // Hashes per photo.missing: the two of each of 20 photos (the server's bound).
    static constexpr int MaxHashesPerQuestion = 40;
    // Pulled rows applied together. A commit writes each page of the replica it touched once,
    // so fewer commits write less; but the server works on the next page only while this one
    // is applied (a page's cursor names the next), so a batch of several pages leaves it idle
    // for all but one. Once the server made a page's rows in SQL (twice as fast), applying
    // each page as it comes won at 50 000 apartments: 12 000–14 400 rows/s against 11 100 for
    // 1 000 rows a commit and 8 900 for 3 000. A batch is applied as soon as it is this large,
    // at the end of the feed, and before the cycle stops for any reason, so that what arrived
    // is kept.
    static constexpr int DefaultRowsPerApply = 300;
    // A first pull whose first page says at least this many changes remain asks for a snapshot
    // instead (the replica's bulk-load threshold); and the chunks of it asked for at once.
    static constexpr qint64 SnapshotChanges = 20000;
    static constexpr int SnapshotReadsInFlight = 3;
    void setSnapshotsEnabled(bool enabled) { m_snapshotsEnabled = enabled; }
    void setSnapshotChanges(qint64 changes) { m_snapshotChanges = changes; }
    void setRowsPerApply(int rows) { m_rowsPerApply = std::max(1, rows); }

Q_SIGNALS:
    void stateChanged(rentdesk::net::sync::SyncClient::State state);
    // After each push's outcomes were filed: how many were applied and refused.
    void pushed(int applied, int refused);
    // After pulled rows were applied (a batch of pages): how many, the cycle's rows so far, and
    // whether the feed's end was reached.
    void pulled(int rows, qint64 rowsSoFar, bool end);
    // A chunk of a first pull's snapshot arrived: the bytes so far and in all.
    void snapshotProgress(qint64 received, qint64 size);
    // How far the running cycle's pull is, for a progress bar: the rows it has brought (a
    // snapshot's counted by the share of its bytes received) and the server's bound on the
    // changes still to come (0 at the end of the feed).
    void progress(qint64 rows, qint64 remaining);
    // A cycle finished with nothing left to push and the feed read to its end.
    void synced();
    // Photos' bytes the replica lacked arrived (photo.get, after a cycle): once the thumbnails
    // are in, and once more when the images are, so that a gallery reads its photos again.
    void photosArrived();

private:
    void schedule();
    void startCycle();
    void pushNext();
    // Before a push that holds addPhoto: asks photo.missing which of its blobs the server lacks
    // (the first MaxHashesPerQuestion not known to be there), uploads those, then pushes. A
    // blob the server refuses is remembered with its reason, and the addPhoto is pushed all the
    // same: the server refuses it, and its refusal in Sync problems gives that reason.
    [[nodiscard]] QList<models::services::PhotoService::WantedBlob>
    blobsToCheck(const QList<models::sync::Mutation> &pending) const;
    void askMissing(const QList<models::services::PhotoService::WantedBlob> &blobs);
    // A blob of the running cycle's uploads settled: the server has it, or refused it (reason).
    void settleUpload(const QString &refusal = {});
    void uploadNext();
    void putChunk(qint64 offset);
    void pullNext();
    void requestPage(const QString &cursor);
    // A first pull as one file (docs/protocol.md, sync.snapshot): asked for, read by chunks
    // into a file beside the replica, applied, and followed by the pages after its cursor.
    void startSnapshot();
    // Mutations whose effect the replica holds (pending, or applied and not yet pulled): a
    // snapshot, which replaces the tables, would lose them.
    [[nodiscard]] bool hasChangesOfItsOwn() const;
    void readMoreSnapshot();
    void snapshotRead(const QJsonObject &reply, const QByteArray &data);
    // Forgets the snapshot being read, its file and the reads still to come.
    void dropSnapshot();
    void applySnapshot();
    // The snapshot failed in a way a new one would not mend: this cycle pulls pages.
    void pagesInstead(const QString &why);
    [[nodiscard]] bool applyBatch(bool end);
    // Ends the running cycle's requests: replies still on their way are dropped.
    void stopCycle();
    void finishCycle();
    void fail(const QString &problem);
    // After a cycle: fetches the blobs that the replica's photos name and it lacks, one after
    // another, thumbnails first; each is checked (SHA-256, a JPEG within its sides) before it
    // is stored. One the server refuses or sends wrong is skipped until the next cycle; a lost
    // connection stops the fetch, which the next cycle starts again.
    void fetchPhotos();
    void fetchNextBlob();
    void requestBlobChunk();
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
    // Pages received and not applied yet: their rows, the last one's cursor, and whether the
    // server started over from the beginning in one of them (resync).
    QJsonArray m_batch;
    QString m_batchCursor;
    bool m_batchResync = false;
    qint64 m_batchRemaining = 0;
    // Counts the cycles, so that a reply to a cycle that has ended is recognised and dropped.
    quint64 m_cycle = 0;
    int m_rowsPerApply = DefaultRowsPerApply;
    QDateTime m_lastSynced;
    bool m_snapshotsEnabled = true;
    qint64 m_snapshotChanges = SnapshotChanges;
    bool m_pagesInstead = false; // for the running cycle
    // The snapshot being read: kept across cycles, so that a read cut off by a disconnect goes
    // on from the bytes the file has (while the server keeps it).
    struct SnapshotDownload
    {
        QString id;
        QString cursor;
        qint64 size = 0;
        qint64 chunk = 0; // bytes a read gives (the last one less)
        qint64 rows = 0;
        qint64 received = 0; // bytes in the file, from the start
        qint64 requested = 0; // bytes asked for, from the start
    };
    std::optional<SnapshotDownload> m_snapshot;
    int m_readsInFlight = 0;
    QElapsedTimer m_snapshotTimer; // since the snapshot was made, for the log
    // The blobs settled for the running cycle's pushes (the server has them, or refused them),
    // and the reasons of the refused ones, by hash.
    QSet<QString> m_blobsSettled;
    QHash<QString, QString> m_blobRefusals;
    // The uploads still to make (the first under way), with its bytes and the chunk size.
    QList<models::services::PhotoService::WantedBlob> m_uploads;
    QByteArray m_uploadBytes;
    qint64 m_chunkBytes = 0;
    // The blobs still to fetch (the first is under way) and the bytes of it so far.
    QList<models::services::PhotoService::WantedBlob> m_wantedBlobs;
    QByteArray m_blobBytes;
    bool m_fetching = false;
    int m_blobsStored = 0; // since the last photosArrived()
};

} // namespace rentdesk::net::sync
