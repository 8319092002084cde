// SPDX-License-Identifier: GPL-3.0-or-later
//
// rentdesk-bench --chat: starts the real rentdesk-server (a separate process) on a temporary
// database on 127.0.0.1:0, signs up and logs in N clients in this process (client 2k chats
// with 2k+1) and starts their conversations, all before any timing; then
//   throughput: for S seconds every client keeps a window of chat.send requests outstanding;
//     a message counts as relayed once its sender has the ack and its recipient the push;
//   latency: a fixed total rate (1000 a second by default) spread over the clients by a timer,
//     each message timed from its send to the recipient's push.
// Prints one JSON object; a measurement, not a test. Build it in release.
//
//   rentdesk-bench --chat --clients 100 --seconds 10 --json

#include "bench/chatbench.h"

#include "bench/benchserver.h"
#include "bench/benchsupport.h"
#include "bench/chatload.h"
#include "models/db/engine.h"
#include "tests/support/postgrescluster.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTextStream>
#include <QThread>

#include <algorithm>
#include <barrier>
#include <optional>
#include <vector>

namespace rentdesk::bench {

using namespace Qt::StringLiterals;

namespace {

// What the server stored, read after it stopped: every message once, seq without gaps.
struct Stored
{
    qint64 messages = -1;
    qint64 lastSeqs = -1; // the sum over conversations of last_seq: messages when nothing is missing
};

Stored readStored(const QString &database)
{
    Stored stored;
    {
        QSqlDatabase db;
        if (models::db::isPostgresUrl(database)) {
            db = QSqlDatabase::addDatabase(u"QPSQL"_s, u"chatbench"_s);
            const QUrl url(database);
            db.setHostName(url.host());
            db.setPort(url.port());
            db.setUserName(url.userName());
            db.setDatabaseName(url.path().mid(1));
        } else {
            db = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"chatbench"_s);
            db.setDatabaseName(database);
            db.setConnectOptions(u"QSQLITE_OPEN_READONLY"_s);
        }
        if (db.open()) {
            QSqlQuery query(db);
            if (query.exec(u"SELECT (SELECT count(*) FROM chat_messages), (SELECT sum(last_seq) FROM conversations)"_s)
                && query.next()) {
                stored.messages = query.value(0).toLongLong();
                stored.lastSeqs = query.value(1).toLongLong();
            }
        }
    }
    QSqlDatabase::removeDatabase(u"chatbench"_s);
    return stored;
}

// What the clients of one thread, or of all of them, measured.
struct Figures
{
    qint64 sent = 0; // in the throughput phase
    qint64 relayed = 0; // acked and pushed before its end
    qint64 throughputErrors = 0;
    qint64 latencyErrors = 0; // refused, or never pushed
    double throughputCpu = 0; // of the busiest thread, in seconds
    double latencyCpu = 0;
    std::vector<qint64> latencies; // send to push, ns
    std::vector<qint64> ackLatencies; // send to ack, ns

    void add(const Figures &other)
    {
        sent += other.sent;
        relayed += other.relayed;
        throughputErrors += other.throughputErrors;
        latencyErrors += other.latencyErrors;
        throughputCpu = std::max(throughputCpu, other.throughputCpu);
        latencyCpu = std::max(latencyCpu, other.latencyCpu);
        latencies.insert(latencies.end(), other.latencies.cbegin(), other.latencies.cend());
        ackLatencies.insert(ackLatencies.end(), other.ackLatencies.cbegin(), other.ackLatencies.cend());
    }
};

} // namespace

namespace {

struct ChatOptions
{
    int clients;
    double seconds;
    double rate;
    int window;
    int threads;
    QString program;
};

// One measurement: serverCount servers of `program` on `database` (a file or a URL), the
// clients spread over them.
std::optional<QJsonObject> measureChat(const ChatOptions &options, const QString &database, int serverCount,
                                       const QString &folder);

} // namespace

int runChatBench(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        u"Relays chat through a real rentdesk-server on loopback and prints the figures as JSON."_s);
    parser.addHelpOption();
    const QCommandLineOption chatOption(u"chat"_s, u"Measure the chat server (this mode)."_s);
    const QCommandLineOption clientsOption(u"clients"_s, u"Clients, an even number (default 100)."_s, u"n"_s, u"100"_s);
    const QCommandLineOption secondsOption(u"seconds"_s, u"Length of each phase (default 10)."_s, u"s"_s, u"10"_s);
    const QCommandLineOption rateOption(u"rate"_s, u"Messages a second in the latency phase (default 1000)."_s, u"n"_s,
                                        u"1000"_s);
    const QCommandLineOption windowOption(
        u"window"_s, u"chat.send requests each client keeps outstanding (default 32)."_s, u"n"_s, u"32"_s);
    const QCommandLineOption threadsOption(u"client-threads"_s, u"Threads the clients are spread over (default 1)."_s,
                                           u"n"_s, u"1"_s);
    const QCommandLineOption serverOption(u"server"_s, u"The rentdesk-server binary (default: the build tree's)."_s,
                                          u"path"_s, QStringLiteral(RENTDESK_SERVER));
    const QCommandLineOption jsonOption(u"json"_s, u"Print one JSON object (the default and only format)."_s);
    const QCommandLineOption engineOption(
        u"engine"_s,
        u"sqlite (the default), postgresql (one server, then two on one database, on a throw-away cluster), or all "
        "(each, in one run)."_s,
        u"engine"_s, u"sqlite"_s);
    parser.addOptions({ chatOption, clientsOption, secondsOption, rateOption, windowOption, threadsOption, serverOption,
                        jsonOption, engineOption });
    parser.process(arguments);
    const int clients = parser.value(clientsOption).toInt();
    const double seconds = parser.value(secondsOption).toDouble();
    const double rate = parser.value(rateOption).toDouble();
    const int window = parser.value(windowOption).toInt();
    const int threads = parser.value(threadsOption).toInt();
    if (clients < 2 || clients % 2 != 0 || seconds <= 0 || rate <= 0 || window < 1 || window > 64 || threads < 1
        || clients / 2 < threads) {
        fail(u"--clients needs an even number of at least 2 (a pair per thread), --seconds and --rate a positive "
             "number, --window 1 to 64"_s);
        return 2;
    }

    const QString engine = parser.value(engineOption);
    if (engine != u"sqlite" && engine != u"postgresql" && engine != u"all") {
        fail(u"--engine is sqlite, postgresql or all"_s);
        return 2;
    }
    const ChatOptions options { clients, seconds, rate, window, threads, parser.value(serverOption) };
    QJsonObject results;
    bool complete = true;
    const auto record = [&](const QString &name, const std::optional<QJsonObject> &measured) {
        complete = complete && measured && measured->value(u"complete"_s).toBool();
        results.insert(name, measured ? *measured : QJsonObject { { u"failed"_s, true } });
    };
    if (engine != u"postgresql") {
        QTemporaryDir dir;
        record(u"sqlite"_s, measureChat(options, dir.filePath(u"server.sqlite"_s), 1, dir.path()));
    }
    if (engine != u"sqlite") {
        // A throw-away cluster of the bench's own (as the tests start theirs), with a database
        // for one server and one for two servers sharing it.
        test::PostgresCluster cluster;
        if (!cluster.start()) {
            fail(u"PostgreSQL: "_s + cluster.errorString());
            return 1;
        }
        qputenv("PGPASSWORD", cluster.password().toUtf8());
        for (const int servers : { 1, 2 }) {
            const QString name = u"chat_%1"_s.arg(servers);
            if (!cluster.createDatabase(name)) {
                fail(u"PostgreSQL: "_s + cluster.errorString());
                return 1;
            }
            QTemporaryDir dir;
            record(servers == 1 ? u"postgresql"_s : u"postgresql_two_servers"_s,
                   measureChat(options, cluster.url(name), servers, dir.path()));
        }
    }
    QJsonObject printed = results.size() == 1 ? results.begin()->toObject() : results;
    if (results.size() > 1) {
        printed.insert(u"mode"_s, u"chat"_s);
        printed.insert(u"cores"_s, QThread::idealThreadCount());
        printed.insert(u"cpu"_s, cpuModel());
    }
    QTextStream(stdout) << QJsonDocument(printed).toJson(QJsonDocument::Compact) << u'\n';
    return complete ? 0 : 1;
}

namespace {

std::optional<QJsonObject> measureChat(const ChatOptions &options, const QString &database, int serverCount,
                                       const QString &folder)
{
    const auto [clients, seconds, rate, window, threads, program] = options;
    const double loadBefore = loadAverage();
    std::vector<std::unique_ptr<BenchServer>> servers;
    QList<QUrl> urls;
    for (int i = 0; i < serverCount; ++i) {
        const QString home = folder + u"/server%1"_s.arg(i);
        QDir().mkpath(home);
        servers.push_back(std::make_unique<BenchServer>(program, database, home));
        if (!servers.back()->start()) {
            fail(u"rentdesk-server did not start: "_s + servers.back()->errors());
            return std::nullopt;
        }
        urls << servers.back()->url();
    }
    const auto cpuOfServers = [&] {
        double total = 0;
        for (const auto &server : servers)
            total += server->cpuSeconds();
        return total;
    };

    // The pairs split over the threads; each group lives, is set up and runs on its own.
    const qint64 phaseNs = qint64(seconds * 1e9);
    const qint64 latencyTotal = qint64(rate * seconds);
    struct Group
    {
        std::unique_ptr<ChatLoad> load;
        bool ready = false;
        QString problem;
        Figures figures;
    };
    std::vector<Group> groups(static_cast<size_t>(threads));
    std::barrier sync(threads + 1);
    qint64 throughputStart = 0;
    qint64 latencyStart = 0;
    const auto runGroup = [&](int g) {
        const int pairs = clients / 2;
        const int first = 2 * (pairs * g / threads);
        const int count = 2 * (pairs * (g + 1) / threads) - first;
        Group &group = groups[size_t(g)];
        group.load = std::make_unique<ChatLoad>(g, first, count);
        group.ready = group.load->setUp(urls, 300000);
        group.problem = group.load->problem();
        sync.arrive_and_wait(); // set up
        sync.arrive_and_wait(); // start times decided
        if (group.ready) {
            group.load->runThroughput(throughputStart, throughputStart + phaseNs, window);
            group.figures.relayed = group.load->relayedBy(throughputStart + phaseNs);
            group.figures.sent = qint64(group.load->messages().size());
            group.figures.throughputErrors = group.load->errors();
            group.figures.throughputCpu = group.load->threadCpuSeconds();
        }
        sync.arrive_and_wait(); // throughput measured
        sync.arrive_and_wait(); // latency start decided
        if (group.ready) {
            const qint64 share = latencyTotal * (g + 1) / threads - latencyTotal * g / threads;
            group.load->runLatency(latencyStart, rate * double(share) / double(latencyTotal), share);
            for (const MessageTimes &m : group.load->messages()) {
                if (m.pushed != 0)
                    group.figures.latencies.push_back(m.pushed - m.sent);
                if (m.acked != 0)
                    group.figures.ackLatencies.push_back(m.acked - m.sent);
            }
            // A refused message is never pushed either.
            group.figures.latencyErrors =
                qint64(group.load->messages().size()) - qint64(group.figures.latencies.size());
            group.figures.latencyCpu = group.load->threadCpuSeconds();
        }
        sync.arrive_and_wait(); // latency measured
        group.load.reset(); // on its own thread, where its sockets live
    };
    std::vector<std::unique_ptr<QThread>> workers;
    for (int g = 0; g < threads; ++g) {
        workers.emplace_back(QThread::create(runGroup, g));
        workers.back()->start();
    }

    QElapsedTimer setupTimer;
    setupTimer.start();
    sync.arrive_and_wait();
    const double setupSeconds = double(setupTimer.nsecsElapsed()) / 1e9;
    const bool ready = std::all_of(groups.cbegin(), groups.cend(), [](const Group &g) { return g.ready; });
    throughputStart = nowNs() + 200000000; // every thread sends its first messages at the same moment
    const double serverCpu0 = cpuOfServers();
    const double benchCpu0 = processCpuSeconds();
    sync.arrive_and_wait();
    sync.arrive_and_wait();
    const double serverCpu1 = cpuOfServers();
    const double benchCpu1 = processCpuSeconds();
    latencyStart = nowNs() + 500000000; // after a pause in which the server's queues empty
    sync.arrive_and_wait();
    sync.arrive_and_wait();
    const double serverCpu2 = cpuOfServers();
    const double benchCpu2 = processCpuSeconds();
    for (const auto &worker : workers)
        worker->wait();

    int exitCode = 0;
    QString warnings;
    for (const auto &server : servers) {
        exitCode = std::max(exitCode, server->stop());
        warnings += server->warnings(20);
    }
    if (!ready) {
        for (const Group &group : groups) {
            if (!group.problem.isEmpty())
                fail(group.problem);
        }
        for (const auto &server : servers)
            fail(u"set-up failed; the server said:\n"_s + server->errors().right(4000));
        return std::nullopt;
    }

    Figures all;
    for (const Group &group : groups)
        all.add(group.figures);
    const Stored stored = readStored(database);
    const qint64 acceptedTotal = all.sent - all.throughputErrors + qint64(all.ackLatencies.size());
    const double latencySeconds = double(latencyTotal) / rate;

    QJsonObject result {
        { u"mode"_s, u"chat"_s },
        { u"engine"_s, models::db::isPostgresUrl(database) ? u"postgresql"_s : u"sqlite"_s },
        { u"servers"_s, serverCount },
        { u"clients"_s, clients },
        { u"seconds"_s, seconds },
        { u"rate"_s, rate },
        { u"window"_s, window },
        { u"client_threads"_s, threads },
        { u"cores"_s, QThread::idealThreadCount() },
        { u"cpu"_s, cpuModel() },
        { u"load_average_before"_s, loadBefore },
        { u"setup_s"_s, setupSeconds },
        // Throughput.
        { u"sent"_s, all.sent },
        { u"relayed"_s, all.relayed },
        { u"relayed_per_s"_s, double(all.relayed) / seconds },
        { u"throughput_errors"_s, all.throughputErrors },
        // Where the time went: CPU seconds per second of the phase (1.0 is one core).
        { u"throughput_server_cpu"_s, (serverCpu1 - serverCpu0) / seconds },
        { u"throughput_bench_cpu"_s, (benchCpu1 - benchCpu0) / seconds },
        { u"throughput_busiest_client_thread_cpu"_s, all.throughputCpu / seconds },
        // Latency at a fixed rate.
        { u"latency_count"_s, qint64(all.latencies.size()) },
        { u"latency_p50_ms"_s, percentileMs(all.latencies, 0.50) },
        { u"latency_p99_ms"_s, percentileMs(all.latencies, 0.99) },
        { u"latency_max_ms"_s, percentileMs(all.latencies, 1.0) },
        { u"ack_p50_ms"_s, percentileMs(all.ackLatencies, 0.50) },
        { u"ack_p99_ms"_s, percentileMs(all.ackLatencies, 0.99) },
        { u"latency_errors"_s, all.latencyErrors },
        { u"latency_server_cpu"_s, (serverCpu2 - serverCpu1) / latencySeconds },
        { u"latency_bench_cpu"_s, (benchCpu2 - benchCpu1) / latencySeconds },
        { u"latency_busiest_client_thread_cpu"_s, all.latencyCpu / latencySeconds },
        // What the server kept, read after it stopped.
        { u"stored_messages"_s, stored.messages },
        { u"stored_seq_gaps"_s, stored.lastSeqs - stored.messages },
        { u"server_exit_code"_s, exitCode },
        { u"peak_rss_mb"_s, peakRssMb() },
    };
    const bool complete = all.throughputErrors == 0 && all.latencyErrors == 0 && stored.messages == acceptedTotal
        && stored.lastSeqs == stored.messages && exitCode == 0;
    result.insert(u"complete"_s, complete);
    if (!complete) {
        fail(u"not every message was stored, acknowledged and delivered once (%1 of %2 acknowledged messages "
             "stored, %3 refused, %4 not delivered, server exit code %5); the servers said:\n%6"_s.arg(stored.messages)
                 .arg(acceptedTotal)
                 .arg(all.throughputErrors)
                 .arg(all.latencyErrors)
                 .arg(exitCode)
                 .arg(warnings));
    }
    return result;
}

} // namespace

} // namespace rentdesk::bench
