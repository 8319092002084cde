// SPDX-License-Identifier: GPL-3.0-or-later
#include "bench/benchserver.h"

#include "bench/benchsupport.h"

#include <QElapsedTimer>
#include <QFile>
#include <QProcessEnvironment>
#include <QRegularExpression>
#include <QStringList>

#include <csignal>
#include <sys/prctl.h>

namespace rentdesk::bench {

using namespace Qt::StringLiterals;

BenchServer::BenchServer(const QString &program, const QString &databasePath, const QString &home)
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(u"RENTDESK_KEYRING"_s, u"none"_s);
    env.insert(u"HOME"_s, home);
    env.insert(u"XDG_CONFIG_HOME"_s, home + u"/config"_s);
    // A bench that crashes takes its servers along instead of leaving them running.
    m_process.setChildProcessModifier([] { ::prctl(PR_SET_PDEATHSIG, SIGKILL); });
    m_process.setProcessEnvironment(env);
    // Into a file: nothing reads a pipe while the clients run (this thread waits for
    // them), and a server whose log pipe is full stops in its next write.
    m_logPath = home + u"/server.log"_s;
    m_process.setStandardErrorFile(m_logPath);
    m_process.setProgram(program);
    // All the clients come from 127.0.0.1 and sign up and log in together before the
    // timing: the limits per address, on sign-ups and welcome mails and on the hashing
    // queue are not what is measured, so they are lifted.
    m_process.setArguments({ u"--database"_s, databasePath, u"--listen"_s, u"127.0.0.1:0"_s,
                             u"--max-connections-per-address"_s, u"1000000"_s, u"--login-deadline-seconds"_s,
                             u"86400"_s, u"--login-failures-per-address"_s, u"1000000"_s, u"--signups-per-address"_s,
                             u"1000000"_s, u"--welcome-mails-per-domain"_s, u"1000000"_s, u"--max-hashing-queue"_s,
                             u"100000"_s });
}

BenchServer::~BenchServer()
{
    if (m_process.state() != QProcess::NotRunning) {
        m_process.kill();
        m_process.waitForFinished(5000);
    }
}

bool BenchServer::start(int timeoutMs)
{
    m_process.start();
    if (!m_process.waitForStarted(10000))
        return false;
    static const QRegularExpression line(uR"(listening on (ws://\S+))"_s);
    QByteArray out;
    QElapsedTimer waited;
    waited.start();
    while (waited.elapsed() < timeoutMs && m_process.state() == QProcess::Running) {
        m_process.waitForReadyRead(200);
        out += m_process.readAllStandardOutput();
        if (const auto match = line.match(QString::fromUtf8(out)); match.hasMatch()) {
            m_url = QUrl(match.captured(1));
            return true;
        }
    }
    return false;
}

int BenchServer::stop()
{
    m_process.terminate();
    if (!m_process.waitForFinished(20000))
        return -1;
    return m_process.exitStatus() == QProcess::NormalExit ? m_process.exitCode() : -1;
}

QString BenchServer::errors() const
{
    QFile log(m_logPath);
    return log.open(QIODevice::ReadOnly) ? QString::fromUtf8(log.readAll()) : QString();
}

QString BenchServer::warnings(int lines) const
{
    // The server's warnings, not its log of every connection.
    QStringList warnings;
    for (const QString &line : errors().split(u'\n')) {
        if (!line.contains(u" info: "_s) && !line.isEmpty())
            warnings.append(line);
    }
    return warnings.mid(0, lines).join(u'\n');
}

double BenchServer::cpuSeconds() const
{
    return cpuSecondsOf(m_process.processId());
}

double BenchServer::peakRssMb() const
{
    return peakRssMbOf(u"/proc/%1/status"_s.arg(m_process.processId()));
}

bool BenchServer::resetPeakRss() const
{
    return resetPeakRssOf(u"/proc/%1/clear_refs"_s.arg(m_process.processId()));
}

} // namespace rentdesk::bench
