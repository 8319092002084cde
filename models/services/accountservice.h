// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/domain/entities.h"
#include "models/services/servicecontext.h"

namespace rentdesk::models::services {

// Accounts where this side is the authority (a standalone desktop, the server): sign-up,
// log-in, password change. Passwords are hashed with Argon2id; a wrong password and an
// unknown e-mail get the same answer. Nothing here is ever journaled, so no password
// reaches the journal. Hashing is slow on purpose: call these off the GUI thread.
class AccountService final
{
public:
    explicit AccountService(ServiceContext context);

    struct SignUp
    {
        QString email;
        QString password;
        QString displayName;
        QString phone; // optional
        domain::Role role = domain::Role::Renter;
        domain::Language language = domain::Language::English;
        // Whether the account's welcome mail is queued; the server leaves it out past its
        // limit of welcome mails per recipient domain.
        bool welcomeMail = true;
    };

    // Creates the account and queues its welcome mail in one transaction.
    [[nodiscard]] Result<domain::User> signUp(const SignUp &request) const;
    [[nodiscard]] Result<domain::User> logIn(const QString &email, const QString &password) const;
    [[nodiscard]] Result<void> changePassword(const QUuid &actor, const QString &current,
                                              const QString &replacement) const;

    // Trimmed and lower-cased (all of Unicode, not only ASCII), or InvalidValue on "email".
    [[nodiscard]] static Result<QString> normalizedEmail(const QString &email);

private:
    [[nodiscard]] Result<void> requireAuthority() const;

    ServiceContext m_context;
};

} // namespace rentdesk::models::services
