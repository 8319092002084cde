// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/domain/calendarsource.h"

#include <QUrl>

namespace rentdesk::models::domain {

using namespace Qt::StringLiterals;

QString calendarLabel(const QString &source)
{
    const QUrl url(source, QUrl::StrictMode);
    const QString scheme = url.scheme().toLower();
    if (url.isValid() && !url.host().isEmpty()
        && (scheme == u"http"_s || scheme == u"https"_s || scheme == u"webcal"_s))
        return url.host();
    return source;
}

} // namespace rentdesk::models::domain
