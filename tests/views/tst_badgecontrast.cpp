// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/domain/entities.h"
#include "models/itemmodels/itemroles.h"
#include "views/widgets/badge.h"
#include "views/widgets/celldelegate.h"

#include <QApplication>
#include <QImage>
#include <QPainter>
#include <QStandardItemModel>
#include <QStyleFactory>
#include <QTest>

#include <map>
#include <memory>

using namespace Qt::StringLiterals;
using namespace rentdesk;
using models::itemmodels::CellKind;

namespace {

constexpr QSize CellSize(240, 30);

QPalette lightPalette()
{
    const std::unique_ptr<QStyle> fusion(QStyleFactory::create(u"Fusion"_s));
    return fusion->standardPalette();
}

// A dark Fusion palette, as a desktop's dark theme gives one.
QPalette darkPalette()
{
    QPalette p;
    const QColor window(0x2B, 0x2B, 0x2B);
    const QColor base(0x1E, 0x1E, 0x1E);
    const QColor text(0xE6, 0xE6, 0xE6);
    p.setColor(QPalette::Window, window);
    p.setColor(QPalette::WindowText, text);
    p.setColor(QPalette::Base, base);
    p.setColor(QPalette::AlternateBase, QColor(0x26, 0x26, 0x26));
    p.setColor(QPalette::Text, text);
    p.setColor(QPalette::Button, window);
    p.setColor(QPalette::ButtonText, text);
    p.setColor(QPalette::Highlight, QColor(0x3D, 0x7A, 0xD6));
    p.setColor(QPalette::HighlightedText, Qt::white);
    p.setColor(QPalette::Mid, QColor(0x55, 0x55, 0x55));
    return p;
}

QStandardItem *statusCell(CellKind kind, int value)
{
    auto *item = new QStandardItem;
    item->setData(int(kind), models::itemmodels::CellKindRole);
    item->setData(value, models::itemmodels::ValueRole);
    return item;
}

// Paints the cell as a table does, in the palette, on the palette's base colour.
QImage paintCell(const views::CellDelegate &delegate, const QModelIndex &index, const QPalette &palette, bool selected)
{
    QImage image(CellSize, QImage::Format_ARGB32);
    image.fill(palette.color(QPalette::Base));
    QStyleOptionViewItem option;
    option.rect = image.rect();
    option.palette = palette;
    option.font = QApplication::font();
    option.fontMetrics = QFontMetrics(option.font);
    option.state = QStyle::State_Enabled | QStyle::State_Active;
    if (selected)
        option.state |= QStyle::State_Selected;
    QPainter painter(&image);
    delegate.paint(&painter, option, index);
    painter.end();
    return image;
}

// The badge as drawn: its fill (the commonest colour on the middle line that is not the cell's
// background) and its text (of the badge's pixels, the one furthest from the fill).
struct Drawn
{
    QColor fill;
    QColor text;
};

Drawn drawnBadge(const QImage &image, const QColor &around)
{
    std::map<QRgb, int> counts;
    const int y = image.height() / 2;
    for (int x = 0; x < image.width(); ++x) {
        const QRgb pixel = image.pixel(x, y) & 0xFFFFFF;
        if (pixel != (around.rgb() & 0xFFFFFF))
            ++counts[pixel];
    }
    QRgb fill = 0;
    int most = 0;
    for (const auto &[pixel, count] : counts) {
        if (count > most) {
            most = count;
            fill = pixel;
        }
    }
    // The text: inside the badge, away from its rounded ends (where the fill blends into the
    // cell), the pixel least like the fill.
    int first = -1;
    int last = -1;
    for (int x = 0; x < image.width(); ++x) {
        if ((image.pixel(x, y) & 0xFFFFFF) == fill) {
            first = first < 0 ? x : first;
            last = x;
        }
    }
    QColor text = QColor::fromRgb(fill);
    double furthest = 1.0;
    for (int row = y - 3; row <= y + 3; ++row) {
        for (int x = first + 6; x <= last - 6; ++x) {
            const QColor pixel = QColor::fromRgb(image.pixel(x, row));
            if (pixel.rgb() == around.rgb())
                continue;
            const double ratio = views::contrastRatio(pixel, QColor::fromRgb(fill));
            if (ratio > furthest) {
                furthest = ratio;
                text = pixel;
            }
        }
    }
    return { QColor::fromRgb(fill), text };
}

} // namespace

// Status badges keep their meaning without colour (the status's name is written on them) and
// their text reaches the WCAG AA contrast of 4.5:1 on the badge, in a light and in a dark
// palette, selected or not.
class TestBadgeContrast final : public QObject
{
    Q_OBJECT

    QStandardItemModel m_model;
    views::CellDelegate m_delegate;

    static void addStatus(CellKind kind, int value, const QString &name)
    {
        QTest::addRow("%s", qPrintable(name)) << int(kind) << value << name;
    }

private Q_SLOTS:
    void initTestCase() { QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates)); }

    // The WCAG 2 formula: black on white is 21:1, a colour on itself 1:1, and #767676 the
    // lightest grey that reaches 4.5:1 on white.
    void ratioFollowsWcag()
    {
        QCOMPARE(views::contrastRatio(Qt::black, Qt::white), 21.0);
        QCOMPARE(views::contrastRatio(Qt::white, Qt::black), 21.0);
        QCOMPARE(views::contrastRatio(QColor(0x33, 0x66, 0x99), QColor(0x33, 0x66, 0x99)), 1.0);
        QVERIFY(views::contrastRatio(QColor(0x76, 0x76, 0x76), Qt::white) >= 4.5);
        QVERIFY(views::contrastRatio(QColor(0x77, 0x77, 0x77), Qt::white) < 4.5);
    }

    void everyStatusIsReadableInBothPalettes_data()
    {
        QTest::addColumn<int>("kind");
        QTest::addColumn<int>("value");
        QTest::addColumn<QString>("name");
        using namespace models::domain;
        for (const ApartmentStatus s : allValues<ApartmentStatus>())
            addStatus(CellKind::ApartmentStatus, int(s), u"apartment "_s + displayName(s));
        for (const BookingStatus s : allValues<BookingStatus>())
            addStatus(CellKind::BookingStatus, int(s), u"booking "_s + displayName(s));
        for (const MailStatus s : allValues<MailStatus>())
            addStatus(CellKind::MailStatus, int(s), u"mail "_s + displayName(s));
    }

    void everyStatusIsReadableInBothPalettes()
    {
        QFETCH(int, kind);
        QFETCH(int, value);
        QFETCH(QString, name);
        auto *item = statusCell(CellKind(kind), value);
        m_model.appendRow(item);
        // Meaning without colour: the badge says the status's name.
        QCOMPARE(views::CellDelegate::cellText(item->index()), name.section(u' ', 1));
        for (const bool dark : { false, true }) {
            const QPalette palette = dark ? darkPalette() : lightPalette();
            for (const bool selected : { false, true }) {
                const QImage image = paintCell(m_delegate, item->index(), palette, selected);
                const QColor around = selected ? palette.color(QPalette::Highlight) : palette.color(QPalette::Base);
                const Drawn drawn = drawnBadge(image, around);
                const double ratio = views::contrastRatio(drawn.text, drawn.fill);
                QVERIFY2(ratio >= 4.5,
                         qPrintable(u"%1 palette%2: %3 on %4 is %5:1"_s.arg(
                             dark ? u"dark"_s : u"light"_s, selected ? u", selected"_s : QString(), drawn.text.name(),
                             drawn.fill.name(), QString::number(ratio, 'f', 2))));
            }
        }
    }
};

QTEST_MAIN(TestBadgeContrast)
#include "tst_badgecontrast.moc"
