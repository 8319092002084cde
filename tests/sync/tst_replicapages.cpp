// SPDX-License-Identifier: GPL-3.0-or-later
//
// Replica::applyPull on pages made by the test, without a server: the orders of rows a page may
// hold, and what a pull writes for a row the replica already has.

#include "models/domain/storedvalues.h"
#include "models/services/clock.h"
#include "models/services/listingservice.h"
#include "models/services/photoservice.h"
#include "models/sync/replica.h"
#include "tests/support/testsupport.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <QJsonObject>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace rentdesk;
using models::domain::Role;
using models::services::DomainError;
using models::sync::Replica;

namespace {

QString newStoredId()
{
    return models::domain::toStoredId(models::domain::newId());
}

QString now()
{
    return models::domain::toStoredTimestamp(QDateTime::currentDateTimeUtc());
}

QJsonObject change(const QString &entity, const QJsonObject &row)
{
    return { { u"entity"_s, entity }, { u"id"_s, row.value(u"id"_s) }, { u"seq"_s, 1 }, { u"row"_s, row } };
}

QJsonObject tombstone(const QString &entity, const QString &id)
{
    return { { u"entity"_s, entity }, { u"id"_s, id }, { u"seq"_s, 1 }, { u"deleted"_s, true } };
}

// The columns every row of that entity ends with: a rating with nothing rated, and its times.
QJsonObject rated(QJsonObject row)
{
    row.insert(u"ratingSum"_s, 0);
    row.insert(u"ratingCount"_s, 0);
    row.insert(u"createdAt"_s, now());
    row.insert(u"updatedAt"_s, now());
    return row;
}

QJsonObject user(const QString &id, const QString &role)
{
    return rated({ { u"id"_s, id },
                   { u"email"_s, QJsonValue(QJsonValue::Null) },
                   { u"displayName"_s, QString(u"Someone "_s + id.left(8)) },
                   { u"phone"_s, QJsonValue(QJsonValue::Null) },
                   { u"role"_s, role },
                   { u"language"_s, u"en"_s } });
}

QJsonObject building(const QString &id, const QString &owner)
{
    return { { u"id"_s, id },
             { u"ownerId"_s, owner },
             { u"name"_s, QString(u"House "_s + id.left(8)) },
             { u"address"_s, u"1 Main Street"_s },
             { u"city"_s, u"Kazan"_s },
             { u"floors"_s, 5 },
             { u"yearBuilt"_s, QJsonValue(QJsonValue::Null) },
             { u"createdAt"_s, now() },
             { u"updatedAt"_s, now() } };
}

QJsonObject apartment(const QString &id, const QString &buildingId, const QString &owner)
{
    return rated({ { u"id"_s, id },
                   { u"buildingId"_s, buildingId },
                   { u"ownerId"_s, owner },
                   { u"number"_s, u"12"_s },
                   { u"floor"_s, 3 },
                   { u"rooms"_s, 2 },
                   { u"area"_s, 54.5 },
                   { u"monthlyPrice"_s, u"4500000"_s },
                   { u"currency"_s, u"RUB"_s },
                   { u"status"_s, u"free"_s },
                   { u"statusManual"_s, false },
                   { u"bookedBy"_s, QJsonValue(QJsonValue::Null) },
                   { u"furnished"_s, true },
                   { u"petsAllowed"_s, false },
                   { u"description"_s, u"Bright, quiet, near the metro."_s } });
}

// A photo's row as sync.pull carries it; its hashes name bytes the replica has not got.
QJsonObject photo(const QString &id, const QString &apartmentId, int position)
{
    return { { u"id"_s, id },
             { u"apartmentId"_s, apartmentId },
             { u"position"_s, position },
             { u"imageSha256"_s, QString(64, u'a') },
             { u"thumbnailSha256"_s, QString(64, u'b') },
             { u"width"_s, 1200 },
             { u"height"_s, 900 },
             { u"createdAt"_s, now() },
             { u"updatedAt"_s, now() } };
}

} // namespace

class TestReplicaPages : public QObject
{
    Q_OBJECT

    test::TempDatabase db;
    models::services::SystemClock clock;
    std::unique_ptr<Replica> replica;
    QString cursor = u"0"_s;

    QStringList rows(const QString &sql) const
    {
        QSqlQuery query(db.connection());
        if (!query.exec(sql))
            return { u"failed: "_s + sql };
        QStringList found;
        while (query.next()) {
            QStringList values;
            for (int i = 0; i < query.record().count(); ++i)
                values << query.value(i).toString();
            found << values.join(u'|');
        }
        return found;
    }

    // The rows the connection has written so far (SQLite's total_changes()).
    qint64 written() const { return rows(u"SELECT total_changes()"_s).value(0).toLongLong(); }

    models::services::Result<void> apply(const QList<QJsonObject> &changes)
    {
        QJsonArray page;
        for (const QJsonObject &each : changes)
            page.append(each);
        const QString next = QString::number(cursor.toLongLong() + 1);
        auto applied = replica->applyPull(page, next, false, true);
        if (applied)
            cursor = next;
        return applied;
    }

private slots:
    void initTestCase()
    {
        QVERIFY2(db.isValid(), qPrintable(db.errorMessage()));
        models::domain::User account;
        account.id = models::domain::newId();
        account.email = u"renter@example.org"_s;
        account.displayName = u"The renter"_s;
        account.role = Role::Renter;
        account.language = models::domain::Language::English;
        QVERIFY(Replica::initialize(db.database(), u"wss://rentdesk.example.org"_s, account));
        auto opened = Replica::open(db.shared(), clock);
        QVERIFY(opened);
        replica = std::move(*opened);
    }

    // The server sends parents first, but a row can still name one later in its page: each such
    // row waits for a second pass, whether it is written (a parent not there yet) or deleted (a
    // child still names it).
    void rowsNamingRowsLaterInThePageWaitForThem()
    {
        const QString landlord = newStoredId();
        const QString first = newStoredId();
        const QString second = newStoredId();
        const QString flat = newStoredId();
        // Every row before the rows it names.
        const auto applied =
            apply({ change(u"apartment"_s, apartment(flat, first, landlord)),
                    change(u"building"_s, building(first, landlord)), change(u"building"_s, building(second, landlord)),
                    change(u"user"_s, user(landlord, u"landlord"_s)) });
        QVERIFY2(applied, qPrintable(applied ? QString() : applied.error().message));
        QCOMPARE(rows(u"SELECT building_id FROM apartments WHERE id = '%1'"_s.arg(flat)), QStringList { first });
        QCOMPARE(rows(u"SELECT count(*) FROM buildings WHERE owner_id = '%1'"_s.arg(landlord)), QStringList { u"2"_s });

        // The first building deleted after its apartment moved to the second: its tombstone
        // comes first, while the replica's apartment still names it.
        QJsonObject moved = apartment(flat, second, landlord);
        const auto deleted = apply({ tombstone(u"building"_s, first), change(u"apartment"_s, moved) });
        QVERIFY2(deleted, qPrintable(deleted ? QString() : deleted.error().message));
        QCOMPARE(rows(u"SELECT building_id FROM apartments WHERE id = '%1'"_s.arg(flat)), QStringList { second });
        QCOMPARE(rows(u"SELECT id FROM buildings WHERE owner_id = '%1'"_s.arg(landlord)), QStringList { second });
        QCOMPARE(replica->cursor().value_or(QString()), cursor);
    }

    // A row that names what neither the replica nor the page has is the server's error: the
    // page is refused whole and nothing of it stays, the cursor included.
    void aRowNamingWhatNoOneSentRefusesThePage()
    {
        const QString landlord = newStoredId();
        const QString flat = newStoredId();
        const QString before = cursor;
        const auto applied = apply({ change(u"user"_s, user(landlord, u"landlord"_s)),
                                     change(u"apartment"_s, apartment(flat, newStoredId(), landlord)) });
        QVERIFY(!applied);
        QCOMPARE(applied.error().code, DomainError::Code::NotFound); // a foreign key's refusal
        QCOMPARE(rows(u"SELECT count(*) FROM users WHERE id = '%1'"_s.arg(landlord)), QStringList { u"0"_s });
        QCOMPARE(rows(u"SELECT count(*) FROM apartments WHERE id = '%1'"_s.arg(flat)), QStringList { u"0"_s });
        QCOMPARE(replica->cursor().value_or(QString()), before);
    }

    // Apartments of a building that swapped numbers on the server come in the feed's order,
    // each taking a number the other still holds here: the holder waits under a placeholder
    // number until its own row comes, in the same page or a later one.
    void apartmentsThatSwappedNumbersAreBothApplied()
    {
        const QString landlord = newStoredId();
        const QString house = newStoredId();
        const QString first = newStoredId();
        const QString second = newStoredId();
        const auto numbered = [&](const QString &id, const QString &number) {
            QJsonObject row = apartment(id, house, landlord);
            row.insert(u"number"_s, number);
            return change(u"apartment"_s, row);
        };
        const auto numbers = [&] {
            return rows(
                u"SELECT number FROM apartments WHERE id IN ('%1', '%2') ORDER BY id = '%2'"_s.arg(first, second));
        };
        QVERIFY(
            apply({ change(u"user"_s, user(landlord, u"landlord"_s)), change(u"building"_s, building(house, landlord)),
                    numbered(first, u"5"_s), numbered(second, u"6"_s) }));
        QCOMPARE(numbers(), (QStringList { u"5"_s, u"6"_s }));

        // Swapped in one page, the second first: each number is held by the other when it comes.
        const auto swapped = apply({ numbered(second, u"5"_s), numbered(first, u"6"_s) });
        QVERIFY2(swapped, qPrintable(swapped ? QString() : swapped.error().message));
        QCOMPARE(numbers(), (QStringList { u"6"_s, u"5"_s }));

        // Back again over two pages: between them the second waits under a placeholder.
        const auto firstPage = apply({ numbered(first, u"5"_s) });
        QVERIFY2(firstPage, qPrintable(firstPage ? QString() : firstPage.error().message));
        const QStringList between = numbers();
        QCOMPARE(between.value(0), u"5"_s);
        QVERIFY2(between.value(1).startsWith(u'~') && between.value(1) != u"~"_s, qPrintable(between.join(u',')));
        QVERIFY(apply({ numbered(second, u"6"_s) }));
        QCOMPARE(numbers(), (QStringList { u"5"_s, u"6"_s }));
        QCOMPARE(replica->cursor().value_or(QString()), cursor);
    }

    // Photos' rows come in the pull before their bytes: written (after the apartment they name,
    // wherever it stands in the page), moved and removed like any row, and listed by
    // PhotoService, whose image and thumbnail are "not here yet" rather than an error.
    void photoRowsAreAppliedBeforeTheirBytes()
    {
        const QString landlord = newStoredId();
        const QString house = newStoredId();
        const QString flat = newStoredId();
        const QString first = newStoredId();
        const QString second = newStoredId();
        const QJsonObject sent = photo(first, flat, 0);
        const auto applied = apply({ change(u"photo"_s, sent), change(u"user"_s, user(landlord, u"landlord"_s)),
                                     change(u"building"_s, building(house, landlord)),
                                     change(u"apartment"_s, apartment(flat, house, landlord)) });
        QVERIFY2(applied, qPrintable(applied ? QString() : applied.error().message));
        const QString expected = QStringList { flat,
                                               u"0"_s,
                                               QString(64, u'a'),
                                               QString(64, u'b'),
                                               u"1200"_s,
                                               u"900"_s,
                                               sent.value(u"createdAt"_s).toString() }
                                     .join(u'|');
        QCOMPARE(rows(u"SELECT apartment_id, position, image_sha256, thumbnail_sha256, width, height, created_at "
                      "FROM apartment_photos WHERE id = '%1'"_s.arg(first)),
                 QStringList { expected });

        models::services::PhotoService photos(replica->context());
        const auto listed = photos.photos(*models::domain::idFromStored(flat));
        QVERIFY2(listed, qPrintable(listed ? QString() : listed.error().message));
        QCOMPARE(listed->size(), 1);
        QCOMPARE(models::domain::toStoredId(listed->at(0).id), first);
        QCOMPARE(listed->at(0).width, 1200);
        QCOMPARE(listed->at(0).height, 900);
        QCOMPARE(listed->at(0).thumbnailSha256, QString(64, u'b'));
        const auto thumbnail = photos.thumbnail(listed->at(0).thumbnailSha256);
        QVERIFY(thumbnail);
        QVERIFY(!thumbnail->has_value());
        const auto image = photos.image(listed->at(0).imageSha256);
        QVERIFY(image);
        QVERIFY(!image->has_value());
        // What the sync client fetches: the thumbnail before the image. What photo.get brings
        // is checked before it is kept: its name, then its content.
        using Kind = models::services::PhotoService::BlobKind;
        const auto wanted = photos.wantedBlobs();
        QVERIFY(wanted);
        QCOMPARE(wanted->size(), 2);
        QCOMPARE(wanted->at(0).kind, Kind::Thumbnail);
        QCOMPARE(wanted->at(0).sha256, QString(64, u'b'));
        QCOMPARE(wanted->at(1).kind, Kind::Image);
        QCOMPARE(wanted->at(1).sha256, QString(64, u'a'));
        const QByteArray notJpeg("not a JPEG at all");
        const auto misnamed = photos.storeFetchedBlob(Kind::Thumbnail, QString(64, u'b'), notJpeg);
        QVERIFY(!misnamed);
        QCOMPARE(misnamed.error().field, u"sha256"_s);
        const QString notJpegName =
            QString::fromLatin1(QCryptographicHash::hash(notJpeg, QCryptographicHash::Sha256).toHex());
        const auto notImage = photos.storeFetchedBlob(Kind::Thumbnail, notJpegName, notJpeg);
        QVERIFY(!notImage);
        QCOMPARE(notImage.error().field, u"data"_s);
        QCOMPARE(rows(u"SELECT count(*) FROM photo_blobs"_s), QStringList { u"0"_s });

        // A second photo put first: both rows change position.
        QVERIFY(apply({ change(u"photo"_s, photo(second, flat, 0)), change(u"photo"_s, photo(first, flat, 1)) }));
        QCOMPARE(rows(u"SELECT id FROM apartment_photos WHERE apartment_id = '%1' ORDER BY position"_s.arg(flat)),
                 (QStringList { second, first }));
        QCOMPARE(photos.photos(*models::domain::idFromStored(flat)).value_or(QList<models::domain::Photo>()).size(), 2);

        // Removed: a tombstone. A row of an entity a later server adds is skipped, as photos'
        // rows are by a release from before them (docs/protocol.md, "Writing a sync client").
        QVERIFY(apply({ tombstone(u"photo"_s, second), change(u"photo"_s, photo(first, flat, 0)),
                        change(u"lease"_s, { { u"id"_s, newStoredId() }, { u"apartmentId"_s, flat } }) }));
        QCOMPARE(rows(u"SELECT id || '@' || position FROM apartment_photos WHERE apartment_id = '%1'"_s.arg(flat)),
                 QStringList { first + u"@0"_s });
        QCOMPARE(replica->cursor().value_or(QString()), cursor);
    }

    // A landlord's change of their own is undone and made again around each pull by its
    // changeset: deleting an apartment here takes its photos along (ON DELETE CASCADE), so the
    // changeset must hold the photos too, or a refused deletion would bring the apartment back
    // without them.
    void aRefusedDeletionBringsThePhotosBack()
    {
        test::TempDatabase own;
        QVERIFY2(own.isValid(), qPrintable(own.errorMessage()));
        models::domain::User account;
        account.id = models::domain::newId();
        account.email = u"landlord@example.org"_s;
        account.displayName = u"The landlord"_s;
        account.role = Role::Landlord;
        account.language = models::domain::Language::English;
        QVERIFY(Replica::initialize(own.database(), u"wss://rentdesk.example.org"_s, account));
        auto opened = Replica::open(own.shared(), clock);
        QVERIFY(opened);
        Replica &mine = **opened;
        const QString me = models::domain::toStoredId(account.id);
        const QString house = newStoredId();
        const QString flat = newStoredId();
        const QString picture = newStoredId();
        QJsonArray page { change(u"building"_s, building(house, me)),
                          change(u"apartment"_s, apartment(flat, house, me)),
                          change(u"photo"_s, photo(picture, flat, 0)) };
        const auto pulled = mine.applyPull(page, u"1"_s, false, true);
        QVERIFY2(pulled, qPrintable(pulled ? QString() : pulled.error().message));
        const auto count = [&](const QString &table) {
            return test::valueIn(own.path(), u"SELECT count(*) FROM %1"_s.arg(table));
        };
        QCOMPARE(count(u"apartment_photos"_s), 1);

        models::services::ListingService listings(mine.context());
        const auto deleted = listings.deleteApartment(account.id, *models::domain::idFromStored(flat));
        QVERIFY2(deleted, qPrintable(deleted ? QString() : deleted.error().message));
        QCOMPARE(count(u"apartments"_s), 0);
        QCOMPARE(count(u"apartment_photos"_s), 0);
        // A pull that changes nothing here undoes and redoes the deletion.
        QVERIFY(mine.applyPull({}, u"2"_s, false, true));
        QCOMPARE(count(u"apartment_photos"_s), 0);

        const qint64 mutation = test::valueIn(own.path(), u"SELECT id FROM pending_mutations"_s);
        models::sync::PushOutcome refused;
        refused.id = mutation;
        refused.error = DomainError(DomainError::Code::NotAllowed, u"apartment"_s, QString(), u"No."_s);
        const auto filed = mine.recordOutcomes({ refused });
        QVERIFY2(filed, qPrintable(filed ? QString() : filed.error().message));
        QCOMPARE(count(u"apartments"_s), 1);
        QCOMPARE(test::rowsIn(own.path(), u"SELECT id, position FROM apartment_photos"_s),
                 QStringList { picture + u"|0"_s });
    }

    // A row the replica has is written only where it changed: sent again as it is, it writes
    // nothing but the cursor; with a new price and description, the row and the search index's
    // mark of it (a trigger's write, which total_changes() counts too).
    void aRowIsWrittenOnlyWhereItChanged()
    {
        const QString landlord = newStoredId();
        const QString house = newStoredId();
        const QString flat = newStoredId();
        const QJsonObject row = apartment(flat, house, landlord);
        QVERIFY(apply({ change(u"user"_s, user(landlord, u"landlord"_s)),
                        change(u"building"_s, building(house, landlord)), change(u"apartment"_s, row) }));

        qint64 before = written();
        QVERIFY(apply({}));
        const qint64 cursorOnly = written() - before;
        QVERIFY(cursorOnly >= 1);

        before = written();
        QVERIFY(apply({ change(u"apartment"_s, row) }));
        QCOMPARE(written() - before, cursorOnly);

        QJsonObject dearer = row;
        dearer.insert(u"monthlyPrice"_s, u"4700000"_s);
        dearer.insert(u"bookedBy"_s, QJsonValue(QJsonValue::Null));
        dearer.insert(u"description"_s, u"Bright, quiet, near the metro. New windows."_s);
        QCOMPARE(rows(u"DELETE FROM apartments_search_stale"_s), QStringList());
        before = written();
        QVERIFY(apply({ change(u"apartment"_s, dearer) }));
        QCOMPARE(written() - before, cursorOnly + 2);
        QCOMPARE(rows(u"SELECT monthly_price, description, area, furnished, booked_by IS NULL FROM apartments "
                      "WHERE id = '%1'"_s.arg(flat)),
                 QStringList { u"4700000|Bright, quiet, near the metro. New windows.|54.5|1|1"_s });
        // The search index follows the changed description, as for any other update.
        QCOMPARE(rows(u"SELECT count(*) FROM apartments_search_stale AS s JOIN apartments AS a "
                      "ON a.rowid = s.apartment_rowid WHERE a.id = '%1'"_s.arg(flat)),
                 QStringList { u"1"_s });
    }
};

QTEST_GUILESS_MAIN(TestReplicaPages)
#include "tst_replicapages.moc"
