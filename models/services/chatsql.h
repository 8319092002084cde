// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/db/engine.h"

#include <QString>

namespace rentdesk::models::services::chatsql {

// The statements of ChatService, each one fixed text built once: the values are always
// bound, so a statement cache can keep every one of them prepared, and the tests can check
// the plan of each (tst_chatservice). Every lookup goes through a primary key or an index:
// nothing here reads a table or a conversation's whole history.

// send(), in this order, in one transaction.
[[nodiscard]] const QString &conversationOfMember(); // :conversation -> user_a, user_b, last_seq, last_activity_at
[[nodiscard]] // conversationOfMember(), the row locked for numbering its messages (on PostgreSQL).
const QString &
conversationToNumber(db::Engine engine);
const QString &insertMessage(); // :id, … :sent_at; nothing when the id is stored
[[nodiscard]] const QString &advanceConversation(); // :conversation, :seq, :activity
[[nodiscard]] const QString &writeMarks(); // :conversation, :user, :delivered, :read (an upsert)
// send() only for a resend: the stored message with that id.
[[nodiscard]] const QString &messageById(); // :id

// history(): messages with :after < seq < :before, walked from either end; :limit rows.
[[nodiscard]] const QString &historyBackwards();
[[nodiscard]] const QString &historyForwards();

// markDelivered(), markRead(): the conversation and the actor's marks (then writeMarks()).
[[nodiscard]] const QString &conversationWithMarks(); // :conversation, :actor

// start(), list(), conversation().
[[nodiscard]] const QString &userIdByEmail(); // :email
[[nodiscard]] const QString &pairWithoutAbout(); // :a, :b
[[nodiscard]] const QString &pairAbout(); // :a, :b, :kind, :about
[[nodiscard]] const QString &insertConversation();
[[nodiscard]] const QString &conversationsOf(); // :actor, :limit, latest activity first
// The same after a position of the list: :at and :id, the last one of the page before.
[[nodiscard]] const QString &conversationsOfAfter();
[[nodiscard]] const QString &conversationFor(); // :actor, :conversation

} // namespace rentdesk::models::services::chatsql
