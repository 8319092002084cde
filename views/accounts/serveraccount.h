// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

namespace rentdesk::net::protocol {
struct Error;
}

namespace rentdesk::views {

// What is wrong with a server address typed by the user, or an empty string: ws:// or wss://
// with a host, and ws:// (which carries the password in clear) only to this computer.
// `required`: an empty address is a problem too.
[[nodiscard]] QString serverUrlProblem(const QString &text, bool required);

// The server's refusal of a log-in or sign-up in the user's words and language: wrong
// credentials, too many attempts (with the wait), else the server's own message.
[[nodiscard]] QString accountFailureText(const net::protocol::Error &error);

} // namespace rentdesk::views
