// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/domain/enums.h"

#include <QString>
#include <QWidget>

class QLabel;
class QLineEdit;
class QPushButton;

namespace rentdesk::net::connection {
class ServerConnection;
}

namespace rentdesk::views {

// Who the person is on the server, for "Create account": the signed-in desktop user's name,
// role and language, so that the server account matches them.
struct ServerAccountDefaults
{
    QString email;
    QString displayName;
    models::domain::Role role = models::domain::Role::Renter;
    models::domain::Language language = models::domain::Language::English;
};

// The Settings dialog's Server tab: the chat server's URL (ws:// or wss://) and the account
// on it. "Sign in" and "Create account" act at once through the ServerConnection, as the Mail
// tab's test e-mail does; the composition root keeps the session's token in the keyring when
// the connection reports it (never in settings). The password is used for that one request.
class ServerSettingsPage final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ServerSettingsPage)

public:
    ServerSettingsPage(const QString &url, net::connection::ServerConnection &connection,
                       const ServerAccountDefaults &defaults, QWidget *parent = nullptr);
    ~ServerSettingsPage() override;

    [[nodiscard]] QString url() const;
    // An empty URL (no server) or a ws:// or wss:// one with a host; else the reason is
    // shown under the field and false returned.
    bool validate();

private:
    void signIn();
    void createAccount();
    void signOut();
    void showStatus(const QString &text, bool problem);
    void updateButtons();
    [[nodiscard]] bool applyUrl();

    net::connection::ServerConnection &m_connection;
    ServerAccountDefaults m_defaults;
    QLineEdit *m_url = nullptr;
    QLineEdit *m_email = nullptr;
    QLineEdit *m_password = nullptr;
    QPushButton *m_signIn = nullptr;
    QPushButton *m_create = nullptr;
    QPushButton *m_signOut = nullptr;
    QLabel *m_urlError = nullptr;
    QLabel *m_status = nullptr;
};

} // namespace rentdesk::views
