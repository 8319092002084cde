// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/services/passwords.h"

#include "models/services/passwordstrength.h"

#include <QCoreApplication>

#include <sodium.h>

namespace rentdesk::models::services::passwords {

using namespace Qt::StringLiterals;

namespace {

// OWASP's minimum for Argon2id: m = 19 MiB, t = 2, p = 1 (libsodium always uses p = 1).
constexpr unsigned long long OpsLimit = 2;
constexpr size_t MemLimit = 19u * 1024u * 1024u;

bool ready()
{
    // Thread-safe and idempotent; a negative result means the library cannot work at all.
    static const bool initialised = sodium_init() >= 0;
    return initialised;
}

} // namespace

QString hash(const QString &password)
{
    if (!ready())
        return {};
    const QByteArray utf8 = password.toUtf8();
    char out[crypto_pwhash_STRBYTES];
    if (crypto_pwhash_str_alg(out, utf8.constData(), size_t(utf8.size()), OpsLimit, MemLimit,
                              crypto_pwhash_ALG_ARGON2ID13)
        != 0) {
        return {};
    }
    return QString::fromLatin1(out);
}

bool verify(const QString &hash, const QString &password)
{
    if (!ready() || hash.isEmpty())
        return false;
    const QByteArray stored = hash.toLatin1();
    const QByteArray utf8 = password.toUtf8();
    return crypto_pwhash_str_verify(stored.constData(), utf8.constData(), size_t(utf8.size())) == 0;
}

void verifyNothing(const QString &password)
{
    // A hash of a random password, made once; verifying against it costs what a real
    // verification costs and always fails.
    static const QString decoy = [] {
        unsigned char random[32];
        randombytes_buf(random, sizeof random);
        return hash(QString::fromLatin1(QByteArray(reinterpret_cast<const char *>(random), sizeof random).toHex()));
    }();
    const bool matched = verify(decoy, password);
    Q_UNUSED(matched);
}

bool needsRehash(const QString &hash)
{
    if (!ready())
        return false;
    const QByteArray stored = hash.toLatin1();
    return crypto_pwhash_str_needs_rehash(stored.constData(), OpsLimit, MemLimit) != 0;
}

std::optional<QString> policyViolation(const QString &password, const QString &email, const QString &displayName)
{
    const qsizetype length = password.toUcs4().size();
    if (length < MinimumLength)
        return QCoreApplication::translate("Passwords", "Use at least %1 characters.").arg(MinimumLength);
    if (length > MaximumLength)
        return QCoreApplication::translate("Passwords", "Use at most %1 characters.").arg(MaximumLength);
    if (const Strength strength = estimate(password, email, displayName); strength.score < MinimumScore)
        return describe(strength.weakness);
    return std::nullopt;
}

} // namespace rentdesk::models::services::passwords
