// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/services/servicecontext.h"

#include <QString>
#include <QUuid>

#include <optional>

namespace rentdesk::models::services {

// The secret addresses at which rentdesk-server publishes an apartment's calendar for other
// booking sites to subscribe to (issue 14; docs/architecture.md, "The calendar feed"): one
// token per apartment (randomToken()), which is all the address holds. Only the apartment's
// owner reads or renews it; renewing replaces it, so that the old address opens nothing.
// The token is stored as it is (the owner reads the address again from any computer; the
// migration says why that is safe enough) and found through its unique index, so no secret is
// compared in this process. Server mode only: the desktop publishes nothing.
class CalendarFeedService final
{
public:
    explicit CalendarFeedService(ServiceContext context);

    // The apartment's token, made on the first ask. NotFound for an apartment that does not
    // exist, NotAllowed for anyone but its owner.
    [[nodiscard]] Result<QString> token(const QUuid &actor, const QUuid &apartment) const;
    // A new token in place of the apartment's (or its first), with the same checks.
    [[nodiscard]] Result<QString> renew(const QUuid &actor, const QUuid &apartment) const;
    // The apartment a token opens; nullopt for any text that opens nothing (unknown, renewed,
    // or not of a token's form, which is answered without a query).
    [[nodiscard]] Result<std::optional<QUuid>> apartmentOf(const QString &token) const;

private:
    // Checks the actor's right and stores a token: a new one when `replace`, else one only
    // when the apartment has none. Returns the apartment's token after that.
    [[nodiscard]] Result<QString> store(const QUuid &actor, const QUuid &apartment, bool replace) const;

    ServiceContext m_context;
};

} // namespace rentdesk::models::services
