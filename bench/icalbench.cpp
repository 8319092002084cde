// SPDX-License-Identifier: GPL-3.0-or-later
#include "bench/icalbench.h"

#include "bench/benchsupport.h"
#include "models/db/database.h"
#include "models/db/query.h"
#include "models/demo/demogenerator.h"
#include "models/domain/storedvalues.h"
#include "models/ical/icalendar.h"
#include "models/services/bookingservice.h"
#include "models/services/clock.h"

#include <QCommandLineParser>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTextStream>

namespace rentdesk::bench {

using namespace Qt::StringLiterals;

namespace {

// N one-night stays, every other day from tomorrow on: the shape of a busy site's export.
QList<models::ical::IcsEvent> stays(int count, int shiftDays)
{
    QList<models::ical::IcsEvent> events;
    events.reserve(count);
    for (int i = 0; i < count; ++i) {
        const QDate start = Today.addDays(1 + 2 * qint64(i) + shiftDays);
        events.append({ u"bench-%1@example.org"_s.arg(i), start, start.addDays(1), u"Reserved"_s });
    }
    return events;
}

models::ical::IcsLimits limits()
{
    models::ical::IcsLimits l;
    l.expandFrom = Today;
    l.expandTo = Today.addYears(2);
    return l;
}

// A calendar of lines, CRLF between them.
QByteArray calendarOf(const QByteArrayList &lines)
{
    return lines.join("\r\n") + "\r\n";
}

} // namespace

int runIcalBench(const QStringList &arguments)
{
    QCommandLineParser parser;
    const QCommandLineOption icalOption(u"ical"_s, u"Measure iCalendar files."_s);
    const QCommandLineOption eventsOption(u"events"_s, u"Events in a calendar (default 10000, the most read)."_s,
                                          u"n"_s, u"10000"_s);
    const QCommandLineOption runsOption(u"runs"_s, u"Runs of each figure (default 9)."_s, u"n"_s, u"9"_s);
    const QCommandLineOption jsonOption(u"json"_s, u"Print one JSON object (the default and only format)."_s);
    parser.addOptions({ icalOption, eventsOption, runsOption, jsonOption });
    parser.process(arguments);
    const int count = parser.value(eventsOption).toInt();
    const int runs = parser.value(runsOption).toInt();
    if (count < 1 || count > 10000 || runs < 1) {
        fail(u"--events takes 1 to 10000, --runs at least 1"_s);
        return 2;
    }

    QTemporaryDir dir;
    auto opened = models::db::Database::open(dir.filePath(u"bench.sqlite"_s));
    if (!opened) {
        fail(opened.error().message);
        return 1;
    }
    const std::shared_ptr<models::db::Database> database = *opened;
    const QSqlDatabase db = connectionOf(*database);
    if (auto generated = models::demo::generateDemoData(db, { 2026, 20, Today }); !generated) {
        fail(generated.error().message);
        return 1;
    }
    // The demo landlord's first apartment, its stays from today on taken away so that every
    // event fits.
    auto picked = models::db::exec(db,
                                   u"SELECT a.id, a.owner_id FROM apartments AS a JOIN users AS u ON u.id = a.owner_id "
                                   "WHERE u.email = :email ORDER BY a.id LIMIT 1"_s,
                                   { { u":email"_s, models::demo::demoLandlord().email } });
    if (!picked || !picked->next()) {
        fail(u"no apartment of the demo landlord"_s);
        return 1;
    }
    const QUuid apartment = models::domain::idFromStored(picked->value(0)).value_or(QUuid());
    const QUuid owner = models::domain::idFromStored(picked->value(1)).value_or(QUuid());
    const QString storedApartment = picked->value(0).toString();
    if (!models::db::exec(db, u"DELETE FROM bookings WHERE apartment_id = :a AND end_date > :today"_s,
                          { { u":a"_s, storedApartment }, { u":today"_s, models::domain::toStoredDate(Today) } })) {
        fail(u"could not clear the apartment"_s);
        return 1;
    }
    const models::services::ManualClock clock(QDateTime(Today, QTime(9, 0), Qt::UTC));
    const models::services::BookingService bookings(
        models::services::ServiceContext(database, clock, models::services::Mode::Standalone));

    QJsonObject result;
    result.insert(u"events"_s, count);
    result.insert(u"runs"_s, runs);
    bool ok = true;

    const QList<models::ical::IcsEvent> events = stays(count, 0);
    QByteArray file;
    result.insert(u"write_ms"_s, medianMs(runs, ok, [&](int) {
                      file = models::ical::writeCalendar(u"Bench"_s, events, clock.now());
                      return !file.isEmpty();
                  }));
    result.insert(u"file_kb"_s, double(file.size()) / 1024.0);
    const double parseMs = medianMs(runs, ok, [&](int) {
        const auto read = models::ical::parseCalendar(file, limits());
        return read && read->size() == count;
    });
    result.insert(u"parse_ms"_s, parseMs);
    result.insert(u"parse_mb_per_s"_s, double(file.size()) / 1048576.0 / (parseMs / 1000.0));

    // Importing: into no blocks (every event new), the same again (every event unchanged), and
    // every event a day later (every event moved). Each run starts from no blocks.
    const auto clear = [&] {
        return bool(models::db::exec(db, u"DELETE FROM bookings WHERE apartment_id = :a AND status = 'blocked'"_s,
                                     { { u":a"_s, storedApartment } }));
    };
    const QList<models::ical::IcsEvent> moved = stays(count, 1);
    std::vector<double> first, again, shifted;
    for (int run = 0; run < runs && ok; ++run) {
        ok = clear();
        for (auto [samples, list, expectAdded] :
             { std::tuple { &first, &events, count }, std::tuple { &again, &events, 0 },
               std::tuple { &shifted, &moved, 0 } }) {
            const qint64 began = nowNs();
            const auto imported = bookings.importBlocks(owner, apartment, u"bench.ics"_s, *list);
            samples->push_back(double(nowNs() - began) / 1e6);
            if (!imported || imported->added != expectAdded) {
                fail(imported ? u"import: %1 added"_s.arg(imported->added) : imported.error().message);
                ok = false;
                break;
            }
        }
    }
    result.insert(u"import_new_ms"_s, median(first));
    result.insert(u"import_unchanged_ms"_s, median(again));
    result.insert(u"import_moved_ms"_s, median(shifted));

    // libical's costly cases: rules that never match (it would search to the year 2582 for
    // each; their first day is before the window, so nothing is kept), and a daily rule
    // without end over the two-year window.
    QByteArrayList never { "BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Bench//EN" };
    for (int i = 0; i < 50; ++i)
        never += { "BEGIN:VEVENT", "UID:never-" + QByteArray::number(i), "DTSTART;VALUE=DATE:20260101",
                   "RRULE:FREQ=DAILY;BYMONTH=2;BYMONTHDAY=30", "END:VEVENT" };
    never += "END:VCALENDAR";
    const QByteArray neverFile = calendarOf(never);
    result.insert(u"recurring_never_matching_50_ms"_s, medianMs(runs, ok, [&](int) {
                      const auto read = models::ical::parseCalendar(neverFile, limits());
                      return read && read->isEmpty();
                  }));
    const QByteArray daily =
        calendarOf({ "BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Bench//EN", "BEGIN:VEVENT", "UID:daily",
                     "DTSTART;VALUE=DATE:20200101", "RRULE:FREQ=DAILY", "END:VEVENT", "END:VCALENDAR" });
    result.insert(u"recurring_daily_two_years_ms"_s, medianMs(runs, ok, [&](int) {
                      const auto read = models::ical::parseCalendar(daily, limits());
                      return read && read->size() > 700;
                  }));
    result.insert(u"peak_rss_mb"_s, peakRssMb());
    QTextStream(stdout) << QJsonDocument(result).toJson(QJsonDocument::Compact) << u'\n';
    return ok ? 0 : 1;
}

} // namespace rentdesk::bench
