// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/ical/icalendar.h"
#include "models/services/domainerror.h"

#include <QDate>
#include <QJsonObject>
#include <QList>
#include <QUuid>

namespace rentdesk::models::services {

// A calendar import as a connected database sends it to its server, the mutation importBlocks
// (docs/protocol.md, "Mutations"): the apartment (its "id"), the calendar's name ("source") and
// its events not over yet, each [uid, first night, departure, summary]. The server imports them
// with BookingService::importBlocks as the owner, by its own rules and its own today.
struct CalendarImportChange
{
    QUuid apartment;
    QString source;
    QList<ical::IcsEvent> events;
};

// What a push frame leaves for one change, with room for the push around it (maxMessageBytes is
// 64 KiB): a calendar's coming events must fit, or the import is refused before it is made.
inline constexpr qint64 MaxImportChangeBytes = 48 * 1024;

// The mutation's arguments: the events ending after today, their summaries cut to 100
// characters (a summary only names the event in a refusal).
[[nodiscard]] QJsonObject calendarImportArgs(const QUuid &apartment, const QString &source,
                                             const QList<ical::IcsEvent> &events, QDate today);
// Reads them back; InvalidValue naming the argument that is wrong.
[[nodiscard]] Result<CalendarImportChange> readCalendarImportArgs(const QJsonObject &args);

} // namespace rentdesk::models::services
