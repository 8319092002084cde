// SPDX-License-Identifier: GPL-3.0-or-later
#include "views/widgets/starrating.h"

#include <QAccessible>
#include <QImage>
#include <QPainter>
#include <QSignalSpy>
#include <QTest>

using namespace Qt::StringLiterals;
using rentdesk::views::StarRatingWidget;

namespace {

// Where a person would click on the n-th star (1-based) of a widget at its size hint.
QPoint starCentre(const StarRatingWidget &widget, int n)
{
    const int height = widget.sizeHint().height() - 4; // a 2 pixel margin for the focus frame
    const int gap = (StarRatingWidget::starsSize(height).width() - 5 * height) / 4;
    return { 2 + (n - 1) * (height + gap) + height / 2, widget.height() / 2 };
}

bool isGold(QRgb pixel)
{
    // The fill is amber (F5B301); nothing else drawn is that saturated a yellow.
    return qRed(pixel) > 200 && qGreen(pixel) > 140 && qBlue(pixel) < 80;
}

int goldPixels(const QImage &image, const QRect &area)
{
    int count = 0;
    for (int y = area.top(); y <= area.bottom(); ++y) {
        for (int x = area.left(); x <= area.right(); ++x)
            count += isGold(image.pixel(x, y)) ? 1 : 0;
    }
    return count;
}

QImage rendered(double value, QSize size = QSize(5 * 24 + 4 * 3, 24))
{
    QImage image(size, QImage::Format_ARGB32);
    image.fill(Qt::white);
    QPainter painter(&image);
    StarRatingWidget::paintStars(&painter, image.rect(), value, QPalette());
    painter.end();
    return image;
}

} // namespace

// The star rating is set by mouse and keyboard, says its value to screen readers, and
// draws whole and half stars.
class TestStarRating : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void clickingAStarSetsTheRating()
    {
        StarRatingWidget widget;
        widget.resize(widget.sizeHint());
        widget.show();
        QVERIFY(QTest::qWaitForWindowExposed(&widget));
        QSignalSpy changed(&widget, &StarRatingWidget::valueChanged);

        QTest::mouseClick(&widget, Qt::LeftButton, {}, starCentre(widget, 3));
        QCOMPARE(widget.value(), 3);
        QCOMPARE(changed.size(), 1);
        QCOMPARE(changed.at(0).at(0).toInt(), 3);

        QTest::mouseClick(&widget, Qt::LeftButton, {}, starCentre(widget, 5));
        QCOMPARE(widget.value(), 5);
        QTest::mouseClick(&widget, Qt::LeftButton, {}, starCentre(widget, 1));
        QCOMPARE(widget.value(), 1);
        QCOMPARE(changed.size(), 3);

        // The same star again is no change.
        QTest::mouseClick(&widget, Qt::LeftButton, {}, starCentre(widget, 1));
        QCOMPARE(changed.size(), 3);
        // A right click is not a rating.
        QTest::mouseClick(&widget, Qt::RightButton, {}, starCentre(widget, 4));
        QCOMPARE(widget.value(), 1);
    }

    void hoverPreviewsWithoutChangingTheValue()
    {
        StarRatingWidget widget;
        widget.resize(widget.sizeHint());
        widget.setValue(1);
        widget.show();
        QVERIFY(QTest::qWaitForWindowExposed(&widget));
        const int oneStar = goldPixels(widget.grab().toImage(), widget.rect());

        QTest::mouseMove(&widget, starCentre(widget, 4));
        QTRY_VERIFY(goldPixels(widget.grab().toImage(), widget.rect()) > 3 * oneStar);
        QCOMPARE(widget.value(), 1);
    }

    void keysChangeTheRating()
    {
        StarRatingWidget widget;
        widget.show();
        QVERIFY(QTest::qWaitForWindowExposed(&widget));
        QCOMPARE(widget.focusPolicy(), Qt::StrongFocus);
        QSignalSpy changed(&widget, &StarRatingWidget::valueChanged);

        QTest::keyClick(&widget, Qt::Key_Right);
        QCOMPARE(widget.value(), 1);
        QTest::keyClick(&widget, Qt::Key_Up);
        QCOMPARE(widget.value(), 2);
        QTest::keyClick(&widget, Qt::Key_Left);
        QCOMPARE(widget.value(), 1);
        QTest::keyClick(&widget, Qt::Key_End);
        QCOMPARE(widget.value(), 5);
        QTest::keyClick(&widget, Qt::Key_Right); // at the top already: no change, no signal
        QCOMPARE(widget.value(), 5);
        QTest::keyClick(&widget, Qt::Key_3);
        QCOMPARE(widget.value(), 3);
        QTest::keyClick(&widget, Qt::Key_Home);
        QCOMPARE(widget.value(), 0);
        QTest::keyClick(&widget, Qt::Key_Left);
        QCOMPARE(widget.value(), 0);
        QTest::keyClick(&widget, Qt::Key_9); // not a rating
        QCOMPARE(widget.value(), 0);

        QList<int> values;
        for (const QList<QVariant> &signal : std::as_const(changed))
            values << signal.at(0).toInt();
        QCOMPARE(values, (QList<int> { 1, 2, 1, 5, 3, 0 }));
    }

    void tabReachesItAndReadOnlyRefusesEdits()
    {
        QWidget window;
        auto *before = new QWidget(&window);
        before->setFocusPolicy(Qt::StrongFocus);
        auto *stars = new StarRatingWidget(&window);
        stars->move(0, 30);
        stars->resize(stars->sizeHint());
        window.show();
        QVERIFY(QTest::qWaitForWindowActive(&window));
        before->setFocus();
        QTest::keyClick(before, Qt::Key_Tab);
        QTRY_VERIFY(stars->hasFocus());

        stars->setValue(2);
        stars->setReadOnly(true);
        QVERIFY(stars->isReadOnly());
        QCOMPARE(stars->focusPolicy(), Qt::NoFocus);
        QTest::keyClick(stars, Qt::Key_Right);
        QTest::mouseClick(stars, Qt::LeftButton, {}, starCentre(*stars, 5));
        QCOMPARE(stars->value(), 2);

        stars->setReadOnly(false);
        QTest::mouseClick(stars, Qt::LeftButton, {}, starCentre(*stars, 5));
        QCOMPARE(stars->value(), 5);
    }

    void saysItsValue()
    {
        StarRatingWidget widget;
        // To a screen reader: a slider named Rating, from 0 to 5, saying its value in words.
        QAccessibleInterface *accessible = QAccessible::queryAccessibleInterface(&widget);
        QVERIFY(accessible);
        QCOMPARE(accessible->role(), QAccessible::Slider);
        QCOMPARE(accessible->text(QAccessible::Name), u"Rating"_s);
        QCOMPARE(accessible->text(QAccessible::Value), u"No stars"_s);
        QAccessibleValueInterface *value = accessible->valueInterface();
        QVERIFY(value);
        QCOMPARE(value->maximumValue().toInt(), 5);
        widget.setValue(3);
        QCOMPARE(accessible->text(QAccessible::Value), u"3 of 5 stars"_s);
        QCOMPARE(value->currentValue().toInt(), 3);
        widget.setValue(9); // clamped
        QCOMPARE(widget.value(), 5);
        QCOMPARE(accessible->text(QAccessible::Value), u"5 of 5 stars"_s);
        // Set through the interface, as assistive technology may.
        value->setCurrentValue(2);
        QCOMPARE(widget.value(), 2);
        // A form's caption names it, and a value does not take that name away.
        widget.setAccessibleName(u"Rating:"_s);
        widget.setValue(4);
        QCOMPARE(accessible->text(QAccessible::Name), u"Rating:"_s);
    }

    void sizeHintFitsFiveStars()
    {
        StarRatingWidget widget;
        const QSize hint = widget.sizeHint();
        QVERIFY(hint.height() >= 16);
        QVERIFY(hint.width() >= 5 * (hint.height() - 4));
        QFont bigger = widget.font();
        bigger.setPointSizeF(bigger.pointSizeF() * 2);
        widget.setFont(bigger);
        QVERIFY(widget.sizeHint().width() > hint.width());
    }

    void paintsWholeAndHalfStars()
    {
        const QRect third(2 * (24 + 3), 0, 24, 24);
        const QRect leftHalf = third.adjusted(0, 0, -12, 0);
        const QRect rightHalf = third.adjusted(13, 0, 0, 0);

        const QImage two = rendered(2.0);
        QCOMPARE(goldPixels(two, third), 0);
        QVERIFY(goldPixels(two, QRect(0, 0, 24, 24)) > 100);

        const QImage twoAndAHalf = rendered(2.5);
        QVERIFY(goldPixels(twoAndAHalf, leftHalf) > 50);
        QCOMPARE(goldPixels(twoAndAHalf, rightHalf), 0);

        // 2.3 rounds to 2.5, 2.2 to 2.
        QCOMPARE(rendered(2.3), twoAndAHalf);
        QCOMPARE(rendered(2.2), two);
        QCOMPARE(goldPixels(rendered(0), QRect(0, 0, 132, 24)), 0);
        QVERIFY(goldPixels(rendered(5), QRect(4 * 27, 0, 24, 24)) > 100);
    }
};

QTEST_MAIN(TestStarRating)
#include "tst_starrating.moc"
