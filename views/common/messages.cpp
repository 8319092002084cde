// SPDX-License-Identifier: GPL-3.0-or-later
#include "views/common/messages.h"

#include <QFileDialog>
#include <QMessageBox>
#include <QPushButton>

namespace rentdesk::views::messages {

namespace {

// Only the GUI thread asks questions.
std::optional<bool> g_nextAnswer;
std::optional<QString> g_nextFileName;
bool g_testing = false;
QString g_lastText;

} // namespace

bool confirm(QWidget *parent, const QString &title, const QString &text, const QString &action)
{
    g_lastText = text;
    if (g_testing) {
        const bool answer = g_nextAnswer.value_or(false);
        g_nextAnswer.reset();
        return answer;
    }
    QMessageBox box(QMessageBox::Question, title, text, QMessageBox::Cancel, parent);
    QPushButton *yes = box.addButton(action, QMessageBox::AcceptRole);
    box.setDefaultButton(QMessageBox::Cancel);
    box.exec();
    return box.clickedButton() == yes;
}

void tell(QWidget *parent, const QString &title, const QString &text)
{
    g_lastText = text;
    if (g_testing)
        return;
    QMessageBox::warning(parent, title, text);
}

QString saveFileName(QWidget *parent, const QString &title, const QString &suggested, const QString &filter)
{
    if (g_nextFileName) {
        const QString path = *g_nextFileName;
        g_nextFileName.reset();
        return path;
    }
    return QFileDialog::getSaveFileName(parent, title, suggested, filter);
}

QString openFileName(QWidget *parent, const QString &title, const QString &filter)
{
    if (g_nextFileName) {
        const QString path = *g_nextFileName;
        g_nextFileName.reset();
        return path;
    }
    return QFileDialog::getOpenFileName(parent, title, QString(), filter);
}

void setNextFileName(const QString &path)
{
    g_nextFileName = path;
}

void setNextAnswer(std::optional<bool> answer)
{
    g_testing = true;
    g_nextAnswer = answer;
}

QString lastText()
{
    return g_lastText;
}

} // namespace rentdesk::views::messages
