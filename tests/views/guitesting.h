// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QAbstractSpinBox>
#include <QApplication>
#include <QCalendarWidget>
#include <QDialog>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTableView>
#include <QTest>
#include <QTimer>

#include <functional>

// QVERIFY and QCOMPARE record a failure and return from the function they are written in, no
// further: in a helper or a lambda the test function goes on after a failed check, to wait for
// a dialog that never comes, act on a null pointer, or leave a timer that fires in the next
// test. After calling such a helper a test function writes this, and stops.
#define RENTDESK_RETURN_IF_FAILED()                                                                                    \
    do {                                                                                                               \
        if (QTest::currentTestFailed())                                                                                \
            return;                                                                                                    \
    } while (false)

// What the editor tests do as a person would: type into inputs by their object names and
// press the dialog's buttons.
namespace rentdesk::test {

// Calls trigger(), which is to open a modal Dialog, and drive(dialog) in the dialog's event
// loop; returns once the dialog has closed. drive() may check with QVERIFY and QCOMPARE: after
// a failed check the dialog is rejected at once instead of staying open until its 30 s timeout,
// and the caller stops with RENTDESK_RETURN_IF_FAILED(). Another kind of modal dialog is
// rejected too, and the timer that drives dies with this call, so a dialog that never opened
// leaves nothing behind to act in a later test.
template<typename Dialog>
void driveModalDialog(const std::function<void()> &trigger, const std::function<void(Dialog *)> &drive)
{
    bool driven = false;
    QTimer driver;
    driver.setSingleShot(true);
    QObject::connect(&driver, &QTimer::timeout, [&] {
        QWidget *modal = QApplication::activeModalWidget();
        auto *dialog = qobject_cast<Dialog *>(modal);
        if (!dialog) {
            if (auto *other = qobject_cast<QDialog *>(modal))
                other->reject();
            return;
        }
        driven = true;
        QTimer::singleShot(30000, dialog, &QDialog::reject); // the test forgot to close it
        drive(dialog);
        if (QTest::currentTestFailed() && dialog->isVisible())
            dialog->reject();
    });
    driver.start(0);
    trigger();
    QVERIFY2(driven, "the expected modal dialog did not open");
}

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
