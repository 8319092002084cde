// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QJsonArray>
#include <QList>
#include <QObject>
#include <QUuid>

#include <expected>
#include <memory>

namespace rentdesk::models::db {
class Database;
class NotificationChannel;
} // namespace rentdesk::models::db

namespace rentdesk::server {

// What the servers on one PostgreSQL database tell each other (docs/architecture.md, "Several
// servers on one database"): a push for users who may be connected to another server (a chat
// message, a receipt, a new conversation), a poke for the sync feed's new changes, a session
// that ended (by its token's hash: the token itself is not sent), and mail waiting in the
// shared outbox. On the channel rentdesk_servers of the database (db::NotificationChannel);
// what one turn of the event loop publishes goes in one message, one transaction.
class PeerBus final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PeerBus)

public:
    static constexpr auto Channel = "rentdesk_servers";

    // Listens; an error says why not (the database is not PostgreSQL, the LISTEN failed).
    [[nodiscard]] static std::expected<std::unique_ptr<PeerBus>, QString>
    open(std::shared_ptr<models::db::Database> database, QObject *parent = nullptr);
    ~PeerBus() override;

    void push(const QUuid &user, const QByteArray &frame);
    void poke(qint64 after, qint64 through);
    void endSession(const QString &tokenHash, const QString &reason);
    void mailQueued();

Q_SIGNALS:
    // What another server published.
    void pushed(const QUuid &user, const QByteArray &frame);
    void poked(qint64 after, qint64 through);
    void sessionEnded(const QString &tokenHash, const QString &reason);
    void mailWaiting();

private:
    explicit PeerBus(std::unique_ptr<models::db::NotificationChannel> channel, QObject *parent);
    void queue(QJsonObject event);
    void flush();
    void deliver(const QByteArray &message);

    std::unique_ptr<models::db::NotificationChannel> m_channel;
    QJsonArray m_pending;
};

} // namespace rentdesk::server
