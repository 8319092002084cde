// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/domain/entities.h"

#include <QObject>

#include <optional>

namespace rentdesk::models::services {

// Who is signed in to this desktop window, if anyone: set after AccountService::logIn()
// or signUp() succeeded, cleared at log-out. The composition root owns it and passes it
// to what needs it; services still take the actor's id as an argument and read the role
// from the database, so a stale Session can show the wrong buttons but never allow a
// wrong change.
class Session final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(Session)

public:
    explicit Session(QObject *parent = nullptr)
        : QObject(parent)
    {
    }

    [[nodiscard]] bool isSignedIn() const { return m_user.has_value(); }
    [[nodiscard]] const std::optional<domain::User> &user() const { return m_user; }
    // The signed-in user's id, or a null QUuid.
    [[nodiscard]] QUuid userId() const { return m_user ? m_user->id : QUuid(); }
    [[nodiscard]] bool isLandlord() const { return m_user && m_user->role == domain::Role::Landlord; }
    [[nodiscard]] bool isRenter() const { return m_user && m_user->role == domain::Role::Renter; }

    void signIn(const domain::User &user)
    {
        m_user = user;
        Q_EMIT changed();
    }
    void signOut()
    {
        if (!m_user)
            return;
        m_user.reset();
        Q_EMIT changed();
    }

Q_SIGNALS:
    void changed();

private:
    std::optional<domain::User> m_user;
};

} // namespace rentdesk::models::services
