// SPDX-License-Identifier: GPL-3.0-or-later
//
// The chat requests of docs/protocol.md: chat.start, chat.list, chat.send (stored in the order
// they came, a turn's sends in one transaction on SQLite), chat.history, chat.delivered and
// chat.read, and the pushes they make. The rules are ChatService's.
#include "models/db/database.h"
#include "models/domain/storedvalues.h"
#include "net/protocol/chatjson.h"
#include "server/clientconnection.h"
#include "server/router.h"
#include "server/wireformat.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QLoggingCategory>

#include <algorithm>

namespace rentdesk::server {

Q_DECLARE_LOGGING_CATEGORY(lcRouter)

using namespace Qt::StringLiterals;
using models::services::DomainError;
using net::protocol::Error;
using net::protocol::ErrorCode;

namespace {

// chat.list's page when the request names none.
constexpr int DefaultListLimit = 50;

qint64 jsonBytes(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact).size() + 1; // and a comma
}

// chat.list's position: opaque to clients, "<lastActivityAt>/<id>" here.
QString listPositionText(const QDateTime &lastActivityAt, const QUuid &id)
{
    return models::domain::toStoredTimestamp(lastActivityAt) + u'/' + models::domain::toStoredId(id);
}

std::optional<models::services::ChatService::ListPosition> readListPosition(const QJsonValue &value)
{
    if (!value.isString())
        return std::nullopt;
    const QString text = value.toString();
    const qsizetype slash = text.indexOf(u'/');
    if (slash < 0)
        return std::nullopt;
    const auto at = models::domain::timestampFromStored(QVariant(text.left(slash)));
    const auto id = models::domain::idFromStored(QVariant(text.mid(slash + 1)));
    if (!at || !id)
        return std::nullopt;
    return models::services::ChatService::ListPosition { *at, *id };
}

} // namespace

void Router::chatStart(ClientConnection &c, const net::protocol::Request &r, const Done &done)
{
    const auto email = net::protocol::requireString(r.body, u"email", net::protocol::MaxEmailChars);
    if (!email) {
        done(net::protocol::errorReply(r.id, email.error()));
        return;
    }
    const auto about = readAbout(r.body);
    if (!about) {
        done(net::protocol::errorReply(r.id, about.error()));
        return;
    }
    const QUuid actor = *c.user();
    // Starting conversations is how one user reaches strangers: a few an hour. The place is
    // taken first and kept only when a conversation was made (one started again is free).
    const QString actorKey = models::domain::toStoredId(actor);
    if (const auto admitted = m_userConversations.begin(actorKey); !admitted) {
        done(rateLimited(r.id, u"Too many conversations started in the last hour; try again later."_s,
                         admitted.error()));
        return;
    }
    const auto started = m_chat.start(actor, *email, *about);
    m_userConversations.end(
        actorKey, started && started->created ? RateLimiter::Outcome::Counted : RateLimiter::Outcome::Released);
    if (!started) {
        done(refusal(r.id, started.error()));
        return;
    }
    done(net::protocol::reply(r.id, { { u"conversation"_s, conversationJson(started->conversation).toJson() } }));
    if (started->created) {
        const QUuid peer = started->conversation.peer.id;
        if (const auto theirs = m_chat.conversation(peer, started->conversation.id))
            pushTo(peer,
                   net::protocol::push(u"chat.conversation"_s,
                                       { { u"conversation"_s, conversationJson(*theirs).toJson() } }));
    }
}

void Router::chatList(ClientConnection &c, const net::protocol::Request &r, const Done &done)
{
    const auto limit = net::protocol::optionalInt(r.body, u"limit", 1, models::services::ChatService::MaxListLimit);
    if (!limit) {
        done(net::protocol::errorReply(r.id, limit.error()));
        return;
    }
    std::optional<models::services::ChatService::ListPosition> after;
    if (r.body.contains(u"after"_s) && !r.body.value(u"after"_s).isNull()) {
        after = readListPosition(r.body.value(u"after"_s));
        if (!after) {
            done(net::protocol::errorReply(r.id,
                                           Error::make(ErrorCode::BadRequest,
                                                       u"\"after\" is not a position from chat.list's \"next\"."_s,
                                                       u"after"_s)));
            return;
        }
    }
    const auto page = m_chat.list(*c.user(), after, int(limit->value_or(DefaultListLimit)));
    if (!page) {
        done(refusal(r.id, page.error()));
        return;
    }
    // The first ones that fit the reply's budget; the rest are the next page's.
    QJsonArray list;
    qint64 bytes = 0;
    qsizetype taken = 0;
    for (const models::domain::Conversation &conversation : page->conversations) {
        const QJsonObject json = conversationJson(conversation).toJson();
        const qint64 size = jsonBytes(json);
        if (taken > 0 && bytes + size > replyBudget())
            break;
        bytes += size;
        list.append(json);
        ++taken;
    }
    const bool more = page->more || taken < page->conversations.size();
    QJsonObject result { { u"conversations"_s, list }, { u"more"_s, more } };
    if (more) {
        const models::domain::Conversation &last = page->conversations.at(taken - 1);
        result.insert(u"next"_s, listPositionText(last.lastActivityAt, last.id));
    }
    done(net::protocol::reply(r.id, result));
}

void Router::chatSend(ClientConnection &c, const net::protocol::Request &r, const Done &done)
{
    const auto conversation = net::protocol::requireUuid(r.body, u"conversationId");
    const auto messageId = net::protocol::requireUuid(r.body, u"messageId");
    // In UTF-16 units, twice the characters a text may have: the service counts characters.
    const auto text = net::protocol::requireString(r.body, u"text", 2 * m_config.maxChatChars);
    if (!conversation || !messageId || !text) {
        done(net::protocol::errorReply(r.id,
                                       !conversation    ? conversation.error()
                                           : !messageId ? messageId.error()
                                                        : text.error()));
        return;
    }
    if (models::services::ChatService::characterCount(*text) > m_config.maxChatChars) {
        done(net::protocol::errorReply(r.id,
                                       Error::make(ErrorCode::BadRequest,
                                                   u"A message has at most %1 characters."_s.arg(m_config.maxChatChars),
                                                   u"text"_s)));
        return;
    }
    PendingSend pending;
    pending.connection = &c;
    pending.id = r.id;
    pending.message.actor = *c.user();
    pending.message.conversation = *conversation;
    pending.message.messageId = *messageId;
    pending.message.text = *text;
    pending.done = done;
    m_pendingSends.append(std::move(pending));
    // After the frames already read in this turn, which may be sends too.
    if (!m_commitQueued) {
        m_commitQueued = true;
        QMetaObject::invokeMethod(this, &Router::commitSends, Qt::QueuedConnection);
    }
}

void Router::commitSends()
{
    m_commitQueued = false;
    if (m_pendingSends.isEmpty())
        return;
    const QList<PendingSend> sends = std::exchange(m_pendingSends, {});
    // Group commit is SQLite's: one fsync for the turn's messages instead of one each. PostgreSQL
    // groups the commits of concurrent transactions itself, and a small transaction collides
    // with fewer others: there each message is stored on its own, in the order they came.
    if (m_database->engine() == models::db::Engine::Postgres) {
        for (const PendingSend &send : sends)
            storeSends({ send });
        return;
    }
    storeSends(sends);
}

void Router::storeSends(const QList<PendingSend> &sends)
{
    QList<models::services::ChatService::Outgoing> messages;
    messages.reserve(sends.size());
    for (const PendingSend &send : sends)
        messages.append(send.message);
    const auto stored = m_chat.sendBatch(messages);
    if (!stored)
        qCWarning(lcRouter) << "a batch of" << sends.size() << "messages was not stored:" << stored.error().message;
    for (qsizetype i = 0; i < sends.size(); ++i) {
        const PendingSend &send = sends.at(i);
        const auto &sent = stored
            ? stored->at(i)
            : models::services::Result<models::services::ChatService::SendResult>(std::unexpected(stored.error()));
        if (!sent) {
            send.done(sent.error().field == u"messageId"_s ? asBadRequest(send.id, sent.error())
                                                           : refusal(send.id, sent.error()));
            continue;
        }
        const QJsonObject message = messageJson(sent->message).toJson();
        // The sender hears that it is stored before anyone hears of it.
        send.done(net::protocol::reply(send.id, { { u"message"_s, message } }));
        if (sent->duplicate)
            continue; // delivered already when it was first sent
        const QByteArray frame = net::protocol::push(u"chat.message"_s, { { u"message"_s, message } });
        pushTo(sent->peer, frame);
        pushTo(send.message.actor, frame, send.connection);
    }
}

QSet<QString> Router::pipelinedRequests()
{
    return { u"chat.send"_s };
}

void Router::chatHistory(ClientConnection &c, const net::protocol::Request &r, const Done &done)
{
    const auto conversation = net::protocol::requireUuid(r.body, u"conversationId");
    const auto before = net::protocol::optionalInt(r.body, u"beforeSeq", 1, net::protocol::MaxJsonInteger);
    const auto after = net::protocol::optionalInt(r.body, u"afterSeq", 0, net::protocol::MaxJsonInteger);
    const auto limit = net::protocol::optionalInt(r.body, u"limit", 1, models::services::ChatService::MaxHistoryLimit);
    for (const auto *problem : { conversation ? nullptr : &conversation.error(), before ? nullptr : &before.error(),
                                 after ? nullptr : &after.error(), limit ? nullptr : &limit.error() }) {
        if (problem) {
            done(net::protocol::errorReply(r.id, *problem));
            return;
        }
    }
    const auto history = m_chat.history(*c.user(), *conversation, *before, *after, int(limit->value_or(50)));
    if (!history) {
        done(refusal(r.id, history.error()));
        return;
    }
    // Within the reply's budget: the latest ones when paging back, the first ones when
    // catching up after afterSeq; `more` then says there are more in that direction.
    const bool forward = after->has_value();
    QList<QJsonObject> kept;
    qint64 bytes = 0;
    const qsizetype count = history->messages.size();
    for (qsizetype i = 0; i < count; ++i) {
        const QJsonObject json = messageJson(history->messages.at(forward ? i : count - 1 - i)).toJson();
        const qint64 size = jsonBytes(json);
        if (!kept.isEmpty() && bytes + size > replyBudget())
            break;
        bytes += size;
        kept.append(json);
    }
    if (!forward)
        std::reverse(kept.begin(), kept.end());
    QJsonArray messages;
    for (const QJsonObject &json : std::as_const(kept))
        messages.append(json);
    const bool more = history->more || kept.size() < count;
    done(net::protocol::reply(r.id, { { u"messages"_s, messages }, { u"more"_s, more } }));
}

void Router::chatDelivered(ClientConnection &c, const net::protocol::Request &r, const Done &done)
{
    chatMark(c, r, done, false);
}

void Router::chatRead(ClientConnection &c, const net::protocol::Request &r, const Done &done)
{
    chatMark(c, r, done, true);
}

void Router::chatMark(ClientConnection &c, const net::protocol::Request &r, const Done &done, bool read)
{
    const auto conversation = net::protocol::requireUuid(r.body, u"conversationId");
    const auto upTo = net::protocol::requireInt(r.body, u"upToSeq", 0, net::protocol::MaxJsonInteger);
    if (!conversation || !upTo) {
        done(net::protocol::errorReply(r.id, !conversation ? conversation.error() : upTo.error()));
        return;
    }
    const QUuid actor = *c.user();
    const auto update =
        read ? m_chat.markRead(actor, *conversation, *upTo) : m_chat.markDelivered(actor, *conversation, *upTo);
    if (!update) {
        done(asBadRequest(r.id, update.error()));
        return;
    }
    done(net::protocol::reply(r.id, {}));
    if (update->changed) {
        pushTo(update->peer,
               net::protocol::push(u"chat.receipt"_s,
                                   { { u"conversationId"_s, models::domain::toStoredId(*conversation) },
                                     { u"userId"_s, models::domain::toStoredId(actor) },
                                     { u"deliveredUpTo"_s, update->marks.deliveredUpTo },
                                     { u"readUpTo"_s, update->marks.readUpTo } }));
    }
}

} // namespace rentdesk::server
