// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/db/query.h"
#include "models/domain/storedvalues.h"
#include "models/photos/photoimage.h"
#include "models/services/photoservice.h"
#include "tests/photos/phototesting.h"
#include "tests/support/servicefixture.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

#include <memory>

using namespace Qt::StringLiterals;
using namespace rentdesk::models::services;
using rentdesk::models::domain::Photo;
using rentdesk::models::domain::toStoredId;
using Code = DomainError::Code;

// The photos of an apartment (docs/architecture.md, "Photos"): only the owner changes them, at
// most 20, positions 0..n-1 without gaps, bytes stored once per hash and forgotten with the last
// photo naming them, every change journaled without bytes.
class TestPhotoService : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<rentdesk::test::ServiceFixture> f;
    std::unique_ptr<PhotoService> photos;
    QUuid landlord;
    QUuid otherLandlord;
    QUuid renter;
    QUuid apartment;

    // A small JPEG of its own colour: different seeds make different bytes.
    static QByteArray file(int seed)
    {
        return rentdesk::test::encoded(
            rentdesk::test::twoColourImage(64, 48, QColor::fromHsv((seed * 37) % 360, 200, 200), Qt::white), "jpeg");
    }

    Photo added(int seed)
    {
        const auto photo = photos->add(landlord, apartment, file(seed));
        if (!photo)
            qWarning("refused: %s", qPrintable(photo.error().message));
        return photo.value_or(Photo());
    }

    QList<QUuid> order() const
    {
        QList<QUuid> ids;
        for (const Photo &photo : photos->photos(apartment).value_or(QList<Photo>()))
            ids << photo.id;
        return ids;
    }

    QList<int> positions() const
    {
        QList<int> list;
        auto query = rentdesk::models::db::exec(
            f->connection(), u"SELECT position FROM apartment_photos WHERE apartment_id = :a ORDER BY position"_s,
            { { u":a"_s, toStoredId(apartment) } });
        while (query && query->next())
            list << query->value(0).toInt();
        return list;
    }

    // The journal's entries, each as "name {args}".
    QStringList journal() const
    {
        QStringList entries;
        auto query =
            rentdesk::models::db::exec(f->connection(), u"SELECT name, args FROM pending_mutations ORDER BY id"_s);
        while (query && query->next())
            entries << query->value(0).toString();
        return entries;
    }

    QJsonObject lastArgs() const
    {
        auto args = rentdesk::models::db::scalar(f->connection(),
                                                 u"SELECT args FROM pending_mutations ORDER BY id DESC LIMIT 1"_s);
        return args ? QJsonDocument::fromJson(args->toString().toUtf8()).object() : QJsonObject();
    }

    // "code:field" of a refusal, "ok" when there was none.
    template<typename T> static QString refusal(const Result<T> &result)
    {
        return result ? u"ok"_s : result.error().codeName() + u':' + result.error().field;
    }

    qint64 blobs() const { return f->count(u"photo_blobs"_s); }

private Q_SLOTS:
    void init()
    {
        f = std::make_unique<rentdesk::test::ServiceFixture>();
        QVERIFY2(f->isValid(), qPrintable(f->errorMessage()));
        photos = std::make_unique<PhotoService>(f->context(Mode::Standalone));
        landlord = f->addLandlord(u"Irina Landlord"_s);
        otherLandlord = f->addLandlord(u"Oleg Landlord"_s);
        renter = f->addRenter(u"Roman Renter"_s);
        apartment = f->addApartment(landlord, f->addBuilding(landlord));
    }

    void cleanup()
    {
        photos.reset();
        f.reset();
    }

    void theOwnerAddsAPhoto()
    {
        const QStringList before = journal();
        const auto photo = photos->add(landlord, apartment, file(1));
        QVERIFY2(photo, qPrintable(photo ? QString() : photo.error().message));
        QCOMPARE(photo->apartmentId, apartment);
        QCOMPARE(photo->position, 0);
        QCOMPARE(QSize(photo->width, photo->height), QSize(64, 48));
        QCOMPARE(photo->createdAt, f->clock.now());
        QCOMPARE(blobs(), 2);
        const auto image = photos->image(photo->imageSha256);
        QVERIFY(image && image->has_value());
        QCOMPARE(rentdesk::test::decodedImage(**image).size(), QSize(64, 48));
        const auto thumbnail = photos->thumbnail(photo->thumbnailSha256);
        QVERIFY(thumbnail && thumbnail->has_value());
        QCOMPARE(rentdesk::models::photos::sha256Hex(**thumbnail), photo->thumbnailSha256);
        // Bytes that are not here are "not yet", not an error.
        const auto missing = photos->image(QString(64, u'0'));
        QVERIFY(missing);
        QVERIFY(!missing->has_value());

        QCOMPARE(journal(), before + QStringList { u"addPhoto"_s });
        const QJsonObject args = lastArgs();
        QCOMPARE(args,
                 QJsonObject({ { u"id"_s, toStoredId(photo->id) },
                               { u"apartmentId"_s, toStoredId(apartment) },
                               { u"imageSha256"_s, photo->imageSha256 },
                               { u"thumbnailSha256"_s, photo->thumbnailSha256 },
                               { u"width"_s, 64 },
                               { u"height"_s, 48 } }));
        // The id given (a replayed mutation's) is kept.
        const QUuid given = rentdesk::models::domain::newId();
        const auto second = photos->add(landlord, apartment, file(2), given);
        QVERIFY(second);
        QCOMPARE(second->id, given);
        QCOMPARE(second->position, 1);
    }

    void onlyTheOwnerChangesPhotos()
    {
        const Photo photo = added(1);
        QVERIFY(!photo.id.isNull());
        const QStringList before = journal();
        for (const QUuid &someone : { otherLandlord, renter }) {
            const auto refused = photos->add(someone, apartment, file(2));
            QVERIFY(!refused);
            QCOMPARE(refused.error().code, Code::NotAllowed);
            QCOMPARE(photos->move(someone, photo.id, 0).error().code, Code::NotAllowed);
            QCOMPARE(photos->remove(someone, photo.id).error().code, Code::NotAllowed);
        }
        QCOMPARE(journal(), before);
        QCOMPARE(order(), QList<QUuid>({ photo.id }));
        // Anyone sees them: the listing is public.
        QCOMPARE(PhotoService(f->context(Mode::Standalone)).photos(apartment).value_or(QList<Photo>()).size(), 1);
        QCOMPARE(photos->photos(QUuid::createUuid()).error().code, Code::NotFound);
    }

    void aBadFileIsRefusedWithoutATrace()
    {
        const QStringList before = journal();
        const auto refused = photos->add(landlord, apartment, "not an image");
        QVERIFY(!refused);
        QCOMPARE(refused.error().code, Code::InvalidValue);
        QCOMPARE(refused.error().field, u"file"_s);
        QCOMPARE(f->count(u"apartment_photos"_s), 0);
        QCOMPARE(blobs(), 0);
        QCOMPARE(journal(), before);
    }

    void theTwentyFirstPhotoIsRefused()
    {
        for (int i = 0; i < PhotoService::maxPhotosPerApartment; ++i)
            QVERIFY(!added(i).id.isNull());
        QCOMPARE(positions().size(), 20);
        const auto refused = photos->add(landlord, apartment, file(99));
        QVERIFY(!refused);
        QCOMPARE(refused.error().code, Code::InvalidValue);
        QVERIFY2(refused.error().message.contains(u"at most 20 photos"_s), qPrintable(refused.error().message));
        QCOMPARE(f->count(u"apartment_photos"_s), 20);
        // Another apartment has its own twenty.
        const QUuid other = f->addApartment(landlord, f->addBuilding(landlord, u"Second"_s), u"2"_s);
        QVERIFY(photos->add(landlord, other, file(99)));
    }

    void positionsStayWithoutGaps()
    {
        const QUuid a = added(1).id, b = added(2).id, c = added(3).id, d = added(4).id;
        QCOMPARE(order(), QList<QUuid>({ a, b, c, d }));
        QCOMPARE(positions(), QList<int>({ 0, 1, 2, 3 }));

        QVERIFY(photos->move(landlord, d, 0));
        QCOMPARE(order(), QList<QUuid>({ d, a, b, c }));
        QCOMPARE(journal().constLast(), u"movePhoto"_s);
        QCOMPARE(lastArgs(), QJsonObject({ { u"id"_s, toStoredId(d) }, { u"position"_s, 0 } }));
        QVERIFY(photos->move(landlord, d, 2));
        QCOMPARE(order(), QList<QUuid>({ a, b, d, c }));
        QVERIFY(photos->move(landlord, a, 3));
        QCOMPARE(order(), QList<QUuid>({ b, d, c, a }));
        QCOMPARE(positions(), QList<int>({ 0, 1, 2, 3 }));

        const QStringList before = journal();
        QCOMPARE(photos->move(landlord, a, 4).error().field, u"position"_s);
        QCOMPARE(photos->move(landlord, a, -1).error().code, Code::InvalidValue);
        QCOMPARE(photos->move(landlord, QUuid::createUuid(), 0).error().code, Code::NotFound);
        QCOMPARE(journal(), before);

        QVERIFY(photos->remove(landlord, d));
        QCOMPARE(journal().constLast(), u"removePhoto"_s);
        QCOMPARE(lastArgs(), QJsonObject({ { u"id"_s, toStoredId(d) } }));
        QCOMPARE(order(), QList<QUuid>({ b, c, a }));
        QCOMPARE(positions(), QList<int>({ 0, 1, 2 }));
        // A photo added now goes to the end, after the gap was closed.
        const QUuid e = added(5).id;
        QCOMPARE(order(), QList<QUuid>({ b, c, a, e }));
        QCOMPARE(positions(), QList<int>({ 0, 1, 2, 3 }));
        QCOMPARE(photos->remove(landlord, d).error().code, Code::NotFound);
    }

    void bytesAreStoredOncePerHash()
    {
        const Photo first = added(7);
        const Photo second = added(7); // the same file again
        QVERIFY(!first.id.isNull() && !second.id.isNull());
        QVERIFY(first.id != second.id);
        QCOMPARE(second.imageSha256, first.imageSha256);
        QCOMPARE(blobs(), 2);
        const Photo third = added(8);
        QCOMPARE(blobs(), 4);

        // Removing one of the two keeps the shared bytes; removing the last forgets them.
        QVERIFY(photos->remove(landlord, first.id));
        QCOMPARE(blobs(), 4);
        QVERIFY(photos->image(first.imageSha256).value_or(std::nullopt).has_value());
        QVERIFY(photos->remove(landlord, second.id));
        QCOMPARE(blobs(), 2);
        QVERIFY(!photos->image(first.imageSha256).value_or(QByteArray("error")).has_value());
        QVERIFY(!photos->thumbnail(first.thumbnailSha256).value_or(QByteArray("error")).has_value());
        QVERIFY(photos->image(third.imageSha256).value_or(std::nullopt).has_value());
    }

    void aConnectedReplicaJournalsChangesAndKeepsTheBytes()
    {
        const PhotoService replica(f->context(Mode::Connected));
        const QStringList before = journal();
        const auto first = replica.add(landlord, apartment, file(2));
        QVERIFY2(first, qPrintable(refusal(first)));
        QCOMPARE(journal(), before + QStringList { u"addPhoto"_s });
        // What the server needs to make it: the blobs by hash, no bytes.
        const QJsonObject args = lastArgs();
        QCOMPARE(args.value(u"imageSha256"_s).toString(), first->imageSha256);
        QCOMPARE(args.value(u"thumbnailSha256"_s).toString(), first->thumbnailSha256);
        QVERIFY(!args.contains(u"bytes"_s));
        const auto second = replica.add(landlord, apartment, file(3));
        QVERIFY(second);
        QVERIFY(replica.move(landlord, second->id, 0));
        QCOMPARE(journal().constLast(), u"movePhoto"_s);
        QCOMPARE(positions(), (QList<int> { 0, 1 }));
        QCOMPARE(blobs(), 4);
        // A removal on a replica keeps the bytes: were the server to refuse it, the photo would
        // come back with them (the replica forgets them after its pulls).
        QVERIFY(replica.remove(landlord, first->id));
        QCOMPARE(journal().constLast(), u"removePhoto"_s);
        QCOMPARE(blobs(), 4);
        QCOMPARE(replica.photos(apartment).value_or(QList<Photo>()).size(), 1);
        // The server changes photos and keeps no journal.
        const QStringList journaled = journal();
        const PhotoService server(f->context(Mode::Server));
        QVERIFY(server.add(landlord, apartment, file(4)));
        QCOMPARE(journal(), journaled);
    }

    // What sync does on the server: uploaded blobs are checked and stored (a landlord's only),
    // and addStored() adds a photo from stored blobs that fit what it claims; a blob is given
    // only to whoever sees a photo naming it.
    void aPhotoIsAddedFromUploadedBlobs()
    {
        const auto prepared = rentdesk::models::photos::preparePhoto(
            rentdesk::test::encoded(rentdesk::test::twoColourImage(800, 600), "jpeg"));
        QVERIFY(prepared);
        const PhotoService::StoredPhoto stored { prepared->imageSha256, prepared->thumbnailSha256, prepared->width,
                                                 prepared->height };
        QCOMPARE(refusal(photos->addStored(landlord, apartment, stored, QUuid::createUuid())),
                 u"invalid_value:imageSha256"_s);
        QCOMPARE(photos->missingBlobs(landlord, { stored.imageSha256, stored.thumbnailSha256, stored.imageSha256 })
                     .value_or(QStringList()),
                 QStringList({ stored.imageSha256, stored.thumbnailSha256 }));

        using Kind = PhotoService::BlobKind;
        QCOMPARE(refusal(photos->storeBlob(renter, Kind::Image, stored.imageSha256, prepared->image)),
                 u"not_allowed:"_s);
        QCOMPARE(refusal(photos->missingBlobs(renter, { stored.imageSha256 })), u"not_allowed:"_s);
        QCOMPARE(refusal(photos->storeBlob(landlord, Kind::Image, prepared->thumbnailSha256, prepared->image)),
                 u"invalid_value:sha256"_s);
        // An 800-pixel image is no thumbnail.
        QCOMPARE(refusal(photos->storeBlob(landlord, Kind::Thumbnail, stored.imageSha256, prepared->image)),
                 u"invalid_value:data"_s);
        QCOMPARE(blobs(), 0);
        QVERIFY(photos->storeBlob(landlord, Kind::Image, stored.imageSha256, prepared->image));
        QVERIFY(photos->storeBlob(landlord, Kind::Thumbnail, stored.thumbnailSha256, prepared->thumbnail));
        QVERIFY(photos->storeBlob(landlord, Kind::Thumbnail, stored.thumbnailSha256, prepared->thumbnail));
        QCOMPARE(blobs(), 2);
        QCOMPARE(photos->missingBlobs(landlord, { stored.imageSha256 }).value_or(QStringList { u"error"_s }),
                 QStringList());

        // The claims must be the blobs': the image's size, a thumbnail for the thumbnail.
        PhotoService::StoredPhoto wrongSize = stored;
        wrongSize.height = 601;
        QCOMPARE(refusal(photos->addStored(landlord, apartment, wrongSize, QUuid::createUuid())),
                 u"invalid_value:width"_s);
        PhotoService::StoredPhoto swapped = stored;
        swapped.thumbnailSha256 = stored.imageSha256;
        QCOMPARE(refusal(photos->addStored(landlord, apartment, swapped, QUuid::createUuid())),
                 u"invalid_value:thumbnailSha256"_s);
        QCOMPARE(refusal(photos->addStored(otherLandlord, apartment, stored, QUuid::createUuid())), u"not_allowed:"_s);
        // Nobody sees the blobs before a photo names them.
        QCOMPARE(refusal(photos->visibleBlob(renter, stored.imageSha256)), u"not_found:sha256"_s);

        const QStringList before = journal();
        const QUuid id = QUuid::createUuid();
        const auto photo = photos->addStored(landlord, apartment, stored, id);
        QCOMPARE(refusal(photo), u"ok"_s);
        QCOMPARE(photo->id, id);
        QCOMPARE(photo->width, 800);
        QCOMPARE(journal(), before + QStringList { u"addPhoto"_s });
        const auto whole = [](const auto &part) {
            return part ? part->bytes : QByteArray();
        };
        QCOMPARE(whole(photos->visibleBlob(renter, stored.imageSha256)), prepared->image);
        QCOMPARE(whole(photos->visibleBlob(landlord, stored.thumbnailSha256)), prepared->thumbnail);
        // A part: the bytes from the offset, and the whole one's size.
        const auto part = photos->visibleBlob(renter, stored.imageSha256, 100, 50);
        QVERIFY(part);
        QCOMPARE(part->size, prepared->image.size());
        QCOMPARE(part->bytes, prepared->image.mid(100, 50));
        const auto end = photos->visibleBlob(renter, stored.imageSha256, prepared->image.size() - 10, 50);
        QVERIFY(end);
        QCOMPARE(end->bytes, prepared->image.right(10));
        QCOMPARE(refusal(photos->visibleBlob(otherLandlord, stored.imageSha256)), u"not_found:sha256"_s);
        // The same id again is refused, as for every create.
        QCOMPARE(refusal(photos->addStored(landlord, apartment, stored, id)), u"invalid_value:id"_s);
    }

    void deletingTheApartmentTakesItsPhotos()
    {
        const Photo shared = added(1);
        const QUuid other = f->addApartment(landlord, f->addBuilding(landlord, u"Second"_s), u"2"_s);
        QVERIFY(photos->add(landlord, other, file(1))); // the same bytes in another apartment
        added(2);
        QCOMPARE(f->count(u"apartment_photos"_s), 3);
        QCOMPARE(blobs(), 4);
        QVERIFY(f->listings.deleteApartment(landlord, apartment));
        QCOMPARE(f->count(u"apartment_photos"_s), 1);
        // The other apartment's photo keeps its bytes; the deleted one's own are gone.
        QCOMPARE(blobs(), 2);
        QVERIFY(photos->image(shared.imageSha256).value_or(std::nullopt).has_value());
        QCOMPARE(photos->photos(apartment).error().code, Code::NotFound);
    }
};

QTEST_GUILESS_MAIN(TestPhotoService)
#include "tst_photoservice.moc"
