// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/services/bookingservice.h"

#include "models/db/query.h"
#include "models/db/transaction.h"
#include "models/domain/calendarsource.h"
#include "models/domain/money.h"
#include "models/domain/storedvalues.h"
#include "models/services/calendarimport.h"
#include "models/services/occupancy.h"
#include "models/services/records.h"
#include "models/services/servicesteps.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>

namespace rentdesk::models::services {

using namespace Qt::StringLiterals;
using namespace rentdesk::models::domain;
using Code = DomainError::Code;

namespace {

// Without ANALYZE statistics SQLite may walk bookings_status_idx (every request in the
// database) for "status = 'requested'"; "status || ''" below keeps it on the apartment's own
// bookings (SQLite's unary plus would do the same, but PostgreSQL has no + for text).

QString shown(QDate date)
{
    return QLocale().toString(date, QLocale::ShortFormat);
}

DomainError bookingError(Code code, const char *field, const QString &message)
{
    return DomainError(code, u"booking"_s, QString::fromLatin1(field), message);
}

Result<Booking> loadBooking(const QSqlDatabase &db, const QUuid &id)
{
    auto query = db::exec(db, u"SELECT "_s + bookingColumns(u"b"_s) + u" FROM bookings AS b WHERE b.id = :id"_s,
                          { { u":id"_s, toStoredId(id) } });
    if (!query)
        return std::unexpected(DomainError(query.error()));
    if (!query->next()) {
        return std::unexpected(bookingError(
            Code::NotFound, "", QCoreApplication::translate("BookingService", "This booking no longer exists.")));
    }
    return readBooking(*query);
}

Result<Apartment> loadApartment(const QSqlDatabase &db, const QUuid &id)
{
    auto query = db::exec(db, u"SELECT "_s + apartmentColumns(u"a"_s) + u" FROM apartments AS a WHERE a.id = :id"_s,
                          { { u":id"_s, toStoredId(id) } });
    if (!query)
        return std::unexpected(DomainError(query.error()));
    if (!query->next()) {
        return std::unexpected(
            DomainError(Code::NotFound, u"apartment"_s, u"apartmentId"_s,
                        QCoreApplication::translate("BookingService", "This apartment no longer exists.")));
    }
    return readApartment(*query);
}

// A stay that takes an apartment's nights: its dates, and for blocked dates where they come
// from (the calendar's name or address; empty for a block the landlord made).
struct TakenStay
{
    QDate start;
    QDate end;
    bool blocked = false;
    QString source;
};

// The first confirmed, completed or blocked stay of the apartment that overlaps [start, end),
// if any. Such stays never overlap each other, so only the first one that ends after start can
// be it: it is read from bookings_stays_idx (by end date) and its start compared here. (With
// "start_date < :end" in SQL, SQLite walked every earlier stay of the apartment instead, which
// made importing a calendar of 10 000 events take seconds.)
Result<std::optional<TakenStay>> takenBy(const QSqlDatabase &db, const QUuid &apartment, QDate start, QDate end,
                                         const QUuid &except)
{
    auto query = db::exec(db,
                          u"SELECT start_date, end_date, status, block_source FROM bookings "
                          "WHERE apartment_id = :apartment AND status IN ('confirmed', 'completed', 'blocked') "
                          "AND end_date > :start AND id <> :except ORDER BY end_date LIMIT 1"_s,
                          { { u":apartment"_s, toStoredId(apartment) },
                            { u":start"_s, toStoredDate(start) },
                            { u":except"_s, toStoredId(except) } });
    if (!query)
        return std::unexpected(DomainError(query.error()));
    if (!query->next() || query->value(0).toString() >= toStoredDate(end))
        return std::nullopt;
    return TakenStay { QDate::fromString(query->value(0).toString(), Qt::ISODate),
                       QDate::fromString(query->value(1).toString(), Qt::ISODate),
                       query->value(2).toString() == toCode(BookingStatus::Blocked), query->value(3).toString() };
}

DomainError datesTaken(const TakenStay &stay)
{
    // The last night is the day before departure.
    const QString first = shown(stay.start);
    const QString last = shown(stay.end.addDays(-1));
    if (!stay.blocked) {
        return bookingError(
            Code::DatesTaken, "dates",
            QCoreApplication::translate("BookingService", "The apartment is taken from %1 to %2.").arg(first, last));
    }
    if (stay.source.isEmpty()) {
        return bookingError(
            Code::DatesTaken, "dates",
            QCoreApplication::translate("BookingService", "The landlord has blocked the apartment from %1 to %2.")
                .arg(first, last));
    }
    return bookingError(
        Code::DatesTaken, "dates",
        QCoreApplication::translate("BookingService", "The apartment is blocked from %1 to %2 by the calendar %3.")
            .arg(first, last, calendarLabel(stay.source)));
}

DomainError wrongState(BookingStatus status, const QString &needed)
{
    return bookingError(Code::WrongState, "status",
                        QCoreApplication::translate("BookingService", "This booking is %1: %2")
                            .arg(displayName(status).toLower(), needed));
}

} // namespace

BookingService::BookingService(ServiceContext context)
    : m_context(std::move(context))
{
}

namespace {

// What the mail templates fill in about a booking: the apartment, the dates, the price and
// the people.
Result<QJsonObject> mailParameters(const QSqlDatabase &db, const QUuid &booking)
{
    auto query = db::exec(db,
                          u"SELECT b.id, a.number, bl.name, bl.address, bl.city, b.start_date, b.end_date, "
                          "b.total_price, b.currency, r.display_name, l.display_name, b.status "
                          "FROM bookings AS b JOIN apartments AS a ON a.id = b.apartment_id "
                          "JOIN buildings AS bl ON bl.id = a.building_id JOIN users AS r ON r.id = b.renter_id "
                          "JOIN users AS l ON l.id = a.owner_id WHERE b.id = :id"_s,
                          { { u":id"_s, toStoredId(booking) } });
    if (!query)
        return std::unexpected(DomainError(query.error()));
    if (!query->next())
        return QJsonObject();
    int i = 0;
    QJsonObject params;
    for (const char *key :
         { "bookingId", "apartmentNumber", "buildingName", "address", "city", "startDate", "endDate" })
        params.insert(QLatin1StringView(key), query->value(i++).toString());
    // Money as a string of minor units: JSON numbers are doubles.
    params.insert(u"totalPrice"_s, QString::number(query->value(i++).toLongLong()));
    for (const char *key : { "currency", "renterName", "landlordName", "status" })
        params.insert(QLatin1StringView(key), query->value(i++).toString());
    return params;
}

// The dates of a stay as any request or hold needs them: both given, in order, not too long.
Result<void> checkStayDates(QDate start, QDate end)
{
    if (!start.isValid())
        return std::unexpected(bookingError(Code::InvalidValue, "startDate",
                                            QCoreApplication::translate("BookingService", "Choose the first night.")));
    if (!end.isValid())
        return std::unexpected(
            bookingError(Code::InvalidValue, "endDate",
                         QCoreApplication::translate("BookingService", "Choose the day of departure.")));
    if (end <= start) {
        return std::unexpected(bookingError(
            Code::InvalidValue, "endDate",
            QCoreApplication::translate("BookingService", "The departure must be after the first night.")));
    }
    if (start.daysTo(end) > BookingService::MaximumNights) {
        return std::unexpected(
            bookingError(Code::InvalidValue, "endDate",
                         QCoreApplication::translate("BookingService", "A stay may be at most %n night(s) long.",
                                                     nullptr, BookingService::MaximumNights)));
    }
    return {};
}

// A new stay's row: who and when, the apartment, and its price at the apartment's price now.
struct NewStay
{
    QUuid id;
    QUuid apartment;
    QDate start;
    QDate end;
};

// Inserts a request (no one decided yet) or, with `decidedBy`, a stay confirmed by them, or
// with `blocked` too, the owner's block, which has no price.
Result<void> insertStay(const QSqlDatabase &db, const NewStay &stay, const QUuid &renter, const Apartment &apartment,
                        const QUuid &decidedBy, const QString &now, bool blocked = false)
{
    const bool decided = !decidedBy.isNull();
    const Money price = blocked ? Money { 0, apartment.monthlyPrice.currency }
                                : stayPrice(apartment.monthlyPrice, stay.start.daysTo(stay.end));
    auto inserted = db::exec(
        db,
        u"INSERT INTO bookings (id, apartment_id, renter_id, start_date, end_date, status, "
        "total_price, currency, decided_by, decided_at, created_at, updated_at) VALUES (:id, "
        ":apartment, :renter, :start, :end, :status, :price, :currency, :decidedBy, :decidedAt, "
        ":now, :now)"_s,
        { { u":id"_s, toStoredId(stay.id) },
          { u":apartment"_s, toStoredId(stay.apartment) },
          { u":renter"_s, toStoredId(renter) },
          { u":start"_s, toStoredDate(stay.start) },
          { u":end"_s, toStoredDate(stay.end) },
          { u":status"_s, blocked ? u"blocked"_s : (decided ? u"confirmed"_s : u"requested"_s) },
          { u":price"_s, price.minor },
          { u":currency"_s, price.currency },
          { u":decidedBy"_s, decided ? QVariant(toStoredId(decidedBy)) : QVariant(QMetaType::fromType<QString>()) },
          { u":decidedAt"_s, decided ? QVariant(now) : QVariant(QMetaType::fromType<QString>()) },
          { u":now"_s, now } });
    if (!inserted)
        return std::unexpected(DomainError(inserted.error()));
    return {};
}

// The journal's arguments of a stay asked for or held (docs/protocol.md, "Mutations").
QJsonObject stayArgs(const NewStay &stay)
{
    return { { u"id"_s, toStoredId(stay.id) },
             { u"apartmentId"_s, toStoredId(stay.apartment) },
             { u"startDate"_s, toStoredDate(stay.start) },
             { u"endDate"_s, toStoredDate(stay.end) } };
}

// Declines one booking in the name of the one who decided (the owner, or time in the owner's
// name). Ids as stored.
Result<void> markDeclined(const QSqlDatabase &db, const QString &booking, const QString &decidedBy, const QString &now)
{
    auto updated = db::exec(db,
                            u"UPDATE bookings SET status = 'declined', decided_by = :actor, decided_at = :now, "
                            "updated_at = max(updated_at, :now) WHERE id = :id"_s,
                            { { u":actor"_s, decidedBy }, { u":now"_s, now }, { u":id"_s, booking } });
    if (!updated)
        return std::unexpected(DomainError(updated.error()));
    return {};
}

// Declines, in the actor's name, every request of the stay's apartment whose dates overlap the
// stay: a confirmed stay or a hold has taken their nights. The declined ones.
Result<QList<QUuid>> declineOverlapping(const QSqlDatabase &db, const Booking &stay, const QUuid &actor,
                                        const QString &now)
{
    auto overlapping =
        db::exec(db,
                 u"SELECT id FROM bookings WHERE apartment_id = :apartment AND status || '' = 'requested' "
                 "AND id <> :id AND start_date < :end AND end_date > :start"_s,
                 { { u":apartment"_s, toStoredId(stay.apartmentId) },
                   { u":id"_s, toStoredId(stay.id) },
                   { u":start"_s, toStoredDate(stay.startDate) },
                   { u":end"_s, toStoredDate(stay.endDate) } });
    if (!overlapping)
        return std::unexpected(DomainError(overlapping.error()));
    QList<QUuid> declined;
    while (overlapping->next()) {
        auto id = idFromStored(overlapping->value(0));
        if (!id)
            return std::unexpected(unreadable(u"booking"_s, id.error()));
        declined.append(*id);
    }
    for (const QUuid &id : std::as_const(declined)) {
        if (auto marked = markDeclined(db, toStoredId(id), toStoredId(actor), now); !marked)
            return std::unexpected(marked.error());
    }
    return declined;
}

// Tells each renter whose request a stay declined that its dates were taken.
Result<void> mailDeclined(const ServiceContext &context, const QSqlDatabase &db, const QList<QUuid> &declined)
{
    for (const QUuid &id : declined) {
        auto params = mailParameters(db, id);
        if (!params)
            return std::unexpected(params.error());
        params->insert(u"reason"_s, u"dates_taken"_s);
        auto renter = loadBooking(db, id);
        if (!renter)
            return std::unexpected(renter.error());
        if (auto mailed = queueMail(context, db, MailEvent::BookingDeclined, renter->renterId, *params); !mailed)
            return mailed;
    }
    return {};
}

} // namespace

Result<Booking> BookingService::booking(const QUuid &id) const
{
    const auto connection = connectionOf(m_context);
    if (!connection)
        return std::unexpected(connection.error());
    return loadBooking(*connection, id);
}

Result<mail::ComposedMail> BookingService::confirmationDocument(const QUuid &actor, const QUuid &bookingId) const
{
    const auto connection = connectionOf(m_context);
    if (!connection)
        return std::unexpected(connection.error());
    const QSqlDatabase &db = *connection;
    if (auto user = actingUser(db, actor); !user)
        return std::unexpected(user.error());
    auto booking = loadBooking(db, bookingId);
    if (!booking)
        return std::unexpected(booking.error());
    auto apartment = loadApartment(db, booking->apartmentId);
    if (!apartment)
        return std::unexpected(apartment.error());
    if (actor != booking->renterId && actor != apartment->ownerId) {
        return std::unexpected(
            bookingError(Code::NotAllowed, "",
                         QCoreApplication::translate(
                             "BookingService", "Only the renter and the landlord of a stay have its confirmation.")));
    }
    if (booking->status != BookingStatus::Confirmed && booking->status != BookingStatus::Completed) {
        return std::unexpected(
            wrongState(booking->status,
                       QCoreApplication::translate("BookingService", "only a confirmed stay has a confirmation.")));
    }
    auto renter = userById(db, booking->renterId);
    if (!renter)
        return std::unexpected(renter.error());
    auto params = mailParameters(db, bookingId);
    if (!params)
        return std::unexpected(params.error());
    return mail::composeDocument(u"booking_confirmation"_s, renter->language, renter->displayName, *params);
}

Result<Booking> BookingService::request(const QUuid &actor, const QUuid &apartmentId, QDate start, QDate end,
                                        const QUuid &givenId) const
{
    if (auto dates = checkStayDates(start, end); !dates)
        return std::unexpected(dates.error());
    const QDate today = m_context.clock().today();
    if (start < today) {
        return std::unexpected(
            bookingError(Code::DatesInPast, "startDate",
                         QCoreApplication::translate("BookingService", "The stay cannot start before today (%1).")
                             .arg(shown(today))));
    }

    const auto connection = connectionOf(m_context);
    if (!connection)
        return std::unexpected(connection.error());
    const QSqlDatabase &db = *connection;
    const QUuid id = givenId.isNull() ? newId() : givenId;
    auto done = db::transact(db, [&]() -> Result<void> {
        auto user = actingUser(db, actor);
        if (!user)
            return std::unexpected(user.error());
        if (auto fresh = requireNewId(db, "bookings", id); !fresh)
            return fresh;
        if (user->role != Role::Renter) {
            return std::unexpected(
                bookingError(Code::NotAllowed, "",
                             QCoreApplication::translate("BookingService", "Only renters can request a booking.")));
        }
        auto apartment = loadApartment(db, apartmentId);
        if (!apartment)
            return std::unexpected(apartment.error());
        auto taken = takenBy(db, apartmentId, start, end, id);
        if (!taken)
            return std::unexpected(taken.error());
        if (*taken)
            return std::unexpected(datesTaken(**taken));
        auto asked =
            db::scalar(db,
                       u"SELECT count(*) FROM bookings WHERE apartment_id = :apartment AND renter_id = :renter "
                       "AND status || '' = 'requested' AND start_date < :end AND end_date > :start"_s,
                       { { u":apartment"_s, toStoredId(apartmentId) },
                         { u":renter"_s, toStoredId(actor) },
                         { u":start"_s, toStoredDate(start) },
                         { u":end"_s, toStoredDate(end) } });
        if (!asked)
            return std::unexpected(DomainError(asked.error()));
        if (asked->toInt() > 0) {
            return std::unexpected(
                bookingError(Code::DuplicateRequest, "dates",
                             QCoreApplication::translate("BookingService", "You have already asked for these dates.")));
        }
        if (auto inserted =
                insertStay(db, { id, apartmentId, start, end }, actor, *apartment, {}, m_context.nowStored());
            !inserted)
            return inserted;
        auto journaled = journal(m_context, db, actor, "requestBooking", stayArgs({ id, apartmentId, start, end }));
        if (!journaled || !isAuthority(m_context.mode()))
            return journaled;
        auto params = mailParameters(db, id);
        if (!params)
            return std::unexpected(params.error());
        return queueMail(m_context, db, MailEvent::BookingRequested, apartment->ownerId, *params);
    });
    if (!done)
        return std::unexpected(done.error());
    return loadBooking(db, id);
}

Result<BookingService::Confirmation> BookingService::confirm(const QUuid &actor, const QUuid &bookingId) const
{
    const auto connection = connectionOf(m_context);
    if (!connection)
        return std::unexpected(connection.error());
    const QSqlDatabase &db = *connection;
    Confirmation result;
    auto done = db::transact(db, [&]() -> Result<void> {
        auto user = actingUser(db, actor);
        if (!user)
            return std::unexpected(user.error());
        auto booking = loadBooking(db, bookingId);
        if (!booking)
            return std::unexpected(booking.error());
        auto apartment = loadApartment(db, booking->apartmentId);
        if (!apartment)
            return std::unexpected(apartment.error());
        if (apartment->ownerId != actor) {
            return std::unexpected(bookingError(Code::NotAllowed, "",
                                                QCoreApplication::translate("BookingService",
                                                                            "Only the apartment's owner can confirm or "
                                                                            "decline its bookings.")));
        }
        if (booking->status != BookingStatus::Requested) {
            return std::unexpected(wrongState(
                booking->status, QCoreApplication::translate("BookingService", "only a request can be confirmed.")));
        }
        const QDate today = m_context.clock().today();
        if (booking->startDate < today) {
            return std::unexpected(
                bookingError(Code::DatesInPast, "startDate",
                             QCoreApplication::translate("BookingService",
                                                         "The stay was to start on %1, which has passed; "
                                                         "the renter must ask for new dates.")
                                 .arg(shown(booking->startDate))));
        }
        auto taken = takenBy(db, booking->apartmentId, booking->startDate, booking->endDate, bookingId);
        if (!taken)
            return std::unexpected(taken.error());
        if (*taken)
            return std::unexpected(datesTaken(**taken));

        const QString now = m_context.nowStored();
        const Money price = stayPrice(apartment->monthlyPrice, booking->nights());
        auto confirmed =
            db::exec(db,
                     u"UPDATE bookings SET status = 'confirmed', total_price = :price, currency = :currency, "
                     "decided_by = :actor, decided_at = :now, updated_at = max(updated_at, :now) "
                     "WHERE id = :id"_s,
                     { { u":price"_s, price.minor },
                       { u":currency"_s, price.currency },
                       { u":actor"_s, toStoredId(actor) },
                       { u":now"_s, now },
                       { u":id"_s, toStoredId(bookingId) } });
        if (!confirmed)
            return std::unexpected(DomainError(confirmed.error()));
        // The requests this stay overlaps cannot be confirmed any more: decline them with it.
        auto declined = declineOverlapping(db, *booking, actor, now);
        if (!declined)
            return std::unexpected(declined.error());
        result.declined = *declined;
        if (auto refreshed = refreshOccupancy(db, today, now, booking->apartmentId); !refreshed)
            return std::unexpected(refreshed.error());
        auto journaled =
            journal(m_context, db, actor, "confirmBooking", QJsonObject { { u"id"_s, toStoredId(bookingId) } });
        if (!journaled || !isAuthority(m_context.mode()))
            return journaled;

        auto params = mailParameters(db, bookingId);
        if (!params)
            return std::unexpected(params.error());
        if (auto mailed = queueMail(m_context, db, MailEvent::BookingConfirmed, booking->renterId, *params); !mailed)
            return mailed;
        return mailDeclined(m_context, db, result.declined);
    });
    if (!done)
        return std::unexpected(done.error());
    auto booking = loadBooking(db, bookingId);
    if (!booking)
        return std::unexpected(booking.error());
    result.booking = *booking;
    return result;
}

Result<Booking> BookingService::hold(const QUuid &actor, const QUuid &apartmentId, QDate start, QDate end,
                                     const QUuid &givenId) const
{
    return ownerNights(actor, apartmentId, start, end, givenId, false);
}

Result<Booking> BookingService::block(const QUuid &actor, const QUuid &apartmentId, QDate start, QDate end,
                                      const QUuid &givenId) const
{
    return ownerNights(actor, apartmentId, start, end, givenId, true);
}

Result<Booking> BookingService::ownerNights(const QUuid &actor, const QUuid &apartmentId, QDate start, QDate end,
                                            const QUuid &givenId, bool blocked) const
{
    if (auto dates = checkStayDates(start, end); !dates)
        return std::unexpected(dates.error());
    const QDate today = m_context.clock().today();
    if (end <= today) {
        return std::unexpected(bookingError(
            Code::DatesInPast, "endDate",
            blocked
                ? QCoreApplication::translate("BookingService", "These nights are over; there are none left to block.")
                : QCoreApplication::translate("BookingService",
                                              "This stay is over; there are no nights left to hold.")));
    }
    const auto connection = connectionOf(m_context);
    if (!connection)
        return std::unexpected(connection.error());
    const QSqlDatabase &db = *connection;
    const QUuid id = givenId.isNull() ? newId() : givenId;
    QList<QUuid> declined;
    auto done = db::transact(db, [&]() -> Result<void> {
        auto user = actingUser(db, actor);
        if (!user)
            return std::unexpected(user.error());
        if (auto fresh = requireNewId(db, "bookings", id); !fresh)
            return fresh;
        auto apartment = loadApartment(db, apartmentId);
        if (!apartment)
            return std::unexpected(apartment.error());
        if (apartment->ownerId != actor) {
            return std::unexpected(bookingError(
                Code::NotAllowed, "",
                blocked
                    ? QCoreApplication::translate("BookingService", "Only the apartment's owner can block its nights.")
                    : QCoreApplication::translate("BookingService",
                                                  "Only the apartment's owner can hold its nights.")));
        }
        auto taken = takenBy(db, apartmentId, start, end, id);
        if (!taken)
            return std::unexpected(taken.error());
        if (*taken)
            return std::unexpected(datesTaken(**taken));
        const QString now = m_context.nowStored();
        if (auto inserted = insertStay(db, { id, apartmentId, start, end }, actor, *apartment, actor, now, blocked);
            !inserted)
            return inserted;
        auto stay = loadBooking(db, id);
        if (!stay)
            return std::unexpected(stay.error());
        auto overlapping = declineOverlapping(db, *stay, actor, now);
        if (!overlapping)
            return std::unexpected(overlapping.error());
        declined = *overlapping;
        if (auto refreshed = refreshOccupancy(db, today, now, apartmentId); !refreshed)
            return std::unexpected(refreshed.error());
        auto journaled = journal(m_context, db, actor, blocked ? "blockDates" : "holdDates",
                                 stayArgs({ id, apartmentId, start, end }));
        if (!journaled || !isAuthority(m_context.mode()))
            return journaled;
        return mailDeclined(m_context, db, declined);
    });
    if (!done)
        return std::unexpected(done.error());
    return loadBooking(db, id);
}

Result<BookingService::BlockImport> BookingService::importBlocks(const QUuid &actor, const QUuid &apartmentId,
                                                                 const QString &source,
                                                                 const QList<ical::IcsEvent> &events) const
{
    if (source.trimmed().isEmpty() || source.size() > 500) {
        return std::unexpected(bookingError(
            Code::InvalidValue, "blockSource",
            QCoreApplication::translate("BookingService",
                                        "A calendar is named by its file or address, of up to 500 characters.")));
    }
    // A connected database sends the import to its server as one change, which must fit one
    // message with room to spare (docs/protocol.md, importBlocks): the events not over yet.
    const QDate today = m_context.clock().today();
    const bool sent = m_context.mode() == Mode::Connected;
    QJsonObject args;
    if (sent) {
        args = calendarImportArgs(apartmentId, source, events, today);
        if (const qint64 bytes = QJsonDocument(args).toJson(QJsonDocument::Compact).size();
            bytes > MaxImportChangeBytes) {
            return std::unexpected(bookingError(
                Code::InvalidValue, "events",
                QCoreApplication::translate("BookingService",
                                            "This calendar's coming events take %1 KB; a connected database sends at "
                                            "most %2 KB of them to its server at once. Import a calendar that reaches "
                                            "less far ahead.")
                    .arg((bytes + 1023) / 1024)
                    .arg(MaxImportChangeBytes / 1024)));
        }
    }
    const auto connection = connectionOf(m_context);
    if (!connection)
        return std::unexpected(connection.error());
    const QSqlDatabase &db = *connection;
    BlockImport result;
    auto done = db::transact(db, [&]() -> Result<void> {
        result = {};
        auto user = actingUser(db, actor);
        if (!user)
            return std::unexpected(user.error());
        auto apartment = loadApartment(db, apartmentId);
        if (!apartment)
            return std::unexpected(apartment.error());
        if (apartment->ownerId != actor) {
            return std::unexpected(bookingError(
                Code::NotAllowed, "",
                QCoreApplication::translate("BookingService", "Only the apartment's owner can block its dates.")));
        }
        // The blocks this calendar made before, by UID.
        struct Earlier
        {
            QUuid id;
            QDate start;
            QDate end;
        };
        QHash<QString, Earlier> earlier;
        auto before = db::exec(db,
                               u"SELECT id, block_uid, start_date, end_date FROM bookings "
                               "WHERE apartment_id = :apartment AND block_source = :source"_s,
                               { { u":apartment"_s, toStoredId(apartmentId) }, { u":source"_s, source } });
        if (!before)
            return std::unexpected(DomainError(before.error()));
        while (before->next()) {
            auto id = idFromStored(before->value(0));
            auto start = dateFromStored(before->value(2));
            auto end = dateFromStored(before->value(3));
            if (!id || !start || !end)
                return std::unexpected(unreadable(u"booking"_s,
                                                  !id          ? id.error()
                                                      : !start ? start.error()
                                                               : end.error()));
            earlier.insert(before->value(1).toString(), { *id, *start, *end });
        }

        // What stays: the events not over, other than this apartment's own stays sent back.
        static const QString ownSuffix = u"@rentdesk"_s;
        QList<const ical::IcsEvent *> current;
        for (const ical::IcsEvent &event : events) {
            bool own = false;
            if (event.uid.endsWith(ownSuffix)) {
                const QUuid id = QUuid::fromString(event.uid.chopped(ownSuffix.size()));
                auto ours = db::exec(db,
                                     u"SELECT 1 FROM bookings WHERE id = :id AND apartment_id = :apartment "
                                     "AND block_uid IS NULL"_s,
                                     { { u":id"_s, toStoredId(id) }, { u":apartment"_s, toStoredId(apartmentId) } });
                if (!ours)
                    return std::unexpected(DomainError(ours.error()));
                own = !id.isNull() && ours->next();
            }
            if (own || event.end <= today) {
                ++result.skipped;
                continue;
            }
            current.append(&event);
        }

        // Blocks whose event is gone or moved go first, so that events that changed places
        // with each other do not meet on the way.
        QSet<QString> kept;
        for (const ical::IcsEvent *event : std::as_const(current)) {
            const auto it = earlier.constFind(event->uid);
            if (it != earlier.cend() && it->start == event->start && it->end == event->end)
                kept.insert(event->uid);
        }
        for (auto it = earlier.cbegin(); it != earlier.cend(); ++it) {
            if (kept.contains(it.key()))
                continue;
            auto removed = db::exec(db, u"DELETE FROM bookings WHERE id = :id"_s, { { u":id"_s, toStoredId(it->id) } });
            if (!removed)
                return std::unexpected(DomainError(removed.error()));
        }

        const QString now = m_context.nowStored();
        for (const ical::IcsEvent *event : std::as_const(current)) {
            if (kept.contains(event->uid)) {
                ++result.unchanged;
                continue;
            }
            const auto moved = earlier.constFind(event->uid);
            const QUuid id = moved != earlier.cend() ? moved->id : newId();
            if (auto dates = checkStayDates(event->start, event->end); !dates)
                return std::unexpected(dates.error());
            auto taken = takenBy(db, apartmentId, event->start, event->end, id);
            if (!taken)
                return std::unexpected(taken.error());
            if (*taken) {
                const QString what = event->summary.isEmpty() ? event->uid : event->summary;
                return std::unexpected(bookingError(
                    Code::DatesTaken, "dates",
                    QCoreApplication::translate("BookingService",
                                                "The event “%1” from %2 to %3 overlaps: %4 Nothing was imported.")
                        .arg(what, shown(event->start), shown(event->end.addDays(-1)), datesTaken(**taken).message)));
            }
            auto inserted = db::exec(
                db,
                u"INSERT INTO bookings (id, apartment_id, renter_id, start_date, end_date, status, total_price, "
                "currency, decided_by, decided_at, created_at, updated_at, block_source, block_uid) VALUES (:id, "
                ":apartment, :owner, :start, :end, 'blocked', 0, :currency, :owner, :now, :now, :now, :source, :uid)"_s,
                { { u":id"_s, toStoredId(id) },
                  { u":apartment"_s, toStoredId(apartmentId) },
                  { u":owner"_s, toStoredId(actor) },
                  { u":start"_s, toStoredDate(event->start) },
                  { u":end"_s, toStoredDate(event->end) },
                  { u":currency"_s, apartment->monthlyPrice.currency },
                  { u":now"_s, now },
                  { u":source"_s, source },
                  { u":uid"_s, event->uid } });
            if (!inserted)
                return std::unexpected(DomainError(inserted.error()));
            ++(moved != earlier.cend() ? result.moved : result.added);
        }
        // The requests over this calendar's blocks, found once for all of them: each request
        // probes the blocks through bookings_stays_idx, where asking per block would walk
        // every earlier booking of the apartment for each (10 000 events: 7.7 s instead of
        // what a request or two costs).
        auto overlapping = db::exec(db,
                                    u"SELECT r.id FROM bookings AS r WHERE r.apartment_id = :apartment "
                                    "AND r.status || '' = 'requested' AND EXISTS (SELECT 1 FROM bookings AS b "
                                    "WHERE b.apartment_id = :apartment AND b.status IN ('confirmed', 'completed', "
                                    "'blocked') AND b.end_date > r.start_date AND b.start_date < r.end_date "
                                    "AND b.block_source = :source) ORDER BY r.start_date, r.id"_s,
                                    { { u":apartment"_s, toStoredId(apartmentId) }, { u":source"_s, source } });
        if (!overlapping)
            return std::unexpected(DomainError(overlapping.error()));
        while (overlapping->next()) {
            auto id = idFromStored(overlapping->value(0));
            if (!id)
                return std::unexpected(unreadable(u"booking"_s, id.error()));
            result.declined.append(*id);
        }
        for (const QUuid &id : std::as_const(result.declined)) {
            if (auto marked = markDeclined(db, toStoredId(id), toStoredId(actor), now); !marked)
                return marked;
        }
        for (auto it = earlier.cbegin(); it != earlier.cend(); ++it) {
            if (!kept.contains(it.key()) && !std::any_of(current.cbegin(), current.cend(), [&](const auto *event) {
                    return event->uid == it.key();
                }))
                ++result.removed;
        }
        // Only a replica journals an import, for its server: a standalone database's calendars
        // are read again from their source (a subscription every three hours), and a journal
        // row for each reading would only grow a journal nothing reads.
        if (sent)
            return journal(m_context, db, actor, "importBlocks", args);
        return mailDeclined(m_context, db, result.declined);
    });
    if (!done)
        return std::unexpected(done.error());
    return result;
}

Result<Booking> BookingService::decline(const QUuid &actor, const QUuid &bookingId) const
{
    const auto connection = connectionOf(m_context);
    if (!connection)
        return std::unexpected(connection.error());
    const QSqlDatabase &db = *connection;
    auto done = db::transact(db, [&]() -> Result<void> {
        auto user = actingUser(db, actor);
        if (!user)
            return std::unexpected(user.error());
        auto booking = loadBooking(db, bookingId);
        if (!booking)
            return std::unexpected(booking.error());
        auto apartment = loadApartment(db, booking->apartmentId);
        if (!apartment)
            return std::unexpected(apartment.error());
        if (apartment->ownerId != actor) {
            return std::unexpected(bookingError(Code::NotAllowed, "",
                                                QCoreApplication::translate("BookingService",
                                                                            "Only the apartment's owner can confirm or "
                                                                            "decline its bookings.")));
        }
        if (booking->status != BookingStatus::Requested) {
            return std::unexpected(wrongState(
                booking->status, QCoreApplication::translate("BookingService", "only a request can be declined.")));
        }
        const QString now = m_context.nowStored();
        if (auto declined = markDeclined(db, toStoredId(bookingId), toStoredId(actor), now); !declined)
            return declined;
        auto journaled =
            journal(m_context, db, actor, "declineBooking", QJsonObject { { u"id"_s, toStoredId(bookingId) } });
        if (!journaled || !isAuthority(m_context.mode()))
            return journaled;
        auto params = mailParameters(db, bookingId);
        if (!params)
            return std::unexpected(params.error());
        params->insert(u"reason"_s, u"declined"_s);
        return queueMail(m_context, db, MailEvent::BookingDeclined, booking->renterId, *params);
    });
    if (!done)
        return std::unexpected(done.error());
    return loadBooking(db, bookingId);
}

Result<Booking> BookingService::cancel(const QUuid &actor, const QUuid &bookingId) const
{
    const auto connection = connectionOf(m_context);
    if (!connection)
        return std::unexpected(connection.error());
    const QSqlDatabase &db = *connection;
    auto done = db::transact(db, [&]() -> Result<void> {
        auto user = actingUser(db, actor);
        if (!user)
            return std::unexpected(user.error());
        auto booking = loadBooking(db, bookingId);
        if (!booking)
            return std::unexpected(booking.error());
        if (booking->renterId != actor) {
            return std::unexpected(bookingError(
                Code::NotAllowed, "",
                QCoreApplication::translate("BookingService", "Only the renter who made a booking can cancel it.")));
        }
        if (booking->status == BookingStatus::Blocked && !booking->blockSource.isEmpty()) {
            return std::unexpected(
                wrongState(booking->status,
                           QCoreApplication::translate(
                               "BookingService",
                               "these nights are blocked by the calendar %1; they are freed when its event "
                               "is gone from it and the calendar is imported again.")
                               .arg(domain::calendarLabel(booking->blockSource))));
        }
        const bool ownBlock = booking->status == BookingStatus::Blocked;
        if (booking->status != BookingStatus::Requested && booking->status != BookingStatus::Confirmed && !ownBlock) {
            return std::unexpected(wrongState(
                booking->status,
                QCoreApplication::translate("BookingService", "only a request or a confirmed stay can be cancelled.")));
        }
        const QDate today = m_context.clock().today();
        if (booking->endDate <= today) {
            return std::unexpected(bookingError(
                Code::WrongState, "status",
                QCoreApplication::translate("BookingService", "This stay is over; it cannot be cancelled.")));
        }
        auto apartment = loadApartment(db, booking->apartmentId);
        if (!apartment)
            return std::unexpected(apartment.error());
        const QString now = m_context.nowStored();
        auto updated =
            db::exec(db,
                     u"UPDATE bookings SET status = 'cancelled', decided_by = :actor, decided_at = :now, "
                     "updated_at = max(updated_at, :now) WHERE id = :id"_s,
                     { { u":actor"_s, toStoredId(actor) }, { u":now"_s, now }, { u":id"_s, toStoredId(bookingId) } });
        if (!updated)
            return std::unexpected(DomainError(updated.error()));
        if (booking->status == BookingStatus::Confirmed || ownBlock) {
            if (auto refreshed = refreshOccupancy(db, today, now, booking->apartmentId); !refreshed)
                return std::unexpected(refreshed.error());
        }
        auto journaled =
            journal(m_context, db, actor, "cancelBooking", QJsonObject { { u"id"_s, toStoredId(bookingId) } });
        if (!journaled || !isAuthority(m_context.mode()))
            return journaled;
        auto params = mailParameters(db, bookingId);
        if (!params)
            return std::unexpected(params.error());
        if (booking->renterId == apartment->ownerId)
            return {}; // the owner's own hold: nobody else to tell
        params->insert(u"previousStatus"_s, toCode(booking->status));
        return queueMail(m_context, db, MailEvent::BookingCancelled, apartment->ownerId, *params);
    });
    if (!done)
        return std::unexpected(done.error());
    return loadBooking(db, bookingId);
}

Result<BookingService::TimeStep> BookingService::applyTime() const
{
    if (!isAuthority(m_context.mode())) {
        return std::unexpected(DomainError(Code::NotInThisMode, u"booking"_s, QString(),
                                           QCoreApplication::translate("BookingService",
                                                                       "The server moves bookings on with time for a "
                                                                       "connected database.")));
    }
    const auto connection = connectionOf(m_context);
    if (!connection)
        return std::unexpected(connection.error());
    const QSqlDatabase &db = *connection;
    TimeStep step;
    auto done = db::transact(db, [&]() -> Result<void> {
        const QDate today = m_context.clock().today();
        const QString now = m_context.nowStored();
        auto completed = completeEndedStays(db, today, now);
        if (!completed)
            return std::unexpected(completed.error());
        step.completed = *completed;

        // A request whose first night has passed can no longer be confirmed: decline it in
        // the owner's name and tell the renter.
        auto stale = db::exec(db,
                              u"SELECT b.id, b.renter_id, a.owner_id FROM bookings AS b "
                              "JOIN apartments AS a ON a.id = b.apartment_id "
                              "WHERE b.status = 'requested' AND b.start_date < :today"_s,
                              { { u":today"_s, toStoredDate(today) } });
        if (!stale)
            return std::unexpected(DomainError(stale.error()));
        QList<std::tuple<QString, QString, QString>> expired;
        while (stale->next())
            expired.append({ stale->value(0).toString(), stale->value(1).toString(), stale->value(2).toString() });
        for (const auto &[booking, renter, owner] : std::as_const(expired)) {
            if (auto declined = markDeclined(db, booking, owner, now); !declined)
                return declined;
            auto id = idFromStored(booking);
            auto renterId = idFromStored(renter);
            if (!id || !renterId)
                return std::unexpected(unreadable(u"booking"_s, !id ? id.error() : renterId.error()));
            auto params = mailParameters(db, *id);
            if (!params)
                return std::unexpected(params.error());
            params->insert(u"reason"_s, u"expired"_s);
            if (auto mailed = queueMail(m_context, db, MailEvent::BookingDeclined, *renterId, *params); !mailed)
                return mailed;
        }
        step.expired = int(expired.size());

        auto changed = refreshOccupancy(db, today, now);
        if (!changed)
            return std::unexpected(changed.error());
        step.apartmentsChanged = *changed;
        return {};
    });
    if (!done)
        return std::unexpected(done.error());
    return step;
}

} // namespace rentdesk::models::services
