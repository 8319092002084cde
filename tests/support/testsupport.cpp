// SPDX-License-Identifier: GPL-3.0-or-later
#include "tests/support/testsupport.h"

#include "models/db/engine.h"
#include "models/db/query.h"
#include "tests/support/postgrescluster.h"

#include <QFile>
#include <QSqlError>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QUrl>
#include <QUuid>

namespace rentdesk::test {

using namespace Qt::StringLiterals;

QStringList dumpDatabase(const QSqlDatabase &db)
{
    QStringList dump;
    QSqlQuery query(db);
    for (const char *pragma : { "application_id", "user_version" }) {
        query.exec(u"PRAGMA "_s + QString::fromLatin1(pragma));
        query.next();
        dump << u"pragma %1 = %2"_s.arg(QString::fromLatin1(pragma), query.value(0).toString());
    }
    QStringList tables;
    query.exec(u"SELECT type, name, tbl_name, coalesce(sql, '') FROM sqlite_schema ORDER BY type, name"_s);
    while (query.next()) {
        dump << u"schema %1 %2 on %3: %4"_s.arg(query.value(0).toString(), query.value(1).toString(),
                                                query.value(2).toString(), query.value(3).toString());
        if (query.value(0).toString() == u"table"_s && !query.value(1).toString().startsWith(u"sqlite_"_s))
            tables << query.value(1).toString();
    }
    for (const QString &table : std::as_const(tables)) {
        QStringList rows;
        // Table names come from sqlite_schema, not from input; quoted as identifiers.
        QSqlQuery rowQuery(db);
        rowQuery.exec(u"SELECT * FROM \"%1\""_s.arg(table));
        while (rowQuery.next()) {
            const QSqlRecord record = rowQuery.record();
            QStringList fields;
            for (int i = 0; i < record.count(); ++i) {
                const QVariant value = record.value(i);
                fields << record.fieldName(i) + u'=' + (value.isNull() ? u"NULL"_s : value.toString());
            }
            rows << table + u": "_s + fields.join(u", "_s);
        }
        rows.sort();
        dump << rows;
    }
    return dump;
}

QSqlDatabase connectionOf(const models::db::Database &database)
{
    auto db = database.tryConnection();
    if (!db)
        qFatal("no connection to %s: %s", qPrintable(database.path()), qPrintable(db.error().message));
    return *db;
}

QByteArray fileBytes(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return file.readAll();
}

QByteArray storedBytes(const QString &database)
{
    if (models::db::isPostgresUrl(database))
        return sharedPostgres().dump(QUrl(database).path().mid(1));
    return fileBytes(database) + fileBytes(database + u"-wal"_s);
}

TempDatabase::TempDatabase()
{
    auto opened = models::db::Database::open(path());
    if (opened)
        m_database = std::move(*opened);
    else
        m_error = opened.error().message + u" / "_s + opened.error().detail;
}

QString uuid(int n)
{
    return u"00000000-0000-4000-8000-%1"_s.arg(n, 12, 10, QLatin1Char('0'));
}

QString timestamp()
{
    return u"2026-01-15T10:00:00.000Z"_s;
}

std::expected<void, QString> executeBehind(const QString &databasePath, const QStringList &statements,
                                           const QVariantMap &bindings)
{
    const QString name = u"rentdesk-test-behind"_s;
    QString error;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, name);
        db.setDatabaseName(databasePath);
        if (!db.open())
            error = db.lastError().text();
        for (const QString &sql : statements) {
            if (!error.isEmpty())
                break;
            QSqlQuery query(db);
            if (!query.prepare(sql)) {
                error = query.lastError().text();
                break;
            }
            for (auto it = bindings.cbegin(); it != bindings.cend(); ++it) {
                if (sql.contains(it.key()))
                    query.bindValue(it.key(), it.value());
            }
            if (!query.exec())
                error = sql + u": "_s + query.lastError().text();
        }
        db.close();
    }
    QSqlDatabase::removeDatabase(name);
    if (!error.isEmpty())
        return std::unexpected(error);
    return {};
}

QString Rows::insert(const QString &table, const QVariantMap &values)
{
    QStringList columns;
    QStringList placeholders;
    for (auto it = values.cbegin(); it != values.cend(); ++it) {
        columns << it.key();
        placeholders << u':' + it.key();
    }
    QList<models::db::Binding> bindings;
    for (auto it = values.cbegin(); it != values.cend(); ++it)
        bindings.append({ u':' + it.key(), it.value() });
    // Table and column names are the test's own constants; the values are bound.
    auto done = models::db::exec(
        db, u"INSERT INTO %1 (%2) VALUES (%3)"_s.arg(table, columns.join(u", "_s), placeholders.join(u", "_s)),
        bindings);
    return refusal(done ? std::expected<void, models::db::DbError>() : std::unexpected(done.error()));
}

QStringList rowsIn(const QString &path, const QString &sql)
{
    const QString name = QStringLiteral("inspect-") + QUuid::createUuid().toString(QUuid::WithoutBraces);
    QStringList rows;
    {
        QSqlDatabase db;
        if (models::db::isPostgresUrl(path)) {
            db = sharedPostgres().connect(QUrl(path).path().mid(1), name);
        } else {
            db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
            db.setDatabaseName(path);
            db.open();
        }
        const bool opened = db.isOpen();
        QSqlQuery query(db);
        if (!opened || !query.exec(sql)) {
            qWarning() << "cannot read" << path << ":" << db.lastError().text() << query.lastError().text();
        } else {
            while (query.next()) {
                QStringList values;
                for (int i = 0; i < query.record().count(); ++i)
                    values << (query.isNull(i) ? QStringLiteral("∅") : query.value(i).toString());
                rows << values.join(u'|');
            }
        }
    }
    QSqlDatabase::removeDatabase(name);
    return rows;
}

qint64 valueIn(const QString &path, const QString &sql)
{
    const QStringList rows = rowsIn(path, sql);
    bool ok = false;
    const qint64 value = rows.isEmpty() ? -1 : rows.constFirst().section(u'|', 0, 0).toLongLong(&ok);
    return ok ? value : -1;
}

QString refusal(const std::expected<void, models::db::DbError> &result)
{
    if (result)
        return {};
    const models::db::DbError &error = result.error();
    switch (error.constraintKind) {
    case models::db::DbError::ConstraintKind::ForeignKey:
        return u"fk"_s;
    case models::db::DbError::ConstraintKind::DataType:
        return u"type:"_s + error.constraint;
    case models::db::DbError::ConstraintKind::NotNull:
        return u"notnull:"_s + error.constraint;
    case models::db::DbError::ConstraintKind::None:
        return u"error:"_s + error.detail;
    default:
        return error.constraint;
    }
}

namespace {

QVariantMap merged(QVariantMap base, const QVariantMap &overrides)
{
    for (auto it = overrides.cbegin(); it != overrides.cend(); ++it)
        base.insert(it.key(), it.value());
    return base;
}

QVariantMap userRow(const QString &id, const QString &role)
{
    return { { u"id"_s, id },
             { u"email"_s, QString(role + u'.' + id.right(4) + u"@example.org"_s) },
             { u"display_name"_s, QString(u"Test "_s + role) },
             { u"role"_s, role },
             { u"language"_s, u"en"_s },
             { u"created_at"_s, timestamp() },
             { u"updated_at"_s, timestamp() } };
}

} // namespace

QString Rows::landlord(const QString &id, const QVariantMap &overrides)
{
    return insert(u"users"_s, merged(userRow(id, u"landlord"_s), overrides));
}

QString Rows::renter(const QString &id, const QVariantMap &overrides)
{
    return insert(u"users"_s, merged(userRow(id, u"renter"_s), overrides));
}

QString Rows::building(const QString &id, const QString &ownerId, const QVariantMap &overrides)
{
    return insert(u"buildings"_s,
                  merged({ { u"id"_s, id },
                           { u"owner_id"_s, ownerId },
                           { u"name"_s, u"Riverside House"_s },
                           { u"address"_s, u"1 River Street"_s },
                           { u"city"_s, u"Kazan"_s },
                           { u"floors"_s, 9 },
                           { u"year_built"_s, 1998 },
                           { u"created_at"_s, timestamp() },
                           { u"updated_at"_s, timestamp() } },
                         overrides));
}

QString Rows::apartment(const QString &id, const QString &buildingId, const QString &ownerId,
                        const QVariantMap &overrides)
{
    return insert(u"apartments"_s,
                  merged({ { u"id"_s, id },
                           { u"building_id"_s, buildingId },
                           { u"owner_id"_s, ownerId },
                           { u"number"_s, QString(u"1"_s + id.right(3)) },
                           { u"floor"_s, 3 },
                           { u"rooms"_s, 2 },
                           { u"area"_s, 54.5 },
                           { u"monthly_price"_s, 4500000 },
                           { u"currency"_s, u"RUB"_s },
                           { u"created_at"_s, timestamp() },
                           { u"updated_at"_s, timestamp() } },
                         overrides));
}

QString Rows::booking(const QString &id, const QString &apartmentId, const QString &renterId, const QString &start,
                      const QString &end, const QString &status, const QVariantMap &overrides)
{
    QVariantMap row { { u"id"_s, id },
                      { u"apartment_id"_s, apartmentId },
                      { u"renter_id"_s, renterId },
                      { u"start_date"_s, start },
                      { u"end_date"_s, end },
                      { u"status"_s, status },
                      { u"total_price"_s, 100000 },
                      { u"currency"_s, u"RUB"_s },
                      { u"created_at"_s, timestamp() },
                      { u"updated_at"_s, timestamp() } };
    if (status != u"requested"_s) {
        row.insert(u"decided_by"_s, renterId);
        row.insert(u"decided_at"_s, timestamp());
    }
    return insert(u"bookings"_s, merged(row, overrides));
}

} // namespace rentdesk::test
