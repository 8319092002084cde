// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/db/migrationset.h"

#include <QDir>
#include <QFile>
#include <QMap>
#include <QRegularExpression>

#include <sqlite3.h>

namespace rentdesk::models::db {

QStringList splitSqlStatements(const QString &script)
{
    QStringList statements;
    QString pending;
    for (const QString &line : script.split(u'\n')) {
        pending += line;
        pending += u'\n';
        // sqlite3_complete knows SQLite's grammar for where a statement ends, including
        // CREATE TRIGGER ... BEGIN ...; ...; END; and semicolons inside strings and comments.
        if (sqlite3_complete(pending.toUtf8().constData())) {
            statements.append(pending.trimmed());
            pending.clear();
        }
    }
    // What is left has no terminating semicolon; it matters only if it is more than comments.
    static const QRegularExpression commentsOnly(QStringLiteral(R"(^(\s|--[^\n]*\n?)*$)"));
    if (!commentsOnly.match(pending).hasMatch())
        statements.append(pending.trimmed());
    return statements;
}

const MigrationSet &MigrationSet::builtIn()
{
    static const MigrationSet set = [] {
        auto loaded = fromDirectory(QStringLiteral(":/migrations/sqlite"));
        // The resources are compiled in and checked by the test suite; a broken set is a
        // build defect, not a run-time condition.
        Q_ASSERT_X(loaded.has_value(), "MigrationSet::builtIn", qPrintable(loaded.error()));
        return loaded.value_or(MigrationSet());
    }();
    return set;
}

std::expected<MigrationSet, QString> MigrationSet::fromDirectory(const QString &dir)
{
    static const QRegularExpression fileName(QStringLiteral(R"(^(\d{4})_([a-z0-9_]+)\.sql$)"));
    const QStringList files = QDir(dir).entryList({ QStringLiteral("*.sql") }, QDir::Files, QDir::Name);
    QMap<int, Migration> byVersion;
    for (const QString &file : files) {
        const auto match = fileName.match(file);
        if (!match.hasMatch())
            return std::unexpected(QStringLiteral("migration file %1 is not named NNNN_name.sql").arg(file));
        QFile sqlFile(dir + u'/' + file);
        if (!sqlFile.open(QIODevice::ReadOnly))
            return std::unexpected(QStringLiteral("cannot read migration %1: %2").arg(file, sqlFile.errorString()));
        const int version = match.captured(1).toInt();
        Migration &migration = byVersion[version];
        migration.version = version;
        if (migration.name.isEmpty())
            migration.name = match.captured(2);
        const QString script = QString::fromUtf8(sqlFile.readAll());
        migration.rebuildsTables = migration.rebuildsTables || script.contains(RebuildsTablesMarker);
        migration.statements += splitSqlStatements(script);
    }
    MigrationSet set;
    int expected = 1;
    for (const Migration &migration : std::as_const(byVersion)) {
        if (migration.version != expected)
            return std::unexpected(QStringLiteral("migration %1 is missing in %2").arg(expected).arg(dir));
        set.m_migrations.append(migration);
        ++expected;
    }
    return set;
}

void MigrationSet::append(QString name, QStringList statements)
{
    m_migrations.append(Migration { latestVersion() + 1, std::move(name), std::move(statements) });
}

} // namespace rentdesk::models::db
