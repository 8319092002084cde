// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/domain/enums.h"
#include "views/settings/mailsettingspage.h"

#include <QDialog>

#include <functional>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QTabWidget;

namespace rentdesk::net::secrets {
class SecretStore;
}

namespace rentdesk::views {

// What the Settings dialog edits. The composition root reads and writes them (QSettings)
// and decides what a change means (a new database takes a restart; a new language and new
// mail settings are used at once).
struct SettingsValues
{
    models::domain::Language language = models::domain::Language::English;
    QString databasePath;
    MailSettingsValues mail;
    // Show the first-run assistant at the next start.
    bool firstRun = false;
    friend bool operator==(const SettingsValues &, const SettingsValues &) = default;
};

// Whether going from before to after takes a restart: the database is opened once at start;
// the language (the open windows retranslate) and the mail settings are not.
[[nodiscard]] bool needsRestart(const SettingsValues &before, const SettingsValues &after);

// The Settings dialog: a General tab with the language and the database file, and the Mail
// tab (MailSettingsPage). OK checks the mail settings first and stays open, with the reason
// under the field, when they would not work. Later features add their own tabs (Server)
// with addTab().
class SettingsDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SettingsDialog)

public:
    // The Mail tab reads the stored SMTP password from secrets when it opens.
    SettingsDialog(const SettingsValues &values, net::secrets::SecretStore &secrets, QWidget *parent = nullptr);
    ~SettingsDialog() override;

    [[nodiscard]] SettingsValues values() const;
    [[nodiscard]] MailSettingsPage *mailPage() const { return m_mail; }
    // Closes only when the values would work.
    void accept() override;
    // For later sections of the settings; OK asks validate (when given) before closing,
    // with the page brought up.
    void addTab(QWidget *page, const QString &title, std::function<bool()> validate = {});

private:
    void browse();

    QTabWidget *m_tabs = nullptr;
    QComboBox *m_language = nullptr;
    QLineEdit *m_database = nullptr;
    QLabel *m_restartNote = nullptr;
    QCheckBox *m_firstRun = nullptr;
    MailSettingsPage *m_mail = nullptr;
    SettingsValues m_initial;
    QList<std::pair<QWidget *, std::function<bool()>>> m_checks;
};

} // namespace rentdesk::views
