// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QStringList>

namespace rentdesk::bench {

// rentdesk-bench --ical [--events N] [--runs R]: iCalendar files of N events (other booking
// sites' exports), written, read and imported into one apartment (first, again unchanged, and
// with every event moved), and libical's costly cases of recurring events; prints one JSON
// object. The exit code is 0 when every run read and imported what it should.
int runIcalBench(const QStringList &arguments);

} // namespace rentdesk::bench
