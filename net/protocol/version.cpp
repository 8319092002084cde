// SPDX-License-Identifier: GPL-3.0-or-later
#include "net/protocol/version.h"

#include <QtGlobal>

namespace rentdesk::net {

using namespace Qt::StringLiterals;

QString userAgent()
{
    return u"RentDesk/"_s + QStringLiteral(RENTDESK_VERSION) + u" Qt/"_s + QString::fromLatin1(qVersion());
}

} // namespace rentdesk::net
