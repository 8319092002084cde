// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QDate>
#include <QDateTime>
#include <QList>
#include <QString>

#include <expected>

namespace rentdesk::models::ical {

// iCalendar (RFC 5545) files of an apartment's occupied dates, read and written with libical:
// what other booking sites publish and subscribe to. Only whole days matter to RentDesk (a
// stay is nights from its first day to the day of departure), so an event is a UID and a
// range of days.

// One event: the days [start, end) it occupies (end exclusive, as DTEND of an all-day event).
struct IcsEvent
{
    QString uid; // UID, unique within its calendar; a recurring event's occurrences get "uid/YYYYMMDD"
    QDate start;
    QDate end;
    QString summary; // SUMMARY, may be empty

    friend bool operator==(const IcsEvent &, const IcsEvent &) = default;
};

// What reading a calendar accepts; everything past a limit is refused, never cut silently.
struct IcsLimits
{
    qint64 maxBytes = 10 * 1024 * 1024; // a file or download larger than this is refused unread
    int maxEvents = 10000; // events (after expanding recurrences) in one calendar
    int maxNights = 730; // the longest one event may be, in days (BookingService::MaximumNights)
    // Recurring events (RRULE, RDATE, EXDATE) are expanded to their occurrences that start
    // in [expandFrom, expandTo); occurrences outside are left out (a block in the far past
    // or future matters to nobody). Both must be valid.
    QDate expandFrom;
    QDate expandTo;
};

// The limits of importing another site's calendar on a given day: the defaults, and recurring
// events counted from today to two years ahead (a block outside helps nobody).
[[nodiscard]] inline IcsLimits importLimits(QDate today)
{
    IcsLimits limits;
    limits.expandFrom = today;
    limits.expandTo = today.addYears(2);
    return limits;
}

// Why a calendar was refused: the 1-based physical line of the file that is wrong (0 when
// the problem is not one line: too large, empty, not a calendar at all) and a sentence for a
// person, in the user's language (QCoreApplication::translate, context "ICalendar").
struct IcsError
{
    int line = 0;
    QString message;
};

// The events of a VCALENDAR. A file that is not UTF-8, not a VCALENDAR, has a property
// libical cannot read, an event without UID or DTSTART, a date that does not exist, an end
// not after its start, an event longer than maxNights, two events with one UID, or more
// events than maxEvents is refused as a whole, with the line. DTSTART/DTEND may be dates or
// date-times (UTC, floating or with a TZID the file defines); a date-time counts from its
// own day, and an end at a time after midnight occupies that day too. DURATION stands for
// DTEND; with neither, an all-day event is one day. Events with STATUS:CANCELLED or
// TRANSP:TRANSPARENT occupy nothing and are left out. VTODO, VJOURNAL, VFREEBUSY and
// VALARM are ignored.
[[nodiscard]] std::expected<QList<IcsEvent>, IcsError> parseCalendar(const QByteArray &data, const IcsLimits &limits);

// Reads a file: refused unread when it is larger than limits.maxBytes; a file that cannot be
// read is refused with the system's reason.
[[nodiscard]] std::expected<QList<IcsEvent>, IcsError> readCalendarFile(const QString &path, const IcsLimits &limits);

// A VCALENDAR (VERSION 2.0, PRODID "-//RentDesk//RentDesk//EN", CALSCALE GREGORIAN,
// METHOD PUBLISH, X-WR-CALNAME name) with one all-day VEVENT per event (UID, DTSTAMP stamp in
// UTC, DTSTART and DTEND as VALUE=DATE, SUMMARY, TRANSP OPAQUE), CRLF line ends, lines folded
// at 75 octets; what parseCalendar reads back as the same events.
[[nodiscard]] QByteArray writeCalendar(const QString &name, const QList<IcsEvent> &events, const QDateTime &stamp);

} // namespace rentdesk::models::ical
