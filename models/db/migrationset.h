// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/db/engine.h"

#include <QList>
#include <QString>
#include <QStringList>

#include <expected>

namespace rentdesk::models::db {

// One forward-only schema step: the statements that take a database from
// version - 1 to version.
struct Migration
{
    int version = 0;
    QString name;
    QStringList statements;
    // The step rebuilds tables that others reference (SQLite cannot drop NOT NULL in place):
    // a file of it has the line RebuildsTablesMarker, and the Migrator runs it with foreign
    // keys off and checks them all before its COMMIT (SQLite's "making other kinds of table
    // schema changes" procedure).
    bool rebuildsTables = false;
};

inline constexpr QLatin1StringView RebuildsTablesMarker("-- rentdesk: rebuilds tables");

// The ordered list of migrations for one SQL dialect, read from SQL files named
// NNNN_name.sql. Several files may share a version number (the engine-specific part of a
// step, such as triggers, lives in a file of its own); they are applied together, in file
// name order, as one migration.
class MigrationSet final
{
public:
    MigrationSet() = default;

    // The migrations compiled into RentDesk for an engine (resources/migrations/sqlite or
    // resources/migrations/postgresql): the same versions, each engine's own dialect.
    [[nodiscard]] static const MigrationSet &builtIn(Engine engine = Engine::Sqlite);

    // Reads every NNNN_*.sql in dir (a resource path or a folder), in the engine's dialect.
    // Fails when a file cannot be read, its name has no version, or the versions are not 1,
    // 2, 3, ...
    [[nodiscard]] static std::expected<MigrationSet, QString> fromDirectory(const QString &dir,
                                                                            Engine engine = Engine::Sqlite);

    // Adds a migration after the last one (its version is set to latest + 1); tests use
    // this to append a deliberately failing step.
    void append(QString name, QStringList statements);

    [[nodiscard]] const QList<Migration> &migrations() const { return m_migrations; }
    [[nodiscard]] int latestVersion() const { return m_migrations.isEmpty() ? 0 : m_migrations.last().version; }

private:
    QList<Migration> m_migrations;
};

// Splits an SQL script into complete statements (trigger bodies with their inner
// semicolons stay whole: SQLite's BEGIN … END, PostgreSQL's $$ … $$), dropping comment-only
// remainders.
[[nodiscard]] QStringList splitSqlStatements(const QString &script, Engine engine = Engine::Sqlite);

} // namespace rentdesk::models::db
