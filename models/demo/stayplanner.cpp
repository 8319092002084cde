// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/demo/stayplanner.h"

#include <algorithm>
#include <array>

namespace rentdesk::models::demo {

using domain::ApartmentStatus;
using domain::BookingStatus;

namespace {

constexpr int daysBack = 730;
constexpr int daysAhead = 180;
constexpr int pinnedCount = 6; // the pins' fixed dates below fit the slots of six bookings

// A length of stay: a few nights, about a month or two, or a long let of up to half a year.
int randomNights(DemoRandom &random)
{
    static constexpr std::array<int, 3> kinds { 35, 40, 25 };
    switch (random.weighted(kinds)) {
    case 0:
        return random.between(3, 14);
    case 1:
        return random.between(28, 92);
    default:
        return random.between(93, 180);
    }
}

BookingStatus randomStatus(DemoRandom &random, QDate start, QDate end, QDate today)
{
    if (end <= today) {
        static constexpr std::array<int, 3> past { 74, 12, 14 };
        static constexpr std::array<BookingStatus, 3> statuses { BookingStatus::Completed, BookingStatus::Cancelled,
                                                                 BookingStatus::Declined };
        return statuses[size_t(random.weighted(past))];
    }
    if (start <= today)
        return random.percent(85) ? BookingStatus::Confirmed : BookingStatus::Cancelled;
    static constexpr std::array<int, 4> ahead { 40, 45, 7, 8 };
    static constexpr std::array<BookingStatus, 4> statuses { BookingStatus::Confirmed, BookingStatus::Requested,
                                                             BookingStatus::Declined, BookingStatus::Cancelled };
    return statuses[size_t(random.weighted(ahead))];
}

// Puts one booking of the demo renter into slot `index` at days relative to today.
void place(QList<PlannedStay> &stays, qsizetype index, QDate today, int fromDay, int toDay, BookingStatus status,
           int renter)
{
    const int slot = (daysBack + daysAhead) / pinnedCount;
    const QDate slotStart = today.addDays(-daysBack + index * slot);
    Q_ASSERT(slotStart <= today.addDays(fromDay) && today.addDays(toDay) < slotStart.addDays(slot));
    Q_UNUSED(slotStart)
    stays[index] = { today.addDays(fromDay), today.addDays(toDay), status, renter };
}

void applyPin(QList<PlannedStay> &stays, DemoPin pin, QDate today, int demoRenter)
{
    switch (pin) {
    case DemoPin::None:
        break;
    case DemoPin::TurnedDown:
        place(stays, 1, today, -560, -530, BookingStatus::Declined, demoRenter);
        place(stays, 2, today, -400, -370, BookingStatus::Cancelled, demoRenter);
        break;
    case DemoPin::EarlierStay:
        place(stays, 2, today, -360, -300, BookingStatus::Completed, demoRenter);
        break;
    case DemoPin::PastStay:
        place(stays, 3, today, -250, -160, BookingStatus::Completed, demoRenter);
        break;
    case DemoPin::CurrentStay:
        place(stays, 4, today, -100, 20, BookingStatus::Confirmed, demoRenter);
        break;
    case DemoPin::FutureStay:
        place(stays, 5, today, 30, 60, BookingStatus::Confirmed, demoRenter);
        break;
    case DemoPin::FutureRequest:
        place(stays, 5, today, 90, 150, BookingStatus::Requested, demoRenter);
        break;
    }
}

} // namespace

QList<PlannedStay> planStays(DemoRandom &random, QDate today, DemoPin pin, int demoRenter, RenterRange others)
{
    const int count = pin == DemoPin::None ? random.between(1, 9) : pinnedCount;
    const int slot = (daysBack + daysAhead) / count;
    const QDate windowStart = today.addDays(-daysBack);
    QList<PlannedStay> stays;
    stays.reserve(count);
    for (int i = 0; i < count; ++i) {
        const int offset = random.between(0, slot / 4);
        const int room = slot - offset - 1; // keeps a day between this slot's stay and the next
        const QDate start = windowStart.addDays(qint64(i) * slot + offset);
        const QDate end = start.addDays(std::min(randomNights(random), room));
        stays.append(
            { start, end, randomStatus(random, start, end, today), random.between(others.first, others.last) });
    }
    applyPin(stays, pin, today, demoRenter);
    return stays;
}

Occupancy occupancyOn(const QList<PlannedStay> &stays, QDate today)
{
    Occupancy occupancy;
    QDate nearest;
    for (const PlannedStay &stay : stays) {
        if (stay.status != BookingStatus::Confirmed)
            continue;
        if (stay.start <= today && today < stay.end)
            return { ApartmentStatus::Rented, stay.renter };
        if (stay.start > today && (!nearest.isValid() || stay.start < nearest)) {
            nearest = stay.start;
            occupancy = { ApartmentStatus::Booked, stay.renter };
        }
    }
    return occupancy;
}

} // namespace rentdesk::models::demo
