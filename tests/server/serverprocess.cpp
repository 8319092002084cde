// SPDX-License-Identifier: GPL-3.0-or-later
#include "tests/server/serverprocess.h"

#include "tests/support/postgrescluster.h"

#include <QEventLoop>
#include <QFile>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTest>
#include <QTimer>

#include <csignal>
#include <sys/prctl.h>

namespace rentdesk::test {

using namespace Qt::StringLiterals;

ServerProcess::ServerProcess(QStringList extraArguments, QObject *parent)
    : QObject(parent)
    , m_extra(std::move(extraArguments))
    , m_database(serverDatabase(m_dir.filePath(u"server.sqlite"_s)))
{
    // A test binary that crashes takes its servers along instead of leaving them running.
    m_process.setChildProcessModifier([] { ::prctl(PR_SET_PDEATHSIG, SIGKILL); });
    connect(&m_process, &QProcess::readyReadStandardOutput, this,
            [this] { m_stdout += m_process.readAllStandardOutput(); });
    connect(&m_process, &QProcess::readyReadStandardError, this,
            [this] { m_stderr += m_process.readAllStandardError(); });
}

ServerProcess::ServerProcess(const ServerProcess &first, QStringList extraArguments, QObject *parent)
    : ServerProcess(std::move(extraArguments), parent)
{
    m_database = first.m_database;
}

ServerProcess::~ServerProcess()
{
    // For a developer reading what the server said: RENTDESK_TEST_SERVERLOG=FILE collects it.
    if (const QString keep = qEnvironmentVariable("RENTDESK_TEST_SERVERLOG"); !keep.isEmpty()) {
        QFile file(keep);
        if (file.open(QIODevice::Append))
            file.write(m_stderr);
    }
    if (m_process.state() != QProcess::NotRunning) {
        m_process.kill();
        m_process.waitForFinished(5000);
    }
}

bool ServerProcess::start()
{
    m_stdout.clear();
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(u"RENTDESK_KEYRING"_s, u"none"_s);
    env.insert(u"HOME"_s, m_dir.path());
    env.insert(u"XDG_CONFIG_HOME"_s, m_dir.filePath(u"config"_s));
    if (serverTestsOnPostgres())
        env.insert(u"PGPASSWORD"_s, sharedPostgres().password());
    m_process.setProcessEnvironment(env);
    m_process.start(QStringLiteral(RENTDESK_SERVER),
                    QStringList { u"--database"_s, databasePath(), u"--listen"_s, u"127.0.0.1:0"_s } + m_extra);
    static const QRegularExpression line(uR"(listening on (wss?://\S+))"_s);
    const bool ready = QTest::qWaitFor(
        [&] { return line.match(QString::fromUtf8(m_stdout)).hasMatch() || m_process.state() == QProcess::NotRunning; },
        30000);
    const auto match = line.match(QString::fromUtf8(m_stdout));
    if (!ready || !match.hasMatch()) {
        m_error = u"rentdesk-server did not start: "_s + QString::fromUtf8(m_stderr);
        return false;
    }
    m_url = QUrl(match.captured(1));
    // Printed before the line above.
    static const QRegularExpression feed(uR"(calendar feeds on (http://[^\s,]+))"_s);
    const auto feedMatch = feed.match(QString::fromUtf8(m_stdout));
    m_feedUrl = feedMatch.hasMatch() ? QUrl(feedMatch.captured(1)) : QUrl();
    return true;
}

int ServerProcess::stop()
{
    m_process.terminate();
    if (!QTest::qWaitFor([&] { return m_process.state() == QProcess::NotRunning; }, 20000))
        return -1;
    return m_process.exitStatus() == QProcess::NormalExit ? m_process.exitCode() : -1;
}

bool ServerProcess::restart()
{
    if (stop() != 0)
        return false;
    return start();
}

void ServerProcess::kill()
{
    m_process.kill();
    m_process.waitForFinished(5000);
}

TestClient::TestClient(QObject *parent)
    : QObject(parent)
{
    connect(&m_socket, &QWebSocket::textMessageReceived, this, &TestClient::onText);
    connect(&m_socket, &QWebSocket::disconnected, this, [this] {
        m_closed = true;
        m_closeCode = m_socket.closeCode();
    });
}

bool TestClient::open(const QUrl &url)
{
    m_closed = false;
    QSignalSpy connected(&m_socket, &QWebSocket::connected);
    m_socket.open(url);
    // Refused, or a certificate not trusted, ends it at once: no need to wait the full time.
    return QTest::qWaitFor([&] { return !connected.isEmpty() || m_closed; }, 10000) && !connected.isEmpty();
}

void TestClient::onText(const QString &text)
{
    const QJsonObject object = QJsonDocument::fromJson(text.toUtf8()).object();
    if (object.contains(u"id"_s))
        m_replies.append(object);
    else
        m_pushes.append(object);
    Q_EMIT frameReceived();
}

std::optional<QJsonObject> TestClient::callRaw(const QByteArray &frame, int timeoutMs)
{
    const qsizetype before = m_replies.size();
    m_socket.sendTextMessage(QString::fromUtf8(frame));
    if (!QTest::qWaitFor([&] { return m_replies.size() > before || m_closed; }, timeoutMs)
        || m_replies.size() == before)
        return std::nullopt;
    return m_replies.takeLast();
}

std::optional<QJsonObject> TestClient::call(const QString &type, const QJsonObject &body, int timeoutMs)
{
    QJsonObject request = body;
    const QString id = QString::number(m_nextId++);
    request.insert(u"type"_s, type);
    request.insert(u"id"_s, id);
    m_socket.sendTextMessage(QString::fromUtf8(QJsonDocument(request).toJson(QJsonDocument::Compact)));
    const auto has = [&] {
        return std::any_of(m_replies.cbegin(), m_replies.cend(),
                           [&](const QJsonObject &r) { return r.value(u"id"_s).toString() == id; });
    };
    if (!QTest::qWaitFor([&] { return has() || m_closed; }, timeoutMs) || !has()) {
        m_lastError = u"no reply to %1"_s.arg(type);
        return std::nullopt;
    }
    for (qsizetype i = 0; i < m_replies.size(); ++i) {
        if (m_replies.at(i).value(u"id"_s).toString() == id) {
            const QJsonObject reply = m_replies.takeAt(i);
            if (!reply.value(u"ok"_s).toBool())
                m_lastError = QString::fromUtf8(QJsonDocument(reply).toJson(QJsonDocument::Compact));
            return reply;
        }
    }
    return std::nullopt;
}

void TestClient::sendRaw(const QByteArray &frame)
{
    m_socket.sendTextMessage(QString::fromUtf8(frame));
}

void TestClient::sendBinary(const QByteArray &frame)
{
    m_socket.sendBinaryMessage(frame);
}

bool TestClient::hello(int version)
{
    const auto reply = call(u"hello"_s, { { u"version"_s, version }, { u"client"_s, u"tests"_s } });
    return reply && reply->value(u"ok"_s).toBool();
}

bool TestClient::signUpAndLogIn(const QString &email, const QString &name, const QString &role)
{
    const auto signedUp = call(u"signup"_s,
                               { { u"email"_s, email },
                                 { u"password"_s, u"correct horse battery"_s },
                                 { u"displayName"_s, name },
                                 { u"role"_s, role },
                                 { u"language"_s, u"en"_s } },
                               30000);
    if (!signedUp || !signedUp->value(u"ok"_s).toBool())
        return false;
    return logIn(email);
}

bool TestClient::logIn(const QString &email, const QString &password)
{
    const auto reply = call(u"login"_s, { { u"email"_s, email }, { u"password"_s, password } }, 30000);
    if (!reply || !reply->value(u"ok"_s).toBool())
        return false;
    m_token = reply->value(u"token"_s).toString();
    m_userId = reply->value(u"user"_s).toObject().value(u"id"_s).toString();
    return true;
}

std::optional<QJsonObject> TestClient::waitForPush(const QString &type, int timeoutMs)
{
    const auto find = [&]() -> qsizetype {
        for (qsizetype i = 0; i < m_pushes.size(); ++i) {
            if (m_pushes.at(i).value(u"type"_s).toString() == type)
                return i;
        }
        return -1;
    };
    if (!QTest::qWaitFor([&] { return find() >= 0; }, timeoutMs))
        return std::nullopt;
    return m_pushes.takeAt(find());
}

bool TestClient::waitForClose(int timeoutMs)
{
    return QTest::qWaitFor([&] { return m_closed; }, timeoutMs);
}

bool TestClient::resume(const QString &token)
{
    const auto reply = call(u"resume"_s, { { u"token"_s, token } });
    if (!reply || !reply->value(u"ok"_s).toBool())
        return false;
    m_token = token;
    m_userId = reply->value(u"user"_s).toObject().value(u"id"_s).toString();
    return true;
}

QList<QJsonObject> TestClient::takePushes(const QString &type)
{
    QList<QJsonObject> taken;
    for (qsizetype i = 0; i < m_pushes.size();) {
        if (m_pushes.at(i).value(u"type"_s).toString() == type)
            taken.append(m_pushes.takeAt(i));
        else
            ++i;
    }
    return taken;
}

qsizetype TestClient::pushCount(const QString &type) const
{
    return std::count_if(m_pushes.cbegin(), m_pushes.cend(),
                         [&](const QJsonObject &push) { return push.value(u"type"_s).toString() == type; });
}

bool TestClient::sync(int timeoutMs)
{
    const QString id = u"sync-"_s + QString::number(m_nextId++);
    m_socket.sendTextMessage(QString::fromUtf8(
        QJsonDocument(QJsonObject { { u"type"_s, u"test.sync"_s }, { u"id"_s, id } }).toJson(QJsonDocument::Compact)));
    const auto index = [&]() -> qsizetype {
        for (qsizetype i = 0; i < m_replies.size(); ++i) {
            if (m_replies.at(i).value(u"id"_s).toString() == id)
                return i;
        }
        return -1;
    };
    if (!waitUntil([&] { return index() >= 0; }, timeoutMs)) {
        m_lastError = u"no reply to the sync request"_s;
        return false;
    }
    m_replies.removeAt(index());
    return true;
}

bool TestClient::waitUntil(const std::function<bool()> &condition, int timeoutMs)
{
    if (condition() || m_closed)
        return condition();
    QEventLoop loop;
    QTimer timeout;
    timeout.setSingleShot(true);
    connect(&timeout, &QTimer::timeout, &loop, &QEventLoop::quit);
    connect(this, &TestClient::frameReceived, &loop, [&] {
        if (condition())
            loop.quit();
    });
    connect(&m_socket, &QWebSocket::disconnected, &loop, &QEventLoop::quit);
    timeout.start(timeoutMs);
    loop.exec();
    return condition();
}

std::optional<QList<QJsonObject>> TestClient::takeReplies(qsizetype count, int timeoutMs)
{
    if (!waitUntil([&] { return m_replies.size() >= count; }, timeoutMs)) {
        m_lastError = u"%1 of %2 replies came"_s.arg(m_replies.size()).arg(count);
        return std::nullopt;
    }
    QList<QJsonObject> taken = m_replies.mid(0, count);
    m_replies.remove(0, count);
    return taken;
}

} // namespace rentdesk::test
