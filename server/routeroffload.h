// SPDX-License-Identifier: GPL-3.0-or-later
//
// Router::offload, for the files of the Router's requests that use it (router.cpp for log-ins
// and sign-ups, syncroutes.cpp for snapshots).
#pragma once

#include "server/clientconnection.h"
#include "server/router.h"

#include <QMetaObject>

namespace rentdesk::server {

template<typename Work, typename Finish>
void Router::offload(ClientConnection &connection, int priority, Work work, Finish finish)
{
    QPointer<ClientConnection> guard(&connection);
    m_workers.start(
        [this, guard, work, finish]() {
            auto result = work();
            // Back on the Router's thread; a Router is destroyed only after its workers finished.
            QMetaObject::invokeMethod(
                this,
                [guard, finish, result]() {
                    // One read of the guard: GCC cannot tell that two reads agree.
                    ClientConnection *open = guard.data();
                    finish(open && open->isOpen() ? open : nullptr, result);
                },
                Qt::QueuedConnection);
        },
        priority);
}

} // namespace rentdesk::server
