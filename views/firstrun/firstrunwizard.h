// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/domain/enums.h"
#include "views/settings/mailsettingspage.h"

#include <QWizard>

#include <functional>
#include <optional>

class QButtonGroup;
class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QRadioButton;

namespace rentdesk::net::secrets {
class SecretStore;
}

namespace rentdesk::views {

// Whether RentDesk starts with the first-run assistant: on the first start of a window on this
// computer (no database opened before), and again only when Settings asked for it. The answer
// lives in QSettings (desktop/firstRun).
[[nodiscard]] bool firstRunWanted();
// After the assistant (finished or cancelled), or from Settings to show it at the next start.
void setFirstRunWanted(bool wanted);

// What the person chose in the assistant.
struct FirstRunChoice
{
    enum class Start {
        ThisComputer, // the standalone database on this computer
        Server, // a RentDesk server: the sign-in on it follows
    };
    models::domain::Language language = models::domain::Language::English;
    Start start = Start::ThisComputer;
    bool demoData = false;
    QString serverUrl;
    // The mail server when one was set up (standalone only); nullopt when skipped.
    std::optional<MailSettingsValues> mail;
    std::optional<QString> mailPassword;
};

// The first-run assistant: the language (applied at once through languageChosen, so the rest
// of the assistant reads in it), how to start — on this computer, with or without demo data, or
// on a RentDesk server — and, on this computer, the mail server, which can be skipped.
class FirstRunWizard final : public QWizard
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(FirstRunWizard)

public:
    enum PageId { LanguagePage, StartPage, MailPage };

    struct Context
    {
        models::domain::Language language = models::domain::Language::English;
        // The database "on this computer" would open, and whether it holds data already (demo
        // data goes only into an empty one).
        QString databasePath;
        bool databaseHasData = false;
        // Demo data's size, said on the page.
        int demoApartments = 400;
        // The server address to offer (a saved one), else wss:// to be completed.
        QString serverUrl;
    };

    FirstRunWizard(const Context &context, net::secrets::SecretStore &secrets,
                   std::function<void(models::domain::Language)> languageChosen, QWidget *parent = nullptr);
    ~FirstRunWizard() override;

    [[nodiscard]] FirstRunChoice choice() const;

protected:
    void changeEvent(QEvent *event) override;

private:
    class StartWizardPage;
    class MailWizardPage;

    [[nodiscard]] QWizardPage *createLanguagePage();
    [[nodiscard]] QWizardPage *createStartPage();
    [[nodiscard]] QWizardPage *createMailPage(net::secrets::SecretStore &secrets);
    void retranslate();
    void onStartChanged();

    Context m_context;
    std::function<void(models::domain::Language)> m_languageChosen;
    QWizardPage *m_languagePage = nullptr;
    QComboBox *m_language = nullptr;
    QLabel *m_languageLabel = nullptr;
    QLabel *m_welcome = nullptr;
    StartWizardPage *m_startPage = nullptr;
    QRadioButton *m_thisComputer = nullptr;
    QCheckBox *m_demo = nullptr;
    QLabel *m_demoNote = nullptr;
    QRadioButton *m_server = nullptr;
    QLabel *m_serverLabel = nullptr;
    QLineEdit *m_serverUrl = nullptr;
    QLabel *m_serverError = nullptr;
    MailWizardPage *m_mailPage = nullptr;
    QLabel *m_mailIntro = nullptr;
    QCheckBox *m_setUpMail = nullptr;
    MailSettingsPage *m_mail = nullptr;
};

} // namespace rentdesk::views
