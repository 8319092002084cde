// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/chat.h"
#include "domain/entities.h"
#include "protocol/chatjson.h"
#include "protocol/protocol.h"
#include "services/accountservice.h"

#include <QJsonObject>

#include <expected>
#include <optional>

namespace rentdesk::server {

// Between the services' values and the protocol's JSON, on the server: what a request's
// fields become for a service, and what a service's answer looks like on the wire.

// signup's fields (docs/protocol.md), read and typed; the rules are AccountService's.
[[nodiscard]] std::expected<services::AccountService::SignUp, protocol::Error> readSignUp(const QJsonObject &body);
// chat.start's optional "about".
[[nodiscard]] std::expected<std::optional<domain::About>, protocol::Error> readAbout(const QJsonObject &body);

[[nodiscard]] protocol::UserJson userJson(const domain::User &user);
[[nodiscard]] protocol::ChatMessageJson messageJson(const domain::ChatMessage &message);
[[nodiscard]] protocol::ConversationJson conversationJson(const domain::Conversation &conversation);

} // namespace rentdesk::server
