// SPDX-License-Identifier: GPL-3.0-or-later
#include "net/mail/outboxsender.h"

#include "models/db/database.h"
#include "models/mail/mailtemplates.h"
#include "models/mail/outboxstore.h"
#include "models/services/clock.h"

#include <QLoggingCategory>
#include <QRandomGenerator>

#include <algorithm>

namespace rentdesk::net::mail {

using namespace Qt::StringLiterals;

Q_LOGGING_CATEGORY(lcOutbox, "rentdesk.net.outbox", QtWarningMsg)

namespace {

// Whether a failure is about the one mail, or about the connection every mail shares.
bool isAboutTheMail(const SmtpError &error)
{
    return error.kind == SmtpError::Kind::TemporaryRefusal || error.kind == SmtpError::Kind::PermanentRefusal;
}

} // namespace

OutboxSender::OutboxSender(std::shared_ptr<models::db::Database> database, const models::services::Clock &clock,
                           QObject *parent)
    : QObject(parent)
    , m_database(std::move(database))
    , m_clock(clock)
    , m_store(std::make_unique<models::mail::OutboxStore>(m_database, clock))
{
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, &OutboxSender::poll);
}

OutboxSender::~OutboxSender() = default;

void OutboxSender::setOptions(Options options)
{
    m_options = std::move(options);
    if (m_client)
        m_client->setTimeouts(m_options.timeouts);
}

void OutboxSender::configure(const MailConfig &config, const QString &password)
{
    m_config = config;
    m_password = password;
    if (m_client) {
        // Mails on the old connection were not marked yet: they are still queued and go out
        // again with the new settings (with their Message-IDs, should one have got through).
        m_client->disconnect(this);
        m_client.reset();
        m_inFlight.clear();
    }
    m_problem.clear();
    setState(!m_config.isConfigured() ? State::NotConfigured : m_paused ? State::Paused : State::Idle);
    wake();
}

void OutboxSender::pause()
{
    if (m_paused)
        return;
    m_paused = true;
    m_timer.stop();
    if (m_client) {
        for (const QString &key : m_client->withdrawWaiting())
            m_inFlight.remove(QUuid(key));
    }
    if (m_config.isConfigured())
        setState(State::Paused);
}

void OutboxSender::resume()
{
    if (!m_paused)
        return;
    m_paused = false;
    if (m_state == State::Paused)
        setState(State::Idle);
    wake();
}

void OutboxSender::wake()
{
    // From the event loop, so that a caller in the middle of its own work (a service call, a
    // signal of the client) is not re-entered.
    QMetaObject::invokeMethod(this, &OutboxSender::poll, Qt::QueuedConnection);
}

void OutboxSender::poll()
{
    m_timer.stop();
    if (!m_config.isConfigured()) {
        setState(State::NotConfigured);
        Q_EMIT drained();
        return;
    }
    if (m_paused) {
        // resume() looks again; the mail on the wire, if any, is answered for meanwhile.
        setState(State::Paused);
        return;
    }
    if (!m_inFlight.isEmpty())
        return; // the batch under way ends with the client's idle(), which looks again

    const auto due = m_store->due(m_options.batchSize);
    if (!due) {
        qCWarning(lcOutbox) << "the outbox cannot be read:" << due.error().message;
        setState(State::Failing, due.error().message);
        schedule();
        return;
    }
    if (due->isEmpty()) {
        if (m_state != State::Failing)
            setState(State::Idle);
        schedule();
        Q_EMIT drained();
        return;
    }

    if (!m_client) {
        m_client = std::make_unique<SmtpClient>(m_config.smtp, m_password);
        m_client->setTimeouts(m_options.timeouts);
        connect(m_client.get(), &SmtpClient::sent, this, &OutboxSender::onSent);
        connect(m_client.get(), &SmtpClient::failed, this, &OutboxSender::onFailed);
        connect(m_client.get(), &SmtpClient::idle, this, &OutboxSender::onClientIdle);
    }
    if (m_state != State::Failing)
        setState(State::Sending);
    bool changed = false;
    for (const models::mail::OutboxMail &queued : std::as_const(*due)) {
        const auto composed =
            models::mail::composeMail(queued.event, queued.language, queued.recipientName, queued.params);
        if (!composed) {
            // A template without its values will not fill itself in later: a person looks.
            if (auto marked = m_store->markPermanentFailure(queued.id, composed.error().message); !marked)
                qCWarning(lcOutbox) << "a mail cannot be marked failed:" << marked.error().message;
            changed = true;
            Q_EMIT mailFailed(queued.id, composed.error().message, true);
            continue;
        }
        MailMessage message;
        message.from = m_config.from;
        message.to = { queued.recipientName, queued.recipientEmail };
        message.subject = composed->subject;
        message.text = composed->text;
        message.html = composed->html;
        message.messageId = queued.messageId.toUtf8();
        // When it was queued: a mail sent again after a crash is the very same message.
        message.date = queued.createdAt;
        m_inFlight.insert(queued.id);
        m_client->send(queued.id.toString(QUuid::WithoutBraces), message);
    }
    if (changed)
        Q_EMIT outboxChanged();
    if (m_inFlight.isEmpty())
        wake();
}

void OutboxSender::schedule()
{
    std::chrono::milliseconds delay = m_options.pollInterval;
    if (const auto next = m_store->nextDue(); next && *next) {
        const qint64 wait = std::max<qint64>(0, m_clock.now().msecsTo(**next));
        delay = std::min(delay, std::chrono::milliseconds(wait));
    }
    m_timer.start(delay);
}

void OutboxSender::onSent(const QString &key)
{
    const QUuid id(key);
    m_inFlight.remove(id);
    if (auto marked = m_store->markSent(id); !marked) {
        // It went; the row says queued, so it goes again later, with the same Message-ID.
        qCWarning(lcOutbox) << "a sent mail cannot be marked sent:" << marked.error().message;
    }
    if (!m_sessionFailed && !m_paused)
        setState(State::Sending);
    Q_EMIT mailSent(id);
    Q_EMIT outboxChanged();
}

void OutboxSender::onFailed(const QString &key, const SmtpError &error)
{
    const QUuid id(key);
    m_inFlight.remove(id);
    const auto marked = error.isPermanent() ? m_store->markPermanentFailure(id, error.message)
                                            : m_store->markTemporaryFailure(id, error.message, jitter());
    if (!marked)
        qCWarning(lcOutbox) << "a mail's failure cannot be recorded:" << marked.error().message;
    if (!isAboutTheMail(error)) {
        m_sessionFailed = true;
        setState(State::Failing, error.message);
    }
    Q_EMIT mailFailed(id, error.message, error.isPermanent());
    Q_EMIT outboxChanged();
}

void OutboxSender::onClientIdle()
{
    if (!m_inFlight.isEmpty())
        return;
    if (!m_sessionFailed && !m_paused && m_state == State::Failing)
        setState(State::Sending);
    m_sessionFailed = false;
    wake();
}

void OutboxSender::setState(State state, const QString &problem)
{
    if (state != State::Failing)
        m_problem.clear();
    else
        m_problem = problem;
    if (state == m_state && state != State::Failing)
        return;
    m_state = state;
    Q_EMIT stateChanged(state);
}

double OutboxSender::jitter() const
{
    return m_options.jitter ? m_options.jitter() : QRandomGenerator::global()->generateDouble();
}

} // namespace rentdesk::net::mail
