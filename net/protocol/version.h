// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

namespace rentdesk::net {

// How RentDesk names itself to the servers it talks to (SMTP EHLO and Message-ID
// domains, the WebSocket handshake): "RentDesk/<version> Qt/<version>".
[[nodiscard]] QString userAgent();

} // namespace rentdesk::net
