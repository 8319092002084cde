// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "net/mail/mailconfig.h"
#include "net/mail/smtpclient.h"

#include <QObject>
#include <QSet>
#include <QTimer>
#include <QUuid>

#include <chrono>
#include <functional>
#include <memory>

namespace rentdesk::models::db {
class Database;
}
namespace rentdesk::models::services {
class Clock;
}

namespace rentdesk::models::mail {
class OutboxStore;
}

namespace rentdesk::net::mail {

// Sends what the services queued in mail_outbox, on the authoritative side (a standalone
// desktop, rentdesk-server). A mail is written from its template in its recipient's language
// when it goes, sent over one reused connection with the others that are due, and marked
// sent only after the server's 250: a process that dies at any point before that finds it
// still queued at the next start, so nothing is lost (and the one duplicate possible, a death
// between the 250 and the update, carries the same Message-ID). A 4xx, a network failure or a
// timeout leaves the mail queued for a later try (exponential backoff with jitter); a 5xx to
// the mail itself stops it with the server's reason, for a person to retry or discard. A person
// may also stop sending (pause()) after the mail on the wire, until resume() or the next start.
class OutboxSender final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(OutboxSender)

public:
    enum class State {
        NotConfigured, // no mail server set up: mails wait in the outbox
        Idle, // nothing due
        Sending,
        Failing, // the last attempt failed for a reason not about one mail (problem() says which)
        Paused, // a person stopped sending (pause()): mails wait in the outbox until resume()
    };
    Q_ENUM(State)

    struct Options
    {
        int batchSize = 50; // mails taken from the outbox at a time
        // How often the outbox is looked at without being woken (mails queued by another
        // process, a clock that jumped).
        std::chrono::milliseconds pollInterval { 30000 };
        SmtpClient::Timeouts timeouts;
        std::function<double()> jitter; // in [0, 1); default: random
    };

    OutboxSender(std::shared_ptr<models::db::Database> database, const models::services::Clock &clock,
                 QObject *parent = nullptr);
    ~OutboxSender() override;

    void setOptions(Options options);
    // What to send with. Mails already handed to the old connection finish there.
    void configure(const MailConfig &config, const QString &password);
    [[nodiscard]] const MailConfig &config() const { return m_config; }

    // Looks at the outbox now: something was queued or retried, or the sender just started.
    void wake();
    // Stops sending after the mail on the wire (the Stop of a progress window): the mails
    // handed to the connection and not begun are taken back (SmtpClient::withdrawWaiting) and
    // nothing more is taken from the outbox until resume(). Nothing is lost or sent twice: a
    // mail taken back was never begun and is still queued, as it was; the one on the wire is
    // marked when the server answers, as always.
    void pause();
    // Sends again (and looks at the outbox now).
    void resume();
    [[nodiscard]] bool isPaused() const { return m_paused; }

    [[nodiscard]] State state() const { return m_state; }
    // Why the last attempt failed, when state() is Failing; one line.
    [[nodiscard]] QString problem() const { return m_problem; }
    [[nodiscard]] qsizetype inFlight() const { return m_inFlight.size(); }

Q_SIGNALS:
    void stateChanged(rentdesk::net::mail::OutboxSender::State state);
    // A row of the outbox changed (sent, failed, waiting longer).
    void outboxChanged();
    void mailSent(const QUuid &id);
    void mailFailed(const QUuid &id, const QString &reason, bool permanent);
    // Nothing is due and nothing is being sent.
    void drained();

private:
    void poll();
    void schedule();
    void onSent(const QString &key);
    void onFailed(const QString &key, const SmtpError &error);
    void onClientIdle();
    void setState(State state, const QString &problem = {});
    [[nodiscard]] double jitter() const;

    std::shared_ptr<models::db::Database> m_database;
    const models::services::Clock &m_clock;
    std::unique_ptr<models::mail::OutboxStore> m_store;
    Options m_options;
    MailConfig m_config;
    QString m_password;
    std::unique_ptr<SmtpClient> m_client;
    QSet<QUuid> m_inFlight;
    QTimer m_timer;
    State m_state = State::NotConfigured;
    QString m_problem;
    bool m_sessionFailed = false; // during this batch
    bool m_paused = false;
};

} // namespace rentdesk::net::mail
