// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/db/database.h"
#include "models/domain/storedvalues.h"
#include "models/services/calendarimport.h"
#include "models/services/photoservice.h"
#include "models/sync/publication.h"
#include "models/sync/replica.h"
#include "tests/photos/phototesting.h"
#include "tests/support/servicefixture.h"
#include "tests/support/testsupport.h"

#include <QSqlQuery>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace rentdesk;
using models::domain::ApartmentStatus;
using models::domain::Role;
using models::sync::Publication;
using models::sync::Replica;

// What a landlord's standalone database publishes (models/sync/publication.h): read from the
// file as of a day, and made on a connected replica of the landlord's server account, once.
class TestPublication final : public QObject
{
    Q_OBJECT

    std::unique_ptr<test::ServiceFixture> f;
    QUuid landlord, renter, mine, flat1, flat2;

    static models::domain::User landlordOnTheServer()
    {
        models::domain::User account;
        account.id = models::domain::newId();
        account.email = u"lena@example.org"_s;
        account.displayName = u"Lena on the server"_s;
        account.role = Role::Landlord;
        return account;
    }

    // A connected replica of the account in an empty file, as the first sign-in makes it.
    [[nodiscard]] models::services::Result<std::unique_ptr<Replica>>
    replicaOf(const test::TempDatabase &file, const models::domain::User &account) const
    {
        if (auto made = Replica::initialize(file.database(), u"wss://rentdesk.example.org"_s, account); !made)
            return std::unexpected(made.error());
        return Replica::open(file.shared(), f->clock);
    }

private Q_SLOTS:
    void init()
    {
        f = std::make_unique<test::ServiceFixture>();
        QVERIFY2(f->isValid(), qPrintable(f->errorMessage()));
        landlord = f->addLandlord(u"Lena Landlord"_s);
        const QUuid other = f->addLandlord(u"Oleg Other"_s);
        renter = f->addRenter(u"Roman Renter"_s);
        mine = f->addBuilding(landlord, u"River House"_s);
        flat1 = f->addApartment(landlord, mine, u"1"_s);
        flat2 = f->addApartment(landlord, mine, u"2"_s);
        const QUuid theirs = f->addApartment(other, f->addBuilding(other, u"Not Mine"_s), u"9"_s);
        const QDate day0 = f->clock.today();
        f->addStay(renter, landlord, flat1, day0.addDays(1), day0.addDays(3)); // over by day 5
        f->addStay(renter, landlord, flat1, day0.addDays(4), day0.addDays(8)); // begun by day 5
        f->addStay(renter, landlord, flat1, day0.addDays(10), day0.addDays(12)); // ahead
        f->addStay(renter, other, theirs, day0.addDays(10), day0.addDays(12)); // someone else's
        QVERIFY(f->bookings.request(renter, flat2, day0.addDays(20), day0.addDays(22)));
        QVERIFY(f->listings.setApartmentStatus(landlord, flat2, ApartmentStatus::Rented));
        QVERIFY(f->reviews.create(renter, { models::domain::ReviewKind::Landlord, landlord }, 5, u"Kind"_s));
        f->clock.advanceDays(5);
    }
    void cleanup() { f.reset(); }

    void theLandlordsPartIsReadAsOfToday()
    {
        const QStringList before = f->dump();
        const auto p = Publication::read(f->database().database(), landlord, f->clock.today());
        QVERIFY2(p, qPrintable(p ? QString() : p.error().message));
        QCOMPARE(p->buildings, 1);
        QCOMPARE(p->apartments, 2);
        QCOMPARE(p->stays, 2); // the one begun and the one ahead
        QCOMPARE(p->pastStays, 1);
        QCOMPARE(p->requests, 1);
        QCOMPARE(p->reviews, 1);
        QStringList names;
        for (const models::sync::Mutation &change : p->changes)
            names << change.name;
        QCOMPARE(names,
                 (QStringList { u"createBuilding"_s, u"createApartment"_s, u"createApartment"_s,
                                u"setApartmentStatus"_s, u"holdDates"_s, u"holdDates"_s }));
        QCOMPARE(p->changes[0].args.value(u"id"_s).toString(), models::domain::toStoredId(mine));
        QCOMPARE(p->changes[0].args.value(u"name"_s).toString(), u"River House"_s);
        QCOMPARE(p->changes[3].args.value(u"status"_s).toString(), u"rented"_s);
        QCOMPARE(p->changes[4].args.value(u"startDate"_s).toString(),
                 models::domain::toStoredDate(f->clock.today().addDays(-1)));
        QCOMPARE(f->dump(), before); // only read
    }

    void publishingMakesEachChangeOnceOnTheReplica()
    {
        const auto p = Publication::read(f->database().database(), landlord, f->clock.today());
        QVERIFY(p);
        test::TempDatabase replicaFile;
        const models::domain::User account = landlordOnTheServer();
        auto replica = replicaOf(replicaFile, account);
        QVERIFY(replica);

        const auto first = models::sync::publish(**replica, *p);
        QVERIFY2(first, qPrintable(first ? QString() : first.error().message));
        QCOMPARE(first->queued.size(), 6);
        QVERIFY(first->refused.isEmpty());
        QCOMPARE(first->alreadyThere, 0);
        QCOMPARE((*replica)->pendingCount().value_or(-1), 6);
        // The stays are the account's holds; the hand-set status came along.
        QCOMPARE(test::valueIn(replicaFile.path(),
                               u"SELECT count(*) FROM bookings WHERE status = 'confirmed' AND renter_id = '%1'"_s.arg(
                                   models::domain::toStoredId(account.id))),
                 2);
        QCOMPARE(test::valueIn(replicaFile.path(),
                               u"SELECT count(*) FROM apartments WHERE status = 'rented' AND status_manual = 1"_s),
                 1);

        // Again (after an interruption, say): nothing twice.
        const auto again = models::sync::publish(**replica, *p);
        QVERIFY(again);
        QVERIFY(again->queued.isEmpty());
        QCOMPARE(again->alreadyThere, 5);
        QCOMPARE((*replica)->pendingCount().value_or(-1), 6);
    }

    // Blocked nights not over go too: a block by hand as a block, a calendar's blocks as that
    // calendar imported (the server moves and removes them by UID at its next import), each
    // made on the replica as the account's; publishing again makes none of them twice.
    void blocksGoAsBlocksAndCalendarsAsTheirImport()
    {
        const QDate today = f->clock.today();
        QVERIFY(f->bookings.block(landlord, flat2, today.addDays(2), today.addDays(4)));
        const auto imported =
            f->bookings.importBlocks(landlord, flat2, u"site.ics"_s,
                                     { { u"e1@site"_s, today.addDays(30), today.addDays(32), u"Reserved"_s },
                                       { u"e2@site"_s, today.addDays(40), today.addDays(41), u"Reserved"_s } });
        QVERIFY2(imported, qPrintable(imported ? QString() : imported.error().message));
        const auto p = Publication::read(f->database().database(), landlord, today);
        QVERIFY(p);
        QCOMPARE(p->blocks, 3);
        QStringList names;
        for (const models::sync::Mutation &change : p->changes)
            names << change.name;
        QCOMPARE(names.mid(6), (QStringList { u"blockDates"_s, u"importBlocks"_s }));
        const auto calendar = models::services::readCalendarImportArgs(p->changes.at(7).args);
        QVERIFY(calendar);
        QCOMPARE(calendar->apartment, flat2);
        QCOMPARE(calendar->events.size(), 2);
        QCOMPARE(calendar->events.at(1).uid, u"e2@site"_s);

        test::TempDatabase replicaFile;
        const models::domain::User account = landlordOnTheServer();
        auto replica = replicaOf(replicaFile, account);
        QVERIFY(replica);
        const auto first = models::sync::publish(**replica, *p);
        QVERIFY2(first, qPrintable(first ? QString() : first.error().message));
        QVERIFY2(first->refused.isEmpty(),
                 qPrintable(first->refused.isEmpty() ? QString() : first->refused.first().second.message));
        QCOMPARE(first->queued.size(), 8);
        const QString me = models::domain::toStoredId(account.id);
        QCOMPARE(test::valueIn(replicaFile.path(),
                               u"SELECT count(*) FROM bookings WHERE status = 'blocked' AND renter_id = '%1' "
                               "AND block_source IS NULL"_s.arg(me)),
                 1);
        QCOMPARE(test::valueIn(replicaFile.path(),
                               u"SELECT count(*) FROM bookings WHERE status = 'blocked' AND renter_id = '%1' "
                               "AND block_source = 'site.ics'"_s.arg(me)),
                 2);
        QCOMPARE(
            test::valueIn(replicaFile.path(),
                          u"SELECT count(*) FROM pending_mutations WHERE name IN ('blockDates', 'importBlocks')"_s),
            2);

        const auto again = models::sync::publish(**replica, *p);
        QVERIFY(again);
        QVERIFY(again->queued.isEmpty());
        QCOMPARE(again->alreadyThere, 7);
    }

    // A slice at a time, as the window does it: the same changes, the status after its apartment.
    void publishingInSlicesMakesTheSame()
    {
        const auto p = Publication::read(f->database().database(), landlord, f->clock.today());
        QVERIFY(p);
        test::TempDatabase replicaFile;
        const models::domain::User account = landlordOnTheServer();
        auto replica = replicaOf(replicaFile, account);
        QVERIFY(replica);
        auto publisher = models::sync::Publisher::start(**replica, *p);
        QVERIFY(publisher);
        int slices = 0;
        for (bool done = false; !done && slices < 100; ++slices) {
            auto next = publisher->next(1);
            QVERIFY(next);
            done = *next;
            QCOMPARE(publisher->made(), std::min<qsizetype>(slices + 1, publisher->total()));
        }
        QCOMPARE(slices, 6);
        QCOMPARE(publisher->result().queued.size(), 6);
        QCOMPARE(test::valueIn(replicaFile.path(),
                               u"SELECT count(*) FROM apartments WHERE status = 'rented' AND status_manual = 1"_s),
                 1);
    }

    // The apartments' photos go in their order, each with its bytes copied from the file into
    // the replica (sync uploads them from there); once each. A photo whose bytes are no longer in
    // the file is refused, saying so, and the others go.
    void photosGoWithTheirBytes()
    {
        const models::services::PhotoService local(f->context(models::services::Mode::Standalone));
        const auto png = [](QColor top, QColor bottom) {
            return test::encoded(test::twoColourImage(800, 600, top, bottom), "png");
        };
        const auto a = local.add(landlord, flat1, png(Qt::red, Qt::blue));
        const auto b = local.add(landlord, flat1, png(Qt::green, Qt::yellow));
        const auto c = local.add(landlord, flat2, png(Qt::black, Qt::white));
        QVERIFY(a && b && c);
        QVERIFY(local.move(landlord, b->id, 0));
        const auto p = Publication::read(f->database().database(), landlord, f->clock.today());
        QVERIFY(p);
        QCOMPARE(p->photos, 3);
        QStringList ofFlat1, ofFlat2; // in the order of the changes
        for (const models::sync::Mutation &change : p->changes) {
            if (change.name != u"addPhoto")
                continue;
            const bool one = change.args.value(u"apartmentId"_s).toString() == models::domain::toStoredId(flat1);
            (one ? ofFlat1 : ofFlat2) << change.args.value(u"id"_s).toString();
        }
        QCOMPARE(ofFlat1, (QStringList { models::domain::toStoredId(b->id), models::domain::toStoredId(a->id) }));
        QCOMPARE(ofFlat2, (QStringList { models::domain::toStoredId(c->id) }));

        test::TempDatabase replicaFile;
        auto replica = replicaOf(replicaFile, landlordOnTheServer());
        QVERIFY(replica);
        const auto first = models::sync::publish(**replica, *p);
        QVERIFY2(first, qPrintable(first ? QString() : first.error().message));
        QVERIFY(first->refused.isEmpty());
        QCOMPARE(first->queued.size(), 6 + 3);
        const models::services::PhotoService there((*replica)->context());
        const auto gallery = there.photos(flat1);
        QVERIFY(gallery && gallery->size() == 2);
        QCOMPARE(gallery->at(0).id, b->id);
        QCOMPARE(gallery->at(1).id, a->id);
        for (const auto &photo : { *a, *b, *c }) {
            QCOMPARE(there.image(photo.imageSha256).value_or(std::nullopt),
                     local.image(photo.imageSha256).value_or(std::nullopt));
            QCOMPARE(there.thumbnail(photo.thumbnailSha256).value_or(std::nullopt),
                     local.thumbnail(photo.thumbnailSha256).value_or(std::nullopt));
        }
        QCOMPARE(test::valueIn(replicaFile.path(), u"SELECT count(*) FROM pending_mutations WHERE name = 'addPhoto'"_s),
                 3);

        // Again, with a new photo whose image went from the file: only it is made, or refused.
        const auto d = local.add(landlord, flat2, png(Qt::cyan, Qt::magenta));
        QVERIFY(d);
        QSqlQuery forget(f->connection());
        QVERIFY(forget.prepare(u"DELETE FROM photo_blobs WHERE sha256 = :sha256"_s));
        forget.bindValue(u":sha256"_s, d->imageSha256);
        QVERIFY(forget.exec() && forget.numRowsAffected() == 1);
        const auto p2 = Publication::read(f->database().database(), landlord, f->clock.today());
        QVERIFY(p2);
        const auto again = models::sync::publish(**replica, *p2);
        QVERIFY(again);
        QVERIFY(again->queued.isEmpty());
        QCOMPARE(again->alreadyThere, 5 + 3);
        QCOMPARE(again->refused.size(), 1);
        QCOMPARE(again->refused.at(0).first.name, u"addPhoto"_s);
        QVERIFY2(again->refused.at(0).second.message.contains(u"no longer in"_s),
                 qPrintable(again->refused.at(0).second.message));
        QCOMPARE(there.photos(flat2).value_or(QList<models::domain::Photo>()).size(), 1);
    }

    void aRenterOrNobodyHasNothingToPublish()
    {
        const auto p = Publication::read(f->database().database(), renter, f->clock.today());
        QVERIFY(p);
        QVERIFY(p->isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestPublication)
#include "tst_publication.moc"
