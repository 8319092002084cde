// SPDX-License-Identifier: GPL-3.0-or-later
#include "net/calendar/calendarfeedclient.h"

namespace rentdesk::net::calendar {

using namespace Qt::StringLiterals;

CalendarFeedClient::CalendarFeedClient(connection::ServerConnection &connection)
    : m_connection(connection)
{
}

void CalendarFeedClient::feedUrl(const QUuid &apartment, QObject *context, Handler handler) const
{
    ask(u"calendar.feed"_s, apartment, context, std::move(handler));
}

void CalendarFeedClient::renewFeedUrl(const QUuid &apartment, QObject *context, Handler handler) const
{
    ask(u"calendar.feed.renew"_s, apartment, context, std::move(handler));
}

void CalendarFeedClient::ask(const QString &type, const QUuid &apartment, QObject *context, Handler handler) const
{
    m_connection.request(type, { { u"apartmentId"_s, apartment.toString(QUuid::WithoutBraces) } }, context,
                         [handler = std::move(handler)](const connection::Reply &reply) {
                             if (!reply) {
                                 handler(std::unexpected(reply.error()));
                                 return;
                             }
                             // Only an address a booking site can fetch is handed on.
                             const QUrl url(reply->value(u"url"_s).toString(), QUrl::StrictMode);
                             if (!url.isValid() || (url.scheme() != u"http" && url.scheme() != u"https")
                                 || url.host().isEmpty()) {
                                 handler(std::unexpected(connection::Failure {
                                     connection::Failure::Kind::Refused,
                                     protocol::Error::make(protocol::ErrorCode::Internal,
                                                           u"The server's answer holds no calendar address."_s) }));
                                 return;
                             }
                             handler(url);
                         });
}

} // namespace rentdesk::net::calendar
