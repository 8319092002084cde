// SPDX-License-Identifier: GPL-3.0-or-later
#include "views/settings/settingsdialog.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTabWidget>
#include <QVBoxLayout>

namespace rentdesk::views {

using namespace Qt::StringLiterals;

bool needsRestart(const SettingsValues &before, const SettingsValues &after)
{
    // The language is applied at once (Translator::switchTo(): every open widget retranslates).
    return before.databasePath != after.databasePath;
}

SettingsDialog::SettingsDialog(const SettingsValues &values, net::secrets::SecretStore &secrets, QWidget *parent)
    : QDialog(parent)
    , m_initial(values)
{
    setObjectName(u"settingsDialog"_s);
    setWindowTitle(tr("Settings"));

    // Made before the pages: Tab goes to the tabs first, then down the page under them.
    m_tabs = new QTabWidget(this);
    auto *general = new QWidget(this);
    m_language = new QComboBox(general);
    m_language->setObjectName(u"languageCombo"_s);
    // Each language in its own name, so that anyone can find theirs.
    m_language->addItem(u"English"_s, int(models::domain::Language::English));
    m_language->addItem(u"Русский"_s, int(models::domain::Language::Russian));
    m_language->setCurrentIndex(m_language->findData(int(values.language)));

    m_database = new QLineEdit(values.databasePath, general);
    m_database->setObjectName(u"databaseEdit"_s);
    m_database->setToolTip(
        tr("The SQLite file RentDesk works in. A new file is created and set up on the next start."));
    auto *browseButton = new QPushButton(tr("Browse…"), general);
    browseButton->setObjectName(u"browseDatabaseButton"_s);
    connect(browseButton, &QPushButton::clicked, this, &SettingsDialog::browse);
    auto *databaseRow = new QHBoxLayout;
    databaseRow->addWidget(m_database, 1);
    databaseRow->addWidget(browseButton);

    m_restartNote = new QLabel(tr("RentDesk restarts to open another database file."), general);
    m_restartNote->setObjectName(u"restartNote"_s);
    m_restartNote->setWordWrap(true);
    m_restartNote->hide();

    m_firstRun = new QCheckBox(tr("Show the &first-run assistant when RentDesk starts next"), general);
    m_firstRun->setObjectName(u"firstRunCheck"_s);
    m_firstRun->setChecked(values.firstRun);

    auto *form = new QFormLayout(general);
    form->addRow(tr("Language:"), m_language);
    // The caption is the line edit's buddy, its sibling in this page: a screen reader's name for it.
    auto *databaseLabel = new QLabel(tr("Database file:"), general);
    databaseLabel->setBuddy(m_database);
    form->addRow(databaseLabel, databaseRow);
    form->addRow(QString(), m_restartNote);
    form->addRow(QString(), m_firstRun);

    m_tabs->addTab(general, tr("General"));
    m_mail = new MailSettingsPage(values.mail, secrets, m_tabs);
    m_tabs->addTab(m_mail, tr("Mail"));

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_tabs);
    layout->addWidget(buttons);
    // Wide enough that the Mail tab's hints and a server's reply read as sentences.
    setMinimumWidth(fontMetrics().averageCharWidth() * 90);

    const auto noteChange = [this] {
        m_restartNote->setVisible(needsRestart(m_initial, this->values()));
    };
    connect(m_language, &QComboBox::currentIndexChanged, this, noteChange);
    connect(m_database, &QLineEdit::textChanged, this, noteChange);
}

SettingsDialog::~SettingsDialog() = default;

SettingsValues SettingsDialog::values() const
{
    return { models::domain::Language(m_language->currentData().toInt()), m_database->text().trimmed(),
             m_mail->values(), m_firstRun->isChecked() };
}

void SettingsDialog::accept()
{
    // The Mail tab is brought up first, so that the field a refusal is about can take the
    // focus and the reason under it is seen.
    QWidget *shown = m_tabs->currentWidget();
    m_tabs->setCurrentWidget(m_mail);
    if (!m_mail->validate())
        return;
    for (const auto &[page, validate] : std::as_const(m_checks)) {
        m_tabs->setCurrentWidget(page);
        if (!validate())
            return;
    }
    m_tabs->setCurrentWidget(shown);
    QDialog::accept();
}

void SettingsDialog::addTab(QWidget *page, const QString &title, std::function<bool()> validate)
{
    m_tabs->addTab(page, title);
    if (validate)
        m_checks.append({ page, std::move(validate) });
}

void SettingsDialog::browse()
{
    const QString file = QFileDialog::getSaveFileName(this, tr("Database file"), m_database->text(),
                                                      tr("RentDesk databases (*.sqlite);;All files (*)"), nullptr,
                                                      QFileDialog::DontConfirmOverwrite);
    if (!file.isEmpty())
        m_database->setText(file);
}

} // namespace rentdesk::views
