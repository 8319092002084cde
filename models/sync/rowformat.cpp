// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/sync/rowformat.h"

#include <QCoreApplication>
#include <QJsonValue>
#include <QStringList>

#include <cmath>

namespace rentdesk::models::sync {

using namespace Qt::StringLiterals;
using Kind = SyncColumn::Kind;
using services::DomainError;

const QList<SyncEntity> &syncEntities()
{
    // Timestamps are text; the schema's CHECKs judge every value again on the replica.
    static const QList<SyncEntity> entities = {
        { "user",
          "users",
          { { "id", "id", Kind::Text },
            { "email", "email", Kind::Text, true },
            { "display_name", "displayName", Kind::Text },
            { "phone", "phone", Kind::Text, true },
            { "role", "role", Kind::Text },
            { "language", "language", Kind::Text },
            { "rating_sum", "ratingSum", Kind::Integer },
            { "rating_count", "ratingCount", Kind::Integer },
            { "created_at", "createdAt", Kind::Text },
            { "updated_at", "updatedAt", Kind::Text } } },
        { "building",
          "buildings",
          { { "id", "id", Kind::Text },
            { "owner_id", "ownerId", Kind::Text },
            { "name", "name", Kind::Text },
            { "address", "address", Kind::Text },
            { "city", "city", Kind::Text },
            { "floors", "floors", Kind::Integer },
            { "year_built", "yearBuilt", Kind::Integer, true },
            { "created_at", "createdAt", Kind::Text },
            { "updated_at", "updatedAt", Kind::Text } } },
        { "apartment",
          "apartments",
          { { "id", "id", Kind::Text },
            { "building_id", "buildingId", Kind::Text },
            { "owner_id", "ownerId", Kind::Text },
            { "number", "number", Kind::Text },
            { "floor", "floor", Kind::Integer },
            { "rooms", "rooms", Kind::Integer },
            { "area", "area", Kind::Real },
            { "monthly_price", "monthlyPrice", Kind::Minor },
            { "currency", "currency", Kind::Text },
            { "status", "status", Kind::Text },
            { "status_manual", "statusManual", Kind::Boolean },
            { "booked_by", "bookedBy", Kind::Text, true },
            { "furnished", "furnished", Kind::Boolean },
            { "pets_allowed", "petsAllowed", Kind::Boolean },
            { "description", "description", Kind::Text },
            { "rating_sum", "ratingSum", Kind::Integer },
            { "rating_count", "ratingCount", Kind::Integer },
            { "created_at", "createdAt", Kind::Text },
            { "updated_at", "updatedAt", Kind::Text } } },
        { "booking",
          "bookings",
          { { "id", "id", Kind::Text },
            { "apartment_id", "apartmentId", Kind::Text },
            { "renter_id", "renterId", Kind::Text },
            { "start_date", "startDate", Kind::Text },
            { "end_date", "endDate", Kind::Text },
            { "status", "status", Kind::Text },
            { "total_price", "totalPrice", Kind::Minor },
            { "currency", "currency", Kind::Text },
            { "decided_by", "decidedBy", Kind::Text, true },
            { "decided_at", "decidedAt", Kind::Text, true },
            { "created_at", "createdAt", Kind::Text },
            { "updated_at", "updatedAt", Kind::Text },
            { "block_source", "blockSource", Kind::Text, true },
            { "block_uid", "blockUid", Kind::Text, true } } },
        { "review",
          "reviews",
          { { "id", "id", Kind::Text },
            { "author_id", "authorId", Kind::Text },
            { "kind", "kind", Kind::Text },
            { "target_user_id", "targetUserId", Kind::Text, true },
            { "target_apartment_id", "targetApartmentId", Kind::Text, true },
            { "rating", "rating", Kind::Integer },
            { "body", "body", Kind::Text },
            { "created_at", "createdAt", Kind::Text },
            { "updated_at", "updatedAt", Kind::Text } } },
        // The photo's row names its bytes by hash; they travel apart (photo.get).
        { "photo",
          "apartment_photos",
          { { "id", "id", Kind::Text },
            { "apartment_id", "apartmentId", Kind::Text },
            { "position", "position", Kind::Integer },
            { "image_sha256", "imageSha256", Kind::Text },
            { "thumbnail_sha256", "thumbnailSha256", Kind::Text },
            { "width", "width", Kind::Integer },
            { "height", "height", Kind::Integer },
            { "created_at", "createdAt", Kind::Text },
            { "updated_at", "updatedAt", Kind::Text } } },
    };
    return entities;
}

const SyncEntity *syncEntity(QStringView name)
{
    for (const SyncEntity &entity : syncEntities()) {
        if (name == QLatin1StringView(entity.name))
            return &entity;
    }
    return nullptr;
}

qsizetype syncEntityIndex(const SyncEntity &entity)
{
    const qsizetype index = &entity - syncEntities().constData();
    Q_ASSERT(index >= 0 && index < syncEntities().size());
    return index;
}

QString selectRowSql(const SyncEntity &entity)
{
    QStringList columns;
    for (const SyncColumn &column : entity.columns)
        columns << QLatin1StringView(column.column);
    return u"SELECT %1 FROM %2 WHERE id = :id"_s.arg(columns.join(u", "_s), QLatin1StringView(entity.table));
}

QJsonObject rowToJson(const SyncEntity &entity, const QSqlQuery &query)
{
    QJsonObject row;
    for (int i = 0; i < entity.columns.size(); ++i) {
        const SyncColumn &column = entity.columns.at(i);
        const QVariant value = query.value(i);
        const QString key = QLatin1StringView(column.key);
        if (value.isNull()) {
            row.insert(key, QJsonValue::Null);
            continue;
        }
        switch (column.kind) {
        case Kind::Text:
            row.insert(key, value.toString());
            break;
        case Kind::Integer:
            row.insert(key, value.toLongLong());
            break;
        case Kind::Real:
            row.insert(key, value.toDouble());
            break;
        case Kind::Boolean:
            row.insert(key, value.toLongLong() != 0);
            break;
        case Kind::Minor:
            row.insert(key, QString::number(value.toLongLong()));
            break;
        }
    }
    return row;
}

services::Result<QVariantList> rowFromJson(const SyncEntity &entity, const QJsonObject &row)
{
    QVariantList values;
    values.reserve(entity.columns.size());
    for (const SyncColumn &column : entity.columns) {
        const QString key = QLatin1StringView(column.key);
        const QJsonValue value = row.value(key);
        const auto wrong = [&] {
            return DomainError(DomainError::Code::InvalidValue, QString::fromLatin1(entity.name), key,
                               QCoreApplication::translate("RowFormat", "The server sent a %1 whose “%2” is unusable.")
                                   .arg(QLatin1StringView(entity.name), key));
        };
        if (value.isNull() || value.isUndefined()) {
            if (!column.nullable)
                return std::unexpected(wrong());
            values << (column.kind == Kind::Text ? QVariant(QMetaType::fromType<QString>())
                                                 : QVariant(QMetaType::fromType<qlonglong>()));
            continue;
        }
        switch (column.kind) {
        case Kind::Text:
            if (!value.isString())
                return std::unexpected(wrong());
            values << value.toString();
            break;
        case Kind::Integer: {
            const double number = value.toDouble(std::nan(""));
            if (!value.isDouble() || number != std::floor(number) || std::abs(number) > 9e15)
                return std::unexpected(wrong());
            values << qlonglong(number);
            break;
        }
        case Kind::Real:
            if (!value.isDouble())
                return std::unexpected(wrong());
            values << value.toDouble();
            break;
        case Kind::Boolean:
            if (!value.isBool())
                return std::unexpected(wrong());
            values << qlonglong(value.toBool() ? 1 : 0);
            break;
        case Kind::Minor: {
            bool ok = false;
            const qlonglong minor = value.toString().toLongLong(&ok);
            if (!value.isString() || !ok)
                return std::unexpected(wrong());
            values << minor;
            break;
        }
        }
    }
    return values;
}

QString upsertRowSql(const SyncEntity &entity)
{
    QStringList columns;
    QStringList marks;
    QStringList updates;
    for (const SyncColumn &column : entity.columns) {
        const QLatin1StringView name(column.column);
        columns << name;
        marks << u"?"_s;
        if (name != "id"_L1)
            updates << u"%1 = excluded.%1"_s.arg(name);
    }
    return u"INSERT INTO %1 (%2) VALUES (%3) ON CONFLICT (id) DO UPDATE SET %4"_s.arg(
        QLatin1StringView(entity.table), columns.join(u", "_s), marks.join(u", "_s), updates.join(u", "_s));
}

} // namespace rentdesk::models::sync
