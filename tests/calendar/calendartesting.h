// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/db/query.h"
#include "models/ical/icalendar.h"

#include <QDateTime>
#include <QList>
#include <QSqlDatabase>
#include <QStringList>

namespace rentdesk::test {

// An all-day event of a calendar in tests: uid, nights [start, end).
inline models::ical::IcsEvent icsEvent(const QString &uid, QDate start, QDate end)
{
    return { uid, start, end, QStringLiteral("Reserved") };
}

// The calendar file another booking site would serve with these events.
inline QByteArray icsFile(const QList<models::ical::IcsEvent> &events)
{
    return models::ical::writeCalendar(QStringLiteral("Other site"), events,
                                       QDateTime(QDate(2026, 5, 1), QTime(8, 0), Qt::UTC));
}

// The blocks a calendar (its source) made, as "uid start end", by uid.
inline QStringList blocksOf(const QSqlDatabase &db, const QString &source)
{
    QStringList blocks;
    auto rows = models::db::exec(db,
                                 QStringLiteral("SELECT block_uid, start_date, end_date FROM bookings "
                                                "WHERE status = 'blocked' AND block_source = :source "
                                                "ORDER BY block_uid"),
                                 { { QStringLiteral(":source"), source } });
    if (!rows)
        return { QStringLiteral("query failed") };
    while (rows->next()) {
        blocks << QStringLiteral("%1 %2 %3")
                      .arg(rows->value(0).toString(), rows->value(1).toString(), rows->value(2).toString());
    }
    return blocks;
}

// The same form for events, for comparing with blocksOf().
inline QStringList asBlocks(const QList<models::ical::IcsEvent> &events)
{
    QStringList blocks;
    for (const auto &event : events)
        blocks << QStringLiteral("%1 %2 %3")
                      .arg(event.uid, event.start.toString(Qt::ISODate), event.end.toString(Qt::ISODate));
    blocks.sort();
    return blocks;
}

} // namespace rentdesk::test
