// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/services/domainerror.h"

#include <QString>

namespace rentdesk::models::services::emailaddress {

// The one normal form of an e-mail address, so that one mailbox is one account however it is
// typed (full-width letters, a zero-width space, upper case), and so that what an account holds
// is an address a mail server would take.
//
// The steps: Unicode NFKC (full-width and compatibility forms become their plain letters),
// trimmed, lower-cased in full Unicode. Then refused, with a message naming the problem:
// control characters (NUL, line breaks), invisible ones (zero-width spaces and joiners,
// text-direction controls, soft hyphens, variation selectors, fillers: Unicode's Cf and
// Default_Ignorable_Code_Point), spaces, and code points that are no character (unpaired
// surrogates, unassigned, private use). Then the syntax (RFC 5321/5322, with RFC 6531's
// Unicode):
// - the local part is a dot-atom: atoms of RFC 5322 atext (ASCII letters, digits and
//   ! # $ % & ' * + - / = ? ^ _ ` { | } ~) or Unicode letters, marks and digits, joined by
//   single dots, none first or last; at most 64 bytes in UTF-8. No quoted strings or comments;
// - the domain has at least two labels; each label is letters, digits and hyphens (Unicode
//   letters allowed: an IDN), neither starting nor ending with a hyphen, 1 to 63 bytes in its
//   ASCII (punycode) form; the last label is not all digits (no IP addresses); an IDN is
//   stored in its Unicode form, so "xn--e1afmkfd.xn--p1ai" and "пример.рф" are one domain;
// - at most 254 bytes in UTF-8 in all.
// An address that is already plain lower-case ASCII and valid comes back unchanged, so every
// account stored before these rules (the schema requires email = lower(trim(email))) still
// matches itself.
//
// Refusals are InvalidValue on entity "user", field "email", with a translated sentence.
[[nodiscard]] Result<QString> normalized(const QString &address);

inline constexpr int MaxLocalBytes = 64;
inline constexpr int MaxAddressBytes = 254;
inline constexpr int MaxLabelBytes = 63;

} // namespace rentdesk::models::services::emailaddress
