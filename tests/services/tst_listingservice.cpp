// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/db/query.h"
#include "models/domain/storedvalues.h"
#include "models/query/apartmentquery.h"
#include "tests/support/servicefixture.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>
#include <QThread>

#include <optional>

using namespace Qt::StringLiterals;
using namespace rentdesk::models::services;
using rentdesk::models::domain::ApartmentStatus;
using Code = DomainError::Code;

// Rule 1: only landlords list property, only the owner changes or deletes it, and what
// still has apartments or active bookings is not deleted. Every change is journaled in its
// transaction; a refused change leaves nothing behind.
class TestListingService : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<rentdesk::test::ServiceFixture> f;
    QUuid landlord;
    QUuid otherLandlord;
    QUuid renter;

    static ListingService::BuildingDraft buildingDraft()
    {
        return { u"  Дом на Баумана "_s, u"ул. Баумана, 12"_s, u"Казань"_s, 5, 1912 };
    }

    ListingService::ApartmentDraft apartmentDraft(const QUuid &building) const
    {
        ListingService::ApartmentDraft draft;
        draft.buildingId = building;
        draft.number = u"7"_s;
        draft.floor = 2;
        draft.rooms = 3;
        draft.areaSqm = 78.5;
        draft.monthlyPrice = { 6500000, u"rub"_s };
        draft.furnished = true;
        draft.description = u"Светлая квартира"_s;
        return draft;
    }

    QStringList journal() const
    {
        QStringList names;
        auto query = rentdesk::models::db::exec(f->connection(), u"SELECT name FROM pending_mutations ORDER BY id"_s);
        while (query && query->next())
            names << query->value(0).toString();
        return names;
    }

private Q_SLOTS:
    void init()
    {
        f = std::make_unique<rentdesk::test::ServiceFixture>();
        QVERIFY2(f->isValid(), qPrintable(f->errorMessage()));
        landlord = f->addLandlord(u"Irina Landlord"_s);
        otherLandlord = f->addLandlord(u"Oleg Landlord"_s);
        renter = f->addRenter(u"Roman Renter"_s);
    }

    void cleanup() { f.reset(); }

    void landlordCreatesBuildingAndApartment()
    {
        auto building = f->listings.createBuilding(landlord, buildingDraft());
        QVERIFY2(building, qPrintable(building ? QString() : building.error().message));
        QCOMPARE(building->name, u"Дом на Баумана"_s); // trimmed
        QCOMPARE(building->ownerId, landlord);
        auto apartment = f->listings.createApartment(landlord, apartmentDraft(building->id));
        QVERIFY2(apartment, qPrintable(apartment ? QString() : apartment.error().message));
        QCOMPARE(apartment->ownerId, landlord);
        QCOMPARE(apartment->monthlyPrice.currency, u"RUB"_s); // normalised
        QCOMPARE(apartment->status, ApartmentStatus::Free);
        QCOMPARE(journal(), (QStringList { u"createBuilding"_s, u"createApartment"_s }));

        auto args = rentdesk::models::db::scalar(
            f->connection(), u"SELECT args FROM pending_mutations WHERE name = 'createApartment'"_s);
        QVERIFY(args);
        const QJsonObject json = QJsonDocument::fromJson(args->toString().toUtf8()).object();
        QCOMPARE(json.value(u"id"_s).toString(), rentdesk::models::domain::toStoredId(apartment->id));
        QCOMPARE(json.value(u"monthlyPrice"_s).toString(), u"6500000"_s);
        QCOMPARE(json.value(u"number"_s).toString(), u"7"_s);
    }

    void renterCannotList()
    {
        const QStringList before = f->dump();
        auto building = f->listings.createBuilding(renter, buildingDraft());
        QVERIFY(!building);
        QCOMPARE(building.error().code, Code::NotAllowed);
        const QUuid own = f->addBuilding(landlord);
        const QStringList withBuilding = f->dump();
        auto apartment = f->listings.createApartment(renter, apartmentDraft(own));
        QVERIFY(!apartment);
        QCOMPARE(apartment.error().code, Code::NotAllowed);
        QCOMPARE(f->dump(), withBuilding);
        Q_UNUSED(before);
    }

    void onlyTheOwnerChangesOrDeletes()
    {
        const QUuid building = f->addBuilding(landlord);
        const QUuid apartment = f->addApartment(landlord, building);
        const QStringList before = f->dump();

        auto edit = f->listings.updateBuilding(otherLandlord, building, buildingDraft());
        QVERIFY(!edit);
        QCOMPARE(edit.error().code, Code::NotAllowed);
        QCOMPARE(edit.error().entity, u"building"_s);
        auto remove = f->listings.deleteBuilding(otherLandlord, building);
        QVERIFY(!remove);
        QCOMPARE(remove.error().code, Code::NotAllowed);
        auto editApartment = f->listings.updateApartment(otherLandlord, apartment, apartmentDraft(building));
        QVERIFY(!editApartment);
        QCOMPARE(editApartment.error().code, Code::NotAllowed);
        auto removeApartment = f->listings.deleteApartment(renter, apartment);
        QVERIFY(!removeApartment);
        QCOMPARE(removeApartment.error().code, Code::NotAllowed);
        // Nor may another landlord put an apartment into someone else's building.
        auto intruder = f->listings.createApartment(otherLandlord, apartmentDraft(building));
        QVERIFY(!intruder);
        QCOMPARE(intruder.error().code, Code::NotAllowed);
        QCOMPARE(intruder.error().field, u"buildingId"_s);
        QCOMPARE(f->dump(), before);

        auto renamed = f->listings.updateBuilding(landlord, building, buildingDraft());
        QVERIFY(renamed);
        QCOMPARE(renamed->city, u"Казань"_s);
        auto changed = f->listings.updateApartment(landlord, apartment, apartmentDraft(building));
        QVERIFY2(changed, qPrintable(changed ? QString() : changed.error().message));
        QCOMPARE(changed->rooms, 3);
    }

    void badDraftsNameTheField_data()
    {
        QTest::addColumn<QString>("change");
        QTest::addColumn<QString>("field");
        QTest::newRow("no building name") << u"name"_s << u"name"_s;
        QTest::newRow("no address") << u"address"_s << u"address"_s;
        QTest::newRow("no city") << u"city"_s << u"city"_s;
        QTest::newRow("no floors") << u"floors"_s << u"floors"_s;
        QTest::newRow("built in the future") << u"year"_s << u"yearBuilt"_s;
        QTest::newRow("no apartment number") << u"number"_s << u"number"_s;
        QTest::newRow("floor above the roof") << u"floor"_s << u"floor"_s;
        QTest::newRow("no rooms") << u"rooms"_s << u"rooms"_s;
        QTest::newRow("no area") << u"area"_s << u"area"_s;
        QTest::newRow("negative price") << u"price"_s << u"monthlyPrice"_s;
        QTest::newRow("bad currency") << u"currency"_s << u"currency"_s;
        QTest::newRow("description too long") << u"description"_s << u"description"_s;
    }

    void badDraftsNameTheField()
    {
        QFETCH(QString, change);
        QFETCH(QString, field);
        const QUuid building = f->addBuilding(landlord);
        const QStringList before = f->dump();
        auto b = buildingDraft();
        auto a = apartmentDraft(building);
        if (change == u"name"_s)
            b.name = u"   "_s;
        else if (change == u"address"_s)
            b.address.clear();
        else if (change == u"city"_s)
            b.city = QString(101, u'x');
        else if (change == u"floors"_s)
            b.floors = 0;
        else if (change == u"year"_s)
            b.yearBuilt = 2050;
        else if (change == u"number"_s)
            a.number = u" "_s;
        else if (change == u"floor"_s)
            a.floor = 10; // the building has 9 floors
        else if (change == u"rooms"_s)
            a.rooms = 0;
        else if (change == u"area"_s)
            a.areaSqm = 0;
        else if (change == u"price"_s)
            a.monthlyPrice.minor = -1;
        else if (change == u"currency"_s)
            a.monthlyPrice.currency = u"RUBL"_s;
        else if (change == u"description"_s)
            a.description = QString(5001, u'x');
        const bool buildingField =
            QStringList { u"name"_s, u"address"_s, u"city"_s, u"floors"_s, u"year"_s }.contains(change);
        DomainError error;
        if (buildingField) {
            auto refused = f->listings.createBuilding(landlord, b);
            QVERIFY(!refused);
            error = refused.error();
        } else {
            auto refused = f->listings.createApartment(landlord, a);
            QVERIFY(!refused);
            error = refused.error();
        }
        QCOMPARE(error.code, Code::InvalidValue);
        QCOMPARE(error.field, field);
        QVERIFY2(!rentdesk::test::looksLikeSql(error.message), qPrintable(error.message));
        QCOMPARE(f->dump(), before);
    }

    void apartmentNumberIsUniquePerBuilding()
    {
        const QUuid building = f->addBuilding(landlord);
        QVERIFY(!f->addApartment(landlord, building, u"12"_s).isNull());
        auto twin = f->listings.createApartment(landlord, [&] {
            auto draft = apartmentDraft(building);
            draft.number = u" 12 "_s;
            return draft;
        }());
        QVERIFY(!twin);
        QCOMPARE(twin.error().code, Code::NumberTaken);
        QCOMPARE(twin.error().field, u"number"_s);
        QVERIFY(twin.error().message.contains(u"12"_s));
        // The same number elsewhere is fine.
        const QUuid second = f->addBuilding(landlord, u"Second House"_s);
        QVERIFY(!f->addApartment(landlord, second, u"12"_s).isNull());
    }

    void buildingWithApartmentsIsNotDeleted()
    {
        const QUuid building = f->addBuilding(landlord);
        const QUuid apartment = f->addApartment(landlord, building);
        auto refused = f->listings.deleteBuilding(landlord, building);
        QVERIFY(!refused);
        QCOMPARE(refused.error().code, Code::HasApartments);
        QVERIFY2(refused.error().message.contains(u"1 apartment"_s), qPrintable(refused.error().message));
        QVERIFY(f->listings.deleteApartment(landlord, apartment));
        QVERIFY(f->listings.deleteBuilding(landlord, building));
        QCOMPARE(f->count(u"buildings"_s), 0);
        QCOMPARE(journal().mid(2), (QStringList { u"deleteApartment"_s, u"deleteBuilding"_s }));
    }

    void apartmentWithActiveBookingsIsNotDeleted()
    {
        const QUuid building = f->addBuilding(landlord);
        const QUuid apartment = f->addApartment(landlord, building);
        auto request = f->bookings.request(renter, apartment, QDate(2026, 7, 1), QDate(2026, 7, 10));
        QVERIFY(request);
        auto refused = f->listings.deleteApartment(landlord, apartment);
        QVERIFY(!refused);
        QCOMPARE(refused.error().code, Code::HasActiveBookings);
        QVERIFY(f->bookings.confirm(landlord, request->id));
        QCOMPARE(f->listings.deleteApartment(landlord, apartment).error().code, Code::HasActiveBookings);

        // Once the stay is over it is history, which goes with the apartment.
        f->clock.set(QDateTime(QDate(2026, 7, 11), QTime(9, 0), Qt::UTC));
        QVERIFY(f->bookings.applyTime());
        QVERIFY(f->listings.deleteApartment(landlord, apartment));
        QCOMPARE(f->count(u"bookings"_s), 0);
    }

    void lowerFloorsMustKeepApartmentsUnderTheRoof()
    {
        const QUuid building = f->addBuilding(landlord);
        auto draft = apartmentDraft(building);
        draft.floor = 8;
        QVERIFY(f->listings.createApartment(landlord, draft));
        auto lower = buildingDraft();
        lower.floors = 5;
        auto refused = f->listings.updateBuilding(landlord, building, lower);
        QVERIFY(!refused);
        QCOMPARE(refused.error().field, u"floors"_s);
        QVERIFY(refused.error().message.contains(u"8"_s));
    }

    void ownerSetsStatusByHandAndHandsItBack()
    {
        const QUuid building = f->addBuilding(landlord);
        const QUuid apartment = f->addApartment(landlord, building);
        f->addStay(renter, landlord, apartment, QDate(2026, 6, 10), QDate(2026, 6, 20));
        QCOMPARE(f->listings.apartment(apartment)->status, ApartmentStatus::Booked);

        auto manual = f->listings.setApartmentStatus(landlord, apartment, ApartmentStatus::Rented);
        QVERIFY(manual);
        QCOMPARE(manual->status, ApartmentStatus::Rented);
        QVERIFY(manual->statusManual);
        QVERIFY(!manual->bookedBy);
        // Time leaves a hand-set status alone.
        QVERIFY(f->bookings.applyTime());
        QCOMPARE(f->listings.apartment(apartment)->status, ApartmentStatus::Rented);

        QCOMPARE(f->listings.setApartmentStatus(otherLandlord, apartment, ApartmentStatus::Free).error().code,
                 Code::NotAllowed);

        auto automatic = f->listings.setApartmentStatus(landlord, apartment, std::nullopt);
        QVERIFY(automatic);
        QVERIFY(!automatic->statusManual);
        QCOMPARE(automatic->status, ApartmentStatus::Booked);
        QCOMPARE(automatic->bookedBy, std::optional<QUuid>(renter));
        QCOMPARE(journal().count(u"setApartmentStatus"_s), 2);
    }

    void serverDoesNotJournal()
    {
        ListingService server(f->context(Mode::Server));
        QVERIFY(server.createBuilding(landlord, buildingDraft()));
        QCOMPARE(f->count(u"pending_mutations"_s), 0);
        ListingService replica(f->context(Mode::Connected));
        QVERIFY(replica.createBuilding(landlord, buildingDraft()));
        QCOMPARE(journal(), QStringList { u"createBuilding"_s });
    }

    void emptyDescriptionIsStoredAsEmpty()
    {
        const QUuid building = f->addBuilding(landlord);
        auto draft = apartmentDraft(building);
        draft.description = QString();
        auto apartment = f->listings.createApartment(landlord, draft);
        QVERIFY2(apartment, qPrintable(apartment ? QString() : apartment.error().message));
        QCOMPARE(apartment->description, QString());
    }

    void missingActorMustSignInAgain()
    {
        auto refused = f->listings.createBuilding(rentdesk::models::domain::newId(), buildingDraft());
        QVERIFY(!refused);
        QCOMPARE(refused.error().code, Code::NotAllowed);
        QCOMPARE(f->count(u"buildings"_s), 0);
    }

    // A thread whose connection cannot be opened gets an error from every call, never an
    // empty or "not found" answer that a page would show as no data.
    void noConnectionIsAnErrorNotAnEmptyAnswer()
    {
        const QUuid building = f->addBuilding(landlord);
        const QUuid apartment = f->addApartment(landlord, building);
        // The file is replaced by a folder: this thread keeps its open connection, a new
        // thread cannot open one.
        const QString path = f->database().path();
        QVERIFY(QFile::remove(path));
        QVERIFY(QDir().mkdir(path));
        const rentdesk::models::query::ApartmentQuery query(f->database().shared());

        std::optional<Result<rentdesk::models::domain::Apartment>> found;
        std::optional<Result<rentdesk::models::domain::Building>> created;
        std::optional<Result<qint64>> counted;
        std::unique_ptr<QThread> worker(QThread::create([&] {
            found = f->listings.apartment(apartment);
            created = f->listings.createBuilding(landlord, buildingDraft());
            counted = query.count({});
        }));
        worker->start();
        QVERIFY(worker->wait(30000));
        for (const DomainError *error :
             { found && !*found ? &found->error() : nullptr, created && !*created ? &created->error() : nullptr,
               counted && !*counted ? &counted->error() : nullptr }) {
            QVERIFY2(error, "a call without a connection did not fail");
            QCOMPARE(error->code, Code::Storage);
            // One sentence naming the file, without the driver's text.
            QVERIFY2(error->message.contains(path), qPrintable(error->message));
            QVERIFY2(!rentdesk::test::looksLikeSql(QString(error->message).remove(path)), qPrintable(error->message));
        }
    }
};

QTEST_GUILESS_MAIN(TestListingService)
#include "tst_listingservice.moc"
