// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/services/chatservice.h"

#include "models/db/query.h"
#include "models/db/transaction.h"
#include "models/domain/storedvalues.h"
#include "models/services/accountservice.h"
#include "models/services/chatsql.h"
#include "models/services/records.h"
#include "models/services/servicesteps.h"

#include <QCoreApplication>
#include <QHash>

#include <algorithm>
#include <array>
#include <limits>

namespace rentdesk::models::services {

using namespace Qt::StringLiterals;
using namespace rentdesk::models::domain;
using Code = DomainError::Code;

namespace {

DomainError invalid(const char *entity, const char *field, const QString &message)
{
    return DomainError(Code::InvalidValue, QString::fromLatin1(entity), QString::fromLatin1(field), message);
}

// The one answer for a conversation that does not exist and for one the actor is not in.
DomainError conversationNotFound()
{
    return DomainError(Code::NotFound, u"conversation"_s, u"conversationId"_s,
                       QCoreApplication::translate("ChatService", "This conversation was not found."));
}

QVariant nullText()
{
    return QVariant(QMetaType::fromType<QString>());
}

// The two people of a conversation as stored, and where it stands.
struct Pair
{
    QString userA;
    QString userB;
    qint64 lastSeq = 0;

    [[nodiscard]] bool has(const QString &user) const { return user == userA || user == userB; }
    [[nodiscard]] QString other(const QString &user) const { return user == userA ? userB : userA; }
};

// A conversation as a sendBatch() found it and moves it on.
struct Progress
{
    bool found = false;
    Pair pair; // lastSeq: the latest message's, the batch's included
    QString lastActivity;
    bool advanced = false; // the batch stored a message in it
    std::array<qint64, 2> readBy {}; // what user_a and user_b last sent in the batch (their marks); 0: nothing
};

// What is wrong with a message itself is said before its conversation is looked at: the
// answer is the same whoever asks, so it tells nothing about the conversation.
Result<void> checkMessage(const QUuid &messageId, const QString &text)
{
    if (messageId.isNull()) {
        return std::unexpected(invalid("message", "messageId",
                                       QCoreApplication::translate("ChatService", "The message needs an identifier.")));
    }
    return ChatService::checkText(text);
}

Result<QUuid> peerId(const Pair &pair, const QString &actor)
{
    auto id = idFromStored(pair.other(actor));
    if (!id)
        return std::unexpected(unreadable(u"conversation"_s, id.error()));
    return *id;
}

Result<Conversation> viewOf(const QSqlDatabase &db, const QString &actor, const QString &conversation)
{
    auto query =
        db::exec(db, chatsql::conversationFor(), { { u":actor"_s, actor }, { u":conversation"_s, conversation } });
    if (!query)
        return std::unexpected(DomainError(query.error()));
    if (!query->next())
        return std::unexpected(conversationNotFound());
    return readConversationView(*query);
}

} // namespace

ChatService::ChatService(ServiceContext context)
    : m_context(std::move(context))
{
}

ChatService::~ChatService() = default;

Result<void> ChatService::requireServer() const
{
    if (m_context.mode() != Mode::Server) {
        return std::unexpected(
            DomainError(Code::NotInThisMode, u"conversation"_s, QString(),
                        QCoreApplication::translate("ChatService",
                                                    "Chat goes through the server; this database does not keep it.")));
    }
    return {};
}

qint64 ChatService::characterCount(const QString &text)
{
    qint64 count = 0;
    for (qsizetype i = 0; i < text.size(); ++i) {
        if (text.at(i).isHighSurrogate() && i + 1 < text.size() && text.at(i + 1).isLowSurrogate())
            ++i;
        ++count;
    }
    return count;
}

Result<ChatService::Started> ChatService::start(const QUuid &actor, const QString &peerEmail,
                                                const std::optional<About> &about) const
{
    if (auto allowed = requireServer(); !allowed)
        return std::unexpected(allowed.error());
    auto email = AccountService::normalizedEmail(peerEmail);
    if (!email)
        return std::unexpected(email.error());
    QString title;
    if (about) {
        if (about->id.isNull()) {
            return std::unexpected(
                invalid("conversation", "about.id",
                        QCoreApplication::translate("ChatService",
                                                    "Say which apartment or booking the conversation is about.")));
        }
        title = about->title.trimmed();
        if (title.isEmpty() || characterCount(title) > MaxTitleLength) {
            return std::unexpected(
                invalid("conversation", "about.title",
                        QCoreApplication::translate("ChatService",
                                                    "Give a title of 1 to 200 characters for what the "
                                                    "conversation is about.")));
        }
    }

    const auto connection = connectionOf(m_context);
    if (!connection)
        return std::unexpected(connection.error());
    const QSqlDatabase &db = *connection;
    const QString self = toStoredId(actor);
    return db::transact(db, [&]() -> Result<Started> {
        if (auto found = actingUser(db, actor); !found)
            return std::unexpected(found.error());
        auto peer = db::scalar(db, chatsql::userIdByEmail(), { { u":email"_s, *email } });
        if (!peer)
            return std::unexpected(DomainError(peer.error()));
        if (peer->isNull()) {
            return std::unexpected(
                DomainError(Code::NotFound, u"user"_s, u"email"_s,
                            QCoreApplication::translate("ChatService", "No account has this e-mail address.")));
        }
        const QString other = peer->toString();
        if (other == self) {
            return std::unexpected(DomainError(
                Code::NotAllowed, u"conversation"_s, u"email"_s,
                QCoreApplication::translate("ChatService", "You cannot start a conversation with yourself.")));
        }
        // Stored in one order, so that either of the two finds the same row.
        const QString a = std::min(self, other);
        const QString b = std::max(self, other);
        auto existing = about ? db::scalar(db, chatsql::pairAbout(),
                                           { { u":a"_s, a },
                                             { u":b"_s, b },
                                             { u":kind"_s, toCode(about->kind) },
                                             { u":about"_s, toStoredId(about->id) } })
                              : db::scalar(db, chatsql::pairWithoutAbout(), { { u":a"_s, a }, { u":b"_s, b } });
        if (!existing)
            return std::unexpected(DomainError(existing.error()));
        QString id = existing->toString();
        const bool created = existing->isNull();
        if (created) {
            id = toStoredId(newId());
            auto inserted = db::exec(db, chatsql::insertConversation(),
                                     { { u":id"_s, id },
                                       { u":a"_s, a },
                                       { u":b"_s, b },
                                       { u":kind"_s, about ? QVariant(toCode(about->kind)) : nullText() },
                                       { u":about"_s, about ? QVariant(toStoredId(about->id)) : nullText() },
                                       { u":title"_s, about ? QVariant(title) : nullText() },
                                       { u":now"_s, m_context.nowStored() } });
            if (!inserted)
                return std::unexpected(DomainError(inserted.error()));
        }
        auto conversation = viewOf(db, self, id);
        if (!conversation)
            return std::unexpected(conversation.error());
        return Started { *conversation, created };
    });
}

Result<Conversation> ChatService::conversation(const QUuid &actor, const QUuid &conversation) const
{
    if (auto allowed = requireServer(); !allowed)
        return std::unexpected(allowed.error());
    const auto connection = connectionOf(m_context);
    if (!connection)
        return std::unexpected(connection.error());
    const QSqlDatabase &db = *connection;
    return db::transact(
        db, [&]() -> Result<Conversation> { return viewOf(db, toStoredId(actor), toStoredId(conversation)); });
}

Result<ChatService::ConversationPage> ChatService::list(const QUuid &actor, const std::optional<ListPosition> &after,
                                                        int limit) const
{
    if (auto allowed = requireServer(); !allowed)
        return std::unexpected(allowed.error());
    if (limit < 1 || limit > MaxListLimit) {
        return std::unexpected(
            invalid("conversation", "limit",
                    QCoreApplication::translate("ChatService", "A page has 1 to %1 conversations.").arg(MaxListLimit)));
    }
    const auto connection = connectionOf(m_context);
    if (!connection)
        return std::unexpected(connection.error());
    const QSqlDatabase &db = *connection;
    return db::transact(db, [&]() -> Result<ConversationPage> {
        // One more than the page, to know whether there are more.
        auto query = after ? db::exec(db, chatsql::conversationsOfAfter(),
                                      { { u":actor"_s, toStoredId(actor) },
                                        { u":at"_s, toStoredTimestamp(after->lastActivityAt) },
                                        { u":id"_s, toStoredId(after->id) },
                                        { u":limit"_s, limit + 1 } })
                           : db::exec(db, chatsql::conversationsOf(),
                                      { { u":actor"_s, toStoredId(actor) }, { u":limit"_s, limit + 1 } });
        if (!query)
            return std::unexpected(DomainError(query.error()));
        ConversationPage page;
        while (query->next()) {
            if (page.conversations.size() == limit) {
                page.more = true;
                break;
            }
            auto conversation = readConversationView(*query);
            if (!conversation)
                return std::unexpected(conversation.error());
            page.conversations.append(*conversation);
        }
        return page;
    });
}

Result<void> ChatService::checkText(const QString &text)
{
    if (text.isEmpty())
        return std::unexpected(
            invalid("message", "text", QCoreApplication::translate("ChatService", "Write a message.")));
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        const bool paired = c.isHighSurrogate() && i + 1 < text.size() && text.at(i + 1).isLowSurrogate();
        if (c.isNull() || (c.isSurrogate() && !paired)) {
            return std::unexpected(invalid(
                "message", "text",
                QCoreApplication::translate("ChatService", "The message contains a character that cannot be stored.")));
        }
        if (paired)
            ++i;
    }
    if (characterCount(text) > MaxTextLength) {
        return std::unexpected(
            invalid("message", "text",
                    QCoreApplication::translate("ChatService", "A message may be at most 4000 characters.")));
    }
    return {};
}

Result<ChatService::SendResult> ChatService::send(const QUuid &actor, const QUuid &conversation, const QUuid &messageId,
                                                  const QString &text) const
{
    auto sent = sendBatch({ Outgoing { actor, conversation, messageId, text } });
    if (!sent)
        return std::unexpected(sent.error());
    return sent->constFirst();
}

Result<QList<Result<ChatService::SendResult>>> ChatService::sendBatch(const QList<Outgoing> &messages) const
{
    if (auto allowed = requireServer(); !allowed)
        return std::unexpected(allowed.error());
    QList<Result<SendResult>> results;
    results.reserve(messages.size());
    for (const Outgoing &message : messages) {
        if (auto valid = checkMessage(message.messageId, message.text); !valid)
            results.append(std::unexpected(valid.error()));
        else
            results.append(SendResult {});
    }
    if (std::none_of(results.cbegin(), results.cend(), [](const Result<SendResult> &r) { return r.has_value(); }))
        return results;

    const auto connection = connectionOf(m_context);
    if (!connection)
        return std::unexpected(connection.error());
    const QSqlDatabase &db = *connection;
    // The conversations as this batch found and moves them, and those that got a message, in
    // the order they got their first: their rows and the senders' marks are written once, at
    // the end, whatever the number of messages.
    QHash<QString, Progress> conversations;
    QStringList advanced;

    // One message: a refusal is its own, unless the statement that failed took the whole
    // transaction with it (SQLite rolls back by itself on some I/O and memory errors; on
    // PostgreSQL any failed statement leaves the transaction refusing every later one).
    const auto store = [&](const Outgoing &outgoing) -> Result<SendResult> {
        const QString self = toStoredId(outgoing.actor);
        const QString conversationId = toStoredId(outgoing.conversation);
        auto known = conversations.find(conversationId);
        if (known == conversations.end()) {
            auto row = db::exec(db, chatsql::conversationToNumber(db::engineOf(db)),
                                { { u":conversation"_s, conversationId } });
            if (!row)
                return std::unexpected(DomainError(row.error()));
            Progress progress;
            if (row->next()) {
                progress.found = true;
                progress.pair = Pair { row->value(0).toString(), row->value(1).toString(), row->value(2).toLongLong() };
                progress.lastActivity = row->value(3).toString();
            }
            row->finish();
            known = conversations.insert(conversationId, progress);
        }
        Progress &progress = *known;
        if (!progress.found || !progress.pair.has(self))
            return std::unexpected(conversationNotFound());
        auto peer = peerId(progress.pair, self);
        if (!peer)
            return std::unexpected(peer.error());

        const QString id = toStoredId(outgoing.messageId);
        const QString sentAt = m_context.nowStored();
        const qint64 seq = progress.pair.lastSeq + 1;
        // The common case goes straight to the insert; the primary key recognises a resend
        // (nothing inserted), which costs its extra lookup only when it happens.
        auto inserted = db::exec(db, chatsql::insertMessage(),
                                 { { u":id"_s, id },
                                   { u":conversation"_s, conversationId },
                                   { u":seq"_s, seq },
                                   { u":sender"_s, self },
                                   { u":text"_s, outgoing.text },
                                   { u":sent_at"_s, sentAt } });
        if (!inserted)
            return std::unexpected(DomainError(inserted.error()));
        if (inserted->numRowsAffected() == 0) {
            auto stored = db::exec(db, chatsql::messageById(), { { u":id"_s, id } });
            if (!stored)
                return std::unexpected(DomainError(stored.error()));
            auto message = stored->next()
                ? readChatMessage(*stored)
                : Result<ChatMessage>(std::unexpected(DomainError(
                    Code::Storage, u"message"_s, QString(),
                    QCoreApplication::translate("ChatService", "The message could not be stored; send it again."))));
            stored->finish();
            if (!message)
                return std::unexpected(message.error());
            if (message->conversationId != outgoing.conversation || message->senderId != outgoing.actor) {
                return std::unexpected(
                    invalid("message", "messageId",
                            QCoreApplication::translate(
                                "ChatService", "This message identifier is already used by another message.")));
            }
            return SendResult { *message, true, *peer };
        }

        if (!progress.advanced) {
            progress.advanced = true;
            advanced.append(conversationId);
        }
        progress.pair.lastSeq = seq;
        // A clock set back must not move the conversation back in the list (or below its
        // start, which the schema refuses); stored times of one form compare as text.
        progress.lastActivity = std::max(progress.lastActivity, sentAt);
        // One has read what one wrote. This also keeps every message after a person's read
        // mark the peer's, which makes the unread count a subtraction (records.cpp).
        progress.readBy[progress.pair.userA == self ? 0 : 1] = seq;

        ChatMessage message;
        message.id = outgoing.messageId;
        message.conversationId = outgoing.conversation;
        message.seq = seq;
        message.senderId = outgoing.actor;
        message.text = outgoing.text;
        message.sentAt = timestampFromStored(sentAt).value_or(QDateTime());
        return SendResult { message, false, *peer };
    };

    const QList<Result<SendResult>> validated = results;
    // The conversation's row is locked while its messages are numbered
    // (chatsql::conversationToNumber()): on PostgreSQL a send that waited for another reads the
    // number that one left, rather than failing to serialize under a stream of sends.
    auto committed = db::transact(db, db::TransactionScope::Isolation::RowLocks, [&]() -> Result<void> {
        // Run again from the start after a serialization failure (transact()).
        results = validated;
        conversations.clear();
        advanced.clear();
        for (qsizetype i = 0; i < messages.size(); ++i) {
            if (!results.at(i))
                continue;
            results[i] = store(messages.at(i));
            if (!results.at(i) && (!db::inTransaction(db) || db::transactionAborted(db)))
                return std::unexpected(results.at(i).error());
        }
        for (const QString &conversationId : std::as_const(advanced)) {
            const Progress &progress = conversations[conversationId];
            auto moved = db::exec(db, chatsql::advanceConversation(),
                                  { { u":conversation"_s, conversationId },
                                    { u":seq"_s, progress.pair.lastSeq },
                                    { u":activity"_s, progress.lastActivity } });
            if (!moved)
                return std::unexpected(DomainError(moved.error()));
            for (int side : { 0, 1 }) {
                if (progress.readBy[side] == 0)
                    continue;
                auto marked = db::exec(db, chatsql::writeMarks(),
                                       { { u":conversation"_s, conversationId },
                                         { u":user"_s, side == 0 ? progress.pair.userA : progress.pair.userB },
                                         { u":delivered"_s, progress.readBy[side] },
                                         { u":read"_s, progress.readBy[side] } });
                if (!marked)
                    return std::unexpected(DomainError(marked.error()));
            }
        }
        return {};
    });
    if (!committed)
        return std::unexpected(committed.error());
    return results;
}

Result<ChatService::History> ChatService::history(const QUuid &actor, const QUuid &conversation,
                                                  std::optional<qint64> beforeSeq, std::optional<qint64> afterSeq,
                                                  int limit) const
{
    if (auto allowed = requireServer(); !allowed)
        return std::unexpected(allowed.error());
    if (limit < 1 || limit > MaxHistoryLimit) {
        return std::unexpected(
            invalid("conversation", "limit",
                    QCoreApplication::translate("ChatService", "Ask for 1 to 200 messages at a time.")));
    }
    if (beforeSeq && *beforeSeq < 1) {
        return std::unexpected(invalid("conversation", "beforeSeq",
                                       QCoreApplication::translate("ChatService", "Messages are numbered from 1.")));
    }
    if (afterSeq && *afterSeq < 0) {
        return std::unexpected(invalid("conversation", "afterSeq",
                                       QCoreApplication::translate("ChatService", "Messages are numbered from 1.")));
    }

    const auto connection = connectionOf(m_context);
    if (!connection)
        return std::unexpected(connection.error());
    const QSqlDatabase &db = *connection;
    const QString self = toStoredId(actor);
    const QString conversationId = toStoredId(conversation);
    return db::transact(db, [&]() -> Result<History> {
        auto row = db::exec(db, chatsql::conversationOfMember(), { { u":conversation"_s, conversationId } });
        if (!row)
            return std::unexpected(DomainError(row.error()));
        if (!row->next() || !Pair { row->value(0).toString(), row->value(1).toString(), 0 }.has(self))
            return std::unexpected(conversationNotFound());
        row->finish();

        // One row more than asked for says whether there are more, without counting them.
        const bool forwards = afterSeq.has_value();
        auto query = db::exec(db, forwards ? chatsql::historyForwards() : chatsql::historyBackwards(),
                              { { u":conversation"_s, conversationId },
                                { u":after"_s, afterSeq.value_or(0) },
                                { u":before"_s, beforeSeq.value_or(std::numeric_limits<qint64>::max()) },
                                { u":limit"_s, limit + 1 } });
        if (!query)
            return std::unexpected(DomainError(query.error()));
        History history;
        while (query->next()) {
            if (history.messages.size() == limit) {
                history.more = true;
                break;
            }
            auto message = readChatMessage(*query);
            if (!message)
                return std::unexpected(message.error());
            history.messages.append(*message);
        }
        if (!forwards)
            std::reverse(history.messages.begin(), history.messages.end());
        return history;
    });
}

Result<ChatService::MarksUpdate> ChatService::markDelivered(const QUuid &actor, const QUuid &conversation,
                                                            qint64 upToSeq) const
{
    return mark(actor, conversation, upToSeq, false);
}

Result<ChatService::MarksUpdate> ChatService::markRead(const QUuid &actor, const QUuid &conversation,
                                                       qint64 upToSeq) const
{
    return mark(actor, conversation, upToSeq, true);
}

Result<ChatService::MarksUpdate> ChatService::mark(const QUuid &actor, const QUuid &conversation, qint64 upToSeq,
                                                   bool read) const
{
    if (auto allowed = requireServer(); !allowed)
        return std::unexpected(allowed.error());
    if (upToSeq < 0) {
        return std::unexpected(
            invalid("conversation", "upToSeq",
                    QCoreApplication::translate("ChatService", "A message number cannot be negative.")));
    }
    const auto connection = connectionOf(m_context);
    if (!connection)
        return std::unexpected(connection.error());
    const QSqlDatabase &db = *connection;
    const QString self = toStoredId(actor);
    const QString conversationId = toStoredId(conversation);
    return db::transact(db, [&]() -> Result<MarksUpdate> {
        auto row = db::exec(db, chatsql::conversationWithMarks(),
                            { { u":conversation"_s, conversationId }, { u":actor"_s, self } });
        if (!row)
            return std::unexpected(DomainError(row.error()));
        if (!row->next())
            return std::unexpected(conversationNotFound());
        const Pair pair { row->value(0).toString(), row->value(1).toString(), row->value(2).toLongLong() };
        Marks before;
        before.deliveredUpTo = row->value(3).toLongLong();
        before.readUpTo = row->value(4).toLongLong();
        row->finish();
        if (!pair.has(self))
            return std::unexpected(conversationNotFound());
        auto peer = peerId(pair, self);
        if (!peer)
            return std::unexpected(peer.error());
        if (upToSeq > pair.lastSeq) {
            return std::unexpected(invalid(
                "conversation", "upToSeq",
                QCoreApplication::translate("ChatService", "The conversation has no message %1 yet.").arg(upToSeq)));
        }

        Marks after = before;
        if (read)
            after.readUpTo = std::max(before.readUpTo, upToSeq);
        after.deliveredUpTo = std::max(before.deliveredUpTo, read ? after.readUpTo : upToSeq);
        const bool changed = after != before;
        if (changed) {
            auto written = db::exec(db, chatsql::writeMarks(),
                                    { { u":conversation"_s, conversationId },
                                      { u":user"_s, self },
                                      { u":delivered"_s, after.deliveredUpTo },
                                      { u":read"_s, after.readUpTo } });
            if (!written)
                return std::unexpected(DomainError(written.error()));
        }
        return MarksUpdate { after, changed, *peer };
    });
}

Result<QList<QUuid>> ChatService::members(const QUuid &conversation) const
{
    if (auto allowed = requireServer(); !allowed)
        return std::unexpected(allowed.error());
    const auto connection = connectionOf(m_context);
    if (!connection)
        return std::unexpected(connection.error());
    const QSqlDatabase &db = *connection;
    return db::transact(db, [&]() -> Result<QList<QUuid>> {
        auto row = db::exec(db, chatsql::conversationOfMember(), { { u":conversation"_s, toStoredId(conversation) } });
        if (!row)
            return std::unexpected(DomainError(row.error()));
        if (!row->next())
            return std::unexpected(conversationNotFound());
        QList<QUuid> people;
        for (int column : { 0, 1 }) {
            auto id = idFromStored(row->value(column));
            if (!id)
                return std::unexpected(unreadable(u"conversation"_s, id.error()));
            people.append(*id);
        }
        return people;
    });
}

} // namespace rentdesk::models::services
