// SPDX-License-Identifier: GPL-3.0-or-later
#include "tests/support/postgrescluster.h"

#include <QSignalSpy>
#include <QSqlDriver>
#include <QSqlError>
#include <QSqlQuery>
#include <QTest>

using namespace Qt::StringLiterals;
using rentdesk::test::PostgresCluster;

// What rentdesk-server on PostgreSQL (issue 13) stands on, checked on the throw-away cluster the
// tests start: Qt's PostgreSQL driver with SCRAM passwords, an exclusion constraint on date
// ranges for the stays that must not overlap (btree_gist), its violation told by SQLSTATE and
// constraint name as the typed errors need, and LISTEN/NOTIFY between two connections for
// several servers on one database.
class TestPostgresPlatform final : public QObject
{
    Q_OBJECT

    PostgresCluster m_cluster;
    int m_databases = 0;

    // A database of its own for the running test, and an open connection to it.
    QSqlDatabase freshDatabase(const QString &connection)
    {
        const QString name = u"t%1"_s.arg(++m_databases);
        if (!m_cluster.createDatabase(name))
            return {};
        return m_cluster.connect(name, connection);
    }

private Q_SLOTS:
    void initTestCase() { QVERIFY2(m_cluster.start(), qPrintable(m_cluster.errorString())); }

    void cleanup()
    {
        for (const QString &name : QSqlDatabase::connectionNames())
            QSqlDatabase::removeDatabase(name);
    }

    void theSuperuserNeedsItsPassword()
    {
        {
            QSqlDatabase db = m_cluster.connect(u"postgres"_s, u"right"_s);
            QVERIFY2(db.isOpen(), qPrintable(db.lastError().text()));
            QSqlQuery query(db);
            QVERIFY(query.exec(u"SHOW server_version"_s) && query.next());
            QVERIFY2(query.value(0).toString().startsWith(u"15."_s), qPrintable(query.value(0).toString()));
        }
        QSqlDatabase wrong = QSqlDatabase::addDatabase(u"QPSQL"_s, u"wrong"_s);
        wrong.setHostName(PostgresCluster::host());
        wrong.setPort(m_cluster.port());
        wrong.setUserName(PostgresCluster::user());
        wrong.setPassword(u"not the password"_s);
        wrong.setDatabaseName(u"postgres"_s);
        QVERIFY(!wrong.open());
        QVERIFY2(wrong.lastError().text().contains(u"password authentication failed"_s),
                 qPrintable(wrong.lastError().text()));
    }

    void overlappingStaysAreRefusedByAnExclusionConstraint()
    {
        QSqlDatabase db = freshDatabase(u"stays"_s);
        QVERIFY2(db.isOpen(), qPrintable(m_cluster.errorString() + db.lastError().text()));
        QSqlQuery query(db);
        QVERIFY2(query.exec(u"CREATE EXTENSION btree_gist"_s), qPrintable(query.lastError().text()));
        QVERIFY2(query.exec(u"CREATE TABLE bookings (id integer PRIMARY KEY, apartment_id text NOT NULL, "
                            "start_date date NOT NULL, end_date date NOT NULL, status text NOT NULL, "
                            "CONSTRAINT bookings_no_overlap EXCLUDE USING gist (apartment_id WITH =, "
                            "daterange(start_date, end_date) WITH &&) "
                            "WHERE (status IN ('confirmed', 'completed')))"_s),
                 qPrintable(query.lastError().text()));
        const auto insert = [&](int id, const char *apartment, const char *start, const char *end, const char *status) {
            QSqlQuery insertion(db);
            insertion.prepare(u"INSERT INTO bookings VALUES (:id, :apartment, :start, :end, :status)"_s);
            insertion.bindValue(u":id"_s, id);
            insertion.bindValue(u":apartment"_s, QString::fromLatin1(apartment));
            insertion.bindValue(u":start"_s, QString::fromLatin1(start));
            insertion.bindValue(u":end"_s, QString::fromLatin1(end));
            insertion.bindValue(u":status"_s, QString::fromLatin1(status));
            return insertion.exec() ? QSqlError() : insertion.lastError();
        };
        QVERIFY(!insert(1, "a", "2027-03-10", "2027-03-15", "confirmed").isValid());
        // The day of departure is the next guest's first night; requests may overlap; another
        // apartment is another range.
        QVERIFY(!insert(2, "a", "2027-03-15", "2027-03-18", "confirmed").isValid());
        QVERIFY(!insert(3, "a", "2027-03-12", "2027-03-13", "requested").isValid());
        QVERIFY(!insert(4, "b", "2027-03-12", "2027-03-13", "confirmed").isValid());
        const QSqlError refused = insert(5, "a", "2027-03-14", "2027-03-16", "confirmed");
        QVERIFY(refused.isValid());
        QCOMPARE(refused.nativeErrorCode(), u"23P01"_s); // exclusion_violation
        QVERIFY2(refused.databaseText().contains(u"bookings_no_overlap"_s), qPrintable(refused.databaseText()));
    }

    void aNotificationReachesAnotherConnection()
    {
        QSqlDatabase listener = freshDatabase(u"listener"_s);
        QVERIFY2(listener.isOpen(), qPrintable(m_cluster.errorString() + listener.lastError().text()));
        QSqlDatabase sender = m_cluster.connect(listener.databaseName(), u"sender"_s);
        QVERIFY(sender.isOpen());
        QSqlDriver *driver = listener.driver();
        QVERIFY(driver->hasFeature(QSqlDriver::EventNotifications));
        QSignalSpy arrived(driver, &QSqlDriver::notification);
        QVERIFY(driver->subscribeToNotification(u"rentdesk_poke"_s));
        QSqlQuery notify(sender);
        QVERIFY(notify.exec(u"SELECT pg_notify('rentdesk_poke', 'user 42')"_s));
        QVERIFY(arrived.wait(10000));
        QCOMPARE(arrived.at(0).at(0).toString(), u"rentdesk_poke"_s);
        QCOMPARE(arrived.at(0).at(1).value<QSqlDriver::NotificationSource>(), QSqlDriver::OtherSource);
        QCOMPARE(arrived.at(0).at(2).toString(), u"user 42"_s);
    }
};

QTEST_GUILESS_MAIN(TestPostgresPlatform)
#include "tst_postgresplatform.moc"
