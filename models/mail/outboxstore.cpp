// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/mail/outboxstore.h"

#include "models/db/database.h"
#include "models/db/query.h"
#include "models/domain/storedvalues.h"
#include "models/services/servicesteps.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QSqlQuery>

#include <algorithm>
#include <cmath>

namespace rentdesk::models::mail {

using namespace Qt::StringLiterals;
using services::DomainError;
using services::Result;

namespace {

const QString columns = u"id, event, recipient_email, recipient_name, language, params, message_id, status, "
                        "attempts, next_attempt_at, last_error, created_at, sent_at"_s;

Result<OutboxMail> readMail(const QSqlQuery &q)
{
    OutboxMail m;
    auto id = domain::idFromStored(q.value(0));
    auto event = domain::fromCode<domain::MailEvent>(q.value(1).toString());
    auto language = domain::fromCode<domain::Language>(q.value(4).toString());
    auto status = domain::fromCode<domain::MailStatus>(q.value(7).toString());
    auto next = domain::timestampFromStored(q.value(9));
    auto created = domain::timestampFromStored(q.value(11));
    if (!id || !event || !language || !status || !next || !created) {
        return std::unexpected(
            DomainError(DomainError::Code::Storage, u"mail"_s, QString(),
                        QCoreApplication::translate("OutboxStore", "A queued mail cannot be read (%1).")
                            .arg(q.value(0).toString())));
    }
    m.id = *id;
    m.event = *event;
    m.recipientEmail = q.value(2).toString();
    m.recipientName = q.value(3).toString();
    m.language = *language;
    m.params = QJsonDocument::fromJson(q.value(5).toString().toUtf8()).object();
    m.messageId = q.value(6).toString();
    m.status = *status;
    m.attempts = q.value(8).toInt();
    m.nextAttemptAt = *next;
    m.lastError = q.value(10).toString();
    m.createdAt = *created;
    if (!q.value(12).isNull()) {
        if (auto sent = domain::timestampFromStored(q.value(12)))
            m.sentAt = *sent;
    }
    return m;
}

Result<QList<OutboxMail>> readAll(std::expected<db::Query, db::DbError> query)
{
    if (!query)
        return std::unexpected(DomainError(query.error()));
    QList<OutboxMail> mails;
    while (query->next()) {
        auto mail = readMail(*query);
        if (!mail)
            return std::unexpected(mail.error());
        mails.append(*mail);
    }
    return mails;
}

} // namespace

OutboxStore::OutboxStore(std::shared_ptr<db::Database> database, const services::Clock &clock)
    : m_database(std::move(database))
    , m_clock(clock)
{
}

OutboxStore::~OutboxStore() = default;

std::chrono::milliseconds OutboxStore::backoff(int attempts, double jitter)
{
    const int doublings = std::clamp(attempts - 1, 0, 30);
    const double seconds =
        std::min(double(FirstDelay.count()) * std::pow(2.0, doublings), double(LongestDelay.count()));
    const double spread = 0.8 + 0.4 * std::clamp(jitter, 0.0, 1.0);
    return std::chrono::milliseconds(qint64(std::llround(seconds * spread * 1000.0)));
}

Result<QList<OutboxMail>> OutboxStore::due(int limit) const
{
    const auto connection = services::connectionOf(*m_database);
    if (!connection)
        return std::unexpected(connection.error());
    return readAll(db::exec(*connection,
                            u"SELECT "_s + columns
                                + u" FROM mail_outbox WHERE status = 'queued' AND next_attempt_at <= :now "
                                  "ORDER BY next_attempt_at, created_at, id LIMIT :limit"_s,
                            { { u":now"_s, domain::toStoredTimestamp(m_clock.now()) }, { u":limit"_s, limit } }));
}

Result<std::optional<QDateTime>> OutboxStore::nextDue() const
{
    const auto connection = services::connectionOf(*m_database);
    if (!connection)
        return std::unexpected(connection.error());
    auto next = db::scalar(*connection, u"SELECT min(next_attempt_at) FROM mail_outbox WHERE status = 'queued'"_s);
    if (!next)
        return std::unexpected(DomainError(next.error()));
    if (next->isNull())
        return std::optional<QDateTime>();
    auto time = domain::timestampFromStored(*next);
    return time ? std::optional<QDateTime>(*time) : std::optional<QDateTime>();
}

Result<QList<OutboxMail>> OutboxStore::list(std::optional<domain::MailStatus> status, int limit) const
{
    const auto connection = services::connectionOf(*m_database);
    if (!connection)
        return std::unexpected(connection.error());
    return readAll(db::exec(
        *connection,
        u"SELECT "_s + columns
            + u" FROM mail_outbox WHERE (:status IS NULL OR status = :status) "
              "ORDER BY created_at DESC, id DESC LIMIT :limit"_s,
        { { u":status"_s, status ? QVariant(domain::toCode(*status)) : QVariant() }, { u":limit"_s, limit } }));
}

Result<void> OutboxStore::change(const QString &sql, const QUuid &id, const QString &reason,
                                 const QString &nextAttempt) const
{
    const QString now = domain::toStoredTimestamp(m_clock.now());
    // Only the placeholders the statement has: SQLite refuses bindings it has no place for.
    QList<db::Binding> bindings { { u":id"_s, domain::toStoredId(id) } };
    if (sql.contains(u":now"_s))
        bindings.append({ u":now"_s, now });
    if (sql.contains(u":reason"_s))
        bindings.append({ u":reason"_s, reason.left(1000) });
    if (sql.contains(u":next"_s))
        bindings.append({ u":next"_s, nextAttempt });
    const auto connection = services::connectionOf(*m_database);
    if (!connection)
        return std::unexpected(connection.error());
    auto done = db::exec(*connection, sql, bindings);
    if (!done)
        return std::unexpected(DomainError(done.error()));
    if (done->numRowsAffected() != 1) {
        return std::unexpected(
            DomainError(DomainError::Code::WrongState, u"mail"_s, QString(),
                        QCoreApplication::translate("OutboxStore", "This mail is no longer waiting to be sent.")));
    }
    return {};
}

Result<void> OutboxStore::markSent(const QUuid &id) const
{
    const auto connection = services::connectionOf(*m_database);
    if (!connection)
        return std::unexpected(connection.error());
    // Once per mail the sender waits on this: kept prepared for the sender's thread.
    auto done =
        db::exec(*connection,
                 u"UPDATE mail_outbox SET status = 'sent', sent_at = :now, attempts = attempts + 1, "
                 "last_error = NULL WHERE id = :id AND status = 'queued'"_s,
                 { { u":now"_s, domain::toStoredTimestamp(m_clock.now()) }, { u":id"_s, domain::toStoredId(id) } });
    if (!done)
        return std::unexpected(DomainError(done.error()));
    if (done->numRowsAffected() != 1) {
        return std::unexpected(
            DomainError(DomainError::Code::WrongState, u"mail"_s, QString(),
                        QCoreApplication::translate("OutboxStore", "This mail is no longer waiting to be sent.")));
    }
    return {};
}

Result<void> OutboxStore::markTemporaryFailure(const QUuid &id, const QString &reason, double jitter) const
{
    // The attempt about to be recorded is the (attempts + 1)th.
    const auto connection = services::connectionOf(*m_database);
    if (!connection)
        return std::unexpected(connection.error());
    auto attempts = db::scalar(*connection, u"SELECT attempts FROM mail_outbox WHERE id = :id"_s,
                               { { u":id"_s, domain::toStoredId(id) } });
    if (!attempts)
        return std::unexpected(DomainError(attempts.error()));
    const QDateTime next = m_clock.now().addMSecs(backoff(attempts->toInt() + 1, jitter).count());
    return change(u"UPDATE mail_outbox SET attempts = attempts + 1, last_error = :reason, next_attempt_at = :next "
                  "WHERE id = :id AND status = 'queued'"_s,
                  id, reason, domain::toStoredTimestamp(next));
}

Result<void> OutboxStore::markPermanentFailure(const QUuid &id, const QString &reason) const
{
    return change(u"UPDATE mail_outbox SET status = 'failed', attempts = attempts + 1, last_error = :reason "
                  "WHERE id = :id AND status = 'queued'"_s,
                  id, reason, {});
}

Result<void> OutboxStore::retry(const QUuid &id) const
{
    return change(u"UPDATE mail_outbox SET status = 'queued', next_attempt_at = :now "
                  "WHERE id = :id AND status IN ('queued', 'failed')"_s,
                  id, {}, {});
}

Result<void> OutboxStore::discard(const QUuid &id) const
{
    return change(u"UPDATE mail_outbox SET status = 'discarded' "
                  "WHERE id = :id AND status IN ('queued', 'failed')"_s,
                  id, {}, {});
}

} // namespace rentdesk::models::mail
