// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/domain/enums.h"

#include <QColor>
#include <QFont>
#include <QRect>
#include <QString>

class QPainter;

namespace rentdesk::views {

// A status as a rounded, coloured badge with its translated name: the colours of each
// apartment, booking and mail status, text that stays readable on them, and the drawing. The
// cell delegate uses it; a detail pane or a legend can draw the same badge.
struct BadgeColors
{
    QColor background;
    QColor text;
};

// Free green, booked amber, rented blue.
[[nodiscard]] BadgeColors badgeColors(models::domain::ApartmentStatus status);
// Requested amber, confirmed green, declined red, cancelled grey, completed blue.
[[nodiscard]] BadgeColors badgeColors(models::domain::BookingStatus status);
// Queued amber (waiting, as a request is), sent green, failed red, discarded grey.
[[nodiscard]] BadgeColors badgeColors(models::domain::MailStatus status);

// Black or white, whichever contrasts more with background (WCAG relative luminance).
[[nodiscard]] QColor contrastingTextColor(const QColor &background);
// The WCAG contrast ratio of two colours, 1 to 21.
[[nodiscard]] double contrastRatio(const QColor &a, const QColor &b);

// The badge's font: the given one, a little smaller and bolder.
[[nodiscard]] QFont badgeFont(const QFont &base);
// The size of a badge showing text in font (badgeFont() of the cell's font).
[[nodiscard]] QSize badgeSize(const QString &text, const QFont &font);
// Draws the badge at the left of rect, centred vertically, its text elided if rect is
// too narrow. Returns the badge's rectangle.
QRect paintBadge(QPainter *painter, const QRect &rect, const QString &text, const BadgeColors &colors,
                 const QFont &font);

} // namespace rentdesk::views
