// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

class QDateEdit;

namespace rentdesk::views {

// After a language change: a date field left at Qt's default format takes the format a new one
// would have in the new default QLocale (Qt keeps the format it chose when the field was made).
void followLocale(QDateEdit *edit);

} // namespace rentdesk::views
