// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/domain/entities.h"
#include "models/itemmodels/itemroles.h"

#include <QDate>
#include <QDateTime>
#include <QString>
#include <QVariant>

namespace rentdesk::models::itemmodels {

// The text of a value in the user's locale (the default QLocale, which the translator
// sets with the language): what a table shows without its delegate, what the delegate
// writes in a badge, what a detail pane prints. One place, so they never disagree.

// "₽ 45 000,00" or "£1,250.00": the currency's symbol where RentDesk knows it, else its
// ISO code.
[[nodiscard]] QString formatMoney(const domain::Money &money);
[[nodiscard]] QString currencySymbol(const QString &isoCode);
[[nodiscard]] QString formatDate(QDate date);
// In local time.
[[nodiscard]] QString formatDateTime(const QDateTime &time);
// "4.3 (12)", or "not rated".
[[nodiscard]] QString formatRating(const domain::Rating &rating);
[[nodiscard]] QString formatArea(double squareMetres);

// The text of a cell of the given kind (see itemroles.h for the value each kind holds).
[[nodiscard]] QString cellText(CellKind kind, const QVariant &value);

} // namespace rentdesk::models::itemmodels
