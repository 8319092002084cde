// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "net/connection/serverconnection.h"
#include "net/sync/syncclient.h"

#include <QDateTime>
#include <QString>

namespace rentdesk::views {

// What the status bar's sync label shows on a connected replica, from the sync client's and the
// connection's states and the replica's counts.
struct SyncStatusInput
{
    net::sync::SyncClient::State sync = net::sync::SyncClient::State::Offline;
    net::connection::ServerConnection::State connection = net::connection::ServerConnection::State::Offline;
    bool hasSession = false; // the account's session is in force or being resumed
    int pending = 0; // changes not yet applied by the server
    QDateTime lastSynced; // the replica's last complete sync; null before the first
    QString problem; // the sync client's, when Failing
    QString server; // host[:port], for the tooltip
};

struct SyncStatusText
{
    QString text;
    QString tooltip;
    bool problem = false; // shown in the error colour
};

// "Synced at 14:05", "Syncing 3 changes", "Offline (2 changes waiting)", "Not signed in (…)",
// or the problem; with a tooltip that says what it means and that a click opens the details.
// `now`: to say the time alone for today and the date too for earlier days.
[[nodiscard]] SyncStatusText syncStatusText(const SyncStatusInput &input, const QDateTime &now);

// A moment for the status bar: the time alone today, the date and time before.
[[nodiscard]] QString syncMoment(const QDateTime &when, const QDateTime &now);

} // namespace rentdesk::views
