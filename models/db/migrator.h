// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/db/dberror.h"
#include "models/db/migrationset.h"

#include <QSqlDatabase>

#include <expected>

namespace rentdesk::models::db {

// Brings a database up to the latest version of a MigrationSet: each pending migration
// runs in its own transaction together with its row in schema_migrations, so a failure
// leaves the database exactly as the previous step did (PostgreSQL's DDL is transactional
// too).
class Migrator final
{
public:
    // Marks a database as RentDesk's (PRAGMA application_id), so that opening some other
    // program's SQLite file is refused instead of writing our tables into it.
    static constexpr int ApplicationId = 0x52454E54; // "RENT"
    // The PostgreSQL advisory lock that servers migrating one database take in turn ("RDMIGR").
    static constexpr qint64 MigrationLockKey = 0x52444D494752;

    explicit Migrator(const MigrationSet &migrations);

    // The highest version recorded in db; 0 for a database RentDesk has not touched.
    [[nodiscard]] static std::expected<int, DbError> currentVersion(const QSqlDatabase &db);

    // The current version, or a NewerSchema error naming the file when the database
    // was written by a release that knows more migrations than this one.
    [[nodiscard]] std::expected<int, DbError> checkedVersion(const QSqlDatabase &db) const;

    // Applies what is pending and returns how many migrations ran. A database from a
    // newer release is refused without being changed.
    [[nodiscard]] std::expected<int, DbError> migrate(const QSqlDatabase &db) const;

private:
    const MigrationSet &m_migrations;
};

} // namespace rentdesk::models::db
