// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/db/statementcache.h"

#include <QSqlError>
#include <QThread>

namespace rentdesk::models::db {

StatementCache::StatementCache() = default;

StatementCache::~StatementCache() = default;

bool StatementCache::ownedByThisThread(const QSqlDatabase &db)
{
    QThread *const current = QThread::currentThread();
    QThread *expected = nullptr;
    if (m_thread.compare_exchange_strong(expected, current)) {
        m_connection = db.connectionName();
        return true;
    }
    // The first thread's statements belong to its connection; a connection of another name
    // (a Database opened again) has none of them.
    return expected == current && db.connectionName() == m_connection;
}

std::expected<StatementCache::Statement, DbError> StatementCache::prepared(const QSqlDatabase &db, const QString &sql)
{
    const auto prepare = [&]() -> std::expected<std::unique_ptr<QSqlQuery>, DbError> {
        auto query = std::make_unique<QSqlQuery>(db);
        query->setForwardOnly(true);
        if (!query->prepare(sql))
            return std::unexpected(classify(query->lastError(), db));
        return query;
    };
    if (!ownedByThisThread(db)) {
        auto query = prepare();
        if (!query)
            return std::unexpected(query.error());
        return Statement(std::move(*query));
    }
    auto found = m_statements.find(sql);
    if (found == m_statements.end()) {
        auto query = prepare();
        if (!query)
            return std::unexpected(query.error());
        found = m_statements.emplace(sql, std::move(*query)).first;
    }
    return Statement(found->second.get());
}

template<typename Bindings>
std::expected<StatementCache::Statement, DbError> StatementCache::runWith(const QSqlDatabase &db, const QString &sql,
                                                                          const Bindings &bindings)
{
    auto statement = prepared(db, sql);
    if (!statement)
        return statement;
    QSqlQuery &query = **statement;
    for (const auto &[name, value] : bindings)
        query.bindValue(name, value);
    if (!query.exec())
        return std::unexpected(classify(query.lastError(), db));
    return statement;
}

std::expected<StatementCache::Statement, DbError> StatementCache::run(const QSqlDatabase &db, const QString &sql,
                                                                      std::initializer_list<Binding> bindings)
{
    return runWith(db, sql, bindings);
}

std::expected<StatementCache::Statement, DbError> StatementCache::run(const QSqlDatabase &db, const QString &sql,
                                                                      const QList<Binding> &bindings)
{
    return runWith(db, sql, bindings);
}

std::expected<QVariant, DbError> StatementCache::scalar(const QSqlDatabase &db, const QString &sql,
                                                        std::initializer_list<Binding> bindings)
{
    auto statement = run(db, sql, bindings);
    if (!statement)
        return std::unexpected(statement.error());
    QVariant value = (*statement)->next() ? (*statement)->value(0) : QVariant();
    (*statement)->finish();
    return value;
}

} // namespace rentdesk::models::db
