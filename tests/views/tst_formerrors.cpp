// SPDX-License-Identifier: GPL-3.0-or-later
#include "views/widgets/formerrors.h"

#include <QApplication>
#include <QLabel>
#include <QLineEdit>
#include <QSpinBox>
#include <QTest>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;
using rentdesk::models::services::DomainError;
using rentdesk::views::FormErrors;

namespace {

DomainError refusal(const QString &field, const QString &message)
{
    return DomainError(DomainError::Code::InvalidValue, u"building"_s, field, message);
}

// A small form: a name and a floor count, each with its error line, and a general line.
struct Form
{
    QWidget window;
    QLineEdit *name = new QLineEdit(&window);
    QLabel *nameError = new QLabel(&window);
    QSpinBox *floors = new QSpinBox(&window);
    QLabel *floorsError = new QLabel(&window);
    QLabel *general = new QLabel(&window);
    FormErrors errors;

    Form()
    {
        auto *layout = new QVBoxLayout(&window);
        for (QWidget *widget : std::initializer_list<QWidget *> { name, nameError, floors, floorsError, general })
            layout->addWidget(widget);
        name->setStyleSheet(u"QLineEdit { padding: 1px; }"_s);
        errors.setGeneralLabel(general);
        errors.addField(u"name"_s, name, nameError);
        errors.addField(u"floors"_s, floors, floorsError);
        errors.addField(u"storeys"_s, floors, floorsError); // another name for the same input
    }
};

} // namespace

// A refusal lands next to its field, marks the input and focuses it, keeps what was typed,
// and goes away when the input is edited.
class TestFormErrors : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void showsTheMessageNextToTheNamedField()
    {
        Form form;
        form.window.show();
        QVERIFY(QTest::qWaitForWindowActive(&form.window));
        QVERIFY(form.nameError->isHidden());
        QVERIFY(form.general->isHidden());
        form.floors->setFocus();
        QTest::keyClicks(form.name, u"Riverside"_s);

        form.errors.show(refusal(u"name"_s, u"Enter the building's name."_s));
        QCOMPARE(form.nameError->text(), u"Enter the building's name."_s);
        QVERIFY(form.nameError->isVisible());
        QVERIFY(form.floorsError->isHidden());
        QVERIFY(form.general->isHidden());
        QCOMPARE(form.errors.messageFor(u"name"_s), u"Enter the building's name."_s);
        QCOMPARE(form.name->property("invalid").toBool(), true);
        QVERIFY(form.name->styleSheet().contains(u"invalid"_s));
        QVERIFY(form.name->styleSheet().contains(u"padding: 1px"_s)); // its own rules stay
        QCOMPARE(form.name->accessibleDescription(), u"Enter the building's name."_s);
        QTRY_VERIFY(form.name->hasFocus());
        QCOMPARE(form.name->text(), u"Riverside"_s); // nothing typed is lost
        QVERIFY(form.errors.isShowing());
        // The error line reads in red.
        const QColor color = form.nameError->palette().color(QPalette::WindowText);
        QVERIFY(color.red() > 2 * color.green() && color.red() > 2 * color.blue());
    }

    void editingTheInputClearsItsError()
    {
        Form form;
        form.window.show();
        QVERIFY(QTest::qWaitForWindowActive(&form.window));
        QTest::keyClicks(form.name, u"River"_s);
        form.errors.show(refusal(u"name"_s, u"Too short."_s));
        QTRY_VERIFY(form.name->hasFocus());
        QTest::keyClicks(form.name, u"side"_s);
        QCOMPARE(form.name->text(), u"Riverside"_s);
        QVERIFY(form.nameError->isHidden());
        QVERIFY(form.nameError->text().isEmpty());
        QCOMPARE(form.name->property("invalid").toBool(), false);
        QCOMPARE(form.name->styleSheet(), u"QLineEdit { padding: 1px; }"_s);
        QVERIFY(!form.errors.isShowing());
    }

    void aSpinBoxByAnyOfItsNames()
    {
        Form form;
        form.window.show();
        QVERIFY(QTest::qWaitForWindowActive(&form.window));
        form.errors.show(refusal(u"storeys"_s, u"A building has 1 to 300 floors."_s));
        QVERIFY(form.floorsError->isVisible());
        QCOMPARE(form.floors->property("invalid").toBool(), true);
        QTRY_VERIFY(form.floors->hasFocus());
        QTest::keyClick(form.floors, Qt::Key_Up);
        QCOMPARE(form.floors->value(), 1);
        QVERIFY(form.floorsError->isHidden());
        QCOMPARE(form.floors->property("invalid").toBool(), false);
    }

    void unknownOrNoFieldGoesToTheGeneralLine()
    {
        Form form;
        form.window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&form.window));
        form.errors.show(refusal(QString(), u"Only landlords can list buildings."_s));
        QVERIFY(form.general->isVisible());
        QCOMPARE(form.general->text(), u"Only landlords can list buildings."_s);
        QCOMPARE(form.errors.messageFor(QString()), u"Only landlords can list buildings."_s);

        form.errors.show(refusal(u"colour"_s, u"No such field here."_s));
        QCOMPARE(form.general->text(), u"No such field here."_s);
        QVERIFY(form.nameError->isHidden() && form.floorsError->isHidden());
    }

    void aNewErrorReplacesTheLast()
    {
        Form form;
        form.window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&form.window));
        form.errors.show(refusal(u"name"_s, u"First."_s));
        form.errors.show(refusal(u"floors"_s, u"Second."_s));
        QVERIFY(form.nameError->isHidden());
        QCOMPARE(form.name->property("invalid").toBool(), false);
        QCOMPARE(form.floorsError->text(), u"Second."_s);
        form.errors.clear();
        QVERIFY(form.floorsError->isHidden());
        QVERIFY(!form.errors.isShowing());
    }
};

QTEST_MAIN(TestFormErrors)
#include "tst_formerrors.moc"
