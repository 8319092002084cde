// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/domain/enums.h"
#include "net/protocol/protocol.h"

#include <QDateTime>
#include <QJsonObject>
#include <QString>
#include <QUuid>

#include <expected>
#include <optional>

// The JSON of the accounts' and chat's objects, exactly as docs/protocol.md shows them, both
// ways. Plain structs of their own, not the services' types, so that nothing here needs the
// database. Each fromJson refuses what toJson would not write, with bad_request naming the
// field by its path inside the object ("peer.role").
namespace rentdesk::net::protocol {

// Lengths the codec holds text fields to (characters), the services' limits where they have
// one: an e-mail address has at most 254, a display name 200.
constexpr int MaxEmailChars = 254;
constexpr int MaxDisplayNameChars = 200;
constexpr int MaxAboutTitleChars = 200;

// A user as they see themselves (the replies to signup, login and resume).
struct UserJson
{
    QUuid id;
    QString email;
    QString displayName;
    models::domain::Role role = models::domain::Role::Renter;
    models::domain::Language language = models::domain::Language::English;

    [[nodiscard]] QJsonObject toJson() const;
    [[nodiscard]] static std::expected<UserJson, Error> fromJson(const QJsonObject &object);

    friend bool operator==(const UserJson &, const UserJson &) = default;
};

// The other person of a conversation: no e-mail address.
struct PeerJson
{
    QUuid id;
    QString displayName;
    models::domain::Role role = models::domain::Role::Renter;

    [[nodiscard]] QJsonObject toJson() const;
    [[nodiscard]] static std::expected<PeerJson, Error> fromJson(const QJsonObject &object);

    friend bool operator==(const PeerJson &, const PeerJson &) = default;
};

// What a conversation is about: a reference to an apartment or a booking with the title
// the client gave, kept as metadata until sync puts those rows on the server.
struct About
{
    enum class Kind { Apartment, Booking };

    Kind kind = Kind::Apartment;
    QUuid id;
    QString title;

    [[nodiscard]] QJsonObject toJson() const;
    [[nodiscard]] static std::expected<About, Error> fromJson(const QJsonObject &object);
    // "apartment", "booking".
    [[nodiscard]] static QString kindCode(Kind kind);

    friend bool operator==(const About &, const About &) = default;
};

// One chat message: its client-made id and its place (seq, from 1) in the conversation.
struct ChatMessageJson
{
    QUuid id;
    QUuid conversationId;
    qint64 seq = 0;
    QUuid senderId;
    QString text;
    QDateTime sentAt;

    [[nodiscard]] QJsonObject toJson() const;
    // The text may be as long as the server's announced maxChatChars.
    [[nodiscard]] static std::expected<ChatMessageJson, Error> fromJson(const QJsonObject &object,
                                                                        int maxTextChars = Limits().maxChatChars);

    friend bool operator==(const ChatMessageJson &, const ChatMessageJson &) = default;
};

// A conversation as its user sees it: the peer, what it is about, the latest message, how
// many are unread, and how far the peer has received and read (0: nothing yet).
struct ConversationJson
{
    QUuid id;
    PeerJson peer;
    std::optional<About> about;
    std::optional<ChatMessageJson> lastMessage;
    qint64 unread = 0;
    qint64 peerDeliveredUpTo = 0;
    qint64 peerReadUpTo = 0;

    [[nodiscard]] QJsonObject toJson() const;
    // Also refuses a last message of another conversation and a peer who has read more than
    // was delivered to them (read implies delivered).
    [[nodiscard]] static std::expected<ConversationJson, Error> fromJson(const QJsonObject &object,
                                                                         int maxTextChars = Limits().maxChatChars);

    friend bool operator==(const ConversationJson &, const ConversationJson &) = default;
};

} // namespace rentdesk::net::protocol
