// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QStringList>

namespace rentdesk::bench {

// rentdesk-bench --sync: the desktop's sync engine against the real rentdesk-server on
// loopback (a first pull, a push of offline changes, pokes to many clients); prints one JSON
// object. The exit code is 0 when every row, mutation and change arrived.
int runSyncBench(const QStringList &arguments);

} // namespace rentdesk::bench
