// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/demo/demogenerator.h"
#include "models/domain/money.h"
#include "models/itemmodels/csvexport.h"
#include "models/itemmodels/pagemodels.h"
#include "tests/support/childprocess.h"
#include "tests/support/testsupport.h"

#include <QBuffer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QProcessEnvironment>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace rentdesk;
using namespace rentdesk::models::itemmodels;

// A table page's rows as CSV (csvexport.h): RFC 4180 fields, values a spreadsheet computes with,
// no formula let through, and every table of a demo database read back by Python's csv module
// equal to what SQL written here counts and sums.
class TestCsvExport final : public QObject
{
    Q_OBJECT

    test::TempDatabase m_db;
    QTemporaryDir m_dir;

    // The rows of a CSV file as Python's csv module reads them (utf-8-sig: the byte-order mark).
    static std::optional<QList<QStringList>> readByPython(const QString &path)
    {
        const auto result = test::runProcess(u"/usr/bin/python3"_s,
                                             { u"-c"_s,
                                               u"import csv, json, sys\n"
                                               "with open(sys.argv[1], encoding='utf-8-sig', newline='') as f:\n"
                                               "    print(json.dumps(list(csv.reader(f, strict=True))))\n"_s,
                                               path },
                                             QProcessEnvironment::systemEnvironment(), 60000);
        if (result.exitCode != 0) {
            qWarning() << result.err;
            return std::nullopt;
        }
        QList<QStringList> rows;
        for (const QJsonValue &row : QJsonDocument::fromJson(result.out.toUtf8()).array()) {
            QStringList cells;
            for (const QJsonValue &cell : row.toArray())
                cells << cell.toString();
            rows << cells;
        }
        return rows;
    }

    std::optional<QList<QStringList>> exportAndRead(const PagedTableModel &model, const QString &name)
    {
        const QString path = m_dir.filePath(name);
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly))
            return std::nullopt;
        const auto written = writeCsv(model, file);
        file.close();
        if (!written || written->rows != model.totalCount())
            return std::nullopt;
        return readByPython(path);
    }

    QStringList column(const QList<QStringList> &rows, const QString &title)
    {
        const qsizetype at = rows.constFirst().indexOf(title);
        QStringList cells;
        for (qsizetype r = 1; at >= 0 && r < rows.size(); ++r)
            cells << rows[r].value(at);
        return cells;
    }

    QStringList sqlColumn(const QString &sql)
    {
        QStringList cells;
        QSqlQuery query(m_db.connection());
        if (query.exec(sql)) {
            while (query.next())
                cells << query.value(0).toString();
        }
        return cells;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(m_db.isValid(), qPrintable(m_db.errorMessage()));
        QVERIFY(m_dir.isValid());
        models::demo::DemoOptions options;
        options.apartments = 1500; // more than one chunk of readAll()
        options.today = QDate(2026, 6, 1);
        QVERIFY(models::demo::generateDemoData(m_db.connection(), options));
    }

    void fieldsAreQuotedAsRfc4180Says_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("field");
        QTest::newRow("plain") << u"Station Place"_s << u"Station Place"_s;
        QTest::newRow("empty") << QString() << QString();
        QTest::newRow("comma") << u"20, ЖК «Легенда»"_s << u"\"20, ЖК «Легенда»\""_s;
        QTest::newRow("quote") << u"the \"Flagman\""_s << u"\"the \"\"Flagman\"\"\""_s;
        QTest::newRow("line break") << u"one\r\ntwo"_s << u"\"one\r\ntwo\""_s;
        QTest::newRow("lone LF") << u"one\ntwo"_s << u"\"one\ntwo\""_s;
    }

    void fieldsAreQuotedAsRfc4180Says()
    {
        QFETCH(QString, text);
        QFETCH(QString, field);
        QCOMPARE(csvField(text), field);
    }

    void cellsAreValuesASpreadsheetComputesWith()
    {
        QCOMPARE(csvCells(CellKind::Money, QVariant::fromValue(models::domain::Money { 4500000, u"RUB"_s })),
                 QStringList({ u"45000.00"_s, u"RUB"_s }));
        QCOMPARE(csvCells(CellKind::Money, QVariant::fromValue(models::domain::Money { -5, u"GBP"_s })),
                 QStringList({ u"-0.05"_s, u"GBP"_s }));
        QCOMPARE(csvCells(CellKind::Money, QVariant()), QStringList({ QString(), QString() }));
        QCOMPARE(csvCells(CellKind::Number, 1234567), QStringList({ u"1234567"_s }));
        QCOMPARE(csvCells(CellKind::Number, 54.5), QStringList({ u"54.5"_s }));
        QCOMPARE(csvCells(CellKind::Date, QDate(2027, 3, 9)), QStringList({ u"2027-03-09"_s }));
        QCOMPARE(csvCells(CellKind::Rating, QVariant::fromValue(models::domain::Rating { 13, 3 })),
                 QStringList({ u"4.33"_s }));
        QCOMPARE(csvCells(CellKind::Rating, QVariant::fromValue(models::domain::Rating {})),
                 QStringList({ QString() }));
        QCOMPARE(csvCells(CellKind::Stars, 4), QStringList({ u"4"_s }));
        // Text a spreadsheet would run as a formula is made inert; other text is left alone.
        QCOMPARE(csvCells(CellKind::Text, u"=HYPERLINK(\"http://x\")"_s),
                 QStringList({ u"'=HYPERLINK(\"http://x\")"_s }));
        for (const QString &formula : { u"+1"_s, u"-1+2"_s, u"@SUM(A1)"_s, u"\tx"_s })
            QCOMPARE(csvCells(CellKind::Text, formula).constFirst(), u'\'' + formula);
        QCOMPARE(csvCells(CellKind::Text, u"Flat 5"_s), QStringList({ u"Flat 5"_s }));
        QCOMPARE(csvColumnsOf(CellKind::Money), 2);
        QCOMPARE(csvColumnsOf(CellKind::Date), 1);
    }

    // Every apartment once, in the page's columns, the money split in two; the figures equal what
    // SQL written here says.
    void apartmentsReadBackEqual()
    {
        auto made = makeTableModel(u"apartments"_s, m_db.shared());
        QVERIFY(made);
        const auto rows = exportAndRead(**made, u"apartments.csv"_s);
        QVERIFY(rows);
        QCOMPARE(rows->size(), 1 + 1500);
        const QStringList header = rows->constFirst();
        QCOMPARE(header.size(), (*made)->columnCount() + 1); // the price's currency
        QCOMPARE(header.constFirst(), (*made)->headerData(0, Qt::Horizontal).toString());
        QVERIFY(header.contains(u"Price per month (currency)"_s));
        for (const QStringList &row : *rows)
            QCOMPARE(row.size(), header.size());

        QStringList prices = column(*rows, u"Price per month"_s);
        QStringList expected = sqlColumn(u"SELECT printf('%d.%02d', monthly_price / 100, monthly_price % 100) "
                                         "FROM apartments"_s);
        prices.sort();
        expected.sort();
        QCOMPARE(prices, expected);
        QStringList currencies = column(*rows, u"Price per month (currency)"_s);
        QStringList expectedCurrencies = sqlColumn(u"SELECT currency FROM apartments"_s);
        currencies.sort();
        expectedCurrencies.sort();
        QCOMPARE(currencies, expectedCurrencies);
        QStringList areas = column(*rows, u"Area"_s);
        QStringList expectedAreas = sqlColumn(u"SELECT printf('%.1f', area) FROM apartments"_s);
        areas.sort();
        expectedAreas.sort();
        QCOMPARE(areas, expectedAreas);
    }

    // A landlord's bookings as the Bookings page shows them: the same stays as SQL finds for the
    // apartments they own, with the same totals.
    void aLandlordsBookingsReadBackEqual()
    {
        auto made = makeTableModel(u"bookings"_s, m_db.shared(), models::demo::demoLandlord().email);
        QVERIFY2(made, qPrintable(made ? QString() : made.error().message));
        const auto rows = exportAndRead(**made, u"bookings.csv"_s);
        QVERIFY(rows);
        const QString landlordsStays =
            u"FROM bookings AS b JOIN apartments AS a ON a.id = b.apartment_id JOIN users AS u ON u.id = a.owner_id "
            "WHERE u.email = '%1'"_s.arg(models::demo::demoLandlord().email);
        QCOMPARE(rows->size() - 1, sqlColumn(u"SELECT count(*) "_s + landlordsStays).constFirst().toInt());
        QVERIFY(rows->size() > 50);
        QStringList stays;
        for (const QStringList &row : rows->mid(1)) {
            const QStringList &header = rows->constFirst();
            stays << row[header.indexOf(u"First night"_s)] + u' ' + row[header.indexOf(u"Departure"_s)] + u' '
                    + row[header.indexOf(u"Total"_s)] + u' ' + row[header.indexOf(u"Total (currency)"_s)];
        }
        QStringList expected =
            sqlColumn(u"SELECT b.start_date || ' ' || b.end_date || ' ' || printf('%d.%02d', b.total_price / 100, "
                      "b.total_price % 100) || ' ' || b.currency "_s
                      + landlordsStays);
        stays.sort();
        expected.sort();
        QCOMPARE(stays, expected);
    }

    void aBookingsExportNeedsAKnownPerson()
    {
        auto nobody = makeTableModel(u"bookings"_s, m_db.shared());
        QVERIFY(!nobody);
        QCOMPARE(nobody.error().field, u"viewer"_s);
        auto unknown = makeTableModel(u"bookings"_s, m_db.shared(), u"nobody@example.org"_s);
        QVERIFY(!unknown);
        QVERIFY(unknown.error().message.contains(u"nobody@example.org"_s));
        auto table = makeTableModel(u"flats"_s, m_db.shared());
        QVERIFY(!table);
        QVERIFY(table.error().message.contains(u"apartments, buildings, bookings, reviews"_s));
    }

    void buildingsAndReviewsReadBackWhole()
    {
        for (const QString &name : { u"buildings"_s, u"reviews"_s }) {
            auto made = makeTableModel(name, m_db.shared());
            QVERIFY(made);
            const auto rows = exportAndRead(**made, name + u".csv"_s);
            QVERIFY(rows);
            QCOMPARE(rows->size() - 1, sqlColumn(u"SELECT count(*) FROM "_s + name).constFirst().toInt());
        }
    }

    // The progress a window shows climbs to its total, which it reaches once, at the end; a Stop
    // pressed after the last row still stops the export.
    void theProgressReachesItsTotal()
    {
        auto made = makeTableModel(u"apartments"_s, m_db.shared());
        QVERIFY(made);
        QBuffer buffer;
        QVERIFY(buffer.open(QIODevice::WriteOnly));
        QList<std::pair<qint64, qint64>> steps;
        const auto written = writeCsv(**made, buffer, [&](qint64 done, qint64 total) {
            steps.append({ done, total });
            return true;
        });
        QVERIFY(written);
        QCOMPARE(written->rows, 1500);
        const QList<std::pair<qint64, qint64>> expected {
            { 500, 1500 }, { 1000, 1500 }, { 1500, 1500 }, { 1500, 1500 }
        };
        QCOMPARE(steps, expected);

        QBuffer last;
        QVERIFY(last.open(QIODevice::WriteOnly));
        const auto stopped = writeCsv(**made, last, [](qint64 done, qint64 total) { return done < total; });
        QVERIFY(!stopped);
        QCOMPARE(stopped.error(), u"The export was stopped."_s);
    }

    // The export can be stopped, and a device that fails is said.
    void anExportStopsAndFailsWithASentence()
    {
        auto made = makeTableModel(u"apartments"_s, m_db.shared());
        QVERIFY(made);
        QBuffer buffer;
        QVERIFY(buffer.open(QIODevice::WriteOnly));
        qint64 calls = 0;
        const auto stopped = writeCsv(**made, buffer, [&](qint64 done, qint64 total) {
            ++calls;
            return done < 1000 && total == 1500;
        });
        QVERIFY(!stopped);
        QCOMPARE(calls, 2); // at 500 and at 1000
        QCOMPARE(stopped.error(), u"The export was stopped."_s);
        QBuffer closed;
        const auto failed = writeCsv(**made, closed);
        QVERIFY(!failed);
        QVERIFY(failed.error().startsWith(u"The file could not be written"_s));
    }
};

QTEST_GUILESS_MAIN(TestCsvExport)
#include "tst_csvexport.moc"
