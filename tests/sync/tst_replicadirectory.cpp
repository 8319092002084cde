// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/db/database.h"
#include "models/domain/storedvalues.h"
#include "models/sync/replica.h"
#include "models/sync/replicadirectory.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace rentdesk;
using models::domain::Role;
using models::domain::User;
using models::sync::Replica;
using models::sync::ReplicaDirectory;

// The replicas of this computer: a file per server account, found again by reading the files.
class TestReplicaDirectory : public QObject
{
    Q_OBJECT

    static User person(const QString &email, const QString &name, Role role)
    {
        User user;
        user.id = models::domain::newId();
        user.email = email;
        user.displayName = name;
        user.role = role;
        user.language = models::domain::Language::English;
        return user;
    }

private slots:
    void aFileIsNamedByServerAndAccount()
    {
        const ReplicaDirectory replicas(u"/data/replicas"_s);
        const QUuid ann = models::domain::newId();
        const QUuid ben = models::domain::newId();
        const QString annHere = replicas.pathFor(u"wss://rentdesk.example.org"_s, ann);
        QCOMPARE(annHere, u"/data/replicas/rentdesk.example.org_443_%1.sqlite"_s.arg(models::domain::toStoredId(ann)));
        // The same server written otherwise is the same file; another account or server is not.
        QCOMPARE(replicas.pathFor(u"wss://RentDesk.Example.org:443/"_s, ann), annHere);
        QVERIFY(replicas.pathFor(u"wss://rentdesk.example.org"_s, ben) != annHere);
        QVERIFY(replicas.pathFor(u"wss://rentdesk.example.org:8443"_s, ann) != annHere);
        QVERIFY(replicas.pathFor(u"wss://other.example.org"_s, ann) != annHere);
        QCOMPARE(replicas.pathFor(u"ws://127.0.0.1"_s, ann),
                 u"/data/replicas/127.0.0.1_80_%1.sqlite"_s.arg(models::domain::toStoredId(ann)));
        // Nothing of a host that a file name cannot hold.
        const QString v6 = QFileInfo(replicas.pathFor(u"ws://[::1]:8080"_s, ann)).fileName();
        QVERIFY2(!v6.contains(u':') && !v6.contains(u'[') && v6.contains(u"_8080_"_s), qPrintable(v6));
    }

    void theReplicasAreFoundAndNothingElseIsTouched()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const ReplicaDirectory replicas(dir.path() + u"/replicas"_s);
        auto none = replicas.list();
        QVERIFY(none);
        QVERIFY(none->isEmpty()); // no folder yet

        const User ann = person(u"ann@example.org"_s, u"Ann"_s, Role::Landlord);
        const User cat = person(u"cat@example.org"_s, u"Cat"_s, Role::Renter);
        const QString second = u"wss://b.example.org"_s;
        const QString first = u"wss://a.example.org"_s;
        auto annDb = models::db::Database::open(replicas.pathFor(second, ann.id));
        QVERIFY(annDb);
        QVERIFY(Replica::initialize(**annDb, second, ann));
        {
            auto catDb = models::db::Database::open(replicas.pathFor(first, cat.id));
            QVERIFY(catDb);
            QVERIFY(Replica::initialize(**catDb, first, cat));
        }
        // A standalone database and a file that is no database at all, in the same folder.
        QVERIFY(models::db::Database::open(replicas.folder() + u"/standalone.sqlite"_s));
        const QByteArray junk = "not a database, whatever its name says\n";
        {
            QFile file(replicas.folder() + u"/junk.sqlite"_s);
            QVERIFY(file.open(QIODevice::WriteOnly));
            file.write(junk);
        }

        // Ann's replica is open meanwhile, as the app's would be.
        auto found = replicas.list();
        QVERIFY2(found, qPrintable(found ? QString() : found.error().message));
        QCOMPARE(found->size(), 2);
        QCOMPARE(found->at(0).serverUrl, first);
        QCOMPARE(found->at(0).account, cat.id);
        QCOMPARE(found->at(0).email, cat.email);
        QCOMPARE(found->at(0).displayName, cat.displayName);
        QCOMPARE(found->at(0).path, replicas.pathFor(first, cat.id));
        QVERIFY(!found->at(0).syncedAt);
        QCOMPARE(found->at(1).serverUrl, second);
        QCOMPARE(found->at(1).account, ann.id);
        QCOMPARE(found->at(1).email, ann.email);

        QFile file(replicas.folder() + u"/junk.sqlite"_s);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(file.readAll(), junk);
        const QStringList left = QDir(replicas.folder()).entryList({ u"junk*"_s }, QDir::Files);
        QCOMPARE(left, QStringList { u"junk.sqlite"_s });
    }
};

QTEST_GUILESS_MAIN(TestReplicaDirectory)
#include "tst_replicadirectory.moc"
