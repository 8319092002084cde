// SPDX-License-Identifier: GPL-3.0-or-later
#include "net/sync/syncclient.h"

#include "models/domain/storedvalues.h"
#include "models/sync/replica.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLoggingCategory>

namespace rentdesk::net::sync {

using namespace Qt::StringLiterals;
using connection::ServerConnection;
using models::services::DomainError;

Q_LOGGING_CATEGORY(lcSync, "rentdesk.sync.client", QtInfoMsg)

models::domain::User accountProfile(const protocol::UserJson &user)
{
    models::domain::User profile;
    profile.id = user.id;
    profile.email = user.email;
    profile.displayName = user.displayName;
    profile.role = user.role;
    profile.language = user.language;
    return profile;
}

SyncClient::SyncClient(ServerConnection &connection, models::sync::Replica &replica, QObject *parent)
    : QObject(parent)
    , m_connection(connection)
    , m_replica(replica)
{
    // Changes made in one burst (a form saving several, a script) go out in one push.
    m_soon.setSingleShot(true);
    m_soon.setInterval(50);
    connect(&m_soon, &QTimer::timeout, this, &SyncClient::startCycle);
    m_retry.setSingleShot(true);
    m_retry.setInterval(std::chrono::seconds(15));
    connect(&m_retry, &QTimer::timeout, this, &SyncClient::startCycle);
    connect(&m_connection, &ServerConnection::stateChanged, this, [this](ServerConnection::State state) {
        if (state == ServerConnection::State::Online) {
            syncNow();
        } else if (!m_running && m_state != State::Failing) {
            setState(State::Offline);
        }
    });
    m_connection.subscribe(u"sync.poke"_s, this, [this](const QJsonObject &) { syncNow(); });
    if (m_connection.state() == ServerConnection::State::Online)
        syncNow();
}

SyncClient::~SyncClient() = default;

void SyncClient::changed()
{
    schedule();
}

void SyncClient::syncNow()
{
    m_rounds = 0;
    if (m_running) {
        m_again = true;
        return;
    }
    m_soon.stop();
    startCycle();
}

void SyncClient::schedule()
{
    if (m_running) {
        m_again = true;
        return;
    }
    if (!m_soon.isActive())
        m_soon.start();
}

void SyncClient::setState(State state)
{
    if (m_state == state)
        return;
    m_state = state;
    Q_EMIT stateChanged(state);
}

void SyncClient::stopCycle()
{
    ++m_cycle;
    m_running = false;
    m_batch = QJsonArray();
    m_batchCursor.clear();
    m_batchResync = false;
}

void SyncClient::fail(const QString &problem)
{
    qCWarning(lcSync) << "sync:" << problem;
    stopCycle();
    m_again = false;
    m_problem = problem;
    setState(State::Failing);
    m_retry.start();
}

void SyncClient::failed(const connection::Failure &failure)
{
    // What arrived before stays: the next pull goes on from its cursor.
    if (!m_batch.isEmpty() && !applyBatch(false))
        return;
    if (failure.kind != connection::Failure::Kind::Refused) {
        // The next connection starts a new cycle from where the replica stands.
        stopCycle();
        m_again = false;
        setState(State::Offline);
        return;
    }
    fail(failure.error.message);
}

void SyncClient::startCycle()
{
    if (m_running)
        return;
    if (m_connection.state() != ServerConnection::State::Online) {
        setState(State::Offline);
        return;
    }
    if (m_connection.protocolVersion() < 2) {
        fail(tr("The server is too old to sync (it speaks protocol version %1).").arg(m_connection.protocolVersion()));
        return;
    }
    m_retry.stop();
    stopCycle();
    m_running = true;
    m_again = false;
    m_rowsPulled = 0;
    m_pagesInstead = false;
    m_readsInFlight = 0;
    m_problem.clear();
    m_blobsSettled.clear();
    m_blobRefusals.clear();
    m_uploads.clear();
    m_uploadBytes.clear();
    setState(State::Syncing);
    pushNext();
}

void SyncClient::pushNext()
{
    const auto pending = m_replica.pending(0, MutationsPerPush);
    if (!pending) {
        fail(pending.error().message);
        return;
    }
    if (pending->isEmpty()) {
        pullNext();
        return;
    }
    // A photo's bytes go before its addPhoto (docs/protocol.md, "Photos").
    if (const auto blobs = blobsToCheck(*pending); !blobs.isEmpty()) {
        askMissing(blobs);
        return;
    }
    // As many as fit in one frame, at least one; up to an addPhoto whose bytes are not settled
    // (the next push uploads them first).
    const qint64 budget = std::max<qint64>(4096, m_connection.limits().maxMessageBytes - FrameMargin);
    QJsonArray mutations;
    qint64 bytes = 0;
    QHash<qint64, QStringList> photos; // addPhoto's id: its hashes, for a refusal's reason
    for (const models::sync::Mutation &mutation : *pending) {
        if (mutation.name == u"addPhoto") {
            const QStringList hashes { mutation.args.value(u"imageSha256"_s).toString(),
                                       mutation.args.value(u"thumbnailSha256"_s).toString() };
            if (!m_blobsSettled.contains(hashes.at(0)) || !m_blobsSettled.contains(hashes.at(1)))
                break;
            photos.insert(mutation.id, hashes);
        }
        const QJsonObject object { { u"id"_s, mutation.id },
                                   { u"name"_s, mutation.name },
                                   { u"args"_s, mutation.args } };
        const qint64 size = QJsonDocument(object).toJson(QJsonDocument::Compact).size() + 1;
        if (!mutations.isEmpty() && bytes + size > budget)
            break;
        mutations.append(object);
        bytes += size;
    }
    const QJsonObject body { { u"clientId"_s, models::domain::toStoredId(m_replica.clientId()) },
                             { u"mutations"_s, mutations } };
    m_connection.request(u"sync.push"_s, body, this, [this, photos](const connection::Reply &reply) {
        if (!reply) {
            failed(reply.error());
            return;
        }
        QList<models::sync::PushOutcome> outcomes;
        int applied = 0;
        for (const QJsonValue &value : reply->value(u"results"_s).toArray()) {
            const QJsonObject result = value.toObject();
            models::sync::PushOutcome outcome;
            outcome.id = result.value(u"id"_s).toInteger();
            outcome.applied = result.value(u"status"_s).toString() == u"applied";
            if (!outcome.applied) {
                const QJsonObject error = result.value(u"error"_s).toObject();
                outcome.error = DomainError(DomainError::codeFromName(error.value(u"code"_s).toString()),
                                            error.value(u"entity"_s).toString(), error.value(u"field"_s).toString(),
                                            error.value(u"message"_s).toString());
                if (result.contains(u"dependsOn"_s))
                    outcome.dependsOn = result.value(u"dependsOn"_s).toInteger();
                // The server lacks a blob it refused: its reason is the one to show.
                for (const QString &hash : photos.value(outcome.id)) {
                    if (m_blobRefusals.contains(hash)) {
                        outcome.error.message = m_blobRefusals.value(hash);
                        break;
                    }
                }
            }
            applied += outcome.applied ? 1 : 0;
            outcomes.append(outcome);
        }
        if (outcomes.isEmpty()) {
            fail(tr("The server answered a push without results."));
            return;
        }
        if (auto filed = m_replica.recordOutcomes(outcomes); !filed) {
            fail(filed.error().message);
            return;
        }
        Q_EMIT pushed(applied, int(outcomes.size()) - applied);
        pushNext();
    });
}

namespace {

// A photo request that failed this way may go through in a later cycle (a lost connection, a
// limit), so the addPhoto waits; any other refusal stands.
bool mayGoThroughLater(const connection::Failure &failure)
{
    return failure.kind != connection::Failure::Kind::Refused
        || failure.error.kind() == protocol::ErrorCode::RateLimited;
}

} // namespace

QList<models::services::PhotoService::WantedBlob>
SyncClient::blobsToCheck(const QList<models::sync::Mutation> &pending) const
{
    using Kind = models::services::PhotoService::BlobKind;
    QList<models::services::PhotoService::WantedBlob> blobs;
    QSet<QString> seen;
    for (const models::sync::Mutation &mutation : pending) {
        if (mutation.name != u"addPhoto")
            continue;
        for (const auto &[field, kind] :
             { std::pair { u"imageSha256"_s, Kind::Image }, std::pair { u"thumbnailSha256"_s, Kind::Thumbnail } }) {
            const QString hash = mutation.args.value(field).toString();
            if (m_blobsSettled.contains(hash) || seen.contains(hash))
                continue;
            if (blobs.size() == MaxHashesPerQuestion)
                return blobs;
            seen.insert(hash);
            blobs.append({ kind, hash });
        }
    }
    return blobs;
}

void SyncClient::askMissing(const QList<models::services::PhotoService::WantedBlob> &blobs)
{
    QJsonArray hashes;
    for (const auto &blob : blobs)
        hashes.append(blob.sha256);
    m_connection.request(u"photo.missing"_s, { { u"hashes"_s, hashes } }, this,
                         [this, blobs, cycle = m_cycle](const connection::Reply &reply) {
                             if (cycle != m_cycle)
                                 return;
                             if (!reply) {
                                 if (mayGoThroughLater(reply.error())) {
                                     failed(reply.error());
                                     return;
                                 }
                                 // Refused as a whole (a renter's account, say): the pushes say why.
                                 for (const auto &blob : blobs) {
                                     m_blobsSettled.insert(blob.sha256);
                                     m_blobRefusals.insert(blob.sha256, reply.error().error.message);
                                 }
                                 pushNext();
                                 return;
                             }
                             QSet<QString> missing;
                             for (const QJsonValue &hash : reply->value(u"missing"_s).toArray())
                                 missing.insert(hash.toString());
                             m_chunkBytes = reply->value(u"chunkBytes"_s).toInteger(0);
                             if (!missing.isEmpty() && m_chunkBytes <= 0) {
                                 fail(tr("The server did not say how large a photo's chunks may be."));
                                 return;
                             }
                             m_uploads.clear();
                             for (const auto &blob : blobs) {
                                 if (missing.contains(blob.sha256))
                                     m_uploads.append(blob);
                                 else
                                     m_blobsSettled.insert(blob.sha256);
                             }
                             uploadNext();
                         });
}

void SyncClient::uploadNext()
{
    using Kind = models::services::PhotoService::BlobKind;
    if (m_uploads.isEmpty()) {
        pushNext();
        return;
    }
    const auto &blob = m_uploads.constFirst();
    const models::services::PhotoService photos(m_replica.context());
    auto bytes = blob.kind == Kind::Image ? photos.image(blob.sha256) : photos.thumbnail(blob.sha256);
    if (!bytes) {
        fail(bytes.error().message);
        return;
    }
    if (!*bytes) {
        settleUpload(tr("The photo's bytes are no longer on this computer: add the photo again."));
        return;
    }
    m_uploadBytes = std::move(**bytes);
    putChunk(0);
}

void SyncClient::settleUpload(const QString &refusal)
{
    const QString hash = m_uploads.takeFirst().sha256;
    m_blobsSettled.insert(hash);
    if (!refusal.isEmpty()) {
        qCWarning(lcSync) << "photo" << hash << "not uploaded:" << refusal;
        m_blobRefusals.insert(hash, refusal);
    }
    m_uploadBytes.clear();
    uploadNext();
}

void SyncClient::putChunk(qint64 offset)
{
    const auto &blob = m_uploads.constFirst();
    const QByteArray chunk = m_uploadBytes.mid(offset, m_chunkBytes);
    const QJsonObject body {
        { u"sha256"_s, blob.sha256 },
        { u"kind"_s, blob.kind == models::services::PhotoService::BlobKind::Image ? u"image"_s : u"thumbnail"_s },
        { u"offset"_s, offset },
        { u"size"_s, m_uploadBytes.size() },
        { u"data"_s, QString::fromLatin1(chunk.toBase64()) },
    };
    const qint64 end = offset + chunk.size();
    m_connection.request(u"photo.put"_s, body, this, [this, end, cycle = m_cycle](const connection::Reply &reply) {
        if (cycle != m_cycle)
            return;
        if (!reply) {
            // A lost connection or a limit: the next cycle uploads again, and the addPhoto waits.
            if (mayGoThroughLater(reply.error())) {
                failed(reply.error());
                return;
            }
            settleUpload(reply.error().error.message);
            return;
        }
        if (reply->value(u"complete"_s).toBool()) {
            settleUpload();
            return;
        }
        if (reply->value(u"received"_s).toInteger(-1) != end || end >= m_uploadBytes.size()) {
            fail(tr("The server took a photo's bytes out of order."));
            return;
        }
        putChunk(end);
    });
}

void SyncClient::pullNext()
{
    const auto cursor = m_replica.cursor();
    if (!cursor) {
        fail(cursor.error().message);
        return;
    }
    requestPage(*cursor);
}

void SyncClient::requestPage(const QString &cursor)
{
    QJsonObject body { { u"clientId"_s, models::domain::toStoredId(m_replica.clientId()) } };
    if (!cursor.isEmpty())
        body.insert(u"cursor"_s, cursor);
    const bool first = cursor.isEmpty();
    m_connection.request(u"sync.pull"_s, body, this, [this, first, cycle = m_cycle](const connection::Reply &reply) {
        if (cycle != m_cycle)
            return; // that cycle failed while this page was on its way
        if (!reply) {
            failed(reply.error());
            return;
        }
        const bool more = reply->value(u"more"_s).toBool();
        const bool resync = reply->value(u"resync"_s).toBool();
        const QString next = reply->value(u"cursor"_s).toString();
        if (next.isEmpty()) {
            fail(tr("The server answered a pull without a cursor."));
            return;
        }
        // A large first pull: the rest comes as one file, if the replica has nothing of its own
        // waiting (a snapshot replaces its tables; see models/sync/snapshot.h).
        if (first && more && m_snapshotsEnabled && !m_pagesInstead && m_batch.isEmpty()
            && reply->value(u"remaining"_s).toInteger() >= m_snapshotChanges && !hasChangesOfItsOwn()) {
            startSnapshot();
            return;
        }
        const QJsonArray rows = reply->value(u"rows"_s).toArray();
        // The server reads the next page while this one is written here.
        if (more)
            requestPage(next);
        // A resync starts from nothing: what came before it goes first, on its own.
        if (resync && !m_batch.isEmpty() && !applyBatch(false))
            return;
        if (m_batch.isEmpty()) {
            m_batch = rows;
        } else {
            for (const QJsonValue &row : rows)
                m_batch.append(row);
        }
        m_batchCursor = next;
        m_batchResync = m_batchResync || resync;
        m_batchRemaining = reply->value(u"remaining"_s).toInteger();
        if ((!more || m_batch.size() >= m_rowsPerApply) && !applyBatch(!more))
            return;
        if (!more)
            finishCycle();
    });
}

bool SyncClient::hasChangesOfItsOwn() const
{
    const auto queue = m_replica.queue();
    return !queue || std::any_of(queue->cbegin(), queue->cend(), [](const models::sync::QueuedMutation &entry) {
        return entry.state != models::sync::QueuedMutation::State::Refused;
    });
}

void SyncClient::startSnapshot()
{
    if (m_snapshot) {
        // Read on from where the last connection left it.
        m_snapshot->requested = m_snapshot->received;
        readMoreSnapshot();
        return;
    }
    const QJsonObject body { { u"clientId"_s, models::domain::toStoredId(m_replica.clientId()) } };
    m_connection.request(u"sync.snapshot"_s, body, this, [this, cycle = m_cycle](const connection::Reply &reply) {
        if (cycle != m_cycle)
            return;
        if (!reply) {
            if (reply.error().kind == connection::Failure::Kind::Refused)
                pagesInstead(reply.error().error.message);
            else
                failed(reply.error());
            return;
        }
        SnapshotDownload download;
        download.id = reply->value(u"snapshot"_s).toString();
        download.cursor = reply->value(u"cursor"_s).toString();
        download.size = reply->value(u"size"_s).toInteger(-1);
        download.chunk = reply->value(u"chunkBytes"_s).toInteger(-1);
        download.rows = reply->value(u"rows"_s).toInteger();
        if (download.id.isEmpty() || download.cursor.isEmpty() || download.size <= 0 || download.chunk <= 0) {
            pagesInstead(u"the server's snapshot reply lacks its id, cursor, size or chunk size"_s);
            return;
        }
        QFile file(m_replica.snapshotPath());
        if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate)) {
            pagesInstead(file.errorString());
            return;
        }
        file.close();
        m_snapshot = download;
        qCInfo(lcSync) << "reading a snapshot of" << download.rows << "rows," << download.size << "bytes";
        m_snapshotTimer.start();
        readMoreSnapshot();
    });
}

void SyncClient::readMoreSnapshot()
{
    while (m_readsInFlight < SnapshotReadsInFlight && m_snapshot->requested < m_snapshot->size) {
        const qint64 offset = m_snapshot->requested;
        m_snapshot->requested = std::min(m_snapshot->size, offset + m_snapshot->chunk);
        ++m_readsInFlight;
        const QJsonObject body { { u"snapshot"_s, m_snapshot->id },
                                 { u"offset"_s, offset },
                                 { u"length"_s, m_snapshot->requested - offset } };
        m_connection.requestBytes(u"sync.snapshot.read"_s, body, this,
                                  [this, cycle = m_cycle](const connection::Reply &reply, const QByteArray &bytes) {
                                      if (cycle != m_cycle)
                                          return;
                                      --m_readsInFlight;
                                      if (reply) {
                                          snapshotRead(*reply, bytes);
                                          return;
                                      }
                                      if (reply.error().kind != connection::Failure::Kind::Refused) {
                                          failed(reply.error()); // read on after the reconnection
                                          return;
                                      }
                                      dropSnapshot();
                                      // Expired, or the server restarted: a new one, from the start.
                                      if (reply.error().error.is(protocol::ErrorCode::NotFound))
                                          startSnapshot();
                                      else
                                          pagesInstead(reply.error().error.message);
                                  });
    }
}

void SyncClient::dropSnapshot()
{
    QFile::remove(m_replica.snapshotPath());
    m_snapshot.reset();
    ++m_cycle; // the other reads of that snapshot are dropped
    m_readsInFlight = 0;
}

void SyncClient::snapshotRead(const QJsonObject &reply, const QByteArray &data)
{
    const qint64 offset = reply.value(u"offset"_s).toInteger(-1);
    // Replies come in the order of the requests, each a whole chunk where the one before ended.
    if (offset != m_snapshot->received || data.size() != std::min(m_snapshot->chunk, m_snapshot->size - offset)) {
        dropSnapshot();
        pagesInstead(u"a chunk of the snapshot was not the one asked for"_s);
        return;
    }
    QFile file(m_replica.snapshotPath());
    if (!file.open(QIODevice::ReadWrite) || !file.seek(offset) || file.write(data) != data.size()) {
        const QString problem = file.errorString();
        file.close();
        dropSnapshot();
        pagesInstead(problem);
        return;
    }
    file.close();
    m_snapshot->received += data.size();
    Q_EMIT snapshotProgress(m_snapshot->received, m_snapshot->size);
    const qint64 rows = qint64(double(m_snapshot->rows) * double(m_snapshot->received) / double(m_snapshot->size));
    Q_EMIT progress(m_rowsPulled + rows, m_snapshot->rows - rows);
    if (m_snapshot->received == m_snapshot->size)
        applySnapshot();
    else
        readMoreSnapshot();
}

void SyncClient::applySnapshot()
{
    const SnapshotDownload download = *std::exchange(m_snapshot, std::nullopt);
    qCInfo(lcSync) << "snapshot read in" << m_snapshotTimer.elapsed() << "ms";
    auto applied = m_replica.applySnapshot(download.cursor);
    QFile::remove(m_replica.snapshotPath());
    if (!applied) {
        pagesInstead(applied.error().message);
        return;
    }
    m_rowsPulled += *applied;
    Q_EMIT pulled(int(std::min<qint64>(*applied, std::numeric_limits<int>::max())), m_rowsPulled, false);
    requestPage(download.cursor);
}

void SyncClient::pagesInstead(const QString &why)
{
    qCWarning(lcSync) << "no snapshot, pulling pages instead:" << why;
    m_pagesInstead = true;
    requestPage(QString());
}

bool SyncClient::applyBatch(bool end)
{
    const QJsonArray rows = std::exchange(m_batch, QJsonArray());
    const bool resync = std::exchange(m_batchResync, false);
    if (auto applied = m_replica.applyPull(rows, m_batchCursor, resync, end, m_batchRemaining); !applied) {
        fail(applied.error().message);
        return false;
    }
    m_rowsPulled += rows.size();
    Q_EMIT pulled(int(rows.size()), m_rowsPulled, end);
    Q_EMIT progress(m_rowsPulled, end ? 0 : m_batchRemaining);
    return true;
}

void SyncClient::finishCycle()
{
    m_running = false;
    // Changes made (or poked) while the cycle ran go in the next one.
    const auto left = m_replica.pendingCount();
    if ((m_again || (left && *left > 0)) && ++m_rounds < MaxRounds) {
        m_again = false;
        startCycle();
        return;
    }
    m_rounds = 0;
    m_lastSynced = QDateTime::currentDateTimeUtc();
    setState(State::Synced);
    Q_EMIT synced();
    fetchPhotos();
}

void SyncClient::fetchPhotos()
{
    if (m_fetching)
        return;
    auto wanted = models::services::PhotoService(m_replica.context()).wantedBlobs();
    if (!wanted) {
        qCWarning(lcSync) << "photos to fetch:" << wanted.error().message;
        return;
    }
    if (wanted->isEmpty())
        return;
    qCInfo(lcSync) << "fetching" << wanted->size() << "photo blobs";
    m_wantedBlobs = std::move(*wanted);
    m_fetching = true;
    m_blobsStored = 0;
    m_blobBytes.clear();
    requestBlobChunk();
}

void SyncClient::fetchNextBlob()
{
    using Kind = models::services::PhotoService::BlobKind;
    const Kind done = m_wantedBlobs.takeFirst().kind;
    m_blobBytes.clear();
    const bool thumbnailsDone =
        done == Kind::Thumbnail && (m_wantedBlobs.isEmpty() || m_wantedBlobs.constFirst().kind != Kind::Thumbnail);
    if ((thumbnailsDone || m_wantedBlobs.isEmpty()) && m_blobsStored > 0) {
        m_blobsStored = 0;
        Q_EMIT photosArrived();
    }
    if (m_wantedBlobs.isEmpty()) {
        m_fetching = false;
        return;
    }
    requestBlobChunk();
}

void SyncClient::requestBlobChunk()
{
    const QString sha256 = m_wantedBlobs.constFirst().sha256;
    const QJsonObject body { { u"sha256"_s, sha256 }, { u"offset"_s, m_blobBytes.size() } };
    m_connection.requestBytes(
        u"photo.get"_s, body, this, [this, sha256](const connection::Reply &reply, const QByteArray &bytes) {
            if (!m_fetching || m_wantedBlobs.isEmpty() || m_wantedBlobs.constFirst().sha256 != sha256)
                return;
            if (!reply) {
                if (reply.error().kind != connection::Failure::Kind::Refused) {
                    // The next connection's cycle starts the fetch again.
                    m_fetching = false;
                    m_wantedBlobs.clear();
                    m_blobBytes.clear();
                    return;
                }
                qCWarning(lcSync) << "photo" << sha256 << "not fetched:" << reply.error().error.message;
                fetchNextBlob();
                return;
            }
            const qint64 size = reply->value(u"size"_s).toInteger(-1);
            const qint64 offset = reply->value(u"offset"_s).toInteger(-1);
            if (offset != m_blobBytes.size() || size <= 0 || (bytes.isEmpty() && m_blobBytes.size() < size)
                || m_blobBytes.size() + bytes.size() > size) {
                qCWarning(lcSync) << "photo" << sha256 << "came in chunks that do not fit; skipped";
                fetchNextBlob();
                return;
            }
            m_blobBytes += bytes;
            if (m_blobBytes.size() < size) {
                requestBlobChunk();
                return;
            }
            const auto stored = models::services::PhotoService(m_replica.context())
                                    .storeFetchedBlob(m_wantedBlobs.constFirst().kind, sha256, m_blobBytes);
            if (!stored)
                qCWarning(lcSync) << "photo" << sha256 << "refused here:" << stored.error().message;
            else if (*stored)
                ++m_blobsStored;
            fetchNextBlob();
        });
}

} // namespace rentdesk::net::sync
