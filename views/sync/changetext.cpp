// SPDX-License-Identifier: GPL-3.0-or-later
#include "views/sync/changetext.h"

#include "models/domain/calendarsource.h"
#include "models/domain/storedvalues.h"
#include "models/itemmodels/cellformat.h"
#include "models/query/detailsquery.h"

#include <QCoreApplication>
#include <QDate>
#include <QJsonArray>
#include <QJsonObject>

namespace rentdesk::views {

using namespace Qt::StringLiterals;
using Code = models::services::DomainError::Code;

namespace {

struct ChangeText
{
    Q_DECLARE_TR_FUNCTIONS(ChangeText)
};

QUuid idArg(const QJsonObject &args, const QString &key)
{
    return models::domain::idFromStored(QVariant(args.value(key).toString())).value_or(QUuid());
}

QString dateArg(const QJsonObject &args, const QString &key)
{
    const QDate date = QDate::fromString(args.value(key).toString(), Qt::ISODate);
    return date.isValid() ? models::itemmodels::formatDate(date) : args.value(key).toString();
}

// "Apartment 12, Nevsky 5" while the replica has it, else a plain "an apartment".
QString apartmentTitle(const QUuid &viewer, const QUuid &id, const std::shared_ptr<models::db::Database> &database)
{
    if (const auto details = models::query::DetailsQuery(database).apartment(viewer, id))
        return ChangeText::tr("apartment %1, %2").arg(details->apartment.number, details->building.name);
    return ChangeText::tr("an apartment");
}

} // namespace

QString changeText(const models::sync::Mutation &mutation, const QUuid &viewer,
                   const std::shared_ptr<models::db::Database> &database)
{
    const QString &name = mutation.name;
    const QJsonObject &a = mutation.args;
    const QString text = a.value(u"name"_s).toString();
    const QString number = a.value(u"number"_s).toString();
    if (name == u"createBuilding")
        return ChangeText::tr("New building “%1”").arg(text);
    if (name == u"updateBuilding")
        return ChangeText::tr("Changes to the building “%1”").arg(text);
    if (name == u"deleteBuilding")
        return ChangeText::tr("Deleting a building");
    if (name == u"createApartment")
        return ChangeText::tr("New apartment %1").arg(number);
    if (name == u"updateApartment")
        return ChangeText::tr("Changes to apartment %1").arg(number);
    if (name == u"deleteApartment")
        return ChangeText::tr("Deleting %1").arg(apartmentTitle(viewer, idArg(a, u"id"_s), database));
    if (name == u"setApartmentStatus")
        return ChangeText::tr("New status of %1").arg(apartmentTitle(viewer, idArg(a, u"id"_s), database));
    if (name == u"requestBooking") {
        return ChangeText::tr("Booking request for %1, arriving %2, leaving %3")
            .arg(apartmentTitle(viewer, idArg(a, u"apartmentId"_s), database), dateArg(a, u"startDate"_s),
                 dateArg(a, u"endDate"_s));
    }
    if (name == u"holdDates") {
        return ChangeText::tr("Nights held in %1, from %2 to %3")
            .arg(apartmentTitle(viewer, idArg(a, u"apartmentId"_s), database), dateArg(a, u"startDate"_s),
                 dateArg(a, u"endDate"_s));
    }
    if (name == u"blockDates") {
        return ChangeText::tr("Nights blocked in %1, from %2 to %3")
            .arg(apartmentTitle(viewer, idArg(a, u"apartmentId"_s), database), dateArg(a, u"startDate"_s),
                 dateArg(a, u"endDate"_s));
    }
    if (name == u"importBlocks") {
        const int events = int(a.value(u"events"_s).toArray().size());
        return ChangeText::tr("Calendar “%1” imported into %2, %n coming event(s)", nullptr, events)
            .arg(models::domain::calendarLabel(a.value(u"source"_s).toString()),
                 apartmentTitle(viewer, idArg(a, u"id"_s), database));
    }
    if (name == u"confirmBooking")
        return ChangeText::tr("Confirming a booking request");
    if (name == u"declineBooking")
        return ChangeText::tr("Declining a booking request");
    if (name == u"cancelBooking")
        return ChangeText::tr("Cancelling a booking");
    if (name == u"createReview" || name == u"updateReview") {
        const int stars = a.value(u"rating"_s).toInt();
        return (name == u"createReview" ? ChangeText::tr("A review with %n star(s)", nullptr, stars)
                                        : ChangeText::tr("Changes to a review, %n star(s)", nullptr, stars));
    }
    if (name == u"deleteReview")
        return ChangeText::tr("Deleting a review");
    // A photo's move and removal name only the photo, which the replica may no longer have.
    if (name == u"addPhoto")
        return ChangeText::tr("New photo of %1").arg(apartmentTitle(viewer, idArg(a, u"apartmentId"_s), database));
    if (name == u"movePhoto")
        return ChangeText::tr("Moving a photo to place %1").arg(a.value(u"position"_s).toInt() + 1);
    if (name == u"removePhoto")
        return ChangeText::tr("Removing a photo");
    return name;
}

QString refusalText(const models::services::DomainError &error)
{
    QString sentence;
    switch (error.code) {
    case Code::DatesTaken:
        sentence = ChangeText::tr("The apartment is already taken for some of these nights.");
        break;
    case Code::DatesInPast:
        sentence = ChangeText::tr("These dates are in the past.");
        break;
    case Code::DuplicateRequest:
        sentence = ChangeText::tr("You have already asked for overlapping dates in this apartment.");
        break;
    case Code::WrongState:
        sentence = ChangeText::tr("The booking had already changed on the server (decided, cancelled or over).");
        break;
    case Code::NotFound:
        sentence = ChangeText::tr("What this change refers to no longer exists on the server.");
        break;
    case Code::NotAllowed:
        sentence = ChangeText::tr("Your account may not make this change.");
        break;
    case Code::AlreadyReviewed:
        sentence = ChangeText::tr("You have already reviewed this.");
        break;
    case Code::NoStay:
        sentence = ChangeText::tr("A review needs a stay between you first.");
        break;
    case Code::HasApartments:
        sentence = ChangeText::tr("The building still has apartments.");
        break;
    case Code::HasActiveBookings:
        sentence = ChangeText::tr("The apartment has requested or confirmed stays.");
        break;
    case Code::NumberTaken:
        sentence = ChangeText::tr("The building already has an apartment with this number.");
        break;
    case Code::DependsOnRefused:
        sentence = ChangeText::tr("It needs an earlier change that the server refused too.");
        break;
    case Code::InvalidValue:
        sentence = ChangeText::tr("The server does not accept one of the values.");
        break;
    case Code::Storage:
        sentence = ChangeText::tr("The server could not store it; retrying later may work.");
        break;
    case Code::EmailTaken:
    case Code::WeakPassword:
    case Code::WrongCredentials:
    case Code::NotInThisMode:
    case Code::InvalidToken:
        sentence = ChangeText::tr("The server refused the change.");
        break;
    }
    if (error.message.isEmpty() || error.message == sentence)
        return sentence;
    return ChangeText::tr("%1 (The server says: %2)").arg(sentence, error.message);
}

} // namespace rentdesk::views
