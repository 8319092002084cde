// SPDX-License-Identifier: GPL-3.0-or-later
#include "tests/support/smtptestserver.h"

#include <QDir>
#include <QEventLoop>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonParseError>
#include <QProcessEnvironment>
#include <QTemporaryDir>
#include <QTimer>

namespace rentdesk::test {

using namespace Qt::StringLiterals;

namespace {

// Long enough for a loaded CI machine under ASan to start Python and import asyncio and
// aiosmtpd (well under a second normally); short enough that a hang fails the test.
constexpr int readyTimeoutMs = 20000;
constexpr int certificatesTimeoutMs = 30000;
// After stdin's EOF the server closes its socket and exits at once; the bounds only
// keep a wedged child from holding the test.
constexpr int exitTimeoutMs = 5000;
constexpr int killTimeoutMs = 3000;
// The script's exit code for "a module Debian packages separately is missing".
constexpr int exitMissingModule = 3;
// Enough of stderr for a traceback; a server that logs in a loop must not fill memory.
constexpr qsizetype maxStderrBytes = qsizetype { 64 } * 1024;

QString modeName(SmtpTestServer::Mode mode)
{
    switch (mode) {
    case SmtpTestServer::Mode::StartTls:
        return u"starttls"_s;
    case SmtpTestServer::Mode::ImplicitTls:
        return u"implicit"_s;
    case SmtpTestServer::Mode::Plain:
        return u"plain"_s;
    }
    return u"plain"_s;
}

QProcessEnvironment pythonEnvironment()
{
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    // Cyrillic user names reach argv, and stdio is UTF-8, whatever the test's locale is.
    environment.insert(u"PYTHONUTF8"_s, u"1"_s);
    // Nothing written into the source tree next to the script.
    environment.insert(u"PYTHONDONTWRITEBYTECODE"_s, u"1"_s);
    // Debian's Python with Debian's packages, not whatever a developer's pyenv or
    // virtualenv points these at.
    environment.remove(u"PYTHONHOME"_s);
    environment.remove(u"PYTHONPATH"_s);
    return environment;
}

} // namespace

SmtpTestServer::SmtpTestServer(QObject *parent)
    : QObject(parent)
{
    m_process.setProgram(pythonPath());
    m_process.setProcessEnvironment(pythonEnvironment());
    connect(&m_process, &QProcess::readyReadStandardOutput, this, &SmtpTestServer::readStandardOutput);
    connect(&m_process, &QProcess::readyReadStandardError, this, [this] {
        m_stderr += m_process.readAllStandardError();
        if (m_stderr.size() > maxStderrBytes)
            m_stderr = m_stderr.right(maxStderrBytes);
    });
}

SmtpTestServer::~SmtpTestServer()
{
    // The test's slots may already be gone; the last lines are not for them.
    blockSignals(true);
    stop();
}

QString SmtpTestServer::scriptPath()
{
    return QString::fromUtf8(RENTDESK_SOURCE_DIR) + u"/tests/mail/smtpserver.py"_s;
}

QString SmtpTestServer::pythonPath()
{
    // Debian's own Python: the one that has python3-aiosmtpd and python3-cryptography.
    // The first python3 on PATH may be another one without them.
    return u"/usr/bin/python3"_s;
}

QString SmtpTestServer::certsDir() const
{
    return m_certs ? m_certs->path() : QString();
}

QString SmtpTestServer::caFile() const
{
    return certFile(u"ca.pem"_s);
}

QString SmtpTestServer::certFile(const QString &name) const
{
    return m_certs ? m_certs->filePath(name) : QString();
}

QString SmtpTestServer::standardError() const
{
    return QString::fromUtf8(m_stderr);
}

bool SmtpTestServer::isRunning() const
{
    return m_process.state() != QProcess::NotRunning;
}

QByteArray SmtpTestServer::rawBytes(const QJsonObject &message)
{
    return QByteArray::fromBase64(message.value(u"raw_b64"_s).toString().toLatin1());
}

bool SmtpTestServer::checkTools()
{
    if (!QFileInfo(pythonPath()).isExecutable()) {
        m_error =
            u"%1 is missing: the SMTP test server needs Debian's Python with the packages python3-aiosmtpd "
            u"and python3-cryptography (apt-get install python3-aiosmtpd python3-cryptography)"_s.arg(pythonPath());
        return false;
    }
    if (!QFileInfo::exists(scriptPath())) {
        m_error = u"the SMTP test server script %1 is missing"_s.arg(scriptPath());
        return false;
    }
    return true;
}

bool SmtpTestServer::makeCertificates()
{
    if (m_certsMade)
        return true;
    if (!checkTools())
        return false;
    if (!m_certs)
        m_certs = std::make_unique<QTemporaryDir>();
    if (!m_certs->isValid()) {
        m_error = u"cannot create a temporary folder for the test certificates: %1"_s.arg(m_certs->errorString());
        return false;
    }
    QProcess process;
    process.setProcessEnvironment(pythonEnvironment());
    process.start(pythonPath(), { scriptPath(), u"make-certs"_s, m_certs->path() });
    // A one-shot of well under a second: blocking here is simpler than an event loop and
    // no test is waiting on other events meanwhile.
    const bool finished = process.waitForFinished(certificatesTimeoutMs);
    const QString output = QString::fromUtf8(process.readAllStandardError()).trimmed();
    if (!finished) {
        m_error = process.error() == QProcess::FailedToStart
            ? u"could not run %1: %2"_s.arg(pythonPath(), process.errorString())
            : u"smtpserver.py make-certs did not finish within %1 s"_s.arg(certificatesTimeoutMs / 1000);
        process.kill();
        process.waitForFinished(killTimeoutMs);
        return false;
    }
    if (process.exitStatus() != QProcess::NormalExit || process.exitCode() != 0) {
        m_error = process.exitCode() == exitMissingModule
            ? u"the certificates need python3-cryptography for %1 (apt-get install python3-cryptography): %2"_s.arg(
                pythonPath(), output)
            : u"smtpserver.py make-certs failed (exit code %1): %2"_s.arg(process.exitCode()).arg(output);
        return false;
    }
    for (const QString &name : { u"ca.pem"_s, u"server.pem"_s, u"server.key"_s, u"other-ca.pem"_s }) {
        if (!QFileInfo::exists(certFile(name))) {
            m_error = u"smtpserver.py make-certs wrote no %1 in %2"_s.arg(name, m_certs->path());
            return false;
        }
    }
    m_certsMade = true;
    return true;
}

bool SmtpTestServer::start(Mode mode, const Options &options)
{
    stop();
    m_error.clear();
    m_port = 0;
    m_stderr.clear();
    m_strayOutput.clear();
    m_messages.clear();
    m_authAttempts.clear();
    m_stopped = {};
    if (!checkTools())
        return false;

    QStringList arguments { scriptPath(), u"serve"_s, u"--mode"_s, modeName(mode) };
    if (mode != Mode::Plain) {
        if ((options.cert.isEmpty() || options.key.isEmpty()) && !makeCertificates())
            return false;
        arguments << u"--cert"_s << (options.cert.isEmpty() ? certFile(u"server.pem"_s) : options.cert) << u"--key"_s
                  << (options.key.isEmpty() ? certFile(u"server.key"_s) : options.key) << u"--user"_s << options.user
                  << u"--password"_s << options.password;
    }
    for (const QString &address : options.refuseRecipients)
        arguments << u"--refuse-rcpt"_s << address;
    if (options.quiet)
        arguments << u"--quiet"_s;

    m_process.setArguments(arguments);
    // Write end open: the server exits when it sees EOF on stdin, so it cannot outlive us.
    m_process.start(QIODevice::ReadWrite);
    if (waitUntil([this] { return m_port != 0; }, readyTimeoutMs))
        return true;

    const bool timedOut = isRunning();
    stop();
    if (timedOut) {
        m_error = u"smtpserver.py serve did not report it was listening within %1 s: %2"_s.arg(readyTimeoutMs / 1000)
                      .arg(standardError().trimmed());
    } else {
        m_error = u"smtpserver.py serve failed: "_s + exitDescription();
    }
    return false;
}

void SmtpTestServer::stop()
{
    if (m_process.state() == QProcess::NotRunning)
        return;
    bool finished = false;
    if (m_process.state() == QProcess::Running) {
        // EOF on stdin is the server's cue: it reports {"event":"stopped"} and exits.
        m_process.closeWriteChannel();
        finished = m_process.waitForFinished(exitTimeoutMs);
        if (!finished) {
            m_process.terminate();
            finished = m_process.waitForFinished(exitTimeoutMs);
        }
    }
    if (!finished) {
        m_process.kill();
        m_process.waitForFinished(killTimeoutMs);
    }
    readStandardOutput();
    m_stderr += m_process.readAllStandardError();
}

bool SmtpTestServer::waitForMessages(int count, int timeoutMs)
{
    if (waitUntil([this, count] { return m_messages.size() >= count; }, timeoutMs))
        return true;
    m_error = u"%1 of %2 messages arrived within %3 ms"_s.arg(m_messages.size()).arg(count).arg(timeoutMs);
    if (!isRunning())
        m_error += u"; the server exited: "_s + exitDescription();
    return false;
}

bool SmtpTestServer::waitForAuthAttempts(int count, int timeoutMs)
{
    if (waitUntil([this, count] { return m_authAttempts.size() >= count; }, timeoutMs))
        return true;
    m_error =
        u"%1 of %2 AUTH attempts were reported within %3 ms"_s.arg(m_authAttempts.size()).arg(count).arg(timeoutMs);
    if (!isRunning())
        m_error += u"; the server exited: "_s + exitDescription();
    return false;
}

bool SmtpTestServer::waitUntil(const std::function<bool()> &done, int timeoutMs)
{
    if (done())
        return true;
    if (!isRunning())
        return false;
    // An event loop rather than sleeping: the test's sockets keep working meanwhile, and
    // each line from the server is seen the moment it arrives.
    QEventLoop loop;
    // Connected after readStandardOutput, so the line is already parsed when this runs.
    connect(&m_process, &QProcess::readyReadStandardOutput, &loop, [&loop, &done] {
        if (done())
            loop.quit();
    });
    connect(&m_process, &QProcess::finished, &loop, &QEventLoop::quit);
    connect(&m_process, &QProcess::errorOccurred, &loop, &QEventLoop::quit);
    QTimer::singleShot(timeoutMs, &loop, &QEventLoop::quit);
    loop.exec();
    return done();
}

void SmtpTestServer::readStandardOutput()
{
    m_process.setReadChannel(QProcess::StandardOutput);
    while (m_process.canReadLine())
        handleLine(m_process.readLine());
    // A last line without its newline, from a server that was killed mid-write.
    if (m_process.state() == QProcess::NotRunning && m_process.bytesAvailable() > 0)
        handleLine(m_process.readAll());
}

void SmtpTestServer::handleLine(const QByteArray &line)
{
    const QByteArray trimmed = line.trimmed();
    if (trimmed.isEmpty())
        return;
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(trimmed, &parseError);
    if (!document.isObject()) {
        m_strayOutput << trimmed;
        return;
    }
    const QJsonObject object = document.object();
    const QString event = object.value(u"event"_s).toString();
    if (event == u"ready"_s) {
        m_port = static_cast<quint16>(object.value(u"port"_s).toInt());
    } else if (event == u"auth"_s) {
        m_authAttempts << object;
        Q_EMIT authAttempted(object);
    } else if (event == u"message"_s) {
        m_messages << object;
        Q_EMIT messageReceived(object);
    } else if (event == u"stopped"_s) {
        m_stopped = object;
    } else {
        m_strayOutput << trimmed;
    }
}

QString SmtpTestServer::exitDescription() const
{
    QString output = standardError().trimmed();
    for (const QByteArray &line : m_strayOutput)
        output += u'\n' + QString::fromUtf8(line);
    if (m_process.error() == QProcess::FailedToStart)
        return u"could not run %1: %2"_s.arg(pythonPath(), m_process.errorString());
    if (m_process.state() != QProcess::NotRunning)
        return u"it is still running; its error output: "_s + output;
    if (m_process.exitStatus() == QProcess::CrashExit)
        return u"it crashed (%1); its error output: %2"_s.arg(m_process.errorString(), output);
    if (m_process.exitCode() == exitMissingModule) {
        return u"aiosmtpd is not available to %1: install the Debian package python3-aiosmtpd "
               u"(apt-get install python3-aiosmtpd); %2"_s.arg(pythonPath(), output);
    }
    return u"it exited with code %1; its error output: %2"_s.arg(m_process.exitCode()).arg(output);
}

} // namespace rentdesk::test
