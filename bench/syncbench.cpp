// SPDX-License-Identifier: GPL-3.0-or-later
//
// rentdesk-bench --sync: the desktop's sync engine (models/sync Replica, net/sync SyncClient)
// against the real rentdesk-server, a separate process on 127.0.0.1:0, with data of its own:
//   first pull: the demo generator fills a standalone database with N apartments and their
//     buildings, people, bookings and reviews, as rentdesk --demo-apartments does; the server
//     claims it when it starts (every row enters the change feed); a renter's empty replica
//     pulls everything the renter may see;
//   push: that renter and a landlord, both synced, go offline and make M changes between
//     them through the services; timed from connecting again until the server has
//     acknowledged every mutation;
//   poke: C clients on a second server with a smaller dataset (a landlord, renters, and a few
//     landlords looking on), each synced first; the landlord changes an apartment's price and
//     pushes, and every renter is timed until its replica shows the new price.
// With --engine postgresql the same parts run on a throw-away PostgreSQL 15 cluster the bench
// starts (the generated file's rows loaded into a database of it, postgresload.h), first with
// one server, then with two servers on one database: the renter and the landlord of the push
// on different servers, the poke's clients spread over both; --engine all runs SQLite too, on
// the same generated data, and prints each under its name.
// Prints one JSON object; a measurement, not a test. Build it in release.
//
//   rentdesk-bench --sync --apartments 200000 --json
//   rentdesk-bench --sync --engine all --json

#include "bench/syncbench.h"

#include "bench/benchserver.h"
#include "bench/benchsupport.h"
#include "bench/offlinechanges.h"
#include "bench/pokeload.h"
#include "bench/postgresload.h"
#include "bench/syncdesktop.h"
#include "models/db/engine.h"
#include "models/db/query.h"
#include "models/demo/demogenerator.h"
#include "models/domain/storedvalues.h"
#include "tests/support/postgrescluster.h"

#include <QCommandLineParser>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMap>
#include <QTemporaryDir>
#include <QTextStream>
#include <QThread>

#include <algorithm>
#include <barrier>
#include <functional>
#include <limits>
#include <malloc.h>
#include <memory>
#include <optional>
#include <vector>

namespace rentdesk::bench {

using namespace Qt::StringLiterals;
using net::connection::ServerConnection;
using net::sync::SyncClient;

namespace {

// A claim of 200 000 apartments fills the feed with 1.5 million rows before the server listens.
constexpr int ServerStartMs = 30 * 60 * 1000;
constexpr int FirstPullMs = 60 * 60 * 1000;
constexpr int SetUpMs = 10 * 60 * 1000;
constexpr int ChangeMs = 10000;
// Between two changes of the poke measurement, so that each finds the clients idle.
constexpr int ChangeGapMs = 20;

struct Options
{
    int apartments = 0;
    int mutations = 0;
    int clients = 0;
    int changes = 0;
    int pokeApartments = 0;
    int threads = 0;
    quint64 seed = 0;
    QString server;
    QString engine;
    QDate today;
    qint64 postmaster = 0; // the PostgreSQL cluster's, when there is one
};

// Where one measurement runs: a copy of the generated file, or a PostgreSQL database loaded
// from it, with one server or two on it.
struct Target
{
    QString name; // the key of its figures: sqlite, postgresql, postgresql_two_servers
    bool postgres = false;
    int servers = 1;
};

QList<Target> targetsOf(const QString &engine)
{
    QList<Target> targets;
    if (engine != u"postgresql")
        targets << Target { u"sqlite"_s, false, 1 };
    if (engine != u"sqlite")
        targets << Target { u"postgresql"_s, true, 1 } << Target { u"postgresql_two_servers"_s, true, 2 };
    return targets;
}

// The servers of one measurement on one database (a file or a URL), started one after the
// other: the first claims a standalone database, the others find it claimed.
class ServerGroup final
{
public:
    bool start(const QString &program, const QString &database, int count, const QString &folder)
    {
        for (int i = 0; i < count; ++i) {
            const QString home = folder + u"/server%1"_s.arg(i);
            QDir().mkpath(home);
            m_servers.push_back(std::make_unique<BenchServer>(program, database, home));
            if (!m_servers.back()->start(ServerStartMs)) {
                fail(u"rentdesk-server did not start: "_s + m_servers.back()->errors().right(4000));
                return false;
            }
        }
        return true;
    }
    // Server i, counted round the group: clients spread over the servers by their number.
    [[nodiscard]] BenchServer &operator[](size_t i) const { return *m_servers[i % m_servers.size()]; }
    [[nodiscard]] double cpuSeconds() const
    {
        double total = 0;
        for (const auto &server : m_servers)
            total += server->cpuSeconds();
        return total;
    }
    [[nodiscard]] double peakRssMb() const
    {
        double peak = -1;
        for (const auto &server : m_servers)
            peak = std::max(peak, server->peakRssMb());
        return peak;
    }
    bool resetPeakRss() const
    {
        return std::all_of(m_servers.cbegin(), m_servers.cend(),
                           [](const auto &server) { return server->resetPeakRss(); });
    }
    // Stops every server: 0 when each ended by itself with 0, else the first other exit code.
    int stop()
    {
        int code = 0;
        for (const auto &server : m_servers) {
            if (const int exited = server->stop(); exited != 0 && code == 0)
                code = exited;
        }
        return code;
    }
    [[nodiscard]] QString warnings(int lines) const
    {
        QStringList said;
        for (const auto &server : m_servers)
            said << server->warnings(lines);
        return said.join(u'\n');
    }

private:
    std::vector<std::unique_ptr<BenchServer>> m_servers;
};

// A standalone database filled by the demo generator. Dated today, not at the other
// benchmarks' fixed date: the server's time step runs on the real clock, and would otherwise
// complete and decline everything the data has ahead of that date.
std::expected<models::demo::DemoSummary, QString> generate(const QString &path, int apartments, const Options &options)
{
    auto opened = models::db::Database::open(path);
    if (!opened)
        return std::unexpected(opened.error().message);
    auto generated = models::demo::generateDemoData(**opened, { options.seed, apartments, options.today });
    if (!generated)
        return std::unexpected(generated.error().message);
    return *generated;
}

double secondsSince(qint64 startNs, qint64 endNs)
{
    return double(endNs - startNs) / 1e9;
}

// The CPU seconds PostgreSQL has spent so far (its postmaster and backends), which on SQLite are
// the server's own; nullopt on SQLite.
std::optional<double> databaseCpu(const Options &options, const QString &database)
{
    if (!models::db::isPostgresUrl(database) || options.postmaster == 0)
        return std::nullopt;
    return cpuSecondsOf(options.postmaster, true);
}

double fileMb(const QString &path)
{
    return double(QFileInfo(path).size() + QFileInfo(path + u"-wal"_s).size()) / (1024.0 * 1024.0);
}

qint64 replicaRows(const SyncDesktop &desktop)
{
    const QSqlDatabase db = connectionOf(*desktop.database());
    auto rows = models::db::scalar(db,
                                   u"SELECT (SELECT count(*) FROM users) + (SELECT count(*) FROM buildings) + "
                                   "(SELECT count(*) FROM apartments) + (SELECT count(*) FROM bookings) + "
                                   "(SELECT count(*) FROM reviews)"_s);
    return rows ? rows->toLongLong() : -1;
}

// How many of each mutation the replica has queued.
void countKinds(SyncDesktop &desktop, QJsonObject &kinds)
{
    const auto queue = desktop.replica().queue();
    for (const models::sync::QueuedMutation &entry : queue.value_or(QList<models::sync::QueuedMutation>()))
        kinds.insert(entry.mutation.name, kinds.value(entry.mutation.name).toInt() + 1);
}

bool settle(const std::function<bool()> &done, const QList<const SyncDesktop *> &desktops, int timeoutMs,
            const QString &what)
{
    const bool inTime = waitFor(
        [&] {
            return done() || std::any_of(desktops.cbegin(), desktops.cend(), [](const SyncDesktop *d) {
                       return !d->problem().isEmpty();
                   });
        },
        timeoutMs);
    for (const SyncDesktop *desktop : desktops) {
        if (!desktop->problem().isEmpty()) {
            fail(what + u": "_s + desktop->problem());
            return false;
        }
    }
    if (!inTime)
        fail(what + u": not in time"_s);
    return inTime;
}

// The database of one measurement: a copy of the generated file, or a copy of a PostgreSQL
// database the file's rows are loaded into (how long that took goes into figures, under
// figurePrefix). loads: what was loaded before, by generated file.
std::optional<QString> databaseFor(const Target &target, const QString &generated, const QString &folder,
                                   test::PostgresCluster *cluster, QHash<QString, PostgresLoad> &loads,
                                   const QString &name, const QString &figurePrefix, QJsonObject &figures)
{
    if (!target.postgres) {
        const QString path = folder + u"/server.sqlite"_s;
        if (QFile::exists(generated + u"-wal"_s) || !QFile::copy(generated, path)) {
            fail(u"could not copy the generated database to "_s + path);
            return std::nullopt;
        }
        return path;
    }
    // The generated file is loaded once, into a database no server uses, and each measurement
    // gets a copy of that (CREATE DATABASE … TEMPLATE copies its files).
    const QString loaded = QFileInfo(generated).completeBaseName() + u"_loaded"_s;
    if (!loads.contains(generated)) {
        if (!cluster->createDatabase(loaded)) {
            fail(u"PostgreSQL: "_s + cluster->errorString());
            return std::nullopt;
        }
        const auto load = copyIntoPostgres(generated, cluster->url(loaded));
        if (!load) {
            fail(u"loading PostgreSQL: "_s + load.error());
            return std::nullopt;
        }
        loads.insert(generated, *load);
    }
    const PostgresLoad load = loads.value(generated);
    figures.insert(figurePrefix + u"postgres_load_rows"_s, load.rows);
    figures.insert(figurePrefix + u"postgres_load_s"_s, load.seconds);
    QElapsedTimer timer;
    timer.start();
    if (!cluster->createDatabase(name, loaded)) {
        fail(u"PostgreSQL: "_s + cluster->errorString());
        return std::nullopt;
    }
    figures.insert(figurePrefix + u"postgres_copy_s"_s, double(timer.nsecsElapsed()) / 1e9);
    return cluster->url(name);
}

// The first pull, then the push of offline changes, with the large dataset in `database`: the
// renter on the first server, the landlord on the last.
bool measurePullAndPush(const Options &options, const QString &folder, const QString &database, int serverCount,
                        QJsonObject &result)
{
    QElapsedTimer timer;
    ServerGroup servers;
    timer.start();
    if (!servers.start(options.server, database, serverCount, folder))
        return false;
    // Claiming the standalone database (the feed filled from every row) and the time step.
    result.insert(u"server_start_s"_s, double(timer.nsecsElapsed()) / 1e9);
    BenchServer &server = servers[0];

    // The client's memory is measured from here: the generator is done and what it used is
    // handed back to the system first.
    malloc_trim(0);
    const bool peaksReset = resetPeakRss() && servers.resetPeakRss();
    result.insert(u"client_rss_before_pull_mb"_s, peakRssMb());

    SyncDesktop renter(folder + u"/renter.sqlite"_s);
    double clientCpu = 0;
    double serverCpu = 0;
    std::optional<double> dbCpu;
    // After the desktop's own handler, which made the replica and sent the first pull.
    QObject::connect(&renter.connection(), &ServerConnection::signedIn, &renter, [&] {
        clientCpu = processCpuSeconds();
        serverCpu = servers.cpuSeconds();
        dbCpu = databaseCpu(options, database);
    });
    renter.start(server.url(), models::demo::demoRenter().email, models::demo::demoPassword());
    if (!settle([&] { return renter.firstSyncedNs() != 0; }, { &renter }, FirstPullMs, u"first pull"_s))
        return false;
    const double pullSeconds = secondsSince(renter.syncStartedNs(), renter.firstSyncedNs());
    result.insert(u"first_pull_rows"_s, renter.firstRows());
    result.insert(u"first_pull_pages"_s, renter.firstPages());
    result.insert(u"first_pull_snapshot_mb"_s, double(renter.firstSnapshotBytes()) / (1024 * 1024));
    result.insert(u"first_pull_s"_s, pullSeconds);
    result.insert(u"first_pull_rows_per_s"_s, double(renter.firstRows()) / pullSeconds);
    // CPU seconds per second of the pull (1.0 is one core): which side the time goes to.
    result.insert(u"first_pull_client_cpu"_s, (processCpuSeconds() - clientCpu) / pullSeconds);
    result.insert(u"first_pull_server_cpu"_s, (servers.cpuSeconds() - serverCpu) / pullSeconds);
    if (dbCpu)
        result.insert(u"first_pull_database_cpu"_s, (*databaseCpu(options, database) - *dbCpu) / pullSeconds);
    result.insert(u"first_pull_peak_rss_mb"_s, peaksReset ? peakRssMb() : -1);
    result.insert(u"first_pull_server_peak_rss_mb"_s, peaksReset ? servers.peakRssMb() : -1);
    result.insert(u"replica_rows"_s, replicaRows(renter));
    result.insert(u"replica_mb"_s, fileMb(folder + u"/renter.sqlite"_s));

    // Push: the renter and a landlord, both synced, go offline and change things.
    SyncDesktop landlord(folder + u"/landlord.sqlite"_s);
    landlord.start(servers[size_t(serverCount - 1)].url(), models::demo::demoLandlord().email,
                   models::demo::demoPassword());
    if (!settle([&] { return landlord.isSynced() && renter.isSynced(); }, { &renter, &landlord }, SetUpMs,
                u"landlord's first pull"_s))
        return false;
    renter.connection().stop();
    landlord.connection().stop();
    const auto renterMade = makeRenterChanges(renter, options.mutations / 2, options.today, options.seed);
    if (!renterMade) {
        fail(u"the renter's offline changes: "_s + renterMade.error());
        return false;
    }
    const auto landlordMade = makeLandlordChanges(landlord, options.mutations - *renterMade, options.today);
    if (!landlordMade) {
        fail(u"the landlord's offline changes: "_s + landlordMade.error());
        return false;
    }
    const int total = *renterMade + *landlordMade;
    QJsonObject kinds;
    countKinds(renter, kinds);
    countKinds(landlord, kinds);

    int applied = 0;
    int refused = 0;
    int pushes = 0;
    qint64 lastAck = 0;
    int online = 0;
    qint64 lastOnline = 0;
    for (SyncDesktop *desktop : { &renter, &landlord }) {
        QObject::connect(&desktop->sync(), &SyncClient::pushed, desktop, [&](int yes, int no) {
            applied += yes;
            refused += no;
            ++pushes;
            lastAck = nowNs();
        });
        QObject::connect(&desktop->connection(), &ServerConnection::stateChanged, desktop,
                         [&](ServerConnection::State state) {
                             if (state == ServerConnection::State::Online) {
                                 ++online;
                                 lastOnline = nowNs();
                             }
                         });
    }
    const double serverCpu0 = servers.cpuSeconds();
    const double benchCpu0 = processCpuSeconds();
    const std::optional<double> dbCpu0 = databaseCpu(options, database);
    const qint64 connecting = nowNs();
    renter.connection().connectToServer();
    landlord.connection().connectToServer();
    if (!settle([&] { return applied + refused >= total; }, { &renter, &landlord }, SetUpMs, u"push"_s))
        return false;
    const double pushSeconds = secondsSince(connecting, lastAck);
    const double serverCpu1 = servers.cpuSeconds();
    const double benchCpu1 = processCpuSeconds();
    const std::optional<double> dbCpu1 = databaseCpu(options, database);
    // And back: the pull that brings the server's rows and leaves the queues empty.
    if (!settle([&] { return renter.isSynced() && landlord.isSynced(); }, { &renter, &landlord }, SetUpMs,
                u"pull after the push"_s))
        return false;
    result.insert(u"push_mutations"_s, total);
    result.insert(u"push_kinds"_s, kinds);
    result.insert(u"push_applied"_s, applied);
    result.insert(u"push_refused"_s, refused);
    result.insert(u"push_requests"_s, pushes);
    result.insert(u"push_connect_ms"_s, online == 2 ? secondsSince(connecting, lastOnline) * 1000 : -1);
    result.insert(u"push_s"_s, pushSeconds);
    result.insert(u"push_mutations_per_s"_s, double(total) / pushSeconds);
    result.insert(u"push_server_cpu_s"_s, serverCpu1 - serverCpu0);
    if (dbCpu0 && dbCpu1)
        result.insert(u"push_database_cpu_s"_s, *dbCpu1 - *dbCpu0);
    result.insert(u"push_bench_cpu_s"_s, benchCpu1 - benchCpu0);
    result.insert(u"push_synced_s"_s, secondsSince(connecting, nowNs()));
    result.insert(u"server_peak_rss_mb"_s, peaksReset ? servers.peakRssMb() : -1);
    const int exitCode = servers.stop();
    result.insert(u"server_exit_code"_s, exitCode);
    if (refused > 0 || exitCode != 0)
        fail(u"%1 mutations refused, server exit code %2; the server said:\n%3"_s.arg(refused).arg(exitCode).arg(
            servers.warnings(20)));
    return refused == 0 && exitCode == 0;
}

// Who takes part in the poke measurement, read from the generated data: the demo landlord
// (whose apartments change), renters (the demo renter first) and landlords looking on.
struct PokeCast
{
    std::vector<PokeGroup::Person> people;
    std::vector<PokeChange> changes;
};

std::expected<PokeCast, QString> castPoke(const QString &path, int renters, int bystanders, int changes)
{
    auto opened = models::db::Database::open(path);
    if (!opened)
        return std::unexpected(opened.error().message);
    const QSqlDatabase db = connectionOf(**opened);
    PokeCast cast;
    const QString landlord = models::demo::demoLandlord().email;
    auto people = models::db::exec(
        db,
        u"SELECT email, 1 FROM (SELECT email FROM users WHERE role = 'renter' ORDER BY email = :renter DESC, email "
        "LIMIT :renters) UNION ALL SELECT email, 0 FROM (SELECT email FROM users WHERE role = 'landlord' "
        "AND email <> :landlord ORDER BY email LIMIT :bystanders)"_s,
        { { u":renter"_s, models::demo::demoRenter().email },
          { u":landlord"_s, landlord },
          { u":renters"_s, renters },
          { u":bystanders"_s, bystanders } });
    while (people && people->next())
        cast.people.push_back({ people->value(0).toString(), people->value(1).toBool() });
    // Change k raises the price of apartment k mod n by 100 over the change before it.
    auto flats = models::db::exec(db,
                                  u"SELECT a.id, a.monthly_price FROM apartments AS a JOIN users AS u "
                                  "ON u.id = a.owner_id WHERE u.email = :landlord ORDER BY a.id"_s,
                                  { { u":landlord"_s, landlord } });
    std::vector<PokeChange> base;
    while (flats && flats->next())
        base.push_back(
            { models::domain::idFromStored(flats->value(0)).value_or(QUuid()), flats->value(1).toLongLong() });
    if (base.empty() || int(cast.people.size()) != renters + bystanders)
        return std::unexpected(u"the generated data has too few people or no apartments of the demo landlord"_s);
    for (int k = 0; k < changes; ++k) {
        const PokeChange &flat = base[size_t(k) % base.size()];
        cast.changes.push_back({ flat.apartment, flat.price + 100 * (k / qint64(base.size()) + 1) });
    }
    return cast;
}

// Many clients connected to a second server (or two, the groups of clients spread over them,
// the landlord on the first): the landlord's changes, each timed to every renter's replica.
bool measurePokes(const Options &options, const QString &folder, const QString &database, int serverCount,
                  PokeCast cast, QJsonObject &result)
{
    const int bystanders = options.clients / 20;
    const int renters = options.clients - 1 - bystanders;
    ServerGroup servers;
    if (!servers.start(options.server, database, serverCount, folder))
        return false;
    PokeSchedule schedule;
    schedule.changes = std::move(cast.changes);

    // The clients spread over the threads, renters and bystanders alike; each group is made,
    // set up and ends on its own thread.
    struct Group
    {
        std::vector<PokeGroup::Person> people;
        std::unique_ptr<PokeGroup> load;
        bool ready = false;
        QString problem;
        std::vector<std::vector<qint64>> applied; // what the group measured, kept past it
        std::vector<std::vector<qint64>> poked;
        int bystanderPokes = 0;
    };
    std::vector<Group> groups(size_t(options.threads));
    for (size_t i = 0; i < cast.people.size(); ++i)
        groups[i % groups.size()].people.push_back(cast.people[i]);
    std::atomic<bool> finished = false;
    std::barrier sync(options.threads + 1);
    const auto runGroup = [&](int g) {
        Group &group = groups[size_t(g)];
        group.load = std::make_unique<PokeGroup>(group.people, folder, schedule);
        group.ready = group.load->setUp(servers[size_t(g)].url(), models::demo::demoPassword(), SetUpMs);
        group.problem = group.load->problem();
        sync.arrive_and_wait(); // set up
        waitFor([&] { return finished.load(); }, std::numeric_limits<int>::max());
        group.applied = group.load->appliedAt();
        group.poked = group.load->pokedAt();
        group.bystanderPokes = group.load->bystanderPokes();
        sync.arrive_and_wait(); // measured
        group.load.reset();
    };
    std::vector<std::unique_ptr<QThread>> workers;
    for (int g = 0; g < options.threads; ++g) {
        workers.emplace_back(QThread::create(runGroup, g));
        workers.back()->start();
    }
    const auto finish = [&] {
        finished = true;
        sync.arrive_and_wait();
        for (const auto &worker : workers)
            worker->wait();
    };

    QElapsedTimer setUp;
    setUp.start();
    SyncDesktop landlord(folder + u"/landlord.sqlite"_s);
    landlord.start(servers[0].url(), models::demo::demoLandlord().email, models::demo::demoPassword());
    const bool landlordReady = settle([&] { return landlord.isSynced(); }, { &landlord }, SetUpMs, u"landlord"_s);
    sync.arrive_and_wait();
    result.insert(u"poke_setup_s"_s, double(setUp.nsecsElapsed()) / 1e9);
    for (const Group &group : groups) {
        if (!group.ready) {
            fail(u"poke set-up: "_s + group.problem);
            finish();
            return false;
        }
    }
    if (!landlordReady) {
        finish();
        return false;
    }

    const size_t changes = schedule.changes.size();
    std::vector<qint64> started(changes, 0);
    std::vector<qint64> acked(changes, 0);
    std::vector<qint64> localChanges;
    QObject::connect(&landlord.sync(), &SyncClient::pushed, &landlord, [&] {
        const int k = schedule.current.load();
        if (k >= 0 && acked[size_t(k)] == 0)
            acked[size_t(k)] = nowNs();
    });
    const models::services::ListingService listings(landlord.replica().context());
    int missed = 0;
    const double serverCpu0 = servers.cpuSeconds();
    const double benchCpu0 = processCpuSeconds();
    const std::optional<double> dbCpu0 = databaseCpu(options, database);
    const qint64 phaseStart = nowNs();
    for (size_t k = 0; k < changes; ++k) {
        const PokeChange &change = schedule.changes[k];
        schedule.applied = 0;
        schedule.current = int(k);
        const qint64 before = nowNs();
        const auto apartment = listings.apartment(change.apartment);
        auto draft = apartment ? draftOf(*apartment) : models::services::ListingService::ApartmentDraft();
        draft.monthlyPrice.minor = change.price;
        if (auto changed = listings.updateApartment(landlord.user(), change.apartment, draft); !changed) {
            fail(u"the landlord's change: "_s + changed.error().message);
            finish();
            return false;
        }
        started[k] = nowNs();
        localChanges.push_back(started[k] - before);
        landlord.sync().syncNow();
        if (!waitFor([&] { return schedule.applied.load() == renters && landlord.isSynced(); }, ChangeMs))
            missed += renters - schedule.applied.load();
        waitFor([] { return false; }, ChangeGapMs);
    }
    const double phaseSeconds = secondsSince(phaseStart, nowNs());
    const double serverCpu = (servers.cpuSeconds() - serverCpu0) / phaseSeconds;
    const std::optional<double> dbCpu1 = databaseCpu(options, database);
    const double benchCpu = (processCpuSeconds() - benchCpu0) / phaseSeconds;
    schedule.current = -1;
    finish();

    std::vector<qint64> latencies;
    std::vector<qint64> pokes;
    std::vector<qint64> slowest(changes, 0); // per change, the last renter's
    int bystanderPokes = 0;
    for (const Group &group : groups) {
        for (size_t k = 0; k < changes; ++k) {
            for (size_t r = 0; r < group.applied[k].size(); ++r) {
                const qint64 applied = group.applied[k][r];
                const qint64 poked = group.poked[k][r];
                if (applied == 0)
                    continue;
                latencies.push_back(applied - started[k]);
                slowest[k] = std::max(slowest[k], applied - started[k]);
                if (poked >= started[k])
                    pokes.push_back(poked - started[k]);
            }
        }
        bystanderPokes += group.bystanderPokes;
    }
    std::vector<qint64> acks;
    for (size_t k = 0; k < changes; ++k) {
        if (acked[k] >= started[k])
            acks.push_back(acked[k] - started[k]);
    }
    result.insert(u"poke_clients"_s, options.clients);
    result.insert(u"poke_renters"_s, renters);
    result.insert(u"poke_bystanders"_s, bystanders);
    result.insert(u"poke_apartments"_s, options.pokeApartments);
    result.insert(u"poke_changes"_s, qint64(changes));
    result.insert(u"poke_samples"_s, qint64(latencies.size()));
    result.insert(u"poke_missed"_s, missed);
    // From the landlord's push (the change is in their replica) to the renter's replica showing it.
    result.insert(u"poke_latency_p50_ms"_s, percentileMs(latencies, 0.50));
    result.insert(u"poke_latency_p95_ms"_s, percentileMs(latencies, 0.95));
    result.insert(u"poke_latency_p99_ms"_s, percentileMs(latencies, 0.99));
    result.insert(u"poke_latency_max_ms"_s, percentileMs(latencies, 1.0));
    // Where it goes: the push acknowledged, the poke arrived, the slowest renter of a change.
    result.insert(u"poke_ack_p50_ms"_s, percentileMs(acks, 0.50));
    result.insert(u"poke_arrival_p50_ms"_s, percentileMs(pokes, 0.50));
    result.insert(u"poke_arrival_p99_ms"_s, percentileMs(pokes, 0.99));
    result.insert(u"poke_last_renter_p50_ms"_s, percentileMs(slowest, 0.50));
    result.insert(u"poke_last_renter_max_ms"_s, percentileMs(slowest, 1.0));
    // Changes whose last renter waited over 100 ms. The simulated desktops share one disk and
    // have the same history, so their WALs reach SQLite's checkpoint size at the same change,
    // and their checkpoints (each a few milliseconds of syncing) run one after another.
    result.insert(u"poke_changes_over_100ms"_s,
                  int(std::count_if(slowest.begin(), slowest.end(), [](qint64 ns) { return ns > 100'000'000; })));
    result.insert(u"poke_local_change_p50_ms"_s, percentileMs(localChanges, 0.50));
    result.insert(u"poke_bystander_pokes"_s, bystanderPokes);
    result.insert(u"poke_server_cpu"_s, serverCpu);
    result.insert(u"poke_bench_cpu"_s, benchCpu);
    // The same per change: the server's work all renters wait for in turn, and the clients' own,
    // which in the field each renter's computer does for itself.
    result.insert(u"poke_server_cpu_ms_per_change"_s, serverCpu * phaseSeconds * 1000 / double(changes));
    result.insert(u"poke_bench_cpu_ms_per_change"_s, benchCpu * phaseSeconds * 1000 / double(changes));
    // PostgreSQL's part, which on SQLite is in the server's.
    if (dbCpu0 && dbCpu1)
        result.insert(u"poke_database_cpu_ms_per_change"_s, (*dbCpu1 - *dbCpu0) * 1000 / double(changes));
    const int exitCode = servers.stop();
    result.insert(u"poke_server_exit_code"_s, exitCode);
    if (missed > 0 || exitCode != 0)
        fail(u"%1 changes did not reach a renter in %2 ms, server exit code %3; the server said:\n%4"_s.arg(missed)
                 .arg(ChangeMs)
                 .arg(exitCode)
                 .arg(servers.warnings(20)));
    return missed == 0 && bystanderPokes == 0 && exitCode == 0;
}

} // namespace

int runSyncBench(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        u"Syncs desktop replicas with a real rentdesk-server on loopback and prints the figures as JSON."_s);
    parser.addHelpOption();
    const QCommandLineOption syncOption(u"sync"_s, u"Measure sync (this mode)."_s);
    const QCommandLineOption apartmentsOption(
        u"apartments"_s, u"Apartments on the server of the first pull and the push (default 200000)."_s, u"n"_s,
        u"200000"_s);
    const QCommandLineOption mutationsOption(u"mutations"_s, u"Offline changes pushed (default 1000)."_s, u"n"_s,
                                             u"1000"_s);
    const QCommandLineOption clientsOption(u"clients"_s, u"Clients connected in the poke measurement (default 100)."_s,
                                           u"n"_s, u"100"_s);
    const QCommandLineOption changesOption(u"changes"_s, u"The landlord's changes poked (default 200)."_s, u"n"_s,
                                           u"200"_s);
    const QCommandLineOption pokeApartmentsOption(
        u"poke-apartments"_s, u"Apartments on the server of the poke measurement (default 1000)."_s, u"n"_s, u"1000"_s);
    const QCommandLineOption threadsOption(
        u"client-threads"_s,
        u"Threads the poke measurement's clients are spread over (default: one per core; in the field each "
        "renter's computer applies its pull for itself)."_s,
        u"n"_s, QString::number(std::max(1, QThread::idealThreadCount())));
    const QCommandLineOption seedOption(u"seed"_s, u"Seed of the generated data (default 2026)."_s, u"n"_s, u"2026"_s);
    const QCommandLineOption serverOption(u"server"_s, u"The rentdesk-server binary (default: the build tree's)."_s,
                                          u"path"_s, QStringLiteral(RENTDESK_SERVER));
    const QCommandLineOption partsOption(
        u"parts"_s, u"What to measure: first-pull (with the push) and pokes, comma-separated (default both)."_s,
        u"list"_s, u"first-pull,pokes"_s);
    const QCommandLineOption jsonOption(u"json"_s, u"Print one JSON object (the default and only format)."_s);
    const QCommandLineOption engineOption(
        u"engine"_s,
        u"sqlite (the default), postgresql (one server, then two on one database, on a throw-away cluster), or all "
        "three in one run."_s,
        u"engine"_s, u"sqlite"_s);
    const QCommandLineOption keepOption(
        u"keep"_s, u"Keep the run's folder (databases, replicas, the servers' logs) and name it on stderr."_s);
    parser.addOptions({ syncOption, apartmentsOption, mutationsOption, clientsOption, changesOption,
                        pokeApartmentsOption, threadsOption, seedOption, serverOption, partsOption, jsonOption,
                        engineOption, keepOption });
    parser.process(arguments);
    Options options;
    options.apartments = parser.value(apartmentsOption).toInt();
    options.mutations = parser.value(mutationsOption).toInt();
    options.clients = parser.value(clientsOption).toInt();
    options.changes = parser.value(changesOption).toInt();
    options.pokeApartments = parser.value(pokeApartmentsOption).toInt();
    options.threads = parser.value(threadsOption).toInt();
    options.seed = parser.value(seedOption).toULongLong();
    options.server = parser.value(serverOption);
    options.engine = parser.value(engineOption);
    options.today = QDate::currentDate();
    const QStringList parts = parser.value(partsOption).split(u',', Qt::SkipEmptyParts);
    if (options.apartments < 100 || options.pokeApartments < 100 || options.mutations < 20 || options.clients < 2
        || options.changes < 1 || options.threads < 1 || options.threads > options.clients || parts.isEmpty()
        || (options.engine != u"sqlite" && options.engine != u"postgresql" && options.engine != u"all")
        || !std::all_of(parts.begin(), parts.end(),
                        [](const QString &part) { return part == u"first-pull" || part == u"pokes"; })) {
        fail(u"--apartments and --poke-apartments need at least 100, --mutations at least 20, --clients at least 2, "
             "--changes at least 1, --client-threads 1 to the clients, --parts first-pull and/or pokes, --engine "
             "sqlite, postgresql or all"_s);
        return 2;
    }

    QJsonObject result {
        { u"mode"_s, u"sync"_s },
        { u"apartments"_s, options.apartments },
        { u"seed"_s, QString::number(options.seed) },
        { u"cores"_s, QThread::idealThreadCount() },
        { u"cpu"_s, cpuModel() },
        { u"load_average_before"_s, loadAverage() },
        { u"client_threads"_s, options.threads },
    };
    const QList<Target> targets = targetsOf(options.engine);
    std::unique_ptr<test::PostgresCluster> cluster;
    if (options.engine != u"sqlite") {
        // A throw-away cluster of the bench's own, as the tests start theirs.
        cluster = std::make_unique<test::PostgresCluster>();
        if (!cluster->start()) {
            fail(u"PostgreSQL: "_s + cluster->errorString());
            return 1;
        }
        qputenv("PGPASSWORD", cluster->password().toUtf8());
        options.postmaster = cluster->processId();
    }
    QTemporaryDir dir;
    if (parser.isSet(keepOption)) {
        dir.setAutoRemove(false);
        QTextStream(stderr) << "rentdesk-bench: the run's folder is " << dir.path() << '\n';
    }
    QMap<QString, QJsonObject> figures;
    QHash<QString, PostgresLoad> loads;
    bool ok = true;
    // One measurement on each target, each on its own copy of the generated data.
    const auto onEachTarget =
        [&](const QString &part, const QString &figurePrefix, const QString &generated,
            const std::function<bool(const QString &, const QString &, const Target &, QJsonObject &)> &measure) {
            for (const Target &target : targets) {
                const QString folder = dir.filePath(part + u"-"_s + target.name);
                QJsonObject &out = figures[target.name];
                const auto database = QDir().mkpath(folder)
                    ? databaseFor(target, generated, folder, cluster.get(), loads, part + u"_"_s + target.name,
                                  figurePrefix, out)
                    : std::nullopt;
                ok = database && measure(folder, *database, target, out) && ok;
            }
        };
    if (parts.contains(u"first-pull"_s)) {
        const QString generated = dir.filePath(u"large.sqlite"_s);
        QElapsedTimer timer;
        timer.start();
        if (const auto summary = generate(generated, options.apartments, options); !summary) {
            fail(u"generating: "_s + summary.error());
            ok = false;
        } else {
            result.insert(u"generate_s"_s, double(timer.nsecsElapsed()) / 1e9);
            result.insert(u"buildings"_s, summary->buildings);
            result.insert(u"users"_s, summary->users);
            result.insert(u"bookings"_s, summary->bookings);
            result.insert(u"reviews"_s, summary->reviews);
            onEachTarget(u"large"_s, QString(), generated,
                         [&](const QString &folder, const QString &database, const Target &target, QJsonObject &out) {
                             return measurePullAndPush(options, folder, database, target.servers, out);
                         });
        }
    }
    if (parts.contains(u"pokes"_s)) {
        const QString generated = dir.filePath(u"many.sqlite"_s);
        // The landlord, a twentieth landlords looking on, renters.
        const int bystanders = options.clients / 20;
        const int renters = options.clients - 1 - bystanders;
        const auto summary = generate(generated, options.pokeApartments, options);
        const auto cast = summary ? castPoke(generated, renters, bystanders, options.changes)
                                  : std::expected<PokeCast, QString>(std::unexpect, summary.error());
        if (!cast) {
            fail(u"generating: "_s + cast.error());
            ok = false;
        } else {
            onEachTarget(u"many"_s, u"poke_"_s, generated,
                         [&](const QString &folder, const QString &database, const Target &target, QJsonObject &out) {
                             return measurePokes(options, folder, database, target.servers, *cast, out);
                         });
        }
    }
    // One engine: its figures beside the run's (as before --engine); several: each under its name.
    for (const Target &target : targets) {
        if (targets.size() == 1) {
            const QJsonObject &own = figures[target.name];
            for (auto it = own.begin(); it != own.end(); ++it)
                result.insert(it.key(), it.value());
        } else {
            result.insert(target.name, figures[target.name]);
        }
    }
    result.insert(u"peak_rss_mb"_s, peakRssMb());
    QTextStream(stdout) << QJsonDocument(result).toJson(QJsonDocument::Compact) << u'\n';
    return ok ? 0 : 1;
}

} // namespace rentdesk::bench
