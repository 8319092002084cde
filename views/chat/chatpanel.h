// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "net/chat/chatclient.h"
#include "net/protocol/chatjson.h"

#include <QDockWidget>

#include <optional>

class QLabel;
class QLineEdit;
class QListView;
class QPlainTextEdit;
class QPushButton;

namespace rentdesk::views {

class ConversationListModel;
class MessageListModel;

// The chat dock: the conversations (the other person, what it is about, unread counts,
// the latest message), the selected one's messages as bubbles with their time and state
// (waiting, sent, delivered, read), an input, and a line to start a conversation by
// e-mail. Everything goes through the ChatClient (and its connection's state); a message
// typed offline waits in its queue and shows as waiting until the server has it.
class ChatPanel final : public QDockWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ChatPanel)

public:
    explicit ChatPanel(net::chat::ChatClient &client, QWidget *parent = nullptr);
    ~ChatPanel() override;

    // What the panel says while there is no session: where to sign in (Settings' Server tab by
    // default; the status bar on a connected replica, whose account is the chat's).
    void setSignInHint(const QString &hint);

    // Starts (or reopens) the conversation with that person, about an apartment or a
    // booking when given, and selects it once the server has answered. The name, when
    // known, is what a refusal calls the person.
    void startConversation(const QString &email, const std::optional<net::protocol::About> &about,
                           const QString &peerName = QString());
    // Selects a conversation already in the list.
    void openConversation(const QUuid &conversation);
    [[nodiscard]] QUuid currentConversation() const;

    // The state in words ("Online", "Connecting…", "Offline"), for the status bar too.
    [[nodiscard]] static QString stateText(net::connection::ServerConnection::State state);

    [[nodiscard]] ConversationListModel *conversations() const { return m_conversations; }
    [[nodiscard]] MessageListModel *messages() const { return m_messages; }

Q_SIGNALS:
    // Unread messages over all conversations changed (the dock's title shows them too).
    void unreadChanged(qint64 unread);

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate();
    void sendTyped();
    void showError(const QString &message);
    void onStateChanged(net::connection::ServerConnection::State state);
    void onConversationSelected();
    void onMessage(const net::protocol::ChatMessageJson &message);
    void onHistory(const QUuid &conversation, const QList<net::protocol::ChatMessageJson> &messages, bool more);
    void markReadIfShown();
    void updateTitle();
    void updateInput();
    [[nodiscard]] QString errorText(const QString &request, const net::protocol::Error &error) const;

    net::chat::ChatClient &m_client;
    ConversationListModel *m_conversations = nullptr;
    MessageListModel *m_messages = nullptr;
    QLabel *m_state = nullptr;
    QLineEdit *m_email = nullptr;
    QPushButton *m_start = nullptr;
    QListView *m_conversationView = nullptr;
    QListView *m_messageView = nullptr;
    QPushButton *m_earlier = nullptr;
    QPlainTextEdit *m_input = nullptr;
    QPushButton *m_send = nullptr;
    QLabel *m_error = nullptr;
    bool m_selectStarted = false;
    QString m_peerName; // of the conversation being started
    QString m_signInHint;
};

} // namespace rentdesk::views
