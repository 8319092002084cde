// SPDX-License-Identifier: GPL-3.0-or-later
#include "net/secrets/secretstore.h"
#include "views/settings/settingsdialog.h"

#include <QCheckBox>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace rentdesk;
using views::SettingsDialog;
using views::SettingsValues;

// The Settings dialog shows the current language and database, returns what was chosen,
// and says that another database file takes a restart (another language and a change of the
// mail settings do not: they are applied at once).
class TestSettingsDialog final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void showsAndReturnsTheChoice()
    {
        const SettingsValues current { models::domain::Language::English, u"/tmp/a.sqlite"_s, {} };
        net::secrets::MemorySecretStore secrets;
        SettingsDialog dialog(current, secrets);
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        auto *language = dialog.findChild<QComboBox *>(u"languageCombo"_s);
        auto *database = dialog.findChild<QLineEdit *>(u"databaseEdit"_s);
        auto *note = dialog.findChild<QLabel *>(u"restartNote"_s);
        QCOMPARE(language->currentText(), u"English"_s);
        QCOMPARE(database->text(), u"/tmp/a.sqlite"_s);
        QVERIFY(!note->isVisible());
        QCOMPARE(dialog.values(), current);

        // Another language is applied at once: no restart, and the note does not claim one.
        language->setFocus();
        QTest::keyClick(language, Qt::Key_Down);
        QCOMPARE(dialog.values().language, models::domain::Language::Russian);
        QVERIFY(!note->isVisible());
        QVERIFY(!views::needsRestart(current, dialog.values()));

        // Another database file takes a restart, and the note says so (of the database only).
        database->selectAll();
        QTest::keyClicks(database, u"/tmp/b.sqlite "_s);
        QCOMPARE(dialog.values().databasePath, u"/tmp/b.sqlite"_s); // trimmed
        QVERIFY(note->isVisible());
        QVERIFY(views::needsRestart(current, dialog.values()));
        QVERIFY2(!note->text().contains(u"language"_s, Qt::CaseInsensitive), qPrintable(note->text()));
        QTest::keyClick(language, Qt::Key_Up);
        QVERIFY(note->isVisible());
        database->setText(u"/tmp/a.sqlite"_s);
        QVERIFY(!note->isVisible());
    }

    void needsRestartIsAboutTheDatabaseOnly()
    {
        const SettingsValues before { models::domain::Language::English, u"/tmp/a.sqlite"_s, {} };
        SettingsValues after = before;
        after.language = models::domain::Language::Russian;
        QVERIFY(!views::needsRestart(before, after));
        after.databasePath = u"/tmp/b.sqlite"_s;
        QVERIFY(views::needsRestart(before, after));
        after.language = before.language;
        QVERIFY(views::needsRestart(before, after));
    }

    void mailNeedsNoRestart()
    {
        const SettingsValues current { models::domain::Language::English, u"/tmp/a.sqlite"_s, {} };
        net::secrets::MemorySecretStore secrets;
        SettingsDialog dialog(current, secrets);
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        auto *host = dialog.findChild<QLineEdit *>(u"hostEdit"_s);
        QVERIFY(host);
        QTest::keyClicks(host, u"mail.example.org"_s);
        QCOMPARE(dialog.values().mail.smtpUrl, u"smtp://mail.example.org:587"_s);
        QVERIFY(dialog.values() != current);
        QVERIFY(!views::needsRestart(current, dialog.values()));
        QVERIFY(!dialog.findChild<QLabel *>(u"restartNote"_s)->isVisible());
    }

    // The first-run assistant can be asked for again; that takes no restart of its own.
    void theFirstRunAssistantCanBeAskedFor()
    {
        const SettingsValues current { models::domain::Language::English, u"/tmp/a.sqlite"_s, {}, false };
        net::secrets::MemorySecretStore secrets;
        SettingsDialog dialog(current, secrets);
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        auto *firstRun = dialog.findChild<QCheckBox *>(u"firstRunCheck"_s);
        QVERIFY(firstRun && !firstRun->isChecked());
        firstRun->setFocus();
        QTest::keyClick(firstRun, Qt::Key_Space);
        QVERIFY(dialog.values().firstRun);
        QVERIFY(!views::needsRestart(current, dialog.values()));
        QVERIFY(!dialog.findChild<QLabel *>(u"restartNote"_s)->isVisible());
    }
};

QTEST_MAIN(TestSettingsDialog)
#include "tst_settingsdialog.moc"
