// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/services/chatsql.h"

#include "models/db/engine.h"
#include "models/services/records.h"

namespace rentdesk::models::services::chatsql {

using namespace Qt::StringLiterals;

namespace {

// A conversation as :actor sees it (records.h, conversationViewColumns()), with the peer on
// the given side of the pair. The last message is found by (conversation_id, seq) in
// chat_messages_seq_unique, the marks by their primary key.
QString viewOf(const QString &peerColumn)
{
    return u"SELECT "_s + conversationViewColumns() + u" FROM conversations AS c JOIN users AS p ON p.id = "_s
        + peerColumn
        + u" LEFT JOIN chat_messages AS m ON m.conversation_id = c.id AND m.seq = c.last_seq"
          " LEFT JOIN chat_marks AS mine ON mine.conversation_id = c.id AND mine.user_id = :actor"
          " LEFT JOIN chat_marks AS theirs ON theirs.conversation_id = c.id AND theirs.user_id = p.id"_s;
}

} // namespace

const QString &conversationOfMember()
{
    static const QString sql =
        u"SELECT user_a, user_b, last_seq, last_activity_at FROM conversations WHERE id = :conversation"_s;
    return sql;
}

const QString &conversationToNumber(db::Engine engine)
{
    // SQLite's writers take turns. On PostgreSQL two servers may number messages of one
    // conversation at once: the row is locked while this transaction numbers, so that the other
    // waits and then, as the row moved under it, fails to serialize and runs again with the new
    // last_seq (rather than colliding on chat_messages_seq_unique).
    static const QString sqlite = conversationOfMember();
    static const QString postgres = conversationOfMember() + u" FOR UPDATE"_s;
    return engine == db::Engine::Postgres ? postgres : sqlite;
}

const QString &insertMessage()
{
    // A resend inserts nothing instead of failing: a refusal would be classified by looking
    // up index names (db::classify), four more statements inside the transaction.
    static const QString sql = u"INSERT INTO chat_messages (id, conversation_id, seq, sender_id, text, sent_at) "
                               "VALUES (:id, :conversation, :seq, :sender, :text, :sent_at) "
                               "ON CONFLICT (id) DO NOTHING"_s;
    return sql;
}

const QString &advanceConversation()
{
    static const QString sql =
        u"UPDATE conversations SET last_seq = :seq, last_activity_at = :activity WHERE id = :conversation"_s;
    return sql;
}

const QString &writeMarks()
{
    // Standard enough for PostgreSQL too (ON CONFLICT … DO UPDATE, EXCLUDED).
    static const QString sql = u"INSERT INTO chat_marks (conversation_id, user_id, delivered_seq, read_seq) "
                               "VALUES (:conversation, :user, :delivered, :read) "
                               "ON CONFLICT (conversation_id, user_id) DO UPDATE "
                               "SET delivered_seq = excluded.delivered_seq, read_seq = excluded.read_seq"_s;
    return sql;
}

const QString &messageById()
{
    static const QString sql =
        u"SELECT "_s + chatMessageColumns(u"m"_s) + u" FROM chat_messages AS m WHERE m.id = :id"_s;
    return sql;
}

const QString &historyBackwards()
{
    static const QString sql = u"SELECT "_s + chatMessageColumns(u"m"_s)
        + u" FROM chat_messages AS m WHERE m.conversation_id = :conversation AND m.seq > :after AND m.seq < :before "
          "ORDER BY m.seq DESC LIMIT :limit"_s;
    return sql;
}

const QString &historyForwards()
{
    static const QString sql = u"SELECT "_s + chatMessageColumns(u"m"_s)
        + u" FROM chat_messages AS m WHERE m.conversation_id = :conversation AND m.seq > :after AND m.seq < :before "
          "ORDER BY m.seq LIMIT :limit"_s;
    return sql;
}

const QString &conversationWithMarks()
{
    static const QString sql =
        u"SELECT c.user_a, c.user_b, c.last_seq, coalesce(k.delivered_seq, 0), coalesce(k.read_seq, 0) "
        "FROM conversations AS c LEFT JOIN chat_marks AS k ON k.conversation_id = c.id AND k.user_id = :actor "
        "WHERE c.id = :conversation"_s;
    return sql;
}

const QString &userIdByEmail()
{
    static const QString sql = u"SELECT id FROM users WHERE email = :email"_s;
    return sql;
}

const QString &pairWithoutAbout()
{
    static const QString sql =
        u"SELECT id FROM conversations WHERE user_a = :a AND user_b = :b AND about_kind IS NULL"_s;
    return sql;
}

const QString &pairAbout()
{
    static const QString sql = u"SELECT id FROM conversations "
                               "WHERE user_a = :a AND user_b = :b AND about_kind = :kind AND about_id = :about"_s;
    return sql;
}

const QString &insertConversation()
{
    static const QString sql =
        u"INSERT INTO conversations (id, user_a, user_b, about_kind, about_id, about_title, created_at, "
        "last_activity_at) VALUES (:id, :a, :b, :kind, :about, :title, :now, :now)"_s;
    return sql;
}

const QString &conversationsOf()
{
    // One arm per side of the pair, each walking its index (user_x, last_activity_at, id)
    // backwards, merged in order and stopped after a page: no sort of the actor's
    // conversations. The order names the result's columns by position (last_activity_at, id):
    // PostgreSQL orders a UNION by its result only.
    static const QString sql = viewOf(u"c.user_b"_s) + u" WHERE c.user_a = :actor UNION ALL "_s + viewOf(u"c.user_a"_s)
        + u" WHERE c.user_b = :actor ORDER BY 6 DESC, 1 DESC LIMIT :limit"_s;
    return sql;
}

const QString &conversationsOfAfter()
{
    // A row value, so that each arm starts its walk at the position instead of filtering.
    static const QString sql = viewOf(u"c.user_b"_s)
        + u" WHERE c.user_a = :actor AND (c.last_activity_at, c.id) < (:at, :id) UNION ALL "_s + viewOf(u"c.user_a"_s)
        + u" WHERE c.user_b = :actor AND (c.last_activity_at, c.id) < (:at, :id)"
          " ORDER BY 6 DESC, 1 DESC LIMIT :limit"_s;
    return sql;
}

const QString &conversationFor()
{
    static const QString sql = viewOf(u"CASE WHEN c.user_a = :actor THEN c.user_b ELSE c.user_a END"_s)
        + u" WHERE c.id = :conversation AND (c.user_a = :actor OR c.user_b = :actor)"_s;
    return sql;
}

} // namespace rentdesk::models::services::chatsql
