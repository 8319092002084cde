// SPDX-License-Identifier: GPL-3.0-or-later
//
// The sync requests of docs/protocol.md (version 2): sync.push, sync.pull and the push
// sync.poke. The rules are the services'; this reads the requests, calls ServerSync and
// answers.
#include "models/db/database.h"
#include "models/domain/storedvalues.h"
#include "models/services/clock.h"
#include "models/sync/snapshot.h"
#include "net/protocol/message.h"
#include "net/protocol/protocol.h"
#include "server/clientconnection.h"
#include "server/peerbus.h"
#include "server/router.h"
#include "server/routeroffload.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QLoggingCategory>
#include <QTimer>

namespace rentdesk::server {

using namespace Qt::StringLiterals;
using net::protocol::Error;
using net::protocol::ErrorCode;

Q_LOGGING_CATEGORY(lcSync, "rentdesk.server.sync", QtInfoMsg)

namespace {

// The most mutations one push may carry, and the page sizes of a pull.
constexpr qint64 MaxMutationsPerPush = 1000;
constexpr qint64 DefaultPullLimit = 1000;
constexpr qint64 MaxPullLimit = 5000;
constexpr int MaxMutationNameChars = 64;

// The cursor is opaque to clients: the feed's sequence number, in decimal, here.
std::optional<qint64> readCursor(const QString &text)
{
    bool ok = false;
    const qint64 seq = text.toLongLong(&ok);
    if (!ok || seq < 0 || text != QString::number(seq))
        return std::nullopt;
    return seq;
}

} // namespace

void Router::startSync()
{
    const models::services::ServiceContext context(m_database, m_clock, models::services::Mode::Server);
    m_time = std::make_unique<models::services::TimeKeeper>(context);
    // The step runs at start-up, before anyone is connected, and at every midnight: what it
    // changed is poked like a push's changes.
    auto before = std::make_shared<qint64>(m_sync.lastSeq().value_or(0));
    connect(m_time.get(), &models::services::TimeKeeper::stepped, this, [this, before](const auto &step) {
        qCInfo(lcSync) << "time step: completed" << step.completed << "declined" << step.expired << "apartments"
                       << step.apartmentsChanged;
        const qint64 after = m_sync.lastSeq().value_or(*before);
        pokeChanges(*before, after);
        *before = after;
        emit mailQueued();
    });
    connect(m_time.get(), &models::services::TimeKeeper::failed, this, [](const models::services::DomainError &error) {
        qCWarning(lcSync) << "time step failed:" << error.message;
    });
    (void)m_time->start();

    const auto prune = [this] {
        const auto pruned = m_sync.pruneTombstones(m_clock.now().addDays(-m_config.tombstoneDays));
        if (!pruned)
            qCWarning(lcSync) << "pruning tombstones failed:" << pruned.error().message;
        else if (*pruned > 0)
            qCInfo(lcSync) << "pruned" << *pruned << "tombstones";
    };
    prune();
    // Snapshots carry the search index: brought up to date now (a database claimed at start-up
    // has every apartment to index), so that the first snapshot does not hold writers for it.
    if (const auto indexed = models::sync::prepareSnapshots(*m_database); !indexed)
        qCWarning(lcSync) << "bringing the search index up to date failed:" << indexed.error().message;
    else if (*indexed > 0)
        qCInfo(lcSync) << "search index: indexed" << *indexed << "apartments";
    auto *idle = new QTimer(this);
    connect(idle, &QTimer::timeout, this, &Router::expireSnapshots);
    idle->start(std::chrono::minutes(1));
    auto *daily = new QTimer(this);
    connect(daily, &QTimer::timeout, this, prune);
    daily->start(std::chrono::hours(24));
}

void Router::pokeChanges(qint64 after, qint64 through)
{
    pokeHere(after, through);
    if (m_peers && through > after)
        m_peers->poke(after, through);
}

void Router::pokeHere(qint64 after, qint64 through)
{
    if (through <= after)
        return;
    QSet<QUuid> online;
    for (auto it = m_online.cbegin(); it != m_online.cend(); ++it) {
        // One read of the guard: GCC cannot tell that two reads agree.
        const ClientConnection *connection = it.value().data();
        if (connection && connection->version() >= 2)
            online.insert(it.key());
    }
    const auto audience = m_sync.audience(after, through, online);
    if (!audience) {
        qCWarning(lcSync) << "who to poke:" << audience.error().message;
        return;
    }
    const QByteArray frame = net::protocol::push(u"sync.poke"_s, { { u"cursor"_s, QString::number(through) } });
    for (const QUuid &user : *audience) {
        const auto connections = m_online.values(user);
        for (const QPointer<ClientConnection> &guard : connections) {
            ClientConnection *connection = guard.data();
            if (connection && connection->isOpen() && connection->version() >= 2)
                connection->send(frame);
        }
    }
}

void Router::syncPush(ClientConnection &c, const net::protocol::Request &r, const Done &done)
{
    const auto client = net::protocol::requireUuid(r.body, u"clientId");
    if (!client) {
        done(net::protocol::errorReply(r.id, client.error()));
        return;
    }
    const auto list = net::protocol::requireArray(r.body, u"mutations");
    if (!list) {
        done(net::protocol::errorReply(r.id, list.error()));
        return;
    }
    if (list->size() > MaxMutationsPerPush) {
        done(net::protocol::errorReply(
            r.id,
            Error::make(ErrorCode::BadRequest,
                        u"A push carries at most %1 mutations; send the rest in the next."_s.arg(MaxMutationsPerPush),
                        u"mutations"_s)));
        return;
    }
    QList<models::sync::Mutation> mutations;
    qint64 previous = 0;
    for (qsizetype i = 0; i < list->size(); ++i) {
        const QString at = u"mutations[%1]"_s.arg(i);
        if (!list->at(i).isObject()) {
            done(
                net::protocol::errorReply(r.id, Error::make(ErrorCode::BadRequest, u"A mutation is an object."_s, at)));
            return;
        }
        const QJsonObject object = list->at(i).toObject();
        const auto id = net::protocol::requireInt(object, u"id", 1, net::protocol::MaxJsonInteger);
        const auto name = net::protocol::requireString(object, u"name", MaxMutationNameChars);
        const auto args = net::protocol::requireObject(object, u"args");
        for (const Error *error :
             { id ? nullptr : &id.error(), name ? nullptr : &name.error(), args ? nullptr : &args.error() }) {
            if (error) {
                done(net::protocol::errorReply(r.id, net::protocol::nested(*error, at)));
                return;
            }
        }
        if (*id <= previous) {
            done(net::protocol::errorReply(
                r.id,
                Error::make(ErrorCode::BadRequest, u"Mutation ids must increase within a push."_s, at + u".id"_s)));
            return;
        }
        previous = *id;
        mutations.append({ *id, *name, *args });
    }

    const auto pushed = m_sync.push(*c.user(), *client, mutations);
    if (!pushed) {
        qCWarning(lcSync) << "push failed:" << pushed.error().message;
        done(net::protocol::errorReply(r.id, Error::fromDomain(pushed.error())));
        return;
    }
    QJsonArray results;
    bool applied = false;
    for (const auto &outcome : pushed->outcomes) {
        QJsonObject result { { u"id"_s, outcome.mutationId },
                             { u"status"_s, outcome.applied ? u"applied"_s : u"refused"_s } };
        if (outcome.duplicate)
            result.insert(u"duplicate"_s, true);
        if (!outcome.applied) {
            QJsonObject error { { u"code"_s, outcome.error.codeName() }, { u"message"_s, outcome.error.message } };
            if (!outcome.error.entity.isEmpty())
                error.insert(u"entity"_s, outcome.error.entity);
            if (!outcome.error.field.isEmpty())
                error.insert(u"field"_s, outcome.error.field);
            result.insert(u"error"_s, error);
        }
        if (outcome.dependsOn)
            result.insert(u"dependsOn"_s, *outcome.dependsOn);
        applied = applied || (outcome.applied && !outcome.duplicate);
        results.append(result);
    }
    done(net::protocol::reply(r.id, { { u"results"_s, results }, { u"lastMutationId"_s, pushed->lastMutationId } }));
    if (applied)
        emit mailQueued();
    pokeChanges(pushed->seqBefore, pushed->seqAfter);
}

void Router::syncPull(ClientConnection &c, const net::protocol::Request &r, const Done &done)
{
    const auto client = net::protocol::requireUuid(r.body, u"clientId");
    if (!client) {
        done(net::protocol::errorReply(r.id, client.error()));
        return;
    }
    const auto cursorText = net::protocol::optionalString(r.body, u"cursor", 32);
    if (!cursorText) {
        done(net::protocol::errorReply(r.id, cursorText.error()));
        return;
    }
    qint64 after = 0;
    if (*cursorText) {
        const auto cursor = readCursor(**cursorText);
        if (!cursor) {
            done(net::protocol::errorReply(
                r.id, Error::make(ErrorCode::BadRequest, u"This is not a cursor this server gave."_s, u"cursor"_s)));
            return;
        }
        after = *cursor;
    }
    const auto limit = net::protocol::optionalInt(r.body, u"limit", 1, MaxPullLimit);
    if (!limit) {
        done(net::protocol::errorReply(r.id, limit.error()));
        return;
    }
    const auto page = m_sync.pull(*c.user(), *client, after, int(limit->value_or(DefaultPullLimit)), replyBudget());
    if (!page) {
        qCWarning(lcSync) << "pull failed:" << page.error().message;
        done(net::protocol::errorReply(r.id, Error::fromDomain(page.error())));
        return;
    }
    QJsonObject result { { u"cursor"_s, QString::number(page->cursor) },
                         { u"more"_s, page->more },
                         { u"remaining"_s, page->remaining },
                         { u"lastMutationId"_s, page->lastMutationId } };
    if (page->resync)
        result.insert(u"resync"_s, true);
    done(net::protocol::reply(r.id, result, "rows"_L1, page->rows));
}

void Router::syncSnapshot(ClientConnection &c, const net::protocol::Request &r, const Done &done)
{
    const auto client = net::protocol::requireUuid(r.body, u"clientId");
    if (!client) {
        done(net::protocol::errorReply(r.id, client.error()));
        return;
    }
    if (m_snapshotsBuilding >= MaxSnapshotsBuilding) {
        done(
            rateLimited(r.id, u"Other snapshots are being made; try again, or pull pages."_s, std::chrono::seconds(5)));
        return;
    }
    if (!m_snapshotFolder && m_database->engine() == models::db::Engine::Postgres) {
        // Several servers share the database and none of them its folder: each makes its
        // snapshots in a temporary folder of its own.
        m_snapshotFolder = std::make_unique<QTemporaryDir>(QDir::tempPath() + u"/rentdesk-snapshots-XXXXXX"_s);
    }
    if (!m_snapshotFolder) {
        const QString beside = QFileInfo(m_database->path()).absolutePath();
        // What a server that stopped without cleaning up left (one server runs on a file).
        for (const QFileInfo &left : QDir(beside).entryInfoList({ u".rentdesk-snapshots-*"_s },
                                                                QDir::Dirs | QDir::Hidden | QDir::NoDotAndDotDot)) {
            if (!QDir(left.absoluteFilePath()).removeRecursively())
                qCWarning(lcSync) << "could not remove" << left.absoluteFilePath();
        }
        m_snapshotFolder = std::make_unique<QTemporaryDir>(beside + u"/.rentdesk-snapshots-XXXXXX"_s);
        if (!m_snapshotFolder->isValid()) {
            qCWarning(lcSync) << "no folder for snapshots beside the database:" << m_snapshotFolder->errorString();
            m_snapshotFolder.reset();
            done(net::protocol::errorReply(
                r.id, Error::make(ErrorCode::Internal, u"The server cannot make snapshots now; pull pages."_s)));
            return;
        }
    }
    const QUuid user = *c.user();
    // One snapshot per person: a new one replaces what an earlier request left.
    for (const QString &id : m_snapshots.keys()) {
        if (m_snapshots.value(id).user == user)
            forgetSnapshot(id);
    }
    const QString id = QUuid::createUuid().toString(QUuid::Id128);
    const QString path = m_snapshotFolder->filePath(id + u".sqlite"_s);
    ++m_snapshotsBuilding;
    offload(
        c, 0,
        [database = m_database, user, client = *client, path] {
            return models::sync::writeSnapshot(*database, user, client, path);
        },
        [this, id, user, path, requestId = r.id, done](ClientConnection *open, const auto &written) {
            --m_snapshotsBuilding;
            if (!written) {
                qCWarning(lcSync) << "snapshot failed:" << written.error().message;
                QFile::remove(path);
                if (open)
                    done(net::protocol::errorReply(requestId, Error::fromDomain(written.error())));
                return;
            }
            if (!open) {
                QFile::remove(path);
                return;
            }
            const qint64 size = QFileInfo(path).size();
            m_snapshots.insert(id, { user, path, size, m_clock.now() });
            done(net::protocol::reply(requestId,
                                      { { u"snapshot"_s, id },
                                        { u"size"_s, size },
                                        { u"rows"_s, written->rows },
                                        { u"chunkBytes"_s, snapshotChunkBytes() },
                                        { u"cursor"_s, QString::number(written->cursor) },
                                        { u"lastMutationId"_s, written->lastMutationId } }));
        });
}

void Router::syncSnapshotRead(ClientConnection &c, const net::protocol::Request &r, const Done &done)
{
    const auto id = net::protocol::requireString(r.body, u"snapshot", 64);
    if (!id) {
        done(net::protocol::errorReply(r.id, id.error()));
        return;
    }
    const auto offset = net::protocol::requireInt(r.body, u"offset", 0, net::protocol::MaxJsonInteger);
    if (!offset) {
        done(net::protocol::errorReply(r.id, offset.error()));
        return;
    }
    const qint64 most = snapshotChunkBytes();
    const auto length = net::protocol::optionalInt(r.body, u"length", 1, net::protocol::MaxJsonInteger);
    if (!length) {
        done(net::protocol::errorReply(r.id, length.error()));
        return;
    }
    const auto binary = net::protocol::optionalBool(r.body, u"binary");
    if (!binary) {
        done(net::protocol::errorReply(r.id, binary.error()));
        return;
    }
    const auto found = m_snapshots.find(*id);
    // Another person's snapshot is as unknown as one that never was.
    if (found == m_snapshots.end() || found->user != *c.user()) {
        done(net::protocol::errorReply(r.id,
                                       Error::make(ErrorCode::NotFound,
                                                   u"No such snapshot (it may have expired); ask for a new one."_s,
                                                   u"snapshot"_s)));
        return;
    }
    if (*offset > found->size) {
        done(net::protocol::errorReply(
            r.id, Error::make(ErrorCode::BadRequest, u"The offset is past the snapshot's end."_s, u"offset"_s)));
        return;
    }
    QFile file(found->path);
    QByteArray data;
    if (file.open(QIODevice::ReadOnly) && file.seek(*offset))
        data = file.read(std::min(most, length->value_or(most)));
    if (file.error() != QFileDevice::NoError) {
        qCWarning(lcSync) << "reading snapshot" << *id << "failed:" << file.errorString();
        done(net::protocol::errorReply(r.id, Error::make(ErrorCode::Internal, u"The snapshot cannot be read."_s)));
        return;
    }
    found->lastRead = m_clock.now();
    const QJsonObject result { { u"offset"_s, *offset }, { u"size"_s, found->size } };
    if (binary->value_or(false)) {
        done(net::protocol::binaryReply(r.id, result, data));
        return;
    }
    // Base64 is JSON text as it is: spliced in, not converted to a QString and back.
    done(net::protocol::reply(r.id, result, "data"_L1, '"' + data.toBase64() + '"'));
}

void Router::forgetSnapshot(const QString &id)
{
    const SnapshotFile file = m_snapshots.take(id);
    if (!file.path.isEmpty() && !QFile::remove(file.path))
        qCWarning(lcSync) << "could not remove snapshot" << file.path;
}

void Router::expireSnapshots()
{
    const QDateTime before = m_clock.now().addSecs(-60 * SnapshotIdleMinutes);
    for (const QString &id : m_snapshots.keys()) {
        if (m_snapshots.value(id).lastRead < before)
            forgetSnapshot(id);
    }
}

} // namespace rentdesk::server
