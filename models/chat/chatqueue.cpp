// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/chat/chatqueue.h"

#include "models/db/database.h"
#include "models/db/query.h"
#include "models/domain/storedvalues.h"
#include "models/services/chatservice.h"
#include "models/services/servicesteps.h"

#include <QCoreApplication>
#include <QSqlQuery>

namespace rentdesk::models::chat {

using namespace Qt::StringLiterals;
using services::DomainError;
using services::Result;

ChatQueue::ChatQueue(std::shared_ptr<db::Database> database, const services::Clock &clock)
    : m_database(std::move(database))
    , m_clock(clock)
{
}

ChatQueue::~ChatQueue() = default;

Result<PendingMessage> ChatQueue::enqueue(const QUuid &account, const QUuid &conversation, const QString &text) const
{
    if (auto valid = services::ChatService::checkText(text); !valid)
        return std::unexpected(valid.error());
    PendingMessage message;
    message.messageId = QUuid::createUuid();
    message.accountId = account;
    message.conversationId = conversation;
    message.text = text;
    // Stored to the millisecond: what pending() reads back is what this returns.
    message.queuedAt = domain::timestampFromStored(domain::toStoredTimestamp(m_clock.now())).value_or(QDateTime());
    const auto connection = services::connectionOf(*m_database);
    if (!connection)
        return std::unexpected(connection.error());
    auto done = db::exec(*connection,
                         u"INSERT INTO chat_pending (message_id, account_id, conversation_id, text, queued_at) "
                         "VALUES (:message, :account, :conversation, :text, :queued)"_s,
                         { { u":message"_s, domain::toStoredId(message.messageId) },
                           { u":account"_s, domain::toStoredId(account) },
                           { u":conversation"_s, domain::toStoredId(conversation) },
                           { u":text"_s, text },
                           { u":queued"_s, domain::toStoredTimestamp(message.queuedAt) } });
    if (!done)
        return std::unexpected(DomainError(done.error()));
    return message;
}

Result<QList<PendingMessage>> ChatQueue::pending(const QUuid &account) const
{
    const auto connection = services::connectionOf(*m_database);
    if (!connection)
        return std::unexpected(connection.error());
    auto rows = db::exec(*connection,
                         u"SELECT message_id, conversation_id, text, queued_at FROM chat_pending "
                         "WHERE account_id = :account ORDER BY queued_at, rowid"_s,
                         { { u":account"_s, domain::toStoredId(account) } });
    if (!rows)
        return std::unexpected(DomainError(rows.error()));
    QList<PendingMessage> messages;
    while (rows->next()) {
        auto id = domain::idFromStored(rows->value(0));
        auto conversation = domain::idFromStored(rows->value(1));
        auto queued = domain::timestampFromStored(rows->value(3));
        if (!id || !conversation || !queued) {
            return std::unexpected(
                DomainError(DomainError::Code::Storage, u"message"_s, QString(),
                            QCoreApplication::translate("ChatQueue", "An unsent chat message cannot be read (%1).")
                                .arg(rows->value(0).toString())));
        }
        PendingMessage message;
        message.messageId = *id;
        message.accountId = account;
        message.conversationId = *conversation;
        message.text = rows->value(2).toString();
        message.queuedAt = *queued;
        messages.append(message);
    }
    return messages;
}

Result<void> ChatQueue::remove(const QUuid &messageId) const
{
    const auto connection = services::connectionOf(*m_database);
    if (!connection)
        return std::unexpected(connection.error());
    auto done = db::exec(*connection, u"DELETE FROM chat_pending WHERE message_id = :message"_s,
                         { { u":message"_s, domain::toStoredId(messageId) } });
    if (!done)
        return std::unexpected(DomainError(done.error()));
    return {};
}

} // namespace rentdesk::models::chat
