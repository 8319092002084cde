// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

class QWidget;

namespace rentdesk::views {

class TablePage;

// File ▸ Export to CSV…: the rows of the page as its filter and sort show them
// (models/itemmodels/csvexport.h), into a file the person names (suggested: the page's name and
// today's date, in the last folder used). A progress window (TaskProgress) can stop a long
// export; the file is written whole or not at all (QSaveFile), so a stopped or failed export
// leaves what was there. A failure is said in a box, a stop is not; returns the sentence for
// the status bar on success, empty otherwise (also when the person cancelled or stopped).
[[nodiscard]] QString exportPageToCsv(const TablePage &page, const QString &pageTitle, QWidget *parent);

} // namespace rentdesk::views
