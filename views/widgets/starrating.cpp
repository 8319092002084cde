// SPDX-License-Identifier: GPL-3.0-or-later
#include "views/widgets/starrating.h"

#include <QAccessible>
#include <QAccessibleWidget>
#include <QKeyEvent>
#include <QMouseEvent>
#include <QPainter>
#include <QPainterPath>
#include <QStyle>
#include <QStyleOptionFocusRect>

#include <cmath>

namespace rentdesk::views {

namespace {

constexpr int Margin = 2; // room for the focus frame

int gapFor(int starHeight)
{
    return qMax(1, starHeight / 8);
}

// A five-pointed star filling a square of the given side at origin, point up.
QPainterPath starPath(const QRectF &square)
{
    constexpr double Inner = 0.4; // inner radius as a share of the outer one
    const double radius = square.width() / 2.0;
    // The star's lowest points lie at radius * cos(36°) under the centre: shift it down so
    // that it sits in the middle of the square.
    const double drop = (radius - radius * std::cos(M_PI / 5.0)) / 2.0;
    const QPointF centre = square.center() + QPointF(0, drop);
    QPainterPath path;
    for (int i = 0; i < 10; ++i) {
        const double r = (i % 2 == 0) ? radius : radius * Inner;
        const double angle = -M_PI / 2.0 + i * M_PI / 5.0;
        const QPointF point = centre + QPointF(r * std::cos(angle), r * std::sin(angle));
        if (i == 0)
            path.moveTo(point);
        else
            path.lineTo(point);
    }
    path.closeSubpath();
    return path;
}

// The widget as assistive technology sees it: a slider from 0 to 5 stars whose value reads
// "4 of 5 stars", named after its caption.
class StarRatingAccessible final : public QAccessibleWidget, public QAccessibleValueInterface
{
public:
    explicit StarRatingAccessible(StarRatingWidget *stars)
        : QAccessibleWidget(stars, QAccessible::Slider)
    {
    }

    static QAccessibleInterface *create(const QString &className, QObject *object)
    {
        if (className != QLatin1String(StarRatingWidget::staticMetaObject.className()))
            return nullptr;
        auto *stars = qobject_cast<StarRatingWidget *>(object);
        return stars ? new StarRatingAccessible(stars) : nullptr;
    }

    void *interface_cast(QAccessible::InterfaceType type) override
    {
        if (type == QAccessible::ValueInterface)
            return static_cast<QAccessibleValueInterface *>(this);
        return QAccessibleWidget::interface_cast(type);
    }

    QString text(QAccessible::Text t) const override
    {
        if (t == QAccessible::Value)
            return StarRatingWidget::describe(stars()->value());
        return QAccessibleWidget::text(t);
    }

    QVariant currentValue() const override { return stars()->value(); }
    void setCurrentValue(const QVariant &value) override { stars()->setValue(value.toInt()); }
    QVariant maximumValue() const override { return StarRatingWidget::MaximumStars; }
    QVariant minimumValue() const override { return 0; }
    QVariant minimumStepSize() const override { return 1; }

private:
    StarRatingWidget *stars() const { return static_cast<StarRatingWidget *>(widget()); }
};

} // namespace

StarRatingWidget::StarRatingWidget(QWidget *parent)
    : QWidget(parent)
{
    setFocusPolicy(Qt::StrongFocus);
    setMouseTracking(true);
    setSizePolicy(QSizePolicy::Fixed, QSizePolicy::Fixed);
    static const bool accessible = (QAccessible::installFactory(&StarRatingAccessible::create), true);
    Q_UNUSED(accessible)
    // What it is, until a form names it after its caption; screen readers read the value from
    // the accessible interface (a slider of 0 to 5, "4 of 5 stars").
    setAccessibleName(tr("Rating"));
}

StarRatingWidget::~StarRatingWidget() = default;

void StarRatingWidget::setValue(int value)
{
    value = qBound(0, value, MaximumStars);
    if (value == m_value)
        return;
    m_value = value;
    QAccessibleValueChangeEvent event(this, m_value);
    QAccessible::updateAccessibility(&event);
    update();
    Q_EMIT valueChanged(m_value);
}

void StarRatingWidget::setReadOnly(bool readOnly)
{
    if (readOnly == m_readOnly)
        return;
    m_readOnly = readOnly;
    setFocusPolicy(readOnly ? Qt::NoFocus : Qt::StrongFocus);
    setHover(-1);
}

QString StarRatingWidget::describe(int value)
{
    if (value <= 0)
        return tr("No stars");
    return tr("%1 of %2 stars").arg(value).arg(MaximumStars);
}

QSize StarRatingWidget::starsSize(int starHeight)
{
    return { MaximumStars * starHeight + (MaximumStars - 1) * gapFor(starHeight), starHeight };
}

int StarRatingWidget::starHeight() const
{
    return qMax(16, qRound(fontMetrics().height() * 1.4));
}

QSize StarRatingWidget::sizeHint() const
{
    return starsSize(starHeight()) + QSize(2 * Margin, 2 * Margin);
}

QSize StarRatingWidget::minimumSizeHint() const
{
    return sizeHint();
}

QRect StarRatingWidget::starsRect() const
{
    const QSize size = starsSize(starHeight());
    return { QPoint(Margin, (height() - size.height()) / 2), size };
}

int StarRatingWidget::starAt(const QPoint &point) const
{
    const int h = starHeight();
    const int x = point.x() - starsRect().left();
    return qBound(1, x / (h + gapFor(h)) + 1, MaximumStars);
}

void StarRatingWidget::setHover(int star)
{
    if (star == m_hover)
        return;
    m_hover = star;
    update();
}

void StarRatingWidget::paintStars(QPainter *painter, const QRect &rect, double value, const QPalette &palette)
{
    if (rect.isEmpty())
        return;
    int h = rect.height();
    while (h > 4 && starsSize(h).width() > rect.width())
        --h;
    const int gap = gapFor(h);
    const double shown = std::round(qBound(0.0, value, double(MaximumStars)) * 2.0) / 2.0;

    const bool disabled = palette.currentColorGroup() == QPalette::Disabled;
    // Amber with a darker rim: the rim keeps a filled star distinct from a light or a
    // selected background alike.
    const QColor fill = disabled ? palette.color(QPalette::Mid) : QColor(0xF5, 0xB3, 0x01);
    const QColor rim = disabled ? palette.color(QPalette::Dark) : QColor(0xA8, 0x6E, 0x00);
    QColor empty = palette.color(QPalette::Text);
    empty.setAlpha(150);

    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    const int top = rect.top() + (rect.height() - h) / 2;
    for (int i = 0; i < MaximumStars; ++i) {
        const QRectF square(rect.left() + i * (h + gap) + 0.5, top + 0.5, h - 1.0, h - 1.0);
        const QPainterPath star = starPath(square);
        const double filled = qBound(0.0, shown - i, 1.0);
        if (filled < 1.0) {
            painter->setPen(QPen(empty, 1.0));
            painter->setBrush(Qt::NoBrush);
            painter->drawPath(star);
        }
        if (filled > 0.0) {
            painter->save();
            if (filled < 1.0)
                painter->setClipRect(QRectF(square.left(), square.top(), square.width() * filled, square.height()),
                                     Qt::IntersectClip);
            painter->setPen(QPen(rim, 1.0));
            painter->setBrush(fill);
            painter->drawPath(star);
            painter->restore();
        }
    }
    painter->restore();
}

void StarRatingWidget::paintEvent(QPaintEvent *)
{
    QPainter painter(this);
    const int shown = (!m_readOnly && m_hover > 0) ? m_hover : m_value;
    paintStars(&painter, starsRect(), shown, palette());
    if (hasFocus()) {
        QStyleOptionFocusRect option;
        option.initFrom(this);
        option.backgroundColor = palette().color(QPalette::Window);
        style()->drawPrimitive(QStyle::PE_FrameFocusRect, &option, &painter, this);
    }
}

void StarRatingWidget::mousePressEvent(QMouseEvent *event)
{
    if (m_readOnly || event->button() != Qt::LeftButton) {
        QWidget::mousePressEvent(event);
        return;
    }
    setValue(starAt(event->position().toPoint()));
    event->accept();
}

void StarRatingWidget::mouseMoveEvent(QMouseEvent *event)
{
    if (m_readOnly) {
        QWidget::mouseMoveEvent(event);
        return;
    }
    const int star = starAt(event->position().toPoint());
    if (event->buttons() & Qt::LeftButton)
        setValue(star); // dragging along the stars sets the rating as it goes
    setHover(star);
}

void StarRatingWidget::leaveEvent(QEvent *event)
{
    setHover(-1);
    QWidget::leaveEvent(event);
}

void StarRatingWidget::keyPressEvent(QKeyEvent *event)
{
    if (m_readOnly) {
        QWidget::keyPressEvent(event);
        return;
    }
    switch (event->key()) {
    case Qt::Key_Left:
    case Qt::Key_Down:
        setValue(m_value - 1);
        break;
    case Qt::Key_Right:
    case Qt::Key_Up:
        setValue(m_value + 1);
        break;
    case Qt::Key_Home:
        setValue(0);
        break;
    case Qt::Key_End:
        setValue(MaximumStars);
        break;
    default:
        if (event->key() >= Qt::Key_0 && event->key() <= Qt::Key_0 + MaximumStars
            && !(event->modifiers() & (Qt::ControlModifier | Qt::AltModifier))) {
            setValue(event->key() - Qt::Key_0);
            break;
        }
        QWidget::keyPressEvent(event);
        return;
    }
    // A key that changes the rating ends the mouse's preview, or the preview would hide it.
    setHover(-1);
    event->accept();
}

void StarRatingWidget::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::FontChange || event->type() == QEvent::StyleChange)
        updateGeometry();
    QWidget::changeEvent(event);
}

} // namespace rentdesk::views
