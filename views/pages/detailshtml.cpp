// SPDX-License-Identifier: GPL-3.0-or-later
#include "views/pages/detailshtml.h"

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

} // namespace rentdesk::views::detailshtml
