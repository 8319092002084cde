// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/query/wordsearch.h"

#include "models/db/sqlitehandle.h"

#include <QByteArray>
#include <QCoreApplication>

#include <memory>
#include <sqlite3.h>

namespace rentdesk::models::query {

using namespace Qt::StringLiterals;

namespace {

// Latin letters and their extensions end here (IPA follows).
constexpr char32_t LatinEnd = 0x250;
constexpr char32_t CyrillicYe = 0x435; // е
constexpr char32_t CyrillicCapitalYo = 0x401; // Ё
constexpr char32_t CyrillicYo = 0x451; // ё
constexpr char32_t CombiningDiaeresis = 0x308;

char32_t codePointAt(QStringView text, qsizetype i, qsizetype *width)
{
    const QChar c = text.at(i);
    if (c.isHighSurrogate() && i + 1 < text.size() && text.at(i + 1).isLowSurrogate()) {
        *width = 2;
        return QChar::surrogateToUcs4(c, text.at(i + 1));
    }
    *width = 1;
    return c.unicode();
}

void append(QString &out, char32_t c)
{
    if (QChar::requiresSurrogates(c)) {
        out.append(QChar(QChar::highSurrogate(c)));
        out.append(QChar(QChar::lowSurrogate(c)));
    } else {
        out.append(QChar(char16_t(c)));
    }
}

// A Latin letter without its diacritics: "é" is "e", "ǖ" is "u".
char32_t latinBase(char32_t c)
{
    while (c >= 0x80 && QChar::decompositionTag(c) == QChar::Canonical) {
        const QString parts = QChar::decomposition(c);
        if (parts.isEmpty())
            break;
        qsizetype width = 1;
        c = codePointAt(parts, 0, &width);
    }
    return c;
}

// Character by character rather than through Unicode normalisation: this runs once per
// building per search, and normalising a string twice costs more than the whole search.
void foldInto(QString &out, QStringView text)
{
    bool afterLatin = false; // the last base character was a Latin letter
    bool afterYe = false; // … or "е", which with a combining diaeresis is "ё"
    for (qsizetype i = 0; i < text.size();) {
        qsizetype width = 1;
        char32_t c = codePointAt(text, i, &width);
        i += width;
        if (c < 0x80) {
            afterLatin = true;
            afterYe = false;
            append(out, c >= u'A' && c <= u'Z' ? c + (u'a' - u'A') : c);
            continue;
        }
        if (QChar::category(c) == QChar::Mark_NonSpacing) {
            if (!(afterLatin || (afterYe && c == CombiningDiaeresis)))
                append(out, c);
            continue;
        }
        afterLatin = c < LatinEnd;
        if (afterLatin)
            c = latinBase(c);
        else if (c == CyrillicYo || c == CyrillicCapitalYo)
            c = CyrillicYe;
        c = QChar::toCaseFolded(c);
        afterYe = c == CyrillicYe;
        append(out, c);
    }
}

QStringView argumentText(sqlite3_value *value)
{
    // The function is registered for UTF-16, so SQLite hands over text in this byte order.
    const void *text = sqlite3_value_text16(value);
    if (!text)
        return {};
    return QStringView(static_cast<const char16_t *>(text), sqlite3_value_bytes16(value) / 2);
}

// rentdesk_has_words(words, text, …): see wordsearch.h.
void hasWords(sqlite3_context *context, int argc, sqlite3_value **argv)
{
    if (argc < 1) {
        sqlite3_result_error(context, "rentdesk_has_words needs its words", -1);
        return;
    }
    // The words are a bound value, the same for every row: SQLite keeps them, split, as the
    // argument's auxiliary data between rows.
    auto *kept = static_cast<QStringList *>(sqlite3_get_auxdata(context, 0));
    std::unique_ptr<QStringList> split;
    if (!kept) {
        split = std::make_unique<QStringList>(argumentText(argv[0]).toString().split(u' ', Qt::SkipEmptyParts));
        kept = split.get();
    }

    thread_local QString folded;
    folded.truncate(0);
    for (int i = 1; i < argc; ++i) {
        foldInto(folded, argumentText(argv[i]));
        folded.append(u'\n'); // no word holds one, so no word spans two texts
    }
    bool all = true;
    for (const QString &word : std::as_const(*kept)) {
        if (!folded.contains(word)) {
            all = false;
            break;
        }
    }
    sqlite3_result_int(context, all ? 1 : 0);
    // Last: SQLite may free the data at once, before this returns.
    if (split)
        sqlite3_set_auxdata(context, 0, split.release(), [](void *data) { delete static_cast<QStringList *>(data); });
}

} // namespace

QString foldForSearch(QStringView text)
{
    QString out;
    out.reserve(text.size());
    foldInto(out, text);
    return out;
}

QStringList searchWords(QStringView text)
{
    const QString folded = foldForSearch(text);
    QStringList words;
    qsizetype start = -1;
    for (qsizetype i = 0; i <= folded.size();) {
        qsizetype width = 1;
        const bool inWord = i < folded.size() && QChar::isLetterOrNumber(codePointAt(folded, i, &width));
        if (inWord && start < 0)
            start = i;
        if (!inWord && start >= 0) {
            const QString word = folded.mid(start, i - start);
            if (!words.contains(word))
                words.append(word);
            start = -1;
        }
        i += width;
    }
    return words;
}

QString searchWordsArgument(const QStringList &words)
{
    return words.join(u' ');
}

std::expected<void, db::DbError> ensureWordSearch(const QSqlDatabase &db)
{
    sqlite3 *handle = db::sqliteHandle(db);
    if (!handle) {
        db::DbError error;
        error.message = QCoreApplication::translate("WordSearch", "The database is not open.");
        error.detail = u"ensureWordSearch: not an open SQLite connection"_s;
        return std::unexpected(error);
    }
    // Defining it again would expire every prepared statement of the connection (and fail
    // while one runs), so it is defined only where it is missing.
    const QByteArray probeSql = QByteArray("SELECT ") + HasWordsFunction + "('')";
    sqlite3_stmt *probe = nullptr;
    const int found = sqlite3_prepare_v2(handle, probeSql.constData(), -1, &probe, nullptr);
    sqlite3_finalize(probe);
    if (found == SQLITE_OK)
        return {};
    // Innocuous and deterministic: it reads only its arguments, so SQLite may use it
    // anywhere and evaluate it once for equal arguments.
    const int created =
        sqlite3_create_function_v2(handle, HasWordsFunction, -1, SQLITE_UTF16 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS,
                                   nullptr, hasWords, nullptr, nullptr, nullptr);
    if (created != SQLITE_OK)
        return std::unexpected(db::lastSqliteError(handle, db));
    return {};
}

} // namespace rentdesk::models::query
