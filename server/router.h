// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/services/calendarsubscriptionservice.h"
#include "models/services/chatservice.h"
#include "models/services/photoservice.h"
#include "models/services/sessionservice.h"
#include "models/services/timekeeper.h"
#include "models/sync/serversync.h"
#include "net/calendar/subscriptionrefresher.h"
#include "net/protocol/message.h"
#include "server/ratelimiter.h"
#include "server/serverconfig.h"

#include <QDateTime>
#include <QHash>
#include <QObject>
#include <QPointer>
#include <QSet>
#include <QTemporaryDir>
#include <QThreadPool>
#include <QUrl>
#include <QUuid>

#include <functional>
#include <memory>

namespace rentdesk::models::db {
class Database;
}
namespace rentdesk::models::services {
class Clock;
}

namespace rentdesk::server {

class PeerBus;

class ClientConnection;

// What each request of docs/protocol.md means on the server: the checks a connection must
// pass (hello first, a session for what needs one), the limits that keep one client from
// using the server against others, the service call that does the work — the services hold
// every rule, as on the desktop —, the reply, and the pushes to the other person's
// connections. Password hashing (sign-up, log-in) runs on a pool of worker threads, each
// with its own database connection, so that one log-in never stalls the others; the queue
// is bounded, and log-ins go ahead of sign-ups. Everything else runs on the event loop's
// thread. chat.send is a group commit: the
// sends that arrive in one turn of the event loop (those that came while the last batch was
// being committed among them) are stored in one transaction, and only after its COMMIT are
// they answered and relayed, so that nothing is acknowledged or delivered that could still
// be rolled back.
class Router final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(Router)

public:
    Router(std::shared_ptr<models::db::Database> database, const models::services::Clock &clock,
           const ServerConfig &config, QObject *parent = nullptr);
    ~Router() override;

    void handle(ClientConnection &connection, const net::protocol::Request &request,
                std::function<void(QByteArray)> done);
    // A connection is gone: it gets no more pushes.
    void forget(ClientConnection *connection);
    // Waits (bounded) for the log-ins being hashed, for a clean shutdown.
    void drain();
    // Stores, answers and relays the chat.send requests waiting for their group commit now
    // rather than in the next turn of the event loop (at shutdown, before the connections
    // close).
    void commitSends();
    // Requests that a connection may hand over while earlier ones of the same kind wait for
    // their replies (ClientConnection::setPipelined): sends are stored in the order they
    // were handed over, in this batch or the next, and nothing else is read in between.
    [[nodiscard]] static QSet<QString> pipelinedRequests();
    // The other servers on the same PostgreSQL database (nullptr: none, as on SQLite): what this
    // one pushes, pokes and ends goes to their connections too, and theirs to this one's.
    void setPeers(PeerBus *peers);
    // Where the calendar feed publishes (CalendarFeedServer::baseUrl()); empty, as by default,
    // when this server publishes no calendars and calendar.feed answers feeds_off.
    void setCalendarFeedBase(const QUrl &base);
    // The periodic check of every followed calendar (every --calendar-interval), on one server of
    // those sharing a database at a time; calendar.subscribe and calendar.refresh check theirs on
    // any server all the same.
    void startCalendarChecks();
    void stopCalendarChecks();
    // How many connections have a session, and for how many users.
    [[nodiscard]] qsizetype sessions() const { return m_online.size(); }

Q_SIGNALS:
    // A service queued mail (a sign-up's welcome): the outbox sender should look.
    void mailQueued();

private:
    using Done = std::function<void(QByteArray)>;
    using Handler = void (Router::*)(ClientConnection &, const net::protocol::Request &, const Done &);

    void hello(ClientConnection &c, const net::protocol::Request &r, const Done &done);
    void signUp(ClientConnection &c, const net::protocol::Request &r, const Done &done);
    void logIn(ClientConnection &c, const net::protocol::Request &r, const Done &done);
    void resume(ClientConnection &c, const net::protocol::Request &r, const Done &done);
    void logOut(ClientConnection &c, const net::protocol::Request &r, const Done &done);
    void chatStart(ClientConnection &c, const net::protocol::Request &r, const Done &done);
    void chatList(ClientConnection &c, const net::protocol::Request &r, const Done &done);
    void chatSend(ClientConnection &c, const net::protocol::Request &r, const Done &done);
    void chatHistory(ClientConnection &c, const net::protocol::Request &r, const Done &done);
    void chatDelivered(ClientConnection &c, const net::protocol::Request &r, const Done &done);
    void chatRead(ClientConnection &c, const net::protocol::Request &r, const Done &done);
    void chatMark(ClientConnection &c, const net::protocol::Request &r, const Done &done, bool read);
    // Sync (syncroutes.cpp): a desktop's mutations applied once each, the change feed read back
    // in pages, and a poke to whoever can see what changed.
    void syncPush(ClientConnection &c, const net::protocol::Request &r, const Done &done);
    void syncPull(ClientConnection &c, const net::protocol::Request &r, const Done &done);
    void syncSnapshot(ClientConnection &c, const net::protocol::Request &r, const Done &done);
    void syncSnapshotRead(ClientConnection &c, const net::protocol::Request &r, const Done &done);
    // Photos' bytes (photoroutes.cpp): which blobs the server lacks, their upload in chunks, and
    // their download by whoever sees a photo that names them.
    void photoMissing(ClientConnection &c, const net::protocol::Request &r, const Done &done);
    void photoPut(ClientConnection &c, const net::protocol::Request &r, const Done &done);
    void photoGet(ClientConnection &c, const net::protocol::Request &r, const Done &done);
    // One blob being uploaded on a connection: at most one per connection, kept in memory until
    // it is complete (at most PhotoService::maxImageBytes) and dropped with the connection.
    struct PhotoUpload
    {
        QUuid user;
        QString sha256;
        models::services::PhotoService::BlobKind kind = models::services::PhotoService::BlobKind::Image;
        qint64 size = 0;
        QByteArray data;
    };
    // Uploads one person may have under way at once, over all their connections: what a
    // person's uploads may hold in the server's memory is this many times the largest blob.
    static constexpr int MaxPhotoUploadsPerUser = 2;
    // The bytes of one photo.put: its base64 and the rest of the request fit maxMessageBytes.
    [[nodiscard]] qint64 photoChunkBytes() const
    {
        return std::max<qint64>(3 * 1024, (m_config.maxMessageBytes - 1024) / 4 * 3);
    }
    // The calendar feed's secret addresses (calendarroutes.cpp): the one an apartment has, or a
    // new one in its place.
    void calendarFeed(ClientConnection &c, const net::protocol::Request &r, const Done &done);
    void calendarFeedRenew(ClientConnection &c, const net::protocol::Request &r, const Done &done);
    void calendarFeedAddress(ClientConnection &c, const net::protocol::Request &r, const Done &done, bool renew);
    // Other sites' calendars that the owner's apartments follow (calendarroutes.cpp), fetched by
    // this server's SubscriptionRefresher; a check that changed blocks pokes whoever sees them,
    // and every check is pushed to the owner (calendar.checked).
    void calendarSubscriptions(ClientConnection &c, const net::protocol::Request &r, const Done &done);
    void calendarSubscribe(ClientConnection &c, const net::protocol::Request &r, const Done &done);
    void calendarUnsubscribe(ClientConnection &c, const net::protocol::Request &r, const Done &done);
    void calendarRefresh(ClientConnection &c, const net::protocol::Request &r, const Done &done);
    // What calendar.subscriptions, calendar.subscribe and calendar.refresh begin with: the
    // request's apartmentId and its calendars, which only its owner may see; std::nullopt after
    // answering the refusal (a missing or malformed id, not the owner, no such apartment).
    struct OwnedCalendars
    {
        QUuid apartment;
        QList<models::services::CalendarSubscription> subscriptions;
    };
    [[nodiscard]] std::optional<OwnedCalendars> ownedCalendars(const ClientConnection &c,
                                                               const net::protocol::Request &r, const Done &done) const;
    [[nodiscard]] models::services::CalendarSubscriptionService calendarSubscriptionService() const;
    void startCalendarRefresher();
    void calendarChecked(const QUuid &subscription, bool blocksChanged);
    // The most calendars one apartment may follow: each is a fetch of up to 10 MiB every interval.
    static constexpr int MaxSubscriptionsPerApartment = 20;
    // A snapshot file made for one person (docs/protocol.md, sync.snapshot), read by chunks.
    struct SnapshotFile
    {
        QUuid user;
        QString path;
        qint64 size = 0;
        QDateTime lastRead;
    };
    // Deletes the file; `id` is no longer known.
    void forgetSnapshot(const QString &id);
    // Snapshots not read for SnapshotIdleMinutes go, files and all.
    void expireSnapshots();
    static constexpr int SnapshotIdleMinutes = 10;
    // Snapshots made at once: each copies a person's view of every table to disk, on one of the
    // workers, and log-ins must keep one to hash passwords on.
    static constexpr int MaxSnapshotsBuilding = 1;
    // The bytes one sync.snapshot.read gives: base64 makes four of three, and the reply stays
    // within what a reply may hold.
    [[nodiscard]] qint64 snapshotChunkBytes() const { return replyBudget() / 4 * 3; }
    // The time keeper (stays completed, stale requests declined) and the tombstone pruning.
    void startSync();
    // Pokes every protocol 2 connection of whoever can see a row that changed in (after, through],
    // here and on the other servers.
    void pokeChanges(qint64 after, qint64 through);
    void pokeHere(qint64 after, qint64 through);
    // Ends the session on every connection holding the token (a log-out anywhere, an expiry)
    // and tells them with the push session.ended, except `quiet` (the one that asked); the
    // other servers end it on theirs.
    void endSession(const QString &token, const QString &reason, const ClientConnection *quiet = nullptr);
    // Ends the session of the token with this hash on this server's connections.
    void endSessionHere(const QString &tokenHash, const QString &reason, const ClientConnection *quiet = nullptr);
    void sessionExpired(ClientConnection *connection);
    // One chat.send waiting for the group commit.
    struct PendingSend
    {
        QPointer<ClientConnection> connection;
        QString id;
        models::services::ChatService::Outgoing message;
        Done done;
    };

    // Stores the sends in one transaction and answers and relays each.
    void storeSends(const QList<PendingSend> &sends);
    // Sends the frame to every open connection of the user but `except`, on every server.
    void pushTo(const QUuid &user, const QByteArray &frame, const ClientConnection *except = nullptr);
    void pushHere(const QUuid &user, const QByteArray &frame, const ClientConnection *except = nullptr);
    void online(ClientConnection &connection, const QUuid &user, const QString &token, const QDateTime &expiresAt);
    // Runs work on a worker thread (a higher priority first) and then, back on this thread,
    // finish with the connection — nullptr when it is gone by then, so that what the attempt
    // holds is given back all the same — and the result.
    template<typename Work, typename Finish>
    void offload(ClientConnection &connection, int priority, Work work, Finish finish);
    // The most a chat.list or chat.history reply holds, by its bytes: a quarter of what a client
    // may leave unread, so that the server's own replies never make a reader look slow.
    // (At least one item, whatever its size: a page always moves on.)
    [[nodiscard]] qint64 replyBudget() const { return std::max<qint64>(16 * 1024, m_config.maxQueuedBytes / 4); }
    [[nodiscard]] QByteArray rateLimited(const QString &id, const QString &message, std::chrono::seconds wait,
                                         const QString &field = {}) const;

    std::shared_ptr<models::db::Database> m_database;
    const models::services::Clock &m_clock;
    ServerConfig m_config;
    models::services::SessionService m_sessions;
    models::services::ChatService m_chat;
    models::sync::ServerSync m_sync;
    std::unique_ptr<models::services::TimeKeeper> m_time;
    RateLimiter m_accountLogIns;
    RateLimiter m_addressLogIns;
    RateLimiter m_addressSignUps;
    RateLimiter m_domainWelcomes;
    RateLimiter m_userConversations;
    RateLimiter m_userPhotoUploads;
    models::services::PhotoService m_photos;
    QHash<const ClientConnection *, PhotoUpload> m_photoUploads;
    // Complete uploads being checked and stored on a worker, by person: they count as under way.
    QHash<QUuid, int> m_photoUploadsChecking;
    QThreadPool m_workers;
    int m_logInsHashing = 0; // waiting for a worker or being hashed
    int m_signUpsHashing = 0;
    QHash<QString, Handler> m_handlers;
    QMultiHash<QUuid, QPointer<ClientConnection>> m_online;
    QList<PendingSend> m_pendingSends;
    QHash<QString, SnapshotFile> m_snapshots;
    // Beside the database (the same disk, which has room for it), removed with the Router.
    std::unique_ptr<QTemporaryDir> m_snapshotFolder;
    int m_snapshotsBuilding = 0;
    bool m_commitQueued = false;
    PeerBus *m_peers = nullptr;
    QUrl m_feedBase;
    std::unique_ptr<net::calendar::SubscriptionRefresher> m_calendars;
    // Where the change feed stood before the import under way (SubscriptionRefresher::importing).
    qint64 m_calendarSeqBefore = 0;
    // calendar.refresh: once a minute per apartment.
    RateLimiter m_apartmentRefreshes;
};

} // namespace rentdesk::server
