// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QAbstractItemModel>

namespace rentdesk::models::itemmodels {

// The seam by which a model follows a language change without knowing of widgets: its
// texts (headers, status names, dates and money in the default QLocale) are made in data()
// and headerData() when asked, so saying that every header and cell changed is enough for
// the views to ask again in the new language. Translator::switchTo() sets the catalogues and
// the locale; the view that owns the model calls this from its changeEvent(LanguageChange).
// Rows only (a flat table or list); nothing is read again.
inline void announceRetranslated(QAbstractItemModel &model)
{
    const int rows = model.rowCount();
    const int columns = model.columnCount();
    if (columns > 0)
        Q_EMIT model.headerDataChanged(Qt::Horizontal, 0, columns - 1);
    if (rows > 0)
        Q_EMIT model.headerDataChanged(Qt::Vertical, 0, rows - 1);
    if (rows > 0 && columns > 0)
        Q_EMIT model.dataChanged(model.index(0, 0), model.index(rows - 1, columns - 1));
}

} // namespace rentdesk::models::itemmodels
