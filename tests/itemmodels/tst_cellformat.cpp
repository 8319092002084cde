// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/itemmodels/cellformat.h"

#include <QLocale>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace rentdesk;
using namespace rentdesk::models::itemmodels;

// Money, dates and ratings read as the user's locale writes them.
class TestCellFormat final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void cleanup() { QLocale::setDefault(QLocale::c()); }

    void money_data()
    {
        QTest::addColumn<QLocale>("locale");
        QTest::addColumn<models::domain::Money>("money");
        QTest::addColumn<QString>("expected");
        const QLocale ru(QLocale::Russian, QLocale::Russia);
        const QLocale gb(QLocale::English, QLocale::UnitedKingdom);
        QTest::newRow("roubles in Russian") << ru << models::domain::Money { 4500000, u"RUB"_s } << u"45 000,00 ₽"_s;
        QTest::newRow("pounds in English") << gb << models::domain::Money { 125050, u"GBP"_s } << u"£1,250.50"_s;
        QTest::newRow("pounds in Russian") << ru << models::domain::Money { 125050, u"GBP"_s } << u"1 250,50 £"_s;
        QTest::newRow("unknown currency") << gb << models::domain::Money { 100, u"CHF"_s } << u"CHF1.00"_s;
    }

    void money()
    {
        QFETCH(QLocale, locale);
        QFETCH(models::domain::Money, money);
        QFETCH(QString, expected);
        QLocale::setDefault(locale);
        // Qt writes a no-break space as the group separator in Russian.
        QCOMPARE(formatMoney(money).replace(QChar(0x00a0), u' ').replace(QChar(0x202f), u' '), expected);
        QCOMPARE(cellText(CellKind::Money, QVariant::fromValue(money)), formatMoney(money));
    }

    void datesAndRatings()
    {
        QLocale::setDefault(QLocale(QLocale::Russian, QLocale::Russia));
        QCOMPARE(formatDate(QDate(2026, 3, 15)), u"15.03.2026"_s);
        QCOMPARE(formatRating({ 13, 3 }), u"4,3 (3)"_s);
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedKingdom));
        QCOMPARE(formatDate(QDate(2026, 3, 15)), u"15/03/2026"_s);
        QCOMPARE(formatRating({ 13, 3 }), u"4.3 (3)"_s);
        QCOMPARE(formatRating({ 0, 0 }), u"not rated"_s);
        QCOMPARE(cellText(CellKind::ApartmentStatus, QVariant::fromValue(models::domain::ApartmentStatus::Booked)),
                 u"Booked"_s);
        QCOMPARE(cellText(CellKind::MailStatus, QVariant::fromValue(models::domain::MailStatus::Failed)), u"Failed"_s);
        QCOMPARE(cellText(CellKind::Text, QVariant()), QString());
    }
};

QTEST_GUILESS_MAIN(TestCellFormat)
#include "tst_cellformat.moc"
