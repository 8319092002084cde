// SPDX-License-Identifier: GPL-3.0-or-later
#include "views/accounts/logindialog.h"

#include "net/connection/serverconnection.h"
#include "net/sync/replicasession.h"
#include "views/accounts/serveraccount.h"
#include "views/mainwindow/workspace.h"
#include "views/widgets/formerrors.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QFutureWatcher>
#include <QGroupBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTabWidget>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

namespace rentdesk::views {

using namespace Qt::StringLiterals;
using models::services::DomainError;
using UserResult = models::services::Result<models::domain::User>;

LoginDialog::LoginDialog(Workspace &workspace, QWidget *parent)
    : QDialog(parent)
    , m_workspace(workspace)
{
    setObjectName(u"loginDialog"_s);
    setWindowTitle(tr("Sign in to RentDesk"));
    m_tabs = new QTabWidget(this);
    m_tabs->setObjectName(u"loginTabs"_s);
    m_tabs->addTab(createSignInTab(), tr("Sign in"));
    m_tabs->addTab(createSignUpTab(), tr("Create an account"));

    m_status = new QLabel(this);
    m_status->setObjectName(u"loginStatus"_s);
    m_status->hide();

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(createWhereRow());
    layout->addWidget(m_tabs);
    layout->addWidget(m_status);
    layout->addWidget(buttons);
    setMinimumWidth(420);
    m_hashing.setMaxThreadCount(1);
    connectToServerSignals();
    onWhereChanged();
    // Typing starts in the e-mail field, whatever the style's default focus would be; in the
    // password field when the account is known (signing in again to a replica's server).
    if (m_workspace.replica)
        m_password->setFocus();
    else
        m_email->setFocus();
}

QWidget *LoginDialog::createWhereRow()
{
    auto *row = new QWidget(this);
    m_where = new QComboBox(row);
    m_where->setObjectName(u"whereCombo"_s);
    m_server = new QLineEdit(row);
    m_server->setObjectName(u"serverUrlEdit"_s);
    m_server->setPlaceholderText(u"wss://rentdesk.example.org:8765"_s);
    m_server->setToolTip(tr("The rentdesk-server your landlord or renters use: wss:// (encrypted), or ws:// only "
                            "to this computer."));
    m_serverError = errorLabel(u"serverUrlError"_s);
    auto *form = new QFormLayout(row);
    form->setContentsMargins(0, 0, 0, 0);
    form->addRow(tr("&Where:"), m_where);
    form->addRow(tr("Ser&ver:"), m_server);
    form->addRow(QString(), m_serverError);

    if (const net::sync::ReplicaSession *replica = m_workspace.replica) {
        // A connected replica belongs to one account on one server.
        m_where->addItem(tr("On the server"), true);
        m_server->setText(m_workspace.connection->serverUrl().toString());
        m_server->setReadOnly(true);
        m_email->setText(replica->account().email);
        m_tabs->setTabEnabled(1, false);
        m_where->setEnabled(false);
    } else {
        m_where->addItem(tr("On this computer"), false);
        if (m_workspace.connection)
            m_where->addItem(tr("On a server"), true);
        m_where->setEnabled(m_where->count() > 1);
        // The server this window's connection knows (the settings', or --server), else a start.
        const QUrl known = m_workspace.connection ? m_workspace.connection->serverUrl() : QUrl();
        m_server->setText(known.isEmpty() ? u"wss://"_s : known.toString());
    }
    connect(m_where, &QComboBox::currentIndexChanged, this, &LoginDialog::onWhereChanged);
    row->setVisible(m_where->count() > 1 || m_workspace.replica);
    return row;
}

void LoginDialog::chooseServer(const QString &url)
{
    const int index = m_where->findData(true);
    if (index < 0)
        return;
    m_where->setCurrentIndex(index);
    if (!url.isEmpty() && !m_server->isReadOnly())
        m_server->setText(url);
    m_server->setFocus();
}

void LoginDialog::suggestAccount(const QString &name, const QString &email, models::domain::Role role)
{
    m_email->setText(email);
    m_newName->setText(name);
    m_newEmail->setText(email);
    if (const int index = m_role->findData(int(role)); index >= 0)
        m_role->setCurrentIndex(index);
}

bool LoginDialog::onServer() const
{
    return m_where->currentData().toBool();
}

void LoginDialog::onWhereChanged()
{
    const bool server = onServer();
    auto *form = qobject_cast<QFormLayout *>(m_server->parentWidget()->layout());
    form->setRowVisible(m_server, server);
    if (!server)
        m_serverError->hide();
    if (m_demo)
        m_demo->setVisible(!server);
    // Only the server knows whether the phone number is asked for; it is not sent there.
    m_newPhone->setEnabled(!server);
    clearErrors();
}

bool LoginDialog::useServer()
{
    const QString problem = serverUrlProblem(m_server->text(), true);
    m_serverError->setText(problem);
    m_serverError->setVisible(!problem.isEmpty());
    if (!problem.isEmpty()) {
        m_server->setFocus();
        return false;
    }
    const QUrl url(m_server->text().trimmed());
    if (m_workspace.connection->serverUrl() != url)
        m_workspace.connection->setServerUrl(url);
    return true;
}

void LoginDialog::connectToServerSignals()
{
    net::connection::ServerConnection *connection = m_workspace.connection;
    if (!connection)
        return;
    using net::connection::ServerConnection;
    connect(connection, &ServerConnection::signedIn, this, [this](const net::protocol::UserJson &user) {
        if (!m_busy || !onServer())
            return;
        setBusy(false);
        m_password->clear();
        m_newPassword->clear();
        m_repeatPassword->clear();
        Q_EMIT serverAccountReady(user);
        accept();
    });
    connect(connection, &ServerConnection::signInFailed, this, [this](const net::protocol::Error &error) {
        if (!m_busy || !onServer())
            return;
        setBusy(false);
        showError(DomainError(DomainError::Code::WrongCredentials, u"user"_s, QString(), accountFailureText(error)),
                  m_tabs->currentIndex() == 1);
    });
    connect(connection, &ServerConnection::signedUp, this, [this] {
        if (!m_busy || !onServer())
            return;
        setBusy(true, tr("The account was created; signing in…"));
        m_workspace.connection->logIn(m_newEmail->text().trimmed(), m_newPassword->text());
    });
    connect(connection, &ServerConnection::signUpFailed, this, [this](const net::protocol::Error &error) {
        if (!m_busy || !onServer())
            return;
        setBusy(false);
        // The server names the field as the sign-up form does (displayName, email, password).
        showError(DomainError(DomainError::Code::InvalidValue, u"user"_s, error.field, accountFailureText(error)),
                  true);
    });
}

LoginDialog::~LoginDialog() = default;

QLabel *LoginDialog::errorLabel(const QString &objectName)
{
    auto *label = new QLabel(this);
    label->setObjectName(objectName);
    label->setWordWrap(true);
    // The form's error red, lighter on a dark palette: both reach 4.5:1.
    label->setStyleSheet(u"color: %1;"_s.arg(FormErrors::errorColor(palette()).name()));
    label->hide();
    return label;
}

QWidget *LoginDialog::createSignInTab()
{
    auto *tab = new QWidget(this);
    m_email = new QLineEdit(tab);
    m_email->setObjectName(u"emailEdit"_s);
    m_email->setPlaceholderText(tr("name@example.org"));
    m_password = new QLineEdit(tab);
    m_password->setObjectName(u"passwordEdit"_s);
    m_password->setEchoMode(QLineEdit::Password);
    m_signInError = errorLabel(u"signInError"_s);
    auto *signInButton = new QPushButton(tr("Sign in"), tab);
    signInButton->setObjectName(u"signInButton"_s);
    signInButton->setDefault(true);
    connect(signInButton, &QPushButton::clicked, this, [this] { signIn(m_email->text(), m_password->text()); });
    connect(m_password, &QLineEdit::returnPressed, signInButton, &QPushButton::click);

    auto *form = new QFormLayout;
    form->addRow(tr("E-mail:"), m_email);
    form->addRow(tr("Password:"), m_password);
    form->addRow(QString(), m_signInError);
    form->addRow(QString(), signInButton);

    auto *layout = new QVBoxLayout(tab);
    layout->addLayout(form);
    if (!m_workspace.demoAccounts.isEmpty()) {
        auto *demo = new QGroupBox(tr("Try the demo"), tab);
        m_demo = demo;
        auto *demoLayout = new QVBoxLayout(demo);
        demoLayout->addWidget(new QLabel(tr("This database holds demo data. Sign in as:"), demo));
        for (const Workspace::DemoAccount &account : std::as_const(m_workspace.demoAccounts)) {
            auto *button = new QPushButton(account.title, demo);
            button->setObjectName(u"demo:"_s + account.email);
            button->setToolTip(account.email);
            connect(button, &QPushButton::clicked, this, [this, email = account.email] {
                m_email->setText(email);
                m_password->setText(m_workspace.demoPassword);
                signIn(email, m_workspace.demoPassword);
            });
            demoLayout->addWidget(button);
        }
        layout->addWidget(demo);
    }
    layout->addStretch(1);
    return tab;
}

QWidget *LoginDialog::createSignUpTab()
{
    auto *tab = new QWidget(this);
    const auto input = [tab](const QString &objectName, bool secret = false) {
        auto *edit = new QLineEdit(tab);
        edit->setObjectName(objectName);
        if (secret)
            edit->setEchoMode(QLineEdit::Password);
        return edit;
    };
    m_newName = input(u"newNameEdit"_s);
    m_newEmail = input(u"newEmailEdit"_s);
    m_newPhone = input(u"newPhoneEdit"_s);
    m_newPhone->setPlaceholderText(tr("optional"));
    m_newPassword = input(u"newPasswordEdit"_s, true);
    m_newPassword->setToolTip(tr("At least 10 characters; not your e-mail or name, not a well-known password."));
    m_repeatPassword = input(u"repeatPasswordEdit"_s, true);
    m_role = new QComboBox(tab);
    m_role->setObjectName(u"roleCombo"_s);
    m_role->addItem(tr("Renter — I look for a place to live"), int(models::domain::Role::Renter));
    m_role->addItem(tr("Landlord — I let apartments"), int(models::domain::Role::Landlord));
    m_language = new QComboBox(tab);
    m_language->setObjectName(u"languageCombo"_s);
    m_language->addItem(u"English"_s, int(models::domain::Language::English));
    m_language->addItem(u"Русский"_s, int(models::domain::Language::Russian));

    auto *form = new QFormLayout(tab);
    const auto row = [&](const QString &label, QWidget *field, const QString &serviceField) {
        form->addRow(label, field);
        QLabel *error = errorLabel(serviceField + u"Error"_s);
        form->addRow(QString(), error);
        m_fieldErrors.insert(serviceField, error);
    };
    row(tr("Name:"), m_newName, u"displayName"_s);
    row(tr("E-mail:"), m_newEmail, u"email"_s);
    row(tr("Phone:"), m_newPhone, u"phone"_s);
    row(tr("Password:"), m_newPassword, u"password"_s);
    row(tr("Repeat password:"), m_repeatPassword, u"repeatPassword"_s);
    form->addRow(tr("I am a:"), m_role);
    form->addRow(tr("Language:"), m_language);
    QLabel *general = errorLabel(u"signUpError"_s);
    form->addRow(QString(), general);
    m_fieldErrors.insert(QString(), general);
    auto *create = new QPushButton(tr("Create account"), tab);
    create->setObjectName(u"createAccountButton"_s);
    connect(create, &QPushButton::clicked, this, &LoginDialog::signUp);
    form->addRow(QString(), create);
    return tab;
}

void LoginDialog::signIn(const QString &email, const QString &password)
{
    if (m_busy)
        return;
    clearErrors();
    if (onServer()) {
        if (!useServer())
            return;
        setBusy(true, tr("Signing in to %1…").arg(m_workspace.connection->serverUrl().host()));
        m_workspace.connection->logIn(email.trimmed(), password);
        return;
    }
    setBusy(true, tr("Checking the password…"));
    auto *watcher = new QFutureWatcher<UserResult>(this);
    connect(watcher, &QFutureWatcher<UserResult>::finished, this, [this, watcher] {
        watcher->deleteLater();
        setBusy(false);
        const UserResult result = watcher->result();
        if (!result) {
            showError(result.error(), false);
            return;
        }
        m_workspace.session.signIn(*result);
        accept();
    });
    // The service (a copy: it holds only shared handles) runs on a pool thread, which
    // opens its own database connection.
    watcher->setFuture(QtConcurrent::run(
        &m_hashing, [accounts = m_workspace.accounts, email, password] { return accounts.logIn(email, password); }));
}

void LoginDialog::signUp()
{
    if (m_busy)
        return;
    clearErrors();
    if (m_newPassword->text() != m_repeatPassword->text()) {
        showError(DomainError(DomainError::Code::InvalidValue, u"user"_s, u"repeatPassword"_s,
                              tr("The two passwords differ.")),
                  true);
        return;
    }
    if (onServer()) {
        if (!useServer())
            return;
        setBusy(true, tr("Creating the account on %1…").arg(m_workspace.connection->serverUrl().host()));
        m_workspace.connection->signUp(m_newEmail->text().trimmed(), m_newName->text().trimmed(), m_newPassword->text(),
                                       models::domain::Role(m_role->currentData().toInt()),
                                       models::domain::Language(m_language->currentData().toInt()));
        return;
    }
    models::services::AccountService::SignUp request;
    request.displayName = m_newName->text();
    request.email = m_newEmail->text();
    request.phone = m_newPhone->text();
    request.password = m_newPassword->text();
    request.role = models::domain::Role(m_role->currentData().toInt());
    request.language = models::domain::Language(m_language->currentData().toInt());
    setBusy(true, tr("Creating the account…"));
    auto *watcher = new QFutureWatcher<UserResult>(this);
    connect(watcher, &QFutureWatcher<UserResult>::finished, this, [this, watcher] {
        watcher->deleteLater();
        setBusy(false);
        const UserResult result = watcher->result();
        if (!result) {
            showError(result.error(), true);
            return;
        }
        m_workspace.session.signIn(*result);
        accept();
    });
    watcher->setFuture(
        QtConcurrent::run(&m_hashing, [accounts = m_workspace.accounts, request] { return accounts.signUp(request); }));
}

void LoginDialog::setBusy(bool busy, const QString &message)
{
    m_busy = busy;
    m_tabs->setEnabled(!busy);
    m_status->setText(message);
    m_status->setVisible(busy);
}

void LoginDialog::showError(const DomainError &error, bool signingUp)
{
    if (!signingUp) {
        m_signInError->setText(error.message);
        m_signInError->show();
        m_password->setFocus();
        m_password->selectAll();
        return;
    }
    QLabel *label = m_fieldErrors.value(error.field, m_fieldErrors.value(QString()));
    label->setText(error.message);
    label->show();
}

void LoginDialog::clearErrors()
{
    m_signInError->hide();
    for (QLabel *label : std::as_const(m_fieldErrors))
        label->hide();
}

} // namespace rentdesk::views
