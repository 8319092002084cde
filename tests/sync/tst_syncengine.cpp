// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/db/database.h"
#include "models/demo/demogenerator.h"
#include "models/domain/storedvalues.h"
#include "models/query/searchindex.h"
#include "models/services/bookingservice.h"
#include "models/services/clock.h"
#include "models/services/listingservice.h"
#include "models/services/photoservice.h"
#include "models/services/reviewservice.h"
#include "models/sync/replica.h"
#include "net/chat/chatclient.h"
#include "net/connection/serverconnection.h"
#include "net/sync/syncclient.h"
#include "tests/photos/phototesting.h"
#include "tests/server/serverprocess.h"
#include "tests/server/syncpeer.h"
#include "tests/support/testsupport.h"

#include <QCryptographicHash>
#include <QFile>
#include <QSignalSpy>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTest>

#include <memory>

using namespace Qt::StringLiterals;
using namespace rentdesk;
using models::domain::BookingStatus;
using models::domain::Role;
using models::services::BookingService;
using models::services::ListingService;
using models::services::ReviewService;
using models::sync::Replica;
using net::connection::ServerConnection;
using net::sync::SyncClient;
using test::ServerProcess;

namespace {

const QString Password = u"correct horse battery"_s;

// One desktop: its replica database, its connection, the sync client and the services on the
// replica, as the app will wire them.
struct Desktop
{
    test::TempDatabase db;
    models::services::SystemClock clock;
    ServerConnection connection;
    std::unique_ptr<Replica> replica;
    std::unique_ptr<SyncClient> sync;
    QUuid user;

    ListingService listings() const { return ListingService(replica->context()); }
    BookingService bookings() const { return BookingService(replica->context()); }
    ReviewService reviews() const { return ReviewService(replica->context()); }

    // Signs up (when asked) and logs in, makes the replica and syncs it for the first time.
    bool start(const QUrl &server, const QString &email, Role role, bool signUp = true)
    {
        return begin(server, email, role, signUp) && waitSynced();
    }

    // The same up to the first sync, which is left running.
    bool begin(const QUrl &server, const QString &email, Role role, bool signUp = true,
               const QString &password = Password, int rowsPerApply = SyncClient::DefaultRowsPerApply)
    {
        connection.setBackoff({ std::chrono::milliseconds(50), std::chrono::milliseconds(400) });
        connection.setServerUrl(server);
        if (signUp) {
            QSignalSpy signedUp(&connection, &ServerConnection::signedUp);
            connection.signUp(email, email.section(u'@', 0, 0), password, role, models::domain::Language::English);
            if (!signedUp.wait(30000))
                return false;
        }
        QSignalSpy signedIn(&connection, &ServerConnection::signedIn);
        connection.logIn(email, password);
        if (!signedIn.wait(30000))
            return false;
        const auto account = signedIn.at(0).at(0).value<net::protocol::UserJson>();
        user = account.id;
        if (!Replica::initialize(*db.shared(), server.toString(), net::sync::accountProfile(account)))
            return false;
        auto opened = Replica::open(db.shared(), clock);
        if (!opened)
            return false;
        replica = std::move(*opened);
        sync = std::make_unique<SyncClient>(connection, *replica);
        sync->setRowsPerApply(rowsPerApply); // before the first reply comes
        return true;
    }

    bool waitSynced(int timeoutMs = 20000)
    {
        return QTest::qWaitFor(
            [&] { return sync->state() == SyncClient::State::Synced && replica->pendingCount().value_or(1) == 0; },
            timeoutMs);
    }

    // A change was made here: push it and wait until the server has it.
    bool pushAndWait()
    {
        QSignalSpy synced(sync.get(), &SyncClient::synced);
        sync->changed();
        return synced.wait(20000) && waitSynced();
    }

    std::optional<BookingStatus> bookingStatus(const QUuid &id) const
    {
        const auto booking = bookings().booking(id);
        return booking ? std::optional(booking->status) : std::nullopt;
    }
};

ListingService::BuildingDraft building(const QString &name)
{
    return { name, u"1 Kremlin St"_s, u"Kazan"_s, 9, 1990 };
}

ListingService::ApartmentDraft apartment(const QUuid &building, const QString &number)
{
    ListingService::ApartmentDraft draft;
    draft.buildingId = building;
    draft.number = number;
    draft.floor = 3;
    draft.rooms = 2;
    draft.areaSqm = 48;
    draft.monthlyPrice = { 3000000, u"RUB"_s };
    draft.description = u"Bright, near the metro"_s;
    return draft;
}

QDate inDays(int days)
{
    return QDate::currentDate().addDays(days);
}

QString sha256Of(const QByteArray &bytes)
{
    return QString::fromLatin1(QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex());
}

// Uploads a blob the way a desktop does before it pushes addPhoto (docs/protocol.md, "Photos").
bool upload(test::sync::Peer &peer, const QByteArray &bytes, const QString &kind)
{
    const auto missing =
        peer.client.call(u"photo.missing"_s, { { u"hashes"_s, QJsonArray::fromStringList({ sha256Of(bytes) }) } });
    if (!missing || !missing->value(u"ok"_s).toBool())
        return false;
    const qint64 chunk = missing->value(u"chunkBytes"_s).toInteger();
    std::optional<QJsonObject> reply;
    for (qint64 offset = 0; chunk > 0 && offset < bytes.size(); offset += chunk) {
        reply = peer.client.call(u"photo.put"_s,
                                 { { u"sha256"_s, sha256Of(bytes) },
                                   { u"kind"_s, kind },
                                   { u"offset"_s, offset },
                                   { u"size"_s, bytes.size() },
                                   { u"data"_s, QString::fromLatin1(bytes.mid(offset, chunk).toBase64()) } });
        if (!reply || !reply->value(u"ok"_s).toBool())
            return false;
    }
    return reply && reply->value(u"complete"_s).toBool();
}

// A JPEG of noise, too large for one chunk of photo.put or photo.get; seed makes each different.
QByteArray noisyJpeg(int seed)
{
    QImage noise(1600, 1200, QImage::Format_RGB32);
    for (int y = 0; y < noise.height(); ++y) {
        auto *line = reinterpret_cast<QRgb *>(noise.scanLine(y));
        for (int x = 0; x < noise.width(); ++x)
            line[x] = QRgb(0xFF000000u | quint32((x * 7919 + y * 104729 + seed) ^ (x * y)));
    }
    return test::encoded(noise, "jpeg", 90);
}

} // namespace

// The sync engine end to end: replicas on two (or three) desktops and the real server, the
// services writing locally at once, push, poke, pull and the rebase bringing them together.
class TestSyncEngine final : public QObject
{
    Q_OBJECT

    std::unique_ptr<ServerProcess> server;

    qint64 onServer(const QString &sql) const { return test::valueIn(server->databasePath(), sql); }

    // A server on a database of the demo's 150 apartments: a first pull of a few thousand rows.
    static bool startWithDemoData(ServerProcess &demo)
    {
        {
            auto opened = models::db::Database::open(demo.databasePath());
            if (!opened || !models::demo::generateDemoData(**opened, { 7, 150, QDate::currentDate() }))
                return false;
        }
        return demo.start();
    }

private Q_SLOTS:
    void init()
    {
        server = std::make_unique<ServerProcess>();
        QVERIFY(server->start());
    }
    void cleanup() { server.reset(); }

    // A landlord's photo (added over the raw protocol) reaches a renter's replica: its row with the pull, then its
    // bytes by photo.get, thumbnail first, checked and stored; photosArrived() says so and the gallery's service reads
    // them. Removed, the photo takes its bytes from the replica too.
    void photosArriveAfterThePull()
    {
        Desktop renter;
        QVERIFY(renter.start(server->url(), u"rita@example.org"_s, Role::Renter));
        test::sync::Peer landlord;
        QVERIFY(landlord.client.open(server->url()) && landlord.client.hello(2)
                && landlord.client.signUpAndLogIn(u"lena@example.org"_s, u"lena"_s, u"landlord"_s));
        const QString house = test::sync::newId();
        const QString flat = test::sync::newId();
        const QString picture = test::sync::newId();
        // Large enough for several chunks of photo.get.
        const QByteArray image = noisyJpeg(0);
        const QByteArray thumbnail = test::encoded(test::twoColourImage(320, 240), "jpeg", 80);
        QVERIFY(image.size() > 200000);
        QVERIFY(upload(landlord, image, u"image"_s));
        QVERIFY(upload(landlord, thumbnail, u"thumbnail"_s));
        QSignalSpy arrived(renter.sync.get(), &SyncClient::photosArrived);
        QCOMPARE(test::sync::statuses(landlord.push(
                     { landlord.mutation(u"createBuilding"_s, test::sync::buildingArgs(house, u"Mine"_s)),
                       landlord.mutation(u"createApartment"_s, test::sync::apartmentArgs(flat, house, u"1"_s)),
                       landlord.mutation(u"addPhoto"_s,
                                         { { u"id"_s, picture },
                                           { u"apartmentId"_s, flat },
                                           { u"imageSha256"_s, sha256Of(image) },
                                           { u"thumbnailSha256"_s, sha256Of(thumbnail) },
                                           { u"width"_s, 1600 },
                                           { u"height"_s, 1200 } }) })),
                 QStringList({ u"applied"_s, u"applied"_s, u"applied"_s }));

        // Thumbnails first, then images: a signal for each.
        QTRY_COMPARE_WITH_TIMEOUT(arrived.count(), 2, 20000);
        models::services::PhotoService photos(renter.replica->context());
        const auto listed = photos.photos(*models::domain::idFromStored(flat));
        QVERIFY(listed);
        QCOMPARE(listed->size(), 1);
        QCOMPARE(photos.thumbnail(sha256Of(thumbnail)).value_or(std::nullopt), std::optional(thumbnail));
        QCOMPARE(photos.image(sha256Of(image)).value_or(std::nullopt), std::optional(image));
        QCOMPARE(test::valueIn(renter.db.path(), u"SELECT count(*) FROM photo_blobs"_s), 2);

        QCOMPARE(test::sync::statuses(landlord.push({ landlord.mutation(u"removePhoto"_s, { { u"id"_s, picture } }) })),
                 QStringList({ u"applied"_s }));
        QTRY_COMPARE_WITH_TIMEOUT(test::valueIn(renter.db.path(), u"SELECT count(*) FROM apartment_photos"_s), 0,
                                  20000);
        QCOMPARE(test::valueIn(renter.db.path(), u"SELECT count(*) FROM photo_blobs"_s), 0);
        QCOMPARE(arrived.count(), 2);
    }

    // A landlord's replica adds, moves and removes photos: sync uploads the bytes the server
    // lacks (photo.missing, photo.put in chunks) before it pushes each addPhoto, and the renter's
    // replica gets the rows and then the bytes. A photo added offline keeps its bytes through a
    // pull that removes another photo (its addPhoto undone and made again), and one whose bytes
    // are gone from this computer is refused with that reason.
    void aReplicaUploadsThePhotosItAdds()
    {
        Desktop office;
        Desktop renter;
        QVERIFY(office.start(server->url(), u"lena@example.org"_s, Role::Landlord));
        QVERIFY(renter.start(server->url(), u"rita@example.org"_s, Role::Renter));
        const auto house = office.listings().createBuilding(office.user, building(u"River House"_s));
        QVERIFY(house);
        const auto flat = office.listings().createApartment(office.user, apartment(house->id, u"12"_s));
        QVERIFY(flat);
        const models::services::PhotoService photos(office.replica->context());
        const auto first = photos.add(office.user, flat->id, noisyJpeg(1));
        const auto second = photos.add(office.user, flat->id, test::encoded(test::twoColourImage(800, 600), "png"));
        QVERIFY(first && second);
        const QByteArray firstImage = *photos.image(first->imageSha256).value_or(std::nullopt);
        QVERIFY2(firstImage.size() > 3 * 48384, "the image goes in several chunks");
        QCOMPARE(office.replica->pendingCount().value_or(-1), 4);
        QVERIFY(office.pushAndWait());
        QCOMPARE(onServer(u"SELECT count(*) FROM apartment_photos"_s), 2);
        // Every blob, whole: the server checked each one's SHA-256 against its name.
        for (const auto &photo : { *first, *second }) {
            for (const QString &hash : { photo.imageSha256, photo.thumbnailSha256 }) {
                const QByteArray bytes = *photos.image(hash).value_or(std::nullopt);
                QCOMPARE(onServer(u"SELECT count(*) FROM photo_blobs WHERE sha256 = '%1' AND size = %2"_s.arg(
                             hash, QString::number(bytes.size()))),
                         1);
            }
        }

        // The same landlord at home removes the first photo while the office is offline and adds a
        // third: the office's pull removes it, and undoes and makes the third again around that.
        Desktop home;
        QVERIFY(home.start(server->url(), u"lena@example.org"_s, Role::Landlord, false));
        office.connection.stop();
        const auto third = photos.add(office.user, flat->id, noisyJpeg(3));
        QVERIFY(third);
        QVERIFY(photos.move(office.user, third->id, 0));
        QVERIFY(models::services::PhotoService(home.replica->context()).remove(home.user, first->id));
        QVERIFY(home.pushAndWait());
        office.connection.connectToServer();
        QVERIFY(office.waitSynced());
        QCOMPARE(onServer(u"SELECT count(*) FROM apartment_photos"_s), 2);
        QCOMPARE(onServer(u"SELECT position FROM apartment_photos WHERE id = '%1'"_s.arg(
                     models::domain::toStoredId(third->id))),
                 0);
        QCOMPARE(onServer(u"SELECT count(*) FROM photo_blobs WHERE sha256 = '%1'"_s.arg(third->imageSha256)), 1);
        // The first one's bytes left the office's replica with it; the others' stay.
        QCOMPARE(test::valueIn(office.db.path(), u"SELECT count(*) FROM photo_blobs"_s), 4);

        // The renter has both, in the owner's order, with their bytes.
        QTRY_COMPARE_WITH_TIMEOUT(test::valueIn(renter.db.path(), u"SELECT count(*) FROM photo_blobs"_s), 4, 20000);
        const auto seen = models::services::PhotoService(renter.replica->context()).photos(flat->id);
        QVERIFY(seen && seen->size() == 2);
        QCOMPARE(seen->at(0).id, third->id);
        QCOMPARE(seen->at(1).id, second->id);
        QCOMPARE(
            models::services::PhotoService(renter.replica->context()).image(third->imageSha256).value_or(std::nullopt),
            photos.image(third->imageSha256).value_or(std::nullopt));

        // A photo whose bytes went from this computer before they were uploaded: refused, saying so.
        office.connection.stop();
        const auto lost = photos.add(office.user, flat->id,
                                     test::encoded(test::twoColourImage(640, 480, Qt::green, Qt::yellow), "png"));
        QVERIFY(lost);
        QSqlQuery forget(office.db.connection());
        QVERIFY(forget.prepare(u"DELETE FROM photo_blobs WHERE sha256 = :sha256"_s));
        forget.bindValue(u":sha256"_s, lost->imageSha256);
        QVERIFY(forget.exec() && forget.numRowsAffected() == 1);
        office.connection.connectToServer();
        QVERIFY(office.waitSynced());
        const auto refused = office.replica->refused();
        QVERIFY(refused && refused->size() == 1);
        QCOMPARE(refused->at(0).mutation.name, u"addPhoto"_s);
        QVERIFY2(refused->at(0).error.message.contains(u"no longer on this computer"_s),
                 qPrintable(refused->at(0).error.message));
        QCOMPARE(photos.photos(flat->id).value_or(QList<models::domain::Photo>()).size(), 2);
        QCOMPARE(onServer(u"SELECT count(*) FROM apartment_photos"_s), 2);
        // Its thumbnail's bytes stay for a retry, even through a pull that removes a photo.
        QCOMPARE(test::valueIn(office.db.path(), u"SELECT count(*) FROM photo_blobs"_s), 5);
        QVERIFY(models::services::PhotoService(home.replica->context()).remove(home.user, second->id));
        QVERIFY(home.pushAndWait());
        QTRY_COMPARE_WITH_TIMEOUT(photos.photos(flat->id).value_or(QList<models::domain::Photo>()).size(), 1, 20000);
        QCOMPARE(test::valueIn(office.db.path(), u"SELECT count(*) FROM photo_blobs"_s), 3);
        // Discarded, it takes them with it.
        QVERIFY(office.replica->discard(refused->at(0).mutation.id));
        QCOMPARE(test::valueIn(office.db.path(), u"SELECT count(*) FROM photo_blobs"_s), 2);
    }

    void landlordAndRenterConverge()
    {
        Desktop landlord;
        Desktop renter;
        QVERIFY(landlord.start(server->url(), u"lena@example.org"_s, Role::Landlord));
        QVERIFY(renter.start(server->url(), u"roman@example.org"_s, Role::Renter));

        // Written locally at once, with the mark of a change waiting.
        const auto house = landlord.listings().createBuilding(landlord.user, building(u"River House"_s));
        QVERIFY(house);
        const auto flat = landlord.listings().createApartment(landlord.user, apartment(house->id, u"12"_s));
        QVERIFY(flat);
        QCOMPARE(landlord.replica->pendingCount().value_or(-1), 2);
        QVERIFY(landlord.pushAndWait());
        QCOMPARE(
            onServer(u"SELECT count(*) FROM apartments WHERE id = '%1'"_s.arg(models::domain::toStoredId(flat->id))),
            1);

        // The renter sees it after the poke, without asking.
        QTRY_VERIFY_WITH_TIMEOUT(renter.listings().apartment(flat->id).has_value(), 20000);
        QCOMPARE(renter.listings().building(house->id)->name, u"River House"_s);

        const auto request = renter.bookings().request(renter.user, flat->id, inDays(10), inDays(40));
        QVERIFY(request);
        QVERIFY(renter.pushAndWait());
        QTRY_COMPARE_WITH_TIMEOUT(landlord.bookingStatus(request->id), std::optional(BookingStatus::Requested), 20000);

        QVERIFY(landlord.bookings().confirm(landlord.user, request->id));
        QVERIFY(landlord.pushAndWait());
        QTRY_COMPARE_WITH_TIMEOUT(renter.bookingStatus(request->id), std::optional(BookingStatus::Confirmed), 20000);
        for (Desktop *desktop : { &landlord, &renter })
            QCOMPARE(desktop->listings().apartment(flat->id)->status, models::domain::ApartmentStatus::Booked);

        // Reviews both ways; the ratings agree everywhere.
        QVERIFY(
            renter.reviews().create(renter.user, { models::domain::ReviewKind::Apartment, flat->id }, 4, u"Warm"_s));
        QVERIFY(renter.reviews().create(renter.user, { models::domain::ReviewKind::Landlord, landlord.user }, 5, {}));
        QVERIFY(landlord.reviews().create(landlord.user, { models::domain::ReviewKind::Renter, renter.user }, 3, {}));
        QVERIFY(renter.pushAndWait());
        QVERIFY(landlord.pushAndWait());
        QVERIFY(renter.pushAndWait());
        for (Desktop *desktop : { &landlord, &renter }) {
            QTRY_COMPARE_WITH_TIMEOUT(desktop->listings().apartment(flat->id)->rating.sum, 4, 20000);
        }
        QCOMPARE(onServer(u"SELECT rating_sum FROM apartments"_s), 4);
        QCOMPARE(onServer(u"SELECT rating_sum FROM users WHERE email = 'lena@example.org'"_s), 5);
        QCOMPARE(onServer(u"SELECT rating_sum FROM users WHERE email = 'roman@example.org'"_s), 3);
        QCOMPARE(
            onServer(u"SELECT count(*) FROM mail_outbox WHERE event IN ('booking_requested', 'booking_confirmed')"_s),
            2);
        // Nothing is left in either queue, and the replicas do not journal mail.
        for (Desktop *desktop : { &landlord, &renter }) {
            QCOMPARE(desktop->replica->queue()->size(), 0);
        }
    }

    // Both offline, both change; back online everything converges. Two renters ask for the same
    // dates; the landlord confirms one on each of two offline desktops: the server confirms the
    // first to arrive, the other comes back refused with the reason, its effect undone, kept.
    void offlineChangesConvergeAndAConflictIsRefused()
    {
        Desktop office;
        Desktop ann;
        Desktop bob;
        QVERIFY(office.start(server->url(), u"lena@example.org"_s, Role::Landlord));
        QVERIFY(ann.start(server->url(), u"ann@example.org"_s, Role::Renter));
        QVERIFY(bob.start(server->url(), u"bob@example.org"_s, Role::Renter));
        const auto house = office.listings().createBuilding(office.user, building(u"Hill House"_s));
        QVERIFY(house);
        const auto flat = office.listings().createApartment(office.user, apartment(house->id, u"1"_s));
        QVERIFY(flat);
        QVERIFY(office.pushAndWait());
        QTRY_VERIFY_WITH_TIMEOUT(ann.listings().apartment(flat->id).has_value(), 20000);
        QTRY_VERIFY_WITH_TIMEOUT(bob.listings().apartment(flat->id).has_value(), 20000);

        // Offline: the renters ask, the landlord edits the listing.
        ann.connection.stop();
        bob.connection.stop();
        office.connection.stop();
        const auto annAsks = ann.bookings().request(ann.user, flat->id, inDays(5), inDays(15));
        const auto bobAsks = bob.bookings().request(bob.user, flat->id, inDays(10), inDays(20));
        QVERIFY(annAsks && bobAsks);
        auto renamed = building(u"Hill House, renovated"_s);
        QVERIFY(office.listings().updateBuilding(office.user, house->id, renamed));
        QCOMPARE(office.listings().building(house->id)->name, u"Hill House, renovated"_s);
        for (Desktop *desktop : { &ann, &bob, &office })
            desktop->connection.connectToServer();
        for (Desktop *desktop : { &ann, &bob, &office })
            QVERIFY(desktop->waitSynced());
        QTRY_VERIFY_WITH_TIMEOUT(office.bookingStatus(annAsks->id) && office.bookingStatus(bobAsks->id), 20000);
        QTRY_COMPARE_WITH_TIMEOUT(ann.listings().building(house->id)->name, u"Hill House, renovated"_s, 20000);

        // The landlord's second desktop, synced, then both offline confirm different requests.
        Desktop laptop;
        QVERIFY(laptop.start(server->url(), u"lena@example.org"_s, Role::Landlord, false));
        QVERIFY(laptop.bookingStatus(bobAsks->id));
        office.connection.stop();
        laptop.connection.stop();
        QVERIFY(office.bookings().confirm(office.user, annAsks->id));
        QVERIFY(laptop.bookings().confirm(laptop.user, bobAsks->id));
        // Locally each confirmation declined the other request.
        QCOMPARE(office.bookingStatus(bobAsks->id), std::optional(BookingStatus::Declined));
        QCOMPARE(laptop.bookingStatus(annAsks->id), std::optional(BookingStatus::Declined));

        office.connection.connectToServer();
        QVERIFY(office.waitSynced());
        laptop.connection.connectToServer();
        QTRY_VERIFY_WITH_TIMEOUT(!laptop.replica->refused()->isEmpty(), 20000);
        QVERIFY(laptop.waitSynced());
        const auto refused = *laptop.replica->refused();
        QCOMPARE(refused.size(), 1);
        QCOMPARE(refused.first().mutation.name, u"confirmBooking"_s);
        QCOMPARE(refused.first().error.codeName(), u"wrong_state"_s);
        QVERIFY2(!refused.first().error.message.isEmpty(), "the server's reason is kept");
        // Its effect is undone: the laptop shows what the server decided.
        QCOMPARE(laptop.bookingStatus(annAsks->id), std::optional(BookingStatus::Confirmed));
        QCOMPARE(laptop.bookingStatus(bobAsks->id), std::optional(BookingStatus::Declined));
        QTRY_COMPARE_WITH_TIMEOUT(bob.bookingStatus(bobAsks->id), std::optional(BookingStatus::Declined), 20000);
        QTRY_COMPARE_WITH_TIMEOUT(ann.bookingStatus(annAsks->id), std::optional(BookingStatus::Confirmed), 20000);
        QCOMPARE(onServer(u"SELECT count(*) FROM bookings WHERE status = 'confirmed'"_s), 1);
        // Kept until discarded; discarding removes it and nothing else.
        QVERIFY(laptop.replica->discard(refused.first().mutation.id));
        QCOMPARE(laptop.replica->refused()->size(), 0);
        QCOMPARE(laptop.bookingStatus(annAsks->id), std::optional(BookingStatus::Confirmed));
    }
    // Chat and sync on one connection, at the same time: a message sent while the landlord's
    // push and the renter's pulls are under way arrives, and each reply reaches its own feature.
    void chatAndSyncShareTheConnection()
    {
        Desktop landlord;
        Desktop renter;
        QVERIFY(landlord.start(server->url(), u"lena@example.org"_s, Role::Landlord));
        QVERIFY(renter.start(server->url(), u"roman@example.org"_s, Role::Renter));
        net::chat::ChatClient landlordChat(landlord.connection, landlord.db.shared(), landlord.clock);
        net::chat::ChatClient renterChat(renter.connection, renter.db.shared(), renter.clock);

        QSignalSpy started(&renterChat, &net::chat::ChatClient::conversationStarted);
        renterChat.startConversation(u"lena@example.org"_s, std::nullopt);
        QVERIFY(started.wait(20000));
        const QUuid conversation = started.at(0).at(0).value<net::protocol::ConversationJson>().id;

        // The landlord lists forty apartments and the renter writes, both at once.
        QSignalSpy arrived(&landlordChat, &net::chat::ChatClient::messageReceived);
        QSignalSpy sent(&renterChat, &net::chat::ChatClient::messageSent);
        const auto house = landlord.listings().createBuilding(landlord.user, building(u"Chat House"_s));
        QVERIFY(house);
        QList<QUuid> flats;
        for (int i = 1; i <= 40; ++i) {
            const auto flat =
                landlord.listings().createApartment(landlord.user, apartment(house->id, QString::number(i)));
            QVERIFY(flat);
            flats << flat->id;
        }
        landlord.sync->changed();
        for (int i = 1; i <= 5; ++i)
            QVERIFY(renterChat.send(conversation, u"Is it free in May? (%1)"_s.arg(i)));
        QTRY_COMPARE_WITH_TIMEOUT(arrived.size(), 5, 20000);
        QTRY_COMPARE_WITH_TIMEOUT(sent.size(), 5, 20000);
        QCOMPARE(arrived.last().at(0).value<net::protocol::ChatMessageJson>().text, u"Is it free in May? (5)"_s);
        QVERIFY(landlord.waitSynced());
        QTRY_VERIFY_WITH_TIMEOUT(renter.listings().apartment(flats.last()).has_value(), 20000);
        QVERIFY(renter.waitSynced());

        // And back: the renter asks to book while the landlord answers in the chat.
        QSignalSpy answered(&renterChat, &net::chat::ChatClient::messageReceived);
        const auto request = renter.bookings().request(renter.user, flats.first(), inDays(10), inDays(40));
        QVERIFY(request);
        renter.sync->changed();
        QVERIFY(landlordChat.send(conversation, u"Yes, ask away"_s));
        QTRY_VERIFY_WITH_TIMEOUT(!answered.isEmpty(), 20000);
        QCOMPARE(answered.constFirst().at(0).value<net::protocol::ChatMessageJson>().text, u"Yes, ask away"_s);
        QTRY_COMPARE_WITH_TIMEOUT(landlord.bookingStatus(request->id), std::optional(BookingStatus::Requested), 20000);
        for (Desktop *desktop : { &landlord, &renter }) {
            QVERIFY(desktop->waitSynced());
            QCOMPARE(desktop->connection.state(), ServerConnection::State::Online);
        }
    }

    // A large first pull goes in batches with the browsing indexes set aside. Cut off midway
    // (the server killed), it keeps what it applied and resumes from that cursor, and ends with
    // every index and the search index built and the same rows as a replica pulled at once.
    void aFirstPullResumesAfterADisconnect()
    {
        // Pages of 16 KiB (a quarter of --max-queued-bytes): a few dozen rows each.
        ServerProcess demo({ u"--max-queued-bytes"_s, u"65536"_s });
        QVERIFY2(startWithDemoData(demo), qPrintable(demo.errorString()));
        const QString email = models::demo::demoRenter().email;
        const QString password = models::demo::demoPassword();

        Desktop whole;
        // One batch: no bulk load.
        QVERIFY(whole.begin(demo.url(), email, Role::Renter, false, password) && whole.waitSynced(60000));
        const qint64 total = whole.sync->rowsPulled();
        QVERIFY2(total > 300, qPrintable(QString::number(total)));

        Desktop cut;
        QVERIFY(cut.begin(demo.url(), email, Role::Renter, false, password, 1));
        cut.replica->setBulkLoadChanges(100); // the demo's feed is smaller than a real bulk load
        bool killed = false;
        connect(cut.sync.get(), &SyncClient::pulled, this, [&](int, qint64, bool end) {
            if (!killed && !end) {
                killed = true;
                demo.kill();
            }
        });
        QTRY_VERIFY_WITH_TIMEOUT(killed && cut.sync->state() == SyncClient::State::Offline, 20000);
        const qint64 atCut = cut.sync->rowsPulled();
        const QString path = cut.db.path();
        const auto rows = [](const QString &file) {
            return test::valueIn(file,
                                 u"SELECT (SELECT count(*) FROM users) + (SELECT count(*) FROM buildings) + "
                                 "(SELECT count(*) FROM apartments) + (SELECT count(*) FROM reviews) + "
                                 "(SELECT count(*) FROM bookings)"_s);
        };
        const auto indexes = [](const QString &file) {
            return test::rowsIn(file, u"SELECT name FROM sqlite_schema WHERE type = 'index' ORDER BY name"_s);
        };
        QVERIFY2(atCut > 0 && atCut < total, qPrintable(u"%1 of %2"_s.arg(atCut).arg(total)));
        // What arrived is kept with its cursor; the browsing indexes wait for the end.
        QCOMPARE(rows(path), atCut);
        QVERIFY(!cut.replica->cursor().value_or(QString()).isEmpty());
        QVERIFY(test::valueIn(path, u"SELECT count(*) FROM replica_deferred_indexes"_s) > 5);
        QVERIFY(!indexes(path).contains(u"apartments_price_idx"_s));
        QVERIFY(indexes(whole.db.path()).contains(u"apartments_price_idx"_s));

        // The server back (on a new port): the pull goes on from the cursor, not from the start.
        QVERIFY2(demo.start(), qPrintable(demo.errorString()));
        cut.connection.setServerUrl(demo.url());
        QVERIFY(cut.waitSynced(60000));
        QCOMPARE(atCut + cut.sync->rowsPulled(), total);
        QCOMPARE(rows(path), total);
        QCOMPARE(indexes(path), indexes(whole.db.path()));
        QCOMPARE(test::valueIn(path, u"SELECT count(*) FROM replica_deferred_indexes"_s), 0);
        QCOMPARE(test::valueIn(path, u"SELECT count(*) FROM apartments_search_stale"_s), 0);
        QCOMPARE(test::valueIn(path, u"SELECT count(*) FROM apartments_search"_s),
                 test::valueIn(path, u"SELECT count(*) FROM apartments"_s));
        for (const char *table : { "users", "buildings", "apartments", "bookings", "reviews" }) {
            const QString all = u"SELECT * FROM %1 ORDER BY id"_s.arg(QLatin1StringView(table));
            QCOMPARE(test::rowsIn(path, all), test::rowsIn(whole.db.path(), all));
        }
    }

    // A large first pull comes as one file (sync.snapshot), read by chunks; the connection lost
    // midway, it goes on from the bytes it has. The replica ends as one pulled by pages: the
    // same rows, every index, a search index of every apartment and nothing marked stale.
    void aLargeFirstPullComesAsOneFile()
    {
        // Replies of 16 KiB (a quarter of --max-queued-bytes): chunks of 12 KiB, a hundred or more.
        ServerProcess demo({ u"--max-queued-bytes"_s, u"65536"_s });
        QVERIFY2(startWithDemoData(demo), qPrintable(demo.errorString()));
        const QString email = models::demo::demoRenter().email;
        const QString password = models::demo::demoPassword();

        Desktop paged;
        QVERIFY(paged.begin(demo.url(), email, Role::Renter, false, password));
        paged.sync->setSnapshotsEnabled(false);
        QVERIFY(paged.waitSynced(60000));

        Desktop copied;
        QVERIFY(copied.begin(demo.url(), email, Role::Renter, false, password));
        copied.sync->setSnapshotChanges(100); // the demo's feed is smaller than a real first pull
        QList<qint64> received;
        qint64 size = 0;
        connect(copied.sync.get(), &SyncClient::snapshotProgress, this, [&](qint64 bytes, qint64 total) {
            received.append(bytes);
            size = total;
            if (received.size() == 3) // the connection lost; back at once
                QMetaObject::invokeMethod(
                    this,
                    [&] {
                        copied.connection.stop();
                        copied.connection.connectToServer();
                    },
                    Qt::QueuedConnection);
        });
        int reconnected = 0;
        connect(&copied.connection, &ServerConnection::stateChanged, this, [&](ServerConnection::State state) {
            reconnected += !received.isEmpty() && state == ServerConnection::State::Online ? 1 : 0;
        });
        QVERIFY(copied.waitSynced(60000));
        QCOMPARE(reconnected, 1);
        QVERIFY2(received.size() > 20, qPrintable(QString::number(received.size())));
        QCOMPARE(received.last(), size);
        // Never from the start again: each chunk once, in order.
        const qint64 chunk = received.first();
        QCOMPARE(received.size(), (size + chunk - 1) / chunk);
        QVERIFY(std::adjacent_find(received.cbegin(), received.cend(), std::greater_equal<>()) == received.cend());
        QVERIFY(!QFile::exists(copied.replica->snapshotPath()));
        QCOMPARE(copied.sync->rowsPulled(), paged.sync->rowsPulled());

        const QString path = copied.db.path();
        for (const char *table : { "users", "buildings", "apartments", "bookings", "reviews" }) {
            const QString all = u"SELECT * FROM %1 ORDER BY id"_s.arg(QLatin1StringView(table));
            QCOMPARE(test::rowsIn(path, all), test::rowsIn(paged.db.path(), all));
        }
        const QString indexes = u"SELECT name FROM sqlite_schema WHERE type IN ('index', 'trigger') ORDER BY name"_s;
        QCOMPARE(test::rowsIn(path, indexes), test::rowsIn(paged.db.path(), indexes));
        QCOMPARE(test::valueIn(path, u"SELECT count(*) FROM apartments_search_stale"_s), 0);
        const QString found = u"SELECT a.id FROM apartments_search AS s JOIN apartments AS a ON a.rowid = s.rowid "
                              "WHERE apartments_search MATCH 'квартира' ORDER BY a.id"_s;
        QVERIFY(!test::rowsIn(path, found).isEmpty());
        // The replica pulled by pages indexes what it got when it is first searched.
        QVERIFY(models::query::refreshSearchIndex(paged.db.connection()));
        QCOMPARE(test::rowsIn(path, found), test::rowsIn(paged.db.path(), found));

        // Changes after the snapshot come as pages, as for any replica.
        QVERIFY(test::rowsIn(demo.databasePath(),
                             u"UPDATE apartments SET description = 'Renovated, by the metro' "
                             "WHERE rowid = (SELECT min(rowid) FROM apartments)"_s)
                    .isEmpty());
        copied.sync->syncNow();
        QTRY_COMPARE_WITH_TIMEOUT(
            test::valueIn(path, u"SELECT count(*) FROM apartments WHERE description = 'Renovated, by the metro'"_s), 1,
            20000);
    }
};

QTEST_GUILESS_MAIN(TestSyncEngine)
#include "tst_syncengine.moc"
