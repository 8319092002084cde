// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/domain/enums.h"
#include "models/domain/money.h"

#include <QDate>
#include <QDateTime>
#include <QString>
#include <QUuid>

#include <optional>

namespace rentdesk::models::domain {

// The rows of DESIGN.md's entities as values. They carry no behaviour: the rules live in
// the services, and the database refuses what breaks its constraints.

// A rating kept as a sum and a count, so the average is derived and stays exact.
struct Rating
{
    qint64 sum = 0;
    qint64 count = 0;

    [[nodiscard]] std::optional<double> average() const
    {
        return count > 0 ? std::optional<double>(double(sum) / double(count)) : std::nullopt;
    }
    friend bool operator==(const Rating &, const Rating &) = default;
};

struct User
{
    QUuid id;
    QString email;
    QString displayName;
    QString phone;
    Role role = Role::Renter;
    Language language = Language::English;
    Rating rating;
    QDateTime createdAt;
    QDateTime updatedAt;
};

struct Building
{
    QUuid id;
    QUuid ownerId;
    QString name;
    QString address;
    QString city;
    int floors = 1;
    std::optional<int> yearBuilt;
    QDateTime createdAt;
    QDateTime updatedAt;
};

struct Apartment
{
    QUuid id;
    QUuid buildingId;
    QUuid ownerId;
    QString number;
    int floor = 1;
    int rooms = 1;
    double areaSqm = 0;
    Money monthlyPrice;
    ApartmentStatus status = ApartmentStatus::Free;
    bool statusManual = false; // set by the owner; time does not move it
    std::optional<QUuid> bookedBy;
    bool furnished = false;
    bool petsAllowed = false;
    QString description;
    Rating rating;
    QDateTime createdAt;
    QDateTime updatedAt;
};

// A photo of an apartment: its place in the gallery (0..n-1) and its two JPEGs by the SHA-256
// of their bytes (photo_blobs); width and height are the stored image's.
struct Photo
{
    QUuid id;
    QUuid apartmentId;
    int position = 0;
    QString imageSha256;
    QString thumbnailSha256;
    int width = 0;
    int height = 0;
    QDateTime createdAt;
};

struct Booking
{
    QUuid id;
    QUuid apartmentId;
    QUuid renterId;
    QDate startDate; // first night
    QDate endDate; // day of departure, exclusive
    BookingStatus status = BookingStatus::Requested;
    Money totalPrice;
    std::optional<QUuid> decidedBy;
    QDateTime decidedAt;
    QDateTime createdAt;
    QDateTime updatedAt;
    // A block imported from a calendar: the calendar (a file name or an address) and the
    // event's UID in it; both empty otherwise.
    QString blockSource;
    QString blockUid;

    [[nodiscard]] qint64 nights() const { return startDate.daysTo(endDate); }
};

struct Review
{
    QUuid id;
    QUuid authorId;
    ReviewKind kind = ReviewKind::Apartment;
    // Exactly one is set, the one that matches kind.
    std::optional<QUuid> targetUserId;
    std::optional<QUuid> targetApartmentId;
    int rating = 5;
    QString body;
    QDateTime createdAt;
    QDateTime updatedAt;
};

} // namespace rentdesk::models::domain
