// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/db/database.h"

#include "models/db/migrationset.h"
#include "models/db/migrator.h"
#include "models/db/postgres.h"
#include "models/db/query.h"
#include "models/db/sqlitehandle.h"

#include <QAtomicInteger>
#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLoggingCategory>
#include <QSqlError>
#include <QThread>

#include <algorithm>
#include <filesystem>

Q_LOGGING_CATEGORY(lcDb, "rentdesk.db", QtWarningMsg)

namespace rentdesk::models::db {

namespace {

DbError makeError(DbError::Kind kind, QString message, QString detail = {})
{
    DbError error;
    error.kind = kind;
    error.message = std::move(message);
    error.detail = std::move(detail);
    return error;
}

// Rewrites a driver-level error so that its one line names the file.
DbError aboutFile(DbError error, const QString &path)
{
    switch (error.kind) {
    case DbError::Kind::NotADatabase:
        error.message = QCoreApplication::translate(
                            "DbError", "%1 is not a RentDesk database: it is not an SQLite file, or it is damaged.")
                            .arg(path);
        break;
    case DbError::Kind::CannotOpen:
        error.message = QCoreApplication::translate("DbError", "Cannot open the database %1.").arg(path);
        break;
    case DbError::Kind::Busy:
        error.message =
            QCoreApplication::translate("DbError", "The database %1 is locked by another program.").arg(path);
        break;
    default:
        error.message =
            QCoreApplication::translate("DbError", "Cannot use the database %1: %2").arg(path, error.message);
        break;
    }
    return error;
}

// Makes sure the file's folder exists, refusing to go through a regular file.
std::expected<bool /*file existed*/, DbError> prepareLocation(const QString &path)
{
    const QFileInfo file(path);
    if (file.exists()) {
        if (!file.isFile())
            return std::unexpected(
                makeError(DbError::Kind::CannotOpen,
                          QCoreApplication::translate("DbError", "%1 is a folder, not a database file.").arg(path)));
        return true;
    }
    QString ancestor = file.absolutePath();
    while (!QFileInfo::exists(ancestor))
        ancestor = QFileInfo(ancestor).absolutePath();
    if (!QFileInfo(ancestor).isDir()) {
        return std::unexpected(makeError(
            DbError::Kind::CannotCreate,
            QCoreApplication::translate("DbError", "Cannot create the database %1: %2 is a file, not a folder.")
                .arg(path, ancestor)));
    }
    if (!QDir().mkpath(file.absolutePath())) {
        return std::unexpected(
            makeError(DbError::Kind::CannotCreate,
                      QCoreApplication::translate("DbError", "Cannot create the folder %1 for the database.")
                          .arg(file.absolutePath())));
    }
    return false;
}

QAtomicInteger<quint64> g_instanceCounter;

// Closes and removes the calling thread's connection `name`: its pooled statements first, as they
// hold the connection's driver.
void closeConnection(const QString &name)
{
    forgetStatements(name);
    if (QSqlDatabase::contains(name)) {
        QSqlDatabase::database(name, false).close();
        QSqlDatabase::removeDatabase(name);
    }
}

} // namespace

struct Database::Private
{
    Engine engine = Engine::Sqlite;
    PostgresTarget target; // for Engine::Postgres
    QString path;
    QString connectionPrefix;
    Options options;
    int schemaVersion = 0;

    [[nodiscard]] QString connectionName() const
    {
        return connectionPrefix + QString::number(reinterpret_cast<quintptr>(QThread::currentThread()), 16);
    }

    [[nodiscard]] std::expected<QSqlDatabase, DbError> addConnection(const QString &name) const
    {
        return addConnection(name, path);
    }
    [[nodiscard]] std::expected<QSqlDatabase, DbError> addConnection(const QString &name, const QString &file) const;
    [[nodiscard]] std::expected<void, DbError> checkReplacement(const QString &file) const;
    [[nodiscard]] std::expected<void, DbError> configure(const QSqlDatabase &db) const;
    [[nodiscard]] std::expected<void, DbError> probe() const;
    [[nodiscard]] std::expected<void, DbError> probePostgres(const QSqlDatabase &db) const;
    [[nodiscard]] const MigrationSet &migrations() const
    {
        return options.migrations ? *options.migrations : MigrationSet::builtIn(engine);
    }
    // Runs `check` on a connection of its own to `file` (named by `suffix`), which sets no
    // PRAGMA, and closes it.
    template<typename Check>
    [[nodiscard]] std::expected<void, DbError> onSideConnection(const QString &suffix, const QString &file,
                                                                Check check) const;
};

std::expected<QSqlDatabase, DbError> Database::Private::addConnection(const QString &name, const QString &file) const
{
    if (engine == Engine::Postgres)
        return db::openPostgres(target, name);
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
    if (!db.isValid()) {
        QSqlDatabase::removeDatabase(name);
        return std::unexpected(
            makeError(DbError::Kind::CannotOpen,
                      QCoreApplication::translate(
                          "DbError", "Qt's SQLite driver is not installed (Debian package libqt6sql6-sqlite).")));
    }
    db.setDatabaseName(file);
    db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=%1").arg(options.busyTimeoutMs));
    if (!db.open()) {
        DbError error = aboutFile(classify(db.lastError(), db), file);
        db = QSqlDatabase();
        QSqlDatabase::removeDatabase(name);
        return std::unexpected(error);
    }
    return db;
}

std::expected<void, DbError> Database::Private::configure(const QSqlDatabase &db) const
{
    if (engine == Engine::Postgres) {
        // Ids and timestamps are compared and ordered as text by both engines; SQLite compares
        // bytes, and so must PostgreSQL, or "a-c" and "ab" sort apart on the two. Asked of the
        // comparison itself: a database's collation may be libc's or ICU's.
        auto byteOrder = scalar(db, QStringLiteral("SELECT ('B' < 'a') AND ('a-c' < 'ab')"));
        if (!byteOrder)
            return std::unexpected(byteOrder.error());
        if (!byteOrder->toBool()) {
            return std::unexpected(makeError(
                DbError::Kind::Configuration,
                QCoreApplication::translate("DbError",
                                            "The database %1 sorts text by a language's rules; RentDesk needs byte "
                                            "order. Create it with: createdb --template=template0 --encoding=UTF8 "
                                            "--lc-collate=C --lc-ctype=C.UTF-8 NAME")
                    .arg(path)));
        }
        // PostgreSQL's notices ("already exists, skipping") are not errors; libpq would print
        // them on stderr.
        if (auto quiet = exec(db, QStringLiteral("SET client_min_messages TO warning")); !quiet)
            return std::unexpected(quiet.error());
        auto version = scalar(db, QStringLiteral("SELECT current_setting('server_version_num')::integer"));
        if (!version)
            return std::unexpected(version.error());
        if (version->toInt() < 130000) {
            return std::unexpected(
                makeError(DbError::Kind::Configuration,
                          QCoreApplication::translate("DbError",
                                                      "The database %1 runs PostgreSQL %2; RentDesk needs 13 or newer.")
                              .arg(path)
                              .arg(version->toInt() / 10000)));
        }
        return {};
    }
    struct Setting
    {
        const char *set;
        const char *read;
        QVariant expected;
        const char *what;
    };
    const Setting settings[] = {
        { "PRAGMA foreign_keys = ON", "PRAGMA foreign_keys", 1, QT_TRANSLATE_NOOP("DbError", "foreign keys") },
        { "PRAGMA journal_mode = WAL", "PRAGMA journal_mode", QStringLiteral("wal"),
          QT_TRANSLATE_NOOP("DbError", "write-ahead logging") },
        { "PRAGMA synchronous = NORMAL", "PRAGMA synchronous", 1, QT_TRANSLATE_NOOP("DbError", "synchronous=NORMAL") },
        { "PRAGMA trusted_schema = OFF", "PRAGMA trusted_schema", 0, QT_TRANSLATE_NOOP("DbError", "untrusted schema") },
        { nullptr, "PRAGMA busy_timeout", options.busyTimeoutMs, QT_TRANSLATE_NOOP("DbError", "busy timeout") },
    };
    if (options.cacheMib > 0) {
        // Negative: a size in KiB rather than in pages.
        const int kib = -options.cacheMib * 1024;
        if (auto done = exec(db, QStringLiteral("PRAGMA cache_size = %1").arg(kib)); !done)
            return std::unexpected(aboutFile(done.error(), path));
    }
    for (const Setting &setting : settings) {
        if (setting.set) {
            if (auto done = exec(db, QString::fromLatin1(setting.set)); !done)
                return std::unexpected(aboutFile(done.error(), path));
        }
        auto value = scalar(db, QString::fromLatin1(setting.read));
        if (!value)
            return std::unexpected(aboutFile(value.error(), path));
        if (value->toString() != setting.expected.toString()) {
            return std::unexpected(makeError(
                DbError::Kind::Configuration,
                QCoreApplication::translate("DbError", "Cannot enable %1 on the database %2 (it reports \"%3\").")
                    .arg(QCoreApplication::translate("DbError", setting.what), path, value->toString())));
        }
    }
    return {};
}

template<typename Check>
std::expected<void, DbError> Database::Private::onSideConnection(const QString &suffix, const QString &file,
                                                                 Check check) const
{
    const QString name = connectionPrefix + suffix;
    std::expected<void, DbError> verdict;
    {
        auto db = addConnection(name, file);
        if (!db)
            return std::unexpected(db.error());
        verdict = check(*db);
        db->close();
    }
    QSqlDatabase::removeDatabase(name);
    return verdict;
}

std::expected<void, DbError> Database::Private::probePostgres(const QSqlDatabase &db) const
{
    // A database of another program (tables, none of them RentDesk's schema_migrations) is
    // refused before a migration writes RentDesk's tables beside its own.
    auto tables =
        scalar(db, QStringLiteral("SELECT count(*) FROM pg_catalog.pg_tables WHERE schemaname = current_schema()"));
    auto version = tables ? Migrator::currentVersion(db) : std::unexpected(tables.error());
    if (!version)
        return std::unexpected(version.error());
    if (*version == 0 && tables->toInt() > 0) {
        return std::unexpected(makeError(
            DbError::Kind::ForeignDatabase,
            QCoreApplication::translate("DbError", "%1 holds tables of another program, not RentDesk's.").arg(path)));
    }
    auto checked = Migrator(migrations()).checkedVersion(db);
    if (!checked)
        return std::unexpected(checked.error());
    return {};
}

std::expected<void, DbError> Database::Private::probe() const
{
    // Nothing is written to a file we are about to refuse: this connection sets no PRAGMA
    // (not even the WAL switch, which changes the file's header) and only reads. It is
    // read-write all the same, because a read-only connection to a WAL database leaves its
    // -wal and -shm files behind, while the last read-write one removes them on closing.
    return onSideConnection(QStringLiteral("probe"), path, [&](const QSqlDatabase &db) -> std::expected<void, DbError> {
        auto appId = scalar(db, QStringLiteral("PRAGMA application_id"));
        if (!appId)
            return std::unexpected(aboutFile(appId.error(), path));
        auto objects = scalar(db, QStringLiteral("SELECT count(*) FROM sqlite_schema"));
        if (!objects)
            return std::unexpected(aboutFile(objects.error(), path));
        if (appId->toInt() != Migrator::ApplicationId && !(appId->toInt() == 0 && objects->toInt() == 0)) {
            return std::unexpected(makeError(
                DbError::Kind::ForeignDatabase,
                QCoreApplication::translate("DbError", "%1 is an SQLite database of another program, not RentDesk's.")
                    .arg(path)));
        }
        auto version = Migrator(migrations()).checkedVersion(db);
        if (!version) {
            return std::unexpected(version.error().kind == DbError::Kind::NewerSchema
                                       ? version.error()
                                       : aboutFile(version.error(), path));
        }
        return {};
    });
}

std::expected<void, DbError> Database::Private::checkReplacement(const QString &file) const
{
    if (engine == Engine::Postgres) {
        return std::unexpected(makeError(
            DbError::Kind::CannotOpen,
            QCoreApplication::translate("DbError", "A PostgreSQL database is not replaced by a file (%1).").arg(file)));
    }
    if (!QFileInfo(file).isFile()) {
        return std::unexpected(makeError(DbError::Kind::CannotOpen,
                                         QCoreApplication::translate("DbError", "%1 does not exist.").arg(file)));
    }
    return onSideConnection(
        QStringLiteral("replacement"), file, [&](const QSqlDatabase &db) -> std::expected<void, DbError> {
            auto appId = scalar(db, QStringLiteral("PRAGMA application_id"));
            auto version = appId ? Migrator::currentVersion(db) : std::unexpected(appId.error());
            if (!version)
                return std::unexpected(aboutFile(version.error(), file));
            if (appId->toInt() != Migrator::ApplicationId || *version != schemaVersion) {
                return std::unexpected(makeError(
                    DbError::Kind::ForeignDatabase,
                    QCoreApplication::translate("DbError", "%1 is not a RentDesk database of schema version %2.")
                        .arg(file)
                        .arg(schemaVersion)));
            }
            return {};
        });
}

Database::Database(std::unique_ptr<Private> d)
    : d(std::move(d))
{
}

Database::~Database()
{
    closeConnection(d->connectionName());
}

std::expected<std::shared_ptr<Database>, DbError> Database::open(const QString &path)
{
    return open(path, Options());
}

std::expected<std::shared_ptr<Database>, DbError> Database::open(const QString &path, const Options &options)
{
    auto d = std::make_unique<Private>();
    d->options = options;
    d->connectionPrefix = QStringLiteral("rentdesk-%1-").arg(++g_instanceCounter);
    if (isPostgresUrl(path))
        return openPostgres(std::move(d), path);

    d->path = QFileInfo(path).absoluteFilePath();
    auto existed = prepareLocation(d->path);
    if (!existed)
        return std::unexpected(existed.error());
    if (*existed) {
        if (auto probed = d->probe(); !probed)
            return std::unexpected(probed.error());
    }

    std::shared_ptr<Database> database(new Database(std::move(d)));
    auto result = [&]() -> std::expected<std::shared_ptr<Database>, DbError> {
        auto db = database->tryConnection();
        if (!db)
            return std::unexpected(db.error());
        // Once per process: the driver's library does not change while it runs.
        static const std::expected<void, DbError> sameSqlite = checkSameSqlite(readSqliteLinkage(*db));
        if (!sameSqlite)
            return std::unexpected(sameSqlite.error());
        return database->migrate(*db);
    }();
    if (!result && !*existed) {
        // Do not leave behind a half-made file that the user never had.
        const QString file = database->d->path;
        database.reset();
        for (const QString &suffix : { QString(), QStringLiteral("-wal"), QStringLiteral("-shm") })
            QFile::remove(file + suffix);
    }
    return result;
}

std::expected<std::shared_ptr<Database>, DbError> Database::openPostgres(std::unique_ptr<Private> d, const QString &url)
{
    auto target = PostgresTarget::parse(url);
    if (!target)
        return std::unexpected(makeError(DbError::Kind::CannotOpen, target.error()));
    d->engine = Engine::Postgres;
    d->target = *target;
    d->path = target->display();
    std::shared_ptr<Database> database(new Database(std::move(d)));
    auto db = database->tryConnection();
    if (!db)
        return std::unexpected(db.error());
    if (auto probed = database->d->probePostgres(*db); !probed)
        return std::unexpected(probed.error());
    return database->migrate(*db);
}

std::expected<std::shared_ptr<Database>, DbError> Database::migrate(const QSqlDatabase &db)
{
    if (auto migrated = Migrator(d->migrations()).migrate(db); !migrated)
        return std::unexpected(migrated.error());
    auto version = Migrator::currentVersion(db);
    if (!version)
        return std::unexpected(aboutFile(version.error(), d->path));
    d->schemaVersion = *version;
    return shared_from_this();
}

std::expected<QSqlDatabase, DbError> Database::tryConnection() const
{
    const QString name = d->connectionName();
    if (QSqlDatabase::contains(name)) {
        QSqlDatabase existing = QSqlDatabase::database(name, false);
        // A PostgreSQL server that restarted, or a connection it ended, leaves this one dead;
        // libpq knows without a round trip. It is opened anew (outside a transaction: one that
        // was open is lost with the connection, and its statements failed already).
        if (d->engine != Engine::Postgres || !postgresConnectionLost(existing))
            return existing;
        qCWarning(lcDb) << "the connection to" << d->path << "was lost; connecting again";
        existing = QSqlDatabase();
        closeConnection(name);
    }

    auto db = d->addConnection(name);
    if (!db)
        return std::unexpected(db.error());
    if (auto configured = d->configure(*db); !configured) {
        db->close();
        *db = QSqlDatabase();
        QSqlDatabase::removeDatabase(name);
        return std::unexpected(configured.error());
    }
    // Close this thread's connection when the thread ends; the lambda holds only the
    // name, so it is safe even if this Database is gone by then.
    const QCoreApplication *app = QCoreApplication::instance();
    if (QThread *thread = QThread::currentThread(); app && thread != app->thread()) {
        QObject::connect(
            thread, &QThread::finished, thread, [name] { closeConnection(name); }, Qt::DirectConnection);
    }
    keepStatements(name);
    qCDebug(lcDb) << "opened connection" << name << "to" << d->path;
    return *db;
}

std::expected<QSqlDatabase, DbError> Database::openOwnConnection(const QString &name) const
{
    const QString full = d->connectionPrefix + name;
    auto db = d->addConnection(full);
    if (!db)
        return std::unexpected(db.error());
    if (auto configured = d->configure(*db); !configured) {
        db->close();
        *db = QSqlDatabase();
        QSqlDatabase::removeDatabase(full);
        return std::unexpected(configured.error());
    }
    return *db;
}

std::expected<void, DbError> Database::replaceFile(const QString &file)
{
    if (auto checked = d->checkReplacement(file); !checked)
        return checked;
    const QString name = d->connectionName();
    const QStringList names = QSqlDatabase::connectionNames();
    if (std::any_of(names.cbegin(), names.cend(),
                    [&](const QString &other) { return other.startsWith(d->connectionPrefix) && other != name; })) {
        return std::unexpected(makeError(
            DbError::Kind::Busy,
            QCoreApplication::translate("DbError", "The database %1 is open on another thread.").arg(d->path)));
    }
    auto connection = tryConnection();
    if (!connection)
        return std::unexpected(connection.error());
    QSqlDatabase db = *connection;
    forgetStatements(name);
    // The last connection to close copies the WAL back and removes it; a WAL that stays means
    // another program has the file open, and would be read into the new file over its pages.
    db.close();
    const QString wal = d->path + QStringLiteral("-wal");
    std::error_code moved;
    if (QFileInfo::exists(wal)) {
        moved = std::make_error_code(std::errc::device_or_resource_busy);
    } else {
        // Over the old file in one step (QFile::rename does not replace). The folder is not
        // synced: after a crash the old file may come back, which is what was there before.
        std::filesystem::rename(QFile::encodeName(file).toStdString(), QFile::encodeName(d->path).toStdString(), moved);
    }
    if (!db.open()) {
        return std::unexpected(aboutFile(classify(db.lastError(), db), d->path));
    }
    if (auto configured = d->configure(db); !configured)
        return configured;
    keepStatements(name);
    if (moved) {
        return std::unexpected(
            makeError(moved == std::errc::device_or_resource_busy ? DbError::Kind::Busy : DbError::Kind::CannotCreate,
                      QCoreApplication::translate("DbError", "Cannot put %1 in place of the database %2: %3")
                          .arg(file, d->path,
                               moved == std::errc::device_or_resource_busy
                                   ? QCoreApplication::translate("DbError", "another program has it open.")
                                   : QString::fromStdString(moved.message()))));
    }
    qCInfo(lcDb) << "replaced" << d->path << "with" << file;
    return {};
}

QString Database::path() const
{
    return d->path;
}

int Database::schemaVersion() const
{
    return d->schemaVersion;
}

Engine Database::engine() const
{
    return d->engine;
}

} // namespace rentdesk::models::db
