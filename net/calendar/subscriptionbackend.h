// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/services/calendarsubscriptionservice.h"
#include "net/calendar/subscriptionrefresher.h"
#include "net/connection/serverconnection.h"

#include <QList>
#include <QObject>
#include <QPointer>
#include <QString>
#include <QUuid>

#include <expected>
#include <functional>

namespace rentdesk::net::calendar {

// Why the followed calendars were not read or changed: a sentence for the person, and whether
// it is about the address typed (shown under the field) rather than the whole request.
struct SubscriptionProblem
{
    QString message;
    bool aboutUrl = false;
};
template<typename T> using SubscriptionResult = std::expected<T, SubscriptionProblem>;

// Where the calendars an apartment follows are kept and read (docs/architecture.md, "Calendar
// subscriptions"): on a standalone database by its own service and refresher
// (LocalSubscriptions), on a connected one by the server over the protocol
// (ServerSubscriptions). The subscriptions dialog talks only to this. Every handler is called
// exactly once — at once or later — unless context is destroyed first.
class SubscriptionBackend : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SubscriptionBackend)

public:
    using ListHandler = std::function<void(const SubscriptionResult<QList<models::services::CalendarSubscription>> &)>;
    using DoneHandler = std::function<void(const SubscriptionResult<void> &)>;

    explicit SubscriptionBackend(QObject *parent = nullptr)
        : QObject(parent)
    {
    }
    ~SubscriptionBackend() override = default;

    // Whether the list can be read and changed now (the server's: while online).
    [[nodiscard]] virtual bool isAvailable() const = 0;
    // Whether "refresh now" can be asked for.
    [[nodiscard]] virtual bool canRefresh() const = 0;
    // Whether the server reads the calendars (a connected database) rather than this computer.
    [[nodiscard]] virtual bool isServer() const = 0;

    virtual void list(const QUuid &apartment, QObject *context, ListHandler handler) = 0;
    virtual void add(const QUuid &apartment, const QString &url, QObject *context, DoneHandler handler) = 0;
    virtual void remove(const QUuid &subscription, QObject *context, DoneHandler handler) = 0;
    // Asks for the apartment's calendars to be read again; their outcomes come as checked().
    virtual void refresh(const QUuid &apartment, QObject *context, DoneHandler handler) = 0;

Q_SIGNALS:
    void availabilityChanged();
    // A calendar of the apartment was checked and the outcome recorded; blocksChanged when its
    // import changed this database's blocks (a connected database hears of those through sync).
    void checked(const QUuid &apartment, bool blocksChanged);
    // LocalSubscriptions: nothing is being read any more.
    void idle();
};

// A standalone database: the service, in the name of `actor`, and the desktop's refresher
// (null: refresh is not offered).
class LocalSubscriptions final : public SubscriptionBackend
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LocalSubscriptions)

public:
    LocalSubscriptions(const models::services::CalendarSubscriptionService &service, SubscriptionRefresher *refresher,
                       const QUuid &actor, QObject *parent = nullptr);
    ~LocalSubscriptions() override;

    [[nodiscard]] bool isAvailable() const override { return true; }
    [[nodiscard]] bool canRefresh() const override { return m_refresher != nullptr; }
    [[nodiscard]] bool isServer() const override { return false; }
    void list(const QUuid &apartment, QObject *context, ListHandler handler) override;
    void add(const QUuid &apartment, const QString &url, QObject *context, DoneHandler handler) override;
    void remove(const QUuid &subscription, QObject *context, DoneHandler handler) override;
    void refresh(const QUuid &apartment, QObject *context, DoneHandler handler) override;

private:
    const models::services::CalendarSubscriptionService &m_service;
    QPointer<SubscriptionRefresher> m_refresher;
    QUuid m_actor;
};

// A connected database: the server's calendar.subscriptions, .subscribe, .unsubscribe and
// .refresh (docs/protocol.md) over the app's one connection and its session, and its
// calendar.checked pushes. Nothing is kept here: the list is asked for each time.
class ServerSubscriptions final : public SubscriptionBackend
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ServerSubscriptions)

public:
    // The connection must outlive this.
    explicit ServerSubscriptions(connection::ServerConnection &connection, QObject *parent = nullptr);
    ~ServerSubscriptions() override;

    [[nodiscard]] bool isAvailable() const override;
    [[nodiscard]] bool canRefresh() const override { return isAvailable(); }
    [[nodiscard]] bool isServer() const override { return true; }
    void list(const QUuid &apartment, QObject *context, ListHandler handler) override;
    void add(const QUuid &apartment, const QString &url, QObject *context, DoneHandler handler) override;
    void remove(const QUuid &subscription, QObject *context, DoneHandler handler) override;
    void refresh(const QUuid &apartment, QObject *context, DoneHandler handler) override;

    // A subscription as the server sends it (calendar.subscriptions), or nullopt when malformed.
    [[nodiscard]] static std::optional<models::services::CalendarSubscription> fromJson(const QJsonObject &object);

private:
    void ask(const QString &type, const QJsonObject &body, QObject *context, DoneHandler handler);

    connection::ServerConnection &m_connection;
};

} // namespace rentdesk::net::calendar
