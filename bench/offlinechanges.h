// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/services/listingservice.h"

#include <QDate>
#include <QString>

#include <expected>

namespace rentdesk::bench {

class SyncDesktop;

// What people do on their replicas while offline, for the push measurement of
// rentdesk-bench --sync: `count` changes through the services, of as many kinds as the account
// allows, each journaled by the replica as a mutation for the next push. Every change is one
// the server will accept too, so that the measurement is of mutations applied. The number made,
// or why not.

// A renter: reviews of past stays and of their landlords, new words in their own reviews,
// requests far ahead (one per apartment, where no stay is planned) and some of them cancelled
// again.
[[nodiscard]] std::expected<int, QString> makeRenterChanges(SyncDesktop &renter, int count, QDate today, quint64 seed);
// The draft that leaves an apartment as it is: what an edit starts from.
[[nodiscard]] models::services::ListingService::ApartmentDraft draftOf(const models::domain::Apartment &apartment);

// A landlord: the requests of their apartments confirmed or declined, reviews of their
// renters, new buildings with apartments, and edits (apartments, buildings, a status set by
// hand, a few new apartments deleted again).
[[nodiscard]] std::expected<int, QString> makeLandlordChanges(SyncDesktop &landlord, int count, QDate today);

} // namespace rentdesk::bench
