// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/domain/codeerror.h"

#include <QLatin1String>
#include <QList>
#include <QString>
#include <QStringView>

#include <array>
#include <expected>

namespace rentdesk::models::domain {

enum class Role { Landlord, Renter };
enum class Language { English, Russian };
enum class ApartmentStatus { Free, Booked, Rented };
// Blocked: dates let elsewhere (an event of another booking site's calendar), schema version 11.
enum class BookingStatus { Requested, Confirmed, Declined, Cancelled, Completed, Blocked };
enum class ReviewKind { Renter, Landlord, Apartment };
enum class MailEvent { Welcome, BookingRequested, BookingConfirmed, BookingDeclined, BookingCancelled };
enum class MailStatus { Queued, Sent, Failed, Discarded };
// What a conversation is about, when it is about something (domain/chat.h).
enum class AboutKind { Apartment, Booking };

// The one table per enum that ties each value to its stable stored code and to its
// display name (marked for translation, translated when shown).
template<typename E> struct EnumEntry
{
    E value;
    QLatin1String code;
    const char *displayName;
};

template<typename E> struct EnumTraits;

#define RENTDESK_ENUM_TRAITS(Enum, Count)                                                                              \
    template<> struct EnumTraits<Enum>                                                                                 \
    {                                                                                                                  \
        static const char *const context;                                                                              \
        static const char *const typeName;                                                                             \
        static const std::array<EnumEntry<Enum>, Count> entries;                                                       \
    };

RENTDESK_ENUM_TRAITS(Role, 2)
RENTDESK_ENUM_TRAITS(Language, 2)
RENTDESK_ENUM_TRAITS(ApartmentStatus, 3)
RENTDESK_ENUM_TRAITS(BookingStatus, 6)
RENTDESK_ENUM_TRAITS(ReviewKind, 3)
RENTDESK_ENUM_TRAITS(MailEvent, 5)
RENTDESK_ENUM_TRAITS(MailStatus, 4)
RENTDESK_ENUM_TRAITS(AboutKind, 2)

#undef RENTDESK_ENUM_TRAITS

// The translated name a person sees ("Free", "Свободна").
template<typename E> [[nodiscard]] QString displayName(E value);

// The translated name of the enum itself ("apartment status").
template<typename E> [[nodiscard]] QString enumTypeName();

// Non-template half of displayName/enumTypeName, so that QCoreApplication stays out of
// this header.
[[nodiscard]] QString translateEnumText(const char *context, const char *text);

// The stable lowercase code stored in the database ("free").
template<typename E> [[nodiscard]] QString toCode(E value)
{
    for (const auto &entry : EnumTraits<E>::entries) {
        if (entry.value == value)
            return QString(entry.code);
    }
    Q_UNREACHABLE();
    return {};
}

// The enum for a stored code; an unknown code (including a differently cased one) is an error.
template<typename E> [[nodiscard]] std::expected<E, CodeError> fromCode(QStringView code)
{
    for (const auto &entry : EnumTraits<E>::entries) {
        if (code == entry.code)
            return entry.value;
    }
    QStringList known;
    for (const auto &entry : EnumTraits<E>::entries)
        known.append(QString(entry.code));
    return std::unexpected(CodeError { enumTypeName<E>(), code.toString(), known.join(QStringLiteral(", ")) });
}

template<typename E> [[nodiscard]] QList<E> allValues()
{
    QList<E> values;
    for (const auto &entry : EnumTraits<E>::entries)
        values.append(entry.value);
    return values;
}

template<typename E> QString displayName(E value)
{
    for (const auto &entry : EnumTraits<E>::entries) {
        if (entry.value == value)
            return translateEnumText(EnumTraits<E>::context, entry.displayName);
    }
    Q_UNREACHABLE();
    return {};
}

template<typename E> QString enumTypeName()
{
    return translateEnumText(EnumTraits<E>::context, EnumTraits<E>::typeName);
}

} // namespace rentdesk::models::domain
