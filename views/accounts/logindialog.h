// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/services/domainerror.h"

#include <QDialog>
#include <QHash>

class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QTabWidget;

namespace rentdesk::views {

struct Workspace;

// Signing in and signing up on a standalone database. Passwords are hashed on a worker
// thread (Argon2id takes a noticeable moment on purpose), so the window stays responsive
// and shows that it is checking. On demo data it offers the demo landlord and renter, one
// click each. Accepts once the Session holds the user.
class LoginDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LoginDialog)

public:
    explicit LoginDialog(Workspace &workspace, QWidget *parent = nullptr);
    ~LoginDialog() override;

    // True while a password is being checked or hashed.
    [[nodiscard]] bool isBusy() const { return m_busy; }

private:
    QWidget *createSignInTab();
    QWidget *createSignUpTab();
    void signIn(const QString &email, const QString &password);
    void signUp();
    void setBusy(bool busy, const QString &message = {});
    void showError(const models::services::DomainError &error, bool signingUp);
    void clearErrors();
    QLabel *errorLabel(const QString &objectName);

    Workspace &m_workspace;
    bool m_busy = false;
    QTabWidget *m_tabs = nullptr;
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
