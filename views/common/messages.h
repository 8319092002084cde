// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QStringList>

#include <optional>

class QWidget;

namespace rentdesk::views {

// The questions and notices the window puts to the user in message boxes, with a hook for
// tests (as KeePassXC's MessageBox::setNextAnswer): a test says the next answer, and no
// box opens; every question and notice is remembered for the test to read.
namespace messages {

// "Delete this building?" with a button that says what happens; true when confirmed.
[[nodiscard]] bool confirm(QWidget *parent, const QString &title, const QString &text, const QString &action);
// A refusal or a failure, said once.
void tell(QWidget *parent, const QString &title, const QString &text);

// A file to write, asked in a save dialog ("Export to CSV"); empty when cancelled. The dialog
// suggests fileName in the folder the last export went to (the home folder at first), and the
// folder chosen is remembered for the next one.
[[nodiscard]] QString saveFileName(QWidget *parent, const QString &title, const QString &fileName,
                                   const QString &filter);

// A file to read, asked in an open dialog ("Import calendar"); empty when cancelled.
[[nodiscard]] QString openFileName(QWidget *parent, const QString &title, const QString &filter);

// Files to read, asked in an open dialog where several may be chosen ("Add photos"); empty when
// cancelled. The folder chosen is remembered for the next time under settingsKey.
[[nodiscard]] QStringList openFileNames(QWidget *parent, const QString &title, const QString &filter,
                                        const QString &settingsKey);

// For tests: the answer to give to the next confirm() instead of asking (and tell() then
// opens no box either while answers are set).
void setNextAnswer(std::optional<bool> answer);
// For tests: the file the next saveFileName() or openFileName() gives without asking (empty: as
// if cancelled).
void setNextFileName(const QString &path);
// For tests: the files the next openFileNames() gives without asking (empty: as if cancelled).
void setNextFileNames(const QStringList &paths);
// For tests: the text of the last question or notice.
[[nodiscard]] QString lastText();

} // namespace messages

} // namespace rentdesk::views
