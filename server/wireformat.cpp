// SPDX-License-Identifier: GPL-3.0-or-later
#include "server/wireformat.h"

#include "net/protocol/message.h"

namespace rentdesk::server {

using namespace Qt::StringLiterals;
using net::protocol::Error;
using net::protocol::ErrorCode;

namespace {

template<typename E> std::expected<E, Error> readCode(const QJsonObject &body, QStringView field)
{
    const auto text = net::protocol::requireString(body, field, 32);
    if (!text)
        return std::unexpected(text.error());
    const auto value = models::domain::fromCode<E>(*text);
    if (!value)
        return std::unexpected(Error::make(ErrorCode::BadRequest, value.error().message(), field.toString()));
    return *value;
}

} // namespace

std::expected<models::services::AccountService::SignUp, Error> readSignUp(const QJsonObject &body)
{
    models::services::AccountService::SignUp request;
    const auto email = net::protocol::requireString(body, u"email", net::protocol::MaxEmailChars);
    if (!email)
        return std::unexpected(email.error());
    const auto password = net::protocol::requireString(body, u"password", 1024);
    if (!password)
        return std::unexpected(password.error());
    const auto name = net::protocol::requireString(body, u"displayName", net::protocol::MaxDisplayNameChars);
    if (!name)
        return std::unexpected(name.error());
    const auto phone = net::protocol::optionalString(body, u"phone", 50);
    if (!phone)
        return std::unexpected(phone.error());
    const auto role = readCode<models::domain::Role>(body, u"role");
    if (!role)
        return std::unexpected(role.error());
    const auto language = readCode<models::domain::Language>(body, u"language");
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

std::expected<std::optional<models::domain::About>, Error> readAbout(const QJsonObject &body)
{
    const auto object = net::protocol::optionalObject(body, u"about");
    if (!object)
        return std::unexpected(object.error());
    if (!*object)
        return std::optional<models::domain::About>();
    const auto about = net::protocol::About::fromJson(**object);
    if (!about)
        return std::unexpected(net::protocol::nested(about.error(), u"about"));
    models::domain::About result;
    result.kind = about->kind == net::protocol::About::Kind::Apartment ? models::domain::AboutKind::Apartment
                                                                       : models::domain::AboutKind::Booking;
    result.id = about->id;
    result.title = about->title;
    return std::optional<models::domain::About>(result);
}

net::protocol::UserJson userJson(const models::domain::User &user)
{
    net::protocol::UserJson json;
    json.id = user.id;
    json.email = user.email;
    json.displayName = user.displayName;
    json.role = user.role;
    json.language = user.language;
    return json;
}

net::protocol::ChatMessageJson messageJson(const models::domain::ChatMessage &message)
{
    net::protocol::ChatMessageJson json;
    json.id = message.id;
    json.conversationId = message.conversationId;
    json.seq = message.seq;
    json.senderId = message.senderId;
    json.text = message.text;
    json.sentAt = message.sentAt;
    return json;
}

net::protocol::ConversationJson conversationJson(const models::domain::Conversation &conversation)
{
    net::protocol::ConversationJson json;
    json.id = conversation.id;
    json.peer.id = conversation.peer.id;
    json.peer.displayName = conversation.peer.displayName;
    json.peer.role = conversation.peer.role;
    if (conversation.about) {
        net::protocol::About about;
        about.kind = conversation.about->kind == models::domain::AboutKind::Apartment
            ? net::protocol::About::Kind::Apartment
            : net::protocol::About::Kind::Booking;
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

QByteArray refusal(const QString &id, const models::services::DomainError &error)
{
    return net::protocol::errorReply(id, Error::fromDomain(error));
}

QByteArray asBadRequest(const QString &id, const models::services::DomainError &error)
{
    if (error.code != models::services::DomainError::Code::InvalidValue)
        return refusal(id, error);
    return net::protocol::errorReply(id, Error::make(ErrorCode::BadRequest, error.message, error.field));
}

} // namespace rentdesk::server
