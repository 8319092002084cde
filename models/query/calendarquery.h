// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/ical/icalendar.h"
#include "models/services/domainerror.h"

#include <QDate>
#include <QList>
#include <QString>
#include <QUuid>

#include <memory>

namespace rentdesk::models::db {
class Database;
}

namespace rentdesk::models::query {

// An apartment's taken dates as other booking sites read them (iCalendar, issue 14): one
// event per confirmed, completed or blocked stay that has not ended before today, with
// "<booking id>@rentdesk" as its UID, so that the same stay keeps its UID in every export
// and this database knows its own stays when a site sends them back. A summary says
// "Booked" or "Blocked" and the calendar a block came from (by its label: never an
// address's secret part), never who stays.
struct ApartmentCalendar
{
    QUuid apartment;
    QString name; // "Flat 5, Elm Apartments"
    QList<ical::IcsEvent> events; // by start
};

class CalendarQuery final
{
public:
    explicit CalendarQuery(std::shared_ptr<db::Database> database);

    // The most events calendar() gives, the nearest first: what RentDesk's own import takes
    // from one calendar, and a bound on what the server's feed answers to anyone who has its
    // address (an apartment's stays do not overlap, but nothing limits how far ahead they lie).
    static constexpr int MaxEvents = ical::IcsLimits {}.maxEvents;

    // NotFound for an unknown apartment.
    [[nodiscard]] services::Result<ApartmentCalendar> calendar(const QUuid &apartment, QDate today) const;
    // Every apartment's calendar, ordered by building and number (rentdesk --export-ics).
    [[nodiscard]] services::Result<QList<ApartmentCalendar>> allCalendars(QDate today) const;
    // The owner of an apartment (who may import its calendars); NotFound when it does not exist.
    [[nodiscard]] services::Result<QUuid> ownerOf(const QUuid &apartment) const;

private:
    std::shared_ptr<db::Database> m_database;
};

} // namespace rentdesk::models::query
