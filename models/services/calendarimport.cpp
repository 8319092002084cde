// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/services/calendarimport.h"

#include "models/domain/storedvalues.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QSet>

namespace rentdesk::models::services {

using namespace Qt::StringLiterals;
using domain::dateFromStored;
using domain::idFromStored;
using domain::toStoredDate;
using domain::toStoredId;

namespace {

constexpr int SummaryCharacters = 100;
constexpr int UidCharacters = 1000; // as bookings.block_uid allows

DomainError badEvents(const QString &what)
{
    return DomainError(
        DomainError::Code::InvalidValue, u"mutation"_s, u"events"_s,
        QCoreApplication::translate("CalendarImport", "The calendar's events are not valid: %1").arg(what));
}

} // namespace

QJsonObject calendarImportArgs(const QUuid &apartment, const QString &source, const QList<ical::IcsEvent> &events,
                               QDate today)
{
    QJsonArray coming;
    for (const ical::IcsEvent &event : events) {
        if (event.end <= today)
            continue;
        coming.append(QJsonArray { event.uid, toStoredDate(event.start), toStoredDate(event.end),
                                   event.summary.left(SummaryCharacters) });
    }
    return { { u"id"_s, toStoredId(apartment) }, { u"source"_s, source }, { u"events"_s, coming } };
}

Result<CalendarImportChange> readCalendarImportArgs(const QJsonObject &args)
{
    CalendarImportChange change;
    const auto apartment = idFromStored(QVariant(args.value(u"id"_s).toString()));
    if (!apartment || apartment->isNull()) {
        return std::unexpected(
            DomainError(DomainError::Code::InvalidValue, u"mutation"_s, u"id"_s,
                        QCoreApplication::translate("CalendarImport", "The change names no apartment.")));
    }
    change.apartment = *apartment;
    if (!args.value(u"source"_s).isString()) {
        return std::unexpected(
            DomainError(DomainError::Code::InvalidValue, u"mutation"_s, u"source"_s,
                        QCoreApplication::translate("CalendarImport", "The change names no calendar.")));
    }
    change.source = args.value(u"source"_s).toString(); // its length is the service's to judge
    if (!args.value(u"events"_s).isArray())
        return std::unexpected(badEvents(QCoreApplication::translate("CalendarImport", "they are not a list.")));
    const QJsonArray events = args.value(u"events"_s).toArray();
    change.events.reserve(events.size());
    QSet<QString> uids;
    for (qsizetype i = 0; i < events.size(); ++i) {
        const QJsonArray event = events.at(i).toArray();
        const auto start = dateFromStored(event.at(1).toVariant());
        const auto end = dateFromStored(event.at(2).toVariant());
        const QString uid = event.at(0).toString();
        if (event.size() != 4 || !event.at(0).isString() || uid.isEmpty() || uid.size() > UidCharacters
            || !event.at(3).isString() || event.at(3).toString().size() > SummaryCharacters || !start || !end) {
            return std::unexpected(badEvents(
                QCoreApplication::translate("CalendarImport", "event %1 is not [UID, first night, departure, summary].")
                    .arg(i + 1)));
        }
        if (uids.contains(uid)) {
            return std::unexpected(badEvents(
                QCoreApplication::translate("CalendarImport", "event %1 has the UID of an earlier one.").arg(i + 1)));
        }
        uids.insert(uid);
        change.events.append({ uid, *start, *end, event.at(3).toString() });
    }
    return change;
}

} // namespace rentdesk::models::services
