// SPDX-License-Identifier: GPL-3.0-or-later
#include "net/secrets/secretstore.h"

#include <QDBusConnection>
#include <QDBusMessage>
#include <QLoggingCategory>
#include <QPointer>
#include <QScopeGuard>
#include <QTimer>
#include <qt6keychain/keychain.h>

namespace rentdesk::net::secrets {

using namespace Qt::StringLiterals;

Q_LOGGING_CATEGORY(lcSecrets, "rentdesk.net.secrets", QtWarningMsg)

namespace {

// What QtKeychain files RentDesk's secrets under.
const QString serviceName = u"RentDesk"_s;

// Runs a callback later on the event loop, as the keyring would, unless context is gone.
template<typename Callback, typename Value> void later(QObject *context, Callback done, Value value)
{
    QTimer::singleShot(0, context, [done = std::move(done), value = std::move(value)]() mutable { done(value); });
}

// Asks the bus one question, waiting at most a second.
QStringList busNames(const QDBusConnection &bus, const QString &method)
{
    QDBusMessage call = QDBusMessage::createMethodCall(u"org.freedesktop.DBus"_s, u"/org/freedesktop/DBus"_s,
                                                       u"org.freedesktop.DBus"_s, method);
    const QDBusMessage answer = bus.call(call, QDBus::Block, 1000);
    if (answer.type() != QDBusMessage::ReplyMessage || answer.arguments().isEmpty())
        return {};
    return answer.arguments().constFirst().toStringList();
}

bool keyringAnswers()
{
    if (qEnvironmentVariable("RENTDESK_KEYRING") == u"none")
        return false;
    // Without an address Qt would try to autolaunch a bus (X11's dbus-launch): not here.
    if (qEnvironmentVariableIsEmpty("DBUS_SESSION_BUS_ADDRESS"))
        return false;
    const QDBusConnection bus = QDBusConnection::connectToBus(QDBusConnection::SessionBus, u"rentdesk-keyring-probe"_s);
    const auto closeProbe = qScopeGuard([] { QDBusConnection::disconnectFromBus(u"rentdesk-keyring-probe"_s); });
    if (!bus.isConnected())
        return false;
    const QStringList keyrings { u"org.freedesktop.secrets"_s, u"org.kde.kwalletd5"_s, u"org.kde.kwalletd6"_s };
    for (const QString &method : { u"ListNames"_s, u"ListActivatableNames"_s }) {
        const QStringList names = busNames(bus, method);
        for (const QString &keyring : keyrings) {
            if (names.contains(keyring))
                return true;
        }
    }
    return false;
}

class KeychainSecretStore final : public SecretStore
{
public:
    explicit KeychainSecretStore(QObject *parent)
        : SecretStore(parent)
    {
    }

    void read(const QString &key, QObject *context, ReadCallback done) override
    {
        auto *job = new QKeychain::ReadPasswordJob(serviceName, this);
        job->setAutoDelete(true);
        job->setKey(key);
        QPointer<QObject> guard(context);
        connect(job, &QKeychain::Job::finished, this, [job, guard, done = std::move(done)] {
            if (!guard)
                return;
            if (job->error() == QKeychain::NoError)
                done(job->textData());
            else if (job->error() == QKeychain::EntryNotFound)
                done(QString());
            else
                done(std::unexpected(job->errorString()));
        });
        job->start();
    }

    void write(const QString &key, const QString &secret, QObject *context, WriteCallback done) override
    {
        QKeychain::Job *job = nullptr;
        if (secret.isEmpty()) {
            auto *remove = new QKeychain::DeletePasswordJob(serviceName, this);
            remove->setKey(key);
            job = remove;
        } else {
            auto *store = new QKeychain::WritePasswordJob(serviceName, this);
            store->setKey(key);
            store->setTextData(secret);
            job = store;
        }
        job->setAutoDelete(true);
        QPointer<QObject> guard(context);
        connect(job, &QKeychain::Job::finished, this, [job, guard, done = std::move(done)] {
            if (!guard)
                return;
            if (job->error() == QKeychain::NoError || job->error() == QKeychain::EntryNotFound)
                done({});
            else
                done(std::unexpected(job->errorString()));
        });
        job->start();
    }

    [[nodiscard]] bool isPersistent() const override { return true; }
};

} // namespace

void MemorySecretStore::read(const QString &key, QObject *context, ReadCallback done)
{
    later(context, std::move(done), std::expected<QString, QString>(m_secrets.value(key)));
}

void MemorySecretStore::write(const QString &key, const QString &secret, QObject *context, WriteCallback done)
{
    if (secret.isEmpty())
        m_secrets.remove(key);
    else
        m_secrets.insert(key, secret);
    later(context, std::move(done), std::expected<void, QString>());
}

std::unique_ptr<SecretStore> makeSecretStore(QObject *parent)
{
    if (keyringAnswers())
        return std::make_unique<KeychainSecretStore>(parent);
    qCInfo(lcSecrets) << "no keyring on the session bus; secrets are kept in memory for this run";
    return std::make_unique<MemorySecretStore>(parent);
}

} // namespace rentdesk::net::secrets
