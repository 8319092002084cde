// SPDX-License-Identifier: GPL-3.0-or-later
#include "services/domainerror.h"

#include <QCoreApplication>
#include <QHash>

namespace rentdesk::services {

using namespace Qt::StringLiterals;

namespace {

using Code = DomainError::Code;

// What each named constraint of the schema means to a person. A refusal the services did
// not catch first (they check most rules themselves, with more specific messages) still
// reaches the user as a sentence about the field, not as SQL.
struct ConstraintMeaning
{
    const char *constraint;
    Code code;
    const char *entity;
    const char *field;
    const char *text;
};

#define RD_TR(text) QT_TRANSLATE_NOOP("DomainError", text)
const ConstraintMeaning constraintMeanings[] = {
    {"users_id_uuid", Code::InvalidValue, "user", "id", RD_TR("The identifier is not valid.")},
    {"users_email_normalized", Code::InvalidValue, "user", "email", RD_TR("Enter a valid e-mail address.")},
    {"users_email_format", Code::InvalidValue, "user", "email", RD_TR("Enter a valid e-mail address.")},
    {"users_email_unique", Code::EmailTaken, "user", "email", RD_TR("This e-mail address is already registered.")},
    {"users_display_name_present", Code::InvalidValue, "user", "displayName",
     RD_TR("Enter a name of up to 200 characters.")},
    {"users_phone_format", Code::InvalidValue, "user", "phone",
     RD_TR("A phone number has 3 to 32 characters: digits, spaces, +, - and brackets.")},
    {"users_role_code", Code::InvalidValue, "user", "role", RD_TR("Choose landlord or renter.")},
    {"users_language_code", Code::InvalidValue, "user", "language", RD_TR("Choose English or Russian.")},
    {"users_rating_consistent", Code::InvalidValue, "user", "rating", RD_TR("The rating totals are not consistent.")},
    {"users_password_hash_format", Code::InvalidValue, "user", "password", RD_TR("The password could not be stored.")},
    {"buildings_id_uuid", Code::InvalidValue, "building", "id", RD_TR("The identifier is not valid.")},
    {"buildings_owner_is_landlord", Code::NotAllowed, "building", "owner", RD_TR("Only landlords can own buildings.")},
    {"buildings_name_present", Code::InvalidValue, "building", "name",
     RD_TR("Enter the building's name (up to 200 characters).")},
    {"buildings_address_present", Code::InvalidValue, "building", "address",
     RD_TR("Enter the building's address (up to 500 characters).")},
    {"buildings_city_present", Code::InvalidValue, "building", "city", RD_TR("Enter the city (up to 100 characters).")},
    {"buildings_floors_range", Code::InvalidValue, "building", "floors", RD_TR("A building has 1 to 300 floors.")},
    {"buildings_year_built_range", Code::InvalidValue, "building", "yearBuilt",
     RD_TR("The year built must be between 1000 and 2200.")},
    {"apartments_id_uuid", Code::InvalidValue, "apartment", "id", RD_TR("The identifier is not valid.")},
    {"apartments_number_unique", Code::NumberTaken, "apartment", "number",
     RD_TR("This building already has an apartment with this number.")},
    {"apartments_number_present", Code::InvalidValue, "apartment", "number",
     RD_TR("Enter the apartment number (up to 20 characters).")},
    {"apartments_floor_range", Code::InvalidValue, "apartment", "floor", RD_TR("The floor must be between -5 and 300.")},
    {"apartments_rooms_range", Code::InvalidValue, "apartment", "rooms", RD_TR("An apartment has 1 to 50 rooms.")},
    {"apartments_area_range", Code::InvalidValue, "apartment", "area",
     RD_TR("The area must be more than 0 and at most 100000 m².")},
    {"apartments_price_range", Code::InvalidValue, "apartment", "monthlyPrice",
     RD_TR("The monthly price must be between 0 and 1000000000.")},
    {"apartments_currency_code", Code::InvalidValue, "apartment", "currency",
     RD_TR("The currency must be a three-letter code such as RUB or EUR.")},
    {"apartments_status_code", Code::InvalidValue, "apartment", "status", RD_TR("Choose free, booked or rented.")},
    {"apartments_status_manual_bool", Code::InvalidValue, "apartment", "status", RD_TR("Choose free, booked or rented.")},
    {"apartments_booked_by_status", Code::InvalidValue, "apartment", "status",
     RD_TR("Only a booked or rented apartment has a renter.")},
    {"apartments_furnished_bool", Code::InvalidValue, "apartment", "furnished", RD_TR("Choose yes or no.")},
    {"apartments_pets_allowed_bool", Code::InvalidValue, "apartment", "petsAllowed", RD_TR("Choose yes or no.")},
    {"apartments_description_length", Code::InvalidValue, "apartment", "description",
     RD_TR("The description may be at most 5000 characters.")},
    {"apartments_rating_consistent", Code::InvalidValue, "apartment", "rating",
     RD_TR("The rating totals are not consistent.")},
    {"bookings_id_uuid", Code::InvalidValue, "booking", "id", RD_TR("The identifier is not valid.")},
    {"bookings_start_date_format", Code::InvalidValue, "booking", "startDate", RD_TR("Enter a valid start date.")},
    {"bookings_end_date_format", Code::InvalidValue, "booking", "endDate", RD_TR("Enter a valid end date.")},
    {"bookings_dates_order", Code::InvalidValue, "booking", "endDate", RD_TR("The stay must end after it starts.")},
    {"bookings_status_code", Code::InvalidValue, "booking", "status", RD_TR("The booking status is not valid.")},
    {"bookings_total_price_range", Code::InvalidValue, "booking", "totalPrice",
     RD_TR("The total price of the stay is out of range.")},
    {"bookings_currency_code", Code::InvalidValue, "booking", "currency",
     RD_TR("The currency must be a three-letter code such as RUB or EUR.")},
    {"bookings_decision_recorded", Code::InvalidValue, "booking", "status",
     RD_TR("The booking's decision is not recorded.")},
    {"bookings_no_overlap", Code::DatesTaken, "booking", "dates", RD_TR("These dates overlap a confirmed stay.")},
    {"bookings_renter_is_renter", Code::NotAllowed, "booking", "renter", RD_TR("Only renters can book apartments.")},
    {"reviews_id_uuid", Code::InvalidValue, "review", "id", RD_TR("The identifier is not valid.")},
    {"reviews_kind_code", Code::InvalidValue, "review", "kind", RD_TR("The kind of review is not valid.")},
    {"reviews_target_matches_kind", Code::InvalidValue, "review", "target",
     RD_TR("Choose what the review is about.")},
    {"reviews_not_self", Code::NotAllowed, "review", "target", RD_TR("You cannot review yourself.")},
    {"reviews_rating_range", Code::InvalidValue, "review", "rating", RD_TR("Give 1 to 5 stars.")},
    {"reviews_body_length", Code::InvalidValue, "review", "body", RD_TR("A review may be at most 5000 characters.")},
    {"reviews_one_per_author_user", Code::AlreadyReviewed, "review", "target",
     RD_TR("You have already reviewed this person.")},
    {"reviews_one_per_author_apartment", Code::AlreadyReviewed, "review", "target",
     RD_TR("You have already reviewed this apartment.")},
    {"reviews_roles_match_kind", Code::NotAllowed, "review", "kind",
     RD_TR("Landlords review renters; renters review landlords and apartments.")},
    {"reviews_target_fixed", Code::InvalidValue, "review", "target",
     RD_TR("The author and subject of a review cannot change.")},
};
#undef RD_TR

const ConstraintMeaning *meaningOf(const QString &constraint)
{
    static const QHash<QString, const ConstraintMeaning *> index = [] {
        QHash<QString, const ConstraintMeaning *> byName;
        for (const ConstraintMeaning &meaning : constraintMeanings)
            byName.insert(QString::fromLatin1(meaning.constraint), &meaning);
        return byName;
    }();
    return index.value(constraint);
}

QString translate(const char *text)
{
    return QCoreApplication::translate("DomainError", text);
}

// "apartments" -> "apartment"; "display_name" -> "displayName".
QString entityOfTable(const QString &table)
{
    return table.endsWith(u's') ? table.chopped(1) : table;
}

QString fieldOfColumn(const QString &column)
{
    QString field;
    bool upper = false;
    for (const QChar c : column) {
        if (c == u'_') {
            upper = true;
            continue;
        }
        field += upper ? c.toUpper() : c;
        upper = false;
    }
    return field;
}

} // namespace

DomainError::DomainError(Code code, QString entity, QString field, QString message)
    : code(code)
    , entity(std::move(entity))
    , field(std::move(field))
    , message(std::move(message))
{
}

DomainError::DomainError(const db::DbError &error)
{
    using Kind = db::DbError::Kind;
    using Constraint = db::DbError::ConstraintKind;
    if (error.kind != Kind::Constraint) {
        code = Code::Storage;
        message = error.message; // already a sentence about the database, never SQL
        return;
    }
    if (const ConstraintMeaning *meaning = meaningOf(error.constraint)) {
        code = meaning->code;
        entity = QString::fromLatin1(meaning->entity);
        field = QString::fromLatin1(meaning->field);
        message = translate(meaning->text);
        return;
    }
    code = Code::InvalidValue;
    const qsizetype dot = error.constraint.indexOf(u'.');
    if (dot > 0) { // "table.column", from NOT NULL and STRICT type errors
        entity = entityOfTable(error.constraint.left(dot));
        field = fieldOfColumn(error.constraint.mid(dot + 1));
    }
    switch (error.constraintKind) {
    case Constraint::ForeignKey:
        code = Code::NotFound;
        message = translate(QT_TRANSLATE_NOOP("DomainError", "The change refers to a record that no longer exists."));
        break;
    case Constraint::NotNull:
        message = translate(QT_TRANSLATE_NOOP("DomainError", "This value is required."));
        break;
    case Constraint::DataType:
        message = translate(QT_TRANSLATE_NOOP("DomainError", "This value has the wrong type."));
        break;
    default:
        message = translate(QT_TRANSLATE_NOOP("DomainError", "The database refused the change."));
        break;
    }
}

QString DomainError::codeName() const
{
    return codeName(code);
}

QString DomainError::codeName(Code code)
{
    switch (code) {
    case Code::InvalidValue:
        return u"invalid_value"_s;
    case Code::NotFound:
        return u"not_found"_s;
    case Code::NotAllowed:
        return u"not_allowed"_s;
    case Code::EmailTaken:
        return u"email_taken"_s;
    case Code::WeakPassword:
        return u"weak_password"_s;
    case Code::WrongCredentials:
        return u"wrong_credentials"_s;
    case Code::DatesTaken:
        return u"dates_taken"_s;
    case Code::DatesInPast:
        return u"dates_in_past"_s;
    case Code::DuplicateRequest:
        return u"duplicate_request"_s;
    case Code::WrongState:
        return u"wrong_state"_s;
    case Code::AlreadyReviewed:
        return u"already_reviewed"_s;
    case Code::NoStay:
        return u"no_stay"_s;
    case Code::HasApartments:
        return u"has_apartments"_s;
    case Code::HasActiveBookings:
        return u"has_active_bookings"_s;
    case Code::NumberTaken:
        return u"number_taken"_s;
    case Code::NotInThisMode:
        return u"not_in_this_mode"_s;
    case Code::Storage:
        return u"storage"_s;
    }
    return u"unknown"_s;
}

} // namespace rentdesk::services
