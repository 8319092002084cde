// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/domain/entities.h"
#include "models/itemmodels/itemroles.h"
#include "views/widgets/badge.h"
#include "views/widgets/celldelegate.h"

#include <QApplication>
#include <QImage>
#include <QPainter>
#include <QStandardItemModel>
#include <QTableView>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace rentdesk;
using models::domain::ApartmentStatus;
using models::domain::BookingStatus;
using models::itemmodels::CellKind;
using views::CellDelegate;

namespace {

constexpr QSize CellSize(220, 28);

QStandardItem *cell(CellKind kind, const QVariant &value, const QString &display = QString())
{
    auto *item = new QStandardItem(display);
    item->setData(int(kind), models::itemmodels::CellKindRole);
    item->setData(value, models::itemmodels::ValueRole);
    return item;
}

QStyleOptionViewItem optionFor(QStyle::State extra = {})
{
    QStyleOptionViewItem option;
    option.rect = QRect(QPoint(0, 0), CellSize);
    option.palette = QApplication::palette();
    option.font = QApplication::font();
    option.fontMetrics = QFontMetrics(option.font);
    option.state = QStyle::State_Enabled | QStyle::State_Active | extra;
    return option;
}

QImage paintCell(const CellDelegate &delegate, const QModelIndex &index, QStyle::State extra = {})
{
    QImage image(CellSize, QImage::Format_ARGB32);
    image.fill(Qt::white);
    QPainter painter(&image);
    delegate.paint(&painter, optionFor(extra), index);
    painter.end();
    return image;
}

bool near(QRgb a, const QColor &b, int tolerance = 8)
{
    return qAbs(qRed(a) - b.red()) <= tolerance && qAbs(qGreen(a) - b.green()) <= tolerance
        && qAbs(qBlue(a) - b.blue()) <= tolerance;
}

int countNear(const QImage &image, const QColor &color, const QRect &area, int tolerance = 8)
{
    int count = 0;
    for (int y = area.top(); y <= area.bottom(); ++y) {
        for (int x = area.left(); x <= area.right(); ++x)
            count += near(image.pixel(x, y), color, tolerance) ? 1 : 0;
    }
    return count;
}

// The badge's colour as drawn: a few pixels into it, on the middle line, where the rounded
// end is solid and the text has not begun.
QColor badgeColorIn(const QImage &image)
{
    const int y = image.height() / 2;
    for (int x = 0; x < image.width() - 4; ++x) {
        if (!near(image.pixel(x, y), Qt::white, 2))
            return QColor(image.pixel(x + 3, y));
    }
    return Qt::white;
}

int goldPixels(const QImage &image)
{
    int count = 0;
    for (int y = 0; y < image.height(); ++y) {
        for (int x = 0; x < image.width(); ++x) {
            const QRgb p = image.pixel(x, y);
            count += (qRed(p) > 200 && qGreen(p) > 140 && qBlue(p) < 80) ? 1 : 0;
        }
    }
    return count;
}

int darkPixels(const QImage &image, const QRect &area)
{
    int count = 0;
    for (int y = area.top(); y <= area.bottom(); ++y) {
        for (int x = area.left(); x <= area.right(); ++x)
            count += qGray(image.pixel(x, y)) < 128 ? 1 : 0;
    }
    return count;
}

} // namespace

// The delegate draws statuses as badges in their own colours, ratings as stars, money and
// dates in the locale, flags as check marks, keeps the selection visible, and asks for
// room enough for all of it.
class TestCellDelegate : public QObject
{
    Q_OBJECT

    QStandardItemModel m_model;
    CellDelegate m_delegate;

    QModelIndex add(QStandardItem *item)
    {
        m_model.appendRow(item);
        return item->index();
    }

private Q_SLOTS:
    void initTestCase() { QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates)); }
    void cleanup()
    {
        m_model.clear();
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
    }

    void apartmentStatusBadgesDifferInColour()
    {
        QList<QColor> seen;
        for (const ApartmentStatus status : models::domain::allValues<ApartmentStatus>()) {
            const QModelIndex index = add(cell(CellKind::ApartmentStatus, QVariant::fromValue(status)));
            const QImage image = paintCell(m_delegate, index);
            const QColor drawn = badgeColorIn(image);
            const views::BadgeColors expected = views::badgeColors(status);
            QVERIFY2(near(drawn.rgb(), expected.background), qPrintable(drawn.name()));
            // The name is written on it in the contrasting colour.
            QVERIFY(countNear(image, expected.text, image.rect(), 40) > 10);
            for (const QColor &other : std::as_const(seen))
                QVERIFY(!near(drawn.rgb(), other, 30));
            seen << drawn;
        }
        QCOMPARE(views::badgeColors(ApartmentStatus::Free).background, QColor(0x2E, 0x7D, 0x32));
    }

    void bookingStatusBadgesDifferInColour()
    {
        QList<QColor> seen;
        for (const BookingStatus status : models::domain::allValues<BookingStatus>()) {
            // A model may give the status as its integer too.
            const QModelIndex index = add(cell(CellKind::BookingStatus, int(status)));
            const QColor drawn = badgeColorIn(paintCell(m_delegate, index));
            QVERIFY2(near(drawn.rgb(), views::badgeColors(status).background), qPrintable(drawn.name()));
            for (const QColor &other : std::as_const(seen))
                QVERIFY(!near(drawn.rgb(), other, 30));
            seen << drawn;
        }
        // Requested and booked are both "waiting": amber.
        QCOMPARE(views::badgeColors(BookingStatus::Requested).background,
                 views::badgeColors(ApartmentStatus::Booked).background);
    }

    void mailStatusBadgesDifferInColour()
    {
        QList<QColor> seen;
        for (const models::domain::MailStatus status : models::domain::allValues<models::domain::MailStatus>()) {
            const QModelIndex index = add(cell(CellKind::MailStatus, QVariant::fromValue(status)));
            QCOMPARE(CellDelegate::cellText(index), models::domain::displayName(status));
            const QColor drawn = badgeColorIn(paintCell(m_delegate, index));
            QVERIFY2(near(drawn.rgb(), views::badgeColors(status).background), qPrintable(drawn.name()));
            for (const QColor &other : std::as_const(seen))
                QVERIFY(!near(drawn.rgb(), other, 30));
            seen << drawn;
        }
        // Waiting mail is amber like a waiting request; a failed one red like a declined one.
        QCOMPARE(views::badgeColors(models::domain::MailStatus::Queued).background,
                 views::badgeColors(BookingStatus::Requested).background);
        QCOMPARE(views::badgeColors(models::domain::MailStatus::Failed).background,
                 views::badgeColors(BookingStatus::Declined).background);
    }

    void badgeTextIsReadable()
    {
        QList<views::BadgeColors> all;
        for (const ApartmentStatus status : models::domain::allValues<ApartmentStatus>())
            all << views::badgeColors(status);
        for (const BookingStatus status : models::domain::allValues<BookingStatus>())
            all << views::badgeColors(status);
        for (const models::domain::MailStatus status : models::domain::allValues<models::domain::MailStatus>())
            all << views::badgeColors(status);
        for (const views::BadgeColors &colors : std::as_const(all))
            QVERIFY2(views::contrastRatio(colors.text, colors.background) >= 4.5, qPrintable(colors.background.name()));
        QCOMPARE(views::contrastingTextColor(Qt::black), QColor(Qt::white));
        QVERIFY(views::contrastingTextColor(Qt::yellow).lightness() < 50);
    }

    void selectionStaysVisible()
    {
        const QModelIndex index = add(cell(CellKind::ApartmentStatus, QVariant::fromValue(ApartmentStatus::Rented)));
        const QColor highlight = QApplication::palette().color(QPalette::Active, QPalette::Highlight);
        const QRect rightEnd(CellSize.width() - 30, 4, 20, CellSize.height() - 8);
        const QImage plain = paintCell(m_delegate, index);
        const QImage selected = paintCell(m_delegate, index, QStyle::State_Selected);
        QCOMPARE(countNear(plain, highlight, rightEnd), 0);
        QCOMPARE(countNear(selected, highlight, rightEnd), rightEnd.width() * rightEnd.height());
        // The badge keeps its colour on the selected row.
        QVERIFY(near(badgeColorIn(plain).rgb(), views::badgeColors(ApartmentStatus::Rented).background));
    }

    void ratingsAsStarsAndText()
    {
        const QModelIndex rated = add(cell(CellKind::Rating, QVariant::fromValue(models::domain::Rating { 13, 3 })));
        const QModelIndex unrated = add(cell(CellKind::Rating, QVariant::fromValue(models::domain::Rating { 0, 0 })));
        QCOMPARE(CellDelegate::cellText(rated), u"4.3 (3)"_s);
        QCOMPARE(CellDelegate::cellText(unrated), u"not rated"_s);
        QVERIFY(goldPixels(paintCell(m_delegate, rated)) > 100);
        const QImage none = paintCell(m_delegate, unrated);
        QCOMPARE(goldPixels(none), 0);
        QVERIFY(darkPixels(none, none.rect()) > 10); // the words "not rated"

        QLocale::setDefault(QLocale(QLocale::Russian, QLocale::Russia));
        QCOMPARE(CellDelegate::ratingText(4.25, 1200), u"4,3 (1\u00A0200)"_s);
    }

    void starsFillWithTheValue()
    {
        const QModelIndex two = add(cell(CellKind::Stars, 2));
        const QModelIndex five = add(cell(CellKind::Stars, 5));
        const int twoGold = goldPixels(paintCell(m_delegate, two));
        const int fiveGold = goldPixels(paintCell(m_delegate, five));
        QVERIFY(twoGold > 50);
        QVERIFY(fiveGold > 2 * twoGold);
        QCOMPARE(CellDelegate::cellText(two), u"2 of 5 stars"_s);
    }

    void flagsAsCheckMarks()
    {
        const QModelIndex yes = add(cell(CellKind::Flag, true, u"Yes"_s));
        const QModelIndex no = add(cell(CellKind::Flag, false, u"No"_s));
        const QImage checked = paintCell(m_delegate, yes);
        const QImage empty = paintCell(m_delegate, no);
        QVERIFY(darkPixels(checked, checked.rect()) > 5);
        QCOMPARE(darkPixels(empty, empty.rect()), 0); // not even the model's "No"
    }

    void textInTheLocale()
    {
        const QModelIndex money =
            add(cell(CellKind::Money, QVariant::fromValue(models::domain::Money { 450000, u"RUB"_s })));
        const QModelIndex date = add(cell(CellKind::Date, QDate(2026, 6, 1)));
        const QModelIndex kind =
            add(cell(CellKind::ReviewKind, QVariant::fromValue(models::domain::ReviewKind::Landlord)));
        const QModelIndex text = add(cell(CellKind::Text, u"Riverside"_s, u"Riverside House"_s));
        const QModelIndex broken = add(cell(CellKind::BookingStatus, u"nonsense"_s, u"?"_s));
        QCOMPARE(CellDelegate::cellText(money), u"\u20BD4,500.00"_s);
        QCOMPARE(CellDelegate::cellText(date), u"6/1/26"_s);
        QCOMPARE(CellDelegate::cellText(kind), models::domain::displayName(models::domain::ReviewKind::Landlord));
        QCOMPARE(CellDelegate::cellText(text), u"Riverside House"_s);
        // A value the kind cannot read falls back to what the model displays.
        QCOMPARE(CellDelegate::cellText(broken), u"?"_s);

        QLocale::setDefault(QLocale(QLocale::Russian, QLocale::Russia));
        QCOMPARE(CellDelegate::cellText(date), u"01.06.2026"_s);
        QVERIFY(CellDelegate::cellText(money).endsWith(u"\u20BD"_s));
    }

    void sizeHintFitsBadgesAndStars()
    {
        const QModelIndex status = add(cell(CellKind::BookingStatus, QVariant::fromValue(BookingStatus::Completed)));
        const QModelIndex rating = add(cell(CellKind::Rating, QVariant::fromValue(models::domain::Rating { 9, 2 })));
        const QModelIndex stars = add(cell(CellKind::Stars, 4));
        const QStyleOptionViewItem option = optionFor();

        const QSize badge =
            views::badgeSize(models::domain::displayName(BookingStatus::Completed), views::badgeFont(option.font));
        QVERIFY(m_delegate.sizeHint(option, status).width() > badge.width());
        QVERIFY(m_delegate.sizeHint(option, status).height() >= badge.height());

        const int starsWidth = 5 * option.fontMetrics.height();
        QVERIFY(m_delegate.sizeHint(option, stars).width() > starsWidth);
        QVERIFY(m_delegate.sizeHint(option, rating).width()
                > starsWidth + option.fontMetrics.horizontalAdvance(u"4.5"_s));
    }

    void drawsInARealTable()
    {
        QTableView view;
        view.setItemDelegate(&m_delegate);
        view.setModel(&m_model);
        for (const ApartmentStatus status : models::domain::allValues<ApartmentStatus>())
            add(cell(CellKind::ApartmentStatus, QVariant::fromValue(status)));
        view.resizeColumnsToContents();
        view.resize(400, 200);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        view.selectRow(1);
        const QImage image = view.viewport()->grab().toImage();
        for (int row = 0; row < m_model.rowCount(); ++row) {
            const QRect rect = view.visualRect(m_model.index(row, 0));
            const auto status = m_model.index(row, 0).data(models::itemmodels::ValueRole).value<ApartmentStatus>();
            const QColor badge = views::badgeColors(status).background;
            QVERIFY2(countNear(image, badge, rect) > 50, qPrintable(badge.name()));
        }
        const QColor highlight = view.palette().color(QPalette::Active, QPalette::Highlight);
        const QRect selected = view.visualRect(m_model.index(1, 0));
        const QRect unselected = view.visualRect(m_model.index(0, 0));
        QVERIFY(countNear(image, highlight, selected, 12) > 20);
        QCOMPARE(countNear(image, highlight, unselected, 12), 0);
        view.setItemDelegate(nullptr);
    }
};

QTEST_MAIN(TestCellDelegate)
#include "tst_celldelegate.moc"
