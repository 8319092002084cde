// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/services/randomtoken.h"

#include <QByteArray>
#include <QCoreApplication>

#include <sodium.h>

namespace rentdesk::models::services {

Result<QString> randomToken(const QString &entity)
{
    // sodium_init() is idempotent and thread-safe; without it randombytes_buf() may not be
    // used. It fails only when the system offers no source of randomness at all.
    static const bool sodiumReady = sodium_init() >= 0;
    if (!sodiumReady) {
        return std::unexpected(
            DomainError(DomainError::Code::Storage, entity, QString(),
                        QCoreApplication::translate("SessionService", "The system has no source of random numbers.")));
    }
    QByteArray random(RandomTokenBytes, Qt::Uninitialized);
    randombytes_buf(random.data(), size_t(random.size()));
    return QString::fromLatin1(random.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
}

bool looksLikeRandomToken(QStringView text)
{
    if (text.size() != RandomTokenLength)
        return false;
    for (const QChar c : text) {
        const char16_t u = c.unicode();
        const bool ok =
            (u >= u'A' && u <= u'Z') || (u >= u'a' && u <= u'z') || (u >= u'0' && u <= u'9') || u == u'-' || u == u'_';
        if (!ok)
            return false;
    }
    return true;
}

} // namespace rentdesk::models::services
