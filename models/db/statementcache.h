// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/db/query.h"

#include <QSqlQuery>
#include <QString>

#include <atomic>
#include <expected>
#include <initializer_list>
#include <memory>
#include <unordered_map>

class QThread;

namespace rentdesk::models::db {

// Statements kept prepared, by their text, for the calls that run thousands of times a
// second: compiling a statement on the CHECK-heavy tables costs more than running it. A
// prepared statement belongs to one connection, and RentDesk has one connection per thread,
// so the cache serves the thread that used it first; on any other thread run() prepares the
// statement for the call, as exec() does. Safe to share between threads that way, useful on
// one.
class StatementCache final
{
public:
    StatementCache();
    ~StatementCache();
    Q_DISABLE_COPY_MOVE(StatementCache)

    // What run() hands back: the cached statement, or one made for this call.
    class Statement final
    {
    public:
        explicit Statement(QSqlQuery *cached)
            : m_query(cached)
        {
        }
        explicit Statement(std::unique_ptr<QSqlQuery> owned)
            : m_owned(std::move(owned))
            , m_query(m_owned.get())
        {
        }
        QSqlQuery *operator->() const { return m_query; }
        QSqlQuery &operator*() const { return *m_query; }

    private:
        std::unique_ptr<QSqlQuery> m_owned;
        QSqlQuery *m_query;
    };

    // Binds every value by name and runs sql on db (forward only). A SELECT's caller calls
    // finish() when it has read what it needs, so that the statement holds no read snapshot.
    [[nodiscard]] std::expected<Statement, DbError> run(const QSqlDatabase &db, const QString &sql,
                                                        std::initializer_list<Binding> bindings);
    // Same, with bindings assembled at run time.
    [[nodiscard]] std::expected<Statement, DbError> run(const QSqlDatabase &db, const QString &sql,
                                                        const QList<Binding> &bindings);
    // The statement prepared and not run, for a caller that binds by position in a loop.
    [[nodiscard]] std::expected<Statement, DbError> prepared(const QSqlDatabase &db, const QString &sql);
    // The first column of the first row (null when there is none), the statement finished.
    [[nodiscard]] std::expected<QVariant, DbError> scalar(const QSqlDatabase &db, const QString &sql,
                                                          std::initializer_list<Binding> bindings);

private:
    template<typename Bindings>
    [[nodiscard]] std::expected<Statement, DbError> runWith(const QSqlDatabase &db, const QString &sql,
                                                            const Bindings &bindings);
    [[nodiscard]] bool ownedByThisThread(const QSqlDatabase &db);

    std::atomic<QThread *> m_thread { nullptr };
    QString m_connection;
    std::unordered_map<QString, std::unique_ptr<QSqlQuery>> m_statements;
};

} // namespace rentdesk::models::db
