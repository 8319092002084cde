// SPDX-License-Identifier: GPL-3.0-or-later
#include "net/protocol/chatjson.h"

#include "models/domain/storedvalues.h"
#include "net/protocol/message.h"

#include <QJsonValue>

#include <array>

namespace rentdesk::net::protocol {

using namespace Qt::StringLiterals;

// The sentences here are plain English, not tr(): see Error.

namespace {

// No code is longer; the limit only keeps the refusal's message short.
constexpr int MaxCodeChars = 32;

const std::array<std::pair<About::Kind, QLatin1String>, 2> aboutKinds { {
    { About::Kind::Apartment, "apartment"_L1 },
    { About::Kind::Booking, "booking"_L1 },
} };

std::unexpected<Error> oneOf(QStringView field, const QString &codes)
{
    return std::unexpected(Error::make(ErrorCode::BadRequest,
                                       u"\"%1\" must be one of: %2."_s.arg(field.toString(), codes), field.toString()));
}

// A domain enum by its stored code ("landlord"), which is also its wire code.
template<typename E> std::expected<E, Error> requireCode(const QJsonObject &object, QStringView field)
{
    const auto text = requireString(object, field, MaxCodeChars);
    if (!text)
        return std::unexpected(text.error());
    const auto value = models::domain::fromCode<E>(*text);
    if (!value)
        return oneOf(field, value.error().expected);
    return *value;
}

template<typename T> QJsonValue toJsonOrNull(const std::optional<T> &value)
{
    return value ? QJsonValue(value->toJson()) : QJsonValue(QJsonValue::Null);
}

} // namespace

QJsonObject UserJson::toJson() const
{
    return QJsonObject {
        { u"id"_s, models::domain::toStoredId(id) },
        { u"email"_s, email },
        { u"displayName"_s, displayName },
        { u"role"_s, models::domain::toCode(role) },
        { u"language"_s, models::domain::toCode(language) },
    };
}

std::expected<UserJson, Error> UserJson::fromJson(const QJsonObject &object)
{
    const auto id = requireUuid(object, u"id");
    if (!id)
        return std::unexpected(id.error());
    const auto email = requireString(object, u"email", MaxEmailChars);
    if (!email)
        return std::unexpected(email.error());
    const auto displayName = requireString(object, u"displayName", MaxDisplayNameChars);
    if (!displayName)
        return std::unexpected(displayName.error());
    const auto role = requireCode<models::domain::Role>(object, u"role");
    if (!role)
        return std::unexpected(role.error());
    const auto language = requireCode<models::domain::Language>(object, u"language");
    if (!language)
        return std::unexpected(language.error());

    UserJson user;
    user.id = *id;
    user.email = *email;
    user.displayName = *displayName;
    user.role = *role;
    user.language = *language;
    return user;
}

QJsonObject PeerJson::toJson() const
{
    return QJsonObject {
        { u"id"_s, models::domain::toStoredId(id) },
        { u"displayName"_s, displayName },
        { u"role"_s, models::domain::toCode(role) },
    };
}

std::expected<PeerJson, Error> PeerJson::fromJson(const QJsonObject &object)
{
    const auto id = requireUuid(object, u"id");
    if (!id)
        return std::unexpected(id.error());
    const auto displayName = requireString(object, u"displayName", MaxDisplayNameChars);
    if (!displayName)
        return std::unexpected(displayName.error());
    const auto role = requireCode<models::domain::Role>(object, u"role");
    if (!role)
        return std::unexpected(role.error());

    PeerJson peer;
    peer.id = *id;
    peer.displayName = *displayName;
    peer.role = *role;
    return peer;
}

QString About::kindCode(Kind kind)
{
    for (const auto &[value, code] : aboutKinds) {
        if (value == kind)
            return QString(code);
    }
    Q_UNREACHABLE();
    return {};
}

QJsonObject About::toJson() const
{
    return QJsonObject {
        { u"kind"_s, kindCode(kind) },
        { u"id"_s, models::domain::toStoredId(id) },
        { u"title"_s, title },
    };
}

std::expected<About, Error> About::fromJson(const QJsonObject &object)
{
    const auto kindText = requireString(object, u"kind", MaxCodeChars);
    if (!kindText)
        return std::unexpected(kindText.error());
    std::optional<Kind> kind;
    for (const auto &[value, code] : aboutKinds) {
        if (*kindText == code)
            kind = value;
    }
    if (!kind)
        return oneOf(u"kind", u"apartment, booking"_s);
    const auto id = requireUuid(object, u"id");
    if (!id)
        return std::unexpected(id.error());
    const auto title = requireString(object, u"title", MaxAboutTitleChars);
    if (!title)
        return std::unexpected(title.error());

    About about;
    about.kind = *kind;
    about.id = *id;
    about.title = *title;
    return about;
}

QJsonObject ChatMessageJson::toJson() const
{
    return QJsonObject {
        { u"id"_s, models::domain::toStoredId(id) },
        { u"conversationId"_s, models::domain::toStoredId(conversationId) },
        { u"seq"_s, seq },
        { u"senderId"_s, models::domain::toStoredId(senderId) },
        { u"text"_s, text },
        { u"sentAt"_s, models::domain::toStoredTimestamp(sentAt) },
    };
}

std::expected<ChatMessageJson, Error> ChatMessageJson::fromJson(const QJsonObject &object, int maxTextChars)
{
    const auto id = requireUuid(object, u"id");
    if (!id)
        return std::unexpected(id.error());
    const auto conversationId = requireUuid(object, u"conversationId");
    if (!conversationId)
        return std::unexpected(conversationId.error());
    const auto seq = requireInt(object, u"seq", 1, MaxJsonInteger);
    if (!seq)
        return std::unexpected(seq.error());
    const auto senderId = requireUuid(object, u"senderId");
    if (!senderId)
        return std::unexpected(senderId.error());
    const auto text = requireString(object, u"text", maxTextChars);
    if (!text)
        return std::unexpected(text.error());
    const auto sentAt = requireTimestamp(object, u"sentAt");
    if (!sentAt)
        return std::unexpected(sentAt.error());

    ChatMessageJson message;
    message.id = *id;
    message.conversationId = *conversationId;
    message.seq = *seq;
    message.senderId = *senderId;
    message.text = *text;
    message.sentAt = *sentAt;
    return message;
}

QJsonObject ConversationJson::toJson() const
{
    return QJsonObject {
        { u"id"_s, models::domain::toStoredId(id) },
        { u"peer"_s, peer.toJson() },
        // Written as null rather than left out, as docs/protocol.md shows them.
        { u"about"_s, toJsonOrNull(about) },
        { u"lastMessage"_s, toJsonOrNull(lastMessage) },
        { u"unread"_s, unread },
        { u"peerDeliveredUpTo"_s, peerDeliveredUpTo },
        { u"peerReadUpTo"_s, peerReadUpTo },
    };
}

std::expected<ConversationJson, Error> ConversationJson::fromJson(const QJsonObject &object, int maxTextChars)
{
    const auto id = requireUuid(object, u"id");
    if (!id)
        return std::unexpected(id.error());

    const auto peerObject = requireObject(object, u"peer");
    if (!peerObject)
        return std::unexpected(peerObject.error());
    const auto peer = PeerJson::fromJson(*peerObject);
    if (!peer)
        return std::unexpected(nested(peer.error(), u"peer"));

    const auto aboutObject = optionalObject(object, u"about");
    if (!aboutObject)
        return std::unexpected(aboutObject.error());
    std::optional<About> about;
    if (*aboutObject) {
        const auto read = About::fromJson(**aboutObject);
        if (!read)
            return std::unexpected(nested(read.error(), u"about"));
        about = *read;
    }

    const auto lastObject = optionalObject(object, u"lastMessage");
    if (!lastObject)
        return std::unexpected(lastObject.error());
    std::optional<ChatMessageJson> lastMessage;
    if (*lastObject) {
        const auto read = ChatMessageJson::fromJson(**lastObject, maxTextChars);
        if (!read)
            return std::unexpected(nested(read.error(), u"lastMessage"));
        if (read->conversationId != *id) {
            return std::unexpected(Error::make(ErrorCode::BadRequest,
                                               u"\"lastMessage.conversationId\" must be the conversation's id."_s,
                                               u"lastMessage.conversationId"_s));
        }
        lastMessage = *read;
    }

    const auto unread = requireInt(object, u"unread", 0, MaxJsonInteger);
    if (!unread)
        return std::unexpected(unread.error());
    const auto delivered = requireInt(object, u"peerDeliveredUpTo", 0, MaxJsonInteger);
    if (!delivered)
        return std::unexpected(delivered.error());
    // Read implies delivered, so the read watermark never passes the delivered one.
    const auto read = requireInt(object, u"peerReadUpTo", 0, *delivered);
    if (!read)
        return std::unexpected(read.error());

    ConversationJson conversation;
    conversation.id = *id;
    conversation.peer = *peer;
    conversation.about = about;
    conversation.lastMessage = lastMessage;
    conversation.unread = *unread;
    conversation.peerDeliveredUpTo = *delivered;
    conversation.peerReadUpTo = *read;
    return conversation;
}

} // namespace rentdesk::net::protocol
