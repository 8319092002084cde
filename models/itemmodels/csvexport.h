// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/itemmodels/itemroles.h"

#include <QString>
#include <QVariant>

#include <expected>
#include <functional>

class QIODevice;

namespace rentdesk::models::itemmodels {

class PagedTableModel;

// A table page's rows as CSV (RFC 4180): what the page's filter shows, every row of it, in the
// page's column order and sort. UTF-8 with a
// byte-order mark (so that spreadsheets read Cyrillic right), CRLF between records, a field
// quoted when it holds a comma, a quote, CR or LF, its quotes doubled.
//
// The header row is the model's column titles, in the user's language. The cells are values a
// spreadsheet can compute with, not the page's formatted text: numbers with a dot and no
// grouping; money as the amount in two columns, "Price" and "Price (currency)"; dates as
// YYYY-MM-DD and times as ISO 8601 with the local offset; a rating as its average (empty when
// not rated); statuses, kinds and yes/no as the page names them. Text that a spreadsheet would
// take for a formula (starting with =, +, -, @, a tab or CR) gets a leading apostrophe, as OWASP
// advises: a review's text is anyone's.

// One field as RFC 4180 writes it (quoted when needed).
[[nodiscard]] QString csvField(const QString &text);

// The cells of one column of kind `kind` (one, or two for money: amount and currency).
[[nodiscard]] int csvColumnsOf(CellKind kind);
[[nodiscard]] QStringList csvCells(CellKind kind, const QVariant &value);

struct CsvExport
{
    qint64 rows = 0;
};

// Writes the model's rows to out (PagedTableModel::readAll: the query as it is now, not the
// pages a view holds); `progress(done, total)` is called every 500 rows and once at the end
// with done == total, and may return false to stop (the seam a progress window with Stop
// plugs into), which fails the export with a sentence saying so, as does an error of the
// database or of out. A stopped export has written part of out: write to a QSaveFile and do
// not commit it.
[[nodiscard]] std::expected<CsvExport, QString> writeCsv(const PagedTableModel &model, QIODevice &out,
                                                         const std::function<bool(qint64, qint64)> &progress = {});

} // namespace rentdesk::models::itemmodels
