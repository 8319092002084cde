// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/ical/icalendar.h"
#include "tests/support/childprocess.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QProcessEnvironment>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>

using namespace Qt::StringLiterals;
using namespace rentdesk::models::ical;

namespace rentdesk::models::ical {

// QCOMPARE shows events that differ.
char *toString(const IcsEvent &event)
{
    return QTest::toString(u"{%1, %2, %3, %4}"_s.arg(event.uid, event.start.toString(Qt::ISODate),
                                                     event.end.toString(Qt::ISODate), event.summary));
}

} // namespace rentdesk::models::ical

namespace {

// A calendar of lines, each ended with eol.
QByteArray calendar(const QByteArrayList &lines, const QByteArray &eol = "\r\n"_ba)
{
    return lines.join(eol) + eol;
}

// A calendar of one VCALENDAR around lines, with the time zones the tests name.
QByteArray calendarWith(const QByteArrayList &lines)
{
    QByteArrayList all { "BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//RentDesk//Tests//EN",
                         // A zone of no daylight saving far from UTC: a day in it is seldom the UTC day.
                         "BEGIN:VTIMEZONE", "TZID:Custom/Plus14", "BEGIN:STANDARD", "DTSTART:19700101T000000",
                         "TZOFFSETFROM:+1400", "TZOFFSETTO:+1400", "TZNAME:P14", "END:STANDARD", "END:VTIMEZONE",
                         // Berlin's rules under a name libical does not know: only the file defines it.
                         "BEGIN:VTIMEZONE", "TZID:Custom/Berlin", "BEGIN:DAYLIGHT", "TZOFFSETFROM:+0100",
                         "TZOFFSETTO:+0200", "TZNAME:CEST", "DTSTART:19700329T020000",
                         "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU", "END:DAYLIGHT", "BEGIN:STANDARD",
                         "TZOFFSETFROM:+0200", "TZOFFSETTO:+0100", "TZNAME:CET", "DTSTART:19701025T030000",
                         "RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU", "END:STANDARD", "END:VTIMEZONE" };
    all += lines;
    all += "END:VCALENDAR";
    return calendar(all);
}

IcsLimits window(QDate from = QDate(2026, 1, 1), QDate to = QDate(2028, 1, 1))
{
    IcsLimits limits;
    limits.expandFrom = from;
    limits.expandTo = to;
    return limits;
}

QByteArray dateText(QDate day)
{
    return day.toString(u"yyyyMMdd"_s).toLatin1();
}

// The events of a calendar that must be read; an empty list (and a failed test) otherwise.
QList<IcsEvent> eventsOf(const QByteArray &data, const IcsLimits &limits = window())
{
    const auto read = parseCalendar(data, limits);
    if (!read) {
        qWarning("refused: %d %s", read.error().line, qPrintable(read.error().message));
        return {};
    }
    return *read;
}

// What can be wrong with a calendar: its lines, the line the error must name and a word its
// message must contain.
struct Fault
{
    const char *name;
    QByteArrayList lines;
    int line;
    QString word;
};

// An event's lines in a calendar: they are numbered from 4.
QByteArrayList inEvent(const QByteArrayList &lines)
{
    return QByteArrayList { "BEGIN:VCALENDAR", "VERSION:2.0", "BEGIN:VEVENT" } + lines
        + QByteArrayList { "END:VEVENT", "END:VCALENDAR" };
}

QList<Fault> faults()
{
    const QByteArray tooFar = dateText(QDate(2026, 1, 1).addDays(IcsLimits().maxNights + 1));
    const QByteArray nul(1, '\0');
    return {
        { "empty file", {}, 0, u"empty"_s },
        { "only blank lines", { "", "", "" }, 0, u"empty"_s },
        { "a vCard", { "BEGIN:VCARD", "VERSION:4.0", "FN:Somebody", "END:VCARD" }, 0, u"not an iCalendar"_s },
        { "a web page", { "<!DOCTYPE html>", "<html><body>Sign in</body></html>" }, 0, u"BEGIN:VCALENDAR"_s },
        { "a day that does not exist", inEvent({ "UID:a", "DTSTART;VALUE=DATE:20260230" }), 5, u"2026-02-30"_s },
        { "month 13", inEvent({ "UID:a", "DTSTART;VALUE=DATE:20260301", "DTEND;VALUE=DATE:20261301" }), 6,
          u"2026-13-01"_s },
        { "a date that is not one", inEvent({ "UID:a", "DTSTART;VALUE=DATE:soon" }), 5, u"soon"_s },
        { "hour 25", inEvent({ "UID:a", "DTSTART:20260301T250000Z" }), 5, u"25:00:00"_s },
        { "an EXDATE that does not exist",
          inEvent({ "UID:a", "DTSTART;VALUE=DATE:20260301", "RRULE:FREQ=DAILY;COUNT=5",
                    "EXDATE;VALUE=DATE:20260302,20260231" }),
          7, u"2026-02-31"_s },
        { "an UNTIL that does not exist",
          inEvent({ "UID:a", "DTSTART;VALUE=DATE:20260201", "RRULE:FREQ=DAILY;UNTIL=20260229" }), 6, u"2026-02-29"_s },
        { "an end before the start", inEvent({ "UID:a", "DTSTART;VALUE=DATE:20260305", "DTEND;VALUE=DATE:20260301" }),
          6, u"end"_s },
        { "an end on the start", inEvent({ "UID:a", "DTSTART;VALUE=DATE:20260305", "DTEND;VALUE=DATE:20260305" }), 6,
          u"end"_s },
        // 11:00 in Berlin in March is 10:00 UTC: the same moment, though written an hour later.
        { "an end at the start's moment in another zone",
          inEvent({ "UID:a", "DTSTART:20260301T100000Z", "DTEND;TZID=Europe/Berlin:20260301T110000" }), 6, u"end"_s },
        { "a negative DURATION", inEvent({ "UID:a", "DTSTART;VALUE=DATE:20260305", "DURATION:-P2D" }), 6, u"end"_s },
        { "both DTEND and DURATION",
          inEvent({ "UID:a", "DTSTART;VALUE=DATE:20260305", "DTEND;VALUE=DATE:20260307", "DURATION:P2D" }), 7,
          u"DURATION"_s },
        { "a stay too long", inEvent({ "UID:a", "DTSTART;VALUE=DATE:20260101", "DTEND;VALUE=DATE:" + tooFar }), 6,
          QString::number(IcsLimits().maxNights + 1) },
        { "no UID", inEvent({ "DTSTART;VALUE=DATE:20260301" }), 3, u"UID"_s },
        { "an empty UID", inEvent({ "UID:", "DTSTART;VALUE=DATE:20260301" }), 3, u"UID"_s },
        { "no DTSTART", inEvent({ "UID:a", "DTEND;VALUE=DATE:20260301" }), 3, u"DTSTART"_s },
        { "Latin-1 text", inEvent({ "UID:a", "DTSTART;VALUE=DATE:20260301", "SUMMARY:Z\xFCrich" }), 6, u"UTF-8"_s },
        { "Latin-1 text on a folded line",
          inEvent({ "UID:a", "DTSTART;VALUE=DATE:20260301", "SUMMARY:A long stay in the old town of", " Z\xFCrich" }),
          7, u"UTF-8"_s },
        { "a NUL byte", inEvent({ "UID:a", "SUMMARY:a" + nul + "b", "DTSTART;VALUE=DATE:20260301" }), 5, u"UTF-8"_s },
        { "a property iCalendar does not have", inEvent({ "UID:a", "DTSTART;VALUE=DATE:20260301", "COLOUR:red" }), 6,
          u"COLOUR"_s },
        { "a line without a colon", inEvent({ "UID:a", "just some words", "DTSTART;VALUE=DATE:20260301" }), 5,
          u"just some words"_s },
        { "a VALUE that is not a type", inEvent({ "UID:a", "DTSTART;VALUE=SOMETIMES:20260301" }), 5, u"parameter"_s },
        { "a rule that cannot be read", inEvent({ "UID:a", "DTSTART;VALUE=DATE:20260301", "RRULE:FREQ=FORTNIGHTLY" }),
          6, u"RRULE"_s },
        { "an hourly rule", inEvent({ "UID:a", "DTSTART:20260301T100000Z", "RRULE:FREQ=HOURLY;COUNT=3" }), 6,
          u"once a day"_s },
        { "a time zone the file does not define", inEvent({ "UID:a", "DTSTART;TZID=Mars/Olympus:20260301T100000" }), 5,
          u"Mars/Olympus"_s },
        { "an EXDATE in a zone the file does not define",
          inEvent({ "UID:a", "DTSTART:20260301T100000Z", "RRULE:FREQ=DAILY;COUNT=3",
                    "EXDATE;TZID=Mars/Olympus:20260302T100000" }),
          7, u"Mars/Olympus"_s },
        { "an END of something else", inEvent({ "UID:a", "DTSTART;VALUE=DATE:20260301", "END:VTODO" }), 6,
          u"END:VTODO"_s },
        // Physical lines count, not content lines: folded lines and blank lines before the fault.
        { "a fault after folded and blank lines",
          inEvent({ "UID:a", "SUMMARY:A summary folded", " over three", "\tlines", "", "DTSTART;VALUE=DATE:20260230" }),
          9, u"2026-02-30"_s },
        { "a fault in a folded line", inEvent({ "UID:a", "DTSTART;VALUE=DATE:2026", " 0230" }), 5, u"2026-02-30"_s },
        // Faults around events, one line to a line.
        { "one UID twice",
          {
              "BEGIN:VCALENDAR",
              "VERSION:2.0",
              "BEGIN:VEVENT",
              "UID:same@example.com",
              "DTSTART;VALUE=DATE:20260301",
              "END:VEVENT",
              "BEGIN:VEVENT", // 7
              "UID:same@example.com",
              "DTSTART;VALUE=DATE:20260310",
              "END:VEVENT",
              "END:VCALENDAR",
          },
          7,
          u"same@example.com"_s },
        { "one occurrence changed twice",
          {
              "BEGIN:VCALENDAR",
              "VERSION:2.0",
              "BEGIN:VEVENT",
              "UID:s",
              "DTSTART;VALUE=DATE:20260301",
              "RRULE:FREQ=DAILY;COUNT=3",
              "END:VEVENT",
              "BEGIN:VEVENT", // 8
              "UID:s",
              "RECURRENCE-ID;VALUE=DATE:20260302",
              "DTSTART;VALUE=DATE:20260305",
              "END:VEVENT",
              "BEGIN:VEVENT", // 13
              "UID:s",
              "RECURRENCE-ID;VALUE=DATE:20260302",
              "DTSTART;VALUE=DATE:20260306",
              "END:VEVENT",
              "END:VCALENDAR",
          },
          13,
          u"s/20260302"_s },
        { "a VTIMEZONE without TZID",
          {
              "BEGIN:VCALENDAR",
              "VERSION:2.0",
              "BEGIN:VTIMEZONE", // 3
              "BEGIN:STANDARD",
              "DTSTART:19700101T000000",
              "TZOFFSETFROM:+0100",
              "TZOFFSETTO:+0100",
              "END:STANDARD",
              "END:VTIMEZONE",
              "END:VCALENDAR",
          },
          3,
          u"TZID"_s },
        { "an event without END",
          {
              "BEGIN:VCALENDAR", "VERSION:2.0", "BEGIN:VEVENT", "UID:a", "DTSTART;VALUE=DATE:20260301",
              "END:VCALENDAR", // 6
          },
          6,
          u"BEGIN:VEVENT of line 3"_s },
        { "a file cut short",
          {
              "BEGIN:VCALENDAR",
              "VERSION:2.0",
              "BEGIN:VEVENT", // 3
              "UID:a",
              "DTSTART;VALUE=DATE:20260301",
          },
          3,
          u"cut short"_s },
        { "no END:VCALENDAR",
          {
              "BEGIN:VCALENDAR", // 1
              "VERSION:2.0",
              "BEGIN:VEVENT",
              "UID:a",
              "DTSTART;VALUE=DATE:20260301",
              "END:VEVENT",
          },
          1,
          u"BEGIN:VCALENDAR"_s },
        { "more after the end",
          {
              "BEGIN:VCALENDAR",
              "VERSION:2.0",
              "END:VCALENDAR",
              "",
              "BEGIN:VCALENDAR", // 5
              "VERSION:2.0",
              "END:VCALENDAR",
          },
          5,
          u"after the end"_s },
    };
}

} // namespace

// iCalendar files of occupied dates (icalendar.h): what booking sites publish read as days,
// every refusal at the physical line at fault, recurrences bounded by the window and the
// limits, and what RentDesk writes read back by itself and by Python's icalendar.
class TestICalendar final : public QObject
{
    Q_OBJECT

private slots:
    void readsFeedsOfBookingSites();
    void lineEndsAndFolding_data();
    void lineEndsAndFolding();
    void datesAndTimes_data();
    void datesAndTimes();
    void timeZoneDefinedAfterItsEvents();
    void leavesOutWhatOccupiesNothing();
    void longestStay();
    void recurrenceWithCount();
    void countedFromLongAgo();
    void recurrenceUntilInAnotherZone();
    void unboundedRecurrenceInTheWindow();
    void unboundedRecurrenceAgainstMaxEvents();
    void recurrenceFarInTheFuture();
    void extraAndExcludedDates();
    void excludedByRule();
    void severalOccurrencesOneDay();
    void changedOccurrences();
    void changedOccurrenceInAZone();
    void ruleThatNeverMatchesEndsAtTheWindow();
    void ruleWithTooManySteps();
    void malformed_data();
    void malformed();
    void refusesMoreEventsAsSoonAsTheLimitIsPassed();
    void sizeLimit();
    void readsFiles();
    void refusesLargeFileUnread();
    void writesCalendar();
    void writtenCalendarReadByPython();

private:
    QTemporaryDir m_dir;
};

void TestICalendar::readsFeedsOfBookingSites()
{
    // As Airbnb and Booking.com publish them (identifiers changed).
    const QByteArray airbnb = calendar(
        { "BEGIN:VCALENDAR", "PRODID;X-RICAL-TZSOURCE=TZINFO:-//Airbnb Inc//Hosting Calendar 0.8.8//EN",
          "CALSCALE:GREGORIAN", "VERSION:2.0", "BEGIN:VEVENT", "DTEND;VALUE=DATE:20260307",
          "DTSTART;VALUE=DATE:20260304", "UID:1418fb94e984-0123456789abcdef@airbnb.com",
          "DESCRIPTION:Reservation URL: https://www.airbnb.com/hosting/reservations/details/HMABCDEFGH\\nPhone "
          "Number (Last 4 Digits): 1234",
          "SUMMARY:Reserved", "END:VEVENT", "BEGIN:VEVENT", "DTEND;VALUE=DATE:20260320", "DTSTART;VALUE=DATE:20260315",
          "UID:7f5ab4c8a8e2-fedcba9876543210@airbnb.com", "SUMMARY:Airbnb (Not available)", "END:VEVENT",
          "END:VCALENDAR" });
    QCOMPARE(eventsOf(airbnb),
             QList<IcsEvent>({ { u"1418fb94e984-0123456789abcdef@airbnb.com"_s, QDate(2026, 3, 4), QDate(2026, 3, 7),
                                 u"Reserved"_s },
                               { u"7f5ab4c8a8e2-fedcba9876543210@airbnb.com"_s, QDate(2026, 3, 15), QDate(2026, 3, 20),
                                 u"Airbnb (Not available)"_s } }));

    const QByteArray booking =
        calendar({ "BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Booking.com//NONSGML Booking.com Calendar//EN",
                   "CALSCALE:GREGORIAN", "METHOD:PUBLISH", "BEGIN:VEVENT", "UID:7a3c9e21d1b34f6e@booking.com",
                   "DTSTAMP:20260210T101010Z", "DTSTART;VALUE=DATE:20260310", "DTEND;VALUE=DATE:20260312",
                   "SUMMARY:CLOSED - Not available\\, owner\\; stay", "END:VEVENT", "END:VCALENDAR" });
    QCOMPARE(eventsOf(booking),
             QList<IcsEvent>({ { u"7a3c9e21d1b34f6e@booking.com"_s, QDate(2026, 3, 10), QDate(2026, 3, 12),
                                 u"CLOSED - Not available, owner; stay"_s } }));
}

void TestICalendar::lineEndsAndFolding_data()
{
    // UID and DTSTART folded in the middle of a word, SUMMARY folded inside a Cyrillic letter
    // (as a folder counting octets does) and once with a tab.
    const QByteArray summary = u"SUMMARY:Иван Петров,"_s.toUtf8();
    const qsizetype inLetter = summary.indexOf("\xD0\x9F") + 1;
    const QByteArrayList lines { "BEGIN:VCALENDAR",        "VERSION:2.0",
                                 "BEGIN:VEVENT",           "UID:folded-",
                                 " uid@example.com",       "DTSTART;VALUE=DA",
                                 " TE:20260301",           "DTEND;VALUE=DATE:20260304",
                                 summary.first(inLetter),  " " + summary.sliced(inLetter),
                                 u"\t и семья"_s.toUtf8(), "END:VEVENT",
                                 "END:VCALENDAR" };
    QTest::addColumn<QByteArray>("data");
    QTest::newRow("CRLF") << calendar(lines);
    QTest::newRow("LF") << calendar(lines, "\n");
    QTest::newRow("CR") << calendar(lines, "\r");
    QTest::newRow("byte-order mark") << "\xEF\xBB\xBF" + calendar(lines);
    QTest::newRow("no end to the last line") << lines.join("\r\n");
    QByteArrayList blank = lines;
    blank.insert(blank.indexOf("END:VEVENT") + 1, "");
    blank.insert(blank.indexOf("VERSION:2.0") + 1, "");
    QTest::newRow("blank lines") << calendar(blank);
}

void TestICalendar::lineEndsAndFolding()
{
    QFETCH(QByteArray, data);
    QCOMPARE(eventsOf(data),
             QList<IcsEvent>(
                 { { u"folded-uid@example.com"_s, QDate(2026, 3, 1), QDate(2026, 3, 4), u"Иван Петров, и семья"_s } }));
}

void TestICalendar::datesAndTimes_data()
{
    QTest::addColumn<QByteArrayList>("lines");
    QTest::addColumn<QDate>("start");
    QTest::addColumn<QDate>("end");
    const QDate march1(2026, 3, 1);
    QTest::newRow("dates") << QByteArrayList { "DTSTART;VALUE=DATE:20260301", "DTEND;VALUE=DATE:20260305" } << march1
                           << QDate(2026, 3, 5);
    QTest::newRow("a date alone is one day")
        << QByteArrayList { "DTSTART;VALUE=DATE:20260301" } << march1 << QDate(2026, 3, 2);
    QTest::newRow("a date and DURATION in days")
        << QByteArrayList { "DTSTART;VALUE=DATE:20260301", "DURATION:P3D" } << march1 << QDate(2026, 3, 4);
    QTest::newRow("a date and DURATION in weeks")
        << QByteArrayList { "DTSTART;VALUE=DATE:20260301", "DURATION:P2W" } << march1 << QDate(2026, 3, 15);
    QTest::newRow("UTC, the end after midnight takes its day")
        << QByteArrayList { "DTSTART:20260301T140000Z", "DTEND:20260305T100000Z" } << march1 << QDate(2026, 3, 6);
    QTest::newRow("UTC, the end at midnight leaves its day")
        << QByteArrayList { "DTSTART:20260301T140000Z", "DTEND:20260305T000000Z" } << march1 << QDate(2026, 3, 5);
    QTest::newRow("floating") << QByteArrayList { "DTSTART:20260301T150000", "DTEND:20260304T110000" } << march1
                              << QDate(2026, 3, 5);
    QTest::newRow("a date-time alone is one day")
        << QByteArrayList { "DTSTART:20260301T150000Z" } << march1 << QDate(2026, 3, 2);
    QTest::newRow("a date-time and DURATION in hours")
        << QByteArrayList { "DTSTART:20260301T200000Z", "DURATION:PT36H" } << march1 << QDate(2026, 3, 4);
    // 12:00 UTC on the 3rd is 02:00 on the 4th at +14: the stay takes the 4th too.
    QTest::newRow("the file's zone, the end in UTC")
        << QByteArrayList { "DTSTART;TZID=Custom/Plus14:20260301T100000", "DTEND:20260303T120000Z" } << march1
        << QDate(2026, 3, 5);
    // 10:00 on the 2nd at +14 is 20:00 UTC on the 1st.
    QTest::newRow("UTC, the end in the file's zone")
        << QByteArrayList { "DTSTART:20260301T100000Z", "DTEND;TZID=Custom/Plus14:20260302T100000" } << march1
        << QDate(2026, 3, 2);
    // 22:30 UTC on 1 July is 00:30 on the 2nd in summer time (+2), 23:30 on the 1st without it.
    QTest::newRow("the file's daylight saving rules")
        << QByteArrayList { "DTSTART;TZID=Custom/Berlin:20260701T100000", "DTEND:20260701T223000Z" }
        << QDate(2026, 7, 1) << QDate(2026, 7, 3);
    // 23:30 UTC on 1 March is 00:30 on the 2nd in Berlin (+1).
    QTest::newRow("a zone libical knows by name")
        << QByteArrayList { "DTSTART;TZID=Europe/Berlin:20260301T100000", "DTEND:20260301T233000Z" } << march1
        << QDate(2026, 3, 3);
    QTest::newRow("lower-case names") << QByteArrayList { "dtstart;value=date:20260301", "dtend;value=date:20260303" }
                                      << march1 << QDate(2026, 3, 3);
}

void TestICalendar::datesAndTimes()
{
    QFETCH(QByteArrayList, lines);
    QFETCH(QDate, start);
    QFETCH(QDate, end);
    const QByteArray data = calendarWith(QByteArrayList { "BEGIN:VEVENT", "UID:stay", "SUMMARY:Stay" } + lines
                                         + QByteArrayList { "END:VEVENT" });
    QCOMPARE(eventsOf(data), QList<IcsEvent>({ { u"stay"_s, start, end, u"Stay"_s } }));
}

void TestICalendar::timeZoneDefinedAfterItsEvents()
{
    // RFC 5545 does not order the components; the event waits for the end of the calendar.
    const QByteArray data =
        calendar({ "BEGIN:VCALENDAR", "VERSION:2.0", "BEGIN:VEVENT", "UID:early",
                   "DTSTART;TZID=Custom/Plus14:20260301T100000", "DTEND:20260303T120000Z", "END:VEVENT",
                   "BEGIN:VTIMEZONE", "TZID:Custom/Plus14", "BEGIN:STANDARD", "DTSTART:19700101T000000",
                   "TZOFFSETFROM:+1400", "TZOFFSETTO:+1400", "END:STANDARD", "END:VTIMEZONE", "END:VCALENDAR" });
    QCOMPARE(eventsOf(data), QList<IcsEvent>({ { u"early"_s, QDate(2026, 3, 1), QDate(2026, 3, 5), {} } }));
}

void TestICalendar::leavesOutWhatOccupiesNothing()
{
    // What is left out is not read either: the VALARM, VTODO, VJOURNAL, VFREEBUSY and the
    // unknown component hold lines that would be refused in a VEVENT.
    const QByteArray data = calendar({ "BEGIN:VCALENDAR",
                                       "VERSION:2.0",
                                       "BEGIN:VEVENT",
                                       "UID:kept",
                                       "DTSTART;VALUE=DATE:20260301",
                                       "DTEND;VALUE=DATE:20260303",
                                       "STATUS:CONFIRMED",
                                       "TRANSP:OPAQUE",
                                       "BEGIN:VALARM",
                                       "ACTION:DISPLAY",
                                       "TRIGGER:when you least expect it",
                                       "END:VALARM",
                                       "END:VEVENT",
                                       "BEGIN:VEVENT",
                                       "UID:cancelled",
                                       "DTSTART;VALUE=DATE:20260305",
                                       "STATUS:CANCELLED",
                                       "END:VEVENT",
                                       "BEGIN:VEVENT",
                                       "UID:cancelled-series",
                                       "DTSTART;VALUE=DATE:20260305",
                                       "RRULE:FREQ=DAILY",
                                       "STATUS:CANCELLED",
                                       "END:VEVENT",
                                       "BEGIN:VEVENT",
                                       "UID:free",
                                       "DTSTART;VALUE=DATE:20260306",
                                       "TRANSP:TRANSPARENT",
                                       "END:VEVENT",
                                       "BEGIN:VTODO",
                                       "UID:todo",
                                       "DUE;VALUE=DATE:20260230",
                                       "END:VTODO",
                                       "BEGIN:VJOURNAL",
                                       "UID:journal",
                                       "no colon here",
                                       "END:VJOURNAL",
                                       "BEGIN:VFREEBUSY",
                                       "UID:busy",
                                       "FREEBUSY:whenever",
                                       "END:VFREEBUSY",
                                       "BEGIN:X-SOMETHING",
                                       "BEGIN:VEVENT",
                                       "UID:nested",
                                       "END:VEVENT",
                                       "END:X-SOMETHING",
                                       "END:VCALENDAR" });
    QCOMPARE(eventsOf(data), QList<IcsEvent>({ { u"kept"_s, QDate(2026, 3, 1), QDate(2026, 3, 3), {} } }));
}

void TestICalendar::longestStay()
{
    const int longest = IcsLimits().maxNights;
    const QDate start(2026, 1, 1);
    const auto stay = [&](int nights) {
        return calendar({ "BEGIN:VCALENDAR", "VERSION:2.0", "BEGIN:VEVENT", "UID:long",
                          "DTSTART;VALUE=DATE:" + dateText(start),
                          "DTEND;VALUE=DATE:" + dateText(start.addDays(nights)), "END:VEVENT", "END:VCALENDAR" });
    };
    QCOMPARE(eventsOf(stay(longest)), QList<IcsEvent>({ { u"long"_s, start, start.addDays(longest), {} } }));
    const auto tooLong = parseCalendar(stay(longest + 1), window());
    QVERIFY(!tooLong);
    QCOMPARE(tooLong.error().line, 6);
}

void TestICalendar::recurrenceWithCount()
{
    const QByteArray data =
        calendar({ "BEGIN:VCALENDAR", "VERSION:2.0", "BEGIN:VEVENT", "UID:clean", "DTSTART;VALUE=DATE:20260302",
                   "DTEND;VALUE=DATE:20260304", "RRULE:FREQ=WEEKLY;COUNT=4", "SUMMARY:Cleaning", "END:VEVENT",
                   "END:VCALENDAR" });
    QCOMPARE(eventsOf(data),
             QList<IcsEvent>({ { u"clean/20260302"_s, QDate(2026, 3, 2), QDate(2026, 3, 4), u"Cleaning"_s },
                               { u"clean/20260309"_s, QDate(2026, 3, 9), QDate(2026, 3, 11), u"Cleaning"_s },
                               { u"clean/20260316"_s, QDate(2026, 3, 16), QDate(2026, 3, 18), u"Cleaning"_s },
                               { u"clean/20260323"_s, QDate(2026, 3, 23), QDate(2026, 3, 25), u"Cleaning"_s } }));
}

void TestICalendar::countedFromLongAgo()
{
    // A rule with COUNT cannot start at the window: its occurrences are counted from DTSTART.
    const QDate first(2020, 1, 6);
    constexpr int Count = 315;
    const QByteArray data = calendar(
        { "BEGIN:VCALENDAR", "VERSION:2.0", "BEGIN:VEVENT", "UID:weekly", "DTSTART;VALUE=DATE:" + dateText(first),
          "RRULE:FREQ=WEEKLY;COUNT=" + QByteArray::number(Count), "END:VEVENT", "END:VCALENDAR" });
    const IcsLimits limits = window(QDate(2025, 12, 1), QDate(2026, 3, 1));
    QList<IcsEvent> expected;
    for (int k = 0; k < Count; ++k) {
        const QDate day = first.addDays(7 * k);
        if (day >= limits.expandFrom && day < limits.expandTo)
            expected.append({ u"weekly/"_s + day.toString(u"yyyyMMdd"_s), day, day.addDays(1), {} });
    }
    QVERIFY(expected.size() >= 2 && expected.size() < 13); // the count ends inside the window
    QCOMPARE(eventsOf(data, limits), expected);
}

void TestICalendar::recurrenceUntilInAnotherZone()
{
    // 10:00 at +14 is 20:00 UTC the day before: the occurrence on the 5th is at UNTIL and is the
    // last; read as if 10:00 were UTC, the 4th would be.
    const QByteArray data = calendarWith({ "BEGIN:VEVENT", "UID:u", "DTSTART;TZID=Custom/Plus14:20260301T100000",
                                           "DTEND;TZID=Custom/Plus14:20260301T120000",
                                           "RRULE:FREQ=DAILY;UNTIL=20260304T200000Z", "END:VEVENT" });
    QList<IcsEvent> expected;
    for (int day = 1; day <= 5; ++day) {
        const QDate date(2026, 3, day);
        expected.append({ u"u/"_s + date.toString(u"yyyyMMdd"_s), date, date.addDays(1), {} });
    }
    QCOMPARE(eventsOf(data), expected);
}

void TestICalendar::unboundedRecurrenceInTheWindow()
{
    // Three nights every day since 2020 with no end: only the occurrences that start in the
    // window are read (not the one of 31 December that reaches into it), less the EXDATEs.
    const QByteArray data =
        calendar({ "BEGIN:VCALENDAR", "VERSION:2.0", "BEGIN:VEVENT", "UID:daily", "DTSTART;VALUE=DATE:20200101",
                   "DTEND;VALUE=DATE:20200104", "RRULE:FREQ=DAILY", "EXDATE;VALUE=DATE:20260105",
                   "EXDATE;VALUE=DATE:20260107,20260108", "END:VEVENT", "END:VCALENDAR" });
    QList<IcsEvent> expected;
    for (int day = 1; day <= 10; ++day) {
        const QDate date(2026, 1, day);
        if (day != 5 && day != 7 && day != 8)
            expected.append({ u"daily/"_s + date.toString(u"yyyyMMdd"_s), date, date.addDays(3), {} });
    }
    QCOMPARE(eventsOf(data, window(QDate(2026, 1, 1), QDate(2026, 1, 11))), expected);
}

void TestICalendar::unboundedRecurrenceAgainstMaxEvents()
{
    const QByteArray data =
        calendar({ "BEGIN:VCALENDAR", "VERSION:2.0", "BEGIN:VEVENT", "UID:daily", "DTSTART;VALUE=DATE:20200101",
                   "RRULE:FREQ=DAILY", "END:VEVENT", "END:VCALENDAR" });
    IcsLimits limits = window(QDate(2026, 1, 1), QDate(2027, 1, 1));
    limits.maxEvents = 365;
    const auto all = parseCalendar(data, limits);
    QVERIFY(all);
    QCOMPARE(all->size(), 365);
    QCOMPARE(all->constLast().uid, u"daily/20261231"_s);

    limits.maxEvents = 364;
    const auto tooMany = parseCalendar(data, limits);
    QVERIFY(!tooMany);
    QCOMPARE(tooMany.error().line, 3);
    QVERIFY2(tooMany.error().message.contains(u"364"_s), qPrintable(tooMany.error().message));
}

void TestICalendar::recurrenceFarInTheFuture()
{
    // The iterator skips ahead to the window rather than stepping through the centuries.
    const QByteArray data =
        calendar({ "BEGIN:VCALENDAR", "VERSION:2.0", "BEGIN:VEVENT", "UID:d", "DTSTART;VALUE=DATE:20200101",
                   "RRULE:FREQ=DAILY", "END:VEVENT", "END:VCALENDAR" });
    QCOMPARE(eventsOf(data, window(QDate(2500, 6, 1), QDate(2500, 6, 3))),
             QList<IcsEvent>({ { u"d/25000601"_s, QDate(2500, 6, 1), QDate(2500, 6, 2), {} },
                               { u"d/25000602"_s, QDate(2500, 6, 2), QDate(2500, 6, 3), {} } }));
}

void TestICalendar::extraAndExcludedDates()
{
    // RDATE on DTSTART is one occurrence; one outside the window is left out; a PERIOD has its
    // own end; EXDATE takes one out.
    const QByteArray data =
        calendar({ "BEGIN:VCALENDAR", "VERSION:2.0", "BEGIN:VEVENT", "UID:r", "DTSTART:20260301T100000Z",
                   "DTEND:20260302T090000Z", "RDATE:20260310T100000Z,20260301T100000Z,20300101T100000Z",
                   "RDATE;VALUE=PERIOD:20260320T100000Z/20260325T000000Z", "EXDATE:20260310T100000Z", "END:VEVENT",
                   "END:VCALENDAR" });
    QCOMPARE(eventsOf(data),
             QList<IcsEvent>({ { u"r/20260301"_s, QDate(2026, 3, 1), QDate(2026, 3, 3), {} },
                               { u"r/20260320"_s, QDate(2026, 3, 20), QDate(2026, 3, 25), {} } }));
}

void TestICalendar::excludedByRule()
{
    // EXRULE, obsolete since RFC 5545 but still written: no weekends.
    const QByteArray data =
        calendar({ "BEGIN:VCALENDAR", "VERSION:2.0", "BEGIN:VEVENT", "UID:weekdays", "DTSTART;VALUE=DATE:20260302",
                   "RRULE:FREQ=DAILY;COUNT=10", "EXRULE:FREQ=WEEKLY;BYDAY=SA,SU", "END:VEVENT", "END:VCALENDAR" });
    QList<IcsEvent> expected;
    for (int day = 2; day <= 11; ++day) {
        const QDate date(2026, 3, day);
        if (date.dayOfWeek() < 6)
            expected.append({ u"weekdays/"_s + date.toString(u"yyyyMMdd"_s), date, date.addDays(1), {} });
    }
    QCOMPARE(expected.size(), 8);
    QCOMPARE(eventsOf(data), expected);
}

void TestICalendar::severalOccurrencesOneDay()
{
    // Two occurrences a day are one stay of that day, named once.
    const QByteArray data =
        calendar({ "BEGIN:VCALENDAR", "VERSION:2.0", "BEGIN:VEVENT", "UID:twice", "DTSTART:20260301T090000Z",
                   "DTEND:20260301T100000Z", "RRULE:FREQ=DAILY;BYHOUR=9,17;COUNT=6", "END:VEVENT", "END:VCALENDAR" });
    QCOMPARE(eventsOf(data),
             QList<IcsEvent>({ { u"twice/20260301"_s, QDate(2026, 3, 1), QDate(2026, 3, 2), {} },
                               { u"twice/20260302"_s, QDate(2026, 3, 2), QDate(2026, 3, 3), {} },
                               { u"twice/20260303"_s, QDate(2026, 3, 3), QDate(2026, 3, 4), {} } }));
}

void TestICalendar::changedOccurrences()
{
    // As calendar programs write a recurring event with some occurrences changed: the changes
    // share its UID, one before it in the file; one changes an occurrence of no event here.
    const QByteArray data = calendar({ "BEGIN:VCALENDAR",
                                       "VERSION:2.0",
                                       "BEGIN:VEVENT",
                                       "UID:series",
                                       "RECURRENCE-ID;VALUE=DATE:20260316",
                                       "DTSTART;VALUE=DATE:20260316",
                                       "STATUS:CANCELLED",
                                       "END:VEVENT",
                                       "BEGIN:VEVENT",
                                       "UID:series",
                                       "DTSTART;VALUE=DATE:20260302",
                                       "DTEND;VALUE=DATE:20260304",
                                       "RRULE:FREQ=WEEKLY;COUNT=4",
                                       "SUMMARY:Weekly",
                                       "END:VEVENT",
                                       "BEGIN:VEVENT",
                                       "UID:series",
                                       "RECURRENCE-ID;VALUE=DATE:20260309",
                                       "DTSTART;VALUE=DATE:20260310",
                                       "DTEND;VALUE=DATE:20260313",
                                       "SUMMARY:Moved",
                                       "END:VEVENT",
                                       "BEGIN:VEVENT",
                                       "UID:lonely",
                                       "RECURRENCE-ID:20260401T100000Z",
                                       "DTSTART:20260401T100000Z",
                                       "DTEND:20260402T090000Z",
                                       "END:VEVENT",
                                       "END:VCALENDAR" });
    QCOMPARE(eventsOf(data),
             QList<IcsEvent>({ { u"series/20260302"_s, QDate(2026, 3, 2), QDate(2026, 3, 4), u"Weekly"_s },
                               { u"series/20260309"_s, QDate(2026, 3, 10), QDate(2026, 3, 13), u"Moved"_s },
                               { u"series/20260323"_s, QDate(2026, 3, 23), QDate(2026, 3, 25), u"Weekly"_s },
                               { u"lonely/20260401"_s, QDate(2026, 4, 1), QDate(2026, 4, 3), {} } }));
}

void TestICalendar::changedOccurrenceInAZone()
{
    // 18:00 UTC on the 8th is 08:00 on the 9th at +14, where the recurring event is written: the
    // change is to the occurrence of the 9th.
    const QByteArray data = calendarWith({ "BEGIN:VEVENT", "UID:z", "DTSTART;TZID=Custom/Plus14:20260302T080000",
                                           "RRULE:FREQ=WEEKLY;COUNT=2", "END:VEVENT", "BEGIN:VEVENT", "UID:z",
                                           "RECURRENCE-ID:20260308T180000Z", "DTSTART:20260308T180000Z",
                                           "DTEND:20260310T100000Z", "END:VEVENT" });
    QCOMPARE(eventsOf(data),
             QList<IcsEvent>({ { u"z/20260302"_s, QDate(2026, 3, 2), QDate(2026, 3, 3), {} },
                               { u"z/20260309"_s, QDate(2026, 3, 8), QDate(2026, 3, 11), {} } }));
}

void TestICalendar::ruleThatNeverMatchesEndsAtTheWindow()
{
    // libical searches up to the year 2582 for an occurrence of such a rule, a third of a second
    // each, unless the rule ends; the reader ends it at the window.
    QByteArrayList lines { "BEGIN:VCALENDAR", "VERSION:2.0" };
    constexpr int Events = 50;
    for (int i = 0; i < Events; ++i)
        lines += { "BEGIN:VEVENT", "UID:never-" + QByteArray::number(i), "DTSTART;VALUE=DATE:20260101",
                   "RRULE:FREQ=DAILY;BYMONTH=2;BYMONTHDAY=30", "END:VEVENT" };
    lines += "END:VCALENDAR";
    // (How long it takes is a benchmark's question, not this test's: it checks what is read.)
    const QList<IcsEvent> events = eventsOf(calendar(lines));
    QCOMPARE(events.size(), Events); // DTSTART's occurrence each
}

void TestICalendar::ruleWithTooManySteps()
{
    // Every minute of every day: 1440 occurrences a day, one stay a day, a million steps before
    // the window ends.
    QByteArrayList hours;
    QByteArrayList minutes;
    for (int hour = 0; hour < 24; ++hour)
        hours += QByteArray::number(hour);
    for (int minute = 0; minute < 60; ++minute)
        minutes += QByteArray::number(minute);
    const QByteArray data =
        calendar({ "BEGIN:VCALENDAR", "VERSION:2.0", "BEGIN:VEVENT", "UID:busy", "DTSTART:20260101T000000Z",
                   "RRULE:FREQ=DAILY;BYHOUR=" + hours.join(',') + ";BYMINUTE=" + minutes.join(','), "END:VEVENT",
                   "END:VCALENDAR" });
    const auto read = parseCalendar(data, window(QDate(2026, 1, 1), QDate(2028, 1, 1)));
    QVERIFY(!read);
    QCOMPARE(read.error().line, 6);
    QVERIFY2(read.error().message.contains(u"too often"_s), qPrintable(read.error().message));
}

void TestICalendar::malformed_data()
{
    QTest::addColumn<QByteArray>("data");
    QTest::addColumn<int>("line");
    QTest::addColumn<QString>("word");
    for (const Fault &fault : faults()) {
        QTest::addRow("%s, CRLF", fault.name) << calendar(fault.lines) << fault.line << fault.word;
        QTest::addRow("%s, LF", fault.name) << calendar(fault.lines, "\n") << fault.line << fault.word;
    }
}

void TestICalendar::malformed()
{
    QFETCH(QByteArray, data);
    QFETCH(int, line);
    QFETCH(QString, word);
    const auto read = parseCalendar(data, window());
    QVERIFY2(!read, "accepted");
    const IcsError &error = read.error();
    QCOMPARE(error.line, line);
    QVERIFY2(error.message.contains(word, Qt::CaseInsensitive), qPrintable(error.message));
    if (line > 0)
        QVERIFY2(error.message.startsWith(u"Line %1: "_s.arg(line)), qPrintable(error.message));
}

void TestICalendar::refusesMoreEventsAsSoonAsTheLimitIsPassed()
{
    // 100 000 events, the last one broken: a reader that read them all before counting would
    // report the broken date, not the event that passes the limit.
    constexpr int Events = 100000;
    QByteArray data = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\n";
    data.reserve(Events * 70);
    const QDate first(2026, 1, 1);
    for (int i = 0; i < Events; ++i)
        data += "BEGIN:VEVENT\r\nUID:e" + QByteArray::number(i)
            + "\r\nDTSTART;VALUE=DATE:" + dateText(first.addDays(i % 3000)) + "\r\nEND:VEVENT\r\n";
    data += "BEGIN:VEVENT\r\nUID:broken\r\nDTSTART;VALUE=DATE:20260230\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n";
    IcsLimits limits = window();
    limits.maxBytes = data.size();
    const auto read = parseCalendar(data, limits);
    QVERIFY(!read);
    // Four lines an event after two: the event that passes the limit begins on this line.
    QCOMPARE(read.error().line, 3 + 4 * limits.maxEvents);
    QVERIFY2(read.error().message.contains(QString::number(limits.maxEvents)), qPrintable(read.error().message));
}

void TestICalendar::sizeLimit()
{
    const QByteArray data = calendar({ "BEGIN:VCALENDAR", "VERSION:2.0", "BEGIN:VEVENT", "UID:a",
                                       "DTSTART;VALUE=DATE:20260301", "END:VEVENT", "END:VCALENDAR" });
    IcsLimits limits = window();
    limits.maxBytes = data.size();
    QVERIFY(parseCalendar(data, limits));
    limits.maxBytes = data.size() - 1;
    const auto read = parseCalendar(data, limits);
    QVERIFY(!read);
    QCOMPARE(read.error().line, 0);
    QVERIFY2(read.error().message.contains(u"larger"_s), qPrintable(read.error().message));
}

void TestICalendar::readsFiles()
{
    QVERIFY(m_dir.isValid());
    const QByteArray data =
        calendar({ "BEGIN:VCALENDAR", "VERSION:2.0", "BEGIN:VEVENT", "UID:a", "DTSTART;VALUE=DATE:20260301",
                   "DTEND;VALUE=DATE:20260304", "END:VEVENT", "END:VCALENDAR" });
    const QString path = m_dir.filePath(u"stays.ics"_s);
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    QCOMPARE(file.write(data), data.size());
    file.close();

    IcsLimits limits = window();
    limits.maxBytes = data.size();
    const auto read = readCalendarFile(path, limits);
    QVERIFY(read);
    QCOMPARE(*read, QList<IcsEvent>({ { u"a"_s, QDate(2026, 3, 1), QDate(2026, 3, 4), {} } }));
    limits.maxBytes = data.size() - 1;
    QCOMPARE(readCalendarFile(path, limits).error().line, 0);

    const QString missing = m_dir.filePath(u"missing.ics"_s);
    const auto none = readCalendarFile(missing, window());
    QVERIFY(!none);
    QCOMPARE(none.error().line, 0);
    // The file's name and the system's reason.
    QFile absent(missing);
    QVERIFY(!absent.open(QIODevice::ReadOnly));
    QVERIFY2(none.error().message.contains(QDir::toNativeSeparators(missing)), qPrintable(none.error().message));
    QVERIFY2(none.error().message.contains(absent.errorString()), qPrintable(none.error().message));
}

void TestICalendar::refusesLargeFileUnread()
{
    QVERIFY(m_dir.isValid());
    const QString path = m_dir.filePath(u"huge.ics"_s);
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    QVERIFY(file.resize(100 * 1024 * 1024)); // sparse: no data written
    file.close();
    const auto read = readCalendarFile(path, window());
    QVERIFY(!read);
    QCOMPARE(read.error().line, 0);
    QVERIFY2(read.error().message.contains(u"larger"_s), qPrintable(read.error().message));
}

namespace {

QList<IcsEvent> eventsToWrite()
{
    return { { u"booking-1@rentdesk"_s, QDate(2026, 3, 1), QDate(2026, 3, 5), u"Иван Петров — 4 ночи"_s },
             { u"odd;uid,with:colons\\and \"quotes\" ü@rentdesk"_s, QDate(2026, 3, 5), QDate(2026, 3, 6),
               u"Comma, semicolon; backslash \\ and\na second line"_s },
             { u"long@rentdesk"_s, QDate(2026, 4, 1), QDate(2026, 4, 15),
               u"Бронирование квартиры на Невском проспекте для семьи из четырёх человек с собакой, "
               "оплачено полностью, ключи у консьержа"_s },
             { u"no-summary@rentdesk"_s, QDate(2027, 12, 31), QDate(2028, 1, 2), {} } };
}

} // namespace

void TestICalendar::writesCalendar()
{
    const QList<IcsEvent> events = eventsToWrite();
    // 12:30 at +03:00 is 09:30 UTC.
    const QDateTime stamp(QDate(2026, 1, 15), QTime(12, 30), QTimeZone(3 * 3600));
    const QByteArray written = writeCalendar(u"Flat 3, Nevsky 12"_s, events, stamp);

    QVERIFY(written.startsWith("BEGIN:VCALENDAR\r\n"));
    QVERIFY(written.endsWith("END:VCALENDAR\r\n"));
    const QByteArrayList lines = written.chopped(1).split('\n');
    bool folded = false;
    for (const QByteArray &line : lines) {
        QVERIFY2(line.endsWith('\r') && line.count('\r') == 1, line.constData()); // CRLF, nothing else
        QVERIFY2(line.size() - 1 <= 75, line.constData());
        // libical folds between characters: each physical line is UTF-8 on its own.
        QVERIFY2(QByteArrayView(line).isValidUtf8(), line.constData());
        folded = folded || line.startsWith(' ');
    }
    QVERIFY(folded);
    for (const char *expected : { "VERSION:2.0", "PRODID:-//RentDesk//RentDesk//EN", "CALSCALE:GREGORIAN",
                                  "METHOD:PUBLISH", "X-WR-CALNAME:Flat 3, Nevsky 12", "DTSTAMP:20260115T093000Z",
                                  "DTSTART;VALUE=DATE:20260301", "DTEND;VALUE=DATE:20260305", "TRANSP:OPAQUE" })
        QVERIFY2(lines.contains(QByteArray(expected) + '\r'), expected);
    QCOMPARE(written.count("BEGIN:VEVENT\r\n"), events.size());
    QCOMPARE(written.count("DTSTAMP:20260115T093000Z\r\n"), events.size());
    QVERIFY(!written.contains("SUMMARY:\r\n")); // libical refuses empty text: left out

    QCOMPARE(eventsOf(written), events);
}

void TestICalendar::writtenCalendarReadByPython()
{
    QVERIFY(m_dir.isValid());
    const QList<IcsEvent> events = eventsToWrite();
    const QString path = m_dir.filePath(u"written.ics"_s);
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    QVERIFY(file.write(writeCalendar(u"Flat 3"_s, events, QDateTime::currentDateTimeUtc())) > 0);
    file.close();

    // Debian's python3-icalendar, which the python3 first on PATH may not have.
    const auto result = rentdesk::test::runProcess(
        u"/usr/bin/python3"_s,
        { u"-c"_s,
          u"import json, sys\n"
          "import icalendar\n"
          "with open(sys.argv[1], 'rb') as f:\n"
          "    calendar = icalendar.Calendar.from_ical(f.read())\n"
          "print(json.dumps([[str(e['UID']), e['DTSTART'].dt.isoformat(), e['DTEND'].dt.isoformat(),\n"
          "                   str(e.get('SUMMARY', ''))] for e in calendar.walk('VEVENT')]))\n"_s,
          path },
        QProcessEnvironment::systemEnvironment(), 60000);
    QVERIFY2(result.exitCode == 0, qPrintable(u"exit %1: %2"_s.arg(result.exitCode).arg(result.err)));

    QList<QStringList> read;
    for (const QJsonValue &event : QJsonDocument::fromJson(result.out.toUtf8()).array()) {
        QStringList fields;
        for (const QJsonValue &field : event.toArray())
            fields << field.toString();
        read << fields;
    }
    QList<QStringList> expected;
    for (const IcsEvent &event : events)
        expected << QStringList { event.uid, event.start.toString(Qt::ISODate), event.end.toString(Qt::ISODate),
                                  event.summary };
    QCOMPARE(read, expected);
}

QTEST_GUILESS_MAIN(TestICalendar)
#include "tst_icalendar.moc"
