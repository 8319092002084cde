// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QFrame>

class QLabel;
class QPushButton;

namespace rentdesk::views {

// A strip over a view saying that something went wrong there, with one way out: a warning
// icon, the message (plain text, wrapped) and a button (Retry). Hidden until showMessage();
// the owner hides it when the problem is over. A bar rather than a dialog, because the
// problem belongs to the view under it and the rest of the window still works.
class MessageBar final : public QFrame
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MessageBar)

public:
    // actionText is the button's text ("Retry"); it emits actionTriggered().
    explicit MessageBar(const QString &actionText, QWidget *parent = nullptr);
    ~MessageBar() override;

    // Shows the bar with text in place of what it said before.
    void showMessage(const QString &text);
    [[nodiscard]] QString text() const;
    [[nodiscard]] QPushButton *actionButton() const { return m_button; }

Q_SIGNALS:
    void actionTriggered();

protected:
    void changeEvent(QEvent *event) override;

private:
    void updateColors();

    QLabel *m_icon;
    QLabel *m_text;
    QPushButton *m_button;
};

} // namespace rentdesk::views
