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
    request(url);
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
            request(target);
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
