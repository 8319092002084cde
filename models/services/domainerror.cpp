// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/services/domainerror.h"

#include <QCoreApplication>
#include <QHash>

namespace rentdesk::models::services {

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

const ConstraintMeaning constraintMeanings[] = {
    { "users_id_uuid", Code::InvalidValue, "user", "id",
      QT_TRANSLATE_NOOP("DomainError", "The identifier is not valid.") },
    { "users_email_normalized", Code::InvalidValue, "user", "email",
      QT_TRANSLATE_NOOP("DomainError", "Enter a valid e-mail address.") },
    { "users_email_format", Code::InvalidValue, "user", "email",
      QT_TRANSLATE_NOOP("DomainError", "Enter a valid e-mail address.") },
    { "users_email_required", Code::InvalidValue, "user", "email",
      QT_TRANSLATE_NOOP("DomainError", "Enter your e-mail address.") },
    { "users_email_unique", Code::EmailTaken, "user", "email",
      QT_TRANSLATE_NOOP("DomainError", "This e-mail address is already registered.") },
    { "users_display_name_present", Code::InvalidValue, "user", "displayName",
      QT_TRANSLATE_NOOP("DomainError", "Enter a name of up to 200 characters.") },
    { "users_phone_format", Code::InvalidValue, "user", "phone",
      QT_TRANSLATE_NOOP("DomainError", "A phone number has 3 to 32 characters: digits, spaces, +, - and brackets.") },
    { "users_role_code", Code::InvalidValue, "user", "role",
      QT_TRANSLATE_NOOP("DomainError", "Choose landlord or renter.") },
    { "users_language_code", Code::InvalidValue, "user", "language",
      QT_TRANSLATE_NOOP("DomainError", "Choose English or Russian.") },
    { "users_rating_consistent", Code::InvalidValue, "user", "rating",
      QT_TRANSLATE_NOOP("DomainError", "The rating totals are not consistent.") },
    { "users_password_hash_format", Code::InvalidValue, "user", "password",
      QT_TRANSLATE_NOOP("DomainError", "The password could not be stored.") },
    { "buildings_id_uuid", Code::InvalidValue, "building", "id",
      QT_TRANSLATE_NOOP("DomainError", "The identifier is not valid.") },
    { "buildings_owner_is_landlord", Code::NotAllowed, "building", "owner",
      QT_TRANSLATE_NOOP("DomainError", "Only landlords can own buildings.") },
    { "buildings_name_present", Code::InvalidValue, "building", "name",
      QT_TRANSLATE_NOOP("DomainError", "Enter the building's name (up to 200 characters).") },
    { "buildings_address_present", Code::InvalidValue, "building", "address",
      QT_TRANSLATE_NOOP("DomainError", "Enter the building's address (up to 500 characters).") },
    { "buildings_city_present", Code::InvalidValue, "building", "city",
      QT_TRANSLATE_NOOP("DomainError", "Enter the city (up to 100 characters).") },
    { "buildings_floors_range", Code::InvalidValue, "building", "floors",
      QT_TRANSLATE_NOOP("DomainError", "A building has 1 to 300 floors.") },
    { "buildings_year_built_range", Code::InvalidValue, "building", "yearBuilt",
      QT_TRANSLATE_NOOP("DomainError", "The year built must be between 1000 and 2200.") },
    { "apartments_id_uuid", Code::InvalidValue, "apartment", "id",
      QT_TRANSLATE_NOOP("DomainError", "The identifier is not valid.") },
    { "apartments_number_unique", Code::NumberTaken, "apartment", "number",
      QT_TRANSLATE_NOOP("DomainError", "This building already has an apartment with this number.") },
    { "apartments_number_present", Code::InvalidValue, "apartment", "number",
      QT_TRANSLATE_NOOP("DomainError", "Enter the apartment number (up to 20 characters).") },
    { "apartments_floor_range", Code::InvalidValue, "apartment", "floor",
      QT_TRANSLATE_NOOP("DomainError", "The floor must be between -5 and 300.") },
    { "apartments_rooms_range", Code::InvalidValue, "apartment", "rooms",
      QT_TRANSLATE_NOOP("DomainError", "An apartment has 1 to 50 rooms.") },
    { "apartments_area_range", Code::InvalidValue, "apartment", "area",
      QT_TRANSLATE_NOOP("DomainError", "The area must be more than 0 and at most 100000 m².") },
    { "apartments_price_range", Code::InvalidValue, "apartment", "monthlyPrice",
      QT_TRANSLATE_NOOP("DomainError", "The monthly price must be between 0 and 1000000000.") },
    { "apartments_currency_code", Code::InvalidValue, "apartment", "currency",
      QT_TRANSLATE_NOOP("DomainError", "The currency must be a three-letter code such as RUB or EUR.") },
    { "apartments_status_code", Code::InvalidValue, "apartment", "status",
      QT_TRANSLATE_NOOP("DomainError", "Choose free, booked or rented.") },
    { "apartments_status_manual_bool", Code::InvalidValue, "apartment", "status",
      QT_TRANSLATE_NOOP("DomainError", "Choose free, booked or rented.") },
    { "apartments_booked_by_status", Code::InvalidValue, "apartment", "status",
      QT_TRANSLATE_NOOP("DomainError", "Only a booked or rented apartment has a renter.") },
    { "apartments_furnished_bool", Code::InvalidValue, "apartment", "furnished",
      QT_TRANSLATE_NOOP("DomainError", "Choose yes or no.") },
    { "apartments_pets_allowed_bool", Code::InvalidValue, "apartment", "petsAllowed",
      QT_TRANSLATE_NOOP("DomainError", "Choose yes or no.") },
    { "apartments_description_length", Code::InvalidValue, "apartment", "description",
      QT_TRANSLATE_NOOP("DomainError", "The description may be at most 5000 characters.") },
    { "apartments_rating_consistent", Code::InvalidValue, "apartment", "rating",
      QT_TRANSLATE_NOOP("DomainError", "The rating totals are not consistent.") },
    { "bookings_id_uuid", Code::InvalidValue, "booking", "id",
      QT_TRANSLATE_NOOP("DomainError", "The identifier is not valid.") },
    { "bookings_start_date_format", Code::InvalidValue, "booking", "startDate",
      QT_TRANSLATE_NOOP("DomainError", "Enter a valid start date.") },
    { "bookings_end_date_format", Code::InvalidValue, "booking", "endDate",
      QT_TRANSLATE_NOOP("DomainError", "Enter a valid end date.") },
    { "bookings_dates_order", Code::InvalidValue, "booking", "endDate",
      QT_TRANSLATE_NOOP("DomainError", "The stay must end after it starts.") },
    { "bookings_status_code", Code::InvalidValue, "booking", "status",
      QT_TRANSLATE_NOOP("DomainError", "The booking status is not valid.") },
    { "bookings_total_price_range", Code::InvalidValue, "booking", "totalPrice",
      QT_TRANSLATE_NOOP("DomainError", "The total price of the stay is out of range.") },
    { "bookings_currency_code", Code::InvalidValue, "booking", "currency",
      QT_TRANSLATE_NOOP("DomainError", "The currency must be a three-letter code such as RUB or EUR.") },
    { "bookings_decision_recorded", Code::InvalidValue, "booking", "status",
      QT_TRANSLATE_NOOP("DomainError", "The booking's decision is not recorded.") },
    { "bookings_no_overlap", Code::DatesTaken, "booking", "dates",
      QT_TRANSLATE_NOOP("DomainError", "These dates overlap a confirmed stay or blocked dates.") },
    { "bookings_block_source", Code::InvalidValue, "booking", "blockSource",
      QT_TRANSLATE_NOOP("DomainError",
                        "Only blocked dates come from a calendar, and they name the calendar "
                        "(up to 500 characters) and the event (up to 1000).") },
    { "bookings_block_unique", Code::InvalidValue, "booking", "blockUid",
      QT_TRANSLATE_NOOP("DomainError", "The calendar has this event twice.") },
    { "bookings_renter_is_renter", Code::NotAllowed, "booking", "renter",
      QT_TRANSLATE_NOOP("DomainError", "Only renters can book apartments.") },
    { "reviews_id_uuid", Code::InvalidValue, "review", "id",
      QT_TRANSLATE_NOOP("DomainError", "The identifier is not valid.") },
    { "reviews_kind_code", Code::InvalidValue, "review", "kind",
      QT_TRANSLATE_NOOP("DomainError", "The kind of review is not valid.") },
    { "reviews_target_matches_kind", Code::InvalidValue, "review", "target",
      QT_TRANSLATE_NOOP("DomainError", "Choose what the review is about.") },
    { "reviews_not_self", Code::NotAllowed, "review", "target",
      QT_TRANSLATE_NOOP("DomainError", "You cannot review yourself.") },
    { "reviews_rating_range", Code::InvalidValue, "review", "rating",
      QT_TRANSLATE_NOOP("DomainError", "Give 1 to 5 stars.") },
    { "reviews_body_length", Code::InvalidValue, "review", "body",
      QT_TRANSLATE_NOOP("DomainError", "A review may be at most 5000 characters.") },
    { "reviews_one_per_author_user", Code::AlreadyReviewed, "review", "target",
      QT_TRANSLATE_NOOP("DomainError", "You have already reviewed this person.") },
    { "reviews_one_per_author_apartment", Code::AlreadyReviewed, "review", "target",
      QT_TRANSLATE_NOOP("DomainError", "You have already reviewed this apartment.") },
    { "reviews_roles_match_kind", Code::NotAllowed, "review", "kind",
      QT_TRANSLATE_NOOP("DomainError", "Landlords review renters; renters review landlords and apartments.") },
    { "reviews_target_fixed", Code::InvalidValue, "review", "target",
      QT_TRANSLATE_NOOP("DomainError", "The author and subject of a review cannot change.") },
    { "users_created_at_format", Code::InvalidValue, "user", "createdAt",
      QT_TRANSLATE_NOOP("DomainError", "The time is not valid.") },
    { "users_updated_at_format", Code::InvalidValue, "user", "updatedAt",
      QT_TRANSLATE_NOOP("DomainError", "The time is not valid.") },
    { "buildings_created_at_format", Code::InvalidValue, "building", "createdAt",
      QT_TRANSLATE_NOOP("DomainError", "The time is not valid.") },
    { "buildings_updated_at_format", Code::InvalidValue, "building", "updatedAt",
      QT_TRANSLATE_NOOP("DomainError", "The time is not valid.") },
    { "apartments_created_at_format", Code::InvalidValue, "apartment", "createdAt",
      QT_TRANSLATE_NOOP("DomainError", "The time is not valid.") },
    { "apartments_updated_at_format", Code::InvalidValue, "apartment", "updatedAt",
      QT_TRANSLATE_NOOP("DomainError", "The time is not valid.") },
    { "bookings_created_at_format", Code::InvalidValue, "booking", "createdAt",
      QT_TRANSLATE_NOOP("DomainError", "The time is not valid.") },
    { "bookings_updated_at_format", Code::InvalidValue, "booking", "updatedAt",
      QT_TRANSLATE_NOOP("DomainError", "The time is not valid.") },
    { "reviews_created_at_format", Code::InvalidValue, "review", "createdAt",
      QT_TRANSLATE_NOOP("DomainError", "The time is not valid.") },
    { "reviews_updated_at_format", Code::InvalidValue, "review", "updatedAt",
      QT_TRANSLATE_NOOP("DomainError", "The time is not valid.") },
    { "bookings_decided_at_format", Code::InvalidValue, "booking", "decidedAt",
      QT_TRANSLATE_NOOP("DomainError", "The time is not valid.") },
    // Version 4: sessions and chat (0004_chat.sql). SessionService and ChatService check
    // these first; the database still has the last word, and a race reaches the person as
    // one of these sentences.
    { "sessions_id_uuid", Code::InvalidValue, "session", "id",
      QT_TRANSLATE_NOOP("DomainError", "The identifier is not valid.") },
    { "sessions_token_hash_format", Code::InvalidValue, "session", "token",
      QT_TRANSLATE_NOOP("DomainError", "The session could not be stored; sign in again.") },
    { "sessions_token_hash_unique", Code::InvalidValue, "session", "token",
      QT_TRANSLATE_NOOP("DomainError", "The session could not be stored; sign in again.") },
    { "sessions_created_at_format", Code::InvalidValue, "session", "createdAt",
      QT_TRANSLATE_NOOP("DomainError", "The time is not valid.") },
    { "sessions_expires_at_format", Code::InvalidValue, "session", "expiresAt",
      QT_TRANSLATE_NOOP("DomainError", "The time is not valid.") },
    { "sessions_expires_after_created", Code::InvalidValue, "session", "lifetime",
      QT_TRANSLATE_NOOP("DomainError", "A session must end after it starts.") },
    { "sessions_last_seen_at_format", Code::InvalidValue, "session", "lastSeenAt",
      QT_TRANSLATE_NOOP("DomainError", "The time is not valid.") },
    { "sessions_revoked_at_format", Code::InvalidValue, "session", "revokedAt",
      QT_TRANSLATE_NOOP("DomainError", "The time is not valid.") },
    { "conversations_id_uuid", Code::InvalidValue, "conversation", "id",
      QT_TRANSLATE_NOOP("DomainError", "The identifier is not valid.") },
    { "conversations_not_self", Code::NotAllowed, "conversation", "email",
      QT_TRANSLATE_NOOP("DomainError", "You cannot start a conversation with yourself.") },
    { "conversations_pair_ordered", Code::InvalidValue, "conversation", "email",
      QT_TRANSLATE_NOOP("DomainError", "The conversation could not be stored.") },
    { "conversations_about_kind_code", Code::InvalidValue, "conversation", "about.kind",
      QT_TRANSLATE_NOOP("DomainError", "A conversation can be about an apartment or a booking.") },
    { "conversations_about_complete", Code::InvalidValue, "conversation", "about",
      QT_TRANSLATE_NOOP("DomainError", "Say what the conversation is about: its kind, identifier and title.") },
    { "conversations_about_id_uuid", Code::InvalidValue, "conversation", "about.id",
      QT_TRANSLATE_NOOP("DomainError", "The identifier is not valid.") },
    { "conversations_about_title_present", Code::InvalidValue, "conversation", "about.title",
      QT_TRANSLATE_NOOP("DomainError", "Give a title of 1 to 200 characters for what the conversation is about.") },
    { "conversations_last_seq_range", Code::InvalidValue, "conversation", "lastSeq",
      QT_TRANSLATE_NOOP("DomainError", "The conversation's count of messages is not valid.") },
    { "conversations_created_at_format", Code::InvalidValue, "conversation", "createdAt",
      QT_TRANSLATE_NOOP("DomainError", "The time is not valid.") },
    { "conversations_last_activity_at_format", Code::InvalidValue, "conversation", "lastActivityAt",
      QT_TRANSLATE_NOOP("DomainError", "The time is not valid.") },
    { "conversations_one_per_pair", Code::InvalidValue, "conversation", "email",
      QT_TRANSLATE_NOOP("DomainError", "You already have a conversation with this person.") },
    { "conversations_one_per_pair_about", Code::InvalidValue, "conversation", "about",
      QT_TRANSLATE_NOOP("DomainError", "You already have a conversation with this person about this.") },
    { "chat_messages_id_uuid", Code::InvalidValue, "message", "messageId",
      QT_TRANSLATE_NOOP("DomainError", "The identifier is not valid.") },
    { "chat_messages_seq_range", Code::InvalidValue, "message", "seq",
      QT_TRANSLATE_NOOP("DomainError", "Messages are numbered from 1.") },
    { "chat_messages_text_length", Code::InvalidValue, "message", "text",
      QT_TRANSLATE_NOOP("DomainError", "A message has 1 to 4000 characters.") },
    { "chat_messages_sent_at_format", Code::InvalidValue, "message", "sentAt",
      QT_TRANSLATE_NOOP("DomainError", "The time is not valid.") },
    { "chat_messages_seq_unique", Code::InvalidValue, "message", "seq",
      QT_TRANSLATE_NOOP("DomainError", "The message could not be numbered; send it again.") },
    { "chat_marks_delivered_range", Code::InvalidValue, "conversation", "upToSeq",
      QT_TRANSLATE_NOOP("DomainError", "A message number cannot be negative.") },
    { "chat_marks_read_range", Code::InvalidValue, "conversation", "upToSeq",
      QT_TRANSLATE_NOOP("DomainError", "A message number cannot be negative.") },
    { "chat_marks_read_within_delivered", Code::InvalidValue, "conversation", "upToSeq",
      QT_TRANSLATE_NOOP("DomainError", "A message cannot be read before it has been delivered.") },
    // Version 5: the desktop's queue of unsent chat messages (0005_chat_pending.sql).
    { "chat_pending_message_id_uuid", Code::InvalidValue, "message", "messageId",
      QT_TRANSLATE_NOOP("DomainError", "The identifier is not valid.") },
    { "chat_pending_account_id_uuid", Code::InvalidValue, "message", "accountId",
      QT_TRANSLATE_NOOP("DomainError", "The identifier is not valid.") },
    { "chat_pending_conversation_id_uuid", Code::InvalidValue, "message", "conversationId",
      QT_TRANSLATE_NOOP("DomainError", "The identifier is not valid.") },
    { "chat_pending_text_length", Code::InvalidValue, "message", "text",
      QT_TRANSLATE_NOOP("DomainError", "A message has 1 to 4000 characters.") },
    { "chat_pending_queued_at_format", Code::InvalidValue, "message", "queuedAt",
      QT_TRANSLATE_NOOP("DomainError", "The time is not valid.") },
    // Version 13: the server's calendar addresses (0013_calendar_feeds.sql), written by
    // CalendarFeedService alone with tokens it made.
    { "calendar_feeds_token_format", Code::InvalidValue, "apartment", "token",
      QT_TRANSLATE_NOOP("DomainError", "The calendar's address could not be stored; try again.") },
    { "calendar_feeds_token_unique", Code::InvalidValue, "apartment", "token",
      QT_TRANSLATE_NOOP("DomainError", "The calendar's address could not be stored; try again.") },
    { "calendar_feeds_created_at_format", Code::InvalidValue, "apartment", "createdAt",
      QT_TRANSLATE_NOOP("DomainError", "The time is not valid.") },
    // Version 14: the calendars an apartment follows (0014_calendar_subscriptions.sql), written by
    // CalendarSubscriptionService, which checks the address first.
    { "calendar_subscriptions_url_length", Code::InvalidValue, "subscription", "url",
      QT_TRANSLATE_NOOP("DomainError", "A calendar's address has 1 to 500 characters.") },
    { "calendar_subscriptions_url_scheme", Code::InvalidValue, "subscription", "url",
      QT_TRANSLATE_NOOP("DomainError", "A calendar's address starts with http:// or https://.") },
    { "calendar_subscriptions_url_unique", Code::InvalidValue, "subscription", "url",
      QT_TRANSLATE_NOOP("DomainError", "This apartment already follows this calendar.") },
    { "calendar_subscriptions_event_count_range", Code::InvalidValue, "subscription", "eventCount",
      QT_TRANSLATE_NOOP("DomainError", "The number of events is not valid.") },
    { "calendar_subscriptions_created_at_format", Code::InvalidValue, "subscription", "createdAt",
      QT_TRANSLATE_NOOP("DomainError", "The time is not valid.") },
    // Version 15: photos of an apartment and their bytes by hash (0015_apartment_photos.sql),
    // written by PhotoService, which checks and makes every value first.
    { "apartment_photos_id_uuid", Code::InvalidValue, "photo", "id",
      QT_TRANSLATE_NOOP("DomainError", "The identifier is not valid.") },
    { "apartment_photos_position_range", Code::InvalidValue, "photo", "position",
      QT_TRANSLATE_NOOP("DomainError", "A photo's place in the gallery cannot be negative.") },
    { "apartment_photos_image_sha256_format", Code::InvalidValue, "photo", "imageSha256",
      QT_TRANSLATE_NOOP("DomainError", "The photo's image is not named by a valid SHA-256 hash.") },
    { "apartment_photos_thumbnail_sha256_format", Code::InvalidValue, "photo", "thumbnailSha256",
      QT_TRANSLATE_NOOP("DomainError", "The photo's thumbnail is not named by a valid SHA-256 hash.") },
    { "apartment_photos_width_range", Code::InvalidValue, "photo", "width",
      QT_TRANSLATE_NOOP("DomainError", "A stored photo is 1 to 2048 pixels wide.") },
    { "apartment_photos_height_range", Code::InvalidValue, "photo", "height",
      QT_TRANSLATE_NOOP("DomainError", "A stored photo is 1 to 2048 pixels high.") },
    { "apartment_photos_created_at_format", Code::InvalidValue, "photo", "createdAt",
      QT_TRANSLATE_NOOP("DomainError", "The time is not valid.") },
    { "apartment_photos_updated_at_format", Code::InvalidValue, "photo", "updatedAt",
      QT_TRANSLATE_NOOP("DomainError", "The time is not valid.") },
    { "photo_blobs_sha256_format", Code::InvalidValue, "photo", "sha256",
      QT_TRANSLATE_NOOP("DomainError", "The photo's bytes are not named by a valid SHA-256 hash.") },
    { "photo_blobs_size_matches", Code::InvalidValue, "photo", "size",
      QT_TRANSLATE_NOOP("DomainError", "The photo's stored size does not match its bytes.") },
    { "photo_blobs_created_at_format", Code::InvalidValue, "photo", "createdAt",
      QT_TRANSLATE_NOOP("DomainError", "The time is not valid.") },
};

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

QString localized(const char *text)
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
        message = localized(meaning->text);
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
        message = localized(QT_TRANSLATE_NOOP("DomainError", "The change refers to a record that no longer exists."));
        break;
    case Constraint::NotNull:
        message = localized(QT_TRANSLATE_NOOP("DomainError", "This value is required."));
        break;
    case Constraint::DataType:
        message = localized(QT_TRANSLATE_NOOP("DomainError", "This value has the wrong type."));
        break;
    default:
        message = localized(QT_TRANSLATE_NOOP("DomainError", "The database refused the change."));
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
    case Code::InvalidToken:
        return u"invalid_token"_s;
    case Code::DependsOnRefused:
        return u"depends_on_refused"_s;
    case Code::Storage:
        return u"storage"_s;
    }
    return u"unknown"_s;
}

DomainError::Code DomainError::codeFromName(QStringView name)
{
    for (int c = 0; c <= int(Code::Storage); ++c) {
        if (codeName(Code(c)) == name)
            return Code(c);
    }
    return Code::InvalidValue;
}

} // namespace rentdesk::models::services
