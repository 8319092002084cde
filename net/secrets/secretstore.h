// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QHash>
#include <QObject>
#include <QString>

#include <expected>
#include <functional>
#include <memory>

namespace rentdesk::net::secrets {

// Where secrets (the SMTP password, later the server token) are kept: the desktop's keyring
// through QtKeychain, or, where there is none, memory for this run only. Never a settings
// file. Calls are asynchronous because a keyring may ask the user to unlock it; the callback
// runs on the caller's thread, and not at all once context is destroyed.
class SecretStore : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SecretStore)

public:
    // The secret, an empty string when none is stored under the key, or why it cannot be read.
    using ReadCallback = std::function<void(std::expected<QString, QString>)>;
    using WriteCallback = std::function<void(std::expected<void, QString>)>;

    explicit SecretStore(QObject *parent = nullptr)
        : QObject(parent)
    {
    }
    ~SecretStore() override = default;

    virtual void read(const QString &key, QObject *context, ReadCallback done) = 0;
    // An empty secret removes what is stored under the key.
    virtual void write(const QString &key, const QString &secret, QObject *context, WriteCallback done) = 0;
    // False for the memory fallback: a secret given now is gone when RentDesk closes.
    [[nodiscard]] virtual bool isPersistent() const = 0;
};

// The fallback where there is no keyring (and the store the tests use): a secret lives as
// long as the object.
class MemorySecretStore final : public SecretStore
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MemorySecretStore)

public:
    explicit MemorySecretStore(QObject *parent = nullptr)
        : SecretStore(parent)
    {
    }
    void read(const QString &key, QObject *context, ReadCallback done) override;
    void write(const QString &key, const QString &secret, QObject *context, WriteCallback done) override;
    [[nodiscard]] bool isPersistent() const override { return false; }

private:
    QHash<QString, QString> m_secrets;
};

// The desktop's keyring when one answers on the session bus (the Secret Service, or KWallet),
// else the memory fallback. Decided at once, with a short bounded D-Bus query: a machine
// without a session bus, or with a bus and no keyring, never waits on D-Bus's 25 s timeout.
// RENTDESK_KEYRING=none chooses the fallback outright (tests, scripts).
[[nodiscard]] std::unique_ptr<SecretStore> makeSecretStore(QObject *parent = nullptr);

} // namespace rentdesk::net::secrets
