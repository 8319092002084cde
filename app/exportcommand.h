// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/db/database.h"

#include <QString>

#include <memory>

namespace rentdesk::app {

// rentdesk --export-csv TABLE [--as EMAIL] OUT: every row of the page's table as CSV
// (models/itemmodels/csvexport.h) into OUT, or standard output for "-". A file is written
// whole or not at all (QSaveFile): a failed export leaves what was there before. Says how many
// rows it wrote on stdout (not when writing there); returns ExitSuccess or ExitExportFailed
// with one line on stderr.
[[nodiscard]] int exportCsv(std::shared_ptr<models::db::Database> database, const QString &table,
                            const QString &viewerEmail, const QString &path);

} // namespace rentdesk::app
