// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/db/database.h"
#include "models/db/query.h"
#include "tests/support/childprocess.h"
#include "tests/support/testsupport.h"

#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {

using Run = rentdesk::test::ProcessResult;

qint64 rowsIn(const QString &path, const QString &table)
{
    auto opened = rentdesk::models::db::Database::open(path);
    if (!opened)
        return -1;
    // The table name is one of this test's constants.
    auto count =
        rentdesk::models::db::scalar(rentdesk::test::connectionOf(**opened), u"SELECT count(*) FROM "_s + table);
    return count ? count->toLongLong() : -1;
}

QStringList dumpOf(const QString &path)
{
    auto opened = rentdesk::models::db::Database::open(path);
    if (!opened)
        return { u"cannot open: "_s + opened.error().message };
    return rentdesk::test::dumpDatabase(rentdesk::test::connectionOf(**opened));
}

} // namespace

// rentdesk --demo on the command line: fills a new database headless with --init-only,
// reports the counts, and leaves a database that has data alone.
class TestDemoCommandLine : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_home;

    Run rentdesk(const QStringList &arguments)
    {
        return rentdesk::test::runProcess(QStringLiteral(RENTDESK_APP), arguments,
                                          rentdesk::test::childEnvironment(m_home.path()));
    }

private Q_SLOTS:
    void initTestCase() { QVERIFY(m_home.isValid()); }

    void helpListsTheOptions()
    {
        const Run result = rentdesk({ u"--help"_s });
        QCOMPARE(result.exitCode, 0);
        QVERIFY2(result.out.contains(u"--demo "_s) || result.out.contains(u"--demo\n"_s), qPrintable(result.out));
        QVERIFY2(result.out.contains(u"--demo-apartments <count>"_s), qPrintable(result.out));
    }

    void fillsANewDatabaseOnceAndOnlyOnce()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(u"demo.sqlite"_s);
        const Run first = rentdesk({ u"--database"_s, path, u"--demo"_s, u"--init-only"_s });
        QVERIFY2(first.exitCode == 0, qPrintable(first.err));
        QVERIFY2(first.err.isEmpty(), qPrintable(first.err));
        static const QRegularExpression counts(
            u"^Added demo data: (\\d+) users, (\\d+) buildings, (\\d+) apartments, (\\d+) bookings, (\\d+) reviews\\.$"_s);
        const QStringList lines = first.outLines();
        QCOMPARE(lines.size(), 2); // the counts, then "… is ready"
        const auto match = counts.match(lines.constFirst());
        QVERIFY2(match.hasMatch(), qPrintable(first.out));
        QCOMPARE(match.captured(3).toLongLong(), 400); // the default size
        const QStringList tables { u"users"_s, u"buildings"_s, u"apartments"_s, u"bookings"_s, u"reviews"_s };
        for (int i = 0; i < tables.size(); ++i)
            QCOMPARE(match.captured(i + 1).toLongLong(), rowsIn(path, tables[i]));

        const QStringList before = dumpOf(path);
        const Run second = rentdesk({ u"--database"_s, path, u"--demo"_s, u"--init-only"_s });
        QVERIFY2(second.exitCode == 0, qPrintable(second.err));
        QVERIFY2(second.err.isEmpty(), qPrintable(second.err));
        QVERIFY2(second.outLines().constFirst().contains(u"already has data"_s), qPrintable(second.out));
        QVERIFY(!second.out.contains(u"Added demo data"_s));
        QCOMPARE(dumpOf(path), before);
    }

    void sizeOnTheCommandLine()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(u"small.sqlite"_s);
        const Run result =
            rentdesk({ u"--database"_s, path, u"--init-only"_s, u"--demo"_s, u"--demo-apartments"_s, u"60"_s });
        QVERIFY2(result.exitCode == 0, qPrintable(result.err));
        QVERIFY2(result.out.contains(u" 60 apartments,"_s), qPrintable(result.out));
        QCOMPARE(rowsIn(path, u"apartments"_s), 60);
        QCOMPARE(rowsIn(path, u"buildings"_s), 3);
    }

    // Without --demo, --init-only adds nothing.
    void noDemoNoData()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(u"plain.sqlite"_s);
        const Run result = rentdesk({ u"--database"_s, path, u"--init-only"_s });
        QCOMPARE(result.exitCode, 0);
        QVERIFY2(!result.out.contains(u"demo data"_s) && !result.out.contains(u"already has data"_s),
                 qPrintable(result.out));
        QCOMPARE(rowsIn(path, u"users"_s), 0);
    }

    void badUsage_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QString>("expectedText");
        QTest::newRow("zero") << QStringList { u"--demo"_s, u"--demo-apartments"_s, u"0"_s } << u"--demo-apartments"_s;
        QTest::newRow("not a number") << QStringList { u"--demo"_s, u"--demo-apartments"_s, u"many"_s }
                                      << u"--demo-apartments"_s;
        QTest::newRow("too many") << QStringList { u"--demo"_s, u"--demo-apartments"_s, u"10000001"_s }
                                  << u"10000000"_s;
        QTest::newRow("size without --demo") << QStringList { u"--demo-apartments"_s, u"50"_s } << u"--demo"_s;
    }

    void badUsage()
    {
        QFETCH(QStringList, arguments);
        QFETCH(QString, expectedText);
        QTemporaryDir dir;
        const QString path = dir.filePath(u"unused.sqlite"_s);
        const Run result = rentdesk(QStringList { u"--database"_s, path, u"--init-only"_s } + arguments);
        QCOMPARE(result.exitCode, 2);
        QVERIFY2(result.errLines().size() == 1, qPrintable(result.err));
        QVERIFY2(result.err.contains(expectedText), qPrintable(result.err));
        QVERIFY(!QFile::exists(path)); // refused before the database was touched
    }
};

QTEST_GUILESS_MAIN(TestDemoCommandLine)
#include "tst_democommandline.moc"
