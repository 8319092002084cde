// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QHostAddress>
#include <QString>
#include <QStringList>
#include <QUrl>

#include <optional>
#include <variant>

namespace rentdesk::server {

// Everything rentdesk-server can be told, from its command line and from an INI file
// (--config FILE, keys named as the long options, e.g. "listen=127.0.0.1:8765"); an option
// on the command line wins over the file.
struct ServerConfig
{
    QString databasePath;
    bool initOnly = false;
    QString sendTestMailTo;

    // --listen HOST:PORT; port 0 takes a free one, printed once listening.
    QHostAddress listenAddress = QHostAddress(QHostAddress::LocalHost);
    quint16 listenPort = 8765;
    QString tlsCertificate; // PEM; with tlsKey the server speaks wss://
    QString tlsKey;

    // --feed-listen HOST:PORT: the apartments' calendars over HTTP, on a port of their own
    // (server/calendarfeedserver.h); off unless given. --feed-url: the base of the addresses the
    // owners are given, when the feed is published behind a proxy (always ends with "/");
    // empty for http://<feed address>:<port>/.
    bool publishCalendars = false;
    QHostAddress feedAddress;
    quint16 feedPort = 0;
    QUrl feedUrl;

    // The calendars the apartments follow (calendar.subscribe): checked every this many seconds
    // (--calendar-interval, default three hours), and fetched only from public addresses unless
    // the operator allows the server's own networks (--calendar-fetch-private: loopback,
    // private, link-local and the like, for a test or a calendar server on the same network).
    int calendarIntervalSeconds = 3 * 3600;
    bool calendarFetchPrivate = false;

    // Mail, as the desktop app reads it (README.md, Mail).
    QString smtpUrl;
    QString smtpCaFile;
    QString mailFrom;
    std::optional<int> smtpTimeoutSeconds;

    // docs/protocol.md, Transport.
    qint64 maxMessageBytes = 65536;
    int maxChatChars = 4000;
    int pingSeconds = 30;
    qint64 maxQueuedBytes = 1 << 20;
    // More than maxQueuedBytes unread for longer than this closes a client (1008); past
    // ClientConnection::HardQueueFactor times maxQueuedBytes it is closed at once.
    int slowReaderSeconds = 10;
    // SQLite's page cache of each of the server's connections: a first pull reads its rows and
    // their parents' places in the feed all over the database.
    int cacheMib = 64;
    // Connections with a completed handshake from one address (IPv4) or one /64 (IPv6); more are
    // closed at once (1008).
    int maxConnectionsPerAddress = 32;
    // A connection without a session (from its opening, or from its log-out) for this long is
    // closed (1008): sockets that never log in do not stay for ever.
    int loginDeadlineSeconds = 60;
    // Log-ins judged per account and per address within the window — failed ones, and those
    // being checked, which take their place when they start — then rate_limited until the
    // window has passed.
    int loginFailuresPerAccount = 5;
    int loginFailuresPerAddress = 20;
    int loginWindowSeconds = 60;
    int sessionDays = 30;
    // Accounts made from one address within the window (sign-ups being hashed take a place).
    int signUpsPerAddress = 5;
    int signUpWindowSeconds = 3600;
    // Welcome mails per recipient domain and hour; past it a sign-up makes its account
    // without one, so that the server cannot be used to mail strangers in bulk.
    int welcomeMailsPerDomain = 20;
    // Password hashes waiting or running for log-ins; sign-ups may have a quarter as many.
    // Past either, server_busy at once.
    int maxHashingQueue = 64;
    // Conversations one user may start with others per hour.
    int conversationsPerHour = 30;
    // How long the change feed keeps a deleted row's tombstone for replicas that have not pulled
    // it yet; a replica away for longer gets a full resync.
    int tombstoneDays = 90;
};

// Exit codes of rentdesk-server; 3, 4 and 10–22 are the mail commands' (mail/mailcommand.h).
enum ServerExitCode : int {
    ServerExitSuccess = 0,
    ServerExitDatabaseError = 1, // the database could not be created, opened or migrated
    ServerExitUsage = 2, // unknown option or bad value, in the command line or the file
    ServerExitListenFailed = 5, // the address cannot be listened on, or TLS files do not load
};

// Parsing finished the run: --help or --version printed, or the usage was wrong (one line on
// stderr naming the problem).
struct ParseFinished
{
    int exitCode = ServerExitSuccess;
};

[[nodiscard]] std::variant<ServerConfig, ParseFinished> parseServerCommandLine(const QStringList &arguments);

} // namespace rentdesk::server
