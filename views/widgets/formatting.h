// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/money.h"

#include <QDate>
#include <QDateTime>
#include <QString>

namespace rentdesk::views {

// Money, dates and times as a person reads them, in the default QLocale (which follows the
// language the user chose). The cell delegate and the detail panes share these, so a value
// reads the same in a table and beside it.

// "₽4,500.00" in English, "4 500,00 ₽" in Russian: the symbol for RUB, GBP, EUR and USD, the
// ISO code for any other currency. Amounts are taken to have two minor digits, as all four
// of RentDesk's currencies do.
[[nodiscard]] QString formatMoney(const domain::Money &money);

// The symbol shown for an ISO 4217 code ("₽" for RUB), or the code itself.
[[nodiscard]] QString currencySymbol(const QString &isoCode);

// The locale's short date ("6/1/26", "01.06.2026"); empty for an invalid date.
[[nodiscard]] QString formatDate(QDate date);

// The locale's short date and time, in the machine's local time; empty when invalid.
[[nodiscard]] QString formatDateTime(const QDateTime &dateTime);

} // namespace rentdesk::views
