// SPDX-License-Identifier: GPL-3.0-or-later
#include "tests/photos/phototesting.h"
#include "tests/server/serverprocess.h"
#include "tests/server/syncpeer.h"
#include "tests/support/testsupport.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QJsonArray>
#include <QRandomGenerator>
#include <QTest>

#include <memory>

using namespace Qt::StringLiterals;
using rentdesk::test::ServerProcess;

using namespace rentdesk::test::sync;

namespace {

QString sha256Of(const QByteArray &bytes)
{
    return QString::fromLatin1(QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex());
}

// A JPEG of the given size whose noise does not compress, so that it takes several chunks.
QByteArray noisyJpeg(int width, int height, quint32 seed)
{
    QImage image(width, height, QImage::Format_RGB32);
    QRandomGenerator random(seed);
    for (int y = 0; y < height; ++y) {
        auto *line = reinterpret_cast<QRgb *>(image.scanLine(y));
        for (int x = 0; x < width; ++x)
            line[x] = random.generate() | 0xFF000000u;
    }
    return rentdesk::test::encoded(image, "jpeg", 85);
}

QByteArray plainJpeg(int width, int height)
{
    return rentdesk::test::encoded(rentdesk::test::twoColourImage(width, height), "jpeg", 80);
}

// A photo as a desktop stores it: the image, its thumbnail, and their names.
struct Blobs
{
    QByteArray image;
    QByteArray thumbnail;
    int width = 0;
    int height = 0;
    [[nodiscard]] QString imageSha() const { return sha256Of(image); }
    [[nodiscard]] QString thumbnailSha() const { return sha256Of(thumbnail); }
};

Blobs somePhoto(quint32 seed)
{
    return { noisyJpeg(400, 300, seed), plainJpeg(320, 240), 400, 300 };
}

} // namespace

// Photos' bytes over the real server (docs/protocol.md, "Photos"), spoken as raw protocol: the
// desktop asks which blobs the server lacks, uploads them in chunks, then pushes addPhoto; the
// server checks every upload itself, applies addPhoto only from stored and fitting blobs, and
// gives a blob to whoever sees a photo naming it, and to no one else.
class TestServerPhotos : public QObject
{
    Q_OBJECT

    std::unique_ptr<ServerProcess> server;

    std::unique_ptr<Peer> peer(const QString &email, const QString &role)
    {
        auto p = std::make_unique<Peer>();
        if (!p->client.open(server->url()) || !p->client.hello(2)
            || !p->client.signUpAndLogIn(email, email.section(u'@', 0, 0), role))
            return nullptr;
        return p;
    }

    static QString listOneApartment(Peer &landlord)
    {
        const QString building = newId();
        const QString apartment = newId();
        const QStringList done = statuses(
            landlord.push({ landlord.mutation(u"createBuilding"_s, buildingArgs(building, u"Mine"_s)),
                            landlord.mutation(u"createApartment"_s, apartmentArgs(apartment, building, u"1"_s)) }));
        return done == QStringList({ u"applied"_s, u"applied"_s }) ? apartment : QString();
    }

    static std::optional<QJsonObject> put(Peer &p, const QString &sha256, const QString &kind, qint64 offset,
                                          qint64 size, const QByteArray &chunk)
    {
        return p.client.call(u"photo.put"_s,
                             { { u"sha256"_s, sha256 },
                               { u"kind"_s, kind },
                               { u"offset"_s, offset },
                               { u"size"_s, size },
                               { u"data"_s, QString::fromLatin1(chunk.toBase64()) } });
    }

    // Uploads the bytes in chunks of at most chunkBytes; the last reply (or the first refusal),
    // and how many chunks went.
    static std::optional<QJsonObject> upload(Peer &p, const QByteArray &bytes, const QString &kind, qint64 chunkBytes,
                                             const QString &sha256 = {}, int *chunks = nullptr)
    {
        const QString name = sha256.isEmpty() ? sha256Of(bytes) : sha256;
        std::optional<QJsonObject> reply;
        int sent = 0;
        for (qint64 offset = 0; offset < bytes.size(); offset += chunkBytes) {
            reply = put(p, name, kind, offset, bytes.size(), bytes.mid(offset, chunkBytes));
            ++sent;
            if (!reply || !reply->value(u"ok"_s).toBool())
                break;
        }
        if (chunks)
            *chunks = sent;
        return reply;
    }

    static std::optional<QJsonObject> missing(Peer &p, const QStringList &hashes)
    {
        return p.client.call(u"photo.missing"_s, { { u"hashes"_s, QJsonArray::fromStringList(hashes) } });
    }

    static qint64 chunkBytesOf(Peer &p)
    {
        const auto reply = missing(p, { QString(64, u'0') });
        return reply ? reply->value(u"chunkBytes"_s).toInteger() : 0;
    }

    // Uploads what the server lacks of the photo, as a desktop does before pushing addPhoto.
    static bool uploadPhoto(Peer &p, const Blobs &photo)
    {
        const auto lacking = missing(p, { photo.imageSha(), photo.thumbnailSha() });
        if (!lacking || !lacking->value(u"ok"_s).toBool())
            return false;
        const qint64 chunk = lacking->value(u"chunkBytes"_s).toInteger();
        for (const QJsonValue &hash : lacking->value(u"missing"_s).toArray()) {
            const bool image = hash.toString() == photo.imageSha();
            const auto done =
                upload(p, image ? photo.image : photo.thumbnail, image ? u"image"_s : u"thumbnail"_s, chunk);
            if (!done || !done->value(u"complete"_s).toBool())
                return false;
        }
        return true;
    }

    static QJsonObject addArgs(const QString &id, const QString &apartment, const Blobs &photo)
    {
        return { { u"id"_s, id },
                 { u"apartmentId"_s, apartment },
                 { u"imageSha256"_s, photo.imageSha() },
                 { u"thumbnailSha256"_s, photo.thumbnailSha() },
                 { u"width"_s, photo.width },
                 { u"height"_s, photo.height } };
    }

    // The blob as photo.get gives it, chunk after chunk; empty after a refusal (its code in
    // `code`).
    static QByteArray download(Peer &p, const QString &sha256, QString *code = nullptr)
    {
        QByteArray bytes;
        for (int round = 0; round < 1000; ++round) {
            const auto reply =
                p.client.call(u"photo.get"_s, { { u"sha256"_s, sha256 }, { u"offset"_s, bytes.size() } });
            if (code)
                *code = codeOf(reply);
            if (!reply || !reply->value(u"ok"_s).toBool())
                return {};
            bytes += QByteArray::fromBase64(reply->value(u"data"_s).toString().toLatin1());
            if (bytes.size() >= reply->value(u"size"_s).toInteger())
                return bytes;
        }
        return {};
    }

    qint64 count(const QString &sql) const { return rentdesk::test::valueIn(server->databasePath(), sql); }

private Q_SLOTS:
    void init()
    {
        server = std::make_unique<ServerProcess>();
        QVERIFY(server->start());
    }
    void cleanup() { server.reset(); }

    // A landlord uploads a photo's two blobs (the image in several chunks) and adds the photo;
    // a renter then gets the bytes back as they were, another landlord does not.
    void aPhotoTravelsInChunksAndBackToWhoSeesIt()
    {
        auto landlord = peer(u"lena@example.org"_s, u"landlord"_s);
        auto other = peer(u"oleg@example.org"_s, u"landlord"_s);
        auto renter = peer(u"roman@example.org"_s, u"renter"_s);
        QVERIFY(landlord && other && renter);
        const QString apartment = listOneApartment(*landlord);
        QVERIFY(!apartment.isEmpty());
        const Blobs photo { noisyJpeg(1200, 900, 7), plainJpeg(320, 240), 1200, 900 };

        const auto lacking = missing(*landlord, { photo.imageSha(), photo.thumbnailSha() });
        QCOMPARE(codeOf(lacking), u"ok"_s);
        QCOMPARE(lacking->value(u"missing"_s).toArray(),
                 QJsonArray::fromStringList({ photo.imageSha(), photo.thumbnailSha() }));
        const qint64 chunk = lacking->value(u"chunkBytes"_s).toInteger();
        QVERIFY(chunk > 0 && chunk < photo.image.size());
        int chunks = 0;
        const auto image = upload(*landlord, photo.image, u"image"_s, chunk, {}, &chunks);
        QCOMPARE(codeOf(image), u"ok"_s);
        QCOMPARE(image->value(u"complete"_s), QJsonValue(true));
        QCOMPARE(image->value(u"received"_s).toInteger(), photo.image.size());
        QVERIFY(chunks >= 3);
        QCOMPARE(codeOf(upload(*landlord, photo.thumbnail, u"thumbnail"_s, chunk)), u"ok"_s);
        QCOMPARE(missing(*landlord, { photo.imageSha(), photo.thumbnailSha() })->value(u"missing"_s).toArray(),
                 QJsonArray());

        const QString id = newId();
        const QJsonObject add = landlord->mutation(u"addPhoto"_s, addArgs(id, apartment, photo));
        QCOMPARE(statuses(landlord->push({ add })), QStringList({ u"applied"_s }));
        // Sent again after a lost acknowledgement: answered as before, added once.
        QCOMPARE(statuses(landlord->push({ add })), QStringList({ u"applied(again)"_s }));
        QCOMPARE(
            count(u"SELECT count(*) FROM apartment_photos WHERE id = '%1' AND width = 1200 AND position = 0"_s.arg(id)),
            1);
        QCOMPARE(count(u"SELECT count(*) FROM photo_blobs"_s), 2);

        // Whoever sees the apartment gets its bytes, equal to what went up.
        const QByteArray back = download(*renter, photo.imageSha());
        QCOMPARE(back.size(), photo.image.size());
        QCOMPARE(sha256Of(back), photo.imageSha());
        QVERIFY(back == photo.image);
        QVERIFY(download(*landlord, photo.thumbnailSha()) == photo.thumbnail);
        // Another landlord does not see the apartment; a hash no photo names is unknown to all.
        QString code;
        QVERIFY(download(*other, photo.imageSha(), &code).isEmpty());
        QCOMPARE(code, u"not_found"_s);
        QVERIFY(download(*renter, sha256Of("something else"), &code).isEmpty());
        QCOMPARE(code, u"not_found"_s);
        // Binary replies: asked for, they are one binary message (the test client refuses
        // those), so only the shape of the request is checked here: a bad offset is refused.
        QCOMPARE(codeOf(renter->client.call(
                     u"photo.get"_s, { { u"sha256"_s, photo.imageSha() }, { u"offset"_s, photo.image.size() + 1 } })),
                 u"bad_request"_s);
    }

    // The server checks what it is sent: the hash, the type by content, the byte cap, the sides,
    // and who sends it.
    void uploadsAreCheckedByTheServer()
    {
        auto landlord = peer(u"lena@example.org"_s, u"landlord"_s);
        auto renter = peer(u"roman@example.org"_s, u"renter"_s);
        QVERIFY(landlord && renter);
        const qint64 chunk = chunkBytesOf(*landlord);
        QVERIFY(chunk > 0);
        const auto refusal = [](const std::optional<QJsonObject> &reply) -> QString {
            return codeOf(reply) + u':'
                + reply.value_or(QJsonObject()).value(u"error"_s).toObject().value(u"field"_s).toString();
        };

        const QByteArray jpeg = plainJpeg(200, 100);
        // Bytes that are not what they are named.
        QCOMPARE(refusal(upload(*landlord, jpeg, u"image"_s, chunk, sha256Of("other bytes"))),
                 u"invalid_value:sha256"_s);
        // Not a JPEG, though rightly named.
        QCOMPARE(refusal(upload(*landlord, rentdesk::test::encoded(rentdesk::test::twoColourImage(200, 100), "png"),
                                u"image"_s, chunk)),
                 u"invalid_value:data"_s);
        QCOMPARE(refusal(upload(*landlord, QByteArray(3000, 'x'), u"thumbnail"_s, chunk)), u"invalid_value:data"_s);
        // A JPEG cut short.
        QCOMPARE(refusal(upload(*landlord, jpeg.left(jpeg.size() - 40), u"image"_s, chunk)), u"invalid_value:data"_s);
        // Too large a side: 2049 for an image, 321 for a thumbnail.
        QCOMPARE(refusal(upload(*landlord, plainJpeg(2049, 40), u"image"_s, chunk)), u"invalid_value:data"_s);
        QCOMPARE(refusal(upload(*landlord, plainJpeg(321, 40), u"thumbnail"_s, chunk)), u"invalid_value:data"_s);
        // More bytes than a stored photo may have, refused at the first chunk.
        QCOMPARE(refusal(put(*landlord, sha256Of(jpeg), u"image"_s, 0, 8LL * 1024 * 1024 + 1, jpeg)),
                 u"invalid_value:size"_s);
        QCOMPARE(refusal(put(*landlord, sha256Of(jpeg), u"thumbnail"_s, 0, 1024 * 1024 + 1, jpeg)),
                 u"invalid_value:size"_s);
        // Chunks must follow each other, and stay within the size given.
        QCOMPARE(refusal(put(*landlord, sha256Of(jpeg), u"image"_s, 10, jpeg.size(), jpeg.mid(10, 10))),
                 u"bad_request:offset"_s);
        QCOMPARE(refusal(put(*landlord, sha256Of(jpeg), u"image"_s, 0, 10, jpeg.left(20))), u"bad_request:data"_s);
        QCOMPARE(refusal(put(*landlord, u"ABC"_s, u"image"_s, 0, 10, jpeg.left(10))), u"bad_request:sha256"_s);
        QCOMPARE(refusal(put(*landlord, sha256Of(jpeg), u"poster"_s, 0, 10, jpeg.left(10))), u"bad_request:kind"_s);
        // A renter uploads nothing and asks about nothing.
        QCOMPARE(codeOf(upload(*renter, jpeg, u"image"_s, chunk)), u"not_allowed"_s);
        QCOMPARE(codeOf(missing(*renter, { sha256Of(jpeg) })), u"not_allowed"_s);
        QCOMPARE(count(u"SELECT count(*) FROM photo_blobs"_s), 0);
        // What passes is stored once, however often it comes.
        QCOMPARE(codeOf(upload(*landlord, jpeg, u"image"_s, chunk)), u"ok"_s);
        QCOMPARE(codeOf(upload(*landlord, jpeg, u"image"_s, chunk)), u"ok"_s);
        QCOMPARE(count(u"SELECT count(*) FROM photo_blobs"_s), 1);
    }

    // addPhoto names stored blobs that fit: a missing blob, a thumbnail given as the image's
    // size, a size that is not the image's, someone else's apartment are refused; the same
    // photo with its blobs uploaded is then applied.
    void addPhotoNeedsItsBlobsStored()
    {
        auto landlord = peer(u"lena@example.org"_s, u"landlord"_s);
        auto other = peer(u"oleg@example.org"_s, u"landlord"_s);
        QVERIFY(landlord && other);
        const QString apartment = listOneApartment(*landlord);
        QVERIFY(!apartment.isEmpty());
        const Blobs photo = somePhoto(1);

        const QString first = newId();
        const auto refused = landlord->push({ landlord->mutation(u"addPhoto"_s, addArgs(first, apartment, photo)) });
        QCOMPARE(statuses(refused), QStringList({ u"refused:invalid_value"_s }));
        QCOMPARE(refused->value(u"results"_s).toArray().at(0).toObject().value(u"error"_s).toObject().value(u"field"_s),
                 QJsonValue(u"imageSha256"_s));
        QVERIFY(uploadPhoto(*landlord, photo));

        QJsonObject wrongSize = addArgs(newId(), apartment, photo);
        wrongSize.insert(u"width"_s, 401);
        QJsonObject swapped = addArgs(newId(), apartment, photo);
        swapped.insert(u"thumbnailSha256"_s, photo.imageSha());
        QCOMPARE(statuses(landlord->push(
                     { landlord->mutation(u"addPhoto"_s, wrongSize), landlord->mutation(u"addPhoto"_s, swapped) })),
                 QStringList({ u"refused:invalid_value"_s, u"refused:invalid_value"_s }));
        // Someone else's apartment, with blobs the server has.
        QCOMPARE(statuses(other->push({ other->mutation(u"addPhoto"_s, addArgs(newId(), apartment, photo)) })),
                 QStringList({ u"refused:not_allowed"_s }));
        // A move of the refused photo depends on its refused creation.
        QCOMPARE(statuses(landlord->push(
                     { landlord->mutation(u"movePhoto"_s, { { u"id"_s, first }, { u"position"_s, 0 } }) })),
                 QStringList({ u"refused:depends_on_refused"_s }));
        QCOMPARE(count(u"SELECT count(*) FROM apartment_photos"_s), 0);
        QCOMPARE(statuses(landlord->push({ landlord->mutation(u"addPhoto"_s, addArgs(newId(), apartment, photo)) })),
                 QStringList({ u"applied"_s }));
        QCOMPARE(count(u"SELECT count(*) FROM apartment_photos"_s), 1);
    }

    // Moves and removals travel as mutations; a removed photo's blobs go from the server when
    // no photo names them, and can then no longer be fetched.
    void photosAreMovedAndRemoved()
    {
        auto landlord = peer(u"lena@example.org"_s, u"landlord"_s);
        auto renter = peer(u"roman@example.org"_s, u"renter"_s);
        QVERIFY(landlord && renter);
        const QString apartment = listOneApartment(*landlord);
        QVERIFY(!apartment.isEmpty());
        const Blobs a = somePhoto(11);
        const Blobs b { noisyJpeg(300, 400, 12), plainJpeg(240, 320), 300, 400 };
        QVERIFY(uploadPhoto(*landlord, a));
        QVERIFY(uploadPhoto(*landlord, b));
        const QString first = newId();
        const QString second = newId();
        QCOMPARE(statuses(landlord->push(
                     { landlord->mutation(u"addPhoto"_s, addArgs(first, apartment, a)),
                       landlord->mutation(u"addPhoto"_s, addArgs(second, apartment, b)),
                       landlord->mutation(u"movePhoto"_s, { { u"id"_s, second }, { u"position"_s, 0 } }) })),
                 QStringList({ u"applied"_s, u"applied"_s, u"applied"_s }));
        QCOMPARE(count(u"SELECT position FROM apartment_photos WHERE id = '%1'"_s.arg(second)), 0);
        QCOMPARE(count(u"SELECT position FROM apartment_photos WHERE id = '%1'"_s.arg(first)), 1);
        QCOMPARE(statuses(renter->push({ renter->mutation(u"removePhoto"_s, { { u"id"_s, second } }) })),
                 QStringList({ u"refused:not_allowed"_s }));
        QCOMPARE(statuses(landlord->push({ landlord->mutation(u"removePhoto"_s, { { u"id"_s, second } }) })),
                 QStringList({ u"applied"_s }));
        QCOMPARE(count(u"SELECT position FROM apartment_photos WHERE id = '%1'"_s.arg(first)), 0);
        QCOMPARE(count(u"SELECT count(*) FROM photo_blobs"_s), 2);
        QString code;
        QVERIFY(download(*renter, b.imageSha(), &code).isEmpty());
        QCOMPARE(code, u"not_found"_s);
        QVERIFY(download(*renter, a.imageSha()) == a.image);
    }

    // A photo's row travels in sync.pull like its apartment's (docs/protocol.md, "Rows"): a
    // renter is poked and gets it after the apartment it names, with every field; a move
    // changes its position in the next pull, a removal is a tombstone. The owner gets it too,
    // another landlord never (they do not see the apartment), and a photo deleted with its
    // apartment still reaches the owner as a tombstone.
    void photoRowsTravelInThePull()
    {
        auto landlord = peer(u"lena@example.org"_s, u"landlord"_s);
        auto other = peer(u"oleg@example.org"_s, u"landlord"_s);
        auto renter = peer(u"roman@example.org"_s, u"renter"_s);
        QVERIFY(landlord && other && renter);
        QVERIFY(renter->pullAll());
        const QString apartment = listOneApartment(*landlord);
        QVERIFY(!apartment.isEmpty());
        QVERIFY(renter->client.waitForPush(u"sync.poke"_s));
        const Blobs a = somePhoto(31);
        const Blobs b { noisyJpeg(300, 400, 32), plainJpeg(240, 320), 300, 400 };
        QVERIFY(uploadPhoto(*landlord, a));
        QVERIFY(uploadPhoto(*landlord, b));
        const QString first = newId();
        const QString second = newId();
        QCOMPARE(statuses(landlord->push({ landlord->mutation(u"addPhoto"_s, addArgs(first, apartment, a)),
                                           landlord->mutation(u"addPhoto"_s, addArgs(second, apartment, b)) })),
                 QStringList({ u"applied"_s, u"applied"_s }));
        QVERIFY(renter->client.waitForPush(u"sync.poke"_s));

        QVERIFY(renter->pullAll());
        const QJsonObject row = renter->row(u"photo"_s, first);
        QCOMPARE(row.keys(),
                 QStringList({ u"apartmentId"_s, u"createdAt"_s, u"height"_s, u"id"_s, u"imageSha256"_s, u"position"_s,
                               u"thumbnailSha256"_s, u"updatedAt"_s, u"width"_s }));
        QCOMPARE(row.value(u"id"_s).toString(), first);
        QCOMPARE(row.value(u"apartmentId"_s).toString(), apartment);
        QCOMPARE(row.value(u"position"_s), QJsonValue(0));
        QCOMPARE(row.value(u"imageSha256"_s).toString(), a.imageSha());
        QCOMPARE(row.value(u"thumbnailSha256"_s).toString(), a.thumbnailSha());
        QCOMPARE(row.value(u"width"_s), QJsonValue(400));
        QCOMPARE(row.value(u"height"_s), QJsonValue(300));
        QVERIFY(QDateTime::fromString(row.value(u"createdAt"_s).toString(), Qt::ISODateWithMs).isValid());
        QVERIFY(QDateTime::fromString(row.value(u"updatedAt"_s).toString(), Qt::ISODateWithMs).isValid());
        QCOMPARE(renter->row(u"photo"_s, second).value(u"position"_s), QJsonValue(1));
        QCOMPARE(renter->row(u"photo"_s, second).value(u"width"_s), QJsonValue(300));
        // The apartment a photo names comes first, in the pull that first brings both.
        Peer fresh;
        QVERIFY(fresh.client.open(server->url()) && fresh.client.hello(2)
                && fresh.client.signUpAndLogIn(u"rita@example.org"_s, u"rita"_s, u"renter"_s));
        QVERIFY(fresh.pullAll());
        const auto at = [&](const QString &entity, const QString &id) {
            for (qsizetype i = 0; i < fresh.seen.size(); ++i) {
                if (fresh.seen.at(i).value(u"entity"_s).toString() == entity
                    && fresh.seen.at(i).value(u"id"_s).toString() == id)
                    return i;
            }
            return qsizetype(-1);
        };
        QVERIFY(at(u"apartment"_s, apartment) >= 0);
        QVERIFY(at(u"apartment"_s, apartment) < at(u"photo"_s, first));
        QCOMPARE(fresh.row(u"photo"_s, second), renter->row(u"photo"_s, second));

        // The owner sees their photos; another landlord sees neither the apartment nor them.
        QVERIFY(landlord->pullAll());
        QCOMPARE(landlord->row(u"photo"_s, first), row);
        QVERIFY(other->pullAll());
        for (const QJsonObject &seen : std::as_const(other->seen))
            QVERIFY2(seen.value(u"entity"_s).toString() != u"photo", qPrintable(seen.value(u"id"_s).toString()));

        QCOMPARE(statuses(landlord->push(
                     { landlord->mutation(u"movePhoto"_s, { { u"id"_s, second }, { u"position"_s, 0 } }) })),
                 QStringList({ u"applied"_s }));
        QVERIFY(renter->client.waitForPush(u"sync.poke"_s));
        QVERIFY(renter->pullAll());
        QCOMPARE(renter->row(u"photo"_s, second).value(u"position"_s), QJsonValue(0));
        QCOMPARE(renter->row(u"photo"_s, first).value(u"position"_s), QJsonValue(1));

        QCOMPARE(statuses(landlord->push({ landlord->mutation(u"removePhoto"_s, { { u"id"_s, second } }) })),
                 QStringList({ u"applied"_s }));
        QVERIFY(renter->client.waitForPush(u"sync.poke"_s));
        const qsizetype before = renter->seen.size();
        QVERIFY(renter->pullAll());
        const QList<QJsonObject> latest = renter->seen.mid(before);
        QVERIFY(std::any_of(latest.cbegin(), latest.cend(), [&](const QJsonObject &change) {
            return change.value(u"entity"_s).toString() == u"photo" && change.value(u"id"_s).toString() == second
                && change.value(u"deleted"_s).toBool() && !change.contains(u"row"_s);
        }));
        QVERIFY(!renter->rows.contains(u"photo/"_s + second));
        QCOMPARE(renter->row(u"photo"_s, first).value(u"position"_s), QJsonValue(0));

        // Deleted with its apartment: the owner still hears of it.
        QVERIFY(landlord->pullAll());
        QVERIFY(!landlord->rows.contains(u"photo/"_s + second));
        QCOMPARE(statuses(landlord->push({ landlord->mutation(u"deleteApartment"_s, { { u"id"_s, apartment } }) })),
                 QStringList({ u"applied"_s }));
        QVERIFY(landlord->pullAll());
        QVERIFY(!landlord->rows.contains(u"photo/"_s + first));
        QVERIFY(renter->pullAll());
        QVERIFY(!renter->rows.contains(u"photo/"_s + first));
        QVERIFY(!renter->rows.contains(u"apartment/"_s + apartment));
    }

    // An upload lives as long as its connection: after a drop, the rest of it is refused and
    // the client starts again from 0; the addPhoto it was for is pushed after, not lost. One
    // person has at most two uploads under way at once.
    void anInterruptedUploadStartsAgain()
    {
        auto landlord = peer(u"lena@example.org"_s, u"landlord"_s);
        QVERIFY(landlord);
        const QString apartment = listOneApartment(*landlord);
        QVERIFY(!apartment.isEmpty());
        const Blobs photo { noisyJpeg(900, 700, 21), plainJpeg(320, 249), 900, 700 };
        const qint64 chunk = chunkBytesOf(*landlord);
        QVERIFY(chunk < photo.image.size());
        QCOMPARE(codeOf(put(*landlord, photo.imageSha(), u"image"_s, 0, photo.image.size(), photo.image.left(chunk))),
                 u"ok"_s);

        // The connection drops; the same replica comes back on a new one.
        Peer again;
        again.clientId = landlord->clientId;
        again.nextMutation = landlord->nextMutation;
        landlord.reset();
        QVERIFY(again.client.open(server->url()) && again.client.hello(2) && again.client.logIn(u"lena@example.org"_s));
        QCOMPARE(
            codeOf(put(again, photo.imageSha(), u"image"_s, chunk, photo.image.size(), photo.image.mid(chunk, chunk))),
            u"bad_request"_s);
        QCOMPARE(missing(again, { photo.imageSha() })->value(u"missing"_s).toArray().size(), 1);
        QVERIFY(uploadPhoto(again, photo));
        QCOMPARE(statuses(again.push({ again.mutation(u"addPhoto"_s, addArgs(newId(), apartment, photo)) })),
                 QStringList({ u"applied"_s }));

        // Two uploads under way on two connections; a third waits its turn.
        auto second = std::make_unique<Peer>();
        auto third = std::make_unique<Peer>();
        for (Peer *p : { second.get(), third.get() })
            QVERIFY(p->client.open(server->url()) && p->client.hello(2) && p->client.logIn(u"lena@example.org"_s));
        const Blobs other = somePhoto(22);
        QCOMPARE(codeOf(put(again, other.imageSha(), u"image"_s, 0, other.image.size(), other.image.left(100))),
                 u"ok"_s);
        QCOMPARE(codeOf(put(*second, other.imageSha(), u"image"_s, 0, other.image.size(), other.image.left(100))),
                 u"ok"_s);
        const auto busy = put(*third, other.imageSha(), u"image"_s, 0, other.image.size(), other.image.left(100));
        QCOMPARE(codeOf(busy), u"rate_limited"_s);
        QVERIFY(busy->value(u"error"_s).toObject().value(u"retryAfter"_s).toInt() >= 1);
        // One of them closes: its place is free again.
        second.reset();
        QTRY_COMPARE(codeOf(put(*third, other.imageSha(), u"image"_s, 0, other.image.size(), other.image.left(100))),
                     u"ok"_s);
    }
};

// QImage and QPainter on an image need no display (as in tst_photoservice).
QTEST_GUILESS_MAIN(TestServerPhotos)

#include "tst_serverphotos.moc"
