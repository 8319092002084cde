// SPDX-License-Identifier: GPL-3.0-or-later
#include "views/pages/detailshtml.h"

#include "models/domain/calendarsource.h"
#include "models/domain/enums.h"
#include "models/itemmodels/cellformat.h"
#include "models/itemmodels/pagemodels.h"

#include <QCoreApplication>

namespace rentdesk::views::detailshtml {

using namespace Qt::StringLiterals;

QString heading(const QString &text)
{
    return u"<h3>%1</h3>"_s.arg(text.toHtmlEscaped());
}

QString paragraph(const QStringList &lines)
{
    QStringList escaped;
    for (const QString &line : lines) {
        if (!line.isEmpty())
            escaped.append(line.toHtmlEscaped());
    }
    return u"<p>%1</p>"_s.arg(escaped.join(u"<br>"_s));
}

QString stars(int rating)
{
    const int filled = std::clamp(rating, 0, 5);
    return u"<span style=\"color:#e6a100\">%1</span><span style=\"color:#bbb\">%2</span>"_s.arg(
        QString(filled, u'★'), QString(5 - filled, u'★'));
}

QString reviews(const QList<models::query::ReviewRow> &rows, const QString &emptyText)
{
    if (rows.isEmpty())
        return u"<p><i>%1</i></p>"_s.arg(emptyText.toHtmlEscaped());
    QString html;
    for (const models::query::ReviewRow &row : rows) {
        html += u"<p>%1 <b>%2</b> · %3<br>%4</p>"_s.arg(
            stars(row.review.rating), row.authorName.toHtmlEscaped(),
            models::itemmodels::formatDate(row.review.createdAt.toLocalTime().date()),
            row.review.body.toHtmlEscaped().replace(u'\n', u"<br>"_s));
    }
    return html;
}

QString bookings(const QList<models::query::BookingRow> &rows, const QString &emptyText)
{
    if (rows.isEmpty())
        return u"<p><i>%1</i></p>"_s.arg(emptyText.toHtmlEscaped());
    QString html = u"<ul>"_s;
    for (const models::query::BookingRow &row : rows) {
        html += u"<li>%1 – %2 · %3 · %4</li>"_s.arg(models::itemmodels::formatDate(row.booking.startDate),
                                                    models::itemmodels::formatDate(row.booking.endDate),
                                                    models::domain::displayName(row.booking.status).toHtmlEscaped(),
                                                    models::itemmodels::renterText(row).toHtmlEscaped());
    }
    return html + u"</ul>"_s;
}

QString booking(const models::query::BookingRow &row)
{
    const models::domain::Booking &b = row.booking;
    // The owner's own hold (a published stay: docs/architecture.md) or block names no renter;
    // a block from a calendar names the calendar and its event, and has no price.
    const bool hold = b.renterId == row.ownerId;
    const bool fromCalendar = !b.blockSource.isEmpty();
    QStringList stay { QCoreApplication::translate("BookingsPage", "%1 – %2 (%n night(s))", nullptr, int(b.nights()))
                           .arg(models::itemmodels::formatDate(b.startDate),
                                models::itemmodels::formatDate(b.endDate)) };
    if (!fromCalendar && b.status != models::domain::BookingStatus::Blocked)
        stay << QCoreApplication::translate("BookingsPage", "Total: %1")
                    .arg(models::itemmodels::formatMoney(b.totalPrice));
    stay << QCoreApplication::translate("BookingsPage", "Status: %1").arg(models::domain::displayName(b.status));
    QStringList who;
    if (fromCalendar) {
        who << QCoreApplication::translate("BookingsPage",
                                           "Blocked by the calendar %1 (its event %2): let elsewhere, no renter here.")
                   .arg(models::domain::calendarLabel(b.blockSource), b.blockUid);
    } else if (b.status == models::domain::BookingStatus::Blocked) {
        who << QCoreApplication::translate("BookingsPage", "Blocked by the owner, %1: no renter is named.")
                   .arg(row.ownerName);
    } else if (hold) {
        who << QCoreApplication::translate("BookingsPage", "Nights held by the owner, %1: no renter is named.")
                   .arg(row.ownerName);
    } else {
        who << QCoreApplication::translate("BookingsPage", "Renter: %1").arg(row.renterName)
            << QCoreApplication::translate("BookingsPage", "Owner: %1").arg(row.ownerName);
    }
    return heading(QCoreApplication::translate("BookingsPage", "%1, apartment %2")
                       .arg(row.buildingName, row.apartmentNumber))
        + paragraph({ row.address, row.city }) + paragraph(stay) + paragraph(who);
}

} // namespace rentdesk::views::detailshtml
