// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QAbstractSpinBox>
#include <QCalendarWidget>
#include <QDialog>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTableView>
#include <QTest>

// What the editor tests do as a person would: type into inputs by their object names and
// press the dialog's buttons.
namespace rentdesk::test {

// Replaces a spin box's text by typing, as a person selecting all and typing over it.
inline void typeOver(QAbstractSpinBox *spin, const QString &text)
{
    spin->setFocus();
    QTest::keyClick(spin, Qt::Key_A, Qt::ControlModifier);
    QTest::keyClicks(spin, text);
}

inline void typeOver(QLineEdit *edit, const QString &text)
{
    edit->setFocus();
    QTest::keyClick(edit, Qt::Key_A, Qt::ControlModifier);
    QTest::keyClicks(edit, text);
}

inline void clickSave(QDialog &dialog)
{
    auto *save = dialog.findChild<QPushButton *>(QStringLiteral("saveButton"));
    QVERIFY(save);
    QVERIFY(save->isEnabled());
    QTest::mouseClick(save, Qt::LeftButton);
}

// The error line under an input, shown with exactly this text.
inline bool showsError(const QDialog &dialog, const QString &lineName, const QString &message)
{
    const auto *line = dialog.findChild<QLabel *>(lineName);
    return line && line->isVisible() && line->text() == message;
}

// Error lines that are showing, by object name.
inline QStringList visibleErrors(const QDialog &dialog)
{
    QStringList names;
    for (const QLabel *label : dialog.findChildren<QLabel *>()) {
        if (label->objectName().endsWith(QStringLiteral("Error")) && label->isVisible())
            names << label->objectName();
    }
    return names;
}

// The calendar's grid of days.
inline QTableView *dayGrid(QCalendarWidget *calendar)
{
    return calendar->findChild<QTableView *>();
}

// Where the calendar draws a day of the month it shows (or one of the days of the months
// before and after that fill its first and last rows).
inline QPoint dayCentre(QCalendarWidget *calendar, QDate date)
{
    QTableView *grid = dayGrid(calendar);
    const QAbstractItemModel *model = grid->model();
    const QDate first(calendar->yearShown(), calendar->monthShown(), 1);
    // The first cell reading "1" is the first of the month; the other days follow row by row.
    for (int row = 0; row < model->rowCount(); ++row) {
        for (int column = 0; column < model->columnCount(); ++column) {
            if (model->index(row, column).data().toString() != QStringLiteral("1"))
                continue;
            const qint64 cell = row * model->columnCount() + column + first.daysTo(date);
            const QModelIndex index = model->index(int(cell / model->columnCount()), int(cell % model->columnCount()));
            return grid->visualRect(index).center();
        }
    }
    return {};
}

inline void clickDay(QCalendarWidget *calendar, QDate date)
{
    QTest::mouseClick(dayGrid(calendar)->viewport(), Qt::LeftButton, {}, dayCentre(calendar, date));
}

} // namespace rentdesk::test
