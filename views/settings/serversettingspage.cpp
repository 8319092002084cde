// SPDX-License-Identifier: GPL-3.0-or-later
#include "views/settings/serversettingspage.h"

#include "net/connection/serverconnection.h"
#include "views/accounts/serveraccount.h"

#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QUrl>

namespace rentdesk::views {

using namespace Qt::StringLiterals;
using net::connection::ServerConnection;

ServerSettingsPage::ServerSettingsPage(const QString &url, ServerConnection &connection,
                                       const ServerAccountDefaults &defaults, QWidget *parent)
    : QWidget(parent)
    , m_connection(connection)
    , m_defaults(defaults)
{
    setObjectName(u"serverSettingsPage"_s);
    m_url = new QLineEdit(url, this);
    m_url->setObjectName(u"serverUrlEdit"_s);
    m_url->setPlaceholderText(u"wss://rentdesk.example.org:8765"_s);
    m_url->setToolTip(tr("The rentdesk-server to chat through: wss:// (encrypted), or ws:// on this computer or "
                         "a trusted network."));
    m_urlError = new QLabel(this);
    m_urlError->setObjectName(u"serverUrlError"_s);
    m_urlError->setWordWrap(true);
    m_urlError->hide();

    const bool signedIn = connection.hasSession();
    m_email = new QLineEdit(signedIn ? connection.user().email : defaults.email, this);
    m_email->setObjectName(u"serverEmailEdit"_s);
    m_password = new QLineEdit(this);
    m_password->setObjectName(u"serverPasswordEdit"_s);
    m_password->setEchoMode(QLineEdit::Password);
    m_password->setPlaceholderText(tr("Only to sign in; it is not kept"));

    m_signIn = new QPushButton(tr("Sign in"), this);
    m_signIn->setObjectName(u"serverSignInButton"_s);
    m_create = new QPushButton(tr("Create account"), this);
    m_create->setObjectName(u"serverCreateButton"_s);
    m_create->setToolTip(tr("Creates an account on the server with this e-mail and password, and your name and "
                            "role here; then signs in."));
    m_signOut = new QPushButton(tr("Sign out"), this);
    m_signOut->setObjectName(u"serverSignOutButton"_s);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_signIn);
    buttons->addWidget(m_create);
    buttons->addWidget(m_signOut);
    buttons->addStretch(1);

    m_status = new QLabel(this);
    m_status->setObjectName(u"serverStatus"_s);
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto *form = new QFormLayout(this);
    form->addRow(tr("Server:"), m_url);
    form->addRow(QString(), m_urlError);
    form->addRow(tr("E-mail:"), m_email);
    form->addRow(tr("Password:"), m_password);
    form->addRow(QString(), buttons);
    form->addRow(QString(), m_status);

    connect(m_signIn, &QPushButton::clicked, this, &ServerSettingsPage::signIn);
    connect(m_password, &QLineEdit::returnPressed, this, &ServerSettingsPage::signIn);
    connect(m_create, &QPushButton::clicked, this, &ServerSettingsPage::createAccount);
    connect(m_signOut, &QPushButton::clicked, this, &ServerSettingsPage::signOut);
    for (QLineEdit *edit : { m_url, m_email, m_password })
        connect(edit, &QLineEdit::textChanged, this, &ServerSettingsPage::updateButtons);

    connect(&connection, &ServerConnection::signedIn, this,
            [this](const net::protocol::UserJson &user, const QString &) {
                m_password->clear();
                showStatus(tr("Signed in as %1 (%2).").arg(user.displayName, user.email), false);
                updateButtons();
            });
    connect(&connection, &ServerConnection::signInFailed, this, [this](const net::protocol::Error &error) {
        showStatus(accountFailureText(error), true);
        updateButtons();
    });
    connect(&connection, &ServerConnection::signedUp, this, [this] {
        showStatus(tr("The account was created; signing in…"), false);
        m_connection.logIn(m_email->text().trimmed(), m_password->text());
    });
    connect(&connection, &ServerConnection::signUpFailed, this,
            [this](const net::protocol::Error &error) { showStatus(error.message, true); });
    connect(&connection, &ServerConnection::problem, this,
            [this](const QString &problem) { showStatus(problem, true); });
    connect(&connection, &ServerConnection::stateChanged, this, &ServerSettingsPage::updateButtons);

    if (signedIn)
        showStatus(tr("Signed in as %1 (%2).").arg(connection.user().displayName, connection.user().email), false);
    updateButtons();
}

ServerSettingsPage::~ServerSettingsPage() = default;

QString ServerSettingsPage::url() const
{
    return m_url->text().trimmed();
}

bool ServerSettingsPage::validate()
{
    const QString problem = serverUrlProblem(url(), false);
    m_urlError->setText(problem);
    m_urlError->setVisible(!problem.isEmpty());
    if (!problem.isEmpty())
        m_url->setFocus();
    return problem.isEmpty();
}

bool ServerSettingsPage::applyUrl()
{
    if (!validate() || url().isEmpty()) {
        if (url().isEmpty())
            showStatus(tr("Give the server's address first."), true);
        return false;
    }
    m_connection.setServerUrl(QUrl(url()));
    return true;
}

void ServerSettingsPage::signIn()
{
    if (m_email->text().trimmed().isEmpty() || m_password->text().isEmpty() || !applyUrl())
        return;
    showStatus(tr("Signing in…"), false);
    m_connection.logIn(m_email->text().trimmed(), m_password->text());
}

void ServerSettingsPage::createAccount()
{
    if (m_email->text().trimmed().isEmpty() || m_password->text().isEmpty() || !applyUrl())
        return;
    showStatus(tr("Creating the account…"), false);
    m_connection.signUp(m_email->text().trimmed(), m_defaults.displayName, m_password->text(), m_defaults.role,
                        m_defaults.language);
}

void ServerSettingsPage::signOut()
{
    m_connection.logOut();
    showStatus(tr("Signed out. Messages not sent yet stay queued for this account."), false);
    updateButtons();
}

void ServerSettingsPage::showStatus(const QString &text, bool problem)
{
    m_status->setText(text);
    m_status->setProperty("problem", problem);
}

void ServerSettingsPage::updateButtons()
{
    const bool filled = !url().isEmpty() && !m_email->text().trimmed().isEmpty() && !m_password->text().isEmpty();
    m_signIn->setEnabled(filled);
    m_create->setEnabled(filled && !m_defaults.displayName.isEmpty());
    m_signOut->setEnabled(m_connection.hasSession());
}

} // namespace rentdesk::views
