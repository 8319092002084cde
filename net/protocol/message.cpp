// SPDX-License-Identifier: GPL-3.0-or-later
#include "net/protocol/message.h"

#include "models/domain/storedvalues.h"

#include <QJsonDocument>
#include <QJsonParseError>
#include <QJsonValue>
#include <QVariant>

#include <algorithm>
#include <cmath>
#include <utility>

namespace rentdesk::net::protocol {

using namespace Qt::StringLiterals;

// Every sentence in this file is plain English on purpose, not tr(): see Error.

namespace {

QString quoted(QStringView field)
{
    return u'"' + field.toString() + u'"';
}

std::unexpected<Error> badRequest(QStringView field, const QString &message)
{
    return std::unexpected(Error::make(ErrorCode::BadRequest, message, field.toString()));
}

std::unexpected<Error> missing(QStringView field)
{
    return badRequest(field, quoted(field) + u" is required."_s);
}

// The field's value, or nullopt when it is absent or null (the same thing on this wire).
std::optional<QJsonValue> present(const QJsonObject &object, QStringView field)
{
    QJsonValue value = object.value(field);
    if (value.isUndefined() || value.isNull())
        return std::nullopt;
    return value;
}

// The number of Unicode characters, or nullopt when a surrogate is unpaired: JSON's "\ud800"
// escape can make one, UTF-8 cannot carry it, and SQLite would store it mangled.
std::optional<qsizetype> characterCount(QStringView text)
{
    qsizetype count = 0;
    for (qsizetype i = 0; i < text.size(); ++i, ++count) {
        const QChar c = text[i];
        if (c.isHighSurrogate()) {
            if (i + 1 == text.size() || !text[i + 1].isLowSurrogate())
                return std::nullopt;
            ++i;
        } else if (c.isLowSurrogate()) {
            return std::nullopt;
        }
    }
    return count;
}

std::expected<QString, Error> checkString(const QJsonValue &value, QStringView field, int maxLength)
{
    if (!value.isString())
        return badRequest(field, quoted(field) + u" must be a string."_s);
    QString text = value.toString();
    const std::optional<qsizetype> length = characterCount(text);
    if (!length)
        return badRequest(field, quoted(field) + u" must be valid Unicode text (it has an unpaired surrogate)."_s);
    if (*length > maxLength)
        return badRequest(field, u"%1 must be at most %2 characters."_s.arg(quoted(field)).arg(maxLength));
    return text;
}

std::expected<qint64, Error> checkInt(const QJsonValue &value, QStringView field, qint64 min, qint64 max)
{
    min = std::max(min, -MaxJsonInteger);
    max = std::min(max, MaxJsonInteger);
    // Qt keeps a number as a double unless it was written as an integer that fits 64 bits;
    // both are isDouble(), and toDouble() is exact for everything up to MaxJsonInteger.
    const double number = value.toDouble();
    if (!value.isDouble() || !std::isfinite(number) || std::trunc(number) != number || number < double(min)
        || number > double(max)) {
        QString expected;
        if (min == -MaxJsonInteger && max == MaxJsonInteger)
            expected = u"%1 must be a whole number."_s.arg(quoted(field));
        else if (max == MaxJsonInteger)
            expected = u"%1 must be a whole number of at least %2."_s.arg(quoted(field)).arg(min);
        else
            expected = u"%1 must be a whole number from %2 to %3."_s.arg(quoted(field)).arg(min).arg(max);
        return badRequest(field, expected);
    }
    return qint64(number);
}

std::expected<QJsonObject, Error> checkObject(const QJsonValue &value, QStringView field)
{
    if (!value.isObject())
        return badRequest(field, quoted(field) + u" must be an object."_s);
    return value.toObject();
}

// Reads a whole frame as one JSON object; the reason for a refusal is a sentence.
std::expected<QJsonObject, QString> readObject(const QByteArray &frame)
{
    // Qt's parser refuses invalid UTF-8 inside strings too; checking first says so plainly
    // and does not depend on where in the frame the bad bytes are.
    if (!frame.isValidUtf8())
        return std::unexpected(u"The frame is not UTF-8 text."_s);
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(frame, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        return std::unexpected(
            u"The frame is not JSON (%1 at byte %2)."_s.arg(parseError.errorString()).arg(parseError.offset));
    }
    if (!document.isObject())
        return std::unexpected(u"The frame is not a JSON object."_s);
    return document.object();
}

QByteArray toFrame(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

} // namespace

std::expected<Request, RequestError> parseRequest(const QByteArray &frame)
{
    const auto object = readObject(frame);
    if (!object)
        return std::unexpected(RequestError { Error::make(ErrorCode::BadJson, object.error()), QString() });

    // Read the id first: an error about anything else is still answered under it.
    const auto id = requireString(*object, u"id", MaxIdChars);
    const QString echo = id ? *id : QString();
    const auto type = requireString(*object, u"type", AnyLength);
    if (!type)
        return std::unexpected(RequestError { type.error(), echo });
    if (!id)
        return std::unexpected(RequestError { id.error(), QString() });
    if (id->isEmpty()) {
        return std::unexpected(RequestError {
            Error::make(ErrorCode::BadRequest, u"\"id\" must have 1 to %1 characters."_s.arg(MaxIdChars), u"id"_s),
            QString() });
    }

    Request parsed;
    parsed.type = *type;
    parsed.id = *id;
    parsed.body = *object;
    parsed.body.remove(u"type");
    parsed.body.remove(u"id");
    return parsed;
}

std::expected<QString, Error> requireString(const QJsonObject &object, QStringView field, int maxLength)
{
    const std::optional<QJsonValue> value = present(object, field);
    if (!value)
        return missing(field);
    return checkString(*value, field, maxLength);
}

std::expected<std::optional<QString>, Error> optionalString(const QJsonObject &object, QStringView field, int maxLength)
{
    const std::optional<QJsonValue> value = present(object, field);
    if (!value)
        return std::optional<QString>();
    auto text = checkString(*value, field, maxLength);
    if (!text)
        return std::unexpected(text.error());
    return std::optional<QString>(std::move(*text));
}

std::expected<qint64, Error> requireInt(const QJsonObject &object, QStringView field, qint64 min, qint64 max)
{
    const std::optional<QJsonValue> value = present(object, field);
    if (!value)
        return missing(field);
    return checkInt(*value, field, min, max);
}

std::expected<std::optional<qint64>, Error> optionalInt(const QJsonObject &object, QStringView field, qint64 min,
                                                        qint64 max)
{
    const std::optional<QJsonValue> value = present(object, field);
    if (!value)
        return std::optional<qint64>();
    const auto number = checkInt(*value, field, min, max);
    if (!number)
        return std::unexpected(number.error());
    return std::optional<qint64>(*number);
}

std::expected<QUuid, Error> requireUuid(const QJsonObject &object, QStringView field)
{
    const std::optional<QJsonValue> value = present(object, field);
    if (!value)
        return missing(field);
    const auto id = models::domain::idFromStored(value->toVariant());
    // The exact round trip as well: idFromStored's pattern ends in `$`, which also matches
    // before a final newline.
    if (!id || models::domain::toStoredId(*id) != value->toString())
        return badRequest(field, quoted(field) + u" must be a UUID in lowercase text without braces."_s);
    return *id;
}

std::expected<QDateTime, Error> requireTimestamp(const QJsonObject &object, QStringView field)
{
    const std::optional<QJsonValue> value = present(object, field);
    if (!value)
        return missing(field);
    const auto time = models::domain::timestampFromStored(value->toVariant());
    // As for ids, only the exact form toStoredTimestamp writes (24:00:00.000Z, which Qt reads
    // as the next midnight, is not it).
    if (!time || models::domain::toStoredTimestamp(*time) != value->toString())
        return badRequest(field, quoted(field) + u" must be a UTC time written YYYY-MM-DDThh:mm:ss.zzzZ."_s);
    return *time;
}

std::expected<QJsonObject, Error> requireObject(const QJsonObject &object, QStringView field)
{
    const std::optional<QJsonValue> value = present(object, field);
    if (!value)
        return missing(field);
    return checkObject(*value, field);
}

std::expected<std::optional<QJsonObject>, Error> optionalObject(const QJsonObject &object, QStringView field)
{
    const std::optional<QJsonValue> value = present(object, field);
    if (!value)
        return std::optional<QJsonObject>();
    auto inner = checkObject(*value, field);
    if (!inner)
        return std::unexpected(inner.error());
    return std::optional<QJsonObject>(std::move(*inner));
}

std::expected<QJsonArray, Error> requireArray(const QJsonObject &object, QStringView field)
{
    const std::optional<QJsonValue> value = present(object, field);
    if (!value)
        return missing(field);
    if (!value->isArray())
        return badRequest(field, quoted(field) + u" must be an array."_s);
    return value->toArray();
}

std::expected<bool, Error> requireBool(const QJsonObject &object, QStringView field)
{
    const std::optional<QJsonValue> value = present(object, field);
    if (!value)
        return missing(field);
    if (!value->isBool())
        return badRequest(field, quoted(field) + u" must be true or false."_s);
    return value->toBool();
}

std::expected<std::optional<bool>, Error> optionalBool(const QJsonObject &object, QStringView field)
{
    if (!present(object, field))
        return std::optional<bool>();
    auto value = requireBool(object, field);
    if (!value)
        return std::unexpected(value.error());
    return std::optional<bool>(*value);
}

Error nested(Error error, QStringView parent)
{
    if (error.field.isEmpty()) {
        error.field = parent.toString();
        return error;
    }
    const QString path = parent.toString() + u'.' + error.field;
    error.message.replace(quoted(error.field), quoted(path));
    error.field = path;
    return error;
}

QByteArray request(const QString &type, const QString &id, QJsonObject body)
{
    body.insert(u"type"_s, type);
    body.insert(u"id"_s, id);
    return toFrame(body);
}

QByteArray reply(const QString &id, QJsonObject result)
{
    result.insert(u"id"_s, id);
    result.insert(u"ok"_s, true);
    result.remove(u"error"); // a success has none, whatever the result held
    return toFrame(result);
}

QByteArray reply(const QString &id, QJsonObject result, QLatin1StringView key, const QByteArray &json)
{
    result.remove(key);
    QByteArray frame = reply(id, std::move(result)); // never empty: it has the id and "ok"
    frame.chop(1); // its closing brace
    frame += ",\"" + QByteArray(key.data(), key.size()) + "\":" + json + '}';
    return frame;
}

QByteArray binaryReply(const QString &id, QJsonObject result, const QByteArray &bytes)
{
    const QByteArray header = reply(id, std::move(result));
    QByteArray frame;
    frame.reserve(4 + header.size() + bytes.size());
    const auto length = quint32(header.size());
    for (int shift = 24; shift >= 0; shift -= 8)
        frame.append(char((length >> shift) & 0xff));
    frame += header;
    frame += bytes;
    return frame;
}

bool isBinaryFrame(const QByteArray &frame)
{
    return !frame.startsWith('{');
}

QByteArray errorReply(const QString &id, const Error &error)
{
    const QJsonObject object {
        { u"id"_s, id.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(id) },
        { u"ok"_s, false },
        { u"error"_s, error.toJson() },
    };
    return toFrame(object);
}

QByteArray push(const QString &type, QJsonObject body)
{
    body.insert(u"type"_s, type);
    return toFrame(body);
}

std::expected<Incoming, QString> parseIncoming(const QByteArray &frame, bool binary)
{
    if (binary) {
        if (frame.size() < 4)
            return std::unexpected(u"A binary reply shorter than its header's length."_s);
        quint32 length = 0;
        for (int i = 0; i < 4; ++i)
            length = (length << 8) | quint8(frame.at(i));
        if (length > quint32(frame.size() - 4))
            return std::unexpected(u"A binary reply whose header goes past its end."_s);
        auto header = parseIncoming(frame.mid(4, qsizetype(length)));
        if (!header)
            return header;
        if (header->kind != Incoming::Reply || !header->ok)
            return std::unexpected(u"A binary message that is not a reply that succeeded."_s);
        header->bytes = frame.sliced(4 + qsizetype(length));
        return header;
    }
    const auto object = readObject(frame);
    if (!object)
        return std::unexpected(object.error());

    Incoming incoming;
    incoming.body = *object;
    if (!object->contains(u"id")) {
        const auto type = requireString(*object, u"type", AnyLength);
        if (!type)
            return std::unexpected(u"Not a push (a frame without \"id\"): "_s + type.error().message);
        incoming.kind = Incoming::Push;
        incoming.type = *type;
        incoming.body.remove(u"type");
        return incoming;
    }

    incoming.kind = Incoming::Reply;
    const QJsonValue id = incoming.body.take(u"id");
    if (!id.isString() && !id.isNull())
        return std::unexpected(u"Not a reply: \"id\" must be a string or null."_s);
    incoming.id = id.toString();
    const auto ok = requireBool(*object, u"ok");
    if (!ok)
        return std::unexpected(u"Not a reply: "_s + ok.error().message);
    incoming.ok = *ok;
    incoming.body.remove(u"ok");
    if (!incoming.ok) {
        const auto errorObject = requireObject(*object, u"error");
        if (!errorObject)
            return std::unexpected(u"Not a reply: "_s + errorObject.error().message);
        const auto error = Error::fromJson(*errorObject);
        if (!error)
            return std::unexpected(u"Not a reply: "_s + nested(error.error(), u"error").message);
        incoming.error = *error;
        incoming.body.remove(u"error");
    }
    return incoming;
}

} // namespace rentdesk::net::protocol
