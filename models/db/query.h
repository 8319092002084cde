// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/db/dberror.h"

#include <QSqlDatabase>
#include <QSqlQuery>
#include <QVariant>

#include <expected>
#include <initializer_list>
#include <memory>
#include <utility>

namespace rentdesk::models::db {

using Binding = std::pair<QString, QVariant>;

struct StatementPool;

// What exec() hands back: a QSqlQuery, used as one. On a connection that keeps its statements
// (those Database hands out, see keepStatements()), the statement goes back to the connection's
// pool when the Query is destroyed, finished and ready to run again: compiling a statement
// costs more than running it on tables with CHECKs and triggers, and the services run the
// same few dozen statements over and over. A statement in use is not in the pool, so a
// caller that runs the same SQL while reading an earlier result gets a statement of its own.
// A Query stays on its connection's thread (the pools are per thread and take no lock).
class Query final : public QSqlQuery
{
public:
    Query(QSqlQuery query, std::weak_ptr<StatementPool> pool, QString sql);
    Query(Query &&other) noexcept = default;
    Query &operator=(Query &&other) noexcept;
    ~Query();
    Q_DISABLE_COPY(Query)

private:
    void giveBack() noexcept;

    std::weak_ptr<StatementPool> m_pool;
    QString m_sql;
};

// Prepares one statement (or takes it prepared from the connection's pool), binds every
// value by name and runs it. Every placeholder must be given its value: a statement from the
// pool still holds those of its last run. The only way SQL with
// values is run in RentDesk: values are always bound, never spliced into the text.
[[nodiscard]] std::expected<Query, DbError> exec(const QSqlDatabase &db, const QString &sql,
                                                 std::initializer_list<Binding> bindings = {});

// Same, with bindings assembled at run time.
[[nodiscard]] std::expected<Query, DbError> exec(const QSqlDatabase &db, const QString &sql,
                                                 const QList<Binding> &bindings);

// The statement prepared (or taken from the pool) and not run, for a caller that binds by
// position and runs it in a loop.
[[nodiscard]] std::expected<Query, DbError> prepare(const QSqlDatabase &db, const QString &sql);

// From now on exec() on the calling thread's connection `connectionName` keeps the statements
// it prepares. The connection's owner calls forgetStatements() before it closes the
// connection (a closed connection's statements are dead, even after it opens again); only the
// owner may enable this, as only it knows when the connection closes.
void keepStatements(const QString &connectionName);
void forgetStatements(const QString &connectionName);

// Runs a statement that yields one value (a count, a PRAGMA) and returns it.
[[nodiscard]] std::expected<QVariant, DbError> scalar(const QSqlDatabase &db, const QString &sql,
                                                      std::initializer_list<Binding> bindings = {});

// Classifies a driver error. For UNIQUE failures, which SQLite reports by columns, the
// name of the unique index over those columns is looked up on db. On PostgreSQL the
// constraint's name is read from the failed statement's result (QSqlResult::handle()).
[[nodiscard]] DbError classify(const QSqlError &error, const QSqlDatabase &db, const QVariant &failedResult = {});

} // namespace rentdesk::models::db
