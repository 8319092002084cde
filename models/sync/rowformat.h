// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/services/domainerror.h"

#include <QJsonObject>
#include <QList>
#include <QSqlQuery>
#include <QString>
#include <QVariant>

namespace rentdesk::models::sync {

// How a row of a synced table travels in sync.pull (docs/protocol.md, "Rows"): one JSON
// object per row, a camelCase key per column. The server reads rows into it and the replica
// writes them back from it, so both sides share this one description.
struct SyncColumn
{
    enum class Kind {
        Text,
        Integer,
        Real,
        Boolean, // 0/1 in SQL, true/false in JSON
        Minor, // money in minor units: a string of digits in JSON, whose numbers are doubles
    };
    const char *column;
    const char *key;
    Kind kind;
    bool nullable = false;
};

struct SyncEntity
{
    const char *name; // "user", "building", "apartment", "booking", "review", "photo"
    const char *table;
    QList<SyncColumn> columns; // the first is the id
};

// The six synced entities, parents first (the order a replica applies a page in does not
// depend on it, but a first pull reads best this way).
[[nodiscard]] const QList<SyncEntity> &syncEntities();
[[nodiscard]] const SyncEntity *syncEntity(QStringView name);
// Where an entity of syncEntities() stands in it: for tables of statements made per entity.
[[nodiscard]] qsizetype syncEntityIndex(const SyncEntity &entity);

// "SELECT <columns> FROM <table> WHERE id = :id".
[[nodiscard]] QString selectRowSql(const SyncEntity &entity);
// The row at the query's current position (the columns of selectRowSql, in order).
[[nodiscard]] QJsonObject rowToJson(const SyncEntity &entity, const QSqlQuery &query);

// The row's values in column order, read strictly from JSON: a missing or mistyped value is
// InvalidValue naming the key. Columns the JSON leaves out that are nullable are NULL (a
// profile's e-mail, say), never invented.
[[nodiscard]] services::Result<QVariantList> rowFromJson(const SyncEntity &entity, const QJsonObject &row);
// "INSERT INTO <table> (<columns>) VALUES (...) ON CONFLICT (id) DO UPDATE SET ...", with
// positional placeholders in column order.
[[nodiscard]] QString upsertRowSql(const SyncEntity &entity);

} // namespace rentdesk::models::sync
