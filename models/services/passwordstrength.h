// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

namespace rentdesk::models::services::passwords {

// How many guesses a password would take an attacker who tries the likely ones first, by
// zxcvbn (Dropbox's estimator, in Debian's C port zxcvbn-c, dictionaries built in): common
// passwords and words, keyboard patterns, sequences, repeats, dates, and the account's own
// e-mail address and name. And which of those made a weak password weak, so that the refusal
// can say so.

// What most of a password was found to be made of, named in the refusal.
enum class Weakness {
    CommonPassword, // a well-known password or a common word
    Personal, // the account's e-mail address or name
    KeyboardPattern, // neighbouring keys: qwerty, asdf, zxcvbn, 1qaz
    Sequence, // 12345, abcde, 97531
    Repeated, // abcabc, 19901990, aaaa
    Date, // a year or a date
    Guessable, // none of those, only too short for its characters
};

struct Strength
{
    double log10Guesses = 0; // the estimated number of guesses, as a power of ten
    int score = 0; // zxcvbn's bands of log10Guesses: < 3 → 0, < 6 → 1, < 8 → 2, < 10 → 3, else 4
    Weakness weakness = Weakness::Guessable; // what covers most of the password
};

// Russian passwords are also estimated as typed on a Latin keyboard with the Russian layout
// (йцукен is qwerty), which is how zxcvbn's dictionaries and keyboards see them; the weaker
// estimate counts. email and displayName may be empty.
[[nodiscard]] Strength estimate(const QString &password, const QString &email, const QString &displayName);

// zxcvbn's score bands.
[[nodiscard]] int scoreOf(double log10Guesses);

// One translated sentence saying why a password with this weakness is refused.
[[nodiscard]] QString describe(Weakness weakness);

// At least 10^8 guesses. Log-in is throttled (a few tries a minute per account and address),
// so online guessing ends far below that; what the score guards against is a stolen database,
// where each guess costs an Argon2id hash (19 MiB, tens of milliseconds on a core): 10^8 of
// them is months of a core's time per account. zxcvbn's authors call 3 "safely unguessable:
// moderate protection from an offline slow-hash scenario". 4 would also refuse short phrases
// such as "kitchen table" and "ilovemycat7", which such a hash protects well enough, and push
// people to write their passwords down or reuse one.
inline constexpr int MinimumScore = 3;

} // namespace rentdesk::models::services::passwords
