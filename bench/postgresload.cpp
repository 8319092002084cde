// SPDX-License-Identifier: GPL-3.0-or-later
#include "bench/postgresload.h"

#include "models/db/database.h"
#include "models/db/query.h"
#include "models/db/transaction.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlError>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QStringList>

namespace rentdesk::bench {

using namespace Qt::StringLiterals;

namespace {

// Parents first, as the foreign keys want them.
const QStringList copiedTables { u"users"_s, u"buildings"_s, u"apartments"_s, u"bookings"_s, u"reviews"_s };
// Tables of the file that are the schema's own. (SQLite's search index of the apartments is not
// copied either: PostgreSQL's is made by its triggers as the apartments go in.)
const QStringList engineTables { u"schema_migrations"_s, u"database_meta"_s };

// Rows per statement: a JSON array of some megabytes.
constexpr int BatchRows = 5000;

QJsonValue jsonOf(const QVariant &value)
{
    if (value.isNull())
        return QJsonValue(QJsonValue::Null);
    switch (value.typeId()) {
    case QMetaType::LongLong:
    case QMetaType::Int:
        return QJsonValue(value.toLongLong());
    case QMetaType::Double:
        return QJsonValue(value.toDouble());
    default:
        return QJsonValue(value.toString());
    }
}

// The file's tables that hold rows and are neither copied nor the engine's own.
std::expected<QStringList, QString> uncopiedTables(QSqlDatabase &source)
{
    QSqlQuery tables(source);
    // Ordinary tables only: not the search index (a virtual table) and its shadow tables.
    if (!tables.exec(u"SELECT name FROM pragma_table_list WHERE schema = 'main' AND type = 'table' "
                     "AND name NOT LIKE 'sqlite%' ORDER BY name"_s))
        return std::unexpected(tables.lastError().text());
    QStringList names;
    while (tables.next())
        names << tables.value(0).toString();
    QStringList uncopied;
    for (const QString &name : std::as_const(names)) {
        if (copiedTables.contains(name) || engineTables.contains(name))
            continue;
        QSqlQuery rows(source);
        // The name comes from the file's own schema, not from input.
        if (!rows.exec(u"SELECT EXISTS (SELECT 1 FROM \"%1\")"_s.arg(name)) || !rows.next())
            return std::unexpected(rows.lastError().text());
        if (rows.value(0).toBool())
            uncopied << name;
    }
    return uncopied;
}

std::expected<qint64, QString> copyTable(QSqlDatabase &source, const QSqlDatabase &target, const QString &table)
{
    QSqlQuery rows(source);
    rows.setForwardOnly(true);
    if (!rows.exec(u"SELECT * FROM %1 ORDER BY rowid"_s.arg(table)))
        return std::unexpected(table + u": "_s + rows.lastError().text());
    const QSqlRecord record = rows.record();
    QStringList columns;
    for (int c = 0; c < record.count(); ++c)
        columns << record.fieldName(c);
    const QString list = columns.join(u", "_s);
    const QString insert =
        u"INSERT INTO %1 (%2) SELECT %2 FROM json_populate_recordset(NULL::%1, CAST(:rows AS json))"_s.arg(table, list);
    qint64 copied = 0;
    QJsonArray batch;
    const auto flush = [&]() -> std::expected<void, QString> {
        if (batch.isEmpty())
            return {};
        const QString json = QString::fromUtf8(QJsonDocument(batch).toJson(QJsonDocument::Compact));
        if (auto done = models::db::exec(target, insert, { { u":rows"_s, json } }); !done)
            return std::unexpected(table + u": "_s + done.error().message + u" "_s + done.error().detail);
        copied += batch.size();
        batch = QJsonArray();
        return {};
    };
    while (rows.next()) {
        QJsonObject row;
        for (int c = 0; c < columns.size(); ++c)
            row.insert(columns[c], jsonOf(rows.value(c)));
        batch.append(row);
        if (batch.size() == BatchRows) {
            if (auto flushed = flush(); !flushed)
                return std::unexpected(flushed.error());
        }
    }
    if (rows.lastError().isValid())
        return std::unexpected(table + u": "_s + rows.lastError().text());
    if (auto flushed = flush(); !flushed)
        return std::unexpected(flushed.error());
    return copied;
}

} // namespace

std::expected<PostgresLoad, QString> copyIntoPostgres(const QString &sqlitePath, const QString &url)
{
    QElapsedTimer timer;
    timer.start();
    auto opened = models::db::Database::open(url);
    if (!opened)
        return std::unexpected(opened.error().message + u" "_s + opened.error().detail);
    auto target = (*opened)->tryConnection();
    if (!target)
        return std::unexpected(target.error().message);
    const QString name = u"rentdesk-bench-pgload"_s;
    PostgresLoad load;
    std::expected<void, QString> done;
    {
        QSqlDatabase source = QSqlDatabase::addDatabase(u"QSQLITE"_s, name);
        source.setDatabaseName(sqlitePath);
        source.setConnectOptions(u"QSQLITE_OPEN_READONLY"_s);
        if (!source.open()) {
            done = std::unexpected(source.lastError().text());
        } else if (const auto uncopied = uncopiedTables(source); !uncopied || !uncopied->isEmpty()) {
            done = std::unexpected(uncopied ? u"the loader does not copy the rows of "_s + uncopied->join(u", "_s)
                                            : uncopied.error());
        } else {
            // One transaction, not retried: nothing else uses the new database.
            models::db::TransactionScope scope(*target, models::db::TransactionScope::Isolation::RowLocks);
            if (auto begun = scope.begin(); !begun)
                done = std::unexpected(begun.error().message);
            for (const QString &table : copiedTables) {
                if (!done)
                    break;
                if (const auto copied = copyTable(source, *target, table); copied)
                    load.rows += *copied;
                else
                    done = std::unexpected(copied.error());
            }
            if (done) {
                if (auto committed = scope.commit(); !committed)
                    done = std::unexpected(committed.error().message + u" "_s + committed.error().detail);
            } else {
                scope.rollback();
            }
        }
    }
    QSqlDatabase::removeDatabase(name);
    if (!done)
        return std::unexpected(done.error());
    load.seconds = double(timer.nsecsElapsed()) / 1e9;
    return load;
}

} // namespace rentdesk::bench
