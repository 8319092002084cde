// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/services/domainerror.h"

#include <QString>

namespace rentdesk::models::services {

// A secret that names something to whoever holds it — a session, a calendar's address:
// 32 bytes from the system's random source (libsodium), in base64url without padding, so
// 43 characters of [A-Za-z0-9_-] that may stand in a URL as they are. Storage (about `entity`)
// when the system has no source of random numbers at all.
inline constexpr int RandomTokenBytes = 32;
inline constexpr int RandomTokenLength = 43;
[[nodiscard]] Result<QString> randomToken(const QString &entity);
// Whether text has the form randomToken() makes, so that anything else is answered without a
// look at the database.
[[nodiscard]] bool looksLikeRandomToken(QStringView text);

} // namespace rentdesk::models::services
