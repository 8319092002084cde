// SPDX-License-Identifier: GPL-3.0-or-later
#include "server/serverapp.h"

#include "models/db/advisorylock.h"
#include "models/db/database.h"
#include "models/db/walcheckpointer.h"
#include "models/services/clock.h"
#include "models/services/mode.h"
#include "net/mail/mailcommand.h"
#include "net/mail/mailconfig.h"
#include "net/mail/outboxsender.h"
#include "net/secrets/secretstore.h"
#include "server/calendarfeedserver.h"
#include "server/chatserver.h"
#include "server/peerbus.h"
#include "server/router.h"
#include "server/shutdownsignal.h"

#include <QCoreApplication>
#include <QLoggingCategory>
#include <QTextStream>

#include <memory>
#include <optional>

namespace rentdesk::server {

using namespace Qt::StringLiterals;

Q_LOGGING_CATEGORY(lcApp, "rentdesk.server.app", QtInfoMsg)

namespace {

int fail(int code, const QString &message)
{
    net::mail::printCommandLine(stderr, message);
    return code;
}

net::mail::SmtpClient::Timeouts timeoutsOf(const ServerConfig &config)
{
    net::mail::SmtpClient::Timeouts timeouts;
    if (config.smtpTimeoutSeconds) {
        timeouts.connect = std::chrono::seconds(*config.smtpTimeoutSeconds);
        timeouts.reply = std::chrono::seconds(*config.smtpTimeoutSeconds);
    }
    return timeouts;
}

} // namespace

namespace {
// The advisory lock of the server that sends the shared outbox's mail ("RDMAIL").
constexpr qint64 MailLockKey = 0x52444D41494C;
// The advisory lock of the server that checks the followed calendars periodically ("RDCALS").
constexpr qint64 CalendarLockKey = 0x524443414C53;
} // namespace

int runServer(const ServerConfig &config)
{
    const auto mail = net::mail::makeMailConfig(config.smtpUrl, config.smtpCaFile, config.mailFrom);
    if (!mail)
        return fail(ServerExitUsage, mail.error());
    if (!config.sendTestMailTo.isEmpty()) {
        const auto secrets = net::secrets::makeSecretStore();
        return net::mail::runTestMail(*mail, *secrets, config.sendTestMailTo, timeoutsOf(config));
    }

    models::db::Database::Options options;
    options.cacheMib = config.cacheMib;
    auto opened = models::db::Database::open(config.databasePath, options);
    if (!opened)
        return fail(ServerExitDatabaseError, opened.error().message);
    const std::shared_ptr<models::db::Database> database = std::move(*opened);
    if (auto claimed = models::services::claimForServer(*database); !claimed)
        return fail(ServerExitDatabaseError, database->path() + u": "_s + claimed.error().message);
    if (config.initOnly) {
        QTextStream(stdout) << database->path() << u" is ready (schema version "_s << database->schemaVersion()
                            << u").\n"_s;
        return ServerExitSuccess;
    }

    // The event loop's thread writes every chat message; the fsyncs of checkpoints happen
    // elsewhere, so that no one's message waits for the disk. (SQLite only: PostgreSQL's own
    // checkpointer does this for it.)
    std::optional<models::db::WalCheckpointer> checkpointer;
    if (database->engine() == models::db::Engine::Sqlite)
        checkpointer.emplace(database);
    const models::services::SystemClock clock;
    Router router(database, clock, config);
    // Servers that share a PostgreSQL database relay what they push to each other's
    // connections, and one of them at a time sends the shared outbox's mail.
    std::unique_ptr<PeerBus> peers;
    if (database->engine() == models::db::Engine::Postgres) {
        auto bus = PeerBus::open(database);
        if (!bus)
            return fail(ServerExitDatabaseError, database->path() + u": "_s + bus.error());
        peers = std::move(*bus);
        router.setPeers(peers.get());
    }
    ChatServer server(config, router);
    const auto port = server.listen();
    if (!port)
        return fail(ServerExitListenFailed, port.error());
    // The calendars over HTTP, on a port of their own (--feed-listen), for booking sites.
    std::unique_ptr<CalendarFeedServer> feeds;
    if (config.publishCalendars) {
        feeds = std::make_unique<CalendarFeedServer>(database, clock, config.feedUrl);
        const auto feedPort = feeds->start(config.feedAddress, config.feedPort);
        if (!feedPort)
            return fail(ServerExitListenFailed, feedPort.error());
        router.setCalendarFeedBase(feeds->baseUrl());
    }

    // The mail the services queue (a sign-up's welcome), sent by the server as the
    // authority; without --smtp it waits in the outbox.
    std::unique_ptr<net::secrets::SecretStore> secrets = net::secrets::makeSecretStore();
    std::unique_ptr<net::mail::OutboxSender> sender;
    QString mailPassword;
    bool passwordRead = false;
    const auto startSending = [&] {
        sender = std::make_unique<net::mail::OutboxSender>(database, clock);
        net::mail::OutboxSender::Options senderOptions;
        senderOptions.timeouts = timeoutsOf(config);
        sender->setOptions(senderOptions);
        QObject::connect(sender.get(), &net::mail::OutboxSender::stateChanged, sender.get(),
                         [s = sender.get()](net::mail::OutboxSender::State state) {
                             if (state == net::mail::OutboxSender::State::Failing)
                                 qCWarning(lcApp) << "mail:" << s->problem();
                         });
        if (passwordRead)
            sender->configure(*mail, mailPassword);
    };
    QObject::connect(&router, &Router::mailQueued, &router, [&] {
        if (sender)
            sender->wake();
        if (peers)
            peers->mailQueued();
    });
    std::unique_ptr<models::db::AdvisoryLock> mailLock;
    if (peers) {
        QObject::connect(peers.get(), &PeerBus::mailWaiting, &router, [&] {
            if (sender)
                sender->wake();
        });
        // One sender for the shared outbox: the server that holds the lock, until it loses it.
        mailLock = std::make_unique<models::db::AdvisoryLock>(database, MailLockKey, u"mail"_s);
        QObject::connect(mailLock.get(), &models::db::AdvisoryLock::acquired, &router, startSending);
        QObject::connect(mailLock.get(), &models::db::AdvisoryLock::lost, &router, [&] { sender.reset(); });
    } else {
        startSending();
    }
    net::mail::readPassword(*secrets, *mail, &router, [&](const QString &password, const QString &problem) {
        if (!problem.isEmpty())
            qCWarning(lcApp) << "mail:" << problem;
        mailPassword = password;
        passwordRead = true;
        if (sender)
            sender->configure(*mail, password);
    });
    if (mailLock)
        mailLock->start();
    // Other sites' calendars, checked every --calendar-interval by one of the servers that share
    // a database (each calendar once, not once per server).
    std::unique_ptr<models::db::AdvisoryLock> calendarLock;
    if (peers) {
        calendarLock = std::make_unique<models::db::AdvisoryLock>(database, CalendarLockKey, u"calendars"_s);
        QObject::connect(calendarLock.get(), &models::db::AdvisoryLock::acquired, &router,
                         [&router] { router.startCalendarChecks(); });
        QObject::connect(calendarLock.get(), &models::db::AdvisoryLock::lost, &router,
                         [&router] { router.stopCalendarChecks(); });
        calendarLock->start();
    } else {
        router.startCalendarChecks();
    }

    ShutdownSignal shutdown;
    if (!shutdown.isValid())
        return fail(ServerExitListenFailed, u"cannot catch SIGTERM"_s);
    int exitCode = ServerExitSuccess;
    bool stopping = false;
    QObject::connect(&shutdown, &ShutdownSignal::requested, &server, [&](int signalNumber) {
        if (stopping)
            return;
        stopping = true;
        qCInfo(lcApp) << "signal" << signalNumber << "received, shutting down";
        server.shutdown();
    });
    QObject::connect(&server, &ChatServer::finished, &server, [&] {
        router.drain();
        QCoreApplication::exit(exitCode);
    });

    // One line, once listening, so that a script (or a test) that asked for port 0 learns the
    // port; the calendar feed's first, so that it is there when the other is read.
    if (feeds) {
        QTextStream out(stdout);
        out << u"rentdesk-server: calendar feeds on "_s << feeds->localUrl().toString();
        if (feeds->baseUrl() != feeds->localUrl())
            out << u", published as "_s << feeds->baseUrl().toString();
        out << u'\n' << Qt::flush;
        qCInfo(lcApp) << "calendar feeds on" << feeds->localUrl() << "published as" << feeds->baseUrl();
    }
    QTextStream(stdout) << u"rentdesk-server: listening on "_s << server.url() << u'\n' << Qt::flush;
    qCInfo(lcApp) << "listening on" << server.url() << "database" << database->path();
    return QCoreApplication::exec();
}

} // namespace rentdesk::server
