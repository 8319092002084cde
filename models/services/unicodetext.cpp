// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/services/unicodetext.h"

#include <utility>

namespace rentdesk::models::services::unicodetext {

using namespace Qt::StringLiterals;

QList<char32_t> codePoints(const QString &text)
{
    QList<char32_t> points;
    points.reserve(text.size());
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (c.isHighSurrogate() && i + 1 < text.size() && text.at(i + 1).isLowSurrogate()) {
            points.append(QChar::surrogateToUcs4(c, text.at(i + 1)));
            ++i;
        } else {
            points.append(c.unicode());
        }
    }
    return points;
}

bool isInvisible(char32_t c)
{
    if (QChar::category(c) == QChar::Other_Format)
        return true;
    // Default_Ignorable_Code_Point (Unicode's DerivedCoreProperties.txt) outside Cf, and the
    // Braille blank, which Unicode does not list but which draws nothing either.
    static constexpr std::pair<char32_t, char32_t> ranges[] = {
        { 0x034F, 0x034F }, { 0x115F, 0x1160 },   { 0x17B4, 0x17B5 },   { 0x180B, 0x180F },
        { 0x2800, 0x2800 }, { 0x3164, 0x3164 },   { 0xFE00, 0xFE0F },   { 0xFFA0, 0xFFA0 },
        { 0xFFF0, 0xFFF8 }, { 0x1BCA0, 0x1BCA3 }, { 0x1D173, 0x1D17A }, { 0xE0000, 0xE0FFF },
    };
    for (const auto &[first, last] : ranges) {
        if (c >= first && c <= last)
            return true;
    }
    return false;
}

bool isVariationSelector(char32_t c)
{
    return (c >= 0xFE00 && c <= 0xFE0F) || (c >= 0xE0100 && c <= 0xE01EF) || (c >= 0x180B && c <= 0x180D)
        || c == 0x180F;
}

QString codePointName(char32_t c)
{
    return u"U+"_s + QString::number(uint(c), 16).toUpper().rightJustified(4, u'0');
}

} // namespace rentdesk::models::services::unicodetext
