// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/domain/chat.h"
#include "models/domain/entities.h"
#include "models/services/accountservice.h"
#include "models/services/domainerror.h"
#include "net/protocol/chatjson.h"
#include "net/protocol/protocol.h"

#include <QByteArray>
#include <QJsonObject>

#include <expected>
#include <optional>

namespace rentdesk::server {

// Between the services' values and the protocol's JSON, on the server: what a request's
// fields become for a service, and what a service's answer looks like on the wire.

// signup's fields (docs/protocol.md), read and typed; the rules are AccountService's.
[[nodiscard]] std::expected<models::services::AccountService::SignUp, net::protocol::Error>
readSignUp(const QJsonObject &body);
// chat.start's optional "about".
[[nodiscard]] std::expected<std::optional<models::domain::About>, net::protocol::Error>
readAbout(const QJsonObject &body);

// A service's refusal as the error reply to request `id`.
[[nodiscard]] QByteArray refusal(const QString &id, const models::services::DomainError &error);
// A service's InvalidValue that docs/protocol.md calls bad_request, naming the field: a seq
// beyond the conversation's last message, a messageId already used for another message.
[[nodiscard]] QByteArray asBadRequest(const QString &id, const models::services::DomainError &error);

[[nodiscard]] net::protocol::UserJson userJson(const models::domain::User &user);
[[nodiscard]] net::protocol::ChatMessageJson messageJson(const models::domain::ChatMessage &message);
[[nodiscard]] net::protocol::ConversationJson conversationJson(const models::domain::Conversation &conversation);

} // namespace rentdesk::server
