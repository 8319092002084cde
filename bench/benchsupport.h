// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/db/database.h"
#include "models/query/apartmentquery.h"

#include <QDate>
#include <QList>
#include <QSqlDatabase>
#include <QString>

#include <functional>
#include <vector>

// What the benchmarks share: the fixed "today" of their data, medians and percentiles of timed
// runs, the peak resident set, the machine, waiting in an event loop, and filters of the typical
// shape.
namespace rentdesk::bench {

// The generated data's today, fixed so that runs compare.
inline const QDate Today(2026, 6, 1);

[[nodiscard]] double median(std::vector<double> samples);

// Runs fn for i in [0, runs) and returns the median wall time of one run, in milliseconds.
// fn returns false when its run failed; ok then becomes false.
[[nodiscard]] double medianMs(int runs, bool &ok, const std::function<bool(int)> &fn);

// VmHWM of this process, in MiB.
[[nodiscard]] double peakRssMb();
// VmHWM in a /proc/<pid>/status file, in MiB; -1 when it cannot be read.
[[nodiscard]] double peakRssMbOf(const QString &statusPath);
// Starts this process's VmHWM again from its resident set now (Linux's clear_refs), so that
// peakRssMb() measures what comes after; false when the kernel refused.
bool resetPeakRss();
bool resetPeakRssOf(const QString &clearRefsPath);
// User and system time of this process so far, in seconds.
[[nodiscard]] double processCpuSeconds();
// The same of process pid, from /proc; withChildren adds that of its children, those it has
// waited for and those still running (a PostgreSQL cluster: the postmaster and its backends).
// -1 when /proc does not say.
[[nodiscard]] double cpuSecondsOf(qint64 pid, bool withChildren = false);

// The nearest-rank percentile of samples in nanoseconds, in milliseconds (-1 when empty);
// fraction 1.0 is the maximum.
[[nodiscard]] double percentileMs(std::vector<qint64> samples, double fraction);

// Nanoseconds on the monotonic clock, the same in every thread.
[[nodiscard]] qint64 nowNs();

// Runs the calling thread's event loop until done() or timeoutMs; false on the timeout.
bool waitFor(const std::function<bool()> &done, int timeoutMs);

// The machine, as the figures are reported with it.
[[nodiscard]] QString cpuModel();
[[nodiscard]] double loadAverage();

// One line on stderr, prefixed with the program's name.
void fail(const QString &what);

// The calling thread's connection to database; without one a benchmark cannot run, so a
// failure is reported with fail() and ends the program (exit 1).
[[nodiscard]] QSqlDatabase connectionOf(const models::db::Database &database);

// Filters of the typical shape: one city, the middle half of its prices, two rooms or
// more, free for a week some weeks ahead; count of them, cycling through the cities.
[[nodiscard]] QList<models::query::ApartmentFilter> typicalFilters(const QSqlDatabase &db, int count);

} // namespace rentdesk::bench
