// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/demo/demogenerator.h"
#include "models/i18n/translator.h"
#include "net/secrets/secretstore.h"
#include "tests/support/testsupport.h"
#include "views/accounts/serveraccount.h"
#include "views/firstrun/demodataprogress.h"
#include "views/firstrun/firstrunwizard.h"

#include <QAbstractButton>
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QProgressDialog>
#include <QPushButton>
#include <QRadioButton>
#include <QSettings>
#include <QTest>
#include <QTimer>

using namespace Qt::StringLiterals;
using namespace rentdesk;
using models::domain::Language;
using views::FirstRunChoice;
using views::FirstRunWizard;

// The first-run assistant: when it shows, the language it switches at once, the ways to start
// and what each refuses, the mail server it lets one skip; and demo data written behind a
// progress dialog whose Cancel leaves the database as it was.
class TestFirstRunWizard final : public QObject
{
    Q_OBJECT

    models::i18n::Translator m_translator;
    net::secrets::MemorySecretStore m_secrets;

    std::unique_ptr<FirstRunWizard> open(bool hasData = false)
    {
        FirstRunWizard::Context context;
        context.language = Language::English;
        context.databasePath = u"/tmp/rentdesk-first-run.sqlite"_s;
        context.databaseHasData = hasData;
        context.demoApartments = 400;
        auto wizard = std::make_unique<FirstRunWizard>(context, m_secrets,
                                                       [this](Language language) { m_translator.switchTo(language); });
        wizard->show();
        if (!QTest::qWaitForWindowExposed(wizard.get()))
            return nullptr;
        return wizard;
    }

    // Next (or Finish) as the keyboard gives it: Return on the wizard's default button.
    static void next(FirstRunWizard &wizard)
    {
        QAbstractButton *button =
            wizard.button(wizard.currentPage()->isFinalPage() ? QWizard::FinishButton : QWizard::NextButton);
        QVERIFY(button->isVisible() && button->isEnabled());
        QTest::keyClick(button, Qt::Key_Space);
    }

private Q_SLOTS:
    void init()
    {
        QSettings().clear();
        QVERIFY(m_translator.switchTo(Language::English).rentdesk);
    }

    void cleanupTestCase() { QSettings().clear(); }

    // Shown on the first start only; an older RentDesk's settings count as a start; Settings
    // can ask for it again.
    void showsOnceUnlessAskedAgain()
    {
        QVERIFY(views::firstRunWanted());
        views::setFirstRunWanted(false);
        QVERIFY(!views::firstRunWanted());
        views::setFirstRunWanted(true);
        QVERIFY(views::firstRunWanted());

        QSettings().clear();
        QSettings().setValue(u"desktop/lastOpened"_s, u"/tmp/older.sqlite"_s);
        QVERIFY(!views::firstRunWanted());
        views::setFirstRunWanted(true);
        QVERIFY(views::firstRunWanted());
    }

    void aLanguageChosenTranslatesTheAssistantAtOnce()
    {
        auto wizard = open();
        QVERIFY(wizard);
        QCOMPARE(wizard->windowTitle(), u"Welcome to RentDesk"_s);
        auto *language = wizard->findChild<QComboBox *>(u"languageCombo"_s);
        language->setFocus();
        QTest::keyClick(language, Qt::Key_Down);
        QCOMPARE(m_translator.language(), Language::Russian);
        QTRY_COMPARE(wizard->windowTitle(), u"Добро пожаловать в RentDesk"_s); // LanguageChange is posted
        next(*wizard);
        QCOMPARE(wizard->currentId(), int(FirstRunWizard::StartPage));
        QCOMPARE(wizard->findChild<QRadioButton *>(u"thisComputerRadio"_s)->text(), u"&Работать на этом компьютере"_s);
        QCOMPARE(wizard->choice().language, Language::Russian);

        QTest::keyClick(wizard->button(QWizard::BackButton), Qt::Key_Space);
        QCOMPARE(wizard->currentId(), int(FirstRunWizard::LanguagePage));
        language->setFocus();
        QTest::keyClick(language, Qt::Key_Up);
        QTRY_COMPARE(wizard->windowTitle(), u"Welcome to RentDesk"_s);
        QCOMPARE(wizard->choice().language, Language::English);
    }

    // On this computer with demo data is the first choice for an empty database; the mail
    // server can be skipped.
    void thisComputerWithDemoDataAndNoMail()
    {
        auto wizard = open();
        QVERIFY(wizard);
        next(*wizard);
        QVERIFY(wizard->findChild<QRadioButton *>(u"thisComputerRadio"_s)->isChecked());
        auto *demo = wizard->findChild<QCheckBox *>(u"demoCheck"_s);
        QVERIFY(demo->isEnabled() && demo->isChecked());
        QVERIFY(!wizard->currentPage()->isFinalPage());
        next(*wizard);
        QCOMPARE(wizard->currentId(), int(FirstRunWizard::MailPage));
        QVERIFY(!wizard->findChild<QCheckBox *>(u"setUpMailCheck"_s)->isChecked());
        QVERIFY(!wizard->findChild<QLineEdit *>(u"hostEdit"_s)->isEnabled());
        next(*wizard);
        QCOMPARE(wizard->result(), int(QDialog::Accepted));
        const FirstRunChoice choice = wizard->choice();
        QCOMPARE(choice.start, FirstRunChoice::Start::ThisComputer);
        QVERIFY(choice.demoData);
        QVERIFY(!choice.mail);
    }

    // Demo data goes only into an empty database: for one with data it is not offered.
    void noDemoDataForADatabaseWithData()
    {
        auto wizard = open(true);
        QVERIFY(wizard);
        next(*wizard);
        auto *demo = wizard->findChild<QCheckBox *>(u"demoCheck"_s);
        QVERIFY(!demo->isEnabled());
        QVERIFY(!demo->isChecked());
        QVERIFY(wizard->findChild<QLabel *>(u"demoNote"_s)->text().contains(u"already has data"_s));
        QVERIFY(!wizard->choice().demoData);
    }

    // A mail server set up on the page is validated before the assistant ends, and returned.
    void aMailServerIsCheckedAndKept()
    {
        auto wizard = open();
        QVERIFY(wizard);
        next(*wizard);
        next(*wizard);
        auto *setUp = wizard->findChild<QCheckBox *>(u"setUpMailCheck"_s);
        QTest::keyClick(setUp, Qt::Key_Space);
        auto *host = wizard->findChild<QLineEdit *>(u"hostEdit"_s);
        QVERIFY(host->isEnabled());
        QTest::keyClicks(host, u"mail.example.org"_s);
        auto *from = wizard->findChild<QLineEdit *>(u"fromEdit"_s);
        from->clear();
        QTest::keyClicks(from, u"not an address"_s);
        next(*wizard);
        QCOMPARE(wizard->currentId(), int(FirstRunWizard::MailPage)); // refused: the sender
        QVERIFY(wizard->isVisible());
        from->clear();
        QTest::keyClicks(from, u"Flats <flats@example.org>"_s);
        auto *password = wizard->findChild<QLineEdit *>(u"passwordEdit"_s);
        QTest::keyClicks(password, u"secret"_s);
        next(*wizard);
        QCOMPARE(wizard->result(), int(QDialog::Accepted));
        const FirstRunChoice choice = wizard->choice();
        QVERIFY(choice.mail);
        QCOMPARE(choice.mail->smtpUrl, u"smtp://mail.example.org:587"_s);
        QCOMPARE(choice.mailPassword, std::optional<QString>(u"secret"_s));
    }

    // A server needs an address that would do; the assistant then ends there (its server sends
    // the mail), and the sign-in on it follows.
    void aServerNeedsAnAddressThatWouldDo()
    {
        auto wizard = open();
        QVERIFY(wizard);
        next(*wizard);
        auto *server = wizard->findChild<QRadioButton *>(u"serverRadio"_s);
        auto *url = wizard->findChild<QLineEdit *>(u"serverUrlEdit"_s);
        QVERIFY(!url->isEnabled());
        server->setFocus();
        QTest::keyClick(server, Qt::Key_Space);
        QVERIFY(server->isChecked());
        QVERIFY(url->isEnabled());
        QVERIFY(wizard->currentPage()->isFinalPage());
        url->selectAll();
        QTest::keyClicks(url, u"ws://rentdesk.example.org:8765"_s);
        next(*wizard);
        auto *error = wizard->findChild<QLabel *>(u"serverUrlError"_s);
        QVERIFY(wizard->isVisible());
        QVERIFY(error->isVisible());
        QCOMPARE(error->text(), views::serverUrlProblem(u"ws://rentdesk.example.org:8765"_s, true));
        QVERIFY(error->text().contains(u"wss://"_s));
        url->selectAll();
        QTest::keyClicks(url, u"wss://rentdesk.example.org:8765 "_s);
        QVERIFY(!error->isVisible()); // typing takes the reason away
        next(*wizard);
        QCOMPARE(wizard->result(), int(QDialog::Accepted));
        const FirstRunChoice choice = wizard->choice();
        QCOMPARE(choice.start, FirstRunChoice::Start::Server);
        QCOMPARE(choice.serverUrl, u"wss://rentdesk.example.org:8765"_s);
        QVERIFY(!choice.demoData);
        QVERIFY(!choice.mail);
    }

    void demoDataIsWrittenBehindAProgressDialog()
    {
        test::TempDatabase db;
        QVERIFY2(db.isValid(), qPrintable(db.errorMessage()));
        models::demo::DemoOptions options;
        options.apartments = 200;
        options.today = QDate(2026, 6, 1);
        const auto added = views::generateDemoDataWithProgress(db.shared(), options, nullptr);
        QVERIFY2(added, qPrintable(added ? QString() : added.error().message));
        QCOMPARE(added->apartments, 200);
        const auto filled = models::demo::hasData(*db.shared());
        QVERIFY(filled && *filled);
    }

    // Cancel, once the dialog has shown some progress, rolls the whole generation back.
    void cancelLeavesTheDatabaseEmpty()
    {
        test::TempDatabase db;
        QVERIFY2(db.isValid(), qPrintable(db.errorMessage()));
        models::demo::DemoOptions options;
        options.apartments = 20000;
        options.today = QDate(2026, 6, 1);
        int progressSeen = 0;
        QTimer watch;
        connect(&watch, &QTimer::timeout, this, [&progressSeen] {
            for (QWidget *widget : QApplication::topLevelWidgets()) {
                auto *dialog = qobject_cast<QProgressDialog *>(widget);
                if (dialog && dialog->objectName() == u"taskProgress"_s && dialog->isVisible() && dialog->value() > 0
                    && !progressSeen) {
                    progressSeen = dialog->value();
                    QVERIFY(dialog->value() < dialog->maximum());
                    // Its Cancel button, as the keyboard presses it.
                    auto *cancel = dialog->findChild<QPushButton *>();
                    QVERIFY(cancel);
                    QTest::keyClick(cancel, Qt::Key_Space);
                }
            }
        });
        watch.start(10);
        const auto added = views::generateDemoDataWithProgress(db.shared(), options, nullptr);
        watch.stop();
        QVERIFY2(progressSeen > 0, "the dialog showed no progress before the generation ended");
        QVERIFY(!added);
        QVERIFY2(models::demo::isCancelled(added.error()), qPrintable(added.error().message));
        const auto filled = models::demo::hasData(*db.shared());
        QVERIFY(filled && !*filled);
    }
};

QTEST_MAIN(TestFirstRunWizard)
#include "tst_firstrunwizard.moc"
