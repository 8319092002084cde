// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/sync/pagewriter.h"

#include "models/db/query.h"
#include "models/domain/storedvalues.h"
#include "models/sync/rowformat.h"

#include <QCoreApplication>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QSqlError>
#include <QSqlQuery>

namespace rentdesk::models::sync {

Q_DECLARE_LOGGING_CATEGORY(lcReplica)

using namespace Qt::StringLiterals;
using namespace rentdesk::models::domain;
using services::DomainError;
using services::Result;

namespace {

// The statements a pull writes a row with, made once per entity.
struct RowStatements
{
    QString upsert;
    QString select;
    QString remove;
};

const RowStatements &rowStatementsOf(const SyncEntity &entity)
{
    // In the order of syncEntities(), which never changes.
    static const QList<RowStatements> statements = [] {
        QList<RowStatements> made;
        for (const SyncEntity &each : syncEntities())
            made.append({ upsertRowSql(each), selectRowSql(each),
                          u"DELETE FROM %1 WHERE id = :id"_s.arg(QLatin1StringView(each.table)) });
        return made;
    }();
    return statements.at(syncEntityIndex(entity));
}

bool sameValue(SyncColumn::Kind kind, const QVariant &stored, const QVariant &sent)
{
    if (stored.isNull() || sent.isNull())
        return stored.isNull() && sent.isNull();
    switch (kind) {
    case SyncColumn::Kind::Text:
        return stored.toString() == sent.toString();
    case SyncColumn::Kind::Real:
        return stored.toDouble() == sent.toDouble();
    case SyncColumn::Kind::Integer:
    case SyncColumn::Kind::Boolean:
    case SyncColumn::Kind::Minor:
        return stored.toLongLong() == sent.toLongLong();
    }
    return false;
}

// The columns of a row the replica has that the server's values change; empty when the row
// is new (nullopt) or unchanged.
Result<std::optional<QList<int>>> changedColumns(const QSqlDatabase &db, const SyncEntity &entity,
                                                 const QVariantList &values)
{
    auto stored = db::exec(db, rowStatementsOf(entity).select, { { u":id"_s, values.constFirst() } });
    if (!stored)
        return std::unexpected(DomainError(stored.error()));
    QSqlQuery &query = *stored;
    if (!query.next())
        return std::optional<QList<int>>();
    QList<int> changed;
    for (int i = 1; i < entity.columns.size(); ++i) {
        if (!sameValue(entity.columns.at(i).kind, query.value(i), values.at(i)))
            changed.append(i);
    }
    return std::optional<QList<int>>(changed);
}

// The one unique rule of the synced tables besides the ids whose columns a row may change.
constexpr QLatin1StringView ApartmentNumberIndex("apartments_number_unique");

// The server's apartment takes a number that an apartment of the replica still holds: that one
// has changed since (the server's numbers are unique at every moment), and its own row follows
// later in this pull, so it waits under a number no one types ("~" and the random end of its
// id) rather than block this row. Two apartments that swapped numbers need this whichever comes
// first. Whether one was moved.
Result<bool> parkApartmentNumber(const QSqlDatabase &db, const QVariantList &values)
{
    const SyncEntity *entity = syncEntity(u"apartment");
    const auto column = [&](QLatin1StringView name) {
        for (int i = 0; i < entity->columns.size(); ++i) {
            if (name == QLatin1StringView(entity->columns.at(i).column))
                return values.value(i);
        }
        return QVariant();
    };
    auto parked = db::exec(db,
                           u"UPDATE apartments SET number = '~' || substr(replace(id, '-', ''), 17) "
                           "WHERE building_id = :building AND number = :number AND id <> :id"_s,
                           { { u":building"_s, column("building_id"_L1) },
                             { u":number"_s, column("number"_L1) },
                             { u":id"_s, values.value(0) } });
    if (!parked)
        return std::unexpected(DomainError(parked.error()));
    const bool moved = parked->numRowsAffected() > 0;
    if (moved)
        qCInfo(lcReplica) << "an apartment's number" << column("number"_L1).toString()
                          << "was still held here by another, which waits for its own row";
    return moved;
}

DomainError unreadableRow()
{
    return DomainError(DomainError::Code::InvalidValue, u"sync"_s, u"rows"_s,
                       QCoreApplication::translate("Replica", "The server sent a row this RentDesk cannot read."));
}

// Written, or refused by a foreign key: the row names one this replica has not got yet (its
// parent comes later in the page), or a row of the replica still names it (its child leaves
// later in the page).
enum class RowWrite { Written, WaitsForReference };

// `fresh`: the replica is being filled (a first pull), so the rows are new to it.
Result<RowWrite> applyRow(const QSqlDatabase &db, const QJsonObject &change, bool fresh,
                          std::optional<db::DbError> &reference)
{
    const QString id = change.value(u"id"_s).toString();
    if (!idFromStored(QVariant(id)))
        return std::unexpected(unreadableRow());
    const SyncEntity *entity = syncEntity(change.value(u"entity"_s).toString());
    if (!entity) {
        // A later server's entity (docs/protocol.md, "Writing a sync client"): skipped, so that
        // an entity added within version 2 does not stop this release's pulls.
        qCDebug(lcReplica) << "skipped a row of an entity this release does not know:" << change.value(u"entity"_s);
        return RowWrite::Written;
    }
    const RowStatements &sql = rowStatementsOf(*entity);
    std::optional<QVariantList> values;
    const auto written = [&](QSqlQuery &query, bool ok) -> Result<RowWrite> {
        if (ok)
            return RowWrite::Written;
        db::DbError error = db::classify(query.lastError(), db);
        if (values && error.isConstraint(db::DbError::ConstraintKind::Unique)
            && error.constraint == ApartmentNumberIndex) {
            auto parked = parkApartmentNumber(db, *values);
            if (!parked)
                return std::unexpected(parked.error());
            if (*parked && query.exec())
                return RowWrite::Written;
            error = db::classify(query.lastError(), db);
        }
        if (error.isConstraint(db::DbError::ConstraintKind::ForeignKey)) {
            reference = error;
            return RowWrite::WaitsForReference;
        }
        qCWarning(lcReplica) << "the server's" << entity->name << id << "was refused here:" << error.detail;
        return std::unexpected(DomainError(error));
    };
    if (change.value(u"deleted"_s).toBool()) {
        auto remove = db::prepare(db, sql.remove);
        if (!remove)
            return std::unexpected(DomainError(remove.error()));
        QSqlQuery &query = *remove;
        query.bindValue(0, id);
        return written(query, query.exec());
    }
    const QJsonObject row = change.value(u"row"_s).toObject();
    if (row.value(u"id"_s).toString() != id)
        return std::unexpected(unreadableRow());
    auto read = rowFromJson(*entity, row);
    if (!read)
        return std::unexpected(read.error());
    values = std::move(*read);
    if (!fresh) {
        // A row the replica has is updated in the columns that changed, or not written at all:
        // an UPDATE rewrites every index over a column it sets, and a poke's pull would
        // otherwise write a dozen index pages to change a price.
        auto changed = changedColumns(db, *entity, *values);
        if (!changed)
            return std::unexpected(changed.error());
        if (*changed) {
            if ((*changed)->isEmpty())
                return RowWrite::Written;
            QStringList sets;
            for (int i : std::as_const(**changed))
                sets << u"%1 = ?"_s.arg(QLatin1StringView(entity->columns.at(i).column));
            auto update = db::prepare(
                db, u"UPDATE %1 SET %2 WHERE id = ?"_s.arg(QLatin1StringView(entity->table), sets.join(u", "_s)));
            if (!update)
                return std::unexpected(DomainError(update.error()));
            QSqlQuery &query = *update;
            int position = 0;
            for (int i : std::as_const(**changed))
                query.bindValue(position++, values->at(i));
            query.bindValue(position, values->constFirst());
            return written(query, query.exec());
        }
    }
    auto upsert = db::prepare(db, sql.upsert);
    if (!upsert)
        return std::unexpected(DomainError(upsert.error()));
    QSqlQuery &query = *upsert;
    for (int i = 0; i < values->size(); ++i)
        query.bindValue(i, values->at(i));
    return written(query, query.exec());
}

} // namespace

// A page's rows go in the feed's order. The server sends a row's parents before it, but a row
// can still name one that comes after it (a building deleted once the apartment that named it
// moved away): such a row waits and is written again after the others, as long as a pass
// writes anything. Foreign keys stay immediate: deferring them (PRAGMA defer_foreign_keys)
// would make SQLite compile every statement of the connection again after each page.
Result<void> applyRows(const QSqlDatabase &db, const QJsonArray &rows, bool fresh)
{
    std::optional<db::DbError> reference;
    QList<QJsonObject> waiting;
    for (const QJsonValue &change : rows) {
        const QJsonObject object = change.toObject();
        auto written = applyRow(db, object, fresh, reference);
        if (!written)
            return std::unexpected(written.error());
        if (*written == RowWrite::WaitsForReference)
            waiting.append(object);
    }
    while (!waiting.isEmpty()) {
        QList<QJsonObject> still;
        for (const QJsonObject &object : std::as_const(waiting)) {
            auto written = applyRow(db, object, fresh, reference);
            if (!written)
                return std::unexpected(written.error());
            if (*written == RowWrite::WaitsForReference)
                still.append(object);
        }
        if (still.size() == waiting.size()) {
            qCWarning(lcReplica) << still.size()
                                 << "rows of the server name rows this replica does not have:" << reference->detail;
            return std::unexpected(DomainError(*reference));
        }
        waiting = std::move(still);
    }
    return {};
}

} // namespace rentdesk::models::sync
