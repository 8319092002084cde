// SPDX-License-Identifier: GPL-3.0-or-later
#include "server/calendarfeedserver.h"

#include "models/ical/icalendar.h"
#include "models/query/calendarquery.h"
#include "models/services/calendarfeedservice.h"
#include "models/services/clock.h"
#include "server/clientconnection.h"

#include <QHttpServerRequest>
#include <QHttpServerResponder>
#include <QLoggingCategory>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTimer>

namespace rentdesk::server {

using namespace Qt::StringLiterals;
using Status = QHttpServerResponder::StatusCode;

Q_LOGGING_CATEGORY(lcFeed, "rentdesk.server.feed", QtInfoMsg)

namespace {

// The accepting socket, so that every connection is bounded before QtHttpServer reads from it:
// QtHttpServer 6.4 reads a request into a socket transaction until the request is complete, so
// an endless header or body would grow without limit. The read buffer is capped (a full buffer
// stops reading; the request, unfinished, then waits for its deadline), each connection has a
// deadline, and connections beyond the caps are closed at once. The sockets are made here, so
// that all this is set before QtHttpServer connects to them.
class FeedListener final : public QTcpServer
{
public:
    using QTcpServer::QTcpServer;

protected:
    void incomingConnection(qintptr descriptor) override
    {
        auto *socket = new QTcpSocket(this);
        if (!socket->setSocketDescriptor(descriptor)) {
            qCWarning(lcFeed) << "cannot take a connection:" << socket->errorString();
            delete socket;
            return;
        }
        const QString key = ClientConnection::addressKey(socket->peerAddress());
        if (m_open >= CalendarFeedServer::MaxConnections
            || m_perAddress.value(key) >= CalendarFeedServer::MaxConnectionsPerAddress) {
            qCInfo(lcFeed) << "too many connections; closing one from" << socket->peerAddress().toString();
            socket->abort();
            socket->deleteLater();
            return;
        }
        ++m_open;
        ++m_perAddress[key];
        connect(socket, &QObject::destroyed, this, [this, key] {
            --m_open;
            if (--m_perAddress[key] <= 0)
                m_perAddress.remove(key);
        });
        socket->setReadBufferSize(CalendarFeedServer::MaxRequestBytes);
        auto *deadline = new QTimer(socket);
        deadline->setSingleShot(true);
        connect(deadline, &QTimer::timeout, socket, [socket] {
            qCDebug(lcFeed) << "deadline: closing the connection from" << socket->peerAddress().toString();
            socket->abort();
        });
        deadline->start(CalendarFeedServer::ConnectionSeconds);
        addPendingConnection(socket);
    }

private:
    int m_open = 0;
    QHash<QString, int> m_perAddress;
};

// The name a person sees when saving the calendar: the apartment's, in UTF-8 (RFC 6266, 8187),
// with a plain fallback for clients that read only `filename`.
QByteArray dispositionOf(const QString &name)
{
    return "inline; filename=\"calendar.ics\"; filename*=UTF-8''" + QUrl::toPercentEncoding(name + u".ics"_s);
}

// The answer as QtHttpServer 6.4 writes it, with the length of the body also for HEAD, which
// gets no body.
void respond(QHttpServerResponder &responder, Status status, const QList<std::pair<QByteArray, QByteArray>> &headers,
             const QByteArray &body, bool withBody)
{
    responder.writeStatusLine(status);
    for (const auto &header : headers)
        responder.writeHeader(header.first, header.second);
    responder.writeHeader("Content-Length", QByteArray::number(body.size()));
    responder.writeBody(withBody ? body : QByteArray());
}

} // namespace

CalendarFeedServer::CalendarFeedServer(std::shared_ptr<models::db::Database> database,
                                       const models::services::Clock &clock, QUrl publicBase, QObject *parent)
    : QAbstractHttpServer(parent)
    , m_database(std::move(database))
    , m_clock(clock)
    , m_base(std::move(publicBase))
{
    if (!m_base.isEmpty())
        m_prefix = m_base.path();
}

CalendarFeedServer::~CalendarFeedServer() = default;

std::expected<quint16, QString> CalendarFeedServer::start(const QHostAddress &address, quint16 port)
{
    auto *listener = new FeedListener(this);
    if (!listener->listen(address, port)) {
        const QString why = listener->errorString();
        delete listener;
        return std::unexpected(
            u"cannot listen for calendar feeds on %1:%2: %3"_s.arg(address.toString()).arg(port).arg(why));
    }
    bind(listener);
    m_local.setScheme(u"http"_s);
    m_local.setHost(listener->serverAddress().toString());
    m_local.setPort(listener->serverPort());
    m_local.setPath(u"/"_s);
    if (m_base.isEmpty()) {
        m_base = m_local;
        m_prefix = m_base.path();
    }
    return listener->serverPort();
}

QUrl CalendarFeedServer::calendarUrl(const QUrl &base, const QString &token)
{
    return base.resolved(QUrl(u"calendar/"_s + token + u".ics"_s));
}

QString CalendarFeedServer::tokenOf(const QString &path) const
{
    for (const QString &prefix : { u"/"_s, m_prefix }) {
        const QString start = prefix + u"calendar/"_s;
        if (path.startsWith(start) && path.endsWith(u".ics"_s) && path.size() > start.size() + 4)
            return path.mid(start.size(), path.size() - start.size() - 4);
    }
    return QString();
}

bool CalendarFeedServer::handleRequest(const QHttpServerRequest &request, QTcpSocket *socket)
{
    QHttpServerResponder responder = makeResponder(request, socket);
    QList<std::pair<QByteArray, QByteArray>> headers;
    // A connection that has asked its share is answered and closed.
    const int asked = socket->property("rentdesk.requests").toInt() + 1;
    socket->setProperty("rentdesk.requests", asked);
    const bool last = asked >= MaxRequestsPerConnection;
    if (last)
        headers.emplaceBack("Connection", "close");
    const auto answer = [&](Status status, const QByteArray &body, bool withBody) {
        respond(responder, status, headers, body, withBody);
        if (last)
            socket->disconnectFromHost();
        return true;
    };

    const auto method = request.method();
    if (method != QHttpServerRequest::Method::Get && method != QHttpServerRequest::Method::Head) {
        headers.emplaceBack("Allow", "GET, HEAD");
        return answer(Status::MethodNotAllowed, QByteArray(), false);
    }
    const bool withBody = method == QHttpServerRequest::Method::Get;
    headers.emplaceBack("Cache-Control", "no-store");
    // One answer for a path that is no calendar's, a token that opens nothing (never made, or
    // renewed) and an apartment deleted meanwhile: nothing says which.
    const auto notFound = [&] {
        headers.emplaceBack("Content-Type", "text/plain; charset=utf-8");
        return answer(Status::NotFound, "No calendar is published at this address.\n"_ba, withBody);
    };
    const auto unavailable = [&](const QString &why) {
        qCWarning(lcFeed) << "cannot answer a calendar:" << why;
        headers.emplaceBack("Content-Type", "text/plain; charset=utf-8");
        headers.emplaceBack("Retry-After", "60");
        return answer(Status::ServiceUnavailable, "The calendar cannot be read now; try again later.\n"_ba, withBody);
    };

    const QString token = tokenOf(request.url().path());
    if (token.isEmpty())
        return notFound();
    const models::services::ServiceContext context(m_database, m_clock, models::services::Mode::Server);
    const auto apartment = models::services::CalendarFeedService(context).apartmentOf(token);
    if (!apartment)
        return unavailable(apartment.error().message);
    if (!*apartment)
        return notFound();
    const auto calendar = models::query::CalendarQuery(m_database).calendar(**apartment, m_clock.today());
    if (!calendar) {
        if (calendar.error().code == models::services::DomainError::Code::NotFound)
            return notFound();
        return unavailable(calendar.error().message);
    }
    const QByteArray body = models::ical::writeCalendar(calendar->name, calendar->events, m_clock.now());
    headers.emplaceBack("Content-Type", "text/calendar; charset=utf-8");
    headers.emplaceBack("Content-Disposition", dispositionOf(calendar->name));
    headers.emplaceBack("X-Content-Type-Options", "nosniff");
    qCDebug(lcFeed) << "calendar of" << **apartment << "to" << request.remoteAddress().toString() << body.size()
                    << "bytes";
    return answer(Status::Ok, body, withBody);
}

void CalendarFeedServer::missingHandler(const QHttpServerRequest &request, QTcpSocket *socket)
{
    // handleRequest() answers every request; this is what QtHttpServer calls for one it did not.
    QHttpServerResponder responder = makeResponder(request, socket);
    respond(responder, Status::NotFound, {}, QByteArray(), false);
}

} // namespace rentdesk::server
