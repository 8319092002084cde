// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/db/changerecorder.h"

#include "models/db/query.h"
#include "models/db/sqlitehandle.h"

#include <QCoreApplication>
#include <QLoggingCategory>

#include <climits>
#include <optional>

// The session extension's declarations are behind these; Debian's libsqlite3 is built with it.
#define SQLITE_ENABLE_SESSION
#define SQLITE_ENABLE_PREUPDATE_HOOK
#include <sqlite3.h>

Q_DECLARE_LOGGING_CATEGORY(lcSql)

namespace rentdesk::models::db {

namespace {

// A buffer that SQLite allocated, freed with sqlite3_free.
struct SqliteFree
{
    void operator()(void *buffer) const { sqlite3_free(buffer); }
};
using SqliteBuffer = std::unique_ptr<void, SqliteFree>;

DbError closedConnectionError()
{
    DbError error;
    error.kind = DbError::Kind::Query;
    error.message = QCoreApplication::translate(
        "DbError", "Changes cannot be recorded: the database connection is closed or is not SQLite.");
    error.detail = QStringLiteral("not an open SQLite connection");
    return error;
}

// A failure of the session extension itself (out of memory, a corrupt changeset, a schema
// that changed under a session): nothing a person can act on, so the usual generic line.
DbError sessionError(int code, const QString &what)
{
    DbError error;
    error.kind = DbError::Kind::Query;
    error.message = QCoreApplication::translate("DbError", "A database operation failed.");
    error.detail = what + QStringLiteral(": ") + QString::fromUtf8(sqlite3_errstr(code));
    return error;
}

std::expected<void, DbError> checkSize(const QByteArray &changeset)
{
    if (changeset.size() > INT_MAX)
        return std::unexpected(
            sessionError(SQLITE_TOOBIG, QStringLiteral("changeset of %1 bytes").arg(changeset.size())));
    return {};
}

// The changeset functions take the buffer as void * for historical reasons; they only read it.
void *bytesOf(const QByteArray &changeset)
{
    return const_cast<char *>(changeset.constData());
}

QString opName(int op)
{
    switch (op) {
    case SQLITE_INSERT:
        return QStringLiteral("INSERT");
    case SQLITE_UPDATE:
        return QStringLiteral("UPDATE");
    case SQLITE_DELETE:
        return QStringLiteral("DELETE");
    default:
        return QString::number(op);
    }
}

QString quotedIdentifier(const QString &name)
{
    QString quoted = name;
    quoted.replace(u'"', QStringLiteral("\"\""));
    return u'"' + quoted + u'"';
}

// What one applyChangeset() call met, shared with its conflict handler.
struct ApplyContext
{
    sqlite3 *handle = nullptr;
    QSqlDatabase db;
    ChangesetConflicts conflicts;
    std::optional<DbError> refusal;
    QHash<QString, QStringList> columns; // per table, in declaration order
};

std::optional<QStringList> columnsOf(ApplyContext &context, const QString &table)
{
    if (auto known = context.columns.constFind(table); known != context.columns.cend())
        return *known;
    sqlite3_stmt *statement = nullptr;
    if (sqlite3_prepare_v2(context.handle, "SELECT name FROM pragma_table_info(?1, 'main') ORDER BY cid", -1,
                           &statement, nullptr)
        != SQLITE_OK)
        return std::nullopt;
    const QByteArray name = table.toUtf8();
    sqlite3_bind_text(statement, 1, name.constData(), int(name.size()), SQLITE_TRANSIENT);
    QStringList columns;
    while (sqlite3_step(statement) == SQLITE_ROW)
        columns << QString::fromUtf8(reinterpret_cast<const char *>(sqlite3_column_text(statement, 0)));
    if (sqlite3_finalize(statement) != SQLITE_OK)
        return std::nullopt;
    context.columns.insert(table, columns);
    return columns;
}

// A row to insert that is already there: updated in place to the inserted values. SQLite's
// REPLACE would delete the row and insert it again, and the delete would cascade to the rows
// that refer to it (an apartment's bookings and reviews) and give it a new rowid.
int updateInPlace(ApplyContext &context, sqlite3_changeset_iter *change)
{
    const char *tableName = nullptr;
    int columnCount = 0;
    int op = 0;
    sqlite3changeset_op(change, &tableName, &columnCount, &op, nullptr);
    unsigned char *primaryKey = nullptr;
    sqlite3changeset_pk(change, &primaryKey, nullptr);
    const QString table = QString::fromUtf8(tableName);
    const std::optional<QStringList> columns = columnsOf(context, table);
    if (!columns || columns->size() != columnCount) {
        context.refusal =
            sessionError(SQLITE_SCHEMA, QStringLiteral("the columns of %1 differ from the changeset's").arg(table));
        return SQLITE_CHANGESET_ABORT;
    }
    // Placeholder ?N is column N-1, in SET and WHERE alike; names come from the schema.
    QStringList assignments;
    QStringList keys;
    for (int i = 0; i < columnCount; ++i) {
        const QString term = quotedIdentifier(columns->at(i)) + QStringLiteral(" = ?") + QString::number(i + 1);
        (primaryKey[i] ? keys : assignments) << term;
    }
    if (assignments.isEmpty())
        return SQLITE_CHANGESET_OMIT; // only key columns: the row already is what was to be inserted
    const QByteArray sql =
        QStringLiteral("UPDATE main.%1 SET %2 WHERE %3")
            .arg(quotedIdentifier(table), assignments.join(QStringLiteral(", ")), keys.join(QStringLiteral(" AND ")))
            .toUtf8();
    sqlite3_stmt *statement = nullptr;
    int rc = sqlite3_prepare_v2(context.handle, sql.constData(), int(sql.size()), &statement, nullptr);
    for (int i = 0; rc == SQLITE_OK && i < columnCount; ++i) {
        sqlite3_value *value = nullptr;
        rc = sqlite3changeset_new(change, i, &value);
        if (rc == SQLITE_OK)
            rc = sqlite3_bind_value(statement, i + 1, value);
    }
    if (rc == SQLITE_OK)
        sqlite3_step(statement);
    const int finalized = sqlite3_finalize(statement);
    if (rc != SQLITE_OK || finalized != SQLITE_OK) {
        // The statement's own error names the constraint, unlike a CONSTRAINT conflict.
        context.refusal = lastSqliteError(context.handle, context.db);
        return SQLITE_CHANGESET_ABORT;
    }
    return SQLITE_CHANGESET_OMIT;
}

// SQLite does not say which constraint refused a change of the changeset (the statement's
// error is gone by the time the handler runs): the table and the operation are what is known.
DbError constraintRefusal(sqlite3_changeset_iter *change)
{
    const char *table = nullptr;
    int columnCount = 0; // sqlite3changeset_op() writes every output but the last
    int op = 0;
    sqlite3changeset_op(change, &table, &columnCount, &op, nullptr);
    DbError error;
    error.kind = DbError::Kind::Constraint;
    error.message = QCoreApplication::translate(
                        "DbError", "A recorded change to %1 could not be undone or replayed: the database refused it.")
                        .arg(QString::fromUtf8(table));
    error.detail =
        QStringLiteral("changeset %1 on %2 refused by a constraint").arg(opName(op), QString::fromUtf8(table));
    return error;
}

DbError foreignKeyRefusal(int violations)
{
    DbError error;
    error.kind = DbError::Kind::Constraint;
    error.constraintKind = DbError::ConstraintKind::ForeignKey;
    error.message = QCoreApplication::translate(
        "DbError", "A recorded change could not be undone or replayed: it refers to a record that does not exist.");
    error.detail =
        QStringLiteral("%1 foreign key violation(s) left at the end of applying a changeset").arg(violations);
    return error;
}

// The conflict policy of applyChangeset(), documented there. No exception may cross SQLite.
int resolveConflict(void *data, int kind, sqlite3_changeset_iter *change) noexcept
{
    auto &context = *static_cast<ApplyContext *>(data);
    switch (kind) {
    case SQLITE_CHANGESET_DATA:
        ++context.conflicts.data;
        return SQLITE_CHANGESET_REPLACE;
    case SQLITE_CHANGESET_NOTFOUND:
        ++context.conflicts.notFound;
        return SQLITE_CHANGESET_OMIT;
    case SQLITE_CHANGESET_CONFLICT:
        ++context.conflicts.conflict;
        return updateInPlace(context, change);
    case SQLITE_CHANGESET_CONSTRAINT:
        context.refusal = constraintRefusal(change);
        return SQLITE_CHANGESET_ABORT;
    case SQLITE_CHANGESET_FOREIGN_KEY: {
        int violations = 0;
        sqlite3changeset_fk_conflicts(change, &violations);
        context.refusal = foreignKeyRefusal(violations);
        return SQLITE_CHANGESET_ABORT;
    }
    default:
        context.refusal = sessionError(SQLITE_MISUSE, QStringLiteral("unknown changeset conflict %1").arg(kind));
        return SQLITE_CHANGESET_ABORT;
    }
}

} // namespace

ChangeRecorder::ChangeRecorder(QSqlDatabase db, sqlite3 *handle, QStringList tables)
    : m_db(std::move(db))
    , m_handle(handle)
    , m_tables(std::move(tables))
{
}

ChangeRecorder::~ChangeRecorder()
{
    deleteSession();
}

std::expected<std::unique_ptr<ChangeRecorder>, DbError> ChangeRecorder::attach(const QSqlDatabase &db,
                                                                               const QStringList &tables)
{
    sqlite3 *handle = sqliteHandle(db);
    if (!handle)
        return std::unexpected(closedConnectionError());
    // SQLite records nothing, and says nothing, for a table it cannot key by primary key.
    for (const QString &table : tables) {
        auto keyColumns =
            scalar(db, QStringLiteral("SELECT count(*) FROM pragma_table_info(:table, 'main') WHERE pk > 0"),
                   { { QStringLiteral(":table"), table } });
        if (!keyColumns)
            return std::unexpected(keyColumns.error());
        if (keyColumns->toInt() == 0) {
            DbError error;
            error.kind = DbError::Kind::Query;
            error.message =
                QCoreApplication::translate(
                    "DbError", "Changes to %1 cannot be recorded: the table does not exist or has no primary key.")
                    .arg(table);
            error.detail = QStringLiteral("no primary key: ") + table;
            return std::unexpected(error);
        }
    }
    std::unique_ptr<ChangeRecorder> recorder(new ChangeRecorder(db, handle, tables));
    auto session = recorder->newSession();
    if (!session)
        return std::unexpected(session.error());
    recorder->m_session = *session;
    return recorder;
}

std::expected<sqlite3_session *, DbError> ChangeRecorder::newSession() const
{
    sqlite3_session *session = nullptr;
    if (const int rc = sqlite3session_create(m_handle, "main", &session); rc != SQLITE_OK)
        return std::unexpected(sessionError(rc, QStringLiteral("creating a session")));
    for (const QString &table : m_tables) {
        if (const int rc = sqlite3session_attach(session, table.toUtf8().constData()); rc != SQLITE_OK) {
            sqlite3session_delete(session);
            return std::unexpected(sessionError(rc, QStringLiteral("attaching ") + table));
        }
    }
    sqlite3session_enable(session, m_enabled ? 1 : 0);
    return session;
}

void ChangeRecorder::deleteSession()
{
    if (!m_session)
        return;
    if (sqliteHandle(m_db) == m_handle)
        sqlite3session_delete(m_session);
    else
        qCWarning(lcSql) << "ChangeRecorder outlived its connection" << m_db.connectionName()
                         << "; its session is leaked rather than deleted on a closed connection";
    m_session = nullptr;
}

std::expected<QByteArray, DbError> ChangeRecorder::take()
{
    if (!m_session || sqliteHandle(m_db) != m_handle)
        return std::unexpected(closedConnectionError());
    int size = 0;
    void *buffer = nullptr;
    const int rc = sqlite3session_changeset(m_session, &size, &buffer);
    const SqliteBuffer owned(buffer);
    if (rc != SQLITE_OK)
        return std::unexpected(sessionError(rc, QStringLiteral("making a changeset")));
    QByteArray changeset(static_cast<const char *>(buffer), size);
    // The new session first: if it cannot be made, the old one keeps what it recorded. No
    // statement runs in between, so nothing is missed.
    auto fresh = newSession();
    if (!fresh)
        return std::unexpected(fresh.error());
    deleteSession();
    m_session = *fresh;
    return changeset;
}

std::expected<void, DbError> ChangeRecorder::restart()
{
    if (sqliteHandle(m_db) != m_handle)
        return std::unexpected(closedConnectionError());
    auto fresh = newSession();
    if (!fresh)
        return std::unexpected(fresh.error());
    deleteSession();
    m_session = *fresh;
    return {};
}

void ChangeRecorder::setEnabled(bool enabled)
{
    m_enabled = enabled;
    if (m_session && sqliteHandle(m_db) == m_handle)
        sqlite3session_enable(m_session, enabled ? 1 : 0);
}

std::expected<QByteArray, DbError> invertChangeset(const QByteArray &changeset)
{
    if (changeset.isEmpty())
        return QByteArray();
    if (auto fits = checkSize(changeset); !fits)
        return std::unexpected(fits.error());
    int size = 0;
    void *buffer = nullptr;
    const int rc = sqlite3changeset_invert(int(changeset.size()), changeset.constData(), &size, &buffer);
    const SqliteBuffer owned(buffer);
    if (rc != SQLITE_OK)
        return std::unexpected(sessionError(rc, QStringLiteral("inverting a changeset")));
    return QByteArray(static_cast<const char *>(buffer), size);
}

std::expected<ChangesetConflicts, DbError> applyChangeset(const QSqlDatabase &db, const QByteArray &changeset)
{
    sqlite3 *handle = sqliteHandle(db);
    if (!handle)
        return std::unexpected(closedConnectionError());
    if (sqlite3_get_autocommit(handle) != 0)
        return std::unexpected(sessionError(SQLITE_MISUSE, QStringLiteral("applyChangeset outside a transaction")));
    if (changeset.isEmpty())
        return ChangesetConflicts();
    if (auto fits = checkSize(changeset); !fits)
        return std::unexpected(fits.error());
    ApplyContext context;
    context.handle = handle;
    context.db = db;
    // No flags: SQLite's own savepoint makes a refused changeset leave nothing behind.
    const int rc = sqlite3changeset_apply_v2(handle, int(changeset.size()), bytesOf(changeset), nullptr,
                                             &resolveConflict, &context, nullptr, nullptr, 0);
    if (rc == SQLITE_OK)
        return context.conflicts;
    if (context.refusal)
        return std::unexpected(*context.refusal);
    return std::unexpected(sessionError(rc, QStringLiteral("applying a changeset")));
}

std::expected<QHash<QString, int>, DbError> countChanges(const QByteArray &changeset)
{
    QHash<QString, int> counts;
    if (changeset.isEmpty())
        return counts;
    if (auto fits = checkSize(changeset); !fits)
        return std::unexpected(fits.error());
    sqlite3_changeset_iter *iterator = nullptr;
    if (const int rc = sqlite3changeset_start(&iterator, int(changeset.size()), bytesOf(changeset)); rc != SQLITE_OK)
        return std::unexpected(sessionError(rc, QStringLiteral("reading a changeset")));
    int rc = SQLITE_OK;
    while ((rc = sqlite3changeset_next(iterator)) == SQLITE_ROW) {
        const char *table = nullptr;
        int columns = 0;
        int op = 0;
        int indirect = 0;
        sqlite3changeset_op(iterator, &table, &columns, &op, &indirect);
        ++counts[QString::fromUtf8(table)];
    }
    // finalize reports the error that ended the iteration, if one did.
    const int finalized = sqlite3changeset_finalize(iterator);
    if (rc != SQLITE_DONE || finalized != SQLITE_OK)
        return std::unexpected(
            sessionError(finalized != SQLITE_OK ? finalized : rc, QStringLiteral("reading a changeset")));
    return counts;
}

} // namespace rentdesk::models::db
