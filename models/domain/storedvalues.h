// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/domain/codeerror.h"

#include <QDate>
#include <QDateTime>
#include <QUuid>
#include <QVariant>

#include <expected>

namespace rentdesk::models::domain {

// Conversions between values in memory and their stored form (DESIGN.md, "Data"). Each
// reader refuses what does not have the exact stored form, with a CodeError.

// Ids: lowercase UUID text without braces.
[[nodiscard]] QString toStoredId(const QUuid &id);
[[nodiscard]] std::expected<QUuid, CodeError> idFromStored(const QVariant &stored);
[[nodiscard]] QUuid newId();

// Dates of stays: YYYY-MM-DD.
[[nodiscard]] QString toStoredDate(QDate date);
[[nodiscard]] std::expected<QDate, CodeError> dateFromStored(const QVariant &stored);

// Timestamps: UTC, ISO 8601 with milliseconds and Z.
[[nodiscard]] QString toStoredTimestamp(const QDateTime &time);
[[nodiscard]] std::expected<QDateTime, CodeError> timestampFromStored(const QVariant &stored);

// Booleans: 0 or 1, nothing else.
[[nodiscard]] int toStoredBool(bool value);
[[nodiscard]] std::expected<bool, CodeError> boolFromStored(const QVariant &stored);

} // namespace rentdesk::models::domain
