// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QString>

#include <expected>

namespace rentdesk::net::mail {

// A mailbox: who a mail is from or to. The name may be empty.
struct MailAddress
{
    QString name;
    QString address;
};

// Reads a mailbox as a person types it into a settings field: "Name <addr@host>",
// "\"Quoted, Name\" <addr@host>", "<addr@host>" or "addr@host", trimmed. Refuses, with one
// translated line naming the text, what could not go into a header as it is: an address
// without exactly one '@' with text on both sides, with a space, a control character or an
// RFC 5322 special in it, or longer than 254 octets; an unclosed '<' or '"', text after the
// '>', a name with CR or LF. formatMailAddress() writes the form this reads back.
[[nodiscard]] std::expected<MailAddress, QString> parseMailAddress(const QString &text);
[[nodiscard]] QString formatMailAddress(const MailAddress &address);

// One notification as the SMTP client sends it: the same mail as plain text and as HTML.
struct MailMessage
{
    MailAddress from;
    MailAddress to;
    QString subject;
    QString text;
    QString html;
    QByteArray messageId; // "<...@...>", fixed by the caller when the mail was queued
    QDateTime date; // any time spec; written with its UTC offset; must be valid
};

// How the parts' bodies travel. EightBit only when the server offered 8BITMIME.
enum class BodyEncoding { QuotedPrintable, EightBit };

// The whole message as it goes after DATA, before dot-stuffing: Date, From, To, Subject,
// Message-ID, MIME-Version and a multipart/alternative of text/plain then text/html (the
// last part is the preferred one). CRLF line ends only (a lone CR or LF of any input becomes
// CRLF), UTF-8 throughout, no line longer than 998 octets and header lines within 78 where
// folding can do it. No input can add a header: CR and LF in header values become spaces.
// With EightBit, a part with a line longer than 998 octets (or a NUL) goes quoted-printable.
[[nodiscard]] QByteArray renderMessage(const MailMessage &message, BodyEncoding encoding);

// The header encoders. Each returns the folded value that follows "Name: " (no final CRLF):
// printable ASCII words stay readable, folded at spaces; runs of words with anything else
// become RFC 2047 "=?UTF-8?B?...?=" words of at most 75 characters that never split a
// UTF-8 character. Runs of ASCII white space, CR, LF and other control characters become
// one space and the text is trimmed. alreadyUsed is the length of the line before the value
// ("Subject: " is 9); up to about 50 keeps every line within 78 octets.
[[nodiscard]] QByteArray encodeHeaderText(const QString &text, int alreadyUsed);
// For From: and To: (the line is taken to begin with "From: "). An ASCII name with RFC 5322
// specials is written as a quoted string if that fits on the line; otherwise the name's atoms
// stay as they are and each run of its other words (non-ASCII, specials) becomes encoded
// words. White space and control characters are dropped from the address.
[[nodiscard]] QByteArray encodeAddressHeader(const MailAddress &address);

// RFC 2045 §6.7 for CRLF text: '=', control characters and octets >= 0x80 as =XX, space and
// tab before a line end too, soft line breaks keeping lines within 76 characters; CRLF stays
// a hard line break (a lone CR or LF is encoded). A '.' or "From " at a line start is left
// alone: dot-stuffing is the transport's job.
[[nodiscard]] QByteArray encodeQuotedPrintable(const QByteArray &utf8Text);

// RFC 5322 §3.3, "Tue, 01 Dec 2026 17:59:00 +0300", in English whatever the locale, with the
// date's own offset from UTC (truncated to whole minutes). Empty for an invalid date.
[[nodiscard]] QByteArray formatMailDate(const QDateTime &date);

// Doubles a '.' at the start of every line, the first one included (RFC 5321 §4.5.2), and
// makes sure non-empty data ends with CRLF, so that the caller can append ".\r\n". The data
// must already have CRLF line ends (renderMessage() gives that).
[[nodiscard]] QByteArray dotStuff(const QByteArray &data);

} // namespace rentdesk::net::mail
