// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/domain/chat.h"
#include "models/services/servicecontext.h"

#include <QList>
#include <QString>
#include <QUuid>

#include <memory>
#include <optional>

namespace rentdesk::models::db {
}

namespace rentdesk::models::services {

// The chat's rules, on the server (docs/protocol.md, "Chat"): conversations between two
// people, optionally about an apartment or a booking; messages numbered per conversation
// from 1 without gaps and stored once under the UUID the sender's app made; delivered and
// read watermarks that only grow. The acting user is an argument of every call and is
// checked against the conversation: someone who is not one of its two people gets NotFound,
// exactly as for a conversation that does not exist, so that ids cannot be probed. Each call
// is one transaction; send() is four indexed statements, and sendBatch() stores many sends in
// one transaction, since the server relays thousands of messages a second (its statements
// stay prepared, as db::exec() keeps them). Server mode only (NotInThisMode elsewhere).
class ChatService final
{
public:
    explicit ChatService(ServiceContext context);
    ~ChatService();
    Q_DISABLE_COPY_MOVE(ChatService)

    // Characters (Unicode code points, as SQLite's length() counts them), as the protocol's
    // maxChatChars.
    static constexpr qint64 MaxTextLength = 4000;
    static constexpr qint64 MaxTitleLength = 200;
    static constexpr int MaxHistoryLimit = 200;

    struct Started
    {
        domain::Conversation conversation; // as the actor sees it
        bool created = false; // false: the pair already had it (the server pushes only a new one)
    };

    struct SendResult
    {
        domain::ChatMessage message;
        bool duplicate = false; // a resend: the stored message, nothing changed
        QUuid peer; // the other person, whom the server pushes the message to
    };

    // One message of sendBatch(): what send() takes.
    struct Outgoing
    {
        QUuid actor;
        QUuid conversation;
        QUuid messageId;
        QString text;
    };

    struct History
    {
        QList<domain::ChatMessage> messages; // ascending seq
        bool more = false; // there are older ones (or, after afterSeq, newer ones)
    };

    struct MarksUpdate
    {
        domain::Marks marks; // the actor's, after the call
        bool changed = false; // the server pushes a receipt only when they moved
        QUuid peer; // whom the receipt goes to
    };

    // The conversation of the actor and the person with this e-mail (normalised as at
    // sign-up) about this, made if the pair has none yet. NotFound when no account has the
    // e-mail, NotAllowed with one's own. An about needs an id and a title of 1–200
    // characters (trimmed); a later start with another title keeps the first.
    [[nodiscard]] Result<Started> start(const QUuid &actor, const QString &peerEmail,
                                        const std::optional<domain::About> &about) const;

    // One conversation as the actor sees it (for the chat.conversation push, the peer's view).
    [[nodiscard]] Result<domain::Conversation> conversation(const QUuid &actor, const QUuid &conversation) const;

    // Where a page of the conversation list ends: the last conversation's activity and id.
    struct ListPosition
    {
        QDateTime lastActivityAt;
        QUuid id;
    };
    struct ConversationPage
    {
        QList<domain::Conversation> conversations;
        bool more = false; // there are older ones, after the last of this page
    };
    static constexpr int MaxListLimit = 200;

    // The actor's conversations, latest activity first (the latest message, or the start):
    // at most limit (1–200), after `after` when given (the last of the page before).
    [[nodiscard]] Result<ConversationPage> list(const QUuid &actor, const std::optional<ListPosition> &after = {},
                                                int limit = MaxListLimit) const;

    // Stores a message as the next seq. The text is taken as it is (nothing trimmed): 1 to
    // 4000 characters, no NUL or unpaired surrogate (InvalidValue on "text"). A messageId
    // the same sender already used in this conversation is a resend: the stored message,
    // duplicate = true, nothing changed; used anywhere else it is InvalidValue on
    // "messageId". The sender's own delivered and read marks move to the new message.
    [[nodiscard]] Result<SendResult> send(const QUuid &actor, const QUuid &conversation, const QUuid &messageId,
                                          const QString &text) const;

    // Stores several messages, in their order, in one transaction (a group commit): one
    // result per message, in the same order, each by every rule of send() — a refusal
    // (invalid text, not found, an id used elsewhere) is that message's alone and the others
    // are stored; a messageId sent twice in the batch is stored once, the second a resend.
    // Each conversation's seq runs on without gaps across the batch, a refused message
    // taking none. The outer error is the batch's (the transaction could not begin or
    // commit, or the storage failed): then nothing of it is stored, so a caller that answers
    // only after this returns has acknowledged nothing that is not committed.
    [[nodiscard]] Result<QList<Result<SendResult>>> sendBatch(const QList<Outgoing> &messages) const;

    // At most limit (1–200) messages in ascending seq: the latest ones before beforeSeq (or
    // the latest of all), or, with afterSeq, the first ones after it (what a reconnecting
    // client missed); with both, the first ones between them. beforeSeq >= 1, afterSeq >= 0.
    [[nodiscard]] Result<History> history(const QUuid &actor, const QUuid &conversation,
                                          std::optional<qint64> beforeSeq, std::optional<qint64> afterSeq,
                                          int limit) const;

    // The actor's app has stored (delivered) or the person has read every message up to
    // upToSeq. Watermarks only grow: a lower value changes nothing and is not an error; one
    // above the conversation's last message is InvalidValue on "upToSeq". Read implies
    // delivered.
    [[nodiscard]] Result<MarksUpdate> markDelivered(const QUuid &actor, const QUuid &conversation,
                                                    qint64 upToSeq) const;
    [[nodiscard]] Result<MarksUpdate> markRead(const QUuid &actor, const QUuid &conversation, qint64 upToSeq) const;

    // The conversation's two people, for the server to know whom to push to. No actor and
    // no membership check: this is for the server's own use, never the answer to a
    // client's request.
    [[nodiscard]] Result<QList<QUuid>> members(const QUuid &conversation) const;

    // A message's text by send()'s rules: 1 to 4000 characters, no NUL or unpaired
    // surrogate (InvalidValue on "text"). The desktop's chat queue holds to them too.
    [[nodiscard]] static Result<void> checkText(const QString &text);

    // Unicode code points: a pair of UTF-16 surrogates is one character, as in SQLite.
    [[nodiscard]] static qint64 characterCount(const QString &text);

private:
    [[nodiscard]] Result<void> requireServer() const;
    [[nodiscard]] Result<MarksUpdate> mark(const QUuid &actor, const QUuid &conversation, qint64 upToSeq,
                                           bool read) const;

    ServiceContext m_context;
};

} // namespace rentdesk::models::services
