// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/demo/demogenerator.h"

#include <memory>

class QWidget;

namespace rentdesk::models::db {
class Database;
}

namespace rentdesk::views {

// Fills database with demo data on a worker thread while a progress dialog (window-modal to
// parent, or application-modal without one) shows the apartments written and offers Cancel,
// which is always safe: the generation is one transaction, rolled back when cancelled
// (models::demo::isCancelled() then tells the refusal apart). Returns when the work has ended.
[[nodiscard]] models::services::Result<models::demo::DemoSummary>
generateDemoDataWithProgress(const std::shared_ptr<models::db::Database> &database, models::demo::DemoOptions options,
                             QWidget *parent);

} // namespace rentdesk::views
