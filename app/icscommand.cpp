// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/icscommand.h"

#include "app/commandline.h"
#include "models/ical/icalendar.h"
#include "models/query/calendarquery.h"
#include "models/services/bookingservice.h"
#include "models/services/clock.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QSaveFile>
#include <QTextStream>

namespace rentdesk::app {

using namespace Qt::StringLiterals;

namespace {

int failed(int code, const QString &message)
{
    QTextStream(stderr) << QCoreApplication::applicationName().toLower() << u": "_s << message << u'\n';
    return code;
}

} // namespace

int exportIcs(std::shared_ptr<models::db::Database> database, const QString &folder)
{
    const models::services::SystemClock clock;
    const auto calendars = models::query::CalendarQuery(std::move(database)).allCalendars(clock.today());
    if (!calendars)
        return failed(ExitExportFailed, calendars.error().message);
    if (!QDir().mkpath(folder)) {
        return failed(ExitExportFailed,
                      QCoreApplication::translate("IcsCommand", "The folder %1 could not be made.").arg(folder));
    }
    const QDir dir(folder);
    const QDateTime stamp = clock.now();
    int events = 0;
    for (const models::query::ApartmentCalendar &calendar : *calendars) {
        const QString path = dir.filePath(calendar.apartment.toString(QUuid::WithoutBraces) + u".ics"_s);
        QSaveFile out(path);
        if (!out.open(QIODevice::WriteOnly)
            || out.write(models::ical::writeCalendar(calendar.name, calendar.events, stamp)) < 0 || !out.commit()) {
            return failed(
                ExitExportFailed,
                QCoreApplication::translate("IcsCommand", "%1 could not be written: %2.").arg(path, out.errorString()));
        }
        events += int(calendar.events.size());
    }
    const int files = int(calendars->size());
    QTextStream(stdout) << QCoreApplication::translate("IcsCommand",
                                                       "Wrote %n calendar(s) to %1 (stays and blocked dates in all: "
                                                       "%2).",
                                                       nullptr, files)
                               .arg(QDir::toNativeSeparators(dir.absolutePath()))
                               .arg(events)
                        << u'\n';
    return ExitSuccess;
}

int importIcs(std::shared_ptr<models::db::Database> database, models::services::Mode mode, const QString &file,
              const QUuid &apartment)
{
    const models::services::SystemClock clock;
    const QDate today = clock.today();
    const auto events = models::ical::readCalendarFile(file, models::ical::importLimits(today));
    if (!events) {
        // The message names the line itself ("Line 12: …").
        return failed(ExitImportFailed, file + u": "_s + events.error().message);
    }
    const auto owner = models::query::CalendarQuery(database).ownerOf(apartment);
    if (!owner)
        return failed(ExitImportFailed, owner.error().message);
    const models::services::BookingService bookings(models::services::ServiceContext(database, clock, mode));
    const auto imported = bookings.importBlocks(*owner, apartment, QFileInfo(file).fileName(), *events);
    if (!imported)
        return failed(ExitImportFailed, imported.error().message);
    QTextStream(stdout) << QCoreApplication::translate("IcsCommand",
                                                       "%1: %2 new, %3 moved, %4 unchanged, %5 removed, %6 left out "
                                                       "(over, or this database's own stays); %7 request(s) declined.")
                               .arg(QFileInfo(file).fileName())
                               .arg(imported->added)
                               .arg(imported->moved)
                               .arg(imported->unchanged)
                               .arg(imported->removed)
                               .arg(imported->skipped)
                               .arg(imported->declined.size())
                        << u'\n';
    return ExitSuccess;
}

} // namespace rentdesk::app
