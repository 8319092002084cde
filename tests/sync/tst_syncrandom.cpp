// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/db/database.h"
#include "models/domain/storedvalues.h"
#include "models/services/bookingservice.h"
#include "models/services/clock.h"
#include "models/services/listingservice.h"
#include "models/services/reviewservice.h"
#include "models/sync/replica.h"
#include "models/sync/rowformat.h"
#include "net/connection/serverconnection.h"
#include "net/sync/syncclient.h"
#include "tests/server/serverprocess.h"
#include "tests/support/testsupport.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QLoggingCategory>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTcpServer>
#include <QTest>

#include <functional>
#include <memory>
#include <vector>

using namespace Qt::StringLiterals;
using namespace rentdesk;
using models::domain::ApartmentStatus;
using models::domain::ReviewKind;
using models::domain::Role;
using models::domain::toStoredId;
using models::services::BookingService;
using models::services::DomainError;
using models::services::ListingService;
using models::services::ReviewService;
using models::sync::QueuedMutation;
using models::sync::Replica;
using net::connection::ServerConnection;
using net::sync::SyncClient;
using test::ServerProcess;
using test::TestClient;

namespace {

const QString Password = u"correct horse battery"_s;
constexpr int Rounds = 12;
constexpr int SettleMs = 20000;

// Rows of the five synced entities by "entity/id", each as its compact JSON (keys sorted), the
// way sync.pull sends them: a replica's tables and a user's view on the server compare as maps.
using Rows = QMap<QString, QString>;

QString compact(const QJsonObject &object)
{
    return QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact));
}

// A mutation one desktop journaled, as the test saw it leave the service.
struct Journaled
{
    qint64 id = 0;
    QString name;
    QJsonObject args;
    int round = 0;
};

// What one random action did here: the mutation it journals when the services accept it, and
// their refusal otherwise. `invalid`: made to be refused (a value out of range, past dates).
struct Attempt
{
    QString mutation;
    bool invalid = false;
    std::optional<DomainError> refusal;
};

template<typename T> std::optional<DomainError> refusalOf(const models::services::Result<T> &result)
{
    return result ? std::nullopt : std::optional(result.error());
}

// One desktop as the app wires it (replica, connection, sync client), with the test's book of
// what it journaled and of what its sync client went through.
struct Desktop
{
    Desktop(QString name, QString email, Role role)
        : name(std::move(name))
        , email(std::move(email))
        , role(role)
    {
    }
    Q_DISABLE_COPY_MOVE(Desktop)

    QString name;
    QString email;
    Role role;
    test::TempDatabase db;
    models::services::SystemClock clock;
    ServerConnection connection;
    std::unique_ptr<Replica> replica;
    std::unique_ptr<SyncClient> sync;
    QUuid user;
    bool stopped = false; // taken offline by the test
    QList<Journaled> journal;
    QStringList problems; // what the sync client failed with
    int pushedApplied = 0;
    int pushedRefused = 0;

    ListingService listings() const { return ListingService(replica->context()); }
    BookingService bookings() const { return BookingService(replica->context()); }
    ReviewService reviews() const { return ReviewService(replica->context()); }
    QString me() const { return toStoredId(user); }
    qint64 lastJournaled() const { return journal.isEmpty() ? 0 : journal.constLast().id; }

    QString start(const QUrl &server, bool signUp)
    {
        connection.setBackoff({ std::chrono::milliseconds(50), std::chrono::milliseconds(400) });
        connection.setServerUrl(server);
        if (signUp) {
            QSignalSpy signedUp(&connection, &ServerConnection::signedUp);
            connection.signUp(email, name, Password, role, models::domain::Language::Russian);
            if (!signedUp.wait(30000))
                return u"%1 could not sign up"_s.arg(name);
        }
        QSignalSpy signedIn(&connection, &ServerConnection::signedIn);
        connection.logIn(email, Password);
        if (!signedIn.wait(30000))
            return u"%1 could not log in"_s.arg(name);
        const auto account = signedIn.at(0).at(0).value<net::protocol::UserJson>();
        user = account.id;
        if (!Replica::initialize(*db.shared(), server.toString(), net::sync::accountProfile(account)))
            return u"%1: no replica"_s.arg(name);
        auto opened = Replica::open(db.shared(), clock);
        if (!opened)
            return u"%1: the replica does not open: %2"_s.arg(name, opened.error().message);
        replica = std::move(*opened);
        sync = std::make_unique<SyncClient>(connection, *replica);
        QObject::connect(sync.get(), &SyncClient::stateChanged, sync.get(), [this](SyncClient::State state) {
            if (state == SyncClient::State::Failing)
                problems << sync->problem();
        });
        QObject::connect(sync.get(), &SyncClient::pushed, sync.get(), [this](int applied, int refused) {
            pushedApplied += applied;
            pushedRefused += refused;
        });
        return {};
    }

    // Every row of the synced tables here.
    Rows dump() const
    {
        Rows rows;
        const QSqlDatabase connection = db.connection();
        for (const models::sync::SyncEntity &entity : models::sync::syncEntities()) {
            QStringList columns;
            for (const models::sync::SyncColumn &column : entity.columns)
                columns << QLatin1StringView(column.column);
            QSqlQuery query(connection);
            query.exec(u"SELECT %1 FROM %2"_s.arg(columns.join(u", "_s), QLatin1StringView(entity.table)));
            while (query.next()) {
                const QJsonObject row = models::sync::rowToJson(entity, query);
                rows.insert(QLatin1StringView(entity.name) + u'/' + row.value(u"id"_s).toString(), compact(row));
            }
        }
        return rows;
    }

    // The first column of a query on this replica, with :me bound to the account.
    QStringList ids(const QString &sql) const
    {
        QStringList ids;
        QSqlQuery query(db.connection());
        query.prepare(sql);
        if (sql.contains(u":me"_s))
            query.bindValue(u":me"_s, me());
        query.exec();
        while (query.next())
            ids << query.value(0).toString();
        return ids;
    }
};

QUuid uuidOf(const QString &id)
{
    return QUuid::fromString(id);
}

} // namespace

// A randomized convergence test in the manner of Nextcloud's FakeFolder tests: several desktops
// of both roles against the real server make random changes through the services, online and
// offline, through disconnects and server restarts; then everything settles and each replica
// must equal what the server shows its account, every mutation must have ended applied once or
// refused with a reason, and none may have vanished. The seed is printed in every failure;
// RENTDESK_SYNC_SEED repeats a run's choices (the timing of the network is not repeated).
class TestSyncRandom final : public QObject
{
    Q_OBJECT

    quint32 seed = 20260611;
    QRandomGenerator rng;
    std::unique_ptr<ServerProcess> server;
    QSqlDatabase serverDb;
    std::vector<std::unique_ptr<Desktop>> desktops;
    QSet<QString> everOnServer; // "entity/id" of every row the server had, tombstones included
    int actions = 0;
    int refusedHere = 0;
    int disconnects = 0;
    int restarts = 0;

    QString seedNote() const { return u"seed %1 (RENTDESK_SYNC_SEED=%1 repeats it)"_s.arg(seed); }
    QByteArray failure(const QString &what) const { return (seedNote() + u": "_s + what).toUtf8(); }

    bool chance(int percent) { return int(rng.bounded(100)) < percent; }
    template<typename T> const T &pick(const QList<T> &list) { return list.at(int(rng.bounded(int(list.size())))); }
    QDate inDays(int days) const { return QDate::currentDate().addDays(days); }

    qint64 serverScalar(const QString &sql, const QVariantMap &bindings = {}) const
    {
        QSqlQuery query(serverDb);
        query.prepare(sql);
        for (auto it = bindings.cbegin(); it != bindings.cend(); ++it)
            query.bindValue(it.key(), it.value());
        return query.exec() && query.next() ? query.value(0).toLongLong() : -1;
    }
    QStringList serverColumn(const QString &sql, const QVariantMap &bindings = {}) const
    {
        QSqlQuery query(serverDb);
        query.prepare(sql);
        for (auto it = bindings.cbegin(); it != bindings.cend(); ++it)
            query.bindValue(it.key(), it.value());
        QStringList values;
        if (query.exec()) {
            while (query.next())
                values << query.value(0).toString();
        }
        return values;
    }

    // Every row the server has now, and every tombstone it still keeps (the tombstones go at
    // start-up, so this runs before each restart and at the end).
    void noteServerRows()
    {
        for (const models::sync::SyncEntity &entity : models::sync::syncEntities()) {
            const QString prefix = QLatin1StringView(entity.name) + u'/';
            for (const QString &id : serverColumn(u"SELECT id FROM "_s + QLatin1StringView(entity.table)))
                everOnServer.insert(prefix + id);
        }
        for (const QString &key : serverColumn(u"SELECT entity || '/' || row_id FROM sync_changes"_s))
            everOnServer.insert(key);
    }

    // --- the random actions ---------------------------------------------------------------

    ListingService::BuildingDraft randomBuilding()
    {
        static const QStringList names = { u"River House"_s, u"Hill House"_s, u"Tower"_s, u"Old Mill"_s };
        return { pick(names) + u' ' + QString::number(rng.bounded(100)), u"%1 Kremlin St"_s.arg(rng.bounded(1, 90)),
                 chance(50) ? u"Kazan"_s : u"Moscow"_s, int(rng.bounded(3, 12)),
                 chance(70) ? std::optional(int(rng.bounded(1900, 2024))) : std::nullopt };
    }

    ListingService::ApartmentDraft randomApartment(const QUuid &building, int floors)
    {
        ListingService::ApartmentDraft draft;
        draft.buildingId = building;
        draft.number = QString::number(rng.bounded(1, 6)); // few numbers: number_taken happens
        draft.floor = int(rng.bounded(1, floors + 1));
        draft.rooms = int(rng.bounded(1, 5));
        draft.areaSqm = 20 + rng.bounded(200) / 2.0;
        draft.monthlyPrice = { qint64(rng.bounded(1000, 9000)) * 1000, u"RUB"_s };
        draft.furnished = chance(50);
        draft.petsAllowed = chance(50);
        draft.description = chance(50) ? u"Bright, near the metro"_s : QString();
        return draft;
    }

    ListingService::ApartmentDraft draftOf(const models::domain::Apartment &apartment)
    {
        ListingService::ApartmentDraft draft;
        draft.buildingId = apartment.buildingId;
        draft.number = apartment.number;
        draft.floor = apartment.floor;
        draft.rooms = apartment.rooms;
        draft.areaSqm = apartment.areaSqm;
        draft.monthlyPrice = apartment.monthlyPrice;
        draft.furnished = apartment.furnished;
        draft.petsAllowed = apartment.petsAllowed;
        draft.description = apartment.description;
        return draft;
    }

    using Action = std::function<Attempt()>;

    Attempt choose(QList<std::pair<int, Action>> actions)
    {
        int total = 0;
        for (const auto &[weight, action] : actions)
            total += weight;
        if (total == 0)
            return {};
        int at = int(rng.bounded(total));
        for (const auto &[weight, action] : actions) {
            if (at < weight)
                return action();
            at -= weight;
        }
        return {};
    }

    Attempt landlordAction(Desktop &d)
    {
        const ListingService listings = d.listings();
        const QStringList buildings = d.ids(u"SELECT id FROM buildings WHERE owner_id = :me ORDER BY id"_s);
        const QStringList apartments = d.ids(u"SELECT id FROM apartments WHERE owner_id = :me ORDER BY id"_s);
        const QStringList requested = d.ids(u"SELECT b.id FROM bookings AS b JOIN apartments AS a ON a.id = "
                                            "b.apartment_id WHERE a.owner_id = :me AND b.status = 'requested' "
                                            "ORDER BY b.id"_s);
        const QStringList stayed = d.ids(u"SELECT DISTINCT b.renter_id FROM bookings AS b JOIN apartments AS a ON "
                                         "a.id = b.apartment_id WHERE a.owner_id = :me AND b.status IN "
                                         "('confirmed', 'completed') ORDER BY 1"_s);
        const QStringList written = d.ids(u"SELECT id FROM reviews WHERE author_id = :me ORDER BY id"_s);
        const QList<std::pair<int, Action>> actions = {
            { buildings.size() < 3 ? 3 : 1,
              [&] {
                  auto draft = randomBuilding();
                  const bool invalid = chance(12);
                  if (invalid)
                      (chance(50) ? draft.name : draft.city) = QString();
                  return Attempt { u"createBuilding"_s, invalid, refusalOf(listings.createBuilding(d.user, draft)) };
              } },
            { buildings.isEmpty() ? 0 : 2,
              [&] {
                  const QUuid id = uuidOf(pick(buildings));
                  auto draft = randomBuilding();
                  draft.floors = int(rng.bounded(1, 12)); // below an apartment's floor now and then
                  return Attempt { u"updateBuilding"_s, false, refusalOf(listings.updateBuilding(d.user, id, draft)) };
              } },
            { buildings.isEmpty() ? 0 : 1,
              [&] {
                  return Attempt { u"deleteBuilding"_s, false,
                                   refusalOf(listings.deleteBuilding(d.user, uuidOf(pick(buildings)))) };
              } },
            { buildings.isEmpty() ? 0 : (apartments.size() < 5 ? 4 : 1),
              [&] {
                  const QUuid building = uuidOf(pick(buildings));
                  auto draft = randomApartment(building, listings.building(building)->floors);
                  const bool invalid = chance(12);
                  if (invalid)
                      draft.rooms = chance(50) ? 0 : 51;
                  return Attempt { u"createApartment"_s, invalid, refusalOf(listings.createApartment(d.user, draft)) };
              } },
            { apartments.isEmpty() ? 0 : 2,
              [&] {
                  const QUuid id = uuidOf(pick(apartments));
                  auto draft = draftOf(*listings.apartment(id));
                  draft.monthlyPrice.minor = qint64(rng.bounded(1000, 9000)) * 1000;
                  draft.rooms = int(rng.bounded(1, 5));
                  if (chance(25)) {
                      draft.buildingId = uuidOf(pick(buildings)); // moves, maybe onto a taken number
                      draft.floor = 1;
                  }
                  return Attempt { u"updateApartment"_s, false,
                                   refusalOf(listings.updateApartment(d.user, id, draft)) };
              } },
            { apartments.isEmpty() ? 0 : (apartments.size() < 3 ? 1 : 3),
              [&] {
                  // Mostly one whose stays are over (declined, cancelled): its bookings and reviews go
                  // with it, and its renters may leave the landlord's sight.
                  const QStringList idle = d.ids(u"SELECT id FROM apartments AS a WHERE owner_id = :me AND NOT "
                                                 "EXISTS (SELECT 1 FROM bookings WHERE apartment_id = a.id AND "
                                                 "status IN ('requested', 'confirmed')) ORDER BY id"_s);
                  const QUuid id = uuidOf(idle.isEmpty() || chance(30) ? pick(apartments) : pick(idle));
                  return Attempt { u"deleteApartment"_s, false, refusalOf(listings.deleteApartment(d.user, id)) };
              } },
            { apartments.isEmpty() ? 0 : 1,
              [&] {
                  const QList<std::optional<ApartmentStatus>> statuses = { std::nullopt, ApartmentStatus::Free,
                                                                           ApartmentStatus::Booked,
                                                                           ApartmentStatus::Rented };
                  return Attempt { u"setApartmentStatus"_s, false,
                                   refusalOf(
                                       listings.setApartmentStatus(d.user, uuidOf(pick(apartments)), pick(statuses))) };
              } },
            { requested.isEmpty() ? 0 : 5,
              [&] {
                  return Attempt { u"confirmBooking"_s, false,
                                   refusalOf(d.bookings().confirm(d.user, uuidOf(pick(requested)))) };
              } },
            { requested.isEmpty() ? 0 : 2,
              [&] {
                  return Attempt { u"declineBooking"_s, false,
                                   refusalOf(d.bookings().decline(d.user, uuidOf(pick(requested)))) };
              } },
            { stayed.isEmpty() ? 0 : 3,
              [&] {
                  const bool invalid = chance(15);
                  const int rating = invalid ? 6 : int(rng.bounded(1, 6));
                  return Attempt { u"createReview"_s, invalid,
                                   refusalOf(d.reviews().create(d.user, { ReviewKind::Renter, uuidOf(pick(stayed)) },
                                                                rating, u"Tidy"_s)) };
              } },
            { written.isEmpty() ? 0 : 2,
              [&] {
                  return reviewEdit(d, written);
              } },
        };
        return choose(actions);
    }

    Attempt reviewEdit(Desktop &d, const QStringList &written)
    {
        const QUuid id = uuidOf(pick(written));
        if (chance(30))
            return { u"deleteReview"_s, false, refusalOf(d.reviews().remove(d.user, id)) };
        const bool invalid = chance(15);
        return { u"updateReview"_s, invalid,
                 refusalOf(d.reviews().edit(d.user, id, invalid ? 0 : int(rng.bounded(1, 6)), u"Edited"_s)) };
    }

    Attempt renterAction(Desktop &d)
    {
        const QStringList apartments = d.ids(u"SELECT id FROM apartments ORDER BY id"_s);
        const QStringList active = d.ids(u"SELECT id FROM bookings WHERE renter_id = :me AND status IN "
                                         "('requested', 'confirmed') ORDER BY id"_s);
        const QStringList stayedIn = d.ids(u"SELECT DISTINCT apartment_id FROM bookings WHERE renter_id = :me AND "
                                           "status IN ('confirmed', 'completed') ORDER BY 1"_s);
        const QStringList written = d.ids(u"SELECT id FROM reviews WHERE author_id = :me ORDER BY id"_s);
        const QList<std::pair<int, Action>> actions = {
            { apartments.isEmpty() ? 0 : 6,
              [&] {
                  QDate start = inDays(int(rng.bounded(1, 60)));
                  QDate end = start.addDays(rng.bounded(1, 30));
                  const bool invalid = chance(12);
                  if (invalid) {
                      if (chance(50))
                          start = inDays(-int(rng.bounded(1, 5))); // dates_in_past
                      else
                          end = start; // not after the start
                  }
                  return Attempt { u"requestBooking"_s, invalid,
                                   refusalOf(d.bookings().request(d.user, uuidOf(pick(apartments)), start, end)) };
              } },
            { active.isEmpty() ? 0 : 2,
              [&] {
                  return Attempt { u"cancelBooking"_s, false,
                                   refusalOf(d.bookings().cancel(d.user, uuidOf(pick(active)))) };
              } },
            { stayedIn.isEmpty() ? 0 : 3,
              [&] {
                  const QUuid apartment = uuidOf(pick(stayedIn));
                  const bool invalid = chance(15);
                  const int rating = invalid ? 0 : int(rng.bounded(1, 6));
                  if (chance(50)) {
                      return Attempt { u"createReview"_s, invalid,
                                       refusalOf(d.reviews().create(d.user, { ReviewKind::Apartment, apartment },
                                                                    rating, u"Warm"_s)) };
                  }
                  const QUuid landlord = d.listings().apartment(apartment)->ownerId;
                  return Attempt { u"createReview"_s, invalid,
                                   refusalOf(d.reviews().create(d.user, { ReviewKind::Landlord, landlord }, rating,
                                                                u"Kind"_s)) };
              } },
            { written.isEmpty() ? 0 : 2,
              [&] {
                  return reviewEdit(d, written);
              } },
        };
        return choose(actions);
    }

    // One random action on a desktop, and what it must leave: a local refusal nothing at all,
    // an acceptance exactly one journaled mutation of its name.
    QString act(Desktop &d, int round)
    {
        const Rows before = d.dump();
        const Attempt attempt = d.role == Role::Landlord ? landlordAction(d) : renterAction(d);
        if (attempt.mutation.isEmpty())
            return {};
        ++actions;
        const auto queue = d.replica->queue();
        if (!queue)
            return u"%1: the queue cannot be read"_s.arg(d.name);
        QList<QueuedMutation> added;
        for (const QueuedMutation &entry : *queue) {
            if (entry.mutation.id > d.lastJournaled())
                added << entry;
        }
        if (attempt.refusal) {
            ++refusedHere;
            if (!added.isEmpty() || d.dump() != before)
                return u"%1: %2 was refused here (%3) but left a change"_s.arg(d.name, attempt.mutation,
                                                                               attempt.refusal->message);
            return {};
        }
        if (attempt.invalid)
            return u"%1: an invalid %2 was accepted"_s.arg(d.name, attempt.mutation);
        if (added.size() != 1 || added.constFirst().mutation.name != attempt.mutation)
            return u"%1: %2 journaled %3 mutations"_s.arg(d.name, attempt.mutation).arg(added.size());
        const QueuedMutation &entry = added.constFirst();
        d.journal << Journaled { entry.mutation.id, entry.mutation.name, entry.mutation.args, round };
        d.sync->changed();
        return {};
    }

    // --- settling and the checks -------------------------------------------------------------

    QString describe(const Desktop &d) const
    {
        return u"%1: connection %2, sync %3 (%4), %5 pending, cursor %6 of %7"_s.arg(d.name)
            .arg(int(d.connection.state()))
            .arg(int(d.sync->state()))
            .arg(d.sync->problem())
            .arg(d.replica->pendingCount().value_or(-1))
            .arg(d.replica->cursor().value_or(QString()))
            .arg(serverScalar(u"SELECT coalesce(max(seq), 0) FROM sync_changes"_s));
    }

    static bool isQuiet(const Desktop &d)
    {
        return d.connection.state() == ServerConnection::State::Online && d.sync->state() == SyncClient::State::Synced
            && d.replica->pendingCount().value_or(1) == 0;
    }

    // Everyone online, every queue pushed and every replica pulled to the end of the feed. A
    // landlord is poked only for what they may see, so once nothing is left to push, each
    // replica pulls once more and must then stand at the feed's end.
    QString settle()
    {
        for (const auto &d : desktops) {
            if (d->stopped) {
                d->stopped = false;
                d->connection.connectToServer();
            }
        }
        const auto allQuiet = [&] {
            return std::all_of(desktops.cbegin(), desktops.cend(), [&](const auto &d) { return isQuiet(*d); });
        };
        bool settled = QTest::qWaitFor(allQuiet, SettleMs);
        if (settled) {
            std::vector<std::unique_ptr<QSignalSpy>> synced;
            for (const auto &d : desktops) {
                synced.push_back(std::make_unique<QSignalSpy>(d->sync.get(), &SyncClient::synced));
                d->sync->syncNow();
            }
            const qint64 end = serverScalar(u"SELECT coalesce(max(seq), 0) FROM sync_changes"_s);
            settled = QTest::qWaitFor(
                          [&] {
                              return allQuiet() && std::all_of(synced.cbegin(), synced.cend(), [](const auto &s) {
                                         return !s->isEmpty();
                                     });
                          },
                          SettleMs)
                && std::all_of(desktops.cbegin(), desktops.cend(), [&](const auto &d) {
                          return d->replica->cursor().value_or(QString()).toLongLong() == end;
                      });
        }
        if (settled)
            return {};
        QStringList states;
        for (const auto &d : desktops)
            states << describe(*d);
        return u"not settled after %1 ms: "_s.arg(SettleMs) + states.join(u"; "_s);
    }

    // What a fresh replica of the account would get: a full pull with a new client id.
    std::optional<Rows> serverView(const Desktop &d, QStringList &failures)
    {
        TestClient client;
        if (!client.open(server->url()) || !client.hello(2) || !client.logIn(d.email, Password)) {
            failures << u"%1: the check cannot log in: %2"_s.arg(d.name, client.lastError());
            return std::nullopt;
        }
        const QString clientId = QUuid::createUuid().toString(QUuid::WithoutBraces);
        Rows rows;
        QString cursor;
        for (int page = 0; page < 50; ++page) {
            QJsonObject body { { u"clientId"_s, clientId } };
            if (!cursor.isEmpty())
                body.insert(u"cursor"_s, cursor);
            const auto reply = client.call(u"sync.pull"_s, body);
            if (!reply || !reply->value(u"ok"_s).toBool()) {
                failures << u"%1: the check's pull failed: %2"_s.arg(d.name, client.lastError());
                return std::nullopt;
            }
            for (const QJsonValue &value : reply->value(u"rows"_s).toArray()) {
                const QJsonObject change = value.toObject();
                const QString key = change.value(u"entity"_s).toString() + u'/' + change.value(u"id"_s).toString();
                if (change.value(u"deleted"_s).toBool())
                    rows.remove(key);
                else
                    rows.insert(key, compact(change.value(u"row"_s).toObject()));
            }
            if (!reply->value(u"more"_s).toBool())
                return rows;
            cursor = reply->value(u"cursor"_s).toString();
        }
        failures << u"%1: the check's pull did not end"_s.arg(d.name);
        return std::nullopt;
    }

    // The ids the account may see by docs/protocol.md ("Who sees what"), read from the server's
    // tables: the view must hold exactly these.
    QSet<QString> visibleKeys(const Desktop &d) const
    {
        const QVariantMap me { { u":me"_s, d.me() } };
        const bool landlord = d.role == Role::Landlord;
        const QList<std::pair<QString, QString>> queries = {
            { u"user"_s,
              // Renters who ever asked: those with a booking now, those a review links to the
              // landlord (bookings go with a deleted apartment, reviews between people stay), and
              // the server's record of the rest.
              landlord ? u"SELECT :me UNION SELECT b.renter_id FROM bookings AS b JOIN apartments AS a ON a.id = "
                         "b.apartment_id WHERE a.owner_id = :me UNION SELECT author_id FROM reviews WHERE kind = "
                         "'landlord' AND target_user_id = :me UNION SELECT target_user_id FROM reviews WHERE kind = "
                         "'renter' AND author_id = :me UNION SELECT renter_id FROM sync_acquaintances WHERE "
                         "landlord_id = :me"_s
                       : u"SELECT id FROM users"_s },
            { u"building"_s,
              landlord ? u"SELECT id FROM buildings WHERE owner_id = :me"_s : u"SELECT id FROM buildings"_s },
            { u"apartment"_s,
              landlord ? u"SELECT id FROM apartments WHERE owner_id = :me"_s : u"SELECT id FROM apartments"_s },
            { u"booking"_s,
              landlord ? u"SELECT b.id FROM bookings AS b JOIN apartments AS a ON a.id = b.apartment_id "
                         "WHERE a.owner_id = :me"_s
                       : u"SELECT id FROM bookings WHERE renter_id = :me"_s },
            { u"review"_s,
              landlord ? u"SELECT id FROM reviews WHERE author_id = :me OR (kind = 'landlord' AND target_user_id = "
                         ":me) OR target_apartment_id IN (SELECT id FROM apartments WHERE owner_id = :me)"_s
                       : u"SELECT id FROM reviews"_s },
        };
        QSet<QString> keys;
        for (const auto &[entity, sql] : queries) {
            for (const QString &id : serverColumn(sql, me))
                keys.insert(entity + u'/' + id);
        }
        return keys;
    }

    // Hidden values hidden, and every row's parents in the view (a replica applies it with
    // foreign keys on).
    static void checkView(const Desktop &d, const Rows &view, QStringList &failures)
    {
        static const QHash<QString, QList<std::pair<QString, QString>>> parents = {
            { u"building"_s, { { u"ownerId"_s, u"user"_s } } },
            { u"apartment"_s,
              { { u"ownerId"_s, u"user"_s }, { u"buildingId"_s, u"building"_s }, { u"bookedBy"_s, u"user"_s } } },
            { u"booking"_s,
              { { u"apartmentId"_s, u"apartment"_s }, { u"renterId"_s, u"user"_s }, { u"decidedBy"_s, u"user"_s } } },
            { u"review"_s,
              { { u"authorId"_s, u"user"_s },
                { u"targetUserId"_s, u"user"_s },
                { u"targetApartmentId"_s, u"apartment"_s } } },
        };
        for (auto it = view.cbegin(); it != view.cend(); ++it) {
            const QString entity = it.key().section(u'/', 0, 0);
            const QJsonObject row = QJsonDocument::fromJson(it.value().toUtf8()).object();
            for (const auto &[key, parent] : parents.value(entity)) {
                const QString id = row.value(key).toString();
                if (!id.isEmpty() && !view.contains(parent + u'/' + id))
                    failures << u"%1's view: %2 names %3 %4 (%5), which the view lacks"_s.arg(d.name, it.key(), parent,
                                                                                              id, key);
            }
            const bool mine = row.value(u"id"_s).toString() == d.me();
            if (entity == u"user"
                && (mine ? row.value(u"email"_s).toString() != d.email || row.value(u"language"_s) != u"ru"_s
                         : !row.value(u"email"_s).isNull() || !row.value(u"phone"_s).isNull()
                            || row.value(u"language"_s) != u"en"_s))
                failures << u"%1's view: %2 shows the wrong private values: %3"_s.arg(d.name, it.key(), it.value());
            if (entity == u"apartment" && !row.value(u"bookedBy"_s).isNull()
                && row.value(u"ownerId"_s).toString() != d.me() && row.value(u"bookedBy"_s).toString() != d.me())
                failures << u"%1's view: %2 shows its renter"_s.arg(d.name, it.key());
        }
    }

    // Where a row stands in the server's feed, for the failure messages.
    QString seqOf(const QString &key) const
    {
        return u" [feed seq %1]"_s.arg(
            serverScalar(u"SELECT seq FROM sync_changes WHERE entity = :e AND row_id = :id"_s,
                         { { u":e"_s, key.section(u'/', 0, 0) }, { u":id"_s, key.section(u'/', 1) } }));
    }

    void compareRows(const QString &what, const Rows &replica, const Rows &server, QStringList &failures) const
    {
        int shown = 0;
        const auto note = [&](const QString &line) {
            if (++shown <= 8)
                failures << what + u": "_s + line;
        };
        for (auto it = replica.cbegin(); it != replica.cend(); ++it) {
            if (!server.contains(it.key()))
                note(u"%1 only in the replica: %2"_s.arg(it.key(), it.value()) + seqOf(it.key()));
            else if (server.value(it.key()) != it.value())
                note(u"%1 differs:\n  replica %2\n  server  %3"_s.arg(it.key(), it.value(), server.value(it.key()))
                     + seqOf(it.key()));
        }
        for (auto it = server.cbegin(); it != server.cend(); ++it) {
            if (!replica.contains(it.key()))
                note(u"%1 missing from the replica: %2"_s.arg(it.key(), it.value()) + seqOf(it.key()));
        }
        if (shown > 8)
            failures << what + u": and %1 more differences"_s.arg(shown - 8);
    }

    // Each journaled mutation ended applied (gone from the queue, once on the server) or refused
    // (in the refused list with the server's reason); the server handled exactly the ids sent.
    void checkMutations(const Desktop &d, QStringList &failures)
    {
        const QVariantMap keys { { u":u"_s, d.me() }, { u":c"_s, toStoredId(d.replica->clientId()) } };
        const qint64 last = serverScalar(
            u"SELECT coalesce((SELECT last_mutation_id FROM sync_clients WHERE user_id = :u AND client_id = :c), 0)"_s,
            keys);
        if (last != d.lastJournaled())
            failures
                << u"%1: the server handled mutations up to %2, the desktop made up to %3"_s.arg(d.name).arg(last).arg(
                       d.lastJournaled());
        QHash<qint64, QString> serverRefusals;
        {
            QSqlQuery query(serverDb);
            query.prepare(u"SELECT mutation_id, code FROM sync_refusals WHERE user_id = :u AND client_id = :c"_s);
            query.bindValue(u":u"_s, d.me());
            query.bindValue(u":c"_s, toStoredId(d.replica->clientId()));
            query.exec();
            while (query.next())
                serverRefusals.insert(query.value(0).toLongLong(), query.value(1).toString());
        }
        QHash<qint64, QueuedMutation> left;
        for (const QueuedMutation &entry : d.replica->queue().value_or(QList<QueuedMutation>()))
            left.insert(entry.mutation.id, entry);
        QSet<qint64> journaled;
        for (const Journaled &j : d.journal) {
            journaled.insert(j.id);
            const QString what =
                u"%1: mutation %2 %3 (round %4) %5"_s.arg(d.name).arg(j.id).arg(j.name).arg(j.round).arg(
                    compact(j.args));
            const auto created = models::sync::MutationApplier::createdId(j.name, j.args);
            if (serverRefusals.contains(j.id)) {
                const QueuedMutation entry = left.value(j.id);
                if (entry.mutation.id != j.id || entry.state != QueuedMutation::State::Refused)
                    failures << what
                            + u": refused by the server (%1) but not in the refused list"_s.arg(
                                serverRefusals.value(j.id));
                else if (entry.error.codeName() != serverRefusals.value(j.id) || entry.error.message.isEmpty())
                    failures << what
                            + u": refused as %1, kept as %2 “%3”"_s.arg(serverRefusals.value(j.id),
                                                                        entry.error.codeName(), entry.error.message);
                else if (entry.error.code == DomainError::Code::DependsOnRefused
                         && (!entry.dependsOn || !serverRefusals.contains(*entry.dependsOn)))
                    failures << what + u": refused as dependent, but not on a refused mutation of this desktop"_s;
                if (created && everOnServer.contains(entityOf(j.name) + u'/' + toStoredId(*created)))
                    failures << what + u": refused, yet its row was made on the server"_s;
            } else {
                if (left.contains(j.id))
                    failures << what
                            + u": still in the queue (state %1) though the server did not refuse it"_s.arg(
                                int(left.value(j.id).state));
                if (created && !everOnServer.contains(entityOf(j.name) + u'/' + toStoredId(*created)))
                    failures << what + u": acknowledged as applied, but its row never existed on the server"_s;
            }
        }
        for (auto it = left.cbegin(); it != left.cend(); ++it) {
            if (!journaled.contains(it.key()))
                failures << u"%1: mutation %2 %3 in the queue was not journaled by an action"_s.arg(d.name)
                                .arg(it.key())
                                .arg(it->mutation.name);
        }
        for (auto it = serverRefusals.cbegin(); it != serverRefusals.cend(); ++it) {
            if (!journaled.contains(it.key()))
                failures << u"%1: the server refused mutation %2, which the desktop never made"_s.arg(d.name).arg(
                    it.key());
        }
        if (!d.problems.isEmpty())
            failures << u"%1: the sync client failed: %2"_s.arg(d.name, d.problems.join(u" | "_s));
    }

    static QString entityOf(const QString &mutation)
    {
        if (mutation == u"createBuilding")
            return u"building"_s;
        if (mutation == u"createApartment")
            return u"apartment"_s;
        if (mutation == u"requestBooking")
            return u"booking"_s;
        return u"review"_s;
    }

    // Rules that hold on the server whatever the order of the mutations: ratings equal a
    // recount (a review applied twice would break it), confirmed stays never overlap.
    void checkServerInvariants(QStringList &failures) const
    {
        const qint64 users = serverScalar(
            u"SELECT count(*) FROM users AS u WHERE rating_sum <> (SELECT coalesce(sum(rating), 0) FROM reviews "
            "WHERE target_user_id = u.id) OR rating_count <> (SELECT count(*) FROM reviews WHERE target_user_id = "
            "u.id)"_s);
        const qint64 apartments = serverScalar(
            u"SELECT count(*) FROM apartments AS a WHERE rating_sum <> (SELECT coalesce(sum(rating), 0) FROM reviews "
            "WHERE target_apartment_id = a.id) OR rating_count <> (SELECT count(*) FROM reviews WHERE "
            "target_apartment_id = a.id)"_s);
        const qint64 overlaps = serverScalar(
            u"SELECT count(*) FROM bookings AS x JOIN bookings AS y ON x.apartment_id = y.apartment_id AND x.id < y.id "
            "WHERE x.status = 'confirmed' AND y.status = 'confirmed' AND x.start_date < y.end_date "
            "AND y.start_date < x.end_date"_s);
        if (users != 0 || apartments != 0 || overlaps != 0)
            failures << u"server: %1 users and %2 apartments whose rating is not a recount, %3 overlapping stays"_s
                            .arg(users)
                            .arg(apartments)
                            .arg(overlaps);
    }

    // Everything settles, then every check; the failures come back all at once.
    QStringList settleAndCheck(const QString &when)
    {
        QStringList failures;
        if (const QString notSettled = settle(); !notSettled.isEmpty())
            return { when + u": "_s + notSettled };
        noteServerRows();
        checkServerInvariants(failures);
        for (const auto &d : desktops) {
            const auto view = serverView(*d, failures);
            if (!view)
                continue;
            QSet<QString> keys(view->keyBegin(), view->keyEnd());
            const QSet<QString> expected = visibleKeys(*d);
            for (const QString &key : keys - expected)
                failures << u"%1's view holds %2, which the account may not see"_s.arg(d->name, key);
            for (const QString &key : expected - keys)
                failures << u"%1's view lacks %2, which the account may see"_s.arg(d->name, key);
            checkView(*d, *view, failures);
            compareRows(
                u"%1 (replica at cursor %2 vs. server)"_s.arg(d->name, d->replica->cursor().value_or(QString())),
                d->dump(), *view, failures);
            checkMutations(*d, failures);
        }
        for (QString &line : failures)
            line.prepend(when + u": "_s);
        return failures;
    }

    QString feedState() const
    {
        return u"feed end %1, pruned through %2"_s
            .arg(serverScalar(u"SELECT coalesce(max(seq), 0) FROM sync_changes"_s))
            .arg(serverScalar(
                u"SELECT coalesce((SELECT value FROM database_meta WHERE key = 'feed_pruned_through'), 0)"_s));
    }

    QString restartServer(int round)
    {
        noteServerRows();
        ++restarts;
        const QString before = feedState();
        if (!server->restart())
            return u"the server did not restart: "_s + server->errorString();
        qInfo().noquote() << u"restart %1 in round %2: before %3; after %4"_s.arg(restarts).arg(round).arg(before,
                                                                                                           feedState());
        return {};
    }

private Q_SLOTS:
    void initTestCase()
    {
        bool given = false;
        const uint fromEnvironment = qEnvironmentVariable("RENTDESK_SYNC_SEED").toUInt(&given);
        if (given)
            seed = fromEnvironment;
        rng.seed(seed);
        // Every restart disconnects every desktop: the connection's own notes would drown the rest.
        QLoggingCategory::setFilterRules(u"rentdesk.net.connection.info=false"_s);
        qInfo().noquote() << "tst_syncrandom:" << seedNote();

        // One port for the server's whole life: the desktops find it again after a restart.
        QTcpServer probe;
        QVERIFY(probe.listen(QHostAddress::LocalHost, 0));
        const quint16 port = probe.serverPort();
        probe.close();
        server = std::make_unique<ServerProcess>(
            QStringList { u"--listen"_s, u"127.0.0.1:%1"_s.arg(port), u"--signups-per-address"_s, u"100"_s });
        QVERIFY2(server->start(), failure(server->errorString()).constData());
        serverDb = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"syncrandom-server"_s);
        serverDb.setDatabaseName(server->databasePath());
        serverDb.setConnectOptions(u"QSQLITE_OPEN_READONLY"_s);
        QVERIFY(serverDb.open());
    }

    void cleanupTestCase()
    {
        desktops.clear();
        serverDb.close();
        serverDb = QSqlDatabase();
        QSqlDatabase::removeDatabase(u"syncrandom-server"_s);
        server.reset();
    }

    void randomChangesConverge()
    {
        const QList<std::tuple<QString, QString, Role>> people = {
            { u"Ann"_s, u"ann@example.org"_s, Role::Landlord }, { u"Ben"_s, u"ben@example.org"_s, Role::Landlord },
            { u"Cat"_s, u"cat@example.org"_s, Role::Renter },   { u"Dan"_s, u"dan@example.org"_s, Role::Renter },
            { u"Eve"_s, u"eve@example.org"_s, Role::Renter },
        };
        for (const auto &[name, email, role] : people) {
            desktops.push_back(std::make_unique<Desktop>(name, email, role));
            const QString started = desktops.back()->start(server->url(), true);
            QVERIFY2(started.isEmpty(), failure(started).constData());
        }
        // Ann's second desktop joins later, with a first pull of everything so far; two server
        // restarts come while changes are on the way, one when all is quiet.
        const int laptopJoins = int(rng.bounded(2, 6));
        const QList<int> busyRestarts = { int(rng.bounded(2, 6)), int(rng.bounded(7, Rounds)) };
        const int quietRestart = int(rng.bounded(5, 9));

        for (int round = 0; round < Rounds; ++round) {
            if (round == laptopJoins) {
                desktops.push_back(std::make_unique<Desktop>(u"Ann's laptop"_s, u"ann@example.org"_s, Role::Landlord));
                const QString started = desktops.back()->start(server->url(), false);
                QVERIFY2(started.isEmpty(), failure(started).constData());
            }
            if (round == quietRestart) {
                const QStringList failures = settleAndCheck(u"before the quiet restart"_s);
                QVERIFY2(failures.isEmpty(), failure(failures.join(u'\n')).constData());
                const QString restarted = restartServer(round);
                QVERIFY2(restarted.isEmpty(), failure(restarted).constData());
            }
            for (const auto &d : desktops) {
                for (int n = int(rng.bounded(1, 4)); n > 0; --n) {
                    const QString wrong = act(*d, round);
                    QVERIFY2(wrong.isEmpty(), failure(wrong).constData());
                    // Lets the sync clients run between the changes, in an order the timing picks.
                    QTest::qWait(int(rng.bounded(25)));
                }
                if (chance(20)) {
                    d->stopped = !d->stopped;
                    if (d->stopped) {
                        ++disconnects;
                        d->connection.stop();
                    } else {
                        d->connection.connectToServer();
                    }
                }
            }
            if (busyRestarts.contains(round)) {
                const QString restarted = restartServer(round);
                QVERIFY2(restarted.isEmpty(), failure(restarted).constData());
            }
        }

        const QStringList failures = settleAndCheck(u"at the end"_s);
        int journaled = 0;
        int refused = 0;
        for (const auto &d : desktops) {
            journaled += int(d->journal.size());
            refused += int(d->replica->refused().value_or(QList<QueuedMutation>()).size());
        }
        qInfo().noquote() << u"tst_syncrandom: %1 desktops, %2 actions: %3 refused here, %4 journaled, %5 applied "
                             "and %6 refused by the server; %7 disconnects, %8 server restarts; %9"_s
                                 .arg(desktops.size())
                                 .arg(actions)
                                 .arg(refusedHere)
                                 .arg(journaled)
                                 .arg(journaled - refused)
                                 .arg(refused)
                                 .arg(disconnects)
                                 .arg(restarts)
                                 .arg(seedNote());
        QVERIFY2(failures.isEmpty(), failure(failures.join(u'\n')).constData());
    }
};

QTEST_GUILESS_MAIN(TestSyncRandom)
#include "tst_syncrandom.moc"
