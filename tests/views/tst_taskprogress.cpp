// SPDX-License-Identifier: GPL-3.0-or-later
#include "views/widgets/taskprogress.h"

#include <QProgressDialog>
#include <QPushButton>
#include <QTest>
#include <QWidget>

#include <limits>

using namespace Qt::StringLiterals;
using rentdesk::views::TaskProgress;

// The progress window every long task shares: counts past what an int holds, a busy bar for
// an unknown total, Stop only where it is offered, and a stop said once, through step() and
// to an event-driven task alike.
class TestTaskProgress final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void cleanup() { TaskProgress::stopNextAt(-1); }

    void countsPastAnInt()
    {
        QWidget window;
        TaskProgress progress(&window, u"Exporting…"_s, u"Stop"_s);
        QProgressDialog *dialog = progress.dialog();
        QCOMPARE(dialog->parentWidget(), &window);
        QCOMPARE(dialog->windowModality(), Qt::WindowModal);
        const qint64 total = qint64(std::numeric_limits<int>::max()) * 4;
        QVERIFY(progress.step(total / 2, total));
        QCOMPARE(dialog->maximum(), 1000000);
        QCOMPARE(dialog->value(), 500000);
        QVERIFY(progress.step(total, total));
        QCOMPARE(dialog->value(), dialog->maximum());
        QVERIFY(progress.step(40, 100));
        QCOMPARE(dialog->maximum(), 100);
        QCOMPARE(dialog->value(), 40);
        // Not known: busy.
        QVERIFY(progress.step(7, 0));
        QCOMPARE(dialog->maximum(), 0);
        QVERIFY(!progress.wasStopped());
    }

    void stopIsOfferedOnlyWhereSafe()
    {
        QWidget window;
        TaskProgress stoppable(&window, u"Sending…"_s, u"Stop"_s);
        stoppable.dialog()->show();
        QCOMPARE(stoppable.dialog()->findChildren<QPushButton *>().size(), 1);
        TaskProgress unstoppable(&window, u"Importing…"_s, QString());
        unstoppable.dialog()->show();
        QCOMPARE(unstoppable.dialog()->findChildren<QPushButton *>().size(), 0);
    }

    void aStopIsSaidOnce()
    {
        QWidget window;
        TaskProgress progress(&window, u"Sending…"_s, u"Stop"_s);
        int stops = 0;
        progress.onStopped([&] { ++stops; });
        QVERIFY(progress.step(1, 10));
        progress.dialog()->show();
        auto *stop = progress.dialog()->findChild<QPushButton *>();
        QVERIFY(stop);
        QTest::mouseClick(stop, Qt::LeftButton);
        QCOMPARE(stops, 1);
        QVERIFY(progress.wasStopped());
        QVERIFY(!progress.step(2, 10));
        QVERIFY(!progress.callback()(3, 10));
        QCOMPARE(stops, 1);
    }

    // The tests' Stop: the next task only, at its first step that reaches the count.
    void aTestStopsTheNextTaskOnly()
    {
        QWidget window;
        TaskProgress::stopNextAt(5);
        int stops = 0;
        {
            TaskProgress first(&window, u"One…"_s, u"Stop"_s);
            first.onStopped([&] { ++stops; });
            QVERIFY(first.step(4, 10));
            QVERIFY(!first.step(5, 10));
            QCOMPARE(stops, 1);
        }
        TaskProgress second(&window, u"Two…"_s, u"Stop"_s);
        QVERIFY(second.step(10, 10));
        QVERIFY(!second.wasStopped());
    }
};

QTEST_MAIN(TestTaskProgress)
#include "tst_taskprogress.moc"
