// SPDX-License-Identifier: GPL-3.0-or-later
#include "tests/support/postgrescluster.h"

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QDir>
#include <QFile>
#include <QSqlError>
#include <QSqlQuery>
#include <QTcpServer>
#include <QUuid>

#include <csignal>
#include <grp.h>
#include <pwd.h>
#include <sys/prctl.h>
#include <unistd.h>

namespace rentdesk::test {

using namespace Qt::StringLiterals;

namespace {

const QString BinDir = u"/usr/lib/postgresql/15/bin"_s;

// Who PostgreSQL runs as when the tests run as root: the package's system user.
struct RunAs
{
    uid_t uid = 0;
    gid_t gid = 0;
    bool needed = false;
};

RunAs runAs()
{
    RunAs who;
    if (::geteuid() != 0)
        return who;
    who.needed = true;
    if (const passwd *pw = ::getpwnam("postgres")) {
        who.uid = pw->pw_uid;
        who.gid = pw->pw_gid;
    }
    return who;
}

// A child that runs as `who` and goes when the test does (the kernel's parent-death signal,
// set after the change of user, which clears it).
void configure(QProcess &process, const RunAs &who)
{
    process.setChildProcessModifier([who] {
        if (who.needed) {
            if (::setgroups(0, nullptr) != 0 || ::setgid(who.gid) != 0 || ::setuid(who.uid) != 0)
                ::_exit(126);
        }
        ::prctl(PR_SET_PDEATHSIG, SIGQUIT); // SIGQUIT: the postmaster's immediate shutdown
    });
}

int freeLoopbackPort()
{
    QTcpServer probe;
    if (!probe.listen(QHostAddress::LocalHost, 0))
        return 0;
    return probe.serverPort();
}

} // namespace

PostgresCluster::PostgresCluster()
    : m_password(QUuid::createUuid().toString(QUuid::WithoutBraces))
{
}

PostgresCluster::~PostgresCluster()
{
    // For a developer reading why a statement failed: RENTDESK_TEST_PGLOG=FILE keeps the log.
    if (const QString keep = qEnvironmentVariable("RENTDESK_TEST_PGLOG"); !keep.isEmpty()) {
        QFile::remove(keep);
        QFile::copy(m_dir.filePath(u"postmaster.log"_s), keep);
    }
    if (m_postmaster && m_postmaster->state() != QProcess::NotRunning) {
        ::kill(pid_t(m_postmaster->processId()), SIGQUIT);
        if (!m_postmaster->waitForFinished(10000))
            m_postmaster->kill();
        m_postmaster->waitForFinished(5000);
    }
    for (const QString &name : QSqlDatabase::connectionNames()) {
        if (name.startsWith(u"pgcluster-"_s))
            QSqlDatabase::removeDatabase(name);
    }
}

QString PostgresCluster::url(const QString &database) const
{
    return u"postgresql://%1@%2:%3/%4"_s.arg(user(), host()).arg(m_port).arg(database);
}

bool PostgresCluster::start()
{
    if (!QFile::exists(BinDir + u"/initdb"_s)) {
        m_error = u"PostgreSQL 15 is not installed (%1/initdb); scripts/test installs postgresql-15"_s.arg(BinDir);
        return false;
    }
    if (!m_dir.isValid()) {
        m_error = u"no temporary folder: "_s + m_dir.errorString();
        return false;
    }
    const RunAs who = runAs();
    if (who.needed && who.uid == 0) {
        m_error = u"the tests run as root and there is no \"postgres\" system user to run PostgreSQL as"_s;
        return false;
    }
    const QString data = m_dir.filePath(u"data"_s);
    const QString passwordFile = m_dir.filePath(u"password"_s);
    {
        QFile file(passwordFile);
        if (!file.open(QIODevice::WriteOnly) || file.write(m_password.toUtf8() + '\n') < 0) {
            m_error = u"cannot write "_s + passwordFile;
            return false;
        }
    }
    if (who.needed) {
        // The folder and the password file are the postgres user's for the run.
        for (const QString &path : { m_dir.path(), passwordFile }) {
            if (::chown(QFile::encodeName(path).constData(), who.uid, who.gid) != 0) {
                m_error = u"cannot give %1 to the postgres user"_s.arg(path);
                return false;
            }
        }
    }

    QProcess initdb;
    configure(initdb, who);
    initdb.setProcessChannelMode(QProcess::MergedChannels);
    initdb.start(BinDir + u"/initdb"_s,
                 { u"--pgdata"_s, data, u"--username"_s, user(), u"--pwfile"_s, passwordFile, u"--auth"_s,
                   u"scram-sha-256"_s, u"--encoding"_s, u"UTF8"_s, u"--locale"_s, u"C.UTF-8"_s, u"--no-sync"_s });
    if (!initdb.waitForFinished(120000) || initdb.exitStatus() != QProcess::NormalExit || initdb.exitCode() != 0) {
        m_error = u"initdb failed: "_s + QString::fromUtf8(initdb.readAll()).trimmed();
        return false;
    }
    QFile::remove(passwordFile);

    // A port that was free a moment ago; another process taking it first is said, not retried.
    m_port = freeLoopbackPort();
    m_postmaster = std::make_unique<QProcess>();
    configure(*m_postmaster, who);
    // The log goes to a file: a pipe nobody reads once the cluster is up would fill and stop the
    // postmaster at its next line (every refused statement is one).
    const QString logFile = m_dir.filePath(u"postmaster.log"_s);
    m_postmaster->setProcessChannelMode(QProcess::MergedChannels);
    m_postmaster->setStandardOutputFile(logFile);
    m_postmaster->start(BinDir + u"/postgres"_s,
                        { u"-D"_s, data, u"-p"_s, QString::number(m_port), u"-k"_s, m_dir.path(), u"-c"_s,
                          u"listen_addresses=127.0.0.1"_s, u"-c"_s, u"fsync=off"_s, u"-c"_s, u"full_page_writes=off"_s,
                          u"-c"_s, u"max_connections=300"_s });
    const auto log = [&] {
        QFile file(logFile);
        return file.open(QIODevice::ReadOnly) ? QString::fromUtf8(file.readAll()) : QString();
    };
    const QDeadlineTimer deadline(60000);
    while (!log().contains(u"ready to accept connections"_s)) {
        if (m_postmaster->state() == QProcess::NotRunning || deadline.hasExpired()) {
            m_error = u"the postmaster did not start: "_s + log().trimmed();
            return false;
        }
        m_postmaster->waitForFinished(100);
    }
    return true;
}

QByteArray PostgresCluster::dump(const QString &database) const
{
    QProcess pgDump;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(u"PGPASSWORD"_s, m_password);
    pgDump.setProcessEnvironment(env);
    pgDump.start(BinDir + u"/pg_dump"_s,
                 { u"--host"_s, host(), u"--port"_s, QString::number(m_port), u"--username"_s, user(),
                   u"--no-password"_s, database });
    if (!pgDump.waitForFinished(60000) || pgDump.exitStatus() != QProcess::NormalExit || pgDump.exitCode() != 0)
        return {};
    return pgDump.readAllStandardOutput();
}

QString PostgresCluster::check(const QString &database) const
{
    QProcess amcheck;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(u"PGPASSWORD"_s, m_password);
    amcheck.setProcessEnvironment(env);
    amcheck.setProcessChannelMode(QProcess::MergedChannels);
    amcheck.start(BinDir + u"/pg_amcheck"_s,
                  { u"--host"_s, host(), u"--port"_s, QString::number(m_port), u"--username"_s, user(),
                    u"--no-password"_s, u"--install-missing"_s, u"--heapallindexed"_s, u"--database"_s, database });
    if (!amcheck.waitForFinished(120000) || amcheck.exitStatus() != QProcess::NormalExit)
        return u"pg_amcheck did not finish"_s;
    const QString output = QString::fromUtf8(amcheck.readAll()).trimmed();
    if (amcheck.exitCode() != 0)
        return output.isEmpty() ? u"pg_amcheck exited with %1"_s.arg(amcheck.exitCode()) : output;
    return output;
}

bool serverTestsOnPostgres()
{
    return qEnvironmentVariable("RENTDESK_TEST_ENGINE") == u"postgresql";
}

PostgresCluster &sharedPostgres()
{
    static PostgresCluster *cluster = [] {
        auto *started = new PostgresCluster;
        if (!started->start())
            qFatal("cannot start the tests' PostgreSQL cluster: %s", qPrintable(started->errorString()));
        // Stopped with the application (the QTest main's), before static destruction, while
        // QProcess still works; a test killed outright takes it along by the parent-death signal.
        qAddPostRoutine([] { delete cluster; });
        return started;
    }();
    return *cluster;
}

QString serverDatabase(const QString &sqliteFile)
{
    if (!serverTestsOnPostgres())
        return sqliteFile;
    static int counter = 0;
    const QString name = u"server_%1"_s.arg(++counter);
    PostgresCluster &cluster = sharedPostgres();
    if (!cluster.createDatabase(name))
        qFatal("cannot create the database %s: %s", qPrintable(name), qPrintable(cluster.errorString()));
    return cluster.url(name);
}

QSqlDatabase PostgresCluster::connect(const QString &database, const QString &connectionName) const
{
    QSqlDatabase db = QSqlDatabase::addDatabase(u"QPSQL"_s, connectionName);
    db.setHostName(host());
    db.setPort(m_port);
    db.setUserName(user());
    db.setPassword(m_password);
    db.setDatabaseName(database);
    db.open();
    return db;
}

bool PostgresCluster::createDatabase(const QString &name, const QString &copyOf)
{
    const QString connection = u"pgcluster-admin-"_s + QUuid::createUuid().toString(QUuid::Id128);
    bool done = false;
    {
        QSqlDatabase db = connect(u"postgres"_s, connection);
        if (!db.isOpen()) {
            m_error = u"cannot connect: "_s + db.lastError().text();
        } else {
            // Names are the tests' own identifiers (CREATE DATABASE takes no bound values).
            QSqlQuery query(db);
            done = query.exec(copyOf.isEmpty() ? u"CREATE DATABASE \"%1\""_s.arg(name)
                                               : u"CREATE DATABASE \"%1\" TEMPLATE \"%2\""_s.arg(name, copyOf));
            if (!done)
                m_error = query.lastError().text();
        }
    }
    QSqlDatabase::removeDatabase(connection);
    return done;
}

} // namespace rentdesk::test
