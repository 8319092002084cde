// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>
#include <QString>

namespace rentdesk::models::services::unicodetext {

// What the account rules need to know about characters a person cannot see: the e-mail
// address refuses all of them, the display name most (emailaddress.cpp, accountservice.cpp).

// The code points of text; an unpaired surrogate comes out as itself, where toUcs4() would
// make it U+FFFD, a visible character, and hide the problem.
[[nodiscard]] QList<char32_t> codePoints(const QString &text);

// Draws nothing: a format character (Unicode's Cf: zero-width spaces and joiners,
// text-direction controls, the soft hyphen, the byte-order mark, tags) or another
// Default_Ignorable_Code_Point (combining grapheme joiner, Hangul and Khmer fillers,
// variation selectors), or the Braille blank.
[[nodiscard]] bool isInvisible(char32_t c);

// Selects a glyph's variant (an emoji's colour form after a heart): invisible, but a part of
// what a person typed rather than a trick.
[[nodiscard]] bool isVariationSelector(char32_t c);

// "U+200B", to name a character that cannot be shown.
[[nodiscard]] QString codePointName(char32_t c);

} // namespace rentdesk::models::services::unicodetext
