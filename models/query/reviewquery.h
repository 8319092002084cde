// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/domain/entities.h"
#include "models/domain/enums.h"
#include "models/services/domainerror.h"

#include <QList>
#include <QString>
#include <QUuid>

#include <memory>
#include <optional>

namespace rentdesk::models::db {
class Database;
}

namespace rentdesk::models::query {

// What a person browsing reviews asks for. Reviews are public: every part only narrows the
// list, and an empty filter matches every review.
struct ReviewFilter
{
    std::optional<domain::ReviewKind> kind;
    std::optional<int> minRating; // 1 to 5 stars, inclusive
    std::optional<QUuid> authorId, targetUserId, targetApartmentId;
    // Written by this user, about them, or about an apartment they own.
    std::optional<QUuid> involving;
};

// The columns a listing of reviews shows; each can be sorted by.
enum class ReviewColumn {
    Kind, // renter, landlord, apartment
    Rating,
    Author, // the author's display name
    Target, // as ReviewRow::targetName shows it
    Text,
    Created,
    Updated,
};

struct ReviewSort
{
    ReviewColumn column = ReviewColumn::Created;
    Qt::SortOrder order = Qt::DescendingOrder;
};

// One line of a listing: the review and the names of its author and its target.
struct ReviewRow
{
    domain::Review review;
    QString authorName;
    // The user's display name, or for an apartment "<number>, <building name>".
    QString targetName;
};

// Answers the browsing questions about reviews, read-only: a page of a filtered, sorted
// listing and how many reviews the filter matches. Ties in any sort are broken by the
// review's id, so consecutive pages neither repeat nor skip a review while the data stays
// the same. Each call uses the calling thread's connection; the object may be shared by
// threads.
class ReviewQuery final
{
public:
    // A page holds at most this many reviews.
    static constexpr int MaxLimit = 1000;

    explicit ReviewQuery(std::shared_ptr<db::Database> database);

    // The reviews from offset on, at most limit of them (1 to MaxLimit). An invalid filter
    // is refused with InvalidValue, entity "filter" and the field concerned ("rating",
    // "author", "targetUser", "targetApartment", "involving", "limit", "offset"). A stored
    // value RentDesk cannot read fails the call with Storage, naming the review.
    [[nodiscard]] services::Result<QList<ReviewRow>> fetch(const ReviewFilter &filter, const ReviewSort &sort,
                                                           int offset, int limit) const;

    // How many reviews the filter matches.
    [[nodiscard]] services::Result<qint64> count(const ReviewFilter &filter) const;

private:
    std::shared_ptr<db::Database> m_database;
};

} // namespace rentdesk::models::query
