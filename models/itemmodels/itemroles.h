// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <Qt>

namespace rentdesk::models::itemmodels {

// What a column of RentDesk's table models holds, so that one delegate can draw it
// (views/widgets/celldelegate.h): a status as a coloured badge, a rating as stars, money
// and dates in the user's locale. The models give Qt::DisplayRole as plain text too
// (formatted with the default QLocale), for views without the delegate, tests and
// accessibility.
enum class CellKind {
    Text, // ValueRole: QString
    Number, // ValueRole: int, qint64 or double
    Money, // ValueRole: domain::Money
    Date, // ValueRole: QDate
    DateTime, // ValueRole: QDateTime (UTC; shown in local time)
    Rating, // ValueRole: domain::Rating (an average of sum/count; count 0 is "not rated")
    Stars, // ValueRole: int 1..5 (one review's rating)
    ApartmentStatus, // ValueRole: domain::ApartmentStatus
    BookingStatus, // ValueRole: domain::BookingStatus
    ReviewKind, // ValueRole: domain::ReviewKind
    Flag, // ValueRole: bool (furnished, pets allowed)
    MailStatus, // ValueRole: domain::MailStatus (the mail queue)
};

enum ItemRole {
    // The id (QUuid) of the entity a row shows; the same for every column of the row.
    IdRole = Qt::UserRole + 1,
    // The column's value as a typed QVariant (see CellKind), not as text.
    ValueRole,
    // The column's CellKind, as int.
    CellKindRole,
    // True in every column of a row changed here that the server has not applied yet (a
    // connected replica's pending change), for the "waiting to sync" mark.
    WaitingRole,
};

} // namespace rentdesk::models::itemmodels
