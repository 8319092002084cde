// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "tests/server/serverprocess.h"

#include <QDate>
#include <QHash>
#include <QJsonArray>
#include <QJsonObject>
#include <QUuid>

#include <optional>

// A desktop's side of sync spoken as raw protocol frames, for the server's sync tests
// (tst_serversync, tst_servercluster).
namespace rentdesk::test::sync {

using namespace Qt::StringLiterals;

inline QString newId()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

inline QString codeOf(const std::optional<QJsonObject> &reply)
{
    if (!reply)
        return u"<no reply>"_s;
    return reply->value(u"ok"_s).toBool() ? u"ok"_s : reply->value(u"error"_s).toObject().value(u"code"_s).toString();
}

inline QString day(int fromToday)
{
    return QDate::currentDate().addDays(fromToday).toString(Qt::ISODate);
}

// One person's desktop as the protocol sees it, written from docs/protocol.md alone: raw
// JSON frames, a client id, mutation ids that only grow, and a map of what the pulls gave.
class Peer
{
public:
    TestClient client;
    QString clientId = newId();
    qint64 nextMutation = 1;
    QString cursor;
    // "entity/id" -> row, as the pulls left it.
    QHash<QString, QJsonObject> rows;
    // Every row object any pull returned, to check what the server let through.
    QList<QJsonObject> seen;

    [[nodiscard]] QString userId() const { return client.userId(); }

    QJsonObject mutation(const QString &name, const QJsonObject &args)
    {
        return mutationWithId(nextMutation++, name, args);
    }
    static QJsonObject mutationWithId(qint64 id, const QString &name, const QJsonObject &args)
    {
        return { { u"id"_s, id }, { u"name"_s, name }, { u"args"_s, args } };
    }

    std::optional<QJsonObject> push(const QJsonArray &mutations)
    {
        return client.call(u"sync.push"_s, { { u"clientId"_s, clientId }, { u"mutations"_s, mutations } });
    }

    // Pulls until the feed's end; false when a reply fails.
    bool pullAll(int limit = 1000, int *pages = nullptr)
    {
        for (int page = 1; page <= 10000; ++page) {
            QJsonObject body { { u"clientId"_s, clientId }, { u"limit"_s, limit } };
            if (!cursor.isEmpty())
                body.insert(u"cursor"_s, cursor);
            const auto reply = client.call(u"sync.pull"_s, body);
            if (!reply || !reply->value(u"ok"_s).toBool())
                return false;
            for (const QJsonValue &value : reply->value(u"rows"_s).toArray()) {
                const QJsonObject row = value.toObject();
                seen << row;
                const QString key = row.value(u"entity"_s).toString() + u'/' + row.value(u"id"_s).toString();
                if (row.value(u"deleted"_s).toBool())
                    rows.remove(key);
                else
                    rows.insert(key, row.value(u"row"_s).toObject());
            }
            cursor = reply->value(u"cursor"_s).toString();
            if (pages)
                *pages = page;
            if (!reply->value(u"more"_s).toBool())
                return true;
        }
        return false;
    }

    [[nodiscard]] QJsonObject row(const QString &entity, const QString &id) const
    {
        return rows.value(entity + u'/' + id);
    }
};

inline QJsonObject buildingArgs(const QString &id, const QString &name, int floors = 5)
{
    return { { u"id"_s, id },           { u"name"_s, name },     { u"address"_s, u"1 Kremlin St"_s },
             { u"city"_s, u"Kazan"_s }, { u"floors"_s, floors }, { u"yearBuilt"_s, 1990 } };
}

inline QJsonObject apartmentArgs(const QString &id, const QString &building, const QString &number)
{
    return { { u"id"_s, id },
             { u"buildingId"_s, building },
             { u"number"_s, number },
             { u"floor"_s, 2 },
             { u"rooms"_s, 2 },
             { u"area"_s, 54.5 },
             { u"monthlyPrice"_s, u"4500000"_s },
             { u"currency"_s, u"RUB"_s },
             { u"furnished"_s, true },
             { u"petsAllowed"_s, false },
             { u"description"_s, u"Near the river"_s } };
}

inline QJsonObject bookingArgs(const QString &id, const QString &apartment, int from, int to)
{
    return {
        { u"id"_s, id }, { u"apartmentId"_s, apartment }, { u"startDate"_s, day(from) }, { u"endDate"_s, day(to) }
    };
}

inline QStringList statuses(const std::optional<QJsonObject> &reply)
{
    QStringList out;
    if (!reply)
        return { u"<no reply>"_s };
    for (const QJsonValue &value : reply->value(u"results"_s).toArray()) {
        const QJsonObject result = value.toObject();
        QString status = result.value(u"status"_s).toString();
        if (result.contains(u"error"_s))
            status += u':' + result.value(u"error"_s).toObject().value(u"code"_s).toString();
        if (result.value(u"duplicate"_s).toBool())
            status += u"(again)"_s;
        out << status;
    }
    return out;
}

} // namespace rentdesk::test::sync
