// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/domain/enums.h"
#include "models/services/clock.h"
#include "models/services/domainerror.h"

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QUuid>

#include <chrono>
#include <memory>
#include <optional>

namespace rentdesk::models::db {
class Database;
} // namespace rentdesk::models::db

namespace rentdesk::models::mail {

// One row of mail_outbox as the sender and the Mail queue view see it.
struct OutboxMail
{
    QUuid id;
    domain::MailEvent event = domain::MailEvent::Welcome;
    QString recipientEmail;
    QString recipientName;
    domain::Language language = domain::Language::English;
    QJsonObject params;
    QString messageId; // fixed when queued: a mail sent twice is recognisably the same
    domain::MailStatus status = domain::MailStatus::Queued;
    int attempts = 0;
    QDateTime nextAttemptAt;
    QString lastError;
    QDateTime createdAt;
    QDateTime sentAt;
};

// The outbox's state changes, each one statement that commits on its own: what is due,
// sent, to be tried again later (exponential backoff with jitter), stopped for good with
// the reason, retried or discarded by a person. The sender marks a mail sent only after
// the server's 250 for it; a process that dies between the two sends it again on restart,
// with the same Message-ID (docs/architecture.md).
class OutboxStore final
{
public:
    OutboxStore(std::shared_ptr<db::Database> database, const services::Clock &clock);
    ~OutboxStore();
    Q_DISABLE_COPY_MOVE(OutboxStore)

    static constexpr std::chrono::seconds FirstDelay { 30 };
    static constexpr std::chrono::seconds LongestDelay { 3600 };

    // How long to wait after the given number of failed attempts (1 or more): 30 s doubled
    // each time up to an hour, spread by ±20% with jitter in [0, 1) so that many mails
    // failing together do not all come back at once.
    [[nodiscard]] static std::chrono::milliseconds backoff(int attempts, double jitter);

    // Queued mails whose time has come, oldest first.
    [[nodiscard]] services::Result<QList<OutboxMail>> due(int limit) const;
    // When the next queued mail is due (nullopt: nothing queued).
    [[nodiscard]] services::Result<std::optional<QDateTime>> nextDue() const;
    // Mails by status (every status when nullopt), newest first: the Mail queue view.
    [[nodiscard]] services::Result<QList<OutboxMail>> list(std::optional<domain::MailStatus> status, int limit) const;

    [[nodiscard]] services::Result<void> markSent(const QUuid &id) const;
    // A 4xx, a network error or a timeout: stays queued, tried again after backoff().
    [[nodiscard]] services::Result<void> markTemporaryFailure(const QUuid &id, const QString &reason,
                                                              double jitter) const;
    // A 5xx: stops, with the reason, until a person retries or discards it.
    [[nodiscard]] services::Result<void> markPermanentFailure(const QUuid &id, const QString &reason) const;
    // A failed (or waiting) mail is queued again for now.
    [[nodiscard]] services::Result<void> retry(const QUuid &id) const;
    // A queued or failed mail will not be sent.
    [[nodiscard]] services::Result<void> discard(const QUuid &id) const;

private:
    [[nodiscard]] services::Result<void> change(const QString &sql, const QUuid &id, const QString &reason,
                                                const QString &nextAttempt) const;

    std::shared_ptr<db::Database> m_database;
    const services::Clock &m_clock;
    // markSent()'s statement, kept prepared for the thread that sends (any other thread
    // prepares it per call): the one statement that runs for every mail.
};

} // namespace rentdesk::models::mail
