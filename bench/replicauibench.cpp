// SPDX-License-Identifier: GPL-3.0-or-later
//
// rentdesk-bench-ui --replica: the Apartments page on a connected replica against the same page on
// a standalone database of the same data, in one run, and the time from the server's poke to the
// open page showing the changed row.
//
// The demo data is generated once; a copy of it is the standalone database, and the original
// becomes rentdesk-server's (converted on its first start). The demo renter signs in and gets
// the replica by its first sync; both windows are then measured as the plain bench measures one
// (first rows on screen, the median filter change), each twice, in both orders, and averaged. For the pokes, the demo
// landlord changes the price of one of their apartments on a replica of their own, over and over; the renter's window
// shows the landlord's apartments, and each time the renter's poke arrives the clock runs until
// that row shows the new price.

#include "bench/replicauibench.h"

#include "bench/benchserver.h"
#include "bench/benchsupport.h"
#include "models/db/database.h"
#include "models/demo/demogenerator.h"
#include "models/itemmodels/apartmenttablemodel.h"
#include "models/query/detailsquery.h"
#include "models/services/clock.h"
#include "models/services/session.h"
#include "models/sync/replica.h"
#include "models/sync/replicadirectory.h"
#include "net/connection/serverconnection.h"
#include "net/sync/replicasession.h"
#include "net/sync/syncclient.h"
#include "views/apartments/apartmentspage.h"
#include "views/mainwindow/mainwindow.h"
#include "views/mainwindow/workspace.h"

#include <QApplication>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlQuery>
#include <QTableView>
#include <QTemporaryDir>
#include <QTextStream>

namespace rentdesk::bench {

using namespace Qt::StringLiterals;
using models::itemmodels::ApartmentTableModel;
using net::connection::ServerConnection;
using net::sync::SyncClient;

void settle(QWidget *window)
{
    QCoreApplication::processEvents();
    window->repaint();
    QCoreApplication::processEvents();
}

namespace {

// One account's replica on this computer, signed in on the bench's server and synced once.
struct Account
{
    ServerConnection connection;
    std::unique_ptr<net::sync::ReplicaSession> session;
    net::protocol::UserJson user;
    QString problem;

    bool start(const QUrl &server, const QString &email, const QString &folder, const models::services::Clock &clock)
    {
        connection.setServerUrl(server);
        bool answered = false;
        QObject::connect(&connection, &ServerConnection::signedIn, &connection,
                         [&](const net::protocol::UserJson &account) {
                             user = account;
                             answered = true;
                         });
        QObject::connect(&connection, &ServerConnection::signInFailed, &connection,
                         [&](const net::protocol::Error &error) {
                             problem = email + u": "_s + error.message;
                             answered = true;
                         });
        connection.logIn(email, models::demo::demoPassword());
        if (!waitFor([&] { return answered; }, 60000) || user.id.isNull()) {
            problem = problem.isEmpty() ? email + u": no answer to the log-in"_s : problem;
            return false;
        }
        auto made = net::sync::ReplicaSession::forAccount(models::sync::ReplicaDirectory(folder), server.toString(),
                                                          user, clock);
        if (!made) {
            problem = made.error().message;
            return false;
        }
        session = std::move(*made);
        return true;
    }

    void sync() { session->start(connection); }

    bool waitSynced(int timeoutMs)
    {
        return waitFor(
            [&] {
                return session->sync()->state() == SyncClient::State::Synced
                    && session->replica().pendingCount().value_or(1) == 0;
            },
            timeoutMs);
    }
};

// A window on a workspace, signed in as user: how long until the first rows show, and the
// median filter change (the plain bench's two figures).
struct PageFigures
{
    double openMs = 0;
    double filterMs = 0;
};

PageFigures measurePage(views::Workspace &workspace, models::services::Session &session,
                        const models::domain::User &user, const QList<models::query::ApartmentFilter> &filters,
                        int runs, bool &ok)
{
    PageFigures figures;
    session.signIn(user);
    QElapsedTimer timer;
    timer.start();
    views::MainWindow window(workspace);
    window.resize(1280, 800);
    window.show();
    settle(&window);
    auto *model = window.apartmentsPage()->apartments();
    if (model->rowCount() == 0) {
        fail(u"the Apartments table shows no rows"_s);
        ok = false;
    }
    figures.openMs = double(timer.nsecsElapsed()) / 1e6;
    figures.filterMs = medianMs(runs, ok, [&](int i) {
        model->setFilter(filters[i]);
        settle(&window);
        return !model->lastError();
    });
    session.signOut();
    return figures;
}

} // namespace

int runReplicaBench(int apartments, int runs, int pokes)
{
    QTemporaryDir dir;
    const QString serverPath = dir.filePath(u"server.sqlite"_s);
    const QString standalonePath = dir.filePath(u"standalone.sqlite"_s);
    QJsonObject result;
    result.insert(u"apartments"_s, apartments);
    result.insert(u"runs"_s, runs);
    {
        auto opened = models::db::Database::open(serverPath);
        if (!opened) {
            fail(opened.error().message);
            return 1;
        }
        auto generated = models::demo::generateDemoData(**opened, { 2026, apartments, Today });
        if (!generated) {
            fail(generated.error().message);
            return 1;
        }
        result.insert(u"bookings"_s, generated->bookings);
    } // closed, its WAL folded back: the file is whole
    if (!QFile::copy(serverPath, standalonePath)) {
        fail(u"cannot copy the demo database"_s);
        return 1;
    }

    BenchServer server(QStringLiteral(RENTDESK_SERVER), serverPath, dir.path());
    if (!server.start(600000)) {
        fail(u"rentdesk-server did not start: "_s + server.errors());
        return 1;
    }
    models::services::SystemClock clock;
    Account renter;
    QElapsedTimer firstSync;
    if (!renter.start(server.url(), models::demo::demoRenter().email, dir.filePath(u"renter"_s), clock)) {
        fail(renter.problem);
        return 1;
    }
    // The poke's arrival, seen before the sync client (subscribed after this) pulls for it.
    qint64 lastPoke = 0;
    renter.connection.subscribe(u"sync.poke"_s, &renter.connection, [&](const QJsonObject &) { lastPoke = nowNs(); });
    firstSync.start();
    renter.sync();
    if (!renter.waitSynced(600000)) {
        fail(u"the renter's first sync did not end: "_s + renter.session->sync()->problem());
        return 1;
    }
    result.insert(u"replica_first_sync_s"_s, double(firstSync.nsecsElapsed()) / 1e9);
    result.insert(u"replica_rows"_s, renter.session->replica().rowCount().value_or(-1));

    bool ok = true;
    auto standaloneOpened = models::db::Database::open(standalonePath);
    if (!standaloneOpened) {
        fail(standaloneOpened.error().message);
        return 1;
    }
    const std::shared_ptr<models::db::Database> standalone = *standaloneOpened;
    const QList<models::query::ApartmentFilter> filters = typicalFilters(connectionOf(*standalone), runs);
    const auto renterProfile = renter.session->replica().account();
    if (!renterProfile) {
        fail(renterProfile.error().message);
        return 1;
    }

    // The same page, the same person, the same filters, on the standalone file and on the replica;
    // twice each, in both orders, so that neither gains by coming second (a warmer page cache).
    models::services::Session session;
    views::Workspace standaloneSpace(standalone, clock, models::services::Mode::Standalone, session);
    views::Workspace replicaSpace(renter.session->replica().context(), session);
    replicaSpace.connection = &renter.connection;
    replicaSpace.replica = renter.session.get();
    PageFigures plain;
    PageFigures replica;
    for (int round = 0; round < 2; ++round) {
        for (const bool onReplica : { round == 1, round == 0 }) {
            const PageFigures figures =
                measurePage(onReplica ? replicaSpace : standaloneSpace, session, *renterProfile, filters, runs, ok);
            PageFigures &sum = onReplica ? replica : plain;
            sum.openMs += figures.openMs / 2;
            sum.filterMs += figures.filterMs / 2;
        }
    }
    result.insert(u"standalone_open_first_rows_ms"_s, plain.openMs);
    result.insert(u"replica_open_first_rows_ms"_s, replica.openMs);
    result.insert(u"open_first_rows_ratio"_s, replica.openMs / plain.openMs);
    result.insert(u"standalone_filter_change_ms"_s, plain.filterMs);
    result.insert(u"replica_filter_change_ms"_s, replica.filterMs);
    result.insert(u"filter_change_ratio"_s, replica.filterMs / plain.filterMs);

    // Pokes: the landlord changes a price; the renter's open page shows it.
    Account landlord;
    if (!landlord.start(server.url(), models::demo::demoLandlord().email, dir.filePath(u"landlord"_s), clock)) {
        fail(landlord.problem);
        return 1;
    }
    landlord.sync();
    if (!landlord.waitSynced(600000)) {
        fail(u"the landlord's first sync did not end"_s);
        return 1;
    }
    QSqlQuery first(connectionOf(*landlord.session->database()));
    first.prepare(u"SELECT id FROM apartments WHERE owner_id = :owner ORDER BY id LIMIT 1"_s);
    first.bindValue(u":owner"_s, landlord.user.id.toString(QUuid::WithoutBraces));
    if (!first.exec() || !first.next()) {
        fail(u"the demo landlord has no apartment"_s);
        return 1;
    }
    const QUuid apartmentId(first.value(0).toString());
    first.finish();
    const models::services::ListingService landlordListings(landlord.session->replica().context());
    const models::query::DetailsQuery landlordDetails(landlord.session->database());

    session.signIn(*renterProfile);
    views::MainWindow window(replicaSpace);
    window.resize(1280, 800);
    window.show();
    auto *model = window.apartmentsPage()->apartments();
    models::query::ApartmentFilter theirs;
    theirs.ownerId = landlord.user.id;
    model->setFilter(theirs);
    settle(&window);
    const auto shownPrice = [&]() -> qint64 {
        const int row = model->loadedRowOf(apartmentId);
        if (row < 0)
            return -1;
        return model->index(row, ApartmentTableModel::Price)
            .data(models::itemmodels::ValueRole)
            .value<models::domain::Money>()
            .minor;
    };
    std::vector<qint64> pokeToPage;
    int missed = 0;
    for (int i = 0; i < pokes; ++i) {
        const auto details = landlordDetails.apartment(landlord.user.id, apartmentId);
        if (!details) {
            fail(details.error().message);
            return 1;
        }
        const models::domain::Apartment &a = details->apartment;
        models::services::ListingService::ApartmentDraft draft { a.buildingId, a.number,      a.floor,
                                                                 a.rooms,      a.areaSqm,     a.monthlyPrice,
                                                                 a.furnished,  a.petsAllowed, a.description };
        draft.monthlyPrice.minor += 100;
        const qint64 wanted = draft.monthlyPrice.minor;
        lastPoke = 0;
        if (auto changed = landlordListings.updateApartment(landlord.user.id, apartmentId, draft); !changed) {
            fail(changed.error().message);
            return 1;
        }
        landlord.session->sync()->changed();
        const bool shown = waitFor(
            [&] {
                if (lastPoke == 0 || shownPrice() != wanted)
                    return false;
                window.repaint();
                return true;
            },
            10000);
        if (!shown) {
            ++missed;
            continue;
        }
        pokeToPage.push_back(nowNs() - lastPoke);
        if (!landlord.waitSynced(10000) || !renter.waitSynced(10000))
            ++missed;
    }
    result.insert(u"pokes"_s, pokes);
    result.insert(u"poke_to_page_missed"_s, missed);
    result.insert(u"poke_to_page_median_ms"_s, percentileMs(pokeToPage, 0.5));
    result.insert(u"poke_to_page_p95_ms"_s, percentileMs(pokeToPage, 0.95));
    result.insert(u"poke_to_page_max_ms"_s, percentileMs(pokeToPage, 1.0));
    result.insert(u"peak_rss_mb"_s, peakRssMb());
    QTextStream(stdout) << QJsonDocument(result).toJson(QJsonDocument::Compact) << u'\n';
    return ok && missed == 0 ? 0 : 1;
}

} // namespace rentdesk::bench
