// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/mail/mailtemplates.h"

#include <QRegularExpression>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace rentdesk;
using models::domain::Language;
using models::domain::MailEvent;

namespace {

// What BookingService stores with a booking's mail.
QJsonObject bookingParams()
{
    return { { u"bookingId"_s, u"0190a5b2-0000-7000-8000-000000000001"_s },
             { u"apartmentNumber"_s, u"12"_s },
             { u"buildingName"_s, u"Riverside <House>"_s },
             { u"address"_s, u"12 Quay Street"_s },
             { u"city"_s, u"Glasgow"_s },
             { u"startDate"_s, u"2026-06-10"_s },
             { u"endDate"_s, u"2026-06-15"_s },
             { u"totalPrice"_s, u"4500000"_s },
             { u"currency"_s, u"RUB"_s },
             { u"renterName"_s, u"Роман Арендатор"_s },
             { u"landlordName"_s, u"Lena Landlord"_s },
             { u"status"_s, u"confirmed"_s } };
}

QString normalised(QString text)
{
    return text.replace(QChar(0x00a0), u' ').replace(QChar(0x202f), u' ');
}

} // namespace

// Every event in both languages: the template is found, every placeholder is filled in
// the recipient's language and locale, and HTML carries the same text escaped.
class TestMailTemplates final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void everyEventInBothLanguages_data()
    {
        QTest::addColumn<MailEvent>("event");
        QTest::addColumn<Language>("language");
        QTest::addColumn<QJsonObject>("params");
        for (const Language language : { Language::English, Language::Russian }) {
            const char *code = language == Language::English ? "en" : "ru";
            QTest::addRow("welcome %s", code)
                << MailEvent::Welcome << language
                << QJsonObject { { u"displayName"_s, u"Lena"_s }, { u"role"_s, u"landlord"_s } };
            QTest::addRow("requested %s", code) << MailEvent::BookingRequested << language << bookingParams();
            QTest::addRow("confirmed %s", code) << MailEvent::BookingConfirmed << language << bookingParams();
            QJsonObject declined = bookingParams();
            declined.insert(u"reason"_s, u"dates_taken"_s);
            QTest::addRow("declined %s", code) << MailEvent::BookingDeclined << language << declined;
            QTest::addRow("cancelled %s", code) << MailEvent::BookingCancelled << language << bookingParams();
        }
    }

    void everyEventInBothLanguages()
    {
        QFETCH(MailEvent, event);
        QFETCH(Language, language);
        QFETCH(QJsonObject, params);
        const auto mail = models::mail::composeMail(event, language, u"Ann Recipient"_s, params);
        QVERIFY2(mail, qPrintable(mail ? QString() : mail.error().message));
        QVERIFY(!mail->subject.isEmpty());
        QVERIFY(!mail->subject.contains(u'\n'));
        for (const QString &part : { mail->subject, mail->text, mail->html })
            QVERIFY2(!part.contains(u'{') && !part.contains(u'}'), qPrintable(part));
        QVERIFY(mail->text.contains(u"Ann Recipient"_s));
        static const QRegularExpression cyrillic(u"[А-Яа-яЁё]"_s);
        // Written in the recipient's language (the subjects name only ASCII places here).
        QCOMPARE(mail->subject.contains(cyrillic), language == Language::Russian);
        if (event != MailEvent::Welcome) {
            QVERIFY(mail->text.contains(u"Riverside <House>"_s));
            QVERIFY(mail->html.contains(u"Riverside &lt;House&gt;"_s));
            QVERIFY(!mail->html.contains(u"<House>"_s));
        }
        QVERIFY(mail->html.startsWith(u"<!DOCTYPE html>"_s));
    }

    // The facts of a stay, lined up with spaces in the text, are a table in the HTML (spaces do
    // not line up in a proportional font), their values escaped.
    void theFactsOfAStayAreATableInHtml()
    {
        QJsonObject params = bookingParams();
        params.insert(u"renterName"_s, u"Bob <b>Renter</b>"_s);
        const auto en = models::mail::composeMail(MailEvent::BookingConfirmed, Language::English, u"Ann"_s, params);
        QVERIFY(en);
        QVERIFY2(en->html.contains(u"<tr><td style=\"padding-right:1em\">Nights:</td><td>5</td></tr>"_s),
                 qPrintable(en->html));
        QVERIFY(!en->html.contains(u"<pre"_s));
        const auto document =
            models::mail::composeDocument(u"booking_confirmation"_s, Language::English, u"Ann"_s, params);
        QVERIFY2(document, qPrintable(document ? QString() : document.error().message));
        QVERIFY2(document->html.contains(u"<td>Bob &lt;b&gt;Renter&lt;/b&gt;</td>"_s), qPrintable(document->html));
        QVERIFY(!document->html.contains(u"<b>Renter"_s));
        const auto ru = models::mail::composeDocument(u"booking_confirmation"_s, Language::Russian, u"Анна"_s, params);
        QVERIFY(ru);
        QVERIFY(ru->html.contains(u"<tr><td style=\"padding-right:1em\">Ночей:</td><td>5</td></tr>"_s));
    }

    void datesAndMoneyInTheRecipientsLocale()
    {
        QLocale::setDefault(QLocale::c()); // the sender's own locale does not matter
        const auto ru =
            models::mail::composeMail(MailEvent::BookingConfirmed, Language::Russian, u"Анна"_s, bookingParams());
        QVERIFY(ru);
        QVERIFY2(normalised(ru->text).contains(u"45 000,00 ₽"_s), qPrintable(ru->text));
        QVERIFY(ru->text.contains(u"10 июня 2026"_s));
        QVERIFY(ru->text.contains(u"Ночей:       5"_s));
        const auto en =
            models::mail::composeMail(MailEvent::BookingConfirmed, Language::English, u"Ann"_s, bookingParams());
        QVERIFY(en);
        QVERIFY2(en->text.contains(u"₽45,000.00"_s), qPrintable(en->text));
        QVERIFY(en->text.contains(u"10 June 2026"_s));
    }

    void declinedSaysWhy()
    {
        QJsonObject params = bookingParams();
        params.insert(u"reason"_s, u"expired"_s);
        const auto mail = models::mail::composeMail(MailEvent::BookingDeclined, Language::English, u"Ann"_s, params);
        QVERIFY(mail);
        QVERIFY(mail->text.contains(u"The first night passed before the landlord answered."_s));
    }

    // A value the template needs but the row lacks stops the mail rather than sending a gap.
    void missingValueIsAnError()
    {
        QJsonObject params = bookingParams();
        params.remove(u"buildingName"_s);
        const auto mail = models::mail::composeMail(MailEvent::BookingRequested, Language::English, u"Ann"_s, params);
        QVERIFY(!mail);
        QVERIFY(mail.error().message.contains(u"{buildingName}"_s));
    }
};

QTEST_GUILESS_MAIN(TestMailTemplates)
#include "tst_mailtemplates.moc"
