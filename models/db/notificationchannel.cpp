// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/db/notificationchannel.h"

#include "models/db/database.h"
#include "models/db/engine.h"
#include "models/db/query.h"
#include "models/db/transaction.h"

#include <QCoreApplication>
#include <QLoggingCategory>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QSqlDatabase>
#include <QSqlDriver>
#include <QSqlError>

#include <utility>

using namespace Qt::StringLiterals;

Q_LOGGING_CATEGORY(lcNotify, "rentdesk.db.notify", QtInfoMsg)

namespace rentdesk::models::db {

namespace {

constexpr auto CheckEvery = std::chrono::seconds(5);

DbError refusal(QString message)
{
    DbError error;
    error.kind = DbError::Kind::Configuration;
    error.message = std::move(message);
    return error;
}

} // namespace

NotificationChannel::NotificationChannel(std::shared_ptr<Database> database, QString channel, QObject *parent)
    : QObject(parent)
    , m_database(std::move(database))
    , m_channel(std::move(channel))
    , m_connectionName(u"notify-"_s + m_channel)
    , m_instance(QByteArray::number(QRandomGenerator::system()->generate64(), 16))
{
    m_check.setInterval(CheckEvery);
    connect(&m_check, &QTimer::timeout, this, &NotificationChannel::checkConnection);
}

NotificationChannel::~NotificationChannel()
{
    closeConnection();
}

std::expected<std::unique_ptr<NotificationChannel>, DbError>
NotificationChannel::listen(std::shared_ptr<Database> database, const QString &channel, QObject *parent)
{
    if (database->engine() != Engine::Postgres)
        return std::unexpected(refusal(u"only a PostgreSQL database has notification channels"_s));
    static const QRegularExpression identifier(u"^[a-z_][a-z0-9_]{0,62}$"_s);
    if (!identifier.match(channel).hasMatch())
        return std::unexpected(refusal(u"%1 is not a channel name"_s.arg(channel)));
    std::unique_ptr<NotificationChannel> made(new NotificationChannel(std::move(database), channel, parent));
    if (auto listening = made->connectAndListen(); !listening)
        return std::unexpected(listening.error());
    made->m_check.start();
    return made;
}

std::expected<void, DbError> NotificationChannel::connectAndListen()
{
    auto opened = m_database->openOwnConnection(m_connectionName);
    if (!opened)
        return std::unexpected(opened.error());
    QSqlDatabase connection = *opened;
    m_listening = connection.connectionName();
    QSqlDriver *driver = connection.driver();
    connect(driver, &QSqlDriver::notification, this,
            [this](const QString &name, QSqlDriver::NotificationSource, const QVariant &payload) {
                onNotification(name, payload);
            });
    if (!driver->subscribeToNotification(m_channel)) {
        const DbError error = classify(driver->lastError(), connection);
        connection = QSqlDatabase();
        closeConnection();
        return std::unexpected(error);
    }
    return {};
}

void NotificationChannel::closeConnection()
{
    if (m_listening.isEmpty())
        return;
    {
        QSqlDatabase connection = QSqlDatabase::database(m_listening, false);
        if (connection.driver())
            connection.driver()->disconnect(this);
        connection.close();
    }
    QSqlDatabase::removeDatabase(std::exchange(m_listening, QString()));
}

void NotificationChannel::checkConnection()
{
    if (!m_listening.isEmpty() && scalar(QSqlDatabase::database(m_listening, false), u"SELECT 1"_s))
        return;
    qCWarning(lcNotify) << "the connection listening on" << m_channel
                        << "was lost; listening again (what other servers sent meanwhile did not arrive)";
    closeConnection();
    m_partial.clear();
    if (auto listening = connectAndListen(); !listening)
        qCWarning(lcNotify) << "cannot listen on" << m_channel << "yet:" << listening.error().message;
}

std::expected<void, DbError> NotificationChannel::publish(const QByteArray &message) const
{
    auto connection = m_database->tryConnection();
    if (!connection)
        return std::unexpected(connection.error());
    const QByteArray data = message.toBase64();
    const qsizetype count = std::max<qsizetype>(1, (data.size() + PartBytes - 1) / PartBytes);
    const QByteArray number = QByteArray::number(++m_nextMessage, 16);
    // All parts in one transaction: delivered together, in order, and only if it commits.
    return transact(*connection, [&]() -> std::expected<void, DbError> {
        for (qsizetype i = 0; i < count; ++i) {
            const QByteArray payload = m_instance + ':' + number + ':' + QByteArray::number(i) + ':'
                + QByteArray::number(count) + ':' + data.mid(i * PartBytes, PartBytes);
            if (auto sent = exec(*connection, u"SELECT pg_notify(:channel, :payload)"_s,
                                 { { u":channel"_s, m_channel }, { u":payload"_s, QString::fromLatin1(payload) } });
                !sent)
                return std::unexpected(sent.error());
        }
        return {};
    });
}

void NotificationChannel::onNotification(const QString &name, const QVariant &payload)
{
    if (name != m_channel)
        return;
    const QList<QByteArray> fields = payload.toString().toLatin1().split(':');
    if (fields.size() != 5) {
        qCWarning(lcNotify) << "a notification on" << m_channel << "that is not RentDesk's was left aside";
        return;
    }
    if (fields.at(0) == m_instance)
        return; // our own
    const QByteArray key = fields.at(0) + ':' + fields.at(1);
    bool indexRead = false;
    bool countRead = false;
    const qsizetype index = fields.at(2).toLongLong(&indexRead);
    const qsizetype count = fields.at(3).toLongLong(&countRead);
    QList<QByteArray> &parts = m_partial[key];
    if (!indexRead || !countRead || count < 1 || index != parts.size() || index >= count) {
        qCWarning(lcNotify) << "a message on" << m_channel << "came with a part missing; it was left aside";
        m_partial.remove(key);
        return;
    }
    parts.append(fields.at(4));
    if (parts.size() < count)
        return;
    const QByteArray message = QByteArray::fromBase64(parts.join());
    m_partial.remove(key);
    Q_EMIT received(message);
}

} // namespace rentdesk::models::db
