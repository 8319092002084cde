// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QWidget>

class QPainter;

namespace rentdesk::views {

// A rating of 0 to 5 whole stars that a person sets with the mouse (click, or drag and
// hover to preview) or the keyboard (Left/Right, Home/End, digits 0-5). Also draws stars
// for others: paintStars() is shared with the cell delegate, so a rating looks the same
// in a table and in a form.
class StarRatingWidget final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(StarRatingWidget)
    Q_PROPERTY(int value READ value WRITE setValue NOTIFY valueChanged USER true)
    Q_PROPERTY(bool readOnly READ isReadOnly WRITE setReadOnly)

public:
    static constexpr int MaximumStars = 5;

    explicit StarRatingWidget(QWidget *parent = nullptr);
    ~StarRatingWidget() override;

    [[nodiscard]] int value() const { return m_value; }
    // Clamped to 0..5; emits valueChanged() only on a change.
    void setValue(int value);

    [[nodiscard]] bool isReadOnly() const { return m_readOnly; }
    // A read-only rating is shown, not edited, and is no tab stop.
    void setReadOnly(bool readOnly);

    [[nodiscard]] QSize sizeHint() const override;
    [[nodiscard]] QSize minimumSizeHint() const override;

    // "3 of 5 stars", "No stars": what a screen reader says about value.
    [[nodiscard]] static QString describe(int value);

    // Draws five stars in rect (left-aligned, as large as its height allows), value of them
    // filled; value is rounded to the nearest half star.
    static void paintStars(QPainter *painter, const QRect &rect, double value, const QPalette &palette);
    // The size paintStars() needs for stars of the given height.
    [[nodiscard]] static QSize starsSize(int starHeight);

Q_SIGNALS:
    void valueChanged(int value);

protected:
    void paintEvent(QPaintEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void leaveEvent(QEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    [[nodiscard]] int starHeight() const;
    [[nodiscard]] QRect starsRect() const;
    // The star (1..5) under a point, 0 left of the first one.
    [[nodiscard]] int starAt(const QPoint &point) const;
    void setHover(int star);

    int m_value = 0;
    int m_hover = -1; // the star under the mouse while editable, -1 when none
    bool m_readOnly = false;
};

} // namespace rentdesk::views
