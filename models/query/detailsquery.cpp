// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/query/detailsquery.h"

#include "models/db/database.h"
#include "models/db/query.h"
#include "models/domain/storedvalues.h"
#include "models/query/querysupport.h"
#include "models/services/records.h"
#include "models/services/servicesteps.h"

#include <QCoreApplication>
#include <QSqlError>

namespace rentdesk::models::query {

using namespace Qt::StringLiterals;
using detail::failure;
using services::DomainError;
using services::Result;
using Code = DomainError::Code;

namespace {

DomainError notFound(const char *entity, const char *text)
{
    return DomainError(Code::NotFound, QString::fromLatin1(entity), QString(),
                       QCoreApplication::translate("DetailsQuery", text));
}

// The statement's single row, or NotFound when there is none.
Result<db::Query> singleRow(const QSqlDatabase &db, const QString &sql, const QUuid &id, const DomainError &missing)
{
    auto query = db::exec(db, sql, { { u":id"_s, domain::toStoredId(id) } });
    if (!query)
        return failure(query.error());
    if (!query->next()) {
        if (query->lastError().isValid())
            return failure(db::classify(query->lastError(), db));
        return std::unexpected(missing);
    }
    return std::move(*query);
}

} // namespace

DetailsQuery::DetailsQuery(std::shared_ptr<db::Database> database)
    : m_database(database)
    , m_bookings(database)
    , m_reviews(database)
{
}

Result<ApartmentDetails> DetailsQuery::apartment(const QUuid &viewer, const QUuid &id) const
{
    const DomainError missing =
        notFound("apartment", QT_TRANSLATE_NOOP("DetailsQuery", "This apartment no longer exists."));
    if (id.isNull())
        return std::unexpected(missing);
    const auto connection = services::connectionOf(*m_database);
    if (!connection)
        return std::unexpected(connection.error());
    const QSqlDatabase &db = *connection;
    return detail::inReadSnapshot<ApartmentDetails>(db, [&]() -> Result<ApartmentDetails> {
        // First, because it checks the viewer: an unknown one learns nothing.
        BookingFilter visible;
        visible.viewer = viewer;
        visible.apartmentId = id;
        auto bookings = m_bookings.fetch(visible, { BookingColumn::Start, Qt::DescendingOrder }, 0, ListLimit);
        if (!bookings)
            return std::unexpected(bookings.error());

        using services::ApartmentColumnCount;
        using services::BuildingColumnCount;
        auto row =
            singleRow(db,
                      u"SELECT "_s + services::apartmentColumns(u"a"_s) + u", "_s + services::buildingColumns(u"bl"_s)
                          + u", u.display_name, u.rating_sum, u.rating_count FROM apartments AS a "
                            "CROSS JOIN buildings AS bl ON bl.id = a.building_id "
                            "CROSS JOIN users AS u ON u.id = a.owner_id WHERE a.id = :id"_s,
                      id, missing);
        if (!row)
            return std::unexpected(row.error());
        auto apartment = services::readApartment(*row);
        if (!apartment)
            return std::unexpected(apartment.error());
        auto building = services::readBuilding(*row, ApartmentColumnCount);
        if (!building)
            return std::unexpected(building.error());
        const int owner = ApartmentColumnCount + BuildingColumnCount;

        ReviewFilter about;
        about.targetApartmentId = id;
        auto reviews = m_reviews.fetch(about, { ReviewColumn::Created, Qt::DescendingOrder }, 0, ListLimit);
        if (!reviews)
            return std::unexpected(reviews.error());

        ApartmentDetails details;
        details.apartment = std::move(*apartment);
        details.building = std::move(*building);
        details.ownerName = row->value(owner).toString();
        details.ownerRating = { row->value(owner + 1).toLongLong(), row->value(owner + 2).toLongLong() };
        details.reviews = std::move(*reviews);
        details.bookings = std::move(*bookings);
        return details;
    });
}

Result<UserDetails> DetailsQuery::user(const QUuid &id) const
{
    const auto connection = services::connectionOf(*m_database);
    if (!connection)
        return std::unexpected(connection.error());
    const QSqlDatabase &db = *connection;
    return detail::inReadSnapshot<UserDetails>(db, [&]() -> Result<UserDetails> {
        // Only what anyone may know: no e-mail, phone or password hash is even read.
        auto row =
            singleRow(db, u"SELECT display_name, role, rating_sum, rating_count FROM users WHERE id = :id"_s, id,
                      notFound("user", QT_TRANSLATE_NOOP("DetailsQuery", "This person's account no longer exists.")));
        if (!row)
            return std::unexpected(row.error());
        auto role = domain::fromCode<domain::Role>(row->value(1).toString());
        if (!role)
            return std::unexpected(services::unreadable(u"user"_s, role.error()));

        ReviewFilter about;
        about.targetUserId = id;
        auto reviews = m_reviews.fetch(about, { ReviewColumn::Created, Qt::DescendingOrder }, 0, ListLimit);
        if (!reviews)
            return std::unexpected(reviews.error());

        UserDetails details;
        details.id = id;
        details.displayName = row->value(0).toString();
        details.role = *role;
        details.rating = { row->value(2).toLongLong(), row->value(3).toLongLong() };
        details.reviewsAbout = std::move(*reviews);
        return details;
    });
}

Result<DetailsQuery::ChatContact> DetailsQuery::chatContact(const QUuid &viewer, domain::AboutKind kind,
                                                            const QUuid &id) const
{
    const auto connection = services::connectionOf(*m_database);
    if (!connection)
        return std::unexpected(connection.error());
    const QSqlDatabase &db = *connection;
    const bool booking = kind == domain::AboutKind::Booking;
    // Owner and renter side by side; which of them is "the other person" depends on the viewer.
    auto row = singleRow(
        db,
        booking ? u"SELECT o.id, o.email, o.display_name, r.id, r.email, r.display_name, a.number, bl.name, "
                  "bk.start_date, bk.end_date FROM bookings bk JOIN apartments a ON a.id = bk.apartment_id "
                  "JOIN buildings bl ON bl.id = a.building_id JOIN users o ON o.id = a.owner_id "
                  "JOIN users r ON r.id = bk.renter_id WHERE bk.id = :id"_s
                : u"SELECT o.id, o.email, o.display_name, NULL, NULL, NULL, a.number, bl.name, NULL, NULL "
                  "FROM apartments a JOIN buildings bl ON bl.id = a.building_id "
                  "JOIN users o ON o.id = a.owner_id WHERE a.id = :id"_s,
        id,
        booking ? notFound("booking", QT_TRANSLATE_NOOP("DetailsQuery", "This booking no longer exists."))
                : notFound("apartment", QT_TRANSLATE_NOOP("DetailsQuery", "This apartment no longer exists.")));
    if (!row)
        return std::unexpected(row.error());
    const QUuid owner = QUuid::fromString(row->value(0).toString());
    const QUuid renter = QUuid::fromString(row->value(3).toString());
    const bool viewerIsOwner = !viewer.isNull() && viewer == owner;
    if (viewer.isNull() || (booking && !viewerIsOwner && viewer != renter) || (!booking && viewerIsOwner)) {
        return std::unexpected(DomainError(
            Code::NotAllowed, booking ? u"booking"_s : u"apartment"_s, QString(),
            booking
                ? QCoreApplication::translate("DetailsQuery", "Only its renter and its landlord talk about a booking.")
                : QCoreApplication::translate("DetailsQuery", "This is your own apartment.")));
    }
    const int other = booking && viewerIsOwner ? 3 : 0;
    ChatContact contact;
    contact.email = row->value(other + 1).toString();
    contact.displayName = row->value(other + 2).toString();
    contact.title = QCoreApplication::translate("DetailsQuery", "Apartment %1, %2")
                        .arg(row->value(6).toString(), row->value(7).toString());
    if (booking) {
        const QDate start = QDate::fromString(row->value(8).toString(), Qt::ISODate);
        const QDate end = QDate::fromString(row->value(9).toString(), Qt::ISODate);
        contact.title += u", "_s + start.toString(Qt::ISODate) + u" – "_s + end.toString(Qt::ISODate);
    }
    contact.title = contact.title.left(200);
    return contact;
}

Result<BuildingDetails> DetailsQuery::building(const QUuid &id) const
{
    const auto connection = services::connectionOf(*m_database);
    if (!connection)
        return std::unexpected(connection.error());
    const QSqlDatabase &db = *connection;
    return detail::inReadSnapshot<BuildingDetails>(db, [&]() -> Result<BuildingDetails> {
        auto row =
            singleRow(db,
                      u"SELECT "_s + services::buildingColumns(u"b"_s)
                          + u", u.display_name FROM buildings AS b "
                            "CROSS JOIN users AS u ON u.id = b.owner_id WHERE b.id = :id"_s,
                      id, notFound("building", QT_TRANSLATE_NOOP("DetailsQuery", "This building no longer exists.")));
        if (!row)
            return std::unexpected(row.error());
        auto building = services::readBuilding(*row);
        if (!building)
            return std::unexpected(building.error());
        // The building's own apartments, through apartments_number_unique.
        auto counts = db::exec(
            db,
            u"SELECT count(*), count(CASE WHEN a.status = :free THEN 1 END) "
            "FROM apartments AS a WHERE a.building_id = :id"_s,
            { { u":id"_s, domain::toStoredId(id) }, { u":free"_s, domain::toCode(domain::ApartmentStatus::Free) } });
        if (!counts)
            return failure(counts.error());
        if (!counts->next())
            return failure(db::classify(counts->lastError(), db));

        BuildingDetails details;
        details.building = std::move(*building);
        details.ownerName = row->value(services::BuildingColumnCount).toString();
        details.apartments = counts->value(0).toInt();
        details.freeApartments = counts->value(1).toInt();
        return details;
    });
}

Result<DetailsQuery::Pending> DetailsQuery::pending() const
{
    const auto connection = services::connectionOf(*m_database);
    if (!connection)
        return std::unexpected(connection.error());
    const QSqlDatabase &db = *connection;
    // mail_outbox_due_idx starts with the status, so both mail counts read only their rows.
    auto query = db::exec(db,
                          u"SELECT (SELECT count(*) FROM pending_mutations), "
                          "(SELECT count(*) FROM mail_outbox WHERE status = :queued), "
                          "(SELECT count(*) FROM mail_outbox WHERE status = :failed)"_s,
                          { { u":queued"_s, domain::toCode(domain::MailStatus::Queued) },
                            { u":failed"_s, domain::toCode(domain::MailStatus::Failed) } });
    if (!query)
        return failure(query.error());
    if (!query->next())
        return failure(db::classify(query->lastError(), db));
    Pending pending;
    pending.mutations = query->value(0).toLongLong();
    pending.queuedMails = query->value(1).toLongLong();
    pending.failedMails = query->value(2).toLongLong();
    return pending;
}

} // namespace rentdesk::models::query
