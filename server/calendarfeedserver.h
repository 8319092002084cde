// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QAbstractHttpServer>
#include <QHostAddress>
#include <QString>
#include <QUrl>

#include <chrono>
#include <expected>
#include <memory>

namespace rentdesk::models::db {
class Database;
}
namespace rentdesk::models::services {
class Clock;
}

namespace rentdesk::server {

// The apartments' calendars over HTTP, for other booking sites to subscribe to (issue 14;
// docs/architecture.md, "The calendar feed"): GET or HEAD /calendar/<token>.ics answers the
// calendar of the apartment the token opens, as `rentdesk --export-ics` writes it; a token that
// opens nothing is 404 like any other path, and any other method 405. It listens on a port of
// its own (--feed-listen), apart from the WebSocket, so that an operator can publish it (behind
// a proxy, --feed-url) without publishing the desktops' endpoint, or the other way round.
//
// QtHttpServer 6.4 bounds nothing itself, so the sockets are this class's own (see
// FeedListener in the .cpp): it reads at most MaxRequestBytes of a connection that has not
// finished its request (a GET has no body; a request still unfinished by then waits for its
// deadline), keeps a connection for at most ConnectionSeconds and MaxRequestsPerConnection,
// and takes at most MaxConnections at a time, MaxConnectionsPerAddress of them from one
// address (an IPv6 /64). An answer is one indexed look-up of the token and one read of the
// apartment's stays (at most CalendarQuery::MaxEvents), on the event loop's thread like the
// WebSocket's cheap requests.
class CalendarFeedServer final : public QAbstractHttpServer
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CalendarFeedServer)

public:
    static constexpr qint64 MaxRequestBytes = 16 * 1024;
    static constexpr std::chrono::seconds ConnectionSeconds { 30 };
    static constexpr int MaxRequestsPerConnection = 32;
    static constexpr int MaxConnections = 256;
    static constexpr int MaxConnectionsPerAddress = 8;

    // publicBase: where the calendars are published (--feed-url), whose path is accepted as a
    // prefix too, for a proxy that passes it on; empty for this server's own address.
    CalendarFeedServer(std::shared_ptr<models::db::Database> database, const models::services::Clock &clock,
                       QUrl publicBase, QObject *parent = nullptr);
    ~CalendarFeedServer() override;

    // Listens; the port it got (port 0 takes a free one), or why it cannot.
    [[nodiscard]] std::expected<quint16, QString> start(const QHostAddress &address, quint16 port);
    // The address a calendar's path is added to: --feed-url, or localUrl().
    [[nodiscard]] QUrl baseUrl() const { return m_base; }
    // Where it listens, once started: http://<address>:<port>/.
    [[nodiscard]] QUrl localUrl() const { return m_local; }
    // The address of the calendar a token opens: the base, "calendar/<token>.ics".
    [[nodiscard]] static QUrl calendarUrl(const QUrl &base, const QString &token);

protected:
    bool handleRequest(const QHttpServerRequest &request, QTcpSocket *socket) override;
    void missingHandler(const QHttpServerRequest &request, QTcpSocket *socket) override;

private:
    // The token a path names, or an empty string.
    [[nodiscard]] QString tokenOf(const QString &path) const;

    std::shared_ptr<models::db::Database> m_database;
    const models::services::Clock &m_clock;
    QUrl m_base;
    QUrl m_local;
    QString m_prefix; // the public base's path, accepted before "calendar/"
};

} // namespace rentdesk::server
