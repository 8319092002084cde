// SPDX-License-Identifier: GPL-3.0-or-later
//
// rentdesk-sync-child: one desktop's sync engine as a process of its own, for tests that kill it
// (SIGKILL) at chosen moments and start it again on the same replica database. It logs in
// (signing up first when asked), makes the replica on its first run (and, with --make N, N
// changes offline: a building and N - 1 apartments in it), then syncs until nothing is left to
// push and the feed is read to its end, prints "synced" and exits 0. Exit 3: not synced in time.
#include "models/db/database.h"
#include "models/services/clock.h"
#include "models/services/listingservice.h"
#include "models/services/mode.h"
#include "models/sync/replica.h"
#include "net/connection/serverconnection.h"
#include "net/sync/syncclient.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QTextStream>
#include <QTimer>

using namespace Qt::StringLiterals;
using namespace rentdesk;

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addOptions({ { u"server"_s, u"URL"_s, u"url"_s },
                        { u"database"_s, u"replica file"_s, u"file"_s },
                        { u"email"_s, u"account"_s, u"email"_s },
                        { u"password"_s, u"password"_s, u"password"_s },
                        { u"signup"_s, u"sign up as a landlord first"_s },
                        { u"make"_s, u"changes to make on the first run"_s, u"n"_s } });
    parser.process(app);
    QTextStream err(stderr);

    auto opened = models::db::Database::open(parser.value(u"database"_s));
    if (!opened) {
        err << opened.error().message << '\n';
        return 2;
    }
    const std::shared_ptr<models::db::Database> database = *opened;
    const models::services::SystemClock clock;
    net::connection::ServerConnection connection;
    connection.setBackoff({ std::chrono::milliseconds(50), std::chrono::milliseconds(200) });
    connection.setServerUrl(QUrl(parser.value(u"server"_s)));
    std::unique_ptr<models::sync::Replica> replica;
    std::unique_ptr<net::sync::SyncClient> sync;
    const QString email = parser.value(u"email"_s);
    const QString password = parser.value(u"password"_s);

    QObject::connect(&connection, &net::connection::ServerConnection::signedUp, &app,
                     [&] { connection.logIn(email, password); });
    QObject::connect(&connection, &net::connection::ServerConnection::signUpFailed, &app,
                     [&](const net::protocol::Error &error) {
                         err << "sign-up failed: " << error.message << '\n';
                         QCoreApplication::exit(2);
                     });
    QObject::connect(
        &connection, &net::connection::ServerConnection::signedIn, &app,
        [&](const net::protocol::UserJson &user, const QString &) {
            if (replica)
                return;
            const bool first = models::services::storedMode(*database).value_or(models::services::Mode::Connected)
                == models::services::Mode::Standalone;
            if (first) {
                const auto made = models::sync::Replica::initialize(*database, connection.serverUrl().toString(),
                                                                    net::sync::accountProfile(user));
                if (!made) {
                    err << made.error().message << '\n';
                    QCoreApplication::exit(2);
                    return;
                }
            }
            auto made = models::sync::Replica::open(database, clock);
            if (!made) {
                err << made.error().message << '\n';
                QCoreApplication::exit(2);
                return;
            }
            replica = std::move(*made);
            const int changes = first ? parser.value(u"make"_s).toInt() : 0;
            if (changes > 0) {
                // Made before the first sync, as offline work is.
                models::services::ListingService listings(replica->context());
                const auto building =
                    listings.createBuilding(user.id, { u"Tower"_s, u"1 Main St"_s, u"Kazan"_s, 100, std::nullopt });
                if (!building) {
                    err << building.error().message << '\n';
                    QCoreApplication::exit(2);
                    return;
                }
                for (int i = 1; i < changes; ++i) {
                    models::services::ListingService::ApartmentDraft draft;
                    draft.buildingId = building->id;
                    draft.number = QString::number(i);
                    draft.floor = 1 + i % 100;
                    draft.areaSqm = 40;
                    draft.monthlyPrice = { 2000000, u"RUB"_s };
                    draft.description = u"Apartment %1 of the tower, made offline"_s.arg(i);
                    if (const auto flat = listings.createApartment(user.id, draft); !flat) {
                        err << flat.error().message << '\n';
                        QCoreApplication::exit(2);
                        return;
                    }
                }
            }
            sync = std::make_unique<net::sync::SyncClient>(connection, *replica);
            QObject::connect(sync.get(), &net::sync::SyncClient::synced, &app, [&] {
                if (replica->pendingCount().value_or(1) == 0) {
                    QTextStream(stdout) << "synced\n" << Qt::flush;
                    QCoreApplication::exit(0);
                }
            });
        });
    if (parser.isSet(u"signup"_s))
        connection.signUp(email, u"Landlord"_s, password, models::domain::Role::Landlord,
                          models::domain::Language::English);
    else
        connection.logIn(email, password);
    QTimer::singleShot(std::chrono::seconds(90), &app, [] { QCoreApplication::exit(3); });
    return QCoreApplication::exec();
}
