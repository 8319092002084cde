// SPDX-License-Identifier: GPL-3.0-or-later
#include "views/widgets/localefollow.h"

#include <QDateEdit>

namespace rentdesk::views {

void followLocale(QDateEdit *edit)
{
    // What Qt gives a date field made now, in the default locale.
    const QDateEdit fresh;
    edit->setLocale(QLocale());
    edit->setDisplayFormat(fresh.displayFormat());
}

} // namespace rentdesk::views
