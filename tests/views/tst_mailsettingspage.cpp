// SPDX-License-Identifier: GPL-3.0-or-later
#include "net/secrets/secretstore.h"
#include "tests/support/faultsmtpserver.h"
#include "tests/support/smtptestserver.h"
#include "tests/views/guitesting.h"
#include "views/settings/mailsettingspage.h"
#include "views/settings/settingsdialog.h"

#include <QApplication>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFile>
#include <QGroupBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTabBar>
#include <QTabWidget>
#include <QTest>
#include <QUrl>

using namespace Qt::StringLiterals;
using namespace rentdesk;
using net::mail::SmtpSecurity;
using rentdesk::test::typeOver;
using views::MailSettingsPage;
using views::MailSettingsValues;
using views::SettingsDialog;
using Fault = test::FaultSmtpServer::Fault;

namespace {

const QString user = u"mailer@example.test"_s;
const QString password = u"пароль-for-tests"_s;

// A store that says it is the keyring, to see the page say where the password is kept.
class KeyringLikeStore final : public net::secrets::SecretStore
{
public:
    void read(const QString &key, QObject *context, ReadCallback done) override { m_memory.read(key, context, done); }
    void write(const QString &key, const QString &secret, QObject *context, WriteCallback done) override
    {
        m_memory.write(key, secret, context, done);
    }
    [[nodiscard]] bool isPersistent() const override { return true; }

private:
    net::secrets::MemorySecretStore m_memory;
};

// The page's inputs by their object names.
struct Fields
{
    explicit Fields(const QWidget &page)
        : security(page.findChild<QComboBox *>(u"securityCombo"_s))
        , host(page.findChild<QLineEdit *>(u"hostEdit"_s))
        , port(page.findChild<QSpinBox *>(u"portSpin"_s))
        , user(page.findChild<QLineEdit *>(u"userEdit"_s))
        , password(page.findChild<QLineEdit *>(u"passwordEdit"_s))
        , caFile(page.findChild<QLineEdit *>(u"caFileEdit"_s))
        , browseCaFile(page.findChild<QPushButton *>(u"browseCaFileButton"_s))
        , from(page.findChild<QLineEdit *>(u"fromEdit"_s))
        , insecureWarning(page.findChild<QLabel *>(u"insecureWarning"_s))
        , testAddress(page.findChild<QLineEdit *>(u"testAddressEdit"_s))
        , sendTest(page.findChild<QPushButton *>(u"sendTestButton"_s))
        , cancelTest(page.findChild<QPushButton *>(u"cancelTestButton"_s))
        , testResult(page.findChild<QLabel *>(u"testResult"_s))
    {
    }
    [[nodiscard]] bool complete() const
    {
        return security && host && port && user && password && caFile && browseCaFile && from && insecureWarning
            && testAddress && sendTest && cancelTest && testResult;
    }
    // Picks the security from the combo box with the keyboard, as a person would.
    void choose(SmtpSecurity wanted) const
    {
        security->setFocus();
        const int target = security->findData(int(wanted));
        while (security->currentIndex() != target)
            QTest::keyClick(security, security->currentIndex() < target ? Qt::Key_Down : Qt::Key_Up);
    }

    QComboBox *security;
    QLineEdit *host;
    QSpinBox *port;
    QLineEdit *user;
    QLineEdit *password;
    QLineEdit *caFile;
    QPushButton *browseCaFile;
    QLineEdit *from;
    QLabel *insecureWarning;
    QLineEdit *testAddress;
    QPushButton *sendTest;
    QPushButton *cancelTest;
    QLabel *testResult;
};

// Selects what the line edit holds and types text over it (an empty text deletes it).
void replaceText(QLineEdit *edit, const QString &text)
{
    edit->setFocus();
    QTest::keyClick(edit, Qt::Key_A, Qt::ControlModifier);
    QTest::keyClick(edit, Qt::Key_Backspace);
    QTest::keyClicks(edit, text);
}

// Clicks the dialog's Mail tab.
void showMailTab(const SettingsDialog &dialog)
{
    auto *tabs = dialog.findChild<QTabWidget *>();
    const int index = tabs->indexOf(dialog.mailPage());
    QTest::mouseClick(tabs->tabBar(), Qt::LeftButton, {}, tabs->tabBar()->tabRect(index).center());
}

QPushButton *okButton(const SettingsDialog &dialog)
{
    return dialog.findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok);
}

} // namespace

// The Settings dialog's Mail tab: fields make the URL (and read it back), the security
// choice moves the usual port and warns about plain text, a value the sender would refuse
// keeps the dialog open with the reason under its field, the password comes from and goes
// to the SecretStore only, and "Send test e-mail" really sends — through aiosmtpd with
// STARTTLS and AUTH — or shows the server's refusal, without blocking the dialog.
class TestMailSettingsPage final : public QObject
{
    Q_OBJECT

    test::SmtpTestServer m_real;

private Q_SLOTS:
    void initTestCase()
    {
        qunsetenv("RENTDESK_SMTP_PASSWORD");
        QSettings().clear();
        QVERIFY2(m_real.start(test::SmtpTestServer::Mode::StartTls, { user, password, {}, false, {}, {} }),
                 qPrintable(m_real.errorString()));
    }

    void urlReadBackFromTheFields_data()
    {
        QTest::addColumn<QString>("url");
        QTest::addColumn<int>("security");
        QTest::addColumn<QString>("host");
        QTest::addColumn<int>("port");
        QTest::addColumn<QString>("userName");
        QTest::newRow("STARTTLS, user with @")
            << u"smtp://ann%40example.org@mail.example.org:587"_s << int(SmtpSecurity::StartTls)
            << u"mail.example.org"_s << 587 << u"ann@example.org"_s;
        QTest::newRow("TLS, no user") << u"smtps://mail.example.org:465"_s << int(SmtpSecurity::ImplicitTls)
                                      << u"mail.example.org"_s << 465 << QString();
        QTest::newRow("relay, other port") << u"smtp+insecure://localhost:2525"_s << int(SmtpSecurity::Insecure)
                                           << u"localhost"_s << 2525 << QString();
        QTest::newRow("Cyrillic user") << u"smtp://%D0%BF%D0%BE%D1%87%D1%82%D0%B0@relay.example.org:587"_s
                                       << int(SmtpSecurity::StartTls) << u"relay.example.org"_s << 587 << u"почта"_s;
    }
    void urlReadBackFromTheFields()
    {
        QFETCH(QString, url);
        QFETCH(int, security);
        QFETCH(QString, host);
        QFETCH(int, port);
        QFETCH(QString, userName);
        net::secrets::MemorySecretStore secrets;
        const MailSettingsValues saved { url, QString(), QString() };
        MailSettingsPage page(saved, secrets);
        const Fields in(page);
        QVERIFY(in.complete());
        QCOMPARE(in.security->currentData().toInt(), security);
        QCOMPARE(in.host->text(), host);
        QCOMPARE(in.port->value(), port);
        QCOMPARE(in.user->text(), userName);
        QCOMPARE(page.values(), saved);
    }

    void fieldsMakeTheUrl()
    {
        net::secrets::MemorySecretStore secrets;
        MailSettingsPage page({}, secrets);
        page.show();
        QVERIFY(QTest::qWaitForWindowExposed(&page));
        const Fields in(page);
        // Nothing typed: mail is off.
        QCOMPARE(page.values(), MailSettingsValues());
        QVERIFY(page.validate());
        QTest::keyClicks(in.host, u" mail.example.org "_s);
        QTest::keyClicks(in.user, u"ann@example.org"_s);
        QCOMPARE(page.values().smtpUrl, u"smtp://ann%40example.org@mail.example.org:587"_s);
        // The sender left empty is the default the mail sender would use, shown as the hint.
        QCOMPARE(in.from->placeholderText(), u"RentDesk <ann@example.org>"_s);
        in.choose(SmtpSecurity::ImplicitTls);
        QCOMPARE(page.values().smtpUrl, u"smtps://ann%40example.org@mail.example.org:465"_s);
        replaceText(in.host, QString());
        QCOMPARE(page.values().smtpUrl, QString());
    }

    void securityMovesTheUsualPortOnly()
    {
        net::secrets::MemorySecretStore secrets;
        MailSettingsPage page({}, secrets);
        page.show();
        QVERIFY(QTest::qWaitForWindowExposed(&page));
        const Fields in(page);
        QCOMPARE(in.port->value(), 587);
        in.choose(SmtpSecurity::ImplicitTls);
        QCOMPARE(in.port->value(), 465);
        in.choose(SmtpSecurity::Insecure);
        QCOMPARE(in.port->value(), 25);
        // A port of one's own stays whatever the security.
        typeOver(in.port, u"2525"_s);
        in.choose(SmtpSecurity::StartTls);
        QCOMPARE(in.port->value(), 2525);
        in.choose(SmtpSecurity::ImplicitTls);
        QCOMPARE(in.port->value(), 2525);
    }

    void noEncryptionWarnsAndHasNoCaFile()
    {
        net::secrets::MemorySecretStore secrets;
        MailSettingsPage page({ u"smtp://mail.example.org:587"_s, u"/etc/ssl/local-ca.pem"_s, QString() }, secrets);
        page.show();
        QVERIFY(QTest::qWaitForWindowExposed(&page));
        const Fields in(page);
        QVERIFY(!in.insecureWarning->isVisible());
        QVERIFY(in.caFile->isEnabled());
        in.choose(SmtpSecurity::Insecure);
        QVERIFY(in.insecureWarning->isVisible());
        QVERIFY(in.insecureWarning->text().contains(u"password"_s));
        QVERIFY(in.insecureWarning->text().contains(u"unencrypted"_s));
        QVERIFY(!in.caFile->isEnabled());
        QVERIFY(!in.browseCaFile->isEnabled());
        QCOMPARE(page.values().caFile, QString());
        QCOMPARE(page.values().smtpUrl, u"smtp+insecure://mail.example.org:25"_s);
        // Back to TLS: the CA file typed before is still there.
        in.choose(SmtpSecurity::StartTls);
        QVERIFY(!in.insecureWarning->isVisible());
        QCOMPARE(page.values().caFile, u"/etc/ssl/local-ca.pem"_s);
    }

    void badValuesKeepTheDialogOpen_data()
    {
        QTest::addColumn<QString>("field"); // the one typed into
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("errorLine");
        QTest::addColumn<QString>("says");
        QTest::newRow("sender without address") << u"fromEdit"_s << u"RentDesk <>"_s << u"fromError"_s << u"sender"_s;
        QTest::newRow("sender with two @")
            << u"fromEdit"_s << u"ann@@example.org"_s << u"fromError"_s << u"ann@@example.org"_s;
        QTest::newRow("missing CA file") << u"caFileEdit"_s << u"/nonexistent/ca.pem"_s << u"caFileError"_s
                                         << u"/nonexistent/ca.pem"_s;
        QTest::newRow("host with a space")
            << u"hostEdit"_s << u"mail example.org"_s << u"hostError"_s << u"mail example.org"_s;
    }
    void badValuesKeepTheDialogOpen()
    {
        QFETCH(QString, field);
        QFETCH(QString, text);
        QFETCH(QString, errorLine);
        QFETCH(QString, says);
        net::secrets::MemorySecretStore secrets;
        SettingsDialog dialog({ models::domain::Language::English, u"/tmp/a.sqlite"_s, {} }, secrets);
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        const Fields in(*dialog.mailPage());
        QTest::keyClicks(in.host, u"mail.example.org"_s);
        QTest::keyClicks(in.user, u"ann@example.org"_s);
        QTest::keyClicks(in.password, u"typed secret"_s);
        replaceText(dialog.findChild<QLineEdit *>(field), text);

        QTest::mouseClick(okButton(dialog), Qt::LeftButton);
        QVERIFY(dialog.isVisible());
        QCOMPARE(dialog.result(), int(QDialog::Rejected));
        // On the Mail tab, the reason under the field, and the field has the focus.
        QVERIFY(dialog.mailPage()->isVisible());
        QVERIFY2(test::visibleErrors(dialog) == QStringList { errorLine },
                 qPrintable(test::visibleErrors(dialog).join(u' ')));
        const auto *error = dialog.findChild<QLabel *>(errorLine);
        QVERIFY2(error->text().contains(says), qPrintable(error->text()));
        QCOMPARE(QApplication::focusWidget(), dialog.findChild<QLineEdit *>(field));
        // Nothing typed is lost.
        QCOMPARE(dialog.findChild<QLineEdit *>(field)->text(), text);
        QCOMPARE(in.user->text(), u"ann@example.org"_s);
        QCOMPARE(in.password->text(), u"typed secret"_s);

        // Corrected, OK closes the dialog; editing cleared the reason.
        replaceText(dialog.findChild<QLineEdit *>(field), field == u"hostEdit" ? u"mail.example.org"_s : QString());
        QVERIFY(!error->isVisible());
        QTest::mouseClick(okButton(dialog), Qt::LeftButton);
        QCOMPARE(dialog.result(), int(QDialog::Accepted));
    }

    void passwordFromAndToTheSecretStoreOnly()
    {
        const QString url = u"smtp://ann%40example.org@mail.example.org:587"_s;
        net::secrets::MemorySecretStore secrets;
        bool written = false;
        secrets.write(url, u"stored secret"_s, this,
                      [&written](const std::expected<void, QString> &done) { written = done.has_value(); });
        QTRY_VERIFY(written);
        {
            SettingsDialog dialog(
                { models::domain::Language::English, u"/tmp/a.sqlite"_s, { url, QString(), QString() } }, secrets);
            dialog.show();
            QVERIFY(QTest::qWaitForWindowExposed(&dialog));
            const Fields in(*dialog.mailPage());
            QCOMPARE(in.password->echoMode(), QLineEdit::Password);
            QCOMPARE(in.password->placeholderText(), u"Kept until RentDesk closes (no keyring found)"_s);
            // Read when the page opened, filled in when the store answered.
            QTRY_COMPARE(in.password->text(), u"stored secret"_s);
            QCOMPARE(dialog.mailPage()->changedPassword(), std::optional<QString>());

            replaceText(in.password, u"new secret"_s);
            QCOMPARE(dialog.mailPage()->changedPassword(), std::optional<QString>(u"new secret"_s));
            QCOMPARE(dialog.mailPage()->password(), u"new secret"_s);
            QTest::mouseClick(okButton(dialog), Qt::LeftButton);
            QCOMPARE(dialog.result(), int(QDialog::Accepted));

            // What the dialog hands the composition root to keep in QSettings holds no password,
            // and the root keeps exactly these three (app/mailsetup.cpp saveMail()).
            const MailSettingsValues values = dialog.values().mail;
            for (const QString &value : { values.smtpUrl, values.caFile, values.from })
                QVERIFY(!value.contains(u"secret"_s));
            QSettings settings;
            settings.setValue(u"mail/smtpUrl"_s, values.smtpUrl);
            settings.setValue(u"mail/caFile"_s, values.caFile);
            settings.setValue(u"mail/from"_s, values.from);
        }
        QSettings settings;
        settings.sync();
        QFile file(settings.fileName());
        QVERIFY2(file.open(QIODevice::ReadOnly), qPrintable(settings.fileName()));
        const QByteArray stored = file.readAll();
        QVERIFY(stored.contains("mail.example.org"));
        QVERIFY(!stored.contains("secret"));
    }

    void saysWhereThePasswordIsKept()
    {
        KeyringLikeStore keyring;
        {
            MailSettingsPage page({}, keyring);
            QCOMPARE(Fields(page).password->placeholderText(), u"Kept in the system keyring"_s);
            QVERIFY(page.findChild<QLabel *>(u"passwordNote"_s)->isHidden());
        }
        qputenv("RENTDESK_SMTP_PASSWORD", "from the environment");
        MailSettingsPage page({}, keyring);
        qunsetenv("RENTDESK_SMTP_PASSWORD");
        const auto *note = page.findChild<QLabel *>(u"passwordNote"_s);
        QVERIFY(!note->isHidden());
        QVERIFY(note->text().contains(u"RENTDESK_SMTP_PASSWORD"_s));
    }

    // Through aiosmtpd with STARTTLS and AUTH, with the values on the page, not yet saved.
    void testMailThroughARealServer()
    {
        net::secrets::MemorySecretStore secrets;
        SettingsDialog dialog({ models::domain::Language::English, u"/tmp/a.sqlite"_s, {} }, secrets);
        dialog.mailPage()->setTestRecipient(u"oliver@example.test"_s);
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        showMailTab(dialog);
        QVERIFY(dialog.mailPage()->isVisible());
        const Fields in(*dialog.mailPage());
        QCOMPARE(in.testAddress->text(), u"oliver@example.test"_s);
        QTest::keyClicks(in.host, u"localhost"_s);
        typeOver(in.port, QString::number(m_real.port()));
        QTest::keyClicks(in.user, user);
        in.password->setFocus();
        in.password->insert(password); // QTest types Latin-1 only
        QTest::keyClicks(in.caFile, m_real.caFile());
        QTest::keyClicks(in.from, u"Maria <maria@example.test>"_s);

        QTest::mouseClick(in.sendTest, Qt::LeftButton);
        // Sending: the button waits, Cancel is offered, and the dialog goes on answering.
        QVERIFY(!in.sendTest->isEnabled());
        QVERIFY(in.cancelTest->isVisible());
        QTRY_VERIFY_WITH_TIMEOUT(in.sendTest->isEnabled(), 30000);
        QCOMPARE(in.testResult->text(), u"Sent to oliver@example.test through localhost:%1."_s.arg(m_real.port()));
        QVERIFY(!in.cancelTest->isVisible());
        QVERIFY(m_real.waitForMessages(1));
        const QJsonObject message = m_real.messages().constLast();
        QCOMPARE(message.value(u"to_address"_s).toString(), u"oliver@example.test"_s);
        QCOMPARE(message.value(u"from_address"_s).toString(), u"maria@example.test"_s);
        QCOMPARE(message.value(u"authenticated_user"_s).toString(), user);
        QVERIFY(message.value(u"tls"_s).toBool());
        dialog.reject();
    }

    void testMailShowsTheServersRefusal()
    {
        test::FaultSmtpServer faulty;
        QVERIFY(faulty.listen());
        QVERIFY(m_real.makeCertificates());
        QVERIFY(faulty.setCertificate(m_real.certFile(u"server.pem"_s), m_real.certFile(u"server.key"_s)));
        faulty.setCredentials(user.toUtf8(), password.toUtf8());
        faulty.setFault(Fault::AuthRefused);

        net::secrets::MemorySecretStore secrets;
        MailSettingsPage page(
            { u"smtp://%1@localhost:%2"_s.arg(QString::fromLatin1(QUrl::toPercentEncoding(user))).arg(faulty.port()),
              m_real.caFile(), QString() },
            secrets);
        page.show();
        QVERIFY(QTest::qWaitForWindowExposed(&page));
        const Fields in(page);
        QTest::keyClicks(in.password, u"wrong password"_s);
        QTest::keyClicks(in.testAddress, u"oliver@example.test"_s);
        QTest::mouseClick(in.sendTest, Qt::LeftButton);
        QVERIFY(!in.sendTest->isEnabled());
        QTRY_VERIFY_WITH_TIMEOUT(in.sendTest->isEnabled(), 30000);
        QVERIFY2(in.testResult->text().contains(u"535"_s), qPrintable(in.testResult->text()));
        QVERIFY(!in.testResult->text().contains(u"wrong password"_s));
        // The password went only after STARTTLS.
        QVERIFY(!faulty.plaintextReceived().contains("AUTH"));
        QVERIFY(faulty.mails().isEmpty());
    }

    void testMailCanBeCancelled()
    {
        test::FaultSmtpServer silent;
        QVERIFY(silent.listen());
        silent.setFault(Fault::Silent);
        net::secrets::MemorySecretStore secrets;
        MailSettingsPage page({ u"smtp+insecure://localhost:%1"_s.arg(silent.port()), QString(), QString() }, secrets);
        page.setTestRecipient(u"oliver@example.test"_s);
        page.show();
        QVERIFY(QTest::qWaitForWindowExposed(&page));
        const Fields in(page);
        QSignalSpy connected(&silent, &test::FaultSmtpServer::connectionOpened);
        QTest::mouseClick(in.sendTest, Qt::LeftButton);
        QVERIFY(connected.wait());
        QVERIFY(!in.sendTest->isEnabled());
        QTest::mouseClick(in.cancelTest, Qt::LeftButton);
        QVERIFY(in.sendTest->isEnabled());
        QVERIFY(!in.cancelTest->isVisible());
        QCOMPARE(in.testResult->text(), u"The test e-mail was cancelled."_s);
        QTRY_COMPARE(silent.openConnections(), 0);
    }

    void testMailNeedsValidSettingsFirst()
    {
        net::secrets::MemorySecretStore secrets;
        MailSettingsPage page({}, secrets);
        page.show();
        QVERIFY(QTest::qWaitForWindowExposed(&page));
        const Fields in(page);
        QTest::keyClicks(in.testAddress, u"oliver@example.test"_s);
        QTest::mouseClick(in.sendTest, Qt::LeftButton);
        QCOMPARE(in.testResult->text(), u"Enter the mail server first."_s);
        QTest::keyClicks(in.host, u"localhost"_s);
        QTest::keyClicks(in.from, u"nobody"_s);
        QTest::mouseClick(in.sendTest, Qt::LeftButton);
        QVERIFY(in.sendTest->isEnabled()); // nothing went
        QVERIFY(page.findChild<QLabel *>(u"fromError"_s)->isVisible());
        QCOMPARE(in.testResult->text(), u"Correct the mail settings above first."_s);
    }
};

QTEST_MAIN(TestMailSettingsPage)
#include "tst_mailsettingspage.moc"
