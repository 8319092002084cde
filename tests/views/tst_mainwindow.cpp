// SPDX-License-Identifier: GPL-3.0-or-later
#include "i18n/translator.h"
#include "mainwindow/mainwindow.h"

#include <QAction>
#include <QLabel>
#include <QMenuBar>
#include <QTest>

using namespace Qt::StringLiterals;

// The main window opens offscreen, says which database it shows, and speaks Russian.
class TestMainWindow : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void showsTheDatabase()
    {
        rentdesk::views::MainWindow window(u"/tmp/rentdesk.sqlite"_s, 1);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        auto *summary = window.findChild<QLabel *>(u"databaseSummary"_s);
        QVERIFY(summary);
        QVERIFY(summary->text().contains(u"/tmp/rentdesk.sqlite"_s));
        QCOMPARE(window.windowTitle(), u"RentDesk"_s);
    }

    void menusAreTranslated()
    {
        rentdesk::i18n::Translator translator;
        QVERIFY(translator.switchTo(rentdesk::domain::Language::Russian).rentdesk);
        rentdesk::views::MainWindow window(u"/tmp/rentdesk.sqlite"_s, 1);
        QStringList menus;
        for (QAction *action : window.menuBar()->actions())
            menus << action->text();
        QCOMPARE(menus, (QStringList { u"&Файл"_s, u"&Справка"_s }));
    }
};

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
