// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QObject>

class QSocketNotifier;

namespace rentdesk::server {

// Turns SIGTERM and SIGINT into a Qt signal on the event loop (the self-pipe trick: the
// handler only writes a byte to a socket pair, which a QSocketNotifier reads), so that the
// server shuts down from ordinary code: close frames sent, the transaction under way
// finished, exit code 0.
class ShutdownSignal final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ShutdownSignal)

public:
    explicit ShutdownSignal(QObject *parent = nullptr);
    ~ShutdownSignal() override;

    [[nodiscard]] bool isValid() const { return m_notifier != nullptr; }

Q_SIGNALS:
    void requested(int signalNumber);

private:
    void onActivated();

    QSocketNotifier *m_notifier = nullptr;
};

} // namespace rentdesk::server
