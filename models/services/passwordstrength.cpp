// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/services/passwordstrength.h"

#include <QByteArrayList>
#include <QCoreApplication>
#include <QStringList>

#include <algorithm>
#include <array>
#include <cmath>
#include <optional>
#include <string_view>
#include <utility>
#include <vector>
#include <zxcvbn.h>

namespace rentdesk::models::services::passwords {

using namespace Qt::StringLiterals;

namespace {

// The Russian layout (ЙЦУКЕН) on the keys of the Latin one (QWERTY), letter for letter.
constexpr std::u16string_view RussianKeys = u"йцукенгшщзхъфывапролджэячсмитьбюёЙЦУКЕНГШЩЗХЪФЫВАПРОЛДЖЭЯЧСМИТЬБЮЁ";
constexpr std::u16string_view LatinKeys = u"qwertyuiop[]asdfghjkl;'zxcvbnm,.`QWERTYUIOP{}ASDFGHJKL:\"ZXCVBNM<>~";
static_assert(RussianKeys.size() == LatinKeys.size());

// The most used Russian passwords and words, which zxcvbn's English dictionaries lack. They are
// given to zxcvbn as typed on a Latin keyboard ("пароль" is "gfhjkm"), as the Russian ones are
// estimated that way too.
constexpr std::array RussianCommon = {
    u"пароль",   u"привет", u"любовь", u"солнышко", u"люблю",   u"котик",      u"зайка",  u"кошка",     u"ангел",
    u"россия",   u"москва", u"мама",   u"наташа",   u"максим",  u"андрей",     u"сергей", u"александр", u"дмитрий",
    u"владимир", u"марина", u"ирина",  u"светлана", u"татьяна", u"елена",      u"ольга",  u"анастасия", u"екатерина",
    u"алексей",  u"денис",  u"никита", u"счастье",  u"свобода", u"пожалуйста",
};

bool hasRussianLetters(const QString &text)
{
    return std::any_of(text.cbegin(), text.cend(),
                       [](QChar c) { return RussianKeys.find(c.unicode()) != std::u16string_view::npos; });
}

QString onLatinKeys(const QString &text)
{
    QString typed = text;
    for (QChar &c : typed) {
        if (const size_t at = RussianKeys.find(c.unicode()); at != std::u16string_view::npos)
            c = QChar(LatinKeys[at]);
    }
    return typed;
}

// The words of the address and the name, in lower case, each with its Latin-keyboard form
// when it has Russian letters: "anna.smirnova@example.org" gives the address, "anna.smirnova",
// "anna", "smirnova", "example.org", "example" and "org". Shorter than three letters, a word
// would match pieces of almost any password and say little.
QStringList personalWords(const QString &email, const QString &displayName)
{
    QStringList words;
    const auto add = [&words](const QString &word) {
        const QString lowered = word.toLower();
        if (lowered.size() < 3)
            return;
        for (const QString &form : { lowered, onLatinKeys(lowered) }) {
            if (!words.contains(form))
                words.append(form);
        }
    };
    const auto addPieces = [&add](const QString &text) {
        add(text);
        QString piece;
        const QString padded = text + u' ';
        for (const QChar c : padded) {
            if (c.isLetterOrNumber() || c.isMark()) {
                piece += c;
            } else {
                add(piece);
                piece.clear();
            }
        }
    };
    const QString address = email.trimmed();
    if (!address.isEmpty()) {
        add(address);
        const qsizetype at = address.lastIndexOf(u'@');
        addPieces(at < 0 ? address : address.first(at));
        if (at >= 0)
            addPieces(address.sliced(at + 1));
    }
    addPieces(displayName.trimmed());
    return words;
}

struct Match
{
    int begin = 0; // in bytes of what was estimated (UTF-8)
    int length = 0;
    int type = NON_MATCH;
};

struct Estimate
{
    double bits = 0;
    std::vector<Match> matches;
    QByteArray text;
};

Estimate run(const QByteArray &text, const QByteArrayList &dictionary)
{
    std::vector<const char *> words;
    words.reserve(size_t(dictionary.size()) + 1);
    for (const QByteArray &word : dictionary)
        words.push_back(word.constData());
    words.push_back(nullptr);

    Estimate estimate;
    estimate.text = text;
    ZxcMatch_t *info = nullptr;
    estimate.bits = ZxcvbnMatch(text.constData(), words.data(), &info);
    for (const ZxcMatch_t *m = info; m; m = m->Next)
        estimate.matches.push_back({ m->Begin, m->Length, int(m->Type) });
    ZxcvbnFreeInfo(info);
    return estimate;
}

// Leet spellings back to letters, to recognise a common word that zxcvbn matched as p@r0l.
QByteArray unleet(QByteArray token)
{
    static constexpr std::pair<char, char> substitutions[] = { { '@', 'a' }, { '4', 'a' }, { '0', 'o' }, { '1', 'l' },
                                                               { '3', 'e' }, { '5', 's' }, { '$', 's' }, { '7', 't' } };
    for (char &c : token) {
        for (const auto &[leet, letter] : substitutions) {
            if (c == leet)
                c = letter;
        }
    }
    return token.toLower();
}

// zxcvbn's dictionaries hold the keyboard walks and runs people use as passwords (qwerty,
// 1q2w3e4r, 12345), and it reports them as dictionary words. Said as what they are, the
// reason is more use to the person.
bool isKeyboardWalk(const QByteArray &token)
{
    // The Latin keyboard's rows, each shifted right of the one above by a fraction of a key:
    // two keys are neighbours when in one row next to each other, or in adjacent rows less than
    // a key apart.
    struct Row
    {
        std::string_view keys;
        double offset;
    };
    static constexpr std::array rows = { Row { "`1234567890-=", 0.0 }, Row { "qwertyuiop[]\\", 1.5 },
                                         Row { "asdfghjkl;'", 1.75 }, Row { "zxcvbnm,./", 2.25 } };
    const auto place = [](char c) -> std::optional<std::pair<int, double>> {
        for (size_t row = 0; row < rows.size(); ++row) {
            if (const size_t at = rows[row].keys.find(c); at != std::string_view::npos)
                return std::pair { int(row), double(at) + rows[row].offset };
        }
        return std::nullopt;
    };
    // Walks may jump to start again (1qaz 2wsx 3edc): each stretch of neighbours must be three
    // keys or more.
    if (token.size() < 4)
        return false;
    const QByteArray lowered = token.toLower();
    qsizetype stretch = 1;
    for (qsizetype i = 1; i < lowered.size(); ++i) {
        const auto a = place(lowered.at(i - 1));
        const auto b = place(lowered.at(i));
        if (!a || !b)
            return false;
        const int rowsApart = std::abs(a->first - b->first);
        const double keysApart = std::abs(a->second - b->second);
        if ((rowsApart == 0 && keysApart == 1.0) || (rowsApart == 1 && keysApart < 1.0)) {
            ++stretch;
        } else if (stretch < 3) {
            return false;
        } else {
            stretch = 1;
        }
    }
    return stretch >= 3;
}

// A run of letters or digits, each one up or down from the last: 12345, 54321, abcdef.
bool isRun(const QByteArray &token)
{
    if (token.size() < 3)
        return false;
    const QByteArray lowered = token.toLower();
    const int step = lowered.at(1) - lowered.at(0);
    if (step != 1 && step != -1)
        return false;
    for (qsizetype i = 1; i < lowered.size(); ++i) {
        const char c = lowered.at(i);
        const bool alphanumeric = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
        if (!alphanumeric || c - lowered.at(i - 1) != step)
            return false;
    }
    return true;
}

Weakness weaknessOf(const Estimate &estimate, const QByteArrayList &commonWords)
{
    // Zxcvbn splits the password into matches; the kind that covers the most of it is named,
    // and on a tie the one the person can most easily change (their own name first).
    constexpr std::array order = { Weakness::Personal, Weakness::CommonPassword, Weakness::KeyboardPattern,
                                   Weakness::Sequence, Weakness::Repeated,       Weakness::Date };
    std::array<int, order.size()> covered {};
    const auto index = [&order](Weakness w) {
        return size_t(std::find(order.begin(), order.end(), w) - order.begin());
    };
    for (const Match &m : estimate.matches) {
        std::optional<Weakness> kind;
        if (m.type & MULTIPLE_MATCH) {
            kind = Weakness::Repeated;
        } else {
            switch (m.type) {
            case DICTIONARY_MATCH: {
                const QByteArray token = estimate.text.mid(m.begin, m.length);
                kind = isRun(token)         ? Weakness::Sequence
                    : isKeyboardWalk(token) ? Weakness::KeyboardPattern
                                            : Weakness::CommonPassword;
                break;
            }
            case DICT_LEET_MATCH:
                kind = Weakness::CommonPassword;
                break;
            case USER_MATCH:
            case USER_LEET_MATCH: {
                // The user dictionary holds the Russian common words too.
                const QByteArray token = unleet(estimate.text.mid(m.begin, m.length));
                const bool common = std::any_of(commonWords.cbegin(), commonWords.cend(),
                                                [&token](const QByteArray &word) { return unleet(word) == token; });
                kind = common ? Weakness::CommonPassword : Weakness::Personal;
                break;
            }
            case SPATIAL_MATCH:
                kind = Weakness::KeyboardPattern;
                break;
            case SEQUENCE_MATCH:
                kind = Weakness::Sequence;
                break;
            case REPEATS_MATCH:
                kind = Weakness::Repeated;
                break;
            case DATE_MATCH:
            case YEAR_MATCH:
                kind = Weakness::Date;
                break;
            default:
                break;
            }
        }
        if (kind)
            covered[index(*kind)] += m.length;
    }
    const auto most = std::max_element(covered.begin(), covered.end()); // the first of equals
    return *most > 0 ? order[size_t(most - covered.begin())] : Weakness::Guessable;
}

} // namespace

int scoreOf(double log10Guesses)
{
    if (log10Guesses < 3)
        return 0;
    if (log10Guesses < 6)
        return 1;
    if (log10Guesses < 8)
        return 2;
    if (log10Guesses < 10)
        return 3;
    return 4;
}

Strength estimate(const QString &password, const QString &email, const QString &displayName)
{
    // zxcvbn-c reads C strings of bytes: the words and the password in UTF-8. Its dictionaries
    // are compiled into Debian's libzxcvbn (no data file, ZxcvbnInit() is a no-op), and it
    // keeps no state between calls, so worker threads may call it at once.
    const QStringList personal = personalWords(email, displayName);
    QByteArrayList commonWords;
    for (const char16_t *word : RussianCommon)
        commonWords.append(onLatinKeys(QString::fromUtf16(word)).toUtf8());
    QByteArrayList dictionary;
    for (const QString &word : personal)
        dictionary.append(word.toUtf8());
    dictionary.append(commonWords);

    Estimate weakest = run(password.toUtf8(), dictionary);
    // zxcvbn-c counts each byte of a Cyrillic letter as a random character, so "пароль12345"
    // would look strong; typed on Latin keys it is "gfhjkm12345", which it can judge.
    if (hasRussianLetters(password)) {
        Estimate typed = run(onLatinKeys(password).toUtf8(), dictionary);
        if (typed.bits < weakest.bits)
            weakest = std::move(typed);
    }

    Strength strength;
    strength.log10Guesses = weakest.bits * std::log10(2.0);
    strength.score = scoreOf(strength.log10Guesses);
    strength.weakness = weaknessOf(weakest, commonWords);
    return strength;
}

QString describe(Weakness weakness)
{
    switch (weakness) {
    case Weakness::CommonPassword:
        return QCoreApplication::translate(
            "Passwords", "This password is too easy to guess: it is a well-known password or made of common words.");
    case Weakness::Personal:
        return QCoreApplication::translate("Passwords",
                                           "This password is too easy to guess: it is made of your name or e-mail "
                                           "address.");
    case Weakness::KeyboardPattern:
        return QCoreApplication::translate(
            "Passwords", "This password is too easy to guess: it follows the keyboard, like qwerty or 1qaz2wsx.");
    case Weakness::Sequence:
        return QCoreApplication::translate(
            "Passwords", "This password is too easy to guess: it is a sequence, like 12345 or abcdef.");
    case Weakness::Repeated:
        return QCoreApplication::translate(
            "Passwords", "This password is too easy to guess: it repeats itself, like abcabc or 11111.");
    case Weakness::Date:
        return QCoreApplication::translate("Passwords",
                                           "This password is too easy to guess: it is mostly a date or a year.");
    case Weakness::Guessable:
        break;
    }
    return QCoreApplication::translate("Passwords",
                                       "This password is too easy to guess: make it longer, for example with a few "
                                       "unrelated words.");
}

} // namespace rentdesk::models::services::passwords
