// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/mail/mailtemplates.h"

#include "models/domain/money.h"
#include "models/domain/storedvalues.h"
#include "models/itemmodels/cellformat.h"

#include <QCoreApplication>
#include <QFile>
#include <QHash>
#include <QLocale>
#include <QRegularExpression>

namespace rentdesk::models::mail {

using namespace Qt::StringLiterals;
using services::DomainError;

namespace {

DomainError templateError(const QString &what)
{
    return DomainError(DomainError::Code::InvalidValue, u"mail"_s, QString(),
                       QCoreApplication::translate("MailTemplates", "The mail cannot be written: %1").arg(what));
}

std::optional<QString> readResource(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return std::nullopt;
    return QString::fromUtf8(file.readAll()).replace(u"\r\n"_s, u"\n"_s);
}

QHash<QString, QString> phrases(const QString &language)
{
    QHash<QString, QString> result;
    const auto text = readResource(u":/mail/%1/phrases.txt"_s.arg(language));
    if (!text)
        return result;
    for (const QString &line : text->split(u'\n')) {
        if (line.startsWith(u'#'))
            continue;
        const qsizetype equals = line.indexOf(u'=');
        if (equals > 0)
            result.insert(line.left(equals).trimmed(), line.mid(equals + 1).trimmed());
    }
    return result;
}

// The values the templates may name, in the recipient's locale.
QHash<QString, QString> values(const QLocale &locale, const QHash<QString, QString> &words,
                               const QString &recipientName, const QJsonObject &params)
{
    QHash<QString, QString> v;
    v.insert(u"recipientName"_s, recipientName);
    for (auto it = params.constBegin(); it != params.constEnd(); ++it) {
        if (it.value().isString())
            v.insert(it.key(), it.value().toString());
    }
    const auto date = [&](const QString &key) {
        if (auto parsed = domain::dateFromStored(params.value(key).toString()))
            v.insert(key, locale.toString(*parsed, QLocale::LongFormat));
    };
    date(u"startDate"_s);
    date(u"endDate"_s);
    if (auto start = domain::dateFromStored(params.value(u"startDate"_s).toString())) {
        if (auto end = domain::dateFromStored(params.value(u"endDate"_s).toString()))
            v.insert(u"nights"_s, locale.toString(start->daysTo(*end)));
    }
    if (params.contains(u"totalPrice"_s)) {
        bool ok = false;
        const qint64 minor = params.value(u"totalPrice"_s).toString().toLongLong(&ok);
        if (ok)
            v.insert(u"totalPrice"_s,
                     locale.toCurrencyString(double(minor) / 100.0,
                                             itemmodels::currencySymbol(params.value(u"currency"_s).toString()), 2));
    }
    if (params.contains(u"role"_s)) {
        const QString role = params.value(u"role"_s).toString();
        v.insert(u"role"_s, words.value(u"role."_s + role));
        v.insert(u"roleHint"_s, words.value(u"hint."_s + role));
    }
    if (params.contains(u"reason"_s))
        v.insert(u"reason"_s, words.value(u"reason."_s + params.value(u"reason"_s).toString()));
    return v;
}

// "{name}" replaced by its value; an unknown or empty name is an error.
services::Result<QString> fill(const QString &text, const QHash<QString, QString> &v)
{
    static const QRegularExpression placeholder(u"\\{([A-Za-z]+)\\}"_s);
    QString result;
    qsizetype at = 0;
    auto matches = placeholder.globalMatch(text);
    while (matches.hasNext()) {
        const auto match = matches.next();
        const QString value = v.value(match.captured(1));
        if (value.isEmpty())
            return std::unexpected(templateError(u"{%1}"_s.arg(match.captured(1))));
        result += QStringView(text).mid(at, match.capturedStart() - at);
        result += value;
        at = match.capturedEnd();
    }
    result += QStringView(text).mid(at);
    return result;
}

// An indented paragraph of "Name:   value" lines (the facts of a stay) as a table of two
// columns: the plain text lines them up with spaces, which a proportional font would not.
// Empty when a line is not of that form.
QString factsTable(const QString &paragraph)
{
    QString rows;
    for (const QString &line : paragraph.split(u'\n', Qt::SkipEmptyParts)) {
        const qsizetype colon = line.indexOf(u':');
        if (colon < 0)
            return {};
        rows += u"<tr><td style=\"padding-right:1em\">%1</td><td>%2</td></tr>\n"_s.arg(
            line.left(colon + 1).trimmed().toHtmlEscaped(), line.mid(colon + 1).trimmed().toHtmlEscaped());
    }
    return u"<table>\n%1</table>\n"_s.arg(rows);
}

// Paragraphs of the plain text as HTML: blank lines separate them, indented lines are the
// facts of a stay (a table, or as they are), every text escaped.
QString toHtml(const QString &subject, const QString &text)
{
    QString body;
    for (const QString &paragraph : text.split(u"\n\n"_s, Qt::SkipEmptyParts)) {
        const QString escaped = paragraph.toHtmlEscaped();
        if (paragraph.startsWith(u"  "_s)) {
            const QString table = factsTable(paragraph);
            body += table.isEmpty() ? u"<pre style=\"font-family:inherit\">%1</pre>\n"_s.arg(escaped) : table;
        } else {
            body += u"<p>%1</p>\n"_s.arg(QString(escaped).replace(u'\n', u"<br>"_s));
        }
    }
    return u"<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>%1</title></head>\n"
           "<body style=\"font-family:sans-serif;line-height:1.4\">\n%2</body></html>\n"_s.arg(subject.toHtmlEscaped(),
                                                                                               body);
}

} // namespace

services::Result<ComposedMail> composeMail(domain::MailEvent event, domain::Language language,
                                           const QString &recipientName, const QJsonObject &params)
{
    return composeDocument(domain::toCode(event), language, recipientName, params);
}

services::Result<ComposedMail> composeDocument(const QString &name, domain::Language language,
                                               const QString &recipientName, const QJsonObject &params)
{
    const QString code = domain::toCode(language);
    const auto source = readResource(u":/mail/%1/%2.txt"_s.arg(code, name));
    if (!source)
        return std::unexpected(templateError(u"%1/%2"_s.arg(code, name)));
    // "Subject: …", a blank line, the body.
    const qsizetype split = source->indexOf(u"\n\n"_s);
    if (!source->startsWith(u"Subject: "_s) || split < 0)
        return std::unexpected(templateError(u"%1/%2: no subject line"_s.arg(code, name)));
    const QLocale locale = language == domain::Language::Russian ? QLocale(QLocale::Russian, QLocale::Russia)
                                                                 : QLocale(QLocale::English, QLocale::UnitedKingdom);
    const auto v = values(locale, phrases(code), recipientName, params);
    auto subject = fill(source->mid(9, split - 9).trimmed(), v);
    if (!subject)
        return std::unexpected(subject.error());
    auto text = fill(source->mid(split + 2).trimmed() + u'\n', v);
    if (!text)
        return std::unexpected(text.error());
    return ComposedMail { *subject, *text, toHtml(*subject, *text) };
}

} // namespace rentdesk::models::mail
