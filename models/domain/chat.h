// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/domain/enums.h"

#include <QDateTime>
#include <QString>
#include <QUuid>

#include <optional>

namespace rentdesk::models::domain {

// The chat's values (docs/protocol.md, "Chat"), as ChatService reads and returns them. Like
// entities.h they carry no behaviour: the chat rules live in services/chatservice.h.

// What a conversation is about: an apartment or a booking, by id, with the title the client
// gave. A reference kept as metadata, not a row the server holds (DESIGN.md, "Chat").
struct About
{
    AboutKind kind = AboutKind::Apartment;
    QUuid id;
    QString title;

    friend bool operator==(const About &, const About &) = default;
};

// The other person of a conversation, as the actor sees them: no e-mail, no phone.
struct Peer
{
    QUuid id;
    QString displayName;
    Role role = Role::Renter;

    friend bool operator==(const Peer &, const Peer &) = default;
};

struct ChatMessage
{
    QUuid id; // made by the sender's app, so that a resend is recognised
    QUuid conversationId;
    qint64 seq = 0; // 1, 2, 3 … per conversation, in the order the server stored them
    QUuid senderId;
    QString text;
    QDateTime sentAt; // when the server stored it

    friend bool operator==(const ChatMessage &, const ChatMessage &) = default;
};

// One person's watermarks in one conversation: every message up to deliveredUpTo has reached
// their app, every one up to readUpTo has been read (readUpTo <= deliveredUpTo).
struct Marks
{
    qint64 deliveredUpTo = 0;
    qint64 readUpTo = 0;

    friend bool operator==(const Marks &, const Marks &) = default;
};

// A conversation as one of its two people sees it.
struct Conversation
{
    QUuid id;
    Peer peer;
    std::optional<About> about;
    std::optional<ChatMessage> lastMessage;
    qint64 lastSeq = 0; // 0: no message yet
    qint64 unread = 0; // the peer's messages after the viewer's read mark
    Marks ownMarks; // the viewer's
    Marks peerMarks; // the peer's: what the viewer's messages have reached
    QDateTime createdAt;
    QDateTime lastActivityAt; // the latest message's time, or createdAt: the list's order

    friend bool operator==(const Conversation &, const Conversation &) = default;
};

} // namespace rentdesk::models::domain
