// SPDX-License-Identifier: GPL-3.0-or-later
#include "server/router.h"

#include "models/db/database.h"
#include "models/domain/storedvalues.h"
#include "models/services/accountservice.h"
#include "models/services/attemptstore.h"
#include "models/services/clock.h"
#include "net/protocol/chatjson.h"
#include "net/protocol/version.h"
#include "server/clientconnection.h"
#include "server/peerbus.h"
#include "server/routeroffload.h"
#include "server/wireformat.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLoggingCategory>
#include <QTimer>

#include <algorithm>

namespace rentdesk::server {

using namespace Qt::StringLiterals;
using models::services::DomainError;
using net::protocol::Error;
using net::protocol::ErrorCode;

Q_LOGGING_CATEGORY(lcRouter, "rentdesk.server.requests", QtInfoMsg)

namespace {

// The longest password a request may carry: far above any real one, and bounded so that
// hashing cannot be made to read megabytes.
constexpr int MaxPasswordChars = 1024;
// Blobs one person may start uploading in an hour: a landlord publishing 50 apartments with 20
// photos each (two blobs a photo) within the hour, not a disk filled by a script.
constexpr int PhotoUploadsPerHour = 2000;

} // namespace

Router::Router(std::shared_ptr<models::db::Database> database, const models::services::Clock &clock,
               const ServerConfig &config, QObject *parent)
    : QObject(parent)
    , m_database(std::move(database))
    , m_clock(clock)
    , m_config(config)
    , m_sessions(models::services::ServiceContext(m_database, clock, models::services::Mode::Server))
    , m_chat(models::services::ServiceContext(m_database, clock, models::services::Mode::Server))
    , m_sync(models::services::ServiceContext(m_database, clock, models::services::Mode::Server))
    , m_accountLogIns(clock, config.loginFailuresPerAccount, std::chrono::seconds(config.loginWindowSeconds))
    , m_addressLogIns(clock, config.loginFailuresPerAddress, std::chrono::seconds(config.loginWindowSeconds))
    , m_addressSignUps(clock, config.signUpsPerAddress, std::chrono::seconds(config.signUpWindowSeconds))
    , m_domainWelcomes(clock, config.welcomeMailsPerDomain, std::chrono::hours(1))
    , m_userConversations(clock, config.conversationsPerHour, std::chrono::hours(1))
    , m_userPhotoUploads(clock, PhotoUploadsPerHour, std::chrono::hours(1))
    , m_photos(models::services::ServiceContext(m_database, clock, models::services::Mode::Server))
    , m_apartmentRefreshes(clock, 1, std::chrono::minutes(1))
{
    m_workers.setMaxThreadCount(std::max(2, QThread::idealThreadCount()));
    m_handlers = {
        { u"hello"_s, &Router::hello },
        { u"signup"_s, &Router::signUp },
        { u"login"_s, &Router::logIn },
        { u"resume"_s, &Router::resume },
        { u"logout"_s, &Router::logOut },
        { u"chat.start"_s, &Router::chatStart },
        { u"chat.list"_s, &Router::chatList },
        { u"chat.send"_s, &Router::chatSend },
        { u"chat.history"_s, &Router::chatHistory },
        { u"chat.delivered"_s, &Router::chatDelivered },
        { u"chat.read"_s, &Router::chatRead },
        { u"sync.push"_s, &Router::syncPush },
        { u"sync.pull"_s, &Router::syncPull },
        { u"sync.snapshot"_s, &Router::syncSnapshot },
        { u"sync.snapshot.read"_s, &Router::syncSnapshotRead },
        { u"photo.missing"_s, &Router::photoMissing },
        { u"photo.put"_s, &Router::photoPut },
        { u"photo.get"_s, &Router::photoGet },
        { u"calendar.feed"_s, &Router::calendarFeed },
        { u"calendar.feed.renew"_s, &Router::calendarFeedRenew },
        { u"calendar.subscriptions"_s, &Router::calendarSubscriptions },
        { u"calendar.subscribe"_s, &Router::calendarSubscribe },
        { u"calendar.unsubscribe"_s, &Router::calendarUnsubscribe },
        { u"calendar.refresh"_s, &Router::calendarRefresh },
    };
    startSync();
    startCalendarRefresher();
    // Servers that share a PostgreSQL database judge the attempts together.
    if (m_database->engine() == models::db::Engine::Postgres) {
        const auto store = std::make_shared<const models::services::AttemptStore>(
            models::services::ServiceContext(m_database, clock, models::services::Mode::Server));
        m_accountLogIns.share(store, u"login_account"_s);
        m_addressLogIns.share(store, u"login_address"_s);
        m_addressSignUps.share(store, u"signup_address"_s);
        m_domainWelcomes.share(store, u"welcome_domain"_s);
        m_userConversations.share(store, u"conversation_user"_s);
    }
    // Forget the attempts that left their windows now and then, so that made-up keys do not
    // pile up.
    auto *sweep = new QTimer(this);
    connect(sweep, &QTimer::timeout, this, [this] {
        for (RateLimiter *limiter : { &m_accountLogIns, &m_addressLogIns, &m_addressSignUps, &m_domainWelcomes,
                                      &m_userConversations, &m_userPhotoUploads, &m_apartmentRefreshes })
            limiter->sweep();
    });
    sweep->start(std::chrono::seconds(std::max(10, config.loginWindowSeconds)));
}

Router::~Router()
{
    m_workers.waitForDone();
}

void Router::drain()
{
    m_workers.waitForDone(10000);
}

QByteArray Router::rateLimited(const QString &id, const QString &message, std::chrono::seconds wait,
                               const QString &field) const
{
    Error error = Error::make(ErrorCode::RateLimited, message, field);
    error.retryAfter = int(std::max<qint64>(1, wait.count()));
    return net::protocol::errorReply(id, error);
}

void Router::handle(ClientConnection &c, const net::protocol::Request &r, std::function<void(QByteArray)> done)
{
    const auto handler = m_handlers.constFind(r.type);
    if (handler == m_handlers.cend()) {
        // The type is named cut short, so that the reply is not much larger than a request.
        const QString named = r.type.size() > 64 ? r.type.left(64) + u"…"_s : r.type;
        done(net::protocol::errorReply(r.id,
                                       Error::make(ErrorCode::UnknownType,
                                                   u"\"%1\" is not a request of protocol version %2."_s.arg(named).arg(
                                                       net::protocol::ProtocolVersion),
                                                   u"type"_s)));
        return;
    }
    if (!c.helloDone() && r.type != u"hello") {
        done(net::protocol::errorReply(r.id, Error::make(ErrorCode::HelloRequired, u"Say hello first."_s)));
        return;
    }
    const bool ofVersion2 =
        r.type.startsWith(u"sync.") || r.type.startsWith(u"calendar.") || r.type.startsWith(u"photo.");
    if (ofVersion2 && c.version() < 2) {
        done(net::protocol::errorReply(
            r.id,
            Error::make(
                ErrorCode::UnknownType,
                u"\"%1\" is not a request of protocol version 1; say hello with version 2 for it."_s.arg(r.type),
                u"type"_s)));
        return;
    }
    const bool needsSession = r.type.startsWith(u"chat.") || ofVersion2 || r.type == u"logout";
    if (needsSession && !c.user()) {
        done(net::protocol::errorReply(r.id,
                                       Error::make(ErrorCode::NotLoggedIn, u"Log in or resume a session first."_s)));
        return;
    }
    (this->*(*handler))(c, r, done);
}

void Router::forget(ClientConnection *connection)
{
    // An upload does not outlive its connection or session: the client starts it again.
    m_photoUploads.remove(connection);
    for (auto it = m_online.begin(); it != m_online.end();)
        it = (it.value() == connection || !it.value()) ? m_online.erase(it) : std::next(it);
}

void Router::online(ClientConnection &connection, const QUuid &user, const QString &token, const QDateTime &expiresAt)
{
    forget(&connection);
    connect(&connection, &ClientConnection::sessionExpired, this, &Router::sessionExpired, Qt::UniqueConnection);
    connection.setSession(user, token,
                          std::chrono::milliseconds(std::max<qint64>(0, m_clock.now().msecsTo(expiresAt))));
    m_online.insert(user, QPointer<ClientConnection>(&connection));
}

void Router::setPeers(PeerBus *peers)
{
    m_peers = peers;
    connect(peers, &PeerBus::pushed, this,
            [this](const QUuid &user, const QByteArray &frame) { pushHere(user, frame); });
    connect(peers, &PeerBus::poked, this, &Router::pokeHere);
    connect(peers, &PeerBus::sessionEnded, this,
            [this](const QString &tokenHash, const QString &reason) { endSessionHere(tokenHash, reason); });
}

void Router::endSession(const QString &token, const QString &reason, const ClientConnection *quiet)
{
    if (token.isEmpty())
        return;
    const QString hash = models::services::SessionService::tokenHash(token);
    endSessionHere(hash, reason, quiet);
    if (m_peers)
        m_peers->endSession(hash, reason);
}

void Router::endSessionHere(const QString &tokenHash, const QString &reason, const ClientConnection *quiet)
{
    QList<ClientConnection *> holding;
    for (const QPointer<ClientConnection> &guard : std::as_const(m_online)) {
        if (ClientConnection *connection = guard.data(); connection && connection->tokenHash() == tokenHash)
            holding << connection;
    }
    for (ClientConnection *connection : std::as_const(holding)) {
        forget(connection);
        connection->clearSession();
        if (connection != quiet && connection->isOpen())
            connection->send(net::protocol::push(u"session.ended"_s, { { u"reason"_s, reason } }));
    }
}

void Router::pushTo(const QUuid &user, const QByteArray &frame, const ClientConnection *except)
{
    pushHere(user, frame, except);
    if (m_peers)
        m_peers->push(user, frame);
}

void Router::pushHere(const QUuid &user, const QByteArray &frame, const ClientConnection *except)
{
    const auto connections = m_online.values(user);
    for (const QPointer<ClientConnection> &guard : connections) {
        ClientConnection *connection = guard.data();
        if (connection && connection != except && connection->isOpen())
            connection->send(frame);
    }
}

void Router::hello(ClientConnection &c, const net::protocol::Request &r, const Done &done)
{
    if (c.helloDone()) {
        done(net::protocol::errorReply(r.id, Error::make(ErrorCode::BadRequest, u"Hello was said already."_s)));
        return;
    }
    const auto version = net::protocol::requireInt(r.body, u"version", 0, 1000000);
    if (!version) {
        done(net::protocol::errorReply(r.id, version.error()));
        return;
    }
    if (*version < net::protocol::OldestProtocolVersion) {
        done(net::protocol::errorReply(r.id,
                                       Error::make(ErrorCode::UnsupportedVersion,
                                                   u"This server speaks protocol versions %1 to %2, not %3."_s
                                                       .arg(net::protocol::OldestProtocolVersion)
                                                       .arg(net::protocol::ProtocolVersion)
                                                       .arg(*version),
                                                   u"version"_s)));
        QPointer<ClientConnection> guard(&c);
        QTimer::singleShot(0, this, [guard] {
            if (guard)
                guard->close(QWebSocketProtocol::CloseCodeProtocolError, u"unsupported protocol version"_s);
        });
        return;
    }
    // The newest version both speak: a client newer than this server is answered with this
    // server's, and decides itself whether it can talk it.
    const int agreed = int(std::min<qint64>(*version, net::protocol::ProtocolVersion));
    c.setHelloDone(agreed);
    net::protocol::Limits limits;
    limits.maxMessageBytes = m_config.maxMessageBytes;
    limits.maxChatChars = m_config.maxChatChars;
    limits.pingSeconds = m_config.pingSeconds;
    limits.maxQueuedBytes = m_config.maxQueuedBytes;
    done(
        net::protocol::reply(r.id,
                             { { u"version"_s, agreed },
                               { u"server"_s, QString(u"rentdesk-server/"_s + QCoreApplication::applicationVersion()) },
                               { u"limits"_s, limits.toJson() } }));
}

void Router::signUp(ClientConnection &c, const net::protocol::Request &r, const Done &done)
{
    auto request = readSignUp(r.body);
    if (!request) {
        done(net::protocol::errorReply(r.id, request.error()));
        return;
    }
    // Sign-ups have a quarter of the hashing queue, so that a flood of them leaves log-ins
    // room, and they wait behind every log-in for a worker.
    if (m_signUpsHashing >= std::max(1, m_config.maxHashingQueue / 4)) {
        done(net::protocol::errorReply(
            r.id, Error::make(ErrorCode::ServerBusy, u"Too many sign-ups are being handled; try again shortly."_s)));
        return;
    }
    const QString addressKey = c.addressKey();
    if (const auto admitted = m_addressSignUps.begin(addressKey); !admitted) {
        done(rateLimited(r.id, u"Too many accounts were made from this address; try again later."_s, admitted.error()));
        return;
    }
    // Past the limit of welcome mails to the address's domain, the account is made without
    // one: the server is not a way to mail strangers in bulk.
    const auto normalized = models::services::AccountService::normalizedEmail(request->email);
    const QString domainKey = normalized ? normalized->section(u'@', -1) : QString();
    request->welcomeMail = !domainKey.isEmpty() && m_domainWelcomes.begin(domainKey).has_value();
    if (!request->welcomeMail && !domainKey.isEmpty())
        qCInfo(lcRouter) << "no welcome mail: the hourly limit for" << domainKey << "is reached";
    const bool welcome = request->welcomeMail;
    ++m_signUpsHashing;
    const QString id = r.id;
    offload(
        c, 0,
        [database = m_database, &clock = m_clock, request = *request] {
            return models::services::AccountService(
                       models::services::ServiceContext(database, clock, models::services::Mode::Server))
                .signUp(request);
        },
        [this, id, done, addressKey, domainKey, welcome](ClientConnection *open,
                                                         const models::services::Result<models::domain::User> &user) {
            --m_signUpsHashing;
            // An account made keeps its places; a refusal (a taken address, a weak password)
            // gives them back.
            const auto outcome = user ? RateLimiter::Outcome::Counted : RateLimiter::Outcome::Released;
            m_addressSignUps.end(addressKey, outcome);
            if (welcome)
                m_domainWelcomes.end(domainKey, outcome);
            if (user) {
                qCInfo(lcRouter) << "signed up" << user->id;
                if (welcome)
                    Q_EMIT mailQueued();
            }
            if (!open)
                return;
            if (!user) {
                done(refusal(id, user.error()));
                return;
            }
            done(net::protocol::reply(id, { { u"user"_s, userJson(*user).toJson() }, { u"welcomeMail"_s, welcome } }));
        });
}

void Router::logIn(ClientConnection &c, const net::protocol::Request &r, const Done &done)
{
    if (c.user()) {
        done(net::protocol::errorReply(r.id, Error::make(ErrorCode::AlreadyLoggedIn, u"Log out first."_s)));
        return;
    }
    const auto email = net::protocol::requireString(r.body, u"email", net::protocol::MaxEmailChars);
    const auto password = net::protocol::requireString(r.body, u"password", MaxPasswordChars);
    if (!email || !password) {
        done(net::protocol::errorReply(r.id, !email ? email.error() : password.error()));
        return;
    }
    if (m_logInsHashing >= m_config.maxHashingQueue) {
        done(net::protocol::errorReply(
            r.id, Error::make(ErrorCode::ServerBusy, u"Too many log-ins are being checked; try again shortly."_s)));
        return;
    }
    // Each attempt takes its place in both limits before it is judged, so that parallel
    // attempts cannot all be judged: at most the limit are, per account and per address.
    const auto normalized = models::services::AccountService::normalizedEmail(*email);
    const QString accountKey = normalized ? *normalized : email->trimmed().toLower();
    const QString addressKey = c.addressKey();
    const auto account = m_accountLogIns.begin(accountKey);
    if (!account) {
        done(rateLimited(r.id, u"Too many log-ins for this account; try again later."_s, account.error()));
        return;
    }
    if (const auto address = m_addressLogIns.begin(addressKey); !address) {
        m_accountLogIns.end(accountKey, RateLimiter::Outcome::Released);
        done(rateLimited(r.id, u"Too many log-ins from this address; try again later."_s, address.error()));
        return;
    }
    ++m_logInsHashing;
    const QString id = r.id;
    offload(
        c, 1,
        [database = m_database, &clock = m_clock, email = *email, password = *password] {
            return models::services::AccountService(
                       models::services::ServiceContext(database, clock, models::services::Mode::Server))
                .logIn(email, password);
        },
        [this, id, done, accountKey, addressKey](ClientConnection *open,
                                                 const models::services::Result<models::domain::User> &user) {
            --m_logInsHashing;
            // A wrong password stays counted; anything else (a success, the server's own
            // failure) gives the places back, and a success forgets the account's failures.
            const bool wrong = !user && user.error().code == DomainError::Code::WrongCredentials;
            const auto outcome = wrong ? RateLimiter::Outcome::Counted : RateLimiter::Outcome::Released;
            m_accountLogIns.end(accountKey, outcome);
            m_addressLogIns.end(addressKey, outcome);
            if (user)
                m_accountLogIns.reset(accountKey);
            if (!open)
                return;
            if (!user) {
                done(refusal(id, user.error()));
                return;
            }
            const auto session = m_sessions.create(user->id, std::chrono::hours(24 * m_config.sessionDays));
            if (!session) {
                done(refusal(id, session.error()));
                return;
            }
            online(*open, user->id, session->token, session->expiresAt);
            qCInfo(lcRouter) << "logged in" << user->id << "from" << open->peerAddress();
            done(net::protocol::reply(id,
                                      { { u"token"_s, session->token },
                                        { u"expiresAt"_s, models::domain::toStoredTimestamp(session->expiresAt) },
                                        { u"user"_s, userJson(*user).toJson() } }));
        });
}

void Router::resume(ClientConnection &c, const net::protocol::Request &r, const Done &done)
{
    if (c.user()) {
        done(net::protocol::errorReply(r.id, Error::make(ErrorCode::AlreadyLoggedIn, u"Log out first."_s)));
        return;
    }
    const auto token = net::protocol::requireString(r.body, u"token", 256);
    if (!token) {
        done(net::protocol::errorReply(r.id, token.error()));
        return;
    }
    const auto session = m_sessions.resume(*token);
    if (!session) {
        done(refusal(r.id, session.error()));
        return;
    }
    online(c, session->user.id, *token, session->expiresAt);
    done(net::protocol::reply(r.id,
                              { { u"expiresAt"_s, models::domain::toStoredTimestamp(session->expiresAt) },
                                { u"user"_s, userJson(session->user).toJson() } }));
}

void Router::logOut(ClientConnection &c, const net::protocol::Request &r, const Done &done)
{
    const QString token = c.token();
    if (auto revoked = m_sessions.revoke(token); !revoked && revoked.error().code != DomainError::Code::InvalidToken) {
        done(refusal(r.id, revoked.error()));
        return;
    }
    // Every connection that resumed this token loses it too, not only this one.
    endSession(token, u"logged_out"_s, &c);
    done(net::protocol::reply(r.id, {}));
}

void Router::sessionExpired(ClientConnection *connection)
{
    qCInfo(lcRouter) << "session expired on" << connection->peerAddress();
    endSession(connection->token(), u"expired"_s);
}

} // namespace rentdesk::server
