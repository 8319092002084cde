// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/query/searchtext.h"

#include <QStringList>

namespace rentdesk::models::query {

namespace {

// FTS5's unicode61 keeps letters, digits and private-use characters in tokens; a prefix
// shorter than this many of them is not served by the prefix index and matches most rows.
constexpr int MinPrefixLength = 2;

char32_t codePointAt(QStringView text, qsizetype i, qsizetype *length)
{
    const QChar c = text.at(i);
    if (c.isHighSurrogate() && i + 1 < text.size() && text.at(i + 1).isLowSurrogate()) {
        *length = 2;
        return QChar::surrogateToUcs4(c, text.at(i + 1));
    }
    *length = 1;
    return c.unicode();
}

bool isTokenCharacter(char32_t c)
{
    return QChar::isLetterOrNumber(c) || QChar::category(c) == QChar::Other_PrivateUse;
}

// How many token characters end the word: the length of its last token.
int trailingTokenLength(QStringView word)
{
    int length = 0;
    for (qsizetype i = 0; i < word.size();) {
        qsizetype width = 1;
        length = isTokenCharacter(codePointAt(word, i, &width)) ? length + 1 : 0;
        i += width;
    }
    return length;
}

bool hasTokenCharacter(QStringView word)
{
    for (qsizetype i = 0; i < word.size();) {
        qsizetype width = 1;
        if (isTokenCharacter(codePointAt(word, i, &width)))
            return true;
        i += width;
    }
    return false;
}

} // namespace

QString toFtsQuery(const QString &text)
{
    QString folded = text.normalized(QString::NormalizationForm_C);
    folded.replace(u'ё', u'е').replace(u'Ё', u'Е');

    // Words are separated by any white space (tabs and non-breaking spaces too).
    QStringList words;
    qsizetype start = 0;
    for (qsizetype i = 0; i <= folded.size(); ++i) {
        if (i == folded.size() || folded.at(i).isSpace()) {
            const QStringView word = QStringView(folded).mid(start, i - start);
            if (hasTokenCharacter(word))
                words.append(word.toString());
            start = i + 1;
        }
    }
    if (words.isEmpty())
        return {};

    const bool stillTyping = !folded.isEmpty() && !folded.back().isSpace();
    QStringList phrases;
    phrases.reserve(words.size());
    for (qsizetype i = 0; i < words.size(); ++i) {
        QString phrase = u'"' + QString(words.at(i)).replace(u'"', QStringLiteral("\"\"")) + u'"';
        if (i == words.size() - 1 && stillTyping && trailingTokenLength(words.at(i)) >= MinPrefixLength)
            phrase += u'*';
        phrases.append(phrase);
    }
    return phrases.join(u' ');
}

} // namespace rentdesk::models::query
