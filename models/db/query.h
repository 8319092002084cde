// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/db/dberror.h"

#include <QSqlDatabase>
#include <QSqlQuery>
#include <QVariant>

#include <expected>
#include <initializer_list>
#include <utility>

namespace rentdesk::models::db {

using Binding = std::pair<QString, QVariant>;

// Prepares one statement, binds every value by name and runs it. The only way SQL with
// values is run in RentDesk: values are always bound, never spliced into the text.
[[nodiscard]] std::expected<QSqlQuery, DbError> exec(const QSqlDatabase &db, const QString &sql,
                                                     std::initializer_list<Binding> bindings = {});

// Same, with bindings assembled at run time.
[[nodiscard]] std::expected<QSqlQuery, DbError> exec(const QSqlDatabase &db, const QString &sql,
                                                     const QList<Binding> &bindings);

// Runs a statement that yields one value (a count, a PRAGMA) and returns it.
[[nodiscard]] std::expected<QVariant, DbError> scalar(const QSqlDatabase &db, const QString &sql,
                                                      std::initializer_list<Binding> bindings = {});

// Classifies a driver error. For UNIQUE failures, which SQLite reports by columns, the
// name of the unique index over those columns is looked up on db.
[[nodiscard]] DbError classify(const QSqlError &error, const QSqlDatabase &db);

} // namespace rentdesk::models::db
