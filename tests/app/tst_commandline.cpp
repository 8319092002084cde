// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/db/database.h"
#include "models/db/migrationset.h"
#include "models/db/query.h"
#include "models/sync/replica.h"
#include "tests/support/childprocess.h"
#include "tests/support/servicefixture.h"
#include "tests/support/testsupport.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QScopeGuard>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using Run = rentdesk::test::ProcessResult;

// The rentdesk and rentdesk-server executables on the command line: --help, --version,
// --init-only, and each way of failing with one readable line and nothing overwritten.
class TestCommandLine : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_home;

    // A home of its own, so the default database lands in the test's folder.
    Run run(const QString &program, const QStringList &arguments)
    {
        return rentdesk::test::runProcess(program, arguments, rentdesk::test::childEnvironment(m_home.path()), 60000);
    }

    Run rentdesk(const QStringList &arguments) { return run(QStringLiteral(RENTDESK_APP), arguments); }

private Q_SLOTS:
    void initTestCase() { QVERIFY(m_home.isValid()); }

    void version()
    {
        const Run result = rentdesk({ u"--version"_s });
        QCOMPARE(result.exitCode, 0);
        QCOMPARE(result.out.trimmed(), u"RentDesk "_s + QStringLiteral(RENTDESK_VERSION));
        QVERIFY(result.err.isEmpty());
    }

    void help()
    {
        const Run result = rentdesk({ u"--help"_s });
        QCOMPARE(result.exitCode, 0);
        for (const QString &option :
             { u"--database <file>"_s, u"--init-only"_s, u"--language <language>"_s, u"--version"_s })
            QVERIFY2(result.out.contains(option), qPrintable(result.out));
    }

    void initOnlyCreatesAndMigrates()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(u"nested/folders/rentdesk.sqlite"_s);
        const Run first = rentdesk({ u"--database"_s, path, u"--init-only"_s });
        QVERIFY2(first.exitCode == 0, qPrintable(first.err));
        QVERIFY(first.err.isEmpty());
        QVERIFY(first.out.contains(u"schema version"_s));
        QVERIFY(QFile::exists(path));

        QStringList dumpAfterFirst;
        {
            auto opened = rentdesk::models::db::Database::open(path);
            QVERIFY(opened);
            QCOMPARE((*opened)->schemaVersion(), rentdesk::models::db::MigrationSet::builtIn().latestVersion());
            dumpAfterFirst = rentdesk::test::dumpDatabase(rentdesk::test::connectionOf(**opened));
        }
        const Run second = rentdesk({ u"--database"_s, path, u"--init-only"_s });
        QCOMPARE(second.exitCode, 0);
        auto reopened = rentdesk::models::db::Database::open(path);
        QVERIFY(reopened);
        QCOMPARE(rentdesk::test::dumpDatabase(rentdesk::test::connectionOf(**reopened)), dumpAfterFirst);
    }

    // --export-csv writes a table of the demo database whole, in the language asked for, and a
    // failed export leaves the file that was there; the database is only read.
    void exportCsvWritesATableOrNothing()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(u"demo.sqlite"_s);
        QCOMPARE(rentdesk({ u"--database"_s, path, u"--demo"_s, u"--init-only"_s }).exitCode, 0);
        QStringList dump;
        {
            auto opened = rentdesk::models::db::Database::open(path);
            QVERIFY(opened);
            dump = rentdesk::test::dumpDatabase(rentdesk::test::connectionOf(**opened));
        }
        const QString out = dir.filePath(u"apartments.csv"_s);
        const Run apartments = rentdesk({ u"--database"_s, path, u"--export-csv"_s, u"apartments"_s, out });
        QVERIFY2(apartments.exitCode == 0, qPrintable(apartments.err));
        QCOMPARE(apartments.out.trimmed(), u"Wrote 400 rows to %1."_s.arg(out));
        const QByteArray english = rentdesk::test::fileBytes(out);
        QVERIFY(english.startsWith("\xEF\xBB\xBFNumber,Building,"));
        QCOMPARE(english.count("\r\n"), 401); // the header and 400 rows (no field of theirs holds a line break)

        const QString bookings = dir.filePath(u"bookings.csv"_s);
        const Run russian = rentdesk({ u"--database"_s, path, u"--language"_s, u"ru"_s, u"--export-csv"_s,
                                       u"bookings"_s, u"--as"_s, u"landlord@rentdesk.example"_s, bookings });
        QVERIFY2(russian.exitCode == 0, qPrintable(russian.err));
        const QByteArray bytes = rentdesk::test::fileBytes(bookings);
        QVERIFY(bytes.startsWith("\xEF\xBB\xBF")); // the byte-order mark, which fromUtf8() drops
        const QString text = QString::fromUtf8(bytes);
        QVERIFY2(text.startsWith(u"Квартира,Дом,Город,"_s), qPrintable(text.left(80)));
        QCOMPARE(qint64(text.count(u"\r\n"_s)) - 1, // no field of a booking holds a line break
                 rentdesk::test::valueIn(path,
                                         u"SELECT count(*) FROM bookings AS b JOIN apartments AS a ON a.id = "
                                         "b.apartment_id JOIN users AS u ON u.id = a.owner_id "
                                         "WHERE u.email = 'landlord@rentdesk.example'"_s));

        // Failures: the file that was there stays as it was.
        const Run unknown = rentdesk(
            { u"--database"_s, path, u"--export-csv"_s, u"bookings"_s, u"--as"_s, u"nobody@example.org"_s, out });
        QCOMPARE(unknown.exitCode, 6);
        QVERIFY2(unknown.err.contains(u"nobody@example.org"_s), qPrintable(unknown.err));
        QCOMPARE(rentdesk::test::fileBytes(out), english);
        const Run unwritable = rentdesk(
            { u"--database"_s, path, u"--export-csv"_s, u"reviews"_s, dir.filePath(u"missing/folder/r.csv"_s) });
        QCOMPARE(unwritable.exitCode, 6);
        QCOMPARE(unwritable.errLines().size(), 1);
        QVERIFY(unwritable.err.contains(u"missing/folder/r.csv could not be written"_s));

        auto reopened = rentdesk::models::db::Database::open(path);
        QVERIFY(reopened);
        QCOMPARE(rentdesk::test::dumpDatabase(rentdesk::test::connectionOf(**reopened)), dump);
    }

    // --export-ics writes every apartment's calendar, which Python's icalendar reads as the
    // stays and blocks in SQL; one apartment's file imported into another with --import-ics
    // blocks exactly those dates, again changes nothing, and a broken file is refused with its
    // line and changes nothing either.
    void calendarsGoOutAndComeBackIn()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(u"demo.sqlite"_s);
        QCOMPARE(rentdesk({ u"--database"_s, path, u"--demo"_s, u"--init-only"_s }).exitCode, 0);
        const QString folder = dir.filePath(u"calendars"_s);
        const Run exported = rentdesk({ u"--database"_s, path, u"--export-ics"_s, folder });
        QVERIFY2(exported.exitCode == 0, qPrintable(exported.err));
        QVERIFY2(exported.out.startsWith(u"Wrote 400 calendars to "_s), qPrintable(exported.out));
        QCOMPARE(QDir(folder).entryList({ u"*.ics"_s }, QDir::Files).size(), 400);

        // Every file, read by Python: "<apartment>|<start>|<end>" for each event.
        const auto python = rentdesk::test::runProcess(
            u"/usr/bin/python3"_s,
            { u"-c"_s,
              u"import icalendar, pathlib, sys\n"
              "for f in sorted(pathlib.Path(sys.argv[1]).glob('*.ics')):\n"
              "    c = icalendar.Calendar.from_ical(f.read_bytes())\n"
              "    for e in c.walk('VEVENT'):\n"
              "        print(f.stem, e['DTSTART'].dt.isoformat(), e['DTEND'].dt.isoformat(), sep='|')\n"_s,
              folder },
            QProcessEnvironment::systemEnvironment(), 60000);
        QVERIFY2(python.exitCode == 0, qPrintable(python.err));
        QStringList events = python.out.split(u'\n', Qt::SkipEmptyParts);
        events.sort();
        const QString taken = u"SELECT apartment_id || '|' || start_date || '|' || end_date FROM bookings "
                              "WHERE status IN ('confirmed', 'completed', 'blocked') "
                              "AND end_date > date('now', 'localtime') ORDER BY 1"_s;
        QStringList expected = rentdesk::test::rowsIn(path, taken);
        expected.sort();
        QVERIFY(expected.size() > 50);
        QCOMPARE(events, expected);

        // The busiest apartment's calendar into a free apartment of the same landlord.
        const QStringList busiest = rentdesk::test::rowsIn(
            path,
            u"SELECT a.id || '|' || a.owner_id FROM apartments AS a JOIN bookings AS k ON k.apartment_id = a.id "
            "WHERE k.status IN ('confirmed', 'completed') AND k.end_date > date('now', 'localtime') "
            "GROUP BY a.id ORDER BY count(*) DESC, a.id LIMIT 1"_s);
        QCOMPARE(busiest.size(), 1);
        const QString from = busiest.first().section(u'|', 0, 0);
        const QString owner = busiest.first().section(u'|', 1, 1);
        const QStringList free = rentdesk::test::rowsIn(
            path,
            u"SELECT a.id FROM apartments AS a WHERE a.owner_id = '%1' AND NOT EXISTS (SELECT 1 FROM "
            "bookings AS k WHERE k.apartment_id = a.id AND k.status IN ('confirmed', 'completed') "
            "AND k.end_date > date('now', 'localtime', '-1 year')) ORDER BY a.id LIMIT 1"_s.arg(owner));
        QCOMPARE(free.size(), 1);
        const QString file = QDir(folder).filePath(from + u".ics"_s);
        const auto datesOf = [&](const QString &apartment, const QString &statuses) {
            return rentdesk::test::rowsIn(path,
                                          u"SELECT start_date || '|' || end_date FROM bookings WHERE apartment_id = "
                                          "'%1' AND status IN (%2) AND end_date > date('now', 'localtime') "
                                          "ORDER BY start_date"_s.arg(apartment, statuses));
        };
        const Run imported =
            rentdesk({ u"--database"_s, path, u"--import-ics"_s, file, u"--apartment"_s, free.first() });
        QVERIFY2(imported.exitCode == 0, qPrintable(imported.err));
        QCOMPARE(datesOf(free.first(), u"'blocked'"_s), datesOf(from, u"'confirmed', 'completed', 'blocked'"_s));
        QVERIFY(!datesOf(free.first(), u"'blocked'"_s).isEmpty());
        QVERIFY2(imported.out.contains(u" 0 moved, 0 unchanged, 0 removed"_s), qPrintable(imported.out));

        QStringList dump;
        {
            auto opened = rentdesk::models::db::Database::open(path);
            QVERIFY(opened);
            dump = rentdesk::test::dumpDatabase(rentdesk::test::connectionOf(**opened));
        }
        const Run again = rentdesk({ u"--database"_s, path, u"--import-ics"_s, file, u"--apartment"_s, free.first() });
        QCOMPARE(again.exitCode, 0);
        QVERIFY2(again.out.contains(u" 0 new, 0 moved, "_s), qPrintable(again.out));
        // Back into the apartment it came from: its own stays, left out.
        const Run home = rentdesk({ u"--database"_s, path, u"--import-ics"_s, file, u"--apartment"_s, from });
        QCOMPARE(home.exitCode, 0);
        QVERIFY2(home.out.contains(u" 0 new, "_s), qPrintable(home.out));

        QFile broken(dir.filePath(u"broken.ics"_s));
        QVERIFY(broken.open(QIODevice::WriteOnly));
        broken.write("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Test//EN\r\nBEGIN:VEVENT\r\nUID:a\r\n"
                     "DTSTART;VALUE=DATE:20270301\r\nDTEND;VALUE=DATE:20270303\r\nEND:VEVENT\r\nBEGIN:VEVENT\r\n"
                     "UID:b\r\nDTSTART;VALUE=DATE:20270230\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n");
        broken.close();
        const Run refused =
            rentdesk({ u"--database"_s, path, u"--import-ics"_s, broken.fileName(), u"--apartment"_s, free.first() });
        QCOMPARE(refused.exitCode, 7);
        QVERIFY2(refused.err.contains(broken.fileName() + u": Line 11: "_s), qPrintable(refused.err));
        const Run nowhere = rentdesk({ u"--database"_s, path, u"--import-ics"_s, file, u"--apartment"_s,
                                       QUuid::createUuid().toString(QUuid::WithoutBraces) });
        QCOMPARE(nowhere.exitCode, 7);
        QVERIFY2(nowhere.err.contains(u"no longer exists"_s), qPrintable(nowhere.err));
        auto reopened = rentdesk::models::db::Database::open(path);
        QVERIFY(reopened);
        QCOMPARE(rentdesk::test::dumpDatabase(rentdesk::test::connectionOf(**reopened)), dump);
    }

    // scripts/run passes --demo on every start: a replica opened again (the file open last)
    // gets no demo data, with a note, and opens; --send-outbox there says the server sends.
    void aReplicaGetsNoDemoDataAndSendsNoMail()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(u"replica.sqlite"_s);
        {
            auto opened = rentdesk::models::db::Database::open(path);
            QVERIFY(opened);
            rentdesk::models::domain::User account;
            account.id = QUuid::createUuid();
            account.email = u"roman@example.org"_s;
            account.displayName = u"Roman"_s;
            QVERIFY(rentdesk::models::sync::Replica::initialize(**opened, u"ws://127.0.0.1:9"_s, account));
        }
        const Run demo = rentdesk({ u"--database"_s, path, u"--demo"_s, u"--init-only"_s });
        QVERIFY2(demo.exitCode == 0, qPrintable(demo.err));
        QVERIFY2(demo.out.contains(u"is a replica of a server account"_s), qPrintable(demo.out));
        QCOMPARE(rentdesk::test::valueIn(path, u"SELECT count(*) FROM apartments"_s), 0);
        QCOMPARE(rentdesk::test::valueIn(path, u"SELECT count(*) FROM users"_s), 1);

        const Run mail = rentdesk({ u"--database"_s, path, u"--send-outbox"_s });
        QVERIFY(mail.exitCode != 0);
        QVERIFY2(mail.err.contains(u"the server sends its mail"_s), qPrintable(mail.err));
    }

    // The saved language is read at start, from where Settings writes it (desktop/language) and
    // from where earlier versions did (the INI file's [%General] section).
    void theSavedLanguageIsUsed_data()
    {
        QTest::addColumn<QByteArray>("settings");
        QTest::newRow("desktop group") << QByteArray("[desktop]\nlanguage=ru\n");
        QTest::newRow("an earlier version's") << QByteArray("[%General]\nlanguage=ru\n");
    }

    void theSavedLanguageIsUsed()
    {
        QFETCH(QByteArray, settings);
        const QString conf = m_home.filePath(u"config/RentDesk/RentDesk.conf"_s);
        QVERIFY(QDir().mkpath(QFileInfo(conf).absolutePath()));
        {
            QFile file(conf);
            QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
            file.write(settings);
        }
        const auto removeConf = qScopeGuard([&] { QFile::remove(conf); });
        QTemporaryDir dir;
        const Run result = rentdesk({ u"--database"_s, dir.filePath(u"ru.sqlite"_s), u"--init-only"_s });
        QVERIFY2(result.exitCode == 0, qPrintable(result.err));
        QVERIFY2(result.out.contains(u"готова"_s), qPrintable(result.out));
    }

    void initOnlyUsesTheDefaultLocation()
    {
        const Run result = rentdesk({ u"--init-only"_s });
        QVERIFY2(result.exitCode == 0, qPrintable(result.err));
        // QStandardPaths::AppDataLocation under the test's XDG_DATA_HOME.
        QVERIFY2(QFile::exists(m_home.path() + u"/data/RentDesk/RentDesk/rentdesk.sqlite"_s), qPrintable(result.out));
    }

    void failures_data()
    {
        QTest::addColumn<QString>("setup");
        QTest::addColumn<QString>("expectedText");
        QTest::newRow("parent is a regular file") << u"parent-file"_s << u"is a file, not a folder"_s;
        QTest::newRow("corrupt file") << u"corrupt"_s << u"is not a RentDesk database"_s;
        QTest::newRow("newer schema") << u"newer"_s << u"newer RentDesk"_s;
        QTest::newRow("another program's database") << u"foreign"_s << u"another program"_s;
        QTest::newRow("a folder") << u"folder"_s << u"is a folder"_s;
        // Never taken for standalone (which would send mail and accept sign-ups as the
        // authority): the mode is part of what a database must say.
        QTest::newRow("no mode") << u"no-mode"_s << u"does not say whether it is standalone, connected or a server"_s;
    }

    void failures()
    {
        QFETCH(QString, setup);
        QFETCH(QString, expectedText);
        QTemporaryDir dir;
        QString path = dir.filePath(u"rentdesk.sqlite"_s);
        QString guarded = path; // the file that must not change

        if (setup == u"parent-file"_s) {
            guarded = dir.filePath(u"plain-file"_s);
            QFile file(guarded);
            QVERIFY(file.open(QIODevice::WriteOnly));
            file.write("not a folder\n");
            file.close();
            path = guarded + u"/sub/rentdesk.sqlite"_s;
        } else if (setup == u"corrupt"_s) {
            QFile file(path);
            QVERIFY(file.open(QIODevice::WriteOnly));
            QByteArray bytes("SQLite format 3");
            bytes.append('\0');
            for (int i = 0; i < 4096; ++i)
                bytes.append(char((i * 31 + 7) & 0xff));
            file.write(bytes);
        } else if (setup == u"newer"_s) {
            auto opened = rentdesk::models::db::Database::open(path);
            QVERIFY(opened);
            QVERIFY(rentdesk::models::db::exec(
                rentdesk::test::connectionOf(**opened),
                u"INSERT INTO schema_migrations VALUES (999, 'future', '2031-01-01T00:00:00.000Z')"_s));
        } else if (setup == u"no-mode"_s) {
            auto opened = rentdesk::models::db::Database::open(path);
            QVERIFY(opened);
            QVERIFY(rentdesk::models::db::exec(rentdesk::test::connectionOf(**opened),
                                               u"DELETE FROM database_meta WHERE key = 'mode'"_s));
        } else if (setup == u"foreign"_s) {
            (void)rentdesk::test::rowsIn(path, u"CREATE TABLE notes (body TEXT)"_s);
            QCOMPARE(rentdesk::test::valueIn(path, u"SELECT count(*) FROM sqlite_schema"_s), 1);
        } else if (setup == u"folder"_s) {
            QVERIFY(QDir().mkpath(path));
            guarded.clear();
        }
        const QByteArray before = guarded.isEmpty() ? QByteArray() : rentdesk::test::fileBytes(guarded);
        const QStringList entriesBefore = QDir(dir.path()).entryList(QDir::AllEntries | QDir::NoDotAndDotDot);

        const Run result = rentdesk({ u"--database"_s, path, u"--init-only"_s });
        QCOMPARE(result.exitCode, 1);
        const QStringList lines = result.errLines();
        QVERIFY2(lines.size() == 1, qPrintable(result.err));
        QVERIFY2(lines.constFirst().startsWith(u"rentdesk: "_s), qPrintable(result.err));
        QVERIFY2(lines.constFirst().contains(expectedText), qPrintable(result.err));
        QVERIFY2(!lines.constFirst().contains(u"constraint"_s, Qt::CaseInsensitive), qPrintable(result.err));
        if (!guarded.isEmpty())
            QCOMPARE(rentdesk::test::fileBytes(guarded), before);
        // Nothing was created beside it either (no -wal, -shm or folders).
        QCOMPARE(QDir(dir.path()).entryList(QDir::AllEntries | QDir::NoDotAndDotDot), entriesBefore);
    }

    void badUsage_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QString>("expectedText");
        QTest::newRow("unknown option") << QStringList { u"--frobnicate"_s, u"--init-only"_s } << u"frobnicate"_s;
        QTest::newRow("unknown language") << QStringList { u"--language"_s, u"de"_s, u"--init-only"_s } << u"“de”"_s;
        QTest::newRow("database without file") << QStringList { u"--init-only"_s, u"--database"_s } << u"database"_s;
        QTest::newRow("stray argument") << QStringList { u"--init-only"_s, u"extra"_s } << u"extra"_s;
        QTest::newRow("export of no table") << QStringList { u"--export-csv"_s, u"flats"_s, u"out.csv"_s }
                                            << u"apartments, buildings, bookings, reviews"_s;
        QTest::newRow("export to no file")
            << QStringList { u"--export-csv"_s, u"apartments"_s } << u"the file to write"_s;
        QTest::newRow("export to two files")
            << QStringList { u"--export-csv"_s, u"apartments"_s, u"a"_s, u"b"_s } << u"Unexpected argument: b"_s;
        QTest::newRow("bookings of no one")
            << QStringList { u"--export-csv"_s, u"bookings"_s, u"out.csv"_s } << u"needs --as"_s;
        QTest::newRow("as without export") << QStringList { u"--as"_s, u"a@example.org"_s, u"--init-only"_s }
                                           << u"--as goes with --export-csv bookings"_s;
        QTest::newRow("export with init-only")
            << QStringList { u"--export-csv"_s, u"apartments"_s, u"--init-only"_s, u"out.csv"_s } << u"runs alone"_s;
        QTest::newRow("calendar without apartment")
            << QStringList { u"--import-ics"_s, u"a.ics"_s } << u"goes with --apartment"_s;
        QTest::newRow("apartment without calendar")
            << QStringList { u"--apartment"_s, u"3f2b9c1e-8d4a-4c6b-9e1f-2a7d5c3b8e90"_s }
            << u"goes with --apartment"_s;
        QTest::newRow("apartment that is no id")
            << QStringList { u"--import-ics"_s, u"a.ics"_s, u"--apartment"_s, u"12"_s } << u"needs an apartment's id"_s;
        QTest::newRow("two calendar commands")
            << QStringList { u"--import-ics"_s, u"a.ics"_s, u"--apartment"_s, u"3f2b9c1e-8d4a-4c6b-9e1f-2a7d5c3b8e90"_s,
                             u"--export-ics"_s, u"out"_s }
            << u"run alone"_s;
    }

    void badUsage()
    {
        QFETCH(QStringList, arguments);
        QFETCH(QString, expectedText);
        const Run result = rentdesk(arguments);
        QCOMPARE(result.exitCode, 2);
        QVERIFY2(result.errLines().size() == 1, qPrintable(result.err));
        QVERIFY2(result.err.contains(expectedText), qPrintable(result.err));
    }

    void serverInitOnly()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(u"server.sqlite"_s);
        const Run ok = run(QStringLiteral(RENTDESK_SERVER), { u"--database"_s, path, u"--init-only"_s });
        QVERIFY2(ok.exitCode == 0, qPrintable(ok.err));
        QVERIFY(QFile::exists(path));
        const Run version = run(QStringLiteral(RENTDESK_SERVER), { u"--version"_s });
        QCOMPARE(version.exitCode, 0);
        QCOMPARE(version.out.trimmed(), u"rentdesk-server "_s + QStringLiteral(RENTDESK_VERSION));
        const Run corrupt = run(QStringLiteral(RENTDESK_SERVER), { u"--database"_s, dir.path(), u"--init-only"_s });
        QCOMPARE(corrupt.exitCode, 1);
        QCOMPARE(corrupt.errLines().size(), 1);

        // Passwords in clear across a network only when asked for in so many words.
        const Run open = run(QStringLiteral(RENTDESK_SERVER),
                             { u"--database"_s, path, u"--listen"_s, u"0.0.0.0:0"_s, u"--init-only"_s });
        QCOMPARE(open.exitCode, 2);
        QCOMPARE(open.errLines().size(), 1);
        QVERIFY2(open.err.contains(u"--insecure"_s), qPrintable(open.err));
        const Run insecure =
            run(QStringLiteral(RENTDESK_SERVER),
                { u"--database"_s, path, u"--listen"_s, u"0.0.0.0:0"_s, u"--insecure"_s, u"--init-only"_s });
        QVERIFY2(insecure.exitCode == 0, qPrintable(insecure.err));
    }

    // Start-up brings a standalone database up to today (DESIGN.md rule 4): a stay that
    // ended while RentDesk was closed is completed and the apartment is free again; a
    // request whose first night passed unanswered is declined.
    void startUpMovesBookingsOnWithTime()
    {
        using namespace rentdesk::models::domain;
        rentdesk::test::ServiceFixture f;
        QVERIFY2(f.isValid(), qPrintable(f.errorMessage()));
        const QDate today = QDate::currentDate();
        f.clock.set(QDateTime(today.addDays(-10), QTime(12, 0), Qt::LocalTime));
        const QUuid landlord = f.addLandlord();
        const QUuid renter = f.addRenter();
        const QUuid apartment = f.addApartment(landlord, f.addBuilding(landlord));
        const QUuid stay = f.addStay(renter, landlord, apartment, today.addDays(-9), today.addDays(-2));
        const auto request =
            f.bookings.request(f.addRenter(u"Rita Late"_s), apartment, today.addDays(-1), today.addDays(5));
        QVERIFY(request);
        QCOMPARE(f.listings.apartment(apartment)->status, ApartmentStatus::Booked);

        const Run result = rentdesk({ u"--database"_s, f.database().path(), u"--init-only"_s });
        QCOMPARE(result.exitCode, 0);
        QVERIFY2(result.err.isEmpty(), qPrintable(result.err));
        QCOMPARE(f.bookings.booking(stay)->status, BookingStatus::Completed);
        QCOMPARE(f.bookings.booking(request->id)->status, BookingStatus::Declined);
        const auto flat = f.listings.apartment(apartment);
        QCOMPARE(flat->status, ApartmentStatus::Free);
        QCOMPARE(flat->bookedBy, std::nullopt);
    }
};

QTEST_GUILESS_MAIN(TestCommandLine)
#include "tst_commandline.moc"
