// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QMainWindow>

namespace rentdesk::views {

// The application's main window. For now it shows which database is open; the pages for
// buildings, apartments, bookings and reviews, the chat panel and the dashboard plug into
// its central area and docks.
class MainWindow final : public QMainWindow
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MainWindow)

public:
    MainWindow(const QString &databasePath, int schemaVersion, QWidget *parent = nullptr);
    ~MainWindow() override;

private:
    void createMenus();
    void showAbout();
};

} // namespace rentdesk::views
