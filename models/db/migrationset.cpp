// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/db/migrationset.h"

#include <QDir>
#include <QFile>
#include <QMap>
#include <QRegularExpression>

#include <sqlite3.h>

namespace rentdesk::models::db {

namespace {

// PostgreSQL's lexical rules for where a statement ends: a semicolon outside quotes ('…', "…"),
// dollar quotes ($$…$$, $tag$…$tag$) and comments (-- and /* */, which nest).
QStringList splitPostgres(const QString &script)
{
    QStringList statements;
    qsizetype start = 0;
    qsizetype i = 0;
    const qsizetype n = script.size();
    const auto skipPast = [&](QStringView closing) {
        const qsizetype end = script.indexOf(closing, i);
        i = end < 0 ? n : end + closing.size();
    };
    while (i < n) {
        const QChar c = script.at(i);
        if (c == u'\'' || c == u'"') {
            ++i;
            // A doubled quote is one quote inside the text.
            while (i < n) {
                if (script.at(i) == c && !(i + 1 < n && script.at(i + 1) == c))
                    break;
                i += script.at(i) == c ? 2 : 1;
            }
            ++i;
        } else if (c == u'-' && i + 1 < n && script.at(i + 1) == u'-') {
            skipPast(u"\n");
        } else if (c == u'/' && i + 1 < n && script.at(i + 1) == u'*') {
            int depth = 0;
            do {
                if (script.mid(i, 2) == u"/*") {
                    ++depth;
                    i += 2;
                } else if (script.mid(i, 2) == u"*/") {
                    --depth;
                    i += 2;
                } else {
                    ++i;
                }
            } while (depth > 0 && i < n);
        } else if (c == u'$') {
            static const QRegularExpression tag(QStringLiteral(R"(\$[A-Za-z_]*\$)"));
            const auto match =
                tag.match(script, i, QRegularExpression::NormalMatch, QRegularExpression::AnchorAtOffsetMatchOption);
            if (match.hasMatch()) {
                i += match.capturedLength();
                skipPast(match.captured());
            } else {
                ++i;
            }
        } else if (c == u';') {
            ++i;
            statements.append(script.mid(start, i - start).trimmed());
            start = i;
        } else {
            ++i;
        }
    }
    statements.append(script.mid(start).trimmed());
    return statements;
}

} // namespace

QStringList splitSqlStatements(const QString &script, Engine engine)
{
    if (engine == Engine::Postgres) {
        static const QRegularExpression commentsOnly(QStringLiteral(R"(^(\s|--[^\n]*\n?)*$)"));
        QStringList statements = splitPostgres(script);
        statements.removeIf([](const QString &statement) { return commentsOnly.match(statement + u'\n').hasMatch(); });
        return statements;
    }
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

const MigrationSet &MigrationSet::builtIn(Engine engine)
{
    const auto load = [](Engine of, const QString &dir) {
        auto loaded = fromDirectory(dir, of);
        // The resources are compiled in and checked by the test suite; a broken set is a
        // build defect, not a run-time condition.
        Q_ASSERT_X(loaded.has_value(), "MigrationSet::builtIn", qPrintable(loaded.error()));
        return loaded.value_or(MigrationSet());
    };
    if (engine == Engine::Postgres) {
        static const MigrationSet postgres = load(Engine::Postgres, QStringLiteral(":/migrations/postgresql"));
        return postgres;
    }
    static const MigrationSet sqlite = load(Engine::Sqlite, QStringLiteral(":/migrations/sqlite"));
    return sqlite;
}

std::expected<MigrationSet, QString> MigrationSet::fromDirectory(const QString &dir, Engine engine)
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
        migration.statements += splitSqlStatements(script, engine);
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
