// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/itemmodels/cellformat.h"

#include "models/domain/enums.h"

#include <QCoreApplication>
#include <QLocale>

namespace rentdesk::models::itemmodels {

using namespace Qt::StringLiterals;

QString currencySymbol(const QString &isoCode)
{
    if (isoCode == u"RUB")
        return u"₽"_s;
    if (isoCode == u"GBP")
        return u"£"_s;
    if (isoCode == u"EUR")
        return u"€"_s;
    if (isoCode == u"USD")
        return u"$"_s;
    return isoCode;
}

QString formatMoney(const domain::Money &money)
{
    // Minor units are whole kopecks or cents: the division is exact to two decimals.
    return QLocale().toCurrencyString(double(money.minor) / 100.0, currencySymbol(money.currency), 2);
}

QString formatDate(QDate date)
{
    return date.isValid() ? QLocale().toString(date, QLocale::ShortFormat) : QString();
}

QString formatDateTime(const QDateTime &time)
{
    return time.isValid() ? QLocale().toString(time.toLocalTime(), QLocale::ShortFormat) : QString();
}

QString formatRating(const domain::Rating &rating)
{
    const auto average = rating.average();
    if (!average)
        return QCoreApplication::translate("CellFormat", "not rated");
    return QCoreApplication::translate("CellFormat", "%1 (%2)")
        .arg(QLocale().toString(*average, 'f', 1), QLocale().toString(rating.count));
}

QString formatArea(double squareMetres)
{
    return QCoreApplication::translate("CellFormat", "%1 m²").arg(QLocale().toString(squareMetres, 'f', 1));
}

QString cellText(CellKind kind, const QVariant &value)
{
    if (!value.isValid())
        return QString();
    switch (kind) {
    case CellKind::Text:
        return value.toString();
    case CellKind::Number:
        if (value.typeId() == QMetaType::Double)
            return QLocale().toString(value.toDouble(), 'f', 1);
        return QLocale().toString(value.toLongLong());
    case CellKind::Money:
        return formatMoney(value.value<domain::Money>());
    case CellKind::Date:
        return formatDate(value.toDate());
    case CellKind::DateTime:
        return formatDateTime(value.toDateTime());
    case CellKind::Rating:
        return formatRating(value.value<domain::Rating>());
    case CellKind::Stars:
        return QCoreApplication::translate("CellFormat", "%1 of 5").arg(value.toInt());
    case CellKind::ApartmentStatus:
        return domain::displayName(value.value<domain::ApartmentStatus>());
    case CellKind::BookingStatus:
        return domain::displayName(value.value<domain::BookingStatus>());
    case CellKind::ReviewKind:
        return domain::displayName(value.value<domain::ReviewKind>());
    case CellKind::MailStatus:
        return domain::displayName(value.value<domain::MailStatus>());
    case CellKind::Flag:
        return value.toBool() ? QCoreApplication::translate("CellFormat", "yes")
                              : QCoreApplication::translate("CellFormat", "no");
    }
    return value.toString();
}

} // namespace rentdesk::models::itemmodels
