// SPDX-License-Identifier: GPL-3.0-or-later
#include "views/sync/syncstatus.h"

#include <QCoreApplication>
#include <QLocale>

namespace rentdesk::views {

using namespace Qt::StringLiterals;
using ConnectionState = net::connection::ServerConnection::State;
using SyncState = net::sync::SyncClient::State;

namespace {

struct SyncStatus
{
    Q_DECLARE_TR_FUNCTIONS(SyncStatus)
};

} // namespace

QString syncMoment(const QDateTime &when, const QDateTime &now)
{
    const QDateTime local = when.toLocalTime();
    const QLocale locale;
    if (local.date() == now.toLocalTime().date())
        return locale.toString(local.time(), QLocale::ShortFormat);
    return locale.toString(local, QLocale::ShortFormat);
}

SyncStatusText syncStatusText(const SyncStatusInput &in, const QDateTime &now)
{
    SyncStatusText out;
    const QString click = SyncStatus::tr("Click for the details.");
    QString waiting = SyncStatus::tr("Your changes are kept on this computer and sent when the connection is back.");
    if (in.lastSynced.isValid())
        waiting += u' ' + SyncStatus::tr("Last synced at %1.").arg(syncMoment(in.lastSynced, now));
    if (!in.hasSession) {
        out.text = in.pending > 0 ? SyncStatus::tr("Not signed in (%n change(s) waiting)", nullptr, in.pending)
                                  : SyncStatus::tr("Not signed in");
        out.tooltip = SyncStatus::tr("The server asks you to sign in again before it syncs.") + u' ' + waiting + u'\n'
            + SyncStatus::tr("Click to sign in.");
        out.problem = true;
        return out;
    }
    if (in.connection != ConnectionState::Online || in.sync == SyncState::Offline) {
        out.text = in.pending > 0 ? SyncStatus::tr("Offline (%n change(s) waiting)", nullptr, in.pending)
                                  : SyncStatus::tr("Offline");
        out.tooltip = (in.connection == ConnectionState::Connecting ? SyncStatus::tr("Connecting to %1…")
                                                                    : SyncStatus::tr("No connection to %1."))
                          .arg(in.server)
            + u' ' + waiting + u'\n' + click;
        return out;
    }
    switch (in.sync) {
    case SyncState::Failing:
        out.text = SyncStatus::tr("Sync problem");
        out.tooltip = in.problem + u'\n' + SyncStatus::tr("RentDesk tries again by itself.") + u' ' + click;
        out.problem = true;
        return out;
    case SyncState::Syncing:
        out.text =
            in.pending > 0 ? SyncStatus::tr("Syncing %n change(s)", nullptr, in.pending) : SyncStatus::tr("Syncing…");
        out.tooltip = SyncStatus::tr("Sending your changes to %1 and fetching what changed there.").arg(in.server)
            + u'\n' + click;
        return out;
    case SyncState::Synced:
    case SyncState::Offline:
        break;
    }
    out.text = in.lastSynced.isValid() ? SyncStatus::tr("Synced at %1").arg(syncMoment(in.lastSynced, now))
                                       : SyncStatus::tr("Synced");
    out.tooltip = SyncStatus::tr("Everything here agrees with %1.").arg(in.server) + u'\n' + click;
    return out;
}

} // namespace rentdesk::views
