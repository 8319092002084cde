// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

namespace rentdesk::models::domain {

// A stored value that is not one RentDesk knows: an unknown enum code, a malformed id or
// date. Reading it is an error the caller sees, never a crash or a silent default.
struct CodeError
{
    QString what; // translated name of the kind of value ("apartment status")
    QString value; // what was found
    QString expected; // what would have been accepted ("free, booked, rented")

    // "“sold” is not a valid apartment status (expected one of: free, booked, rented)."
    [[nodiscard]] QString message() const;
};

} // namespace rentdesk::models::domain
