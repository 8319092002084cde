// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/db/database.h"
#include "models/services/mode.h"

#include <QString>
#include <QUuid>

#include <memory>

namespace rentdesk::app {

// rentdesk --export-ics DIR: every apartment's calendar (models/query/calendarquery.h) as
// DIR/<apartment id>.ics, each file whole or not at all; DIR is made when missing. Says what
// it wrote on stdout; returns ExitSuccess or ExitExportFailed with one line on stderr.
[[nodiscard]] int exportIcs(std::shared_ptr<models::db::Database> database, const QString &folder);

// rentdesk --import-ics FILE --apartment ID: blocks the apartment's dates with the file's
// events, as its owner (BookingService::importBlocks; the calendar is named by the file's
// name, so importing a newer file of that name updates the blocks). A file that is not a
// calendar RentDesk reads is refused with "FILE: Line N: reason", and nothing changes.
// Returns ExitSuccess or ExitImportFailed.
[[nodiscard]] int importIcs(std::shared_ptr<models::db::Database> database, models::services::Mode mode,
                            const QString &file, const QUuid &apartment);

} // namespace rentdesk::app
