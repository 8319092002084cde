// SPDX-License-Identifier: GPL-3.0-or-later
//
// A first pull as one file (models/sync/snapshot): the server's snapshot of what a person may
// see, applied to a new replica, must leave it exactly as the pages of sync.pull would, for a
// renter (whole tables, copied page by page, then masked) and for a landlord (the feed's rows);
// and a file that is not a snapshot of this release, or names rows it lacks, changes nothing.

#include "models/demo/demogenerator.h"
#include "models/domain/storedvalues.h"
#include "models/query/searchindex.h"
#include "models/services/clock.h"
#include "models/services/listingservice.h"
#include "models/services/mode.h"
#include "models/services/photoservice.h"
#include "models/services/servicecontext.h"
#include "models/sync/replica.h"
#include "models/sync/rowformat.h"
#include "models/sync/serversync.h"
#include "models/sync/snapshot.h"
#include "tests/photos/phototesting.h"
#include "tests/support/testsupport.h"

#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace rentdesk;
using models::domain::Role;
using models::services::DomainError;
using models::sync::Replica;

namespace {

// Every row of the synced tables, every column, in id order; and the search index's answer
// to a few words, by apartment id.
QStringList dump(const QString &path)
{
    QStringList lines;
    for (const models::sync::SyncEntity &entity : models::sync::syncEntities()) {
        const QString table = QString::fromLatin1(entity.table);
        lines << table;
        lines << test::rowsIn(path, u"SELECT * FROM %1 ORDER BY id"_s.arg(table));
    }
    for (const QString &word : { u"metro"_s, u"moscow"_s, u"квартира"_s, u"park*"_s }) {
        lines << u"search "_s + word;
        lines << test::rowsIn(path,
                              u"SELECT a.id FROM apartments_search AS s JOIN apartments AS a ON a.rowid = s.rowid "
                              "WHERE apartments_search MATCH '%1' ORDER BY a.id"_s.arg(word));
    }
    return lines;
}

} // namespace

class TestSnapshot : public QObject
{
    Q_OBJECT

    models::services::SystemClock clock;
    test::TempDatabase server;
    std::unique_ptr<models::sync::ServerSync> sync;

    // A new replica of the account with this e-mail, not yet pulled.
    struct Desktop
    {
        std::unique_ptr<test::TempDatabase> database = std::make_unique<test::TempDatabase>();
        std::unique_ptr<Replica> replica;
        models::domain::User account;
    };

    models::domain::User accountOf(const QString &email) const
    {
        models::domain::User user;
        const QStringList row = test::rowsIn(
            server.path(), u"SELECT id, display_name, role, language FROM users WHERE email = '%1'"_s.arg(email));
        const QStringList values = row.value(0).split(u'|');
        user.id = models::domain::idFromStored(values.value(0)).value_or(QUuid());
        user.email = email;
        user.displayName = values.value(1);
        user.role = values.value(2) == u"landlord" ? Role::Landlord : Role::Renter;
        user.language = models::domain::Language::English;
        return user;
    }

    std::unique_ptr<Desktop> desktop(const QString &email) const
    {
        auto made = std::make_unique<Desktop>();
        made->account = accountOf(email);
        if (!made->database->isValid()
            || !Replica::initialize(made->database->database(), u"wss://rentdesk.example.org"_s, made->account))
            return nullptr;
        auto opened = Replica::open(made->database->shared(), clock);
        if (!opened)
            return nullptr;
        made->replica = std::move(*opened);
        return made;
    }

    // Pulls every page there is, as SyncClient does.
    bool pullPages(Desktop &desktop) const
    {
        for (int page = 0; page < 1000; ++page) {
            const QString before = desktop.replica->cursor().value_or(QString());
            auto pulled = sync->pull(desktop.account.id, desktop.replica->clientId(),
                                     before.isEmpty() ? 0 : before.toLongLong(), 200, 1 << 20);
            if (!pulled) {
                qWarning() << "pull:" << pulled.error().message;
                return false;
            }
            auto applied = desktop.replica->applyPull(QJsonDocument::fromJson(pulled->rows).array(),
                                                      QString::number(pulled->cursor), pulled->resync, !pulled->more,
                                                      pulled->remaining);
            if (!applied) {
                qWarning() << "apply:" << applied.error().message;
                return false;
            }
            if (!pulled->more)
                return true;
        }
        return false;
    }

    QString snapshotPath(const Desktop &desktop) const { return desktop.replica->snapshotPath(); }

    models::services::Result<models::sync::SnapshotInfo> snapshotFor(const Desktop &desktop) const
    {
        return models::sync::writeSnapshot(server.database(), desktop.account.id, desktop.replica->clientId(),
                                           snapshotPath(desktop));
    }

    // A photo added on the server (the feed's triggers enter it) to an apartment of the owner's.
    bool addPhoto(const QString &ownerEmail, bool own, const QColor &colour) const
    {
        const models::domain::User owner = accountOf(ownerEmail);
        const QString apartment =
            test::rowsIn(server.path(),
                         u"SELECT id FROM apartments WHERE (owner_id = '%1') = %2 "
                         "ORDER BY id LIMIT 1"_s.arg(models::domain::toStoredId(owner.id), own ? u"1"_s : u"0"_s))
                .value(0);
        const QString actor =
            test::rowsIn(server.path(), u"SELECT owner_id FROM apartments WHERE id = '%1'"_s.arg(apartment)).value(0);
        models::services::PhotoService photos(
            models::services::ServiceContext(server.shared(), clock, models::services::Mode::Server));
        const auto added =
            photos.add(*models::domain::idFromStored(actor), *models::domain::idFromStored(apartment),
                       test::encoded(test::twoColourImage(640, 480, colour), "jpeg"), models::domain::newId());
        if (!added)
            qWarning() << "photo:" << added.error().message;
        return bool(added);
    }

    void compareWays(const QString &email, qint64 photos)
    {
        auto paged = desktop(email);
        auto copied = desktop(email);
        QVERIFY(paged && copied);
        QVERIFY(pullPages(*paged));

        const auto snapshot = snapshotFor(*copied);
        QVERIFY2(snapshot, qPrintable(snapshot ? QString() : snapshot.error().message));
        const auto rows = copied->replica->applySnapshot(QString::number(snapshot->cursor));
        QVERIFY2(rows, qPrintable(rows ? QString() : rows.error().message));
        QCOMPARE(*rows, snapshot->rows);
        QCOMPARE(copied->replica->cursor().value_or(QString()), QString::number(snapshot->cursor));
        // Nothing changed since, so the pages after the snapshot's cursor bring nothing.
        QVERIFY(pullPages(*copied));

        for (const Desktop *each : { paged.get(), copied.get() })
            QVERIFY(models::query::refreshSearchIndex(each->database->connection()));
        const QStringList expected = dump(paged->database->path());
        QVERIFY(expected.size() > 100);
        QCOMPARE(dump(copied->database->path()), expected);
        // The photos' rows come (those this person sees), their bytes do not.
        QCOMPARE(test::valueIn(paged->database->path(), u"SELECT count(*) FROM apartment_photos"_s), photos);
        QCOMPARE(test::valueIn(copied->database->path(), u"SELECT count(*) FROM photo_blobs"_s), 0);
        // What no replica holds: other people's e-mails and any password's hash.
        QCOMPARE(test::valueIn(
                     copied->database->path(),
                     u"SELECT count(*) FROM users WHERE password_hash IS NOT NULL "
                     "OR (email IS NOT NULL AND id <> '%1')"_s.arg(models::domain::toStoredId(copied->account.id))),
                 0);
    }

private slots:
    void initTestCase()
    {
        QVERIFY2(server.isValid(), qPrintable(server.errorMessage()));
        models::demo::DemoOptions options;
        options.apartments = 60;
        options.today = QDate::currentDate();
        QVERIFY(models::demo::generateDemoData(server.database(), options));
        // Two photos of the demo landlord's, one added before the claim (the claim enters it into
        // the feed) and one after; one of another landlord's, which the demo landlord never sees.
        const QString landlord = models::demo::demoLandlord().email;
        QVERIFY(addPhoto(landlord, true, Qt::red));
        QVERIFY(models::services::claimForServer(server.database()));
        QVERIFY(addPhoto(landlord, true, Qt::green));
        QVERIFY(addPhoto(landlord, false, Qt::yellow));
        QCOMPARE(test::valueIn(server.path(), u"SELECT count(*) FROM sync_changes WHERE entity = 'photo'"_s), 3);
        sync = std::make_unique<models::sync::ServerSync>(
            models::services::ServiceContext(server.shared(), clock, models::services::Mode::Server));
        // A row deleted after the claim: a tombstone the pages carry and the snapshot leaves out.
        QVERIFY(
            test::rowsIn(server.path(), u"DELETE FROM reviews WHERE id = (SELECT min(id) FROM reviews)"_s).isEmpty());
        QCOMPARE(test::valueIn(server.path(), u"SELECT count(*) FROM sync_changes WHERE deleted = 1"_s), 1);
    }

    void aRentersSnapshotEqualsThePages() { compareWays(models::demo::demoRenter().email, 3); }
    void aLandlordsSnapshotEqualsThePages() { compareWays(models::demo::demoLandlord().email, 2); }

    // The file takes the replica's place whole: the replica's own rows (its state, a refused
    // change waiting for the person) come with it, and the replica goes on recording its
    // changes on the connection that reopened, here and after the app starts again.
    void theReplicaKeepsItsOwnRowsAndGoesOn()
    {
        auto copied = desktop(models::demo::demoLandlord().email);
        QVERIFY(copied);
        const QString me = models::domain::toStoredId(copied->account.id);
        QVERIFY(test::rowsIn(copied->database->path(),
                             u"INSERT INTO pending_mutations (name, args, actor_id, created_at, state, error_code) "
                             "VALUES ('createBuilding', '{}', '%1', '2026-01-01T00:00:00.000Z', 'refused', "
                             "'not_allowed')"_s.arg(me))
                    .isEmpty());
        const QStringList state = test::rowsIn(copied->database->path(), u"SELECT * FROM replica_state"_s);
        const QStringList queue = test::rowsIn(copied->database->path(), u"SELECT * FROM pending_mutations"_s);
        const auto snapshot = snapshotFor(*copied);
        QVERIFY(snapshot);
        const auto rows = copied->replica->applySnapshot(QString::number(snapshot->cursor));
        QVERIFY2(rows, qPrintable(rows ? QString() : rows.error().message));
        QVERIFY(!QFileInfo::exists(snapshotPath(*copied)));

        QCOMPARE(test::rowsIn(copied->database->path(), u"SELECT * FROM pending_mutations"_s), queue);
        QCOMPARE(copied->replica->cursor().value_or(QString()), QString::number(snapshot->cursor));
        const qint64 buildings =
            test::valueIn(copied->database->path(), u"SELECT count(*) FROM buildings WHERE owner_id = '%1'"_s.arg(me));
        QVERIFY(buildings > 0);

        models::services::ListingService listings(copied->replica->context());
        const auto made =
            listings.createBuilding(copied->account.id, { u"Tower"_s, u"1 Main St"_s, u"Kazan"_s, 5, std::nullopt });
        QVERIFY2(made, qPrintable(made ? QString() : made.error().message));
        QCOMPARE(copied->replica->pendingCount().value_or(-1), 1);
        QCOMPARE(test::valueIn(copied->database->path(),
                               u"SELECT count(*) FROM pending_mutations WHERE state = 'pending' AND "
                               "length(changes) > 0"_s),
                 1);

        // As the app finds it when it starts again.
        copied->replica.reset();
        auto reopened = Replica::open(copied->database->shared(), clock);
        QVERIFY2(reopened, qPrintable(reopened ? QString() : reopened.error().message));
        QCOMPARE((*reopened)->clientId().toString(), QUuid(state.value(0).split(u'|').value(3)).toString());
        QCOMPARE(
            test::valueIn(copied->database->path(), u"SELECT count(*) FROM buildings WHERE owner_id = '%1'"_s.arg(me)),
            buildings + 1);
    }

    // The file's tables must be exactly this release's: one with an index of its own is refused
    // and the replica keeps what it had (its account's profile, no cursor).
    void aFileOfAnotherSchemaChangesNothing()
    {
        auto copied = desktop(models::demo::demoRenter().email);
        QVERIFY(copied);
        const auto snapshot = snapshotFor(*copied);
        QVERIFY(snapshot);
        (void)test::rowsIn(snapshotPath(*copied), u"CREATE INDEX apartments_floor_idx ON apartments (floor)"_s);
        const auto refused = copied->replica->applySnapshot(u"7"_s);
        QVERIFY(!refused);
        QCOMPARE(refused.error().code, DomainError::Code::InvalidValue);
        QCOMPARE(test::valueIn(copied->database->path(), u"SELECT count(*) FROM users"_s), 1);
        QCOMPARE(test::valueIn(copied->database->path(), u"SELECT count(*) FROM apartments"_s), 0);
        QCOMPARE(copied->replica->cursor().value_or(u"?"_s), QString());
    }

    // Foreign keys are off while the tables are copied: a file whose rows name rows it lacks is
    // refused whole after the copy.
    void aFileNamingRowsItLacksChangesNothing()
    {
        auto copied = desktop(models::demo::demoRenter().email);
        QVERIFY(copied);
        QVERIFY(snapshotFor(*copied));
        (void)test::rowsIn(snapshotPath(*copied),
                           u"DELETE FROM buildings WHERE rowid = (SELECT min(rowid) FROM buildings)"_s);
        const auto refused = copied->replica->applySnapshot(u"7"_s);
        QVERIFY(!refused);
        QVERIFY2(refused.error().message.contains(u"apartments"_s), qPrintable(refused.error().message));
        QCOMPARE(test::valueIn(copied->database->path(), u"SELECT count(*) FROM buildings"_s), 0);
        QCOMPARE(copied->replica->cursor().value_or(u"?"_s), QString());
    }

    // A replica with a change of its own waiting takes the pages instead: the change's undo and
    // redo around the server's rows belong to the replica's own connection.
    void aReplicaWithChangesOfItsOwnTakesPages()
    {
        auto copied = desktop(models::demo::demoLandlord().email);
        QVERIFY(copied);
        QVERIFY(snapshotFor(*copied));
        QVERIFY(test::rowsIn(copied->database->path(),
                             u"INSERT INTO pending_mutations (name, args, actor_id, created_at) VALUES "
                             "('createBuilding', '{}', '%1', '2026-01-01T00:00:00.000Z')"_s.arg(
                                 models::domain::toStoredId(copied->account.id)))
                    .isEmpty());
        const auto refused = copied->replica->applySnapshot(u"7"_s);
        QVERIFY(!refused);
        QCOMPARE(refused.error().code, DomainError::Code::NotInThisMode);
        QCOMPARE(test::valueIn(copied->database->path(), u"SELECT count(*) FROM buildings"_s), 0);
    }
};

QTEST_GUILESS_MAIN(TestSnapshot)
#include "tst_snapshot.moc"
