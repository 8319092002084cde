// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "net/protocol/protocol.h"

#include <QByteArray>
#include <QDateTime>
#include <QJsonArray>
#include <QJsonObject>
#include <QString>
#include <QStringView>
#include <QUuid>

#include <expected>
#include <limits>
#include <optional>

namespace rentdesk::net::protocol {

// The largest whole number every JSON implementation reads exactly (RFC 8259, section 6):
// requireInt refuses anything beyond ±MaxJsonInteger whatever range it is given.
constexpr qint64 MaxJsonInteger = (qint64(1) << 53) - 1;
// The maxLength for a text that the frame's size bounds already.
constexpr int AnyLength = std::numeric_limits<int>::max();
// Request ids are 1 to MaxIdChars characters.
constexpr int MaxIdChars = 64;

// One request as the server reads it: its `type`, its `id` and its own fields (`body`, the
// object without `type` and `id`).
struct Request
{
    QString type;
    QString id;
    QJsonObject body;
};

// Why a frame is not a request, with the request's id when one could be read, so that the
// error reply can carry it (docs/protocol.md: `id` is null otherwise).
struct RequestError
{
    Error error;
    QString id;
};

// Reads one text frame. Not UTF-8 or not a JSON object is bad_json; a missing or ill-typed
// `type` or `id` is bad_request naming the field. Any input is safe: the work is linear in
// the frame's size and nesting is bounded by Qt's parser (1024 levels). Frames over the
// size limit are the socket's to refuse (close 1009), before they get here.
[[nodiscard]] std::expected<Request, RequestError> parseRequest(const QByteArray &frame);

// Typed readers of a request's fields. Each refusal is bad_request with the field named and
// an English sentence saying what was expected. A missing field and JSON null are the same:
// an error for the require* readers, nullopt for the optional* ones. Lengths count Unicode
// characters (code points), and a string with an unpaired surrogate (a lone "\ud800"
// escape) is refused, since it cannot be stored as UTF-8.
[[nodiscard]] std::expected<QString, Error> requireString(const QJsonObject &object, QStringView field, int maxLength);
[[nodiscard]] std::expected<std::optional<QString>, Error> optionalString(const QJsonObject &object, QStringView field,
                                                                          int maxLength);
// A JSON number that is a whole number from min to max: 3 and 3.0 are read; 3.5, "3", true
// and 1e300 are not.
[[nodiscard]] std::expected<qint64, Error> requireInt(const QJsonObject &object, QStringView field, qint64 min,
                                                      qint64 max);
[[nodiscard]] std::expected<std::optional<qint64>, Error> optionalInt(const QJsonObject &object, QStringView field,
                                                                      qint64 min, qint64 max);
// A lowercase text UUID without braces, as ids are stored (models::domain::idFromStored).
[[nodiscard]] std::expected<QUuid, Error> requireUuid(const QJsonObject &object, QStringView field);
// UTC written YYYY-MM-DDThh:mm:ss.zzzZ, as times are stored (models::domain::timestampFromStored).
[[nodiscard]] std::expected<QDateTime, Error> requireTimestamp(const QJsonObject &object, QStringView field);
[[nodiscard]] std::expected<QJsonObject, Error> requireObject(const QJsonObject &object, QStringView field);
[[nodiscard]] std::expected<std::optional<QJsonObject>, Error> optionalObject(const QJsonObject &object,
                                                                              QStringView field);
[[nodiscard]] std::expected<QJsonArray, Error> requireArray(const QJsonObject &object, QStringView field);
[[nodiscard]] std::expected<bool, Error> requireBool(const QJsonObject &object, QStringView field);
[[nodiscard]] std::expected<std::optional<bool>, Error> optionalBool(const QJsonObject &object, QStringView field);

// An error found inside the object at `parent`, renamed to the full path ("peer.role").
[[nodiscard]] Error nested(Error error, QStringView parent);

// The frames, as compact UTF-8 JSON. The envelope's names (`type`, `id`, `ok`, `error`) are
// reserved: a body or result never has a field of that name, and if it did the envelope's
// value would win.
[[nodiscard]] QByteArray request(const QString &type, const QString &id, QJsonObject body);
[[nodiscard]] QByteArray reply(const QString &id, QJsonObject result);
// The same with one more member whose value is JSON text made elsewhere (a page of rows the
// database wrote), spliced in rather than parsed and written again. `json` must be valid JSON.
[[nodiscard]] QByteArray reply(const QString &id, QJsonObject result, QLatin1StringView key, const QByteArray &json);
// A reply with bytes, for a request that asked for them (docs/protocol.md, "Binary replies"):
// one binary WebSocket message, the reply's JSON as reply() writes it after its length in
// four bytes (big-endian), then the bytes as they are.
[[nodiscard]] QByteArray binaryReply(const QString &id, QJsonObject result, const QByteArray &bytes);
// Whether a frame made here goes as a binary message: every JSON frame starts with '{', a
// binary reply with its length's first byte.
[[nodiscard]] bool isBinaryFrame(const QByteArray &frame);
// The id is written as null when it is empty (the request had none that could be read).
[[nodiscard]] QByteArray errorReply(const QString &id, const Error &error);
[[nodiscard]] QByteArray push(const QString &type, QJsonObject body);

// One frame as a client reads it: a reply (it has `id`, a string or null) or a push (no
// `id`, a `type`). `body` holds the result's or the push's own fields.
struct Incoming
{
    enum Kind { Reply, Push };

    Kind kind = Reply;
    QString id; // Reply: empty when the server could not read the request's id
    bool ok = false; // Reply
    Error error; // Reply when !ok
    QString type; // Push
    QJsonObject body;
    QByteArray bytes; // a binary reply's (binaryReply)
};

// The reason for a refusal is an English sentence for the log: a client cannot answer a
// server's malformed frame, only drop it (or the connection). `binary`: the frame came as a
// binary message, which only a reply that succeeded may be.
[[nodiscard]] std::expected<Incoming, QString> parseIncoming(const QByteArray &frame, bool binary = false);

} // namespace rentdesk::net::protocol
