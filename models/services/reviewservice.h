// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/domain/entities.h"
#include "models/services/servicecontext.h"

namespace rentdesk::models::services {

// Reviews (DESIGN.md rule 3): a landlord reviews a renter, a renter reviews a landlord or
// an apartment, only after a confirmed booking between them, once per target. Creating,
// editing and deleting a review update the target's rating_sum and rating_count in the
// same transaction, by the difference, so they stay equal to a recount.
class ReviewService final
{
public:
    explicit ReviewService(ServiceContext context);

    struct Target
    {
        domain::ReviewKind kind = domain::ReviewKind::Apartment;
        QUuid id; // a user for Renter and Landlord reviews, an apartment for Apartment reviews
    };

    // id: the new review's, or null to make one (a replayed mutation keeps its desktop's id).
    [[nodiscard]] Result<domain::Review> create(const QUuid &actor, const Target &target, int rating,
                                                const QString &body, const QUuid &id = {}) const;
    [[nodiscard]] Result<domain::Review> edit(const QUuid &actor, const QUuid &review, int rating,
                                              const QString &body) const;
    [[nodiscard]] Result<void> remove(const QUuid &actor, const QUuid &review) const;

    // Whether actor may review target now; the refusal says why (for enabling an action).
    [[nodiscard]] Result<void> canReview(const QUuid &actor, const Target &target) const;

    [[nodiscard]] Result<domain::Review> review(const QUuid &id) const;

    static constexpr int MaximumLength = 5000;

private:
    ServiceContext m_context;
};

} // namespace rentdesk::models::services
