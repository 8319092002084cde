// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/services/reviewservice.h"

#include "models/db/query.h"
#include "models/db/transaction.h"
#include "models/domain/storedvalues.h"
#include "models/services/records.h"
#include "models/services/servicesteps.h"

#include <QCoreApplication>
#include <QJsonObject>

namespace rentdesk::models::services {

using namespace Qt::StringLiterals;
using namespace rentdesk::models::domain;
using Code = DomainError::Code;

namespace {

DomainError reviewError(Code code, const char *field, const QString &message)
{
    return DomainError(code, u"review"_s, QString::fromLatin1(field), message);
}

Result<QString> checkedBody(const QString &body)
{
    const QString trimmed = body.trimmed();
    if (trimmed.size() > ReviewService::MaximumLength) {
        return std::unexpected(
            reviewError(Code::InvalidValue, "body",
                        QCoreApplication::translate("ReviewService", "A review may be at most %1 characters.")
                            .arg(ReviewService::MaximumLength)));
    }
    return notNull(trimmed);
}

Result<void> checkedRating(int rating)
{
    if (rating < 1 || rating > 5) {
        return std::unexpected(reviewError(Code::InvalidValue, "rating",
                                           QCoreApplication::translate("ReviewService", "Give 1 to 5 stars.")));
    }
    return {};
}

Result<Review> loadReview(const QSqlDatabase &db, const QUuid &id)
{
    auto query = db::exec(db, u"SELECT "_s + reviewColumns(u"r"_s) + u" FROM reviews AS r WHERE r.id = :id"_s,
                          { { u":id"_s, toStoredId(id) } });
    if (!query)
        return std::unexpected(DomainError(query.error()));
    if (!query->next()) {
        return std::unexpected(reviewError(
            Code::NotFound, "", QCoreApplication::translate("ReviewService", "This review no longer exists.")));
    }
    return readReview(*query);
}

// The table and id whose rating a review counts towards.
std::pair<QString, QString> ratedRow(const Review &review)
{
    if (review.kind == ReviewKind::Apartment)
        return { u"apartments"_s, toStoredId(review.targetApartmentId.value_or(QUuid())) };
    return { u"users"_s, toStoredId(review.targetUserId.value_or(QUuid())) };
}

// Adds to the target's totals; O(1), in the caller's transaction.
Result<void> adjustRating(const QSqlDatabase &db, const Review &review, int sumDelta, int countDelta)
{
    const auto [table, id] = ratedRow(review);
    // The table name is one of two constants above; the values are bound.
    auto done = db::exec(db,
                         u"UPDATE %1 SET rating_sum = rating_sum + :sum, rating_count = rating_count + :count "
                         "WHERE id = :id"_s.arg(table),
                         { { u":sum"_s, sumDelta }, { u":count"_s, countDelta }, { u":id"_s, id } });
    if (!done)
        return std::unexpected(DomainError(done.error()));
    if (done->numRowsAffected() != 1) {
        return std::unexpected(
            reviewError(Code::NotFound, "target",
                        QCoreApplication::translate("ReviewService", "What this review is about no longer exists.")));
    }
    return {};
}

QJsonObject reviewArgs(const Review &review)
{
    return { { u"id"_s, toStoredId(review.id) },
             { u"kind"_s, toCode(review.kind) },
             { u"targetId"_s,
               toStoredId(review.targetUserId ? *review.targetUserId : review.targetApartmentId.value_or(QUuid())) },
             { u"rating"_s, review.rating },
             { u"body"_s, review.body } };
}

} // namespace

ReviewService::ReviewService(ServiceContext context)
    : m_context(std::move(context))
{
}

Result<Review> ReviewService::review(const QUuid &id) const
{
    const auto connection = connectionOf(m_context);
    if (!connection)
        return std::unexpected(connection.error());
    return loadReview(*connection, id);
}

namespace {

Result<void> eligible(const QSqlDatabase &db, const User &author, const ReviewService::Target &target)
{
    const bool landlordWrites = target.kind == ReviewKind::Renter;
    if ((author.role == Role::Landlord) != landlordWrites) {
        return std::unexpected(reviewError(
            Code::NotAllowed, "kind",
            landlordWrites
                ? QCoreApplication::translate("ReviewService", "Only landlords review renters.")
                : QCoreApplication::translate("ReviewService", "Only renters review landlords and apartments.")));
    }

    QString stayQuery;
    if (target.kind == ReviewKind::Apartment) {
        auto exists = db::scalar(db, u"SELECT count(*) FROM apartments WHERE id = :id"_s,
                                 { { u":id"_s, toStoredId(target.id) } });
        if (!exists)
            return std::unexpected(DomainError(exists.error()));
        if (exists->toInt() == 0) {
            return std::unexpected(
                reviewError(Code::NotFound, "target",
                            QCoreApplication::translate("ReviewService", "This apartment no longer exists.")));
        }
        stayQuery = u"SELECT count(*) FROM bookings AS b WHERE b.apartment_id = :target AND b.renter_id = :author "
                    "AND b.status IN ('confirmed', 'completed')"_s;
    } else {
        auto subject = userById(db, target.id);
        if (!subject) {
            DomainError error = subject.error();
            error.entity = u"review"_s;
            error.field = u"target"_s;
            return std::unexpected(error);
        }
        const Role expected = target.kind == ReviewKind::Renter ? Role::Renter : Role::Landlord;
        if (subject->role != expected) {
            return std::unexpected(
                reviewError(Code::InvalidValue, "target",
                            target.kind == ReviewKind::Renter
                                ? QCoreApplication::translate("ReviewService", "This person is not a renter.")
                                : QCoreApplication::translate("ReviewService", "This person is not a landlord.")));
        }
        stayQuery = target.kind == ReviewKind::Landlord
            ? u"SELECT count(*) FROM bookings AS b JOIN apartments AS a ON a.id = b.apartment_id "
              "WHERE a.owner_id = :target AND b.renter_id = :author "
              "AND b.status IN ('confirmed', 'completed')"_s
            : u"SELECT count(*) FROM bookings AS b JOIN apartments AS a ON a.id = b.apartment_id "
              "WHERE a.owner_id = :author AND b.renter_id = :target "
              "AND b.status IN ('confirmed', 'completed')"_s;
    }
    auto stays =
        db::scalar(db, stayQuery, { { u":target"_s, toStoredId(target.id) }, { u":author"_s, toStoredId(author.id) } });
    if (!stays)
        return std::unexpected(DomainError(stays.error()));
    if (stays->toInt() == 0) {
        return std::unexpected(reviewError(
            Code::NoStay, "target",
            QCoreApplication::translate("ReviewService", "You can write a review only after a confirmed stay.")));
    }

    auto written =
        db::scalar(db,
                   target.kind == ReviewKind::Apartment
                       ? u"SELECT count(*) FROM reviews WHERE author_id = :author AND target_apartment_id = :target"_s
                       : u"SELECT count(*) FROM reviews WHERE author_id = :author AND target_user_id = :target"_s,
                   { { u":author"_s, toStoredId(author.id) }, { u":target"_s, toStoredId(target.id) } });
    if (!written)
        return std::unexpected(DomainError(written.error()));
    if (written->toInt() > 0) {
        return std::unexpected(reviewError(
            Code::AlreadyReviewed, "target",
            QCoreApplication::translate("ReviewService", "You have already reviewed this; edit your review instead.")));
    }
    return {};
}

} // namespace

Result<void> ReviewService::canReview(const QUuid &actor, const Target &target) const
{
    const auto connection = connectionOf(m_context);
    if (!connection)
        return std::unexpected(connection.error());
    const QSqlDatabase &db = *connection;
    auto author = actingUser(db, actor);
    if (!author)
        return std::unexpected(author.error());
    return eligible(db, *author, target);
}

Result<Review> ReviewService::create(const QUuid &actor, const Target &target, int rating, const QString &body,
                                     const QUuid &givenId) const
{
    if (auto valid = checkedRating(rating); !valid)
        return std::unexpected(valid.error());
    auto text = checkedBody(body);
    if (!text)
        return std::unexpected(text.error());

    const auto connection = connectionOf(m_context);
    if (!connection)
        return std::unexpected(connection.error());
    const QSqlDatabase &db = *connection;
    Review review;
    review.id = givenId.isNull() ? newId() : givenId;
    review.authorId = actor;
    review.kind = target.kind;
    if (target.kind == ReviewKind::Apartment)
        review.targetApartmentId = target.id;
    else
        review.targetUserId = target.id;
    review.rating = rating;
    review.body = *text;

    auto done = db::transact(db, [&]() -> Result<void> {
        auto author = actingUser(db, actor);
        if (!author)
            return std::unexpected(author.error());
        if (auto allowed = eligible(db, *author, target); !allowed)
            return allowed;
        if (auto fresh = requireNewId(db, "reviews", review.id); !fresh)
            return fresh;
        const QVariant noId(QMetaType::fromType<QString>());
        auto inserted = db::exec(
            db,
            u"INSERT INTO reviews (id, author_id, kind, target_user_id, target_apartment_id, rating, "
            "body, created_at, updated_at) VALUES (:id, :author, :kind, :user, :apartment, :rating, "
            ":body, :now, :now)"_s,
            { { u":id"_s, toStoredId(review.id) },
              { u":author"_s, toStoredId(actor) },
              { u":kind"_s, toCode(review.kind) },
              { u":user"_s, review.targetUserId ? QVariant(toStoredId(*review.targetUserId)) : noId },
              { u":apartment"_s, review.targetApartmentId ? QVariant(toStoredId(*review.targetApartmentId)) : noId },
              { u":rating"_s, rating },
              { u":body"_s, review.body },
              { u":now"_s, m_context.nowStored() } });
        if (!inserted)
            return std::unexpected(DomainError(inserted.error()));
        if (auto rated = adjustRating(db, review, rating, 1); !rated)
            return rated;
        return journal(m_context, db, actor, "createReview", reviewArgs(review));
    });
    if (!done)
        return std::unexpected(done.error());
    return loadReview(db, review.id);
}

Result<Review> ReviewService::edit(const QUuid &actor, const QUuid &reviewId, int rating, const QString &body) const
{
    if (auto valid = checkedRating(rating); !valid)
        return std::unexpected(valid.error());
    auto text = checkedBody(body);
    if (!text)
        return std::unexpected(text.error());
    const auto connection = connectionOf(m_context);
    if (!connection)
        return std::unexpected(connection.error());
    const QSqlDatabase &db = *connection;
    auto done = db::transact(db, [&]() -> Result<void> {
        auto author = actingUser(db, actor);
        if (!author)
            return std::unexpected(author.error());
        auto review = loadReview(db, reviewId);
        if (!review)
            return std::unexpected(review.error());
        if (review->authorId != actor) {
            return std::unexpected(reviewError(
                Code::NotAllowed, "",
                QCoreApplication::translate("ReviewService", "Only the author can change or delete a review.")));
        }
        auto updated =
            db::exec(db,
                     u"UPDATE reviews SET rating = :rating, body = :body, updated_at = max(updated_at, :now) "
                     "WHERE id = :id"_s,
                     { { u":rating"_s, rating },
                       { u":body"_s, *text },
                       { u":now"_s, m_context.nowStored() },
                       { u":id"_s, toStoredId(reviewId) } });
        if (!updated)
            return std::unexpected(DomainError(updated.error()));
        if (rating != review->rating) {
            if (auto rated = adjustRating(db, *review, rating - review->rating, 0); !rated)
                return rated;
        }
        review->rating = rating;
        review->body = *text;
        return journal(m_context, db, actor, "updateReview", reviewArgs(*review));
    });
    if (!done)
        return std::unexpected(done.error());
    return loadReview(db, reviewId);
}

Result<void> ReviewService::remove(const QUuid &actor, const QUuid &reviewId) const
{
    const auto connection = connectionOf(m_context);
    if (!connection)
        return std::unexpected(connection.error());
    const QSqlDatabase &db = *connection;
    return db::transact(db, [&]() -> Result<void> {
        auto author = actingUser(db, actor);
        if (!author)
            return std::unexpected(author.error());
        auto review = loadReview(db, reviewId);
        if (!review)
            return std::unexpected(review.error());
        if (review->authorId != actor) {
            return std::unexpected(reviewError(
                Code::NotAllowed, "",
                QCoreApplication::translate("ReviewService", "Only the author can change or delete a review.")));
        }
        auto deleted = db::exec(db, u"DELETE FROM reviews WHERE id = :id"_s, { { u":id"_s, toStoredId(reviewId) } });
        if (!deleted)
            return std::unexpected(DomainError(deleted.error()));
        if (auto rated = adjustRating(db, *review, -review->rating, -1); !rated)
            return rated;
        return journal(m_context, db, actor, "deleteReview", QJsonObject { { u"id"_s, toStoredId(reviewId) } });
    });
}

} // namespace rentdesk::models::services
