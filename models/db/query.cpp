// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/db/query.h"

#include "models/db/engine.h"
#include "models/db/postgres.h"

#include <QCoreApplication>
#include <QLoggingCategory>
#include <QSet>
#include <QSqlError>
#include <QSqlResult>

#include <iterator>
#include <unordered_map>

Q_LOGGING_CATEGORY(lcSql, "rentdesk.db.sql", QtWarningMsg)

namespace rentdesk::models::db {

namespace {

// SQLite's extended result codes, as Qt's driver reports them in nativeErrorCode().
enum SqliteCode : int {
    Busy = 5,
    Locked = 6,
    Corrupt = 11,
    CantOpen = 14,
    Constraint = 19,
    NotADb = 26,
    ConstraintCheck = 275,
    ConstraintForeignKey = 787,
    ConstraintNotNull = 1299,
    ConstraintPrimaryKey = 1555,
    ConstraintTrigger = 1811,
    ConstraintUnique = 2067,
    ConstraintRowId = 2579,
    ConstraintDataType = 3091,
};

DbError::ConstraintKind constraintKindOf(int code)
{
    switch (code) {
    case ConstraintCheck:
        return DbError::ConstraintKind::Check;
    case ConstraintForeignKey:
        return DbError::ConstraintKind::ForeignKey;
    case ConstraintNotNull:
        return DbError::ConstraintKind::NotNull;
    case ConstraintPrimaryKey:
    case ConstraintRowId:
        return DbError::ConstraintKind::PrimaryKey;
    case ConstraintTrigger:
        return DbError::ConstraintKind::Trigger;
    case ConstraintUnique:
        return DbError::ConstraintKind::Unique;
    case ConstraintDataType:
        return DbError::ConstraintKind::DataType;
    default:
        return DbError::ConstraintKind::None;
    }
}

// "UNIQUE constraint failed: reviews.author_id, reviews.target_user_id" names columns;
// find the unique index over exactly these columns, whose name is what we declared.
QString uniqueIndexNamed(const QSqlDatabase &db, const QString &columnList)
{
    QString table;
    QSet<QString> columns;
    for (const QString &qualified : columnList.split(u',')) {
        const QString item = qualified.trimmed();
        const qsizetype dot = item.indexOf(u'.');
        if (dot < 0)
            return {};
        table = item.left(dot);
        columns.insert(item.mid(dot + 1));
    }
    QSqlQuery query(db);
    query.prepare(QStringLiteral("SELECT il.name, ii.name FROM pragma_index_list(:table) AS il, "
                                 "pragma_index_info(il.name) AS ii WHERE il.\"unique\" = 1"));
    query.bindValue(QStringLiteral(":table"), table);
    if (!query.exec())
        return {};
    QHash<QString, QSet<QString>> indexes;
    while (query.next())
        indexes[query.value(0).toString()].insert(query.value(1).toString());
    for (auto it = indexes.cbegin(); it != indexes.cend(); ++it) {
        if (it.value() == columns)
            return it.key();
    }
    return columnList; // a PRIMARY KEY or an unnamed constraint: report the columns
}

QString constraintNameFrom(const QString &text, DbError::ConstraintKind kind, const QSqlDatabase &db)
{
    switch (kind) {
    case DbError::ConstraintKind::Trigger:
        return text; // RAISE(ABORT, 'name'): the message is the name
    case DbError::ConstraintKind::DataType: {
        // "cannot store TEXT value in INTEGER column apartments.rooms"
        const qsizetype space = text.lastIndexOf(u' ');
        return space < 0 ? text : text.mid(space + 1);
    }
    case DbError::ConstraintKind::ForeignKey:
        return {};
    default: {
        const qsizetype colon = text.indexOf(u':');
        if (colon < 0)
            return {};
        QString name = text.mid(colon + 1).trimmed();
        if (kind == DbError::ConstraintKind::Unique || kind == DbError::ConstraintKind::PrimaryKey) {
            if (name.startsWith(u"index '") && name.endsWith(u'\''))
                return name.mid(7, name.size() - 8);
            return uniqueIndexNamed(db, name);
        }
        return name;
    }
    }
}

} // namespace

DbError classify(const QSqlError &error, const QSqlDatabase &db, const QVariant &failedResult)
{
    if (engineOf(db) == Engine::Postgres)
        return classifyPostgres(error, failedResult);
    DbError result;
    result.detail = error.text();
    bool numeric = false;
    const int code = error.nativeErrorCode().toInt(&numeric);
    const int primary = numeric ? (code & 0xff) : -1;

    if (primary == Constraint) {
        result.kind = DbError::Kind::Constraint;
        result.constraintKind = constraintKindOf(code);
        // SQLite enforces ON DELETE RESTRICT with an internal trigger, so such a refusal
        // arrives with the trigger code but the foreign key's message.
        if (error.databaseText() == u"FOREIGN KEY constraint failed")
            result.constraintKind = DbError::ConstraintKind::ForeignKey;
        result.constraint = constraintNameFrom(error.databaseText(), result.constraintKind, db);
        if (result.constraintKind == DbError::ConstraintKind::ForeignKey)
            result.message =
                QCoreApplication::translate("DbError", "The change refers to a record that does not exist.");
        else
            result.message = QCoreApplication::translate("DbError", "The database refused the change (rule: %1).")
                                 .arg(result.constraint);
    } else if (primary == Busy || primary == Locked) {
        result.kind = DbError::Kind::Busy;
        result.message = QCoreApplication::translate(
            "DbError", "The database is busy: another program or window is writing to it. Try again.");
    } else if (primary == NotADb || primary == Corrupt) {
        result.kind = DbError::Kind::NotADatabase;
        result.message = QCoreApplication::translate("DbError", "The database file is damaged or is not a database.");
    } else if (primary == CantOpen) {
        result.kind = DbError::Kind::CannotOpen;
        result.message = QCoreApplication::translate("DbError", "The database file cannot be opened.");
    } else {
        result.kind = DbError::Kind::Query;
        result.message = QCoreApplication::translate("DbError", "A database operation failed.");
    }
    qCDebug(lcSql) << "statement failed:" << error.nativeErrorCode() << error.databaseText();
    return result;
}

// The prepared statements of one connection that no Query holds, by their text.
struct StatementPool
{
    // Enough for every statement of the services and the sync engine; past it (SQL built
    // from a filter, say) one is dropped for each one kept.
    static constexpr std::size_t Capacity = 256;
    std::unordered_map<QString, QSqlQuery> idle;
};

namespace {

// Connections belong to threads, and so do their pools: no lock.
thread_local std::unordered_map<QString, std::shared_ptr<StatementPool>> t_pools;

std::expected<Query, DbError> prepareOrTake(const QSqlDatabase &db, const QString &sql)
{
    std::shared_ptr<StatementPool> pool;
    if (const auto found = t_pools.find(db.connectionName()); found != t_pools.end()) {
        pool = found->second;
        if (auto idle = pool->idle.extract(sql))
            return Query(std::move(idle.mapped()), pool, sql);
    }
    QSqlQuery statement(db);
    // SQLite steps through a result as it is read. Qt's PostgreSQL driver reads a forward-only
    // result row by row from the connection, which another statement on it would cut off (the
    // services read one result while they run others): there it takes the whole result at once.
    statement.setForwardOnly(engineOf(db) == Engine::Sqlite);
    if (!statement.prepare(sql))
        return std::unexpected(classify(statement.lastError(), db, statement.result()->handle()));
    return Query(std::move(statement), pool, sql);
}

// PostgreSQL prepares only SELECT, INSERT, UPDATE, DELETE and VALUES: BEGIN, SAVEPOINT, SET,
// LISTEN and the migrations' DDL are sent as they are (they take no values).
bool isUtilityOnPostgres(const QSqlDatabase &db, const QString &sql)
{
    if (engineOf(db) != Engine::Postgres)
        return false;
    QStringView text = QStringView(sql).trimmed();
    while (text.startsWith(u"--")) {
        const qsizetype end = text.indexOf(u'\n');
        text = end < 0 ? QStringView() : text.mid(end + 1).trimmed();
    }
    for (const char *word : { "SELECT", "INSERT", "UPDATE", "DELETE", "WITH", "VALUES" }) {
        const QLatin1StringView keyword(word);
        if (text.startsWith(keyword, Qt::CaseInsensitive)
            && (text.size() == keyword.size() || !text.at(keyword.size()).isLetterOrNumber()))
            return false;
    }
    return true;
}

// What PostgreSQL cannot take as it is: a bool for one of RentDesk's 0/1 integer flags (SQLite
// stores a bool as 1 or 0 by itself).
QVariant boundValue(const QSqlDatabase &db, const QVariant &value)
{
    if (value.typeId() == QMetaType::Bool && engineOf(db) == Engine::Postgres)
        return value.toBool() ? 1 : 0;
    return value;
}

template<typename Bindings>
std::expected<Query, DbError> execWith(const QSqlDatabase &db, const QString &sql, const Bindings &bindings)
{
    if (isUtilityOnPostgres(db, sql)) {
        Q_ASSERT_X(std::empty(bindings), "db::exec", "a statement PostgreSQL cannot prepare takes no values");
        QSqlQuery statement(db);
        if (!statement.exec(sql))
            return std::unexpected(classify(statement.lastError(), db, statement.result()->handle()));
        return Query(std::move(statement), {}, sql);
    }
    auto query = prepareOrTake(db, sql);
    if (!query)
        return query;
    for (const auto &[name, value] : bindings)
        query->bindValue(name, boundValue(db, value));
    if (!query->exec())
        return std::unexpected(classify(query->lastError(), db, query->result()->handle()));
    return query;
}

} // namespace

Query::Query(QSqlQuery query, std::weak_ptr<StatementPool> pool, QString sql)
    : QSqlQuery(std::move(query))
    , m_pool(std::move(pool))
    , m_sql(std::move(sql))
{
}

Query &Query::operator=(Query &&other) noexcept
{
    if (this != &other) {
        giveBack();
        QSqlQuery::operator=(std::move(other));
        m_pool = std::move(other.m_pool);
        m_sql = std::move(other.m_sql);
    }
    return *this;
}

Query::~Query()
{
    giveBack();
}

void Query::giveBack() noexcept
{
    const std::shared_ptr<StatementPool> pool = std::exchange(m_pool, {}).lock();
    // Not back: a Query of a connection without a pool, one whose pool was forgotten (the
    // connection closed), and one its holder prepared again with other SQL. (A Query moved
    // from has no pool either; the QSqlQuery in it must not be moved out on its own.)
    if (!pool || lastQuery() != m_sql)
        return;
    finish();
    if (pool->idle.size() >= StatementPool::Capacity)
        pool->idle.erase(pool->idle.begin());
    pool->idle.try_emplace(std::move(m_sql), std::move(static_cast<QSqlQuery &>(*this)));
}

std::expected<Query, DbError> exec(const QSqlDatabase &db, const QString &sql, const QList<Binding> &bindings)
{
    return execWith(db, sql, bindings);
}

std::expected<Query, DbError> exec(const QSqlDatabase &db, const QString &sql, std::initializer_list<Binding> bindings)
{
    return execWith(db, sql, bindings);
}

std::expected<Query, DbError> prepare(const QSqlDatabase &db, const QString &sql)
{
    return prepareOrTake(db, sql);
}

void keepStatements(const QString &connectionName)
{
    t_pools.try_emplace(connectionName, std::make_shared<StatementPool>());
}

void forgetStatements(const QString &connectionName)
{
    t_pools.erase(connectionName);
}

std::expected<QVariant, DbError> scalar(const QSqlDatabase &db, const QString &sql,
                                        std::initializer_list<Binding> bindings)
{
    auto query = exec(db, sql, bindings);
    if (!query)
        return std::unexpected(query.error());
    if (!query->next())
        return QVariant();
    return query->value(0);
}

} // namespace rentdesk::models::db
