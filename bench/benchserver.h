// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QProcess>
#include <QString>
#include <QUrl>

namespace rentdesk::bench {

// rentdesk-server on a free loopback port with a database of its own, for the whole run of a
// benchmark whose clients are in the bench's process (--chat, --sync).
class BenchServer final
{
public:
    BenchServer(const QString &program, const QString &databasePath, const QString &home);
    ~BenchServer();
    Q_DISABLE_COPY_MOVE(BenchServer)

    // Starts it and waits (bounded) for its "listening on" line.
    bool start(int timeoutMs = 30000);
    // SIGTERM, and its exit code (-1: it did not end by itself).
    int stop();
    [[nodiscard]] QUrl url() const { return m_url; }
    [[nodiscard]] QString errors() const;
    // The lines of its log that are not info: its warnings, at most `lines` of them.
    [[nodiscard]] QString warnings(int lines) const;
    // User and system time so far, from /proc.
    [[nodiscard]] double cpuSeconds() const;
    // Its peak resident set (VmHWM) so far, in MiB; -1 when /proc does not say.
    [[nodiscard]] double peakRssMb() const;
    // Starts its peak resident set again from what it holds now, so that peakRssMb() covers
    // what comes after (and not, say, the start-up); false when the kernel refused.
    bool resetPeakRss() const;

private:
    QProcess m_process;
    QString m_logPath;
    QUrl m_url;
};

} // namespace rentdesk::bench
