// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/db/advisorylock.h"

#include "models/db/database.h"
#include "models/db/query.h"

#include <QLoggingCategory>
#include <QSqlDatabase>

#include <utility>

using namespace Qt::StringLiterals;

Q_DECLARE_LOGGING_CATEGORY(lcNotify)

namespace rentdesk::models::db {

AdvisoryLock::AdvisoryLock(std::shared_ptr<Database> database, qint64 key, QString name, QObject *parent)
    : QObject(parent)
    , m_database(std::move(database))
    , m_key(key)
    , m_name(std::move(name))
{
    m_timer.setInterval(std::chrono::seconds(5));
    connect(&m_timer, &QTimer::timeout, this, &AdvisoryLock::poll);
}

AdvisoryLock::~AdvisoryLock()
{
    closeConnection(); // the session's locks go with it
}

void AdvisoryLock::start()
{
    poll();
    m_timer.start();
}

void AdvisoryLock::closeConnection()
{
    if (m_connection.isEmpty())
        return;
    QSqlDatabase::database(m_connection, false).close();
    QSqlDatabase::removeDatabase(std::exchange(m_connection, QString()));
}

void AdvisoryLock::poll()
{
    if (m_held) {
        if (scalar(QSqlDatabase::database(m_connection, false), u"SELECT 1"_s))
            return;
        qCWarning(lcNotify) << "lost the connection that held the lock of" << m_name;
        m_held = false;
        closeConnection();
        Q_EMIT lost();
    }
    if (m_connection.isEmpty()) {
        auto opened = m_database->openOwnConnection(u"lock-"_s + m_name);
        if (!opened)
            return; // tried again at the next tick
        m_connection = opened->connectionName();
    }
    auto taken = scalar(QSqlDatabase::database(m_connection, false), u"SELECT pg_try_advisory_lock(:key)"_s,
                        { { u":key"_s, m_key } });
    if (!taken) {
        closeConnection();
        return;
    }
    if (taken->toBool()) {
        m_held = true;
        qCInfo(lcNotify) << "this server now does" << m_name;
        Q_EMIT acquired();
    }
}

} // namespace rentdesk::models::db
