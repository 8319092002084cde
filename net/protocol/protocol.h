// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QJsonObject>
#include <QString>
#include <QStringView>

#include <expected>
#include <optional>

namespace rentdesk::models::services {
struct DomainError;
} // namespace rentdesk::models::services

// The wire protocol of docs/protocol.md, as pure JSON in and out: no sockets here, so that
// rentdesk-server, the desktop client and the fuzz test all run the same code.
namespace rentdesk::net::protocol {

// The newest version this build speaks, and the oldest the server still answers. A client's
// `hello` names the newest it speaks; the server answers with the version both speak (the
// smaller of the two) and refuses one below OldestProtocolVersion.
constexpr int ProtocolVersion = 2;
constexpr int OldestProtocolVersion = 1;

// The codes of the protocol's Errors table. Service refusals (`email_taken`, …) are not
// listed one by one: they are DomainError's codes passed through, all of kind Service.
enum class ErrorCode {
    BadJson,
    BadRequest,
    UnknownType,
    HelloRequired,
    UnsupportedVersion,
    NotLoggedIn,
    AlreadyLoggedIn,
    WrongCredentials,
    RateLimited,
    InvalidToken,
    NotFound,
    NotAllowed,
    ServerBusy,
    Internal,
    FeedsOff, // calendar.feed on a server that publishes no calendars (no --feed-listen)
    Service, // one of DomainError's codes; it has no single wire name
};

// The wire name ("bad_json"); empty for Service, whose errors carry the service's own code.
[[nodiscard]] QString codeName(ErrorCode code);
// The code of a wire name: a protocol code, Service for a code the services send, and
// nullopt for a name this build does not know (a newer server's), which a client shows by
// its message.
[[nodiscard]] std::optional<ErrorCode> errorCodeFromName(QStringView name);

// The `error` object of a failed reply. `code` is text rather than ErrorCode so that the
// services' codes pass through unchanged. The message is plain English, never tr(): it goes
// to logs and is shown only for codes a client does not know (clients translate by code),
// and the server answers every client in the same language.
struct Error
{
    QString code;
    QString message;
    QString field; // the request field concerned, a dot path inside objects ("about.kind"); or empty
    std::optional<int> retryAfter; // seconds, with rate_limited

    // An error of the protocol's own table; not for ErrorCode::Service (use fromDomain).
    [[nodiscard]] static Error make(ErrorCode code, QString message, QString field = {});
    // A service refusal as the protocol sends it: the codes that name a protocol condition
    // (not found, not allowed, wrong credentials) become it, a storage failure is `internal`,
    // every other code passes through with its field.
    [[nodiscard]] static Error fromDomain(const models::services::DomainError &error);

    // The protocol code, Service, or nullopt for a code this build does not know.
    [[nodiscard]] std::optional<ErrorCode> kind() const { return errorCodeFromName(code); }
    [[nodiscard]] bool is(ErrorCode other) const { return kind() == other; }

    [[nodiscard]] QJsonObject toJson() const;
    [[nodiscard]] static std::expected<Error, Error> fromJson(const QJsonObject &object);

    friend bool operator==(const Error &, const Error &) = default;
};

// What the server allows, announced in the reply to `hello`. The defaults are the
// protocol's; a server may be configured otherwise, and a client goes by what it was told.
struct Limits
{
    qint64 maxMessageBytes = 65536; // a larger frame closes the connection (1009)
    int maxChatChars = 4000; // characters (code points) of a chat message's text
    int pingSeconds = 30; // the server's ping interval; two missed ones close (1001)
    // Bytes a client may leave unread: more for longer than the grace, or four times as many at
    // any moment, close the connection (1008). The server keeps each reply well under it.
    qint64 maxQueuedBytes = 1 << 20;

    [[nodiscard]] QJsonObject toJson() const;
    // Every limit must be present and positive; a reply from a newer server may add others.
    [[nodiscard]] static std::expected<Limits, Error> fromJson(const QJsonObject &object);

    friend bool operator==(const Limits &, const Limits &) = default;
};

} // namespace rentdesk::net::protocol
