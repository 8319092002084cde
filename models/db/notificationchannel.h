// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/db/dberror.h"

#include <QByteArray>
#include <QHash>
#include <QObject>
#include <QString>
#include <QTimer>

#include <expected>
#include <memory>

namespace rentdesk::models::db {

class Database;

// Messages between the processes that share one PostgreSQL database, on one of its
// LISTEN/NOTIFY channels (docs/architecture.md, "Several servers on one database"): what one
// server publishes, every other one listening on the channel receives, in the order the
// publishing transactions committed; a process does not hear its own.
//
// A message of any size: PostgreSQL's payload holds under 8000 bytes, so a message is sent as
// numbered base64 parts, all NOTIFYs of one transaction, which PostgreSQL delivers together and
// never interleaved with another transaction's; the receiver puts the parts together again.
//
// The channel listens on a connection of its own (Database::openOwnConnection()), checked every
// few seconds; one that was lost is opened again and listens again, and says so in the log, as
// what was published meanwhile did not reach this process. Lives on the thread that made it.
class NotificationChannel final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(NotificationChannel)

public:
    // Starts listening on `channel` (a plain identifier). Refused: a database that is not
    // PostgreSQL, a connection or a LISTEN that fails.
    [[nodiscard]] static std::expected<std::unique_ptr<NotificationChannel>, DbError>
    listen(std::shared_ptr<Database> database, const QString &channel, QObject *parent = nullptr);

    ~NotificationChannel() override;

    // Sends `message` to the other processes, on the calling thread's connection of the
    // database, in a transaction of its own (so call it after the change it reports committed).
    [[nodiscard]] std::expected<void, DbError> publish(const QByteArray &message) const;

    // The payload PostgreSQL takes in one NOTIFY is under 8000 bytes; a part's data is this.
    static constexpr qsizetype PartBytes = 7000;

Q_SIGNALS:
    // A whole message another process published.
    void received(const QByteArray &message);

private:
    NotificationChannel(std::shared_ptr<Database> database, QString channel, QObject *parent);
    [[nodiscard]] std::expected<void, DbError> connectAndListen();
    void closeConnection();
    void onNotification(const QString &name, const QVariant &payload);
    void checkConnection();

    std::shared_ptr<Database> m_database;
    QString m_channel;
    QString m_connectionName; // asked of Database::openOwnConnection()
    QString m_listening; // the open connection's full name; empty while there is none
    QByteArray m_instance; // this process's mark on its parts, to leave its own aside
    mutable quint32 m_nextMessage = 0;
    // Parts of a message being put together, by the publisher's mark and message number.
    QHash<QByteArray, QList<QByteArray>> m_partial;
    QTimer m_check;
};

} // namespace rentdesk::models::db
