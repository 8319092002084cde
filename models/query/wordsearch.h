// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/db/dberror.h"

#include <QSqlDatabase>
#include <QString>
#include <QStringList>
#include <QStringView>

#include <expected>

namespace rentdesk::models::query {

// Searching a few thousand short texts (buildings' names and addresses) for words, without
// regard to case in any script. SQLite's lower(), upper(), LIKE and NOCASE know only ASCII,
// so the comparison is an SQL function of RentDesk's own, registered on the connection
// (the PostgreSQL dialect would use lower(), which knows Unicode there). There are too few
// buildings for a full-text index to pay off: a scan of all of them takes milliseconds.

// Text as a search compares it: case-folded in every script, with the diacritics of Latin
// letters removed ("Café" matches "cafe") and "ё" as "е", as in the apartments' full-text
// search (0002_search.sql). Other scripts keep their marks ("й" stays "й").
[[nodiscard]] QString foldForSearch(QStringView text);

// The words of what a person typed, folded: each run of letters and digits is a word, so
// "ул. Баумана, 12" is "ул", "баумана", "12". None: no text condition.
[[nodiscard]] QStringList searchWords(QStringView text);

// The SQL function: rentdesk_has_words(words, text, …) is 1 when every word (words as
// joined by searchWordsArgument()) occurs within one of the texts, once folded; else 0.
inline constexpr char HasWordsFunction[] = "rentdesk_has_words";

// The words as the function's first argument, a bound value.
[[nodiscard]] QString searchWordsArgument(const QStringList &words);

// Makes rentdesk_has_words() known to the connection, unless it is already. Statements
// that call it must be prepared after this.
[[nodiscard]] std::expected<void, db::DbError> ensureWordSearch(const QSqlDatabase &db);

} // namespace rentdesk::models::query
