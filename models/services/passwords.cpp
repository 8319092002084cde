// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/services/passwords.h"

#include <QCoreApplication>
#include <QSet>

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
    if (QSet<QChar>(password.cbegin(), password.cend()).size() == 1)
        return QCoreApplication::translate("Passwords", "Do not repeat one character; mix several.");

    // The most used passwords that are long enough to pass the length rule.
    static const QSet<QString> wellKnown {
        u"1234567890"_s,    u"12345678910"_s,  u"123456789012"_s, u"0987654321"_s,  u"qwertyuiop"_s,
        u"1q2w3e4r5t"_s,    u"1qaz2wsx3edc"_s, u"password1"_s,    u"password12"_s,  u"password123"_s,
        u"password1234"_s,  u"passw0rd123"_s,  u"iloveyou12"_s,   u"qwerty12345"_s, u"qwerty123456"_s,
        u"abcdefghij"_s,    u"abc1234567"_s,   u"1111111111"_s,   u"letmein123"_s,  u"welcome123"_s,
        u"administrator"_s, u"rentdesk123"_s,  u"йцукенгшщз"_s,   u"пароль12345"_s, u"qwertyuiop123"_s,
    };
    const QString lowered = password.toLower();
    if (wellKnown.contains(lowered))
        return QCoreApplication::translate("Passwords", "This password is too well known; choose another.");
    const QString normalisedEmail = email.trimmed().toLower();
    const QString localPart = normalisedEmail.section(u'@', 0, 0);
    if (lowered == normalisedEmail || (localPart.size() >= 4 && lowered.contains(localPart)))
        return QCoreApplication::translate("Passwords", "Do not use your e-mail address in the password.");
    QString name = displayName.trimmed().toLower();
    if (!name.isEmpty() && lowered == name.remove(u' '))
        return QCoreApplication::translate("Passwords", "Do not use your name as the password.");
    return std::nullopt;
}

} // namespace rentdesk::models::services::passwords
