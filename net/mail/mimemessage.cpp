// SPDX-License-Identifier: GPL-3.0-or-later
#include "net/mail/mimemessage.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QStringList>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <utility>

namespace rentdesk::net::mail {

using namespace Qt::StringLiterals;

namespace {

constexpr qsizetype HeaderLineLimit = 78; // RFC 5322 §2.1.1, "SHOULD"
constexpr qsizetype LineLimit = 998; // RFC 5322 §2.1.1, "MUST"
constexpr qsizetype EncodedWordLimit = 75; // RFC 2047 §2
constexpr qsizetype QpLineLimit = 76; // RFC 2045 §6.7 (5)
constexpr qsizetype MaxAddressOctets = 254; // RFC 5321 §4.5.3.1.3 path limit less the brackets
constexpr qsizetype AddressHeaderUsed = 6; // "From: ", the longer of the two address headers

const QByteArray EncodedWordPrefix = "=?UTF-8?B?"_ba;
const QByteArray EncodedWordSuffix = "?="_ba;
// An encoded word shorter than this holds fewer than three Cyrillic letters; rather fold.
constexpr qsizetype ShortestUsefulEncodedWord = 24;

// ---- parseMailAddress / formatMailAddress ------------------------------------------------

// The text as an error message shows it: on one line, and not a screenful.
QString shown(const QString &text)
{
    QString out;
    for (const QChar c : text) {
        if (c == u'\r')
            out += u"\\r"_s;
        else if (c == u'\n')
            out += u"\\n"_s;
        else if (c == u'\t')
            out += u"\\t"_s;
        else if (c.category() == QChar::Other_Control)
            out += u"\\x%1"_s.arg(int(c.unicode()), 2, 16, QChar(u'0'));
        else
            out += c;
    }
    constexpr qsizetype shownLimit = 80;
    if (out.size() > shownLimit) {
        out.truncate(shownLimit - 1);
        if (out.back().isHighSurrogate())
            out.chop(1);
        out += QChar(0x2026);
    }
    return out;
}

// reason is a translated sentence with %1 for the text.
std::unexpected<QString> refused(const QString &reason, const QString &text)
{
    return std::unexpected(reason.arg(shown(text)));
}

// RFC 5322 §3.2.3: characters that end an atom. An address we accept is a dot-atom on both
// sides of the '@', so none of these but '.' may be in it; a display name with any of them
// must be quoted.
bool isSpecial(QChar c)
{
    return u"()<>[]:;@\\,.\""_s.contains(c);
}

// A display name with its quoted strings opened: the quotes go, "\x" becomes x.
QString unquotedPhrase(const QString &phrase)
{
    QString out;
    bool quoted = false;
    for (qsizetype i = 0; i < phrase.size(); ++i) {
        const QChar c = phrase.at(i);
        if (quoted && c == u'\\' && i + 1 < phrase.size())
            out += phrase.at(++i);
        else if (c == u'"')
            quoted = !quoted;
        else
            out += c;
    }
    return out;
}

// ---- header folding ----------------------------------------------------------------------

// Words of header text. White space, CR, LF and the other ASCII control characters all
// separate words, so that no line break of the input reaches the header (a subject
// "Hi\r\nBcc: x@y" is the three words "Hi", "Bcc:", "x@y"), and no run of spaces can make a
// line too long to fold.
QStringList headerWords(const QString &text)
{
    QStringList words;
    QString word;
    for (const QChar c : text) {
        if (c.unicode() <= 0x20 || c.unicode() == 0x7f) {
            if (!word.isEmpty())
                words << std::exchange(word, QString());
        } else {
            word += c;
        }
    }
    if (!word.isEmpty())
        words << word;
    return words;
}

bool isPrintableAscii(const QString &text)
{
    return std::all_of(text.cbegin(), text.cend(), [](QChar c) { return c.unicode() > 0x20 && c.unicode() < 0x7f; });
}

// A word that goes into the header as it is: printable ASCII that a decoder will not take
// for an encoded word, and short enough that its line stays within 998 octets.
bool isPlainWord(const QString &word, qsizetype alreadyUsed)
{
    return isPrintableAscii(word) && !word.contains(u"=?"_s)
        && word.size() + std::max<qsizetype>(alreadyUsed, 1) + 1 <= LineLimit;
}

bool isAtom(const QString &word)
{
    return isPrintableAscii(word) && std::none_of(word.cbegin(), word.cend(), isSpecial);
}

// Writes the tokens of one header value, each after a space, folding (CRLF + space) before
// a token that would take the line past 78 octets. The first token never folds: it follows
// the header name on its line.
class HeaderFolder
{
public:
    explicit HeaderFolder(qsizetype alreadyUsed)
        : m_lineLength(alreadyUsed)
    {
    }

    void addWord(const QByteArray &word)
    {
        separate(!m_empty && m_lineLength + 1 + word.size() > HeaderLineLimit);
        append(word);
    }

    // Text as RFC 2047 B words. The white space between two encoded words is not part of
    // the text (RFC 2047 §6.2), so the words may be cut anywhere between two characters.
    void addEncoded(const QByteArray &utf8)
    {
        qsizetype start = 0;
        while (start < utf8.size()) {
            const bool fold = !m_empty && HeaderLineLimit - m_lineLength - 1 < ShortestUsefulEncodedWord;
            const qsizetype room = fold ? HeaderLineLimit - 1 : HeaderLineLimit - m_lineLength - (m_empty ? 0 : 1);
            const qsizetype wordLength = std::clamp(room, ShortestUsefulEncodedWord, EncodedWordLimit);
            const qsizetype base64Chars = wordLength - EncodedWordPrefix.size() - EncodedWordSuffix.size();
            qsizetype end = std::min(utf8.size(), start + base64Chars / 4 * 3);
            // Back off to the first byte of a character: a continuation byte is 10xxxxxx.
            while (end < utf8.size() && end > start && (uchar(utf8.at(end)) & 0xc0) == 0x80)
                --end;
            separate(fold);
            append(EncodedWordPrefix + utf8.mid(start, end - start).toBase64() + EncodedWordSuffix);
            start = end;
        }
    }

    QByteArray result() const { return m_out; }

private:
    void separate(bool fold)
    {
        if (m_empty)
            return;
        if (fold) {
            m_out += "\r\n "_ba;
            m_lineLength = 1;
        } else {
            m_out += ' ';
            ++m_lineLength;
        }
    }

    void append(const QByteArray &token)
    {
        m_out += token;
        m_lineLength += token.size();
        m_empty = false;
    }

    QByteArray m_out;
    qsizetype m_lineLength;
    bool m_empty = true;
};

// Adds words: those plain() accepts as they are, each run of the others as encoded words
// with the run's spaces inside them, since the white space between two encoded words is not
// part of the text (RFC 2047 §6.2).
template<typename Plain> void addWords(HeaderFolder &folder, const QStringList &words, Plain plain)
{
    QStringList run;
    const auto flush = [&] {
        if (!run.isEmpty())
            folder.addEncoded(run.join(u' ').toUtf8());
        run.clear();
    };
    for (const QString &word : words) {
        if (plain(word)) {
            flush();
            folder.addWord(word.toLatin1());
        } else {
            run << word;
        }
    }
    flush();
}

// What of an address may go between '<' and '>': anything but white space and control
// characters, which could end the header or split the address.
QByteArray headerSafeAddress(const QString &address)
{
    QByteArray out = address.toUtf8();
    out.removeIf([](char c) { return uchar(c) <= 0x20 || uchar(c) == 0x7f; });
    return out;
}

// ---- bodies --------------------------------------------------------------------------------

// UTF-8 with CRLF line ends, whatever mix of CR, LF and CRLF the text had.
QByteArray crlfUtf8(const QString &text)
{
    const QByteArray utf8 = text.toUtf8();
    QByteArray out;
    out.reserve(utf8.size() + utf8.size() / 32);
    for (qsizetype i = 0; i < utf8.size(); ++i) {
        const char c = utf8.at(i);
        if (c == '\r' || c == '\n') {
            out += "\r\n"_ba;
            if (c == '\r' && i + 1 < utf8.size() && utf8.at(i + 1) == '\n')
                ++i;
        } else {
            out += c;
        }
    }
    return out;
}

// Whether CRLF text may go as it is under 8BITMIME (RFC 6152, RFC 2045 §2.8): no NUL and no
// line longer than 998 octets.
bool fitsEightBit(const QByteArray &crlfText)
{
    if (crlfText.contains('\0'))
        return false;
    qsizetype start = 0;
    while (true) {
        const qsizetype end = crlfText.indexOf("\r\n"_ba, start);
        if ((end < 0 ? crlfText.size() : end) - start > LineLimit)
            return false;
        if (end < 0)
            return true;
        start = end + 2;
    }
}

struct EncodedPart
{
    QByteArray body;
    QByteArray transferEncoding;
};

EncodedPart encodePart(const QString &text, BodyEncoding encoding)
{
    const QByteArray raw = crlfUtf8(text);
    if (encoding == BodyEncoding::EightBit && fitsEightBit(raw))
        return { raw, "8bit"_ba };
    return { encodeQuotedPrintable(raw), "quoted-printable"_ba };
}

void encodeQuotedPrintableLine(QByteArrayView line, QByteArray &out)
{
    static constexpr char hex[] = "0123456789ABCDEF";
    qsizetype column = 0;
    for (qsizetype i = 0; i < line.size(); ++i) {
        const uchar c = uchar(line.at(i));
        const bool lastOfLine = i + 1 == line.size();
        const bool literal = (c >= 33 && c <= 126 && c != '=') || ((c == ' ' || c == '\t') && !lastOfLine);
        const qsizetype length = literal ? 1 : 3;
        // A soft break costs a '=' at the end of the line; the line's last token needs none.
        if (column + length > (lastOfLine ? QpLineLimit : QpLineLimit - 1)) {
            out += "=\r\n"_ba;
            column = 0;
        }
        if (literal) {
            out += char(c);
        } else {
            out += '=';
            out += hex[c >> 4];
            out += hex[c & 0x0f];
        }
        column += length;
    }
}

// The boundary is a function of the Message-ID, so that a mail sent again after a crash is
// the same octets. "=_" cannot occur in quoted-printable text ('_' is no hex digit), and the
// loop makes sure of 8bit text too.
QByteArray boundaryFor(const QByteArray &messageId, const QByteArray &first, const QByteArray &second)
{
    for (int attempt = 0;; ++attempt) {
        const QByteArray hash = QCryptographicHash::hash(QByteArray(messageId + '/' + QByteArray::number(attempt)),
                                                         QCryptographicHash::Sha256);
        QByteArray boundary = "=_rentdesk_"_ba + hash.toHex().left(24);
        if (!first.contains(boundary) && !second.contains(boundary))
            return boundary;
    }
}

} // namespace

std::expected<MailAddress, QString> parseMailAddress(const QString &text)
{
    const QString trimmed = text.trimmed();
    if (trimmed.isEmpty())
        return std::unexpected(QCoreApplication::translate("MailAddress", "The e-mail address is empty."));

    // The first '<' outside a quoted string starts the address: a quoted name may hold one.
    qsizetype open = -1;
    bool quoted = false;
    for (qsizetype i = 0; i < trimmed.size() && open < 0; ++i) {
        const QChar c = trimmed.at(i);
        if (quoted && c == u'\\')
            ++i;
        else if (c == u'"')
            quoted = !quoted;
        else if (!quoted && c == u'<')
            open = i;
    }
    if (quoted)
        return refused(
            QCoreApplication::translate("MailAddress", "\"%1\" is not an e-mail address: a quote is not closed."),
            trimmed);

    MailAddress result;
    if (open >= 0) {
        const qsizetype close = trimmed.indexOf(u'>', open + 1);
        if (close < 0)
            return refused(
                QCoreApplication::translate("MailAddress", "\"%1\" is not an e-mail address: '<' is not closed."),
                trimmed);
        if (close != trimmed.size() - 1)
            return refused(
                QCoreApplication::translate("MailAddress", "\"%1\" is not an e-mail address: there is text after '>'."),
                trimmed);
        const QString phrase = trimmed.left(open).trimmed();
        if (phrase.contains(u'\r') || phrase.contains(u'\n'))
            return refused(QCoreApplication::translate(
                               "MailAddress", "\"%1\" is not an e-mail address: the name contains a line break."),
                           trimmed);
        result.name = unquotedPhrase(phrase);
        result.address = trimmed.sliced(open + 1, close - open - 1).trimmed();
    } else {
        result.address = trimmed;
    }

    const QString &address = result.address;
    if (address.toUtf8().size() > MaxAddressOctets)
        return refused(QCoreApplication::translate(
                           "MailAddress", "\"%1\" is not an e-mail address: the address is longer than 254 bytes."),
                       trimmed);
    // Before the '@' rule: a line break with a second address after it says more this way.
    if (std::any_of(address.cbegin(), address.cend(),
                    [](QChar c) { return c.isSpace() || c.category() == QChar::Other_Control; }))
        return refused(
            QCoreApplication::translate("MailAddress",
                                        "\"%1\" is not an e-mail address: the address contains a space or a control "
                                        "character."),
            trimmed);
    const qsizetype at = address.indexOf(u'@');
    if (at <= 0 || at == address.size() - 1 || address.indexOf(u'@', at + 1) >= 0)
        return refused(
            QCoreApplication::translate("MailAddress",
                                        "\"%1\" is not an e-mail address: it needs one '@' with text on both sides, "
                                        "like name@example.org."),
            trimmed);
    const auto special =
        std::find_if(address.cbegin(), address.cend(), [](QChar c) { return c != u'.' && c != u'@' && isSpecial(c); });
    if (special != address.cend())
        return std::unexpected(
            QCoreApplication::translate("MailAddress", "\"%1\" is not an e-mail address: '%2' is not allowed in it.")
                .arg(shown(trimmed), *special));
    return result;
}

QString formatMailAddress(const MailAddress &address)
{
    if (address.name.isEmpty())
        return address.address;
    // Quoted as a mail program would show it, and so that parseMailAddress() reads it back.
    const bool quote = std::any_of(address.name.cbegin(), address.name.cend(), isSpecial)
        || address.name.front().isSpace() || address.name.back().isSpace();
    if (!quote)
        return address.name + u" <"_s + address.address + u'>';
    QString escaped = address.name;
    escaped.replace(u'\\', u"\\\\"_s).replace(u'"', u"\\\""_s);
    return u'"' + escaped + u"\" <"_s + address.address + u'>';
}

QByteArray encodeHeaderText(const QString &text, int alreadyUsed)
{
    HeaderFolder folder(alreadyUsed);
    addWords(folder, headerWords(text), [alreadyUsed](const QString &word) { return isPlainWord(word, alreadyUsed); });
    return folder.result();
}

QByteArray encodeAddressHeader(const MailAddress &address)
{
    HeaderFolder folder(AddressHeaderUsed);
    const QByteArray addr = headerSafeAddress(address.address);
    const QStringList words = headerWords(address.name);
    if (words.isEmpty()) {
        folder.addWord(addr);
        return folder.result();
    }

    const auto plainAtom = [](const QString &word) {
        return isAtom(word) && isPlainWord(word, AddressHeaderUsed);
    };
    const QString name = words.join(u' ');
    QString quoted = name;
    quoted.replace(u'\\', u"\\\\"_s).replace(u'"', u"\\\""_s).prepend(u'"').append(u'"');
    const bool quotable =
        std::all_of(words.cbegin(), words.cend(), [](const QString &word) { return isPlainWord(word, 0); })
        && AddressHeaderUsed + quoted.size() <= HeaderLineLimit;
    if (quotable && !std::all_of(words.cbegin(), words.cend(), plainAtom)) {
        // ASCII with specials. Not folded inside: a folded quoted string is legal, but not
        // every reader unfolds it.
        folder.addWord(quoted.toLatin1());
    } else {
        // Atoms stay readable, each run of other words becomes encoded words (which may hold
        // specials and fold anywhere). Keeping runs short matters beyond size: Python 3.11's
        // email parser (CPython gh-128110) reads the white space between two encoded words of
        // a display name as a space, where RFC 2047 and mail programs ignore it.
        addWords(folder, words, plainAtom);
    }
    folder.addWord('<' + addr + '>');
    return folder.result();
}

QByteArray encodeQuotedPrintable(const QByteArray &utf8Text)
{
    QByteArray out;
    out.reserve(utf8Text.size() + utf8Text.size() / 4);
    qsizetype start = 0;
    while (true) {
        const qsizetype end = utf8Text.indexOf("\r\n"_ba, start);
        encodeQuotedPrintableLine(QByteArrayView(utf8Text).sliced(start, (end < 0 ? utf8Text.size() : end) - start),
                                  out);
        if (end < 0)
            return out;
        out += "\r\n"_ba;
        start = end + 2;
    }
}

QByteArray formatMailDate(const QDateTime &date)
{
    if (!date.isValid())
        return {};
    // Fixed tables: RFC 5322 names are English, and the system locale is not.
    static constexpr const char *days[] = { "Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun" };
    static constexpr const char *months[] = { "Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                              "Jul", "Aug", "Sep", "Oct", "Nov", "Dec" };
    const int offsetMinutes = date.offsetFromUtc() / 60;
    const QDateTime local = date.toOffsetFromUtc(offsetMinutes * 60);
    const QDate day = local.date();
    const QTime time = local.time();
    const int absoluteOffset = std::abs(offsetMinutes);
    char text[64];
    const int length =
        std::snprintf(text, sizeof text, "%s, %02d %s %04d %02d:%02d:%02d %c%02d%02d", days[day.dayOfWeek() - 1],
                      day.day(), months[day.month() - 1], day.year(), time.hour(), time.minute(), time.second(),
                      offsetMinutes < 0 ? '-' : '+', absoluteOffset / 60, absoluteOffset % 60);
    return QByteArray(text, std::clamp(length, 0, int(sizeof text) - 1));
}

QByteArray renderMessage(const MailMessage &message, BodyEncoding encoding)
{
    Q_ASSERT(message.date.isValid());
    const EncodedPart text = encodePart(message.text, encoding);
    const EncodedPart html = encodePart(message.html, encoding);
    const QByteArray boundary = boundaryFor(message.messageId, text.body, html.body);
    QByteArray messageId = message.messageId;
    messageId.removeIf([](char c) { return uchar(c) <= 0x20 || uchar(c) == 0x7f; });
    const QByteArray subject = encodeHeaderText(message.subject, int(qstrlen("Subject: ")));

    QByteArray out;
    out.reserve(1024 + text.body.size() + html.body.size());
    out += "Date: "_ba + formatMailDate(message.date) + "\r\n"_ba;
    out += "From: "_ba + encodeAddressHeader(message.from) + "\r\n"_ba;
    out += "To: "_ba + encodeAddressHeader(message.to) + "\r\n"_ba;
    out += (subject.isEmpty() ? "Subject:"_ba : "Subject: "_ba + subject) + "\r\n"_ba;
    out += "Message-ID: "_ba + messageId + "\r\n"_ba;
    out += "MIME-Version: 1.0\r\n"_ba;
    out += "Content-Type: multipart/alternative;\r\n boundary=\""_ba + boundary + "\"\r\n"_ba;
    out += "\r\n"_ba;
    // RFC 2046 §5.1.1: the CRLF before each delimiter belongs to the delimiter, not the part.
    const auto part = [&](const char *type, const EncodedPart &encoded) {
        out += "--"_ba + boundary + "\r\n"_ba;
        out += "Content-Type: "_ba + type + "; charset=UTF-8\r\n"_ba;
        out += "Content-Transfer-Encoding: "_ba + encoded.transferEncoding + "\r\n"_ba;
        out += "\r\n"_ba;
        out += encoded.body + "\r\n"_ba;
    };
    part("text/plain", text);
    part("text/html", html);
    out += "--"_ba + boundary + "--\r\n"_ba;
    return out;
}

QByteArray dotStuff(const QByteArray &data)
{
    if (data.isEmpty())
        return {};
    QByteArray out;
    out.reserve(data.size() + data.size() / 64 + 2);
    bool lineStart = true;
    char previous = '\0';
    for (const char c : data) {
        if (lineStart && c == '.')
            out += '.';
        out += c;
        lineStart = previous == '\r' && c == '\n';
        previous = c;
    }
    if (!out.endsWith("\r\n"_ba))
        out += "\r\n"_ba;
    return out;
}

} // namespace rentdesk::net::mail
