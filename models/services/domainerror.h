// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/db/dberror.h"

#include <QString>

#include <expected>

namespace rentdesk::models::services {

// Why a service refused: a code a program can act on (and send over the wire), the entity
// and field concerned so that a form can put the message next to the right input, and one
// translated sentence for a person. Never raw SQL text.
struct DomainError
{
    enum class Code {
        InvalidValue, // a value is not acceptable; field says which
        NotFound, // no such entity (or not one the actor may see)
        NotAllowed, // the actor's role or ownership does not allow it
        EmailTaken,
        WeakPassword,
        WrongCredentials, // the same answer for an unknown e-mail and a wrong password
        DatesTaken, // the stay overlaps a confirmed one
        DatesInPast,
        DuplicateRequest, // the renter already asked for overlapping dates
        WrongState, // the booking's current state does not allow the step
        AlreadyReviewed,
        NoStay, // a review without a confirmed booking between author and target
        HasApartments, // a building with apartments is not deleted
        HasActiveBookings, // an apartment with requested or confirmed stays is not deleted
        NumberTaken, // apartment number already used in the building
        NotInThisMode, // e.g. accounts on a connected replica live on the server
        InvalidToken, // a session token that is unknown, revoked or expired: the same answer for all
        DependsOnRefused, // a synced change needs what an earlier refused change of the same replica made
        // Last, so that a loop over the codes (tst_domainerror) ends here.
        Storage, // the database failed (busy, disk); trying again may help
    };

    Code code = Code::InvalidValue;
    QString entity; // "user", "building", "apartment", "booking", "review", "session", "conversation", "message"
    QString field; // the input concerned ("email", "rooms", "dates"), or empty
    QString message; // translated, one sentence

    DomainError() = default;
    DomainError(Code code, QString entity, QString field, QString message);
    // A database refusal, mapped through the names of the schema's constraints to a code,
    // a field and a sentence (transact() needs this conversion).
    explicit DomainError(const db::DbError &error);

    // The stable name of the code, as written on the wire and in logs ("dates_taken").
    [[nodiscard]] QString codeName() const;
    [[nodiscard]] static QString codeName(Code code);
    // The code of a stable name (a refusal read back from the wire or the database);
    // InvalidValue for a name this build does not know.
    [[nodiscard]] static Code codeFromName(QStringView name);
};

template<typename T> using Result = std::expected<T, DomainError>;

} // namespace rentdesk::models::services
