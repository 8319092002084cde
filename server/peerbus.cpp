// SPDX-License-Identifier: GPL-3.0-or-later
#include "server/peerbus.h"

#include "models/db/notificationchannel.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QTimer>

namespace rentdesk::server {

using namespace Qt::StringLiterals;

Q_LOGGING_CATEGORY(lcPeers, "rentdesk.server.peers", QtInfoMsg)

std::expected<std::unique_ptr<PeerBus>, QString> PeerBus::open(std::shared_ptr<models::db::Database> database,
                                                               QObject *parent)
{
    auto channel = models::db::NotificationChannel::listen(std::move(database), QString::fromLatin1(Channel));
    if (!channel)
        return std::unexpected(channel.error().message);
    return std::unique_ptr<PeerBus>(new PeerBus(std::move(*channel), parent));
}

PeerBus::PeerBus(std::unique_ptr<models::db::NotificationChannel> channel, QObject *parent)
    : QObject(parent)
    , m_channel(std::move(channel))
{
    connect(m_channel.get(), &models::db::NotificationChannel::received, this, &PeerBus::deliver);
}

PeerBus::~PeerBus()
{
    flush();
}

void PeerBus::push(const QUuid &user, const QByteArray &frame)
{
    queue({ { u"k"_s, u"push"_s },
            { u"u"_s, user.toString(QUuid::WithoutBraces) },
            { u"f"_s, QString::fromUtf8(frame) } });
}

void PeerBus::poke(qint64 after, qint64 through)
{
    queue({ { u"k"_s, u"poke"_s }, { u"a"_s, QString::number(after) }, { u"t"_s, QString::number(through) } });
}

void PeerBus::endSession(const QString &tokenHash, const QString &reason)
{
    queue({ { u"k"_s, u"end"_s }, { u"h"_s, tokenHash }, { u"r"_s, reason } });
}

void PeerBus::mailQueued()
{
    queue({ { u"k"_s, u"mail"_s } });
}

void PeerBus::queue(QJsonObject event)
{
    if (m_pending.isEmpty())
        QTimer::singleShot(0, this, &PeerBus::flush);
    m_pending.append(std::move(event));
}

void PeerBus::flush()
{
    if (m_pending.isEmpty())
        return;
    const QByteArray message = QJsonDocument(std::exchange(m_pending, QJsonArray())).toJson(QJsonDocument::Compact);
    if (auto sent = m_channel->publish(message); !sent)
        qCWarning(lcPeers) << "could not tell the other servers:" << sent.error().message << sent.error().detail;
}

void PeerBus::deliver(const QByteArray &message)
{
    const QJsonDocument document = QJsonDocument::fromJson(message);
    if (!document.isArray()) {
        qCWarning(lcPeers) << "a message from another server that is not RentDesk's was left aside";
        return;
    }
    for (const QJsonValue &value : document.array()) {
        const QJsonObject event = value.toObject();
        const QString kind = event.value(u"k"_s).toString();
        if (kind == u"push") {
            const QUuid user = QUuid::fromString(event.value(u"u"_s).toString());
            if (!user.isNull())
                Q_EMIT pushed(user, event.value(u"f"_s).toString().toUtf8());
        } else if (kind == u"poke") {
            Q_EMIT poked(event.value(u"a"_s).toString().toLongLong(), event.value(u"t"_s).toString().toLongLong());
        } else if (kind == u"end") {
            Q_EMIT sessionEnded(event.value(u"h"_s).toString(), event.value(u"r"_s).toString());
        } else if (kind == u"mail") {
            Q_EMIT mailWaiting();
        }
    }
}

} // namespace rentdesk::server
