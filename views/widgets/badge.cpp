// SPDX-License-Identifier: GPL-3.0-or-later
#include "views/widgets/badge.h"

#include <QFontMetrics>
#include <QPainter>

#include <cmath>

namespace rentdesk::views {

using models::domain::ApartmentStatus;
using models::domain::BookingStatus;

namespace {

constexpr int HorizontalPadding = 8;
constexpr int VerticalPadding = 2;

// Mid-tone colours: dark enough for white text or light enough for black text at the WCAG
// AA ratio of 4.5:1, and apart from each other by hue, not by shade only.
const QColor Green(0x2E, 0x7D, 0x32);
const QColor Amber(0xFF, 0xB3, 0x00);
const QColor Blue(0x15, 0x65, 0xC0);
const QColor Red(0xC6, 0x28, 0x28);
const QColor Grey(0x61, 0x61, 0x61);
const QColor Purple(0x6A, 0x1B, 0x9A);

BadgeColors on(const QColor &background)
{
    return { background, contrastingTextColor(background) };
}

double luminance(const QColor &color)
{
    const auto channel = [](double c) {
        return c <= 0.03928 ? c / 12.92 : std::pow((c + 0.055) / 1.055, 2.4);
    };
    return 0.2126 * channel(color.redF()) + 0.7152 * channel(color.greenF()) + 0.0722 * channel(color.blueF());
}

} // namespace

BadgeColors badgeColors(ApartmentStatus status)
{
    switch (status) {
    case ApartmentStatus::Free:
        return on(Green);
    case ApartmentStatus::Booked:
        return on(Amber);
    case ApartmentStatus::Rented:
        return on(Blue);
    }
    Q_UNREACHABLE();
    return on(Grey);
}

BadgeColors badgeColors(BookingStatus status)
{
    switch (status) {
    case BookingStatus::Requested:
        return on(Amber);
    case BookingStatus::Confirmed:
        return on(Green);
    case BookingStatus::Declined:
        return on(Red);
    case BookingStatus::Cancelled:
        return on(Grey);
    case BookingStatus::Completed:
        return on(Blue);
    case BookingStatus::Blocked: // let elsewhere
        return on(Purple);
    }
    Q_UNREACHABLE();
    return on(Grey);
}

BadgeColors badgeColors(models::domain::MailStatus status)
{
    switch (status) {
    case models::domain::MailStatus::Queued:
        return on(Amber);
    case models::domain::MailStatus::Sent:
        return on(Green);
    case models::domain::MailStatus::Failed:
        return on(Red);
    case models::domain::MailStatus::Discarded:
        return on(Grey);
    }
    Q_UNREACHABLE();
    return on(Grey);
}

double contrastRatio(const QColor &a, const QColor &b)
{
    const double la = luminance(a);
    const double lb = luminance(b);
    return (qMax(la, lb) + 0.05) / (qMin(la, lb) + 0.05);
}

QColor contrastingTextColor(const QColor &background)
{
    const QColor black(0x1A, 0x1A, 0x1A);
    const QColor white(Qt::white);
    return contrastRatio(background, black) >= contrastRatio(background, white) ? black : white;
}

QFont badgeFont(const QFont &base)
{
    QFont font = base;
    if (font.pointSizeF() > 0)
        font.setPointSizeF(font.pointSizeF() * 0.9);
    else
        font.setPixelSize(qMax(8, font.pixelSize() * 9 / 10));
    font.setWeight(QFont::DemiBold);
    return font;
}

QSize badgeSize(const QString &text, const QFont &font)
{
    // Rounded up from the exact advance: the integer advance may fall a fraction short,
    // and the text would then be elided in a badge of exactly that width.
    const QFontMetricsF metrics(font);
    return { int(std::ceil(metrics.horizontalAdvance(text))) + 2 * HorizontalPadding,
             int(std::ceil(metrics.height())) + 2 * VerticalPadding };
}

QRect paintBadge(QPainter *painter, const QRect &rect, const QString &text, const BadgeColors &colors,
                 const QFont &font)
{
    const QFontMetricsF metrics(font);
    QSize size = badgeSize(text, font);
    size.setWidth(qMin(size.width(), rect.width()));
    size.setHeight(qMin(size.height(), rect.height()));
    const QRect badge(QPoint(rect.left(), rect.top() + (rect.height() - size.height()) / 2), size);
    const QString shown = metrics.elidedText(text, Qt::ElideRight, badge.width() - 2 * HorizontalPadding);

    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    painter->setPen(Qt::NoPen);
    painter->setBrush(colors.background);
    const double radius = badge.height() / 2.0;
    painter->drawRoundedRect(QRectF(badge), radius, radius);
    painter->setFont(font);
    painter->setPen(colors.text);
    painter->drawText(badge.adjusted(HorizontalPadding, 0, -HorizontalPadding, 0), Qt::AlignCenter, shown);
    painter->restore();
    return badge;
}

} // namespace rentdesk::views
