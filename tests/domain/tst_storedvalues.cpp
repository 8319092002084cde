// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/domain/entities.h"
#include "models/domain/enums.h"
#include "models/domain/money.h"
#include "models/domain/storedvalues.h"
#include "models/i18n/translator.h"

#include <QTest>
#include <QTimeZone>

using namespace Qt::StringLiterals;
using namespace rentdesk::models::domain;

// Domain values and their stored form: every enum code round-trips, unknown codes are
// errors (never a crash or a default), and ids, dates, timestamps and booleans are read
// back only in their exact stored form.
class TestStoredValues : public QObject
{
    Q_OBJECT

private:
    template<typename E> static void roundTripAll(const QStringList &expectedCodes)
    {
        QStringList codes;
        for (E value : allValues<E>()) {
            const QString code = toCode(value);
            codes << code;
            auto back = fromCode<E>(code);
            QVERIFY(back.has_value());
            QCOMPARE(*back, value);
            QVERIFY(!displayName(value).isEmpty());
        }
        QCOMPARE(codes, expectedCodes);
    }

private Q_SLOTS:
    void enumCodesRoundTrip()
    {
        // The codes are the ones the schema's CHECK constraints allow.
        roundTripAll<Role>({ u"landlord"_s, u"renter"_s });
        roundTripAll<Language>({ u"en"_s, u"ru"_s });
        roundTripAll<ApartmentStatus>({ u"free"_s, u"booked"_s, u"rented"_s });
        roundTripAll<BookingStatus>(
            { u"requested"_s, u"confirmed"_s, u"declined"_s, u"cancelled"_s, u"completed"_s, u"blocked"_s });
        roundTripAll<ReviewKind>({ u"renter"_s, u"landlord"_s, u"apartment"_s });
    }

    void unknownCodeIsAnError_data()
    {
        QTest::addColumn<QString>("code");
        QTest::newRow("unknown") << u"sold"_s;
        QTest::newRow("wrong case") << u"Free"_s;
        QTest::newRow("padded") << u" free"_s;
        QTest::newRow("empty") << QString();
        QTest::newRow("other enum's code") << u"confirmed"_s;
    }

    void unknownCodeIsAnError()
    {
        QFETCH(QString, code);
        auto status = fromCode<ApartmentStatus>(code);
        QVERIFY(!status.has_value());
        QCOMPARE(status.error().value, code);
        QCOMPARE(status.error().expected, u"free, booked, rented"_s);
        QVERIFY(status.error().message().contains(u"apartment status"_s));
        QVERIFY(status.error().message().contains(u"free, booked, rented"_s));
    }

    void displayNamesAreTranslated()
    {
        rentdesk::models::i18n::Translator translator;
        QVERIFY(translator.switchTo(Language::Russian).rentdesk);
        QCOMPARE(displayName(ApartmentStatus::Free), u"Свободна"_s);
        QCOMPARE(displayName(BookingStatus::Confirmed), u"Подтверждено"_s);
        QCOMPARE(displayName(Role::Landlord), u"Арендодатель"_s);
        QVERIFY(fromCode<Role>(u"boss"_s).error().message().contains(u"роль"_s));
        translator.switchTo(Language::English);
        QCOMPARE(displayName(ApartmentStatus::Free), u"Free"_s);
    }

    void booleans_data()
    {
        QTest::addColumn<QVariant>("stored");
        QTest::addColumn<int>("expected"); // 0, 1, or -1 for an error
        QTest::newRow("0") << QVariant(qlonglong(0)) << 0;
        QTest::newRow("1") << QVariant(qlonglong(1)) << 1;
        QTest::newRow("int 1") << QVariant(1) << 1;
        QTest::newRow("2") << QVariant(qlonglong(2)) << -1;
        QTest::newRow("-1") << QVariant(qlonglong(-1)) << -1;
        QTest::newRow("text 1") << QVariant(u"1"_s) << -1;
        QTest::newRow("text true") << QVariant(u"true"_s) << -1;
        QTest::newRow("real 1.0") << QVariant(1.0) << -1;
        QTest::newRow("null") << QVariant() << -1;
    }

    void booleans()
    {
        QFETCH(QVariant, stored);
        QFETCH(int, expected);
        auto value = boolFromStored(stored);
        if (expected < 0) {
            QVERIFY(!value.has_value());
            QVERIFY(value.error().message().contains(u"0 or 1"_s));
        } else {
            QVERIFY(value.has_value());
            QCOMPARE(*value, expected == 1);
            QCOMPARE(toStoredBool(*value), expected);
        }
    }

    void ids()
    {
        const QUuid id = newId();
        const QString stored = toStoredId(id);
        QCOMPARE(stored.size(), 36);
        QCOMPARE(stored, stored.toLower());
        QVERIFY(!stored.contains(u'{'));
        QCOMPARE(idFromStored(stored).value_or(QUuid()), id);
        for (const QString &bad : QStringList { stored.toUpper(), u'{' + stored + u'}', stored.left(35),
                                                u"not-a-uuid"_s, QString(), stored + u'\n' })
            QVERIFY2(!idFromStored(bad).has_value(), qPrintable(bad));
        QVERIFY(!idFromStored(QVariant(42)).has_value());
    }

    void dates_data()
    {
        QTest::addColumn<QString>("stored");
        QTest::addColumn<bool>("valid");
        QTest::newRow("plain") << u"2026-03-01"_s << true;
        QTest::newRow("leap day") << u"2028-02-29"_s << true;
        QTest::newRow("not a leap year") << u"2026-02-29"_s << false;
        QTest::newRow("one digit month") << u"2026-3-01"_s << false;
        QTest::newRow("slashes") << u"2026/03/01"_s << false;
        QTest::newRow("with time") << u"2026-03-01T00:00:00"_s << false;
        QTest::newRow("empty") << QString() << false;
    }

    void dates()
    {
        QFETCH(QString, stored);
        QFETCH(bool, valid);
        auto date = dateFromStored(stored);
        QCOMPARE(date.has_value(), valid);
        if (valid)
            QCOMPARE(toStoredDate(*date), stored);
    }

    void timestamps()
    {
        const QDateTime local(QDate(2026, 11, 25), QTime(15, 30, 0, 250), QTimeZone(3 * 3600));
        const QString stored = toStoredTimestamp(local);
        QCOMPARE(stored, u"2026-11-25T12:30:00.250Z"_s);
        auto back = timestampFromStored(stored);
        QVERIFY(back.has_value());
        QCOMPARE(*back, local);
        QCOMPARE(back->timeSpec(), Qt::UTC);
        for (const QString &bad :
             { u"2026-11-25T12:30:00Z"_s, u"2026-11-25 12:30:00.250"_s, u"2026-11-25T12:30:00.250+03:00"_s,
               u"yesterday"_s, u"2026-11-25T12:30:00.250Z\n"_s, u"2026-11-25T24:00:00.000Z"_s })
            QVERIFY2(!timestampFromStored(bad).has_value(), qPrintable(bad));
    }

    void stayPrice_data()
    {
        QTest::addColumn<qint64>("monthly");
        QTest::addColumn<qint64>("nights");
        QTest::addColumn<qint64>("total");
        QTest::newRow("a month") << qint64(4500000) << qint64(30) << qint64(4500000);
        QTest::newRow("one night") << qint64(3000000) << qint64(1) << qint64(100000);
        // 1000 * 1 / 30 = 33.33 -> 33; 1000 * 2 / 30 = 66.67 -> 67.
        QTest::newRow("rounds down below half") << qint64(1000) << qint64(1) << qint64(33);
        QTest::newRow("rounds up above half") << qint64(1000) << qint64(2) << qint64(67);
        // 45 * 1 / 30 = 1.5 exactly -> 2 (half up).
        QTest::newRow("half rounds up") << qint64(45) << qint64(1) << qint64(2);
        QTest::newRow("free") << qint64(0) << qint64(10) << qint64(0);
        QTest::newRow("largest price, ten years") << qint64(100000000000) << qint64(3653) << qint64(12176666666667);
    }

    void stayPrice()
    {
        QFETCH(qint64, monthly);
        QFETCH(qint64, nights);
        QFETCH(qint64, total);
        const Money price = rentdesk::models::domain::stayPrice(Money { monthly, u"RUB"_s }, nights);
        QCOMPARE(price.minor, total);
        QCOMPARE(price.currency, u"RUB"_s);
    }

    void ratingAverageIsDerived()
    {
        QVERIFY(!Rating {}.average().has_value());
        QCOMPARE(Rating({ 9, 2 }).average().value_or(0), 4.5);
    }
};

QTEST_GUILESS_MAIN(TestStoredValues)
#include "tst_storedvalues.moc"
