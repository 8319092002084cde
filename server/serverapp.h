// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "server/serverconfig.h"

namespace rentdesk::server {

// The composition root of rentdesk-server: the database (the desktop's migrations), the
// services' router, the WebSocket endpoint, the outbox sender for the mail the services
// queue, and the shutdown on SIGTERM. Runs to the end and returns the exit code.
[[nodiscard]] int runServer(const ServerConfig &config);

} // namespace rentdesk::server
