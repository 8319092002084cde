// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QProcessEnvironment>
#include <QString>
#include <QStringList>

namespace rentdesk::test {

// How a child process ended: its exit code (-2 when it crashed or was killed, -1 when it
// did not finish in time), and what it wrote.
struct ProcessResult
{
    int exitCode = -1;
    QString out;
    QString err;

    // The lines written to stdout and stderr, without empty ones.
    [[nodiscard]] QStringList outLines() const { return out.split(u'\n', Qt::SkipEmptyParts); }
    [[nodiscard]] QStringList errLines() const { return err.split(u'\n', Qt::SkipEmptyParts); }
};

// What a child rentdesk sees: a home of its own (settings and data under it, never the
// developer's), C.UTF-8, no display, no keyring (the memory fallback) and no SMTP password.
[[nodiscard]] QProcessEnvironment childEnvironment(const QString &home);

// Runs a program to its end while this thread's event loop turns, so that servers in this
// process (a fault-injecting SMTP server) go on answering it; killed after timeoutMs.
[[nodiscard]] ProcessResult runProcess(const QString &program, const QStringList &arguments,
                                       const QProcessEnvironment &environment, int timeoutMs = 120000);

} // namespace rentdesk::test
