// SPDX-License-Identifier: GPL-3.0-or-later
#include "tests/support/servicefixture.h"
#include "tests/views/guitesting.h"
#include "views/editors/buildingeditor.h"

#include <QLineEdit>
#include <QSignalSpy>
#include <QSpinBox>

using namespace Qt::StringLiterals;
using namespace rentdesk;
using rentdesk::test::clickSave;
using rentdesk::test::showsError;
using rentdesk::test::typeOver;
using rentdesk::test::visibleErrors;
using views::BuildingEditor;

// The building editor saves through the ListingService, and on a refusal stays open with
// the service's reason under the input concerned and everything as typed.
class TestBuildingEditor : public QObject
{
    Q_OBJECT

    struct Inputs
    {
        QLineEdit *name;
        QLineEdit *address;
        QLineEdit *city;
        QSpinBox *floors;
        QSpinBox *year;
    };

    static Inputs inputs(const BuildingEditor &editor)
    {
        return { editor.findChild<QLineEdit *>(u"nameEdit"_s), editor.findChild<QLineEdit *>(u"addressEdit"_s),
                 editor.findChild<QLineEdit *>(u"cityEdit"_s), editor.findChild<QSpinBox *>(u"floorsSpin"_s),
                 editor.findChild<QSpinBox *>(u"yearBuiltSpin"_s) };
    }

    static void fill(const Inputs &in, const QString &name, const QString &floors, const QString &year)
    {
        QTest::keyClicks(in.name, name);
        QTest::keyClicks(in.address, u"12 Bauman Street"_s);
        QTest::keyClicks(in.city, u"Kazan"_s);
        typeOver(in.floors, floors);
        typeOver(in.year, year);
    }

private Q_SLOTS:
    void initTestCase() { QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates)); }

    void createsABuilding()
    {
        test::ServiceFixture fixture;
        QVERIFY2(fixture.isValid(), qPrintable(fixture.errorMessage()));
        const QUuid landlord = fixture.addLandlord();
        BuildingEditor editor(fixture.listings, landlord);
        editor.show();
        QVERIFY(QTest::qWaitForWindowExposed(&editor));
        const Inputs in = inputs(editor);
        QVERIFY(in.name && in.address && in.city && in.floors && in.year);
        QCOMPARE(editor.windowTitle(), u"New building"_s);
        QSignalSpy accepted(&editor, &QDialog::accepted);

        fill(in, u"Kazan Towers"_s, u"12"_s, u"1987"_s);
        clickSave(editor);

        QCOMPARE(accepted.size(), 1);
        QCOMPARE(editor.result(), int(QDialog::Accepted));
        QVERIFY(!editor.isVisible());
        const models::domain::Building saved = editor.building();
        QCOMPARE(saved.name, u"Kazan Towers"_s);
        QCOMPARE(saved.floors, 12);
        QCOMPARE(saved.yearBuilt, std::optional<int>(1987));
        QCOMPARE(saved.ownerId, landlord);
        auto stored = fixture.listings.building(saved.id);
        QVERIFY(stored);
        QCOMPARE(stored->name, u"Kazan Towers"_s);
        QCOMPARE(stored->address, u"12 Bauman Street"_s);
        QCOMPARE(stored->city, u"Kazan"_s);
        QCOMPARE(fixture.count(u"buildings"_s), 1);
    }

    void anUnknownYearIsNone()
    {
        test::ServiceFixture fixture;
        const QUuid landlord = fixture.addLandlord();
        BuildingEditor editor(fixture.listings, landlord);
        editor.show();
        QVERIFY(QTest::qWaitForWindowExposed(&editor));
        const Inputs in = inputs(editor);
        QCOMPARE(in.year->text(), u"Unknown"_s);
        QTest::keyClicks(in.name, u"Old Mill"_s);
        QTest::keyClicks(in.address, u"1 Mill Lane"_s);
        QTest::keyClicks(in.city, u"Leeds"_s);
        clickSave(editor);
        QCOMPARE(editor.result(), int(QDialog::Accepted));
        QCOMPARE(editor.building().yearBuilt, std::nullopt);
        QCOMPARE(editor.building().floors, 1);
    }

    void anEmptyNameIsRefusedNextToTheName()
    {
        test::ServiceFixture fixture;
        const QUuid landlord = fixture.addLandlord();
        const QString reason =
            fixture.listings.createBuilding(landlord, { u" "_s, u"a"_s, u"b"_s, 1, {} }).error().message;
        BuildingEditor editor(fixture.listings, landlord);
        editor.show();
        QVERIFY(QTest::qWaitForWindowActive(&editor));
        const Inputs in = inputs(editor);
        fill(in, u"   "_s, u"5"_s, u"2001"_s);
        clickSave(editor);

        QVERIFY(editor.isVisible());
        QCOMPARE(editor.result(), int(QDialog::Rejected));
        QVERIFY(showsError(editor, u"nameError"_s, reason));
        QCOMPARE(visibleErrors(editor), QStringList { u"nameError"_s });
        QCOMPARE(in.name->property("invalid").toBool(), true);
        QTRY_VERIFY(in.name->hasFocus());
        // Everything typed is still there.
        QCOMPARE(in.name->text(), u"   "_s);
        QCOMPARE(in.address->text(), u"12 Bauman Street"_s);
        QCOMPARE(in.floors->value(), 5);
        QCOMPARE(in.year->value(), 2001);
        QCOMPARE(fixture.count(u"buildings"_s), 0);

        // Typing a name clears the error; saving again succeeds.
        QTest::keyClicks(in.name, u"Kremlin View"_s);
        QVERIFY(visibleErrors(editor).isEmpty());
        clickSave(editor);
        QCOMPARE(editor.result(), int(QDialog::Accepted));
        QCOMPARE(editor.building().name, u"Kremlin View"_s); // trimmed by the service
    }

    void zeroFloorsIsRefusedNextToTheFloors()
    {
        test::ServiceFixture fixture;
        const QUuid landlord = fixture.addLandlord();
        BuildingEditor editor(fixture.listings, landlord);
        editor.show();
        QVERIFY(QTest::qWaitForWindowActive(&editor));
        const Inputs in = inputs(editor);
        fill(in, u"Riverside"_s, u"0"_s, u"2001"_s);
        clickSave(editor);

        QVERIFY(editor.isVisible());
        QVERIFY(showsError(editor, u"floorsError"_s, u"A building has 1 to 300 floors."_s));
        QCOMPARE(visibleErrors(editor), QStringList { u"floorsError"_s });
        QTRY_VERIFY(in.floors->hasFocus());
        QCOMPARE(in.floors->value(), 0);
        QCOMPARE(in.name->text(), u"Riverside"_s);
    }

    void aRenterIsToldWhyInTheGeneralLine()
    {
        test::ServiceFixture fixture;
        const QUuid renter = fixture.addRenter();
        BuildingEditor editor(fixture.listings, renter);
        editor.show();
        QVERIFY(QTest::qWaitForWindowExposed(&editor));
        fill(inputs(editor), u"Riverside"_s, u"3"_s, u"2001"_s);
        clickSave(editor);
        QVERIFY(editor.isVisible());
        QVERIFY(showsError(editor, u"generalError"_s, u"Only landlords can list buildings and apartments."_s));
    }

    void editsAnExistingBuilding()
    {
        test::ServiceFixture fixture;
        const QUuid landlord = fixture.addLandlord();
        auto existing = fixture.listings.building(fixture.addBuilding(landlord, u"Riverside House"_s));
        QVERIFY(existing);
        BuildingEditor editor(fixture.listings, landlord, *existing);
        editor.show();
        QVERIFY(QTest::qWaitForWindowExposed(&editor));
        const Inputs in = inputs(editor);
        QCOMPARE(editor.windowTitle(), u"Edit building"_s);
        QCOMPARE(in.name->text(), u"Riverside House"_s);
        QCOMPARE(in.floors->value(), existing->floors);
        QCOMPARE(in.year->value(), existing->yearBuilt.value_or(-1));

        typeOver(in.city, u"Innopolis"_s);
        typeOver(in.floors, u"10"_s);
        clickSave(editor);
        QCOMPARE(editor.result(), int(QDialog::Accepted));
        QCOMPARE(editor.building().id, existing->id);
        auto stored = fixture.listings.building(existing->id);
        QCOMPARE(stored->city, u"Innopolis"_s);
        QCOMPARE(stored->floors, 10);
        QCOMPARE(fixture.count(u"buildings"_s), 1);
    }
};

QTEST_MAIN(TestBuildingEditor)
#include "tst_buildingeditor.moc"
