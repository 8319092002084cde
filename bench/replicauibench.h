// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

class QWidget;

namespace rentdesk::bench {

// Lets the window lay out and paint everything pending: what a person would see (both UI
// benches time up to here).
void settle(QWidget *window);

// rentdesk-bench-ui --replica (bench/replicauibench.cpp): the Apartments page on a connected
// replica of `apartments` demo apartments against a standalone database of the same data, and
// `pokes` times the server's poke to the open page showing the changed row. Prints one JSON
// object; the exit code is 1 when something failed or a change never showed.
int runReplicaBench(int apartments, int runs, int pokes);

} // namespace rentdesk::bench
