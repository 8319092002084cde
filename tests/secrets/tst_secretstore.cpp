// SPDX-License-Identifier: GPL-3.0-or-later
#include "net/secrets/secretstore.h"

#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace rentdesk;

namespace {

// Waits (bounded) for an asynchronous SecretStore answer.
template<typename T> std::optional<T> await(const std::function<void(std::function<void(T)>)> &call)
{
    std::optional<T> answer;
    call([&answer](T value) { answer = std::move(value); });
    if (!QTest::qWaitFor([&] { return answer.has_value(); }, 20000))
        return std::nullopt;
    return answer;
}

// What dbus-daemon --session reads, less the folders of services it could start on demand.
const char *const busConfig = "<!DOCTYPE busconfig PUBLIC \"-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN\"\n"
                              " \"http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd\">\n"
                              "<busconfig>\n"
                              "  <type>session</type>\n"
                              "  <listen>unix:tmpdir=/tmp</listen>\n"
                              "  <auth>EXTERNAL</auth>\n"
                              "  <policy context=\"default\">\n"
                              "    <allow send_destination=\"*\" eavesdrop=\"true\"/>\n"
                              "    <allow eavesdrop=\"true\"/>\n"
                              "    <allow own=\"*\"/>\n"
                              "  </policy>\n"
                              "</busconfig>\n";

} // namespace

// Where the SMTP password is kept: a real keyring (gnome-keyring's Secret Service on a
// private session bus of the test's own) through QtKeychain, and the memory fallback, which
// is chosen at once — never after D-Bus's 25 s timeout — when no bus or no keyring answers.
class TestSecretStore final : public QObject
{
    Q_OBJECT

    QTemporaryDir home;
    QProcess bus;
    QProcess keyring;
    QByteArray busAddress;

    // A session bus of the test's own, with nothing on it that D-Bus could start on demand
    // (the system's service files would make an installed gnome-keyring activatable).
    bool startBus()
    {
        QFile config(home.filePath(u"bus.conf"_s));
        if (!config.open(QIODevice::WriteOnly))
            return false;
        config.write(busConfig);
        config.close();
        bus.start(u"dbus-daemon"_s, { u"--config-file"_s, config.fileName(), u"--nofork"_s, u"--print-address=1"_s });
        if (!bus.waitForStarted(10000))
            return false;
        if (!QTest::qWaitFor([&] { return bus.canReadLine(); }, 10000))
            return false;
        busAddress = bus.readLine().trimmed();
        return !busAddress.isEmpty();
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(home.isValid());
        // The keyring keeps its files in the test's own home.
        qputenv("HOME", home.path().toUtf8());
        qputenv("XDG_DATA_HOME", home.filePath(u"data"_s).toUtf8());
        qputenv("XDG_RUNTIME_DIR", home.path().toUtf8());
        qunsetenv("RENTDESK_KEYRING");
        QVERIFY2(startBus(), "dbus-daemon (Debian package dbus-daemon) did not start");
    }
    void cleanupTestCase()
    {
        for (QProcess *process : { &keyring, &bus }) {
            process->terminate();
            if (!process->waitForFinished(5000))
                process->kill();
        }
    }

    void memoryStoreKeepsSecretsForTheRun()
    {
        net::secrets::MemorySecretStore store;
        QObject context;
        QVERIFY(!store.isPersistent());
        const auto written = await<std::expected<void, QString>>(
            [&](auto done) { store.write(u"smtp://a@h:587"_s, u"пароль"_s, &context, done); });
        QVERIFY(written && *written);
        auto read =
            await<std::expected<QString, QString>>([&](auto done) { store.read(u"smtp://a@h:587"_s, &context, done); });
        QCOMPARE(read->value(), u"пароль"_s);
        read = await<std::expected<QString, QString>>([&](auto done) { store.read(u"other"_s, &context, done); });
        QCOMPARE(read->value(), QString());
        // An answer for a context that is gone is dropped, not delivered to a dead object.
        bool called = false;
        {
            QObject shortLived;
            store.read(u"smtp://a@h:587"_s, &shortLived, [&](const auto &) { called = true; });
        }
        QCoreApplication::sendPostedEvents(); // what was queued would be delivered now
        QCoreApplication::processEvents();
        QVERIFY(!called);
    }

    // No bus at all, a bus without a keyring, or RENTDESK_KEYRING=none: the fallback, at once.
    void fallbackWithoutAKeyring_data()
    {
        QTest::addColumn<QByteArray>("address");
        QTest::addColumn<QByteArray>("keyringSetting");
        QTest::newRow("no session bus") << QByteArray() << QByteArray();
        QTest::newRow("a bus without a keyring") << QByteArray("bus") << QByteArray();
        QTest::newRow("RENTDESK_KEYRING=none") << QByteArray("bus") << QByteArray("none");
    }
    void fallbackWithoutAKeyring()
    {
        QFETCH(QByteArray, address);
        QFETCH(QByteArray, keyringSetting);
        if (address.isEmpty())
            qunsetenv("DBUS_SESSION_BUS_ADDRESS");
        else
            qputenv("DBUS_SESSION_BUS_ADDRESS", busAddress);
        if (!keyringSetting.isEmpty())
            qputenv("RENTDESK_KEYRING", keyringSetting);
        QElapsedTimer timer;
        timer.start();
        const auto store = net::secrets::makeSecretStore();
        qunsetenv("RENTDESK_KEYRING");
        QVERIFY(!store->isPersistent());
        // A bound on waiting, not a speed measurement: D-Bus's own timeout is 25 s.
        QVERIFY2(timer.elapsed() < 5000, qPrintable(QString::number(timer.elapsed())));
    }

    // gnome-keyring's Secret Service on the test's bus: the password is written, read back
    // by a new store (as at the next start) and removed, through QtKeychain.
    void keyringKeepsThePassword()
    {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(u"DBUS_SESSION_BUS_ADDRESS"_s, QString::fromUtf8(busAddress));
        keyring.setProcessEnvironment(env);
        keyring.start(u"gnome-keyring-daemon"_s, { u"--foreground"_s, u"--unlock"_s, u"--components=secrets"_s });
        QVERIFY2(keyring.waitForStarted(10000), "gnome-keyring-daemon (Debian package gnome-keyring) did not start");
        keyring.write("keyring password for the test");
        keyring.closeWriteChannel();
        qputenv("DBUS_SESSION_BUS_ADDRESS", busAddress);

        std::unique_ptr<net::secrets::SecretStore> store;
        QTRY_VERIFY_WITH_TIMEOUT((store = net::secrets::makeSecretStore())->isPersistent(), 20000);
        QObject context;
        const QString key = u"smtp://ann%40example.org@mail.example.org:587"_s;
        const auto written = await<std::expected<void, QString>>(
            [&](auto done) { store->write(key, u"секрет пароль"_s, &context, done); });
        QVERIFY(written);
        QVERIFY2(*written, qPrintable(*written ? QString() : written->error()));

        const auto again = net::secrets::makeSecretStore();
        auto read = await<std::expected<QString, QString>>([&](auto done) { again->read(key, &context, done); });
        QVERIFY(read && *read);
        QCOMPARE(**read, u"секрет пароль"_s);

        const auto removed =
            await<std::expected<void, QString>>([&](auto done) { again->write(key, QString(), &context, done); });
        QVERIFY(removed && *removed);
        read = await<std::expected<QString, QString>>([&](auto done) { again->read(key, &context, done); });
        QVERIFY(read && *read);
        QCOMPARE(**read, QString());
    }
};

QTEST_GUILESS_MAIN(TestSecretStore)
#include "tst_secretstore.moc"
