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
// Prints one JSON object; a measurement, not a test. Build it in release.
//
//   rentdesk-bench --sync --apartments 200000 --json

#include "bench/syncbench.h"

#include "bench/benchserver.h"
#include "bench/benchsupport.h"
#include "bench/offlinechanges.h"
#include "bench/pokeload.h"
#include "bench/syncdesktop.h"
#include "models/db/query.h"
#include "models/demo/demogenerator.h"
#include "models/domain/storedvalues.h"

#include <QCommandLineParser>
#include <QDir>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTextStream>
#include <QThread>

#include <algorithm>
#include <barrier>
#include <limits>
#include <malloc.h>
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
    QDate today;
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

// The first pull, then the push of offline changes, on one server with the large dataset.
bool measurePullAndPush(const Options &options, const QString &folder, QJsonObject &result)
{
    QElapsedTimer timer;
    timer.start();
    const QString databasePath = folder + u"/server.sqlite"_s;
    const auto generated = generate(databasePath, options.apartments, options);
    if (!generated) {
        fail(u"generating: "_s + generated.error());
        return false;
    }
    result.insert(u"generate_s"_s, double(timer.nsecsElapsed()) / 1e9);
    result.insert(u"buildings"_s, generated->buildings);
    result.insert(u"users"_s, generated->users);
    result.insert(u"bookings"_s, generated->bookings);
    result.insert(u"reviews"_s, generated->reviews);

    BenchServer server(options.server, databasePath, folder);
    timer.restart();
    if (!server.start(ServerStartMs)) {
        fail(u"rentdesk-server did not start: "_s + server.errors().right(4000));
        return false;
    }
    // Claiming the standalone file (the feed filled from every row) and the time step.
    result.insert(u"server_start_s"_s, double(timer.nsecsElapsed()) / 1e9);

    // The client's memory is measured from here: the generator is done and what it used is
    // handed back to the system first.
    malloc_trim(0);
    const bool peaksReset = resetPeakRss() && server.resetPeakRss();
    result.insert(u"client_rss_before_pull_mb"_s, peakRssMb());

    SyncDesktop renter(folder + u"/renter.sqlite"_s);
    double clientCpu = 0;
    double serverCpu = 0;
    // After the desktop's own handler, which made the replica and sent the first pull.
    QObject::connect(&renter.connection(), &ServerConnection::signedIn, &renter, [&] {
        clientCpu = processCpuSeconds();
        serverCpu = server.cpuSeconds();
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
    result.insert(u"first_pull_server_cpu"_s, (server.cpuSeconds() - serverCpu) / pullSeconds);
    result.insert(u"first_pull_peak_rss_mb"_s, peaksReset ? peakRssMb() : -1);
    result.insert(u"first_pull_server_peak_rss_mb"_s, peaksReset ? server.peakRssMb() : -1);
    result.insert(u"replica_rows"_s, replicaRows(renter));
    result.insert(u"replica_mb"_s, fileMb(folder + u"/renter.sqlite"_s));

    // Push: the renter and a landlord, both synced, go offline and change things.
    SyncDesktop landlord(folder + u"/landlord.sqlite"_s);
    landlord.start(server.url(), models::demo::demoLandlord().email, models::demo::demoPassword());
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
    const double serverCpu0 = server.cpuSeconds();
    const double benchCpu0 = processCpuSeconds();
    const qint64 connecting = nowNs();
    renter.connection().connectToServer();
    landlord.connection().connectToServer();
    if (!settle([&] { return applied + refused >= total; }, { &renter, &landlord }, SetUpMs, u"push"_s))
        return false;
    const double pushSeconds = secondsSince(connecting, lastAck);
    const double serverCpu1 = server.cpuSeconds();
    const double benchCpu1 = processCpuSeconds();
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
    result.insert(u"push_bench_cpu_s"_s, benchCpu1 - benchCpu0);
    result.insert(u"push_synced_s"_s, secondsSince(connecting, nowNs()));
    result.insert(u"server_peak_rss_mb"_s, peaksReset ? server.peakRssMb() : -1);
    const int exitCode = server.stop();
    result.insert(u"server_exit_code"_s, exitCode);
    if (refused > 0 || exitCode != 0)
        fail(u"%1 mutations refused, server exit code %2; the server said:\n%3"_s.arg(refused).arg(exitCode).arg(
            server.warnings(20)));
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

// Many clients connected to a second server: the landlord's changes, each timed to every
// renter's replica.
bool measurePokes(const Options &options, const QString &folder, QJsonObject &result)
{
    const QString databasePath = folder + u"/server.sqlite"_s;
    if (const auto generated = generate(databasePath, options.pokeApartments, options); !generated) {
        fail(u"generating: "_s + generated.error());
        return false;
    }
    // The landlord, a twentieth landlords looking on, renters.
    const int bystanders = options.clients / 20;
    const int renters = options.clients - 1 - bystanders;
    auto cast = castPoke(databasePath, renters, bystanders, options.changes);
    if (!cast) {
        fail(cast.error());
        return false;
    }
    BenchServer server(options.server, databasePath, folder);
    if (!server.start(ServerStartMs)) {
        fail(u"rentdesk-server did not start: "_s + server.errors().right(4000));
        return false;
    }
    PokeSchedule schedule;
    schedule.changes = std::move(cast->changes);

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
    for (size_t i = 0; i < cast->people.size(); ++i)
        groups[i % groups.size()].people.push_back(cast->people[i]);
    std::atomic<bool> finished = false;
    std::barrier sync(options.threads + 1);
    const auto runGroup = [&](int g) {
        Group &group = groups[size_t(g)];
        group.load = std::make_unique<PokeGroup>(group.people, folder, schedule);
        group.ready = group.load->setUp(server.url(), models::demo::demoPassword(), SetUpMs);
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
    landlord.start(server.url(), models::demo::demoLandlord().email, models::demo::demoPassword());
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
    const double serverCpu0 = server.cpuSeconds();
    const double benchCpu0 = processCpuSeconds();
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
    const double serverCpu = (server.cpuSeconds() - serverCpu0) / phaseSeconds;
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
    const int exitCode = server.stop();
    result.insert(u"poke_server_exit_code"_s, exitCode);
    if (missed > 0 || exitCode != 0)
        fail(u"%1 changes did not reach a renter in %2 ms, server exit code %3; the server said:\n%4"_s.arg(missed)
                 .arg(ChangeMs)
                 .arg(exitCode)
                 .arg(server.warnings(20)));
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
    parser.addOptions({ syncOption, apartmentsOption, mutationsOption, clientsOption, changesOption,
                        pokeApartmentsOption, threadsOption, seedOption, serverOption, partsOption, jsonOption });
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
    options.today = QDate::currentDate();
    const QStringList parts = parser.value(partsOption).split(u',', Qt::SkipEmptyParts);
    if (options.apartments < 100 || options.pokeApartments < 100 || options.mutations < 20 || options.clients < 2
        || options.changes < 1 || options.threads < 1 || options.threads > options.clients || parts.isEmpty()
        || !std::all_of(parts.begin(), parts.end(),
                        [](const QString &part) { return part == u"first-pull" || part == u"pokes"; })) {
        fail(u"--apartments and --poke-apartments need at least 100, --mutations at least 20, --clients at least 2, "
             "--changes at least 1, --client-threads 1 to the clients, --parts first-pull and/or pokes"_s);
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
    QTemporaryDir dir;
    const QString large = dir.filePath(u"large"_s);
    const QString many = dir.filePath(u"many"_s);
    const bool made = QDir().mkpath(large) && QDir().mkpath(many);
    const bool ok = made && (!parts.contains(u"first-pull"_s) || measurePullAndPush(options, large, result))
        && (!parts.contains(u"pokes"_s) || measurePokes(options, many, result));
    result.insert(u"peak_rss_mb"_s, peakRssMb());
    QTextStream(stdout) << QJsonDocument(result).toJson(QJsonDocument::Compact) << u'\n';
    return ok ? 0 : 1;
}

} // namespace rentdesk::bench
