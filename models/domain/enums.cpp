// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/domain/enums.h"

#include <QCoreApplication>

namespace rentdesk::models::domain {

using namespace Qt::StringLiterals;

QString translateEnumText(const char *context, const char *text)
{
    return QCoreApplication::translate(context, text);
}

QString CodeError::message() const
{
    return QCoreApplication::translate("CodeError", "“%1” is not a valid %2 (expected one of: %3).")
        .arg(value, what, expected);
}

// The codes are the database's vocabulary: CHECK constraints in the migrations list the
// same ones. Never rename a code; add a migration and a new code instead.

const char *const EnumTraits<Role>::context = "Role";
const char *const EnumTraits<Role>::typeName = QT_TRANSLATE_NOOP("Role", "role");
const std::array<EnumEntry<Role>, 2> EnumTraits<Role>::entries { {
    { Role::Landlord, "landlord"_L1, QT_TRANSLATE_NOOP("Role", "Landlord") },
    { Role::Renter, "renter"_L1, QT_TRANSLATE_NOOP("Role", "Renter") },
} };

const char *const EnumTraits<Language>::context = "Language";
const char *const EnumTraits<Language>::typeName = QT_TRANSLATE_NOOP("Language", "language");
const std::array<EnumEntry<Language>, 2> EnumTraits<Language>::entries { {
    // Each language is named in itself, so that a person can find their own.
    { Language::English, "en"_L1, QT_TRANSLATE_NOOP("Language", "English") },
    { Language::Russian, "ru"_L1, QT_TRANSLATE_NOOP("Language", "Русский") },
} };

const char *const EnumTraits<ApartmentStatus>::context = "ApartmentStatus";
const char *const EnumTraits<ApartmentStatus>::typeName = QT_TRANSLATE_NOOP("ApartmentStatus", "apartment status");
const std::array<EnumEntry<ApartmentStatus>, 3> EnumTraits<ApartmentStatus>::entries { {
    { ApartmentStatus::Free, "free"_L1, QT_TRANSLATE_NOOP("ApartmentStatus", "Free") },
    { ApartmentStatus::Booked, "booked"_L1, QT_TRANSLATE_NOOP("ApartmentStatus", "Booked") },
    { ApartmentStatus::Rented, "rented"_L1, QT_TRANSLATE_NOOP("ApartmentStatus", "Rented") },
} };

const char *const EnumTraits<BookingStatus>::context = "BookingStatus";
const char *const EnumTraits<BookingStatus>::typeName = QT_TRANSLATE_NOOP("BookingStatus", "booking status");
const std::array<EnumEntry<BookingStatus>, 6> EnumTraits<BookingStatus>::entries { {
    { BookingStatus::Requested, "requested"_L1, QT_TRANSLATE_NOOP("BookingStatus", "Requested") },
    { BookingStatus::Confirmed, "confirmed"_L1, QT_TRANSLATE_NOOP("BookingStatus", "Confirmed") },
    { BookingStatus::Declined, "declined"_L1, QT_TRANSLATE_NOOP("BookingStatus", "Declined") },
    { BookingStatus::Cancelled, "cancelled"_L1, QT_TRANSLATE_NOOP("BookingStatus", "Cancelled") },
    { BookingStatus::Completed, "completed"_L1, QT_TRANSLATE_NOOP("BookingStatus", "Completed") },
    { BookingStatus::Blocked, "blocked"_L1, QT_TRANSLATE_NOOP("BookingStatus", "Blocked") },
} };

const char *const EnumTraits<ReviewKind>::context = "ReviewKind";
const char *const EnumTraits<ReviewKind>::typeName = QT_TRANSLATE_NOOP("ReviewKind", "review kind");
const std::array<EnumEntry<ReviewKind>, 3> EnumTraits<ReviewKind>::entries { {
    { ReviewKind::Renter, "renter"_L1, QT_TRANSLATE_NOOP("ReviewKind", "Review of a renter") },
    { ReviewKind::Landlord, "landlord"_L1, QT_TRANSLATE_NOOP("ReviewKind", "Review of a landlord") },
    { ReviewKind::Apartment, "apartment"_L1, QT_TRANSLATE_NOOP("ReviewKind", "Review of an apartment") },
} };

const char *const EnumTraits<MailEvent>::context = "MailEvent";
const char *const EnumTraits<MailEvent>::typeName = QT_TRANSLATE_NOOP("MailEvent", "mail event");
const std::array<EnumEntry<MailEvent>, 5> EnumTraits<MailEvent>::entries { {
    { MailEvent::Welcome, "welcome"_L1, QT_TRANSLATE_NOOP("MailEvent", "Welcome") },
    { MailEvent::BookingRequested, "booking_requested"_L1, QT_TRANSLATE_NOOP("MailEvent", "Booking requested") },
    { MailEvent::BookingConfirmed, "booking_confirmed"_L1, QT_TRANSLATE_NOOP("MailEvent", "Booking confirmed") },
    { MailEvent::BookingDeclined, "booking_declined"_L1, QT_TRANSLATE_NOOP("MailEvent", "Booking declined") },
    { MailEvent::BookingCancelled, "booking_cancelled"_L1, QT_TRANSLATE_NOOP("MailEvent", "Booking cancelled") },
} };

const char *const EnumTraits<MailStatus>::context = "MailStatus";
const char *const EnumTraits<MailStatus>::typeName = QT_TRANSLATE_NOOP("MailStatus", "mail status");
const std::array<EnumEntry<MailStatus>, 4> EnumTraits<MailStatus>::entries { {
    { MailStatus::Queued, "queued"_L1, QT_TRANSLATE_NOOP("MailStatus", "Queued") },
    { MailStatus::Sent, "sent"_L1, QT_TRANSLATE_NOOP("MailStatus", "Sent") },
    { MailStatus::Failed, "failed"_L1, QT_TRANSLATE_NOOP("MailStatus", "Failed") },
    { MailStatus::Discarded, "discarded"_L1, QT_TRANSLATE_NOOP("MailStatus", "Discarded") },
} };

const char *const EnumTraits<AboutKind>::context = "AboutKind";
const char *const EnumTraits<AboutKind>::typeName = QT_TRANSLATE_NOOP("AboutKind", "subject of a conversation");
const std::array<EnumEntry<AboutKind>, 2> EnumTraits<AboutKind>::entries { {
    { AboutKind::Apartment, "apartment"_L1, QT_TRANSLATE_NOOP("AboutKind", "Apartment") },
    { AboutKind::Booking, "booking"_L1, QT_TRANSLATE_NOOP("AboutKind", "Booking") },
} };

} // namespace rentdesk::models::domain
