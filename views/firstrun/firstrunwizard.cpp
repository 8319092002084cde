// SPDX-License-Identifier: GPL-3.0-or-later
#include "views/firstrun/firstrunwizard.h"

#include "views/accounts/serveraccount.h"
#include "views/widgets/formerrors.h"

#include <QButtonGroup>
#include <QCheckBox>
#include <QComboBox>
#include <QEvent>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QRadioButton>
#include <QSettings>
#include <QStyle>
#include <QVBoxLayout>

#include <algorithm>

namespace rentdesk::views {

using namespace Qt::StringLiterals;
using models::domain::Language;

namespace {

// Unset until the assistant has run once; false when Settings asks for it again.
const QString firstRunKey = QStringLiteral("desktop/firstRun");
// Written whenever a window opens a database (the composition root's key): a computer where
// RentDesk has run before is not a first start, even if it predates the assistant.
const QString lastOpenedKey = QStringLiteral("desktop/lastOpened");

} // namespace

bool firstRunWanted()
{
    const QSettings settings;
    const QVariant done = settings.value(firstRunKey);
    if (done.isValid())
        return !done.toBool();
    return !settings.contains(lastOpenedKey);
}

void setFirstRunWanted(bool wanted)
{
    QSettings().setValue(firstRunKey, !wanted);
}

// How to start: Next is refused, with the reason under the field, for a server address that
// would not do; the mail page follows only on this computer (the server sends a server's mail).
class FirstRunWizard::StartWizardPage final : public QWizardPage
{
public:
    explicit StartWizardPage(FirstRunWizard &wizard)
        : QWizardPage(&wizard)
        , m_wizard(wizard)
    {
    }

    [[nodiscard]] int nextId() const override
    {
        return m_wizard.m_server && m_wizard.m_server->isChecked() ? -1 : int(MailPage);
    }

    bool validatePage() override
    {
        if (!m_wizard.m_server->isChecked())
            return true;
        const QString problem = serverUrlProblem(m_wizard.m_serverUrl->text(), true);
        m_wizard.m_serverError->setText(problem);
        m_wizard.m_serverError->setVisible(!problem.isEmpty());
        if (!problem.isEmpty())
            m_wizard.m_serverUrl->setFocus();
        return problem.isEmpty();
    }

    // The buttons follow the choice: Finish for a server, Next towards the mail server.
    // setFinalPage() is what makes QWizard ask nextId() again while the page shows.
    void choiceChanged() { setFinalPage(m_wizard.m_server->isChecked()); }

private:
    FirstRunWizard &m_wizard;
};

// The mail server, optional: left unticked, nothing is set up (Settings can do it later).
class FirstRunWizard::MailWizardPage final : public QWizardPage
{
public:
    explicit MailWizardPage(FirstRunWizard &wizard)
        : QWizardPage(&wizard)
        , m_wizard(wizard)
    {
    }

    bool validatePage() override { return !m_wizard.m_setUpMail->isChecked() || m_wizard.m_mail->validate(); }

private:
    FirstRunWizard &m_wizard;
};

FirstRunWizard::FirstRunWizard(const Context &context, net::secrets::SecretStore &secrets,
                               std::function<void(Language)> languageChosen, QWidget *parent)
    : QWizard(parent)
    , m_context(context)
    , m_languageChosen(std::move(languageChosen))
{
    setObjectName(u"firstRunWizard"_s);
    // The same look on every desktop, and the pages' texts at their full width.
    setWizardStyle(QWizard::ClassicStyle);
    setOption(QWizard::NoBackButtonOnStartPage);
    setPage(LanguagePage, createLanguagePage());
    setPage(StartPage, createStartPage());
    setPage(MailPage, createMailPage(secrets));
    setStartId(LanguagePage);
    retranslate();
    onStartChanged();
    // Room for the longest page (the mail server's) and for the wrapped notes, which a wizard's
    // layout does not grow for by itself; in font units, so that a larger font gets more room.
    // The pages' headers and the buttons take about nine lines besides the page itself.
    int pageHeight = fontMetrics().height() * 21;
    for (const int id : pageIds())
        pageHeight = std::max(pageHeight, page(id)->sizeHint().height());
    setMinimumSize(fontMetrics().averageCharWidth() * 100, pageHeight + fontMetrics().height() * 9);
}

FirstRunWizard::~FirstRunWizard() = default;

QWizardPage *FirstRunWizard::createLanguagePage()
{
    m_languagePage = new QWizardPage(this);
    m_languagePage->setObjectName(u"languagePage"_s);
    m_welcome = new QLabel(m_languagePage);
    m_welcome->setObjectName(u"welcomeText"_s);
    m_welcome->setWordWrap(true);
    m_language = new QComboBox(m_languagePage);
    m_language->setObjectName(u"languageCombo"_s);
    // Each language in its own name, so that anyone can find theirs.
    m_language->addItem(u"English"_s, int(Language::English));
    m_language->addItem(u"Русский"_s, int(Language::Russian));
    m_language->setCurrentIndex(m_language->findData(int(m_context.language)));
    m_languageLabel = new QLabel(m_languagePage);
    m_languageLabel->setBuddy(m_language);
    connect(m_language, &QComboBox::currentIndexChanged, this, [this] {
        const auto language = Language(m_language->currentData().toInt());
        if (m_languageChosen)
            m_languageChosen(language); // the LanguageChange that follows retranslates the pages
    });

    auto *form = new QFormLayout;
    form->addRow(m_languageLabel, m_language);
    auto *layout = new QVBoxLayout(m_languagePage);
    layout->addWidget(m_welcome);
    layout->addSpacing(fontMetrics().height());
    layout->addLayout(form);
    layout->addStretch();
    return m_languagePage;
}

QWizardPage *FirstRunWizard::createStartPage()
{
    m_startPage = new StartWizardPage(*this);
    m_startPage->setObjectName(u"startPage"_s);
    m_thisComputer = new QRadioButton(m_startPage);
    m_thisComputer->setObjectName(u"thisComputerRadio"_s);
    m_demo = new QCheckBox(m_startPage);
    m_demo->setObjectName(u"demoCheck"_s);
    m_demoNote = new QLabel(m_startPage);
    m_demoNote->setObjectName(u"demoNote"_s);
    m_demoNote->setWordWrap(true);
    m_server = new QRadioButton(m_startPage);
    m_server->setObjectName(u"serverRadio"_s);
    m_serverUrl = new QLineEdit(m_startPage);
    m_serverUrl->setObjectName(u"serverUrlEdit"_s);
    m_serverUrl->setPlaceholderText(u"wss://rentdesk.example.org:8765"_s);
    m_serverUrl->setText(m_context.serverUrl.isEmpty() ? u"wss://"_s : m_context.serverUrl);
    m_serverLabel = new QLabel(m_startPage);
    m_serverLabel->setBuddy(m_serverUrl);
    m_serverError = new QLabel(m_startPage);
    m_serverError->setObjectName(u"serverUrlError"_s);
    FormErrors::prepareLabel(m_serverError); // the error red that reads on the palette

    auto *group = new QButtonGroup(m_startPage);
    group->addButton(m_thisComputer);
    group->addButton(m_server);
    m_thisComputer->setChecked(true);
    // Demo data goes only into an empty database; it is offered at first for one.
    m_demo->setChecked(!m_context.databaseHasData);
    m_demo->setEnabled(!m_context.databaseHasData);
    connect(m_thisComputer, &QRadioButton::toggled, this, &FirstRunWizard::onStartChanged);
    connect(m_serverUrl, &QLineEdit::textEdited, m_serverError, &QLabel::hide);

    const int indent = style()->pixelMetric(QStyle::PM_ExclusiveIndicatorWidth)
        + style()->pixelMetric(QStyle::PM_RadioButtonLabelSpacing);
    auto *thisComputerBox = new QVBoxLayout;
    thisComputerBox->setContentsMargins(indent, 0, 0, 0);
    thisComputerBox->addWidget(m_demo);
    thisComputerBox->addWidget(m_demoNote);
    auto *serverBox = new QFormLayout;
    serverBox->setContentsMargins(indent, 0, 0, 0);
    serverBox->addRow(m_serverLabel, m_serverUrl);
    serverBox->addRow(QString(), m_serverError);

    auto *layout = new QVBoxLayout(m_startPage);
    layout->addWidget(m_thisComputer);
    layout->addLayout(thisComputerBox);
    layout->addSpacing(fontMetrics().height() / 2);
    layout->addWidget(m_server);
    layout->addLayout(serverBox);
    layout->addStretch();
    return m_startPage;
}

QWizardPage *FirstRunWizard::createMailPage(net::secrets::SecretStore &secrets)
{
    m_mailPage = new MailWizardPage(*this);
    m_mailPage->setObjectName(u"mailPage"_s);
    m_mailIntro = new QLabel(m_mailPage);
    m_mailIntro->setObjectName(u"mailIntro"_s);
    m_mailIntro->setWordWrap(true);
    m_setUpMail = new QCheckBox(m_mailPage);
    m_setUpMail->setObjectName(u"setUpMailCheck"_s);
    m_mail = new MailSettingsPage({}, secrets, m_mailPage);
    m_mail->setEnabled(false);
    connect(m_setUpMail, &QCheckBox::toggled, m_mail, &QWidget::setEnabled);
    connect(m_setUpMail, &QCheckBox::toggled, this, [this](bool on) {
        if (on)
            m_mail->setFocus();
    });

    auto *layout = new QVBoxLayout(m_mailPage);
    layout->addWidget(m_mailIntro);
    layout->addWidget(m_setUpMail);
    layout->addWidget(m_mail, 1);
    return m_mailPage;
}

void FirstRunWizard::onStartChanged()
{
    const bool here = m_thisComputer->isChecked();
    m_demo->setEnabled(here && !m_context.databaseHasData);
    m_serverUrl->setEnabled(!here);
    m_serverLabel->setEnabled(!here);
    if (here)
        m_serverError->hide();
    else
        m_serverUrl->setFocus();
    m_startPage->choiceChanged();
}

void FirstRunWizard::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWizard::changeEvent(event);
}

void FirstRunWizard::retranslate()
{
    setWindowTitle(tr("Welcome to RentDesk"));
    m_languagePage->setTitle(tr("Welcome to RentDesk"));
    m_languagePage->setSubTitle(tr("A few questions, and RentDesk is ready."));
    m_welcome->setText(tr("RentDesk keeps buildings, apartments, bookings and reviews for landlords and renters. "
                          "It works on this computer on its own, or with a RentDesk server that landlords and "
                          "renters share. Everything chosen here can be changed later in Settings."));
    m_languageLabel->setText(tr("&Language:"));

    m_startPage->setTitle(tr("How do you want to start?"));
    m_startPage->setSubTitle(tr("You can connect to a server later, and publish what you made here to it."));
    m_thisComputer->setText(tr("&Work on this computer"));
    m_thisComputer->setToolTip(tr("The data is kept in %1.").arg(m_context.databasePath));
    m_demo->setText(tr("Add &demo data (%n apartment(s), two demo accounts)", nullptr, m_context.demoApartments));
    m_demoNote->setText(m_context.databaseHasData
                            ? tr("The database on this computer already has data, so no demo data is added to it.")
                            : tr("Sign in as landlord@rentdesk.example or renter@rentdesk.example with the password "
                                 "shown in the sign-in dialog. Without demo data RentDesk starts empty: create "
                                 "your account in the sign-in dialog."));
    m_server->setText(tr("&Connect to a RentDesk server"));
    m_serverLabel->setText(tr("Ser&ver:"));
    m_serverUrl->setToolTip(tr("The rentdesk-server your landlord or renters use: wss:// (encrypted), or ws:// only "
                               "to this computer."));

    m_mailPage->setTitle(tr("Mail server"));
    m_mailPage->setSubTitle(tr("Optional: you can skip this page and set it up later in Settings."));
    m_mailIntro->setText(tr("RentDesk e-mails renters and landlords when an account is made and when a booking is "
                            "requested, confirmed, declined or cancelled. It sends through your mail provider's "
                            "server; until one is set up, the messages wait in the Mail queue."));
    m_setUpMail->setText(tr("Set &up a mail server now"));
    setButtonText(QWizard::FinishButton, tr("&Start RentDesk"));
}

FirstRunChoice FirstRunWizard::choice() const
{
    FirstRunChoice chosen;
    chosen.language = Language(m_language->currentData().toInt());
    if (m_server->isChecked()) {
        chosen.start = FirstRunChoice::Start::Server;
        chosen.serverUrl = m_serverUrl->text().trimmed();
        return chosen;
    }
    chosen.start = FirstRunChoice::Start::ThisComputer;
    chosen.demoData = m_demo->isEnabled() && m_demo->isChecked();
    if (m_setUpMail->isChecked()) {
        chosen.mail = m_mail->values();
        chosen.mailPassword = m_mail->changedPassword();
    }
    return chosen;
}

} // namespace rentdesk::views
