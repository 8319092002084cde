// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/services/mode.h"

#include "models/db/engine.h"
#include "models/db/query.h"
#include "models/db/transaction.h"
#include "models/services/servicesteps.h"

#include <QCoreApplication>
#include <QDateTime>

namespace rentdesk::models::services {

using namespace Qt::StringLiterals;

Result<Mode> storedMode(const db::Database &database)
{
    const auto db = connectionOf(database);
    if (!db)
        return std::unexpected(db.error());
    auto value = db::scalar(*db, u"SELECT value FROM database_meta WHERE key = 'mode'"_s);
    if (!value)
        return std::unexpected(DomainError(value.error()));
    if (value->isNull()) {
        return std::unexpected(
            DomainError(DomainError::Code::InvalidValue, u"database"_s, u"mode"_s,
                        QCoreApplication::translate(
                            "Mode", "The database does not say whether it is standalone, connected or a server's.")));
    }
    const QString code = value->toString();
    if (code == u"standalone"_s)
        return Mode::Standalone;
    if (code == u"connected"_s)
        return Mode::Connected;
    if (code == u"server"_s)
        return Mode::Server;
    return std::unexpected(
        DomainError(DomainError::Code::InvalidValue, u"database"_s, u"mode"_s,
                    QCoreApplication::translate("Mode",
                                                "The database does not say whether it is standalone, connected or "
                                                "a server's (it says “%1”).")
                        .arg(code)));
}

Result<void> claimForServer(const db::Database &database)
{
    const auto connection = connectionOf(database);
    if (!connection)
        return std::unexpected(connection.error());
    const QSqlDatabase &db = *connection;
    return db::transact(db, [&]() -> Result<void> {
        const auto mode = storedMode(database);
        if (!mode)
            return std::unexpected(mode.error());
        if (*mode == Mode::Server)
            return {};
        if (*mode == Mode::Connected) {
            return std::unexpected(DomainError(
                DomainError::Code::NotInThisMode, u"database"_s, u"mode"_s,
                QCoreApplication::translate(
                    "Mode", "This is a desktop's replica of a server account; a server cannot run on it.")));
        }
        // Every row the database holds enters the feed, parents first, in the order it was
        // made; the triggers take over from here. The acquaintances come first: made after the
        // feed, their trigger (version 18) would move every renter's profile after the bookings,
        // and a first pull would send each profile twice, as a parent and at its place.
        const QStringList backfill = {
            u"UPDATE database_meta SET value = 'server' WHERE key = 'mode'"_s,
            u"INSERT INTO sync_acquaintances (landlord_id, renter_id) SELECT DISTINCT a.owner_id, b.renter_id "
            "FROM bookings AS b JOIN apartments AS a ON a.id = b.apartment_id"_s,
            u"INSERT INTO sync_changes (seq, entity, row_id, deleted, landlord_id, renter_id, changed_at) "
            "SELECT row_number() OVER (ORDER BY created_at, id), 'user', id, 0, NULL, NULL, :now FROM users"_s,
            u"INSERT INTO sync_changes (seq, entity, row_id, deleted, landlord_id, renter_id, changed_at) "
            "SELECT (SELECT max(seq) FROM sync_changes) + row_number() OVER (ORDER BY created_at, id), 'building', "
            "id, 0, owner_id, NULL, :now FROM buildings WHERE true"_s,
            u"INSERT INTO sync_changes (seq, entity, row_id, deleted, landlord_id, renter_id, changed_at) "
            "SELECT (SELECT max(seq) FROM sync_changes) + row_number() OVER (ORDER BY created_at, id), 'apartment', "
            "id, 0, owner_id, NULL, :now FROM apartments WHERE true"_s,
            u"INSERT INTO sync_changes (seq, entity, row_id, deleted, landlord_id, renter_id, changed_at) "
            "SELECT (SELECT max(seq) FROM sync_changes) + row_number() OVER (ORDER BY b.created_at, b.id), "
            "'booking', b.id, 0, a.owner_id, b.renter_id, :now FROM bookings AS b "
            "JOIN apartments AS a ON a.id = b.apartment_id WHERE true"_s,
            u"INSERT INTO sync_changes (seq, entity, row_id, deleted, landlord_id, renter_id, changed_at) "
            "SELECT (SELECT max(seq) FROM sync_changes) + row_number() OVER (ORDER BY r.created_at, r.id), "
            "'review', r.id, 0, CASE r.kind WHEN 'renter' THEN r.author_id WHEN 'landlord' THEN r.target_user_id "
            "ELSE a.owner_id END, NULL, :now FROM reviews AS r "
            "LEFT JOIN apartments AS a ON a.id = r.target_apartment_id WHERE true"_s,
            u"INSERT INTO sync_changes (seq, entity, row_id, deleted, landlord_id, renter_id, changed_at) "
            "SELECT (SELECT max(seq) FROM sync_changes) + row_number() OVER (ORDER BY p.created_at, p.id), "
            "'photo', p.id, 0, a.owner_id, NULL, :now FROM apartment_photos AS p "
            "JOIN apartments AS a ON a.id = p.apartment_id WHERE true"_s,
        };
        QStringList statements = backfill;
        // PostgreSQL's feed takes its numbers from a sequence (0006_sync.sql): it goes on after
        // the rows numbered here, or the first change would take a number they have.
        if (db::engineOf(db) == db::Engine::Postgres) {
            statements
                << u"SELECT setval('sync_changes_seq_counter', coalesce((SELECT max(seq) FROM sync_changes), 1), "
                   "(SELECT count(*) FROM sync_changes) > 0)"_s;
        }
        const QString now = QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs);
        for (const QString &statement : std::as_const(statements)) {
            const QList<db::Binding> bindings =
                statement.contains(u":now"_s) ? QList<db::Binding> { { u":now"_s, now } } : QList<db::Binding> {};
            if (auto done = db::exec(db, statement, bindings); !done)
                return std::unexpected(DomainError(done.error()));
        }
        return {};
    });
}

} // namespace rentdesk::models::services
