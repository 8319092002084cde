// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/domain/entities.h"
#include "models/ical/icalendar.h"
#include "models/mail/mailtemplates.h"
#include "models/services/servicecontext.h"

namespace rentdesk::models::services {

// The booking workflow (DESIGN.md rule 2 and 4): a renter requests dates, the landlord
// confirms or declines, the renter cancels; confirmed stays of one apartment never
// overlap; time completes stays and moves apartments between rented, booked and free.
// Every step is one transaction with its journal entry and its mails.
class BookingService final
{
public:
    explicit BookingService(ServiceContext context);

    // The longest stay one request may ask for.
    static constexpr int MaximumNights = 730;

    // id: the new booking's, or null to make one (a replayed mutation keeps its desktop's id).
    [[nodiscard]] Result<domain::Booking> request(const QUuid &actor, const QUuid &apartment, QDate start, QDate end,
                                                  const QUuid &id = {}) const;

    struct Confirmation
    {
        domain::Booking booking;
        QList<QUuid> declined; // overlapping requests declined with it
    };
    // Checks the overlap, declines every overlapping request, recomputes the price, sets
    // the apartment's status and renter, and queues the mails, all in one transaction.
    [[nodiscard]] Result<Confirmation> confirm(const QUuid &actor, const QUuid &booking) const;
    [[nodiscard]] Result<domain::Booking> decline(const QUuid &actor, const QUuid &booking) const;
    [[nodiscard]] Result<domain::Booking> cancel(const QUuid &actor, const QUuid &booking) const;
    // The apartment's owner holds its nights [start, end): a confirmed stay with the owner as
    // its renter, as a published standalone database brings its future stays to a server
    // (docs/architecture.md, "Publishing a standalone database"). Overlapping requests are
    // declined with it. The stay may have begun; it must not be over. The owner cancels it.
    [[nodiscard]] Result<domain::Booking> hold(const QUuid &actor, const QUuid &apartment, QDate start, QDate end,
                                               const QUuid &id = {}) const;
    // The apartment's owner blocks its nights [start, end) by hand (the occupancy calendar): a
    // booking in "blocked" with the owner as its renter, no price and no calendar. Otherwise as
    // hold(): overlapping requests are declined, and the owner removes it with cancel(). A block
    // from a calendar (importBlocks) is not cancelled: it goes with its event.
    [[nodiscard]] Result<domain::Booking> block(const QUuid &actor, const QUuid &apartment, QDate start, QDate end,
                                                const QUuid &id = {}) const;

    // What importing a calendar did to an apartment's blocks from it.
    struct BlockImport
    {
        int added = 0;
        int moved = 0; // an event whose dates changed
        int unchanged = 0;
        int removed = 0; // blocks whose event is gone from the calendar
        int skipped = 0; // events over before today, and this database's own stays sent back
        QList<QUuid> declined; // requests over the new blocks, declined with them
    };
    // The apartment's owner blocks the dates of a calendar's events (iCalendar, from a file
    // or an address: source names it, 1 to 500 characters) in one transaction: an event not
    // seen before from this source is a new block, one seen before is moved to its dates, and
    // a block whose event is gone is removed. Events over before today are left out, as are
    // this database's own stays coming back ("<booking id>@rentdesk" of this apartment). An
    // event over a stay or another calendar's block refuses the whole import (DatesTaken,
    // naming the event), so nothing changes; requests over the blocks are declined and their
    // renters told (by mail on the authority). On a connected replica the import is journaled
    // (importBlocks, calendarimport.h) for its server to make by the same rules; it is refused
    // when the coming events do not fit one change.
    [[nodiscard]] Result<BlockImport> importBlocks(const QUuid &actor, const QUuid &apartment, const QString &source,
                                                   const QList<ical::IcsEvent> &events) const;

    struct TimeStep
    {
        int completed = 0; // confirmed stays that ended
        int expired = 0; // requests whose first night passed unanswered, now declined
        int apartmentsChanged = 0; // apartments whose status or renter changed
    };
    // The time-driven step of rule 4, for the authority (start-up and midnight). Idempotent.
    [[nodiscard]] Result<TimeStep> applyTime() const;

    [[nodiscard]] Result<domain::Booking> booking(const QUuid &id) const;

    // A confirmed (or completed) stay's confirmation, to print or keep as a PDF, in the renter's
    // language (resources/mail/<language>/booking_confirmation.txt): for the renter or the
    // landlord of the stay only. A request, or a stay declined or cancelled, has none.
    [[nodiscard]] Result<mail::ComposedMail> confirmationDocument(const QUuid &actor, const QUuid &booking) const;

private:
    [[nodiscard]] Result<domain::Booking> ownerNights(const QUuid &actor, const QUuid &apartment, QDate start,
                                                      QDate end, const QUuid &id, bool blocked) const;

    ServiceContext m_context;
};

} // namespace rentdesk::models::services
