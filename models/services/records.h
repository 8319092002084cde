// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/domain/chat.h"
#include "models/domain/entities.h"
#include "models/services/domainerror.h"

#include <QSqlQuery>

namespace rentdesk::models::services {

// Reading entities from query rows. Each entity has one column list, used in SELECTs, and
// one reader that takes the columns in that order, starting at a given position, so a
// query can select several entities side by side. A stored value RentDesk does not
// understand (an unknown code, a malformed id) is an error, never a default.

[[nodiscard]] QString userColumns(const QString &alias);
[[nodiscard]] QString buildingColumns(const QString &alias);
[[nodiscard]] QString apartmentColumns(const QString &alias);
[[nodiscard]] QString bookingColumns(const QString &alias);
[[nodiscard]] QString reviewColumns(const QString &alias);

// How many columns each list has, to find the next entity's first column.
inline constexpr int UserColumnCount = 10;
inline constexpr int BuildingColumnCount = 9;
inline constexpr int ApartmentColumnCount = 19;
inline constexpr int BookingColumnCount = 14;
inline constexpr int ReviewColumnCount = 9;

[[nodiscard]] Result<domain::User> readUser(const QSqlQuery &query, int first = 0);
[[nodiscard]] Result<domain::Building> readBuilding(const QSqlQuery &query, int first = 0);
[[nodiscard]] Result<domain::Apartment> readApartment(const QSqlQuery &query, int first = 0);
[[nodiscard]] Result<domain::Booking> readBooking(const QSqlQuery &query, int first = 0);
[[nodiscard]] Result<domain::Review> readReview(const QSqlQuery &query, int first = 0);

[[nodiscard]] QString chatMessageColumns(const QString &alias);
inline constexpr int ChatMessageColumnCount = 6;
[[nodiscard]] Result<domain::ChatMessage> readChatMessage(const QSqlQuery &query, int first = 0);

// A conversation as one of its two people sees it, read from a join under fixed aliases:
// c (conversations), p (users: the peer), m (chat_messages: the last one, LEFT JOIN), mine
// and theirs (chat_marks of the viewer and of the peer, LEFT JOINs: no row reads as 0).
[[nodiscard]] QString conversationViewColumns();
[[nodiscard]] Result<domain::Conversation> readConversationView(const QSqlQuery &query, int first = 0);

// Text for a NOT NULL column: Qt binds a null QString as NULL, so an absent text is
// stored as the empty string.
[[nodiscard]] inline QString notNull(const QString &text)
{
    return text.isNull() ? QStringLiteral("") : text;
}

// A stored value that could not be read, as the services report it.
[[nodiscard]] DomainError unreadable(const QString &entity, const domain::CodeError &error);

} // namespace rentdesk::models::services
