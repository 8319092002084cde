// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QStringList>

namespace rentdesk::bench {

// rentdesk-bench --chat: the real rentdesk-server on loopback, relaying between clients in
// this process; prints one JSON object. The exit code is 0 when every message was stored,
// acknowledged and delivered.
int runChatBench(const QStringList &arguments);

} // namespace rentdesk::bench
