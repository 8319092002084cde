// SPDX-License-Identifier: GPL-3.0-or-later
#include "mainwindow/mainwindow.h"

#include <QApplication>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QStatusBar>

namespace rentdesk::views {

MainWindow::MainWindow(const QString &databasePath, int schemaVersion, QWidget *parent)
    : QMainWindow(parent)
{
    setWindowTitle(tr("RentDesk"));
    setObjectName(QStringLiteral("MainWindow"));
    resize(1000, 680);

    auto *placeholder = new QLabel(this);
    placeholder->setObjectName(QStringLiteral("databaseSummary"));
    placeholder->setAlignment(Qt::AlignCenter);
    placeholder->setWordWrap(true);
    placeholder->setText(tr("Database: %1\nSchema version %2").arg(databasePath).arg(schemaVersion));
    setCentralWidget(placeholder);

    createMenus();
    statusBar()->showMessage(tr("Ready"));
}

MainWindow::~MainWindow() = default;

void MainWindow::createMenus()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    QAction *quit = file->addAction(tr("&Quit"), this, &QWidget::close);
    quit->setShortcut(QKeySequence::Quit);
    quit->setMenuRole(QAction::QuitRole);

    QMenu *help = menuBar()->addMenu(tr("&Help"));
    QAction *about = help->addAction(tr("&About RentDesk"), this, &MainWindow::showAbout);
    about->setMenuRole(QAction::AboutRole);
}

void MainWindow::showAbout()
{
    QMessageBox::about(this, tr("About RentDesk"),
                       tr("<h3>RentDesk %1</h3>"
                          "<p>Buildings, apartments, bookings and reviews for landlords and renters.</p>"
                          "<p>Licensed under the GNU General Public License, version 3 or later.</p>")
                           .arg(QApplication::applicationVersion()));
}

} // namespace rentdesk::views
