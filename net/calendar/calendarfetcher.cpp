// SPDX-License-Identifier: GPL-3.0-or-later
#include "net/calendar/calendarfetcher.h"

#include "models/ical/icalendar.h"

#include <QCoreApplication>
#include <QNetworkReply>
#include <QNetworkRequest>

namespace rentdesk::net::calendar {

using namespace Qt::StringLiterals;

namespace {

bool isWebScheme(const QUrl &url)
{
    const QString scheme = url.scheme().toLower();
    return (scheme == u"http"_s || scheme == u"https"_s) && !url.host().isEmpty();
}

bool isRedirect(int status)
{
    return status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
}

using AddressKind = CalendarFetcher::AddressKind;

AddressKind classifyIPv4(quint32 a)
{
    const auto in = [a](quint32 network, int bits) {
        return (a >> (32 - bits)) == (network >> (32 - bits));
    };
    if (in(0x00000000, 8))
        return AddressKind::Unspecified;
    if (in(0x7f000000, 8))
        return AddressKind::Loopback;
    if (in(0x0a000000, 8) || in(0xac100000, 12) || in(0xc0a80000, 16))
        return AddressKind::Private;
    if (in(0xa9fe0000, 16))
        return AddressKind::LinkLocal;
    if (in(0x64400000, 10))
        return AddressKind::SharedCgnat;
    if (a == 0xffffffff)
        return AddressKind::Broadcast;
    if (in(0xe0000000, 4))
        return AddressKind::Multicast;
    if (in(0xf0000000, 4))
        return AddressKind::Reserved;
    return AddressKind::Public;
}

QString describe(AddressKind kind)
{
    switch (kind) {
    case AddressKind::Public:
        break;
    case AddressKind::Unspecified:
        return CalendarFetcher::tr("an unspecified address");
    case AddressKind::Loopback:
        return CalendarFetcher::tr("a loopback address (the server itself)");
    case AddressKind::Private:
        return CalendarFetcher::tr("an address of a private network");
    case AddressKind::LinkLocal:
        return CalendarFetcher::tr("a link-local address");
    case AddressKind::SharedCgnat:
        return CalendarFetcher::tr("a carrier-grade NAT address");
    case AddressKind::Multicast:
        return CalendarFetcher::tr("a multicast address");
    case AddressKind::Broadcast:
        return CalendarFetcher::tr("the broadcast address");
    case AddressKind::Reserved:
        return CalendarFetcher::tr("a reserved address");
    }
    return QString();
}

QString refusal(const QString &host, const QHostAddress &address, AddressKind kind)
{
    const QString written = address.toString();
    if (written == host) {
        return CalendarFetcher::tr("%1 is %2; this server fetches calendars only from addresses on the internet.")
            .arg(written, describe(kind));
    }
    return CalendarFetcher::tr("The calendar's server %1 is at %2, %3; this server fetches calendars only from "
                               "addresses on the internet.")
        .arg(host, written, describe(kind));
}

} // namespace

CalendarFetcher::CalendarFetcher(QObject *parent)
    : QObject(parent)
    // The import's own limit, so that nothing is downloaded that the import would refuse.
    , m_maxBytes(models::ical::importLimits(QDate::currentDate()).maxBytes)
{
    // Redirects are followed here, to count them and to refuse https -> http.
    m_manager.setRedirectPolicy(QNetworkRequest::ManualRedirectPolicy);
    m_deadline.setSingleShot(true);
    connect(&m_deadline, &QTimer::timeout, this, [this] {
        const auto seconds = std::chrono::duration_cast<std::chrono::seconds>(m_timeout).count();
        fail(CalendarFetch::Failure::Timeout,
             tr("The calendar's server did not answer within %n second(s).", nullptr,
                int(std::max<qint64>(1, seconds))));
    });
}

CalendarFetcher::~CalendarFetcher()
{
    dropReply();
}

void CalendarFetcher::fetch(const QUrl &url, const QString &etag, const QString &lastModified)
{
    dropReply();
    m_resolving = false;
    ++m_attempt;
    m_etag = etag;
    m_lastModified = lastModified;
    m_redirects = 0;
    if (!isWebScheme(url)) {
        // Said after returning, as every other outcome is.
        QTimer::singleShot(0, this, [this] {
            fail(CalendarFetch::Failure::BadAddress, tr("Only https:// and http:// addresses are fetched."));
        });
        return;
    }
    m_deadline.start(m_timeout);
    check(url);
}

CalendarFetcher::AddressKind CalendarFetcher::classify(const QHostAddress &address)
{
    if (address.protocol() == QAbstractSocket::IPv4Protocol)
        return classifyIPv4(address.toIPv4Address());
    if (address.protocol() != QAbstractSocket::IPv6Protocol)
        return AddressKind::Reserved;
    const Q_IPV6ADDR a = address.toIPv6Address();
    const auto ipv4At = [&a](int at) {
        return (quint32(a[at]) << 24) | (quint32(a[at + 1]) << 16) | (quint32(a[at + 2]) << 8) | quint32(a[at + 3]);
    };
    const auto zeros = [&a](int from, int to) {
        for (int i = from; i < to; ++i) {
            if (a[i] != 0)
                return false;
        }
        return true;
    };
    if (zeros(0, 16))
        return AddressKind::Unspecified;
    if (zeros(0, 15) && a[15] == 1)
        return AddressKind::Loopback;
    // Addresses that carry an IPv4 address are judged by it: mapped (::ffff:0:0/96), the old
    // compatible form (::/96), NAT64 (64:ff9b::/96) and 6to4 (2002::/16).
    if (zeros(0, 10) && a[10] == 0xff && a[11] == 0xff)
        return classifyIPv4(ipv4At(12));
    if (zeros(0, 12))
        return classifyIPv4(ipv4At(12));
    if (a[0] == 0x00 && a[1] == 0x64 && a[2] == 0xff && a[3] == 0x9b && zeros(4, 12))
        return classifyIPv4(ipv4At(12));
    if (a[0] == 0x20 && a[1] == 0x02)
        return classifyIPv4(ipv4At(2));
    if ((a[0] & 0xfe) == 0xfc || (a[0] == 0xfe && (a[1] & 0xc0) == 0xc0)) // fc00::/7, and fec0::/10 (site-local)
        return AddressKind::Private;
    if (a[0] == 0xfe && (a[1] & 0xc0) == 0x80)
        return AddressKind::LinkLocal;
    if (a[0] == 0xff)
        return AddressKind::Multicast;
    // 100::/64 (discard) and 2001:db8::/32 (documentation) lead nowhere on the internet.
    if ((a[0] == 0x01 && a[1] == 0x00 && zeros(2, 8)) || (a[0] == 0x20 && a[1] == 0x01 && a[2] == 0x0d && a[3] == 0xb8))
        return AddressKind::Reserved;
    return AddressKind::Public;
}

QString CalendarFetcher::literalAddressRefusal(const QUrl &url)
{
    QHostAddress address;
    if (!address.setAddress(url.host()))
        return QString();
    const AddressKind kind = classify(address);
    return kind == AddressKind::Public ? QString() : refusal(url.host(), address, kind);
}

void CalendarFetcher::check(const QUrl &url)
{
    dropReply();
    m_url = url;
    if (m_policy == AddressPolicy::AnyAddress) {
        request(url);
        return;
    }
    QHostAddress literal;
    if (literal.setAddress(url.host())) {
        QHostInfo info;
        info.setAddresses({ literal });
        info.setHostName(url.host());
        // Said after returning, as every other outcome is.
        const int attempt = ++m_attempt;
        m_resolving = true;
        QTimer::singleShot(0, this, [this, info, attempt] { onResolved(info, attempt); });
        return;
    }
    const int attempt = ++m_attempt;
    m_resolving = true;
    QHostInfo::lookupHost(url.host(), this, [this, attempt](const QHostInfo &info) { onResolved(info, attempt); });
}

void CalendarFetcher::onResolved(const QHostInfo &info, int attempt)
{
    if (attempt != m_attempt || !m_resolving)
        return; // given up on (a new fetch, the deadline)
    m_resolving = false;
    if (info.error() != QHostInfo::NoError || info.addresses().isEmpty()) {
        fail(CalendarFetch::Failure::Network,
             tr("The calendar's server %1 was not found: %2.").arg(m_url.host(), info.errorString()));
        return;
    }
    // Every address, not only the first: the connection may go to any of them.
    for (const QHostAddress &address : info.addresses()) {
        if (const AddressKind kind = classify(address); kind != AddressKind::Public) {
            fail(CalendarFetch::Failure::ForbiddenAddress, refusal(m_url.host(), address, kind));
            return;
        }
    }
    request(m_url);
}

void CalendarFetcher::request(const QUrl &url)
{
    dropReply();
    m_url = url;
    m_body.clear();
    QNetworkRequest request(url);
    request.setHeader(QNetworkRequest::UserAgentHeader, u"RentDesk (calendar subscription)"_s);
    request.setRawHeader("Accept", "text/calendar, */*;q=0.5");
    request.setAttribute(QNetworkRequest::CacheLoadControlAttribute, QNetworkRequest::AlwaysNetwork);
    if (!m_etag.isEmpty())
        request.setRawHeader("If-None-Match", m_etag.toLatin1());
    if (!m_lastModified.isEmpty())
        request.setRawHeader("If-Modified-Since", m_lastModified.toLatin1());
    m_reply = m_manager.get(request);
    connect(m_reply, &QNetworkReply::metaDataChanged, this, &CalendarFetcher::onHeaders);
    connect(m_reply, &QNetworkReply::readyRead, this, &CalendarFetcher::onReadyRead);
    connect(m_reply, &QNetworkReply::finished, this, &CalendarFetcher::onFinished);
}

void CalendarFetcher::onHeaders()
{
    if (!m_reply)
        return;
    const int status = m_reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    const QVariant length = m_reply->header(QNetworkRequest::ContentLengthHeader);
    if (status / 100 == 2 && length.isValid() && length.toLongLong() > m_maxBytes) {
        fail(CalendarFetch::Failure::TooLarge,
             tr("The calendar is larger than %1 MB; it was not downloaded.").arg(m_maxBytes / (1024 * 1024)), status);
    }
}

void CalendarFetcher::onReadyRead()
{
    if (!m_reply)
        return;
    const int status = m_reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    if (status / 100 != 2) {
        m_reply->readAll(); // the body of a redirect or an error is not kept
        return;
    }
    m_body += m_reply->read(m_maxBytes + 1 - m_body.size());
    if (m_body.size() > m_maxBytes) {
        fail(CalendarFetch::Failure::TooLarge,
             tr("The calendar is larger than %1 MB; it was not read further.").arg(m_maxBytes / (1024 * 1024)), status);
    }
}

void CalendarFetcher::onFinished()
{
    if (!m_reply)
        return;
    QNetworkReply *reply = m_reply;
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    if (status == 0) {
        fail(CalendarFetch::Failure::Network,
             tr("The calendar's server could not be reached: %1.").arg(reply->errorString()));
        return;
    }
    if (isRedirect(status)) {
        const QUrl target = m_url.resolved(QUrl::fromEncoded(reply->rawHeader("Location")));
        if (++m_redirects > MaxRedirects) {
            fail(CalendarFetch::Failure::TooManyRedirects,
                 tr("The calendar's address sent RentDesk on more than %1 times.").arg(MaxRedirects), status);
        } else if (!mayRedirect(m_url, target)) {
            fail(CalendarFetch::Failure::InsecureRedirect,
                 tr("The calendar's secure address sent RentDesk on to one that is not secure (%1); it was not "
                    "followed.")
                     .arg(target.scheme()),
                 status);
        } else {
            check(target);
        }
        return;
    }
    if (status == 304) {
        CalendarFetch result;
        result.outcome = CalendarFetch::Outcome::Unchanged;
        result.status = status;
        result.etag = QString::fromLatin1(reply->rawHeader("ETag"));
        if (result.etag.isEmpty())
            result.etag = m_etag;
        result.lastModified = QString::fromLatin1(reply->rawHeader("Last-Modified"));
        if (result.lastModified.isEmpty())
            result.lastModified = m_lastModified;
        done(result);
        return;
    }
    if (status / 100 != 2) {
        const QString reason = reply->attribute(QNetworkRequest::HttpReasonPhraseAttribute).toString();
        fail(CalendarFetch::Failure::HttpStatus,
             tr("The calendar's server answered %1 %2.").arg(status).arg(reason).trimmed(), status);
        return;
    }
    onReadyRead();
    if (!m_reply)
        return; // over the limit
    if (reply->error() != QNetworkReply::NoError) {
        fail(CalendarFetch::Failure::Network, tr("The calendar was not read to its end: %1.").arg(reply->errorString()),
             status);
        return;
    }
    CalendarFetch result;
    result.outcome = CalendarFetch::Outcome::Fetched;
    result.status = status;
    result.body = std::move(m_body);
    result.etag = QString::fromLatin1(reply->rawHeader("ETag"));
    result.lastModified = QString::fromLatin1(reply->rawHeader("Last-Modified"));
    done(result);
}

bool CalendarFetcher::mayRedirect(const QUrl &from, const QUrl &to)
{
    return isWebScheme(to) && !(from.scheme().toLower() == u"https"_s && to.scheme().toLower() != u"https"_s);
}

void CalendarFetcher::fail(CalendarFetch::Failure failure, const QString &message, int status)
{
    CalendarFetch result;
    result.failure = failure;
    result.status = status;
    result.message = message;
    done(result);
}

void CalendarFetcher::done(CalendarFetch result)
{
    dropReply();
    m_resolving = false;
    ++m_attempt;
    m_deadline.stop();
    m_body.clear();
    Q_EMIT finished(result);
}

void CalendarFetcher::dropReply()
{
    QNetworkReply *reply = m_reply.data();
    if (!reply)
        return;
    m_reply = nullptr;
    disconnect(reply, nullptr, this, nullptr);
    reply->abort();
    reply->deleteLater();
}

} // namespace rentdesk::net::calendar
