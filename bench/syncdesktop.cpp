// SPDX-License-Identifier: GPL-3.0-or-later
#include "bench/syncdesktop.h"

#include "bench/benchsupport.h"

namespace rentdesk::bench {

using namespace Qt::StringLiterals;
using net::connection::ServerConnection;
using net::sync::SyncClient;

SyncDesktop::SyncDesktop(QString databasePath, QObject *parent)
    : QObject(parent)
    , m_path(std::move(databasePath))
{
    connect(&m_connection, &ServerConnection::signedIn, this,
            [this](const net::protocol::UserJson &user, const QString &) { makeReplica(user); });
    connect(&m_connection, &ServerConnection::signInFailed, this, [this](const net::protocol::Error &error) {
        m_problem = m_email + u": log-in refused: "_s + error.message;
    });
    // Before the SyncClient subscribes, so that the time is the poke's arrival, not when the
    // client's pull for it went out.
    m_connection.subscribe(u"sync.poke"_s, this, [this](const QJsonObject &) {
        m_lastPoke = nowNs();
        ++m_pokes;
    });
}

// The client goes before the replica it syncs, and both before the database.
SyncDesktop::~SyncDesktop()
{
    m_sync.reset();
    m_replica.reset();
}

void SyncDesktop::start(const QUrl &server, const QString &email, const QString &password)
{
    m_email = email;
    m_connection.setServerUrl(server);
    m_connection.logIn(email, password);
}

bool SyncDesktop::isSynced() const
{
    return m_sync && m_sync->state() == SyncClient::State::Synced && m_replica->pendingCount().value_or(1) == 0;
}

void SyncDesktop::makeReplica(const net::protocol::UserJson &account)
{
    const QUuid user = account.id;
    if (m_replica)
        return; // a log-in again after a reconnect: the replica stays
    m_user = user;
    auto opened = models::db::Database::open(m_path);
    if (!opened) {
        m_problem = m_email + u": "_s + opened.error().message;
        return;
    }
    m_database = std::move(*opened);
    if (auto made = models::sync::Replica::initialize(*m_database, m_connection.serverUrl().toString(),
                                                      net::sync::accountProfile(account));
        !made) {
        m_problem = m_email + u": "_s + made.error().message;
        return;
    }
    auto replica = models::sync::Replica::open(m_database, m_clock);
    if (!replica) {
        m_problem = m_email + u": "_s + replica.error().message;
        return;
    }
    m_replica = std::move(*replica);
    // Made while online, the client starts its first cycle at once; otherwise once online.
    m_syncStarted = nowNs();
    m_sync = std::make_unique<SyncClient>(m_connection, *m_replica);
    connect(m_sync.get(), &SyncClient::pulled, this, [this](int, qint64 soFar, bool) {
        if (m_firstSynced == 0) {
            m_firstRows = soFar;
            ++m_firstPages;
        }
    });
    connect(m_sync.get(), &SyncClient::snapshotProgress, this, [this](qint64 received, qint64) {
        if (m_firstSynced == 0)
            m_firstSnapshotBytes = received;
    });
    connect(m_sync.get(), &SyncClient::synced, this, [this] {
        if (m_firstSynced == 0)
            m_firstSynced = nowNs();
    });
    connect(m_sync.get(), &SyncClient::stateChanged, this, [this](SyncClient::State state) {
        if (state == SyncClient::State::Failing)
            m_problem = m_email + u": "_s + m_sync->problem();
    });
}

} // namespace rentdesk::bench
