// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/query/reviewquery.h"

#include "models/db/database.h"
#include "models/query/querysupport.h"
#include "models/query/reviewsql.h"
#include "models/services/records.h"
#include "models/services/servicesteps.h"

#include <QCoreApplication>

namespace rentdesk::models::query {

using namespace Qt::StringLiterals;
using services::DomainError;
using services::Result;

namespace {

const char *const context = "ReviewQuery";

bool nullId(const std::optional<QUuid> &id)
{
    return id && id->isNull();
}

std::optional<DomainError> validate(const ReviewFilter &f)
{
    if (f.minRating && (*f.minRating < 1 || *f.minRating > 5))
        return detail::invalidFilter(context, "rating",
                                     QT_TRANSLATE_NOOP("ReviewQuery", "The minimum rating must be from 1 to 5 stars."));
    if (nullId(f.authorId))
        return detail::invalidFilter(context, "author", QT_TRANSLATE_NOOP("ReviewQuery", "The author is not known."));
    if (nullId(f.targetUserId))
        return detail::invalidFilter(context, "targetUser",
                                     QT_TRANSLATE_NOOP("ReviewQuery", "The person reviewed is not known."));
    if (nullId(f.targetApartmentId))
        return detail::invalidFilter(context, "targetApartment",
                                     QT_TRANSLATE_NOOP("ReviewQuery", "The apartment reviewed is not known."));
    if (nullId(f.involving))
        return detail::invalidFilter(context, "involving",
                                     QT_TRANSLATE_NOOP("ReviewQuery", "The person is not known."));
    return std::nullopt;
}

std::optional<DomainError> validatePage(int offset, int limit)
{
    if (limit < 1 || limit > ReviewQuery::MaxLimit)
        return detail::invalidFilter(context, "limit",
                                     QT_TRANSLATE_NOOP("ReviewQuery", "A page holds 1 to 1000 reviews."));
    if (offset < 0)
        return detail::invalidFilter(context, "offset",
                                     QT_TRANSLATE_NOOP("ReviewQuery", "A page cannot start before the first review."));
    return std::nullopt;
}

Result<ReviewRow> readRow(const QSqlQuery &q)
{
    auto review = services::readReview(q);
    if (!review) {
        DomainError error = review.error();
        error.message =
            QCoreApplication::translate("ReviewQuery", "Review %1: %2").arg(q.value(0).toString(), error.message);
        return std::unexpected(error);
    }
    ReviewRow row;
    row.review = std::move(*review);
    row.authorName = q.value(detail::ReviewAuthorName).toString();
    row.targetName = q.value(detail::ReviewTargetName).toString();
    return row;
}

} // namespace

ReviewQuery::ReviewQuery(std::shared_ptr<db::Database> database)
    : m_database(std::move(database))
{
}

Result<QList<ReviewRow>> ReviewQuery::fetch(const ReviewFilter &filter, const ReviewSort &sort, int offset,
                                            int limit) const
{
    if (auto refused = validate(filter))
        return std::unexpected(*refused);
    if (auto refused = validatePage(offset, limit))
        return std::unexpected(*refused);
    const auto connection = services::connectionOf(*m_database);
    if (!connection)
        return std::unexpected(connection.error());
    return detail::readRows<ReviewRow>(*connection, detail::reviewPage(filter, sort, offset, limit), readRow, limit);
}

Result<qint64> ReviewQuery::count(const ReviewFilter &filter) const
{
    if (auto refused = validate(filter))
        return std::unexpected(*refused);
    const auto connection = services::connectionOf(*m_database);
    if (!connection)
        return std::unexpected(connection.error());
    return detail::countOf(*connection, detail::reviewCount(filter));
}

} // namespace rentdesk::models::query
