// SPDX-License-Identifier: GPL-3.0-or-later
#include "views/widgets/formatting.h"

#include <QLocale>
#include <QTest>

using namespace Qt::StringLiterals;
using rentdesk::models::domain::Money;
using namespace rentdesk::views;

// Money, dates and times follow the default locale: symbols, digit grouping, decimal
// marks and date order change with the language, and times are shown in local time.
class TestFormatting : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        // Moscow keeps UTC+3 all year, so the expected local times do not depend on DST.
        qputenv("TZ", "Europe/Moscow");
    }

    void cleanup() { QLocale::setDefault(QLocale::c()); }

    void moneyInEnglish_data()
    {
        QTest::addColumn<Money>("money");
        QTest::addColumn<QString>("text");
        QTest::newRow("roubles") << Money { 450000, u"RUB"_s } << u"\u20BD4,500.00"_s;
        QTest::newRow("pounds") << Money { 123456789, u"GBP"_s } << u"\u00A31,234,567.89"_s;
        QTest::newRow("euros") << Money { 5, u"EUR"_s } << u"\u20AC0.05"_s;
        QTest::newRow("dollars") << Money { 100, u"USD"_s } << u"$1.00"_s;
        QTest::newRow("other currency") << Money { 250050, u"CHF"_s } << u"CHF2,500.50"_s;
    }

    void moneyInEnglish()
    {
        QFETCH(Money, money);
        QFETCH(QString, text);
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
        QCOMPARE(formatMoney(money), text);
    }

    void moneyInRussian()
    {
        QLocale::setDefault(QLocale(QLocale::Russian, QLocale::Russia));
        const QString text = formatMoney(Money { 123456789, u"RUB"_s });
        QVERIFY2(text.contains(u"\u20BD"_s), qPrintable(text));
        // Russian groups thousands with a (non-breaking) space and uses a decimal comma.
        const QString group = QLocale().groupSeparator();
        QVERIFY(group.size() == 1 && group.at(0).isSpace());
        QVERIFY2(text.contains(u"1"_s + group + u"234"_s + group + u"567,89"_s), qPrintable(text));
        QVERIFY(!text.contains(u'.'));
        // The symbol follows the amount in Russian.
        QVERIFY(text.indexOf(u"\u20BD"_s) > text.indexOf(u"89"_s));
        QVERIFY(formatMoney(Money { 2500, u"GBP"_s }).contains(u"25,00"_s));
        QVERIFY(formatMoney(Money { 2500, u"GBP"_s }).contains(u"\u00A3"_s));
    }

    void dates()
    {
        const QDate date(2026, 6, 1);
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
        QCOMPARE(formatDate(date), u"6/1/26"_s);
        QLocale::setDefault(QLocale(QLocale::Russian, QLocale::Russia));
        QCOMPARE(formatDate(date), u"01.06.2026"_s);
        QCOMPARE(formatDate(QDate()), QString());
    }

    void dateTimesInLocalTime()
    {
        const QDateTime utc(QDate(2026, 6, 1), QTime(10, 0), Qt::UTC);
        QLocale::setDefault(QLocale(QLocale::Russian, QLocale::Russia));
        QCOMPARE(formatDateTime(utc), u"01.06.2026 13:00"_s);
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
        const QString english = formatDateTime(utc);
        QVERIFY2(english.startsWith(u"6/1/26"_s) && english.contains(u"1:00"_s) && english.contains(u"PM"_s),
                 qPrintable(english));
        QCOMPARE(formatDateTime(QDateTime()), QString());
    }
};

QTEST_MAIN(TestFormatting)
#include "tst_formatting.moc"
