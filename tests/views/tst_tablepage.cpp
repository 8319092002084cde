// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/demo/demogenerator.h"
#include "models/i18n/translator.h"
#include "tests/itemmodels/flakytablemodel.h"
#include "tests/support/servicefixture.h"
#include "tests/support/testsupport.h"
#include "views/apartments/apartmentspage.h"
#include "views/bookings/bookingspage.h"
#include "views/buildings/buildingspage.h"
#include "views/mainwindow/mainwindow.h"
#include "views/mainwindow/workspace.h"
#include "views/pages/tablepage.h"
#include "views/reviews/reviewspage.h"
#include "views/widgets/messagebar.h"

#include <QAction>
#include <QApplication>
#include <QLabel>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QTabBar>
#include <QTabWidget>
#include <QTableView>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace rentdesk;
using models::itemmodels::PagedTableModel;
using models::itemmodels::ValueRole;
using models::services::DomainError;
using test::FlakyTableModel;
using views::TablePage;

namespace {

// The smallest page: a table of numbers, its texts fixed.
class NumbersPage final : public TablePage
{
public:
    explicit NumbersPage(FlakyTableModel *model)
        : TablePage(u"numbers"_s, model)
        , m_model(model)
    {
    }

protected:
    QString countText(qint64 count) const override { return u"%1 numbers"_s.arg(count); }
    QString emptyText() const override
    {
        return m_model->lastError() ? m_model->lastError()->message : u"No numbers."_s;
    }
    QString detailsHtml(const QUuid &id) const override { return id.isNull() ? u"nothing"_s : u"a number"_s; }

private:
    FlakyTableModel *m_model;
};

// Paints the table now, as the window system would, so that the view asks for its cells.
void paint(QTableView *table)
{
    table->viewport()->repaint();
}

// The first row the table shows.
int topRow(QTableView *table)
{
    return table->rowAt(0);
}

QLabel *label(QWidget *page, const QString &name)
{
    return page->findChild<QLabel *>(name);
}

} // namespace

// A table page whose model fails says so in a bar over the table, once, with the database's
// sentence and Retry; the table asks nothing more meanwhile; Retry after the fault has gone
// reads again, the bar goes and the rows show. Each page of the window has the bar, from
// TablePage. The status bar says when its counts cannot be read.
class TestTablePage final : public QObject
{
    Q_OBJECT

    models::i18n::Translator m_translator;

private Q_SLOTS:
    void initTestCase()
    {
        QSettings().clear();
        QVERIFY(m_translator.switchTo(models::domain::Language::English).rentdesk);
    }

    // Scrolling down with Page Down into rows whose page fails.
    void aFailureInTheMiddleOfScrollingIsShownOnce()
    {
        auto *model = new FlakyTableModel(10000); // the page owns it
        model->failFromRow = 300; // three pages read, then the database breaks
        NumbersPage page(model);
        page.resize(900, 500);
        page.show();
        QVERIFY(QTest::qWaitForWindowExposed(&page));
        model->reload();
        QTableView *table = page.table();
        views::MessageBar *bar = page.failureBar();
        QCOMPARE(bar->objectName(), u"numbersFailureBar"_s);
        paint(table);
        QVERIFY(!bar->isVisible());
        QCOMPARE(label(&page, u"numbersCount"_s)->text(), u"10000 numbers"_s);
        QSignalSpy failed(model, &PagedTableModel::failed);

        table->setFocus();
        QTest::mouseClick(table->viewport(), Qt::LeftButton, {}, table->visualRect(model->index(0, 0)).center());
        int presses = 0;
        while (!model->lastError() && presses++ < 100) {
            QTest::keyClick(table, Qt::Key_PageDown);
            paint(table);
            if (!model->lastError())
                QCOMPARE(model->index(topRow(table), 0).data(ValueRole).toInt(), topRow(table));
        }
        QVERIFY(model->lastError());
        QVERIFY(topRow(table) < 300); // the rows before the fault were all read on the way
        QCOMPARE(model->fetches, 4); // pages 0, 1, 2 and the one that failed
        QTRY_VERIFY(bar->isVisible());
        QCOMPARE(bar->text(), FlakyTableModel::fault().message);
        QCOMPARE(bar->actionButton()->text(), u"Retry"_s);
        // Over the table, not over the page.
        QVERIFY(bar->mapTo(&page, QPoint(0, bar->height())).y() <= table->mapTo(&page, QPoint()).y());
        QVERIFY(bar->width() <= table->width() + 2);

        // Scrolling on and painting again: the table asks for its cells, the model reads nothing.
        const int dataCalls = model->dataCalls;
        for (int i = 0; i < 5; ++i) {
            QTest::keyClick(table, Qt::Key_PageDown);
            paint(table);
        }
        QVERIFY(topRow(table) >= 300);
        QVERIFY(!model->index(topRow(table), 0).data().isValid()); // blank, not made up
        QVERIFY(model->dataCalls > dataCalls + 100);
        QCOMPARE(model->fetches, 4);
        QCOMPARE(model->counts, 1);
        QCoreApplication::processEvents();
        QCOMPARE(failed.size(), 1);
        QVERIFY(bar->isVisible());

        // The fault goes; Retry reads again, the bar goes, the rows show.
        model->failFromRow.reset();
        QTest::mouseClick(bar->actionButton(), Qt::LeftButton);
        QCOMPARE(model->counts, 2);
        QVERIFY(!bar->isVisible());
        QVERIFY(!model->lastError());
        paint(table);
        QVERIFY(model->fetches > 4);
        const int shown = topRow(table);
        QVERIFY(shown >= 0);
        QCOMPARE(model->index(shown, 0).data(ValueRole).toInt(), shown);
        QTest::keyClick(table, Qt::Key_End, Qt::ControlModifier);
        paint(table);
        QCOMPARE(model->index(9999, 1).data(ValueRole).toInt(), 2 * 9999);
        QCoreApplication::processEvents();
        QCOMPARE(failed.size(), 1);
        QVERIFY(!bar->isVisible());
    }

    // A count that fails: the bar, not "0 numbers" nor the empty state; Retry counts again.
    void aFailedCountShowsTheBarInsteadOfAnEmptyTable()
    {
        auto *model = new FlakyTableModel(250);
        model->countFails = true;
        NumbersPage page(model);
        page.resize(900, 500);
        page.show();
        QVERIFY(QTest::qWaitForWindowExposed(&page));
        QSignalSpy failed(model, &PagedTableModel::failed);
        model->reload();
        views::MessageBar *bar = page.failureBar();
        QVERIFY(bar->isVisible());
        QCOMPARE(bar->text(), FlakyTableModel::fault().message);
        QVERIFY(label(&page, u"numbersCount"_s)->text().isEmpty());
        QVERIFY(!label(&page, u"numbersEmptyState"_s)->isVisible());
        QVERIFY(page.table()->isVisible());
        QVERIFY(failed.wait());

        // Retry while the fault lasts: counted once more, reported once more, the bar stays.
        QTest::mouseClick(bar->actionButton(), Qt::LeftButton);
        QCOMPARE(model->counts, 2);
        QVERIFY(failed.wait());
        QCOMPARE(failed.size(), 2);
        QVERIFY(bar->isVisible());

        model->countFails = false;
        QTest::mouseClick(bar->actionButton(), Qt::LeftButton);
        QVERIFY(!bar->isVisible());
        QCOMPARE(label(&page, u"numbersCount"_s)->text(), u"250 numbers"_s);
        QCOMPARE(model->index(249, 0).data(ValueRole).toInt(), 249);
        QCoreApplication::processEvents();
        QCOMPARE(failed.size(), 2);
    }

    // A refusal that retrying cannot change (here: nobody may see these rows) gets no Retry:
    // the empty state says it.
    void aRefusalIsShownAsTheEmptyStateWithoutRetry()
    {
        auto *model = new FlakyTableModel(10);
        model->countFails = true;
        model->countError = DomainError(DomainError::Code::NotAllowed, u"booking"_s, u"viewer"_s, u"Sign in first."_s);
        NumbersPage page(model);
        page.show();
        QVERIFY(QTest::qWaitForWindowExposed(&page));
        model->reload();
        QCoreApplication::processEvents();
        QVERIFY(!page.failureBar()->isVisible());
        QVERIFY(label(&page, u"numbersEmptyState"_s)->isVisible());
        QCOMPARE(label(&page, u"numbersEmptyState"_s)->text(), u"Sign in first."_s);
    }

    // The window's four pages over a real database whose users table another program renames
    // away and back: each page shows the bar with the database's sentence, the status bar says
    // its counts are unavailable, and Retry brings the rows back.
    void everyPageOfTheWindowHasTheBar()
    {
        test::TempDatabase db;
        QVERIFY2(db.isValid(), qPrintable(db.errorMessage()));
        models::demo::DemoOptions options;
        options.apartments = 300;
        options.today = QDate(2026, 6, 1);
        QVERIFY(models::demo::generateDemoData(db.connection(), options));
        models::services::ManualClock clock { QDateTime(options.today, QTime(10, 0), Qt::UTC) };
        models::services::Session session;
        views::Workspace workspace(db.shared(), clock, models::services::Mode::Standalone, session);
        // Signing in is not what this tests (tst_mainwindow clicks through it).
        const auto landlord =
            workspace.accounts.logIn(models::demo::demoLandlord().email, models::demo::demoPassword());
        QVERIFY(landlord);
        views::MainWindow window(workspace);
        session.signIn(*landlord);
        window.resize(1280, 800);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        const QList<TablePage *> pages { window.apartmentsPage(), window.buildingsPage(), window.bookingsPage(),
                                         window.reviewsPage() };
        auto *tabs = window.findChild<QTabWidget *>(u"pageTabs"_s);
        QVERIFY(tabs);
        auto *pending = window.findChild<QLabel *>(u"pendingStatus"_s);
        for (TablePage *page : pages) {
            QVERIFY(page->model()->rowCount() > 0);
            QVERIFY(!page->failureBar()->isVisible());
        }
        const auto showTab = [&](TablePage *page) {
            const int index = tabs->indexOf(page);
            QTest::mouseClick(tabs->tabBar(), Qt::LeftButton, {}, tabs->tabBar()->tabRect(index).center());
            return tabs->currentWidget() == page;
        };

        auto broken = test::executeBehind(
            db.path(),
            { u"ALTER TABLE users RENAME TO users_away"_s, u"ALTER TABLE pending_mutations RENAME TO pending_away"_s });
        QVERIFY2(broken, qPrintable(broken ? QString() : broken.error()));
        window.actions().refresh->trigger();
        QCOMPARE(pending->text(), u"Counts unavailable"_s);
        QVERIFY(!pending->toolTip().isEmpty());
        QVERIFY(!test::looksLikeSql(pending->toolTip()));
        for (TablePage *page : pages) {
            QVERIFY2(showTab(page), qPrintable(page->name()));
            page->table()->viewport()->repaint();
            QTRY_VERIFY2(page->failureBar()->isVisible(), qPrintable(page->name()));
            QVERIFY(page->model()->lastError());
            QCOMPARE(page->failureBar()->text(), page->model()->lastError()->message);
            QVERIFY(!page->failureBar()->text().isEmpty());
            QVERIFY2(!test::looksLikeSql(page->failureBar()->text()), qPrintable(page->failureBar()->text()));
        }

        auto healed = test::executeBehind(
            db.path(),
            { u"ALTER TABLE users_away RENAME TO users"_s, u"ALTER TABLE pending_away RENAME TO pending_mutations"_s });
        QVERIFY2(healed, qPrintable(healed ? QString() : healed.error()));
        for (TablePage *page : pages) {
            QVERIFY(showTab(page));
            QTest::mouseClick(page->failureBar()->actionButton(), Qt::LeftButton);
            QVERIFY2(!page->failureBar()->isVisible(), qPrintable(page->name()));
            page->table()->viewport()->repaint();
            QVERIFY(page->model()->rowCount() > 0);
            QVERIFY(!page->model()->index(0, 0).data().toString().isEmpty());
            QVERIFY(!page->model()->lastError());
        }
        window.actions().refresh->trigger();
        QVERIFY2(pending->text().contains(u"to sync"_s), qPrintable(pending->text()));
    }
};

QTEST_MAIN(TestTablePage)
#include "tst_tablepage.moc"
