// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/enums.h"

#include <QDialog>

class QComboBox;
class QLabel;
class QLineEdit;
class QTabWidget;

namespace rentdesk::views {

// What the Settings dialog edits. The composition root reads and writes them (QSettings)
// and decides what a change means (a new language or database takes a restart).
struct SettingsValues
{
    domain::Language language = domain::Language::English;
    QString databasePath;
    friend bool operator==(const SettingsValues &, const SettingsValues &) = default;
};

// The Settings dialog: a General tab with the language and the database file. Later
// features add their own tabs (Mail, Server) with addTab().
class SettingsDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SettingsDialog)

public:
    explicit SettingsDialog(const SettingsValues &values, QWidget *parent = nullptr);
    ~SettingsDialog() override;

    [[nodiscard]] SettingsValues values() const;
    // For later sections of the settings.
    void addTab(QWidget *page, const QString &title);

private:
    void browse();

    QTabWidget *m_tabs = nullptr;
    QComboBox *m_language = nullptr;
    QLineEdit *m_database = nullptr;
    QLabel *m_restartNote = nullptr;
    SettingsValues m_initial;
};

} // namespace rentdesk::views
