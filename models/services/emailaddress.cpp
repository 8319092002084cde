// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/services/emailaddress.h"

#include "models/services/unicodetext.h"

#include <QCoreApplication>
#include <QStringList>
#include <QUrl>

#include <algorithm>
#include <optional>
#include <string_view>

namespace rentdesk::models::services::emailaddress {

using namespace Qt::StringLiterals;

namespace {

using unicodetext::codePoints;

DomainError invalid(const QString &message)
{
    return DomainError(DomainError::Code::InvalidValue, u"user"_s, u"email"_s, message);
}

// Characters that make one address look like another or like none: refused before the syntax
// is looked at, with a message that says which one, since the person cannot see it.
std::optional<DomainError> hiddenCharacter(const QString &text)
{
    for (const char32_t c : codePoints(text)) {
        const QChar::Category category = QChar::category(c);
        if (category == QChar::Other_Control) {
            return invalid(
                QCoreApplication::translate(
                    "EmailAddress", "The e-mail address contains a control character (%1); type it again without it.")
                    .arg(unicodetext::codePointName(c)));
        }
        if (unicodetext::isInvisible(c)) {
            return invalid(QCoreApplication::translate("EmailAddress",
                                                       "The e-mail address contains an invisible character (%1), such "
                                                       "as a zero-width space or a text-direction mark; type it again "
                                                       "without it.")
                               .arg(unicodetext::codePointName(c)));
        }
        if (category == QChar::Separator_Space || category == QChar::Separator_Line
            || category == QChar::Separator_Paragraph) {
            return invalid(QCoreApplication::translate("EmailAddress", "An e-mail address has no spaces."));
        }
        if (category == QChar::Other_Surrogate || category == QChar::Other_NotAssigned
            || category == QChar::Other_PrivateUse) {
            return invalid(QCoreApplication::translate(
                               "EmailAddress", "The e-mail address contains a code point that is not a character (%1).")
                               .arg(unicodetext::codePointName(c)));
        }
    }
    return std::nullopt;
}

// RFC 6531 lets an address hold Unicode: letters, the marks that combine with them, digits.
bool isUnicodeWordCharacter(char32_t c)
{
    if (c < 0x80)
        return false;
    switch (QChar::category(c)) {
    case QChar::Letter_Uppercase:
    case QChar::Letter_Lowercase:
    case QChar::Letter_Titlecase:
    case QChar::Letter_Modifier:
    case QChar::Letter_Other:
    case QChar::Mark_NonSpacing:
    case QChar::Mark_SpacingCombining:
    case QChar::Number_DecimalDigit:
        return true;
    default:
        return false;
    }
}

bool isAsciiLetterOrDigit(char32_t c)
{
    return (c >= u'a' && c <= u'z') || (c >= u'A' && c <= u'Z') || (c >= u'0' && c <= u'9');
}

// RFC 5322's atext.
bool isAtext(char32_t c)
{
    static constexpr std::u32string_view specials = U"!#$%&'*+-/=?^_`{|}~";
    return isAsciiLetterOrDigit(c) || specials.find(c) != std::u32string_view::npos;
}

QString shown(char32_t c)
{
    if (!QChar::requiresSurrogates(c))
        return QString(QChar(char16_t(c)));
    const QChar pair[] = { QChar(QChar::highSurrogate(c)), QChar(QChar::lowSurrogate(c)) };
    return QString(pair, 2);
}

std::optional<DomainError> badLocalPart(const QString &local)
{
    if (local.startsWith(u'.') || local.endsWith(u'.') || local.contains(u".."_s)) {
        return invalid(QCoreApplication::translate(
            "EmailAddress", "The part before @ cannot start or end with a dot or have two dots in a row."));
    }
    for (const char32_t c : codePoints(local)) {
        if (c != U'.' && !isAtext(c) && !isUnicodeWordCharacter(c)) {
            return invalid(QCoreApplication::translate("EmailAddress",
                                                       "The part before @ cannot contain “%1”; it may have letters, "
                                                       "digits, dots and ! # $ % & ' * + - / = ? ^ _ ` { | } ~.")
                               .arg(shown(c)));
        }
    }
    if (local.toUtf8().size() > MaxLocalBytes) {
        return invalid(QCoreApplication::translate("EmailAddress",
                                                   "The part before @ is too long: at most %1 characters, fewer for "
                                                   "letters outside the Latin alphabet.")
                           .arg(MaxLocalBytes));
    }
    return std::nullopt;
}

DomainError notAnInternationalDomain()
{
    return invalid(QCoreApplication::translate(
        "EmailAddress",
        "The domain after @ is not a valid international domain name, or a part of it is too "
        "long."));
}

// The labels as typed, and again as decoded from punycode (which can decode to anything).
std::optional<DomainError> badLabels(const QStringList &labels)
{
    for (const QString &label : labels) {
        for (const char32_t c : codePoints(label)) {
            if (c != U'-' && !isAsciiLetterOrDigit(c) && !isUnicodeWordCharacter(c)) {
                return invalid(QCoreApplication::translate(
                                   "EmailAddress",
                                   "The domain after @ cannot contain “%1”; it may have letters, digits, hyphens "
                                   "and dots.")
                                   .arg(shown(c)));
            }
        }
        if (label.startsWith(u'-') || label.endsWith(u'-')) {
            return invalid(QCoreApplication::translate("EmailAddress",
                                                       "A part of the domain cannot start or end with a hyphen: “%1”.")
                               .arg(label));
        }
    }
    return std::nullopt;
}

// The domain in its Unicode form (an IDN typed as punycode is decoded), or why it is refused.
Result<QString> normalizedDomain(const QString &domain)
{
    if (domain.startsWith(u'.') || domain.endsWith(u'.') || domain.contains(u".."_s)) {
        return std::unexpected(invalid(QCoreApplication::translate(
            "EmailAddress", "The domain after @ has an empty part: remove the extra dot.")));
    }
    const QStringList labels = domain.split(u'.');
    if (auto bad = badLabels(labels))
        return std::unexpected(*bad);
    if (labels.size() < 2) {
        return std::unexpected(invalid(QCoreApplication::translate(
            "EmailAddress", "The domain after @ needs at least two parts, like example.org.")));
    }
    const auto tooLong = [] {
        return invalid(QCoreApplication::translate("EmailAddress",
                                                   "A part of the domain is too long: at most %1 characters, fewer "
                                                   "for letters outside the Latin alphabet.")
                           .arg(MaxLabelBytes));
    };
    // Qt's IDNA refuses a label that is too long without saying why: say it first where the
    // label is plain ASCII, its length as it goes over DNS.
    for (const QString &label : labels) {
        if (label.size() > MaxLabelBytes && label.toUtf8().size() == label.size())
            return std::unexpected(tooLong());
    }

    // Length limits hold for the form that goes over DNS, the punycode one; Qt's IDNA
    // (UTS #46, non-transitional) also refuses what no registry could hold (mixed directions
    // within a label, misplaced joiners).
    const QByteArray ace = QUrl::toAce(domain, QUrl::IgnoreIDNWhitelist);
    if (ace.isEmpty())
        return std::unexpected(notAnInternationalDomain());
    for (const QByteArray &label : ace.split('.')) {
        if (label.size() > MaxLabelBytes)
            return std::unexpected(tooLong());
    }
    // Stored in Unicode, whatever the whitelist of top-level domains that Qt keeps for showing
    // URLs, so that both spellings of one domain are one.
    const QString unicode = QUrl::fromAce(ace, QUrl::IgnoreIDNWhitelist);
    const QStringList decoded = unicode.split(u'.');
    for (const QString &label : decoded) {
        // A label Qt could not decode stays in punycode: not a name anyone can register.
        if (label.startsWith(u"xn--"_s))
            return std::unexpected(notAnInternationalDomain());
    }
    if (auto hidden = hiddenCharacter(unicode))
        return std::unexpected(*hidden);
    if (auto bad = badLabels(decoded))
        return std::unexpected(*bad);
    const QString &top = decoded.constLast();
    if (std::all_of(top.cbegin(), top.cend(), [](QChar c) { return c.isDigit(); })) {
        return std::unexpected(invalid(QCoreApplication::translate(
            "EmailAddress",
            "The last part of the domain cannot be only digits; give a domain name, not an IP address.")));
    }
    return unicode;
}

} // namespace

Result<QString> normalized(const QString &address)
{
    // Compatibility forms first, so that a full-width capital becomes a capital that is then
    // lower-cased, and a full-width @ is an @.
    // Hidden characters are looked for as typed, so that the message names the one typed,
    // and again after NFKC, which maps some to others.
    if (auto hidden = hiddenCharacter(address.trimmed()))
        return std::unexpected(*hidden);
    const QString text = address.normalized(QString::NormalizationForm_KC).trimmed().toLower();
    if (text.isEmpty())
        return std::unexpected(invalid(QCoreApplication::translate("EmailAddress", "Enter your e-mail address.")));
    if (auto hidden = hiddenCharacter(text))
        return std::unexpected(*hidden);

    const qsizetype at = text.indexOf(u'@');
    if (at <= 0 || at == text.size() - 1 || text.indexOf(u'@', at + 1) >= 0) {
        return std::unexpected(invalid(QCoreApplication::translate(
            "EmailAddress", "This is not an e-mail address; it looks like name@example.org.")));
    }
    const QString local = text.first(at);
    if (auto bad = badLocalPart(local))
        return std::unexpected(*bad);
    auto domain = normalizedDomain(text.sliced(at + 1));
    if (!domain)
        return std::unexpected(domain.error());

    QString result = local + u'@' + *domain;
    if (result.toUtf8().size() > MaxAddressBytes) {
        return std::unexpected(invalid(QCoreApplication::translate("EmailAddress",
                                                                   "The e-mail address is too long: at most %1 "
                                                                   "characters, fewer for letters outside the Latin "
                                                                   "alphabet.")
                                           .arg(MaxAddressBytes)));
    }
    return result;
}

} // namespace rentdesk::models::services::emailaddress
