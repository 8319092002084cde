// SPDX-License-Identifier: GPL-3.0-or-later
#include "widgets/formatting.h"

#include <QLocale>

namespace rentdesk::views {

using namespace Qt::StringLiterals;

QString currencySymbol(const QString &isoCode)
{
    if (isoCode == u"RUB"_s)
        return u"\u20BD"_s;
    if (isoCode == u"GBP"_s)
        return u"\u00A3"_s;
    if (isoCode == u"EUR"_s)
        return u"\u20AC"_s;
    if (isoCode == u"USD"_s)
        return u"$"_s;
    return isoCode;
}

QString formatMoney(const domain::Money &money)
{
    // A double holds every amount the schema allows (at most 10^11 minor units) exactly
    // enough for two decimals; the integer stays the value, this is only its text.
    return QLocale().toCurrencyString(double(money.minor) / 100.0, currencySymbol(money.currency), 2);
}

QString formatDate(QDate date)
{
    if (!date.isValid())
        return QString();
    return QLocale().toString(date, QLocale::ShortFormat);
}

QString formatDateTime(const QDateTime &dateTime)
{
    if (!dateTime.isValid())
        return QString();
    return QLocale().toString(dateTime.toLocalTime(), QLocale::ShortFormat);
}

} // namespace rentdesk::views
