// SPDX-License-Identifier: GPL-3.0-or-later
#include "views/widgets/celldelegate.h"

#include "models/domain/entities.h"
#include "views/widgets/badge.h"
#include "views/widgets/formatting.h"
#include "views/widgets/starrating.h"

#include <QApplication>
#include <QLocale>
#include <QPainter>
#include <QPainterPath>

#include <cmath>

namespace rentdesk::views {

using models::itemmodels::CellKind;

namespace {

// Reads an enum from a value the model stored either as the enum itself or as its
// integer; anything else (or an integer outside the enum) is no value.
template<typename E> std::optional<E> enumFrom(const QVariant &value)
{
    if (value.metaType() == QMetaType::fromType<E>())
        return value.value<E>();
    bool ok = false;
    const int number = value.toInt(&ok);
    if (!ok)
        return std::nullopt;
    for (const E candidate : models::domain::allValues<E>()) {
        if (int(candidate) == number)
            return candidate;
    }
    return std::nullopt;
}

template<typename T> std::optional<T> typed(const QVariant &value)
{
    if (value.metaType() == QMetaType::fromType<T>())
        return value.value<T>();
    return std::nullopt;
}

std::optional<int> starsFrom(const QVariant &value)
{
    bool ok = false;
    const int stars = value.toInt(&ok);
    return ok ? std::optional<int>(stars) : std::nullopt;
}

const QStyle *styleOf(const QStyleOptionViewItem &option)
{
    return option.widget ? option.widget->style() : QApplication::style();
}

int textMargin(const QStyleOptionViewItem &option)
{
    return styleOf(option)->pixelMetric(QStyle::PM_FocusFrameHMargin, nullptr, option.widget) + 1;
}

QPalette::ColorGroup colorGroup(const QStyleOptionViewItem &option)
{
    if (!(option.state & QStyle::State_Enabled))
        return QPalette::Disabled;
    return (option.state & QStyle::State_Active) ? QPalette::Normal : QPalette::Inactive;
}

// The colour of text in the cell: the highlighted text colour on a selected row.
QColor textColor(const QStyleOptionViewItem &option)
{
    const QPalette::ColorRole role =
        (option.state & QStyle::State_Selected) ? QPalette::HighlightedText : QPalette::Text;
    return option.palette.color(colorGroup(option), role);
}

QFont smallFont(const QFont &base)
{
    QFont font = base;
    if (font.pointSizeF() > 0)
        font.setPointSizeF(font.pointSizeF() * 0.85);
    else
        font.setPixelSize(qMax(8, font.pixelSize() * 85 / 100));
    return font;
}

// The gap between a rating's stars and its numbers.
int spaceWidth(const QFont &font)
{
    return int(std::ceil(QFontMetricsF(smallFont(font)).horizontalAdvance(QLatin1Char(' '))));
}

int starHeightFor(const QStyleOptionViewItem &option)
{
    return qMax(10, QFontMetrics(option.font).height());
}

} // namespace

CellDelegate::CellDelegate(QObject *parent)
    : QStyledItemDelegate(parent)
{
}

CellDelegate::~CellDelegate() = default;

QString CellDelegate::ratingText(double average, qint64 count)
{
    // The models' text, so that a table reads the same with and without the delegate.
    if (count <= 0)
        return models::itemmodels::formatRating({});
    return models::itemmodels::formatRating({ qint64(std::llround(average * double(count))), count });
}

std::optional<CellKind> CellDelegate::kindOf(const QModelIndex &index)
{
    const QVariant kind = index.data(models::itemmodels::CellKindRole);
    bool ok = false;
    const int number = kind.toInt(&ok);
    if (!ok || number < int(CellKind::Text) || number > int(CellKind::MailStatus))
        return std::nullopt;
    return CellKind(number);
}

QString CellDelegate::cellText(const QModelIndex &index)
{
    const QString display = index.data(Qt::DisplayRole).toString();
    const auto kind = kindOf(index);
    if (!kind)
        return display;
    const QVariant value = index.data(models::itemmodels::ValueRole);
    switch (*kind) {
    case CellKind::Money:
        if (const auto money = typed<models::domain::Money>(value))
            return formatMoney(*money);
        break;
    case CellKind::Date:
        if (const auto date = typed<QDate>(value))
            return formatDate(*date);
        break;
    case CellKind::DateTime:
        if (const auto dateTime = typed<QDateTime>(value))
            return formatDateTime(*dateTime);
        break;
    case CellKind::Rating:
        if (const auto rating = typed<models::domain::Rating>(value))
            return ratingText(rating->average().value_or(0), rating->count);
        break;
    case CellKind::Stars:
        if (const auto stars = starsFrom(value))
            return StarRatingWidget::describe(*stars);
        break;
    case CellKind::ApartmentStatus:
        if (const auto status = enumFrom<models::domain::ApartmentStatus>(value))
            return models::domain::displayName(*status);
        break;
    case CellKind::BookingStatus:
        if (const auto status = enumFrom<models::domain::BookingStatus>(value))
            return models::domain::displayName(*status);
        break;
    case CellKind::ReviewKind:
        if (const auto reviewKind = enumFrom<models::domain::ReviewKind>(value))
            return models::domain::displayName(*reviewKind);
        break;
    case CellKind::MailStatus:
        if (const auto status = enumFrom<models::domain::MailStatus>(value))
            return models::domain::displayName(*status);
        break;
    case CellKind::Flag:
        if (value.isValid())
            return value.toBool() ? tr("Yes") : tr("No");
        break;
    case CellKind::Text:
    case CellKind::Number:
        break;
    }
    return display;
}

void CellDelegate::initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const
{
    QStyledItemDelegate::initStyleOption(option, index);
    const auto kind = kindOf(index);
    if (!kind || *kind == CellKind::Text)
        return;
    if (*kind != CellKind::Number)
        option->text = cellText(index);
    const bool alignedByModel = index.data(Qt::TextAlignmentRole).isValid();
    if (!alignedByModel && (*kind == CellKind::Money || *kind == CellKind::Number))
        option->displayAlignment = Qt::AlignRight | Qt::AlignVCenter;
}

void CellDelegate::paintFrame(QPainter *painter, QStyleOptionViewItem &option)
{
    option.text.clear();
    option.icon = QIcon();
    option.features &= ~(QStyleOptionViewItem::HasDisplay | QStyleOptionViewItem::HasDecoration);
    // Without text a style highlights only the (now empty) text area of a selected cell
    // unless the whole cell is to be highlighted, as table views ask anyway.
    option.showDecorationSelected = true;
    styleOf(option)->drawControl(QStyle::CE_ItemViewItem, &option, painter, option.widget);
}

QRect CellDelegate::contentRect(const QStyleOptionViewItem &option)
{
    const int margin = textMargin(option);
    return option.rect.adjusted(margin, 1, -margin, -1);
}

void CellDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    paintContent(painter, option, index);
    if (index.column() == 0 && index.data(models::itemmodels::WaitingRole).toBool())
        paintWaitingMark(painter, option);
}

void CellDelegate::paintWaitingMark(QPainter *painter, const QStyleOptionViewItem &option)
{
    // A small amber dot with a white clock hand at the cell's right edge: the row's change has
    // not reached the server yet (the tooltip says so in words).
    const int size = std::max(6, option.fontMetrics.height() / 2);
    const QRect dot(option.rect.right() - size - 3, option.rect.center().y() - size / 2, size, size);
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    painter->setPen(Qt::NoPen);
    painter->setBrush(QColor(0xe0, 0x8a, 0x00));
    painter->drawEllipse(dot);
    painter->setPen(QPen(Qt::white, std::max(1.0, size / 6.0)));
    const QPointF centre = QRectF(dot).center();
    painter->drawLine(centre, QPointF(centre.x(), dot.top() + size * 0.25));
    painter->drawLine(centre, QPointF(dot.right() - size * 0.25, centre.y()));
    painter->restore();
}

void CellDelegate::paintContent(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    const auto kind = kindOf(index);
    if (!kind) {
        QStyledItemDelegate::paint(painter, option, index);
        return;
    }
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    const QVariant value = index.data(models::itemmodels::ValueRole);

    switch (*kind) {
    case CellKind::ApartmentStatus:
        if (const auto status = enumFrom<models::domain::ApartmentStatus>(value)) {
            paintFrame(painter, opt);
            paintBadge(painter, contentRect(opt), models::domain::displayName(*status), badgeColors(*status),
                       badgeFont(opt.font));
            return;
        }
        break;
    case CellKind::BookingStatus:
        if (const auto status = enumFrom<models::domain::BookingStatus>(value)) {
            paintFrame(painter, opt);
            paintBadge(painter, contentRect(opt), models::domain::displayName(*status), badgeColors(*status),
                       badgeFont(opt.font));
            return;
        }
        break;
    case CellKind::MailStatus:
        if (const auto status = enumFrom<models::domain::MailStatus>(value)) {
            paintFrame(painter, opt);
            paintBadge(painter, contentRect(opt), models::domain::displayName(*status), badgeColors(*status),
                       badgeFont(opt.font));
            return;
        }
        break;
    case CellKind::Rating:
        if (typed<models::domain::Rating>(value)) {
            paintFrame(painter, opt);
            paintRating(painter, opt, value);
            return;
        }
        break;
    case CellKind::Stars:
        if (const auto stars = starsFrom(value)) {
            paintFrame(painter, opt);
            QPalette palette = opt.palette;
            palette.setCurrentColorGroup(colorGroup(opt));
            palette.setColor(QPalette::Text, textColor(opt));
            QRect rect = contentRect(opt);
            rect.setHeight(qMin(rect.height(), starHeightFor(opt)));
            rect.moveTop(opt.rect.top() + (opt.rect.height() - rect.height()) / 2);
            StarRatingWidget::paintStars(painter, rect, *stars, palette);
            return;
        }
        break;
    case CellKind::Flag:
        paintFrame(painter, opt);
        if (value.toBool())
            paintCheck(painter, opt);
        return;
    case CellKind::Text:
    case CellKind::Number:
    case CellKind::Money:
    case CellKind::Date:
    case CellKind::DateTime:
    case CellKind::ReviewKind:
        break;
    }
    // Text, or a value the model did not give as its kind says: the style draws the text.
    QStyledItemDelegate::paint(painter, option, index);
}

void CellDelegate::paintRating(QPainter *painter, const QStyleOptionViewItem &option, const QVariant &value) const
{
    const auto rating = value.value<models::domain::Rating>();
    const QRect area = contentRect(option);
    const QFont small = smallFont(option.font);
    QColor muted = textColor(option);
    muted.setAlphaF(0.75f);

    painter->save();
    painter->setFont(small);
    painter->setPen(muted);
    const auto average = rating.average();
    if (!average) {
        painter->drawText(area, Qt::AlignLeft | Qt::AlignVCenter,
                          QFontMetricsF(small).elidedText(ratingText(0, 0), Qt::ElideRight, area.width()));
        painter->restore();
        return;
    }
    const int height = qMin(area.height(), starHeightFor(option));
    const QSize stars = StarRatingWidget::starsSize(height);
    const QRect starsRect(QPoint(area.left(), area.top() + (area.height() - height) / 2),
                          QSize(qMin(stars.width(), area.width()), height));
    QPalette palette = option.palette;
    palette.setCurrentColorGroup(colorGroup(option));
    palette.setColor(QPalette::Text, textColor(option));
    StarRatingWidget::paintStars(painter, starsRect, *average, palette);

    const QRect textRect = area.adjusted(starsRect.width() + spaceWidth(option.font), 0, 0, 0);
    if (textRect.width() > 0) {
        const QString text = ratingText(*average, rating.count);
        painter->drawText(textRect, Qt::AlignLeft | Qt::AlignVCenter,
                          QFontMetricsF(small).elidedText(text, Qt::ElideRight, textRect.width()));
    }
    painter->restore();
}

void CellDelegate::paintCheck(QPainter *painter, const QStyleOptionViewItem &option) const
{
    const QRect area = contentRect(option);
    const int side = qMin(area.height(), QFontMetrics(option.font).height()) * 3 / 4;
    if (side < 4)
        return;
    const QRectF box(area.center().x() - side / 2.0, area.center().y() - side / 2.0, side, side);
    QPainterPath check;
    check.moveTo(box.left() + side * 0.1, box.top() + side * 0.55);
    check.lineTo(box.left() + side * 0.4, box.top() + side * 0.85);
    check.lineTo(box.left() + side * 0.95, box.top() + side * 0.15);
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    painter->setPen(QPen(textColor(option), qMax(1.5, side / 7.0), Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
    painter->setBrush(Qt::NoBrush);
    painter->drawPath(check);
    painter->restore();
}

QSize CellDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    QSize hint = QStyledItemDelegate::sizeHint(option, index);
    const auto kind = kindOf(index);
    if (!kind)
        return hint;
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    const int margins = 2 * textMargin(opt);
    const QVariant value = index.data(models::itemmodels::ValueRole);
    switch (*kind) {
    case CellKind::ApartmentStatus:
    case CellKind::BookingStatus:
    case CellKind::MailStatus: {
        // opt.text holds the status's display name (see initStyleOption).
        const QSize badge = badgeSize(opt.text, badgeFont(opt.font));
        return hint.expandedTo(QSize(badge.width() + margins, badge.height() + 4));
    }
    case CellKind::Rating: {
        const auto rating = typed<models::domain::Rating>(value).value_or(models::domain::Rating {});
        const QFontMetricsF small(smallFont(opt.font));
        const auto average = rating.average();
        const QString text = ratingText(average.value_or(0), rating.count);
        int width = int(std::ceil(small.horizontalAdvance(text)));
        if (average)
            width += StarRatingWidget::starsSize(starHeightFor(opt)).width() + spaceWidth(opt.font);
        return hint.expandedTo(QSize(width + margins, starHeightFor(opt) + 4));
    }
    case CellKind::Stars: {
        const QSize stars = StarRatingWidget::starsSize(starHeightFor(opt));
        return hint.expandedTo(QSize(stars.width() + margins, stars.height() + 4));
    }
    case CellKind::Flag:
        return hint.expandedTo(QSize(QFontMetrics(opt.font).height() + margins, 0));
    case CellKind::Text:
    case CellKind::Number:
    case CellKind::Money:
    case CellKind::Date:
    case CellKind::DateTime:
    case CellKind::ReviewKind:
        break;
    }
    return hint;
}

} // namespace rentdesk::views
