// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "net/connection/serverconnection.h"

#include <QUrl>
#include <QUuid>

#include <expected>
#include <functional>

namespace rentdesk::net::calendar {

// The address at which rentdesk-server publishes an apartment's calendar, or why there is none
// (Failure: Refused with the server's error — `feeds_off` when the server publishes no
// calendars, `not_allowed` for someone else's apartment, `not_found` for one that is gone —,
// ConnectionLost, or NotSent without a session).
using FeedUrl = std::expected<QUrl, connection::Failure>;

// Asks the server for the secret address of an apartment's calendar (docs/protocol.md,
// "calendar.feed"), which the owner copies into another booking site so that it subscribes,
// and for a new one in its place when the old one has gone where it should not. Over the app's
// one connection, with its session; no widgets and nothing kept: the server is asked every
// time, so an address renewed on another computer is the one shown here too.
class CalendarFeedClient final
{
public:
    using Handler = std::function<void(const FeedUrl &url)>;

    // The connection must outlive the client.
    explicit CalendarFeedClient(connection::ServerConnection &connection);

    // The apartment's address, made by the server on the first ask and the same afterwards.
    // handler is called exactly once, later (never from inside this call), unless context is
    // destroyed first (ServerConnection::request()).
    void feedUrl(const QUuid &apartment, QObject *context, Handler handler) const;
    // A new address for the apartment; the one it had opens nothing from then on.
    void renewFeedUrl(const QUuid &apartment, QObject *context, Handler handler) const;

private:
    void ask(const QString &type, const QUuid &apartment, QObject *context, Handler handler) const;

    connection::ServerConnection &m_connection;
};

} // namespace rentdesk::net::calendar
