// SPDX-License-Identifier: GPL-3.0-or-later
#include "views/sync/switchaccountdialog.h"

#include <QListWidget>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace rentdesk;

// File ▸ Switch account: the replicas of this computer and its own database, the one open
// marked and not to be chosen again, and Connect for an account that is not there yet.
class TestSwitchAccountDialog final : public QObject
{
    Q_OBJECT

    static QList<models::sync::ReplicaEntry> replicas()
    {
        models::sync::ReplicaEntry roman;
        roman.path = u"/home/r/replicas/rentdesk.example.org_443_1.sqlite"_s;
        roman.serverUrl = u"wss://rentdesk.example.org"_s;
        roman.email = u"roman@example.org"_s;
        roman.displayName = u"Roman Renter"_s;
        roman.syncedAt = QDateTime(QDate(2026, 12, 1), QTime(9, 30));
        models::sync::ReplicaEntry olga = roman;
        olga.path = u"/home/r/replicas/rentdesk.example.org_443_2.sqlite"_s;
        olga.email = u"olga@example.org"_s;
        olga.displayName = u"Olga Other"_s;
        olga.syncedAt.reset();
        return { roman, olga };
    }

private Q_SLOTS:
    void listsTheAccountsAndThisComputer()
    {
        views::SwitchAccountDialog dialog(replicas(), u"/home/r/rentdesk.sqlite"_s,
                                          u"/home/r/replicas/rentdesk.example.org_443_1.sqlite"_s);
        QListWidget *list = dialog.list();
        QCOMPARE(list->count(), 3);
        QVERIFY(list->item(0)->text().startsWith(u"Roman Renter <roman@example.org> on rentdesk.example.org"_s));
        QVERIFY(list->item(0)->text().endsWith(u"open now"_s));
        QVERIFY(!(list->item(0)->flags() & Qt::ItemIsEnabled)); // the one open is not opened again
        QVERIFY(list->item(1)->text().contains(u"first sync not finished"_s));
        QCOMPARE(list->item(2)->text(), u"This computer only (no server)"_s);

        auto *open = dialog.findChild<QPushButton *>(u"openAccountButton"_s);
        QVERIFY(!open->isEnabled());
        dialog.choose(u"/home/r/replicas/rentdesk.example.org_443_2.sqlite"_s);
        QVERIFY(open->isEnabled());
        QCOMPARE(dialog.chosenPath(), u"/home/r/replicas/rentdesk.example.org_443_2.sqlite"_s);
        dialog.choose(u"/home/r/rentdesk.sqlite"_s);
        QCOMPARE(dialog.chosenPath(), u"/home/r/rentdesk.sqlite"_s);
    }

    void connectAsksForANewAccount()
    {
        views::SwitchAccountDialog dialog(replicas(), u"/home/r/rentdesk.sqlite"_s, u"/home/r/rentdesk.sqlite"_s);
        QSignalSpy connectRequested(&dialog, &views::SwitchAccountDialog::connectRequested);
        dialog.show();
        QTest::mouseClick(dialog.findChild<QPushButton *>(u"connectButton"_s), Qt::LeftButton);
        QCOMPARE(connectRequested.size(), 1);
        QVERIFY(!dialog.isVisible());
        QCOMPARE(dialog.result(), int(QDialog::Rejected));
    }
};

QTEST_MAIN(TestSwitchAccountDialog)
#include "tst_switchaccountdialog.moc"
