// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QHostAddress>
#include <QHostInfo>
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
        ForbiddenAddress, // PublicOnly: the host is, or resolves to, an address of a private network
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
//
// With AddressPolicy::PublicOnly (rentdesk-server's, so that a user cannot make the server
// fetch from its own network) the host of the address and of every redirect is resolved first
// and the fetch refused when any of its addresses is not a public one (classify()). The check
// is made before QNetworkAccessManager connects, which resolves the name again: a name server
// that answers differently the second time (DNS rebinding) gets past it
// (docs/architecture.md, "Calendar subscriptions").
class CalendarFetcher final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CalendarFetcher)

public:
    static constexpr int MaxRedirects = 5;
    static constexpr std::chrono::milliseconds DefaultTimeout { 30000 };

    // Which hosts may be fetched from: any (the desktop's: a standalone user may follow a
    // calendar on their own network), or only those whose every address is public (the server's).
    enum class AddressPolicy { AnyAddress, PublicOnly };
    // What kind of address an IP address is; anything but Public is refused by PublicOnly.
    enum class AddressKind {
        Public,
        Unspecified, // 0.0.0.0/8, ::
        Loopback, // 127/8, ::1
        Private, // 10/8, 172.16/12, 192.168/16, fc00::/7
        LinkLocal, // 169.254/16, fe80::/10
        SharedCgnat, // 100.64/10 (carrier-grade NAT)
        Multicast, // 224/4, ff00::/8
        Broadcast, // 255.255.255.255
        Reserved, // 240/4 and the IPv6 documentation and discard ranges: not on the internet
    };

    explicit CalendarFetcher(QObject *parent = nullptr);
    ~CalendarFetcher() override;

    // The deadline of a whole fetch, redirects included.
    void setTimeout(std::chrono::milliseconds timeout) { m_timeout = timeout; }
    [[nodiscard]] qint64 maxBytes() const { return m_maxBytes; }
    void setAddressPolicy(AddressPolicy policy) { m_policy = policy; }
    [[nodiscard]] AddressPolicy addressPolicy() const { return m_policy; }

    // etag, lastModified: the validators of the last calendar read, or empty.
    void fetch(const QUrl &url, const QString &etag = {}, const QString &lastModified = {});
    [[nodiscard]] bool isFetching() const { return m_reply != nullptr || m_resolving; }
    // Whether a redirect from `from` to `to` is followed: to http or https with a host, and
    // never from https down to http.
    [[nodiscard]] static bool mayRedirect(const QUrl &from, const QUrl &to);
    // The kind of an address; an IPv4 address mapped into IPv6 (::ffff:a.b.c.d) is judged as the
    // IPv4 address it carries.
    [[nodiscard]] static AddressKind classify(const QHostAddress &address);
    // For the server's request checks: when the host is an IP address written out and not a
    // public one, why it is refused (an English sentence); empty otherwise. A name is only known
    // when it is resolved, at the fetch.
    [[nodiscard]] static QString literalAddressRefusal(const QUrl &url);

Q_SIGNALS:
    void finished(const rentdesk::net::calendar::CalendarFetch &result);

private:
    // Resolves the host first under PublicOnly, then asks.
    void check(const QUrl &url);
    void onResolved(const QHostInfo &info, int attempt);
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
    AddressPolicy m_policy = AddressPolicy::AnyAddress;
    // Counts the lookups started, so that the answer of one that was given up on is ignored.
    int m_attempt = 0;
    bool m_resolving = false;
};

} // namespace rentdesk::net::calendar
