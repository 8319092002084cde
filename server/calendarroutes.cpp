// SPDX-License-Identifier: GPL-3.0-or-later
//
// The calendar requests of docs/protocol.md: calendar.feed and calendar.feed.renew, the secret
// address at which CalendarFeedServer publishes an apartment's calendar. The rules (only the
// owner, one token per apartment) are CalendarFeedService's; this reads the request, calls it
// and answers with the address.
#include "models/domain/storedvalues.h"
#include "models/services/calendarfeedservice.h"
#include "net/protocol/message.h"
#include "server/calendarfeedserver.h"
#include "server/clientconnection.h"
#include "server/router.h"
#include "server/wireformat.h"

#include <QLoggingCategory>

namespace rentdesk::server {

using namespace Qt::StringLiterals;
using net::protocol::Error;
using net::protocol::ErrorCode;

Q_LOGGING_CATEGORY(lcCalendar, "rentdesk.server.calendar", QtInfoMsg)

void Router::setCalendarFeedBase(const QUrl &base)
{
    m_feedBase = base;
}

void Router::calendarFeed(ClientConnection &c, const net::protocol::Request &r, const Done &done)
{
    calendarFeedAddress(c, r, done, false);
}

void Router::calendarFeedRenew(ClientConnection &c, const net::protocol::Request &r, const Done &done)
{
    calendarFeedAddress(c, r, done, true);
}

void Router::calendarFeedAddress(ClientConnection &c, const net::protocol::Request &r, const Done &done, bool renew)
{
    const auto apartment = net::protocol::requireUuid(r.body, u"apartmentId");
    if (!apartment) {
        done(net::protocol::errorReply(r.id, apartment.error()));
        return;
    }
    if (m_feedBase.isEmpty()) {
        done(net::protocol::errorReply(
            r.id,
            Error::make(ErrorCode::FeedsOff,
                        u"This server does not publish calendars; its operator can turn that on with "
                        "--feed-listen."_s)));
        return;
    }
    // One indexed read and at most one write, on the event loop's thread like chat's requests.
    const models::services::CalendarFeedService feeds(
        models::services::ServiceContext(m_database, m_clock, models::services::Mode::Server));
    const auto token = renew ? feeds.renew(*c.user(), *apartment) : feeds.token(*c.user(), *apartment);
    if (!token) {
        done(refusal(r.id, token.error()));
        return;
    }
    if (renew)
        qCInfo(lcCalendar) << "calendar address of" << *apartment << "renewed by" << *c.user();
    done(net::protocol::reply(
        r.id,
        { { u"apartmentId"_s, models::domain::toStoredId(*apartment) },
          { u"url"_s, CalendarFeedServer::calendarUrl(m_feedBase, *token).toString(QUrl::FullyEncoded) } }));
}

} // namespace rentdesk::server
