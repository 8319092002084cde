// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

namespace rentdesk::models::query {

// Turns what a person typed into the search box into an FTS5 query that means "rows
// containing every one of these words". Nothing typed is ever read as FTS5 syntax: each
// whitespace-separated word becomes a quoted string (quotes doubled), so AND, OR, NEAR,
// column filters, brackets and stars are plain text. Words without a letter or digit are
// dropped. While a person is still typing (the text does not end in a space) the last word
// is matched as a prefix, from its second letter on. Text is put in Unicode NFC and "ё" is
// folded to "е", as the index does (0002_search.sql).
//
// Returns an empty string when nothing searchable is left: no text filter at all.
[[nodiscard]] QString toFtsQuery(const QString &text);

} // namespace rentdesk::models::query
