// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "app/commandline.h"

#include <memory>

namespace rentdesk::app {

// The composition root: builds the objects of one run (translator, database, window)
// from the command line and wires them. Nothing else in RentDesk creates them.
class Application final
{
public:
    explicit Application(Options options);
    ~Application();
    Q_DISABLE_COPY_MOVE(Application)

    // Runs to the end and returns the process's exit code.
    int run();

private:
    struct Private;
    std::unique_ptr<Private> d;
};

} // namespace rentdesk::app
