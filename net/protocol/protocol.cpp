// SPDX-License-Identifier: GPL-3.0-or-later
#include "net/protocol/protocol.h"

#include "models/services/domainerror.h"
#include "net/protocol/message.h"

#include <QSet>

#include <array>
#include <limits>
#include <utility>

namespace rentdesk::net::protocol {

using namespace Qt::StringLiterals;

namespace {

using DomainCode = models::services::DomainError::Code;

struct CodeEntry
{
    ErrorCode code;
    QLatin1String name;
};

const std::array<CodeEntry, 15> protocolCodes { {
    { ErrorCode::BadJson, "bad_json"_L1 },
    { ErrorCode::BadRequest, "bad_request"_L1 },
    { ErrorCode::UnknownType, "unknown_type"_L1 },
    { ErrorCode::HelloRequired, "hello_required"_L1 },
    { ErrorCode::UnsupportedVersion, "unsupported_version"_L1 },
    { ErrorCode::NotLoggedIn, "not_logged_in"_L1 },
    { ErrorCode::AlreadyLoggedIn, "already_logged_in"_L1 },
    { ErrorCode::WrongCredentials, "wrong_credentials"_L1 },
    { ErrorCode::RateLimited, "rate_limited"_L1 },
    { ErrorCode::InvalidToken, "invalid_token"_L1 },
    { ErrorCode::NotFound, "not_found"_L1 },
    { ErrorCode::NotAllowed, "not_allowed"_L1 },
    { ErrorCode::ServerBusy, "server_busy"_L1 },
    { ErrorCode::Internal, "internal"_L1 },
    { ErrorCode::FeedsOff, "feeds_off"_L1 },
} };

// The code a service refusal is sent with.
QString wireCodeOf(DomainCode code)
{
    switch (code) {
    case DomainCode::NotFound:
        return codeName(ErrorCode::NotFound);
    case DomainCode::NotAllowed:
        return codeName(ErrorCode::NotAllowed);
    case DomainCode::WrongCredentials:
        return codeName(ErrorCode::WrongCredentials);
    case DomainCode::Storage:
        return codeName(ErrorCode::Internal);
    default:
        return models::services::DomainError::codeName(code);
    }
}

// The names that go on the wire as Service. DomainError::codeName answers "unknown" past
// the last code, so walking the enum up to that finds a code added later without a list
// here to forget.
const QSet<QString> &serviceCodeNames()
{
    static const QSet<QString> names = [] {
        const QString unknown = u"unknown"_s;
        QSet<QString> found;
        for (int i = 0; models::services::DomainError::codeName(DomainCode(i)) != unknown; ++i) {
            const QString name = wireCodeOf(DomainCode(i));
            bool isProtocolCode = false;
            for (const CodeEntry &entry : protocolCodes)
                isProtocolCode = isProtocolCode || name == entry.name;
            if (!isProtocolCode)
                found.insert(name);
        }
        return found;
    }();
    return names;
}

} // namespace

QString codeName(ErrorCode code)
{
    for (const CodeEntry &entry : protocolCodes) {
        if (entry.code == code)
            return QString(entry.name);
    }
    return {};
}

std::optional<ErrorCode> errorCodeFromName(QStringView name)
{
    for (const CodeEntry &entry : protocolCodes) {
        if (name == entry.name)
            return entry.code;
    }
    if (serviceCodeNames().contains(name.toString()))
        return ErrorCode::Service;
    return std::nullopt;
}

Error Error::make(ErrorCode code, QString message, QString field)
{
    Q_ASSERT_X(code != ErrorCode::Service, "Error::make", "service errors come from Error::fromDomain");
    Error error;
    error.code = codeName(code);
    error.message = std::move(message);
    error.field = std::move(field);
    return error;
}

Error Error::fromDomain(const models::services::DomainError &domain)
{
    Error error;
    error.code = wireCodeOf(domain.code);
    // The server installs no translator, so the services' sentences are English there.
    error.message = domain.message;
    error.field = domain.field;
    return error;
}

QJsonObject Error::toJson() const
{
    QJsonObject object { { u"code"_s, code }, { u"message"_s, message } };
    if (!field.isEmpty())
        object.insert(u"field"_s, field);
    if (retryAfter)
        object.insert(u"retryAfter"_s, *retryAfter);
    return object;
}

std::expected<Error, Error> Error::fromJson(const QJsonObject &object)
{
    // The frame bounds these texts already; a code is short by nature.
    const auto code = requireString(object, u"code", 64);
    if (!code)
        return std::unexpected(code.error());
    if (code->isEmpty())
        return std::unexpected(make(ErrorCode::BadRequest, u"\"code\" must not be empty."_s, u"code"_s));
    const auto message = requireString(object, u"message", AnyLength);
    if (!message)
        return std::unexpected(message.error());
    const auto field = optionalString(object, u"field", AnyLength);
    if (!field)
        return std::unexpected(field.error());
    const auto retryAfter = optionalInt(object, u"retryAfter", 0, std::numeric_limits<int>::max());
    if (!retryAfter)
        return std::unexpected(retryAfter.error());

    Error error;
    error.code = *code;
    error.message = *message;
    error.field = field->value_or(QString());
    if (*retryAfter)
        error.retryAfter = int(**retryAfter);
    return error;
}

QJsonObject Limits::toJson() const
{
    return QJsonObject {
        { u"maxMessageBytes"_s, maxMessageBytes },
        { u"maxChatChars"_s, maxChatChars },
        { u"pingSeconds"_s, pingSeconds },
        { u"maxQueuedBytes"_s, maxQueuedBytes },
    };
}

std::expected<Limits, Error> Limits::fromJson(const QJsonObject &object)
{
    const auto messageBytes = requireInt(object, u"maxMessageBytes", 1, MaxJsonInteger);
    if (!messageBytes)
        return std::unexpected(messageBytes.error());
    const auto chatChars = requireInt(object, u"maxChatChars", 1, std::numeric_limits<int>::max());
    if (!chatChars)
        return std::unexpected(chatChars.error());
    // A day at most, so that the interval in milliseconds fits the int a timer takes.
    const auto ping = requireInt(object, u"pingSeconds", 1, 24 * 60 * 60);
    if (!ping)
        return std::unexpected(ping.error());
    const auto queuedBytes = requireInt(object, u"maxQueuedBytes", 1, MaxJsonInteger);
    if (!queuedBytes)
        return std::unexpected(queuedBytes.error());

    Limits limits;
    limits.maxMessageBytes = *messageBytes;
    limits.maxChatChars = int(*chatChars);
    limits.pingSeconds = int(*ping);
    limits.maxQueuedBytes = *queuedBytes;
    return limits;
}

} // namespace rentdesk::net::protocol
