// SPDX-License-Identifier: GPL-3.0-or-later
#include "tests/support/servicefixture.h"
#include "tests/views/guitesting.h"
#include "views/editors/revieweditor.h"
#include "views/widgets/starrating.h"

#include <QPlainTextEdit>

using namespace Qt::StringLiterals;
using namespace rentdesk;
using models::services::ReviewService;
using rentdesk::test::clickSave;
using rentdesk::test::showsError;
using rentdesk::test::visibleErrors;
using views::ReviewEditor;
using views::StarRatingWidget;

namespace {

// Where a person clicks on the n-th star (1-based).
QPoint starCentre(const StarRatingWidget *stars, int n)
{
    const int height = stars->sizeHint().height() - 4;
    const int gap = (StarRatingWidget::starsSize(height).width() - 5 * height) / 4;
    return { 2 + (n - 1) * (height + gap) + height / 2, stars->height() / 2 };
}

} // namespace

// A renter rates an apartment with stars and words through the ReviewService; a second
// review, no stars or no stay are refused where the person can see why.
class TestReviewEditor : public QObject
{
    Q_OBJECT

    std::unique_ptr<test::ServiceFixture> m_fixture;
    QUuid m_renter;
    QUuid m_apartment;

    ReviewService::Target apartmentTarget() const { return { models::domain::ReviewKind::Apartment, m_apartment }; }

private Q_SLOTS:
    void initTestCase() { QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates)); }

    void init()
    {
        m_fixture = std::make_unique<test::ServiceFixture>();
        QVERIFY2(m_fixture->isValid(), qPrintable(m_fixture->errorMessage()));
        const QUuid landlord = m_fixture->addLandlord();
        m_renter = m_fixture->addRenter();
        m_apartment = m_fixture->addApartment(landlord, m_fixture->addBuilding(landlord));
        QVERIFY(!m_fixture->addStay(m_renter, landlord, m_apartment, QDate(2026, 6, 2), QDate(2026, 6, 5)).isNull());
    }

    void cleanup() { m_fixture.reset(); }

    void writesAReview()
    {
        ReviewEditor editor(m_fixture->reviews, m_renter, apartmentTarget(), u"Riverside House, apartment 1"_s);
        editor.show();
        QVERIFY(QTest::qWaitForWindowActive(&editor));
        QCOMPARE(editor.windowTitle(), u"Review the apartment"_s);
        auto *stars = editor.findChild<StarRatingWidget *>(u"ratingStars"_s);
        auto *body = editor.findChild<QPlainTextEdit *>(u"bodyEdit"_s);
        QVERIFY(stars && body);
        QTRY_VERIFY(stars->hasFocus());

        QTest::mouseClick(stars, Qt::LeftButton, {}, starCentre(stars, 4));
        QTest::keyClicks(body, u"Warm and quiet."_s);
        clickSave(editor);

        QCOMPARE(editor.result(), int(QDialog::Accepted));
        QCOMPARE(editor.review().rating, 4);
        QCOMPARE(editor.review().body, u"Warm and quiet."_s);
        QCOMPARE(editor.review().targetApartmentId, std::optional<QUuid>(m_apartment));
        QCOMPARE(m_fixture->listings.apartment(m_apartment)->rating, (models::domain::Rating { 4, 1 }));
    }

    void noStarsIsRefusedNextToTheStars()
    {
        ReviewEditor editor(m_fixture->reviews, m_renter, apartmentTarget(), u"Riverside"_s);
        editor.show();
        QVERIFY(QTest::qWaitForWindowActive(&editor));
        auto *body = editor.findChild<QPlainTextEdit *>(u"bodyEdit"_s);
        auto *stars = editor.findChild<StarRatingWidget *>(u"ratingStars"_s);
        QTest::keyClicks(body, u"Forgot the stars."_s);
        clickSave(editor);

        QVERIFY(editor.isVisible());
        QVERIFY(showsError(editor, u"ratingError"_s, u"Give 1 to 5 stars."_s));
        QCOMPARE(visibleErrors(editor), QStringList { u"ratingError"_s });
        QTRY_VERIFY(stars->hasFocus());
        QCOMPARE(body->toPlainText(), u"Forgot the stars."_s);
        // Choosing stars with the keyboard clears the reason, and saving works.
        QTest::keyClick(stars, Qt::Key_5);
        QVERIFY(visibleErrors(editor).isEmpty());
        clickSave(editor);
        QCOMPARE(editor.result(), int(QDialog::Accepted));
        QCOMPARE(editor.review().rating, 5);
    }

    void aSecondReviewIsRefused()
    {
        QVERIFY(m_fixture->reviews.create(m_renter, apartmentTarget(), 3, u"First."_s));
        ReviewEditor editor(m_fixture->reviews, m_renter, apartmentTarget(), u"Riverside"_s);
        editor.show();
        QVERIFY(QTest::qWaitForWindowExposed(&editor));
        auto *stars = editor.findChild<StarRatingWidget *>(u"ratingStars"_s);
        auto *body = editor.findChild<QPlainTextEdit *>(u"bodyEdit"_s);
        QTest::keyClick(stars, Qt::Key_2);
        QTest::keyClicks(body, u"Second thoughts."_s);
        clickSave(editor);

        QVERIFY(editor.isVisible());
        QVERIFY(showsError(editor, u"targetError"_s, u"You have already reviewed this; edit your review instead."_s));
        QCOMPARE(stars->value(), 2);
        QCOMPARE(body->toPlainText(), u"Second thoughts."_s);
        QCOMPARE(m_fixture->count(u"reviews"_s), 1);
    }

    void noStayNoReview()
    {
        const QUuid stranger = m_fixture->addRenter(u"Stan Stranger"_s);
        ReviewEditor editor(m_fixture->reviews, stranger, apartmentTarget(), u"Riverside"_s);
        editor.show();
        QVERIFY(QTest::qWaitForWindowExposed(&editor));
        QTest::keyClick(editor.findChild<StarRatingWidget *>(u"ratingStars"_s), Qt::Key_4);
        clickSave(editor);
        QVERIFY(editor.isVisible());
        QVERIFY(showsError(editor, u"targetError"_s, u"You can write a review only after a confirmed stay."_s));
    }

    void editsAnExistingReview()
    {
        auto created = m_fixture->reviews.create(m_renter, apartmentTarget(), 4, u"Good."_s);
        QVERIFY(created);
        ReviewEditor editor(m_fixture->reviews, m_renter, *created, u"Riverside"_s);
        editor.show();
        QVERIFY(QTest::qWaitForWindowActive(&editor));
        QCOMPARE(editor.windowTitle(), u"Edit review"_s);
        auto *stars = editor.findChild<StarRatingWidget *>(u"ratingStars"_s);
        auto *body = editor.findChild<QPlainTextEdit *>(u"bodyEdit"_s);
        QCOMPARE(stars->value(), 4);
        QCOMPARE(body->toPlainText(), u"Good."_s);
        QTest::keyClick(stars, Qt::Key_Left);
        QTest::keyClicks(body, u" The heating was slow."_s);
        clickSave(editor);

        QCOMPARE(editor.result(), int(QDialog::Accepted));
        QCOMPARE(editor.review().id, created->id);
        QCOMPARE(m_fixture->reviews.review(created->id)->rating, 3);
        QCOMPARE(m_fixture->reviews.review(created->id)->body, u"Good. The heating was slow."_s);
        QCOMPARE(m_fixture->listings.apartment(m_apartment)->rating, (models::domain::Rating { 3, 1 }));
    }
};

QTEST_MAIN(TestReviewEditor)
#include "tst_revieweditor.moc"
