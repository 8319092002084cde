// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/domain/enums.h"
#include "models/services/domainerror.h"

#include <QDialog>
#include <QHash>
#include <QThreadPool>

class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QTabWidget;

namespace rentdesk::net::protocol {
struct UserJson;
}

namespace rentdesk::views {

struct Workspace;

// Signing in and signing up, on this computer's standalone database or on a server. Here,
// passwords are hashed on a worker thread (Argon2id takes a noticeable moment on purpose), so
// the window stays responsive and shows that it is checking; on demo data it offers the demo
// landlord and renter, one click each; it accepts once the Session holds the user. On a server
// (wss://, or ws:// to this computer), the workspace's connection logs in (after creating the
// account, for a sign-up); the dialog announces serverAccountReady() and accepts, and the
// composition root opens that account's replica. On a connected replica only its own server
// and account are offered (signing in again after the session ended).
class LoginDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LoginDialog)

public:
    explicit LoginDialog(Workspace &workspace, QWidget *parent = nullptr);
    ~LoginDialog() override;

    // True while a password is being checked or hashed.
    [[nodiscard]] bool isBusy() const { return m_busy; }
    // Offers signing in on a server first, at url when given (File ▸ Connect to a server…).
    void chooseServer(const QString &url = QString());
    // Fills in who the person is here, for a server account of their own (File ▸ Publish to a
    // server…): the e-mail to sign in with, and the name, e-mail and role to create it with.
    void suggestAccount(const QString &name, const QString &email, models::domain::Role role);

Q_SIGNALS:
    // Signed in on the server the connection now points at, as user.
    void serverAccountReady(const rentdesk::net::protocol::UserJson &user);

private:
    QWidget *createWhereRow();
    QWidget *createSignInTab();
    [[nodiscard]] bool onServer() const;
    void onWhereChanged();
    // Points the connection at the server typed, or shows why it cannot be.
    [[nodiscard]] bool useServer();
    void connectToServerSignals();
    QWidget *createSignUpTab();
    void signIn(const QString &email, const QString &password);
    void signUp();
    void setBusy(bool busy, const QString &message = {});
    void showError(const models::services::DomainError &error, bool signingUp);
    void clearErrors();
    QLabel *errorLabel(const QString &objectName);

    Workspace &m_workspace;
    // The thread that checks and hashes passwords: the dialog's own, so that it ends (its
    // database connection and statements with it) when the dialog goes, not at the process's exit.
    QThreadPool m_hashing;
    bool m_busy = false;
    QTabWidget *m_tabs = nullptr;
    QComboBox *m_where = nullptr;
    QLineEdit *m_server = nullptr;
    QLabel *m_serverError = nullptr;
    QWidget *m_demo = nullptr;
    QLineEdit *m_email = nullptr;
    QLineEdit *m_password = nullptr;
    QLineEdit *m_newName = nullptr;
    QLineEdit *m_newEmail = nullptr;
    QLineEdit *m_newPassword = nullptr;
    QLineEdit *m_repeatPassword = nullptr;
    QLineEdit *m_newPhone = nullptr;
    QComboBox *m_role = nullptr;
    QComboBox *m_language = nullptr;
    QLabel *m_status = nullptr;
    // The error label under each sign-up input, by the service's field name.
    QHash<QString, QLabel *> m_fieldErrors;
    QLabel *m_signInError = nullptr;
};

} // namespace rentdesk::views
