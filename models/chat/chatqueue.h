// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/services/clock.h"
#include "models/services/domainerror.h"

#include <QDateTime>
#include <QList>
#include <QString>
#include <QUuid>

#include <memory>

namespace rentdesk::models::db {
class Database;
}

namespace rentdesk::models::chat {

// A chat message the server has not acknowledged yet, as the desktop keeps it.
struct PendingMessage
{
    QUuid messageId; // made here, sent with every attempt: the server stores it once
    QUuid accountId; // the server account that wrote it
    QUuid conversationId;
    QString text;
    QDateTime queuedAt;

    friend bool operator==(const PendingMessage &, const PendingMessage &) = default;
};

// The desktop's queue of unsent chat messages (chat_pending, 0005_chat_pending.sql): a
// message is written here before it is first sent and removed when the server has
// acknowledged it, which the server does after its commit. So a message typed offline, or
// in flight when the app or the connection died, is sent again on the next connection,
// and the server's recognition of its id keeps it from being stored or delivered twice.
// Each call is one statement that commits on its own.
class ChatQueue final
{
public:
    ChatQueue(std::shared_ptr<db::Database> database, const services::Clock &clock);
    ~ChatQueue();
    Q_DISABLE_COPY_MOVE(ChatQueue)

    // Queues a message with a new id. The text by the server's rules (ChatService::send):
    // 1 to 4000 characters, no NUL or unpaired surrogate (InvalidValue on "text"), so that
    // nothing queued is refused later.
    [[nodiscard]] services::Result<PendingMessage> enqueue(const QUuid &account, const QUuid &conversation,
                                                           const QString &text) const;
    // The account's queue, oldest first: the order to send it in.
    [[nodiscard]] services::Result<QList<PendingMessage>> pending(const QUuid &account) const;
    // The server acknowledged it (or refused it for good): it leaves the queue. Removing a
    // message that is not queued is not an error (an ack for a resend of a removed row).
    [[nodiscard]] services::Result<void> remove(const QUuid &messageId) const;

private:
    std::shared_ptr<db::Database> m_database;
    const services::Clock &m_clock;
};

} // namespace rentdesk::models::chat
