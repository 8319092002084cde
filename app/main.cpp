// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/application.h"
#include "app/commandline.h"

#include <QApplication>
#include <QCoreApplication>
#include <QGuiApplication>

#include <memory>
#include <variant>

int main(int argc, char *argv[])
{
    using namespace rentdesk::app;

    // Headless runs (--init-only, --export-csv, --help, --version) must work without a display, so the
    // kind of application object is chosen before Qt looks for one.
    std::unique_ptr<QCoreApplication> qtApp = wantsHeadless(argc, argv) ? std::make_unique<QCoreApplication>(argc, argv)
                                                                        : std::make_unique<QApplication>(argc, argv);
    QCoreApplication::setOrganizationName(QStringLiteral("RentDesk"));
    QCoreApplication::setApplicationName(QStringLiteral("RentDesk"));
    QCoreApplication::setApplicationVersion(QStringLiteral(RENTDESK_VERSION));
    // The installed .desktop file's name: Wayland compositors match the window to it (its icon, its
    // name in the dock).
    QGuiApplication::setDesktopFileName(QStringLiteral(RENTDESK_APP_ID));

    const auto parsed = parseCommandLine(QCoreApplication::arguments());
    if (const auto *finished = std::get_if<Finished>(&parsed))
        return finished->exitCode;

    Application application(std::get<Options>(parsed));
    return application.run();
}
