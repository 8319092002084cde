// SPDX-License-Identifier: GPL-3.0-or-later
#include "views/common/messages.h"

#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QMessageBox>
#include <QPushButton>
#include <QSettings>

namespace rentdesk::views::messages {

namespace {

// Only the GUI thread asks questions.
std::optional<bool> g_nextAnswer;
std::optional<QString> g_nextFileName;
std::optional<QStringList> g_nextFileNames;
const QString exportFolderKey = QStringLiteral("export/folder");
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

QString saveFileName(QWidget *parent, const QString &title, const QString &fileName, const QString &filter)
{
    QString path;
    if (g_nextFileName) {
        path = *g_nextFileName;
        g_nextFileName.reset();
    } else {
        const QString folder = QSettings().value(exportFolderKey, QDir::homePath()).toString();
        path = QFileDialog::getSaveFileName(parent, title, QDir(folder).filePath(fileName), filter);
    }
    if (!path.isEmpty())
        QSettings().setValue(exportFolderKey, QFileInfo(path).absolutePath());
    return path;
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

QStringList openFileNames(QWidget *parent, const QString &title, const QString &filter, const QString &settingsKey)
{
    if (g_nextFileNames) {
        const QStringList paths = *g_nextFileNames;
        g_nextFileNames.reset();
        return paths;
    }
    const QString folder = QSettings().value(settingsKey, QDir::homePath()).toString();
    const QStringList paths = QFileDialog::getOpenFileNames(parent, title, folder, filter);
    if (!paths.isEmpty())
        QSettings().setValue(settingsKey, QFileInfo(paths.first()).absolutePath());
    return paths;
}

void setNextFileNames(const QStringList &paths)
{
    g_nextFileNames = paths;
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
