// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/db/migrator.h"

#include "models/db/engine.h"
#include "models/db/query.h"
#include "models/db/transaction.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QLoggingCategory>
#include <QScopeGuard>

Q_LOGGING_CATEGORY(lcMigration, "rentdesk.db.migration", QtWarningMsg)

namespace rentdesk::models::db {

Migrator::Migrator(const MigrationSet &migrations)
    : m_migrations(migrations)
{
}

std::expected<int, DbError> Migrator::currentVersion(const QSqlDatabase &db)
{
    auto hasTable = engineOf(db) == Engine::Postgres
        ? scalar(db,
                 QStringLiteral("SELECT count(*) FROM pg_catalog.pg_tables "
                                "WHERE schemaname = current_schema() AND tablename = 'schema_migrations'"))
        : scalar(db,
                 QStringLiteral("SELECT count(*) FROM sqlite_schema "
                                "WHERE type = 'table' AND name = 'schema_migrations'"));
    if (!hasTable)
        return std::unexpected(hasTable.error());
    if (hasTable->toInt() == 0)
        return 0;
    auto version = scalar(db, QStringLiteral("SELECT coalesce(max(version), 0) FROM schema_migrations"));
    if (!version)
        return std::unexpected(version.error());
    return version->toInt();
}

std::expected<int, DbError> Migrator::checkedVersion(const QSqlDatabase &db) const
{
    auto current = currentVersion(db);
    if (!current)
        return std::unexpected(current.error());
    const int latest = m_migrations.latestVersion();
    if (*current > latest) {
        DbError error;
        error.kind = DbError::Kind::NewerSchema;
        error.message = QCoreApplication::translate("DbError",
                                                    "%1 was written by a newer RentDesk (schema version %2; this "
                                                    "release knows up to %3). Update RentDesk to open it.")
                            .arg(db.databaseName())
                            .arg(*current)
                            .arg(latest);
        return std::unexpected(error);
    }
    return *current;
}

std::expected<int, DbError> Migrator::migrate(const QSqlDatabase &db) const
{
    const bool postgres = engineOf(db) == Engine::Postgres;
    if (postgres) {
        // Servers that start together on one database migrate it one after the other: the
        // second finds the schema current. A session lock, given back whatever happens.
        if (auto locked = exec(db, QStringLiteral("SELECT pg_advisory_lock(%1)").arg(MigrationLockKey)); !locked)
            return std::unexpected(locked.error());
    }
    const auto unlock = qScopeGuard([&] {
        if (postgres)
            (void)exec(db, QStringLiteral("SELECT pg_advisory_unlock(%1)").arg(MigrationLockKey));
    });
    auto current = checkedVersion(db);
    if (!current)
        return std::unexpected(current.error());
    int applied = 0;
    for (const Migration &migration : m_migrations.migrations()) {
        if (migration.version <= *current)
            continue;
        // A step that rebuilds a table runs with foreign keys off (dropping the old table
        // would otherwise delete, or refuse to delete, the rows that point at it) and with the
        // legacy rename (so that renaming the new table does not re-check triggers that name the
        // old one while it is gone). Both are connection settings, changed outside the
        // transaction and restored whatever happens; the foreign keys are checked in full before
        // the COMMIT instead.
        const bool rebuilds = migration.rebuildsTables && !postgres;
        if (rebuilds) {
            if (auto off = exec(db, QStringLiteral("PRAGMA foreign_keys = OFF")); !off)
                return std::unexpected(off.error());
            if (auto legacy = exec(db, QStringLiteral("PRAGMA legacy_alter_table = ON")); !legacy)
                return std::unexpected(legacy.error());
        }
        const auto restore = qScopeGuard([&] {
            if (rebuilds) {
                (void)exec(db, QStringLiteral("PRAGMA legacy_alter_table = OFF"));
                (void)exec(db, QStringLiteral("PRAGMA foreign_keys = ON"));
            }
        });
        auto step = transact(db, [&]() -> std::expected<void, DbError> {
            auto bootstrap = exec(db,
                                  QStringLiteral("CREATE TABLE IF NOT EXISTS schema_migrations ("
                                                 " version INTEGER NOT NULL PRIMARY KEY,"
                                                 " name TEXT NOT NULL,"
                                                 " applied_at TEXT NOT NULL)")
                                      + (postgres ? QString() : QStringLiteral(" STRICT")));
            if (!bootstrap)
                return std::unexpected(bootstrap.error());
            for (const QString &statement : migration.statements) {
                if (auto done = exec(db, statement); !done)
                    return std::unexpected(done.error());
            }
            if (rebuilds) {
                auto broken = exec(db, QStringLiteral("PRAGMA foreign_key_check"));
                if (!broken)
                    return std::unexpected(broken.error());
                if (broken->next()) {
                    DbError error;
                    error.kind = DbError::Kind::Query;
                    error.detail = QStringLiteral("a row of %1 points at a missing row of %2")
                                       .arg(broken->value(0).toString(), broken->value(2).toString());
                    return std::unexpected(error);
                }
            }
            // PRAGMA takes no bound values; the id is our own constant. (A PostgreSQL database is
            // RentDesk's when it has schema_migrations: Database refuses one with other tables.)
            if (!postgres) {
                if (auto marked = exec(db, QStringLiteral("PRAGMA application_id = %1").arg(ApplicationId)); !marked)
                    return std::unexpected(marked.error());
            }
            auto recorded = exec(
                db,
                QStringLiteral("INSERT INTO schema_migrations (version, name, applied_at) "
                               "VALUES (:version, :name, :applied_at)"),
                { { QStringLiteral(":version"), migration.version },
                  { QStringLiteral(":name"), migration.name },
                  { QStringLiteral(":applied_at"), QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs) } });
            if (!recorded)
                return std::unexpected(recorded.error());
            return {};
        });
        if (!step) {
            DbError error = step.error();
            qCInfo(lcMigration) << "migration" << migration.version << migration.name
                                << "failed and was rolled back:" << error.detail;
            error.kind = DbError::Kind::Migration;
            error.message = QCoreApplication::translate("DbError",
                                                        "Updating the database to version %1 (%2) failed; "
                                                        "the database was left as it was.")
                                .arg(migration.version)
                                .arg(migration.name);
            return std::unexpected(error);
        }
        qCInfo(lcMigration) << "applied migration" << migration.version << migration.name;
        ++applied;
    }
    return applied;
}

} // namespace rentdesk::models::db
