// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/db/postgres.h"

#include "models/db/engine.h"

#include <QCoreApplication>
#include <QLoggingCategory>
#include <QSqlDriver>
#include <QSqlError>
#include <QUrl>
#include <QUrlQuery>

#include <algorithm>
#include <initializer_list>
#include <libpq-fe.h>

Q_DECLARE_LOGGING_CATEGORY(lcSql)

using namespace Qt::StringLiterals;

namespace rentdesk::models::db {

namespace {

thread_local bool t_retryableFailure = false;

// libpq's connection keywords that a URL may carry: TLS, timeouts, where to connect and how to
// find the password. Not "password" (see PostgresTarget) nor "options" (server settings, which
// would let a URL turn off what RentDesk relies on).
const QStringList &passedThrough()
{
    static const QStringList keywords = {
        u"host"_s,
        u"hostaddr"_s,
        u"sslmode"_s,
        u"sslrootcert"_s,
        u"sslcert"_s,
        u"sslkey"_s,
        u"sslcrl"_s,
        u"sslcrldir"_s,
        u"sslsni"_s,
        u"ssl_min_protocol_version"_s,
        u"ssl_max_protocol_version"_s,
        u"channel_binding"_s,
        u"gssencmode"_s,
        u"krbsrvname"_s,
        u"requirepeer"_s,
        u"connect_timeout"_s,
        u"keepalives"_s,
        u"keepalives_idle"_s,
        u"keepalives_interval"_s,
        u"keepalives_count"_s,
        u"tcp_user_timeout"_s,
        u"target_session_attrs"_s,
        u"passfile"_s,
        u"application_name"_s,
    };
    return keywords;
}

// Qt's driver hands its libpq pointers out in a QVariant, registered under the struct's name
// ("pg_conn*", "pg_result*"; older Qt used the typedef's).
template<typename T> T *pointerIn(const QVariant &handle, std::initializer_list<const char *> typeNames)
{
    if (!handle.isValid() || std::none_of(typeNames.begin(), typeNames.end(), [&](const char *name) {
            return qstrcmp(handle.typeName(), name) == 0;
        }))
        return nullptr;
    return *static_cast<T *const *>(handle.constData());
}

// libpq's connection under a Qt connection; nullptr when it is not an open PostgreSQL one.
PGconn *handleOf(const QSqlDatabase &db)
{
    return db.driver() ? pointerIn<PGconn>(db.driver()->handle(), { "pg_conn*", "PGconn*" }) : nullptr;
}

QString field(const PGresult *result, int code)
{
    const char *value = result ? PQresultErrorField(result, code) : nullptr;
    return value ? QString::fromUtf8(value) : QString();
}

DbError make(DbError::Kind kind, QString message, QString detail)
{
    DbError error;
    error.kind = kind;
    error.message = std::move(message);
    error.detail = std::move(detail);
    return error;
}

} // namespace

Engine engineOf(const QSqlDatabase &db)
{
    return db.driverName() == u"QPSQL" ? Engine::Postgres : Engine::Sqlite;
}

QString PostgresTarget::display() const
{
    QString text = u"postgresql://"_s;
    if (!user.isEmpty())
        text += user + u'@';
    text += (host.startsWith(u'/') ? QString() : host) + u':' + QString::number(port) + u'/' + database;
    QStringList shown = options;
    if (host.startsWith(u'/'))
        shown.prepend(u"host="_s + host);
    if (!shown.isEmpty())
        text += u'?' + shown.join(u'&');
    return text;
}

std::expected<PostgresTarget, QString> PostgresTarget::parse(const QString &location)
{
    const auto refused = [&](const QString &why) {
        // Never echoed with a password in it.
        const QString shown = QUrl(location).toString(QUrl::RemovePassword);
        return std::unexpected(
            QCoreApplication::translate("DbError", "%1 is not a PostgreSQL address RentDesk can use: %2")
                .arg(shown.isEmpty() ? u"postgresql://…"_s : shown, why));
    };
    const QUrl url(location, QUrl::StrictMode);
    if (!url.isValid() || (url.scheme() != u"postgresql" && url.scheme() != u"postgres"))
        return refused(QCoreApplication::translate("DbError", "write it as postgresql://user@host:port/database."));
    if (!url.password().isEmpty()) {
        return refused(QCoreApplication::translate(
            "DbError", "the password must not be in the address; put it in PGPASSWORD or ~/.pgpass."));
    }
    PostgresTarget target;
    target.user = url.userName(QUrl::FullyDecoded);
    target.host = url.host(QUrl::FullyDecoded);
    target.port = url.port(5432);
    target.database = url.path(QUrl::FullyDecoded).mid(1);
    if (target.database.isEmpty() || target.database.contains(u'/'))
        return refused(QCoreApplication::translate("DbError", "it names no database (…/database at the end)."));
    const QUrlQuery query(url);
    for (const auto &[key, value] : query.queryItems(QUrl::FullyDecoded)) {
        if (!passedThrough().contains(key))
            return refused(
                QCoreApplication::translate("DbError", "the option %1 is not one RentDesk passes to libpq.").arg(key));
        // Qt joins the options into libpq's "keyword=value keyword=value" string unquoted.
        if (value.isEmpty() || value.contains(u' ') || value.contains(u';') || value.contains(u'\'')
            || value.contains(u'\\')) {
            return refused(
                QCoreApplication::translate("DbError", "the value of %1 is empty or has a space, quote, ; or \\.")
                    .arg(key));
        }
        if (key == u"host")
            target.host = value;
        else
            target.options << key + u'=' + value;
    }
    return target;
}

std::expected<QSqlDatabase, DbError> openPostgres(const PostgresTarget &target, const QString &name)
{
    QSqlDatabase db = QSqlDatabase::addDatabase(u"QPSQL"_s, name);
    if (!db.isValid()) {
        QSqlDatabase::removeDatabase(name);
        return std::unexpected(
            make(DbError::Kind::CannotOpen,
                 QCoreApplication::translate(
                     "DbError", "Qt's PostgreSQL driver is not installed (Debian package libqt6sql6-psql)."),
                 {}));
    }
    db.setHostName(target.host);
    db.setPort(target.port);
    db.setUserName(target.user);
    db.setDatabaseName(target.database);
    db.setConnectOptions(target.options.join(u';'));
    if (!db.open()) {
        // libpq's own line is what tells a wrong password from a server that is down.
        const QString reason = db.lastError().databaseText().trimmed();
        db = QSqlDatabase();
        QSqlDatabase::removeDatabase(name);
        return std::unexpected(make(DbError::Kind::CannotOpen,
                                    QCoreApplication::translate("DbError", "Cannot connect to the database %1: %2")
                                        .arg(target.display(), reason),
                                    reason));
    }
    return db;
}

DbError classifyPostgres(const QSqlError &error, const QVariant &result)
{
    const PGresult *failed = pointerIn<PGresult>(result, { "pg_result*", "PGresult*" });
    QString state = field(failed, PG_DIAG_SQLSTATE);
    if (state.isEmpty())
        state = error.nativeErrorCode();
    DbError e;
    e.detail = error.text();
    const QString constraint = field(failed, PG_DIAG_CONSTRAINT_NAME);
    const auto refused = [&](DbError::ConstraintKind kind, QString name) {
        e.kind = DbError::Kind::Constraint;
        e.constraintKind = kind;
        e.constraint = std::move(name);
        e.message = kind == DbError::ConstraintKind::ForeignKey
            ? QCoreApplication::translate("DbError", "The change refers to a record that does not exist.")
            : QCoreApplication::translate("DbError", "The database refused the change (rule: %1).").arg(e.constraint);
    };
    const QString column = field(failed, PG_DIAG_TABLE_NAME) + u'.' + field(failed, PG_DIAG_COLUMN_NAME);
    if (state == u"23505") {
        refused(constraint.endsWith(u"_pk") ? DbError::ConstraintKind::PrimaryKey : DbError::ConstraintKind::Unique,
                constraint);
    } else if (state == u"23514" || state == u"23P01") {
        refused(DbError::ConstraintKind::Check, constraint);
    } else if (state == u"23503") {
        // SQLite does not say which foreign key failed; neither does RentDesk here.
        refused(DbError::ConstraintKind::ForeignKey, {});
    } else if (state == u"23502") {
        refused(DbError::ConstraintKind::NotNull, column);
    } else if (state == u"P0001" && !constraint.isEmpty()) {
        refused(DbError::ConstraintKind::Trigger, constraint); // rentdesk_refuse(): a rule's trigger
    } else if (state.startsWith(u"22")) {
        refused(DbError::ConstraintKind::DataType, column == u"." ? QString() : column);
    } else if (state == u"40001" || state == u"40P01" || state == u"55P03") {
        t_retryableFailure = t_retryableFailure || state != u"55P03";
        e.kind = DbError::Kind::Busy;
        e.message = QCoreApplication::translate(
            "DbError", "The database is busy with other changes to the same records. Try again.");
    } else if (state.startsWith(u"08") || state.startsWith(u"57P") || state.startsWith(u"28") || state == u"3D000") {
        e.kind = DbError::Kind::CannotOpen;
        e.message = QCoreApplication::translate("DbError", "The database server cannot be reached.");
    } else {
        e.kind = DbError::Kind::Query;
        e.message = QCoreApplication::translate("DbError", "A database operation failed.");
    }
    qCDebug(lcSql) << "statement failed:" << state << constraint << error.databaseText();
    return e;
}

bool postgresConnectionLost(const QSqlDatabase &db)
{
    PGconn *connection = handleOf(db);
    return !connection || PQstatus(connection) == CONNECTION_BAD;
}

bool postgresInTransaction(const QSqlDatabase &db)
{
    PGconn *connection = handleOf(db);
    if (!connection)
        return false;
    const PGTransactionStatusType status = PQtransactionStatus(connection);
    return status == PQTRANS_INTRANS || status == PQTRANS_INERROR || status == PQTRANS_ACTIVE;
}

bool postgresTransactionFailed(const QSqlDatabase &db)
{
    PGconn *connection = handleOf(db);
    return connection && PQtransactionStatus(connection) == PQTRANS_INERROR;
}

bool hadRetryableFailure()
{
    return t_retryableFailure;
}

void clearRetryableFailure()
{
    t_retryableFailure = false;
}

} // namespace rentdesk::models::db
