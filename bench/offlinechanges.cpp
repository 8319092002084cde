// SPDX-License-Identifier: GPL-3.0-or-later
#include "bench/offlinechanges.h"

#include "bench/benchsupport.h"
#include "bench/syncdesktop.h"
#include "models/db/query.h"
#include "models/domain/storedvalues.h"
#include "models/services/bookingservice.h"
#include "models/services/reviewservice.h"

#include <QRandomGenerator>

#include <algorithm>
#include <tuple>

namespace rentdesk::bench {

using namespace Qt::StringLiterals;
using models::domain::BookingStatus;
using models::domain::ReviewKind;
using models::domain::toStoredId;
using models::services::BookingService;
using models::services::ListingService;
using models::services::ReviewService;

namespace {

// The services on a desktop's replica, its database and who its person is.
struct Offline
{
    explicit Offline(SyncDesktop &desktop)
        : listings(desktop.replica().context())
        , bookings(desktop.replica().context())
        , reviews(desktop.replica().context())
        , db(connectionOf(*desktop.database()))
        , me(desktop.user())
        , stored(toStoredId(me))
    {
    }
    const ListingService listings;
    const BookingService bookings;
    const ReviewService reviews;
    const QSqlDatabase db;
    const QUuid me;
    const QString stored;
};

// The first column of every row, as ids.
QList<QUuid> ids(const QSqlDatabase &db, const QString &sql, const QList<models::db::Binding> &bindings)
{
    QList<QUuid> result;
    auto query = models::db::exec(db, sql, bindings);
    while (query && query->next())
        result.append(models::domain::idFromStored(query->value(0)).value_or(QUuid()));
    return result;
}

template<typename T> std::expected<void, QString> check(const models::services::Result<T> &done, const QString &what)
{
    if (done)
        return {};
    return std::unexpected(what + u": "_s + done.error().message);
}

std::expected<int, QString> madeAll(int made, int count)
{
    if (made < count)
        return std::unexpected(u"only %1 of %2 offline changes could be made on this account"_s.arg(made).arg(count));
    return made;
}

} // namespace

ListingService::ApartmentDraft draftOf(const models::domain::Apartment &apartment)
{
    ListingService::ApartmentDraft draft;
    draft.buildingId = apartment.buildingId;
    draft.number = apartment.number;
    draft.floor = apartment.floor;
    draft.rooms = apartment.rooms;
    draft.areaSqm = apartment.areaSqm;
    draft.monthlyPrice = apartment.monthlyPrice;
    draft.furnished = apartment.furnished;
    draft.petsAllowed = apartment.petsAllowed;
    draft.description = apartment.description;
    return draft;
}

std::expected<int, QString> makeRenterChanges(SyncDesktop &renter, int count, QDate today, quint64 seed)
{
    const Offline on(renter);
    const auto &[bookings, reviews, db, me, stored] = std::tie(on.bookings, on.reviews, on.db, on.me, on.stored);
    int made = 0;

    // Reviews of the places and the landlords of past stays, a tenth of the changes at most.
    auto stays = models::db::exec(db,
                                  u"SELECT DISTINCT b.apartment_id, a.owner_id FROM bookings AS b JOIN apartments AS a "
                                  "ON a.id = b.apartment_id WHERE b.renter_id = :me "
                                  "AND b.status IN ('confirmed', 'completed') ORDER BY b.apartment_id"_s,
                                  { { u":me"_s, stored } });
    QList<ReviewService::Target> targets;
    while (stays && stays->next()) {
        targets.append({ ReviewKind::Apartment, models::domain::idFromStored(stays->value(0)).value_or(QUuid()) });
        targets.append({ ReviewKind::Landlord, models::domain::idFromStored(stays->value(1)).value_or(QUuid()) });
    }
    for (const ReviewService::Target &target : std::as_const(targets)) {
        if (made >= count / 10)
            break;
        if (!reviews.canReview(me, target))
            continue;
        if (auto written = check(reviews.create(me, target, 4, u"Written offline, on the train home"_s), u"review"_s);
            !written)
            return std::unexpected(written.error());
        ++made;
    }
    // New words in their own reviews, another tenth at most.
    for (const QUuid &review : ids(db, u"SELECT id FROM reviews WHERE author_id = :me ORDER BY id LIMIT :n"_s,
                                   { { u":me"_s, stored }, { u":n"_s, count / 10 } })) {
        if (auto edited =
                check(reviews.edit(me, review, 5, u"Edited offline: still the best stay we had"_s), u"review edit"_s);
            !edited)
            return std::unexpected(edited.error());
        ++made;
    }

    // Requests for a week, 200 days ahead and more (the generator plans stays up to 180 days
    // ahead), one per apartment from a seeded place in the table on; every fourth change a
    // request cancelled again.
    const QString from = u"%1"_s.arg(qulonglong(QRandomGenerator(quint32(seed)).generate()), 8, 16, QChar(u'0'));
    const QList<QUuid> flats = ids(db,
                                   u"SELECT id FROM apartments WHERE owner_id <> :me ORDER BY id < :from, id "
                                   "LIMIT :n"_s,
                                   { { u":me"_s, stored }, { u":from"_s, from }, { u":n"_s, count } });
    int nights = 0;
    for (const QUuid &flat : flats) {
        if (made >= count)
            break;
        const QDate start = today.addDays(200 + (nights++ * 7) % 500);
        auto asked = bookings.request(me, flat, start, start.addDays(7));
        if (auto checked = check(asked, u"request"_s); !checked)
            return std::unexpected(checked.error());
        ++made;
        if (made % 4 == 0 && made < count) {
            if (auto cancelled = check(bookings.cancel(me, asked->id), u"cancel"_s); !cancelled)
                return std::unexpected(cancelled.error());
            ++made;
        }
    }
    return madeAll(made, count);
}

std::expected<int, QString> makeLandlordChanges(SyncDesktop &landlord, int count, QDate today)
{
    const Offline on(landlord);
    const auto &[listings, bookings, reviews, db, me, stored] =
        std::tie(on.listings, on.bookings, on.reviews, on.db, on.me, on.stored);
    int made = 0;

    // The open requests of their apartments, answered, a tenth of the changes at most: confirmed,
    // every third declined. A confirmation declines the requests that overlap it, which then
    // need no answer; one that overlaps a stay is declined.
    const QList<QUuid> open =
        ids(db,
            u"SELECT b.id FROM bookings AS b JOIN apartments AS a ON a.id = b.apartment_id "
            "WHERE a.owner_id = :me AND b.status = 'requested' AND b.start_date > :today "
            "ORDER BY b.start_date, b.id LIMIT :n"_s,
            { { u":me"_s, stored }, { u":today"_s, models::domain::toStoredDate(today) }, { u":n"_s, count / 10 } });
    for (qsizetype i = 0; i < open.size() && made < count; ++i) {
        const auto booking = bookings.booking(open[i]);
        if (!booking || booking->status != BookingStatus::Requested)
            continue;
        const bool confirmed = i % 3 != 2 && bookings.confirm(me, open[i]).has_value();
        if (!confirmed) {
            if (auto declined = check(bookings.decline(me, open[i]), u"decline"_s); !declined)
                return std::unexpected(declined.error());
        }
        ++made;
    }
    // Reviews of renters who stayed, a twentieth at most.
    int reviewed = 0;
    for (const QUuid &renter : ids(db,
                                   u"SELECT DISTINCT b.renter_id FROM bookings AS b JOIN apartments AS a "
                                   "ON a.id = b.apartment_id WHERE a.owner_id = :me "
                                   "AND b.status IN ('confirmed', 'completed') ORDER BY b.renter_id"_s,
                                   { { u":me"_s, stored } })) {
        const ReviewService::Target target { ReviewKind::Renter, renter };
        if (reviewed >= count / 20 || made >= count)
            break;
        if (!reviews.canReview(me, target))
            continue;
        if (auto written = check(reviews.create(me, target, 5, u"Left the flat spotless"_s), u"review"_s); !written)
            return std::unexpected(written.error());
        ++reviewed;
        ++made;
    }

    // New buildings with ten apartments each, about two fifths of the changes.
    QList<QUuid> newFlats;
    for (int b = 0; b < std::max(1, count / 25) && made < count; ++b) {
        auto house = listings.createBuilding(
            me, { u"Offline House %1"_s.arg(b + 1), u"%1 Riverside Embankment"_s.arg(b + 1), u"Kazan"_s, 12, 2020 });
        if (auto checked = check(house, u"building"_s); !checked)
            return std::unexpected(checked.error());
        ++made;
        for (int a = 0; a < 10 && made < count; ++a) {
            ListingService::ApartmentDraft draft;
            draft.buildingId = house->id;
            draft.number = QString::number(a + 1);
            draft.floor = 1 + a;
            draft.rooms = 1 + a % 4;
            draft.areaSqm = 30 + 7.5 * a;
            draft.monthlyPrice = { 3000000 + 10000 * a, u"RUB"_s };
            draft.furnished = a % 2 == 0;
            draft.petsAllowed = a % 3 == 0;
            draft.description = u"New on the market, listed offline"_s;
            auto flat = listings.createApartment(me, draft);
            if (auto checked = check(flat, u"apartment"_s); !checked)
                return std::unexpected(checked.error());
            newFlats.append(flat->id);
            ++made;
        }
    }
    // A few of them taken off the market again.
    for (int deleted = 0; deleted < count / 100 && !newFlats.isEmpty() && made < count; ++deleted) {
        if (auto gone = check(listings.deleteApartment(me, newFlats.takeLast()), u"delete"_s); !gone)
            return std::unexpected(gone.error());
        ++made;
    }

    // Edits until `count`: prices and descriptions of old and new apartments; every tenth a
    // status set by hand or handed back, every twentieth a building renamed.
    const QList<QUuid> flats =
        ids(db, u"SELECT id FROM apartments WHERE owner_id = :me ORDER BY id"_s, { { u":me"_s, stored } }) + newFlats;
    const QList<QUuid> houses =
        ids(db, u"SELECT id FROM buildings WHERE owner_id = :me ORDER BY id"_s, { { u":me"_s, stored } });
    for (int i = 0; made < count && !flats.isEmpty(); ++i) {
        const QUuid flat = flats[i % flats.size()];
        if (i % 20 == 19 && !houses.isEmpty()) {
            const QUuid id = houses[(i / 20) % houses.size()];
            const auto house = listings.building(id);
            if (!house)
                return std::unexpected(u"building: "_s + house.error().message);
            const ListingService::BuildingDraft draft { u"Renamed offline %1"_s.arg(i), house->address, house->city,
                                                        house->floors, house->yearBuilt };
            if (auto renamed = check(listings.updateBuilding(me, id, draft), u"building edit"_s); !renamed)
                return std::unexpected(renamed.error());
        } else if (i % 10 == 9) {
            const auto status = (i / 10) % 2 ? std::optional(models::domain::ApartmentStatus::Rented) : std::nullopt;
            if (auto set = check(listings.setApartmentStatus(me, flat, status), u"status"_s); !set)
                return std::unexpected(set.error());
        } else {
            const auto apartment = listings.apartment(flat);
            if (!apartment)
                return std::unexpected(u"apartment: "_s + apartment.error().message);
            ListingService::ApartmentDraft draft = draftOf(*apartment);
            draft.monthlyPrice.minor += 100;
            draft.description = u"Repainted offline (%1)"_s.arg(i);
            if (auto edited = check(listings.updateApartment(me, flat, draft), u"apartment edit"_s); !edited)
                return std::unexpected(edited.error());
        }
        ++made;
    }
    return madeAll(made, count);
}

} // namespace rentdesk::bench
