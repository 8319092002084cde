// SPDX-License-Identifier: GPL-3.0-or-later
#include "tests/support/servicefixture.h"
#include "tests/views/guitesting.h"
#include "views/editors/apartmenteditor.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QSpinBox>

using namespace Qt::StringLiterals;
using namespace rentdesk;
using rentdesk::test::clickSave;
using rentdesk::test::showsError;
using rentdesk::test::typeOver;
using rentdesk::test::visibleErrors;
using views::ApartmentEditor;

// The apartment editor offers the landlord's buildings, saves through the ListingService,
// and shows a refusal under the input concerned with everything kept as typed.
class TestApartmentEditor : public QObject
{
    Q_OBJECT

    struct Inputs
    {
        QComboBox *building;
        QLineEdit *number;
        QSpinBox *floor;
        QSpinBox *rooms;
        QDoubleSpinBox *area;
        QDoubleSpinBox *price;
        QComboBox *currency;
        QCheckBox *furnished;
        QCheckBox *pets;
        QPlainTextEdit *description;

        [[nodiscard]] bool complete() const
        {
            return building && number && floor && rooms && area && price && currency && furnished && pets
                && description;
        }
    };

    static Inputs inputs(const ApartmentEditor &editor)
    {
        return {
            editor.findChild<QComboBox *>(u"buildingCombo"_s), editor.findChild<QLineEdit *>(u"numberEdit"_s),
            editor.findChild<QSpinBox *>(u"floorSpin"_s),      editor.findChild<QSpinBox *>(u"roomsSpin"_s),
            editor.findChild<QDoubleSpinBox *>(u"areaSpin"_s), editor.findChild<QDoubleSpinBox *>(u"priceSpin"_s),
            editor.findChild<QComboBox *>(u"currencyCombo"_s), editor.findChild<QCheckBox *>(u"furnishedCheck"_s),
            editor.findChild<QCheckBox *>(u"petsCheck"_s),     editor.findChild<QPlainTextEdit *>(u"descriptionEdit"_s)
        };
    }

    static QList<models::domain::Building> buildingsOf(test::ServiceFixture &fixture, const QList<QUuid> &ids)
    {
        QList<models::domain::Building> buildings;
        for (const QUuid &id : ids)
            buildings << *fixture.listings.building(id);
        return buildings;
    }

    // Fills a valid apartment in the dialog's first building.
    static void fill(const Inputs &in, const QString &number, const QString &floor, const QString &area)
    {
        QTest::keyClicks(in.number, number);
        typeOver(in.floor, floor);
        typeOver(in.rooms, u"3"_s);
        typeOver(in.area, area);
        typeOver(in.price, u"45000"_s);
    }

private Q_SLOTS:
    void initTestCase() { QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates)); }

    void createsAnApartmentInTheChosenBuilding()
    {
        test::ServiceFixture fixture;
        QVERIFY2(fixture.isValid(), qPrintable(fixture.errorMessage()));
        const QUuid landlord = fixture.addLandlord();
        const QUuid first = fixture.addBuilding(landlord, u"Riverside House"_s);
        const QUuid second = fixture.addBuilding(landlord, u"Hill Court"_s);
        ApartmentEditor editor(fixture.listings, landlord, buildingsOf(fixture, { first, second }));
        editor.show();
        QVERIFY(QTest::qWaitForWindowActive(&editor));
        const Inputs in = inputs(editor);
        QVERIFY(in.complete());
        QCOMPARE(in.building->count(), 2);
        QCOMPARE(in.currency->count(), 4);

        // The first building is chosen to begin with; the second and pounds are chosen with
        // the keyboard.
        QCOMPARE(in.building->currentText(), u"Riverside House, Kazan"_s);
        in.building->setFocus();
        QTest::keyClick(in.building, Qt::Key_Down);
        QCOMPARE(in.building->currentText(), u"Hill Court, Kazan"_s);
        in.currency->setFocus();
        QTest::keyClicks(in.currency, u"G"_s);
        QCOMPARE(in.currency->currentData().toString(), u"GBP"_s);
        fill(in, u"12A"_s, u"4"_s, u"48.5"_s);
        QTest::mouseClick(in.furnished, Qt::LeftButton);
        QTest::keyClicks(in.description, u"Quiet, with a balcony."_s);
        clickSave(editor);

        QCOMPARE(editor.result(), int(QDialog::Accepted));
        const models::domain::Apartment saved = editor.apartment();
        QCOMPARE(saved.buildingId, second);
        QCOMPARE(saved.number, u"12A"_s);
        QCOMPARE(saved.floor, 4);
        QCOMPARE(saved.rooms, 3);
        QCOMPARE(saved.areaSqm, 48.5);
        QCOMPARE(saved.monthlyPrice, (models::domain::Money { 4500000, u"GBP"_s }));
        QVERIFY(saved.furnished);
        QVERIFY(!saved.petsAllowed);
        auto stored = fixture.listings.apartment(saved.id);
        QVERIFY(stored);
        QCOMPARE(stored->description, u"Quiet, with a balcony."_s);
        QCOMPARE(stored->monthlyPrice, saved.monthlyPrice);
    }

    void refusalsShowUnderTheirInputs_data()
    {
        QTest::addColumn<QString>("number");
        QTest::addColumn<QString>("floor");
        QTest::addColumn<QString>("area");
        QTest::addColumn<QString>("errorLine");
        QTest::addColumn<QString>("message");
        QTest::newRow("number taken") << u"1"_s << u"2"_s << u"40"_s << u"numberError"_s
                                      << u"This building already has an apartment number 1."_s;
        QTest::newRow("floor above the top") << u"7"_s << u"10"_s << u"40"_s << u"floorError"_s
                                             << u"The floor must be between -5 and 9, the building's top floor."_s;
        QTest::newRow("no area") << u"7"_s << u"2"_s << u"0"_s << u"areaError"_s
                                 << u"The area must be more than 0 and at most 100000 m²."_s;
    }

    void refusalsShowUnderTheirInputs()
    {
        QFETCH(QString, number);
        QFETCH(QString, floor);
        QFETCH(QString, area);
        QFETCH(QString, errorLine);
        QFETCH(QString, message);
        test::ServiceFixture fixture;
        const QUuid landlord = fixture.addLandlord();
        const QUuid building = fixture.addBuilding(landlord); // 9 floors
        fixture.addApartment(landlord, building, u"1"_s);
        ApartmentEditor editor(fixture.listings, landlord, buildingsOf(fixture, { building }));
        editor.show();
        QVERIFY(QTest::qWaitForWindowActive(&editor));
        const Inputs in = inputs(editor);
        fill(in, number, floor, area);
        QTest::keyClicks(in.description, u"Typed text stays."_s);
        clickSave(editor);

        QVERIFY(editor.isVisible());
        QVERIFY2(showsError(editor, errorLine, message), qPrintable(visibleErrors(editor).join(u' ')));
        QCOMPARE(visibleErrors(editor), QStringList { errorLine });
        QCOMPARE(in.number->text(), number);
        QCOMPARE(in.floor->text(), floor);
        QCOMPARE(in.price->value(), 45000.0);
        QCOMPARE(in.description->toPlainText(), u"Typed text stays."_s);
        QCOMPARE(fixture.count(u"apartments"_s), 1);
    }

    void withoutBuildingsTheBuildingIsMissing()
    {
        test::ServiceFixture fixture;
        const QUuid landlord = fixture.addLandlord();
        ApartmentEditor editor(fixture.listings, landlord, {});
        editor.show();
        QVERIFY(QTest::qWaitForWindowExposed(&editor));
        const Inputs in = inputs(editor);
        QCOMPARE(in.building->currentIndex(), -1);
        fill(in, u"3"_s, u"1"_s, u"30"_s);
        clickSave(editor);
        QVERIFY(editor.isVisible());
        QCOMPARE(visibleErrors(editor), QStringList { u"buildingIdError"_s });
    }

    void editsAnExistingApartment()
    {
        test::ServiceFixture fixture;
        const QUuid landlord = fixture.addLandlord();
        const QUuid building = fixture.addBuilding(landlord);
        auto existing = fixture.listings.apartment(fixture.addApartment(landlord, building, u"5"_s, 3000000));
        QVERIFY(existing);
        ApartmentEditor editor(fixture.listings, landlord, buildingsOf(fixture, { building }), *existing);
        editor.show();
        QVERIFY(QTest::qWaitForWindowActive(&editor));
        const Inputs in = inputs(editor);
        QCOMPARE(editor.windowTitle(), u"Edit apartment"_s);
        QCOMPARE(in.building->currentData().toUuid(), building);
        QCOMPARE(in.number->text(), u"5"_s);
        QCOMPARE(in.price->value(), 30000.0);
        QCOMPARE(in.currency->currentData().toString(), u"RUB"_s);
        QCOMPARE(in.area->value(), existing->areaSqm);
        QCOMPARE(in.description->toPlainText(), existing->description);

        typeOver(in.price, u"32500.50"_s);
        QTest::mouseClick(in.pets, Qt::LeftButton);
        clickSave(editor);
        QCOMPARE(editor.result(), int(QDialog::Accepted));
        auto stored = fixture.listings.apartment(existing->id);
        QCOMPARE(stored->monthlyPrice, (models::domain::Money { 3250050, u"RUB"_s }));
        QVERIFY(stored->petsAllowed);
        QCOMPARE(stored->number, u"5"_s);
        QCOMPARE(fixture.count(u"apartments"_s), 1);
    }
};

QTEST_MAIN(TestApartmentEditor)
#include "tst_apartmenteditor.moc"
