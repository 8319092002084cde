// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QObject>
#include <QPointer>
#include <QString>
#include <QTimer>
#include <QUrl>

#include <chrono>

namespace rentdesk::net::calendar {

// What one fetch of a calendar's address came to.
struct CalendarFetch
{
    enum class Outcome {
        Fetched, // body holds the calendar
        Unchanged, // 304: the calendar is as at the validators given
        Failed,
    };
    enum class Failure {
        None,
        BadAddress, // not http or https, or no host
        Timeout,
        TooLarge, // the body (or its announced length) is over the limit
        TooManyRedirects,
        InsecureRedirect, // from https to http, or to another scheme
        HttpStatus, // an answer that is not 2xx or 304; status says which
        Network, // no connection, TLS, DNS: message says which
    };
    Outcome outcome = Outcome::Failed;
    Failure failure = Failure::None;
    int status = 0; // the last HTTP status, 0 without an answer
    QByteArray body;
    QString etag; // the answer's ETag and Last-Modified, for the next fetch
    QString lastModified;
    QString message; // Failed: one sentence for a person, in the user's language ("CalendarFetcher")
};

// Fetches one calendar (.ics) from an http or https address, with bounds that a site on the
// internet cannot push past: the body at most ical::importLimits()'s byte limit (a
// Content-Length over it is refused before the body is read, a longer body as soon as it
// passes), a deadline for the whole fetch, at most MaxRedirects redirects and none from https to
// http, and conditional requests (If-None-Match, If-Modified-Since; 304 is "unchanged"). One
// fetch at a time; fetch() while one runs cancels that one without a finished().
class CalendarFetcher final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CalendarFetcher)

public:
    static constexpr int MaxRedirects = 5;
    static constexpr std::chrono::milliseconds DefaultTimeout { 30000 };

    explicit CalendarFetcher(QObject *parent = nullptr);
    ~CalendarFetcher() override;

    // The deadline of a whole fetch, redirects included.
    void setTimeout(std::chrono::milliseconds timeout) { m_timeout = timeout; }
    [[nodiscard]] qint64 maxBytes() const { return m_maxBytes; }

    // etag, lastModified: the validators of the last calendar read, or empty.
    void fetch(const QUrl &url, const QString &etag = {}, const QString &lastModified = {});
    [[nodiscard]] bool isFetching() const { return m_reply != nullptr; }
    // Whether a redirect from `from` to `to` is followed: to http or https with a host, and
    // never from https down to http.
    [[nodiscard]] static bool mayRedirect(const QUrl &from, const QUrl &to);

Q_SIGNALS:
    void finished(const rentdesk::net::calendar::CalendarFetch &result);

private:
    void request(const QUrl &url);
    void onHeaders();
    void onReadyRead();
    void onFinished();
    void fail(CalendarFetch::Failure failure, const QString &message, int status = 0);
    void done(CalendarFetch result);
    void dropReply();

    QNetworkAccessManager m_manager;
    QTimer m_deadline;
    std::chrono::milliseconds m_timeout = DefaultTimeout;
    qint64 m_maxBytes = 0;
    QPointer<QNetworkReply> m_reply;
    QUrl m_url; // the address being asked now (after redirects)
    QString m_etag;
    QString m_lastModified;
    QByteArray m_body;
    int m_redirects = 0;
};

} // namespace rentdesk::net::calendar
