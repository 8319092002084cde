// SPDX-License-Identifier: GPL-3.0-or-later
#include "wireformat.h"

#include "protocol/message.h"

namespace rentdesk::server {

using namespace Qt::StringLiterals;
using protocol::Error;
using protocol::ErrorCode;

namespace {

template<typename E> std::expected<E, Error> readCode(const QJsonObject &body, QStringView field)
{
    const auto text = protocol::requireString(body, field, 32);
    if (!text)
        return std::unexpected(text.error());
    const auto value = domain::fromCode<E>(*text);
    if (!value)
        return std::unexpected(Error::make(ErrorCode::BadRequest, value.error().message(), field.toString()));
    return *value;
}

} // namespace

std::expected<services::AccountService::SignUp, Error> readSignUp(const QJsonObject &body)
{
    services::AccountService::SignUp request;
    const auto email = protocol::requireString(body, u"email", protocol::MaxEmailChars);
    if (!email)
        return std::unexpected(email.error());
    const auto password = protocol::requireString(body, u"password", 1024);
    if (!password)
        return std::unexpected(password.error());
    const auto name = protocol::requireString(body, u"displayName", protocol::MaxDisplayNameChars);
    if (!name)
        return std::unexpected(name.error());
    const auto phone = protocol::optionalString(body, u"phone", 50);
    if (!phone)
        return std::unexpected(phone.error());
    const auto role = readCode<domain::Role>(body, u"role");
    if (!role)
        return std::unexpected(role.error());
    const auto language = readCode<domain::Language>(body, u"language");
    if (!language)
        return std::unexpected(language.error());
    request.email = *email;
    request.password = *password;
    request.displayName = *name;
    request.phone = phone->value_or(QString());
    request.role = *role;
    request.language = *language;
    return request;
}

std::expected<std::optional<domain::About>, Error> readAbout(const QJsonObject &body)
{
    const auto object = protocol::optionalObject(body, u"about");
    if (!object)
        return std::unexpected(object.error());
    if (!*object)
        return std::optional<domain::About>();
    const auto about = protocol::About::fromJson(**object);
    if (!about)
        return std::unexpected(protocol::nested(about.error(), u"about"));
    domain::About result;
    result.kind = about->kind == protocol::About::Kind::Apartment ? domain::AboutKind::Apartment
                                                                   : domain::AboutKind::Booking;
    result.id = about->id;
    result.title = about->title;
    return std::optional<domain::About>(result);
}

protocol::UserJson userJson(const domain::User &user)
{
    protocol::UserJson json;
    json.id = user.id;
    json.email = user.email;
    json.displayName = user.displayName;
    json.role = user.role;
    json.language = user.language;
    return json;
}

protocol::ChatMessageJson messageJson(const domain::ChatMessage &message)
{
    protocol::ChatMessageJson json;
    json.id = message.id;
    json.conversationId = message.conversationId;
    json.seq = message.seq;
    json.senderId = message.senderId;
    json.text = message.text;
    json.sentAt = message.sentAt;
    return json;
}

protocol::ConversationJson conversationJson(const domain::Conversation &conversation)
{
    protocol::ConversationJson json;
    json.id = conversation.id;
    json.peer.id = conversation.peer.id;
    json.peer.displayName = conversation.peer.displayName;
    json.peer.role = conversation.peer.role;
    if (conversation.about) {
        protocol::About about;
        about.kind = conversation.about->kind == domain::AboutKind::Apartment ? protocol::About::Kind::Apartment
                                                                              : protocol::About::Kind::Booking;
        about.id = conversation.about->id;
        about.title = conversation.about->title;
        json.about = about;
    }
    if (conversation.lastMessage)
        json.lastMessage = messageJson(*conversation.lastMessage);
    json.unread = conversation.unread;
    json.peerDeliveredUpTo = conversation.peerMarks.deliveredUpTo;
    json.peerReadUpTo = conversation.peerMarks.readUpTo;
    return json;
}

} // namespace rentdesk::server
