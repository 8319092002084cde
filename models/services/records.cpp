// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/services/records.h"

#include "models/domain/storedvalues.h"

#include <QCoreApplication>
#include <QStringList>

#include <algorithm>
#include <optional>

namespace rentdesk::models::services {

using namespace Qt::StringLiterals;
using namespace rentdesk::models::domain;

namespace {

QString qualified(const QString &alias, std::initializer_list<const char *> columns)
{
    QStringList list;
    for (const char *column : columns)
        list << alias + u'.' + QLatin1StringView(column);
    return list.join(u", "_s);
}

// Takes the columns of one row in order; remembers the first value it could not read.
class RowReader
{
public:
    RowReader(const QSqlQuery &query, int first)
        : m_query(query)
        , m_index(first)
    {
    }

    QVariant raw() { return m_query.value(m_index++); }
    QString text() { return raw().toString(); }
    qint64 integer() { return raw().toLongLong(); }
    double real() { return raw().toDouble(); }
    QUuid id() { return take(idFromStored(raw())); }
    std::optional<QUuid> optionalId()
    {
        const QVariant value = raw();
        return value.isNull() ? std::nullopt : std::optional<QUuid>(take(idFromStored(value)));
    }
    QDate date() { return take(dateFromStored(raw())); }
    QDateTime timestamp() { return take(timestampFromStored(raw())); }
    QDateTime optionalTimestamp()
    {
        const QVariant value = raw();
        return value.isNull() ? QDateTime() : take(timestampFromStored(value));
    }
    bool flag() { return take(boolFromStored(raw())); }
    template<typename E> E code() { return take(fromCode<E>(raw().toString())); }
    void skip(int columns) { m_index += columns; }

    [[nodiscard]] const std::optional<CodeError> &error() const { return m_error; }

    template<typename T> T take(std::expected<T, CodeError> value)
    {
        if (value)
            return *value;
        if (!m_error)
            m_error = value.error();
        return T();
    }

private:
    const QSqlQuery &m_query;
    int m_index;
    std::optional<CodeError> m_error;
};

template<typename T> Result<T> finish(RowReader &reader, T value, const char *entity)
{
    if (reader.error())
        return std::unexpected(unreadable(QString::fromLatin1(entity), *reader.error()));
    return value;
}

} // namespace

DomainError unreadable(const QString &entity, const CodeError &error)
{
    return DomainError(DomainError::Code::Storage, entity, QString(),
                       QCoreApplication::translate("DomainError", "The database holds a value RentDesk cannot read: %1")
                           .arg(error.message()));
}

QString userColumns(const QString &alias)
{
    return qualified(alias,
                     { "id", "email", "display_name", "phone", "role", "language", "rating_sum", "rating_count",
                       "created_at", "updated_at" });
}

QString buildingColumns(const QString &alias)
{
    return qualified(
        alias, { "id", "owner_id", "name", "address", "city", "floors", "year_built", "created_at", "updated_at" });
}

QString apartmentColumns(const QString &alias)
{
    return qualified(alias,
                     { "id", "building_id", "owner_id", "number", "floor", "rooms", "area", "monthly_price", "currency",
                       "status", "status_manual", "booked_by", "furnished", "pets_allowed", "description", "rating_sum",
                       "rating_count", "created_at", "updated_at" });
}

QString bookingColumns(const QString &alias)
{
    return qualified(alias,
                     { "id", "apartment_id", "renter_id", "start_date", "end_date", "status", "total_price", "currency",
                       "decided_by", "decided_at", "created_at", "updated_at", "block_source", "block_uid" });
}

QString reviewColumns(const QString &alias)
{
    return qualified(alias,
                     { "id", "author_id", "kind", "target_user_id", "target_apartment_id", "rating", "body",
                       "created_at", "updated_at" });
}

Result<User> readUser(const QSqlQuery &query, int first)
{
    RowReader r(query, first);
    User user;
    user.id = r.id();
    user.email = r.text();
    user.displayName = r.text();
    user.phone = r.text();
    user.role = r.code<Role>();
    user.language = r.code<Language>();
    user.rating.sum = r.integer();
    user.rating.count = r.integer();
    user.createdAt = r.timestamp();
    user.updatedAt = r.timestamp();
    return finish(r, user, "user");
}

Result<Building> readBuilding(const QSqlQuery &query, int first)
{
    RowReader r(query, first);
    Building building;
    building.id = r.id();
    building.ownerId = r.id();
    building.name = r.text();
    building.address = r.text();
    building.city = r.text();
    building.floors = int(r.integer());
    const QVariant year = r.raw();
    if (!year.isNull())
        building.yearBuilt = year.toInt();
    building.createdAt = r.timestamp();
    building.updatedAt = r.timestamp();
    return finish(r, building, "building");
}

Result<Apartment> readApartment(const QSqlQuery &query, int first)
{
    RowReader r(query, first);
    Apartment apartment;
    apartment.id = r.id();
    apartment.buildingId = r.id();
    apartment.ownerId = r.id();
    apartment.number = r.text();
    apartment.floor = int(r.integer());
    apartment.rooms = int(r.integer());
    apartment.areaSqm = r.real();
    apartment.monthlyPrice.minor = r.integer();
    apartment.monthlyPrice.currency = r.text();
    apartment.status = r.code<ApartmentStatus>();
    apartment.statusManual = r.flag();
    apartment.bookedBy = r.optionalId();
    apartment.furnished = r.flag();
    apartment.petsAllowed = r.flag();
    apartment.description = r.text();
    apartment.rating.sum = r.integer();
    apartment.rating.count = r.integer();
    apartment.createdAt = r.timestamp();
    apartment.updatedAt = r.timestamp();
    return finish(r, apartment, "apartment");
}

Result<Booking> readBooking(const QSqlQuery &query, int first)
{
    RowReader r(query, first);
    Booking booking;
    booking.id = r.id();
    booking.apartmentId = r.id();
    booking.renterId = r.id();
    booking.startDate = r.date();
    booking.endDate = r.date();
    booking.status = r.code<BookingStatus>();
    booking.totalPrice.minor = r.integer();
    booking.totalPrice.currency = r.text();
    booking.decidedBy = r.optionalId();
    booking.decidedAt = r.optionalTimestamp();
    booking.createdAt = r.timestamp();
    booking.updatedAt = r.timestamp();
    booking.blockSource = r.text();
    booking.blockUid = r.text();
    return finish(r, booking, "booking");
}

Result<Review> readReview(const QSqlQuery &query, int first)
{
    RowReader r(query, first);
    Review review;
    review.id = r.id();
    review.authorId = r.id();
    review.kind = r.code<ReviewKind>();
    review.targetUserId = r.optionalId();
    review.targetApartmentId = r.optionalId();
    review.rating = int(r.integer());
    review.body = r.text();
    review.createdAt = r.timestamp();
    review.updatedAt = r.timestamp();
    return finish(r, review, "review");
}

QString chatMessageColumns(const QString &alias)
{
    return qualified(alias, { "id", "conversation_id", "seq", "sender_id", "text", "sent_at" });
}

Result<ChatMessage> readChatMessage(const QSqlQuery &query, int first)
{
    RowReader r(query, first);
    ChatMessage message;
    message.id = r.id();
    message.conversationId = r.id();
    message.seq = r.integer();
    message.senderId = r.id();
    message.text = r.text();
    message.sentAt = r.timestamp();
    return finish(r, message, "message");
}

QString conversationViewColumns()
{
    return u"c.id, c.about_kind, c.about_id, c.about_title, c.created_at, c.last_activity_at, c.last_seq, "
           "p.id, p.display_name, p.role, "_s
        + chatMessageColumns(u"m"_s)
        + u", coalesce(mine.delivered_seq, 0), coalesce(mine.read_seq, 0), "
          "coalesce(theirs.delivered_seq, 0), coalesce(theirs.read_seq, 0)"_s;
}

Result<Conversation> readConversationView(const QSqlQuery &query, int first)
{
    RowReader r(query, first);
    Conversation conversation;
    conversation.id = r.id();
    const QVariant aboutKind = r.raw();
    const std::optional<QUuid> aboutId = r.optionalId();
    const QString aboutTitle = r.text();
    if (!aboutKind.isNull()) {
        About about;
        about.kind = r.take(fromCode<AboutKind>(aboutKind.toString()));
        about.id = aboutId.value_or(QUuid());
        about.title = aboutTitle;
        conversation.about = about;
    }
    conversation.createdAt = r.timestamp();
    conversation.lastActivityAt = r.timestamp();
    conversation.lastSeq = r.integer();
    conversation.peer.id = r.id();
    conversation.peer.displayName = r.text();
    conversation.peer.role = r.code<Role>();
    const int messageColumn = first + 10;
    if (!query.value(messageColumn).isNull()) {
        auto last = readChatMessage(query, messageColumn);
        if (!last)
            return std::unexpected(last.error());
        conversation.lastMessage = *last;
    }
    r.skip(ChatMessageColumnCount);
    conversation.ownMarks.deliveredUpTo = r.integer();
    conversation.ownMarks.readUpTo = r.integer();
    conversation.peerMarks.deliveredUpTo = r.integer();
    conversation.peerMarks.readUpTo = r.integer();
    // Every message after the viewer's read mark is the peer's: sending moves the sender's
    // own marks to the new message (ChatService::send), so one's own messages never lie
    // beyond one's read mark, and this difference is the count without counting rows.
    conversation.unread = std::max<qint64>(0, conversation.lastSeq - conversation.ownMarks.readUpTo);
    return finish(r, conversation, "conversation");
}

} // namespace rentdesk::models::services
