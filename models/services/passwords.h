// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

#include <optional>

namespace rentdesk::models::services::passwords {

// Argon2id through libsodium, at OWASP's minimum cost (19 MiB, 2 passes, 1 lane). Hashing
// takes tens of milliseconds on purpose: call it off the GUI thread.

// The PHC string ("$argon2id$v=19$m=19456,t=2,p=1$..."), or an empty string if the memory
// could not be had.
[[nodiscard]] QString hash(const QString &password);

// Whether password matches hash. Takes as long as hashing, whatever the answer.
[[nodiscard]] bool verify(const QString &hash, const QString &password);

// Spends the time of one verification without a real hash, so that an unknown e-mail
// takes as long to refuse as a wrong password.
void verifyNothing(const QString &password);

// Whether a stored hash was made with weaker settings than today's.
[[nodiscard]] bool needsRehash(const QString &hash);

// What is wrong with a new password, as one translated sentence; nothing if it is fine.
// The rules: 10 to 128 characters, and at least zxcvbn's score MinimumScore
// (passwordstrength.h) with the account's e-mail address and name as words an attacker
// would try first; a refusal names what made the password weak.
[[nodiscard]] std::optional<QString> policyViolation(const QString &password, const QString &email,
                                                     const QString &displayName);

inline constexpr int MinimumLength = 10;
inline constexpr int MaximumLength = 128;

} // namespace rentdesk::models::services::passwords
