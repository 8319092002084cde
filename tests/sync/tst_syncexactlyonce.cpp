// SPDX-License-Identifier: GPL-3.0-or-later
#include "tests/server/serverprocess.h"
#include "tests/support/testsupport.h"
#include "tests/sync/holdingproxy.h"

#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QUuid>

#include <csignal>

using namespace Qt::StringLiterals;
using rentdesk::test::HoldingProxy;
using rentdesk::test::ServerProcess;

namespace {

const QString Email = u"lena@example.org"_s;
const QString Password = u"correct horse battery"_s;
// A building and this many apartments less one: several pushes (a push is one frame of at most
// 64 KiB, about 150 of these mutations).
constexpr int Changes = 400;

// The first row of sql in the database file at path, as text.
QVariant valueIn(const QString &path, const QString &sql)
{
    const QStringList rows = rentdesk::test::rowsIn(path, sql);
    return rows.isEmpty() ? QVariant() : QVariant(rows.constFirst());
}

} // namespace

// Exactly once: the desktop's sync engine runs as a child process and is killed (SIGKILL) after
// its request reached the server and before the reply came back — at the first push, a later
// push, and the pull that follows them. Started again on the same replica, it sends what was
// not acknowledged again with the same ids; the server applies each mutation once, and the
// replica ends equal to the server with nothing left over.
class TestSyncExactlyOnce final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void killedBeforeTheAcknowledgement_data()
    {
        QTest::addColumn<QByteArray>("request");
        QTest::addColumn<int>("occurrence");
        QTest::newRow("first push") << QByteArray("\"sync.push\"") << 1;
        QTest::newRow("second push") << QByteArray("\"sync.push\"") << 2;
        QTest::newRow("last push") << QByteArray("\"sync.push\"") << 3;
        QTest::newRow("first pull") << QByteArray("\"sync.pull\"") << 1;
    }

    void killedBeforeTheAcknowledgement()
    {
        QFETCH(QByteArray, request);
        QFETCH(int, occurrence);
        ServerProcess server;
        QVERIFY(server.start());
        HoldingProxy proxy(server.url());
        QVERIFY(proxy.listen());
        proxy.holdAfter(request, occurrence);
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString replica = dir.filePath(u"replica.sqlite"_s);
        const QStringList common = { u"--database"_s, replica, u"--email"_s, Email, u"--password"_s, Password };

        QProcess first;
        first.setProcessChannelMode(QProcess::ForwardedErrorChannel);
        first.start(QStringLiteral(RENTDESK_SYNC_CHILD),
                    common
                        + QStringList { u"--server"_s, proxy.url().toString(), u"--signup"_s, u"--make"_s,
                                        QString::number(Changes) });
        QVERIFY(first.waitForStarted());
        QSignalSpy held(&proxy, &HoldingProxy::held);
        QVERIFY2(held.wait(60000), "the child never sent the request");
        // The server has carried the request out once its reply is there to hold.
        QTRY_VERIFY_WITH_TIMEOUT(proxy.heldBytes() > 0, 30000);
        const qint64 appliedBefore =
            valueIn(server.databasePath(), u"SELECT max(last_mutation_id) FROM sync_clients"_s).toLongLong();
        ::kill(pid_t(first.processId()), SIGKILL);
        QVERIFY(first.waitForFinished(10000));
        QCOMPARE(first.exitStatus(), QProcess::CrashExit);
        QVERIFY(appliedBefore > 0);
        // The journal still has what the server applied but the child never heard of.
        QVERIFY(valueIn(replica, u"SELECT max(id) FROM pending_mutations"_s).toLongLong() >= appliedBefore);

        QProcess again;
        again.setProcessChannelMode(QProcess::ForwardedErrorChannel);
        again.start(QStringLiteral(RENTDESK_SYNC_CHILD),
                    common + QStringList { u"--server"_s, server.url().toString() });
        QVERIFY(again.waitForFinished(90000));
        QCOMPARE(again.exitCode(), 0);
        QCOMPARE(QString::fromUtf8(again.readAllStandardOutput()).trimmed(), u"synced"_s);

        // Each mutation once: one building, every apartment once; a second application would
        // have been refused (the id is taken) and left in the refused list.
        const QString serverDb = server.databasePath();
        QCOMPARE(valueIn(serverDb, u"SELECT count(*) FROM buildings"_s).toInt(), 1);
        QCOMPARE(valueIn(serverDb, u"SELECT count(*) FROM apartments"_s).toInt(), Changes - 1);
        QCOMPARE(valueIn(serverDb, u"SELECT count(*) FROM sync_refusals"_s).toInt(), 0);
        QCOMPARE(valueIn(serverDb, u"SELECT max(last_mutation_id) FROM sync_clients"_s).toInt(), Changes);
        QCOMPARE(valueIn(replica, u"SELECT count(*) FROM pending_mutations"_s).toInt(), 0);
        QCOMPARE(valueIn(replica, u"SELECT count(*) FROM apartments"_s).toInt(), Changes - 1);
        QCOMPARE(valueIn(replica, u"SELECT group_concat(id, ',') FROM (SELECT id FROM apartments ORDER BY id)"_s),
                 valueIn(serverDb, u"SELECT group_concat(id, ',') FROM (SELECT id FROM apartments ORDER BY id)"_s));
    }
};

QTEST_GUILESS_MAIN(TestSyncExactlyOnce)
#include "tst_syncexactlyonce.moc"
