// SPDX-License-Identifier: GPL-3.0-or-later
#include "server/serverconfig.h"

#include "net/mail/mailconfig.h"
#include "net/mail/mimemessage.h"
#include "net/mail/smtpsettings.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QFileInfo>
#include <QSettings>
#include <QTextStream>

#include <functional>
#include <limits>

namespace rentdesk::server {

using namespace Qt::StringLiterals;

namespace {

// Reads "host:port", "[v6]:port"; port 0 is allowed (a free one).
std::optional<std::pair<QHostAddress, quint16>> readListen(const QString &text)
{
    const qsizetype colon = text.lastIndexOf(u':');
    if (colon <= 0)
        return std::nullopt;
    QString host = text.left(colon);
    if (host.startsWith(u'[') && host.endsWith(u']'))
        host = host.mid(1, host.size() - 2);
    bool isNumber = false;
    const uint port = text.mid(colon + 1).toUInt(&isNumber);
    if (!isNumber || port > 65535)
        return std::nullopt;
    QHostAddress address;
    if (host == u"localhost")
        address = QHostAddress(QHostAddress::LocalHost);
    else if (!address.setAddress(host))
        return std::nullopt;
    return std::pair { address, quint16(port) };
}

} // namespace

std::variant<ServerConfig, ParseFinished> parseServerCommandLine(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(u"RentDesk server: accounts and chat (sync later) for RentDesk desktop apps."_s);
    const QCommandLineOption help = parser.addHelpOption();
    const QCommandLineOption version = parser.addVersionOption();
    const QList<QCommandLineOption> options {
        { u"config"_s, u"Read options from the INI <file>; the command line wins over it."_s, u"file"_s },
        { u"database"_s,
          u"The server's database: an SQLite <file>, or postgresql://user@host:port/name (the password "
          "from PGPASSWORD or ~/.pgpass)."_s,
          u"file|url"_s },
        { u"init-only"_s, u"Create or update the database, then exit."_s },
        { u"listen"_s, u"Listen on <host:port> (default 127.0.0.1:8765); port 0 takes a free one and prints it."_s,
          u"host:port"_s },
        { u"tls-cert"_s, u"Serve wss:// with the certificate in <file> (PEM); needs --tls-key."_s, u"file"_s },
        { u"tls-key"_s, u"The private key of --tls-cert, in <file> (PEM)."_s, u"file"_s },
        { u"insecure"_s,
          u"Allow ws:// (no TLS) on an address other than loopback: passwords and tokens then cross the network "
          "unencrypted (for a TLS proxy in front)."_s },
        { u"feed-listen"_s,
          u"Publish the apartments' calendars (iCalendar, for other booking sites) over HTTP on <host:port>, "
          "a port of its own; off unless given. Port 0 takes a free one and prints it."_s,
          u"host:port"_s },
        { u"feed-url"_s,
          u"The public address of the calendars when --feed-listen is behind a proxy, e.g. "
          "https://rent.example.org/feeds/ (default http://<feed host:port>/)."_s,
          u"url"_s },
        { u"calendar-interval"_s,
          u"Check the calendars that apartments follow (other sites' .ics addresses) every <seconds> "
          "(default 10800, three hours)."_s,
          u"seconds"_s },
        { u"calendar-fetch-private"_s,
          u"Let followed calendars be fetched from this server's own networks too: loopback, private (10/8, "
          "172.16/12, 192.168/16, fc00::/7), link-local, carrier-grade NAT and the like, which are refused by "
          "default so that users cannot make the server reach them."_s },
        { u"smtp"_s, u"Send mail through <url> (smtps://, smtp:// with STARTTLS, or smtp+insecure://)."_s, u"url"_s },
        { u"smtp-ca-file"_s, u"Trust the CA certificates in <file> for the mail server."_s, u"file"_s },
        { u"mail-from"_s, u"Send mail as <sender>, \"Name <address>\"."_s, u"sender"_s },
        { u"smtp-timeout"_s, u"Give up on the mail server after <seconds> without an answer."_s, u"seconds"_s },
        { u"send-test-mail"_s, u"Send one test mail to <address> with the mail settings and exit."_s, u"address"_s },
        { u"max-message-bytes"_s, u"Close a connection that sends a message over <n> bytes (default 65536)."_s,
          u"n"_s },
        { u"ping-seconds"_s, u"Ping every <n> seconds; close a connection silent for two (default 30)."_s, u"n"_s },
        { u"max-queued-bytes"_s,
          u"Close a client that leaves more than <n> bytes unread for longer than --slow-reader-seconds, or four "
          "times that at all (default 1 MiB)."_s,
          u"n"_s },
        { u"slow-reader-seconds"_s,
          u"How long a client may leave more than --max-queued-bytes unread before it is closed (default 10)."_s,
          u"n"_s },
        { u"cache-mib"_s, u"SQLite's page cache of each database connection, in MiB (default 64)."_s, u"n"_s },
        { u"max-connections-per-address"_s,
          u"Refuse connections beyond <n> from one client address, or one /64 for IPv6 (default 32)."_s, u"n"_s },
        { u"login-deadline-seconds"_s,
          u"Close a connection that has not logged in or resumed a session within <n> seconds of opening or of "
          "logging out (default 60)."_s,
          u"n"_s },
        { u"login-failures-per-account"_s,
          u"Log-ins judged per account within the window: failed ones and those being checked (default 5)."_s, u"n"_s },
        { u"login-failures-per-address"_s,
          u"Log-ins judged per client address within the window: failed ones and those being checked (default 20)."_s,
          u"n"_s },
        { u"login-window-seconds"_s, u"The window of the login limits, in seconds (default 60)."_s, u"n"_s },
        { u"session-days"_s, u"How long a login's token lasts (default 30)."_s, u"n"_s },
        { u"signups-per-address"_s, u"Accounts one client address may create within the sign-up window (default 5)."_s,
          u"n"_s },
        { u"signup-window-seconds"_s, u"The window of the sign-up limit, in seconds (default 3600)."_s, u"n"_s },
        { u"welcome-mails-per-domain"_s,
          u"Welcome mails per recipient domain (the part after @) and hour; past it an account is made "
          "without one (default 20)."_s,
          u"n"_s },
        { u"max-hashing-queue"_s,
          u"Log-ins waiting for or in password hashing; past it server_busy at once. Sign-ups get a quarter "
          "of it (default 64)."_s,
          u"n"_s },
        { u"conversations-per-hour"_s, u"Conversations one user may start with others per hour (default 30)."_s,
          u"n"_s },
        { u"tombstone-days"_s,
          u"Days the sync feed keeps deleted rows for replicas that have not pulled them; a replica away "
          "longer resyncs in full (default 90)."_s,
          u"n"_s },
    };
    parser.addOptions(options);

    const auto usageError = [](const QString &message) {
        QTextStream(stderr) << QCoreApplication::applicationName() << u": "_s << message << u'\n';
        return ParseFinished { ServerExitUsage };
    };
    if (!parser.parse(arguments))
        return usageError(parser.errorText());
    if (parser.isSet(help) || parser.isSet(version)) {
        QTextStream out(stdout);
        if (parser.isSet(help))
            out << parser.helpText();
        else
            out << QCoreApplication::applicationName() << u' ' << QCoreApplication::applicationVersion() << u'\n';
        return ParseFinished { ServerExitSuccess };
    }
    if (!parser.positionalArguments().isEmpty())
        return usageError(u"unexpected argument: %1."_s.arg(parser.positionalArguments().constFirst()));

    // The file first, then the command line over it.
    std::unique_ptr<QSettings> file;
    if (parser.isSet(u"config"_s)) {
        const QString path = parser.value(u"config"_s);
        if (!QFileInfo(path).isFile())
            return usageError(u"the configuration file %1 does not exist."_s.arg(path));
        file = std::make_unique<QSettings>(path, QSettings::IniFormat);
        if (file->status() != QSettings::NoError)
            return usageError(u"the configuration file %1 cannot be read as INI."_s.arg(path));
        for (const QString &key : file->allKeys()) {
            const bool known = std::any_of(options.cbegin(), options.cend(), [&](const QCommandLineOption &o) {
                return o.names().constFirst() == key && key != u"config";
            });
            if (!known)
                return usageError(u"%1: unknown key \"%2\"."_s.arg(path, key));
        }
    }
    const auto isSet = [&](const QString &name) {
        return parser.isSet(name) || (file && file->contains(name));
    };
    const auto value = [&](const QString &name) {
        return parser.isSet(name) ? parser.value(name) : file ? file->value(name).toString() : QString();
    };
    const auto flag = [&](const QString &name) {
        if (parser.isSet(name))
            return true;
        return file && file->contains(name) && file->value(name).toBool();
    };
    QString problem;
    const auto number = [&](const QString &name, qint64 low, qint64 high, auto &target) {
        if (!isSet(name) || !problem.isEmpty())
            return;
        bool ok = false;
        const qint64 n = value(name).toLongLong(&ok);
        if (!ok || n < low || n > high)
            problem = u"--%1 needs a whole number from %2 to %3."_s.arg(name).arg(low).arg(high);
        else
            target = decltype(target + 0)(n);
    };

    ServerConfig config;
    config.databasePath = value(u"database"_s);
    config.initOnly = flag(u"init-only"_s);
    config.sendTestMailTo = value(u"send-test-mail"_s);
    if (isSet(u"listen"_s)) {
        const auto listen = readListen(value(u"listen"_s));
        if (!listen)
            return usageError(
                u"--listen needs HOST:PORT, e.g. 127.0.0.1:8765 or [::1]:0, not \"%1\"."_s.arg(value(u"listen"_s)));
        config.listenAddress = listen->first;
        config.listenPort = listen->second;
    }
    config.tlsCertificate = value(u"tls-cert"_s);
    config.tlsKey = value(u"tls-key"_s);
    if (config.tlsCertificate.isEmpty() != config.tlsKey.isEmpty())
        return usageError(u"--tls-cert and --tls-key go together."_s);
    // Log-ins carry passwords: in clear only on this machine, or when asked for in so many words.
    if (config.tlsCertificate.isEmpty() && !config.listenAddress.isLoopback() && !flag(u"insecure"_s))
        return usageError(
            u"listening on %1 without TLS would let passwords cross the network unencrypted: give "
            "--tls-cert and --tls-key, or --insecure to accept that."_s.arg(config.listenAddress.toString()));
    if (isSet(u"feed-listen"_s)) {
        const auto listen = readListen(value(u"feed-listen"_s));
        if (!listen)
            return usageError(u"--feed-listen needs HOST:PORT, e.g. 127.0.0.1:8766 or [::1]:0, not \"%1\"."_s.arg(
                value(u"feed-listen"_s)));
        config.publishCalendars = true;
        config.feedAddress = listen->first;
        config.feedPort = listen->second;
    }
    if (isSet(u"feed-url"_s)) {
        if (!config.publishCalendars)
            return usageError(u"--feed-url needs --feed-listen."_s);
        const QUrl url(value(u"feed-url"_s), QUrl::StrictMode);
        if (!url.isValid() || (url.scheme() != u"http" && url.scheme() != u"https") || url.host().isEmpty()
            || url.hasQuery() || url.hasFragment() || !url.userInfo().isEmpty())
            return usageError(u"--feed-url needs an http:// or https:// address without a query, e.g. "
                              "https://rent.example.org/feeds/, not \"%1\"."_s.arg(value(u"feed-url"_s)));
        config.feedUrl = url;
        // A base the calendars' paths are added to: a folder.
        if (!config.feedUrl.path().endsWith(u'/'))
            config.feedUrl.setPath(config.feedUrl.path() + u'/');
    }
    // On every address there is no one address to tell the owners.
    if (config.publishCalendars && config.feedUrl.isEmpty()
        && (config.feedAddress == QHostAddress(QHostAddress::AnyIPv4)
            || config.feedAddress == QHostAddress(QHostAddress::AnyIPv6)
            || config.feedAddress == QHostAddress(QHostAddress::Any)))
        return usageError(
            u"--feed-listen on %1 needs --feed-url, the address booking sites reach the calendars at."_s.arg(
                config.feedAddress.toString()));
    config.calendarFetchPrivate = flag(u"calendar-fetch-private"_s);
    config.smtpUrl = value(u"smtp"_s);
    config.smtpCaFile = value(u"smtp-ca-file"_s);
    config.mailFrom = value(u"mail-from"_s);
    if (!config.smtpUrl.trimmed().isEmpty() || !config.mailFrom.isEmpty()) {
        if (auto mail = net::mail::makeMailConfig(config.smtpUrl, config.smtpCaFile, config.mailFrom); !mail)
            return usageError(mail.error());
    }
    int timeout = 0;
    number(u"smtp-timeout"_s, 1, 3600, timeout);
    if (timeout > 0)
        config.smtpTimeoutSeconds = timeout;
    number(u"max-message-bytes"_s, 1024, 64 * 1024 * 1024, config.maxMessageBytes);
    number(u"ping-seconds"_s, 1, 3600, config.pingSeconds);
    number(u"max-queued-bytes"_s, 1024, qint64(1) << 32, config.maxQueuedBytes);
    number(u"slow-reader-seconds"_s, 1, 3600, config.slowReaderSeconds);
    number(u"cache-mib"_s, 1, 65536, config.cacheMib);
    number(u"max-connections-per-address"_s, 1, 1000000, config.maxConnectionsPerAddress);
    number(u"login-deadline-seconds"_s, 1, 86400, config.loginDeadlineSeconds);
    number(u"login-failures-per-account"_s, 1, 1000000, config.loginFailuresPerAccount);
    number(u"login-failures-per-address"_s, 1, 1000000, config.loginFailuresPerAddress);
    number(u"login-window-seconds"_s, 1, 86400, config.loginWindowSeconds);
    number(u"session-days"_s, 1, 3650, config.sessionDays);
    number(u"signups-per-address"_s, 1, 1000000, config.signUpsPerAddress);
    number(u"signup-window-seconds"_s, 1, 7 * 86400, config.signUpWindowSeconds);
    number(u"welcome-mails-per-domain"_s, 1, 1000000, config.welcomeMailsPerDomain);
    number(u"max-hashing-queue"_s, 4, 100000, config.maxHashingQueue);
    number(u"conversations-per-hour"_s, 1, 1000000, config.conversationsPerHour);
    number(u"tombstone-days"_s, 1, 36500, config.tombstoneDays);
    number(u"calendar-interval"_s, 1, 7 * 86400, config.calendarIntervalSeconds);
    if (!problem.isEmpty())
        return usageError(problem);

    if (!config.sendTestMailTo.isEmpty()) {
        if (auto to = net::mail::parseMailAddress(config.sendTestMailTo); !to)
            return usageError(u"--send-test-mail: "_s + to.error());
        if (config.smtpUrl.trimmed().isEmpty())
            return usageError(u"--send-test-mail needs --smtp URL (or smtp= in the configuration file)."_s);
        return config;
    }
    if (config.databasePath.isEmpty())
        return usageError(u"--database FILE or --database postgresql://… is required."_s);
    return config;
}

} // namespace rentdesk::server
