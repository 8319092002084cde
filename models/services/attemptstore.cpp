// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/services/attemptstore.h"

#include "models/db/query.h"
#include "models/db/transaction.h"
#include "models/domain/storedvalues.h"
#include "models/services/servicesteps.h"

#include <QCryptographicHash>
#include <QUuid>

namespace rentdesk::models::services {

using namespace Qt::StringLiterals;

namespace {

QString keyHash(const QString &key)
{
    return QString::fromLatin1(QCryptographicHash::hash(key.toUtf8(), QCryptographicHash::Sha256).toHex());
}

} // namespace

AttemptStore::AttemptStore(ServiceContext context)
    : m_context(std::move(context))
{
}

Result<AttemptStore::Admission> AttemptStore::begin(const QString &kind, const QString &key, int limit,
                                                    std::chrono::seconds window) const
{
    const auto connection = connectionOf(m_context);
    if (!connection)
        return std::unexpected(connection.error());
    const QSqlDatabase &db = *connection;
    const QString hash = keyHash(key);
    return db::transact(db, [&]() -> Result<Admission> {
        const QDateTime now = m_context.clock().now();
        const QString oldest = domain::toStoredTimestamp(now.addSecs(-window.count()));
        if (auto gone =
                db::exec(db, u"DELETE FROM rate_attempts WHERE kind = :kind AND key_hash = :key AND at <= :oldest"_s,
                         { { u":kind"_s, kind }, { u":key"_s, hash }, { u":oldest"_s, oldest } });
            !gone)
            return std::unexpected(DomainError(gone.error()));
        auto rows =
            db::exec(db, u"SELECT state, at FROM rate_attempts WHERE kind = :kind AND key_hash = :key ORDER BY at"_s,
                     { { u":kind"_s, kind }, { u":key"_s, hash } });
        if (!rows)
            return std::unexpected(DomainError(rows.error()));
        QList<QDateTime> counted; // oldest first
        qsizetype running = 0;
        while (rows->next()) {
            if (rows->value(0).toString() == u"running")
                ++running;
            else
                counted << domain::timestampFromStored(rows->value(1)).value_or(now);
        }
        rows->finish();
        const qsizetype taken = counted.size() + running;
        if (taken >= limit) {
            // As the in-memory limiter: the place that frees first, or a second when attempts
            // in progress hold them.
            const qsizetype leaving = taken - limit;
            if (leaving >= counted.size())
                return Admission(std::chrono::seconds(1));
            const QDateTime freeAt = counted.at(leaving).addSecs(window.count());
            return Admission(std::chrono::seconds(std::max<qint64>(1, (now.msecsTo(freeAt) + 999) / 1000)));
        }
        const QString id = QUuid::createUuid().toString(QUuid::WithoutBraces);
        if (auto inserted = db::exec(db,
                                     u"INSERT INTO rate_attempts (id, kind, key_hash, state, at) "
                                     "VALUES (:id, :kind, :key, 'running', :now)"_s,
                                     { { u":id"_s, id },
                                       { u":kind"_s, kind },
                                       { u":key"_s, hash },
                                       { u":now"_s, domain::toStoredTimestamp(now) } });
            !inserted)
            return std::unexpected(DomainError(inserted.error()));
        return Admission(id);
    });
}

Result<void> AttemptStore::end(const QString &attempt, bool counted) const
{
    const auto connection = connectionOf(m_context);
    if (!connection)
        return std::unexpected(connection.error());
    auto done = counted
        ? db::exec(*connection, u"UPDATE rate_attempts SET state = 'counted', at = :now WHERE id = :id"_s,
                   { { u":now"_s, m_context.nowStored() }, { u":id"_s, attempt } })
        : db::exec(*connection, u"DELETE FROM rate_attempts WHERE id = :id"_s, { { u":id"_s, attempt } });
    if (!done)
        return std::unexpected(DomainError(done.error()));
    return {};
}

Result<void> AttemptStore::reset(const QString &kind, const QString &key) const
{
    const auto connection = connectionOf(m_context);
    if (!connection)
        return std::unexpected(connection.error());
    auto done = db::exec(*connection,
                         u"DELETE FROM rate_attempts WHERE kind = :kind AND key_hash = :key AND state = 'counted'"_s,
                         { { u":kind"_s, kind }, { u":key"_s, keyHash(key) } });
    if (!done)
        return std::unexpected(DomainError(done.error()));
    return {};
}

Result<int> AttemptStore::sweep(const QString &kind, std::chrono::seconds window) const
{
    const auto connection = connectionOf(m_context);
    if (!connection)
        return std::unexpected(connection.error());
    auto done =
        db::exec(*connection, u"DELETE FROM rate_attempts WHERE kind = :kind AND at <= :oldest"_s,
                 { { u":kind"_s, kind },
                   { u":oldest"_s, domain::toStoredTimestamp(m_context.clock().now().addSecs(-window.count())) } });
    if (!done)
        return std::unexpected(DomainError(done.error()));
    return done->numRowsAffected();
}

} // namespace rentdesk::models::services
